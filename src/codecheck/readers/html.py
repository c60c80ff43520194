"""Read a self-assessment published as a web page (a saved ``.html`` / ``.htm`` file).

lxml's HTML parser (libxml2) reads the page: it is forgiving of the broken markup real sites serve,
fast, already a dependency, and can be kept from touching the network and from reading anything
else (``no_network``; the HTML parser never loads DTDs or external entities, and a page that
declares entities is refused outright, as a Word document that does is). Nothing the page links to
is fetched or followed: links are read as their text.

The page is walked once, in document order, into two views of the same content:

* each ``<table>`` becomes a ``RawTable`` (``<thead>`` rows flagged as headers, ``colspan`` as
  spans, ``rowspan`` repeated into the rows below as a merged cell, paragraphs and list items inside
  a cell joined, a checkbox as a tick glyph, a cell's background colour kept for RAG columns), for
  the shared row builder (``readers.rows``);
* every paragraph-level element becomes a ``BlockItem`` (heading level, bold, a bold lead-in,
  definition terms) for the labelled-block builder (``readers.blocks``).

The view that yields more provision rows is the form. Site chrome is not read: navigation, page
headers and footers outside the main content, cookie banners, hidden and ``aria-hidden`` elements,
scripts, styles and templates. When the page has one ``<main>`` element, only it is read (the
``<title>`` is kept for version detection).
"""

from __future__ import annotations

import re
from pathlib import Path

from codecheck.errors import InputError
from codecheck.limits import Limits, effective
from codecheck.model import DEEP_TABLES, Document, ReaderNote
from codecheck.readers.blocks import BlockItem, build_blocks
from codecheck.readers.cell_budget import CellBudget
from codecheck.readers.raw import RawCell, RawRow, RawTable
from codecheck.readers.rows import assessment_tables, build_rows, clean_text, no_assessment

# A cell's text repeated into the rows a rowspan covers is bounded as for DOCX w:vMerge (CellBudget).
MAX_SPAN = 64  # widest colspan honoured (as for DOCX gridSpan)
MAX_ROWSPAN = 1000
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
# Elements whose content is never part of the page's text.
_NEVER = frozenset(
    {
        "script", "style", "template", "noscript", "head", "title", "nav", "iframe", "object",
        "embed", "svg", "math", "canvas", "video", "audio", "map", "button", "select", "textarea",
        "datalist", "meta", "link", "base", "dialog",
    }
)  # fmt: skip
# Site furniture when it stands outside the main content.
_CHROME = frozenset({"header", "footer", "aside"})
_CHROME_ROLES = frozenset({"navigation", "banner", "contentinfo", "search", "complementary", "alert"})
_HIDDEN_CLASSES = frozenset(
    {"sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text", "govuk-visually-hidden",
     "hidden", "d-none", "hide", "is-hidden", "u-hidden"}
)  # fmt: skip
_BANNER = re.compile(r"cookie|consent|gdpr", re.IGNORECASE)
_BLOCK = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "div", "dl",
        "dt", "fieldset", "figcaption", "figure", "footer", "form", "header", "hgroup", "hr", "li",
        "main", "menu", "ol", "p", "pre", "section", "summary", "table", "ul", "html", "caption",
        *_HEADINGS,
    }
)  # fmt: skip
_CONTAINERS_WITH_CHROME = frozenset({"main", "article", "section"})
_BOLD_TAGS = frozenset({"b", "strong", "th", "dt"})
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(bold|bolder|[6-9]00)", re.IGNORECASE)
_BACKGROUND = re.compile(r"background(?:-color)?\s*:\s*([^;]+)", re.IGNORECASE)
_CSS_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_CLASS_SELECTOR = re.compile(r"\.([A-Za-z_][\w-]*)\s*$")
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_NAMED_COLOURS = {
    "red": "FF0000", "darkred": "8B0000", "crimson": "DC143C", "firebrick": "B22222",
    "orange": "FFA500", "darkorange": "FF8C00", "gold": "FFD700", "yellow": "FFFF00", "amber": "FFBF00",
    "green": "008000", "lime": "00FF00", "limegreen": "32CD32", "forestgreen": "228B22",
    "darkgreen": "006400", "seagreen": "2E8B57", "mediumseagreen": "3CB371",
}  # fmt: skip


