"""`codecheck template`: the blank form of each Code version, read back by codecheck's own reader.

The round trip (template -> fill in the answers programmatically -> audit) is the contract that matters:
a form codecheck writes must be a form codecheck reads, with every provision present.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from codecheck.cli.app import app
from codecheck.codes import get_version, version_ids

runner = CliRunner()


def _template(tmp_path: Path, code: str, *extra: str) -> Path:
    out = tmp_path / f"form-{code}.docx"
    result = runner.invoke(app, ["template", "--code", code, "-o", str(out), *extra])
    assert result.exit_code == 0, result.output
    return out


def _document_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read("word/document.xml").decode("utf-8")


@pytest.mark.parametrize("code", version_ids())
def test_blank_form_reads_back_with_every_form_row(tmp_path: Path, code: str) -> None:
    from codecheck.api import extract

    path = _template(tmp_path, code)
    version = get_version(code)
    aligned = extract(path)
    assert aligned.code.id == code  # the form is recognised as its own version
    printed = [a.row.provision for a in aligned.rows]
    assert printed == [row.id for row in version.form]
    assert aligned.missing == []
    for a in aligned.rows:
        assert a.row.answer == "blank"
        assert a.row.evidence == "" and a.row.commentary == ""
    # the requirement cell is the form's own wording (whitespace aside)
    for a, row in zip(aligned.rows, version.form, strict=True):
        assert " ".join(a.row.requirement.split()) == " ".join((row.text or "").split())


@pytest.mark.parametrize("code", version_ids())
def test_blank_form_layout(tmp_path: Path, code: str) -> None:
    import docx

    from codecheck.writer import layout_for

    path = _template(tmp_path, code, "--landlord", "Example Homes")
    document = docx.Document(str(path))
    section = document.sections[0]
    assert section.page_width > section.page_height  # landscape
    assert round(section.page_width.cm, 1) == 29.7 and round(section.page_height.cm, 1) == 21.0
    layout = layout_for(get_version(code))
    assert document.paragraphs[0].text.startswith("Example Homes: ")
    for table in document.tables:
        assert [c.text for c in table.rows[0].cells] == list(layout.headers)
        # the header row repeats on every printed page
        assert table.rows[0]._tr.trPr is not None
        assert table.rows[0]._tr.trPr.xpath("./w:tblHeader")
    # one heading paragraph precedes every table
    body = document.element.body
    for tbl in body.iterchildren("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tbl"):
        prev = tbl.getprevious()
        assert prev is not None and prev.tag.endswith("}p")
        assert "".join(prev.itertext()).strip()
    assert _document_xml(path).count("<w:tblHeader") == len(document.tables)


def test_2022_form_splits_must_and_should_and_2024_does_not(tmp_path: Path) -> None:
    import docx

    texts_2022 = [p.text for p in docx.Document(str(_template(tmp_path, "2022"))).paragraphs]
    assert any("Mandatory 'must' requirements" in t for t in texts_2022)
    assert any("Best practice 'should' requirements" in t for t in texts_2022)
    texts_2024 = [p.text for p in docx.Document(str(_template(tmp_path, "2024"))).paragraphs]
    assert not any("'should' requirements" in t for t in texts_2024)
    assert [t for t in texts_2024 if t.startswith("Section 6: ")] == ["Section 6: Complaints stages"]
    # as printed: the section heading once, then a sub-heading before each stage's table
    six = texts_2024.index("Section 6: Complaints stages")
    assert texts_2024[six + 1] == "Stage 1" and "Stage 2" in texts_2024[six + 2:]


def test_joint_form_uses_appendix_a_column_order(tmp_path: Path) -> None:
    import docx

    table = docx.Document(str(_template(tmp_path, "joint"))).tables[0]
    assert [c.text for c in table.rows[0].cells][3:] == ["Explanations and Commentary", "Evidence"]
    assert table.rows[1].cells[0].text == "1.2/ 1.4"  # the printed combined row, as on the official form


# --------------------------------------------------------------------------- round trip


def _fill(path: Path, out: Path, code: str) -> dict[str, tuple[str, str, str]]:
    """Fill every row of a written form with fictional Example Homes answers; return them by row."""
    import docx

    from codecheck.writer import layout_for
    from codecheck.writer.layout import COMBINED, COMMENTARY, COMPLY, EVIDENCE

    layout = layout_for(get_version(code))
    document = docx.Document(str(path))
    answers = {}
    cycle = ["Yes", "Partial", "No", "Yes"]
    n = 0
    for table in document.tables:
        for row in table.rows[1:]:
            cells = row.cells
            pid = cells[0].text
            answer = cycle[n % len(cycle)]
            evidence = f"Example Homes complaints policy, paragraph {pid} (row {n})"
            commentary = f"Example Homes meets {pid}; target date for full compliance 31 March 2026."
            n += 1
            cells[layout.roles.index(COMPLY)].text = answer
            if COMBINED in layout.roles:
                cells[layout.roles.index(COMBINED)].text = f"{evidence} {commentary}"
                answers[f"{pid} (row {n})"] = (answer, "", f"{evidence} {commentary}")
            else:
                cells[layout.roles.index(EVIDENCE)].text = evidence
                cells[layout.roles.index(COMMENTARY)].text = commentary
                answers[f"{pid} (row {n})"] = (answer, evidence, commentary)
    document.save(str(out))
    return answers


@pytest.mark.parametrize("code", version_ids())
def test_round_trip_template_fill_audit_finds_no_missing_provision(tmp_path: Path, code: str) -> None:
    from datetime import date

    from codecheck.api import audit

    blank = _template(tmp_path, code)
    filled = tmp_path / "filled.docx"
    answers = _fill(blank, filled, code)
    result = audit(filled, code=code, today=date(2025, 6, 1))
    assert result.aligned is not None
    assert result.aligned.missing == []
    unwanted = ("missing-provision", "unknown-provision", "duplicate-provision", "missing-answer")
    structural = [f for f in result.findings if f.rule in unwanted]
    assert structural == []
    read = {f"{a.row.provision} (row {n})": (a.row.answer_text, a.row.evidence, a.row.commentary)
            for n, a in enumerate(result.aligned.rows, start=1)}
    assert read == answers


def _date_line(path: Path, out: Path, when: str) -> None:
    """Fill the template's "Self-assessment completed on: … Approved by … on: …" line."""
    import docx

    document = docx.Document(str(path))
    line = next(p for p in document.paragraphs if p.text.startswith("Self-assessment completed on"))
    for run in line.runs:
        run.text = ""
    line.add_run(f"Self-assessment completed on: {when}    Approved by the governing body on: {when}")
    document.save(str(out))


