"""Build small self-assessment workbooks for the XLSX reader's tests (openpyxl; all fictional).

``workbook(path, sheets)`` writes sheets given as lists of rows; a cell is a value or a ``Cell`` with
formatting (bold, fill, number format). Helpers add what openpyxl cannot write itself: a VBA part (a
macro-enabled workbook), an external-link part, a formula with a saved value, a declared-size zip
bomb, a DOCTYPE in a part.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

from html_factory import ANSWERS, CODE, commentary, evidence

HEADER = ["Code provision", "Code requirement", "Comply: Yes / No", "Evidence", "Commentary / explanation"]


@dataclass
class Cell:
    value: object
    bold: bool = False
    fill: str | None = None  # RRGGBB
    number_format: str | None = None


def standard_rows(pids=tuple(CODE)) -> list[list[object]]:
    return [[pid, CODE[pid], ANSWERS[pid], evidence(pid), commentary(pid)] for pid in pids]


def workbook(
    path: Path,
    sheets: dict[str, list[list[object]]],
    merges: dict[str, list[str]] | None = None,
    hidden: tuple[str, ...] = (),
) -> Path:
    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                spec = value if isinstance(value, Cell) else Cell(value)
                if spec.value in (None, "") and spec.fill is None:
                    continue
                cell = sheet.cell(row=r, column=c, value=spec.value if spec.value != "" else None)
                if spec.bold:
                    cell.font = Font(bold=True)
                if spec.fill:
                    cell.fill = PatternFill("solid", fgColor=spec.fill)
                if spec.number_format:
                    cell.number_format = spec.number_format
        for ref in (merges or {}).get(title, []):
            sheet.merge_cells(ref)
        if title in hidden:
            sheet.sheet_state = "hidden"
    book.save(path)
    return path


def simple(path: Path, pids=tuple(CODE)) -> Path:
    return workbook(path, {"Self-assessment": [HEADER, *standard_rows(pids)]})


def add_parts(path: Path, parts: dict[str, bytes], replace: dict[str, bytes] | None = None) -> Path:
    """Rewrite the package with extra parts (and some parts replaced)."""
    source = zipfile.ZipFile(io.BytesIO(path.read_bytes()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = (replace or {}).get(info.filename, source.read(info.filename))
            target.writestr(info.filename, data)
        for name, data in parts.items():
            target.writestr(name, data)
    path.write_bytes(out.getvalue())
    return path


def with_formula_value(path: Path, sheet_part: str, cell: str, formula: str, saved: str) -> Path:
    """Turn a cell into a formula with a saved (cached) string value, as Excel stores it."""
    xml = zipfile.ZipFile(path).read(sheet_part).decode("utf-8")
    import re

    pattern = re.compile(rf'<c r="{cell}"[^>]*?(/>|>.*?</c>)', re.DOTALL)
    new = f'<c r="{cell}" t="str"><f>{formula}</f><v>{saved}</v></c>'
    assert pattern.search(xml), cell
    return add_parts(path, {}, {sheet_part: pattern.sub(new, xml, count=1).encode("utf-8")})


def zip_bomb(path: Path, source: Path, inflated: int = 320 * 1024 * 1024) -> Path:
    """A workbook whose worksheet part declares (and would inflate to) far more than any limit."""
    src = zipfile.ZipFile(source)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in src.infolist():
            if info.filename == "xl/worksheets/sheet1.xml":
                continue
            target.writestr(info.filename, src.read(info.filename))
        member = zipfile.ZipInfo("xl/worksheets/sheet1.xml")
        member.compress_type = zipfile.ZIP_DEFLATED
        with target.open(member, "w", force_zip64=True) as fh:
            chunk = b"<!-- " + b" " * (1024 * 1024) + b" -->"
            written = 0
            while written < inflated:
                fh.write(chunk)
                written += len(chunk)
    path.write_bytes(out.getvalue())
    return path
