"""What a sentence is: a question, a statistic, a restatement of the Code, a report of what someone
else said, a description of the past, or a statement about another subject (repairs, FOI, call-backs…).

A figure or a stage named in such a sentence is not the landlord's current complaints rule, so every
claim carries the *status* worked out here. The subject of a sentence carries over to the next one
when that one names no subject of its own ("FOI requests are handled separately. They are answered
within 20 working days."). Everything is computed once per sentence (and clause) of a cell.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from codecheck.statements import lexicon
from codecheck.statements.sentences import Span, clauses, conjuncts, containing, sentences
from codecheck.text.numbers import WORD_NUMBER

#: the statuses a claim can have, in the order they take precedence
STATUSES = (
    "question",
    "quotation",
    "code",
    "reported",
    "past",
    "negated",
    "statistic",
    "other_subject",
    "conditional",
    "unclear",
    "own",
)
STATUS_TEXT = {
    "own": "own current policy",
    "statistic": "a performance statistic, not a rule",
    "other_subject": "about another subject",
    "past": "a past process",
    "question": "asked as a question",
    "conditional": "inside a condition",
    "reported": "reported speech",
    "quotation": "a quotation",
    "code": "a restatement of the Code",
    "negated": "negated",
    "unclear": "cannot tell which figure is which",
}

_STAGE = re.compile(
    r"\bstages?[\s-]*(?P<n>one|two|three|four|zero|[0-4])\b(?:\s*(?:and|&|or|,)\s*(?:stage[\s-]*)?(?P<n2>one|two|three|four|[0-4])\b)?"
    r"|\b(?P<ord>first|second|third|fourth)(?:\s*(?:and|&|or)\s*(?P<ord2>second|third|fourth))?[\s-]+stages?\b",
    re.IGNORECASE,
)
_STAGE_VALUES = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "first": 1, "second": 2, "third": 3}
_STAGE_VALUES.update({"fourth": 4, "0": 0, "1": 1, "2": 2, "3": 3, "4": 4})
_HEADING = re.compile(r"^\s*(?:at\s+)?stage[\s-]*(?:one|two|[12])\b\s*(?:[:(,-]|\([^)]{0,40}\)\s*:?|$)", re.I)
_FIGURES = re.compile(rf"\b(?:\d+|{WORD_NUMBER})\b")
_DOUBLE_QUOTED = re.compile(r'"[^"\n]{1,600}"')
_SINGLE_QUOTED = re.compile(r"(?:(?<=^)|(?<=[\s:(\[]))'[^'\n]{3,600}?'(?=[\s.,;:)!?\]]|$)")


@dataclass(frozen=True)
class StageMention:
    """A stage named in a sentence ("stage 2", "second stage", "stages one and two" gives two)."""

    start: int
    end: int
    stage: int


@dataclass
class SentenceContext:
    """One sentence of a cell with everything the claim readers ask about it."""

    span: Span
    cell: str
    previous_subject: str | None = None
    heading_stage: int | None = None  # a "Stage 2:" heading sentence before this one
    requirement: str | None = None
    quote_spans: tuple[tuple[int, int], ...] = ()
    _cues: dict[str, tuple[tuple[int, int], ...]] = field(default_factory=dict)
    _memo: dict[tuple, object] = field(default_factory=dict)

    def search(self, path: str, span: Span, match: bool = False) -> bool:
        """Whether lexicon entry ``path`` matches in ``span`` (a clause or conjunct of this sentence),
        answered once per span: many figures share a clause, and each asks the same question."""
        key = (path, span.start, span.end, match)
        found = self._memo.get(key)
        if found is None:
            pat = lexicon.rx(path)
            found = bool(pat.match(span.text) if match else pat.search(span.text))
            self._memo[key] = found
        return bool(found)

    @cached_property
    def lower(self) -> str:
        return self.span.text.lower()

    def mentions(self, path: str) -> bool:
        """Whether the sentence contains one of the plain strings listed at ``path`` (a prefilter)."""
        return any(word in self.lower for word in lexicon.words(path))

    # -------------------------------------------------------------- structure
    @cached_property
    def clauses(self) -> tuple[Span, ...]:
        return clauses(self.span)

    @cached_property
    def conjuncts(self) -> tuple[Span, ...]:
        return conjuncts(self.span)

    def clause_at(self, pos: int) -> Span:
        return containing(self.clauses, pos) or self.span

    def conjunct_at(self, pos: int) -> Span:
        return containing(self.conjuncts, pos) or self.clause_at(pos)

    def cues(self, path: str) -> tuple[tuple[int, int], ...]:
        """Every match of lexicon entry ``path`` in the sentence (cell offsets), found once."""
        found = self._cues.get(path)
        if found is None:
            pat = lexicon.rx(path)
            found = tuple(
                (self.span.start + m.start(), self.span.start + m.end()) for m in pat.finditer(self.span.text)
            )
            self._cues[path] = found
        return found

    def cues_in(self, path: str, lo: int, hi: int) -> list[tuple[int, int]]:
        """Matches of ``path`` lying inside [lo, hi), by bisection over the sentence's matches."""
        found = self.cues(path)
        i = bisect.bisect_left(found, (lo, -1))
        out = []
        while i < len(found) and found[i][0] < hi:
            if found[i][1] <= hi:
                out.append(found[i])
            i += 1
        return out

    def text(self, lo: int, hi: int) -> str:
        """The sentence's text between two cell offsets."""
        base = self.span.start
        return self.span.text[max(0, lo - base) : max(0, hi - base)]

    # -------------------------------------------------------------- stages named
    @cached_property
    def stages(self) -> tuple[StageMention, ...]:
        out: list[StageMention] = []
        base = self.span.start
        for m in _STAGE.finditer(self.span.text):
            first = (m.group("n") or m.group("ord") or "").lower()
            second = (m.group("n2") or m.group("ord2") or "").lower()
            if first in _STAGE_VALUES:
                end = m.end("n") if m.group("n") else m.end()
                out.append(StageMention(base + m.start(), base + end, _STAGE_VALUES[first]))
            if second in _STAGE_VALUES:
                g = "n2" if m.group("n2") else "ord2"
                out.append(StageMention(base + m.start(g), base + m.end(), _STAGE_VALUES[second]))
        return tuple(out)

    @cached_property
    def heading(self) -> int | None:
        """The stage a sentence opens with as a heading ("Stage 1: …", "Stage 2 (review) - …")."""
        m = _HEADING.match(self.span.text)
        if not m:
            return None
        first = self.stages[0] if self.stages else None
        return first.stage if first else None

    @cached_property
    def heading_only(self) -> bool:
        """The sentence is nothing but a stage heading ("Stage 2", "Stage 1:")."""
        return bool(re.fullmatch(r"\s*stage[\s-]*(?:one|two|[12])\s*[:.-]?\s*", self.span.text, re.I))

    # -------------------------------------------------------------- sentence status
    @cached_property
    def question(self) -> bool:
        return self.span.text.rstrip().endswith("?")

    @cached_property
    def statistic(self) -> bool:
        return bool(self.cues("statistic"))

    @cached_property
    def complaint(self) -> bool:
        return bool(self.cues("complaint_subject"))

    @cached_property
    def own_subject(self) -> str | None:
        """The other subject the sentence names itself (None when it names none)."""
        return self.subject_in(self.span)

    @cached_property
    def subject(self) -> str | None:
        """The other subject of the sentence: its own, or the previous sentence's carried over."""
        if self.own_subject is not None:
            return self.own_subject
        if self.previous_subject and not self.complaint:
            return self.previous_subject
        return None

    @cached_property
    def code(self) -> bool:
        """The sentence restates the Code (not: "quicker than the Code requires")."""
        if not self.cues("code_statement"):
            return False
        return not lexicon.rx("comparison").search(self.span.text)

    @cached_property
    def quotes_requirement(self) -> bool:
        """The sentence is a near-verbatim copy of part of the requirement it answers (with the same
        figures: "within 20 working days of the complaint being acknowledged" under 6.3 is not a quote
        of the Code's 10, however alike the words)."""
        if not self.requirement or len(self.span.text) < 25:
            return False
        if not set(_FIGURES.findall(self.lower)) <= set(_FIGURES.findall(self.requirement.lower())):
            return False
        from rapidfuzz import fuzz

        return fuzz.partial_ratio(self.lower, self.requirement.lower()) >= 92

    def remember(self, key: tuple, compute: Callable[[], object]) -> object:
        """``compute()`` once per sentence and ``key`` (a question many figures of one sentence ask)."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    def subject_in(self, span: Span) -> str | None:
        """The first other subject named in ``span`` (one scan of every subject's cues, memoised)."""
        key = ("other_subjects", span.start, span.end)
        if key not in self._memo:
            pat, names = lexicon.rx_named("other_subjects")
            self._memo[key] = lexicon.name_of(pat.search(span.text), names)
        found = self._memo[key]
        return found if isinstance(found, str) else None

    def in_quotation(self, pos: int) -> bool:
        """``pos`` lies inside a quoted stretch of five words or more (a quotation, not a name)."""
        i = bisect.bisect_left(self.quote_spans, (pos, -1)) - 1
        return i >= 0 and self.quote_spans[i][0] < pos < self.quote_spans[i][1]

    def clause_flag(self, path: str, pos: int) -> bool:
        """Whether a lexicon entry matches within the clause holding ``pos``."""
        clause = self.clause_at(pos)
        # searched on the clause itself too: some cues are anchored at its start ("^until …")
        return bool(self.cues_in(path, clause.start, clause.end)) or self.search(path, clause)

    def subject_at(self, pos: int) -> str | None:
        """The other subject governing ``pos``: named in its clause (unless its conjunct is about a
        complaint), else the sentence's, when the sentence says nothing about complaints."""
        clause = self.clause_at(pos)
        conj = self.conjunct_at(pos)
        name = self.subject_in(clause)
        if name is not None:
            strong = self.search("strong_subject", clause)
            if not strong and self.search("complaint_subject", conj):
                return None  # "complaints about repairs are answered within …"
            return name
        if self.subject and not self.complaint:
            return self.subject
        return None


def contexts(cell_text: str, cell: str, requirement: str | None = None) -> list[SentenceContext]:
    """The sentences of one normalised cell with their context, subject and heading carried over."""
    quotes = _quote_spans(cell_text)
    out: list[SentenceContext] = []
    previous: str | None = None
    heading: int | None = None
    for span in sentences(cell_text):
        ctx = SentenceContext(span, cell, previous, heading, requirement, quotes)
        out.append(ctx)
        previous = ctx.subject
        if ctx.heading_only:
            heading = ctx.heading
        elif ctx.stages:
            heading = None
    return out


def _quote_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Quoted stretches of at least five words (double quotes, or single quotes used as quotes)."""
    spans = [
        (m.start(), m.end())
        for pat in (_DOUBLE_QUOTED, _SINGLE_QUOTED)
        for m in pat.finditer(text)
        if len(m.group(0).split()) >= 5
    ]
    return tuple(sorted(spans))
