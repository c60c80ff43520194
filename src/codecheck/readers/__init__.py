"""Document readers: sniff the real format from the bytes and dispatch to the format's reader.

``read_document(path, limits)`` is the one entry point the rest of codecheck uses (``read_as_one`` in
``readers.combine`` reads several files as one form). Every reader produces ``RawTable``s for the
shared row builder (``readers.rows.build_rows``), and the HTML, DOCX and PDF readers paragraph items
for the shared labelled-block builder (``readers.blocks``), so a row means the same whichever format
it came from.
"""

from __future__ import annotations

from pathlib import Path

from codecheck.errors import InputError
from codecheck.limits import Limits, effective
from codecheck.model import Document

# The file endings a folder or glob is searched for, with their media types (SARIF names an input's
# type). The format is still decided from the bytes: the ending only says which files to offer.
DOCUMENT_MEDIA_TYPES = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".pdf": "application/pdf",
    ".html": "text/html",
    ".htm": "text/html",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".xlsm": "application/vnd.ms-excel.sheet.macroEnabled.12",
}
DOCUMENT_SUFFIXES = tuple(DOCUMENT_MEDIA_TYPES)
DOCUMENT_KINDS = "DOCX, PDF, HTML or XLSX"  # the formats as a person names them, for messages


def read_document(path: Path, limits: Limits | None = None) -> Document:
    """Read a self-assessment (DOCX, PDF, web page or XLSX workbook, decided by its bytes, not its
    extension).

    Raises ``InputError`` naming the file for anything unreadable: an unknown format, empty, corrupt,
    encrypted, image-only, too large, or without a self-assessment table or labelled blocks.
    """
    from codecheck.readers.sniff import sniff

    path = Path(path)
    lim = effective(limits)
    kind = sniff(path, lim)
    if kind == "docx":
        from codecheck.readers.docx import read_docx

        return read_docx(path, lim)
    if kind == "pdf":
        try:
            from codecheck.readers.pdf import read_pdf
        except ImportError:
            raise InputError("PDF reading is not available in this installation", path) from None
        return read_pdf(path, lim)
    if kind == "html":
        from codecheck.readers.html import read_html

        return read_html(path, lim)
    if kind == "xlsx":
        from codecheck.readers.xlsx import read_xlsx

        return read_xlsx(path, lim)
    raise InputError(f"unsupported document format {kind!r}", path)  # pragma: no cover - sniff guards


__all__ = ["DOCUMENT_KINDS", "DOCUMENT_MEDIA_TYPES", "DOCUMENT_SUFFIXES", "read_document"]
