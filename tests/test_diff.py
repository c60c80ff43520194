"""`codecheck diff`: the shipped 2022 -> 2024 changes, every version pair, the map/text checks and the
four output formats."""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from codecheck.cli.app import app
from codecheck.codes import MapEntry, VersionMap, get_version, version_ids
from codecheck.diff import (
    CodeDiff,
    ProvisionChange,
    diff_versions,
    normalise,
    render_html,
    render_markdown,
    render_text,
    select_provision,
    word_diff,
)
from codecheck.model import CodeVersion, FormRow, Provision, Section, Timescale

runner = CliRunner()


@pytest.fixture(scope="module")
def d2022_2024() -> CodeDiff:
    return diff_versions(get_version("2022"), get_version("2024"))


def _entry(result: CodeDiff, from_id: str | None = None, to_id: str | None = None) -> ProvisionChange:
    found = [c for c in result.changes
             if (from_id is None or from_id in c.from_ids) and (to_id is None or to_id in c.to_ids)]
    assert found, (from_id, to_id)
    return found[0]


# --------------------------------------------------------------------------- the cases


def test_stage_2_extension_goes_from_10_to_20_working_days(d2022_2024: CodeDiff) -> None:
    change = _entry(d2022_2024, "5.13", "6.15")
    assert "timescale_changed" in change.kinds
    ext = [t for t in change.timescales if t.what == "extend" and t.stage == 2]
    assert len(ext) == 1
    assert ext[0].old == "10 working days" and ext[0].new == "20 working days"
    whole = [t for t in d2022_2024.timescales if t.what == "extend" and t.stage == 2]
    assert [(t.old, t.new) for t in whole] == [("10 working days", "20 working days")]
    assert "stage 2 extension: 10 working days → 20 working days" in render_text(d2022_2024)


def test_third_stage_is_removed(d2022_2024: CodeDiff) -> None:
    assert "Maximum complaint stages: 3 → 2" in d2022_2024.version_notes
    old = get_version("2022")
    stage3 = [p.id for p in old.provisions if p.stage == 3]
    removed = {pid for c in d2022_2024.changes if c.kinds == ("removed",) for pid in c.from_ids}
    # every stage 3 provision is removed except 5.17, which became the 2024 ban on a third stage (5.3)
    assert set(stage3) - {"5.17"} <= removed
    assert _entry(d2022_2024, "5.17").to_ids == ("5.3",)
    stage3_response = [t for t in d2022_2024.timescales if t.stage == 3]
    assert stage3_response and all(t.new is None for t in stage3_response)


def test_should_to_must_strengthenings(d2022_2024: CodeDiff) -> None:
    strengthened = [c for c in d2022_2024.changes if "strengthened" in c.kinds]
    assert len(strengthened) >= 10
    ids = {pid for c in strengthened for pid in c.from_ids}
    assert {"1.4", "1.5", "4.19", "7.6"} <= ids
    old, new = get_version("2022"), get_version("2024")
    for c in strengthened:
        assert c.obligation == ("should", "must")
        assert all(old.provision(i).obligation == "should" for i in c.from_ids)  # type: ignore[union-attr]
        assert all(new.provision(i).obligation == "must" for i in c.to_ids)  # type: ignore[union-attr]
    # no mapped 'should' provision escapes being reported
    for c in d2022_2024.changes:
        if c.to_ids and c.from_ids and all(old.provision(i).obligation == "should" for i in c.from_ids):  # type: ignore[union-attr]
            assert "strengthened" in c.kinds, c.from_ids
    assert d2022_2024.summary()["strengthened"] == len(strengthened)


def test_renumbered_reworded_added(d2022_2024: CodeDiff) -> None:
    c = _entry(d2022_2024, "1.7", "2.1")
    assert {"renumbered", "reworded"} <= set(c.kinds)
    one_two = _entry(d2022_2024, "1.2", "1.2")
    assert "renumbered" not in one_two.kinds and "reworded" in one_two.kinds
    deleted = [w.old for w in one_two.words if w.op in ("replace", "delete")]
    inserted = [w.new for w in one_two.words if w.op in ("replace", "insert")]
    assert any("organisation" in w for w in deleted) and any("landlord" in w for w in inserted)
    added = {pid for c in d2022_2024.changes if c.kinds == ("added",) for pid in c.to_ids}
    assert {"2.5", "5.13", "6.20", "8.5"} <= added


def test_counts_at_top_match_entries(d2022_2024: CodeDiff) -> None:
    text = render_text(d2022_2024)
    summary = text.splitlines()[1]
    counts = d2022_2024.summary()
    assert summary.startswith("Summary: ")
    assert f"{counts['removed']} removed" in summary and f"{counts['added']} added" in summary


# --------------------------------------------------------------------------- every pair, both directions


