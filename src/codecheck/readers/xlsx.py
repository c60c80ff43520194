"""Read a self-assessment kept as an Excel workbook (``.xlsx``, ``.xlsm``).

openpyxl opens the workbook read-only (rows streamed, not held as a grid) and with ``data_only``, so
no formula is evaluated: a formula cell reads as the value Excel saved with the file. Macros are
never run (openpyxl cannot; the VBA part is not even loaded) and links to other workbooks are not
followed (``keep_links=False``): such a workbook is read as the data it holds, with a note saying
so. Before openpyxl sees the file the package is checked as a DOCX is: member count, each part's and
the total declared inflated size (Python's zipfile stops inflating at the declared size, so these
bound what is decompressed), encrypted members, and XML parts that declare a DOCTYPE.

Each visible worksheet becomes one ``RawTable`` (the sheet name is its heading, so one sheet per
section gives each section its context) for the shared row builder, exactly as a DOCX table does:
column roles from the header row, continuation rows, answers. Merged ranges are read from the
sheet's ``<mergeCells>`` (a read-only worksheet does not expose them): a range across columns is one
cell with a span (a section heading merged across the row, a Comply cell merged with Evidence), a
range down rows repeats its text into the rows below, flagged as merged. Where a heading row is not
merged, one rule stands in: **a row whose only non-empty cell is in the sheet's first column, or is
bold or shaded, and is not a provision number, is a section row** (read as a cell spanning the row).
Row locations are the sheet's own row numbers.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
import zipfile
from dataclasses import replace
from pathlib import Path

from codecheck.errors import InputError
from codecheck.limits import Limits, effective
from codecheck.model import CELLS_BEYOND_LIMITS, Document, ReaderNote
from codecheck.readers.answers import glyph_state
from codecheck.readers.cell_budget import CellBudget
from codecheck.readers.columns import PROVISION_ID
from codecheck.readers.raw import RawCell, RawRow, RawTable
from codecheck.readers.rows import assessment_tables, build_rows, clean_text, no_assessment
from codecheck.readers.zip_directory import check_directory

MAX_COLUMNS = 64  # columns read per sheet (a form has 4-10)
SCAN_FACTOR = 10  # rows looked at per sheet, empty ones included: this many times Limits.max_rows
MAX_MERGES = 10_000
_MERGE = re.compile(rb"<(?:\w+:)?mergeCell\s[^>]*?ref=\"([A-Z]{1,3})(\d{1,7})(?::([A-Z]{1,3})(\d{1,7}))?\"")
_DECIMALS = re.compile(r"^0\.(0+)$")


def read_xlsx(path: Path, limits: Limits | None = None) -> Document:
    """Read a workbook into a ``Document``; ``InputError`` naming the file on bad input."""
    lim = effective(limits)
    try:
        with path.open("rb") as fh:
            check_directory(fh, path, lim)  # before zipfile parses the central directory
        package = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise InputError("corrupt or truncated workbook (not a readable ZIP package)", path) from None
    with package:
        notes = _check_package(package, path, lim)
        book = _Workbook(path, lim, package)
        book.read()
    tables = book.tables
    rows, row_notes = build_rows(tables, lim.max_cell_chars)
    if not rows:
        raise no_assessment(path, len(tables), unit="sheet", blocks=False)
    sheets = {t.index: t.heading for t in tables}
    for row in rows:
        loc = row.location
        row.location = replace(loc, sheet=sheets.get(loc.table) if loc.table is not None else None)
    used = assessment_tables(rows)
    text = [t for t in (book.title,) if t] + book.loose
    for table in tables:
        if table.index not in used:
            text.extend(book.table_texts.get(table.index, []))
    skipped = len(tables) - len(used)
    if skipped:
        what = f"{skipped} sheet(s) are not self-assessment tables"
        notes.append(ReaderNote("tables-skipped", f"{what} and were not read as rows"))
    notes = notes + book.notes() + row_notes
    title = book.title or next((t for t in book.loose if len(t) <= 200), None)
    return Document(path=path, format="xlsx", rows=rows, text=text, title=title, pages=None, notes=notes)


def _check_package(package: zipfile.ZipFile, path: Path, lim: Limits) -> list[ReaderNote]:
    """Bound the package before openpyxl reads it; notes for macros and external links."""
    try:
        infos = package.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise InputError("corrupt or truncated workbook (not a readable ZIP package)", path) from None
    if len(infos) > lim.max_zip_entries:
        raise InputError(f"package has {len(infos)} parts, over the {lim.max_zip_entries} limit", path)
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise InputError(f"package part {info.filename} is encrypted; save an unprotected copy", path)
        if info.file_size > lim.max_xml_part_bytes:
            declared = f"{info.file_size:,} bytes inflated"
            raise InputError(f"part {info.filename} declares {declared}, over the limit (zip bomb?)", path)
        total += info.file_size
        if total > lim.max_decompressed_bytes:
            raise InputError("the package inflates past the size limit (zip bomb?)", path)
    names = {i.filename for i in infos}
    if "xl/workbook.xml" not in names:
        raise InputError("a ZIP file but not an Excel workbook (no xl/workbook.xml)", path)
    for info in infos:
        if info.filename.endswith((".xml", ".rels")):
            try:
                with package.open(info) as fh:
                    head = fh.read(4096)
            except Exception as exc:  # bad CRC, offsets, compression: damaged members fail many ways
                damage = f"{info.filename} ({type(exc).__name__})"
                raise InputError(f"corrupt package part {damage}", path) from None
            if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                raise InputError(
                    f"part {info.filename} declares a DOCTYPE or entities, which a workbook never does", path
                )
    notes: list[ReaderNote] = []
    if any(n.lower().endswith("vbaproject.bin") for n in names):
        macros = "the workbook holds macros: read as data only, no macro was run"
        notes.append(ReaderNote("macros", macros))
    links = sum(1 for n in names if n.startswith("xl/externalLinks/") and n.endswith(".xml"))
    if links:
        notes.append(
            ReaderNote(
                "external-links",
                f"the workbook links to {links} other workbook(s): links not followed, the values saved "
                "in this file were read",
            )
        )
    return notes


class _Workbook:
    """One pass over the workbook's visible sheets."""

    def __init__(self, path: Path, limits: Limits, package: zipfile.ZipFile) -> None:
        self.path = path
        self.limits = limits
        self.package = package
        self.tables: list[RawTable] = []
        self.table_texts: dict[int, list[str]] = {}
        self.loose: list[str] = []
        self.title: str | None = None
        self.nrows = 0
        self.hidden = 0
        self.budget = CellBudget(limits)  # cell text cut, merged text repeated: as in every reader
        self.cut: list[str] = []  # sheets with rows or columns beyond the limits

    def notes(self) -> list[ReaderNote]:
        out: list[ReaderNote] = []
        if self.hidden:
            out.append(ReaderNote("hidden-sheets", f"{self.hidden} hidden worksheet(s) not read"))
        if self.cut:
            out.append(
                ReaderNote(
                    CELLS_BEYOND_LIMITS,
                    f"worksheet(s) {', '.join(self.cut)}: rows or columns beyond the reading limits not read",
                )
            )
        return out + self.budget.notes()

    def read(self) -> None:
        import openpyxl

        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # openpyxl warns about every extension it skips
                with self.path.open("rb") as fh:
                    book = openpyxl.load_workbook(
                        fh, read_only=True, data_only=True, keep_vba=False, keep_links=False
                    )
                    try:
                        self.title = clean_text(book.properties.title or "")[:300] or None
                        for sheet in book.worksheets:
                            if getattr(sheet, "sheet_state", "visible") != "visible":
                                self.hidden += 1
                                continue
                            self.sheet(sheet)
                    finally:
                        book.close()
        except InputError:
            raise
        except MemoryError:
            raise InputError("ran out of memory reading the workbook", self.path) from None
        except Exception as exc:  # openpyxl and its XML parsers raise many kinds on damaged parts
            raise InputError(f"corrupt or unreadable workbook ({type(exc).__name__})", self.path) from None

    # ------------------------------------------------------------------ one sheet

    def sheet(self, ws) -> None:
        if len(self.tables) >= self.limits.max_tables:
            raise InputError(f"more than {self.limits.max_tables} sheets", self.path)
        index = len(self.tables) + 1
        declared = ws.max_column or MAX_COLUMNS
        width = min(declared, MAX_COLUMNS)
        if declared > MAX_COLUMNS:
            self.cut.append(f"\u201c{ws.title}\u201d")
        merges = self.merges(ws)
        covered: dict[tuple[int, int], tuple[int, int]] = {}  # (row, col) -> its range's anchor
        spans: dict[tuple[int, int], int] = {}
        for (r1, c1, r2, c2) in merges:
            spans[(r1, c1)] = min(c2, width) - c1 + 1
            for r in range(r1, r2 + 1):
                for c in range(c1, c2 + 1):
                    if (r, c) != (r1, c1):
                        covered[(r, c)] = (r1, c1)
        anchors: dict[tuple[int, int], RawCell] = {}
        self.first_col = width  # the leftmost column holding text so far (the table's first column)
        rows: list[RawRow] = []
        texts: list[str] = []
        scan_limit = SCAN_FACTOR * self.limits.max_rows
        for number, cells in enumerate(ws.iter_rows(max_col=width), start=1):
            if number > scan_limit:
                self.cut.append(f"\u201c{ws.title}\u201d")
                break
            raw = self.row(number, cells, width, covered, spans, anchors)
            if raw is None:
                continue
            self.nrows += 1
            if self.nrows > self.limits.max_rows:
                raise InputError(f"more than {self.limits.max_rows} rows", self.path)
            rows.append(raw)
            texts.extend(c.text for c in raw.cells if c.text and not c.merged_from_above)
        self.tables.append(RawTable(rows=rows, index=index, heading=clean_text(ws.title), ncols=width))
        self.table_texts[index] = texts

    def merges(self, ws) -> list[tuple[int, int, int, int]]:
        """Merged ranges (first row, first column, last row, last column) from the sheet's XML."""
        part = getattr(ws, "_worksheet_path", None)
        if not part:
            return []
        try:
            with self.package.open(part.lstrip("/")) as fh:
                data = fh.read(self.limits.max_xml_part_bytes)
        except (KeyError, OSError, zipfile.BadZipFile, ValueError):
            return []
        out = []
        for m in _MERGE.finditer(data):
            c1, r1 = _column(m.group(1)), int(m.group(2))
            c2, r2 = (_column(m.group(3)), int(m.group(4))) if m.group(3) else (c1, r1)
            if r2 >= r1 and c2 >= c1:
                out.append((r1, c1, min(r2, r1 + 10_000), c2))
            if len(out) >= MAX_MERGES:
                break
        return out

    def row(self, number, cells, width, covered, spans, anchors) -> RawRow | None:
        """One sheet row as a ``RawRow``, or None when it holds nothing."""
        out: list[RawCell] = []
        bold_or_fill: list[bool] = []
        col = 1
        while col <= width:
            cell = cells[col - 1] if col - 1 < len(cells) else None
            anchor = covered.get((number, col))
            if anchor is not None:
                root = anchors.get(anchor)
                if anchor[0] == number:  # a later column of a range merged across: part of its span
                    col += 1
                    continue
                span = spans.get(anchor, 1)
                if anchor[1] == col:  # a range merged down: repeat its text, flagged
                    out.append(self.carry(root, span))
                    bold_or_fill.append(False)
                col += span if anchor[1] == col else 1
                continue
            text, checked = _value(cell)
            text = self.budget.clip(text)
            span = spans.get((number, col), 1)
            raw = RawCell(text, checked if checked is not None else glyph_state(text), span, fill=_fill(cell))
            if span > 1 or (number, col) in spans:
                anchors[(number, col)] = raw
            out.append(raw)
            bold_or_fill.append(_bold(cell) or raw.fill is not None)
            if text:
                self.first_col = min(self.first_col, len(out) - 1)
            col += span
        filled = [(k, c) for k, c in enumerate(out) if c.text or c.checked is not None]
        if not filled:
            return None
        if len(filled) == 1 and not out[filled[0][0]].merged_from_above:
            k, only = filled[0]
            first = k <= self.first_col
            if only.text and not PROVISION_ID.match(only.text) and (first or bold_or_fill[k]):
                # a section row: merged across the sheet, or standing alone in the first column
                start = sum(c.span for c in out[:k])
                out = [*out[:k], replace(only, span=max(1, width - start))]
                self.loose.append(only.text)
        return RawRow(cells=out, index=number)

    def carry(self, root: RawCell | None, span: int) -> RawCell:
        if root is None:
            return RawCell("", None, span, merged_from_above=True)
        text = root.text if self.budget.carry(root.text) else ""
        return RawCell(text, root.checked, span, merged_from_above=True, fill=root.fill)


