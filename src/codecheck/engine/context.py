"""What a check receives and what it returns: the contract between the engine and ``codecheck.checks``.

A check is the function ``check(ctx, params)`` of the module ``codecheck.checks.<slug>`` (the rule's
slug with underscores). It reads the aligned document from ``ctx`` and its parameters from
``params``, strictly (a parameter the rule's spec does not declare is an error, never a fallback
default written a second time in Python), and yields a ``Hit`` per finding; the engine adds the rule's
code and severity. What a check needs to know about a Code version it reads from the version's facts
(``CodeVersion.facts``); a check whose facts may be missing also defines ``not_applicable(code,
params)``, so that the engine skips it, with a warning, on a version that lacks them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from codecheck.errors import RuleDefinitionError
from codecheck.model import AlignedDocument, CodeVersion, Location, Severity


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


class RuleParams(dict[str, Any]):
    """A rule's parameters as its check reads them: ``params["name"]``, strictly.

    Every parameter's default is written once, in the rule's spec (``rules/<CODE>-<slug>/rule.yaml``);
    a check asking for one the spec does not declare gets a ``RuleDefinitionError`` naming the rule,
    not a silent second default.
    """

    def __init__(self, rule: str, values: dict[str, Any]) -> None:
        super().__init__(values)
        self.rule = rule

    def __missing__(self, key: str) -> Any:
        raise RuleDefinitionError(f"rule {self.rule}: parameter {key!r} is not declared in its params")


@dataclass(frozen=True)
class NotApplicable:
    """Why a rule has nothing to judge on forms of a Code version (a check's ``not_applicable``).

    ``warn``: True when the version's file lacks a fact the rule needs (the user should hear of it:
    a new version file may have forgotten it); False when the version's facts say the rule does not
    apply (the 2022 Code asks for no target date), which needs no saying.
    """

    reason: str  # "it names no provision that limits stages"
    warn: bool = True


CheckFn = Callable[[CheckContext, RuleParams], Iterable[Hit]]
# optional, beside ``check`` in a check module: None when the rule can judge forms of the version
ApplicabilityFn = Callable[[CodeVersion, RuleParams], NotApplicable | None]
