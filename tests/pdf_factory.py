"""Build small self-assessment PDFs for the PDF reader's tests, in pure Python.

CI has no LibreOffice, so fixtures are drawn here with a minimal PDF writer: Helvetica text placed
line by line, cell borders as stroked lines, and a flow engine that lays tables over pages the
way Word does (the header row repeated on each page, a row that does not fit broken across the
page, its continuation with an empty number cell). Everything is fictional ("Example Homes").

Symbol glyphs are reproduced the way Word exports them: a font named Wingdings whose ToUnicode map
gives the private-use code points (U+F0FC tick, U+F0B7 bullet), and the standard ZapfDingbats
font ("4" is a heavy tick).
"""

from __future__ import annotations

import io
import itertools
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pdfminer.fontmetrics import FONT_METRICS

PAGE_A4_LANDSCAPE = (842.0, 595.0)
PAGE_A4_PORTRAIT = (595.0, 842.0)
SYMBOL_CHARS = {"\uf0fc": 0xFC, "\uf0b7": 0xB7, "\uf0a8": 0xA8, "\uf0fe": 0xFE}
ZAPF_PREFIX = "\x00zapf:"  # a run drawn in ZapfDingbats: ZAPF_PREFIX + "4"
# Cell texts drawn as form fields instead of page text.
FIELD_CHECKED = "\x00[x]"
FIELD_UNCHECKED = "\x00[_]"
FIELD_TEXT = "\x00field:"  # FIELD_TEXT + value (one word): a filled-in text field

HEADER_5 = ["Code provision", "Code requirement", "Comply: Yes / No", "Evidence", "Commentary / explanation"]
WIDTHS_5 = [56.0, 232.0, 74.0, 130.0, 270.0]


def _width(text: str, size: float, bold: bool = False) -> float:
    metrics = FONT_METRICS["Helvetica-Bold" if bold else "Helvetica"][1]
    total = 0.0
    for ch in text:
        if ch in SYMBOL_CHARS:
            total += 900
        else:
            total += metrics.get(ch, 556)
    return total * size / 1000.0


def wrap(text: str, width: float, size: float, bold: bool = False) -> list[str]:
    """Greedy word wrap with Helvetica metrics (a long word gets a line of its own)."""
    lines: list[str] = []
    for para in text.split("\n"):
        current = ""
        for word in para.split():
            trial = f"{current} {word}" if current else word
            if current and _width(trial, size, bold) > width:
                lines.append(current)
                current = word
            else:
                current = trial
            while _width(current, size, bold) > width and len(current) > 1:
                # a word wider than the column breaks inside, as Word does
                cut = max(
                    1, max(k for k in range(1, len(current) + 1) if _width(current[:k], size, bold) <= width)
                )
                lines.append(current[:cut])
                current = current[cut:]
        lines.append(current)
    return lines if any(lines) else [""]


def _escape(text: str) -> bytes:
    raw = text.encode("cp1252", "replace")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


