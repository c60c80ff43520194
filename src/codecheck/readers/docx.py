"""Read a DOCX self-assessment: one linear pass over ``word/document.xml``.

The body is walked in order (paragraphs, tables, block-level content controls). Each table becomes a
``RawTable`` (grid columns tracked through ``w:gridBefore``/``w:gridSpan``; a ``w:vMerge``
continuation cell repeats its merged cell's text flagged ``merged_from_above``, for the builder to
give to a new provision and drop within one; ``w:tblHeader`` rows flagged) and the shared builder
(``readers.rows.build_rows``) turns them into provision rows.
A single-column layout table that wraps the real form is looked through, and a whole form nested in
a layout cell is read as its own table; other nested tables are flattened into their cell's text.
Rows carry page numbers only when Word saved its layout (``w:lastRenderedPageBreak``). Page header
and footer text is kept with the loose text (titles, version marks and dates for detection).
"""

from __future__ import annotations

import re
from pathlib import Path

from codecheck.errors import InputError
from codecheck.limits import Limits, effective
from codecheck.model import DEEP_TABLES, Document, ReaderNote
from codecheck.readers.answers import glyph_state
from codecheck.readers.cell_budget import CellBudget
from codecheck.readers.docx_xml import (
    CUSTOMXML,
    INS,
    MOVETO,
    SDT,
    SDTCONTENT,
    TBL,
    TC,
    TR,
    VAL,
    P,
    count_tracked,
    on,
    paragraph_style,
    paragraph_text,
    parse_xml,
    showing_placeholder,
    w,
)
from codecheck.readers.raw import RawCell, RawRow, RawTable
from codecheck.readers.rows import assessment_tables, build_rows, no_assessment

_WRAPPERS = (SDT, CUSTOMXML, INS, MOVETO)
_TCPR, _GRIDSPAN, _VMERGE = w("tcPr"), w("gridSpan"), w("vMerge")
_PLACEHOLDER_TITLE = re.compile(
    r"^(document\s*\d*|microsoft word\b.*|untitled.*|title|new document|\W*)$", re.I
)


def _unwrap(parent, want: str):
    """Children of ``parent`` with tag ``want``, looking through content controls and tracked inserts."""
    for child in parent:
        tag = child.tag
        if tag == want:
            yield child
        elif tag in _WRAPPERS:
            inner = child.find(SDTCONTENT) if tag == SDT else child
            if inner is not None:
                yield from _unwrap(inner, want)


def _int_attr(el, default: int = 0) -> int:
    if el is None:
        return default
    try:
        return max(int(el.get(VAL, default)), 0)
    except ValueError:
        return default


