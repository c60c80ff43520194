"""Safe XML parsing and text extraction for WordprocessingML (one linear pass, no python-docx).

python-docx's ``.text`` drops text in content controls (``w:sdt``), tracked insertions (``w:ins``),
smart tags and simple fields, and ignores ``w:sym`` symbols, so Wingdings ticks vanish; its
``table.cell()`` rebuilds the whole grid on every call. Walking the XML ourselves fixes both: the
document is read as if all tracked changes were accepted (insertions kept, deletions dropped), and
symbol-font ticks, checkbox content controls and legacy form-field checkboxes become tick/box glyphs.
"""

from __future__ import annotations

from pathlib import Path

from codecheck.errors import InputError
from codecheck.readers.answers import symbol_glyph

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


T, TAB, PTAB, BR, CR = w("t"), w("tab"), w("ptab"), w("br"), w("cr")
SYM, NBHYPHEN, SOFTHYPHEN = w("sym"), w("noBreakHyphen"), w("softHyphen")
R, P, TBL, TR, TC, SDT, SDTCONTENT, SDTPR = (
    w("r"),
    w("p"),
    w("tbl"),
    w("tr"),
    w("tc"),
    w("sdt"),
    w("sdtContent"),
    w("sdtPr"),
)
DEL, MOVEFROM, INS, MOVETO, CUSTOMXML = w("del"), w("moveFrom"), w("ins"), w("moveTo"), w("customXml")
PPR, RPR, FLDCHAR, INSTR, DELTEXT, VANISH = (
    w("pPr"),
    w("rPr"),
    w("fldChar"),
    w("instrText"),
    w("delText"),
    w("vanish"),
)
VAL = w("val")
FALLBACK = f"{{{MC}}}Fallback"
CHECKBOX14 = f"{{{W14}}}checkbox"
CHECKED14 = f"{{{W14}}}checked"
VAL14 = f"{{{W14}}}val"

# Elements whose content is not part of the accepted document text.
SKIP = frozenset(
    {
        DEL,
        MOVEFROM,
        PPR,
        RPR,
        INSTR,
        DELTEXT,
        FALLBACK,
        w("tcPr"),
        w("trPr"),
        w("tblPr"),
        w("tblGrid"),
        w("sectPr"),
        w("commentReference"),
        w("footnoteReference"),
        w("endnoteReference"),
        w("bookmarkStart"),
        w("bookmarkEnd"),
        w("proofErr"),
    }
)
TRACKED = (INS, DEL, MOVEFROM, MOVETO)

_TRUE = {"1", "true", "on"}


def parse_xml(data: bytes, path: Path, part: str):
    """Parse an XML part without DTDs, entities or network access (XXE / billion-laughs safe)."""
    from lxml import etree

    head = data[:4096]
    if b"<!DOCTYPE" in head or b"<!ENTITY" in data[:65536]:
        raise InputError(
            f"part {part} declares a DOCTYPE or entities, which a Word document never does", path
        )
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
        dtd_validation=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise InputError(f"part {part} is not well-formed XML ({exc.msg})", path) from None
    if root is None:
        raise InputError(f"part {part} is empty", path)
    return root


def on(el, attr: str = VAL) -> bool:
    """A WordprocessingML on/off property: present without a value, or with a true value."""
    v = el.get(attr)
    return v is None or v.lower() in _TRUE


def _hidden(run) -> bool:
    rpr = run.find(RPR)
    if rpr is None:
        return False
    v = rpr.find(VANISH)
    return v is not None and on(v)


_PICTOGRAPH_FONTS = ("wingdings", "wingdings 2", "wingdings 3", "webdings")


def _symbol_font(run) -> str | None:
    """The symbol font a run's text is set in ("wingdings", "symbol"), or None for a text font."""
    rpr = run.find(RPR)
    fonts = rpr.find(w("rFonts")) if rpr is not None else None
    if fonts is None:
        return None
    name = (fonts.get(w("ascii")) or fonts.get(w("hAnsi")) or "").strip().lower()
    return name if name in _PICTOGRAPH_FONTS or name == "symbol" else None


def _from_symbol_font(text: str, font: str) -> str:
    """Typed characters in a symbol font: "ü" in Wingdings is a tick. Ticks and boxes become glyphs;
    other Wingdings pictographs are dropped (they are not words); Symbol keeps its other characters."""
    out = []
    for ch in text:
        code = ord(ch)
        glyph = symbol_glyph(font, f"{code:X}") if code <= 0xFF or 0xF000 <= code <= 0xF0FF else None
        if glyph:
            out.append(glyph)
        elif font == "symbol":
            out.append(ch)
    return "".join(out)


