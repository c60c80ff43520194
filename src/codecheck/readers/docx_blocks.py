"""A Word document's paragraphs as items for the labelled-block builder (``readers.blocks``).

Only needed when a DOCX holds no form table: the DOCX reader keeps its body's paragraphs (and
tables) in order as it walks, and this module describes them the way the block builder wants:
a heading level from the paragraph's style (its outline level, or a "Heading N" / "Title" style,
following ``w:basedOn`` through ``word/styles.xml``), whether the paragraph is set wholly in bold
(its runs, or its style), and the bold run that opens a paragraph going on in plain text
("Do we comply?" in "Do we comply? Yes").
"""

from __future__ import annotations

import re
from pathlib import Path

from codecheck.errors import InputError
from codecheck.readers.blocks import BlockItem
from codecheck.readers.docx_xml import (
    PPR,
    RPR,
    VAL,
    P,
    R,
    inline_text,
    on,
    paragraph_style,
    paragraph_text,
    parse_xml,
    w,
)
from codecheck.readers.raw import RawTable

_HEADING_STYLE = re.compile(r"^(?:heading|berschrift|titre|kop)\s*(\d)$", re.IGNORECASE)
_SKIP_RUN_PARENTS = frozenset({w("del"), w("moveFrom")})
MAX_STYLE_DEPTH = 10


class _Styles:
    """Paragraph styles by id: outline level and bold, with ``w:basedOn`` followed."""

    def __init__(self, xml: bytes | None, path: Path) -> None:
        self.raw: dict[str, tuple[int | None, bool | None, str | None, str]] = {}
        if not xml:
            return
        try:
            root = parse_xml(xml, path, "word/styles.xml")
        except InputError:
            return  # a damaged styles part: headings then come from run formatting only
        for style in root.iter(w("style")):
            if style.get(w("type")) != "paragraph":
                continue
            sid = style.get(w("styleId")) or ""
            name_el = style.find(w("name"))
            name = (name_el.get(VAL) if name_el is not None else "") or sid
            ppr = style.find(PPR)
            outline = ppr.find(w("outlineLvl")) if ppr is not None else None
            level = None
            if outline is not None:
                try:
                    level = int(outline.get(VAL, "9")) + 1
                except ValueError:
                    level = None
            rpr = style.find(RPR)
            bold_el = rpr.find(w("b")) if rpr is not None else None
            bold = on(bold_el) if bold_el is not None else None
            based = style.find(w("basedOn"))
            self.raw[sid] = (level, bold, based.get(VAL) if based is not None else None, name)

    def resolve(self, sid: str | None) -> tuple[int | None, bool]:
        """(heading level or None, bold) of a paragraph style."""
        level: int | None = None
        bold: bool | None = None
        seen = 0
        while sid and seen < MAX_STYLE_DEPTH:
            seen += 1
            entry = self.raw.get(sid)
            name = entry[3] if entry else sid
            m = _HEADING_STYLE.match(name.replace(" ", "")) or _HEADING_STYLE.match(name)
            if level is None and m:
                level = int(m.group(1))
            if level is None and name.strip().lower() == "title":
                level = 1
            if entry is None:
                break
            if level is None and entry[0] is not None and entry[0] <= 9:
                level = entry[0]
            if bold is None and entry[1] is not None:
                bold = entry[1]
            sid = entry[2]
        return level, bool(bold)


def _runs(p):
    """The paragraph's runs in order, tracked deletions left out."""
    stack = [iter(p)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            continue
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP_RUN_PARENTS or tag == PPR:
            continue
        if tag == R:
            yield child
        elif len(child) and len(stack) < 20:
            stack.append(iter(child))


def _run_bold(run, default: bool) -> bool:
    rpr = run.find(RPR)
    b = rpr.find(w("b")) if rpr is not None else None
    return on(b) if b is not None else default


def _paragraph_item(p, styles: _Styles, page: int | None) -> BlockItem | None:
    text = paragraph_text(p)
    if not text:
        return None
    level, style_bold = styles.resolve(paragraph_style(p))
    parts: list[tuple[str, bool]] = []
    for run in _runs(p):
        out: list[str] = []
        inline_text([run], out)  # the run read as docx_xml reads paragraphs (tabs, symbols, fields)
        piece = "".join(out)
        if piece.strip():
            parts.append((piece, _run_bold(run, style_bold)))
    emphasised = bool(parts) and all(b for _, b in parts)
    lead = None
    if parts and parts[0][1] and not emphasised:
        lead_text = []
        for piece, bold in parts:
            if not bold:
                break
            lead_text.append(piece)
        lead = " ".join("".join(lead_text).split()) or None
    return BlockItem(text, heading=level, emphasised=emphasised, lead=lead, page=page)


def block_items(flow: list, styles_xml: bytes | None, path: Path) -> list[BlockItem]:
    """Items for the block builder from the reader's flow: paragraph elements (with their page) and
    ``RawTable``s, in document order."""
    styles = _Styles(styles_xml, path)
    items: list[BlockItem] = []
    for entry, page in flow:
        if isinstance(entry, RawTable):
            items.append(BlockItem("", table=entry, page=entry.page))
        elif getattr(entry, "tag", None) == P:
            item = _paragraph_item(entry, styles, page)
            if item is not None:
                items.append(item)
    return items
