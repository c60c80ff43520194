"""Read a PDF self-assessment into a ``Document``.

Per page, pdfplumber parses the content stream once; the words (``pdf_text``) and the ruled-table
grid (``pdf_tables``) are both taken from that one parse, then the page is closed to release its
caches. Pages with words but no ruled table are tried for an unruled table. ``pdf_stitch`` joins
table pieces across page breaks and gathers the text around them, and the shared builder
(``readers.rows``) turns the resulting ``RawTable``s into rows exactly as it does for DOCX.

Every failure a user can cause is an ``InputError`` naming the file: not a PDF, corrupt or
truncated, password-protected, too many pages, no text layer (a scan: OCR needed), or no
self-assessment table.
"""

from __future__ import annotations

import logging
from bisect import bisect_right
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING

from codecheck.errors import InputError, NoAssessmentError
from codecheck.limits import Limits, effective
from codecheck.model import SCANNED_PAGES, Document, ReaderNote, Row
from codecheck.readers.cell_budget import CellBudget
from codecheck.readers.raw import RawTable

if TYPE_CHECKING:  # heavy modules: imported where they are used
    from pdfplumber.pdf import PDF

    from codecheck.readers.blocks import BlockItem
    from codecheck.readers.pdf_stitch import PageLayout, Paragraph
    from codecheck.readers.pdf_tables import PageTable

# Edges pdfplumber's table finder intersects pairwise; a form page has a few hundred at most.
MAX_DRAWN_OBJECTS = 5000
_ENCRYPTED = "encrypted PDF: it needs a password to open (password-protected); save an unprotected copy"


def read_pdf(path: Path, limits: Limits | None = None) -> Document:
    """Read the self-assessment rows and the loose text of a PDF."""
    from codecheck.readers.blocks import build_blocks
    from codecheck.readers.pdf_stitch import assemble
    from codecheck.readers.rows import build_rows

    path = Path(path)
    lim = effective(limits)
    _check_header(path, lim)
    from codecheck.readers.pdf_guard import bounded

    with _quiet_pdfminer(), bounded(path, lim):
        layouts, stats = _read_pages(path, lim)
    if stats.chars == 0:
        if stats.images:
            raise InputError(
                "PDF has no text layer (scanned or image-only pages); run OCR on it first", path
            )
        raise InputError("PDF has no text to read (no text layer)", path)
    assembled = assemble(layouts)
    tables = assembled.tables
    if len(tables) > lim.max_tables:
        raise InputError(f"PDF has {len(tables)} tables, over the {lim.max_tables} limit", path)
    if sum(len(t.rows) for t in tables) > lim.max_rows:
        raise InputError(f"PDF has more than {lim.max_rows} table rows, over the limit", path)
    notes = [ReaderNote("page-layout", n) for n in stats.notes]
    notes += [ReaderNote("page-breaks", n) for n in assembled.notes]
    notes += _bound_cells(tables, lim)
    rows, row_notes = build_rows(tables, lim.max_cell_chars)
    text = [p.text for p in assembled.paragraphs]
    if not rows:
        # no form table: the provisions may be laid out as labelled paragraphs (a printed web page)
        blocks = build_blocks(block_items(assembled.paragraphs), lim.max_cell_chars)
        rows, row_notes, text = blocks.rows, blocks.notes, blocks.loose
    notes += row_notes
    if not rows:
        what = "no tables" if not tables else f"{len(tables)} table(s), none of them a self-assessment"
        scanned = stats.scanned_note()
        raise NoAssessmentError(
            f"no self-assessment table found ({what}: expected rows with a provision number, "
            "the Code requirement and a Comply answer)" + (f"; {scanned}" if scanned else ""),
            path,
        )
    _apply_confidence(rows, assembled.confidence, tables)
    scanned = stats.scanned_note()
    if scanned:
        notes.append(ReaderNote(SCANNED_PAGES, f"{scanned}: rows on them cannot be read"))
    if stats.unmapped:
        notes.append(
            ReaderNote(
                "unmapped-glyphs",
                f"{stats.unmapped} cell(s) hold glyphs without Unicode text ((cid:NN)); check them",
            )
        )
    return Document(
        path=path,
        format="pdf",
        rows=rows,
        text=text,
        title=_title(assembled.paragraphs),
        pages=stats.pages,
        notes=notes,
    )


@contextmanager
def _quiet_pdfminer() -> Iterator[None]:
    """Silence pdfminer's warnings (odd fonts, broken xrefs) while reading.

    Without a handler Python prints them on stderr, and untrusted PDFs can produce hundreds: the
    CLI promises one line per problem. What matters to the user surfaces as notes or an InputError.
    """
    logger = logging.getLogger("pdfminer")
    previous = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(previous)


