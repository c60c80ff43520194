"""Is a phrase meant? Negation, quotation and describing-the-Code detection.

The commonest false alarm of a naive checker is a phrase that appears but is not asserted: "we do not
have a stage 0", a quotation of the requirement itself, or "the Code no longer allows a third stage".
Each test here looks only at the clause or sentence around a match, and takes its cue lists from the
rule's parameters so that they can be tuned without code changes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from codecheck.patterns import compile_any  # re-exported: the checks import it from here
from codecheck.text.sentences import clause_at, sentence_at


def is_negated(
    text: str,
    start: int,
    end: int,
    before: Iterable[str],
    after: Iterable[str] = (),
    window: int = 8,
) -> bool:
    """True when the phrase at ``text[start:end]`` is denied in its clause.

    ``before`` cues ("not", "no", "rather than", …) count when they sit within ``window`` words before
    the phrase in the same clause; ``after`` cues ("is not used", "has been removed") when they follow
    it in the same clause.
    """
    clause = clause_at(text, start)
    lead = text[clause.start : start]
    lead_words = lead.split()
    lead = " ".join(lead_words[-window:])
    pre = compile_any(before)
    if pre and pre.search(lead):
        return True
    post = compile_any(after)
    if post:
        tail = text[end : clause.end]
        if post.match(tail.lstrip(" ,")) or post.search(" ".join(tail.split()[:window])):
            return True
    return False


_SINGLE_QUOTED = re.compile(r"(?:(?<=^)|(?<=[\s:(\[]))'[^'\n]{3,}?'(?=[\s.,;:)!?\]]|$)")


def in_quotation(text: str, pos: int) -> bool:
    """True when ``pos`` lies inside a quotation (straightened by ``clean``).

    Double quotes pair up simply. Single quotes double as apostrophes, so a single-quoted stretch
    counts only when it opens after a space or colon and closes before a space or punctuation
    ("our leaflet said 'stage 3 panel' until 2023"); one with an apostrophe inside is not recognised.
    """
    if text.count('"', 0, pos) % 2 == 1 and '"' in text[pos:]:
        return True
    return any(m.start() < pos < m.end() - 1 for m in _SINGLE_QUOTED.finditer(text))


def describes_code(text: str, pos: int, cues: Iterable[str]) -> bool:
    """True when the sentence around ``pos`` speaks about the Code or the Ombudsman's rule.

    "The Code requires a two-stage process" or "under the Code a third stage is not allowed" state the
    standard, not the landlord's practice, so they are not evidence of what the landlord does.
    """
    pat = compile_any(cues)
    if not pat:
        return False
    return bool(pat.search(sentence_at(text, pos).text))


def quotes_requirement(sentence: str, requirement: str | None, threshold: float) -> bool:
    """True when ``sentence`` is (a near-verbatim copy of) part of the requirement text itself."""
    if not requirement or len(sentence) < 25:
        return False
    from rapidfuzz import fuzz

    return fuzz.partial_ratio(sentence.lower(), requirement.lower()) >= threshold
