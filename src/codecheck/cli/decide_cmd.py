"""`codecheck decide`: record a reviewed finding as not an issue, so nobody types a hash."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from codecheck.cli.common import guarded


def decide(
    form: Annotated[Path, typer.Argument(help="The self-assessment the finding is in.", dir_okay=False)],
    provision: Annotated[
        str, typer.Argument(help="The finding's provision (e.g. 6.3), or 'document' for the whole form.")
    ],
    rule: Annotated[str, typer.Argument(help="The finding's rule, by code (CC108) or name.")],
    reason: Annotated[str, typer.Option("--reason", help="Why it is not an issue (shown in every report).")],
    by: Annotated[str, typer.Option("--by", help="Who reviewed it (shown in every report).")],
    code: Annotated[
        str | None, typer.Option("--code", "-c", help="Code version to assume instead of detecting it.")
    ] = None,
    today: Annotated[
        str | None, typer.Option("--today", help="The decision's date, YYYY-MM-DD (default: today).")
    ] = None,
) -> None:
    """Accept one finding as reviewed and not an issue.

    Writes it to FORM-STEM.codecheck-decisions.toml beside the form, with the reason, the reviewer,
    the date and a fingerprint of the row as it reads now. Reports then show the finding as "reviewed:
    not an issue" and it no longer fails the audit; once the row changes, it shows again for re-review.
    """
    with guarded():
        from codecheck.api import decide as record
        from codecheck.errors import ConfigError

        try:
            on = date.fromisoformat(today) if today else None
        except ValueError:
            raise ConfigError(f"--today must be YYYY-MM-DD, not {today!r}") from None
        path, replaced = record(form, provision, rule, reason=reason, reviewer=by, code=code, today=on)
        what = "replaced the earlier decision in" if replaced else "recorded in"
        typer.echo(f"{what} {path}: {provision} {rule} reviewed: not an issue", err=True)
