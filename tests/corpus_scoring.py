"""Score extracted rows against the corpus labels, the way ../shared/tools/eval_corpus.py does.

One copy for every conformance test (DOCX and PDF readers alike): rows paired by provision id in
document order; of the pairs, answers equal, evidence+commentary and requirement text at a fuzzy
ratio of at least 90 after whitespace, quote and bullet normalisation.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass


def norm_text(s: str | None) -> str:
    s = (s or "").replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    s = re.sub(r"[\u2022\u00b7\u25aa\u25cf\uf0b7]", " ", s)
    return re.sub(r"\s+", " ", s).strip().lower()


def norm_id(s: str | None) -> str:
    return re.sub(r"\s+", "", str(s or "")).rstrip(".").lower()


def pair_rows(expected: list[dict], got: list[dict]) -> list[tuple[dict, dict | None]]:
    """Pair each labelled row with an extracted row of the same id, keeping document order."""
    matcher = difflib.SequenceMatcher(
        None,
        [norm_id(r["provision"]) for r in expected],
        [norm_id(r["provision"]) for r in got],
        autojunk=False,
    )
    pairs: list[tuple[dict, dict | None]] = [(e, None) for e in expected]
    for a, b, n in matcher.get_matching_blocks():
        for k in range(n):
            pairs[a + k] = (expected[a + k], got[b + k])
    return pairs


@dataclass
class RowScore:
    """Counts for one document (add them up for a corpus)."""

    labelled: int = 0
    found: int = 0
    output: int = 0
    answers: int = 0
    text: int = 0
    requirement: int = 0
    with_requirement: int = 0

    @property
    def extra(self) -> int:
        return self.output - self.found

    def __iadd__(self, other: RowScore) -> RowScore:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))
        return self

    def ratios(self) -> dict[str, float]:
        return {
            "rows": self.found / max(1, self.labelled),
            "answers": self.answers / max(1, self.found),
            "text": self.text / max(1, self.found),
            "requirement": self.requirement / max(1, self.with_requirement),
            "extra": self.extra / max(1, self.output),
        }


def score_rows(expected: list[dict], got: list[dict]) -> RowScore:
    from rapidfuzz import fuzz

    found = [(e, g) for e, g in pair_rows(expected, got) if g is not None]
    score = RowScore(labelled=len(expected), found=len(found), output=len(got))
    for e, g in found:
        score.answers += g["answer"] == e["answer"]
        want = norm_text(f"{e.get('evidence') or ''} {e.get('commentary') or ''}")
        have = norm_text(f"{g.get('evidence') or ''} {g.get('commentary') or ''}")
        score.text += fuzz.ratio(want, have) >= 90
        if e.get("requirement"):
            score.with_requirement += 1
            score.requirement += (
                fuzz.ratio(norm_text(e["requirement"]), norm_text(g.get("requirement"))) >= 90
            )
    return score