def read_html(path: Path, limits: Limits | None = None) -> Document:
    """Read a saved web page into a ``Document``; ``InputError`` naming the file on bad input."""
    lim = effective(limits)
    data = _read_bytes(path, lim)
    root = _parse(data, path)
    page = _Page(path, lim, _style_classes(root))
    content = _content_root(root)
    page.walk(content, depth=0)
    page.flush()
    title_text = _title_text(root)
    table_rows, table_notes = build_rows(page.tables, lim.max_cell_chars)
    blocks = build_blocks(page.items, lim.max_cell_chars) if page.items else None
    if blocks is not None and len(blocks.rows) > len(table_rows):
        rows, notes = blocks.rows, blocks.notes
        text = ([title_text] if title_text else []) + blocks.loose
        text += [t for table in page.tables for t in page.table_texts.get(table.index, [])]
    else:
        rows, notes = table_rows, table_notes
        used = assessment_tables(rows)
        text = ([title_text] if title_text else []) + page.paragraphs
        for index, texts in page.table_texts.items():
            if index not in used:
                text.extend(texts)
        skipped = len(page.tables) - len(used)
        if skipped and rows:
            what = f"{skipped} table(s) are not self-assessment tables"
            notes = [ReaderNote("tables-skipped", f"{what} and were not read as rows"), *notes]
    if not rows:
        raise no_assessment(path, len(page.tables))
    doc_notes = page.notes() + notes
    title = page.h1 or title_text
    return Document(path=path, format="html", rows=rows, text=text, title=title, pages=None, notes=doc_notes)


# --------------------------------------------------------------------------- bytes and parsing


def _read_bytes(path: Path, lim: Limits) -> bytes:
    """The page's bytes, within the size limit for one parsed part."""
    try:
        size = path.stat().st_size
        cap = lim.max_xml_part_bytes
        if size > cap:
            raise InputError(f"web page is {size:,} bytes, over the {cap:,}-byte limit", path)
        data = path.read_bytes()
    except InputError:
        raise
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}", path) from None
    if b"<!ENTITY" in data[:65536]:
        raise InputError("the page declares XML entities, which a web page never does", path)
    return data


def detect_encoding(data: bytes) -> str:
    """The page's text encoding: a byte-order mark, else a ``<meta charset>``, else UTF-8 when the
    bytes decode as UTF-8, else Windows-1252 (what browsers assume for Western pages)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    m = _META_CHARSET.search(data[:4096])
    if m:
        name = m.group(1).decode("ascii", "replace").lower()
        import codecs

        try:
            codecs.lookup(name)
            return "cp1252" if name in ("iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii") else name
        except LookupError:
            pass
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        return "cp1252"


def _parse(data: bytes, path: Path):
    """Parse with lxml's HTML parser: no network, comments and processing instructions dropped.

    libxml2 stops at 256 levels of nesting; a page that deep is refused rather than read in part.
    """
    import lxml.html
    from lxml import etree

    encoding = detect_encoding(data)
    if encoding == "utf-16":
        data = data.decode("utf-16", "replace").encode("utf-8")
        encoding = "utf-8"
    parser = lxml.html.HTMLParser(
        encoding=encoding,
        no_network=True,
        remove_comments=True,
        remove_pis=True,
        huge_tree=False,
        recover=True,
        default_doctype=False,
    )
    try:
        root = lxml.html.document_fromstring(data, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise InputError(f"not a readable web page ({exc})", path) from None
    for entry in parser.error_log:
        if "depth" in entry.message.lower():
            raise InputError("web page is nested more than 255 elements deep; not read", path)
        if entry.type_name == "ERR_RESOURCE_LIMIT":
            raise InputError(f"web page exceeds the parser's limits ({entry.message.strip()})", path)
    if root is None:
        raise InputError("web page has no content", path)
    return root


def _title_text(root) -> str | None:
    el = root.find(".//title")
    text = clean_text(el.text_content()) if el is not None else ""
    return text[:300] or None


def _content_root(root):
    """The page's main content: its one ``<main>`` (or ``role="main"``), else the body."""
    mains = [el for el in root.iter("main")] + root.xpath("//*[@role='main']")
    unique = list(dict.fromkeys(mains))
    if len(unique) == 1:
        return unique[0]
    body = root.find("body")
    return body if body is not None else root


def _style_classes(root) -> dict[str, tuple[bool, str | None]]:
    """Class name -> (bold, background colour) from the page's own ``<style>`` rules.

    Only simple rules whose selector ends in a class (``.lead-num``, ``td.rag-green``) are read: enough
    for the bold lead-in numbers and coloured status cells that pages style by class.
    """
    out: dict[str, tuple[bool, str | None]] = {}
    for style in root.iter("style"):
        css = re.sub(r"/\*.*?\*/", "", style.text or "", flags=re.DOTALL)[:200_000]
        for selectors, body in _CSS_RULE.findall(css):
            bold = bool(_BOLD_STYLE.search(body))
            colour = _colour(_BACKGROUND.search(body).group(1)) if _BACKGROUND.search(body) else None
            if not bold and colour is None:
                continue
            for selector in selectors.split(","):
                m = _CLASS_SELECTOR.search(selector.strip())
                if m:
                    was_bold, was_colour = out.get(m.group(1), (False, None))
                    out[m.group(1)] = (was_bold or bold, colour or was_colour)
    return out


