"""Registry of check functions, keyed by rule slug.

A rule's YAML (``rules/*.yaml``) gives its code, severity, wording and parameters; its logic is a
small function registered here under the same slug. The engine calls the function with a
``CheckContext`` and the rule's parameters and turns each ``Hit`` it yields into a ``Finding``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from codecheck.model import AlignedDocument, Location, Severity


@dataclass(frozen=True)
class Hit:
    """What a check reports; the engine adds the rule's code and severity."""

    provision: str | None
    message: str
    location: Location | None = None
    snippet: str | None = None
    quote: str | None = None  # the sentence the finding rests on, from the document
    reading: str | None = None  # how that sentence was read ("stage 2 extension, 20 working days, …")
    # a lower severity than the rule's, for a finding whose reading is not certain (never a higher one)
    severity: Severity | None = None


@dataclass(frozen=True)
class CheckContext:
    aligned: AlignedDocument
    today: date  # "now" for date reasoning; injectable so tests are deterministic
    # when set, checks record why they stayed silent on a row (``codecheck explain`` reads it)
    notes: list[tuple[Location | None, str]] | None = None

    def note(self, location: Location | None, text: str) -> None:
        """Record a decision about a row (only when an explanation was asked for)."""
        if self.notes is not None:
            self.notes.append((location, text))


CheckFn = Callable[[CheckContext, dict[str, Any]], Iterable[Hit]]

_REGISTRY: dict[str, CheckFn] = {}


def check(slug: str) -> Callable[[CheckFn], CheckFn]:
    """Decorator: register ``fn`` as the logic of the rule named ``slug``."""

    def decorate(fn: CheckFn) -> CheckFn:
        if slug in _REGISTRY and _REGISTRY[slug] is not fn:
            raise ValueError(f"check {slug!r} registered twice")
        _REGISTRY[slug] = fn
        return fn

    return decorate


def get_check(slug: str) -> CheckFn | None:
    _load_builtin_checks()
    return _REGISTRY.get(slug)


def registered_slugs() -> list[str]:
    _load_builtin_checks()
    return sorted(_REGISTRY)


def _load_builtin_checks() -> None:
    """Import the built-in check modules so that their decorators run (once)."""
    import codecheck.checks  # noqa: F401  (the package imports every check module)