class _Reader:
    def __init__(self, path: Path, limits: Limits) -> None:
        self.path = path
        self.limits = limits
        self.tables: list[RawTable] = []
        self.table_texts: dict[int, list[str]] = {}
        self.paragraphs: list[str] = []
        self.styled_title: str | None = None
        self.pending_heading: str | None = None
        self.nrows = 0
        # A w:vMerge continuation costs ~50 bytes of XML but repeats its merged cell's text: the
        # document's budget bounds what is repeated (and cuts over-long cells)
        self.budget = CellBudget(limits)
        self.flattened = 0
        self.too_deep = 0
        self.paged = False  # the file carries Word's page layout (set by read_docx)
        self.page = 1
        self.deferred: list[tuple[object, int]] = []  # nested form tables, read after their parent
        self.flow: list[tuple[object, int | None]] = []  # paragraphs and tables in order, with pages
        self.tr_order: dict[object, int] = {}  # every w:tr of the body -> its place in document order

    # ------------------------------------------------------------------ body

    def block(self, parent) -> None:
        """Walk block-level content in document order."""
        for child in parent:
            tag = child.tag
            if tag == P:
                self.advance_pages(child)
                text = paragraph_text(child)
                if text:
                    self.flow.append((child, self.page if self.paged else None))
                    self.paragraphs.append(text)
                    style = (paragraph_style(child) or "").lower()
                    if self.styled_title is None and (style == "title" or style.startswith("heading")):
                        self.styled_title = text
                    if len(text) <= 300:
                        self.pending_heading = text
            elif tag == TBL:
                self.table(child, depth=1)
            elif tag == SDT:
                content = child.find(SDTCONTENT)
                if content is not None:
                    self.block(content)
            elif tag in _WRAPPERS:
                self.block(child)

    # ------------------------------------------------------------------ pages

    def advance_pages(self, el) -> None:
        """Count the page breaks Word recorded at its last layout (``w:lastRenderedPageBreak``)."""
        if self.paged:
            self.page += sum(1 for _ in el.iter(RENDERED_BREAK))

    def row_page(self, tr) -> int | None:
        """The page a table row starts on: Word marks a row that begins a new page with a rendered
        break in the first run of its cells; breaks further in mean the row runs onto the next page."""
        if not self.paged:
            return None
        starts_new = False
        for tc in _unwrap(tr, TC):
            first_p = tc.find(P)
            if first_p is not None and _break_before_text(first_p):
                starts_new = True
        total = sum(1 for _ in tr.iter(RENDERED_BREAK))
        page = self.page + (1 if starts_new else 0)
        self.page += total
        return page

    # ------------------------------------------------------------------ tables

    def table(self, tbl, depth: int) -> None:
        if depth > self.limits.max_nesting:
            self.too_deep += 1
            return
        grid = tbl.find(w("tblGrid"))
        ncols = len(grid.findall(w("gridCol"))) if grid is not None else 0
        trs = list(_unwrap(tbl, TR))
        if self._is_wrapper(trs, ncols):
            for tr in trs:
                for tc in _unwrap(tr, TC):
                    self.block_in_wrapper(tc, depth)
            return
        if len(self.tables) >= self.limits.max_tables:
            raise InputError(f"more than {self.limits.max_tables} tables", self.path)
        index = len(self.tables) + 1
        rows: list[RawRow] = []
        texts: list[str] = []
        above: dict[int, RawCell] = {}  # grid column -> the merged cell a w:vMerge continue there repeats
        for tr in trs:
            trpr = tr.find(w("trPr"))
            is_header = False
            if trpr is not None:
                if trpr.find(w("del")) is not None:
                    continue  # a tracked row deletion: read as accepted
                hdr = trpr.find(w("tblHeader"))
                is_header = hdr is not None and on(hdr)
            self.nrows += 1
            if self.nrows > self.limits.max_rows:
                raise InputError(f"more than {self.limits.max_rows} table rows", self.path)
            cells: list[RawCell] = []
            before = min(_int_attr(trpr.find(w("gridBefore")) if trpr is not None else None), 64)
            col = before
            if before:
                cells.append(RawCell("", None, before))
            page = self.row_page(tr)
            placed: dict[int, RawCell] = {}
            for tc in _unwrap(tr, TC):
                root = above.get(col)
                cell = self.cell(tc, depth, root)
                cells.append(cell)
                # a continuation passes its merged cell's first part on to the rows below it
                placed[col] = root if cell.merged_from_above and root is not None else cell
                col += cell.span
                if cell.text and not cell.merged_from_above:
                    texts.append(cell.text)
            above = placed
            rows.append(
                RawRow(
                    cells=cells,
                    index=len(rows) + 1,
                    page=page,
                    is_header=is_header,
                    anchor=self.tr_order.get(tr),
                )
            )
        widest = max((sum(c.span for c in r.cells) for r in rows), default=0)
        self.tables.append(
            RawTable(
                rows=rows,
                index=index,
                page=rows[0].page if rows else None,
                heading=self.pending_heading,
                ncols=max(ncols, widest),
                nested=depth > 1,
            )
        )
        self.table_texts[index] = texts
        self.flow.append((self.tables[-1], self.tables[-1].page))
        self.pending_heading = None
        # forms nested inside this table's cells follow it, in order
        deferred, self.deferred = self.deferred, []
        for nested_tbl, nested_depth in deferred:
            self.table(nested_tbl, nested_depth)

    def _is_wrapper(self, trs, ncols: int) -> bool:
        """A one-column layout table whose cells hold tables: look through it to the real tables."""
        if ncols > 1 or not trs:
            return False
        return any(tc.find(TBL) is not None for tr in trs for tc in _unwrap(tr, TC))

    def block_in_wrapper(self, tc, depth: int) -> None:
        for child in tc:
            if child.tag == TBL:
                self.table(child, depth + 1)
            elif child.tag == P:
                self.advance_pages(child)
                text = paragraph_text(child)
                if text:
                    self.flow.append((child, self.page if self.paged else None))
                    self.paragraphs.append(text)
                    self.pending_heading = text if len(text) <= 300 else self.pending_heading
            elif child.tag in _WRAPPERS:
                self.block_in_wrapper(child.find(SDTCONTENT) if child.tag == SDT else child, depth)

    def cell(self, tc, depth: int, above: RawCell | None = None) -> RawCell:
        """One cell; ``above`` is the cell starting at the same grid column in the row above (for a
        merged cell reaching that row, its first part).

        A ``w:vMerge`` continuation shows nothing of its own (Word draws the merged cell's first part
        over it), so it repeats ``above``'s text, flagged: the same string object, not a copy, and
        within the document's ``CellBudget``.
        """
        tcpr = tc.find(_TCPR)
        span = 1
        if tcpr is not None:
            span = min(max(_int_attr(tcpr.find(_GRIDSPAN), 1), 1), 64)  # Word allows 63 columns
            vm = tcpr.find(_VMERGE)
            if vm is not None and vm.get(VAL, "continue") != "restart":
                if above is None:  # nothing above to continue (first row, or a ragged grid)
                    return RawCell("", None, span, merged_from_above=True)
                if not self.budget.carry(above.text):
                    return RawCell("", above.checked, span, merged_from_above=True)
                return RawCell(above.text, above.checked, span, merged_from_above=True)
        parts: list[str] = []
        self._cell_blocks(tc, parts, depth)
        text = self.budget.clip(" ".join(p for p in parts if p))
        return RawCell(text=text, checked=glyph_state(text), span=span, fill=_shading(tcpr))

    def _cell_blocks(self, parent, parts: list[str], depth: int) -> None:
        for child in parent:
            tag = child.tag
            if tag == P:
                parts.append(paragraph_text(child))
            elif tag == TBL:
                if depth + 1 > self.limits.max_nesting:
                    self.too_deep += 1
                    continue
                if _looks_like_form(child):
                    self.deferred.append((child, depth + 1))  # a whole form inside a layout cell
                    continue
                self.flattened += 1
                for tr in _unwrap(child, TR):
                    for inner in _unwrap(tr, TC):
                        self._cell_blocks(inner, parts, depth + 1)
            elif tag == SDT:
                content = child.find(SDTCONTENT)
                if content is not None and not showing_placeholder(child):
                    self._cell_blocks(content, parts, depth)
            elif tag in _WRAPPERS:
                self._cell_blocks(child, parts, depth)