def _checkbox_sdt(sdt) -> str | None:
    """Glyph for a w14:checkbox content control (☑ / ☐), or None when the sdt is something else."""
    pr = sdt.find(SDTPR)
    if pr is None:
        return None
    box = pr.find(CHECKBOX14)
    if box is None:
        return None
    state = box.find(CHECKED14)
    checked = state is not None and (state.get(VAL14) or state.get(VAL) or "0").lower() in _TRUE
    return "☑" if checked else "☐"


def _legacy_checkbox(fld) -> str | None:
    """Glyph for a legacy form-field checkbox (``w:fldChar/w:ffData/w:checkBox``)."""
    ff = fld.find(w("ffData"))
    if ff is None:
        return None
    box = ff.find(w("checkBox"))
    if box is None:
        return None
    checked_el = box.find(w("checked"))
    if checked_el is not None:
        return "☑" if on(checked_el) else "☐"
    default = box.find(w("default"))
    return "☑" if default is not None and on(default) else "☐"


def _legacy_dropdown(fld) -> str | None:
    """The selected entry of a legacy drop-down form field (FORMDROPDOWN).

    Word draws the choice from ``w:ffData/w:ddList`` (``w:result`` indexes ``w:listEntry``, default
    the first); no text run carries it, so without this the answer would read as blank.
    """
    ff = fld.find(w("ffData"))
    dd = ff.find(w("ddList")) if ff is not None else None
    if dd is None:
        return None
    entries = [e.get(VAL) or "" for e in dd.findall(w("listEntry"))]
    if not entries:
        return None
    result = dd.find(w("result"))
    if result is None:
        result = dd.find(w("default"))
    try:
        index = int(result.get(VAL, "0")) if result is not None else 0
    except ValueError:
        index = 0
    return entries[index] if 0 <= index < len(entries) else None


def showing_placeholder(sdt) -> bool:
    """A content control still showing its placeholder prompt (``w:showingPlcHdr``)."""
    pr = sdt.find(SDTPR)
    flag = pr.find(w("showingPlcHdr")) if pr is not None else None
    return flag is not None and on(flag)


def inline_text(el, out: list[str]) -> None:
    """Append the accepted-view text of a paragraph's inline content to ``out`` (recursive)."""
    for child in el:
        tag = child.tag
        if not isinstance(tag, str) or tag in SKIP:
            continue
        if tag == R:
            if _hidden(child):
                continue
            font = _symbol_font(child)
            for item in child:
                itag = item.tag
                if itag == T:
                    if item.text:
                        out.append(item.text if font is None else _from_symbol_font(item.text, font))
                elif itag in (TAB, PTAB, BR, CR):
                    out.append(" ")
                elif itag == SYM:
                    glyph = symbol_glyph(item.get(w("font")), item.get(w("char")))
                    if glyph:
                        out.append(glyph)
                elif itag == NBHYPHEN:
                    out.append("-")
                elif itag == FLDCHAR and item.get(w("fldCharType")) == "begin":
                    glyph = _legacy_checkbox(item) or _legacy_dropdown(item)
                    if glyph:
                        out.append(glyph)
                elif isinstance(itag, str) and itag not in SKIP and len(item):
                    inline_text(item, out)  # e.g. w:drawing text boxes, mc:AlternateContent
        elif tag == SDT:
            glyph = _checkbox_sdt(child)
            if glyph is not None:
                out.append(glyph)
                continue
            if showing_placeholder(child):
                continue  # "Click or tap here to enter text." / "Choose an item.": nothing entered
            content = child.find(SDTCONTENT)
            if content is not None:
                inline_text(content, out)
        elif tag == P:
            # paragraphs inside text boxes
            inline_text(child, out)
            out.append(" ")
        else:
            inline_text(child, out)  # w:hyperlink, w:ins, w:moveTo, w:smartTag, w:fldSimple, …


def paragraph_text(p) -> str:
    parts: list[str] = []
    inline_text(p, parts)
    return " ".join("".join(parts).replace("\u00a0", " ").split())


def paragraph_style(p) -> str | None:
    ppr = p.find(PPR)
    if ppr is None:
        return None
    st = ppr.find(w("pStyle"))
    return st.get(VAL) if st is not None else None


def count_tracked(root) -> int:
    return sum(1 for _ in root.iter(*TRACKED))
