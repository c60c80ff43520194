"""The statement reader: one row's commentary and evidence read into claims, once.

Every content rule reads the same row, so the reading is memoised on the row's text (and the
requirement it answers, which a sentence may quote). Each kind of claim is read lazily: a rule that
needs only dates does not pay for timescale attachment.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property, lru_cache

from codecheck.model import Row
from codecheck.statements import lexicon
from codecheck.statements.compliance import ComplianceClaim, DateReading, read_compliance, read_dates
from codecheck.statements.context import SentenceContext, contexts
from codecheck.statements.definition import DefinitionClaim, read_definition
from codecheck.statements.items import ListClaim, read_lists
from codecheck.statements.sentences import Span, normalise
from codecheck.statements.stages import StageClaim, read_stages
from codecheck.statements.timescales import TimescaleClaim, read_timescales

CELLS = ("commentary", "evidence")


@dataclass
class Reading:
    """Everything the reader found in one row (commentary first, then evidence)."""

    commentary: str  # normalised
    evidence: str  # normalised
    requirement: str | None = None
    _sentences: dict[str, list[SentenceContext]] = field(default_factory=dict, repr=False)

    def cell(self, name: str) -> str:
        return self.commentary if name == "commentary" else self.evidence

    def sentences(self, name: str) -> list[SentenceContext]:
        """The sentences of one cell with their context (split once, then kept)."""
        found = self._sentences.get(name)
        if found is None:
            found = contexts(self.cell(name), name, self.requirement)
            self._sentences[name] = found
        return found

    def sentence_at(self, name: str, pos: int) -> Span | None:
        for ctx in self.sentences(name):
            if ctx.span.start <= pos < ctx.span.end:
                return ctx.span
        return None

    @cached_property
    def timescales(self) -> list[TimescaleClaim]:
        return [c for name in CELLS for c in read_timescales(self.sentences(name))]

    @cached_property
    def stages(self) -> list[StageClaim]:
        return [c for name in CELLS for c in read_stages(self.sentences(name))]

    @cached_property
    def compliance(self) -> list[ComplianceClaim]:
        return [c for name in CELLS for c in read_compliance(self.sentences(name), self.requirement)]

    @cached_property
    def definition(self) -> DefinitionClaim | None:
        for name in CELLS:
            found = read_definition(self.cell(name), name)
            if found is not None:
                return found
        return None

    @cached_property
    def lists(self) -> list[ListClaim]:
        return [c for name in CELLS for c in read_lists(self.cell(name), name)]

    def dates(
        self, form_date: date | None, anchor: date, grace_days: int = 0
    ) -> list[tuple[str, DateReading]]:
        """Every date in the row, judged as a target for compliance or not, with its cell."""
        return [
            (name, d) for name in CELLS for d in read_dates(self.cell(name), form_date, anchor, grace_days)
        ]

    def bare(self, name: str) -> bool:
        """The cell says nothing but a bare token ("Noted.", "Acknowledged.", "N/A", "-") or nothing."""
        text = self.cell(name)
        if not any(ch.isalnum() for ch in text):
            return True
        return self.placeholder_only(name, pointers=False) or self.acknowledgement_only(name)

    def placeholder_only(self, name: str, pointers: bool = True) -> bool:
        """The cell holds only a placeholder for content ("N/A", "TBC", "None provided") or, with
        ``pointers``, only a pointer to another cell ("See above")."""
        text = self.cell(name)
        if lexicon.rx("bare_tokens.placeholder").match(text):
            return True
        return pointers and bool(lexicon.rx("bare_tokens.reference").match(text))

    def acknowledgement_only(self, name: str) -> bool:
        """The cell holds only an acknowledgement of the row ("Noted.", "Agreed", "Yes"): unlike a
        placeholder ("N/A", "TBC"), it does not even say that something is missing."""
        return bool(lexicon.rx("bare_tokens.acknowledgement").match(self.cell(name)))


@lru_cache(maxsize=512)
def read_row(commentary: str, evidence: str = "", requirement: str | None = None) -> Reading:
    """The reading of one row (memoised: every content rule asks for the same row)."""
    return Reading(normalise(commentary), normalise(evidence), requirement)


def read_aligned(row: Row) -> Reading:
    """The reading of a document row: its commentary and evidence, and the requirement it answers."""
    return read_row(row.commentary or "", row.evidence or "", row.requirement or None)
