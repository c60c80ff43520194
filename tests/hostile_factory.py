"""Builders for hostile and broken inputs, generated in code (nothing downloaded, nothing copied).

Each builder writes one file into a folder and returns its path. They exist so that the hardening
suite (tests/test_hostile.py), the fuzz script (tests/fuzz/fuzz_readers.py) and the benchmark can
all make the same inputs. The landlord is fictional ("Example Homes").
"""

from __future__ import annotations

import os
import random
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


# --------------------------------------------------------------------------- hostile output paths
# Outputs that point back at an input, or that cannot be written: each must end in one line and
# exit 2 with the input untouched and no partial file.


def non_utf8_name(folder: Path, stem: bytes, suffix: bytes = b".docx") -> Path:
    """A path whose file name holds a byte that is not UTF-8 (as after unzipping a Windows archive);
    Python keeps it as a lone surrogate."""
    return Path(os.fsdecode(os.fsencode(folder) + b"/" + stem + b"\xe9" + suffix))


def link_to(link: Path, target: Path, *, hard: bool = False) -> Path:
    """``link`` pointing at ``target`` (a symbolic link, or a hard link: the same file by another name)."""
    if hard:
        os.link(target, link)
    else:
        link.symlink_to(target)
    return link


def dangling_link(link: Path) -> Path:
    """A symbolic link to a file that does not exist (a report path planted in a repository)."""
    link.symlink_to(link.parent / "nowhere" / "planted.txt")
    return link


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