@dataclass
class Canvas:
    """One page's content stream."""

    width: float
    height: float
    ops: list[bytes] = field(default_factory=list)
    widgets: list[bytes] = field(default_factory=list)  # form-field annotations (inline dictionaries)

    def checkbox(self, x: float, top: float, checked: bool, size: float = 9.0) -> None:
        """A form checkbox widget; its state lives in the annotation, not in the page text."""
        state = "/Yes" if checked else "/Off"
        rect = self._rect(x, top, size, size)
        self.widgets.append(
            f"<< /Type /Annot /Subtype /Widget /FT /Btn /T (cb{len(self.widgets)}) /V {state} /AS {state} "
            f"/Rect {rect} >>".encode()
        )

    def text_field(self, x: float, top: float, width: float, value: str, size: float = 9.0) -> None:
        """A filled-in form text field."""
        rect = self._rect(x, top, width, size)
        self.widgets.append(
            f"<< /Type /Annot /Subtype /Widget /FT /Tx /T (tx{len(self.widgets)}) /V ({value}) "
            f"/Rect {rect} >>".encode()
        )

    def _rect(self, x: float, top: float, width: float, height: float) -> str:
        return f"[{x:.2f} {self.height - top - height:.2f} {x + width:.2f} {self.height - top:.2f}]"

    def text(
        self, x: float, top: float, text: str, size: float = 9.0, bold: bool = False, overprint: bool = False
    ) -> None:
        """Draw ``text`` with its top at ``top`` (pdfplumber's coordinate), splitting symbol runs.

        ``overprint`` draws it a second time 0.3 pt to the right: the "fake bold" some generators use.
        """
        if overprint:
            self.text(x + 0.3, top, text, size, bold)
        y = self.height - top - size * 0.8
        cursor = x
        for run, font in _runs(text, bold):
            if font == "F3":
                data = bytes(SYMBOL_CHARS[ch] for ch in run)
                data = data.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
            elif font == "F4":
                data = _escape(run)
            else:
                data = _escape(run)
            self.ops.append(
                b"BT /%s %.2f Tf 1 0 0 1 %.2f %.2f Tm (" % (font.encode(), size, cursor, y)
                + data
                + b") Tj ET"
            )
            cursor += _width(run, size, bold) if font in ("F1", "F2") else 0.9 * size * len(run)

    def line(
        self, x0: float, top0: float, x1: float, top1: float, gray: float = 0.0, width: float = 0.5
    ) -> None:
        self.ops.append(
            b"%.2f G %.2f w %.2f %.2f m %.2f %.2f l S"
            % (gray, width, x0, self.height - top0, x1, self.height - top1)
        )

    def image(self, x0: float, top: float, x1: float, bottom: float) -> None:
        """Paint the shared grey test image over a box (a scanned page has only this)."""
        self.ops.append(
            b"q %.2f 0 0 %.2f %.2f %.2f cm /Im1 Do Q" % (x1 - x0, bottom - top, x0, self.height - bottom)
        )

    def rect(self, x0: float, top: float, x1: float, bottom: float, fill_gray: float) -> None:
        self.ops.append(
            b"%.2f g %.2f %.2f %.2f %.2f re f 0 g"
            % (fill_gray, x0, self.height - bottom, x1 - x0, bottom - top)
        )


def _runs(text: str, bold: bool) -> list[tuple[str, str]]:
    """Split text into (run, font resource) pieces: F1/F2 Helvetica, F3 Wingdings, F4 ZapfDingbats."""
    if text.startswith(ZAPF_PREFIX):
        return [(text[len(ZAPF_PREFIX) :], "F4")]
    runs: list[tuple[str, str]] = []
    for ch in text:
        font = "F3" if ch in SYMBOL_CHARS else ("F2" if bold else "F1")
        if runs and runs[-1][1] == font:
            runs[-1] = (runs[-1][0] + ch, font)
        else:
            runs.append((ch, font))
    return runs


# --------------------------------------------------------------------------- document flow


@dataclass
class Para:
    text: str
    size: float = 10.0
    bold: bool = False


@dataclass
class Table:
    rows: list[list[str]]  # body rows; a row with one string spanning is given as [text] (sub-heading)
    widths: list[float]
    header: list[str] | None = None
    repeat_header: bool = True
    # True: full grid; "horizontal": rules between rows only; "columns": column rules and a box, no
    # rules between body rows; False: none
    ruled: bool | str = True
    size: float = 9.0
    white_rects: bool = False  # draw invisible white boxes over the table (phantom-cell trap)
    overprint: bool = False  # draw every text twice, slightly offset (fake bold)
    # a browser's print: a row broken by a page break has no bottom rule on the first page
    open_breaks: bool = False
    banded: bool = False  # every other body row shaded, no rules (use with ruled=False)


