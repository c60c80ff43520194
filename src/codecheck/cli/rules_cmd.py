"""`codecheck rules`: list the rules, and `codecheck rules explain CODE-or-SLUG` for one rule in full.

The listing says, for the configuration that applies in the working folder (or ``--config``), which
rules are on; ``explain`` prints the rationale (with the Code provisions it rests on), the parameters
and an example, so a user can judge a finding without reading the source.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from codecheck.cli.common import guarded, warn_rule_without_facts
from codecheck.cli.help import Command, Group
from codecheck.patterns import unmarked
from codecheck.terminal import safe_text

app = typer.Typer(
    cls=Group,
    help="List the rules codecheck applies, or explain one (rules explain CC108).",
    invoke_without_command=True,
    no_args_is_help=False,
)


class RulesFormat(StrEnum):
    text = "text"
    json = "json"


RulesOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--rules", metavar="FILE", help="An extra rules YAML file (repeatable).", show_default=False
    ),
]
ConfigOpt = Annotated[
    Path | None,
    typer.Option("--config", metavar="FILE", help="Use this config file instead of searching for one."),
]
IsolatedOpt = Annotated[
    bool,
    typer.Option("--isolated", help="Ignore configuration files found here (only --config counts)."),
]
FormatOpt = Annotated[RulesFormat, typer.Option("--format", "-f", help="Output format.")]
CodeOpt = Annotated[
    str | None,
    typer.Option(
        "--code",
        metavar="VERSION",
        help="Say which rules apply to this Code version (n/a: its facts give the rule nothing to judge).",
    ),
]


def _load(rules_files: list[Path] | None, config_file: Path | None, isolated: bool = False):
    """All declared rules and the subset the effective configuration selects."""
    from codecheck.api import rules_for
    from codecheck.config import load_config
    from codecheck.engine import select_rules

    config = load_config(Path.cwd(), config_file, {"rules": list(rules_files or [])}, isolated=isolated)
    rules = rules_for(config)
    selected = {r.code: r for r in select_rules(rules, config)}
    return rules, selected


def _rule_dict(rule, selected: dict) -> dict:
    chosen = selected.get(rule.code)
    return {
        "code": rule.code,
        "slug": rule.slug,
        "group": rule.group,
        "severity": str(chosen.severity if chosen else rule.severity),
        "enabled_by_default": rule.enabled,
        "selected": chosen is not None,
        "versions": list(rule.versions),
        "provisions": list(rule.provisions),
        "summary": rule.summary,
        "rationale": rule.rationale,
        "anti_pattern": rule.anti_pattern,
        "fix": rule.fix,
        "action": rule.action,
        "params": unmarked(rule.params),  # a user's patterns are marked str subclasses: plain for YAML
        "example": rule.example,
        "check": rule.check or rule.slug,
        "source": rule.source,
    }


def _applicability(all_rules, code: str | None) -> dict:
    """For ``--code``: rule code -> why it has nothing to judge on that version (absent: it applies).

    Rules that lack a fact of the version's file are also warned about on stderr, as audits do.
    """
    if code is None:
        return {}
    from codecheck.codes import get_version
    from codecheck.engine import not_applicable

    version = get_version(code)
    out = {}
    for rule in all_rules:
        skip = not_applicable(rule, version)
        if skip is None:
            continue
        out[rule.code] = skip.reason
        if skip.warn:
            warn_rule_without_facts(rule.code, rule.slug, version.id, skip.reason)
    return out


@app.callback()
def rules(
    ctx: typer.Context,
    fmt: FormatOpt = RulesFormat.text,
    rules_files: RulesOpt = None,
    config_file: ConfigOpt = None,
    isolated: IsolatedOpt = False,
    code: CodeOpt = None,
) -> None:
    """List every rule: code, slug, group, severity, whether it is on, and what it checks."""
    if ctx.invoked_subcommand is not None:
        return
    with guarded():
        all_rules, selected = _load(rules_files, config_file, isolated)
        skipped = _applicability(all_rules, code)
        if fmt is RulesFormat.json:
            import json

            payload = [_rule_dict(r, selected) for r in all_rules]
            if code is not None:
                for item in payload:
                    item["not_applicable"] = skipped.get(item["code"])
            typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
            return
        slug_w = max(len(r.slug) for r in all_rules)
        group_w = max(len(r.group) for r in all_rules)
        for r in all_rules:
            chosen = selected.get(r.code)
            state = ("n/a" if r.code in skipped else "on ") if chosen else "off"
            sev = str(chosen.severity if chosen else r.severity)
            line = f"{r.code}  {r.slug:<{slug_w}}  {r.group:<{group_w}}  {sev:<7}  {state}"
            typer.echo(f"{line}  {safe_text(r.summary)}")


@app.command("explain", cls=Command)
def explain(
    rule: Annotated[str, typer.Argument(help="A rule code (CC108) or slug (partial-without-date).")],
    fmt: FormatOpt = RulesFormat.text,
    rules_files: RulesOpt = None,
    config_file: ConfigOpt = None,
    isolated: IsolatedOpt = False,
) -> None:
    """Explain one rule: why it matters (citing the Code), its parameters and an example."""
    with guarded():
        from codecheck.errors import ConfigError

        all_rules, selected = _load(rules_files, config_file, isolated)
        wanted = rule.strip()
        found = next((r for r in all_rules if wanted.upper() == r.code or wanted.lower() == r.slug), None)
        if found is None:
            raise ConfigError(f"unknown rule {wanted!r} (see `codecheck rules` for the list)")
        info = _rule_dict(found, selected)
        if fmt is RulesFormat.json:
            import json

            typer.echo(json.dumps(info, ensure_ascii=False, indent=2))
            return
        typer.echo(_explain_text(info))


def _explain_text(info: dict) -> str:
    import textwrap

    import yaml

    state = "on" if info["selected"] else "off"
    default = "on" if info["enabled_by_default"] else "off"
    versions = ", ".join(info["versions"])
    if "*" in info["versions"]:
        versions = "all (each version's facts decide: codecheck rules --code VERSION)"
    lines = [
        f"{info['code']} {info['slug']} ({info['group']})",
        f"  {info['summary']}",
        "",
        f"Severity: {info['severity']}    Selected: {state} (default {default})",
        f"Code versions: {versions}",
    ]
    if info["provisions"]:
        lines.append(f"Code provisions cited: {', '.join(info['provisions'])}")
    lines += ["", "Why it matters:"]
    for para in str(info["rationale"]).split("\n\n"):
        lines += textwrap.wrap(" ".join(para.split()), width=96, initial_indent="  ", subsequent_indent="  ")
    headings = (
        ("Anti-pattern (what it flags):", "anti_pattern"),
        ("Fix (what complies):", "fix"),
        ("What to do about a finding:", "action"),
    )
    for heading, key in headings:
        if info[key]:
            lines += ["", heading]
            text = " ".join(info[key].split())
            lines += textwrap.wrap(text, width=96, initial_indent="  ", subsequent_indent="  ")
    lines += ["", "Parameters:"]
    if info["params"]:
        dumped = yaml.safe_dump(info["params"], sort_keys=False, allow_unicode=True, width=96).rstrip()
        lines += ["  " + line for line in dumped.splitlines()]
    else:
        lines.append("  (none)")
    if info["example"]:
        lines += ["", "Example of what it flags:", f"  {info['example']}"]
    if info["check"] != info["slug"]:
        lines += ["", f"Logic: the {info['check']} check"]
    lines += ["", f"Declared in: {info['source']}"]
    return safe_text("\n".join(lines))
