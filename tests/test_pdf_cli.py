"""The PDF reader through the CLI: JSON rows with provenance, and bad PDFs as one line with exit 2."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

import pdf_factory as pf
from codecheck.cli.app import app

runner = CliRunner()


def test_extract_json_from_a_generated_pdf(tmp_path: Path) -> None:
    path = pf.multipage_document(tmp_path / "example-homes.pdf", repeats=4)
    result = runner.invoke(app, ["extract", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["format"] == "pdf"
    assert data["pages"] >= 2
    rows = data["rows"]
    assert [r["provision"] for r in rows] == list(pf.CODE_2024)
    for row in rows:
        assert set(row["location"]) == {"page", "table", "row"}
        assert row["location"]["page"] >= 1
        assert 0.0 < row["confidence"] <= 1.0


def test_pdf_saved_with_a_docx_extension_is_read_as_pdf(tmp_path: Path) -> None:
    path = pf.multipage_document(tmp_path / "form.pdf", repeats=1)
    disguised = tmp_path / "form.docx"
    disguised.write_bytes(path.read_bytes())
    result = runner.invoke(app, ["extract", str(disguised), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["format"] == "pdf"


def test_bad_pdfs_exit_2_with_one_line(tmp_path: Path) -> None:
    scan = pf.image_only_document(tmp_path / "scan.pdf")
    truncated = tmp_path / "truncated.pdf"
    truncated.write_bytes(pf.multipage_document(tmp_path / "whole.pdf", repeats=1).read_bytes()[:900])
    for path, word in ((scan, "OCR"), (truncated, "PDF")):
        result = runner.invoke(app, ["extract", str(path), "--format", "json"])
        assert result.exit_code == 2
        lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
        assert len(lines) == 1, result.stderr
        assert str(path) in lines[0] and word in lines[0]
        assert "Traceback" not in result.output
