"""Locate the data codecheck ships: Code versions and rule sets.

In an installed wheel the data sits inside the package (``codecheck/data/...``, put there by the
build's force-include); in a source checkout or an editable install it sits at the repository root
(``code_versions/``, ``rules/``). Looking in both places keeps one code path for both cases.
``$CODECHECK_CODE_VERSIONS`` may name another folder of Code versions (``code_versions_dir``).
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from codecheck.errors import ConfigError

_PACKAGE_DIR = Path(__file__).resolve().parent
_REPO_ROOT = _PACKAGE_DIR.parent.parent


@cache
def data_dir(name: str) -> Path:
    """Return the directory holding ``name`` ("code_versions" or "rules")."""
    for candidate in (_PACKAGE_DIR / "data" / name, _REPO_ROOT / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"codecheck data folder {name!r} not found (broken installation)")


CODE_VERSIONS_ENV = "CODECHECK_CODE_VERSIONS"


def code_versions_dir() -> Path:
    """The folder of Code versions: the shipped one, or the folder ``$CODECHECK_CODE_VERSIONS`` names.

    The variable lets a test, or a landlord trying a draft Code version, point codecheck at another
    folder of version files (with their ``maps/``) without touching the installation. It is read when
    the versions are first listed; ``codes.clear_cache()`` makes a running process read it again.
    """
    override = os.environ.get(CODE_VERSIONS_ENV)
    if override:
        folder = Path(override)
        if not folder.is_dir():
            raise ConfigError(f"${CODE_VERSIONS_ENV} names {override!r}, which is not a folder")
        return folder
    return data_dir("code_versions")


def rules_dir() -> Path:
    return data_dir("rules")
