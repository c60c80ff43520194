"""`codecheck config` (being built: see the issue that owns it)."""

from __future__ import annotations

import typer


def config() -> None:
    """Not built yet."""
    raise typer.Exit(2)