RENDERED_BREAK = w("lastRenderedPageBreak")


def _shading(tcpr) -> str | None:
    """A cell's background colour (``w:shd w:fill``, RRGGBB), for a RAG status shown by colour."""
    shd = tcpr.find(w("shd")) if tcpr is not None else None
    fill = (shd.get(w("fill")) or "") if shd is not None else ""
    return fill.upper() if len(fill) == 6 and fill.lower() != "auto" else None


def _break_before_text(p) -> bool:
    """Does a rendered page break come before any text in this paragraph?"""
    for el in p.iter(RENDERED_BREAK, w("t")):
        return el.tag == RENDERED_BREAK
    return False


def _looks_like_form(tbl) -> bool:
    """Is a nested table a self-assessment in its own right (its first row a form header), rather
    than a small table inside an evidence cell, which is read as part of that cell's text?"""
    from codecheck.readers.columns import looks_like_header, roles_from_header

    first = next(iter(_unwrap(tbl, TR)), None)
    if first is None:
        return False
    texts = [" ".join(paragraph_text(p) for p in tc.iter(P)) for tc in _unwrap(first, TC)]
    cmap = roles_from_header(texts)
    return cmap is not None and cmap.is_assessment and looks_like_header(texts)


def _core_title(pkg, path: Path) -> str | None:
    if not pkg.has("docProps/core.xml"):
        return None
    try:
        root = parse_xml(pkg.read("docProps/core.xml"), path, "docProps/core.xml")
    except InputError:
        return None
    el = root.find("{http://purl.org/dc/elements/1.1/}title")
    title = " ".join((el.text or "").split()) if el is not None else ""
    # Word fills the property with placeholders ("Document1", "Microsoft Word - form.docx") that say
    # nothing about the form; the document's own title paragraph is better then
    if not title or _PLACEHOLDER_TITLE.match(title):
        return None
    return title


