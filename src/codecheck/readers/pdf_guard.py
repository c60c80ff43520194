"""Bound what pdfminer inflates, expands and draws while codecheck reads one PDF.

pdfminer (under pdfplumber) trusts the file it parses:

* it inflates a Flate stream whole (``zlib.decompress``): 1.5 MB of stream is 1.5 GB of content;
* it recovers a damaged Flate stream by inflating it again one byte at a time, concatenating
  ``bytes`` each time: quadratic (a 21 KB stream whose checksum is wrong ran for minutes);
* its RunLength decoder builds a list of Python ints (8 bytes of list per output byte, 64 output
  bytes per 2 input bytes) and its LZW decoder joins whatever the codes expand to;
* it expands a ToUnicode range one entry at a time into a dict: ``<00000000> <FFFFFFFF>`` in a
  1 KB file is four billion entries;
* it runs a Form XObject every time one is drawn: forms drawing the next form twice, 20 deep, are a
  million draws (and a million layout objects) from a 10 KB file.

pdfminer has no hooks or settings for any of these, and a pre-scan of the raw file cannot see what
pdfminer will decode (object streams, encrypted streams, filters given by reference). So the bounds
are applied where the work happens: ``bounded(path, limits)`` activates, for one document's
reading, thin wrappers installed once around those pdfminer functions. Outside ``bounded`` (another
program using pdfminer in the same process) the wrappers call the originals unchanged; the state is
a ``ContextVar``, so concurrent readings in threads each keep their own count.

The bounds, per document: every stream's decoded bytes together within ``max_decompressed_bytes``
(the same budget a DOCX's ZIP members share), each filter stage stopped as soon as it passes what is
left of it; a damaged Flate stream recovered in linear time with pdfminer's rules (what inflates
before the damage is kept when the damage is in the last three bytes, as a bad checksum is; anything
else is dropped); ToUnicode maps within ``MAX_UNICODE_MAP_ENTRIES`` per font and
``MAX_UNICODE_ENTRIES`` per document (a font has at most 65,536 glyphs); and per page, characters
and path segments drawn, plus ``FORM_WEIGHT`` per XObject (form or image), within
``max_page_objects``. Passing one raises ``InputError`` naming the file and the limit;
``readers.pdf`` lets it through pdfplumber's wrapping.
What is left unbounded here (time spent in pdfminer's pure-Python interpreter on content that stays
within these bounds, CCITT image data decoded by a content stream) is bounded by the per-document
time and memory budget the command line runs every document under (``codecheck.budget``).
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from codecheck.errors import InputError
from codecheck.limits import Limits

# A font holds at most 65,536 glyphs; twice that leaves room for overlapping or repeated ranges.
MAX_UNICODE_MAP_ENTRIES = 2 * 65_536
# Across a document: eight fonts each mapping every glyph a font can have.
MAX_UNICODE_ENTRIES = 8 * 65_536
# A form (Form XObject) costs pdfminer a new interpreter each time it is drawn (~0.5 ms, against a
# few microseconds per character): towards ``max_page_objects`` each XObject drawn (a form or an
# image) counts this many objects.
FORM_WEIGHT = 100
_CHUNK = 64 * 1024  # input fed to the inflater per call when recovering a damaged stream
_CORRUPT_TAIL = 3  # damage within the last bytes (the checksum) keeps the data, as pdfminer does


class _Reading:
    """What one document's reading has used so far."""

    def __init__(self, path: Path, limits: Limits) -> None:
        self.path = path
        self.limits = limits
        self.decoded = 0  # bytes of decoded stream data kept
        self.unicode_entries = 0
        self.map_entries: dict[int, int] = {}  # id(unicode map) -> entries added
        self.page = 0
        self.page_objects = 0

    # ------------------------------------------------------------------ streams

    def room(self) -> int:
        """Decoded bytes the document may still take."""
        return max(0, self.limits.max_decompressed_bytes - self.decoded)

    def too_big(self) -> InputError:
        return InputError(
            f"PDF streams decode to more than {self.limits.max_decompressed_bytes:,} bytes "
            "(limit max_decompressed_bytes): a compression bomb or a damaged file",
            self.path,
        )

    def keep(self, size: int) -> None:
        """Count a stream's decoded bytes; past the budget, stop the reading."""
        if size > self.room():
            raise self.too_big()
        self.decoded += size

    # ------------------------------------------------------------------ fonts

    def unicode_entry(self, cmap: object) -> None:
        key = id(cmap)
        count = self.map_entries.get(key, 0) + 1
        self.map_entries[key] = count
        self.unicode_entries += 1
        if count > MAX_UNICODE_MAP_ENTRIES:
            raise InputError(
                f"a font's Unicode map (ToUnicode) lists more than {MAX_UNICODE_MAP_ENTRIES:,} codes "
                "(a font has at most 65,536 glyphs): a hostile or damaged file",
                self.path,
            )
        if self.unicode_entries > MAX_UNICODE_ENTRIES:
            raise InputError(
                f"the fonts' Unicode maps (ToUnicode) list more than {MAX_UNICODE_ENTRIES:,} codes in "
                "all: a hostile or damaged file",
                self.path,
            )

    # ------------------------------------------------------------------ pages

    def start_page(self) -> None:
        self.page += 1
        self.page_objects = 0

    def drawn(self, count: int) -> None:
        self.page_objects += count
        if self.page_objects > self.limits.max_page_objects:
            raise InputError(
                f"page {self.page} draws more than {self.limits.max_page_objects:,} objects "
                f"(characters and lines, and {FORM_WEIGHT} for each image or form; limit "
                "max_page_objects): a hostile or damaged file, or a drawing rather than a form",
                self.path,
            )


