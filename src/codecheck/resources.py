"""Locate the data codecheck ships: Code versions and rule sets.

In an installed wheel the data sits inside the package (``codecheck/data/...``, put there by the
build's force-include); in a source checkout or an editable install it sits at the repository root
(``code_versions/``, ``rules/``). Looking in both places keeps one code path for both cases.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent
_REPO_ROOT = _PACKAGE_DIR.parent.parent


@cache
def data_dir(name: str) -> Path:
    """Return the directory holding ``name`` ("code_versions" or "rules")."""
    for candidate in (_PACKAGE_DIR / "data" / name, _REPO_ROOT / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"codecheck data folder {name!r} not found (broken installation)")


def code_versions_dir() -> Path:
    return data_dir("code_versions")


def rules_dir() -> Path:
    return data_dir("rules")
