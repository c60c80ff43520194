"""Remember parsed YAML between runs, as JSON under the user cache folder, keyed by the file's bytes.

Every audit reads the three shipped Code versions (~140 KB of YAML) and the rule files before it looks
at the document. PyYAML's constructor is Python even with libyaml's parser, so that is ~15 ms per run,
plus ~7 ms to import yaml at all; ``json.loads`` of the same data takes well under a millisecond.

What is cached is only the *parsed data*: validation (``build_version``, ``parse_rule``) still runs on
it every time, so a tampered cache entry can do no more than an edited YAML file could, and the errors
a user sees for a bad file are unchanged (a file that fails to parse is never cached). The key is a
hash of the text itself plus the parser kind, the codecheck version and the installed PyYAML, so an
edited file, a new release or another PyYAML is a plain miss, never a stale answer. Data that JSON
cannot carry exactly (dates, non-text keys) is simply not cached.

``CODECHECK_NO_CACHE=1`` turns the cache off; ``CODECHECK_CACHE_DIR`` moves it (empty: off). Any
failure to read or write the cache falls back to parsing: the cache is an optimisation, never a
reason for an audit to fail.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from codecheck._version import __version__

FORMAT = 1
MAX_ENTRY_BYTES = 20 * 1024 * 1024  # an entry is the JSON of one YAML file (< 5 MB by the loaders' limits)
DISABLE_ENV = "CODECHECK_NO_CACHE"
DIR_ENV = "CODECHECK_CACHE_DIR"
_parser_tag: str | None = None


def cache_dir() -> Path | None:
    """Where entries live (None: caching is off)."""
    if os.environ.get(DISABLE_ENV, "").strip() not in ("", "0"):
        return None
    explicit = os.environ.get(DIR_ENV)
    if explicit is not None:
        return Path(explicit).expanduser() if explicit.strip() else None
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        try:
            base = str(Path.home() / ".cache")
        except (RuntimeError, KeyError):  # no home directory (some service accounts): no cache
            return None
    return Path(base) / "codecheck"


def _parser() -> str:
    """Which PyYAML would parse (its location and modification time), without importing it."""
    global _parser_tag
    if _parser_tag is None:
        import importlib.util

        try:
            spec = importlib.util.find_spec("yaml")
            origin = spec.origin if spec is not None else None
            _parser_tag = f"{origin}:{os.stat(origin).st_mtime_ns}" if origin else "none"
        except (ImportError, OSError, ValueError):
            _parser_tag = "unknown"
    return _parser_tag


def _key(text: str, kind: str) -> str:
    h = hashlib.blake2b(digest_size=20)
    h.update(f"{FORMAT}\0{kind}\0{__version__}\0{_parser()}\0".encode())
    h.update(text.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def json_exact(value: Any) -> bool:
    """Whether ``json.loads(json.dumps(value))`` gives ``value`` back with the same types."""
    if value is None or isinstance(value, str | bool | int):
        return True
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, list):
        return all(json_exact(v) for v in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and json_exact(v) for k, v in value.items())
    return False


def _read(entry: Path) -> tuple[bool, Any]:
    try:
        if entry.stat().st_size > MAX_ENTRY_BYTES:
            return False, None
        envelope = json.loads(entry.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return False, None
    if not isinstance(envelope, dict) or envelope.get("format") != FORMAT or "data" not in envelope:
        return False, None
    return True, envelope["data"]


def _write(folder: Path, entry: Path, data: Any) -> None:
    import tempfile

    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump({"format": FORMAT, "data": data}, fh, ensure_ascii=False, separators=(",", ":"))
            os.replace(tmp, entry)  # atomic: a concurrent reader sees the old entry or the new one
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except (OSError, ValueError, TypeError, RecursionError):
        pass


def load(text: str, kind: str, parse: Callable[[str], Any]) -> Any:
    """``parse(text)``, or its remembered result for the same text and ``kind`` of parser.

    ``kind`` names the parser (two loaders that accept different YAML must not share entries). A
    change to what a loader returns for the same text must bump ``FORMAT`` or rename its kind, or a
    development install (same version number) would keep reading the old results.
    """
    folder = cache_dir()
    if folder is None:
        return parse(text)
    entry = folder / f"yaml-{kind}-{_key(text, kind)}.json"
    hit, data = _read(entry)
    if hit:
        return data
    data = parse(text)
    try:
        cacheable = json_exact(data)
    except RecursionError:  # absurdly deep data: parse it each time
        cacheable = False
    if cacheable:
        _write(folder, entry, data)
    return data
