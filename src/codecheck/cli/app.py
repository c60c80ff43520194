"""The root typer application. Each command lives in its own module under ``codecheck.cli``.

Command modules import their heavy libraries (python-docx, pdfplumber, rapidfuzz, jinja2) inside
the command function, so ``codecheck --version`` and ``--help`` stay fast.
"""

from __future__ import annotations

import typer

from codecheck import __version__
from codecheck.cli import (
    audit_cmd,
    codes_cmd,
    config_cmd,
    diff_cmd,
    extract_cmd,
    migrate_cmd,
    rules_cmd,
    template_cmd,
)

app = typer.Typer(
    name="codecheck",
    help="Audit Complaint Handling Code self-assessments (DOCX or PDF) before you publish them.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"codecheck {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", "-V", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """codecheck: a compliance auditor for Housing Ombudsman Complaint Handling Code self-assessments."""


app.add_typer(codes_cmd.app, name="codes")
app.add_typer(rules_cmd.app, name="rules")
app.command("extract")(extract_cmd.extract)
app.command("audit")(audit_cmd.audit)
app.command("config")(config_cmd.config)
app.command("diff")(diff_cmd.diff)
app.command("migrate")(migrate_cmd.migrate)
app.command("template")(template_cmd.template)


def main() -> None:
    app()
