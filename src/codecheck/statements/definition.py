"""The landlord's own definition of a complaint, wherever the commentary states it.

A definition may open with the Code's words ("an expression of dissatisfaction, however made, …") or
not at all ("our policy defines a complaint as a customer's concern about the service the council
provided"); both must be compared with the Code. A pointer to where the definition sits ("the
definition is in section 2 of the policy", "we have adopted the Ombudsman's definition") states no
definition and is not read as one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from codecheck.statements import lexicon
from codecheck.statements.sentences import Span

_DEFINING = re.compile(
    r"\s*(?:,\s*)?(?:however made|about|with|regarding|concerning|over|in relation to|relating to)\b", re.I
)
_LONGEST = 600  # a definition runs to its full stop or closing quote, and never further than this
_END = re.compile(r"""["\n]|\.(?=\s|$|["'])|'(?=[\s.,;:)]|$)""")


@dataclass(frozen=True)
class DefinitionClaim:
    """The words the landlord gives as its definition of a complaint."""

    words: Span  # the definition itself, offsets in the cell
    cell: str
    opens_with_code: bool  # starts with the Code's "expression of dissatisfaction"

    def reading(self) -> str:
        how = "quoting the Code's opening words" if self.opens_with_code else "in the landlord's own words"
        return f"the landlord's definition of a complaint, {how}"


def read_definition(text: str, cell: str) -> DefinitionClaim | None:
    """The first definition of a complaint stated in ``text`` (a normalised cell), or None."""
    head = lexicon.rx("definition.head_words")
    reference = lexicon.rx("definition.reference")
    min_words = int(lexicon.words("definition.min_words"))
    for m in lexicon.rx("definition.start").finditer(text):
        code_words = m.group(0).lower().startswith("expression")
        if code_words and not _DEFINING.match(text, m.end()):
            continue  # "any expression of dissatisfaction is logged": a practice, not a definition
        start = _start_of(text, m.start()) if code_words else m.end()
        end_m = _END.search(text, m.end(), m.end() + _LONGEST)
        end = end_m.start() if end_m else min(len(text), m.end() + _LONGEST)
        body = text[start:end]
        lead = len(body) - len(body.lstrip(" :'\""))
        body = body.strip(" :'\"")
        if not body or reference.match(body) or not head.search(body) or len(body.split()) < min_words:
            continue
        s = start + lead
        return DefinitionClaim(Span(s, s + len(body), body), cell, code_words or _opens_with_code(body))
    return None


def _start_of(text: str, pos: int) -> int:
    """Where a definition that uses the Code's words starts: after the last full stop, colon or opening
    quote before them (so "A complaint is an expression …" keeps its opening words)."""
    lo = max(0, pos - 200)
    cut = max(text.rfind(ch, lo, pos) for ch in (".", ":", '"', "\n"))
    quote = text.rfind(" '", lo, pos)
    return max(cut + 1, quote + 2 if quote != -1 else 0, lo if lo > 0 else 0)


def _opens_with_code(body: str) -> bool:
    return bool(re.match(r"(?:an?\s+|any\s+)?(?:\w+\s+)?expression of dissatisfaction\b", body, re.I))
