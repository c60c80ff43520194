"""Builders for hostile and broken inputs, generated in code (nothing downloaded, nothing copied).

Each builder writes one file into a folder and returns its path. They exist so that the hardening
suite (tests/test_hostile.py), the fuzz script (tests/fuzz/fuzz_readers.py) and the benchmark can
all make the same inputs. The landlord is fictional ("Example Homes").
"""

from __future__ import annotations

import os
import random
import struct
import zipfile
import zlib
from pathlib import Path

from pdf_factory import assemble  # one PDF object/xref writer for all test fixtures

# --------------------------------------------------------------------------- a valid small form

REQUIREMENTS_2024 = {
    "1.2": "A complaint must be defined as: 'an expression of dissatisfaction, however made, about the "
    "standard of service, actions or lack of action by the landlord, its own staff, or those acting on its "
    "behalf, affecting a resident or group of residents.'",
    "6.2": "Complaints must be acknowledged, defined and logged at stage 1 of the complaints procedure "
    "within five working days of the complaint being received.",
    "6.3": "Landlords must issue a full response to stage 1 complaints within 10 working days of the "
    "complaint being acknowledged.",
    "6.14": "Landlords must issue a final response to the stage 2 within 20 working days of the complaint "
    "being acknowledged.",
}

HEADER = ["Code provision", "Code requirement", "Comply: Yes / No", "Evidence", "Commentary / explanation"]


def small_form_rows(commentary: str = "Our policy sets this out.") -> list[list[str]]:
    return [
        [pid, text, "Yes", "Complaints policy, section 4", commentary]
        for pid, text in REQUIREMENTS_2024.items()
    ]


def write_docx_form(
    path: Path,
    rows: list[list[str]] | None = None,
    header: list[str] | None = None,
    title: str = "Example Homes: Complaint Handling Code self-assessment 2024",
) -> Path:
    """A small, valid 2024-style self-assessment: one table with a header row."""
    import docx

    document = docx.Document()
    document.add_heading(title, level=1)
    document.add_paragraph("Self-assessment completed in May 2025 by the Example Homes complaints team.")
    header = header or HEADER
    rows = rows if rows is not None else small_form_rows()
    table = document.add_table(rows=1, cols=len(header))
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
    for values in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, values, strict=False):
            cell.text = text
    document.core_properties.author = "Example Homes"
    document.save(path)
    return path


def write_pdf_form(path: Path, rows: list[list[str]] | None = None, pages: int = 1) -> Path:
    """A small text PDF listing the form's rows as lines (valid PDF with a text layer)."""
    rows = rows if rows is not None else small_form_rows()
    lines = ["Example Homes self-assessment 2024"] + [" | ".join(r)[:110] for r in rows]
    return write_text_pdf(path, [lines] * pages)


# --------------------------------------------------------------------------- minimal hand-made PDFs


def _pdf_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def write_text_pdf(path: Path, pages: list[list[str]]) -> Path:
    """A PDF whose pages hold the given lines of Helvetica text."""
    n = len(pages)
    font_obj = 3 + 2 * n
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(n))
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {n} >>".encode(),
    ]
    for i, lines in enumerate(pages):
        stream = (
            "BT /F1 9 Tf 40 800 Td 11 TL " + " ".join(f"({_pdf_escape(line)}) '" for line in lines) + " ET"
        )
        data = stream.encode("latin-1", "replace")
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {4 + 2 * i} 0 R "
            f"/Resources << /Font << /F1 {font_obj} 0 R >> >> >>".encode()
        )
        objects.append(f"<< /Length {len(data)} >>\nstream\n".encode() + data + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    path.write_bytes(assemble(objects))
    return path


def write_image_only_pdf(path: Path, pages: int = 2) -> Path:
    """A scanned-looking PDF: each page paints a grey image, no text layer at all."""
    kids = " ".join(f"{3 + 3 * i} 0 R" for i in range(pages))
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode(),
    ]
    pixels = bytes(random.Random(7).randrange(120, 200) for _ in range(64 * 64))
    for i in range(pages):
        page_no, contents_no, image_no = 3 + 3 * i, 4 + 3 * i, 5 + 3 * i
        stream = b"q 500 0 0 700 40 70 cm /Im1 Do Q"
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {contents_no} 0 R "
            f"/Resources << /XObject << /Im1 {image_no} 0 R >> >> >>".encode()
        )
        objects.append(f"<< /Length {len(stream)} >>\nstream\n".encode() + stream + b"\nendstream")
        objects.append(
            f"<< /Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray "
            f"/BitsPerComponent 8 /Length {len(pixels)} >>\nstream\n".encode()
            + pixels
            + b"\nendstream"
        )
        assert page_no  # numbering documented above
    path.write_bytes(assemble(objects))
    return path


