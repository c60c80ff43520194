"""Find, read, validate and cache Code versions.

The shipped versions live in ``code_versions/<id>.yaml`` (``codecheck.resources``). Users may also pass
a path to their own version file anywhere a version id is accepted (``--code ./our-code.yaml``), so every
failure here names the file and is a ``CodeDefinitionError`` or ``ConfigError`` (one line, exit 2).
Each file is parsed once per process: the audit of a folder of 500 documents must not re-read YAML 500
times.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from codecheck.errors import CodeDefinitionError, ConfigError
from codecheck.model import CodeVersion
from codecheck.resources import code_versions_dir

MAX_FILE_BYTES = 5 * 1024 * 1024  # a whole Code is ~100 KB; refuse anything absurd before parsing it

_lock = threading.Lock()
_file_cache: dict[tuple[str, int, int], CodeVersion] = {}
_builtin_cache: dict[str, CodeVersion] = {}
_builtin_index: dict[str, Path] | None = None


def read_yaml(path: Path, error: type[CodeDefinitionError] | type[ConfigError] = CodeDefinitionError) -> Any:
    """Parse a YAML file safely (no Python objects, bounded size); YAML errors become one-line errors."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise error("file not found", path) from None
    except OSError as exc:
        raise error(f"cannot read file: {exc.strerror or exc}", path) from None
    if path.is_dir():
        raise error("is a directory, not a YAML file", path)
    if size > MAX_FILE_BYTES:
        raise error(f"file too large ({size} bytes; a Code version is well under {MAX_FILE_BYTES})", path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise error("not UTF-8 text", path) from None
    except OSError as exc:
        raise error(f"cannot read file: {exc.strerror or exc}", path) from None
    from codecheck.codes import yaml_cache

    def parse(text: str) -> Any:
        import yaml

        try:
            # libyaml's parser when installed (same safe constructor, ~15x faster: audits load every version)
            return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
            where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark is not None else ""
            raise error(f"invalid YAML: {where}{problem}", path) from None

    return yaml_cache.load(text, "safe", parse)  # parsed once per content, not once per run


def load_version_file(path: str | Path) -> CodeVersion:
    """Read and validate one version YAML file (cached by path, size and modification time)."""
    from codecheck.codes.schema import build_version

    p = Path(path)
    try:
        st = p.stat()
        key = (str(p.resolve()), st.st_mtime_ns, st.st_size)
    except OSError:
        key = None
    if key is not None:
        with _lock:
            cached = _file_cache.get(key)
        if cached is not None:
            return cached
    data = read_yaml(p)
    version = build_version(data, p)
    if key is not None:
        with _lock:
            _file_cache[key] = version
    return version


def _builtin_files() -> dict[str, Path]:
    """Shipped version files by id (the folder is read once: it does not change while codecheck runs)."""
    global _builtin_index
    if _builtin_index is None:
        _builtin_index = {f.stem: f for f in sorted(code_versions_dir().glob("*.yaml"))}
    return _builtin_index


def version_ids() -> list[str]:
    """The shipped version ids, in chronological order ("2022", "joint", "2024")."""
    return [v.id for v in list_versions()]


def _chrono_key(version: CodeVersion) -> tuple[str, str]:
    return (version.in_force_from or version.published or "9999", version.id)


def list_versions() -> list[CodeVersion]:
    """Every shipped version, oldest first (by in-force date, or publication date for a draft)."""
    return sorted((_builtin(vid) for vid in _builtin_files()), key=_chrono_key)


def _builtin(vid: str) -> CodeVersion:
    with _lock:
        cached = _builtin_cache.get(vid)
    if cached is not None:
        return cached
    files = _builtin_files()
    version = load_version_file(files[vid])
    if version.id != vid:
        raise CodeDefinitionError(
            f"field 'id': {version.id!r} does not match the file name {vid!r}", files[vid]
        )
    with _lock:
        _builtin_cache[vid] = version
    return version


def canonical_id(spec: str) -> str | None:
    """The shipped version id that ``spec`` names ("HOC-2024" -> "2024"), or None.

    Besides its id, a version answers to the names its facts list (``facts.synonyms``). A name that
    two versions claim (a copy of a version file, say) names neither: ``--code`` must not guess.
    """
    key = "-".join(str(spec).strip().lower().replace("_", "-").split())
    if key in _builtin_files():
        return key
    claimed = [v.id for v in list_versions() if key in v.facts.synonyms]
    return claimed[0] if len(claimed) == 1 else None


def _looks_like_path(spec: str) -> bool:
    return spec.lower().endswith((".yaml", ".yml")) or "/" in spec or "\\" in spec or Path(spec).is_file()


def get_version(spec: str) -> CodeVersion:
    """Return the Code version named by ``spec``: an id, a synonym, or a path to a version YAML file.

    Raises ``ConfigError`` (listing the known ids) for an unknown name, and ``CodeDefinitionError`` for a
    file that fails validation.
    """
    if isinstance(spec, CodeVersion):  # tolerate callers that already hold one
        return spec
    text = str(spec).strip()
    vid = canonical_id(text)
    if vid is not None and vid in _builtin_files():
        return _builtin(vid)
    if text and _looks_like_path(text):
        return load_version_file(text)
    known = ", ".join(version_ids())
    raise ConfigError(
        f"unknown Code version {text!r} (known: {known}; or give a path to a version YAML file)"
    )


def clear_cache() -> None:
    """Forget every loaded version (tests; a long-running process that edits version files)."""
    global _builtin_index
    with _lock:
        _file_cache.clear()
        _builtin_cache.clear()
        _builtin_index = None
