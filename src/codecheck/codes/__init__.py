"""The Code library: every Complaint Handling Code version as validated data.

Import from here (the submodules are implementation detail)::

    from codecheck.codes import get_version, list_versions, get_map, resolve_printed_id

Versions ship as YAML in ``code_versions/`` and are validated on first use (``codecheck.codes.schema``).
"""

from __future__ import annotations

from codecheck.codes.ids import normalise_printed_id, resolve_printed_id
from codecheck.codes.loader import (
    canonical_id,
    clear_cache,
    get_version,
    list_versions,
    load_version_file,
    version_ids,
)
from codecheck.codes.maps import CHANGE_KINDS, MapEntry, VersionMap, get_map, load_map_file

__all__ = [
    "CHANGE_KINDS",
    "MapEntry",
    "VersionMap",
    "canonical_id",
    "clear_cache",
    "get_map",
    "get_version",
    "list_versions",
    "load_map_file",
    "load_version_file",
    "normalise_printed_id",
    "resolve_printed_id",
    "version_ids",
]
