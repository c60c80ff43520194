"""Decide what a file really is from its bytes, and open DOCX packages within limits.

Users rename files, save PDFs with a .docx extension and drop legacy .doc or encrypted files into
repositories. The extension is ignored: the magic bytes decide, and every failure names the file
and says what to do in one line. An encrypted (password-protected) DOCX or XLSX is not a ZIP at all
but an OLE compound file (magic D0 CF 11 E0) holding an ``EncryptedPackage`` stream. A ZIP is a
Word document or an Excel workbook by the part it holds (``word/document.xml``, ``xl/workbook.xml``);
a web page is markup whose first element is an HTML one.
"""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from pathlib import Path
from typing import Literal

from codecheck.errors import InputError
from codecheck.limits import Limits, effective

Kind = Literal["docx", "pdf", "html", "xlsx"]

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
_WORKBOOK_STREAM = "Workbook".encode("utf-16-le")  # a legacy .xls holds a "Workbook" stream
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    OSError,
    ValueError,
    NotImplementedError,
    RuntimeError,
    KeyError,
    struct.error,
    IndexError,
)


def _describe_other(head: bytes) -> str:
    """Name a few common non-document formats so the error says what the file actually is."""
    low = head.lstrip()[:64].lower()
    if head.startswith(b"{\\rtf"):
        return "an RTF file"
    if low.startswith((b"<!doctype html", b"<html")):
        return "an HTML page"
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8")):
        return "an image"
    if low.startswith(b"<?xml"):
        return "an XML file"
    return "unrecognised content"


def sniff(path: Path, limits: Limits | None = None) -> Kind:
    """Return "docx", "pdf", "html" or "xlsx" for a readable candidate; raise ``InputError`` otherwise."""
    lim = effective(limits)
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise InputError("not a regular file", path)
        with path.open("rb") as fh:
            head = fh.read(2048)
    except FileNotFoundError:
        raise InputError("file not found", path) from None
    except IsADirectoryError:
        raise InputError("is a directory, not a document", path) from None
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}", path) from None
    if size == 0:
        raise InputError("empty file (0 bytes)", path)
    if size > lim.max_file_bytes:
        raise InputError(f"file is {size:,} bytes, over the {lim.max_file_bytes:,}-byte limit", path)
    if head.startswith(OLE_MAGIC):
        if _ole_has_encrypted_package(path):
            raise InputError(
                "password-protected (encrypted) document; remove the password and save it again", path
            )
        if _ole_has_stream(path, _WORKBOOK_STREAM):
            raise InputError("legacy Excel 97-2003 (.xls) workbook, not XLSX; save it as .xlsx", path)
        raise InputError("legacy Word 97-2003 (.doc) or other OLE file, not DOCX; save it as .docx", path)
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(ZIP_MAGICS):
        _check_zip_directory(path, lim)  # before any ZIP reader (or _zip_kind) parses the directory
        return _zip_kind(path)
    if not head.strip(b" \t\r\n\x00"):
        raise InputError("file holds no content (only blank bytes)", path)
    if is_html(head):
        return "html"
    raise InputError(f"not a DOCX, PDF, HTML or XLSX file ({_describe_other(head)})", path)


_HTML_START = re.compile(
    rb"^(?:<!doctype\s+html|<(?:html|head|body|meta|title|main|article|section|div|table|h[1-6]|p|link|"
    rb"style|base|header|nav)[\s>/])",
    re.IGNORECASE,
)
_LEADING_MARKUP = re.compile(
    rb"^(?:\s+|<!--.*?-->|<\?xml[^>]*\?>|<!doctype\s+(?!html)[^>]*>)", re.DOTALL | re.IGNORECASE
)


