"""Sentences, clauses and conjuncts of a commentary cell, computed once per cell in linear time.

Commentary is written as prose, as bullet lists, as "Stage 1: …; Stage 2: …" runs and as tables
flattened into text. The reader needs three levels of grouping: the *sentence* (a statement: the
subject of a figure and its status live here), the *clause* (split at ";" and concessive ", but",
", although": a denial or a past tense stays inside it) and the *conjunct* (split at "and", "or"
and commas: "within 10 working days at stage 1 and within 20 working days at stage 2" attaches each
stage to its own figure).

Every boundary is found by one left-to-right pass; a run of text longer than ``MAX_SENTENCE`` with
no boundary is cut at a space, so no later step ever sees more than that many characters at once.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from codecheck.text.normalize import BULLETS, PUNCTUATION

#: the longest stretch the reader analyses as one sentence (longer runs are cut at a space)
MAX_SENTENCE = 2000

# clean's punctuation map, plus: carriage returns as line breaks and every bullet as "•"
_TRANSLATE = str.maketrans({**PUNCTUATION, "\r": "\n", **{b: "\u2022" for b in BULLETS if b != "\u2022"}})
_SPACES = re.compile(r"[^\S\n]+")
_LINES = re.compile(r" *\n[\s]*")


def normalise(text: str | None) -> str:
    """A cell as the reader sees it: straight quotes, "-" dashes, "•" bullets, line breaks kept.

    Unlike ``codecheck.text.normalize.clean`` this keeps bullets and line breaks, because they end a
    statement ("• answered within ten working days at Stage 1").
    """
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text).translate(_TRANSLATE)
    if not text.replace("\n", "").isprintable():
        text = "".join(ch if ch == "\n" or ch.isprintable() else " " for ch in text)
    text = _SPACES.sub(" ", text)
    return _LINES.sub("\n", text).strip()


@dataclass(frozen=True)
class Span:
    """A stretch of a cell with its offsets, so that matches inside it map back to the cell."""

    start: int
    end: int
    text: str


_ABBREVIATIONS = frozenset(
    (
        *("e.g", "i.e", "etc", "no", "nos", "para", "paras", "approx", "incl", "st", "dr", "mr", "mrs"),
        *("ms", "cllr", "vs", "cf", "ref", "fig", "min", "max", "dept", "tel"),
    )
)
# candidates: sentence punctuation, a line break, a bullet
_BOUNDARY = re.compile(r"[.!?]+(?=[\s\"')\]]|$)|\n|\u2022")
_NEXT_START = re.compile(r"[\s\"')\]]*(?:[A-Z0-9\u2022\"'(]|$)")
# a run-on: "... working days The Council ..." (paragraphs joined without punctuation)
_RUN_ON = re.compile(
    r"(?<=[a-z]) (?=(?:This|The|We|Our|All|Any|Where|When|If|In|Complaints?|Residents?|Stage|There|It|An?|"
    r"Officers?|Staff|Performance|Requests?|Reports?)\b [a-z])"
)


def sentences(text: str) -> tuple[Span, ...]:
    """The sentences of a normalised cell, in order (offsets into ``text``)."""
    cuts: list[tuple[int, int]] = []  # (end of the sentence, start of the next)
    for m in _BOUNDARY.finditer(text):
        ch = text[m.start()]
        if ch in ".!?":
            if not _NEXT_START.match(text, m.end()):
                continue  # "e.g. the", "a. the complaint stage": no new sentence
            if ch == "." and m.end() - m.start() == 1 and _abbreviation_before(text, m.start()):
                continue
            cuts.append((m.end(), m.end()))
        else:
            cuts.append((m.start(), m.end()))
    for m in _RUN_ON.finditer(text):
        cuts.append((m.start(), m.end()))
    cuts.sort()
    out: list[Span] = []
    start = 0
    for end, nxt in cuts:
        if end < start:
            continue
        _add(text, start, end, out)
        start = nxt
    _add(text, start, len(text), out)
    return tuple(out)


def _abbreviation_before(text: str, dot: int) -> bool:
    """True when the word before the full stop at ``dot`` is an abbreviation or a single letter."""
    lo = dot
    while lo > 0 and (text[lo - 1].isalpha() or text[lo - 1] == "."):
        lo -= 1
        if dot - lo > 8:
            return False
    word = text[lo:dot].lower()
    return len(word) == 1 or word in _ABBREVIATIONS


def _add(text: str, start: int, end: int, out: list[Span]) -> None:
    """Append ``text[start:end]`` stripped, cut into pieces of at most ``MAX_SENTENCE`` characters."""
    while start < end and text[start] in " \n\u2022":
        start += 1
    while end > start and text[end - 1] in " \n\u2022":
        end -= 1
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        if cut == -1:
            cut = start + MAX_SENTENCE
        out.append(Span(start, cut, text[start:cut]))
        start = cut
        while start < end and text[start] == " ":
            start += 1
    if end > start:
        out.append(Span(start, end, text[start:end]))


_CLAUSE_BREAK = re.compile(
    r";|,\s+(?:but|however|although|though|whereas|while|whilst|yet)\b|\s+but\s+|\s+(?:although|whereas|whilst)\s+|"
    r"\s+-\s+"
)
_CONJUNCT_BREAK = re.compile(
    r",\s*(?:and|or)\s+|\s+(?:and|or)\s+|,\s+|;\s*|\s*\|\s*|\s+/\s+|\s*\(\s*|\s*\)\s*"
)


def split(sentence: Span, breaks: re.Pattern[str]) -> tuple[Span, ...]:
    """``sentence`` cut at every match of ``breaks`` (the separators themselves left out)."""
    out: list[Span] = []
    lo = 0
    body = sentence.text
    for m in breaks.finditer(body):
        if m.start() > lo:
            out.append(Span(sentence.start + lo, sentence.start + m.start(), body[lo : m.start()]))
        lo = m.end()
    if lo < len(body):
        out.append(Span(sentence.start + lo, sentence.end, body[lo:]))
    return tuple(s for s in out if s.text.strip())


def clauses(sentence: Span) -> tuple[Span, ...]:
    """The clauses of a sentence: split at ";", a concessive ", but"/", although", and " - "."""
    return split(sentence, _CLAUSE_BREAK) or (sentence,)


def conjuncts(sentence: Span) -> tuple[Span, ...]:
    """The smallest coordinated pieces of a sentence: split at "and", "or", commas, pipes, spaced
    slashes (a flattened table row), brackets."""
    return split(sentence, _CONJUNCT_BREAK) or (sentence,)


def containing(spans: tuple[Span, ...], pos: int) -> Span | None:
    """The span of ``spans`` (sorted, disjoint) that holds offset ``pos``, by bisection."""
    lo, hi = 0, len(spans)
    while lo < hi:
        mid = (lo + hi) // 2
        if spans[mid].end <= pos:
            lo = mid + 1
        else:
            hi = mid
    if lo < len(spans) and spans[lo].start <= pos < spans[lo].end:
        return spans[lo]
    return None