class _Stats:
    """Counts gathered while reading pages, for errors and notes."""

    def __init__(self) -> None:
        self.pages = 0
        self.chars = 0
        self.images = 0
        self.unmapped = 0
        self.scanned: list[int] = []  # pages with images but no text layer
        self.notes: list[str] = []

    def scanned_note(self) -> str | None:
        if not self.scanned:
            return None
        listed = ", ".join(str(p) for p in self.scanned[:10]) + (" …" if len(self.scanned) > 10 else "")
        plural = "s" if len(self.scanned) > 1 else ""
        return f"page{plural} {listed} {'are' if plural else 'is'} scanned images without text (OCR needed)"


def _check_header(path: Path, lim: Limits) -> None:
    """Sniff the bytes (the extension can lie) and the size before handing the file to the parser.

    The same checks as for any document (``sniff``), so a PDF read directly gets the same errors.
    """
    from codecheck.readers.sniff import sniff

    if sniff(path, lim) != "pdf":
        raise InputError("not a PDF file (no %PDF- header)", path)


def _open(path: Path) -> PDF:
    """Open with pdfplumber, mapping the parser's exceptions to one-line errors."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    try:
        return pdfplumber.open(path)
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise InputError(_ENCRYPTED, path) from None
    except Exception as exc:  # pdfminer raises many types (PSEOF, PDFSyntaxError, ValueError, …)
        _reraise_bound(exc)
        if _is_password_error(exc):
            raise InputError(_ENCRYPTED, path) from None
        raise InputError(f"corrupt or truncated PDF ({type(exc).__name__})", path) from None


def _chain(exc: BaseException | None) -> Iterator[BaseException]:
    """``exc`` and the exceptions it wraps (pdfplumber re-raises pdfminer's errors as its own)."""
    seen = 0
    while exc is not None and seen < 5:
        yield exc
        exc = exc.__cause__ or exc.__context__
        seen += 1


def _reraise_bound(exc: BaseException) -> None:
    """Let a limit reached inside pdfminer (``pdf_guard``), or running out of memory, through the
    parse-error handling: pdfplumber wraps both in its own exception, which would read as "corrupt"."""
    for inner in _chain(exc):
        if isinstance(inner, InputError):
            raise inner.with_traceback(None) from None
        if isinstance(inner, MemoryError):
            raise MemoryError from None


def _is_password_error(exc: BaseException) -> bool:
    return any("Password" in type(e).__name__ or "Encryption" in type(e).__name__ for e in _chain(exc))


def _read_pages(path: Path, lim: Limits) -> tuple[list[PageLayout], _Stats]:
    """Lay out every page once: words, ruled tables, unruled tables, loose lines.

    Unruled tables are looked for once every page has been seen, among lines that are not page
    furniture: a running footer (a browser prints the page's address at the foot of every page)
    lines up with a table's columns as well as any row does.
    """
    from codecheck.readers.pdf_stitch import PageLayout, find_furniture, is_furniture
    from codecheck.readers.pdf_tables import header_like, loose_lines, ruled_tables, unruled_tables
    from codecheck.readers.pdf_text import has_unmapped_glyphs, page_words

    stats = _Stats()
    ruled: list[PageLayout] = []  # per page: its ruled tables and the lines outside them
    pdf = _open(path)
    try:
        try:
            pages = pdf.pages
        except Exception as exc:
            raise _parse_error(path, exc) from None
        if len(pages) > lim.max_pages:
            raise InputError(
                f"PDF has {len(pages)} pages, over the {lim.max_pages}-page limit", path
            )
        stats.pages = len(pages)
        for number, page in enumerate(pages, start=1):
            try:
                words = page_words(page)
                chars, images = len(page.chars), len(page.images)
                stats.chars += chars
                stats.images += images
                if images and not chars:
                    stats.scanned.append(number)
                tables: list[PageTable] = []
                if words:
                    drawn = len(page.rects) + len(page.lines) + len(page.curves)
                    if drawn <= MAX_DRAWN_OBJECTS:
                        tables = ruled_tables(page, number, words)
                    else:  # a chart or a vector drawing, not a form: bound the grid search
                        stats.notes.append(
                            f"page {number}: {drawn} drawn objects, ruled tables not searched"
                        )
                lines = loose_lines(words, tables)
                height = float(page.height)
            except InputError:
                raise
            except Exception as exc:
                raise _parse_error(path, exc, number) from None
            finally:
                _close_quietly(page)
            ruled.append(PageLayout(number, height, tables, lines))
    finally:
        _close_quietly(pdf)
    furniture = find_furniture(ruled)
    layouts: list[PageLayout] = []
    carry = None
    for layout in ruled:
        number, height, tables, lines = layout.number, layout.height, layout.tables, layout.lines
        # a table's header row repeated at the top of every page (all its lines) is the table's, not
        # furniture: only what stands above it can be a running header
        head = min((ln.top for ln in lines if header_like(ln)), default=height)
        body = [
            ln for ln in lines if head <= ln.top < 0.5 * height or not is_furniture(ln, height, furniture)
        ]
        extra = unruled_tables(number, body, height, carry) if body else []
        if extra:
            tables = sorted(tables + extra, key=lambda t: t.bbox[1])
            lines = loose_lines([w for ln in lines for w in ln.words], extra)
        stats.unmapped += sum(
            1 for t in tables for r in t.rows for c in r.cells if has_unmapped_glyphs(c.text)
        )
        layouts.append(PageLayout(number, height, tables, lines))
        # an unruled table running to the foot of the page may continue on the next one
        carry = None
        if tables and not any(tables[-1].bbox[3] < ln.top < 0.9 * height for ln in body):
            carry = tables[-1]
    return layouts, stats


def _close_quietly(obj: object) -> None:
    """Release parser caches; closing a damaged document can raise the parse error again."""
    with suppress(Exception):  # the error that matters has already been raised
        obj.close()  # type: ignore[attr-defined]


def _parse_error(path: Path, exc: BaseException, page: int | None = None) -> InputError:
    _reraise_bound(exc)
    if _is_password_error(exc):
        return InputError(_ENCRYPTED, path)
    where = f" on page {page}" if page else ""
    return InputError(f"corrupt or truncated PDF: cannot parse{where} ({type(exc).__name__})", path)


def _bound_cells(tables: list[RawTable], lim: Limits) -> list[ReaderNote]:
    """Apply the document's ``CellBudget``: cut over-long cells, then empty the repeats of vertically
    merged cells (``merged_from_above``) past its budget; return the notes saying what was done.

    A merged cell's text is repeated into every row it covers for the builder to cite per provision;
    a page of thousands of hairline rows under one long merged cell must not multiply it unbounded.
    """
    budget = CellBudget(lim)
    for t in tables:
        for r in t.rows:
            for c in r.cells:
                c.text = budget.clip(c.text, repeat=c.merged_from_above)  # a repeat is counted once
    for t in tables:
        for r in t.rows:
            for c in r.cells:
                if c.merged_from_above and c.text and not budget.carry(c.text):
                    c.text, c.checked = "", None
    return budget.notes()


def _apply_confidence(rows: list[Row], conf: dict[tuple[int, int], float], tables: list[RawTable]) -> None:
    """Lower each row's confidence to the weakest physical row it was built from.

    The builder reports a row at its first physical row; the rows up to the next reported row of
    the same table (or the table's end) are its continuations and headers. Each physical row is
    looked at once: the starts of each table are sorted, and a row's end is the next start.
    """
    starts: dict[int, list[int]] = {}
    for row in rows:
        if row.location.table is not None and row.location.row is not None:
            starts.setdefault(row.location.table, []).append(row.location.row)
    for table_starts in starts.values():
        table_starts.sort()
    sizes = {t.index: len(t.rows) for t in tables}
    for row in rows:
        t, r = row.location.table, row.location.row
        if t is None or r is None:
            continue
        later = starts[t]
        at = bisect_right(later, r)
        end = later[at] if at < len(later) else sizes.get(t, r) + 1
        worst = min((conf.get((t, k), 1.0) for k in range(r, end)), default=1.0)
        row.confidence = min(row.confidence, worst)


def block_items(paragraphs: list[Paragraph]) -> list[BlockItem]:
    """The page paragraphs as items for the labelled-block builder.

    A PDF has no heading markup: type larger than the body text (the size most of the text is set
    in) is a heading, its level ranked by size; bold paragraphs are emphasised; type clearly smaller
    than the body's is small print.
    """
    from collections import Counter

    from codecheck.readers.blocks import BlockItem

    weight: Counter[float] = Counter()
    for p in paragraphs:
        weight[round(p.size, 1)] += len(p.text)
    if not weight:
        return []
    body = weight.most_common(1)[0][0]
    larger = sorted({round(p.size, 1) for p in paragraphs if round(p.size, 1) > body + 0.5}, reverse=True)
    level = {size: n for n, size in enumerate(larger, start=1)}
    return [
        BlockItem(
            p.text,
            heading=level.get(round(p.size, 1)),
            emphasised=p.bold,
            lead=p.lead,
            page=p.page,
            small=p.size < body - 1.0,
        )
        for p in paragraphs
    ]


def _title(paragraphs: list[Paragraph]) -> str | None:
    """The largest-type paragraph among the first few on the first page that has loose text."""
    if not paragraphs:
        return None
    first_page = paragraphs[0].page
    candidates = [p for p in paragraphs if p.page == first_page][:8]
    best = max(candidates, key=lambda p: p.size)
    return " ".join(best.text.split())[:300] or None
