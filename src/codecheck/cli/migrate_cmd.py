"""`codecheck migrate` (being built: see the issue that owns it)."""

from __future__ import annotations

import typer


def migrate() -> None:
    """Not built yet."""
    raise typer.Exit(2)
