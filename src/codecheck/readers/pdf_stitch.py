"""Put a PDF's pages back together: tables continued over page breaks, and the text around them.

pdfplumber sees one page at a time and declines to join tables across pages (its issue #922), so a
table printed over five pages arrives as five tables, each with the header row Word repeats, and a
row broken by a page break arrives as two rows. Here a table at the top of a page continues the
table at the bottom of the previous page when their column boundaries match and nothing but page
furniture (running headers, page numbers) lies between them. The continuation's pieces are
appended to one ``RawTable``, so table numbers match the DOCX rendition of the same form; the
repeated header row is marked ``is_header`` and the first row after the break
``page_break_before``; the shared builder then joins a first row with an empty provision cell into
the row it continues.

Loose lines (outside tables) become paragraphs for ``Document.text``; the paragraph immediately
before a table becomes its ``heading``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from codecheck.readers.columns import PROVISION_ID
from codecheck.readers.pdf_tables import PageTable
from codecheck.readers.pdf_text import PAGE_NUMBER, Line, join_words
from codecheck.readers.raw import RawCell, RawRow, RawTable

COLUMN_TOLERANCE = 4.0  # points: column boundaries of two pieces of one table agree within this
_DIGITS = re.compile(r"\d+")
# Text that carries on a sentence: a plain lower-case word first (not "www.…", "e.g.", "a)").
_MID_SENTENCE = re.compile(r"[a-z]{2,}[,;:]?(\s|$)")
_PAGE_REF = re.compile(r"page\s*\d+(\s*(of|/)\s*\d+)?")


@dataclass
class PageLayout:
    """What one page holds once its tables are found: the tables and the lines outside them."""

    number: int  # 1-based
    height: float
    tables: list[PageTable]
    lines: list[Line]


@dataclass
class Paragraph:
    text: str
    page: int
    top: float
    size: float
    bold: bool = False  # set wholly in bold (a label or a heading in a labelled-block layout)
    lead: str | None = None  # bold words opening a paragraph that goes on in plain text


@dataclass
class Assembled:
    tables: list[RawTable] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    confidence: dict[tuple[int, int], float] = field(default_factory=dict)  # (table, row) -> 0..1
    merges: list[_Merge] = field(default_factory=list)  # vertically merged cells, in reading order


@dataclass
class _Merge:
    """A vertically merged cell within one page's piece: its first part and the cells it covers."""

    table: int  # RawTable.index
    row: int  # index into RawTable.rows of the row holding the first part
    col: int  # position in that row's ``cells``
    covered: list[RawCell]


def _furniture_key(line: Line, height: float) -> str | None:
    """A key for lines that may be running headers or footers (in the top or bottom 12% of a page)."""
    band = "top" if line.bottom < 0.12 * height else "bottom" if line.top > 0.88 * height else None
    if band is None:
        return None
    return f"{band}:{_DIGITS.sub('#', ' '.join(line.text.lower().split()))}"


def _table_furniture_key(table: PageTable, height: float) -> str | None:
    """A key for a table in the top or bottom 15% of a page (a header or footer laid out as a table)."""
    x0, top, x1, bottom = table.bbox
    band = "top" if bottom < 0.15 * height else "bottom" if top > 0.85 * height else None
    if band is None or len(table.rows) > 3:
        return None

    def cell(text: str) -> str:  # page numbers vary from page to page; provision numbers must not
        text = " ".join(text.lower().split())
        return "#" if PAGE_NUMBER.match(text) else _PAGE_REF.sub("page #", text)

    text = " | ".join(cell(c.text) for r in table.rows for c in r.cells)
    return f"table:{band}:{round(x0)}:{round(x1)}:{text}"