_ACTIVE: ContextVar[_Reading | None] = ContextVar("codecheck_pdf_reading", default=None)


@contextmanager
def bounded(path: Path, limits: Limits) -> Iterator[None]:
    """Apply this module's bounds to the pdfminer work done inside the ``with`` block."""
    install()
    token = _ACTIVE.set(_Reading(path, limits))
    try:
        yield
    finally:
        _ACTIVE.reset(token)


# --------------------------------------------------------------------------- bounded decoders


def inflate(data: bytes, room: int) -> bytes:
    """``zlib.decompress(data)`` that stops once the output passes ``room`` bytes.

    Raises ``zlib.error`` where ``zlib.decompress`` would (damaged or truncated data), so that
    pdfminer goes on to its recovery path exactly as before; ``_Overflow`` past ``room``.
    """
    inflater = zlib.decompressobj()
    out = inflater.decompress(data, room + 1)
    if len(out) > room:
        raise _Overflow
    if not inflater.eof:
        raise zlib.error("Error -5 while decompressing data: incomplete or truncated stream")
    return out


def recover(data: bytes, room: int) -> bytes:
    """What inflates of a damaged Flate stream, in linear time (pdfminer's ``decompress_corrupted``).

    pdfminer feeds the data one byte at a time and keeps what came out before the byte that fails;
    a failure before the last three bytes re-raises (the stream is then read as empty), one within
    them (the checksum) keeps the data. Here the data goes in 64 KB pieces, and only the piece
    holding the damage is fed byte by byte, from a copy of the inflater taken before it: the same
    bytes come out.
    """
    inflater = zlib.decompressobj()
    pieces: list[bytes] = []
    size = 0
    for start in range(0, len(data), _CHUNK):
        chunk = data[start : start + _CHUNK]
        before = inflater.copy()
        kept = len(pieces)
        try:
            size = _feed(inflater, chunk, pieces, size, room)
        except zlib.error:
            inflater = before
            del pieces[kept:]
            size = sum(len(p) for p in pieces)
            for offset in range(len(chunk)):
                try:
                    size = _feed(inflater, chunk[offset : offset + 1], pieces, size, room)
                except zlib.error:
                    if start + offset < len(data) - _CORRUPT_TAIL:
                        raise
                    return b"".join(pieces)
    return b"".join(pieces)


def _feed(inflater: Any, data: bytes, pieces: list[bytes], size: int, room: int) -> int:
    """Inflate ``data`` into ``pieces`` without ever holding more than ``room`` bytes in all."""
    while data:
        out = inflater.decompress(data, room - size + 1)
        size += len(out)
        if size > room:
            raise _Overflow
        pieces.append(out)
        data = inflater.unconsumed_tail
    return size


def run_length(data: bytes, room: int) -> bytes:
    """PDF RunLengthDecode into a ``bytearray`` (pdfminer builds a list of ints), within ``room``."""
    out = bytearray()
    i, end = 0, len(data)
    while i < end:
        length = data[i]
        if length == 128:  # end of data
            break
        if length < 128:
            run = data[i + 1 : i + length + 2]
            if len(run) != length + 1:
                raise ValueError("truncated RunLength data")
            out += run
            i += length + 2
        else:
            if i + 1 >= end:
                raise ValueError("truncated RunLength data")
            out += data[i + 1 : i + 2] * (257 - length)
            i += 2
        if len(out) > room:
            raise _Overflow
    return bytes(out)


def lzw(data: bytes, room: int) -> bytes:
    """pdfminer's LZW decoder, stopped once its output passes ``room`` bytes."""
    from io import BytesIO

    from pdfminer.lzw import LZWDecoder

    pieces: list[bytes] = []
    size = 0
    for piece in LZWDecoder(BytesIO(data)).run():
        size += len(piece)
        if size > room:
            raise _Overflow
        pieces.append(piece)
    return b"".join(pieces)


class _Overflow(Exception):
    """A decoder passed the room it was given (turned into ``InputError`` by the stream wrapper)."""


# --------------------------------------------------------------------------- installation

