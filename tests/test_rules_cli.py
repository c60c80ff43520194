"""`codecheck rules`, `codecheck rules explain` and `codecheck config` through typer's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from codecheck.cli.app import app
from codecheck.engine import load_rules

EXTRA_RULES = """schema: 1
rules:
  - code: EX001
    slug: low-confidence-strict
    check: low-confidence-row
    group: team
    severity: warning
    summary: "Example Homes wants every row read with high confidence"
    rationale: "Our board reviews extraction quality before publishing (see Code 8.2)."
    versions: ["*"]
    enabled: true
    params: {threshold: 0.95}
    example: "a row read at 90% confidence"
"""


@pytest.fixture
def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.chdir(tmp_path)  # no config file from the checkout is picked up
    return CliRunner()


def test_rules_lists_every_rule_with_state(runner: CliRunner) -> None:
    result = runner.invoke(app, ["rules"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert len(lines) == len(load_rules())
    cc101 = next(line for line in lines if line.startswith("CC101"))
    assert "missing-provision" in cc101 and "structure" in cc101 and "error" in cc101 and " on " in cc101
    cc116 = next(line for line in lines if line.startswith("CC116"))
    assert " off " in cc116


def test_rules_json_reflects_configuration(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "codecheck.toml").write_text(
        'extend-select = ["CC116"]\n[severity]\nCC104 = "error"\n', encoding="utf-8"
    )
    result = runner.invoke(app, ["rules", "--format", "json"])
    assert result.exit_code == 0, result.output
    rules = {r["code"]: r for r in json.loads(result.output)}
    assert rules["CC116"]["selected"] and not rules["CC116"]["enabled_by_default"]
    assert rules["CC104"]["severity"] == "error"


def test_rules_with_an_extra_rule_set(runner: CliRunner, tmp_path: Path) -> None:
    extra = tmp_path / "team.yaml"
    extra.write_text(EXTRA_RULES, encoding="utf-8")
    result = runner.invoke(app, ["rules", "--rules", str(extra)])
    assert result.exit_code == 0, result.output
    assert any(line.startswith("EX001  low-confidence-strict") for line in result.output.splitlines())
    explained = runner.invoke(app, ["rules", "explain", "EX001", "--rules", str(extra)])
    assert explained.exit_code == 0 and "threshold: 0.95" in explained.output


def test_rules_explain_cc108(runner: CliRunner) -> None:
    result = runner.invoke(app, ["rules", "explain", "CC108"])
    assert result.exit_code == 0, result.output
    out = result.output
    assert out.startswith("CC108 partial-without-date (dates)")
    headings = ("Why it matters:", "Anti-pattern (what it flags):", "Fix (what complies):", "Parameters:")
    for heading in (*headings, "Example of what it flags:", "Declared in:"):
        assert heading in out
    assert runner.invoke(app, ["rules", "explain", "partial-without-date"]).output == out


def test_rules_explain_json(runner: CliRunner) -> None:
    result = runner.invoke(app, ["rules", "explain", "misnumbered-provision", "--format", "json"])
    info = json.loads(result.output)
    assert info["code"] == "CC104" and info["params"]["max_share"] == 0.3
    assert info["anti_pattern"] and info["fix"] and info["versions"] == ["*"]
    # the alignment thresholds behind it are facts of each Code version, not parameters of the rule
    assert "best_min" not in info["params"]


def test_rules_for_a_code_version_say_what_does_not_apply(runner: CliRunner) -> None:
    result = runner.invoke(app, ["rules", "--code", "2022"])
    assert result.exit_code == 0, result.output
    cc108 = next(line for line in result.output.splitlines() if line.startswith("CC108"))
    assert " n/a " in cc108  # the 2022 Code asks for no target date: skipped without a warning
    assert "warning" not in result.stderr
    listed = json.loads(runner.invoke(app, ["rules", "--code", "2024", "--format", "json"]).stdout)
    assert all(item["not_applicable"] is None for item in listed)


def test_rules_explain_unknown_is_one_line_exit_2(runner: CliRunner) -> None:
    result = runner.invoke(app, ["rules", "explain", "CC999"])
    assert result.exit_code == 2
    assert result.output.strip().count("\n") == 0 and "unknown rule 'CC999'" in result.output


def test_bad_extra_rules_file_is_one_line_exit_2(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(EXTRA_RULES.replace("severity: warning", "severity: loud"), encoding="utf-8")
    result = runner.invoke(app, ["rules", "--rules", str(bad)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output and "rule EX001: field 'severity'" in result.output


def test_config_show_prints_values_and_sources(runner: CliRunner, tmp_path: Path) -> None:
    cfg = tmp_path / "pyproject.toml"
    cfg.write_text('[tool.codecheck]\nignore = ["CC116", "dates"]\nfail-on = "warning"\n', encoding="utf-8")
    result = runner.invoke(app, ["config", "--show"])
    assert result.exit_code == 0, result.output
    lines = {line.split("=")[0].strip(): line for line in result.output.splitlines() if "=" in line}
    assert '["CC116", "dates"]' in lines["ignore"] and lines["ignore"].endswith(str(cfg.resolve()))
    assert lines["select"].endswith("# default")
    assert "CC108" not in result.output.splitlines()[-1]  # ignored through its group
    as_json = json.loads(runner.invoke(app, ["config", "--show", "--format", "json"]).output)
    assert as_json["settings"]["fail-on"] == {"value": "warning", "source": str(cfg.resolve())}


def test_config_check_mode_and_unknown_key(runner: CliRunner, tmp_path: Path) -> None:
    ok = runner.invoke(app, ["config"])
    assert ok.exit_code == 0 and "no config file found" in ok.output
    (tmp_path / "codecheck.toml").write_text('ignroe = ["CC101"]\n', encoding="utf-8")
    bad = runner.invoke(app, ["config"])
    assert bad.exit_code == 2
    assert "codecheck.toml: unknown key 'ignroe'" in bad.output and "Traceback" not in bad.output


def test_config_for_a_document_in_another_folder(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "forms"
    folder.mkdir()
    (folder / "codecheck.toml").write_text('select = ["structure"]\n', encoding="utf-8")
    result = runner.invoke(app, ["config", str(folder / "form.docx")])
    rules = load_rules()
    structure = sum(1 for r in rules if r.group == "structure")
    assert result.exit_code == 0 and f"OK ({structure} of {len(rules)} rules selected)" in result.output
