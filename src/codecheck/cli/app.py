"""The root typer application. Each command lives in its own module under ``codecheck.cli``.

Command modules import their heavy libraries (python-docx, pdfplumber, rapidfuzz, jinja2) inside
the command function, so ``--help`` stays fast. ``codecheck --version`` does not even import typer:
``main`` answers it before building the application, because typer (which imports pydantic to coerce
parameters) costs more start-up time than the whole answer is allowed (issue 7: under 0.25 s).
``app`` is built on first access (``from codecheck.cli.app import app`` works as before).
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Any

from codecheck._version import __version__

if TYPE_CHECKING:
    import typer

VERSION_FLAGS = ("--version", "-V")
_app: typer.Typer | None = None


def _build() -> typer.Typer:
    """The typer application with every command registered (built once)."""
    global _app
    if _app is not None:
        return _app
    import typer

    from codecheck.cli import (
        audit_cmd,
        codes_cmd,
        config_cmd,
        decide_cmd,
        diff_cmd,
        explain_cmd,
        extract_cmd,
        migrate_cmd,
        rules_cmd,
        template_cmd,
    )
    from codecheck.cli.help import Command, Group

    app = typer.Typer(
        cls=Group,
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
            False, *VERSION_FLAGS, callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ) -> None:
        """codecheck: a compliance auditor for Housing Ombudsman Complaint Handling Code self-assessments."""

    # short_help: the one line `codecheck --help` shows, written to fit rather than cut at 45 characters
    app.add_typer(codes_cmd.app, name="codes", short_help="List the Code versions, or show one's provisions.")
    app.add_typer(rules_cmd.app, name="rules", short_help="List the rules, or explain one.")
    commands = (
        ("extract", extract_cmd.extract, "Extract a self-assessment's provision rows."),
        ("audit", audit_cmd.audit, "Audit self-assessments and report the findings."),
        ("config", config_cmd.config, "Check or show the configuration that applies."),
        ("decide", decide_cmd.decide, "Record that a finding was reviewed and is not an issue."),
        ("explain", explain_cmd.explain, "How one row was read and why each content rule fired."),
        ("diff", diff_cmd.diff, "What changed between two Code versions."),
        ("migrate", migrate_cmd.migrate, "Carry a filled form over to another Code version."),
        ("template", template_cmd.template, "Write a blank official-style form."),
    )
    for name, function, summary in commands:
        app.command(name, cls=Command, short_help=summary)(function)
    _app = app
    return app


def __getattr__(name: str) -> Any:
    """``app`` is built lazily (PEP 562), so importing this module does not import typer."""
    if name == "app":
        return _build()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _version_only(argv: list[str]) -> bool:
    """Whether the command line asks for the version alone (not a shell-completion request)."""
    return len(argv) == 1 and argv[0] in VERSION_FLAGS and "_CODECHECK_COMPLETE" not in os.environ


def main() -> None:
    """The ``codecheck`` console entry point: run one command line, then the process exits."""
    if _version_only(sys.argv[1:]):
        sys.stdout.write(f"codecheck {__version__}\n")
        sys.stdout.flush()
        return
    from codecheck.cli import heap

    heap.mark_entry_point()
    try:
        _build()()
    finally:
        heap.quick_exit()
