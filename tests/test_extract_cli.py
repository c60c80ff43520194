"""`codecheck extract` through typer's CliRunner: formats, --code, --output/--force, one-line errors."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from codecheck.cli.app import app
from docx_factory import Table, Xml, p, simple_form, simple_rows, sym, write_docx

runner = CliRunner()


@pytest.fixture
def form(tmp_path: Path) -> Path:
    return simple_form(tmp_path / "example-homes.docx")


def run(*args: str):
    return runner.invoke(app, list(args))


def test_json_output(form: Path) -> None:
    result = run("extract", str(form), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["document"] == str(form)
    assert data["format"] == "docx"
    assert data["code_version"] == data["detection"]["version"]
    assert set(data["detection"]) >= {"version", "confidence", "reasons", "forced"}
    first = data["rows"][0]
    assert first["provision"] == "1.2"
    assert first["answer"] == "yes" and first["answer_text"] == "Yes"
    assert first["location"] == {"page": None, "table": 1, "row": 2}
    assert {"confidence", "context", "stitched", "evidence", "commentary", "requirement"} <= set(first)


def test_json_is_the_default(form: Path) -> None:
    assert json.loads(run("extract", str(form)).stdout)["rows"]


def test_code_option_forces_the_version(form: Path) -> None:
    data = json.loads(run("extract", str(form), "--code", "2022").stdout)
    assert data["code_version"] == "2022"
    assert data["detection"]["forced"] is True


def test_unknown_code_is_exit_2(form: Path) -> None:
    result = run("extract", str(form), "--code", "1999")
    assert result.exit_code == 2
    assert "unknown Code version" in result.stderr


def test_csv_output_neutralises_formulas(tmp_path: Path) -> None:
    rows = simple_rows(("1.2", "1.3"))
    rows[0][4] = '=HYPERLINK("http://example.invalid")'
    path = write_docx(tmp_path / "f.docx", [Table(rows)])
    result = run("extract", str(path), "-f", "csv")
    assert result.exit_code == 0
    table = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["provision"] for r in table] == ["1.2", "1.3"]
    assert table[0]["commentary"].startswith("'=")
    assert table[0]["table"] == "1" and table[0]["row"] == "2"
    assert table[0]["code_provisions"] == "1.2"  # the Code provision(s) the row was aligned with


def test_text_output_is_a_table_without_control_characters(tmp_path: Path) -> None:
    rows = simple_rows(("1.2",))
    # XML cannot carry ESC itself, but it can carry the C1 control CSI (U+009B), which terminals obey
    rows[0][4] = "Reviewed \x9b31mred\x9b0m by Example Homes"
    rows[0][2] = Xml(p(sym()))
    path = write_docx(tmp_path / "f.docx", [Table(rows)])
    result = run("extract", str(path), "--format", "text")
    assert result.exit_code == 0
    assert "\x9b" not in result.stdout
    assert "Reviewed 31mred0m" in result.stdout
    assert "1.2" in result.stdout and "yes (tick)" in result.stdout
    assert "1 rows" in result.stdout


def test_output_file_and_force(form: Path, tmp_path: Path) -> None:
    out = tmp_path / "rows.json"
    assert run("extract", str(form), "-o", str(out)).exit_code == 0
    assert json.loads(out.read_text())["rows"]
    again = run("extract", str(form), "-o", str(out))
    assert again.exit_code == 2
    assert "--force" in again.stderr
    assert run("extract", str(form), "-o", str(out), "--force", "-f", "csv").exit_code == 0
    assert out.read_text().startswith("provision,")


@pytest.mark.parametrize(
    ("data", "words"),
    [(b"", "empty file"), (b"%PDF-1.4 truncated", "PDF"), (b"hello", "not a DOCX, PDF, HTML or XLSX")],
)
def test_bad_input_is_one_line_and_exit_2(tmp_path: Path, data: bytes, words: str) -> None:
    path = tmp_path / "bad.docx"
    path.write_bytes(data)
    result = run("extract", str(path))
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("codecheck: error: ")
    assert str(path) in lines[0] and words in lines[0]
    assert "Traceback" not in result.output


def test_document_without_assessment_table(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "letter.docx", [])
    result = run("extract", str(path))
    assert result.exit_code == 2
    assert "no self-assessment table" in result.stderr


def test_alignment_and_missing_provisions_are_reported(form: Path) -> None:
    data = json.loads(run("extract", str(form), "--code", "2024").stdout)
    first = data["rows"][0]
    assert first["alignment"]["provisions"] == ["1.2"]
    assert "1.4" in data["missing"] and "1.2" not in data["missing"]


def test_configuration_limits_and_code_are_honoured(form: Path, tmp_path: Path) -> None:
    (tmp_path / "codecheck.toml").write_text('code = "2022"\n[limits]\nmax-file-bytes = 1000\n')
    result = run("extract", str(form))
    assert result.exit_code == 2
    assert "over the 1,000-byte limit" in result.stderr
    (tmp_path / "codecheck.toml").write_text('code = "2022"\n')
    data = json.loads(run("extract", str(form)).stdout)
    assert data["code_version"] == "2022" and data["detection"]["forced"]
    assert json.loads(run("extract", str(form), "--code", "2024").stdout)["code_version"] == "2024"


def test_explicit_config_file(form: Path, tmp_path: Path) -> None:
    other = tmp_path / "elsewhere.toml"
    other.write_text('code = "joint"\n')
    assert json.loads(run("extract", str(form), "--config", str(other)).stdout)["code_version"] == "joint"
