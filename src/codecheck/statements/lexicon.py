"""The reader's word lists (``lexicon.yaml`` beside this module), loaded and compiled once.

Cue lists are data, not code: a reviewer can see in one file every phrase the reader treats as "an
extension", "a past process" or "a denial", and extend it without touching the attachment logic. Each
list compiles to one case-insensitive alternation; a bad fragment fails loudly at load time (the file
ships with the package, so that is a packaging error, never a user's).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

from codecheck.codes import yaml_cache
from codecheck.patterns import compiled

_FILE = Path(__file__).with_name("lexicon.yaml")
_FLAGS = re.IGNORECASE


def _parse(text: str) -> Any:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML has it: 15x faster
    return yaml.load(text, Loader=loader)


@cache
def data() -> dict[str, Any]:
    """The parsed lexicon (read once per process)."""
    # parsed once per content and kept as JSON (as the Code versions and rule files are): a warm run
    # never imports PyYAML for it
    loaded = yaml_cache.load(_FILE.read_text(encoding="utf-8"), "lexicon", _parse)
    if not isinstance(loaded, dict) or loaded.get("schema") != 1:
        raise RuntimeError(f"{_FILE}: not a schema-1 statement lexicon")
    return loaded


def _lookup(path: str) -> Any:
    node: Any = data()
    for part in path.split("."):
        if not isinstance(node, dict) or part not in node:
            raise KeyError(f"statement lexicon has no entry {path!r}")
        node = node[part]
    return node


@cache
def rx(path: str) -> re.Pattern[str]:
    """One compiled pattern for the entry at ``path`` ("steps.extend", "bound_upper").

    A list becomes an alternation of its fragments; named groups may repeat across fragments of one
    list (each fragment is its own branch), so they are renamed per branch and read with ``group``.
    """
    return compiled(_source(path), _FLAGS)  # codecheck's one compile-once helper


def _source(path: str) -> str:
    """The regex source of the entry at ``path`` (compiling is the costly part: done once, by ``rx``)."""
    node = _lookup(path)
    if isinstance(node, str):
        return node
    if not isinstance(node, list) or not all(isinstance(p, str) for p in node):
        raise RuntimeError(f"statement lexicon entry {path!r} is not a pattern or a list of patterns")
    return "|".join(f"(?:{_unique_groups(p, i)})" for i, p in enumerate(node))


def _unique_groups(pattern: str, branch: int) -> str:
    """``(?P<n>…)`` -> ``(?P<n__1>…)``: Python refuses a group name twice in one pattern."""
    return re.sub(r"\(\?P<(\w+)>", lambda m: f"(?P<{m.group(1)}__{branch}>", pattern)


def group(m: re.Match[str], name: str) -> str | None:
    """The text of named group ``name`` in whichever branch of an alternation matched."""
    for key, value in m.groupdict().items():
        if value is not None and (key == name or key.startswith(f"{name}__")):
            return value
    return None


@cache
def rx_named(path: str) -> tuple[re.Pattern[str], tuple[str, ...]]:
    """The mapping at ``path`` as one pattern with a group per name: one scan tells which name matched
    first (``names[int(m.lastgroup[1:])]``) instead of one scan per name."""
    node = _lookup(path)
    if not isinstance(node, dict):
        raise RuntimeError(f"statement lexicon entry {path!r} is not a mapping")
    names = tuple(node)
    parts = [f"(?P<g{i}>{_source(f'{path}.{name}')})" for i, name in enumerate(names)]
    return compiled("|".join(parts), _FLAGS), names


def name_of(m: re.Match[str] | None, names: tuple[str, ...]) -> str | None:
    """Which name of an ``rx_named`` pattern matched (None for no match)."""
    return names[int(m.lastgroup[1:])] if m is not None and m.lastgroup else None


def words(path: str) -> Any:
    """A plain (non-pattern) entry: a number, a word list or a mapping of word lists."""
    return _lookup(path)