@dataclass
class Flow:
    """Lays paragraphs and tables over pages, top to bottom."""

    page_size: tuple[float, float] = PAGE_A4_LANDSCAPE
    margin: float = 40.0
    footer: str | None = "Example Homes self-assessment – page {page}"
    letterhead: tuple[str, str] | None = None  # a boxed two-cell header drawn at the top of every page
    pages: list[Canvas] = field(default_factory=list)
    y: float = 0.0

    def __post_init__(self) -> None:
        self._new_page()

    def _new_page(self) -> None:
        w, h = self.page_size
        self.pages.append(Canvas(w, h))
        self.y = self.margin
        if self.footer:
            self.page.text(self.margin, h - self.margin + 12, self.footer.format(page=len(self.pages)), 8)
        if self.letterhead:  # like a Word header holding a small table (logo | title)
            top, bottom, x0, mid, x1 = 12.0, 32.0, self.margin, self.margin + 200, w - self.margin
            for y in (top, bottom):
                self.page.line(x0, y, x1, y)
            for x in (x0, mid, x1):
                self.page.line(x, top, x, bottom)
            self.page.text(x0 + 3, top + 5, self.letterhead[0], 8)
            self.page.text(mid + 3, top + 5, self.letterhead[1], 8)

    @property
    def page(self) -> Canvas:
        return self.pages[-1]

    @property
    def bottom(self) -> float:
        return self.page_size[1] - self.margin

    def para(self, p: Para) -> None:
        lines = wrap(p.text, self.page_size[0] - 2 * self.margin, p.size, p.bold)
        lead = p.size * 1.25
        if self.y + lead * len(lines) > self.bottom:
            self._new_page()
        for line in lines:
            self.page.text(self.margin, self.y, line, p.size, p.bold)
            self.y += lead
        self.y += p.size * 0.6

    def page_break(self) -> None:
        self._new_page()

    def table(self, t: Table) -> None:
        pad, lead = 3.0, t.size * 1.2
        xs = [self.margin]
        for w in t.widths:
            xs.append(xs[-1] + w)

        def cell_lines(row: Sequence[str], bold: bool = False) -> list[list[str]]:
            if len(row) == 1 and len(t.widths) > 1:  # a sub-heading spanning the table
                return [wrap(row[0], xs[-1] - xs[0] - 2 * pad, t.size, True)]
            return [
                wrap(text, w - 2 * pad, t.size, bold) if text else []
                for text, w in zip(row, t.widths, strict=True)
            ]

        def draw_row(
            cells: list[list[str]], top: float, nlines: int, bold: bool, open_bottom: bool = False,
            shade: bool = False,
        ) -> float:  # fmt: skip
            height = max(1, nlines) * lead + 2 * pad
            if shade:  # a browser paints each cell's background separately
                for x0, x1 in itertools.pairwise(xs):
                    self.page.rect(x0, top, x1, top + height, 0.9)
            spans = (
                [(xs[0], xs[-1])] if len(cells) == 1 and len(t.widths) > 1 else list(itertools.pairwise(xs))
            )
            for (x0, x1), lines in zip(spans, cells, strict=True):
                for k, line in enumerate(lines[:nlines]):
                    y = top + pad + k * lead
                    if line in (FIELD_CHECKED, FIELD_UNCHECKED):
                        self.page.checkbox(x0 + pad, y, line == FIELD_CHECKED, t.size)
                    elif line.startswith(FIELD_TEXT):
                        self.page.text_field(x0 + pad, y, x1 - x0 - 2 * pad, line[len(FIELD_TEXT) :], t.size)
                    else:
                        self.page.text(x0 + pad, y, line, t.size, bold, t.overprint)
            if t.ruled in (True, "horizontal") or (t.ruled == "columns" and bold):
                self.page.line(xs[0], top, xs[-1], top)
                if not open_bottom:
                    self.page.line(xs[0], top + height, xs[-1], top + height)
            if t.ruled in (True, "columns"):
                for x in [xs[0], xs[-1]] if len(cells) == 1 and len(t.widths) > 1 else xs:
                    self.page.line(x, top, x, top + height)
            if t.white_rects:
                self.page.rect(xs[0] + 20, top + 1, xs[0] + 60, top + height - 1, 1.0)
            return height

        header_cells = cell_lines(t.header, True) if t.header else None

        def header() -> None:
            if header_cells is not None:
                n = max(len(c) for c in header_cells)
                self.y += draw_row(header_cells, self.y, n, True)

        def close_box() -> None:  # "columns" ruling: the box closes where the page's piece ends
            if t.ruled == "columns":
                self.page.line(xs[0], self.y, xs[-1], self.y)

        min_rows = 2 * lead + 2 * pad
        if (
            header_cells is not None
            and self.y + min_rows + len(max(header_cells, key=len)) * lead > self.bottom
        ):
            self._new_page()
        header()
        for number, row in enumerate(t.rows):
            cells = cell_lines(row)
            remaining = cells
            first_piece = True
            shade = t.banded and number % 2 == 1
            while True:
                n = max((len(c) for c in remaining), default=1)
                room = int((self.bottom - self.y - 2 * pad) // lead)
                if n <= room:
                    self.y += draw_row(remaining, self.y, n, False, shade=shade)
                    break
                if room >= 2 or (room >= 1 and not first_piece):
                    self.y += draw_row(remaining, self.y, room, False, open_bottom=t.open_breaks, shade=shade)
                    remaining = [c[room:] for c in remaining]
                first_piece = False
                close_box()
                self._new_page()
                if t.repeat_header:
                    header()
        close_box()

    def save(self, path: Path) -> Path:
        path.write_bytes(render(self.pages))
        return path


def render(pages: Sequence[Canvas]) -> bytes:
    """Serialise pages into a PDF: Helvetica, Helvetica-Bold, a Wingdings-like font, ZapfDingbats."""
    n = len(pages)
    fonts_at = 3 + 2 * n
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        (
            "<< /Type /Pages /Kids [" + " ".join(f"{3 + 2 * i} 0 R" for i in range(n)) + f"] /Count {n} >>"
        ).encode(),
    ]
    font_refs = (
        f"/Font << /F1 {fonts_at} 0 R /F2 {fonts_at + 1} 0 R /F3 {fonts_at + 2} 0 R /F4 {fonts_at + 4} 0 R >>"
        f" /XObject << /Im1 {fonts_at + 5} 0 R >>"
    )
    for i, page in enumerate(pages):
        data = zlib.compress(b"\n".join(page.ops))
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {page.width:.0f} {page.height:.0f}] "
            f"/Contents {4 + 2 * i} 0 R /Resources << {font_refs} >>".encode()
            + (b" /Annots [" + b" ".join(page.widgets) + b"]" if page.widgets else b"")
            + b" >>"
        )
        objects.append(
            f"<< /Length {len(data)} /Filter /FlateDecode >>\nstream\n".encode() + data + b"\nendstream"
        )
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
    widths = " ".join(["900"] * 256)
    objects.append(
        f"<< /Type /Font /Subtype /Type1 /BaseFont /Wingdings-Regular /FirstChar 0 /LastChar 255 "
        f"/Widths [{widths}] /ToUnicode {fonts_at + 3} 0 R /FontDescriptor << /Type /FontDescriptor "
        f"/FontName /Wingdings-Regular /Flags 4 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 900 "
        f"/Descent -200 /CapHeight 700 /StemV 80 >> >>".encode()
    )
    entries = "".join(f"<{code:02X}> <{ord(ch):04X}>\n" for ch, code in SYMBOL_CHARS.items())
    cmap = (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "/CMapName /Example-Symbol def /CMapType 2 def\n"
        "1 begincodespacerange <00> <FF> endcodespacerange\n"
        f"{len(SYMBOL_CHARS)} beginbfchar\n{entries}endbfchar\n"
        "endcmap CMapName currentdict /CMap defineresource pop end end"
    ).encode()
    objects.append(f"<< /Length {len(cmap)} >>\nstream\n".encode() + cmap + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /ZapfDingbats >>")
    pixels = bytes((x * 7 + y * 13) % 256 for y in range(48) for x in range(48))
    objects.append(
        b"<< /Type /XObject /Subtype /Image /Width 48 /Height 48 /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Length %d >>\nstream\n" % len(pixels) + pixels + b"\nendstream"
    )
    return assemble(objects)


def save_pages(path: Path, pages: Sequence[Canvas]) -> Path:
    """Write already-drawn pages (e.g. a flow's pages plus a scanned page) to ``path``."""
    path.write_bytes(render(pages))
    return path


def assemble(objects: Sequence[bytes]) -> bytes:
    """Numbered objects -> PDF bytes with a correct cross-reference table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for off in offsets:
        out.write(f"{off:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


# --------------------------------------------------------------------------- ready-made documents

# The Code's own wording (2024 Code, as on its self-assessment form), which the tool checks against;
# the answers, evidence and commentary are fictional.
CODE_2024 = {
    "1.2": "A complaint must be defined as: ‘an expression of dissatisfaction, however made, about the "
    "standard of service, actions or lack of action by the landlord, its own staff, or those acting on its "
    "behalf, affecting a resident or group of residents.’",
    "1.3": "A resident does not have to use the word ‘complaint’ for it to be treated as such. "
    "Whenever a resident expresses dissatisfaction landlords must give them the choice to make complaint. A "
    "complaint that is submitted via a third party or representative must be handled in line with the "
    "landlord’s complaints policy.",
    "1.4": "Landlords must recognise the difference between a service request and a complaint. This must be "
    "set out in their complaints policy. A service request is a request from a resident to the landlord "
    "requiring action to be taken to put something right. Service requests are not complaints, but must be "
    "recorded, monitored and reviewed regularly.",
    "2.1": "Landlords must accept a complaint unless there is a valid reason not to do so. If landlords "
    "decide not to accept a complaint they must be able to evidence their reasoning. Each complaint must be "
    "considered on its own merits",
    "3.1": "Landlords must make it easy for residents to complain by providing different channels through "
    "which they can make a complaint. Landlords must consider their duties under the Equality Act 2010 and "
    "anticipate the needs and reasonable adjustments of residents who may need to access the complaints "
    "process.",
    "5.1": "Landlords must have a single policy in place for dealing with complaints covered by this Code. "
    "Residents must not be treated differently if they complain.",
    "6.2": "Complaints must be acknowledged, defined and logged at stage 1 of the complaints procedure "
    "within five working days of the complaint being received.",
}

LONG_COMMENT = (
    "Example Homes records every expression of dissatisfaction on the case system and the "
    "complaints team reviews the log each week so that nothing is missed. Staff training covers the "
    "definition and the choice to complain, and refresher sessions run every quarter for all "
    "front-line teams, contractors and the out-of-hours service. "
)


def example_rows(answer: str = "Yes") -> list[list[str]]:
    """Five-column body rows using the Code's wording with fictional evidence and commentary."""
    return [
        [pid, text, answer, f"Complaints policy section {pid}", f"Example Homes meets {pid}: see the policy."]
        for pid, text in CODE_2024.items()
    ]


def multipage_document(path: Path, repeats: int = 6) -> Path:
    """A ruled five-column table long enough to run over several pages, header repeated."""
    flow = Flow()
    flow.para(Para("Example Homes – Complaint Handling Code self-assessment 2024", 16, True))
    flow.para(Para("Self-assessment completed by the complaints officer in April 2024."))
    flow.para(Para("Section 1: Definition of a complaint", 13, True))
    rows = []
    for pid, text in CODE_2024.items():
        rows.append([pid, text, "Yes", f"Complaints policy section {pid}", LONG_COMMENT * repeats])
    flow.table(Table(rows, WIDTHS_5, HEADER_5))
    return flow.save(path)


def image_only_document(path: Path, pages: int = 2) -> Path:
    """A scanned-looking PDF: each page paints a grey image and has no text layer."""
    kids = " ".join(f"{3 + 3 * i} 0 R" for i in range(pages))
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode(),
    ]
    pixels = bytes((x * 7 + y * 13) % 256 for y in range(48) for x in range(48))
    for i in range(pages):
        stream = b"q 500 0 0 700 40 70 cm /Im1 Do Q"
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {4 + 3 * i} 0 R "
            f"/Resources << /XObject << /Im1 {5 + 3 * i} 0 R >> >> >>".encode()
        )
        objects.append(f"<< /Length {len(stream)} >>\nstream\n".encode() + stream + b"\nendstream")
        objects.append(
            f"<< /Type /XObject /Subtype /Image /Width 48 /Height 48 /ColorSpace /DeviceGray "
            f"/BitsPerComponent 8 /Length {len(pixels)} >>\nstream\n".encode()
            + pixels
            + b"\nendstream"
        )
    path.write_bytes(assemble(objects))
    return path


