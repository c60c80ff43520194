"""The parsed-YAML cache (codes/yaml_cache.py): a hit gives the same data, never a stale or wrong one."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from codecheck.codes import yaml_cache
from codecheck.codes.loader import clear_cache, load_version_file, read_yaml
from codecheck.engine.rules import read_rules_file
from codecheck.errors import CodeDefinitionError, RuleDefinitionError
from codecheck.resources import code_versions_dir, rules_dir


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(yaml_cache.DIR_ENV, str(folder))
    monkeypatch.delenv(yaml_cache.DISABLE_ENV, raising=False)
    return folder


class Counter:
    def __init__(self, result: object) -> None:
        self.calls = 0
        self.result = result

    def __call__(self, text: str) -> object:
        self.calls += 1
        return self.result


def test_second_load_of_the_same_text_is_a_hit(cache: Path) -> None:
    parse = Counter({"a": [1, 2.5, True, None, "x"]})
    first = yaml_cache.load("a: text", "safe", parse)
    second = yaml_cache.load("a: text", "safe", parse)
    assert parse.calls == 1
    assert first == second == {"a": [1, 2.5, True, None, "x"]}
    assert type(second["a"][1]) is float and second["a"][2] is True


def test_other_text_or_other_parser_kind_is_a_miss(cache: Path) -> None:
    parse = Counter({"a": 1})
    yaml_cache.load("a: 1", "safe", parse)
    yaml_cache.load("a: 1 ", "safe", parse)
    yaml_cache.load("a: 1", "rules", parse)
    assert parse.calls == 3


@pytest.mark.parametrize(
    "data", [{"when": dt.date(2024, 4, 1)}, {1: "int key"}, {"x": float("nan")}, ("tuple",)]
)
def test_data_json_cannot_carry_exactly_is_not_cached(cache: Path, data: object) -> None:
    parse = Counter(data)
    yaml_cache.load("t", "safe", parse)
    yaml_cache.load("t", "safe", parse)
    assert parse.calls == 2


def test_disabled_by_environment(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(yaml_cache.DISABLE_ENV, "1")
    parse = Counter({"a": 1})
    yaml_cache.load("a: 1", "safe", parse)
    yaml_cache.load("a: 1", "safe", parse)
    assert parse.calls == 2 and not cache.exists()


def test_corrupt_entry_falls_back_to_parsing(cache: Path) -> None:
    parse = Counter({"a": 1})
    yaml_cache.load("a: 1", "safe", parse)
    (entry,) = cache.glob("yaml-safe-*.json")
    entry.write_text("{not json", encoding="utf-8")
    assert yaml_cache.load("a: 1", "safe", parse) == {"a": 1}
    assert parse.calls == 2


def test_unwritable_cache_folder_is_not_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv(yaml_cache.DIR_ENV, str(blocker / "cache"))  # a folder under a file
    assert yaml_cache.load("a: 1", "safe", Counter({"a": 1})) == {"a": 1}


def test_code_version_from_cache_equals_a_fresh_parse(cache: Path, tmp_path: Path) -> None:
    src = code_versions_dir() / "2024.yaml"
    copy = tmp_path / "2024.yaml"
    shutil.copy(src, copy)
    clear_cache()
    fresh = load_version_file(copy)
    assert list(cache.glob("yaml-safe-*.json"))
    clear_cache()
    cached = load_version_file(copy)
    assert cached is not fresh and cached == fresh
    assert read_yaml(copy) == read_yaml(src)


def test_rules_file_from_cache_equals_a_fresh_parse(cache: Path) -> None:
    path = rules_dir() / "CC110-wrong-timescale" / "rule.yaml"
    fresh = read_rules_file(path)
    assert list(cache.glob("yaml-rules-*.json"))
    assert read_rules_file(path) == fresh


def test_bad_yaml_is_never_cached_and_still_reported(cache: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema: 1\nrules: [\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(RuleDefinitionError, match="invalid YAML"):
            read_rules_file(bad)
        with pytest.raises(CodeDefinitionError, match="invalid YAML"):
            read_yaml(bad)
    assert not list(cache.glob("*.json"))


def test_duplicate_key_rules_file_is_refused_even_after_a_safe_parse_was_cached(
    cache: Path, tmp_path: Path
) -> None:
    dup = tmp_path / "dup.yaml"
    dup.write_text("schema: 1\nschema: 1\nrules: []\n", encoding="utf-8")
    read_yaml(dup)  # the plain safe loader keeps the last key: cached under its own kind
    with pytest.raises(RuleDefinitionError, match="given twice"):
        read_rules_file(dup)


def test_no_home_directory_means_no_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(yaml_cache.DIR_ENV, raising=False)
    monkeypatch.delenv(yaml_cache.DISABLE_ENV, raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)

    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(Path, "home", staticmethod(no_home))
    assert yaml_cache.cache_dir() is None
    assert yaml_cache.load("a: 1", "safe", Counter({"a": 1})) == {"a": 1}
