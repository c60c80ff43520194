"""The library API without the CLI: codecheck.audit / extract / audit_document.

The DOCX is generated here with python-docx for a fictional landlord ("Example Homes"); its requirement
texts are the 2024 Code's own wording.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import codecheck
from codecheck.api import audit_document, extract
from codecheck.codes import get_version
from codecheck.config import load_config
from codecheck.errors import ConfigError, InputError
from codecheck.model import AuditResult, Document, Location, Row

HEADER = ["Code provision", "Code requirement", "Comply: Yes / No", "Evidence", "Commentary / explanation"]
TODAY = date(2025, 6, 1)


def write_form(path: Path, *, skip: set[str] = frozenset(), renumber: dict[str, str] | None = None) -> Path:
    """A complete 2024 self-assessment (every official-form row answered), with optional faults."""
    import docx

    code = get_version("2024")
    document = docx.Document()
    document.add_heading("Example Homes: Complaint Handling Code self-assessment", level=1)
    document.add_paragraph("Self-assessment completed in May 2025 by the Example Homes complaints team.")
    table = document.add_table(rows=1, cols=len(HEADER))
    for cell, text in zip(table.rows[0].cells, HEADER, strict=True):
        cell.text = text
    for frow in code.form:
        if frow.id in skip:
            continue
        printed = (renumber or {}).get(frow.id, frow.id)
        values = [
            printed,
            code.provision(frow.covers[0]).form_wording,
            "Yes",
            "Example Homes complaints policy, section 4 (published on our website)",
            "The complaints policy sets this out and the quarterly audit of cases confirms it.",
        ]
        for cell, text in zip(table.add_row().cells, values, strict=True):
            cell.text = text
    document.save(path)
    return path


@pytest.fixture(scope="module")
def forms(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("forms")
    return {
        "complete": write_form(base / "complete.docx"),
        "faulty": write_form(base / "faulty.docx", skip={"6.20", "9.1"}, renumber={"9.2": "6.33"}),
    }


def structural(result: AuditResult) -> list[tuple[str, str | None]]:
    return [(f.code, f.provision) for f in result.findings if f.code in {"CC101", "CC102", "CC103", "CC104"}]


def test_audit_a_complete_form(forms: dict[str, Path]) -> None:
    result = codecheck.audit(forms["complete"], today=TODAY)
    assert isinstance(result, AuditResult) and result.ok
    assert result.aligned is not None and result.aligned.code.id == "2024"
    assert result.aligned.document_date == "2025-05-01"
    assert structural(result) == []
    assert not [f for f in result.findings if f.code == "CC114"]


def test_audit_reports_structural_faults(forms: dict[str, Path]) -> None:
    result = codecheck.audit(forms["faulty"], today=TODAY)
    assert structural(result) == [("CC104", "9.2"), ("CC101", "6.20"), ("CC101", "9.1")]
    for f in result.findings:
        assert f.as_dict()["provision"] == f.provision
        if f.provision is None:
            assert f.location is None


def test_audit_with_config_and_forced_code(forms: dict[str, Path]) -> None:
    config = load_config(forms["faulty"], overrides={"select": ["CC101"], "severity": ["CC101=info"]})
    result = codecheck.audit(forms["faulty"], config=config, today=TODAY)
    assert {f.code for f in result.findings} == {"CC101"}
    assert all(str(f.severity) == "info" for f in result.findings)
    forced = codecheck.audit(forms["complete"], config=config, code="2022", today=TODAY)
    assert forced.aligned.code.id == "2022" and forced.aligned.detection.forced


def test_audit_picks_up_the_documents_config_file(tmp_path: Path) -> None:
    path = write_form(tmp_path / "form.docx", skip={"6.20"})
    (tmp_path / "codecheck.toml").write_text('ignore = ["missing-provision"]\n', encoding="utf-8")
    assert structural(codecheck.audit(path, today=TODAY)) == []
    (tmp_path / "codecheck.toml").write_text('ignore = ["no-such-rule"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="no-such-rule"):
        codecheck.audit(path, today=TODAY)


def test_audit_does_not_modify_the_input(forms: dict[str, Path]) -> None:
    before = forms["faulty"].read_bytes(), forms["faulty"].stat().st_mtime_ns
    codecheck.audit(forms["faulty"], today=TODAY)
    assert (forms["faulty"].read_bytes(), forms["faulty"].stat().st_mtime_ns) == before


def test_bad_input_raises_input_error_naming_the_file(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.docx"
    bogus.write_text("not a document", encoding="utf-8")
    with pytest.raises(InputError) as err:
        codecheck.audit(bogus)
    assert str(bogus) in str(err.value)
    with pytest.raises(InputError):
        codecheck.audit(tmp_path / "absent.docx")


def test_extract_returns_the_aligned_document(forms: dict[str, Path]) -> None:
    aligned = extract(forms["faulty"])
    assert aligned.missing == ["6.20", "9.1"]
    renumbered = next(ar for ar in aligned.rows if ar.row.provision == "6.33")
    assert renumbered.provisions == ("9.2",) and renumbered.as_dict()["suggested"] == "9.2"
    assert codecheck.extract is extract


def test_audit_document_for_an_already_read_document(tmp_path: Path) -> None:
    code = get_version("2024")
    rows = [
        Row(
            provision=frow.id,
            requirement=code.provision(frow.covers[0]).form_wording,
            answer="yes",
            answer_text="Yes",
            evidence="Example Homes complaints policy",
            commentary="Set out in the policy.",
            location=Location(table=1, row=i),
        )
        for i, frow in enumerate(code.form, 1)
        if frow.id != "3.2"
    ]
    document = Document(path=tmp_path / "in-memory.docx", format="docx", rows=rows)
    config = load_config(tmp_path, overrides={"select": ["structure"]})
    result = audit_document(document, config=config, today=TODAY)
    assert [(f.code, f.provision) for f in result.findings] == [("CC101", "3.2")]


def test_unknown_forced_code_version_is_a_config_error(forms: dict[str, Path]) -> None:
    with pytest.raises(ConfigError, match="1999"):
        codecheck.audit(forms["complete"], code="1999")
