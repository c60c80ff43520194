"""A TOML file codecheck reads from disk (configuration, decisions), parsed within a size bound.

Both are hand-kept text a document repository can change, so both are refused past a size no real
file reaches, and every failure is one ``ConfigError`` naming the file; the two readers differ only
in what they call the file and how large it may be.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from codecheck.errors import ConfigError


def parse_toml(raw: bytes, path: Path, what: str, max_bytes: int) -> dict[str, Any]:
    """``raw`` (the bytes of ``path``, a "``what``") as TOML: too large, not UTF-8 or not TOML is a
    ``ConfigError`` naming ``path``."""
    import tomllib

    if len(raw) > max_bytes:
        raise ConfigError(f"{what} is too large ({len(raw)} bytes)", path)
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"invalid TOML: {exc}", path) from None
