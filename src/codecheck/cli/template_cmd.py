"""`codecheck template`: write the blank self-assessment form of a Code version as DOCX."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from codecheck.cli.common import check_output_path, guarded, write_output


def template(
    code: Annotated[
        str, typer.Option("--code", "-c", help="Code version (2022, 2024, joint) or a version YAML file.")
    ],
    output: Annotated[Path, typer.Option("--output", "-o", help="The DOCX file to write.", dir_okay=False)],
    landlord: Annotated[
        str | None, typer.Option("--landlord", help="Landlord name to put in the form's title.")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite OUTPUT if it exists.")] = False,
) -> None:
    """Write a blank official-style self-assessment form (one table per section) ready to fill in Word."""
    with guarded():
        check_output_path(output, force)  # refuse before doing any work
        from codecheck.codes import get_version
        from codecheck.writer import blank_spec, render_form

        version = get_version(code)
        name = " ".join(landlord.split()) if landlord else None
        spec = blank_spec(version, landlord=name)
        write_output(output, render_form(spec), force)
        rows = sum(len(t.entries) for t in spec.tables)
        typer.echo(f"wrote {output}: {version.title}, {rows} rows in {len(spec.tables)} tables", err=True)
