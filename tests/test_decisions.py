"""Decisions recorded as data (`codecheck decide`, the decisions file beside the form, ``[[decisions]]``
in codecheck.toml): an accepted finding is shown as reviewed, counted apart and never fails the run; a
changed row brings it back for re-review; an edit elsewhere keeps it.

The form is a copy of the bundled Riverside Council sample, whose 4.2 row has an empty Comply cell
(one missing-answer warning, CC105); ``--select CC105`` keeps the audit to that one finding.
"""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from codecheck.cli.app import app

runner = CliRunner()
SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "riverside-council-joint.docx"
ONE = ["--select", "CC105", "--today", "2025-10-01"]


@pytest.fixture()
def form(tmp_path: Path) -> Path:
    path = tmp_path / "riverside.docx"
    shutil.copyfile(SAMPLE, path)
    return path


def _audit(form: Path, *extra: str) -> tuple[int, dict]:
    result = runner.invoke(app, ["audit", str(form), "--format", "json", *ONE, *extra])
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, json.loads(result.stdout)


def _decide(form: Path, *args: str) -> object:
    return runner.invoke(
        app,
        ["decide", str(form), *args, "--reason", "The commentary says it is met", "--by", "A. Officer",
         "--today", "2025-10-02"],
    )


def _set_commentary(form: Path, provision: str, text: str) -> None:
    import docx

    document = docx.Document(str(form))
    for table in document.tables:
        for row in table.rows:
            if row.cells[0].text.strip() == provision:
                row.cells[-2].text = text  # joint layout: Comply | Explanations and Commentary | Evidence
                document.save(str(form))
                return
    raise AssertionError(provision)


def test_decide_writes_the_file_and_the_finding_is_reviewed_not_failing(form: Path) -> None:
    code, before = _audit(form, "--fail-on", "warning")
    assert code == 1 and [f["provision"] for f in before["findings"]] == ["4.2"]
    done = _decide(form, "4.2", "missing-answer")
    assert done.exit_code == 0, done.output
    written = form.with_name("riverside.codecheck-decisions.toml").read_text(encoding="utf-8")
    assert 'rule = "CC105"' in written and 'fingerprint = "sha256:' in written
    code, after = _audit(form, "--fail-on", "warning")
    assert code == 0
    (finding,) = after["findings"]
    source = finding["decision"].pop("source")
    assert source.endswith("riverside.codecheck-decisions.toml")
    assert finding["decision"] == {
        "status": "accepted",
        "reason": "The commentary says it is met",
        "reviewer": "A. Officer",
        "date": "2025-10-02",
    }
    assert after["summary"]["findings"] == {
        "error": 0, "warning": 0, "info": 0, "reviewed": 1, "stale": 0, "total": 1
    }
    assert after["status"] == "passed"
    md = runner.invoke(app, ["audit", str(form), "--format", "markdown", *ONE]).stdout
    assert "reviewed: not an issue — The commentary says it is met (A. Officer, 2025-10-02)" in md
    assert "1 reviewed: not an issue" in md


def test_an_edit_elsewhere_keeps_the_decision_and_a_changed_row_asks_for_re_review(form: Path) -> None:
    assert _decide(form, "4.2", "CC105").exit_code == 0
    # the same words re-spaced in the decided row itself, and another row edited: still accepted
    _set_commentary(form, "4.2", "  The Complaints Manager reports  to the Director of Housing. ")
    _set_commentary(form, "6.3", "Stage 1 responses are sent within 10 working days.  ")
    code, kept = _audit(form, "--fail-on", "warning")
    assert code == 0 and kept["findings"][0]["decision"]["status"] == "accepted"
    _set_commentary(form, "4.2", "The Complaints Manager now reports to the Chief Executive.")
    code, stale = _audit(form, "--fail-on", "warning")
    assert code == 1
    assert stale["findings"][0]["decision"]["status"] == "stale"
    assert stale["summary"]["findings"]["warning"] == 1 and stale["summary"]["findings"]["stale"] == 1
    md = runner.invoke(app, ["audit", str(form), "--format", "markdown", *ONE]).stdout
    assert "needs re-review: the row has changed" in md
    # deciding again replaces the stale entry rather than adding a second one
    again = _decide(form, "4.2", "CC105")
    assert again.exit_code == 0 and "replaced" in again.output
    text = form.with_name("riverside.codecheck-decisions.toml").read_text(encoding="utf-8")
    assert text.splitlines().count("[[decisions]]") == 1
    assert _audit(form, "--fail-on", "warning")[0] == 0


