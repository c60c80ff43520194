"""Configuration: discovery by walking up, precedence, unknown keys, value checks and sources."""

from __future__ import annotations

from pathlib import Path

import pytest

from codecheck.config import COMMAND_LINE, Config, load_config
from codecheck.errors import ConfigError
from codecheck.model import Severity


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """repo/pyproject.toml ([tool.codecheck]), repo/forms/2025/codecheck.toml, repo/plain/pyproject.toml."""
    repo = tmp_path / "repo"
    write(
        repo / "pyproject.toml",
        '[project]\nname = "x"\n[tool.codecheck]\nignore = ["CC116"]\nfail-on = "warning"\n',
    )
    write(repo / "forms" / "2025" / "codecheck.toml", 'select = ["structure"]\ncode = "2024"\n')
    write(repo / "plain" / "pyproject.toml", '[project]\nname = "y"\n')
    write(repo / "forms" / "2025" / "a.docx", "")
    return repo


def test_defaults_when_no_file(tmp_path: Path) -> None:
    cfg = load_config(tmp_path / "doc.docx")
    assert cfg.config_file is None and cfg.select is None and cfg.fail_on is Severity.ERROR
    assert all(source == "default" for _, _, source in cfg.effective())


def test_closest_file_wins_walking_up_from_the_document(tree: Path) -> None:
    cfg = load_config(tree / "forms" / "2025" / "a.docx")
    assert cfg.config_file == (tree / "forms" / "2025" / "codecheck.toml").resolve()
    assert cfg.select == ("structure",) and cfg.code == "2024"
    assert cfg.ignore == ()  # closest file only: no merging with the pyproject further up
    assert cfg.source_of("select") == str(cfg.config_file)
    assert cfg.source_of("ignore") == "default"


def test_pyproject_without_table_is_skipped(tree: Path) -> None:
    cfg = load_config(tree / "plain" / "doc.pdf")
    assert cfg.config_file == (tree / "pyproject.toml").resolve()
    assert cfg.ignore == ("CC116",) and cfg.fail_on is Severity.WARNING


def test_codecheck_toml_beats_pyproject_in_the_same_folder(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.codecheck]\nselect = ["CC1"]\n')
    write(tmp_path / "codecheck.toml", 'select = ["CC101"]\n')
    assert load_config(tmp_path).select == ("CC101",)


def test_explicit_file_stops_the_search(tree: Path, tmp_path: Path) -> None:
    other = write(tmp_path / "elsewhere" / "my.toml", 'format = "json"\n')
    cfg = load_config(tree / "forms" / "2025" / "a.docx", explicit=other)
    assert cfg.config_file == other and cfg.format == "json" and cfg.select is None


def test_explicit_pyproject_needs_the_table(tree: Path) -> None:
    with pytest.raises(ConfigError, match=r"no \[tool\.codecheck\] table"):
        load_config(None, explicit=tree / "plain" / "pyproject.toml")


def test_command_line_overrides_and_extends_with_sources(tree: Path) -> None:
    cfg = load_config(
        tree / "plain",
        overrides={
            "select": ["CC1"],
            "ignore": ["CC104"],
            "severity": ["CC108=error"],
            "fail_on": "info",
            "code": None,  # not given on the command line
        },
    )
    assert cfg.select == ("CC1",) and cfg.source_of("select") == COMMAND_LINE
    assert cfg.ignore == ("CC116", "CC104")
    assert cfg.source_of("ignore") == f"{tree / 'pyproject.toml'} + {COMMAND_LINE}"
    assert cfg.severity == {"CC108": Severity.ERROR}
    assert cfg.fail_on is Severity.INFO and cfg.code is None


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ('ignor = ["CC101"]\n', "unknown key 'ignor'"),
        ('[tool]\nx = 1\n[severity]\nCC101 = "fatal"\n', "unknown key 'tool'"),
        ('[severity]\nCC101 = "fatal"\n', "unknown severity"),
        ("select = 3\n", "'select' must be a list"),
        ('fail-on = "sometimes"\n', "fail-on"),
        ("[limits]\nmax_pages = -1\n", "positive whole number"),
        ("[limits]\nmax_pages = 2.5\n", "positive whole number"),
        ("[limits]\nmax_pagez = 10\n", "unknown key 'limits.max_pagez'"),
        ("code = 2024\n", "'code' must be a non-empty string"),
        ("select = [\n", "invalid TOML"),
        ('per-document-ignores = ["x"]\n', "glob = [selectors]"),
    ],
)
def test_bad_config_files_name_the_file_and_key(tmp_path: Path, text: str, needle: str) -> None:
    path = write(tmp_path / "codecheck.toml", text)
    with pytest.raises(ConfigError) as err:
        load_config(tmp_path)
    assert needle in str(err.value) and str(path) in str(err.value)


def test_unknown_key_in_pyproject_table(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool.codecheck]\nselct = []\n")
    with pytest.raises(ConfigError, match=r"pyproject\.toml: unknown key 'selct'"):
        load_config(tmp_path)


def test_unknown_command_line_key() -> None:
    with pytest.raises(ConfigError, match="command line: unknown key 'colour'"):
        load_config(None, overrides={"colour": "red"})


def test_snake_case_keys_are_accepted(tmp_path: Path) -> None:
    write(tmp_path / "codecheck.toml", 'extend_select = ["CC116"]\nfail_on = "warning"\n')
    cfg = load_config(tmp_path)
    assert cfg.extend_select == ("CC116",) and cfg.fail_on is Severity.WARNING


def test_rules_files_resolve_relative_to_the_config_file(tree: Path) -> None:
    write(tree / "codecheck.toml", 'rules = ["team-rules.yaml"]\n')
    cfg = load_config(tree / "plain" / "x.docx")
    assert cfg.rules_files == ((tree / "team-rules.yaml").resolve(),)


def test_limits_overrides_reach_the_reader_limits(tmp_path: Path) -> None:
    write(tmp_path / "codecheck.toml", "[limits]\nmax-pages = 12\n")
    cfg = load_config(tmp_path)
    assert cfg.limits_overrides == {"max_pages": 12}
    assert cfg.limits().max_pages == 12
    assert Config().limits().max_pages > 12


def test_effective_lists_every_setting_once() -> None:
    keys = [key for key, _, _ in Config().effective()]
    assert keys == sorted(set(keys), key=keys.index)
    assert {"select", "ignore", "extend-select", "severity", "fail-on", "code", "rules", "limits"} <= set(
        keys
    )


def test_hostile_config_files_are_one_line_errors(tmp_path: Path) -> None:
    big = tmp_path / "big" / "codecheck.toml"
    big.parent.mkdir()
    big.write_text("# " + "x" * 1_100_000 + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="too large"):
        load_config(big.parent)
    binary = tmp_path / "bin" / "codecheck.toml"
    binary.parent.mkdir()
    binary.write_bytes(b"\xff\xfe\x00select = [")
    with pytest.raises(ConfigError, match="invalid TOML") as err:
        load_config(binary.parent)
    assert "\n" not in str(err.value)
