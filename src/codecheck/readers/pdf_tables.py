"""Find the tables on one PDF page and fill their cells with text.

Two ways in, because landlords' PDFs come both ways:

* ruled tables (Word and LibreOffice draw cell borders): pdfplumber's lines strategy finds the grid,
  after invisible and white rectangles are removed so they cannot make phantom cells (pdfplumber
  issue #285);
* unruled tables (borders switched off, or horizontal rules only): columns come from the gutters,
  the x-ranges that no word of the block touches, and rows start at a provision number.

Both produce ``PageTable``: a grid of cell texts with geometry, which ``pdf_stitch`` joins across
page breaks. Cells take the words whose centre lies inside them, so nothing is extracted twice.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from codecheck.readers.columns import PROVISION_ID

if TYPE_CHECKING:
    from pdfplumber.page import Page
from codecheck.readers.pdf_text import (
    PAGE_NUMBER,
    Line,
    Word,
    cell_text,
    group_lines,
    has_unmapped_glyphs,
)

EDGE_OBJECTS = frozenset({"rect", "line", "curve"})
UNRULED_CONFIDENCE = 0.8  # column boundaries inferred from text positions
UNMAPPED_CONFIDENCE = 0.6  # a cell with (cid:NN) glyphs: some characters could not be read
STRADDLE_CONFIDENCE = 0.85  # a word that crosses a cell border (text may sit in the wrong column)
MERGED_ROW_CONFIDENCE = 0.85  # one ruled row holding several numbered rows, cut by text position
# Empty x-range that separates two unruled columns, in font sizes: cell padding is at least ~0.6 em
# on each side, a word space ~0.28 em (a little more in justified text).
GUTTER_EM = 0.5
HEADER_WORDS = ("provision", "requirement", "comply", "compliance", "evidence", "commentary",
                "explanation", "section", "standard")


@dataclass
class PageCell:
    """One cell of a page's table.

    ``merged_from_above`` marks a grid position covered by a cell that starts in a row above (a
    vertically merged cell): ``text`` then repeats that cell's text (the same string object), for the
    row builder to cite in each provision the merge reaches (see ``RawCell.merged_from_above``).
    ``merged_below`` marks the first part of such a cell, so the stitcher can tell a merge that runs
    on across a page break.
    """

    text: str
    span: int = 1
    merged_from_above: bool = False
    merged_below: bool = False


@dataclass
class PageRow:
    cells: list[PageCell]
    top: float
    bottom: float
    confidence: float = 1.0


@dataclass
class PageTable:
    """One table as found on one page, before stitching."""

    page: int  # 1-based
    bbox: tuple[float, float, float, float]  # x0, top, x1, bottom
    xs: list[float]  # column boundaries, left to right (ncols + 1 values)
    rows: list[PageRow]
    ruled: bool = True
    notes: list[str] = field(default_factory=list)
    gutters: list[tuple[float, float]] = field(default_factory=list)  # unruled: the empty x-ranges

    @property
    def ncols(self) -> int:
        return len(self.xs) - 1

    def contains(self, word: Word) -> bool:
        x0, top, x1, bottom = self.bbox
        return x0 - 1 <= word.cx <= x1 + 1 and top - 1 <= word.cy <= bottom + 1


# --------------------------------------------------------------------------- ruled


def _is_white(color: object) -> bool:
    if color is None:
        return False
    if isinstance(color, int | float):
        return float(color) >= 0.97
    if isinstance(color, list | tuple):
        values = [v for v in color if isinstance(v, int | float)]
        if len(values) != len(color) or not values:
            return False  # a pattern or named colour space: assume it is visible
        if len(values) == 4:  # CMYK: white is no ink
            return all(v <= 0.03 for v in values)
        return all(v >= 0.97 for v in values)
    return False


# A filled, unstroked rectangle thicker than this both ways is a background (cell shading), not a rule.
RULE_THICKNESS = 3.0


def visible_edge(obj: dict) -> bool:
    """Keep an object for table finding unless it is an invisible or white rectangle/line, or shading.

    Rules are lines, stroked rectangles and thin filled ones (a browser draws a 1px border as a
    filled sliver). A thick filled rectangle with no stroke is a cell's background: banded rows
    (every other row shaded, no rules) would otherwise make each shaded row a one-row table of its
    own and leave the rows between them out; read without them, the table is found from its text.
    """
    if obj.get("object_type") not in EDGE_OBJECTS:
        return True
    stroked = obj.get("stroke") and not _is_white(obj.get("stroking_color"))
    filled = obj.get("fill") and not _is_white(obj.get("non_stroking_color"))
    if filled and not stroked and obj.get("object_type") == "rect":
        width = abs(float(obj.get("x1", 0)) - float(obj.get("x0", 0)))
        height = abs(float(obj.get("bottom", 0)) - float(obj.get("top", 0)))
        if width > RULE_THICKNESS and height > RULE_THICKNESS:
            return False
    return bool(stroked or filled)


def _column_span(x0: float, x1: float, xs: Sequence[float]) -> int:
    return max(1, sum(1 for x in xs[:-1] if x0 - 1.5 <= x < x1 - 1.5))


def open_cell_edges(edges: Sequence[dict]) -> list[dict]:
    """Horizontal rules that close cells a page break left open.

    A browser printing a table row that runs on to the next page draws the cells' side borders down
    to the foot of the page but no bottom border (and, on the next page, the sides of the row's rest
    from the top of the table without a top border when no header repeats). pdfplumber then sees no
    closed cell and drops the row: its text would be lost, or skipped as text without a provision
    number. Where three or more vertical rules end (or start) at one height with no horizontal rule
    there, a rule across them closes the cells.
    """
    verticals = [e for e in edges if e.get("orientation") == "v"]
    horizontals = [e for e in edges if e.get("orientation") == "h"]
    out: list[dict] = []
    for key in ("bottom", "top"):
        groups: dict[int, list[dict]] = {}
        for e in verticals:
            groups.setdefault(round(float(e[key])), []).append(e)
        for y, group in groups.items():
            if len(group) < 3:
                continue
            x0 = min(float(e["x0"]) for e in group)
            x1 = max(float(e["x1"]) for e in group)
            closed = any(
                abs(float(h["top"]) - y) <= 2.0 and float(h["x0"]) <= x0 + 2 and float(h["x1"]) >= x1 - 2
                for h in horizontals
            )
            if not closed:
                out.append(
                    {"x0": x0, "x1": x1, "top": float(y), "bottom": float(y), "width": x1 - x0, "height": 0.0,
                     "orientation": "h", "object_type": "closing_edge"}
                )  # fmt: skip
    return out


def ruled_tables(page: Page, page_no: int, words: Sequence[Word]) -> list[PageTable]:
    """Tables whose grid is drawn; text rebuilt from ``words``."""
    filtered = page.filter(visible_edge)
    settings: dict = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}
    closing = open_cell_edges(filtered.edges)
    if closing:
        settings["explicit_horizontal_lines"] = closing
    found = filtered.find_tables(settings)
    tables: list[PageTable] = []
    for table in found:
        xs = sorted({round(c[0], 1) for c in table.cells} | {round(max(c[2] for c in table.cells), 1)})
        xs = _dedupe(xs, 2.0)
        rows_geo = [r for r in table.rows if any(c is not None for c in r.cells)]
        if len(xs) < 3 or not rows_geo:
            continue  # one column: a box drawn round text, not a table
        pt = PageTable(page_no, tuple(float(v) for v in table.bbox), xs, [])
        pt_pending: list[tuple[PageRow, tuple[list[Word], list[list]]]] = []
        inside = [w for w in words if pt.contains(w)]
        tops = [float(r.bbox[1]) for r in rows_geo]
        by_row: list[list[Word]] = [[] for _ in rows_geo]
        for w in inside:
            by_row[min(len(rows_geo) - 1, max(0, bisect.bisect_right(tops, w.cy) - 1))].append(w)
        spanning: list[list] = []  # [box, words] of cells reaching below their first row
        for r, row_words in zip(rows_geo, by_row, strict=True):
            boxes = [c for c in r.cells if c is not None]
            spanning = [s for s in spanning if s[0][3] > float(r.bbox[1]) + 1]
            own = []
            for w in row_words:  # words of a vertically merged cell belong to its first row
                holder = next((s for s in spanning if s[0][0] - 1 <= w.cx <= s[0][2] + 1), None)
                if holder is not None:
                    holder[1].append(w)
                else:
                    own.append(w)
            lines = group_lines(own)
            if len(boxes) == len(xs) - 1 and _holds_several_numbered_rows(lines, xs):
                # no rules between rows: one grid row holds several provisions; cut it by bands
                pt.rows.extend(band_rows(lines, xs, MERGED_ROW_CONFIDENCE))
                pt.notes.append(f"page {page_no}: rows without rules between them split by text position")
                continue
            # the row's own height: its shortest cell (a merged cell reaches further down)
            row_bottom = min(float(b[3]) for b in boxes)
            groups = [[b, []] for b in sorted(boxes, key=lambda b: b[0])]
            spanning.extend(g for g in groups if g[0][3] > row_bottom + 1)
            # the merged cells from rows above that cover part of this row
            above = [s for s in spanning if not any(s is g for g in groups)]
            pending = (own, groups, above, row_bottom)
            pt.rows.append(PageRow([], float(r.bbox[1]), float(r.bbox[3])))
            pt_pending.append((pt.rows[-1], pending))
        # fill cells once every row has been seen (a merged cell collects words from rows below)
        texts: dict[int, str] = {}  # id(group) -> its text, so every row a merge covers shares it
        for prow, (own, groups, above, bottom) in pt_pending:
            prow.cells, prow.confidence = _fill_ruled_row(groups, xs, own, above, texts, bottom)
        tables.append(pt)
    return tables


def _holds_several_numbered_rows(lines: Sequence[Line], xs: Sequence[float]) -> bool:
    """Two or more lines start with a provision number at the left edge of the same early column."""
    starts: dict[int, int] = {}
    for line in lines:
        first = line.words[0]
        k = max(0, bisect.bisect_right(xs, first.cx) - 1)
        if k <= 1 and first.x0 - xs[k] < 8 and PROVISION_ID.match(first.text.rstrip(":")):
            starts[k] = starts.get(k, 0) + 1
    return any(n >= 2 for n in starts.values())


def _fill_ruled_row(
    groups: Sequence[list],
    xs: Sequence[float],
    words: Sequence[Word],
    above: Sequence[list] = (),
    texts: dict[int, str] | None = None,
    row_bottom: float | None = None,
) -> tuple[list[PageCell], float]:
    """Cells of one grid row, left to right; positions covered by a cell above repeat its text.

    ``groups`` holds each cell box with the words already given to it from rows below (a vertically
    merged cell); ``words`` are the row's own words, placed in the box under their centre, or the
    nearest box (lower confidence) when they sit between boxes. ``above`` holds the merged cells
    from rows above that reach this row: a position they cover gets their text, flagged
    ``merged_from_above`` (empty when no such cell covers it). ``texts`` caches each merged cell's
    text, filled when its first row is filled (rows are filled top to bottom), so all the rows it
    covers share one string.
    """
    texts = {} if texts is None else texts
    confidence = 1.0
    for w in words:
        target = next((g for g in groups if g[0][0] - 1 <= w.cx <= g[0][2] + 1), None)
        if target is None:
            target = min(groups, key=lambda g: min(abs(w.cx - g[0][0]), abs(w.cx - g[0][2])))
            confidence = min(confidence, STRADDLE_CONFIDENCE)
        elif w.x0 < target[0][0] - 2 or w.x1 > target[0][2] + 2:
            confidence = min(confidence, STRADDLE_CONFIDENCE)
        target[1].append(w)
    cells: list[PageCell] = []
    col = 0

    last: list = [None]  # the merged cell that covered the previous position, if any

    def cover(k: int) -> None:
        """Fill grid column ``k``, covered by a merged cell from a row above: one cell per merged
        cell, however many columns it is wide (as a horizontal span is read once)."""
        centre = (xs[k] + xs[k + 1]) / 2
        holder = next((s for s in above if s[0][0] - 1 <= centre <= s[0][2] + 1), None)
        if holder is not None and last[0] is holder and cells and cells[-1].merged_from_above:
            cells[-1].span += 1
            return
        last[0] = holder
        text = texts.get(id(holder), "") if holder is not None else ""
        cells.append(PageCell(text, merged_from_above=True))

    for group in groups:
        box, bucket = group
        start = _column_index(box[0], xs)
        while col < start:  # a vertically merged cell from the row above covers this position
            cover(col)
            col += 1
        last[0] = None
        span = _column_span(box[0], box[2], xs)
        text = cell_text(bucket)
        if has_unmapped_glyphs(text):
            confidence = min(confidence, UNMAPPED_CONFIDENCE)
        below = row_bottom is not None and float(box[3]) > row_bottom + 1
        if below:
            texts[id(group)] = text
        cells.append(PageCell(text, span, merged_below=below))
        col += span
    while col < len(xs) - 1:
        cover(col)
        col += 1
    return cells, confidence


def _column_index(x: float, xs: Sequence[float]) -> int:
    """The grid column whose left boundary is nearest ``x``."""
    return min(range(len(xs) - 1), key=lambda i: abs(xs[i] - x))


def _dedupe(values: Sequence[float], tol: float) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > tol:
            out.append(v)
    return out


# --------------------------------------------------------------------------- unruled


def _gutters(lines: Sequence[Line], x_min: float, x_max: float, min_gap: float) -> list[tuple[float, float]]:
    """X-ranges inside [x_min, x_max] that no word of ``lines`` touches, at least ``min_gap`` wide."""
    spans = sorted((w.x0, w.x1) for line in lines for w in line.words)
    gaps: list[tuple[float, float]] = []
    reach = x_min
    for a, b in spans:
        if a - reach >= min_gap and reach > x_min:
            gaps.append((reach, a))
        reach = max(reach, b)
    return gaps


def _is_id_line(line: Line) -> bool:
    first = line.words[0].text
    return bool(PROVISION_ID.match(first.rstrip(":")))


def _header_words(line: Line) -> int:
    low = line.text.lower()
    return sum(1 for w in HEADER_WORDS if w in low)


def _is_header_line(line: Line) -> bool:
    """A line that could be a table's header row: two or more column words, and not a line of running
    text that happens to use them ("the provisions set out in section 2 of this Code.": it starts in
    lower case, or ends a sentence)."""
    text = line.text.strip()
    if text[:1].islower() or (text.endswith((".", ";", ",")) and len(line.words) > 4):
        return False
    return _header_words(line) >= 2


def header_like(line: Line) -> bool:
    """Could ``line`` be a table's header row (see ``_is_header_line``)?"""
    return _is_header_line(line)


