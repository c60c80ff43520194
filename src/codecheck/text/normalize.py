"""Text normalisation shared by every matcher.

Word processors and PDF extraction produce curly quotes, non-breaking spaces, several dash characters
and stray bullet glyphs; matching patterns against the raw text would make every rule fragile, so the
checks match against one canonical form.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Typographic punctuation and spaces as plain ASCII; the statement reader builds its own table
# from the same map (it keeps bullets and line breaks).
PUNCTUATION: dict[str, str] = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2015": "-",
    "\u2212": "-",
    "\u00a0": " ",
    "\u2007": " ",
    "\u202f": " ",
    "\t": " ",
}
_QUOTES = str.maketrans(PUNCTUATION)
# the bullet characters word processors and web pages put before list items
BULLETS = "\u2022\u00b7\u25aa\u25cf\u25e6\u2023\uf0b7\uf0a7\uf076\uf0d8"
_BULLETS = re.compile(f"[{BULLETS}]")
_SPACE = re.compile(r"\s+")


def clean(text: str | None) -> str:
    """Canonical form of document text: straight quotes, hyphen dashes, single spaces, no bullets.

    Offsets into the cleaned text are what the matchers report; snippets are cut from it too, so a
    snippet always reads as the document does, only with tidied punctuation.
    """
    if not text:
        return ""
    return _clean(text)


@lru_cache(maxsize=1024)
def _clean(text: str) -> str:
    """``clean`` proper, memoised: every check re-reads the same cells (a form's ~70 rows, ~12 checks)."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    text = _BULLETS.sub(" ", text)
    if not text.replace("\n", "").isprintable():  # rare: only then look at each character
        text = "".join(ch if ch == "\n" or ch.isprintable() else " " for ch in text)
    return _SPACE.sub(" ", text).strip()


def fold(text: str | None) -> str:
    """``clean`` plus lower case: the form that word lists and patterns are matched against."""
    return clean(text).lower()


def words(text: str) -> list[str]:
    """Lower-case word tokens (letters, digits, apostrophes), for overlap measures."""
    return re.findall(r"[a-z0-9']+", fold(text))


def is_blank(text: str | None) -> bool:
    """True when a cell carries no words at all (only spaces, dashes, dots or bullet glyphs)."""
    return not re.search(r"[A-Za-z0-9]", clean(text))


def snippet(text: str, start: int, end: int, pad: int = 40, limit: int = 200) -> str:
    """The words around ``text[start:end]``, widened to word boundaries, at most ``limit`` characters."""
    lo = max(0, start - pad)
    hi = min(len(text), end + pad)
    while lo > 0 and text[lo - 1].isalnum():
        lo -= 1
    while hi < len(text) and text[hi].isalnum():
        hi += 1
    out = text[lo:hi].strip()
    if len(out) > limit:
        out = out[: limit - 1].rstrip() + "…"
    return ("…" if lo > 0 else "") + out + ("…" if hi < len(text) else "")
