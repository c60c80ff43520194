"""`codecheck codes` and `codecheck codes show`, through typer's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from codecheck.cli.app import app

runner = CliRunner()


def test_codes_lists_versions_with_dates_and_counts() -> None:
    result = runner.invoke(app, ["codes"])
    assert result.exit_code == 0, result.output
    for text in ("2022", "2024", "joint", "2024-04-01", "75", "73", "77"):
        assert text in result.stdout


def test_codes_json() -> None:
    result = runner.invoke(app, ["codes", "--format", "json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    by_id = {v["id"]: v for v in data["versions"]}
    assert list(by_id) == ["2022", "joint", "2024"]
    assert by_id["2024"]["provisions"] == 73 and by_id["2024"]["in_force_from"] == "2024-04-01"
    assert by_id["2022"]["max_stages"] == 3
    assert by_id["2022"]["status"] == "superseded" and by_id["joint"]["status"].startswith("draft")


def test_status_depends_on_the_date() -> None:
    from datetime import date

    from codecheck.cli.codes_cmd import status
    from codecheck.codes import get_version

    v22, v24 = get_version("2022"), get_version("2024")
    assert status(v22, date(2023, 6, 1)) == "in force"
    assert status(v22, date(2024, 4, 1)) == "superseded"
    assert status(v24, date(2024, 3, 31)) == "not yet in force"
    assert status(v24, date(2024, 4, 1)) == "in force"


def test_show_version_table() -> None:
    result = runner.invoke(app, ["codes", "show", "2024"])
    assert result.exit_code == 0, result.output
    assert "6.20" in result.stdout and "Complaints stages" in result.stdout
    assert "respond 20 working days" in result.stdout


def test_show_version_json() -> None:
    result = runner.invoke(app, ["codes", "show", "joint", "--format", "json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["id"] == "joint" and len(data["provisions"]) == data["provision_count"] == 77
    assert data["form"][0] == {"id": "1.2/ 1.4", "covers": ["1.2", "1.4"]}


def test_show_provision_json_has_its_timescale() -> None:
    result = runner.invoke(app, ["codes", "show", "2024", "6.14", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["id"] == "6.14" and data["stage"] == 2
    assert data["timescales"] == [
        {
            "what": "respond",
            "stage": 2,
            "number": 20,
            "unit": "working_days",
            "counted_from": "acknowledged",
            "note": "final stage 2 response",
            "summary": "stage 2: respond 20 working days from acknowledgement",
        }
    ]


def test_show_2022_5_17_explains_the_third_stage_rule() -> None:
    result = runner.invoke(app, ["codes", "show", "2022", "5.17"])
    assert result.exit_code == 0, result.output
    out = " ".join(result.stdout.split())
    assert "stage 3" in out
    assert "third stage is allowed only if the landlord sets out its reasons" in out
    assert "more than three stages is never acceptable" in out


def test_show_printed_combined_id() -> None:
    result = runner.invoke(app, ["codes", "show", "joint", "1.2/ 1.4", "--format", "json"])
    assert result.exit_code == 0
    assert [p["id"] for p in json.loads(result.stdout)] == ["1.2", "1.4"]


def test_errors_are_one_line_and_exit_2(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("schema: 1\nid: [\n", encoding="utf-8")
    for args, expected in (
        (["codes", "show", "2030"], "unknown Code version '2030'"),
        (["codes", "show", "2024", "6.99"], "has no provision '6.99'"),
        (["codes", "show", str(broken)], f"{broken}: invalid YAML"),
        (["codes", "--format", "xml"], "--format"),
    ):
        result = runner.invoke(app, args)
        assert result.exit_code == 2, (args, result.output)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("codecheck: error: "), result.stderr
        assert expected in lines[0]
        assert "Traceback" not in result.output


def test_control_characters_in_a_user_file_do_not_reach_the_terminal(tmp_path: Path) -> None:
    import yaml

    from codecheck.resources import code_versions_dir

    data = yaml.safe_load((code_versions_dir() / "2024.yaml").read_text(encoding="utf-8"))
    data["provisions"][1]["text"] = "Example Homes \x1b[31mred\x1b[0m text [bold]markup[/bold]"
    path = tmp_path / "example.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    result = runner.invoke(app, ["codes", "show", str(path), "1.2"])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stdout
    assert "[bold]markup[/bold]" in result.stdout  # printed literally, not interpreted