def is_html(head: bytes) -> bool:
    """Does the file open as a web page? A byte-order mark, blank lines, comments (a browser's
    "saved from url" mark) and an XML declaration may come first; then a doctype or an HTML element."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head.decode("utf-16", "ignore").encode("utf-8", "ignore")
    head = head.removeprefix(b"\xef\xbb\xbf")
    for _ in range(50):
        m = _LEADING_MARKUP.match(head)
        if not m or not m.group(0):
            break
        head = head[m.end() :]
    if head.upper().startswith(b"<!DOCTYPE") and b"xhtml" in head[:200].lower():
        return True
    return bool(_HTML_START.match(head))


def _zip_kind(path: Path) -> Kind:
    """A ZIP package is a workbook when it holds ``xl/workbook.xml`` and no Word document part;
    anything else is checked as a Word package when opened (``open_package``)."""
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist()[:100_000])
    except _ZIP_ERRORS:
        return "docx"  # open_package reports the damage in its own words
    if "xl/workbook.xml" in names and "word/document.xml" not in names:
        return "xlsx"
    return "docx"


def _check_zip_directory(path: Path, limits: Limits) -> None:
    """Refuse an oversized ZIP central directory from its end record (``readers.zip_directory``)."""
    from codecheck.readers.zip_directory import check_directory

    try:
        with path.open("rb") as fh:
            check_directory(fh, path, limits)
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}", path) from None


def _ole_has_encrypted_package(path: Path) -> bool:
    """True when an OLE compound file names an EncryptedPackage stream (Office encryption).

    The stream name sits in the directory sectors as UTF-16LE; scanning a bounded prefix for it is
    enough to tell an encrypted OOXML document from a legacy .doc without an OLE parser.
    """
    return _ole_has_stream(path, _ENCRYPTED_STREAM)


def _ole_has_stream(path: Path, name: bytes) -> bool:
    with path.open("rb") as fh:
        data = fh.read(8 * 1024 * 1024)
    return name in data


class Package:
    """A DOCX ZIP opened with bounded reads: member count, declared and actual inflated sizes."""

    def __init__(self, path: Path, limits: Limits) -> None:
        self.path = path
        self.limits = limits
        self.inflated = 0
        _check_zip_directory(path, limits)
        try:
            self.zip = zipfile.ZipFile(path)
        except _ZIP_ERRORS:
            raise InputError("corrupt or truncated ZIP package (not a readable DOCX)", path) from None
        infos = self.zip.infolist()
        if len(infos) > limits.max_zip_entries:
            self.zip.close()
            raise InputError(f"package has {len(infos)} parts, over the {limits.max_zip_entries} limit", path)
        self.names = {i.filename: i for i in infos}
        if "word/document.xml" not in self.names:
            self.zip.close()
            if "xl/workbook.xml" in self.names:
                raise InputError("an Excel workbook, not a Word document; save the form as DOCX or PDF", path)
            if "content.xml" in self.names and "mimetype" in self.names:
                raise InputError("an OpenDocument file (.odt), not DOCX; save it as DOCX or PDF", path)
            if "ppt/presentation.xml" in self.names:
                raise InputError("a PowerPoint file, not a Word document", path)
            raise InputError("a ZIP file but not a Word document (no word/document.xml)", path)

    def __enter__(self) -> Package:
        return self

    def __exit__(self, *exc: object) -> None:
        self.zip.close()

    def has(self, name: str) -> bool:
        return name in self.names

    def read(self, name: str) -> bytes:
        """Inflate one member, stopping as soon as it passes the per-part or total limit."""
        info = self.names.get(name)
        if info is None:
            raise InputError(f"package part {name} is missing", self.path)
        part_limit = self.limits.max_xml_part_bytes
        remaining = self.limits.max_decompressed_bytes - self.inflated
        if info.file_size > part_limit or info.file_size > remaining:
            raise InputError(
                f"part {name} declares {info.file_size:,} bytes inflated, over the limit (zip bomb?)",
                self.path,
            )
        cap = min(part_limit, remaining)
        chunks: list[bytes] = []
        total = 0
        try:
            with self.zip.open(info) as fh:
                while True:
                    chunk = fh.read(1024 * 1024)
                    if not chunk:
                        break
                    total += len(chunk)
                    if total > cap:
                        raise InputError(f"part {name} inflates past the size limit (zip bomb?)", self.path)
                    chunks.append(chunk)
        except InputError:
            raise
        except _ZIP_ERRORS as exc:
            # damaged entries fail in many ways: bad CRC, bad offsets (OSError from seek), unknown
            # compression (NotImplementedError), an encrypted member (RuntimeError), zlib errors
            raise InputError(f"corrupt package part {name} ({type(exc).__name__})", self.path) from None
        self.inflated += total
        return b"".join(chunks)


def open_package(path: Path, limits: Limits | None = None) -> Package:
    return Package(path, effective(limits))
