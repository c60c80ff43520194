"""`codecheck audit` behaves as CI maintainers expect of a linter (ruff, Vale), through the CLI:
one-line errors, reports overwritten and announced, the format taken from the file name, display
threshold, statistics, the concise format, SARIF's base folder and category, CLI and config agreeing.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from codecheck.cli.app import app

runner = CliRunner()
SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "example-homes-2024.docx"


def run(*args: str, cwd: Path | None = None):
    if cwd is None:
        return runner.invoke(app, list(args))
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(cwd)
        return runner.invoke(app, list(args))


def lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A document repository: the sample form (errors and warnings of several rules), a legacy .doc, an
    .odt and a text file."""
    root = tmp_path_factory.mktemp("repo")
    docs = root / "documents"
    docs.mkdir()
    shutil.copy(SAMPLE, docs / "form.docx")
    (docs / "old-form.doc").write_bytes(b"\xd0\xcf\x11\xe0 legacy")
    (docs / "draft.odt").write_bytes(b"PK odt")
    (docs / "notes.txt").write_text("not a document", encoding="utf-8")
    return root


@pytest.fixture()
def work(repo: Path, tmp_path: Path) -> Path:
    """A fresh copy of the repository for tests that write files."""
    shutil.copytree(repo, tmp_path / "repo")
    return tmp_path / "repo"


def findings_of(report: dict) -> list[dict]:
    if "findings" in report:
        return report["findings"]
    return [f for d in report["documents"] for f in d["findings"]]


def test_a_missing_file_is_one_line_on_stderr_and_nothing_on_stdout(tmp_path: Path) -> None:
    result = run("audit", "nosuch.docx", cwd=tmp_path)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert lines(result.stderr) == ["codecheck: error: nosuch.docx: no such file or folder"]


def test_a_folder_says_what_it_skipped_and_quiet_does_not(repo: Path) -> None:
    result = run("audit", "documents", "--format", "json", cwd=repo)
    assert result.exit_code == 1, result.stderr
    said = lines(result.stderr)
    assert "skipped 1 legacy Word .doc file (save it as .docx)" in said
    assert "skipped 1 OpenDocument .odt file (save it as .docx or PDF)" in said
    assert not any("notes.txt" in line for line in said)  # not a document kind: nothing to say
    assert len(json.loads(result.stdout)["findings"]) > 0
    quiet = run("audit", "documents", "--format", "json", "--quiet", cwd=repo)
    assert quiet.exit_code == 1 and quiet.stderr == ""


