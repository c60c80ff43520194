"""The Code library: shipped versions, their timescales, printed-id resolution and the version maps."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from codecheck.codes import (
    CHANGE_KINDS,
    canonical_id,
    get_map,
    get_version,
    list_versions,
    resolve_printed_id,
    version_ids,
)
from codecheck.errors import CodecheckError, ConfigError
from codecheck.model import CodeVersion, Timescale


def timescales(version: CodeVersion, what: str, stage: int | None) -> list[tuple[str, Timescale]]:
    return [
        (p.id, t) for p in version.provisions for t in p.timescales if t.what == what and t.stage == stage
    ]


def only(version: CodeVersion, what: str, stage: int | None) -> tuple[str, Timescale]:
    found = timescales(version, what, stage)
    assert len(found) == 1, found
    return found[0]


# --------------------------------------------------------------------------- versions


def test_versions_are_listed_oldest_first() -> None:
    assert version_ids() == ["2022", "joint", "2024"]
    assert [v.id for v in list_versions()] == version_ids()


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("2024", "2024"),
        (" HOC-2024 ", "2024"),
        ("2024-statutory", "2024"),
        ("hos_2024", "2024"),
        ("2022", "2022"),
        ("hoc-2022", "2022"),
        ("JOINT", "joint"),
        ("joint-draft", "joint"),
    ],
)
def test_synonyms_resolve_to_the_cached_version(spec: str, expected: str) -> None:
    assert canonical_id(spec) == expected
    assert get_version(spec) is get_version(expected)


def test_unknown_version_lists_the_known_ids() -> None:
    with pytest.raises(ConfigError) as exc:
        get_version("2030")
    message = str(exc.value)
    assert "'2030'" in message
    for vid in ("2022", "2024", "joint"):
        assert vid in message


@pytest.mark.parametrize(
    ("vid", "provisions", "form_ids", "sections"),
    [("2022", 75, 72, 8), ("2024", 73, 72, 9), ("joint", 77, 71, 9)],
)
def test_every_provision_is_present(vid: str, provisions: int, form_ids: int, sections: int) -> None:
    v = get_version(vid)
    assert len(v.provisions) == provisions
    assert len(v.form_provision_ids) == form_ids
    assert len(v.sections) == sections
    for p in v.provisions:
        assert p.id.split(".")[0] == str(p.section)
        assert v.section(p.section) is not None
        assert p.text.strip()
    # ids run 1..n without gaps inside each section
    for s in v.sections:
        minors = sorted(int(p.id.split(".")[1]) for p in v.provisions if p.section == s.number)
        assert minors == list(range(1, len(minors) + 1)), (vid, s.number)


def test_metadata_dates_and_succession() -> None:
    v22, v24, vj = get_version("2022"), get_version("2024"), get_version("joint")
    assert v24.in_force_from == "2024-04-01" and v24.in_force_to is None
    assert v22.in_force_from == "2022-04-01" and v22.in_force_to == "2024-03-31"
    assert v22.superseded_by == "2024" and v24.supersedes == "2022"
    assert vj.in_force_from is None  # a consultation draft never came into force
    assert len(vj.publishers) == 2
    assert (v22.max_stages, v24.max_stages, vj.max_stages) == (3, 2, 2)
    for v in (v22, v24, vj):
        assert v.contacts["ombudsman"][0]["phone"] == "0300 111 3000"
        assert v.detection["keywords"] and v.source


def test_obligations() -> None:
    v24, v22 = get_version("2024"), get_version("2022")
    assert {p.id for p in v24.provisions if p.obligation != "must"} == {"1.1"}
    assert v24.provision("1.1").obligation == "intro" and not v24.provision("1.1").on_form
    should = {p.id for p in v22.provisions if p.obligation == "should"}
    assert {"1.4", "1.5", "5.2", "5.18", "7.6"} <= should
    assert {p.id for p in v22.provisions if p.obligation == "intro"} == {"1.1", "6.4", "7.1"}


def test_paraphrased_provisions_say_so() -> None:
    for vid, pid in (("2022", "1.1"), ("2022", "6.4"), ("2022", "7.1"), ("2024", "1.1")):
        p = get_version(vid).provision(pid)
        assert p is not None and not p.on_form
        assert "not found" in (p.note or ""), (vid, pid)


def test_stages() -> None:
    v22, v24, vj = get_version("2022"), get_version("2024"), get_version("joint")
    assert [p.id for p in v22.provisions if p.stage == 3] == ["5.17", "5.18", "5.19", "5.20"]
    assert {p.stage for p in v24.provisions} == {None, 1, 2}
    assert [p.id for p in v24.provisions if p.stage == 1] == [f"6.{i}" for i in range(1, 10)]
    assert [p.id for p in v24.provisions if p.stage == 2] == [f"6.{i}" for i in range(10, 21)]
    assert vj.provision("6.3").stage == 1 and vj.provision("6.18").stage == 2


def test_lettered_items() -> None:
    p = get_version("2024").provision("6.9")
    assert [i.label for i in p.items] == list("abcdefg")
    assert p.items[1].text.startswith("the complaint definition")
    assert [i.label for i in get_version("2024").provision("9.8").items] == list("abc")
    assert len(get_version("2022").provision("5.8").items) == 6  # unlettered, no "complaint definition"
    assert len(get_version("2022").provision("5.16").items) == 8
    assert [i.label for i in get_version("joint").provision("5.4").items] == list("abcde")


def test_complaint_definition_is_data() -> None:
    for vid in version_ids():
        v = get_version(vid)
        d = v.complaint_definition
        assert d["provision"] == "1.2"
        assert d["text"].startswith("an expression of dissatisfaction")
        assert d["text"][:-1] in v.provision("1.2").text
        assert all(k.lower() in d["text"].lower() for k in d["key_phrases"])
    phrases = get_version("2024").complaint_definition["key_phrases"]
    assert "affecting a resident or group of residents" in phrases
    assert "an individual resident" in get_version("2022").complaint_definition["text"]


# --------------------------------------------------------------------------- timescales


def test_timescales_2024() -> None:
    v = get_version("2024")
    pid, t = only(v, "acknowledge", 1)
    assert (pid, t.number, t.unit, t.counted_from) == ("6.2", 5, "working_days", "received")
    pid, t = only(v, "respond", 1)
    assert (pid, t.number, t.unit, t.counted_from) == ("6.3", 10, "working_days", "acknowledged")
    pid, t = only(v, "extend", 1)
    assert (pid, t.number, t.unit) == ("6.4", 10, "working_days")
    pid, t = only(v, "acknowledge", 2)
    assert (pid, t.number, t.unit) == ("6.11", 5, "working_days")
    pid, t = only(v, "respond", 2)
    assert (pid, t.number, t.unit, t.counted_from) == ("6.14", 20, "working_days", "acknowledged")
    pid, t = only(v, "extend", 2)
    assert (pid, t.number, t.unit) == ("6.15", 20, "working_days")
    limit = v.provision("2.3").timescales[0]
    assert (limit.what, limit.number, limit.unit, limit.counted_from) == ("time_limit", 12, "months", "aware")


def test_timescales_2022() -> None:
    v = get_version("2022")
    pid, t = only(v, "respond", 1)
    assert (pid, t.number, t.counted_from) == ("5.1", 10, "logged")
    pid, t = only(v, "respond", 2)
    assert (pid, t.number, t.counted_from) == ("5.13", 20, "escalated")
    assert max(t.number for _, t in timescales(v, "extend", 2)) == 10  # 2024 allows 20
    pid, t = only(v, "respond", 3)
    assert (pid, t.number) == ("5.18", 20)
    pid, t = only(v, "acknowledge", 1)
    assert (pid, t.number) == ("4.1", 5)


def test_timescales_joint_count_from_receipt_and_escalation() -> None:
    v = get_version("joint")
    pid, t = only(v, "respond", 1)
    assert (pid, t.number, t.counted_from) == ("6.3", 10, "received")
    pid, t = only(v, "respond", 2)
    assert (pid, t.number, t.counted_from) == ("6.18", 20, "escalated")
    pid, t = only(v, "extend", 2)
    assert (pid, t.number) == ("6.19", 20)
    assert v.provision("2.2").timescales[0].what == "time_limit"


# --------------------------------------------------------------------------- printed ids


def test_joint_form_quirks() -> None:
    v = get_version("joint")
    printed = [r.id for r in v.form]
    assert printed[0] == "1.2/ 1.4" and v.form[0].covers == ("1.2", "1.4")
    assert printed.count("6.1") == 2 and printed.count("6.19") == 2
    assert "6.23" not in printed and printed.index("6.24") == printed.index("6.22") + 1
    not_on_form = {p.id for p in v.provisions if not p.on_form}
    assert not_on_form == {"1.1", "2.6", "6.23", "8.3", "8.4", "8.5"}
    assert v.provision("6.3").form_text.startswith("We issue a final response")
    assert "10 days" in v.provision("6.4").form_text


def test_2022_form_follows_the_must_then_should_tables() -> None:
    printed = [r.id for r in get_version("2022").form]
    assert printed[:8] == ["1.2", "1.3", "1.6", "1.7", "1.8", "1.9", "1.4", "1.5"]
    assert len(printed) == len(set(printed)) == 72


@pytest.mark.parametrize(
    ("vid", "printed", "expected"),
    [
        ("joint", "1.2/ 1.4", ("1.2", "1.4")),
        ("joint", "1.2/1.4", ("1.2", "1.4")),
        ("joint", " 1.2 /\u00a01.4 ", ("1.2", "1.4")),
        ("2024", "6.3.", ("6.3",)),
        ("2024", "6.3", ("6.3",)),
        ("2024", "(6.3)", ("6.3",)),
        ("2024", "Section 6.3", ("6.3",)),
        ("2024", "6.9 (b)", ("6.9",)),
        ("2024", "6.10", ("6.10",)),
        ("2024", "6 .3", ("6.3",)),
        ("2024", "6. 10", ("6.10",)),
        ("2024", "6.2 & 6.3", ("6.2", "6.3")),
        ("2024", "6.21", ()),
        ("2024", "6.3/6.99", ()),
        ("2024", "", ()),
        ("2024", "Stage 1", ()),
        ("2022", "5.20", ("5.20",)),
        ("2024", "5.20", ()),
    ],
)
def test_resolve_printed_id(vid: str, printed: str, expected: tuple[str, ...]) -> None:
    assert resolve_printed_id(get_version(vid), printed) == expected


@given(st.text(max_size=30))
def test_resolve_printed_id_never_invents_a_provision(printed: str) -> None:
    v = get_version("2024")
    ids = {p.id for p in v.provisions}
    assert set(resolve_printed_id(v, printed)) <= ids


# --------------------------------------------------------------------------- maps


@pytest.mark.parametrize(("a", "b"), [("2022", "2024"), ("2024", "joint")])
def test_every_provision_of_both_versions_is_mapped(a: str, b: str) -> None:
    m = get_map(a, b)
    assert m.source and m.source.endswith(f"{a}-{b}.yaml")
    mapped_from = {pid for e in m.entries for pid in e.from_ids}
    mapped_to = {pid for e in m.entries for pid in e.to_ids}
    assert {p.id for p in get_version(a).provisions} <= mapped_from
    assert {p.id for p in get_version(b).provisions} <= mapped_to
    for e in m.entries:
        assert e.changes and set(e.changes) <= set(CHANGE_KINDS)
        assert ("added" in e.changes) == (not e.from_ids)
        assert ("removed" in e.changes) == (not e.to_ids)


def test_map_2022_2024_details() -> None:
    m = get_map("2022", "2024")
    assert m.counterparts("5.13") == ("6.14", "6.15")
    entry = m.entries_for("5.13")[0]
    assert "timescale_changed" in entry.changes and "renumbered" in entry.changes
    assert m.counterparts("5.18") == () and m.entries_for("5.18")[0].changes == ("removed",)
    assert "strengthened" in m.entries_for("7.6")[0].changes  # should -> must
    assert m.counterparts("5.17") == ("5.3",)
    added = {pid for e in m.entries if "added" in e.changes for pid in e.to_ids}
    assert {"2.5", "3.3", "6.11", "6.12", "8.4", "8.5"} <= added


def test_reverse_and_composed_maps() -> None:
    back = get_map("2024", "2022")
    assert back.counterparts("6.15") == ("5.13", "5.14")
    assert back.entries_for("2.5")[0].changes == ("removed",)
    assert "weakened" in back.entries_for("9.8")[0].changes  # mirror of strengthened
    fwd = get_map("2022", "joint")
    assert fwd.source == "composed via 2024"
    assert fwd.counterparts("5.13") == ("6.18", "6.19")
    assert fwd.counterparts("5.18") == ()
    rev = get_map("joint", "2022")
    assert rev.counterparts("6.18") == ("5.13",)
    assert rev.counterparts("2.3") == ()  # only in the Joint draft
    for m in (fwd, rev):
        mapped = {pid for e in m.entries for pid in e.to_ids}
        assert {p.id for p in get_version(m.to_id).provisions} <= mapped
    same = get_map("2024", "hoc-2024")
    assert all(e.changes == ("unchanged",) for e in same.entries)
    assert get_map("2022", "2024") is get_map("hoc-2022", "2024")


def test_unknown_map_version() -> None:
    with pytest.raises(CodecheckError, match="unknown Code version"):
        get_map("2022", "1999")


def test_succession_points_at_shipped_versions() -> None:
    ids = set(version_ids())
    for v in list_versions():
        for other in (v.supersedes, v.superseded_by):
            assert other is None or other in ids


def test_shipped_data_cites_no_seed_files() -> None:
    """Notes explain the Code; they must not point at the private test material they were checked with."""
    from codecheck.resources import code_versions_dir

    for path in code_versions_dir().rglob("*.yaml"):
        lines = path.read_text(encoding="utf-8").lower().splitlines()
        assert not [line for line in lines if "seed" in line and not line.startswith("#")], path
