"""Byte- and XML-level mutations of valid documents, shared by the property test and the fuzz script."""

from __future__ import annotations

import io
import zipfile


def flip_bytes(data: bytes, positions: list[int], values: list[int]) -> bytes:
    """Overwrite bytes at (wrapped) positions: the classic dumb-fuzzing mutation."""
    buf = bytearray(data)
    for pos, val in zip(positions, values, strict=False):
        if buf:
            buf[pos % len(buf)] = val & 0xFF
    return bytes(buf)


def splice(data: bytes, start: int, length: int, insert: bytes) -> bytes:
    """Cut ``length`` bytes at ``start`` and put ``insert`` there (truncation, duplication, junk)."""
    if not data:
        return insert
    start %= len(data)
    return data[:start] + insert + data[start + max(0, length) :]


def mutate_docx_xml(docx: bytes, start: int, length: int, insert: bytes) -> bytes:
    """Re-pack a DOCX with its word/document.xml spliced: valid zip, damaged or odd XML."""
    src = zipfile.ZipFile(io.BytesIO(docx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            payload = src.read(item.filename)
            if item.filename == "word/document.xml":
                payload = splice(payload, start, length, insert)
            dst.writestr(item, payload)
    return out.getvalue()