def write_encrypted_pdf(path: Path, source: Path) -> Path:
    """``source`` re-saved with a user password (pypdf, a test dependency)."""
    import pypdf

    reader = pypdf.PdfReader(str(source))
    writer = pypdf.PdfWriter()
    for page in reader.pages:
        writer.add_page(page)
    writer.encrypt(user_password="example-secret", owner_password="example-owner")
    with path.open("wb") as fh:
        writer.write(fh)
    return path


# --------------------------------------------------------------------------- broken containers


def write_bytes(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def write_random(path: Path, size: int = 4096, seed: int = 1) -> Path:
    return write_bytes(path, random.Random(seed).randbytes(size))


def write_truncated(path: Path, source: Path, keep: float = 0.5) -> Path:
    data = source.read_bytes()
    return write_bytes(path, data[: max(1, int(len(data) * keep))])


def write_encrypted_docx(path: Path, source: Path) -> Path:
    """``source`` encrypted with a password the way Word does it (an OLE file holding EncryptedPackage)."""
    from msoffcrypto.format.ooxml import OOXMLFile

    with source.open("rb") as plain, path.open("wb") as out:
        OOXMLFile(plain).encrypt("example-secret", out)
    return path


def _replace_part(source: Path, path: Path, part: str, data: bytes) -> Path:
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            zout.writestr(item, data if item.filename == part else zin.read(item.filename))
    return path


def write_docx_with_document_xml(path: Path, source: Path, xml: bytes) -> Path:
    return _replace_part(source, path, "word/document.xml", xml)


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"""


def write_zip_bomb_docx(path: Path, source: Path, inflated_bytes: int = 1536 * 1024 * 1024) -> Path:
    """A DOCX whose word/document.xml inflates to ``inflated_bytes`` (default 1.5 GB) of XML padding.

    Written as a raw deflate stream of repeated spaces inside an otherwise valid document, so a
    reader that trusts the archive would try to hold gigabytes in memory.
    """
    head = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        b"<w:p><w:r><w:t>Example Homes</w:t></w:r></w:p>"
    )
    tail = b"</w:body></w:document>"
    chunk = b" " * (8 * 1024 * 1024)
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            if item.filename != "word/document.xml":
                zout.writestr(item, zin.read(item.filename))
        info = zipfile.ZipInfo("word/document.xml")
        info.compress_type = zipfile.ZIP_DEFLATED
        with zout.open(info, "w", force_zip64=True) as fh:
            fh.write(head)
            remaining = inflated_bytes - len(head) - len(tail)
            while remaining > 0:
                piece = chunk if remaining >= len(chunk) else chunk[:remaining]
                fh.write(piece)
                remaining -= len(piece)
            fh.write(tail)
    return path


def write_nested_tables_docx(path: Path, depth: int = 60) -> Path:
    """A DOCX with tables nested ``depth`` deep inside a cell of a valid form table."""
    import docx

    source = write_docx_form(path)
    document = docx.Document(str(source))
    cell = document.tables[0].rows[1].cells[4]
    for level in range(depth):
        inner = cell.add_table(rows=1, cols=1)
        inner.rows[0].cells[0].text = f"level {level}"
        cell = inner.rows[0].cells[0]
    document.save(path)
    return path


def big_commentary_rows(size: int = 1024 * 1024) -> list[list[str]]:
    """Rows whose commentary holds a script tag, ANSI escapes and ``size`` characters of text."""
    # XML 1.0 cannot carry ESC or BEL, so a valid DOCX uses the 8-bit CSI (U+009B), which is legal XML
    # and still drives many terminals; write_raw_escape_docx() covers the 7-bit bytes.
    hostile = (
        "<script>alert('x')</script> \u009b31mRED\u009b0m \u0085 "
        + ("Example Homes reviews every complaint. " * (size // 39 + 1))[:size]
    )
    rows = small_form_rows()
    rows[1][4] = hostile
    return rows


def write_many_rows_docx(path: Path, count: int = 5000) -> Path:
    """A valid form whose table has ``count`` rows (built as XML directly: python-docx is slow here)."""
    source = write_docx_form(path)
    row_xml = (
        "<w:tr><w:tc><w:p><w:r><w:t>{pid}</w:t></w:r></w:p></w:tc>"
        "<w:tc><w:p><w:r><w:t>Requirement text for row {n}</w:t></w:r></w:p></w:tc>"
        "<w:tc><w:p><w:r><w:t>Yes</w:t></w:r></w:p></w:tc>"
        "<w:tc><w:p><w:r><w:t>Policy {n}</w:t></w:r></w:p></w:tc>"
        "<w:tc><w:p><w:r><w:t>Commentary {n}</w:t></w:r></w:p></w:tc></w:tr>"
    )
    rows = "".join(row_xml.format(pid=f"{1 + n % 9}.{1 + n // 9}", n=n) for n in range(count))
    with zipfile.ZipFile(source) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    xml = xml.replace("</w:tbl>", rows + "</w:tbl>", 1)
    tmp = path.with_suffix(".tmp.docx")
    os.replace(source, tmp)
    write_docx_with_document_xml(path, tmp, xml.encode("utf-8"))
    tmp.unlink()
    return path


def write_wide_table_docx(path: Path, columns: int = 40) -> Path:
    header = HEADER + [f"Extra {i}" for i in range(columns - len(HEADER))]
    rows = [r + [f"x{i}" for i in range(columns - len(r))] for r in small_form_rows()]
    return write_docx_form(path, rows=rows, header=header)


def deflate_ratio_probe(data: bytes) -> float:
    """Compression ratio of ``data`` (used by tests to confirm a bomb really is one)."""
    return len(data) / max(1, len(zlib.compress(data, 9)))


def write_raw_escape_docx(path: Path, source: Path) -> Path:
    """A DOCX whose XML carries raw ESC/BEL bytes (not well-formed XML: Word would not write it)."""
    with zipfile.ZipFile(source) as z:
        xml = z.read("word/document.xml")
    xml = xml.replace(b"Our policy sets this out.", b"\x1b[31mRED\x1b[0m \x1b]0;title\x07 policy", 1)
    return write_docx_with_document_xml(path, source, xml)


# --------------------------------------------------------------------------- PDF resource bombs
#
# pdfminer inflates every stream whole, recovers a damaged Flate stream one byte at a time, expands
# a ToUnicode range entry by entry and runs a Form XObject every time it is drawn. Each builder
# below turns one of those into a small file; the sizes default to what the issue reproduced.

_BOMB_BLOCK = 8 * 1024 * 1024


def _adler32_combine(first: int, second: int, second_len: int) -> int:
    """Adler-32 of A+B from adler(A), adler(B) and len(B) (zlib's adler32_combine)."""
    base = 65521
    rem = second_len % base
    sum1 = first & 0xFFFF
    sum2 = (rem * sum1) % base
    sum1 += (second & 0xFFFF) + base - 1
    sum2 += ((first >> 16) & 0xFFFF) + ((second >> 16) & 0xFFFF) + base - rem
    sum1 %= base
    sum2 %= base
    return sum1 | (sum2 << 16)


def flate_bomb(inflated: int, head: bytes = b"", fill: bytes = b" ", corrupt: bool = False) -> bytes:
    """A zlib stream of ``head`` then ``fill`` bytes, ``inflated`` bytes in all, built in a second.

    Compressing a gigabyte takes a deflater many seconds; a full flush resets its history, so every
    8 MB block of filler compresses to the same bytes and is compressed once, then repeated. The
    Adler-32 trailer is combined arithmetically. ``corrupt`` flips the trailer: the data inflates
    fully, then fails its check (what pdfminer answers by re-inflating byte by byte).
    """
    block = fill * (_BOMB_BLOCK // len(fill))
    deflater = zlib.compressobj(9)
    out = [deflater.compress(head) + deflater.flush(zlib.Z_FULL_FLUSH)]
    checksum = zlib.adler32(head)
    remaining = max(0, inflated - len(head))
    whole, rest = divmod(remaining, len(block))
    if whole:
        packed = deflater.compress(block) + deflater.flush(zlib.Z_FULL_FLUSH)
        out.append(packed * whole)
        block_sum = zlib.adler32(block)
        for _ in range(whole):
            checksum = _adler32_combine(checksum, block_sum, len(block))
    if rest:
        out.append(deflater.compress(block[:rest]) + deflater.flush(zlib.Z_FULL_FLUSH))
        checksum = _adler32_combine(checksum, zlib.adler32(block[:rest]), rest)
    final = deflater.flush()[:-4]  # the last (empty) block; its trailer covers only what it saw
    if corrupt:
        checksum ^= 0x5A5A5A5A
    return b"".join(out) + final + checksum.to_bytes(4, "big")


def _one_page_pdf(content: bytes, content_dict: str = "", extra: list[bytes] | None = None,
                  resources: str = "/Font << /F1 5 0 R >>") -> bytes:
    """Catalog, pages, one A4 page (object 3) drawing ``content`` (object 4), Helvetica (object 5),
    then ``extra`` objects numbered from 6."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        f"/Resources << {resources} >> >>".encode(),
        f"<< /Length {len(content)} {content_dict}>>\nstream\n".encode() + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        *(extra or []),
    ]
    return assemble(objects)


_BOMB_TEXT = b"BT /F1 9 Tf 40 800 Td (Example Homes self-assessment) Tj ET\n"


def write_flate_bomb_pdf(path: Path, inflated: int = 1536 * 1024 * 1024) -> Path:
    """A page whose content stream inflates to ``inflated`` bytes (1.5 GB: a ~1.5 MB file)."""
    data = flate_bomb(inflated, head=_BOMB_TEXT)
    return write_bytes(path, _one_page_pdf(data, "/Filter /FlateDecode "))


def write_corrupt_flate_pdf(path: Path, inflated: int = 21 * 1024 * 1024) -> Path:
    """A page whose Flate content (``inflated`` bytes, a ~21 KB file) fails its checksum at the end."""
    data = flate_bomb(inflated, head=_BOMB_TEXT, corrupt=True)
    return write_bytes(path, _one_page_pdf(data, "/Filter /FlateDecode "))


def write_xobject_fanout_pdf(path: Path, depth: int = 20) -> Path:
    """A page drawing Form XObject 0, each form drawing the next twice: 2**depth leaf draws."""
    first = 6
    forms = []
    for level in range(depth):
        body = b"/X Do /X Do"
        forms.append(
            f"<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /XObject "
            f"<< /X {first + level + 1} 0 R >> /Font << /F1 5 0 R >> >> /Length {len(body)} >>\n"
            "stream\n".encode() + body + b"\nendstream"
        )
    leaf = b"BT /F1 9 Tf 40 800 Td (x) Tj ET 10 10 m 20 20 l S"
    forms.append(
        f"<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> "
        f"/Length {len(leaf)} >>\nstream\n".encode() + leaf + b"\nendstream"
    )
    content = _BOMB_TEXT + b"/X0 Do"
    resources = f"/Font << /F1 5 0 R >> /XObject << /X0 {first} 0 R >>"
    return write_bytes(path, _one_page_pdf(content, extra=forms, resources=resources))


def write_cmap_range_pdf(path: Path, first: str = "00000000", last: str = "FFFFFFFF") -> Path:
    """A font whose ToUnicode map is one range ``<first>``-``<last>`` (2**32 codes: a ~1 KB file)."""
    cmap = (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "/CMapName /Example-Range def /CMapType 2 def\n"
        "1 begincodespacerange <00> <FF> endcodespacerange\n"
        f"1 beginbfrange <{first}> <{last}> <0000> endbfrange\n"
        "endcmap CMapName currentdict /CMap defineresource pop end end"
    ).encode()
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 7 0 R >>"
    stream = f"<< /Length {len(cmap)} >>\nstream\n".encode() + cmap + b"\nendstream"
    return write_bytes(
        path, _one_page_pdf(_BOMB_TEXT, extra=[font, stream], resources="/Font << /F1 6 0 R >>")
    )


# --------------------------------------------------------------------------- ZIP directories


def _central_entry(name: bytes, offset: int = 0) -> bytes:
    """One central-directory record for an empty stored file ``name`` (local header at ``offset``)."""
    return struct.pack(
        "<4s4B4HL2L5H2L", b"PK\x01\x02", 20, 3, 20, 0, 0, 0, 0, 0, 0, 0, 0,
        len(name), 0, 0, 0, 0, 0, offset,
    ) + name


def write_many_entries_zip(
    path: Path, entries: int = 1_300_000, zip64: bool = False, declared: int | None = None
) -> Path:
    """A ZIP whose central directory lists ``entries`` files (1.3 M: a ~62 MB file).

    Every record names the same empty file, so the archive is quick to build. ``zip64`` puts the
    counts in a ZIP64 end record (the classic record then says 0xFFFF); ``declared`` makes the end
    record lie about the count (zipfile walks the directory by its size, not its count).
    """
    name = b"a"
    local = struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 0, 0, 0, 0, 0, 0, len(name), 0) + name
    directory = _central_entry(name) * entries
    count = entries if declared is None else declared
    offset = len(local)
    tail = b""
    if zip64:
        record_at = offset + len(directory)
        tail = struct.pack(
            "<4sQ2H2L4Q", b"PK\x06\x06", 44, 45, 45, 0, 0, count, count, len(directory), offset
        ) + struct.pack("<4sLQL", b"PK\x06\x07", 0, record_at, 1)
        end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, 0xFFFF, 0xFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0)
    else:
        end = struct.pack(
            "<4s4H2LH", b"PK\x05\x06", 0, 0, min(count, 0xFFFF), min(count, 0xFFFF),
            len(directory), offset, 0,
        )
    return write_bytes(path, local + directory + tail + end)


# --------------------------------------------------------------------------- quadratic reader work


def _docx_with_extra_rows(path: Path, rows_xml: str, parts: dict[str, bytes] | None = None) -> Path:
    """A valid form with ``rows_xml`` appended to its table and extra package ``parts``."""
    source = write_docx_form(path.with_suffix(".base.docx"))
    with zipfile.ZipFile(source) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    xml = xml.replace("</w:tbl>", rows_xml + "</w:tbl>", 1)
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = xml.encode("utf-8") if item.filename == "word/document.xml" else zin.read(item.filename)
            zout.writestr(item, data)
        for name, data in (parts or {}).items():
            zout.writestr(name, data)
    source.unlink()
    return path


def _row_xml(*cells: str) -> str:
    return "<w:tr>" + "".join(f"<w:tc><w:p><w:r><w:t>{c}</w:t></w:r></w:p></w:tc>" for c in cells) + "</w:tr>"


def write_continuation_rows_docx(path: Path, rows: int = 19_000) -> Path:
    """One numbered row followed by ``rows`` continuation rows (no provision number), each adding a
    line to its requirement, evidence and commentary (19,000 rows: a ~70 KB file)."""
    body = [_row_xml("6.9", "Landlords must set out in their policy", "Partial", "", "")]
    body += [
        _row_xml("", f"line {n} of the requirement", "", f"document {n}", f"note {n} on progress")
        for n in range(rows)
    ]
    return _docx_with_extra_rows(path, "".join(body))


_W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def write_header_paragraphs_docx(path: Path, paragraphs: int = 120_000) -> Path:
    """A valid form whose page header holds ``paragraphs`` distinct paragraphs."""
    line = "<w:p><w:r><w:t>Example Homes header line {n}</w:t></w:r></w:p>"
    body = "".join(line.format(n=n) for n in range(paragraphs))
    header = f'<?xml version="1.0" encoding="UTF-8"?><w:hdr {_W_NS}>{body}</w:hdr>'.encode()
    return _docx_with_extra_rows(path, "", {"word/header1.xml": header})
