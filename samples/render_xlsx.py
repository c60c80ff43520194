"""Render a ``Sample`` as an Excel workbook (openpyxl), one function per layout.

Workbooks are written the way landlords keep them: one sheet per Code section, a title row merged
across the sheet, a bold shaded header row, wrapped text, provision numbers stored as text (so
"1.10" is not the number 1.1), frozen panes; a hidden sheet of answer choices. Output is
deterministic: fixed document properties and a re-zip with fixed member timestamps.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from render import HEADERS_2024, _deterministic_zip, _section_title, _sections
from specs import Sample

FIXED_TIME = dt.datetime(2025, 9, 30, 9, 0, 0)
HEADER_FILL = PatternFill("solid", fgColor="DBE5F1")
TITLE_FILL = PatternFill("solid", fgColor="F2F2F2")
RAG_FILLS = {"green": "00B050", "amber": "FFC000", "red": "FF0000"}
WRAP = Alignment(wrap_text=True, vertical="top")
ACTION_HEADERS = ["Yes", "Partial", "No", "RAG", "Evidence", "Commentary", "Actions", "Owner", "Target date"]


def _book(sample: Sample) -> Workbook:
    book = Workbook()
    book.remove(book.active)
    props = book.properties
    props.title = sample.title
    props.creator = f"{sample.landlord} Customer Resolution Team"
    props.lastModifiedBy = props.creator
    props.created = props.modified = FIXED_TIME
    return book


def _hidden_choices(book: Workbook) -> None:
    sheet = book.create_sheet("Lists")
    for i, choice in enumerate(("Yes", "Partial (In Progress)", "No", "N/A"), start=1):
        sheet.cell(row=i, column=1, value=choice)
    sheet.sheet_state = "hidden"


def _header(sheet, row: int, headers: list[str]) -> None:
    for col, text in enumerate(headers, start=1):
        cell = sheet.cell(row=row, column=col, value=text)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = WRAP


def _widths(sheet, widths: list[int]) -> None:
    for col, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(col)].width = width


def render_workbook(sample: Sample) -> Workbook:
    """One sheet per section: a merged title row, a blank row, the header, one row per provision."""
    book = _book(sample)
    for number, rows in _sections(sample):
        label = f"Section {number}: {_section_title(sample.version, number)}"
        sheet = book.create_sheet(f"Section {number}")
        sheet.cell(row=1, column=1, value=label).font = Font(bold=True, size=12)
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADERS_2024))
        _header(sheet, 3, HEADERS_2024)
        sheet.freeze_panes = "A4"
        for r, row in enumerate(rows, start=4):
            row.context = label
            values = [
                row.provision,
                " ".join(row.requirement.split("\n")),
                row.reply.answer_text,
                row.reply.evidence,
                " ".join(row.reply.commentary),
            ]
            for col, value in enumerate(values, start=1):
                cell = sheet.cell(row=r, column=col, value=value or None)
                cell.alignment = WRAP
                if col == 1:
                    cell.number_format = "@"
        _widths(sheet, [10, 60, 14, 30, 70])
    _hidden_choices(book)
    return book


def render_actions(sample: Sample) -> Workbook:
    """House columns: one tick column per answer, a RAG cell coloured only, Actions, Owner, Target date;
    the requirement column headed with the section's title."""
    book = _book(sample)
    for number, rows in _sections(sample):
        title = _section_title(sample.version, number)
        sheet = book.create_sheet(f"Section {number}")
        _header(sheet, 1, ["Ref", title, *ACTION_HEADERS])
        sheet.freeze_panes = "A2"
        for r, row in enumerate(rows, start=2):
            row.context = f"Section {number}"
            reply = row.reply
            ticks = {"yes": 3, "partial": 4, "no": 5}
            values: dict[int, str] = {
                1: row.provision,
                2: " ".join(row.requirement.split("\n")),
                7: reply.evidence,
                8: " ".join(reply.commentary),
                9: reply.extra.get("actions", ""),
                10: reply.extra.get("owner", ""),
                11: reply.extra.get("target_date", ""),
            }
            if reply.answer in ticks:
                values[ticks[reply.answer]] = "✓"
            for col in range(1, 12):
                cell = sheet.cell(row=r, column=col, value=values.get(col) or None)
                cell.alignment = WRAP
                if col == 1:
                    cell.number_format = "@"
            colour = RAG_FILLS.get(reply.extra.get("rag", ""))
            if colour:
                sheet.cell(row=r, column=6).fill = PatternFill("solid", fgColor=colour)
        _widths(sheet, [8, 50, 6, 8, 6, 6, 28, 50, 36, 24, 14])
    return book


RENDERERS: dict[str, Callable[[Sample], Workbook]] = {
    "workbook": render_workbook,
    "actions": render_actions,
}


def render_xlsx(sample: Sample) -> bytes:
    """The sample as XLSX bytes, identical on every run."""
    buffer = io.BytesIO()
    RENDERERS[sample.layout](sample).save(buffer)
    return _deterministic_zip(buffer.getvalue())