def find_furniture(pages: Sequence[PageLayout]) -> set[str]:
    """Keys of lines and small tables repeated in the page margins of many pages (headers/footers)."""
    counts: Counter[str] = Counter()
    for page in pages:
        keys = {_furniture_key(ln, page.height) for ln in page.lines}
        keys |= {_table_furniture_key(t, page.height) for t in page.tables}
        counts.update(k for k in keys if k)
    threshold = max(2, (len(pages) + 1) // 2)
    return {k for k, n in counts.items() if n >= threshold and len(pages) >= 2}


def is_furniture(line: Line, height: float, furniture: set[str]) -> bool:
    key = _furniture_key(line, height)
    if key is None:
        return False
    return key in furniture or bool(PAGE_NUMBER.match(line.text.strip()))


def _same_columns(a: PageTable, b: PageTable) -> bool:
    """Two pieces share a column layout: ruled boundaries agree; unruled gutters overlap."""
    if a.ncols != b.ncols:
        return False
    if a.ruled and b.ruled:
        return all(abs(x - y) <= COLUMN_TOLERANCE for x, y in zip(a.xs, b.xs, strict=True))
    gaps_a = a.gutters or [(x - COLUMN_TOLERANCE, x + COLUMN_TOLERANCE) for x in a.xs[1:-1]]
    gaps_b = b.gutters or [(x - COLUMN_TOLERANCE, x + COLUMN_TOLERANCE) for x in b.xs[1:-1]]
    return all(
        lo_a <= hi_b and lo_b <= hi_a for (lo_a, hi_a), (lo_b, hi_b) in zip(gaps_a, gaps_b, strict=True)
    )


def _row_key(texts: Sequence[str]) -> tuple[str, ...]:
    return tuple(" ".join(t.lower().split()) for t in texts)


_ITEM_START = re.compile(r"^(\d{1,2}(\.\d{1,2})*[.)]?|[a-z][.)]|\([a-z0-9]{1,3}\)|[•\-–])\s", re.IGNORECASE)


def _paragraphs(lines: Sequence[Line], page: int) -> list[Paragraph]:
    """Group loose lines into paragraphs, as a DOCX reader would see them.

    A line continues the paragraph above when it has the same size and weight and follows at
    line spacing, unless it starts a numbered or lettered item ("1.2 …", "a) …"), or the line above
    ended a sentence well short of the paragraph's right edge (a paragraph's last line).
    """
    out: list[Paragraph] = []
    prev: Line | None = None
    right = 0.0  # right edge of the current paragraph's lines
    page_right = max((ln.x1 for ln in lines), default=0.0)  # the text column's right edge
    for line in lines:
        text = line.text.strip()
        if not text:
            continue
        joins = (
            prev is not None
            and out
            and abs(line.size - prev.size) <= 0.6
            and line.top - prev.bottom <= 0.6 * max(line.size, 1.0)
            and line.bold == prev.bold
            and not _ITEM_START.match(text)
            and not (
                prev.text.rstrip()[-1:] in ".:;!?"
                and prev.x1 < max(right, page_right) - 0.15 * (max(right, page_right) - prev.x0)
            )
        )
        if joins:
            out[-1].text = f"{out[-1].text} {text}"
            right = max(right, line.x1)
        else:
            out.append(Paragraph(text, page, line.top, line.size, line.bold, _bold_lead(line)))
            right = line.x1
        prev = line
    return out


def _bold_lead(line: Line) -> str | None:
    """The bold words opening a line that goes on in plain text ("Do we comply?" then "Yes")."""
    if line.bold or not line.words or not line.words[0].bold:
        return None
    lead = []
    for word in line.words:
        if not word.bold:
            break
        lead.append(word)
    return join_words(lead)


def assemble(pages: Sequence[PageLayout]) -> Assembled:
    """Join table pieces across pages; collect paragraphs and table headings in reading order."""
    result = Assembled()
    furniture = find_furniture(pages)
    last_piece: PageTable | None = None  # the piece that ended the previous page's last table
    current: RawTable | None = None
    header_key: tuple[str, ...] | None = None
    tail_clear = False  # nothing but furniture below the last table of the previous page
    stitched = 0
    prev_item: object = None  # the paragraph or table piece before the current item
    piece_notes: list[str] = []
    for page in pages:
        body = [ln for ln in page.lines if not is_furniture(ln, page.height, furniture)]
        items: list[tuple[float, object]] = [
            (t.bbox[1], t) for t in page.tables if _table_furniture_key(t, page.height) not in furniture
        ]
        items += [(p.top, p) for p in _paragraphs(body, page.number)]
        items.sort(key=lambda it: it[0])
        for pos, (_, item) in enumerate(items):
            if isinstance(item, Paragraph):
                if (
                    pos == 0
                    and isinstance(prev_item, Paragraph)
                    and prev_item.page == page.number - 1
                    and prev_item.text[-1:] not in ".:;!?"
                    and item.text[:1].islower()
                ):
                    prev_item.text = f"{prev_item.text} {item.text}"  # a sentence broken by the page
                    continue
                result.paragraphs.append(item)
                prev_item = item
                continue
            assert isinstance(item, PageTable)
            continues = (
                pos == 0
                and tail_clear
                and last_piece is not None
                and current is not None
                and last_piece.page == page.number - 1
                and _same_columns(last_piece, item)
            )
            if continues and current is not None:
                _append_piece(result, current, item, header_key, page_break=True)
                stitched += 1
            else:
                heading = prev_item.text if isinstance(prev_item, Paragraph) else None
                current = RawTable(
                    rows=[], index=len(result.tables) + 1, page=page.number, heading=heading,
                    ncols=item.ncols,
                )
                result.tables.append(current)
                header_key = _row_key([c.text for c in item.rows[0].cells]) if item.rows else None
                _append_piece(result, current, item, None, page_break=False)
            piece_notes.extend(item.notes)
            last_piece = item
            prev_item = item
        last_is_table = bool(items) and isinstance(items[-1][1], PageTable)
        tail_clear = last_is_table
        if not last_is_table:
            last_piece = None
    result.notes.extend(_by_page(piece_notes))
    lifted = sum(_lift_numbers(t) for t in result.tables)
    for t in result.tables:
        _rejoin_hyphenated(t)
    _join_merges_across_breaks(result)
    if stitched:
        result.notes.append(f"{stitched} table piece(s) joined across page breaks")
    if lifted:
        result.notes.append(
            f"{lifted} row(s) broken by a page break before their number was printed: number moved up"
        )
    return result


def _lift_numbers(table: RawTable) -> int:
    """Give a row broken by a page break its number when the number only printed after the break.

    A number cell with blank lines above the number (or bottom/centre alignment) can leave the
    page-N part of a row with an empty number cell, while the part on page N+1 carries the number
    and text that continues mid-sentence (starts with a lower-case letter). The builder would join
    the page-N part to the row above; moving the number up keeps the row whole instead.
    """
    moved = 0
    for i, post in enumerate(table.rows):
        if not post.page_break_before:
            continue
        pre = next((r for r in reversed(table.rows[:i]) if not r.is_header), None)
        if pre is None or pre.page == post.page or len(pre.cells) != len(post.cells):
            continue
        if [c.span for c in pre.cells] != [c.span for c in post.cells]:
            continue
        k = next((j for j, c in enumerate(post.cells) if PROVISION_ID.match(c.text.strip())), None)
        if k is None or pre.cells[k].text.strip():
            continue
        if any(PROVISION_ID.match(c.text.strip()) for c in pre.cells):
            continue
        continues_sentence = any(
            j != k and a.text.strip() and _MID_SENTENCE.match(_first_text_after(table.rows, i, j, k))
            for j, a in enumerate(pre.cells)
        )
        if continues_sentence:
            pre.cells[k].text, post.cells[k].text = post.cells[k].text, ""
            moved += 1
    return moved


def _append_piece(
    result: Assembled,
    table: RawTable,
    piece: PageTable,
    header_key: tuple[str, ...] | None,
    page_break: bool,
) -> None:
    """Add a page's piece of a table: repeated header rows flagged, the break marked on the next row."""
    break_pending = page_break
    heads: dict[int, _Merge] = {}  # grid column -> the merged cell open there
    for k, prow in enumerate(piece.rows):
        texts = [c.text for c in prow.cells]
        is_repeat = page_break and k == 0 and header_key is not None and _row_key(texts) == header_key
        raw = RawRow(
            cells=[RawCell(c.text, _mark(c.text), c.span, c.merged_from_above) for c in prow.cells],
            index=len(table.rows) + 1,
            page=piece.page,
            is_header=is_repeat,
            page_break_before=break_pending and not is_repeat,
            bbox=(piece.bbox[0], prow.top, piece.bbox[2], prow.bottom),
        )
        if is_repeat and table.rows:
            table.rows[0].is_header = True  # the first instance is the same header
        if not is_repeat:
            break_pending = False
        col = 0
        for pos, (pc, rc) in enumerate(zip(prow.cells, raw.cells, strict=True)):
            if pc.merged_below:
                heads[col] = _Merge(table.index, len(table.rows), pos, [])
                result.merges.append(heads[col])
            elif pc.merged_from_above and col in heads:
                heads[col].covered.append(rc)
            col += max(pc.span, 1)
        table.rows.append(raw)
        result.confidence[(table.index, raw.index)] = prow.confidence


def _join_merges_across_breaks(result: Assembled) -> None:
    """Read a merged cell that runs over page breaks as one cell, in every row it covers.

    A merged cell that runs over a page break is drawn as one box per page: the part on page N ends
    the row broken by the break (or covers it), the part on page N+1 starts that row's continuation
    and reaches down over the rows below. Every row the whole merge covers should cite the whole
    cell, not just the part printed on its own page. The parts are joined in reading order; the
    first part's cell holds the whole text as its own, the later parts (in continuation rows of the
    broken row) become repeats flagged ``merged_from_above``, so the builder does not append them to
    the broken row a second time. A merge whose first part is in a row with a number of its own
    starts there, and is left alone.
    """
    tables = {t.index: t for t in result.tables}
    owner: dict[int, _Chain] = {}  # id(RawCell) -> the chain of parts the cell belongs to
    chains: list[_Chain] = []
    for merge in result.merges:  # in reading order, so a merge over two breaks grows page by page
        rows = tables[merge.table].rows
        post = rows[merge.row]
        head = post.cells[merge.col]
        chain = _linked_chain(rows, merge, owner)
        if chain is None:
            chain = _Chain([head], [])
        else:
            chain.parts.append(head)
            if len(chain.parts) == 2:
                chains.append(chain)
        chain.covered.extend(merge.covered)
        for cell in (head, *merge.covered):
            owner[id(cell)] = chain
    for chain in chains:
        whole = " ".join(t for t in (p.text.strip() for p in chain.parts) if t)
        checked = _mark(whole)
        for cell in (*chain.parts, *chain.covered):
            cell.text, cell.checked = whole, checked  # one string, shared by every cell
        for cell in chain.parts[1:]:
            cell.merged_from_above = True


@dataclass
class _Chain:
    """The parts of one merged cell printed on successive pages, and the cells it covers."""

    parts: list[RawCell]
    covered: list[RawCell]


def _linked_chain(rows: Sequence[RawRow], merge: _Merge, owner: dict[int, _Chain]) -> _Chain | None:
    """The chain ``merge`` continues over a page break (created for a plain cell), or None."""
    post = rows[merge.row]
    if not post.page_break_before:
        return None
    if any(PROVISION_ID.match(c.text.strip()) for c in post.cells):
        return None  # a provision starts on the new page: the merge starts there too
    pre = next((r for r in reversed(rows[: merge.row]) if not r.is_header), None)
    if pre is None or pre.page == post.page:
        return None
    if [c.span for c in pre.cells] != [c.span for c in post.cells]:
        return None
    cell = pre.cells[merge.col]
    chain = owner.get(id(cell))
    if chain is None:  # the merge starts in the broken row itself
        chain = _Chain([cell], [])
        owner[id(cell)] = chain
    return chain


def _by_page(notes: Sequence[str]) -> list[str]:
    """Fold "page N: what" notes into one line per "what", listing the pages."""
    pages: dict[str, list[str]] = {}
    other: list[str] = []
    for note in notes:
        match = re.match(r"page (\d+): (.+)$", note)
        if match:
            listed = pages.setdefault(match.group(2), [])
            if match.group(1) not in listed:
                listed.append(match.group(1))
        else:
            other.append(note)
    folded = [f"{what} (page{'s' if len(ps) > 1 else ''} {', '.join(ps)})" for what, ps in pages.items()]
    return folded + other


def _rejoin_hyphenated(table: RawTable) -> None:
    """Rejoin a word broken after its own hyphen at a page break ("CR-" | "06" -> "CR-06").

    Within a cell, lines are rejoined this way when they are read (``pdf_text.join_lines``); across
    a page break the two halves sit in different rows, which the builder joins with a space.
    """
    for i, post in enumerate(table.rows):
        if not post.page_break_before:
            continue
        pre = next((r for r in reversed(table.rows[:i]) if not r.is_header), None)
        if pre is None or [c.span for c in pre.cells] != [c.span for c in post.cells]:
            continue
        for above, below in zip(pre.cells, post.cells, strict=True):
            head, tail = above.text.rstrip(), below.text.lstrip()
            if len(head) >= 2 and head.endswith("-") and head[-2].isalnum() and tail[:1].isalnum():
                word, _, rest = tail.partition(" ")
                above.text, below.text = head + word, rest


def _first_text_after(rows: Sequence[RawRow], start: int, col: int, id_col: int) -> str:
    """The first text in column ``col`` from row ``start`` on, within the row numbered at ``start``."""
    for n, row in enumerate(rows[start:]):
        numbered = id_col < len(row.cells) and bool(row.cells[id_col].text.strip())
        if n and numbered:
            break  # the next provision's row
        if col < len(row.cells) and row.cells[col].text.strip():
            return row.cells[col].text.strip()
    return ""


def _mark(text: str) -> bool | None:
    from codecheck.readers.pdf_text import cell_mark

    return cell_mark(text)
