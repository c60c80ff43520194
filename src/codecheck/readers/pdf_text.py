"""Words to lines to cell text, for PDF pages.

pdfplumber's ``extract_text`` on a cell crop keeps the cell's line breaks and re-runs layout for
every crop. We extract words once per page and rebuild each cell's text from the words whose centre
lies in it: lines in top-to-bottom order, words left to right, lines joined with single spaces (the
labels compare whitespace-normalised text, and a line break inside a cell is only wrapping).

Symbol fonts need care: a Wingdings tick in a Word-exported PDF reaches the text layer as U+F0FC
(or as a plain "ü" in a font named Wingdings when the PDF has no ToUnicode map), and list bullets
as U+F0B7. Ticks become Unicode glyphs the answer reader understands; bullets are dropped because
list formatting is not text.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from codecheck.readers.answers import SYMBOL_FONTS, glyph_state, map_private_glyphs

if TYPE_CHECKING:
    from pdfplumber.page import Page

# ZapfDingbats (the PDF standard symbol font) encodes marks as ASCII letters.
_ZAPF = {"3": "✓", "4": "✔", "5": "✗", "6": "✗", "7": "✗", "8": "✘", "n": "■", "o": "❏", "q": "❑"}
# Word-typed bullet glyphs that survive as real characters but are list formatting, not text.
_BULLETS = frozenset("\u2022\u25aa\u25cf\u25e6\u2023\u2043\u25a0")
_CID = re.compile(r"\(cid:\d+\)")
# A page number line: "7", "Page 7", "7 of 20", "Page 7 / 20".
PAGE_NUMBER = re.compile(r"^(page\s*)?\d{1,4}(\s*(of|/)\s*\d{1,4})?$", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@dataclass
class Word:
    """One word of a page, with the geometry the table code needs."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool = False

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass
class Line:
    """Words sharing a baseline band, left to right."""

    words: list[Word] = field(default_factory=list)

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def x0(self) -> float:
        return min(w.x0 for w in self.words)

    @property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @property
    def size(self) -> float:
        return max(w.size for w in self.words)

    @property
    def bold(self) -> bool:
        return all(w.bold for w in self.words)

    @property
    def text(self) -> str:
        return join_words(self.words)


def _symbol_font(fontname: str) -> str | None:
    """The symbol-font family of a PDF font name ("ABCDEF+Wingdings-Regular" -> "wingdings")."""
    low = fontname.lower().split("+", 1)[-1].replace("-", " ").replace(",", " ")
    if "zapfdingbats" in low or "dingbats" in low:
        return "zapf"
    if "wingdings2" in low.replace(" ", "") or "wingdings 2" in low:
        return "wingdings 2"
    if "wingdings" in low:
        return "wingdings"
    return None


def clean_word(text: str, fontname: str = "") -> str:
    """The text of one extracted word: symbol-font marks mapped to Unicode, bullets and controls dropped."""
    family = _symbol_font(fontname) if fontname else None
    if family is not None:
        # In a symbol font every glyph is a symbol: marks become Unicode, ornaments (bullets,
        # arrows) are dropped. The text layer may already hold Unicode or private-use codes.
        table = _ZAPF if family == "zapf" else {chr(k): v for k, v in SYMBOL_FONTS[family].items()}
        text = "".join(table.get(ch, ch if ord(ch) >= 0x2000 else "") for ch in text)
    text = map_private_glyphs(text)
    text = _CONTROL.sub("", text)
    if text and all(ch in _BULLETS for ch in text):
        return ""  # a bullet on its own: list formatting
    return text


def page_words(page: Page) -> list[Word]:
    """Every word on the page, cleaned; computed once per page and shared by tables and loose text."""
    source = page.dedupe_chars() if _overprinted(page.chars) else page
    raw = source.extract_words(
        x_tolerance=1.5, y_tolerance=3, keep_blank_chars=False, extra_attrs=["fontname", "size"]
    )
    words: list[Word] = []
    for w in raw:
        font = w.get("fontname") or ""
        text = clean_word(w["text"], font)
        if not text:
            continue
        words.append(
            Word(text, float(w["x0"]), float(w["x1"]), float(w["top"]), float(w["bottom"]),
                 float(w.get("size") or 0.0), "bold" in font.lower())
        )
    if page.page_obj.annots:
        words.extend(widget_words(page))
    return words


