"""`codecheck explain FILE PROVISION`: how one row was read and why each content rule fired or not.

The explanation itself is built in ``codecheck.explain``; this module only parses the options and
renders it (document text made safe for the terminal, one JSON object for tools).
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from codecheck.cli.common import guarded, write_output
from codecheck.terminal import one_line


class ExplainFormat(StrEnum):
    text = "text"
    json = "json"


def explain(
    file: Annotated[Path, typer.Argument(help="The self-assessment (DOCX or PDF).")],
    provision: Annotated[str, typer.Argument(help="The Code provision of the row to explain, e.g. 6.3.")],
    fmt: Annotated[ExplainFormat, typer.Option("--format", "-f", help="Output format.")] = ExplainFormat.text,
    code: Annotated[
        str | None,
        typer.Option("--code", help="Code version to assume instead of detecting it: 2022, 2024, joint."),
    ] = None,
    config_file: Annotated[
        Path | None, typer.Option("--config", metavar="FILE", help="Configuration file to use.")
    ] = None,
    today: Annotated[
        str | None,
        typer.Option(
            "--today", metavar="YYYY-MM-DD", help="Date to reason about deadlines with (default: today)."
        ),
    ] = None,
) -> None:
    """Explain one row: each sentence, the claims read from it, and why each content rule fired or not."""
    with guarded():
        from datetime import date

        from codecheck.config import load_config
        from codecheck.errors import ConfigError
        from codecheck.explain import explain as build
        from codecheck.explain import render_text

        try:
            when = date.fromisoformat(today) if today else None
        except ValueError:
            raise ConfigError(f"--today {today!r} is not a date (YYYY-MM-DD)") from None
        start = file if file.exists() else Path.cwd()
        config = load_config(start, explicit=config_file)
        result = build(file, provision, config=config, code=code, today=when)
        if fmt is ExplainFormat.json:
            import json

            content = json.dumps(result.as_dict(), ensure_ascii=False, indent=2)
        else:
            content = "\n".join(_safe(line) for line in render_text(result).splitlines())
        write_output(None, content, False)


def _safe(line: str) -> str:
    """A line of document text for the terminal: control and escape sequences removed, indent kept."""
    stripped = line.lstrip(" ")
    return " " * (len(line) - len(stripped)) + one_line(stripped)
