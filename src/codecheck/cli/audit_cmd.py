"""`codecheck audit FILE|DIR|GLOB...`: audit self-assessments and report in one or several formats.

The command is a thin shell: it validates options, builds the configuration (``load_config`` with the
command-line overrides), expands inputs, checks every output before any work (``codecheck.outputs``:
reports overwrite, never an input, no symbolic link without ``--force``), runs ``batch.audit_many``,
applies a baseline and the display threshold and hands the results to ``codecheck.report.render``.
The ``--format`` choices, the format a ``-o`` file name implies and the ``--NAME-output`` options come
from the one list of formats (``codecheck.report.REGISTERED``). What it wrote, what a baseline hid and
what a folder held that is no document are said on stderr, one line each, unless ``--quiet``. Exit
status: 0 nothing reaches ``--fail-on``; 1 something does; 2 a usage, configuration or input error
(after auditing every readable document).
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

from codecheck.cli.common import guarded, warn_rule_without_facts, write_output
from codecheck.errors import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, ConfigError
from codecheck.outputs import Target, check_targets
from codecheck.report import REGISTERED, format_for_path, output_option
from codecheck.terminal import error_line, info_line, warning_line

FORMAT_NAMES = tuple(fmt.name for fmt in REGISTERED)
FAIL_ON = ("error", "warning", "info", "never")
LEVELS = ("error", "warning", "info")
# Formats read by people: when no document could be audited at all, the one-line errors on stderr
# already say everything, and the report would only repeat them.
HUMAN_FORMATS = ("text", "concise")
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


def _min_severity(name: str | None):
    from codecheck.model import Severity

    if name is None:
        return None
    try:
        return Severity.parse(name)
    except ValueError:
        raise ConfigError(f"--min-severity expects one of {', '.join(LEVELS)}, not {name!r}") from None


def _main_format(fmt: str | None, output: Path | None, config) -> str:
    """--format, else the format the -o file name implies, else the configuration's, else text.

    A file name no format claims (``-o report.out``) with no format given anywhere is refused: writing
    plain text into a file the user named otherwise would pass unnoticed until someone opens it.
    """
    if fmt is not None:
        return fmt
    named = output is not None and str(output) != "-"
    if named:
        implied = format_for_path(output)
        if implied is not None:
            return implied
    if config.format:
        return _check_format(config.format, f"{config.config_file}: format")
    if named:
        endings = ", ".join(e for f in REGISTERED for e in f.extensions)
        raise ConfigError(
            f"--output: cannot tell the format from the file name (known endings: {endings}); "
            "add --format",
            output,
        )
    return "text"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 or word == "info" else f"{n} {word}s"


def _counts_phrase(results) -> str:
    """"3 errors, 5 warnings" (and unreadable documents) for the lines that say what was written."""
    from collections import Counter

    counts = Counter(str(f.severity) for r in results for f in r.findings)
    parts = [_plural(counts[level], level) for level in LEVELS if counts[level]]
    bad = sum(1 for r in results if r.error)
    if bad:
        parts.append(f"{bad} document{'s' if bad != 1 else ''} not audited")
    return ", ".join(parts) or "no findings"


def _say_skipped(skipped: dict[str, list[Path]]) -> None:
    """One line per kind of file a folder or glob held that codecheck does not read."""
    from codecheck.batch import NOT_READ

    for suffix in sorted(skipped):
        n = len(skipped[suffix])
        kind, advice = NOT_READ[suffix]
        them = "it" if n == 1 else "them"
        info_line(f"skipped {n} {kind} {suffix} file{'s' if n != 1 else ''} ({advice.format(it=them)})")


def _statistics(results, as_json: bool) -> str:
    """Findings counted per rule, most frequent first (ruff's ``--statistics``)."""
    from collections import Counter

    counts: Counter = Counter()
    meta: dict[str, tuple[str, str]] = {}
    for r in results:
        for f in r.findings:
            counts[f.code] += 1
            meta[f.code] = (f.rule, str(f.severity))
    ordered = sorted(counts, key=lambda code: (-counts[code], code))
    if as_json:
        import json

        rows = [
            {"code": c, "rule": meta[c][0], "severity": meta[c][1], "count": counts[c]} for c in ordered
        ]
        return json.dumps(rows, indent=2) + "\n"
    if not ordered:
        return "No findings.\n"
    width = len(str(counts[ordered[0]]))
    lines = [f"{counts[c]:>{width}}  {c}  {meta[c][1]:<7}  {meta[c][0]}" for c in ordered]
    return "\n".join(lines) + "\n"


def _check_action_plan(path: Path) -> None:
    """The action plan is a report file (replaced when it exists, never over an input: checked with
    the other outputs), written only in a format it can be written in."""
    from codecheck.report.action_plan import EXPORT_SUFFIXES

    if path.suffix.lower() not in EXPORT_SUFFIXES:
        raise ConfigError("--action-plan writes a .xlsx or .csv file: end the name with one of those", path)


def _check_annotate(target: Path, inputs: list[str]) -> None:
    """``--annotate``: one DOCX or PDF form in, a new file of the same kind out; refused before any
    work for a format it cannot annotate. (Never the input, never a report's file, never an existing
    file without --force: checked with the other outputs.)"""
    from codecheck.annotate import refusal
    from codecheck.errors import InputError
    from codecheck.readers.sniff import sniff

    if len(inputs) != 1 or not Path(inputs[0]).is_file():
        raise ConfigError(
            "--annotate takes exactly one form (a DOCX or PDF file), not a folder or several files"
        )
    source = Path(inputs[0])
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
                    output_option(fmt),
                    metavar="FILE",
                    help=f"Also write {fmt.also_written_as} here (overwritten if it exists).",
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
            help=f"Output format: {', '.join(FORMAT_NAMES)} (default: from the --output file name, "
            "else text).",
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write the report here instead of stdout (overwritten if it exists).",
        ),
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
    isolated: Annotated[
        bool,
        typer.Option(
            "--isolated",
            help="Ignore configuration files found beside the documents (only options and --config count).",
        ),
    ] = False,
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
    force: Annotated[
        bool,
        typer.Option(
            "--force", help="Write an output through a symbolic link (reports are always overwritten)."
        ),
    ] = False,
    action_plan: Annotated[
        Path | None,
        typer.Option(
            "--action-plan",
            metavar="FILE",
            help="Also write the action plan (provision, issue, recommended action, owner, target date) "
            "as a spreadsheet or CSV file; an existing file is replaced.",
        ),
    ] = None,
    as_one: Annotated[
        bool,
        typer.Option(
            "--as-one",
            help="Audit all the files given as one form (one web page per section …), in the order given; "
            "a folder or glob expands in sorted order.",
        ),
    ] = False,
    # -- CI conventions (issue 14): selection, display and where reports point, as ruff and Vale do
    extend_select: Annotated[
        list[str] | None,
        typer.Option(
            "--extend-select",
            metavar="RULES",
            help="Add these rules to the selection (e.g. default-off rules such as CC116).",
        ),
    ] = None,
    min_severity: Annotated[
        str | None,
        typer.Option(
            "--min-severity",
            metavar="LEVEL",
            autocompletion=_complete_levels,
            help="Leave findings below this severity out of the reports (error, warning, info); "
            "--fail-on is unchanged.",
        ),
    ] = None,
    statistics: Annotated[
        bool,
        typer.Option(
            "--statistics",
            help="Print the number of findings per rule on stdout, in place of the report there "
            "(a report named with --output is still written).",
        ),
    ] = False,
    quiet: Annotated[
        bool,
        typer.Option(
            "--quiet", "-q", help="Print the report and errors only (no progress, no 'wrote' lines)."
        ),
    ] = False,
    base_dir: Annotated[
        Path | None,
        typer.Option(
            "--base-dir",
            metavar="DIR",
            help="Name documents relative to this folder in reports and baselines (default: here).",
        ),
    ] = None,
    sarif_category: Annotated[
        str | None,
        typer.Option(
            "--sarif-category",
            metavar="NAME",
            help="SARIF automationDetails category, for several uploads per commit (default: codecheck).",
        ),
    ] = None,
    # issue 13: the officer's loop
    annotate: Annotated[
        Path | None,
        typer.Option(
            "--annotate",
            metavar="FILE",
            dir_okay=False,
            help="Also write a copy of the (one) form, .docx or .pdf like the form, with each finding "
            "as a comment on its row.",
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
            extend_select=extend_select,
            ignore=ignore,
            severity=severity,
            config_file=config_file,
            isolated=isolated,
            rules_files=rules_files,
            extra_outputs=format_outputs or {},
            baseline=baseline,
            write_baseline=write_baseline,
            jobs=jobs,
            timeout=timeout,
            today=today,
            force=force,
            min_severity=min_severity,
            statistics=statistics,
            quiet=quiet,
            base_dir=base_dir,
            sarif_category=sarif_category,
            action_plan=action_plan,
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
    extend_select,
    ignore,
    severity,
    config_file,
    isolated,
    rules_files,
    extra_outputs,
    baseline,
    write_baseline,
    jobs,
    timeout,
    today,
    force,
    min_severity,
    statistics,
    quiet,
    base_dir,
    sarif_category,
    action_plan=None,
    as_one=False,
    annotate=None,
) -> int:
    # every option is checked before any work: a typo costs nothing
    if fmt is not None:
        fmt = _check_format(fmt, "--format")
    cli_threshold = _fail_threshold(fail_on) if fail_on is not None else None
    cli_min_severity = _min_severity(min_severity)
    today_date = _parse_today(today)
    base = Path(base_dir) if base_dir is not None else Path.cwd()
    if not base.is_dir():
        raise ConfigError("--base-dir: no such folder", base)
    extras = {name: path for name, path in extra_outputs.items() if path is not None}
    named = [p for p in (output, *extras.values(), write_baseline) if p is not None]
    if sum(1 for p in named if str(p) == "-") + (output is None) > 1:
        raise ConfigError("only one output can go to standard output ('-')")
    if action_plan is not None:
        _check_action_plan(action_plan)
    if annotate is not None:
        _check_annotate(annotate, inputs)

    from codecheck import baseline as baseline_mod
    from codecheck.api import rules_for
    from codecheck.batch import audit_many, expand
    from codecheck.config import NEVER, load_config
    from codecheck.engine import select_rules
    from codecheck.report import RenderOptions, render

    overrides: dict = {}
    for key, values in (("select", select), ("extend_select", extend_select), ("ignore", ignore)):
        if _split(values):
            overrides[key] = _split(values)
    if severity:
        overrides["severity"] = _severity_overrides(severity)
    if fail_on is not None:
        overrides["fail_on"] = NEVER if cli_threshold is None else str(cli_threshold)
    if cli_min_severity is not None:
        overrides["min_severity"] = str(cli_min_severity)
    if code is not None:
        overrides["code"] = code
    if rules_files:
        overrides["rules"] = [str(p) for p in rules_files]
    start = Path(inputs[0]) if len(inputs) == 1 and Path(inputs[0]).exists() else Path.cwd()
    config = load_config(start, explicit=config_file, overrides=overrides or None, isolated=isolated)
    for message in config.warnings:
        warning_line(message)
    threshold = config.fail_on

    found = expand(inputs)  # before the outputs are checked: no report may land on a document found
    outputs: list[tuple[Path, str]] = [] if output is None else [(output, "--output")]
    outputs += [(path, output_option(FORMATS_BY_NAME[name]) or name) for name, path in extras.items()]
    if write_baseline is not None:
        outputs.append((write_baseline, "--write-baseline"))
    if action_plan is not None:
        outputs.append((action_plan, "--action-plan"))
    targets = [Target(Path(p), "report", opt) for p, opt in outputs if str(p) != "-"]
    if annotate is not None:
        targets.append(Target(annotate, "document", "--annotate"))  # a document: --force to replace
    check_targets(targets, found.paths, force)
    fmt = _main_format(fmt, output, config)

    rules = select_rules(rules_for(config), config)  # parsed once: the audits below reuse them
    if config.code:  # a forced version that does not exist is one usage error, not N unreadable documents
        from codecheck.codes import get_version

        get_version(config.code)
    known = baseline_mod.load(baseline) if baseline is not None else None
    if found.skipped and not quiet:
        _say_skipped(found.skipped)
    if found.generated and not quiet:
        n, first = len(found.generated), found.generated[0]
        what = f"1 report written by codecheck ({first})" if n == 1 else f"{n} reports written by codecheck"
        info_line(f"skipped {what}: reports are not read back as forms")

    from codecheck.budget import Budget
    from codecheck.cli.heap import freeze_heap

    freeze_heap()  # the console process keeps what is loaded until exit: later collections skip it
    paths, audit_fn = found.paths, None
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
        progress=sys.stderr.isatty() and not quiet,
        audit_fn=audit_fn,
        on_fallback=warning_line,
    )
    results = found.missing + results

    from datetime import date

    options = RenderOptions(
        fail_on=threshold, rules=list(rules), base_dir=base, today=today_date or date.today()
    )
    if sarif_category is not None:
        options.sarif_category = sarif_category
    if write_baseline is not None:
        written = write_output(write_baseline, baseline_mod.dumps(results, base, options.tool_version), force)
        if written is not None and not quiet:
            kept = sum(len(r.findings) for r in results)
            docs = sum(1 for r in results if not r.error)
            info_line(
                f"wrote baseline {write_baseline} ({_plural(kept, 'finding')} in {_plural(docs, 'document')})"
            )
    if known is not None:
        results, options.baseline = baseline_mod.apply(results, known, str(baseline), base)
        if not quiet:
            hidden = options.baseline.total
            info_line(f"baseline {baseline} hid {_plural(hidden, 'known finding')}")
    from codecheck.report.base import reaches

    failed = any(reaches(f, threshold) for r in results for f in r.findings)
    shown = _at_least(results, config.min_severity)

    to_stdout = output is None or str(output) == "-"
    if fmt == "text":
        import shutil

        options.color = _color_wanted(to_stdout)
        options.width = shutil.get_terminal_size((120, 24)).columns if options.color else 120
    if statistics:  # the counts take the report's place on stdout; a report named with -o is written
        write_output(None, _statistics(shown, as_json=fmt == "json" and to_stdout), force)
    if statistics and to_stdout:
        main = ""
    elif to_stdout and fmt in HUMAN_FORMATS and shown and all(r.error for r in shown):
        main = ""  # nothing was audited: the one-line errors below say it all
    else:
        main = render(fmt, shown, options)
    if main or not to_stdout:
        written = write_output(output, main, force)
        if written is not None and not quiet:
            info_line(f"wrote {output} ({_counts_phrase(shown)})")
    options.color = False
    for name, path in extras.items():
        written = write_output(path, render(name, shown, options), force)
        if written is not None and not quiet:
            info_line(f"wrote {path} ({_counts_phrase(shown)})")
    if fmt == "github":
        _write_step_summary(shown, options)
    if not quiet:
        below = sum(len(r.findings) for r in results) - sum(len(r.findings) for r in shown)
        if below:
            info_line(f"left out {_plural(below, 'finding')} below --min-severity {config.min_severity}")
    if action_plan is not None:
        from codecheck.report.action_plan import export

        written = write_output(action_plan, export(shown, options, action_plan.suffix.lower()), force)
        if written is not None and not quiet:
            info_line(f"wrote action plan {action_plan}")

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
    return EXIT_FINDINGS if failed else EXIT_OK


FORMATS_BY_NAME = {fmt.name: fmt for fmt in REGISTERED}


def _at_least(results, minimum):
    """``results`` with the findings below ``minimum`` (--min-severity) left out of the reports."""
    if minimum is None:
        return results
    from dataclasses import replace

    return [replace(r, findings=[f for f in r.findings if f.severity >= minimum]) for r in results]
