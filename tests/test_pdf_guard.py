"""The PDF resource bounds: bounded decoders that decode as pdfminer's do, and limits that name the file.

The decoders replace pdfminer's inside a reading, so each is compared with pdfminer's own on
generated data (valid and damaged); the limits are exercised on small generated PDFs with small
``Limits``. ``tests/test_hostile.py`` runs the full-size bombs through the command line.
"""

from __future__ import annotations

import zlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import hostile_factory as hf
from codecheck.errors import InputError
from codecheck.limits import Limits
from codecheck.readers import pdf_guard, read_document
from codecheck.readers.pdf_guard import inflate, lzw, recover, run_length

BIG = 1 << 30


def pdfminer_original(name: str):
    pdf_guard.install()
    return pdf_guard._ORIGINALS[name]


def outcome(fn, *args):
    """What a decoder does with ``args``: its bytes, or the kind of error it raises."""
    try:
        return fn(*args)
    except Exception as exc:
        return type(exc).__name__


def test_every_bound_is_in_place() -> None:
    """A pdfminer release that renames one of these must fail here, not silently drop a bound."""
    assert pdf_guard.install() == sorted(
        [
            "add_cid2unichr",
            "decode",
            "decompress_corrupted",
            "do_Do",
            "lzwdecode",
            "paint_path",
            "process_page",
            "render_string",
            "rldecode",
            "zlib",
        ]
    )


@settings(max_examples=60, deadline=None)
@given(data=st.binary(max_size=3000), level=st.integers(min_value=0, max_value=9))
def test_inflate_is_zlib_decompress(data: bytes, level: int) -> None:
    packed = zlib.compress(data, level)
    assert inflate(packed, BIG) == data
    half = packed[: len(packed) // 2]
    assert outcome(inflate, half, BIG) == outcome(zlib.decompress, half)
    if data:
        with pytest.raises(pdf_guard._Overflow):
            inflate(packed, len(data) - 1)


@settings(max_examples=80, deadline=None)
@given(
    data=st.binary(min_size=1, max_size=2000),
    cut=st.integers(min_value=0, max_value=40),
    flip=st.integers(min_value=0, max_value=1 << 16),
    chunk=st.integers(min_value=1, max_value=64),
)
def test_recover_keeps_what_pdfminer_keeps(data: bytes, cut: int, flip: int, chunk: int) -> None:
    """Damaged anywhere (a flipped byte, a cut tail, a bad checksum), the same bytes or the same error,
    whatever the size of the pieces fed (small here, to cross many piece boundaries)."""
    original = pdfminer_original("decompress_corrupted")
    packed = bytearray(zlib.compress(data * 3))
    packed[flip % len(packed)] ^= 0x55
    damaged = bytes(packed[: max(1, len(packed) - cut)])
    previous = pdf_guard._CHUNK
    pdf_guard._CHUNK = chunk
    try:
        assert outcome(recover, damaged, BIG) == outcome(original, damaged)
    finally:
        pdf_guard._CHUNK = previous


def test_recover_is_linear_on_a_long_damaged_stream() -> None:
    """21 MB behind a bad checksum: pdfminer's byte-by-byte concatenation takes minutes."""
    damaged = hf.flate_bomb(21 * 1024 * 1024, corrupt=True)
    assert len(recover(damaged, BIG)) == 21 * 1024 * 1024
    with pytest.raises(pdf_guard._Overflow):
        recover(damaged, 1024 * 1024)


runs = st.lists(
    st.one_of(
        st.binary(min_size=1, max_size=128).map(lambda b: bytes([len(b) - 1]) + b),  # literal run
        st.tuples(st.integers(min_value=129, max_value=255), st.integers(0, 255)).map(bytes),  # repeat
    ),
    max_size=40,
)


@settings(max_examples=60, deadline=None)
@given(runs=runs, end=st.booleans())
def test_run_length_is_pdfminers(runs: list[bytes], end: bool) -> None:
    from pdfminer.runlength import rldecode

    data = b"".join(runs) + (b"\x80" if end else b"")
    assert run_length(data, BIG) == rldecode(data)


@settings(max_examples=60, deadline=None)
@given(data=st.binary(max_size=600))
def test_lzw_is_pdfminers(data: bytes) -> None:
    from pdfminer.lzw import lzwdecode

    data = b"\x80" + data  # a clear code first (9 bits: 1000 0000 0...), as an encoder writes
    assert outcome(lzw, data, BIG) == outcome(lzwdecode, data)


def test_pdfminer_is_unbounded_outside_a_reading() -> None:
    """Another program using pdfminer in this process sees pdfminer as it is."""
    from pdfminer import pdftypes

    pdf_guard.install()
    bomb = hf.flate_bomb(8 * 1024 * 1024)
    assert len(pdftypes.zlib.decompress(bomb)) == 8 * 1024 * 1024
    assert pdftypes.rldecode(b"\x81a\x80") == b"a" * 128


def read_with(path: Path, **limits: int) -> None:
    read_document(path, Limits(**limits))


def test_decoded_bytes_are_bounded_per_document(tmp_path: Path) -> None:
    bomb = hf.write_flate_bomb_pdf(tmp_path / "bomb.pdf", inflated=64 * 1024 * 1024)
    message = r"bomb\.pdf: PDF streams decode to more than 1,000,000 bytes \(limit max_decompressed_bytes\)"
    with pytest.raises(InputError, match=message):
        read_with(bomb, max_decompressed_bytes=1_000_000)


def test_a_damaged_stream_is_read_quickly_and_within_the_limit(tmp_path: Path) -> None:
    damaged = hf.write_corrupt_flate_pdf(tmp_path / "damaged.pdf")
    with pytest.raises(InputError, match=r"damaged\.pdf: no self-assessment table"):
        read_with(damaged)  # recovered (21 MB of spaces after a line of text): read, not a form
    with pytest.raises(InputError, match="max_decompressed_bytes"):
        read_with(damaged, max_decompressed_bytes=1_000_000)


def test_forms_drawn_over_and_over_stop_at_the_page_limit(tmp_path: Path) -> None:
    fanout = hf.write_xobject_fanout_pdf(tmp_path / "fanout.pdf")
    message = r"fanout\.pdf: page 1 draws more than 100,000 objects .*max_page_objects"
    with pytest.raises(InputError, match=message):
        read_with(fanout)


def test_a_page_of_many_characters_stops_at_the_page_limit(tmp_path: Path) -> None:
    text = hf.write_text_pdf(tmp_path / "dense.pdf", [["Example Homes " * 40] * 40])
    with pytest.raises(InputError, match=r"dense\.pdf: page 1 draws more than 500 objects"):
        read_with(text, max_page_objects=500)


@pytest.mark.parametrize(
    ("first", "last", "refused"),
    [("0000", "FFFF", False), ("000000", "FFFFFF", True), ("00000000", "FFFFFFFF", True)],
)
def test_unicode_maps_are_bounded(tmp_path: Path, first: str, last: str, refused: bool) -> None:
    """Every code of a two-byte font is a real map; sixteen million codes is not a font."""
    path = hf.write_cmap_range_pdf(tmp_path / "cmap.pdf", first, last)
    if refused:
        with pytest.raises(InputError, match=r"cmap\.pdf: a font's Unicode map \(ToUnicode\) lists more"):
            read_with(path)
    else:
        with pytest.raises(InputError, match="no self-assessment table"):  # read: not a form
            read_with(path)
