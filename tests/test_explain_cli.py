"""`codecheck explain FILE PROVISION` through the CLI, and the quote/reading every content finding
carries in the JSON and text reports. Forms are generated in code (fictional Example Homes)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from codecheck.cli.app import app
from codecheck.report.json_report import schema

runner = CliRunner()

ROWS = {
    "6.3": (
        "Yes",
        "Example Homes complaints policy",
        "In the last year a stage 1 case took 14.5 working days on average. Our answers leave inside 20 "
        "working days from acknowledgement at stage 1 and inside 20 working days at stage 2.",
    ),
    "6.14": (
        "Yes",
        "Example Homes complaints policy",
        "Stage one cases and stage two cases get answers in 10 and 20 working days respectively.",
    ),
    "5.2": (
        "Yes",
        "Noted.",
        "Before March 2024 an informal stage existed; today the procedure has two stages.",
    ),
    "6.2": ("Yes", "Example Homes complaints policy", "Our officers write back in 20 working days."),
}


@pytest.fixture(scope="module")
def form(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from docx_factory import CODE_2024, Table, write_docx

    rows = [[pid, CODE_2024.get(pid, f"Requirement {pid}."), a, e, c] for pid, (a, e, c) in ROWS.items()]
    return write_docx(tmp_path_factory.mktemp("explain") / "example-homes.docx", [Table(rows)])


def test_explain_text_shows_sentences_claims_and_rules(form: Path) -> None:
    result = runner.invoke(app, ["explain", str(form), "6.3"])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Our answers leave inside 20 working days from acknowledgement at stage 1" in out
    assert "timescale: stage 1 response, 20 working days, counted from acknowledgement" in out
    assert "a performance statistic, not a rule" in out  # the average is read, and set aside
    assert "wrong-timescale: FIRED" in out
    assert "read as: stage 1 response, 20 working days" in out
    assert "extra-stage: silent" in out


def test_explain_json_says_why_rules_stayed_silent(form: Path) -> None:
    result = runner.invoke(app, ["explain", str(form), "6.14", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    (row,) = data["rows"]
    claims = [c for s in row["sentences"] for c in s["claims"]]
    assert [c["reading"].split(",")[0] for c in claims if c["kind"] == "timescale"] == [
        "stage 1 response",
        "stage 2 response",
    ]
    rules = {r["rule"]: r for r in row["rules"]}
    assert rules["wrong-timescale"]["fired"] is False
    assert any("within the Code's 20 working days" in why for why in rules["wrong-timescale"]["reasons"])


def test_explain_past_stage_is_read_as_past(form: Path) -> None:
    result = runner.invoke(app, ["explain", str(form), "5.2", "--format", "json"])
    data = json.loads(result.stdout)
    stages = {
        c["words"]: c["status"]
        for s in data["rows"][0]["sentences"]
        for c in s["claims"]
        if c["kind"] == "stage"
    }
    assert stages == {"informal stage": "past", "has two stages": "own"}
    rules = {r["rule"]: r for r in data["rows"][0]["rules"]}
    assert rules["extra-stage"]["fired"] is False


def test_explain_unknown_provision_is_one_error_line(form: Path) -> None:
    result = runner.invoke(app, ["explain", str(form), "7.9"])
    assert result.exit_code == 2
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "no row for provision 7.9" in lines[0]


def test_explain_missing_file_is_one_error_line(tmp_path: Path) -> None:
    result = runner.invoke(app, ["explain", str(tmp_path / "absent.docx"), "6.3"])
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_findings_carry_quote_and_reading_in_json(form: Path) -> None:
    result = runner.invoke(app, ["audit", str(form), "--format", "json", "--exit-zero"])
    data = json.loads(result.stdout)
    jsonschema.validate(data, schema())
    wrong = [f for f in data["findings"] if f["rule"] == "wrong-timescale"]
    assert [f["provision"] for f in wrong] == ["6.2", "6.3"]
    wrong = wrong[1:]
    assert wrong[0]["quote"].startswith("Our answers leave inside 20 working days")
    assert wrong[0]["reading"].startswith("stage 1 response, 20 working days")
    # no stage named, read as the row's stage 1; as a stage 2 time it would comply: a warning, not an error
    (unsure,) = [f for f in data["findings"] if f["rule"] == "wrong-timescale" and f["provision"] == "6.2"]
    assert unsure["severity"] == "warning" and "the text names no stage" in unsure["message"]
    evidence = [f for f in data["findings"] if f["rule"] == "missing-evidence"]
    assert [f["provision"] for f in evidence] == []  # the commentary explains, only the evidence is bare


def test_text_report_quotes_the_sentence(form: Path) -> None:
    result = runner.invoke(app, ["audit", str(form), "--exit-zero"])
    assert '"Our answers leave inside 20 working days from acknowledgement at stage 1' in result.stdout
    assert "(read as: stage 1 response, 20 working days" in result.stdout
