"""Document readers: sniff the real format from the bytes and dispatch to the DOCX or PDF reader.

``read_document(path, limits)`` is the one entry point the rest of codecheck uses. Both readers
produce ``RawTable``s and share ``readers.rows.build_rows``, so a row means the same whichever
format it came from.
"""

from __future__ import annotations

from pathlib import Path

from codecheck.errors import InputError
from codecheck.limits import Limits, effective
from codecheck.model import Document

# The file endings of the formats these readers accept: the one list a folder or glob expands to
# (``batch.expand``). A file named outright is read whatever its ending (the bytes decide).
DOCUMENT_SUFFIXES: tuple[str, ...] = (".docx", ".pdf")


def read_document(path: Path, limits: Limits | None = None) -> Document:
    """Read a self-assessment (DOCX or PDF, decided by its bytes, not its extension).

    Raises ``InputError`` naming the file for anything unreadable: not a DOCX/PDF, empty, corrupt,
    encrypted, image-only, too large, or without a self-assessment table.
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
    raise InputError(f"unsupported document format {kind!r}", path)  # pragma: no cover - sniff guards


__all__ = ["DOCUMENT_SUFFIXES", "read_document"]
