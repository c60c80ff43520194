"""Word-level comparison of two wordings: normalisation, the word diff and a similarity score."""

from __future__ import annotations

import difflib

from codecheck.diff.model import WordOp

_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})


def _norm_word(word: str) -> str:
    return word.translate(_QUOTES).lower()


def normalise(text: str) -> str:
    """Compare-form of wording: quotes and dashes unified, case and whitespace ignored."""
    return " ".join(_norm_word(w) for w in text.split())


def word_diff(old: str, new: str) -> list[WordOp]:
    """Word-level diff of two texts; runs of equal words are merged into one op."""
    a, b = old.split(), new.split()
    matcher = difflib.SequenceMatcher(None, [_norm_word(w) for w in a], [_norm_word(w) for w in b],
                                      autojunk=False)
    runs = [(tag, a[i1:i2], b[j1:j2]) for tag, i1, i2, j1, j2 in matcher.get_opcodes()]
    return [WordOp(tag, " ".join(old), " ".join(new)) for tag, old, new in _cleanup(runs)]


# An unchanged run this short between two changes is a coincidence ("to", "be the"), not shared
# meaning; folding it into the change reads far better on a rewritten provision.
_SHORT_EQUAL = 2


def _cleanup(runs: list[tuple[str, list[str], list[str]]]) -> list[tuple[str, list[str], list[str]]]:
    """Fold short unchanged runs between changes into one replacement (a semantic clean-up)."""
    out: list[tuple[str, list[str], list[str]]] = []
    for i, (tag, old, new) in enumerate(runs):
        after_change = bool(out) and out[-1][0] != "equal"
        short_gap = (tag == "equal" and len(old) <= _SHORT_EQUAL and i + 1 < len(runs)
                     and runs[i + 1][0] != "equal")
        if after_change and (tag != "equal" or short_gap):
            _, o, n = out.pop()
            out.append(("replace", o + old, n + new))
        else:
            out.append((tag, list(old), list(new)))
    return [(_change_tag(t, o, n), o, n) for t, o, n in out]


def _change_tag(tag: str, old: list[str], new: list[str]) -> str:
    if tag != "replace":
        return tag
    return "delete" if not new else "insert" if not old else "replace"


def similarity(old: str, new: str) -> float:
    """0..100: how much wording two provisions share (token set, so a merged text still scores)."""
    from rapidfuzz import fuzz

    return float(fuzz.token_set_ratio(normalise(old), normalise(new)))
