"""Property test: whatever bytes arrive, the readers return a Document or raise a codecheck error.

Hypothesis mutates valid DOCX and PDF files (byte flips, splices, damaged XML inside a valid zip).
Any other exception type, or a hang, is a bug. ``tests/fuzz/fuzz_readers.py`` runs the same
mutations for longer on demand.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import hostile_factory as hf
from codecheck.errors import CodecheckError
from codecheck.model import Document
from fuzz.mutators import flip_bytes, mutate_docx_xml, splice

FUZZ_SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    d = tmp_path_factory.mktemp("seeds")
    return {
        "docx": hf.write_docx_form(d / "seed.docx").read_bytes(),
        "pdf": hf.write_pdf_form(d / "seed.pdf").read_bytes(),
    }


def read_bytes_as(tmp: Path, data: bytes, suffix: str) -> None:
    from codecheck.readers import read_document

    path = tmp / f"mutant{suffix}"
    path.write_bytes(data)
    try:
        doc = read_document(path)
    except CodecheckError as exc:
        assert "\n" not in str(exc)
        assert path.name in str(exc)
        return
    assert isinstance(doc, Document)


@FUZZ_SETTINGS
@given(
    kind=st.sampled_from(["docx", "pdf"]),
    positions=st.lists(st.integers(min_value=0, max_value=1 << 20), min_size=1, max_size=12),
    values=st.lists(st.integers(min_value=0, max_value=255), min_size=1, max_size=12),
)
def test_byte_flips(
    seeds: dict[str, bytes], tmp_path: Path, kind: str, positions: list[int], values: list[int]
):
    read_bytes_as(tmp_path, flip_bytes(seeds[kind], positions, values), "." + kind)


@FUZZ_SETTINGS
@given(
    kind=st.sampled_from(["docx", "pdf"]),
    start=st.integers(min_value=0, max_value=1 << 20),
    length=st.integers(min_value=0, max_value=4096),
    insert=st.binary(max_size=256),
)
def test_splices(seeds: dict[str, bytes], tmp_path: Path, kind: str, start: int, length: int, insert: bytes):
    read_bytes_as(tmp_path, splice(seeds[kind], start, length, insert), "." + kind)


@FUZZ_SETTINGS
@given(
    start=st.integers(min_value=0, max_value=1 << 16),
    length=st.integers(min_value=0, max_value=512),
    insert=st.sampled_from(
        [
            b"",
            b"<",
            b"</w:tc>",
            b"<w:tr>",
            b"<w:tc><w:p>",
            b"&amp;",
            b"&bogus;",
            b"\x00",
            b"<w:sym/>",
            b'<w:gridSpan w:val="999"/>',
            b'<w:vMerge w:val="continue"/>',
            b"<w:tbl><w:tr><w:tc>",
        ]
    ),
)
def test_damaged_docx_xml(seeds: dict[str, bytes], tmp_path: Path, start: int, length: int, insert: bytes):
    read_bytes_as(tmp_path, mutate_docx_xml(seeds["docx"], start, length, insert), ".docx")