def _is_strong_header_line(line: Line) -> bool:
    """A header row beyond doubt (it ends a block): many column words, or a few in a short bold line."""
    if not _is_header_line(line):
        return False
    n = _header_words(line)
    return n >= 3 or (n >= 2 and (line.bold or len(line.words) <= 8))


def unruled_tables(
    page_no: int, lines: Sequence[Line], page_height: float, template: PageTable | None = None
) -> list[PageTable]:
    """Tables drawn without a grid: blocks of lines with at least two consistent gutters.

    A block starts at a header line (two or more column words: requirement, comply, evidence …) or
    a line that starts with a provision number, and grows while its gutters survive. It is a table
    when it keeps two gutters (three columns) and has two numbered rows, or a header and a body. A
    block reached from the top of the page also takes the lines above it that fit its columns: the
    rest of a row continued from the previous page. ``template`` is the unruled table that ended the
    previous page: lines at the top of this page that keep to its gutters continue it, even when
    they hold no header and fewer than two numbered rows.
    """
    # page numbers in the margins would otherwise sit in a column of the table above them
    lines = [ln for ln in lines if not _margin_page_number(ln, page_height)]
    found: list[tuple[int, int, list[tuple[float, float]]]] = []  # (start, end, gutters)
    i = 0
    while i < len(lines):
        line = lines[i]
        # a header, unless it is set larger than the line below it (a section heading)
        starts_header = _is_header_line(line) and (
            i + 1 >= len(lines) or line.size <= lines[i + 1].size + 1.0
        )
        if not (starts_header or _is_id_line(line)):
            i += 1
            continue
        block_end, gutters = _grow_block(lines, i)
        block = lines[i:block_end]
        id_lines = sum(1 for ln in block if _is_id_line(ln))
        if len(gutters) >= 2 and (id_lines >= 2 or (starts_header and len(block) >= 2)):
            found.append((i, block_end, gutters))
            i = block_end
        else:
            i += 1
    # lines above the first table: the rest of a row continued from the previous page?
    first = 0
    while first < len(lines) and lines[first].bottom < 0.08 * page_height:
        first += 1  # running header
    top_end = found[0][0] if found else len(lines)
    if first < top_end:
        above = lines[first:top_end]
        if found and _fits(above, found[0][2]) and _body_like(above, lines[found[0][0] : found[0][1]]):
            found[0] = (first, found[0][1], found[0][2])
        elif template is not None and template.ncols >= 3:
            # the top of the page keeps the previous page's columns (a ruled table may go on without
            # its rules): the page's own gutters line up with the previous gutters or rules
            before = template.gutters or [(x - 3.0, x + 3.0) for x in template.xs[1:-1]]
            end, gutters = _grow_block(lines, first)
            end = min(end, top_end)
            if _gutters_match(gutters, before) and not any(ln.bold for ln in lines[first:end]):
                found.insert(0, (first, end, gutters))
            else:
                end = first
                while end < top_end and _fits([lines[end]], before) and not lines[end].bold:
                    end += 1
                if end > first:
                    found.insert(0, (first, end, list(before)))
    return [_build_unruled(page_no, lines[a:b], gutters) for a, b, gutters in found]


