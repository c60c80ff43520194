"""The trust model of configuration: ``--isolated``, and what a discovered file may not loosen.

A configuration file found beside the documents can be changed by whoever changes a document (a pull
request to a document repository), so it tunes rules but cannot raise ``[limits]``; CI that wants
nothing from the repository passes ``--isolated``. Tested through the CLI, as CI runs it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from codecheck.cli.app import app
from codecheck.config import load_config
from codecheck.limits import DEFAULT_LIMITS

runner = CliRunner()


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A document repository whose codecheck.toml names a rules file that does not exist and sets
    ``format = "json"``: both are visible from the outside when the file is (or is not) read."""
    from docx_factory import simple_form

    root = tmp_path_factory.mktemp("repo")
    simple_form(root / "example-homes.docx")
    (root / "codecheck.toml").write_text(
        'format = "json"\nrules = ["missing-rules.yaml"]\n[limits]\nmax_seconds = 900\nmax_pages = 50\n',
        encoding="utf-8",
    )
    return root


def test_discovered_configuration_is_read_by_default(repo: Path) -> None:
    result = runner.invoke(app, ["audit", str(repo / "example-homes.docx")])
    assert result.exit_code == 2
    assert "missing-rules.yaml" in result.stderr and "rules file not found" in result.stderr


def test_isolated_ignores_the_discovered_file(repo: Path) -> None:
    result = runner.invoke(app, ["audit", "--isolated", "--exit-zero", str(repo / "example-homes.docx")])
    assert result.exit_code == 0, result.stderr
    assert "missing-rules.yaml" not in result.stderr
    with pytest.raises(json.JSONDecodeError):  # the file's format = "json" did not apply: text report
        json.loads(result.stdout)


def test_isolated_still_reads_an_explicit_config(repo: Path, tmp_path: Path) -> None:
    explicit = tmp_path / "ci.toml"
    explicit.write_text('format = "json"\n', encoding="utf-8")
    result = runner.invoke(
        app,
        ["audit", "--isolated", "--exit-zero", "--config", str(explicit), str(repo / "example-homes.docx")],
    )
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["document"].endswith("example-homes.docx")


def test_isolated_config_show_reports_defaults(repo: Path) -> None:
    result = runner.invoke(app, ["config", "--show", "--isolated", "--format", "json", str(repo)])
    assert result.exit_code == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload["config_file"] is None
    assert all(entry["source"] == "default" for entry in payload["settings"].values())


def test_isolated_rules_listing_skips_the_discovered_rules_file(repo: Path, monkeypatch) -> None:
    monkeypatch.chdir(repo)
    assert runner.invoke(app, ["rules"]).exit_code == 2  # the discovered file names a missing rules file
    result = runner.invoke(app, ["rules", "--isolated"])
    assert result.exit_code == 0, result.stderr
    assert "CC101" in result.stdout


def test_isolated_extract_skips_the_discovered_file(repo: Path) -> None:
    result = runner.invoke(app, ["extract", "--isolated", str(repo / "example-homes.docx")])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""  # no warning about the file's [limits]: it was not read


def test_discovered_file_cannot_raise_a_limit(repo: Path) -> None:
    """max_seconds = 900 is held at the default, with one warning line naming the file; max_pages = 50
    (a lowering) applies."""
    cfg = load_config(repo / "example-homes.docx")
    assert cfg.limits().max_seconds == DEFAULT_LIMITS.max_seconds
    assert cfg.limits().max_pages == 50
    result = runner.invoke(app, ["config", "--show", str(repo)])
    warnings = [line for line in result.stderr.splitlines() if line.startswith("codecheck: warning: ")]
    assert len(warnings) == 1
    assert str(repo / "codecheck.toml") in warnings[0] and "max_seconds = 900" in warnings[0]
    assert "--config" in warnings[0]


def test_explicit_config_can_raise_a_limit(repo: Path) -> None:
    cfg = load_config(repo, explicit=repo / "codecheck.toml")
    assert cfg.limits().max_seconds == 900 and cfg.warnings == []
    result = runner.invoke(app, ["config", "--show", "--config", str(repo / "codecheck.toml"), str(repo)])
    assert "warning" not in result.stderr


def test_a_discovered_limit_at_the_default_is_not_a_warning(tmp_path: Path) -> None:
    (tmp_path / "codecheck.toml").write_text(
        f"[limits]\nmax_seconds = {DEFAULT_LIMITS.max_seconds}\n", encoding="utf-8"
    )
    cfg = load_config(tmp_path)
    assert cfg.warnings == [] and cfg.limits_overrides == {"max_seconds": DEFAULT_LIMITS.max_seconds}