_ORIGINALS: dict[str, Any] = {}


class _BoundedZlib:
    """Stands in for the ``zlib`` module inside ``pdfminer.pdftypes`` (whose decoder calls
    ``zlib.decompress``): bounded while a document is read, the real one otherwise."""

    error = zlib.error

    def __getattr__(self, name: str) -> Any:
        return getattr(zlib, name)

    @staticmethod
    def decompress(data: bytes, *args: Any, **kwargs: Any) -> bytes:
        reading = _ACTIVE.get()
        if reading is None or args or kwargs:
            return zlib.decompress(data, *args, **kwargs)
        return inflate(data, reading.room())


def _stage(decoder: Callable[[bytes, int], bytes], original: str) -> Callable[..., bytes]:
    """A pdfminer filter function replaced by ``decoder`` while a document is read."""

    def stage(data: bytes, *args: Any) -> bytes:
        reading = _ACTIVE.get()
        if reading is None or args:
            return _ORIGINALS[original](data, *args)
        return decoder(data, reading.room())

    stage.__name__ = stage.__qualname__ = original
    return stage


def _decode(stream: Any) -> None:
    """``PDFStream.decode``: the filters run within the room left; the result is counted."""
    reading = _ACTIVE.get()
    if reading is None:
        return _ORIGINALS["decode"](stream)
    try:
        _ORIGINALS["decode"](stream)
    except _Overflow:
        raise reading.too_big() from None
    reading.keep(len(stream.data or b""))
    return None


def _add_unicode(cmap: Any, cid: int, code: Any) -> None:
    reading = _ACTIVE.get()
    if reading is not None:
        reading.unicode_entry(cmap)
    return _ORIGINALS["add_cid2unichr"](cmap, cid, code)


def _process_page(interpreter: Any, page: Any) -> None:
    reading = _ACTIVE.get()
    if reading is not None:
        reading.start_page()
    return _ORIGINALS["process_page"](interpreter, page)


def _render_string(device: Any, *args: Any, **kwargs: Any) -> None:
    reading = _ACTIVE.get()
    if reading is not None:
        textstate = kwargs.get("textstate", args[0] if args else None)
        seq = kwargs.get("seq", args[1] if len(args) > 1 else ())
        shown = sum(len(item) for item in seq if isinstance(item, bytes))
        font = getattr(textstate, "font", None)
        if font is not None and font.is_multibyte():
            shown //= 2  # two-byte codes (Identity-H and the like)
        reading.drawn(max(1, shown))
    return _ORIGINALS["render_string"](device, *args, **kwargs)


def _paint_path(device: Any, *args: Any, **kwargs: Any) -> None:
    reading = _ACTIVE.get()
    if reading is not None:  # one layout object per segment at most
        path = kwargs.get("path", args[4] if len(args) > 4 else ())
        reading.drawn(max(1, len(path)))
    return _ORIGINALS["paint_path"](device, *args, **kwargs)


def _do_xobject(interpreter: Any, name: Any) -> None:
    reading = _ACTIVE.get()
    if reading is not None:  # an image or a form: a form is a whole content stream run again
        reading.drawn(FORM_WEIGHT)
    return _ORIGINALS["do_Do"](interpreter, name)


def install() -> list[str]:
    """Put the wrappers in place (once per process); return the names of the functions wrapped.

    Every wrapper calls the original when no document is being read, so other users of pdfminer
    in the process see no change.
    """
    if _ORIGINALS:
        return sorted(_ORIGINALS)
    from pdfminer import cmapdb, converter, pdfdevice, pdfinterp, pdftypes

    targets: list[tuple[str, object, str, object]] = [
        ("decode", pdftypes.PDFStream, "decode", _decode),
        ("zlib", pdftypes, "zlib", _BoundedZlib()),
        ("decompress_corrupted", pdftypes, "decompress_corrupted", _stage(recover, "decompress_corrupted")),
        ("rldecode", pdftypes, "rldecode", _stage(run_length, "rldecode")),
        ("lzwdecode", pdftypes, "lzwdecode", _stage(lzw, "lzwdecode")),
        ("add_cid2unichr", cmapdb.FileUnicodeMap, "add_cid2unichr", _add_unicode),
        ("process_page", pdfinterp.PDFPageInterpreter, "process_page", _process_page),
        ("do_Do", pdfinterp.PDFPageInterpreter, "do_Do", _do_xobject),
        ("render_string", pdfdevice.PDFTextDevice, "render_string", _render_string),
        ("paint_path", converter.PDFLayoutAnalyzer, "paint_path", _paint_path),
    ]
    for key, owner, attr, wrapper in targets:
        original = getattr(owner, attr, None)
        if original is None:  # a pdfminer without this function: that bound is not applied
            continue
        _ORIGINALS[key] = original
        setattr(owner, attr, wrapper)
    return sorted(_ORIGINALS)