def _header_footer_text(pkg, path: Path) -> list[str]:
    """Paragraphs of the page headers and footers, where forms often carry their title, version
    ("2024 V3") and date; a damaged header part is ignored rather than failing the document."""
    seen: dict[str, None] = {}  # first occurrences, in order (a header can hold 100,000 paragraphs)
    parts = sorted(n for n in pkg.names if re.fullmatch(r"word/(header|footer)\d*\.xml", n))
    for name in parts[:12]:
        try:
            root = parse_xml(pkg.read(name), path, name)
        except InputError:
            continue
        for p in root.iter(P):
            text = paragraph_text(p)
            if text:
                seen.setdefault(text, None)
    return list(seen)


def read_docx(path: Path, limits: Limits | None = None) -> Document:
    """Read a DOCX file into a ``Document``; raises ``InputError`` naming the file on bad input."""
    from codecheck.readers.sniff import open_package

    lim = effective(limits)
    with open_package(path, lim) as pkg:
        root = parse_xml(pkg.read("word/document.xml"), path, "word/document.xml")
        core_title = _core_title(pkg, path)
        margins = _header_footer_text(pkg, path)
        styles = pkg.read("word/styles.xml") if pkg.has("word/styles.xml") else None
    body = root.find(w("body"))
    if body is None:
        raise InputError("word/document.xml has no document body", path)
    reader = _Reader(path, lim)
    # Page numbers exist only where Word saved its layout; files written by other tools have none,
    # and then rows carry no page rather than a guessed one.
    reader.paged = next(body.iter(RENDERED_BREAK), None) is not None
    reader.tr_order = {tr: i for i, tr in enumerate(body.iter(TR))}
    reader.block(body)
    rows, notes = build_rows(reader.tables, lim.max_cell_chars)
    paragraphs = list(reader.paragraphs)
    if not rows:
        # no form table: the provisions may be laid out as labelled paragraphs
        from codecheck.readers.blocks import build_blocks
        from codecheck.readers.docx_blocks import block_items

        blocks = build_blocks(block_items(reader.flow, styles, path), lim.max_cell_chars)
        rows, notes, paragraphs = blocks.rows, blocks.notes, blocks.loose
    if not rows:
        raise no_assessment(path, len(reader.tables))
    used = assessment_tables(rows)
    # page headers first: they sit above the body on every page and carry the form's title and date
    in_body = set(paragraphs)
    text = [t for t in margins if t not in in_body] + paragraphs
    for index, texts in reader.table_texts.items():
        if index not in used:
            text.extend(texts)
    tracked = count_tracked(body)
    said: list[ReaderNote] = []  # in the order a reader sees them
    if tracked:
        what = f"tracked changes present ({tracked} marks)"
        said.append(ReaderNote("tracked-changes", f"{what}: read as accepted, deleted text ignored"))
    if reader.flattened:
        what = f"{reader.flattened} nested table(s)"
        said.append(ReaderNote("nested-tables", f"{what} read as part of their cell's text"))
    if reader.too_deep:
        what = f"{reader.too_deep} table(s) nested over {lim.max_nesting} levels deep"
        said.append(ReaderNote(DEEP_TABLES, f"{what} were skipped"))
    said += reader.budget.notes()
    skipped = len(reader.tables) - len(used)
    if skipped:
        what = f"{skipped} table(s) are not self-assessment tables"
        said.append(ReaderNote("tables-skipped", f"{what} and were not read as rows"))
    said += notes
    title = core_title or reader.styled_title or next((p for p in reader.paragraphs if len(p) <= 200), None)
    if reader.paged:
        said.append(ReaderNote("page-numbers", "page numbers are from Word's last saved layout"))
    pages = reader.page if reader.paged else None
    return Document(
        path=path,
        format="docx",
        rows=rows,
        text=text,
        title=title,
        pages=pages,
        notes=said,
        tracked_changes=tracked,
    )
