"""Hand-written validation of Code version YAML into ``CodeVersion`` objects.

Why by hand: jsonschema is a test-only dependency, and its messages ("'workdays' is not one of …" with a
JSON pointer) do not say which *provision* is wrong. A complaints officer editing a local copy of a Code
needs "<file>: provision 6.3: field 'timescales[0].unit': 'workdays' is not one of …" in one line.

Format (``schema: 1``), all keys below and nothing else:

- top level: ``schema``, ``id``, ``title``, ``short_title``, ``publishers``, ``published``,
  ``in_force_from``, ``in_force_to``, ``supersedes``, ``superseded_by``, ``max_stages``, ``source``,
  ``contacts``, ``detection``, ``complaint_definition``, ``sections``, ``provisions``; optional ``form``,
  ``aliases``, ``facts``.
- dates: ISO ``YYYY-MM-DD`` or null (null rather than a guessed day: other stages parse these dates).
- provision: ``id`` ("6.3", quoted), ``section``, ``text``, ``obligation`` (must | should | intro);
  optional ``stage`` (1-3 or null, at most ``max_stages``), ``on_form`` (default true), ``form_text``,
  ``items`` ([{label, text}]), ``timescales``, ``note``.
- timescale: ``what``, ``number``, ``unit``; optional ``stage``, ``counted_from``, ``note``
  (allowed values in the constants below).
- detection: ``title_patterns`` (regular expressions, searched case-insensitively in a document's
  opening text) and ``keywords`` (phrases typical of the version's form; compare case-insensitively
  after folding curly quotes to straight ones). Hints for version detection, not proof.
- facts (``model.VersionFacts``), every key optional: ``cited_as`` (text), ``synonyms`` (names for
  --code), ``form_layout`` (a layout name), ``stage_limit`` and ``named_stages`` (provision ids of this
  version), ``explain_unmet`` (obligations), ``target_date_required`` (true/false), ``alignment``
  (``best_min``, ``own_max``, ``margin``, ``ambiguity``, ``text_min``: numbers 0-100).
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from codecheck.errors import CodeDefinitionError
from codecheck.model import CodeVersion, FormRow, ListItem, Provision, Section, Timescale, VersionFacts

SCHEMA_VERSION = 1
OBLIGATIONS = ("must", "should", "intro")
TIMESCALE_WHAT = ("acknowledge", "respond", "extend", "request_escalation", "time_limit")
TIMESCALE_UNITS = ("working_days", "calendar_days", "weeks", "months")
COUNTED_FROM = ("received", "logged", "acknowledged", "escalated", "aware")

PROVISION_ID = re.compile(r"^[1-9]\d?\.[1-9]\d?$")
VERSION_ID = re.compile(r"^[a-z0-9][a-z0-9._-]{0,39}$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

_TOP_REQUIRED = (
    "schema",
    "id",
    "title",
    "short_title",
    "publishers",
    "published",
    "in_force_from",
    "in_force_to",
    "supersedes",
    "superseded_by",
    "max_stages",
    "source",
    "contacts",
    "detection",
    "complaint_definition",
    "sections",
    "provisions",
)
_TOP_OPTIONAL = ("form", "aliases", "facts")
_FACTS = (
    "cited_as",
    "synonyms",
    "form_layout",
    "stage_limit",
    "named_stages",
    "explain_unmet",
    "target_date_required",
    "alignment",
)
ALIGNMENT_KEYS = ("best_min", "own_max", "margin", "ambiguity", "text_min")
NAME = re.compile(r"^[a-z0-9][a-z0-9._-]{0,39}$")  # a synonym or layout name, as users type it
_PROV_REQUIRED = ("id", "section", "text", "obligation")
_PROV_OPTIONAL = ("stage", "on_form", "form_text", "items", "timescales", "note")
_TS_REQUIRED = ("what", "number", "unit")
_TS_OPTIONAL = ("stage", "counted_from", "note")


class _Ctx:
    """Builds the one-line message: file, then where (provision 6.3), then the field path."""

    def __init__(self, path: Path | str | None) -> None:
        self.path = path

    def fail(self, where: str | None, field: str | None, problem: str) -> CodeDefinitionError:
        parts = [p for p in (where, f"field '{field}'" if field else None, problem) if p]
        return CodeDefinitionError(": ".join(parts), self.path)


def _describe(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _keys(
    ctx: _Ctx, where: str | None, prefix: str, data: Any, required: tuple[str, ...], optional: tuple[str, ...]
) -> Mapping[str, Any]:
    if not isinstance(data, Mapping):
        raise ctx.fail(where, prefix or None, f"expected a mapping, got {type(data).__name__}")
    for key in data:
        if key not in required and key not in optional:
            name = f"{prefix}.{key}" if prefix else str(key)
            raise ctx.fail(where, name, "unknown key")
    for key in required:
        if key not in data:
            name = f"{prefix}.{key}" if prefix else key
            raise ctx.fail(where, name, "missing")
    return data


def _str(ctx: _Ctx, where: str | None, field: str, value: Any, *, optional: bool = False) -> str | None:
    if value is None and optional:
        return None
    if not isinstance(value, str) or not value.strip():
        raise ctx.fail(where, field, f"expected non-empty text, got {_describe(value)}")
    return value


def _int(
    ctx: _Ctx, where: str | None, field: str, value: Any, lo: int, hi: int, *, optional: bool = False
) -> int | None:
    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
        raise ctx.fail(where, field, f"expected a whole number from {lo} to {hi}, got {_describe(value)}")
    return value


def _choice(
    ctx: _Ctx, where: str | None, field: str, value: Any, allowed: tuple[str, ...], *, optional: bool = False
) -> str | None:
    if value is None and optional:
        return None
    if value not in allowed:
        raise ctx.fail(where, field, f"{_describe(value)} is not one of {', '.join(allowed)}")
    return value


def _date(ctx: _Ctx, field: str, value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, _dt.date):  # an unquoted YAML date
        return value.isoformat()
    if not isinstance(value, str) or not ISO_DATE.match(value):
        raise ctx.fail(None, field, f"expected an ISO date (YYYY-MM-DD) or null, got {_describe(value)}")
    try:
        _dt.date.fromisoformat(value)
    except ValueError:
        raise ctx.fail(None, field, f"{value!r} is not a real date") from None
    return value


def _pid(ctx: _Ctx, where: str | None, field: str, value: Any) -> str:
    if isinstance(value, float):
        raise ctx.fail(where, field, f"{value!r} must be quoted (YAML reads 6.10 as 6.1)")
    if not isinstance(value, str) or not PROVISION_ID.match(value):
        raise ctx.fail(where, field, f"{_describe(value)} is not a provision id like '6.3'")
    return value


def _str_list(
    ctx: _Ctx, where: str | None, field: str, value: Any, *, allow_empty: bool = False
) -> list[str]:
    if not isinstance(value, list) or (not value and not allow_empty):
        raise ctx.fail(where, field, f"expected a {'' if allow_empty else 'non-empty '}list")
    for i, item in enumerate(value):
        _str(ctx, where, f"{field}[{i}]", item)
    return value


def _timescale(ctx: _Ctx, where: str, field: str, data: Any, max_stages: int) -> Timescale:
    d = _keys(ctx, where, field, data, _TS_REQUIRED, _TS_OPTIONAL)
    return Timescale(
        what=_choice(ctx, where, f"{field}.what", d["what"], TIMESCALE_WHAT),  # type: ignore[arg-type]
        number=_int(ctx, where, f"{field}.number", d["number"], 1, 400),  # type: ignore[arg-type]
        unit=_choice(ctx, where, f"{field}.unit", d["unit"], TIMESCALE_UNITS),  # type: ignore[arg-type]
        stage=_int(ctx, where, f"{field}.stage", d.get("stage"), 1, max_stages, optional=True),
        counted_from=_choice(
            ctx, where, f"{field}.counted_from", d.get("counted_from"), COUNTED_FROM, optional=True
        ),
        note=_str(ctx, where, f"{field}.note", d.get("note"), optional=True),
    )


def _provision(ctx: _Ctx, index: int, data: Any, sections: set[int], max_stages: int) -> Provision:
    raw_id = data.get("id") if isinstance(data, Mapping) else None
    where = f"provision {raw_id}" if isinstance(raw_id, str) else f"provisions[{index}]"
    d = _keys(ctx, where, "", data, _PROV_REQUIRED, _PROV_OPTIONAL)
    pid = _pid(ctx, where, "id", d["id"])
    section = _int(ctx, where, "section", d["section"], 1, 99)
    if section not in sections:
        raise ctx.fail(where, "section", f"section {section} is not listed under 'sections'")
    if int(pid.split(".")[0]) != section:
        raise ctx.fail(where, "section", f"{section} does not match the id's section {pid.split('.')[0]}")
    items_raw = d.get("items", [])
    if not isinstance(items_raw, list):
        raise ctx.fail(where, "items", "expected a list")
    items = []
    labels: set[str] = set()
    for i, item in enumerate(items_raw):
        it = _keys(ctx, where, f"items[{i}]", item, ("label", "text"), ())
        label = it["label"]
        if isinstance(label, int) and not isinstance(label, bool):
            label = str(label)
        label = _str(ctx, where, f"items[{i}].label", label)
        if label in labels:
            raise ctx.fail(where, f"items[{i}].label", f"duplicate item label {label!r}")
        labels.add(label)  # type: ignore[arg-type]
        items.append(ListItem(label=label, text=_str(ctx, where, f"items[{i}].text", it["text"])))  # type: ignore[arg-type]
    ts_raw = d.get("timescales", [])
    if not isinstance(ts_raw, list):
        raise ctx.fail(where, "timescales", "expected a list")
    on_form = d.get("on_form", True)
    if not isinstance(on_form, bool):
        raise ctx.fail(where, "on_form", f"expected true or false, got {_describe(on_form)}")
    return Provision(
        id=pid,
        section=section,  # type: ignore[arg-type]
        text=_str(ctx, where, "text", d["text"]),  # type: ignore[arg-type]
        obligation=_choice(ctx, where, "obligation", d["obligation"], OBLIGATIONS),  # type: ignore[arg-type]
        stage=_int(ctx, where, "stage", d.get("stage"), 1, max_stages, optional=True),
        form_text=_str(ctx, where, "form_text", d.get("form_text"), optional=True),
        items=tuple(items),
        timescales=tuple(
            _timescale(ctx, where, f"timescales[{i}]", t, max_stages) for i, t in enumerate(ts_raw)
        ),
        on_form=on_form,
        note=_str(ctx, where, "note", d.get("note"), optional=True),
    )


def _detection(ctx: _Ctx, data: Any) -> dict:
    d = _keys(ctx, None, "detection", data, (), ("title_patterns", "keywords"))
    patterns = _str_list(ctx, None, "detection.title_patterns", d.get("title_patterns", []), allow_empty=True)
    for i, pattern in enumerate(patterns):
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ctx.fail(
                None, f"detection.title_patterns[{i}]", f"invalid regular expression: {exc}"
            ) from None
    keywords = _str_list(ctx, None, "detection.keywords", d.get("keywords", []), allow_empty=True)
    return {"title_patterns": list(patterns), "keywords": list(keywords)}


def _complaint_definition(ctx: _Ctx, data: Any, ids: set[str]) -> dict:
    d = _keys(ctx, None, "complaint_definition", data, ("provision", "text", "key_phrases"), ())
    pid = _pid(ctx, None, "complaint_definition.provision", d["provision"])
    if pid not in ids:
        raise ctx.fail(None, "complaint_definition.provision", f"{pid} is not a provision of this version")
    text = _str(ctx, None, "complaint_definition.text", d["text"])
    phrases = _str_list(ctx, None, "complaint_definition.key_phrases", d["key_phrases"])
    for i, phrase in enumerate(phrases):
        if " ".join(phrase.lower().split()) not in " ".join(text.lower().split()):  # type: ignore[union-attr]
            raise ctx.fail(None, f"complaint_definition.key_phrases[{i}]", f"{phrase!r} is not in the text")
    return {"provision": pid, "text": text, "key_phrases": list(phrases)}


def _covers(ctx: _Ctx, where: str, field: str, value: Any, ids: set[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value:
        raise ctx.fail(where, field, "expected a non-empty list of provision ids")
    out = []
    for i, pid in enumerate(value):
        pid = _pid(ctx, where, f"{field}[{i}]", pid)
        if pid not in ids:
            raise ctx.fail(where, f"{field}[{i}]", f"{pid} is not a provision of this version")
        out.append(pid)
    return tuple(out)


def _facts(ctx: _Ctx, data: Any, ids: set[str]) -> VersionFacts:
    d = _keys(ctx, None, "facts", data, (), _FACTS)

    def name_list(field: str) -> tuple[str, ...]:
        values = _str_list(ctx, None, f"facts.{field}", d.get(field, []), allow_empty=True)
        for i, value in enumerate(values):
            if not NAME.match(str(value).strip().lower()):
                problem = f"{_describe(value)} is not a name like 'hos-2024'"
                raise ctx.fail(None, f"facts.{field}[{i}]", problem)
        return tuple(str(v).strip().lower() for v in values)

    def provision(field: str) -> str | None:
        if d.get(field) is None:
            return None
        pid = _pid(ctx, None, f"facts.{field}", d[field])
        if pid not in ids:
            raise ctx.fail(None, f"facts.{field}", f"{pid} is not a provision of this version")
        return pid

    explain = d.get("explain_unmet")
    if explain is not None:
        explain = tuple(
            _choice(ctx, None, f"facts.explain_unmet[{i}]", o, OBLIGATIONS)
            for i, o in enumerate(_str_list(ctx, None, "facts.explain_unmet", explain))
        )
    required = d.get("target_date_required")
    if required is not None and not isinstance(required, bool):
        problem = f"expected true or false, got {_describe(required)}"
        raise ctx.fail(None, "facts.target_date_required", problem)
    layout = _str(ctx, None, "facts.form_layout", d.get("form_layout"), optional=True)
    if layout is not None and not NAME.match(layout):
        raise ctx.fail(None, "facts.form_layout", f"{_describe(layout)} is not a layout name")
    alignment = _keys(ctx, None, "facts.alignment", d.get("alignment") or {}, (), ALIGNMENT_KEYS)
    for key, value in alignment.items():
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 100:
            problem = f"expected a number from 0 to 100, got {_describe(value)}"
            raise ctx.fail(None, f"facts.alignment.{key}", problem)
    return VersionFacts(
        cited_as=_str(ctx, None, "facts.cited_as", d.get("cited_as"), optional=True),
        synonyms=name_list("synonyms"),
        form_layout=layout,
        stage_limit=provision("stage_limit"),
        named_stages=provision("named_stages"),
        explain_unmet=explain,  # type: ignore[arg-type]
        target_date_required=required,
        alignment={key: float(value) for key, value in alignment.items()},
    )


def build_version(data: Any, path: Path | str | None = None) -> CodeVersion:
    """Validate parsed YAML and build the ``CodeVersion``; ``CodeDefinitionError`` on the first fault."""
    ctx = _Ctx(path)
    d = _keys(ctx, None, "", data, _TOP_REQUIRED, _TOP_OPTIONAL)
    if d["schema"] != SCHEMA_VERSION:
        raise ctx.fail(
            None, "schema", f"unsupported schema {_describe(d['schema'])} (expected {SCHEMA_VERSION})"
        )
    vid = d["id"]
    if isinstance(vid, int) and not isinstance(vid, bool):
        vid = str(vid)
    if not isinstance(vid, str) or not VERSION_ID.match(vid):
        raise ctx.fail(
            None, "id", f"{_describe(vid)} is not a version id (lower-case letters, digits, - . _)"
        )
    max_stages = _int(ctx, None, "max_stages", d["max_stages"], 1, 3)
    assert max_stages is not None

    sections: list[Section] = []
    if not isinstance(d["sections"], list) or not d["sections"]:
        raise ctx.fail(None, "sections", "expected a non-empty list")
    for i, s in enumerate(d["sections"]):
        sd = _keys(ctx, None, f"sections[{i}]", s, ("number", "title"), ())
        number = _int(ctx, None, f"sections[{i}].number", sd["number"], 1, 99)
        if any(x.number == number for x in sections):
            raise ctx.fail(None, f"sections[{i}].number", f"duplicate section {number}")
        sections.append(Section(number=number, title=_str(ctx, None, f"sections[{i}].title", sd["title"])))  # type: ignore[arg-type]
    section_numbers = {s.number for s in sections}

    if not isinstance(d["provisions"], list) or not d["provisions"]:
        raise ctx.fail(None, "provisions", "expected a non-empty list")
    provisions: list[Provision] = []
    seen: set[str] = set()
    for i, p in enumerate(d["provisions"]):
        prov = _provision(ctx, i, p, section_numbers, max_stages)
        if prov.id in seen:
            raise ctx.fail(f"provision {prov.id}", "id", "duplicate provision id")
        seen.add(prov.id)
        provisions.append(prov)

    by_id = {p.id: p for p in provisions}
    if "form" in d and d["form"] is not None:
        if not isinstance(d["form"], list) or not d["form"]:
            raise ctx.fail(None, "form", "expected a non-empty list of rows")
        form = []
        for i, row in enumerate(d["form"]):
            where = f"form row {i + 1}"
            rd = _keys(ctx, where, "", row, ("id", "covers"), ("text",))
            if isinstance(rd["id"], float):
                raise ctx.fail(
                    where, "id", f"{rd['id']!r} must be quoted (YAML reads 6.10 as the number 6.1)"
                )
            printed = _str(ctx, where, "id", rd["id"])
            covers = _covers(ctx, where, "covers", rd["covers"], seen)
            text = _str(ctx, where, "text", rd.get("text"), optional=True)
            if text is None and len(covers) == 1:
                text = by_id[covers[0]].form_wording
            form.append(FormRow(id=printed, covers=covers, text=text))  # type: ignore[arg-type]
    else:
        form = [FormRow(id=p.id, covers=(p.id,), text=p.form_wording) for p in provisions if p.on_form]

    aliases: dict[str, tuple[str, ...]] = {}
    raw_aliases = d.get("aliases") or {}
    if not isinstance(raw_aliases, Mapping):
        raise ctx.fail(None, "aliases", "expected a mapping of printed id to provision ids")
    for key, value in raw_aliases.items():
        if not isinstance(key, str) or not key.strip():
            raise ctx.fail(None, "aliases", f"{_describe(key)} is not a printed id (quote it)")
        aliases[key] = _covers(ctx, f"alias {key!r}", "aliases", value, seen)

    contacts = d["contacts"]
    if not isinstance(contacts, Mapping):
        raise ctx.fail(None, "contacts", "expected a mapping")
    publishers = _str_list(ctx, None, "publishers", d["publishers"])
    for key in ("supersedes", "superseded_by"):
        value = d[key]
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if value is not None and (not isinstance(value, str) or not VERSION_ID.match(value)):
            raise ctx.fail(None, key, f"{_describe(value)} is not a version id")

    def vid_or_none(value: Any) -> str | None:
        return None if value is None else str(value)

    return CodeVersion(
        id=vid,
        title=_str(ctx, None, "title", d["title"]),  # type: ignore[arg-type]
        short_title=_str(ctx, None, "short_title", d["short_title"]),  # type: ignore[arg-type]
        publishers=tuple(publishers),
        published=_date(ctx, "published", d["published"]),
        in_force_from=_date(ctx, "in_force_from", d["in_force_from"]),
        in_force_to=_date(ctx, "in_force_to", d["in_force_to"]),
        supersedes=vid_or_none(d["supersedes"]),
        superseded_by=vid_or_none(d["superseded_by"]),
        max_stages=max_stages,
        sections=tuple(sections),
        provisions=tuple(provisions),
        form=tuple(form),
        complaint_definition=_complaint_definition(ctx, d["complaint_definition"], seen),
        contacts=dict(contacts),
        detection=_detection(ctx, d["detection"]),
        source=_str(ctx, None, "source", d["source"]),  # type: ignore[arg-type]
        aliases=aliases,
        facts=_facts(ctx, d.get("facts") or {}, seen),
    )
