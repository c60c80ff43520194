"""`codecheck audit` end to end through the CLI: exit status, batches, extra outputs, baselines.

Documents are generated in code (fictional Example Homes forms, a random-bytes "DOCX" and a
password-protected DOCX) and run through the real readers and rule engine.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from codecheck.cli.app import app
from codecheck.report.json_report import schema

runner = CliRunner()
VENDOR = Path(__file__).resolve().parent / "vendor"


def invoke(*args: str, **kw):
    return runner.invoke(app, ["audit", *args], **kw)


def one_error_line(result) -> str:
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("codecheck: error: ")
    assert "Traceback" not in result.output
    return lines[0]


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from docx_factory import simple_form

    return simple_form(tmp_path_factory.mktemp("good") / "example-homes.docx")


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A document folder: two readable forms, a corrupt file and a password-protected one (read-only use)."""
    from docx_factory import simple_form
    from hostile_factory import write_encrypted_docx, write_random

    docs = tmp_path_factory.mktemp("batch") / "docs"
    docs.mkdir()
    simple_form(docs / "a-homes.docx")
    simple_form(docs / "b-homes.docx")
    write_random(docs / "corrupt.docx")
    write_encrypted_docx(docs / "locked.docx", docs / "a-homes.docx")
    (docs / "readme.txt").write_text("not a document", encoding="utf-8")
    return docs


def test_single_document_json_is_the_document_object(good: Path) -> None:
    result = invoke(str(good), "--format", "json")
    assert result.exit_code == 1, result.output  # the generated form omits provisions: an error finding
    data = json.loads(result.stdout)
    jsonschema.Draft202012Validator(schema()).validate(data)
    assert data["code_version"] == "2024"
    assert any(f["rule"] == "missing-provision" and f["provision"] is None for f in data["findings"])
    assert data["rows"] and all("score" in r["alignment"] for r in data["rows"])


def test_fail_on_never_and_exit_zero(good: Path) -> None:
    assert invoke(str(good), "--fail-on", "never").exit_code == 0
    assert invoke(str(good), "--exit-zero").exit_code == 0
    assert invoke(str(good), "--ignore", "CC101").exit_code == 0  # pass-through to the config


