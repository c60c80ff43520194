"""Build DOCX self-assessment fixtures in code: python-docx for the table, raw XML for the traps.

python-docx cannot write content controls, tracked changes, ``w:sym`` ticks or checkboxes, which is
exactly what the reader must survive, so a cell can be given as raw WordprocessingML (``Xml``). The
landlord is fictional ("Example Homes"); requirement wording is the Code's own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14_NS = "http://schemas.microsoft.com/office/word/2010/wordml"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

HEADER_5 = ["Code provision", "Code requirement", "Comply: Yes / No", "Evidence", "Commentary / explanation"]

# The 2024 Code's wording for a handful of provisions (the standard being checked, not a landlord's text).
CODE_2024 = {
    "1.2": "A complaint must be defined as: 'an expression of dissatisfaction, however made, about the "
    "standard of service, actions or lack of action by the landlord, its own staff, or those acting on "
    "its behalf, affecting a resident or group of residents.'",
    "1.3": "A resident does not have to use the word 'complaint' for it to be treated as such. Whenever a "
    "resident expresses dissatisfaction landlords must give them the choice to make complaint.",
    "5.1": "Landlords must have a single policy in place for dealing with complaints covered by this Code.",
    "6.2": "Complaints must be acknowledged, defined and logged at stage 1 of the complaints procedure "
    "within five working days of the complaint being received.",
    "6.3": "Landlords must issue a full response to stage 1 complaints within 10 working days of the "
    "complaint being acknowledged.",
    "9.1": "Landlords must look beyond the circumstances of the individual complaint and consider whether "
    "service improvements can be made as a result of any learning from the complaint.",
}


@dataclass(frozen=True)
class Xml:
    """Raw cell content: one or more ``w:p`` (or ``w:tbl``) elements, ``w:``/``w14:`` prefixes allowed."""

    xml: str


Cell = str | Xml


@dataclass
class Table:
    rows: list[list[Cell]]
    header: list[str] | None = field(default_factory=lambda: list(HEADER_5))
    heading: str | None = None  # a paragraph written just before the table
    repeat_header_at: Sequence[int] = ()  # insert a copy of the header before these body rows (0-based)
    merges: Sequence[tuple[int, int, int, int]] = ()  # (row1, col1, row2, col2) in body coordinates


# ---------------------------------------------------------------------------- raw XML snippets


def t(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def p(*runs: str, list_item: bool = False) -> str:
    ppr = '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>' if list_item else ""
    return f"<w:p>{ppr}{''.join(runs)}</w:p>"


def sym(font: str = "Wingdings", char: str = "F0FC") -> str:
    return f'<w:r><w:sym w:font="{font}" w:char="{char}"/></w:r>'


def sdt(inner_runs: str) -> str:
    """An inline content control (python-docx's .text drops its content)."""
    props = "<w:sdtPr><w:alias w:val='Answer'/></w:sdtPr>"
    return f"<w:sdt>{props}<w:sdtContent>{inner_runs}</w:sdtContent></w:sdt>"


def checkbox14(checked: bool) -> str:
    """A Word 2010 checkbox content control; Word shows ☒ when checked and ☐ when not."""
    glyph = "\u2612" if checked else "\u2610"
    return (
        f'<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="{int(checked)}"/>'
        '<w14:checkedState w14:val="2612" w14:font="MS Gothic"/><w14:uncheckedState w14:val="2610" '
        f'w14:font="MS Gothic"/></w14:checkbox></w:sdtPr><w:sdtContent>{t(glyph)}</w:sdtContent></w:sdt>'
    )


def legacy_checkbox(checked: bool | None, default: bool = False) -> str:
    """A legacy form-field checkbox (FORMCHECKBOX); ``checked=None`` leaves only the default."""
    state = "" if checked is None else (f'<w:checked w:val="{int(checked)}"/>')
    return (
        '<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Check1"/><w:enabled/>'
        f'<w:checkBox><w:sizeAuto/><w:default w:val="{int(default)}"/>{state}</w:checkBox></w:ffData>'
        '</w:fldChar></w:r><w:r><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def ins(text: str) -> str:
    return f'<w:ins w:id="1" w:author="Example Homes" w:date="2025-01-01T00:00:00Z">{t(text)}</w:ins>'


def dele(text: str) -> str:
    return (
        '<w:del w:id="2" w:author="Example Homes" w:date="2025-01-01T00:00:00Z">'
        f'<w:r><w:delText xml:space="preserve">{escape(text)}</w:delText></w:r></w:del>'
    )


def hyperlink(text: str) -> str:
    return f'<w:hyperlink w:anchor="policy">{t(text)}</w:hyperlink>'


def smart_tag(text: str) -> str:
    return f'<w:smartTag w:uri="urn:example" w:element="place">{t(text)}</w:smartTag>'


def fld_simple(text: str) -> str:
    return f'<w:fldSimple w:instr=" DATE ">{t(text)}</w:fldSimple>'


def hidden(text: str) -> str:
    return f'<w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def tab() -> str:
    return "<w:r><w:tab/></w:r>"


def nested_table(rows: list[list[str]]) -> str:
    cols = max(len(r) for r in rows)
    grid = "".join('<w:gridCol w:w="1000"/>' for _ in range(cols))
    body = "".join("<w:tr>" + "".join(f"<w:tc>{p(t(c))}</w:tc>" for c in r) + "</w:tr>" for r in rows)
    return f"<w:tbl><w:tblPr/><w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>"


# ---------------------------------------------------------------------------- writing


def _set_cell(cell, value: Cell) -> None:
    from lxml import etree

    tc = cell._tc
    if isinstance(value, Xml):
        for child in list(tc):
            if child.tag != f"{{{W_NS}}}tcPr":
                tc.remove(child)
        wrapper = etree.fromstring(
            f'<root xmlns:w="{W_NS}" xmlns:w14="{W14_NS}" xmlns:r="{R_NS}">{value.xml}</root>'
        )
        for child in wrapper:
            tc.append(child)
        if tc.find(f"{{{W_NS}}}p") is None:
            tc.append(etree.SubElement(tc, f"{{{W_NS}}}p"))
        return
    lines = value.split("\n")
    cell.text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)


def _mark_header(row) -> None:
    from docx.oxml import OxmlElement

    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:tblHeader"))


def write_docx(
    path: Path,
    tables: Sequence[Table],
    title: str = "Example Homes: Complaint Handling Code self-assessment",
    paragraphs: Sequence[str] = (
        "Self-assessment completed in May 2025 by the Example Homes complaints team.",
    ),
) -> Path:
    """Write a DOCX with a title, intro paragraphs and the given tables (in order)."""
    import docx

    document = docx.Document()
    document.add_heading(title, level=1)
    for text in paragraphs:
        document.add_paragraph(text)
    for spec in tables:
        if spec.heading:
            document.add_paragraph(spec.heading)
        ncols = max([len(spec.header or [])] + [len(r) for r in spec.rows])
        body: list[list[Cell] | None] = []
        for i, row in enumerate(spec.rows):
            if i in spec.repeat_header_at:
                body.append(None)  # a repeated header
            body.append(row)
        table = document.add_table(rows=0, cols=ncols)
        if spec.header:
            hdr = table.add_row()
            for cell, text in zip(hdr.cells, spec.header, strict=False):
                cell.text = text
            _mark_header(hdr)
        body_rows = []
        for values in body:
            row = table.add_row()
            if values is None:
                for cell, text in zip(row.cells, spec.header or [], strict=False):
                    cell.text = text
                _mark_header(row)
                continue
            body_rows.append(row)
        for r1, c1, r2, c2 in spec.merges:
            a = body_rows[r1].cells[c1]
            b = body_rows[r2].cells[c2]
            a.merge(b)
        seen: set = set()  # a merged cell is written once (holding the elements keeps their ids unique)
        for row, values in zip(body_rows, [v for v in body if v is not None], strict=True):
            for col, value in enumerate(values):
                cell = row.cells[col]
                if cell._tc in seen:
                    continue
                seen.add(cell._tc)
                if value != "":
                    _set_cell(cell, value)
    document.save(path)
    return path


def simple_rows(
    ids: Sequence[str] = ("1.2", "1.3", "5.1", "6.2", "6.3", "9.1"), answer: Cell = "Yes"
) -> list[list[Cell]]:
    """Body rows with the Code's wording, one answer for all, fictional evidence and commentary."""
    return [
        [
            pid,
            CODE_2024.get(pid, f"Requirement {pid} of the Code."),
            answer,
            "Example Homes complaints policy",
            f"Example Homes meets {pid} through its published policy.",
        ]
        for pid in ids
    ]


def simple_form(path: Path, **kwargs) -> Path:
    """A valid one-table 2024-style form."""
    return write_docx(path, [Table(simple_rows(**kwargs))])


def placeholder_sdt(prompt: str = "Click or tap here to enter text.") -> str:
    """A content control showing its placeholder prompt: nothing has been entered."""
    return f"<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>{t(prompt)}</w:sdtContent></w:sdt>"


def legacy_dropdown(entries: list[str], selected: int | None) -> str:
    """A legacy drop-down form field (FORMDROPDOWN); Word draws the choice, no run carries it."""
    result = "" if selected is None else f'<w:result w:val="{selected}"/>'
    items = "".join(f'<w:listEntry w:val="{escape(e)}"/>' for e in entries)
    return (
        '<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Dropdown1"/><w:enabled/>'
        f"<w:ddList>{result}{items}</w:ddList></w:ffData></w:fldChar></w:r>"
        '<w:r><w:instrText xml:space="preserve"> FORMDROPDOWN </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
