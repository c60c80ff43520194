"""The installed package must carry its data: Code versions and rules found without the source tree.

Builds the wheel with hatchling (the project's build backend), unpacks it into a temporary folder
and runs codecheck from there, in another working directory, with the source tree off the path.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    builder_mod = pytest.importorskip("hatchling.builders.wheel", reason="hatchling is a test dependency")
    out = tmp_path_factory.mktemp("dist")
    cwd = Path.cwd()
    os.chdir(REPO)
    try:
        builder = builder_mod.WheelBuilder(str(REPO))
        paths = list(builder.build(directory=str(out), versions=["standard"]))
    finally:
        os.chdir(cwd)
    return Path(paths[0])


def test_wheel_contains_code_versions_and_rules(wheel: Path):
    names = zipfile.ZipFile(wheel).namelist()
    for version in ("2022", "2024", "joint"):
        assert f"codecheck/data/code_versions/{version}.yaml" in names
    assert any(n.startswith("codecheck/data/code_versions/maps/") for n in names)
    for spec in sorted((REPO / "rules").glob("*/rule.yaml")):  # every rule's folder ships
        assert f"codecheck/data/rules/{spec.parent.name}/rule.yaml" in names
    assert "codecheck/statements/lexicon.yaml" in names  # the statement reader's cue lists


def test_unpacked_wheel_runs_outside_the_source_tree(wheel: Path, tmp_path: Path):
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(site)}
    script = (
        "import sys; sys.path = [p for p in sys.path if 'src' not in p.split('/')[-1:]]; "
        "from codecheck.cli.app import main; sys.argv = ['codecheck'] + sys.argv[1:]; main()"
    )
    for args in (["codes", "--format", "json"], ["rules", "--format", "json"]):
        proc = subprocess.run(
            [sys.executable, "-c", script, *args],
            cwd=elsewhere,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert proc.returncode == 0, proc.stderr
        assert json.loads(proc.stdout)
    probe = subprocess.run(
        [sys.executable, "-c", "import codecheck.resources as r; print(r.code_versions_dir())"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert str(site) in probe.stdout
    reading = subprocess.run(
        [
            sys.executable,
            "-c",
            "from codecheck.statements import read_row; "
            "print(read_row('Stage 1 replies take 12 working days.').timescales[0].reading())",
        ],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert reading.stdout.startswith("stage 1 response, 12 working days")
