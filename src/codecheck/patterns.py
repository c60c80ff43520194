"""Regular expressions: compiled once per process, and the user's own on an engine with bounded cost.

Two concerns live here so that every part of codecheck (checks, text analysis, readers) shares them:

* **Compile once.** Rule parameters carry hundreds of cue patterns; a check that compiles its lists
  on every call, or validates each pattern alone before compiling the combined one, pays tens of
  milliseconds per audit for nothing. ``compiled`` and ``compile_any`` cache per process, and the
  patterns of a list are compiled alone only when the combined pattern fails (to name the bad one).
* **Bound what users bring.** Python's ``re`` backtracks: ``(x+x+)+y`` on a few kilobytes of ``x`` runs
  for ages. Patterns written by codecheck's authors are reviewed and tested; patterns from a user's
  rules file (``--rules``, or a ``rules`` key in a configuration file found beside the documents,
  which a pull request can change) are not. Those strings are marked ``UserPattern`` when the rules
  file is loaded, and a list holding one is compiled with RE2 (``google-re2``), whose matching time
  is linear in the text. RE2 has no look-around and no back-references: such a pattern is a
  ``RuleDefinitionError`` naming the rules file, the rule and the pattern. Its ``\\b``, ``\\w`` and
  ``\\s`` are ASCII-only (Python's are Unicode). If ``google-re2`` is not installed (a platform without
  a wheel), user patterns fall back to ``re`` and are bounded only by the document's time budget.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache, lru_cache
from typing import Any

from codecheck.errors import RuleDefinitionError

ENGINE_NAME = "RE2"


class UserPattern(str):
    """A pattern string from a user's rules file; ``origin`` says where (file, rule, parameter)."""

    origin: str = ""

    def __new__(cls, value: str, origin: str = "") -> UserPattern:
        obj = super().__new__(cls, value)
        obj.origin = origin
        return obj

    def __reduce__(self):  # pickled into worker processes with its origin
        return (UserPattern, (str(self), self.origin))


def mark_user_values(value: Any, origin: str) -> Any:
    """``value`` (a parameter from a user's rules file) with every string in it marked ``UserPattern``.

    Lists, tuples and mappings are walked (``stage_patterns: {kind: [...]}``); other values are kept.
    """
    if isinstance(value, str):
        return UserPattern(value, origin)
    if isinstance(value, list | tuple):
        return type(value)(mark_user_values(v, origin) for v in value)
    if isinstance(value, Mapping):
        return {k: mark_user_values(v, f"{origin}.{k}") for k, v in value.items()}
    return value


def unmarked(value: Any) -> Any:
    """``value`` with every ``UserPattern`` turned back into a plain ``str`` (for YAML and other
    serialisers that accept exact types only)."""
    if isinstance(value, str):
        return str(value)
    if isinstance(value, list | tuple):
        return type(value)(unmarked(v) for v in value)
    if isinstance(value, Mapping):
        return {k: unmarked(v) for k, v in value.items()}
    return value


@cache
def compiled(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)`` once per process, for patterns written in codecheck itself.

    ``re``'s own cache holds 512 entries and is shared with every library in the process; this one
    keeps codecheck's patterns however many there are.
    """
    return re.compile(pattern, flags)


def compile_any(patterns: Iterable[str] | str, flags: int = re.IGNORECASE) -> Any:
    """One regex matching any of ``patterns`` (None for an empty list); ``search``/``match``/``finditer``.

    A single string is one pattern (a rules file may give one where a list is expected). A list
    holding a ``UserPattern`` is compiled with RE2 (see the module docstring).
    """
    items = (patterns,) if isinstance(patterns, str) else tuple(patterns)
    for p in items:  # name the bad one: the patterns come from rules files users may edit
        if not isinstance(p, str):
            raise RuleDefinitionError(f"rule parameter pattern must be text, got {p!r}")
    bounded = any(isinstance(p, UserPattern) for p in items)
    return _compile_any(items, flags, bounded)


@lru_cache(maxsize=1024)
def _compile_any(patterns: tuple[str, ...], flags: int, bounded: bool) -> Any:
    if not patterns:
        return None
    combined = patterns[0] if len(patterns) == 1 else "|".join(f"(?:{p})" for p in patterns)
    if bounded:
        engine = _re2()
        if engine is not None:
            return _compile_re2(engine, combined, patterns, flags)
    try:
        return re.compile(combined, flags)
    except re.error:
        for p in patterns:
            try:
                re.compile(p, flags)
            except re.error as exc:
                raise RuleDefinitionError(f"{_where(p)}invalid pattern {p!r}: {exc}") from None
        raise RuleDefinitionError(f"invalid combination of patterns {list(patterns)!r}") from None


def _where(pattern: str) -> str:
    origin = getattr(pattern, "origin", "")
    return f"{origin}: " if origin else ""


@lru_cache(maxsize=1)
def _re2() -> Any:
    """The ``re2`` module, or None when google-re2 is not installed."""
    try:
        import re2
    except ImportError:  # pragma: no cover - a dependency; absent only on platforms without a wheel
        return None
    return re2


def _compile_re2(engine: Any, combined: str, patterns: tuple[str, ...], flags: int) -> Any:
    options = engine.Options()
    options.log_errors = False  # the error is ours to report, in one line
    options.case_sensitive = not flags & re.IGNORECASE
    options.dot_nl = bool(flags & re.DOTALL)
    unsupported = flags & ~(re.IGNORECASE | re.DOTALL | re.UNICODE)
    if unsupported:
        raise RuleDefinitionError(f"{ENGINE_NAME} patterns cannot take flags {re.RegexFlag(unsupported)!r}")
    try:
        return engine.compile(combined, options)
    except engine.error:
        pass
    for p in patterns:
        try:
            engine.compile(p, options)
        except engine.error as exc:
            reason = exc.args[0] if exc.args else exc
            if isinstance(reason, bytes):
                reason = reason.decode("utf-8", "replace")
            raise RuleDefinitionError(
                f"{_where(p)}pattern {p!r} is not supported by {ENGINE_NAME}, the bounded engine codecheck "
                f"runs user patterns on ({reason}; look-around and back-references are not available)"
            ) from None
    raise RuleDefinitionError(f"{ENGINE_NAME} cannot compile the combination of {list(patterns)!r}")
