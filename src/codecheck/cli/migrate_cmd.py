"""`codecheck migrate`: carry a filled self-assessment over to another Code version's form (DOCX)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from codecheck.cli.common import check_output_path, guarded, write_output
from codecheck.terminal import warning_line


def migrate(
    document: Annotated[
        Path, typer.Argument(metavar="OLD_FORM", help="The filled self-assessment (DOCX or PDF); only read.")
    ],
    to: Annotated[str, typer.Option("--to", help="The Code version to carry it over to (2024, joint …).")],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="The new DOCX form to write.", dir_okay=False)
    ],
    from_version: Annotated[
        str | None, typer.Option("--from", help="The version the document follows (default: detected).")
    ] = None,
    landlord: Annotated[
        str | None, typer.Option("--landlord", help="Landlord name to put in the new form's title.")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite OUTPUT if it exists.")] = False,
) -> None:
    """Carry a filled self-assessment over to another Code version's form (a new DOCX).

    Every answer, evidence and commentary goes to the provision(s) it maps to, marked for review; new
    provisions are left blank and flagged; removed ones are kept in an appendix. OLD_FORM is only read.
    """
    with guarded():
        from codecheck.errors import ConfigError, InputError

        if not document.is_file():
            raise InputError("no such file", document)
        if output.exists() and output.resolve() == document.resolve():
            raise ConfigError("the output would overwrite the input document; choose another -o", output)
        check_output_path(output, force)
        from functools import partial

        from codecheck.budget import Budget, run_one
        from codecheck.config import load_config
        from codecheck.migrate import migrate_file
        from codecheck.writer import render_form

        name = " ".join(landlord.split()) if landlord else None
        # the document is untrusted: read it within the budget of [limits], as audit and extract do
        budget = Budget.from_limits(load_config(document).limits())
        job = partial(migrate_file, document, to, source_spec=from_version, landlord=name)
        spec, report = run_one(job, budget, document)
        if report.uncertain:
            warning_line(f"{document}: the document's Code version was detected as {report.source} with low "
                         f"confidence ({report.detection}); if that is wrong, rerun with --from")
        write_output(output, render_form(spec), force)
        typer.echo(f"wrote {output}: {report.source} ({report.detection}) → {report.target}; "
                   f"{report.summary()}", err=True)