def numbered_code_text(path: Path) -> Path:
    """Code text as numbered paragraphs with a hanging indent (no table): not a self-assessment."""
    flow = Flow(page_size=PAGE_A4_PORTRAIT)
    flow.para(Para("The Complaint Handling Code (Example Homes staff guide)", 14, True))
    for pid, text in CODE_2024.items():
        lines = wrap(text, 440, 10)
        if flow.y + 13 * len(lines) > flow.bottom:
            flow.page_break()
        flow.page.text(flow.margin, flow.y, pid, 10)
        for line in lines:
            flow.page.text(flow.margin + 40, flow.y, line, 10)
            flow.y += 12.5
        flow.y += 6
    return flow.save(path)


def draw_grid(
    page: Canvas, xs: Sequence[float], tops: Sequence[float], rows: Sequence[Sequence[str | None]],
    size: float = 9.0, bold_first: bool = False,
) -> None:
    """A fully ruled table whose cells may be merged down (a vertically merged cell, as Word and
    LibreOffice print one): ``None`` marks a position covered by the cell above it, which is drawn
    without the rule between them and holds no text of its own. ``tops`` gives the row boundaries
    (one more than ``rows``); a cell's text is wrapped and written from its top, and may run down
    into the rows it covers. ``bold_first`` sets the first row as a header.
    """
    pad, lead = 3.0, size * 1.2
    for x in xs:
        page.line(x, tops[0], x, tops[-1])
    page.line(xs[0], tops[0], xs[-1], tops[0])
    page.line(xs[0], tops[-1], xs[-1], tops[-1])
    for r in range(1, len(rows)):  # the rule above row r, except where a merged cell runs through
        for c in range(len(xs) - 1):
            if rows[r][c] is not None:
                page.line(xs[c], tops[r], xs[c + 1], tops[r])
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if not text:
                continue
            for k, line in enumerate(wrap(text, xs[c + 1] - xs[c] - 2 * pad, size)):
                page.text(xs[c] + pad, tops[r] + pad + k * lead, line, size, bold_first and r == 0)