def test_reports_are_overwritten_and_announced_with_counts(work: Path) -> None:
    args = ("audit", "documents", "-o", "report.html", "--sarif-output", "codecheck.sarif", "--quiet")
    first = run(*args, cwd=work)
    assert first.exit_code == 1, first.stderr
    (work / "report.html").write_text("stale", encoding="utf-8")
    again = run(*args[:-1], cwd=work)  # the same CI command, re-run: no --force needed
    assert again.exit_code == 1, again.stderr
    assert (work / "report.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    report = json.loads(run("audit", "documents", "--format", "json", "-q", cwd=work).stdout)
    counts = {s: sum(f["severity"] == s for f in findings_of(report)) for s in ("error", "warning")}
    phrase = ", ".join(f"{n} {s}{'s' if n != 1 else ''}" for s, n in counts.items() if n)
    said = lines(again.stderr)
    assert f"wrote report.html ({phrase})" in said
    assert f"wrote codecheck.sarif ({phrase})" in said


def test_the_format_follows_the_output_file_name_or_is_refused(work: Path) -> None:
    starts = {"r.sarif": '{\n  "$schema"', "r.xml": "<?xml", "r.md": "# ", "r.html": "<!DOCTYPE"}
    for name, start in starts.items():
        result = run("audit", "documents", "-o", name, "-q", cwd=work)
        assert result.exit_code == 1, result.stderr
        assert (work / name).read_text(encoding="utf-8").startswith(start), name
    quality = run("audit", "documents", "-o", "gl-code-quality-report.json", "-q", cwd=work)
    assert quality.exit_code == 1
    issues = json.loads((work / "gl-code-quality-report.json").read_text(encoding="utf-8"))
    assert isinstance(issues, list) and {"check_name", "fingerprint"} <= set(issues[0])
    refused = run("audit", "documents", "-o", "report.out", cwd=work)
    assert refused.exit_code == 2 and refused.stdout == ""
    (line,) = lines(refused.stderr)
    assert line.startswith("codecheck: error: report.out: --output: cannot tell the format")
    assert line.endswith("add --format")
    assert not (work / "report.out").exists()
    explicit = run("audit", "documents", "-o", "report.out", "--format", "json", "-q", cwd=work)
    assert explicit.exit_code == 1 and json.loads((work / "report.out").read_text(encoding="utf-8"))


def test_baselines_say_what_they_wrote_and_hid(work: Path) -> None:
    wrote = run("audit", "documents", "--write-baseline", "baseline.json", "--format", "json", cwd=work)
    assert wrote.exit_code == 0, wrote.stderr
    total = len(findings_of(json.loads(wrote.stdout)))
    assert f"wrote baseline baseline.json ({total} findings in 1 document)" in lines(wrote.stderr)
    hid = run("audit", "documents", "--baseline", "baseline.json", "--format", "json", cwd=work)
    assert hid.exit_code == 0, hid.stderr
    assert f"baseline baseline.json hid {total} known findings" in lines(hid.stderr)
    assert findings_of(json.loads(hid.stdout)) == []


def test_extend_select_on_the_command_line(repo: Path) -> None:
    base = run("audit", "documents", "--format", "json", "-q", "--select", "CC106", cwd=repo)
    codes = {f["code"] for f in findings_of(json.loads(base.stdout))}
    assert codes == {"CC106"}, codes
    extended = run(
        "audit", "documents", "--format", "json", "-q", "--select", "CC106", "--extend-select", "CC110",
        cwd=repo,
    )
    codes = {f["code"] for f in findings_of(json.loads(extended.stdout))}
    assert codes == {"CC106", "CC110"}, codes


def test_fail_on_never_in_the_config_file_and_config_show_agree(work: Path) -> None:
    (work / "codecheck.toml").write_text('fail-on = "never"\nextend-select = ["CC116"]\n', encoding="utf-8")
    result = run("audit", "documents", "--format", "json", "-q", cwd=work)
    assert result.exit_code == 0, result.stderr
    assert findings_of(json.loads(result.stdout))  # reported, not failing
    shown = run("config", "--show", "--format", "json", cwd=work)
    assert shown.exit_code == 0, shown.stderr
    text = shown.stdout
    assert '"never"' in text and "CC116" in text and "codecheck.toml" in text
    overridden = run("audit", "documents", "--format", "json", "-q", "--fail-on", "error", cwd=work)
    assert overridden.exit_code == 1
    (work / "codecheck.toml").write_text('fail-on = "sometimes"\n', encoding="utf-8")
    bad = run("audit", "documents", cwd=work)
    assert bad.exit_code == 2 and "never" in lines(bad.stderr)[0]


def test_min_severity_hides_findings_from_the_report_but_not_from_fail_on(repo: Path) -> None:
    common = ("audit", "documents", "--format", "json", "--select", "CC106", "--severity", "CC106=info")
    full = run(*common, "-q", cwd=repo)
    assert {f["severity"] for f in findings_of(json.loads(full.stdout))} == {"info"}
    hidden = run(*common, "--min-severity", "warning", "--fail-on", "info", cwd=repo)
    assert findings_of(json.loads(hidden.stdout)) == []
    assert hidden.exit_code == 1  # --fail-on still sees the info finding
    said = lines(hidden.stderr)
    assert any(line.startswith("left out") and "--min-severity warning" in line for line in said), said
    bad = run(*common, "--min-severity", "loud", cwd=repo)
    assert bad.exit_code == 2 and "--min-severity" in lines(bad.stderr)[0]


def test_statistics_counts_findings_per_rule(repo: Path) -> None:
    report = json.loads(run("audit", "documents", "--format", "json", "-q", cwd=repo).stdout)
    expected: dict[str, int] = {}
    for f in findings_of(report):
        expected[f["code"]] = expected.get(f["code"], 0) + 1
    result = run("audit", "documents", "--statistics", "-q", cwd=repo)
    assert result.exit_code == 1
    rows = [line.split() for line in lines(result.stdout)]
    assert {row[1]: int(row[0]) for row in rows} == expected
    counts = [int(row[0]) for row in rows]
    assert counts == sorted(counts, reverse=True)
    as_json = json.loads(run("audit", "documents", "--statistics", "--format", "json", "-q", cwd=repo).stdout)
    assert {row["code"]: row["count"] for row in as_json} == expected


def test_concise_is_one_grep_friendly_line_per_finding(repo: Path) -> None:
    report = json.loads(run("audit", "documents", "--format", "json", "-q", cwd=repo).stdout)
    result = run("audit", "documents", "--format", "concise", "-q", cwd=repo)
    assert result.exit_code == 1
    out = lines(result.stdout)
    assert len(out) == len(findings_of(report))
    pattern = re.compile(r"^documents/form\.docx:(\d+(\.\d+)*|-):[^:]+: CC\d{3} (error|warning|info) \S")
    for line in out:
        assert pattern.match(line), line


def test_sarif_paths_follow_base_dir_and_category(repo: Path) -> None:
    result = run(
        "audit", str(repo / "documents"), "--format", "sarif", "-q", "--base-dir", str(repo),
        "--sarif-category", "self-assessments", cwd=repo / "documents",
    )
    assert result.exit_code == 1, result.stderr
    run_ = json.loads(result.stdout)["runs"][0]
    assert run_["automationDetails"]["id"] == "self-assessments/"
    for res in run_["results"]:
        location = res["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"] == "documents/form.docx"
        assert location["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        assert location["region"]["startLine"] == 1
    missing = run("audit", "documents", "--base-dir", "nowhere", cwd=repo)
    assert missing.exit_code == 2 and "--base-dir" in lines(missing.stderr)[0]
