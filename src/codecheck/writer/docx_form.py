"""Render a `FormSpec` as a Word document (python-docx).

The document is built to be read back by codecheck's own reader and to behave like the Ombudsman's
form in Word: landscape A4, a heading paragraph before each table, the official header row marked
"repeat as header row at the top of each page" (``w:tblHeader``) so long tables stay legible when
printed.

codecheck's review notes ("carried over from 2022 provision 4.1 — check it against the new wording")
are Word comments by "codecheck", anchored on the row's provision number, whose cell is shaded: Word
shows them in the margin, the officer resolves them the usual way, they never print in a published
PDF, and no reader takes them for the landlord's commentary (codecheck's own reader drops comments).
With a python-docx too old to write comments (before 1.2) they fall back to italic paragraphs in the
commentary cell, in a paragraph style of their own ("Codecheck Review Note").
"""

from __future__ import annotations

import io
from typing import Any

from codecheck.writer.comments import add_comment, can_comment, xml_safe
from codecheck.writer.layout import COMBINED, COMMENTARY, COMPLY, EVIDENCE, PROVISION, REQUIREMENT
from codecheck.writer.spec import AppendixEntry, FormEntry, FormSpec

NOTE_STYLE = "Codecheck Review Note"
CARRIED_FILL = "FBE4D5"  # provision cell of a row with review notes (light orange)
FLAGGED_FILL = "FFF2CC"  # Comply cell that needs an answer or a decision (light yellow)
APPENDIX_HEADERS = ("Former provision", "Former wording", "Former answer", "What you wrote", "Why it is here")
_APPENDIX_WIDTHS_CM = (2.4, 7.6, 2.4, 9.3, 4.4)


def render_form(spec: FormSpec) -> bytes:
    """Return the DOCX bytes of ``spec`` (the caller decides where they go and whether to overwrite)."""
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm

    document = docx.Document()
    _setup_styles(document)
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(1.8))
    section.top_margin = section.bottom_margin = Cm(1.8)

    props = document.core_properties
    props.title = xml_safe(spec.title)[:250]
    props.subject = xml_safe(spec.subject)[:250]
    props.author = "codecheck"

    document.add_heading(xml_safe(spec.title), level=1)
    for line in spec.intro:
        document.add_paragraph(xml_safe(line))

    layout = spec.layout
    previous = None
    for table_spec in spec.tables:
        if table_spec.heading != previous:  # a section split by stage or tier is headed once, as printed
            document.add_heading(xml_safe(table_spec.heading), level=2)
            previous = table_spec.heading
        if table_spec.subheading:
            document.add_heading(xml_safe(table_spec.subheading), level=3)
        table = _new_table(document, layout.headers, layout.widths_cm)
        for entry in table_spec.entries:
            _add_entry_row(document, table, entry, layout.roles, layout.widths_cm)

    if spec.appendix_title and (spec.appendix or spec.appendix_intro):
        document.add_page_break()
        document.add_heading(xml_safe(spec.appendix_title), level=2)
        for line in spec.appendix_intro:
            document.add_paragraph(xml_safe(line))
        if spec.appendix:
            table = _new_table(document, APPENDIX_HEADERS, _APPENDIX_WIDTHS_CM)
            for item in spec.appendix:
                _add_appendix_row(table, item)

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _setup_styles(document: Any) -> None:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Pt, RGBColor

    normal = document.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(10)
    note = document.styles.add_style(NOTE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    note.base_style = normal
    note.font.italic = True
    note.font.size = Pt(9)
    note.font.color.rgb = RGBColor(0x9C, 0x41, 0x00)  # dark orange: visible, not alarming


def _new_table(document: Any, headers: tuple[str, ...], widths_cm: tuple[float, ...]) -> Any:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm

    table = document.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    table.autofit = False
    for column, width in zip(table.columns, widths_cm, strict=True):
        column.width = Cm(width)  # w:gridCol: LibreOffice and Word's fixed layout read widths from here
    header = table.rows[0]
    tr_pr = header._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    tr_pr.append(repeat)
    for cell, text, width in zip(header.cells, headers, widths_cm, strict=True):
        _set_width(cell, width)
        _shade(cell, "D9E2F3")
        run = cell.paragraphs[0].add_run(text)
        run.bold = True
    return table


def _add_entry_row(
    document: Any, table: Any, entry: FormEntry, roles: tuple[str, ...], widths_cm: tuple[float, ...]
) -> None:
    cells = table.add_row().cells
    as_comments = can_comment(document)
    notes_role = PROVISION if as_comments else COMMENTARY if COMMENTARY in roles else COMBINED
    for cell, role, width in zip(cells, roles, widths_cm, strict=True):
        _set_width(cell, width)
        if role == PROVISION:
            _fill(cell, entry.printed_id)
        elif role == REQUIREMENT:
            _fill(cell, entry.requirement)
        elif role == COMPLY:
            _fill(cell, entry.answer)
        elif role == EVIDENCE:
            _fill(cell, entry.evidence)
        elif role == COMMENTARY:
            _fill(cell, entry.commentary)
        elif role == COMBINED:
            _fill(cell, "\n".join(t for t in (entry.evidence, entry.commentary) if t.strip()))
        if role == notes_role and entry.notes:
            if as_comments:
                _comment(document, cell, entry.notes)
            else:
                for note in entry.notes:
                    _note(cell, note)
        if entry.flagged and role == COMPLY:
            _shade(cell, FLAGGED_FILL)


def _add_appendix_row(table: Any, item: AppendixEntry) -> None:
    cells = table.add_row().cells
    values = (item.source_id, item.wording, item.answer, item.text, item.reason)
    for cell, text, width in zip(cells, values, _APPENDIX_WIDTHS_CM, strict=True):
        _set_width(cell, width)
        _fill(cell, text)


def _fill(cell: Any, text: str) -> None:
    """Write ``text`` into ``cell``, one paragraph per line (the cell starts with one empty paragraph)."""
    lines = [xml_safe(line) for line in text.split("\n")] if text.strip() else []
    paragraphs = list(cell.paragraphs)
    for i, line in enumerate(lines):
        paragraph = paragraphs[0] if i == 0 and not paragraphs[0].text else cell.add_paragraph()
        paragraph.add_run(line)


def _comment(document: Any, cell: Any, notes: list[str]) -> None:
    """Attach ``notes`` as one Word comment on the provision number, and shade that cell."""
    runs = [run for paragraph in cell.paragraphs for run in paragraph.runs]
    if not runs:  # a row without a printed id still needs an anchor
        runs = [cell.paragraphs[0].add_run("")]
    add_comment(document, runs, notes)
    _shade(cell, CARRIED_FILL)


def _note(cell: Any, note: str) -> None:
    first = cell.paragraphs[0]
    paragraph = first if len(cell.paragraphs) == 1 and not first.text else cell.add_paragraph()
    paragraph.style = NOTE_STYLE
    paragraph.add_run(xml_safe(note))


def _set_width(cell: Any, width_cm: float) -> None:
    from docx.shared import Cm

    cell.width = Cm(width_cm)


def _shade(cell: Any, fill: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tc_pr.append(shd)
