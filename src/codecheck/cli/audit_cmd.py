"""`codecheck audit FILE|DIR|GLOB...`: audit self-assessments and report in one or several formats.

The command is a thin shell: it validates options, builds the configuration (``load_config`` with the
command-line overrides), expands inputs, runs ``batch.audit_many``, applies a baseline and hands the
results to ``codecheck.report.render``. The ``--format`` choices and the ``--NAME-output`` options
come from the one list of formats (``codecheck.report.REGISTERED``). Exit status: 0 nothing reaches
``--fail-on``; 1 something does; 2 a usage, configuration or input error (after auditing every
readable document).
"""

from __future__ import annotations

import functools
import inspect
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

from codecheck.cli.common import check_output_path, guarded, warn_rule_without_facts, write_output
from codecheck.errors import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, ConfigError
from codecheck.report import REGISTERED, output_option
from codecheck.terminal import error_line, warning_line

FORMAT_NAMES = tuple(fmt.name for fmt in REGISTERED)
FAIL_ON = ("error", "warning", "info", "never")
STEP_SUMMARY_LIMIT = 1000 * 1024  # GitHub refuses step summaries over 1024 KiB


def _split(values: list[str] | None) -> list[str]:
    """``--select A,B --select C`` -> [A, B, C]."""
    out: list[str] = []
    for v in values or []:
        out.extend(part.strip() for part in v.split(",") if part.strip())
    return out


def _severity_overrides(values: list[str] | None) -> dict[str, str]:
    from codecheck.model import Severity

    out: dict[str, str] = {}
    for item in _split(values):
        rule, sep, level = item.partition("=")
        if not sep or not rule.strip() or not level.strip():
            raise ConfigError(f"--severity expects RULE=LEVEL (e.g. CC108=error), not {item!r}")
        try:
            out[rule.strip()] = str(Severity.parse(level))
        except ValueError as exc:
            raise ConfigError(f"--severity {item}: {exc}") from None
    return out


def _parse_today(value: str | None):
    if value is None:
        return None
    from datetime import date

    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"--today expects a date as YYYY-MM-DD, not {value!r}") from None


def _complete_formats(incomplete: str) -> list[str]:
    return [f for f in FORMAT_NAMES if f.startswith(incomplete)]


def _complete_levels(incomplete: str) -> list[str]:
    return [level for level in FAIL_ON if level.startswith(incomplete)]


def _check_format(name: str, where: str) -> str:
    name = name.strip().lower()
    if name not in FORMAT_NAMES:
        raise ConfigError(f"{where} expects one of {', '.join(FORMAT_NAMES)}, not {name!r}")
    return name


def _fail_threshold(name: str):
    from codecheck.model import Severity

    name = str(name).strip().lower()
    if name == "never":
        return None
    try:
        return Severity.parse(name)
    except ValueError:
        raise ConfigError(f"--fail-on expects one of {', '.join(FAIL_ON)}, not {name!r}") from None


def _check_outputs(outputs: list[Path], inputs: list[str], force: bool) -> None:
    """Refuse to clobber files before any work is done (and never an input document)."""
    seen: set[str] = set()
    input_paths = {os.path.abspath(p) for p in inputs if Path(p).is_file()}
    for out in outputs:
        key = os.path.abspath(out)
        if key in input_paths:
            raise ConfigError("refusing to write a report over an input document", out)
        if key in seen:
            raise ConfigError("the same file is named for two outputs", out)
        seen.add(key)
        check_output_path(out, force)


def _check_annotate(target: Path, inputs: list[str], outputs: list[Path], force: bool) -> None:
    """``--annotate``: one DOCX or PDF form in, a new file of the same kind out (never the input, never
    a report's file, never an existing file without --force); refused before any work for a format it
    cannot annotate."""
    from codecheck.annotate import refusal
    from codecheck.errors import InputError
    from codecheck.readers.sniff import sniff

    if len(inputs) != 1 or not Path(inputs[0]).is_file():
        raise ConfigError(
            "--annotate takes exactly one form (a DOCX or PDF file), not a folder or several files"
        )
    source = Path(inputs[0])
    if os.path.abspath(target) == os.path.abspath(source):
        raise ConfigError("refusing to annotate the form in place: name a new file", target)
    if any(str(p) != "-" and os.path.abspath(p) == os.path.abspath(target) for p in outputs):
        raise ConfigError("the same file is named for two outputs", target)
    check_output_path(target, force)
    try:
        kind = sniff(source)
    except InputError:
        return  # the audit reports what is wrong with the file
    why = refusal(kind if source.suffix.lower() not in (".html", ".htm", ".xlsx") else source.suffix[1:])
    if why is not None:
        raise ConfigError(why, source)
    if target.suffix.lower() != f".{kind}":
        what = kind.upper()
        raise ConfigError(f"the annotated copy of a {what} form is a {what}: name it .{kind}", target)