def test_blank_template_is_one_document_level_error_through_the_cli(tmp_path: Path) -> None:
    """A blank form fails: one error for the whole form, no row-by-row missing answers, no date notes."""
    import json

    blank = _template(tmp_path, "2024")
    result = runner.invoke(app, ["audit", str(blank), "--format", "json", "--today", "2025-06-01"])
    assert result.exit_code == 1, result.output
    findings = json.loads(result.stdout)["findings"]
    assert [(f["rule"], f["provision"]) for f in findings] == [("blank-form", None)]
    assert findings[0]["message"].startswith("72 of 72 answers blank")


def test_filled_form_with_its_date_line_filled_gets_no_date_or_approval_note(tmp_path: Path) -> None:
    from datetime import date

    from codecheck.api import audit

    blank = _template(tmp_path, "2024")
    filled = tmp_path / "filled.docx"
    _fill(blank, filled, "2024")
    rules = {f.rule for f in audit(filled, today=date(2025, 6, 1)).findings}
    assert "undated-form" not in rules  # a date in the commentary is enough
    dated = tmp_path / "dated.docx"
    _date_line(filled, dated, "12 May 2025")
    rules = {f.rule for f in audit(dated, today=date(2025, 6, 1)).findings}
    assert {"blank-form", "undated-form", "approval-not-stated"} & rules == set()
    assert "approval-not-stated" in {f.rule for f in audit(filled, today=date(2025, 6, 1)).findings}


# --------------------------------------------------------------------------- CLI behaviour


def test_output_is_required(tmp_path: Path) -> None:
    result = runner.invoke(app, ["template", "--code", "2024"])
    assert result.exit_code == 2


def test_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    out = tmp_path / "form.docx"
    out.write_bytes(b"keep me")
    result = runner.invoke(app, ["template", "--code", "2024", "-o", str(out)])
    assert result.exit_code == 2
    assert out.read_bytes() == b"keep me"
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "--force" in lines[0] and str(out) in lines[0]
    result = runner.invoke(app, ["template", "--code", "2024", "-o", str(out), "--force"])
    assert result.exit_code == 0
    assert zipfile.is_zipfile(out)


def test_unknown_code_is_one_line_exit_2(tmp_path: Path) -> None:
    out = tmp_path / "form.docx"
    result = runner.invoke(app, ["template", "--code", "2019", "-o", str(out)])
    assert result.exit_code == 2
    assert "unknown Code version" in result.output
    assert "Traceback" not in result.output
    assert not out.exists()


def test_landlord_name_is_xml_safe(tmp_path: Path) -> None:
    import docx

    path = _template(tmp_path, "2024", "--landlord", "Example\x07 Homes\x1b")
    assert docx.Document(str(path)).paragraphs[0].text.startswith("Example Homes")