def _column(letters: bytes) -> int:
    n = 0
    for ch in letters.decode("ascii"):
        n = n * 26 + ord(ch) - 64
    return n


def _value(cell) -> tuple[str, bool | None]:
    """A cell's value as text (and a tick state for TRUE / FALSE)."""
    value = getattr(cell, "value", None)
    if value is None:
        return "", None
    if isinstance(value, bool):
        return "", value
    if isinstance(value, str):
        return value, None
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return _date(value.date()), None
        return value.isoformat(sep=" ", timespec="minutes"), None
    if isinstance(value, dt.date):
        return _date(value), None
    if isinstance(value, int):
        return str(value), None
    if isinstance(value, float):
        m = _DECIMALS.match(getattr(cell, "number_format", "") or "")
        if m:
            return f"{value:.{len(m.group(1))}f}", None
        return (str(int(value)) if value.is_integer() else repr(value)), None
    return str(value), None


def _date(day: dt.date) -> str:
    """A date as a reader of the form would write it ("31 March 2026")."""
    return f"{day.day} {day.strftime('%B')} {day.year}"


def _bold(cell) -> bool:
    font = getattr(cell, "font", None)
    return bool(font is not None and font.b)


def _fill(cell) -> str | None:
    """A solid fill's colour as RRGGBB (theme and indexed colours are not resolved)."""
    fill = getattr(cell, "fill", None)
    if fill is None or getattr(fill, "fill_type", None) != "solid":
        return None
    colour = getattr(fill, "fgColor", None)
    if colour is None or getattr(colour, "type", "") != "rgb":
        return None
    rgb = getattr(colour, "rgb", None)
    if not isinstance(rgb, str) or len(rgb) not in (6, 8):
        return None
    return rgb[-6:].upper()
