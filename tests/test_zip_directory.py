"""A ZIP's central directory is sized from its end records before ``zipfile`` parses it.

The numbers read must be the ones ``zipfile`` acts on (the same record found the same way), and an
oversized directory must be refused without ``zipfile`` ever being called.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

import hostile_factory as hf
from codecheck.errors import InputError
from codecheck.limits import Limits
from codecheck.readers import read_document
from codecheck.readers.sniff import open_package, sniff
from codecheck.readers.zip_directory import directory_size


def declared(path: Path) -> tuple[int, int] | None:
    with path.open("rb") as fh:
        return directory_size(fh)


def zipfile_view(path: Path) -> tuple[int, int]:
    """(entries, central-directory bytes) as zipfile finds them."""
    with zipfile.ZipFile(path) as z:
        return len(z.infolist()), path.stat().st_size - z.start_dir - _end_records(path)


def _end_records(path: Path) -> int:
    data = path.read_bytes()
    end = data.rfind(b"PK\x05\x06")
    zip64 = data.rfind(b"PK\x06\x06", 0, end)
    return len(data) - (zip64 if zip64 >= 0 else end)


def test_a_word_package_reads_as_zipfile_reads_it(tmp_path: Path) -> None:
    form = hf.write_docx_form(tmp_path / "form.docx")
    assert declared(form) == zipfile_view(form)


def test_an_archive_comment_does_not_hide_the_record(tmp_path: Path) -> None:
    path = tmp_path / "commented.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("word/document.xml", "<w:document/>")
        z.writestr("a.txt", "x")
        z.comment = b"Example Homes self-assessment package, 2025 edition. " * 40
    entries, size = declared(path) or (0, 0)
    assert entries == 2 and (entries, size) == zipfile_view(path)


@pytest.mark.parametrize("kind", ["classic", "zip64"])
def test_counts_in_classic_and_zip64_records(tmp_path: Path, kind: str) -> None:
    path = hf.write_many_entries_zip(tmp_path / f"{kind}.zip", entries=1200, zip64=kind == "zip64")
    assert declared(path) == (1200, 1200 * 47) == zipfile_view(path)


def test_not_a_zip_declares_nothing(tmp_path: Path) -> None:
    assert declared(hf.write_random(tmp_path / "noise.bin")) is None
    assert declared(hf.write_bytes(tmp_path / "tiny.bin", b"PK")) is None


@pytest.mark.parametrize(
    ("kwargs", "words"),
    [
        # the classic record's count stops at 65,535: the size tells
        ({"entries": 1_300_000}, "central directory is 61,100,000 bytes"),
        ({"entries": 20_000, "zip64": True}, "package lists 20,000 parts"),
        ({"entries": 200_000, "declared": 3}, "central directory is 9,400,000 bytes"),  # a lying count
    ],
)
def test_an_oversized_directory_is_refused_before_zipfile_reads_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kwargs: dict, words: str
) -> None:
    path = hf.write_many_entries_zip(tmp_path / "entries.docx", **kwargs)

    def never(*args, **kw):
        raise AssertionError("zipfile parsed the directory")

    monkeypatch.setattr(zipfile, "ZipFile", never)
    for read in (sniff, open_package, read_document):
        with pytest.raises(InputError, match="max_zip_entries") as caught:
            read(path, Limits())
        assert str(caught.value).startswith(f"{path}: ") and words in str(caught.value)


def test_the_limit_is_the_configured_one(tmp_path: Path) -> None:
    path = hf.write_many_entries_zip(tmp_path / "entries.docx", entries=30)
    with pytest.raises(InputError, match="package lists 30 parts, over the 20 limit"):
        sniff(path, Limits(max_zip_entries=20))
    assert sniff(path, Limits(max_zip_entries=30)) == "docx"