@pytest.mark.parametrize(("a", "b"), list(itertools.permutations(version_ids(), 2)))
def test_every_pair_in_both_directions(a: str, b: str) -> None:
    old, new = get_version(a), get_version(b)
    result = diff_versions(old, new)
    old_ids = {pid for c in result.changes for pid in c.from_ids}
    new_ids = {pid for c in result.changes for pid in c.to_ids}
    assert {p.id for p in old.provisions} <= old_ids  # every provision accounted for
    assert {p.id for p in new.provisions} <= new_ids
    for render in (render_text, render_markdown, render_html):
        assert render(result)
    json.loads(json.dumps(result.as_dict()))


def test_reverse_mirrors_forward(d2022_2024: CodeDiff) -> None:
    back = diff_versions(get_version("2024"), get_version("2022"))
    fwd, rev = d2022_2024.summary(), back.summary()
    assert rev["weakened"] == fwd["strengthened"]
    assert rev["added"] == fwd["removed"] and rev["removed"] == fwd["added"]
    ext = [t for t in back.timescales if t.what == "extend" and t.stage == 2]
    assert [(t.old, t.new) for t in ext] == [("20 working days", "10 working days")]


# --------------------------------------------------------------------------- map vs text


def _version(vid: str, provisions: list[Provision]) -> CodeVersion:
    return CodeVersion(
        id=vid, title=f"Example Code {vid}", short_title=f"Example {vid}", publishers=("Example",),
        published=None, in_force_from=None, in_force_to=None, supersedes=None, superseded_by=None,
        max_stages=2, sections=(Section(1, "Example"),), provisions=tuple(provisions),
        form=tuple(FormRow(p.id, (p.id,), p.text) for p in provisions), complaint_definition={},
        contacts={}, detection={}, source="test",
    )


def _synthetic_diff(monkeypatch: pytest.MonkeyPatch, entries: list[MapEntry], old: list[Provision],
                    new: list[Provision]) -> CodeDiff:
    import codecheck.codes

    a, b = _version("old", old), _version("new", new)
    monkeypatch.setattr(codecheck.codes, "get_map", lambda x, y: VersionMap(x, y, entries, "test map"))
    return diff_versions(a, b)


P = Provision
RESP = "Landlords must respond to complaints within ten working days of receiving them in writing."
CHANNELS = "Residents must be able to complain by telephone, email, letter, online form or in person."
EXT = "An extension must be no more than 10 working days without good reason."


def test_map_and_text_disagreements_are_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    old = [P("1.1", 1, RESP, "must"), P("1.2", 1, CHANNELS, "must"), P("1.3", 1, EXT, "should")]
    new = [P("1.1", 1, RESP.replace("ten", "twenty"), "must"), P("1.2", 1, CHANNELS, "must"),
           P("1.3", 1, "Landlords must publish an annual report on their website.", "must"),
           P("1.4", 1, EXT, "should")]
    entries = [
        MapEntry(("1.1",), ("1.1",), ("unchanged",)),  # but the wording differs
        MapEntry(("1.2",), ("1.3",), ("renumbered",)),  # unrelated texts; and 1.2 really matches new 1.2
        MapEntry(("1.3",), ("1.4",), ("renumbered", "strengthened")),  # obligation did not change
        MapEntry((), ("1.2",), ("added",)),
    ]
    result = _synthetic_diff(monkeypatch, entries, old, new)
    first = _entry(result, "1.1")
    assert "reworded" in first.kinds and any("says unchanged" in d for d in first.disagreements)
    second = _entry(result, "1.2")
    assert any("little in common" in d for d in second.disagreements)
    assert any("reads almost the same as new 1.2" in d for d in second.disagreements)
    third = _entry(result, "1.3")
    assert "strengthened" not in third.kinds
    assert any("says strengthened" in d for d in third.disagreements)
    added = _entry(result, None, "1.2")
    assert added.kinds == ("added",)
    assert any("new 1.2 reads almost the same as old 1.2" in d for d in added.disagreements)  # both sides
    assert result.summary()["disagreements"] == 4
    assert "DISAGREEMENT:" in render_text(result)


def test_computed_kinds_without_disagreement(monkeypatch: pytest.MonkeyPatch) -> None:
    ts_old = (Timescale("respond", 10, "working_days", 1, "received"),)
    ts_new = (Timescale("respond", 10, "working_days", 1, "acknowledged"),)
    old = [P("2.1", 1, RESP, "should", timescales=ts_old)]
    new = [P("3.1", 1, RESP, "must", timescales=ts_new)]
    entries = [MapEntry(("2.1",), ("3.1",), ("renumbered", "strengthened", "timescale_changed"))]
    change = _synthetic_diff(monkeypatch, entries, old, new).changes[0]
    assert change.kinds == ("renumbered", "strengthened", "timescale_changed")
    assert change.disagreements == []
    assert change.timescales[0].describe() == (
        "stage 1 response: 10 working days from receipt → 10 working days from acknowledgement"
    )


# --------------------------------------------------------------------------- rendering