def _colour(value: str | None) -> str | None:
    """A CSS colour as RRGGBB hex: #rgb, #rrggbb, rgb(r, g, b) or a few named colours."""
    if not value:
        return None
    v = value.strip().lower().split()[0] if value.strip() else ""
    v = v.rstrip("!;")
    if v.startswith("#") and len(v) in (4, 7):
        return v[1:].upper() if len(v) == 7 else "".join(ch * 2 for ch in v[1:]).upper()
    m = re.match(r"rgba?\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})", value.strip().lower())
    if m:
        return "".join(f"{min(int(x), 255):02X}" for x in m.groups())
    return _NAMED_COLOURS.get(v)


# --------------------------------------------------------------------------- the walk


class _Page:
    """State of one walk over the page: the tables, the block items, loose paragraphs and counts."""

    def __init__(self, path: Path, limits: Limits, classes: dict[str, tuple[bool, str | None]]) -> None:
        self.path = path
        self.limits = limits
        self.classes = classes
        self.tables: list[RawTable] = []
        self.table_texts: dict[int, list[str]] = {}
        self.items: list[BlockItem] = []
        self.paragraphs: list[str] = []
        self.h1: str | None = None
        self.pending_heading: str | None = None
        self.inline: list[tuple[str, bool]] = []  # the open run of inline content: (text, bold)
        self.nrows = 0
        self.budget = CellBudget(limits)  # cell text cut, rowspan text repeated: as in every reader
        self.too_deep = 0

    def notes(self) -> list[ReaderNote]:
        out: list[ReaderNote] = []
        lim = self.limits
        if self.too_deep:
            deep = f"{self.too_deep} table(s) nested over {lim.max_nesting} levels deep were skipped"
            out.append(ReaderNote(DEEP_TABLES, deep))
        return out + self.budget.notes()

    # ------------------------------------------------------------------ element tests

    def skipped(self, el, inside_main: bool) -> bool:
        """Is ``el`` (with everything in it) outside the page's text: chrome, hidden, script …?"""
        tag = el.tag
        if not isinstance(tag, str):
            return True  # comments, processing instructions, entities
        tag = tag.lower()
        if tag in _NEVER:
            return True
        if tag == "input":
            return (el.get("type") or "").lower() not in ("checkbox", "radio")
        get = el.get
        if get("hidden") is not None or (get("aria-hidden") or "").lower() == "true":
            return True
        style = get("style")
        if style and _HIDDEN_STYLE.search(style):
            return True
        classes = (get("class") or "").split()
        if classes and _HIDDEN_CLASSES.intersection(c.lower() for c in classes):
            return True
        if (get("role") or "").lower() in _CHROME_ROLES:
            return True
        if not inside_main and tag in _CHROME:
            return True
        marker = " ".join([get("id") or "", *classes])
        return bool(marker) and bool(_BANNER.search(marker)) and tag not in ("main", "body", "table")

    def bold(self, el) -> bool:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if tag in _BOLD_TAGS:
            return True
        style = el.get("style")
        if style and _BOLD_STYLE.search(style):
            return True
        return any(self.classes.get(c, (False, None))[0] for c in (el.get("class") or "").split())

    def fill(self, el) -> str | None:
        colour = None
        style = el.get("style")
        if style:
            m = _BACKGROUND.search(style)
            colour = _colour(m.group(1)) if m else None
        if colour is None and el.get("bgcolor"):
            colour = _colour(el.get("bgcolor"))
        if colour is None:
            for c in (el.get("class") or "").split():
                colour = self.classes.get(c, (False, None))[1] or colour
        return colour

    # ------------------------------------------------------------------ flow

    def walk(
        self, el, depth: int, inside_main: bool = False, bold: bool = False, value: bool = False
    ) -> None:
        """Walk a container's children in order: block children become items, inline runs between
        them become anonymous paragraphs. ``value``: inside a ``<dd>`` (text that is a value)."""
        inside_main = inside_main or (isinstance(el.tag, str) and el.tag.lower() in _CONTAINERS_WITH_CHROME)
        if el.text:
            self.inline.append((el.text, bold))
        for child in el:
            if not self.skipped(child, inside_main):
                self.child(child, depth + 1, inside_main, bold, value)
            if child.tail:
                self.inline.append((child.tail, bold))

    def child(self, el, depth: int, inside_main: bool, bold: bool, value: bool = False) -> None:
        tag = el.tag.lower()
        if tag == "br":
            self.inline.append((" ", bold))
            return
        if tag == "input":
            self.inline.append((_checkbox(el), bold))
            return
        if tag not in _BLOCK and not _has_block(el):
            self.inline_of(el, bold or self.bold(el), self.inline, depth)
            return
        self.flush(value=value)
        if tag == "table":
            self.table(el, depth, nesting=1)
        elif tag in _HEADINGS or tag == "dt" or not _has_block(el):
            runs: list[tuple[str, bool]] = []
            self.inline_of(el, bold or self.bold(el), runs, depth)
            self.emit(runs, heading=_HEADINGS.get(tag), term=tag == "dt", value=tag == "dd")
        else:
            self.walk(el, depth, inside_main, bold or self.bold(el), value=value or tag == "dd")
            self.flush(value=value or tag == "dd")

    def inline_of(self, el, bold: bool, runs: list[tuple[str, bool]], depth: int) -> None:
        """Append the text of an inline element (and everything in it) to ``runs``."""
        if el.text:
            runs.append((el.text, bold))
        for child in el:
            if not self.skipped(child, True):
                tag = child.tag.lower()
                if tag == "br":
                    runs.append((" ", bold))
                elif tag == "input":
                    runs.append((_checkbox(child), bold))
                elif tag == "table":
                    runs.append((" ", bold))  # a table inside inline content: read as its text
                    runs.append((self.flat_text(child, depth + 1), bold))
                    runs.append((" ", bold))
                else:
                    if tag in _BLOCK:
                        runs.append((" ", bold))
                    self.inline_of(child, bold or self.bold(child), runs, depth + 1)
                    if tag in _BLOCK:
                        runs.append((" ", bold))
            if child.tail:
                runs.append((child.tail, bold))

    def flush(self, value: bool = False) -> None:
        runs, self.inline = self.inline, []
        self.emit(runs, value=value)

    def emit(
        self,
        runs: list[tuple[str, bool]],
        heading: int | None = None,
        term: bool = False,
        value: bool = False,
    ) -> None:
        text = clean_text("".join(t for t, _ in runs))
        if not text:
            return
        text = self.budget.clip(text)
        marked = [(clean_text(t), b) for t, b in runs if clean_text(t)]
        emphasised = bool(marked) and all(b for _, b in marked)
        lead = None
        if marked and marked[0][1] and not emphasised:
            lead_parts = []
            for t, b in marked:
                if not b:
                    break
                lead_parts.append(t)
            lead = " ".join(lead_parts)
        self.items.append(
            BlockItem(text, heading=heading, emphasised=emphasised, lead=lead, term=term, value=value)
        )
        self.paragraphs.append(text)
        if heading == 1 and self.h1 is None:
            self.h1 = text[:300]
        if len(text) <= 300:
            self.pending_heading = text

    # ------------------------------------------------------------------ tables

    def table(self, el, depth: int, nesting: int) -> None:
        if nesting > self.limits.max_nesting:
            self.too_deep += 1
            return
        if len(self.tables) >= self.limits.max_tables:
            raise InputError(f"more than {self.limits.max_tables} tables", self.path)
        index = len(self.tables) + 1
        caption = el.find("caption")
        heading = clean_text(caption.text_content()) if caption is not None else None
        raw_rows: list[RawRow] = []
        deferred: list = []
        active: dict[int, list] = {}  # grid column -> [rows left, root cell, span]
        texts: list[str] = []
        for tr, in_head in _table_rows(el):
            self.nrows += 1
            if self.nrows > self.limits.max_rows:
                raise InputError(f"more than {self.limits.max_rows} table rows", self.path)
            cells: list[RawCell] = []
            col = 0
            tags: list[str] = []
            for td in tr:
                if not isinstance(td.tag, str) or td.tag.lower() not in ("td", "th"):
                    continue
                if self.skipped(td, True):
                    continue
                col = self._covered(active, col, cells)
                cell = self.cell(td, depth, nesting, deferred)
                cells.append(cell)
                tags.append(td.tag.lower())
                rowspan = _int(td.get("rowspan"), 1, 0, MAX_ROWSPAN)
                if rowspan != 1:
                    active[col] = [rowspan - 1 if rowspan else MAX_ROWSPAN, cell, cell.span]
                col += cell.span
                if cell.text:
                    texts.append(cell.text)
            while active and col <= max(active):
                col = self._covered(active, col, cells)
                if col <= max(active, default=-1) and col not in active:
                    cells.append(RawCell(""))
                    col += 1
            header = in_head or (len(tags) >= 2 and all(t == "th" for t in tags))
            raw_rows.append(RawRow(cells=cells, index=len(raw_rows) + 1, is_header=header))
        widest = max((sum(c.span for c in r.cells) for r in raw_rows), default=0)
        self.tables.append(
            RawTable(
                rows=raw_rows,
                index=index,
                heading=heading or self.pending_heading,
                ncols=widest,
                nested=nesting > 1,
            )
        )
        self.table_texts[index] = texts
        self.items.append(BlockItem("", table=self.tables[-1]))
        self.pending_heading = None
        for inner in deferred:
            self.table(inner, depth + 1, nesting + 1)

    def _covered(self, active: dict[int, list], col: int, cells: list[RawCell]) -> int:
        """Place the cells that rowspans from above hold at ``col`` onwards; return the next free column."""
        while col in active:
            left, root, span = active[col]
            text = root.text if self.budget.carry(root.text) else ""
            cells.append(RawCell(text, root.checked, span, merged_from_above=True, fill=root.fill))
            if left <= 1:
                del active[col]
            else:
                active[col][0] = left - 1
            col += span
        return col

    def cell(self, td, depth: int, nesting: int, deferred: list) -> RawCell:
        """One cell: its paragraphs and list items joined; a nested form is read as its own table."""
        from codecheck.readers.answers import glyph_state

        runs: list[tuple[str, bool]] = []
        self._cell_runs(td, runs, depth, nesting, deferred)
        text = self.budget.clip(clean_text("".join(t for t, _ in runs)))
        span = _int(td.get("colspan"), 1, 1, MAX_SPAN)
        return RawCell(text=text, checked=glyph_state(text), span=span, fill=self.fill(td))

    def _cell_runs(self, el, runs: list[tuple[str, bool]], depth: int, nesting: int, deferred: list) -> None:
        if el.text:
            runs.append((el.text, False))
        for child in el:
            if not self.skipped(child, True):
                tag = child.tag.lower()
                if tag == "table":
                    if _looks_like_form(child):
                        deferred.append(child)
                    elif nesting + 1 > self.limits.max_nesting:
                        self.too_deep += 1
                    else:
                        runs.append((" " + self.flat_text(child, depth + 1) + " ", False))
                elif tag == "br":
                    runs.append((" ", False))
                elif tag == "input":
                    runs.append((_checkbox(child), False))
                elif tag == "img":
                    alt = clean_text(child.get("alt") or "")
                    if alt and len(alt) <= 40:
                        runs.append((f" {alt} ", False))
                else:
                    block = tag in _BLOCK
                    if block:
                        runs.append((" ", False))
                    self._cell_runs(child, runs, depth + 1, nesting, deferred)
                    if block:
                        runs.append((" ", False))
            if child.tail:
                runs.append((child.tail, False))

    def flat_text(self, el, depth: int) -> str:
        """All the visible text of an element, space-separated (a small table inside a cell)."""
        runs: list[tuple[str, bool]] = []
        self._cell_runs(el, runs, depth, self.limits.max_nesting, [])
        return clean_text("".join(t for t, _ in runs))


