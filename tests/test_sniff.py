"""Bad input: the real format from the bytes, one-line errors naming the file, bounded decompression."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from codecheck.errors import InputError
from codecheck.limits import Limits
from codecheck.readers import read_document
from codecheck.readers.sniff import OLE_MAGIC, sniff
from docx_factory import simple_form


def rezip(
    source: Path,
    target: Path,
    replace: dict[str, bytes] | None = None,
    extra: dict[str, bytes] | None = None,
    drop: tuple[str, ...] = (),
) -> Path:
    with zipfile.ZipFile(source) as z:
        parts = {n: z.read(n) for n in z.namelist() if n not in drop}
    parts.update(replace or {})
    parts.update(extra or {})
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return target


def expect_error(path: Path, pattern: str, limits: Limits | None = None) -> str:
    with pytest.raises(InputError, match=pattern) as info:
        read_document(path, limits)
    message = str(info.value)
    assert message.startswith(str(path)), "the message names the file first"
    assert "\n" not in message
    return message


def test_extension_is_ignored(tmp_path: Path) -> None:
    docx_named_pdf = simple_form(tmp_path / "form.pdf")
    assert sniff(docx_named_pdf) == "docx"
    assert len(read_document(docx_named_pdf).rows) == 6
    pdf_named_docx = tmp_path / "x.docx"
    pdf_named_docx.write_bytes(b"%PDF-1.7\n")
    assert sniff(pdf_named_docx) == "pdf"


@pytest.mark.parametrize(
    ("data", "pattern"),
    [
        (b"", "empty file"),
        (b"   \n\n", "no content"),
        (b"{\\rtf1\\ansi Example Homes}", "RTF"),
        (b"<!DOCTYPE html><html><body>Example</body></html>", "no self-assessment table found"),
        (b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "image"),
        (b"plain text about complaints", r"not a DOCX, PDF, HTML or XLSX file \(unrecognised content\)"),
        (OLE_MAGIC + b"\0" * 1024, r"legacy Word 97-2003 \(\.doc\)"),
        (
            OLE_MAGIC + b"\0" * 512 + "EncryptedPackage".encode("utf-16-le") + b"\0" * 512,
            "password-protected",
        ),
        (b"PK\x03\x04" + b"\0" * 40, "corrupt or truncated ZIP"),
    ],
)
def test_not_a_readable_document(tmp_path: Path, data: bytes, pattern: str) -> None:
    path = tmp_path / "input.docx"
    path.write_bytes(data)
    expect_error(path, pattern)


def test_really_encrypted_docx(tmp_path: Path) -> None:
    ooxml = pytest.importorskip("msoffcrypto.format.ooxml")
    source = simple_form(tmp_path / "plain.docx")
    target = tmp_path / "locked.docx"
    with source.open("rb") as src, target.open("wb") as out:
        ooxml.OOXMLFile(src).encrypt("example-password", out)
    expect_error(target, "password-protected")


def test_truncated_docx(tmp_path: Path) -> None:
    source = simple_form(tmp_path / "full.docx")
    data = source.read_bytes()
    cut = tmp_path / "cut.docx"
    cut.write_bytes(data[: len(data) // 2])
    expect_error(cut, "corrupt")


def test_missing_file_and_directory(tmp_path: Path) -> None:
    expect_error(tmp_path / "nope.docx", "file not found")
    with pytest.raises(InputError):
        read_document(tmp_path)


def test_zip_that_is_not_a_word_document(tmp_path: Path) -> None:
    xlsx = tmp_path / "book.docx"
    with zipfile.ZipFile(xlsx, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
    assert sniff(xlsx) == "xlsx"  # a workbook whatever its name; this one is damaged
    expect_error(xlsx, "corrupt or unreadable workbook")
    other = tmp_path / "other.docx"
    with zipfile.ZipFile(other, "w") as z:
        z.writestr("readme.txt", "Example Homes")
    expect_error(other, "not a Word document")


def test_file_size_limit(tmp_path: Path) -> None:
    expect_error(simple_form(tmp_path / "f.docx"), "over the 1,000-byte limit", Limits(max_file_bytes=1000))


def test_zip_entry_limit(tmp_path: Path) -> None:
    source = simple_form(tmp_path / "f.docx")
    padded = rezip(
        source, tmp_path / "many.docx", extra={f"customXml/item{i}.xml": b"<x/>" for i in range(50)}
    )
    expect_error(padded, "parts, over the 40 limit", Limits(max_zip_entries=40))


def test_zip_bomb_is_refused_by_declared_size(tmp_path: Path) -> None:
    source = simple_form(tmp_path / "f.docx")
    with zipfile.ZipFile(source) as z:
        xml = z.read("word/document.xml")
    # 4 MB of padding inside the XML (a comment) compresses to a few kilobytes
    bomb_xml = xml.replace(b"<w:body>", b"<!--" + b" " * (4 * 1024 * 1024) + b"--><w:body>", 1)
    bomb = rezip(source, tmp_path / "bomb.docx", replace={"word/document.xml": bomb_xml})
    assert bomb.stat().st_size < 200_000
    expect_error(bomb, "zip bomb", Limits(max_xml_part_bytes=1024 * 1024))
    expect_error(bomb, "zip bomb", Limits(max_decompressed_bytes=2 * 1024 * 1024))
    assert len(read_document(bomb).rows) == 6  # within the default limits it is just a large file


def test_zip_bomb_with_a_lying_header_is_still_bounded(tmp_path: Path) -> None:
    """A local header that under-declares the inflated size must not let the reader inflate it all."""
    source = simple_form(tmp_path / "f.docx")
    with zipfile.ZipFile(source) as z:
        xml = z.read("word/document.xml")
    big = xml.replace(b"<w:body>", b"<!--" + b" " * (3 * 1024 * 1024) + b"--><w:body>", 1)
    path = rezip(source, tmp_path / "liar.docx", replace={"word/document.xml": big})
    data = bytearray(path.read_bytes())
    # patch the central directory's uncompressed size for document.xml down to 1 KB
    name = b"word/document.xml"
    pos = 0
    while True:
        pos = data.find(b"PK\x01\x02", pos)
        if pos < 0:
            break
        name_len = int.from_bytes(data[pos + 28 : pos + 30], "little")
        if data[pos + 46 : pos + 46 + name_len] == name:
            data[pos + 24 : pos + 28] = (1024).to_bytes(4, "little")
        pos += 4
    path.write_bytes(bytes(data))
    # the reader stops at the declared size (the CRC then fails): an error, never a 3 MB inflate
    expect_error(path, "corrupt")


@pytest.mark.parametrize(
    "prolog",
    [
        b'<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>',
        b'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
    ],
)
def test_dtd_and_entities_are_refused(tmp_path: Path, prolog: bytes) -> None:
    source = simple_form(tmp_path / "f.docx")
    with zipfile.ZipFile(source) as z:
        xml = z.read("word/document.xml")
    decl_end = xml.index(b"?>") + 2
    evil = rezip(
        source,
        tmp_path / "evil.docx",
        replace={"word/document.xml": xml[:decl_end] + prolog + xml[decl_end:]},
    )
    expect_error(evil, "DOCTYPE or entities")


def test_malformed_xml(tmp_path: Path) -> None:
    source = simple_form(tmp_path / "f.docx")
    broken = rezip(source, tmp_path / "broken.docx", replace={"word/document.xml": b"<w:document><unclosed>"})
    expect_error(broken, "not well-formed XML")


def test_inputs_are_not_modified(tmp_path: Path) -> None:
    path = simple_form(tmp_path / "f.docx")
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    read_document(path)
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def test_opendocument_text_is_named(tmp_path: Path) -> None:
    odt = tmp_path / "form.docx"
    with zipfile.ZipFile(odt, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", "<office:document-content/>")
    expect_error(odt, r"OpenDocument file \(\.odt\)")


def test_damaged_zip_offsets_are_one_line_errors(tmp_path: Path) -> None:
    """Cutting bytes out of the middle leaves entries whose offsets point past the end (OSError on seek)."""
    data = simple_form(tmp_path / "f.docx").read_bytes()
    for start, length in ((4, 744), (200, 3000), (len(data) // 3, 5000)):
        mutant = tmp_path / f"cut-{start}.docx"
        mutant.write_bytes(data[:start] + data[start + length :])
        try:
            read_document(mutant)
        except InputError as exc:
            assert "\n" not in str(exc) and str(mutant) in str(exc)