def _body_like(lines: Sequence[Line], block: Sequence[Line]) -> bool:
    """Lines that look like table text, not a heading: no larger than the block's text, not bold."""
    sizes = sorted(ln.size for ln in block)
    body = sizes[len(sizes) // 2] if sizes else 0.0
    return all(ln.size <= body + 0.5 and not ln.bold for ln in lines)


def _gutters_match(a: Sequence[tuple[float, float]], b: Sequence[tuple[float, float]]) -> bool:
    """Same number of gutters, each overlapping its counterpart (the same column layout)."""
    return len(a) == len(b) >= 2 and all(
        a0 <= b1 + 2 and b0 <= a1 + 2 for (a0, a1), (b0, b1) in zip(a, b, strict=True)
    )


def _margin_page_number(line: Line, page_height: float) -> bool:
    in_margin = line.top > 0.9 * page_height or line.bottom < 0.1 * page_height
    return in_margin and bool(PAGE_NUMBER.match(line.text.strip()))


def _fits(lines: Sequence[Line], gutters: Sequence[tuple[float, float]]) -> bool:
    """True when no word of ``lines`` enters any of ``gutters``."""
    return all(
        w.x1 <= a + 0.5 or w.x0 >= b - 0.5 for line in lines for w in line.words for a, b in gutters
    )


_SETTLED = 5  # lines a gutter must survive before a line that fills it ends the block


def _grow_block(lines: Sequence[Line], start: int) -> tuple[int, list[tuple[float, float]]]:
    """Extend a block line by line while its settled gutters survive and no large gap opens.

    The first lines of a block show spurious gutters (a short first line leaves gaps that later
    lines fill); those may vanish. A gutter that has survived several lines is a column boundary: a
    line that fills it (a paragraph or footer below the table) is not part of the table.
    """
    x_min = min(ln.x0 for ln in lines[start:]) - 1
    x_max = max(ln.x1 for ln in lines[start:]) + 1
    end = start + 1
    body_size = lines[start].size
    min_gutter = max(4.0, GUTTER_EM * body_size)
    aged = [(a, b, 1) for a, b in _gutters(lines[start:end], x_min, x_max, min_gutter)]
    pitch = max(6.0, lines[start].bottom - lines[start].top)
    while end < len(lines):
        gap = lines[end].top - lines[end - 1].bottom
        if gap > 3.5 * pitch:
            # cells padded with empty paragraphs leave wide gaps; carry on only if the line keeps
            # to gutters the block has already shown for a few lines
            settled = [(a, b) for a, b, g in aged if g >= 3]
            if len(settled) < 2 or not _fits([lines[end]], settled):
                break
        if lines[end].size > body_size + 1.0 or (end - start >= 2 and _is_strong_header_line(lines[end])):
            break  # a heading, or the header of the next table
        if gap > 2 * pitch and lines[end].size < body_size - 1.0 and not _is_id_line(lines[end]):
            break  # smaller print set apart below the table: a page footer or a footnote
        # a settled gutter may narrow to a sliver (text reaching the cell edge) and still divide
        candidate = _gutters(lines[start : end + 1], x_min, x_max, min_gap=1.5)
        survivors = []
        for a, b in candidate:
            parents = [(ga, gb, g) for ga, gb, g in aged if a < gb and b > ga]
            age = max((g for _, _, g in parents), default=0)
            # narrowed from one side only: text reaching a cell edge, not a line running across
            one_sided = any(abs(a - ga) < 0.01 or abs(b - gb) < 0.01 for ga, gb, _ in parents)
            if b - a >= min_gutter or (age >= _SETTLED and one_sided):
                survivors.append((a, b, age + 1))
        if len(survivors) < 2:
            break
        if any(
            g >= _SETTLED and gb - ga >= min_gutter and not any(a < gb and b > ga for a, b, _ in survivors)
            for ga, gb, g in aged
        ):
            break  # a settled, full-width gutter filled: the line runs across the columns
        aged = survivors
        end += 1
    return end, [(a, b) for a, b, _ in aged]


def _build_unruled(page_no: int, block: Sequence[Line], gutters: Sequence[tuple[float, float]]) -> PageTable:
    """Cut a block into columns at its gutters and into physical rows (see ``band_rows``)."""
    x0 = min(ln.x0 for ln in block)
    x1 = max(ln.x1 for ln in block)
    xs = [x0] + [(a + b) / 2 for a, b in gutters] + [x1]
    table = PageTable(
        page_no, (x0, block[0].top, x1, block[-1].bottom), xs, [], ruled=False, gutters=list(gutters)
    )
    table.rows = band_rows(block, xs, UNRULED_CONFIDENCE)
    table.notes.append(f"page {page_no}: table without ruling read from text positions")
    return table


def band_rows(block: Sequence[Line], xs: Sequence[float], confidence: float) -> list[PageRow]:
    """Cut lines into physical rows at vertical gaps and provision numbers, cells by ``xs``.

    Cell padding makes the gap between two rows wider than the gap between the lines of one cell,
    so a gap clearly above the block's usual line gap starts a row ("band"). Bands are safe to
    over-split: a band without a number is a continuation the builder joins to the row above. A
    second number inside one band also starts a row (tables with no padding), where several cells
    start together. Numbers need not be on a row's first line (a number cell with blank lines
    above the number still lands in its row). The first band is the header when it reads like one.
    """
    ncols = len(xs) - 1
    id_col = _id_column(block, xs)
    threshold = _row_gap_threshold(block)

    def column(w: Word) -> int:
        return min(ncols - 1, max(0, bisect.bisect_right(xs, w.cx) - 1))

    def numbered(line: Line) -> bool:
        first = next((w for w in line.words if column(w) == id_col), None)
        return first is not None and bool(PROVISION_ID.match(first.text.rstrip(":")))

    groups: list[list[Line]] = []  # physical rows as lists of lines
    header = False
    for line in block:
        is_id = numbered(line)
        gap = line.top - groups[-1][-1].bottom if groups else 0.0
        if not groups:
            groups.append([line])
            header = _is_header_line(line) and not is_id
            continue
        current = groups[-1]
        if len(groups) == 1 and header:
            if is_id or line.bold != current[0].bold or len(current) >= 3 or gap > threshold:
                groups.append([line])  # the header has ended
            else:
                current.append(line)
            continue
        if gap > threshold:
            groups.append([line])
        elif is_id and any(numbered(ln) for ln in current):
            # two numbers in one band: find where the second row starts
            start = max(k for k, ln in enumerate(current) if numbered(ln)) + 1
            candidates = [*range(start, len(current)), len(current)]
            # a row's first line starts several cells at once (cells are top-aligned); then the gap
            split = max(
                candidates,
                key=lambda k: (
                    len({column(w) for w in (current[k] if k < len(current) else line).words} - {id_col}),
                    _gap_before(current, line, k),
                    k,
                ),
            )
            groups[-1], moved = current[:split], current[split:]
            groups.append([*moved, line])
        else:
            current.append(line)
    rows: list[PageRow] = []
    for lines in groups:
        buckets: list[list[Word]] = [[] for _ in range(ncols)]
        for line in lines:
            for w in line.words:
                buckets[column(w)].append(w)
        texts = [cell_text(b) for b in buckets]
        conf = confidence
        if any(has_unmapped_glyphs(t) for t in texts):
            conf = min(conf, UNMAPPED_CONFIDENCE)
        rows.append(PageRow([PageCell(t) for t in texts], lines[0].top, lines[-1].bottom, conf))
    return rows


def _gap_before(lines: Sequence[Line], nxt: Line, k: int) -> float:
    """The vertical gap above line ``k`` of ``lines`` (``nxt`` follows the last one), rounded."""
    below = lines[k] if k < len(lines) else nxt
    return round(below.top - lines[k - 1].bottom, 0) if k > 0 else -1.0


def _row_gap_threshold(block: Sequence[Line]) -> float:
    """A vertical gap above which a new physical row starts: clearly wider than line spacing."""
    gaps = sorted(b.top - a.bottom for a, b in itertools.pairwise(block))
    heights = sorted(ln.bottom - ln.top for ln in block)
    height = heights[len(heights) // 2] if heights else 10.0
    base = gaps[len(gaps) // 4] if gaps else 0.0
    return base + max(1.5, 0.3 * height)


def _id_column(block: Sequence[Line], xs: Sequence[float]) -> int:
    """The column whose cells most often start with a provision number (default: the first)."""
    counts = [0] * (len(xs) - 1)
    for line in block:
        w = line.words[0]
        if PROVISION_ID.match(w.text.rstrip(":")):
            counts[min(len(counts) - 1, max(0, bisect.bisect_right(xs, w.cx) - 1))] += 1
        for w in line.words[1:]:
            if PROVISION_ID.match(w.text.rstrip(":")):
                k = min(len(counts) - 1, max(0, bisect.bisect_right(xs, w.cx) - 1))
                if w.x0 - xs[k] < 6:
                    counts[k] += 1
    return max(range(len(counts)), key=lambda k: (counts[k], -k))


def loose_lines(words: Sequence[Word], tables: Sequence[PageTable]) -> list[Line]:
    """Lines made of the words that lie in none of ``tables``."""
    return group_lines(w for w in words if not any(t.contains(w) for t in tables))