def _table_rows(table):
    """(tr, in <thead>) in document order, without descending into nested tables."""
    for child in table:
        tag = child.tag.lower() if isinstance(child.tag, str) else ""
        if tag == "tr":
            yield child, False
        elif tag in ("thead", "tbody", "tfoot"):
            for tr in child:
                if isinstance(tr.tag, str) and tr.tag.lower() == "tr":
                    yield tr, tag == "thead"


def _looks_like_form(table) -> bool:
    """Is a table inside a cell a self-assessment of its own (its first row a form header)?"""
    from codecheck.readers.columns import looks_like_header, roles_from_header

    first = next(iter(_table_rows(table)), None)
    if first is None:
        return False
    texts = [clean_text(td.text_content()) for td in first[0] if isinstance(td.tag, str)]
    cmap = roles_from_header(texts)
    return cmap is not None and cmap.is_assessment and looks_like_header(texts)


def _has_block(el) -> bool:
    return any(isinstance(c.tag, str) and c.tag.lower() in _BLOCK for c in el)


def _checkbox(el) -> str:
    """A checkbox or radio button as the glyph it shows (☑ / ☐), spaced from the text around it."""
    return " ☑ " if el.get("checked") is not None else " ☐ "


def _int(value: str | None, default: int, low: int, high: int) -> int:
    try:
        return min(max(int((value or "").strip()), low), high)
    except ValueError:
        return default