def test_decisions_in_codecheck_toml_name_their_document(form: Path, tmp_path: Path) -> None:
    from codecheck.api import audit
    from codecheck.decisions import decisions_file_for, entry_for_finding, render_entry

    first = audit(form, config=None)
    entry = entry_for_finding(
        first, "4.2", "missing-answer", reason="Met", reviewer="B. Lead", on=date(2025, 10, 2)
    )
    table = render_entry(entry).replace("[[decisions]]", '[[decisions]]\ndocument = "*.docx"')
    (tmp_path / "codecheck.toml").write_text(table, encoding="utf-8")
    assert not decisions_file_for(form).exists()
    code, data = _audit(form, "--fail-on", "warning")
    assert code == 0 and data["findings"][0]["decision"]["reviewer"] == "B. Lead"
    # a glob naming another document does not apply
    (tmp_path / "codecheck.toml").write_text(table.replace("*.docx", "other/*.docx"), encoding="utf-8")
    assert _audit(form, "--fail-on", "warning")[0] == 1


def test_deciding_a_finding_that_does_not_exist_is_one_line_exit_2(form: Path) -> None:
    result = _decide(form, "4.3", "missing-answer")
    assert result.exit_code == 2
    assert "no missing-answer finding at provision 4.3" in result.output
    assert not form.with_name("riverside.codecheck-decisions.toml").exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[[decisions]]\nrule = 'CC105'\n", "'reason' is missing"),
        ("[[decisions]]\nrule = 'CC105'\nreason = 'x'\nreviewer = 'y'\nwho = 'z'\n", "unknown key 'who'"),
        ("[[decisions]]\nrule = 'CC105'\nreason = 'x'\nreviewer = 'y'\ndate = 'May'\n", "YYYY-MM-DD"),
        ("decisions = [", "invalid TOML"),
    ],
)
def test_a_bad_decisions_file_is_one_line_naming_it(form: Path, content: str, message: str) -> None:
    form.with_name("riverside.codecheck-decisions.toml").write_text(content, encoding="utf-8")
    result = runner.invoke(app, ["audit", str(form), *ONE])
    assert result.exit_code == 2
    assert message in result.output and "riverside.codecheck-decisions.toml" in result.output
    assert "Traceback" not in result.output


def test_a_new_decision_keeps_what_a_person_wrote_in_the_file(form: Path) -> None:
    path = form.with_name("riverside.codecheck-decisions.toml")
    path.write_text("# kept by hand: reviewed at the June meeting\n", encoding="utf-8")
    assert _decide(form, "4.2", "missing-answer").exit_code == 0
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# kept by hand: reviewed at the June meeting\n")
    assert text.splitlines().count("[[decisions]]") == 1


def test_reason_with_quotes_and_newlines_round_trips(form: Path) -> None:
    from codecheck.decisions import decisions_file_for, read_decisions_file

    reason = 'Met: see "Complaints Policy" \\ section 4\nline two'
    args = ["decide", str(form), "4.2", "CC105", "--reason", reason, "--by", "C. D", "--today", "2025-10-02"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    (entry,) = read_decisions_file(decisions_file_for(form))
    assert entry.reason == " ".join(reason.split())


def test_a_whole_form_finding_is_decided_as_document(form: Path) -> None:
    result = _decide(form, "document", "undated-form")
    assert result.exit_code == 0, result.output
    text = form.with_name("riverside.codecheck-decisions.toml").read_text(encoding="utf-8")
    assert 'rule = "CC120"' in text and "provision" not in text.split("[[decisions]]\n", 2)[-1]
    out = runner.invoke(app, ["audit", str(form), "--format", "json", "--select", "CC120", *ONE[2:]])
    assert out.exit_code == 0, out.output
    (finding,) = json.loads(out.stdout)["findings"]
    assert finding["provision"] is None and finding["decision"]["status"] == "accepted"
