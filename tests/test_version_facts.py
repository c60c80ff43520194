"""Version facts: what rules know about a Code version lives in its YAML file, not in the rules.

A new Code version is one YAML file: a copy of the 2024 file under another id, in a folder that
``$CODECHECK_CODE_VERSIONS`` names, audits a 2024 sample exactly as the 2024 version does. A version
file without facts still audits; the rules that need a missing fact are skipped with one warning each.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from codecheck.codes import canonical_id, get_version, list_versions
from codecheck.codes.schema import build_version
from codecheck.errors import CodeDefinitionError
from codecheck.resources import CODE_VERSIONS_ENV, code_versions_dir

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "example-homes-2024.docx"


def _codecheck(args: list[str], folder: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, CODE_VERSIONS_ENV: str(folder), "NO_COLOR": "1"}
    command = [sys.executable, "-m", "codecheck", *args]
    return subprocess.run(command, capture_output=True, text=True, env=env, check=False)


@pytest.fixture(scope="module")
def versions(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped versions, a 2024 copy under a new id, and a 2024 copy without its facts."""
    folder = tmp_path_factory.mktemp("codes") / "code_versions"
    shutil.copytree(code_versions_dir(), folder)
    text = (folder / "2024.yaml").read_text(encoding="utf-8")
    copy = text.replace("id: '2024'", "id: example-2026")
    (folder / "example-2026.yaml").write_text(copy, encoding="utf-8")
    bare = re.sub(r"(?m)^facts:\n(?:(?:  |#).*\n)+", "", text).replace("id: '2024'", "id: example-bare")
    assert "facts:" not in bare
    (folder / "example-bare.yaml").write_text(bare, encoding="utf-8")
    return folder


def _findings(proc: subprocess.CompletedProcess) -> list[tuple]:
    doc = json.loads(proc.stdout)
    return [(f["code"], f["provision"], f["message"], json.dumps(f["location"])) for f in doc["findings"]]


def test_a_copy_of_the_2024_version_under_a_new_id_audits_as_2024(versions: Path) -> None:
    listed = _codecheck(["codes", "--format", "json"], versions)
    assert "example-2026" in {v["id"] for v in json.loads(listed.stdout)["versions"]}
    args = ["audit", str(SAMPLE), "--format", "json", "--today", "2026-12-03", "--exit-zero", "--code"]
    as_2024 = _codecheck([*args, "2024"], versions)
    as_new = _codecheck([*args, "example-2026"], versions)
    assert as_2024.returncode == as_new.returncode == 0, as_new.stderr
    assert as_new.stderr == ""  # every rule found what it needs in the copy's facts
    assert json.loads(as_new.stdout)["code_version"] == "example-2026"
    assert _findings(as_new) == _findings(as_2024) and len(_findings(as_2024)) > 5


def test_a_version_without_facts_runs_the_other_rules_and_warns_once_per_rule(versions: Path) -> None:
    args = ["audit", str(SAMPLE), "--format", "json", "--today", "2026-12-03", "--exit-zero"]
    proc = _codecheck([*args, "--code", "example-bare"], versions)
    assert proc.returncode == 0, proc.stderr
    warned = sorted(line.split()[3] for line in proc.stderr.splitlines())
    assert warned == ["CC108", "CC109"], proc.stderr
    assert "has nothing to apply to Code version example-bare: it names no provision that limits stages" in (
        proc.stderr
    )
    codes = {f[0] for f in _findings(proc)}
    assert "CC108" not in codes and "CC109" not in codes
    assert {"CC101", "CC106", "CC110"} & codes  # the rest still run
    listing = _codecheck(["rules", "--code", "example-bare"], versions)
    assert listing.stderr.count("has nothing to apply") == 2
    assert " n/a " in next(line for line in listing.stdout.splitlines() if line.startswith("CC109"))


def test_synonyms_come_from_the_version_files() -> None:
    assert canonical_id("latest") == "2024" and canonical_id("HOS-2022") == "2022"
    assert canonical_id("consultation") == "joint" and canonical_id("2025-code") is None
    for version in list_versions():
        assert version.facts.synonyms, version.id


def test_a_synonym_two_versions_claim_names_neither(versions: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from codecheck.codes import clear_cache

    monkeypatch.setenv(CODE_VERSIONS_ENV, str(versions))
    clear_cache()
    try:
        assert canonical_id("latest") is None  # 2024 and its copy both claim it
        assert canonical_id("example-2026") == "example-2026"
    finally:
        monkeypatch.delenv(CODE_VERSIONS_ENV)
        clear_cache()
    assert canonical_id("latest") == "2024"


def _with_facts(**facts) -> dict:
    import yaml

    data = yaml.safe_load((code_versions_dir() / "2024.yaml").read_text(encoding="utf-8"))
    data["facts"] = {**data["facts"], **facts}
    return data


@pytest.mark.parametrize(
    ("facts", "needle"),
    [
        ({"stage_limit": "5.99"}, "field 'facts.stage_limit': 5.99 is not a provision of this version"),
        ({"named_stages": 5.2}, "field 'facts.named_stages'"),
        ({"explain_unmet": ["must", "may"]}, "field 'facts.explain_unmet[1]'"),
        ({"target_date_required": "yes"}, "field 'facts.target_date_required': expected true or false"),
        ({"alignment": {"best_min": 120}}, "field 'facts.alignment.best_min'"),
        ({"alignment": {"best": 80}}, "field 'facts.alignment.best': unknown key"),
        ({"synonyms": ["Latest Code"]}, "field 'facts.synonyms[0]'"),
        ({"colour": "red"}, "field 'facts.colour': unknown key"),
    ],
)
def test_bad_facts_are_one_line_errors_naming_the_field(facts: dict, needle: str) -> None:
    with pytest.raises(CodeDefinitionError) as err:
        build_version(_with_facts(**facts), "example.yaml")
    assert needle in str(err.value) and str(err.value).startswith("example.yaml: ")


def test_the_shipped_versions_state_the_facts_their_rules_need() -> None:
    from codecheck.engine import load_rules, rules_without_facts

    rules = load_rules(strict=True)
    for version in list_versions():
        assert rules_without_facts(rules, version) == [], version.id
    assert get_version("2022").facts.target_date_required is False
    assert get_version("2022").facts.explain_unmet == ("must",)