def test_word_diff_folds_short_coincidental_runs() -> None:
    ops = word_diff("Landlords should respond within 10 days.",
                    "Landlords must respond within 20 working days.")
    # "respond within" (two words) between two changes is folded into one replacement
    assert [(o.op, o.old, o.new) for o in ops] == [
        ("equal", "Landlords", "Landlords"),
        ("replace", "should respond within 10", "must respond within 20 working"),
        ("equal", "days.", "days."),
    ]
    ops = word_diff("Landlords should respond to every complaint within 10 days.",
                    "Landlords must respond to every complaint within 20 days.")
    assert [o.op for o in ops] == ["equal", "replace", "equal", "replace", "equal"]


@given(st.lists(st.sampled_from(["must", "should", "the", "landlord", "10", "days", "a", "b."]), max_size=30),
       st.lists(st.sampled_from(["must", "should", "the", "landlord", "20", "days", "c", "b."]), max_size=30))
@settings(max_examples=200, deadline=None)
def test_word_diff_reconstructs_both_texts(old: list[str], new: list[str]) -> None:
    ops = word_diff(" ".join(old), " ".join(new))
    assert " ".join(o.old for o in ops if o.old) == " ".join(old)
    assert " ".join(o.new for o in ops if o.new) == " ".join(new)
    for o in ops:
        assert o.op != "equal" or normalise(o.old) == normalise(o.new)
        assert o.op != "delete" or not o.new
        assert o.op != "insert" or not o.old


def test_renderers_mark_words(d2022_2024: CodeDiff) -> None:
    one = select_provision(d2022_2024, "2024:1.2")
    assert "[-organisation,-] {+landlord,+}" in render_text(one)
    assert "~~organisation,~~ **landlord,**" in render_markdown(one)
    html = render_html(one)
    assert "<del>organisation,</del>" in html and "<ins>landlord,</ins>" in html
    assert "<script" not in html and not re.search(r"(?:src|href)\s*=|@import|url\(", html)  # self-contained


def test_untrusted_text_is_escaped_and_stripped(monkeypatch: pytest.MonkeyPatch) -> None:
    evil = "Landlords must <script>alert(1)</script> respond \x1b[31mnow\x1b[0m | # *x*"
    old = [P("1.1", 1, RESP, "must")]
    new = [P("1.1", 1, evil, "must")]
    result = _synthetic_diff(monkeypatch, [MapEntry(("1.1",), ("1.1",), ("reworded",))], old, new)
    html = render_html(result)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "\x1b" not in render_text(result)
    md = render_markdown(result)
    assert "<script>" not in md and "\\|" in md


# --------------------------------------------------------------------------- --provision and the CLI


def test_provision_history(d2022_2024: CodeDiff) -> None:
    both = select_provision(d2022_2024, "5.13")
    assert {c.from_ids for c in both.changes} == {("5.13",), ()}
    assert all("5.13" in c.from_ids or "5.13" in c.to_ids for c in both.changes)
    only_new = select_provision(d2022_2024, "2024:5.13")
    assert [c.kinds for c in only_new.changes] == [("added",)]


def test_cli_text_default_pair_and_provision() -> None:
    result = runner.invoke(app, ["diff", "--provision", "6.15"])
    assert result.exit_code == 0, result.output
    assert "HOS Code 2022 → HOS Code 2024" in result.output
    assert "stage 2 extension: 10 working days → 20 working days" in result.output


@pytest.mark.parametrize("fmt", ["text", "markdown", "json", "html"])
def test_cli_formats(fmt: str) -> None:
    result = runner.invoke(app, ["diff", "--from", "2022", "--to", "2024", "--format", fmt])
    assert result.exit_code == 0, result.output
    if fmt == "json":
        data = json.loads(result.output)
        assert data["schema_version"] == 1 and data["tool"]["name"] == "codecheck"
        assert data["from"]["id"] == "2022" and data["to"]["id"] == "2024"
        change = next(c for c in data["changes"] if c["from"] == ["5.13"])
        assert {"kinds", "map_kinds", "similarity", "obligation", "timescales", "words",
                "disagreements"} <= set(change)
        assert data["summary"]["removed"] >= 3


def test_cli_errors_are_one_line(tmp_path: Path) -> None:
    for args in (["diff", "--provision", "12.1"], ["diff", "--from", "2019"],
                 ["diff", "--provision", "2019:1.2"], ["diff", "--from", "2024"], ["diff", "--to", "2022"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 2, args
        lines = [line for line in result.output.splitlines() if line.strip()]
        assert len(lines) == 1 and lines[0].startswith("codecheck: error:"), result.output


def test_cli_output_file_is_a_report_and_is_overwritten(tmp_path: Path) -> None:
    out = tmp_path / "changes.html"
    out.write_text("old")
    result = runner.invoke(app, ["diff", "-f", "html", "-o", str(out)])
    assert result.exit_code == 0 and out.read_text().startswith("<!DOCTYPE html>")
