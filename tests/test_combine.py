"""Several files of one form read and audited as one (``--as-one``), and bad web pages and workbooks
through the CLI: one line naming the file, exit 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import html_factory as hf
import xlsx_factory as xf
from codecheck.cli.app import app
from codecheck.errors import InputError, NoAssessmentError
from codecheck.readers.combine import read_as_one

TODAY = "2025-10-01"


def section_pages(folder: Path) -> list[Path]:
    """One page per section (and an index page holding no form), named in reading order."""
    folder.mkdir(exist_ok=True)
    index = hf.write(folder / "00-index.html", hf.page("<p>Our self-assessment, one page per section.</p>"))
    pages = [index]
    for k, pids in enumerate((["1.2", "1.3"], ["2.1"], ["3.1"], ["6.3", "6.4"]), start=1):
        pages.append(hf.tables_page(folder / f"{k:02d}-section.html", pids))
    return pages


def test_read_as_one_keeps_order_and_file_names(tmp_path: Path) -> None:
    pages = section_pages(tmp_path / "site")
    doc = read_as_one(pages[1:], label=tmp_path / "site")
    assert [r.provision for r in doc.rows] == list(hf.CODE)
    files = [r.location.file for r in doc.rows]
    assert files == ["01-section.html"] * 2 + ["02-section.html", "03-section.html"] + ["04-section.html"] * 2
    assert doc.rows[2].location.describe() == "02-section.html, table 1, row 2"
    assert doc.format == "html" and doc.path == tmp_path / "site"
    reversed_doc = read_as_one(list(reversed(pages[1:])))
    assert [r.provision for r in reversed_doc.rows][:2] == ["6.3", "6.4"]


def test_a_page_without_a_form_is_passed_over_with_a_note(tmp_path: Path) -> None:
    pages = section_pages(tmp_path / "site")
    doc = read_as_one(pages)
    assert [r.provision for r in doc.rows] == list(hf.CODE)
    skipped = [n for n in doc.notes if n.kind == "skipped-file"]
    assert len(skipped) == 1 and skipped[0].message.startswith("00-index.html: no self-assessment")
    assert skipped[0].lost_text


def test_mixed_formats_and_a_damaged_file(tmp_path: Path) -> None:
    page = hf.tables_page(tmp_path / "a.html", ["1.2", "1.3"])
    book = xf.simple(tmp_path / "b.xlsx", ["2.1", "3.1"])
    doc = read_as_one([page, book])
    assert doc.format == "mixed" and [r.provision for r in doc.rows] == ["1.2", "1.3", "2.1", "3.1"]
    assert doc.rows[2].location.file == "b.xlsx" and doc.rows[2].location.sheet == "Self-assessment"
    broken = tmp_path / "c.xlsx"
    broken.write_bytes(book.read_bytes()[:300])
    with pytest.raises(InputError, match=r"c\.xlsx") as info:
        read_as_one([page, broken])
    assert not isinstance(info.value, NoAssessmentError)
    with pytest.raises(NoAssessmentError, match="none of the 1 file"):
        read_as_one([hf.write(tmp_path / "about.html", hf.page("<p>About us.</p>"))])


def test_audit_as_one_from_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "site"
    section_pages(folder)
    result = CliRunner().invoke(app, ["audit", str(folder), "--as-one", "-f", "json", "--today", TODAY,
                                      "--exit-zero"])  # fmt: skip
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["document"].endswith("site") and report["format"] == "html"
    assert [r["provision"] for r in report["rows"]] == list(hf.CODE)
    assert report["rows"][0]["location"]["file"] == "01-section.html"
    missing = {f["provision"] for f in report["findings"] if f["rule"] == "missing-provision"}
    assert "1.2" not in missing and "6.3" not in missing


def test_audit_without_as_one_audits_each_page(tmp_path: Path) -> None:
    pages = section_pages(tmp_path / "site")
    args = ["audit", *map(str, pages[1:]), "-f", "json", "--today", TODAY, "--exit-zero"]
    result = CliRunner().invoke(app, args)
    report = json.loads(result.stdout)
    assert len(report["documents"]) == 4


def test_extract_as_one_with_a_glob(tmp_path: Path) -> None:
    section_pages(tmp_path / "site")
    pattern = str(tmp_path / "site" / "0[1-4]-*.html")
    result = CliRunner().invoke(app, ["extract", pattern, "--as-one", "-f", "csv"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split(",")[-3:] == ["sheet", "block", "file"]
    assert [line.split(",")[0] for line in lines[1:]] == list(hf.CODE)
    two = CliRunner().invoke(app, ["extract", str(tmp_path / "site" / "01-section.html"),
                                   str(tmp_path / "site" / "02-section.html")])  # fmt: skip
    assert two.exit_code == 2 and "--as-one" in two.stderr


# --------------------------------------------------------------------------- bad input, one line


def bad_inputs(tmp_path: Path) -> dict[str, Path]:
    good_page = hf.tables_page(tmp_path / "good.html").read_bytes()
    good_book = xf.simple(tmp_path / "good.xlsx")
    out = {
        "empty.html": b"",
        "truncated.html": good_page[:400],
        "junk.html": bytes(range(256)) * 8,
        "deep.html": hf.page("<div>" * 3000 + "</div>" * 3000).encode(),
        "truncated.xlsx": good_book.read_bytes()[:500],
        "junk.xlsx": b"PK\x03\x04" + bytes(range(200)),
    }
    paths = {}
    for name, data in out.items():
        (tmp_path / name).write_bytes(data)
        paths[name] = tmp_path / name
    paths["bomb.xlsx"] = xf.zip_bomb(tmp_path / "bomb.xlsx", good_book, inflated=96 * 1024 * 1024)
    return paths


@pytest.mark.parametrize("command", ["extract", "audit"])
def test_bad_pages_and_workbooks_are_one_line_and_exit_2(tmp_path: Path, command: str) -> None:
    for name, path in bad_inputs(tmp_path).items():
        before = path.read_bytes()
        result = CliRunner().invoke(app, [command, str(path), "-f", "json"])
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        assert result.exit_code == 2, (name, result.output)
        assert len(lines) == 1 and name in lines[0] and "Traceback" not in result.stderr, (name, lines)
        assert path.read_bytes() == before


def test_batch_reports_the_bad_page_and_audits_the_rest(tmp_path: Path) -> None:
    good = hf.tables_page(tmp_path / "form.html")
    bad = tmp_path / "broken.html"
    bad.write_bytes(b"\x00\x01binary")
    result = CliRunner().invoke(app, ["audit", str(good), str(bad), "-f", "json", "--today", TODAY])
    assert result.exit_code == 2
    report = json.loads(result.stdout)
    statuses = {Path(d["document"]).name: d["status"] for d in report["documents"]}
    assert statuses["broken.html"] == "error" and statuses["form.html"] in ("passed", "failed")
