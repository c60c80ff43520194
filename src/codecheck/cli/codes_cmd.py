"""`codecheck codes`: the Code versions codecheck knows, their provisions and timescales.

Complaints officers use it to read the exact wording they are assessed against (`codes show 2024 6.14`)
without hunting for the Ombudsman's PDF; CI maintainers use `--format json` to script around it.
rich is imported inside the functions so `codecheck --version` stays fast.
"""

from __future__ import annotations

import json
from datetime import date
from typing import TYPE_CHECKING, Any

import typer

from codecheck.cli.common import guarded
from codecheck.cli.help import Command, Group
from codecheck.errors import ConfigError
from codecheck.terminal import safe_text

if TYPE_CHECKING:
    from codecheck.model import CodeVersion, Provision, Timescale

app = typer.Typer(
    cls=Group,
    help="List the Complaint Handling Code versions, or show one version's provisions.",
    invoke_without_command=True,
    no_args_is_help=False,
)

_FORMATS = ("text", "json")


_NUMERIC = ("stages", "in Code", "on form")


def _check_format(fmt: str) -> str:
    value = fmt.strip().lower()
    if value not in _FORMATS:
        raise ConfigError(f"--format: {fmt!r} is not one of {', '.join(_FORMATS)}")
    return value


# --------------------------------------------------------------------------- JSON shapes


def status(v: CodeVersion, today: date | None = None) -> str:
    """Where the version stands today: in force, superseded, not yet in force, or a draft."""
    today = today or date.today()
    if not v.in_force_from:
        return "draft"
    if today < date.fromisoformat(v.in_force_from):
        return "not yet in force"
    if v.in_force_to and today > date.fromisoformat(v.in_force_to):
        return "superseded"
    return "in force"


def version_summary(v: CodeVersion) -> dict[str, Any]:
    return {
        "id": v.id,
        "title": v.title,
        "short_title": v.short_title,
        "publishers": list(v.publishers),
        "published": v.published,
        "in_force_from": v.in_force_from,
        "in_force_to": v.in_force_to,
        "supersedes": v.supersedes,
        "superseded_by": v.superseded_by,
        "status": status(v),
        "max_stages": v.max_stages,
        "provisions": len(v.provisions),
        "form_provisions": len(v.form_provision_ids),
        "form_rows": len(v.form),
    }


def timescale_dict(t: Timescale) -> dict[str, Any]:
    return {
        "what": t.what,
        "stage": t.stage,
        "number": t.number,
        "unit": t.unit,
        "counted_from": t.counted_from,
        "note": t.note,
        "summary": describe_timescale(t),
    }


def provision_dict(v: CodeVersion, p: Provision) -> dict[str, Any]:
    section = v.section(p.section)
    return {
        "version": v.id,
        "id": p.id,
        "section": p.section,
        "section_title": section.title if section else None,
        "stage": p.stage,
        "obligation": p.obligation,
        "on_form": p.on_form,
        "text": p.text,
        "form_text": p.form_text,
        "items": [{"label": i.label, "text": i.text} for i in p.items],
        "timescales": [timescale_dict(t) for t in p.timescales],
        "form_rows": [r.id for r in v.form if p.id in r.covers],
        "note": p.note,
    }


_WHAT = {
    "acknowledge": "acknowledge",
    "respond": "respond",
    "extend": "extend by at most",
    "request_escalation": "request escalation",
    "time_limit": "time limit",
}
_FROM = {
    "received": "from receipt",
    "logged": "from logging",
    "acknowledged": "from acknowledgement",
    "escalated": "from escalation",
    "aware": "from the issue or awareness of it",
}


def describe_timescale(t: Timescale) -> str:
    """One human line: "stage 2: respond 20 working days from acknowledgement"."""
    unit = t.unit.replace("_", " ")
    if t.number == 1:
        unit = unit.rstrip("s")
    parts = [f"stage {t.stage}:" if t.stage else "", _WHAT.get(t.what, t.what), f"{t.number} {unit}"]
    if t.counted_from:
        parts.append(_FROM.get(t.counted_from, t.counted_from))
    return " ".join(p for p in parts if p)


# --------------------------------------------------------------------------- commands


def _emit_json(data: Any) -> None:
    typer.echo(json.dumps(data, indent=2, ensure_ascii=False))