def _overprinted(chars: Sequence[dict]) -> bool:
    """True when many glyphs are drawn twice in place (fake bold or shadow): "YYeess" otherwise."""
    ordered = sorted(chars, key=lambda c: (round(c["top"]), c["x0"]))
    doubled = sum(
        1
        for a, b in itertools.pairwise(ordered)
        if a["text"] == b["text"] and abs(a["x0"] - b["x0"]) < 1.0 and abs(a["top"] - b["top"]) < 1.0
    )
    return doubled > max(3, len(chars) // 50)


def group_lines(words: Iterable[Word]) -> list[Line]:
    """Cluster words into lines by vertical overlap, top to bottom, each line left to right."""
    ordered = sorted(words, key=lambda w: (w.top, w.x0))
    lines: list[Line] = []
    for w in ordered:
        placed = False
        # compare with the last few lines only: words arrive sorted by top
        for line in reversed(lines[-3:]):
            height = max(1.0, min(w.bottom - w.top, line.bottom - line.top))
            overlap = min(w.bottom, line.bottom) - max(w.top, line.top)
            if overlap >= 0.5 * height:
                line.words.append(w)
                placed = True
                break
        if not placed:
            lines.append(Line([w]))
    for line in lines:
        line.words.sort(key=lambda w: w.x0)
    lines.sort(key=lambda ln: ln.top)
    return lines


def join_words(words: Sequence[Word]) -> str:
    """Words of one line joined; no space where the gap is nil (a word split by a font change)."""
    out: list[str] = []
    prev: Word | None = None
    for w in words:
        if prev is not None and w.x0 - prev.x1 > 0.15 * max(1.0, min(w.size, prev.size) or 1.0):
            out.append(" ")
        out.append(w.text)
        prev = w
    return "".join(out)


def join_lines(lines: Sequence[Line]) -> str:
    """A cell's lines joined with single spaces; a line ending in a word-internal hyphen is rejoined.

    Word and LibreOffice break a line after a hyphen that is already in the word ("how-to-|complain")
    without adding one, so dropping the space there restores the printed word; a free-standing dash
    ("Stage 1 -") keeps its space.
    """
    text = ""
    for line in lines:
        part = line.text
        if not part:
            continue
        if text and text.endswith("-") and len(text) > 1 and text[-2].isalnum() and part[:1].isalnum():
            text += part
        else:
            text = f"{text} {part}" if text else part
    return " ".join(text.split())


def cell_text(words: Sequence[Word]) -> str:
    return join_lines(group_lines(words))


def cell_mark(text: str) -> bool | None:
    """Tick/box state of a cell's text (see ``answers.glyph_state``)."""
    return glyph_state(text)


def has_unmapped_glyphs(text: str) -> bool:
    """True when the text holds ``(cid:NN)`` codes: glyphs the PDF gives no Unicode for."""
    return bool(_CID.search(text))


# --------------------------------------------------------------------------- form fields

_MAX_WIDGETS = 2000  # per page; a form has a few hundred at most
_OFF = frozenset({"off", "no", "false", "0", ""})


def widget_words(page: Page) -> list[Word]:
    """Words for filled-in form fields (AcroForm widgets), which are not in the page's text.

    A fillable PDF keeps a field's value in its annotation, not in the content stream, so text
    extraction misses a typed "Partial" or a ticked box. A checkbox becomes ☑ or ☐ and a text or
    choice field its value, placed at the widget's rectangle so the table code puts it in its cell.
    Parent fields are followed a few levels only (values and types are inherited); anything
    malformed is skipped rather than failing the page.
    """
    from pdfminer.pdftypes import resolve1

    try:
        annots = resolve1(page.page_obj.annots) or []
        if not isinstance(annots, list) or getattr(page, "rotation", 0):
            return []
        x_off, _, _, y_top = (float(v) for v in page.mediabox)
    except Exception:
        return []
    words: list[Word] = []
    for ref in annots[:_MAX_WIDGETS]:
        try:
            word = _widget_word(resolve1(ref), x_off, y_top)
        except Exception:  # a damaged annotation: ignore it, the page text still counts
            continue
        if word is not None:
            words.append(word)
    return words


def _inherited(annot: dict, key: str) -> object:
    from pdfminer.pdftypes import resolve1

    node: object = annot
    for _ in range(5):
        if not isinstance(node, dict):
            return None
        if key in node:
            return resolve1(node[key])
        node = resolve1(node.get("Parent"))
    return None


def _name(value: object) -> str:
    name = getattr(value, "name", value)
    if isinstance(name, bytes):
        name = name.decode("latin-1")
    return str(name) if name is not None else ""


def _widget_word(annot: object, x_off: float, y_top: float) -> Word | None:
    from pdfminer.pdftypes import resolve1
    from pdfminer.utils import decode_text

    if not isinstance(annot, dict) or _name(resolve1(annot.get("Subtype"))) != "Widget":
        return None
    rect = [float(resolve1(v)) for v in resolve1(annot.get("Rect")) or []]
    if len(rect) != 4:
        return None
    x0, x1 = sorted((rect[0], rect[2]))
    y0, y1 = sorted((rect[1], rect[3]))
    kind = _name(_inherited(annot, "FT"))
    value = _inherited(annot, "V")
    if kind == "Btn":
        state = _name(resolve1(annot.get("AS"))) if "AS" in annot else _name(value)
        text = "☐" if state.lower() in _OFF else "☑"
    elif kind in ("Tx", "Ch"):
        if isinstance(value, list):
            value = " ".join(decode_text(v) if isinstance(v, bytes) else _name(v) for v in value)
        elif isinstance(value, bytes):
            value = decode_text(value)
        text = clean_word(" ".join(_name(value).split()))
        if not text:
            return None
    else:
        return None
    height = max(1.0, y1 - y0)
    return Word(text, x0 - x_off, x1 - x_off, y_top - y1, y_top - y0, min(height * 0.7, 12.0))
