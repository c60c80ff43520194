"""Refuse a ZIP whose central directory is too large, before ``zipfile`` parses it.

``zipfile.ZipFile`` reads the whole central directory into memory and builds a ``ZipInfo`` for every
record before anyone can count them: 1.3 million records (a 62 MB file) took 738 MB. The size of
that work is declared up front, in the end-of-central-directory record at the end of the file (and,
for ZIP64, in the record its locator points to): the number of entries and the directory's size in
bytes. ``zipfile`` walks the directory by its size, not its entry count, so both are checked.

The records are found the way ``zipfile`` finds them (the last 22 bytes, else the last occurrence of
the signature within the 64 KB a comment may take; the ZIP64 record just before its locator), so
both read the same numbers. A file where no record is found is left for ``zipfile`` to reject.
This applies to every ZIP-based format (DOCX, XLSX): ``readers.sniff`` calls it for any ZIP.
"""

from __future__ import annotations

import struct
from pathlib import Path
from typing import BinaryIO

from codecheck.errors import InputError
from codecheck.limits import Limits

_END = b"PK\x05\x06"
_END_FORMAT = "<4s4H2LH"  # signature, disk, start disk, entries here, entries, size, offset, comment
_END_SIZE = struct.calcsize(_END_FORMAT)  # 22
_LOCATOR = b"PK\x06\x07"
_LOCATOR_FORMAT = "<4sLQL"  # signature, disk of the ZIP64 record, its offset, disks
_LOCATOR_SIZE = struct.calcsize(_LOCATOR_FORMAT)  # 20
_END64 = b"PK\x06\x06"
_END64_FORMAT = "<4sQ2H2L4Q"  # signature, size, versions, disks, entries here, entries, size, offset
_END64_SIZE = struct.calcsize(_END64_FORMAT)  # 56
_MAX_COMMENT = 0xFFFF
# A central-directory record is 46 bytes plus its name, extra field and comment; a DOCX part's
# record is under 100 bytes. The directory may average this many bytes per allowed entry.
BYTES_PER_ENTRY = 512


def directory_size(fh: BinaryIO) -> tuple[int, int] | None:
    """(entries, central-directory bytes) as the end records declare them; None when there are none."""
    fh.seek(0, 2)
    file_size = fh.tell()
    if file_size < _END_SIZE:
        return None
    fh.seek(file_size - _END_SIZE)
    tail = fh.read(_END_SIZE)
    if tail[:4] == _END and tail[-2:] == b"\x00\x00":  # no archive comment
        end_at, record = file_size - _END_SIZE, tail
    else:
        search_from = max(file_size - _MAX_COMMENT - _END_SIZE, 0)
        fh.seek(search_from)
        window = fh.read()
        found = window.rfind(_END)
        if found < 0 or len(window) - found < _END_SIZE:
            return None
        end_at, record = search_from + found, window[found : found + _END_SIZE]
    _, _, _, _, entries, size, _, _ = struct.unpack(_END_FORMAT, record)
    zip64 = _zip64_counts(fh, end_at)
    return zip64 if zip64 is not None else (entries, size)


def _zip64_counts(fh: BinaryIO, end_at: int) -> tuple[int, int] | None:
    """The ZIP64 record's (entries, size) when a locator precedes the end record (as zipfile reads)."""
    locator_at = end_at - _LOCATOR_SIZE
    if _record(fh, locator_at, _LOCATOR_SIZE, _LOCATOR) is None:
        return None
    record = _record(fh, locator_at - _END64_SIZE, _END64_SIZE, _END64)
    if record is None:
        return None
    fields = struct.unpack(_END64_FORMAT, record)
    return fields[7], fields[8]


def _record(fh: BinaryIO, at: int, size: int, signature: bytes) -> bytes | None:
    """The ``size`` bytes at ``at`` when they start with ``signature``."""
    if at < 0:
        return None
    fh.seek(at)
    data = fh.read(size)
    return data if len(data) == size and data.startswith(signature) else None


def check_directory(fh: BinaryIO, path: Path, limits: Limits) -> None:
    """Raise ``InputError`` when the ZIP in ``fh`` declares more entries, or a larger central
    directory, than ``limits.max_zip_entries`` allows."""
    declared = directory_size(fh)
    if declared is None:
        return
    entries, size = declared
    cap = limits.max_zip_entries
    # the size first: the classic record's count stops at 65,535, the directory's size does not
    if size > cap * BYTES_PER_ENTRY:
        raise InputError(
            f"package's central directory is {size:,} bytes, too large for the {cap:,}-part limit "
            "(max_zip_entries)",
            path,
        )
    if entries > cap:
        raise InputError(f"package lists {entries:,} parts, over the {cap:,} limit (max_zip_entries)", path)
