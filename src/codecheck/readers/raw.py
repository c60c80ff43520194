"""The boundary between the format readers and the shared row builder.

A format reader (DOCX or PDF) knows about XML or page geometry; it turns each table it finds into a
``RawTable``: physical rows of plain cell text, with whatever structural hints the format gives
(header rows, ticks, page numbers). The shared builder (``readers.rows``) then does what does not
depend on the format: column roles, header and sub-heading rows, continuation rows, answers.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class RawCell:
    """One cell's text; horizontally merged (spanned) positions appear once, never duplicated.

    ``checked`` is the state of a tick, checkbox or symbol found in the cell (True ticked, False an
    empty box, None when the cell has no such mark). ``span`` is the number of grid columns it covers.

    ``merged_from_above`` marks the lower part of a vertically merged cell (DOCX ``w:vMerge``
    continue): ``text`` and ``checked`` then repeat the merged cell's first part, which the row above
    already holds. The row builder decides what that text means, because only it knows whether this
    row starts a new provision (the merged cell is cited for that provision too) or continues the
    one above (the text is already there and must not be repeated). A reader that cannot recover the
    text leaves ``text`` empty.

    ``fill`` is the cell's background colour (HTML inline style, an XLSX solid fill): a RAG status
    column may say "green" with its colour alone.
    """

    text: str
    checked: bool | None = None
    span: int = 1
    merged_from_above: bool = False
    fill: str | None = None  # background colour as RRGGBB hex, where the format gives it (RAG status)


@dataclass
class RawRow:
    cells: list[RawCell]
    index: int  # 1-based physical row number within its table
    page: int | None = None
    is_header: bool = False  # a repeat-as-header row (DOCX w:tblHeader) or a detected repeated header
    page_break_before: bool = False  # the row starts a new page (PDF table continued)
    # PDF: the row's box on its page (x0, top, x1, bottom, points from the top-left), for annotations
    bbox: tuple[float, float, float, float] | None = None
    # DOCX: the row's w:tr among all of the body's, in document order (0-based), for annotations
    anchor: int | None = None


@dataclass
class RawTable:
    rows: list[RawRow]
    index: int  # 1-based table number in the document
    page: int | None = None  # page of the first row (PDF)
    heading: str | None = None  # the heading/paragraph text immediately before the table
    ncols: int = 0
    nested: bool = False
    continued_from: int | None = None  # PDF: index of the table this one continues on a later page
    notes: list[str] = field(default_factory=list)
