"""Normalise what a Comply cell says to yes / no / partial / na / blank, keeping the printed text.

Landlords write answers many ways ("Yes – see policy", "Compliant", "Partial (In-Progress)", "N/A",
a Wingdings tick, a checked content-control box) and sometimes leave the Comply cell empty and start
the commentary with the answer ("Yes. Our policy …"). The vocabulary lives here, in one place, so the
DOCX and PDF readers agree and a new spelling is one regex away.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from codecheck.model import Answer

# Tick-like and box glyphs, as Unicode and as the private-use code points Word's symbol fonts map to
# (a PDF rendered from a Wingdings tick carries U+F0FC in its text layer).
TICK_GLYPHS = frozenset("✓✔√☑🗸✅")
CROSS_GLYPHS = frozenset("✗✘☒⮽❌")
EMPTY_BOX_GLYPHS = frozenset("☐□◻❏❑")
PUA_GLYPHS = {
    "\uf0fc": "✓",  # Wingdings tick
    "\uf0fe": "☑",  # Wingdings ticked box
    "\uf0fb": "✗",  # Wingdings cross
    "\uf0fd": "☒",  # Wingdings crossed box
    "\uf0a8": "☐",  # Wingdings empty box
    "\uf06f": "☐",  # Wingdings 'o' box
    "\uf0d6": "✓",  # Symbol radical, used as a tick
}

# symbol font name (lower case) -> {character code: glyph}; used for DOCX w:sym and PUA text.
SYMBOL_FONTS: dict[str, dict[int, str]] = {
    "wingdings": {0xFC: "✓", 0xFE: "☑", 0xFB: "✗", 0xFD: "☒", 0xA8: "☐", 0x6F: "☐", 0x78: "☒", 0xA2: "☐"},
    "wingdings 2": {0x50: "✓", 0x52: "☑", 0x53: "☒", 0x54: "☒", 0x4F: "✗", 0xA3: "☐", 0x2A: "☐", 0xA2: "☐"},
    "symbol": {0xD6: "✓"},
}


_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
_ANY_GLYPH = re.compile("[" + "".join(sorted(TICK_GLYPHS | CROSS_GLYPHS | EMPTY_BOX_GLYPHS)) + "]")


def symbol_glyph(font: str | None, char: str | None) -> str | None:
    """Map a ``w:sym`` (font, hex char code) to a tick/box glyph, or None when it is not one.

    Word stores symbol-font characters either as the raw code (``FC``) or shifted into the private
    use area (``F0FC``); both mean the same glyph.
    """
    if not font or not char:
        return None
    try:
        code = int(char, 16)
    except ValueError:
        return None
    if 0xF000 <= code <= 0xF0FF:
        code -= 0xF000
    return SYMBOL_FONTS.get(font.strip().lower(), {}).get(code)


def map_private_glyphs(text: str) -> str:
    """Replace symbol-font private-use ticks/boxes with Unicode glyphs; drop other private-use chars.

    Other private-use characters are list bullets (U+F0B7, U+F0A7) or decorative symbols, which the
    label conventions treat as not-text.
    """
    if not _PRIVATE_USE.search(text):
        return text
    return "".join(PUA_GLYPHS.get(ch, "" if "\ue000" <= ch <= "\uf8ff" else ch) for ch in text)


def glyph_state(text: str) -> bool | None:
    """True when the text holds a tick or ticked box, False for only empty boxes, None for neither.

    A crossed box (☒) counts as a mark (True): in a checkbox layout it is the "selected" state;
    whether a cross in a single Yes/No column means "no" is decided by ``normalise_answer``.
    """
    if not _ANY_GLYPH.search(text):
        return None
    if any(ch in TICK_GLYPHS or ch in CROSS_GLYPHS for ch in text):
        return True
    if any(ch in EMPTY_BOX_GLYPHS for ch in text):
        return False
    return None


@dataclass(frozen=True)
class AnswerReading:
    answer: Answer
    text: str  # as printed, whitespace-normalised; "tick" for a tick symbol; "" when blank
    source: str  # comply | commentary | tick | checkbox
    confidence: float = 1.0


_GLYPHS = TICK_GLYPHS | CROSS_GLYPHS | EMPTY_BOX_GLYPHS

# Ordered: the first pattern that matches the start of the (lower-cased) answer wins, so the more
# specific phrases ("not applicable", "non-compliant", "partially compliant") come before "no"/"compliant".
_VOCAB: tuple[tuple[Answer, re.Pattern[str]], ...] = tuple(
    (answer, re.compile(pattern))
    for answer, pattern in (
        ("na", r"^(n\s*/\s*a|n\.\s?a\.?|na|not\s+applicable|not\s+relevant|does\s+not\s+apply)\b"),
        (
            "partial",
            r"^(amber\b|partial|partly|part[\s-]+compliant|in[\s-]+progress|ongoing|working\s+towards|"
            r"mostly|largely|not\s+(yet\s+)?fully|yes\W+partial)",
        ),
        (
            "no",
            r"^(no\b|n\b(?!/)|red\b|non[\s-]*complian|not\s+complian|not\s+met\b|not\s+yet\b|"
            r"does\s+not\s+comply|x\b)",
        ),
        (
            "yes",
            r"^(yes|y|green|compliant|complies|comply|complied|met|fully\s+(compliant|met)|achieved|"
            r"in\s+place|agreed|confirmed|true)\b",
        ),
    )
)

# "Yes / No" printed and left unfilled on a blank template is not an answer.
_UNFILLED = re.compile(r"^(yes\s*/\s*no|y\s*/\s*n|yes\s*/\s*no\s*/\s*partial|select|choose an item\.?)$")

# An answer at the start of the commentary: the word must be followed by punctuation, so that
# "No complaints are refused" is not read as "No".
_LEADING = re.compile(
    r"^\s*(yes|no|partial(?:ly)?(?:\s+compliant)?|partly|compliant|non[\s-]?compliant|n/a|not\s+applicable)"
    r"\s*(?:[.,;:!\u2013\u2014-]|$)",
    re.IGNORECASE,
)


def _clean(text: str) -> str:
    return " ".join(map_private_glyphs(text).split())


def classify_words(text: str) -> Answer | None:
    """The answer a printed word or phrase means, or None when it is not answer vocabulary.

    A short answer broken inside a narrow cell ("Parti al", "Pa rtia l (In pro gre ss)" in a PDF) is
    tried once more with its spaces removed.
    """
    low = text.strip().lower().lstrip("-–—•*:([ ").strip()
    if not low:
        return None
    if _UNFILLED.match(low):
        return None
    for answer, pattern in _VOCAB:
        if pattern.match(low):
            return answer
    if " " in low and len(low) <= 40 and len(low.split()[0]) <= 6:
        joined = low.replace(" ", "")
        if not _UNFILLED.match(joined):
            for answer, pattern in _VOCAB:
                if pattern.match(joined) and pattern.match(joined).end() > len(low.split()[0]):
                    return answer
    return None


# The answer at the start of a cell that also holds the evidence or commentary (a Comply cell merged
# with the next one): the answer words, an optional bracketed qualifier ("Partial (In progress)"), and
# then a break in the text (punctuation or the next words).
_LEADING_ANSWER = re.compile(
    r"^\s*(?P<answer>(?:yes|no|n\s*/\s*a|not\s+applicable|partial(?:ly)?(?:\s+(?:compliant|met))?|partly|"
    r"compliant|non[\s-]*compliant|not\s+compliant|not\s+met|met|in\s+progress|["
    + "".join(sorted(TICK_GLYPHS | CROSS_GLYPHS))
    + r"])(?:\s*[(\[][^)\]]{1,40}[)\]])?)(?P<sep>\s*[.,;:!\u2013\u2014-]\s*|\s+|$)",
    re.IGNORECASE,
)


def split_leading_answer(text: str) -> tuple[str, str] | None:
    """("Partial (In progress)", "Training under way") from "Partial (In progress) Training under way".

    For a cell that spans the Comply column and the next one: the answer printed first, the rest is
    that next column's text. None when the text does not start with an answer.
    """
    m = _LEADING_ANSWER.match(text)
    if not m or (classify_words(m.group("answer")) is None and not glyph_state(m.group("answer"))):
        return None
    rest = text[m.end() :].strip()
    said = m.group("answer").lower()
    if rest and said in ("no", "yes") and not m.group("sep").strip() and rest[:1].islower():
        return None  # "No complaints are ..." runs on as one sentence: not an answer and its evidence
    return " ".join(m.group("answer").split()), rest


# A RAG status given by a cell's colour alone. Hue bands in degrees (red wraps round 0), with a floor
# on saturation and brightness so that greys, whites and near-blacks are not read as a status.
_RAG_HUES: tuple[tuple[str, float, float], ...] = (
    ("red", 345.0, 360.0),
    ("red", 0.0, 15.0),
    ("amber", 20.0, 65.0),  # amber, orange, and the yellow some forms use for it
    ("green", 75.0, 170.0),
)


def rag_from_fill(fill: str | None) -> str | None:
    """"red", "amber" or "green" for a cell fill colour (RRGGBB or AARRGGBB hex), else None."""
    import colorsys

    if not fill:
        return None
    value = fill.strip().lstrip("#")
    if len(value) == 8:
        value = value[2:]  # Excel's ARGB
    if len(value) == 3:
        value = "".join(ch * 2 for ch in value)
    if len(value) != 6:
        return None
    try:
        r, g, b = (int(value[i : i + 2], 16) / 255 for i in (0, 2, 4))
    except ValueError:
        return None
    hue, lightness, saturation = colorsys.rgb_to_hls(r, g, b)
    if saturation < 0.35 or not 0.2 <= lightness <= 0.85:
        return None
    degrees = hue * 360
    for name, low, high in _RAG_HUES:
        if low <= degrees < high:
            return name
    return None


def normalise_answer(text: str, checked: bool | None = None, commentary: str = "") -> AnswerReading:
    """Read one Comply cell (its text and tick state), falling back to the commentary's first word.

    ``checked`` comes from the reader (a w14 checkbox, a legacy form field, a symbol-font tick).
    """
    printed = _clean(text)
    words = "".join(ch for ch in printed if ch not in _GLYPHS).strip()
    glyphs = [ch for ch in printed if ch in _GLYPHS]
    if len(glyphs) >= 2 and words:
        labelled = _labelled_boxes(printed)
        if labelled is not None:
            return labelled
    if words:
        answer = classify_words(words)
        if answer is not None:
            return AnswerReading(answer, printed, "comply")
        if not glyphs and checked is None:
            if _UNFILLED.match(words.lower()):
                return AnswerReading("blank", "", "comply", 0.9)
            # Printed, but not answer vocabulary ("See commentary"): keep the text, flag low confidence.
            return AnswerReading("blank", printed, "comply", 0.4)
    if glyphs:
        if any(ch in TICK_GLYPHS for ch in glyphs):
            return AnswerReading("yes", "tick", "tick")
        if any(ch in CROSS_GLYPHS for ch in glyphs):
            # In a single Yes/No column a cross means "no" (a checked checkbox is reported as ☑).
            return AnswerReading("no", "cross", "tick")
        return AnswerReading("blank", "", "checkbox")
    if checked is True:
        return AnswerReading("yes", "tick", "checkbox")
    if checked is False:
        return AnswerReading("blank", "", "checkbox")
    lead = _LEADING.match(commentary or "")
    if lead:
        word = lead.group(1)
        answer = classify_words(word)
        if answer is not None:
            return AnswerReading(answer, word, "commentary", 0.85)
    return AnswerReading("blank", "", "comply")


_BOX_GLYPHS = "".join(sorted(_GLYPHS))
_GLYPH_FIRST = re.compile(rf"([{_BOX_GLYPHS}])\s*([^{_BOX_GLYPHS}]+)")
_LABEL_FIRST = re.compile(rf"([^{_BOX_GLYPHS}]+?)\s*([{_BOX_GLYPHS}])")


def _labelled_boxes(printed: str) -> AnswerReading | None:
    """A cell of labelled boxes, "☒ Yes ☐ No" or "Yes ☐ No ☑": the answer is the marked box's label.

    Here every mark (☑, ☒, ✓) means "selected" and ☐ "not selected". None when the cell is not laid out
    as boxes with answer labels.
    """
    if printed[0] in _GLYPHS:
        pairs = [(g, label) for g, label in _GLYPH_FIRST.findall(printed)]
    else:
        pairs = [(g, label) for label, g in _LABEL_FIRST.findall(printed)]
    labelled = [(g, label.strip(" :;,/|-"), classify_words(label.strip(" :;,/|-"))) for g, label in pairs]
    if len(labelled) < 2 or any(answer is None for _, _, answer in labelled):
        return None
    chosen = [(label, answer) for g, label, answer in labelled if g not in EMPTY_BOX_GLYPHS]
    if len(chosen) == 1:
        label, answer = chosen[0]
        return AnswerReading(answer, label, "checkbox")
    if not chosen:
        return AnswerReading("blank", "", "checkbox")
    return AnswerReading("blank", printed, "checkbox", 0.3)  # two boxes marked: contradictory


def split_answer_columns(cells: dict[Answer, tuple[str, bool | None]]) -> AnswerReading:
    """Read a form with one column per answer ("Yes" | "No" | "Partial" | "N/A"), ticking one.

    ``cells`` maps the column's answer to its (text, checked). The marked column wins; a glyph of any
    kind (tick, cross, checked box) or any printed text marks a column. Two marked columns are
    contradictory and read as blank with low confidence.
    """
    marked: list[Answer] = []
    for answer, (text, checked) in cells.items():
        printed = _clean(text)
        state = glyph_state(printed)
        unmarked_words = printed.lower().strip(" .") in ("", "no", "n/a", "-", "–", "—")
        if checked is True or state is True or (state is None and not unmarked_words):
            marked.append(answer)
    if len(marked) == 1:
        return AnswerReading(marked[0], "tick", "tick")
    if not marked:
        return AnswerReading("blank", "", "checkbox")
    return AnswerReading("blank", " / ".join(marked), "checkbox", 0.3)