@app.callback()
def codes(
    ctx: typer.Context,
    fmt: str = typer.Option("text", "--format", "-f", help="Output format: text or json."),
) -> None:
    """List the Code versions with their dates and provision counts."""
    if ctx.invoked_subcommand is not None:
        return
    with guarded():
        fmt = _check_format(fmt)
        from codecheck.codes import list_versions

        versions = list_versions()
        if fmt == "json":
            _emit_json({"versions": [version_summary(v) for v in versions]})
            return
        from rich.console import Console
        from rich.table import Table

        table = Table(title="Complaint Handling Code versions", title_justify="left", box=None)
        for col in ("id", "name", "in force", "status", "stages", "in Code", "on form"):
            # numbers never wrap; the name keeps a readable width and the dates fold on a narrow terminal
            table.add_column(
                col,
                no_wrap=col not in ("name", "in force"),
                min_width=16 if col == "name" else None,
                justify="right" if col in _NUMERIC else "left",
            )
        for v in versions:
            in_force = _in_force(v)
            table.add_row(
                v.id,
                v.short_title,
                in_force,
                status(v),
                str(v.max_stages),
                str(len(v.provisions)),
                str(len(v.form_provision_ids)),
            )
        Console(highlight=False).print(table)
        typer.echo("Show one: codecheck codes show <id> [provision]")


def _in_force(v: CodeVersion) -> str:
    if not v.in_force_from:
        return f"never (published {v.published})" if v.published else "never"
    return f"{v.in_force_from} to {v.in_force_to}" if v.in_force_to else f"from {v.in_force_from}"


@app.command("show", cls=Command)
def show(
    version: str = typer.Argument(..., help="Version id (2022, 2024, joint) or a path to a version YAML."),
    provision: str | None = typer.Argument(None, help="A provision id such as 6.14 (as printed is fine)."),
    fmt: str = typer.Option("text", "--format", "-f", help="Output format: text or json."),
) -> None:
    """Show a version's provisions as a table, or one provision in full with its timescales."""
    with guarded():
        fmt = _check_format(fmt)
        from codecheck.codes import get_version, resolve_printed_id

        v = get_version(version)
        if provision is None:
            _show_version(v, fmt)
            return
        ids = resolve_printed_id(v, provision)
        if not ids:
            raise ConfigError(f"Code version {v.id} has no provision {safe_text(provision)!r}")
        found = [v.provision(pid) for pid in ids]
        provs = [p for p in found if p is not None]
        if fmt == "json":
            data = [provision_dict(v, p) for p in provs]
            _emit_json(data[0] if len(data) == 1 else data)
            return
        for p in provs:
            _print_provision(v, p)


def _show_version(v: CodeVersion, fmt: str) -> None:
    if fmt == "json":
        data = version_summary(v)
        data["provision_count"] = data.pop("provisions")
        data.update(
            {
                "source": v.source,
                "contacts": v.contacts,
                "complaint_definition": v.complaint_definition,
                "sections": [{"number": s.number, "title": s.title} for s in v.sections],
                "provisions": [provision_dict(v, p) for p in v.provisions],
                "form": [{"id": r.id, "covers": list(r.covers)} for r in v.form],
                "aliases": {k: list(val) for k, val in v.aliases.items()},
            }
        )
        _emit_json(data)
        return
    from rich.console import Console
    from rich.table import Table

    console = Console(highlight=False)
    table = Table(title=f"{v.title} ({v.id})", title_justify="left", show_lines=False)
    table.add_column("id", no_wrap=True)
    table.add_column("stage", no_wrap=True)
    table.add_column("obligation", no_wrap=True)
    table.add_column("requirement")
    table.add_column("timescales")
    current = None
    for p in v.provisions:
        if p.section != current:
            current = p.section
            section = v.section(p.section)
            title = _escape(section.title) if section else ""
            table.add_row("", "", "", f"[bold]Section {p.section}: {title}[/bold]", "")
        first = p.text.splitlines()[0]
        summary = first if len(first) <= 160 else first[:157] + "..."
        obligation = p.obligation + ("" if p.on_form else " (not on form)")
        table.add_row(
            p.id,
            str(p.stage or ""),
            obligation,
            _escape(summary),
            _escape("; ".join(describe_timescale(t) for t in p.timescales)),
        )
    console.print(table)


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(safe_text(text))


def _print_provision(v: CodeVersion, p: Provision) -> None:
    from rich.console import Console

    console = Console(highlight=False)
    section = v.section(p.section)
    stage = f", stage {p.stage}" if p.stage else ""
    console.print(f"[bold]{v.short_title} {p.id}[/bold] ({p.obligation}{stage})", markup=True)
    if section:
        console.print(f"Section {section.number}: {_escape(section.title)}")
    console.print()
    console.print(_escape(p.text))
    if p.form_text:
        console.print()
        console.print("[bold]Self-assessment form wording:[/bold]")
        console.print(_escape(p.form_text))
    if p.timescales:
        console.print()
        console.print("[bold]Timescales:[/bold]")
        for t in p.timescales:
            line = describe_timescale(t) + (f" ({t.note})" if t.note else "")
            console.print(f"  - {_escape(line)}")
    rows = [r.id for r in v.form if p.id in r.covers]
    console.print()
    console.print(f"On the self-assessment form: {', '.join(rows) if rows else 'no'}")
    if p.note:
        console.print()
        console.print(f"[bold]Note:[/bold] {_escape(p.note)}")