def test_severity_override_reaches_the_engine(good: Path) -> None:
    result = invoke(str(good), "--severity", "missing-provision=info", "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert {f["severity"] for f in data["findings"] if f["rule"] == "missing-provision"} == {"info"}
    assert invoke(str(good), "--severity", "missing-provision=info", "--fail-on", "info").exit_code == 1


@pytest.mark.parametrize(
    "args, fragment",
    [
        (["--format", "pdf"], "--format expects one of"),
        (["--fail-on", "sometimes"], "--fail-on expects one of"),
        (["--severity", "CC108"], "RULE=LEVEL"),
        (["--severity", "CC108=loud"], "unknown severity"),
        (["--today", "31/12/2024"], "YYYY-MM-DD"),
        (["--select", "no-such-rule"], "no-such-rule"),
        (["--code", "2099"], "unknown Code version"),
        (["--sarif-output", "-"], "standard output"),
    ],
)
def test_bad_options_are_one_line_exit_2(good: Path, args: list[str], fragment: str) -> None:
    result = invoke(str(good), *args)
    assert result.exit_code == 2
    assert fragment in one_error_line(result)


def test_batch_over_a_folder_reports_each_bad_file_once_and_audits_the_rest(folder: Path) -> None:
    result = invoke(str(folder), "--format", "json", "--jobs", "2")
    assert result.exit_code == 2  # bad files make the run fail, after the others were audited
    data = json.loads(result.stdout)
    jsonschema.Draft202012Validator(schema()).validate(data)
    docs = {Path(d["document"]).name: d for d in data["documents"]}
    assert sorted(docs) == ["a-homes.docx", "b-homes.docx", "corrupt.docx", "locked.docx"]
    assert docs["a-homes.docx"]["status"] == "failed" and docs["a-homes.docx"]["findings"]
    assert docs["b-homes.docx"]["code_version"] == "2024"
    assert docs["corrupt.docx"]["status"] == "error"
    assert "password" in docs["locked.docx"]["error"]
    assert data["summary"]["errors"] == 2 and data["summary"]["documents"] == 4
    errors = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(errors) == 2 and all(line.startswith("codecheck: error: ") for line in errors)
    assert result.stderr.count("corrupt.docx") == 1 and result.stderr.count("locked.docx") == 1


def test_batch_text_output_lists_bad_files_once_with_a_summary_table(folder: Path) -> None:
    result = invoke(str(folder), "--jobs", "1")
    assert result.exit_code == 2
    out = result.stdout
    assert out.count("could not be audited:") == 2
    assert out.count("corrupt.docx") == 2  # its line in the report and its row in the summary table
    assert "Documents" in out and "4 documents" in out and "2 could not be audited" in out


def test_every_format_on_a_batch(folder: Path) -> None:
    for fmt in ("text", "json", "html", "markdown", "sarif", "junit", "github"):
        result = invoke(str(folder), "--format", fmt, "--jobs", "1")
        assert result.exit_code == 2, (fmt, result.output)
        assert result.stdout.strip()


def test_extra_outputs_from_one_run(folder: Path, tmp_path: Path) -> None:
    sarif, junit, html, md = (tmp_path / n for n in ("r.sarif", "r.xml", "r.html", "r.md"))
    args = [str(folder), "--jobs", "2", "--sarif-output", str(sarif), "--junit-output", str(junit)]
    args += ["--html-output", str(html), "--markdown-output", str(md), "--format", "json"]
    result = invoke(*args)
    assert result.exit_code == 2
    log = json.loads(sarif.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(json.loads((VENDOR / "sarif-schema-2.1.0.json").read_text())).validate(log)
    assert len(log["runs"][0]["invocations"][0]["toolExecutionNotifications"]) == 2
    root = ET.fromstring(junit.read_text(encoding="utf-8"))
    assert len(root.findall("testsuite")) == 4
    assert "Compliance by section" in html.read_text(encoding="utf-8")
    assert md.read_text(encoding="utf-8").startswith("# codecheck")
    # re-running the same CI command overwrites its reports, as every linter's (no --force needed)
    sarif.write_text("stale", encoding="utf-8")
    again = invoke(*args)
    assert again.exit_code == 2 and "--force" not in again.stderr
    assert json.loads(sarif.read_text(encoding="utf-8"))["runs"]
    wrote = [line for line in again.stderr.splitlines() if line.startswith("wrote ")]
    assert len(wrote) == 4 and all("2 documents not audited" in line for line in wrote)


def test_refuses_to_write_a_report_over_an_input(good: Path) -> None:
    before = good.read_bytes()
    result = invoke(str(good), "--output", str(good), "--force")
    assert result.exit_code == 2 and "input document" in one_error_line(result)
    assert good.read_bytes() == before


def test_baseline_round_trip(good: Path, tmp_path: Path) -> None:
    base = tmp_path / "baseline.json"
    first = invoke(str(good), "--write-baseline", str(base))
    assert first.exit_code == 0 and base.exists()
    second = invoke(str(good), "--baseline", str(base), "--format", "json")
    assert second.exit_code == 0
    data = json.loads(second.stdout)
    assert data["findings"] == [] and data["summary"]["baseline"]["suppressed"] >= 1
    rewritten = invoke(str(good), "--write-baseline", str(base))  # a report: overwritten, and said so
    assert rewritten.exit_code == 0 and f"wrote baseline {base}" in rewritten.stderr
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    assert "invalid JSON" in one_error_line(invoke(str(good), "--baseline", str(bad)))


def test_github_format_writes_the_step_summary(good: Path, tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    result = invoke(str(good), "--format", "github", env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert result.exit_code == 1
    assert result.stdout.startswith("::error file=")
    assert summary.read_text(encoding="utf-8").startswith("# codecheck")


def test_missing_input_is_exit_2_but_reported_in_the_output(tmp_path: Path, good: Path) -> None:
    result = invoke(str(good), str(tmp_path / "nope.docx"), "--format", "json")
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    assert [d["status"] for d in data["documents"]] == ["failed", "error"]


def test_single_unreadable_document_still_gives_json(tmp_path: Path) -> None:
    from hostile_factory import write_random

    bad = write_random(tmp_path / "corrupt.docx")
    result = invoke(str(bad), "--format", "json")
    assert result.exit_code == 2
    assert "corrupt.docx" in one_error_line(result)
    assert json.loads(result.stdout)["status"] == "error"


def test_corpus_document_sarif_validates() -> None:
    from conftest import shared_dir

    doc = shared_dir() / "corpus" / "tamworth-2024.docx"
    if not doc.exists():
        pytest.skip(f"shared corpus not found at {doc.parent} (set CODECHECK_SHARED)")
    result = invoke(str(doc), "--format", "sarif")
    assert result.exit_code in (0, 1)
    log = json.loads(result.stdout)
    jsonschema.Draft4Validator(json.loads((VENDOR / "sarif-schema-2.1.0.json").read_text())).validate(log)
    assert log["runs"][0]["results"]


def test_reports_are_byte_identical_between_runs(folder: Path, tmp_path: Path) -> None:
    outputs = []
    for run in ("1", "2"):
        out = tmp_path / run
        out.mkdir()
        args = [str(folder), "--jobs", "2", "--format", "json", "--output", str(out / "r.json")]
        args += ["--sarif-output", str(out / "r.sarif"), "--html-output", str(out / "r.html")]
        args += ["--junit-output", str(out / "r.xml"), "--markdown-output", str(out / "r.md")]
        assert invoke(*args).exit_code == 2
        outputs.append({p.name: p.read_bytes() for p in sorted(out.iterdir())})
    assert outputs[0] == outputs[1]


def test_pre_commit_hook_manifest() -> None:
    import re

    import yaml

    manifest = yaml.safe_load((Path(__file__).resolve().parents[1] / ".pre-commit-hooks.yaml").read_text())
    (hook,) = manifest
    assert {"id", "name", "entry", "language"} <= set(hook)
    assert hook["entry"].split()[:2] == ["codecheck", "audit"] and hook["language"] == "python"
    files, exclude = re.compile(hook["files"]), re.compile(hook["exclude"])
    for name in ("docs/a.docx", "b.PDF", "x/y/self-assessment.pdf"):
        assert files.search(name) and not exclude.search(name)
    assert not files.search("notes.txt") and not files.search("a.docx.bak")
    assert exclude.search("docs/~$a.docx")
    # the hook's arguments are accepted by the command
    result = invoke(*hook.get("args", []), "--help")
    assert result.exit_code == 0
