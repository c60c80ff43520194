"""Version files are validated on load, and every fault is one line naming the file, provision and field.

Each test starts from the shipped 2024 file (valid), breaks one thing and checks the message.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from codecheck.codes import get_version, load_version_file
from codecheck.codes.loader import clear_cache
from codecheck.errors import CodeDefinitionError
from codecheck.resources import code_versions_dir


@pytest.fixture(scope="module")
def base() -> dict[str, Any]:
    return yaml.safe_load((code_versions_dir() / "2024.yaml").read_text(encoding="utf-8"))


def prov(data: dict[str, Any], pid: str) -> dict[str, Any]:
    return next(p for p in data["provisions"] if p["id"] == pid)


def write(tmp_path: Path, data: Any, name: str = "our-code.yaml") -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def test_a_copy_of_a_shipped_version_loads_from_a_path(tmp_path: Path, base: dict[str, Any]) -> None:
    data = copy.deepcopy(base)
    data["id"] = "example-homes-2024"
    path = write(tmp_path, data)
    v = get_version(str(path))
    assert v.id == "example-homes-2024"
    assert v.provision("6.14").timescales[0].number == 20
    assert load_version_file(path) is v  # cached


def _set_unit(d: dict) -> None:
    prov(d, "6.3")["timescales"][0]["unit"] = "workdays"


def _dup(d: dict) -> None:
    d["provisions"].append(copy.deepcopy(prov(d, "6.3")))


def _float_id(d: dict) -> None:
    prov(d, "6.10")["id"] = 6.1


def _missing_text(d: dict) -> None:
    del prov(d, "6.3")["text"]


def _unknown_prov_key(d: dict) -> None:
    prov(d, "6.3")["deadline"] = 10


def _bad_obligation(d: dict) -> None:
    prov(d, "6.3")["obligation"] = "shall"


def _bad_stage(d: dict) -> None:
    prov(d, "6.3")["stage"] = 3  # max_stages is 2


def _wrong_section(d: dict) -> None:
    prov(d, "6.3")["section"] = 5


def _bad_id(d: dict) -> None:
    prov(d, "6.3")["id"] = "6.x"


def _bad_counted_from(d: dict) -> None:
    prov(d, "6.3")["timescales"][0]["counted_from"] = "sent"


def _bad_number(d: dict) -> None:
    prov(d, "6.3")["timescales"][0]["number"] = "ten"


def _dup_label(d: dict) -> None:
    prov(d, "6.9")["items"][1]["label"] = "a"


def _top_unknown(d: dict) -> None:
    d["colour"] = "blue"


def _top_missing(d: dict) -> None:
    del d["sections"]


def _bad_date(d: dict) -> None:
    d["in_force_from"] = "1 April 2024"


def _partial_date(d: dict) -> None:
    d["published"] = "2024-02"


def _impossible_date(d: dict) -> None:
    d["in_force_from"] = "2024-02-30"


def _bad_schema(d: dict) -> None:
    d["schema"] = 2


def _alias_unknown(d: dict) -> None:
    d["aliases"] = {"6.3/6.99": ["6.3", "6.99"]}


def _phrase_absent(d: dict) -> None:
    d["complaint_definition"]["key_phrases"].append("however expressed")


def _bad_regex(d: dict) -> None:
    d["detection"]["title_patterns"] = ["(unclosed"]


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (_set_unit, "provision 6.3: field 'timescales[0].unit': 'workdays' is not one of working_days"),
        (_dup, "provision 6.3: field 'id': duplicate provision id"),
        (_float_id, "field 'id': 6.1 must be quoted"),
        (_missing_text, "provision 6.3: field 'text': missing"),
        (_unknown_prov_key, "provision 6.3: field 'deadline': unknown key"),
        (_bad_obligation, "provision 6.3: field 'obligation': 'shall' is not one of must, should, intro"),
        (_bad_stage, "provision 6.3: field 'stage': expected a whole number from 1 to 2, got 3"),
        (_wrong_section, "provision 6.3: field 'section': 5 does not match"),
        (_bad_id, "provision 6.x: field 'id': '6.x' is not a provision id"),
        (_bad_counted_from, "field 'timescales[0].counted_from': 'sent' is not one of received"),
        (_bad_number, "field 'timescales[0].number': expected a whole number"),
        (_dup_label, "provision 6.9: field 'items[1].label': duplicate item label 'a'"),
        (_top_unknown, "field 'colour': unknown key"),
        (_top_missing, "field 'sections': missing"),
        (_bad_date, "field 'in_force_from': expected an ISO date"),
        (_partial_date, "field 'published': expected an ISO date (YYYY-MM-DD)"),
        (_impossible_date, "field 'in_force_from': '2024-02-30' is not a real date"),
        (_bad_schema, "field 'schema': unsupported schema 2"),
        (_alias_unknown, "6.99 is not a provision of this version"),
        (_phrase_absent, "'however expressed' is not in the text"),
        (_bad_regex, "invalid regular expression"),
    ],
)
def test_faults_are_one_line_naming_file_provision_and_field(
    tmp_path: Path, base: dict[str, Any], mutate: Callable[[dict], None], expected: str
) -> None:
    data = copy.deepcopy(base)
    mutate(data)
    path = write(tmp_path, data)
    with pytest.raises(CodeDefinitionError) as exc:
        load_version_file(path)
    message = str(exc.value)
    assert message.startswith(f"{path}: ")
    assert expected in message
    assert "\n" not in message


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("schema: 1\nid: [unclosed\n", "invalid YAML: line"),
        ("- just\n- a list\n", "expected a mapping"),
        ("", "expected a mapping"),
        ("key: !!python/object:os.system x\n", "invalid YAML"),  # safe_load refuses Python objects
    ],
)
def test_broken_yaml_fails_with_a_clear_message(tmp_path: Path, content: str, expected: str) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CodeDefinitionError) as exc:
        get_version(str(path))
    assert str(exc.value).startswith(f"{path}: ")
    assert expected in str(exc.value)


def test_missing_and_binary_files(tmp_path: Path) -> None:
    with pytest.raises(CodeDefinitionError, match="file not found"):
        get_version(str(tmp_path / "nope.yaml"))
    binary = tmp_path / "binary.yaml"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(CodeDefinitionError, match="not UTF-8"):
        get_version(str(binary))


def test_cache_notices_an_edited_file(tmp_path: Path, base: dict[str, Any]) -> None:
    data = copy.deepcopy(base)
    path = write(tmp_path, data)
    first = load_version_file(path)
    data["title"] = "Example Homes copy of the 2024 Code, edited"
    write(tmp_path, data)
    second = load_version_file(path)
    assert second.title.endswith("edited") and first.title != second.title
    clear_cache()
    assert get_version("2024").id == "2024"


def test_form_may_be_given_explicitly(tmp_path: Path, base: dict[str, Any]) -> None:
    data = copy.deepcopy(base)
    data["form"] = [{"id": "6.2/6.3", "covers": ["6.2", "6.3"], "text": "We acknowledge and respond."}]
    v = load_version_file(write(tmp_path, data))
    assert v.form_provision_ids == ("6.2", "6.3")
    data["form"] = [{"id": "9.9", "covers": ["9.9"]}]
    with pytest.raises(CodeDefinitionError) as exc:
        load_version_file(write(tmp_path, data, "other.yaml"))
    assert "form row 1: field 'covers[0]': 9.9 is not a provision" in str(exc.value)


HEAD = "schema: 1\nfrom: '2022'\nto: '2024'\nentries:\n  - "


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (HEAD + "{from: ['5.13'], to: ['6.14', '6.15'], changes: [split, timescale_changed]}", None),
        (
            HEAD + "{from: ['5.13'], to: ['6.99'], changes: [split]}",
            "entries[0]: field 'to[0]': '6.99' is not",
        ),
        (
            HEAD + "{from: ['5.13'], to: ['6.14'], changes: [moved]}",
            "field 'changes[0]': 'moved' is not one of",
        ),
        (HEAD + "{from: [], to: ['6.14'], changes: [reworded]}", "'added' means no 'from' ids"),
        (HEAD + "{from: [5.13], to: [], changes: [removed]}", "must be quoted"),
        (HEAD + "{from: ['5.13'], to: [], changes: [removed], why: x}", "field 'why': unknown key"),
        (
            "schema: 1\nfrom: '2022'\nto: '1999'\nentries: []\n",
            "field 'to': '1999' is not a known Code version",
        ),
    ],
)
def test_map_files_are_validated(tmp_path: Path, content: str, expected: str | None) -> None:
    from codecheck.codes import load_map_file

    path = tmp_path / "map.yaml"
    path.write_text(content + "\n", encoding="utf-8")
    if expected is None:
        assert load_map_file(path).counterparts("5.13") == ("6.14", "6.15")
        return
    with pytest.raises(CodeDefinitionError) as exc:
        load_map_file(path)
    assert str(exc.value).startswith(f"{path}: ") and expected in str(exc.value), str(exc.value)


_ANY = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 500) | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=6,
)


def _paths(node: Any, prefix: tuple = ()) -> list[tuple]:
    out = [prefix]
    if isinstance(node, dict):
        for k, v in node.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(node, list):
        for i, v in enumerate(node[:3]):
            out += _paths(v, (*prefix, i))
    return out


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_damage_is_a_codecheck_error_never_a_crash(base: dict[str, Any], data: st.DataObject) -> None:
    """Whatever a user's file holds, loading ends in a CodeVersion or a CodeDefinitionError."""
    from codecheck.codes.schema import build_version

    doc = copy.deepcopy(base)
    doc["provisions"] = doc["provisions"][:4] + [p for p in doc["provisions"] if p["id"] in ("6.9", "6.14")]
    doc["complaint_definition"]["provision"] = "1.2"
    path = data.draw(st.sampled_from(_paths(doc)[1:]))
    value = data.draw(_ANY)
    parent = doc
    for key in path[:-1]:
        parent = parent[key]
    parent[path[-1]] = value
    try:
        build_version(doc, "user.yaml")
    except CodeDefinitionError as exc:
        assert str(exc).startswith("user.yaml: ") and "\n" not in str(exc)
