"""`codecheck diff`: what changed between two Code versions, provision by provision."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from codecheck.cli.common import check_report_paths, guarded, write_output


class DiffFormat(StrEnum):
    text = "text"
    markdown = "markdown"
    json = "json"
    html = "html"


def _default_pair(from_spec: str | None, to_spec: str | None) -> tuple[str, str]:
    """Fill in a missing side: --to defaults to the Code in force now, --from to the one it superseded."""
    from codecheck.codes import get_version, list_versions
    from codecheck.errors import ConfigError

    if to_spec is None:
        if from_spec is not None and get_version(from_spec).superseded_by:
            to_spec = get_version(from_spec).superseded_by
        else:
            current = [v for v in list_versions() if v.in_force_from and not v.in_force_to]
            if not current:
                raise ConfigError("no Code version is in force; give --to")
            to_spec = current[-1].id
            if from_spec is not None and get_version(from_spec).id == to_spec:
                raise ConfigError(f"Code version {to_spec} is in force and has no successor; give --to")
    if from_spec is None:
        from_spec = get_version(to_spec).supersedes
        if from_spec is None:
            raise ConfigError(f"Code version {to_spec} supersedes no other version; give --from")
    assert to_spec is not None
    return from_spec, to_spec


def diff(
    from_version: Annotated[
        str | None,
        typer.Option("--from", help="The older (or any) Code version: 2022, 2024, joint. "
                     "Default: the version --to superseded."),
    ] = None,
    to_version: Annotated[
        str | None, typer.Option("--to", help="The version to compare with. Default: the Code in force now.")
    ] = None,
    fmt: Annotated[DiffFormat, typer.Option("--format", "-f", help="Output format.")] = DiffFormat.text,
    provision: Annotated[
        str | None,
        typer.Option("--provision", "-p",
                     help="Show one provision's history: 5.13, or 2022:5.13 for one side only."),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write to this file instead of stdout.", dir_okay=False),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Write through OUTPUT when it is a symbolic link.")
    ] = False,
) -> None:
    """What changed between two Code versions, provision by provision.

    Unchanged, reworded (with a word diff), renumbered, strengthened, timescale changed, added, removed,
    merged or split: built from the cross-version map, checked against the texts, with any disagreement
    between the two reported.
    """
    with guarded():
        if output is not None:  # a report: overwritten when it exists, as a linter's is
            check_report_paths([(output, "--output")], (), force)
        from codecheck.codes import get_version
        from codecheck.diff import RENDERERS, diff_versions, select_provision

        old_spec, new_spec = _default_pair(from_version, to_version)
        result = diff_versions(get_version(old_spec), get_version(new_spec))
        if provision:
            result = select_provision(result, provision)
        write_output(output, RENDERERS[fmt.value](result), force)
