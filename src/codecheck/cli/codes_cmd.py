"""`codecheck codes` (being built)."""

from __future__ import annotations

import typer

app = typer.Typer(help="Not built yet.")