def _write_annotated(target: Path, result, rules) -> None:
    from codecheck.annotate import write_annotated
    from codecheck.terminal import one_line

    count = write_annotated(Path(result.path), target, result, rules)
    typer.echo(one_line(f"wrote {target}: {count} comment(s), one per finding"), err=True)


def _color_wanted(to_stdout: bool) -> bool:
    if not to_stdout or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def _warn_rules_without_facts(results, rules) -> None:
    """Once per run and Code version: the rules it gave nothing to apply to, for want of its facts.

    Such a rule was skipped on those documents; without a word a version file that forgot a fact (a
    new Code version, a local copy) would make the rule fall silent.
    """
    from codecheck.engine import rules_without_facts

    versions = {r.aligned.code.id: r.aligned.code for r in results if r.aligned is not None}
    for vid in sorted(versions):
        for rule, reason in rules_without_facts(rules, versions[vid]):
            warn_rule_without_facts(rule.code, rule.slug, vid, reason)


def _write_step_summary(results, options) -> None:
    """Append the markdown report to $GITHUB_STEP_SUMMARY, capped below GitHub's 1 MiB limit."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return
    from codecheck.report import github

    text = github.step_summary(results, options, limit=STEP_SUMMARY_LIMIT)
    try:
        with open(target, "a", encoding="utf-8") as fh:
            fh.write(text)
    except OSError as exc:
        warning_line(f"{target}: cannot write the step summary: {exc.strerror or exc}")


def _with_format_outputs(command: Callable[..., None]) -> Callable[..., None]:
    """Give ``command`` one ``--NAME-output FILE`` option per registered format that offers one.

    typer builds a command's options from its signature, so the signature typer reads has the
    ``format_outputs`` parameter replaced by one parameter per such format (in registry order); the
    wrapper gathers their values back into ``format_outputs`` ({format name: path or None}). A format
    added to the registry gets its option here, with no second list to keep.
    """
    offered = [fmt for fmt in REGISTERED if output_option(fmt)]
    generated = [
        inspect.Parameter(
            f"{fmt.name}_output",
            inspect.Parameter.POSITIONAL_OR_KEYWORD,
            default=None,
            annotation=Annotated[
                Path | None,
                typer.Option(
                    output_option(fmt), metavar="FILE", help=f"Also write {fmt.also_written_as} here."
                ),
            ],
        )
        for fmt in offered
    ]
    signature = inspect.signature(command, eval_str=True)
    parameters: list[inspect.Parameter] = []
    for param in signature.parameters.values():
        parameters.extend(generated if param.name == "format_outputs" else [param])

    @functools.wraps(command)
    def with_outputs(**kwargs: Any) -> None:
        outputs = {fmt.name: kwargs.pop(f"{fmt.name}_output", None) for fmt in offered}
        command(**kwargs, format_outputs=outputs)

    with_outputs.__signature__ = signature.replace(parameters=parameters)  # type: ignore[attr-defined]
    with_outputs.__annotations__ = {p.name: p.annotation for p in parameters}
    return with_outputs


@_with_format_outputs
def audit(
    inputs: Annotated[
        list[str],
        typer.Argument(
            metavar="FILE|DIR|GLOB...",
            help="Self-assessments (DOCX, PDF, HTML or XLSX), folders holding them, or glob patterns.",
        ),
    ],
    code: Annotated[
        str | None,
        typer.Option(
            "--code", metavar="VERSION", help="Audit against this Code version instead of detecting it."
        ),
    ] = None,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            autocompletion=_complete_formats,
            help=f"Output format: {', '.join(FORMAT_NAMES)} (default: text).",
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="FILE", help="Write the report here instead of stdout."),
    ] = None,
    fail_on: Annotated[
        str | None,
        typer.Option(
            "--fail-on",
            metavar="LEVEL",
            autocompletion=_complete_levels,
            help="Exit 1 when a finding reaches this severity: error (default), warning, info, never.",
        ),
    ] = None,
    exit_zero: Annotated[
        bool,
        typer.Option(
            "--exit-zero", help="Exit 0 even when findings reach --fail-on (input errors still exit 2)."
        ),
    ] = False,
    select: Annotated[
        list[str] | None,
        typer.Option(
            "--select",
            metavar="RULES",
            help="Only these rules (codes, prefixes, slugs, groups; comma-separated or repeated).",
        ),
    ] = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option("--ignore", metavar="RULES", help="Skip these rules (codes, prefixes, slugs, groups)."),
    ] = None,
    severity: Annotated[
        list[str] | None,
        typer.Option("--severity", metavar="RULE=LEVEL", help="Change a rule's severity, e.g. CC108=error."),
    ] = None,
    config_file: Annotated[
        Path | None, typer.Option("--config", metavar="FILE", help="Configuration file to use.")
    ] = None,
    rules_files: Annotated[
        list[Path] | None, typer.Option("--rules", metavar="FILE", help="Extra rule set (YAML).")
    ] = None,
    format_outputs: dict[str, Path | None] | None = None,  # one --NAME-output per format: see above
    baseline: Annotated[
        Path | None,
        typer.Option(
            "--baseline", metavar="FILE", help="Report only findings that this baseline file does not record."
        ),
    ] = None,
    write_baseline: Annotated[
        Path | None,
        typer.Option(
            "--write-baseline", metavar="FILE", help="Record the findings of this run as a baseline file."
        ),
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            metavar="N",
            min=1,
            help="Documents audited at once, each in a worker process (default: the machine's cores).",
        ),
    ] = None,
    timeout: Annotated[
        float | None,
        typer.Option(
            "--timeout",
            metavar="SECONDS",
            min=1,
            help="Give up on a document after this many seconds (default: max_seconds in [limits], 60).",
        ),
    ] = None,
    today: Annotated[
        str | None,
        typer.Option("--today", metavar="YYYY-MM-DD", help="Judge dates as of this day (default: today)."),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite existing output files.")] = False,
    as_one: Annotated[
        bool,
        typer.Option(
            "--as-one",
            help="Audit all the files given as one form (one web page per section …), in the order given; "
            "a folder or glob expands in sorted order.",
        ),
    ] = False,
    # issue 13: the officer's loop
    annotate: Annotated[
        Path | None,
        typer.Option(
            "--annotate",
            metavar="REVIEWED.docx|pdf",
            dir_okay=False,
            help="Also write a copy of the (one) form with each finding as a comment on its row.",
        ),
    ] = None,
) -> None:
    """Audit self-assessments against the Complaint Handling Code and report the findings.

    With several documents (or a folder / glob) the JSON output is {"schema_version", "documents": [...],
    "summary"}; with one document it is that document's object. Exit status: 0 clean, 1 findings at or
    above --fail-on, 2 usage or input errors (a bad file fails the run after the others are audited).
    """
    with guarded():
        status = _audit(
            inputs=inputs,
            code=code,
            fmt=fmt,
            output=output,
            fail_on=fail_on,
            exit_zero=exit_zero,
            select=select,
            ignore=ignore,
            severity=severity,
            config_file=config_file,
            rules_files=rules_files,
            extra_outputs=format_outputs or {},
            baseline=baseline,
            write_baseline=write_baseline,
            jobs=jobs,
            timeout=timeout,
            today=today,
            force=force,
            as_one=as_one,
            annotate=annotate,
        )
    raise typer.Exit(status)


def _audit(
    *,
    inputs,
    code,
    fmt,
    output,
    fail_on,
    exit_zero,
    select,
    ignore,
    severity,
    config_file,
    rules_files,
    extra_outputs,
    baseline,
    write_baseline,
    jobs,
    timeout,
    today,
    force,
    as_one=False,
    annotate=None,
) -> int:
    if fmt is not None:
        fmt = _check_format(fmt, "--format")
    cli_threshold = _fail_threshold(fail_on) if fail_on is not None else None  # validate before any work
    today_date = _parse_today(today)
    extras = {name: path for name, path in extra_outputs.items() if path is not None}
    named = [p for p in (output, *extras.values(), write_baseline) if p is not None]
    if sum(1 for p in named if str(p) == "-") + (output is None) > 1:
        raise ConfigError("only one output can go to standard output ('-')")
    _check_outputs([p for p in named if str(p) != "-"], inputs, force)
    if annotate is not None:
        _check_annotate(annotate, inputs, named, force)

    from codecheck import baseline as baseline_mod
    from codecheck.api import rules_for
    from codecheck.batch import audit_many, expand_inputs
    from codecheck.config import load_config
    from codecheck.engine import select_rules
    from codecheck.report import RenderOptions, render

    overrides: dict = {}
    if _split(select):
        overrides["select"] = _split(select)
    if _split(ignore):
        overrides["ignore"] = _split(ignore)
    if severity:
        overrides["severity"] = _severity_overrides(severity)
    if cli_threshold is not None:  # "never" is a command-line notion: the config keeps a severity
        overrides["fail_on"] = str(cli_threshold)
    if code is not None:
        overrides["code"] = code
    if rules_files:
        overrides["rules"] = [str(p) for p in rules_files]
    start = Path(inputs[0]) if len(inputs) == 1 and Path(inputs[0]).exists() else Path.cwd()
    config = load_config(start, explicit=config_file, overrides=overrides or None)
    never = fail_on is not None and fail_on.strip().lower() == "never"
    threshold = None if never else config.fail_on
    if fmt is None:
        fmt = _check_format(config.format, f"{config.config_file}: format") if config.format else "text"
    rules = select_rules(rules_for(config), config)  # parsed once: the audits below reuse them
    if config.code:  # a forced version that does not exist is one usage error, not N unreadable documents
        from codecheck.codes import get_version

        get_version(config.code)
    known = baseline_mod.load(baseline) if baseline is not None else None

    paths, missing = expand_inputs(inputs)
    from codecheck.budget import Budget
    from codecheck.cli.heap import freeze_heap

    freeze_heap()  # the console process keeps what is loaded until exit: later collections skip it
    audit_fn = None
    if as_one and paths:
        from codecheck.batch import as_one as one_form

        audit_fn = one_form(paths)
        folders = [Path(i) for i in inputs if Path(i).is_dir()]
        paths = [folders[0] if len(inputs) == 1 and folders else paths[0]]  # the form's name in reports
    results = audit_many(
        paths,
        config=config,
        code=code,
        today=today_date,
        jobs=jobs,
        budget=Budget.from_limits(config.limits(), timeout),
        progress=sys.stderr.isatty(),
        audit_fn=audit_fn,
        on_fallback=warning_line,
    )
    results = missing + results

    options = RenderOptions(fail_on=threshold, rules=list(rules), base_dir=Path.cwd())
    if write_baseline is not None:
        write_output(write_baseline, baseline_mod.dumps(results, Path.cwd(), options.tool_version), force)
    if known is not None:
        results, options.baseline = baseline_mod.apply(results, known, str(baseline), Path.cwd())

    to_stdout = output is None or str(output) == "-"
    if fmt == "text":
        import shutil

        options.color = _color_wanted(to_stdout)
        options.width = shutil.get_terminal_size((120, 24)).columns if options.color else 120
    write_output(output, render(fmt, results, options), force)
    options.color = False
    for name, path in extras.items():
        write_output(path, render(name, results, options), force)
    if fmt == "github":
        _write_step_summary(results, options)

    if annotate is not None and results and not results[0].error:
        _write_annotated(annotate, results[0], rules)
    _warn_rules_without_facts(results, rules)
    errors = [r for r in results if r.error]
    for r in errors:  # one line per unreadable document on stderr too, whatever the report format
        error_line(r.error or "")
    if errors:
        return EXIT_ERROR
    if write_baseline is not None or exit_zero:
        return EXIT_OK
    failed = threshold is not None and any(
        f.severity >= threshold and not f.accepted for r in results for f in r.findings
    )
    return EXIT_FINDINGS if failed else EXIT_OK
