"""Lettered, numbered and bulleted lists in commentary, and whether they cover a Code item.

A response letter's contents are often walked through as a list ("a. the stage b. the definition …",
"1) the stage reached 2) …", bullets). An item of the Code counts as covered wherever the commentary
covers it: as a list item in any labelling, or in a sentence after the list ("Stage 2 replies also
explain how to go to the Ombudsman"). Coverage is judged on the item's distinctive words and their
common synonyms ("why" for "reasons", "the Ombudsman" for "escalate to the Ombudsman").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from codecheck.statements import lexicon
from codecheck.statements.sentences import Span

_WORD = re.compile(r"[a-z]+")
_BULLET = re.compile(r"[\u2022\n]")


@dataclass(frozen=True)
class ListedItem:
    """One item of a list in the commentary."""

    label: str  # "a", "3", "•"
    words: Span
    marker: int = -1  # where the item's marker ("a)", "•") starts, offsets in the cell


@dataclass(frozen=True)
class ListClaim:
    """A list in a cell: its items and the text after it (which may cover an item too)."""

    items: tuple[ListedItem, ...]
    after: Span
    cell: str

    def reading(self) -> str:
        return f"a list of {len(self.items)} items"


def read_lists(text: str, cell: str) -> list[ListClaim]:
    """The lists of a normalised cell: a run of markers ("a.", "b)", "(c)", "1)") or of bullets."""
    out: list[ListClaim] = []
    marked = _marked_items(text)
    if len(marked) >= 2:
        out.append(_claim(text, cell, marked))
    bullets = _bullet_items(text)
    if len(bullets) >= 2:
        out.append(_claim(text, cell, bullets))
    return out


def _marked_items(text: str) -> list[ListedItem]:
    markers = [
        (m.start(), m.end(), (lexicon.group(m, "label") or lexicon.group(m, "label2") or "").lower())
        for m in lexicon.rx("items.marker").finditer(text)
    ]
    # keep the longest run of markers in sequence (a, b, c … or 1, 2, 3 …)
    best: list[tuple[int, int, str]] = []
    run: list[tuple[int, int, str]] = []
    for mk in markers:
        if run and _follows(run[-1][2], mk[2]):
            run.append(mk)
        elif mk[2] in ("a", "1"):
            run = [mk]
        else:
            continue
        if len(run) > len(best):
            best = list(run)
    items: list[ListedItem] = []
    for i, (_, e, label) in enumerate(best):
        nxt = best[i + 1][0] if i + 1 < len(best) else _item_end(text, e)
        items.append(ListedItem(label, Span(e, nxt, text[e:nxt].strip()), best[i][0]))
    return items


def _follows(prev: str, label: str) -> bool:
    if prev.isdigit() and label.isdigit():
        return int(label) == int(prev) + 1 or int(label) == int(prev) + 2
    if prev.isalpha() and label.isalpha():
        return ord(label) in (ord(prev) + 1, ord(prev) + 2)
    return False


def _item_end(text: str, pos: int) -> int:
    """The last item runs to the end of its sentence (a full stop, a line break or a bullet)."""
    m = re.compile(r"\.(?:\s|$)|[\n\u2022]").search(text, pos)
    return m.start() if m else len(text)


def _bullet_items(text: str) -> list[ListedItem]:
    parts = [(m.start(), m.end()) for m in _BULLET.finditer(text)]
    if len(parts) < 2:
        return []
    items: list[ListedItem] = []
    for i, (s, e) in enumerate(parts):
        nxt = parts[i + 1][0] if i + 1 < len(parts) else _item_end(text, e)
        body = text[e:nxt].strip(" ;,.")
        if body:
            items.append(ListedItem("\u2022", Span(e, nxt, body), s))
    return items


def _claim(text: str, cell: str, items: list[ListedItem]) -> ListClaim:
    end = items[-1].words.end
    return ListClaim(tuple(items), Span(end, len(text), text[end:]), cell)


# ---------------------------------------------------------------------------- coverage


@cache
def _synonyms() -> dict[str, tuple[str, ...]]:
    raw = lexicon.words("items.synonyms") or {}
    return {key: tuple(str(v).lower() for v in values) for key, values in raw.items()}


@cache
def _stop_words() -> frozenset[str]:
    return frozenset(lexicon.words("items.stop_words") or ())


def _stem(word: str) -> str:
    return word[:6]


def key_words(item_text: str) -> tuple[str, ...]:
    """The stems of an item's distinctive words ("the reasons for any decisions made" -> reason, decisi)."""
    return tuple(dict.fromkeys(_stem(w) for w in _WORD.findall(item_text.lower()) if w not in _stop_words()))


def coverage(text: str, item_text: str, distinctive: frozenset[str]) -> float:
    """How well ``text`` covers a Code item: the share of the item's ``distinctive`` stems found in
    it (directly or through a synonym), 0..1."""
    if not distinctive:
        return 0.0
    low = text.lower()
    have = {_stem(w) for w in _WORD.findall(low)}
    found = 0
    for stem in distinctive:
        if stem in have:
            found += 1
            continue
        for key, alts in _synonyms().items():
            if _stem(key) == stem and any(re.search(rf"\b{re.escape(a)}", low) for a in alts):
                found += 1
                break
    return found / len(distinctive)
