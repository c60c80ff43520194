"""The rule engine: YAML validation, ruff-style selection, severity overrides and running checks."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from codecheck.config import load_config
from codecheck.engine import (
    Hit,
    apply_severity,
    is_selected,
    load_rules,
    registered_slugs,
    resolve_selector,
    run_rules,
    select_rules,
)
from codecheck.errors import ConfigError, RuleDefinitionError
from codecheck.model import (
    AlignedDocument,
    AlignedRow,
    CodeVersion,
    Document,
    FormRow,
    Location,
    Provision,
    Row,
    RuleSpec,
    Section,
    Severity,
    VersionDetection,
)

GOOD_RULE = """
  - code: {code}
    slug: {slug}
    group: custom
    severity: warning
    summary: "one line"
    rationale: "why, citing 6.3"
    versions: ["2024"]
    params: {{}}
"""


def write_rules(tmp_path: Path, body: str, name: str = "extra.yaml") -> Path:
    path = tmp_path / name
    path.write_text("schema: 1\nrules:\n" + body, encoding="utf-8")
    return path


def spec(
    code: str, slug: str, group: str = "structure", enabled: bool = True, sev: str = "warning"
) -> RuleSpec:
    return RuleSpec(
        code=code,
        slug=slug,
        severity=Severity.parse(sev),
        summary="s",
        rationale="r",
        versions=("2024",),
        enabled=enabled,
        group=group,
    )


RULES = [
    spec("CC101", "missing-provision"),
    spec("CC104", "misnumbered-provision"),
    spec("CC108", "partial-without-date", group="dates"),
    spec("CC116", "low-confidence-row", group="extraction", enabled=False, sev="info"),
]


def codes(rules: list[RuleSpec]) -> list[str]:
    return [r.code for r in rules]


# --------------------------------------------------------------------------- built-in rules


def test_every_rule_folder_has_a_spec_and_a_check_and_every_check_a_spec() -> None:
    """A rule is its folder rules/<CODE>-<slug>/ plus checks/<slug>.py: neither may exist alone."""
    import importlib

    from codecheck.engine.registry import module_name
    from codecheck.resources import rules_dir

    rules = load_rules(strict=True)  # strict: a rule without its check is an error
    folders = {p.name for p in rules_dir().iterdir() if p.is_dir()}
    assert folders == {f"{r.code}-{r.slug}" for r in rules}
    assert len({r.code for r in rules}) == len({r.slug for r in rules}) == len(rules)
    checks = set(registered_slugs())
    without_spec = checks - {r.slug for r in rules}
    assert all(getattr(importlib.import_module(module_name(s)), "GENERIC", False) for s in without_spec)
    for r in rules:
        assert r.summary and r.rationale and r.versions and r.group, r.code
        assert r.anti_pattern and r.fix, f"{r.code}: say what the anti-pattern and its fix look like"
        assert r.action and "\n" not in r.action, f"{r.code}: say in one line what to do about a finding"
        assert "param" not in r.rationale.lower(), f"{r.code}: no configuration jargon in the rationale"
        module = importlib.import_module(module_name(r.slug))
        assert module.__doc__ and f"rules/{r.code}-{r.slug}/" in module.__doc__, r.code


def test_disabled_by_default_rules() -> None:
    defaults = {r.code for r in load_rules() if r.enabled}
    assert "CC116" not in defaults and "CC101" in defaults


# --------------------------------------------------------------------------- validation


@pytest.mark.parametrize(
    ("body", "needle"),
    [
        (GOOD_RULE.format(code="CC9", slug="x-y"), "field 'code'"),
        (GOOD_RULE.format(code="CC901", slug="Bad Slug"), "field 'slug'"),
        (GOOD_RULE.format(code="CC901", slug="x-y").replace("warning", "fatal"), "field 'severity'"),
        (
            GOOD_RULE.format(code="CC901", slug="x-y").replace('    summary: "one line"\n', ""),
            "'summary': missing",
        ),
        (GOOD_RULE.format(code="CC901", slug="x-y") + "    colour: red\n", "field 'colour': unknown field"),
        (GOOD_RULE.format(code="CC901", slug="x-y").replace("params: {}", "params: [1]"), "field 'params'"),
        (GOOD_RULE.format(code="CC901", slug="x-y").replace('["2024"]', "[]"), "field 'versions'"),
        (
            GOOD_RULE.format(code="CC901", slug="x-y").replace('["2024"]', '["2O24"]'),
            "unknown Code version '2O24'",
        ),
        (
            "  - code: CC116\n    params: {treshold: 0.5}\n",
            "field 'params.treshold': CC116 has no such parameter",
        ),
        (GOOD_RULE.format(code="CC901", slug="x-y"), "no check function is registered as 'x-y'"),
        (GOOD_RULE.format(code="CC901", slug="x-y") + "    check: nothing-here\n", "field 'check'"),
        (GOOD_RULE.format(code="CC901", slug="missing-provision"), "already rule CC101"),
        (
            GOOD_RULE.format(code="CC101", slug="other-name") + "    check: missing-provision\n",
            "cannot change",
        ),
    ],
)
def test_invalid_rule_declarations_name_file_rule_and_field(tmp_path: Path, body: str, needle: str) -> None:
    path = write_rules(tmp_path, body)
    with pytest.raises(RuleDefinitionError) as err:
        load_rules([path])
    message = str(err.value)
    assert str(path) in message and needle in message
    assert "\n" not in message


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("schema: 2\nrules: []\n", "'schema' must be 1"),
        ("schema: 1\nrules: {}\n", "'rules' must be a list"),
        ("schema: 1\nrules: [\n", "invalid YAML"),
        ("- 1\n", "expected a mapping"),
        ("schema: 1\nschema: 1\nrules: []\n", "given twice"),
        ("schema: 1\nrules: []\nextra: 1\n", "unknown top-level key"),
    ],
)
def test_invalid_rules_files(tmp_path: Path, text: str, needle: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RuleDefinitionError, match=needle):
        load_rules([path])


def test_missing_rules_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(RuleDefinitionError, match="not found"):
        load_rules([tmp_path / "nope.yaml"])


def test_extra_file_overrides_a_builtin_rule_field_by_field(tmp_path: Path) -> None:
    path = write_rules(tmp_path, "  - code: CC116\n    enabled: true\n    params: {threshold: 0.5}\n")
    rule = next(r for r in load_rules([path]) if r.code == "CC116")
    assert rule.enabled and rule.params["threshold"] == 0.5
    assert rule.slug == "low-confidence-row" and rule.source == str(path)


def test_extra_file_adds_a_rule_reusing_a_registered_check(tmp_path: Path) -> None:
    body = GOOD_RULE.format(code="EX001", slug="low-confidence-strict").replace("    params: {}\n", "") + (
        "    check: low-confidence-row\n    params: {threshold: 0.95}\n"
    )
    rule = next(r for r in load_rules([write_rules(tmp_path, body)]) if r.code == "EX001")
    assert rule.check == "low-confidence-row" and rule.group == "custom"


# --------------------------------------------------------------------------- selection


@pytest.mark.parametrize(
    ("selector", "expected"),
    [
        ("ALL", ["CC101", "CC104", "CC108", "CC116"]),
        ("all", ["CC101", "CC104", "CC108", "CC116"]),
        ("CC1", ["CC101", "CC104", "CC108", "CC116"]),
        ("CC10", ["CC101", "CC104", "CC108"]),
        ("cc104", ["CC104"]),
        ("misnumbered-provision", ["CC104"]),
        ("structure", ["CC101", "CC104"]),
        ("dates", ["CC108"]),
        ("nothing", []),
    ],
)
def test_selectors(selector: str, expected: list[str]) -> None:
    assert codes(resolve_selector(selector, RULES)) == expected


def test_default_selection_is_enabled_rules() -> None:
    assert [r.code for r in RULES if is_selected(r, None)] == ["CC101", "CC104", "CC108"]


def test_more_specific_selector_wins_and_ignore_wins_ties() -> None:
    r104, r108 = RULES[1], RULES[2]
    assert not is_selected(r104, ["CC1"], ignore=["CC104"])
    assert is_selected(r108, ["CC108"], ignore=["dates"])
    assert not is_selected(r108, ["dates"], ignore=["partial-without-date"])
    assert not is_selected(r108, ["CC108"], ignore=["CC108"])


def test_extend_select_turns_on_a_default_off_rule() -> None:
    r116 = RULES[3]
    assert not is_selected(r116, None)
    assert is_selected(r116, None, extend_select=["CC116"])
    assert is_selected(r116, ["ALL"])


def test_select_rules_with_config(tmp_path: Path) -> None:
    cfg = load_config(tmp_path, overrides={"select": ["structure"], "extend_select": ["extraction"]})
    assert codes(select_rules(RULES, cfg)) == ["CC101", "CC104", "CC116"]


def test_unknown_selector_is_a_config_error_naming_its_source(tmp_path: Path) -> None:
    (tmp_path / "codecheck.toml").write_text('ignore = ["CC999"]\n', encoding="utf-8")
    cfg = load_config(tmp_path)
    with pytest.raises(ConfigError) as err:
        select_rules(RULES, cfg)
    assert "CC999" in str(err.value) and "codecheck.toml" in str(err.value)


def test_severity_override_most_specific_wins(tmp_path: Path) -> None:
    cfg = load_config(tmp_path, overrides={"severity": {"structure": "error", "CC104": "info"}})
    chosen = {r.code: r.severity for r in select_rules(RULES, cfg)}
    assert chosen["CC101"] is Severity.ERROR and chosen["CC104"] is Severity.INFO
    assert chosen["CC108"] is Severity.WARNING
    assert apply_severity(RULES[0], {}) is RULES[0]


def test_per_document_ignores(tmp_path: Path) -> None:
    (tmp_path / "codecheck.toml").write_text(
        '[per-document-ignores]\n"drafts/*" = ["dates"]\n', encoding="utf-8"
    )
    (tmp_path / "drafts").mkdir()
    cfg = load_config(tmp_path)
    assert "CC108" not in codes(select_rules(RULES, cfg, tmp_path / "drafts" / "a.docx"))
    assert "CC108" in codes(select_rules(RULES, cfg, tmp_path / "final.docx"))


# --------------------------------------------------------------------------- running


def tiny_code(version: str = "2024") -> CodeVersion:
    provisions = tuple(
        Provision(
            id=pid, section=int(pid.split(".")[0]), text=f"Example requirement {pid}.", obligation="must"
        )
        for pid in ("1.2", "1.3", "2.1")
    )
    return CodeVersion(
        id=version,
        title="Example Code",
        short_title="Example Code",
        publishers=("Example",),
        published=None,
        in_force_from=None,
        in_force_to=None,
        supersedes=None,
        superseded_by=None,
        max_stages=2,
        sections=(Section(1, "One"), Section(2, "Two")),
        provisions=provisions,
        form=tuple(FormRow(id=p.id, covers=(p.id,)) for p in provisions),
        complaint_definition={},
        contacts={},
        detection={},
        source="test",
    )


def aligned_doc(version: str = "2024") -> AlignedDocument:
    rows = [
        Row(pid, "text", "yes", "Yes", "", "", Location(table=1, row=i))
        for i, pid in enumerate(("2.1", "1.2"), 1)
    ]
    document = Document(path=Path("example.docx"), format="docx", rows=rows)
    code = tiny_code(version)
    return AlignedDocument(
        document=document,
        code=code,
        detection=VersionDetection(version, 1.0),
        rows=[AlignedRow(row=r, provisions=(r.provision,), score=100.0, method="number") for r in rows],
        missing=["1.3"],
    )


def test_run_rules_sorts_by_document_order_then_code(monkeypatch: pytest.MonkeyPatch) -> None:
    from codecheck.engine import registry

    def probe(ctx, params):
        yield Hit(provision="1.3", message="missing one")
        for ar in reversed(ctx.aligned.rows):
            yield Hit(provision=ar.provision, message=params["word"], location=ar.row.location)
        yield Hit(provision=None, message="whole document")

    monkeypatch.setitem(registry._REGISTRY, "probe-check", probe)
    rules = [
        RuleSpec("EX002", "probe-b", Severity.INFO, "s", "r", ("2024",), {"word": "b"}, check="probe-check"),
        RuleSpec("EX001", "probe-a", Severity.ERROR, "s", "r", ("2024",), {"word": "a"}, check="probe-check"),
    ]
    found = run_rules(aligned_doc(), rules, date(2025, 1, 1))
    summary = [(f.code, f.provision, f.message) for f in found]
    assert summary == [
        ("EX001", None, "whole document"),
        ("EX002", None, "whole document"),
        ("EX001", "2.1", "a"),
        ("EX002", "2.1", "b"),
        ("EX001", "1.2", "a"),
        ("EX002", "1.2", "b"),
        ("EX001", "1.3", "missing one"),
        ("EX002", "1.3", "missing one"),
    ]
    assert found[0].severity is Severity.ERROR and found[1].severity is Severity.INFO
    assert run_rules(aligned_doc("2022"), rules, date(2025, 1, 1)) == []  # versions: 2024 only


def test_run_rules_refuses_a_rule_without_a_check() -> None:
    rule = RuleSpec("EX003", "no-such-check", Severity.INFO, "s", "r", ("*",))
    with pytest.raises(RuleDefinitionError):
        run_rules(aligned_doc(), [rule], date(2025, 1, 1))


# --------------------------------------------------------------------------- user rules: text-pattern


def test_user_rule_with_the_generic_text_pattern_check(tmp_path: Path) -> None:
    body = GOOD_RULE.format(code="EX010", slug="no-informal-stage").replace('["2024"]', '["*"]')
    body = body.replace("    params: {}\n", "") + (
        "    check: text-pattern\n"
        "    params:\n"
        "      patterns: ['\\binformal stage\\b']\n"
        "      columns: [commentary]\n"
        "      answers: [yes]\n"
        "      message: Mentions an informal stage\n"
    )
    rule = next(r for r in load_rules([write_rules(tmp_path, body)]) if r.code == "EX010")
    aligned = aligned_doc()
    aligned.rows[0].row.commentary = "We try an Informal Stage first, then stage 1."
    aligned.rows[1].row.commentary = "No informal stage is used."
    aligned.rows[1].row.answer = "no"
    found = run_rules(aligned, [rule], date(2025, 1, 1))
    assert [(f.code, f.provision, f.message) for f in found] == [
        ("EX010", "2.1", "Mentions an informal stage")
    ]
    assert "Informal Stage" in found[0].snippet


def test_text_pattern_skips_negated_quoted_and_code_sentences() -> None:
    params = {
        "patterns": [r"\binformal stage\b"],
        "columns": ["commentary"],
        "negation_cues": [r"\bno\b", r"\bnot\b"],
        "code_cues": [r"\bthe code\b"],
        "skip_quoted": True,
        "message": "informal stage",
    }
    rule = RuleSpec("EX013", "informal", Severity.WARNING, "s", "r", ("*",), params, check="text-pattern")
    aligned = aligned_doc()
    texts = [
        "We have no informal stage.",
        'Our leaflet quotes the Code: "an informal stage is not acceptable".',
        "The Code says an informal stage must not be used. We do not use one.",
    ]
    for text in texts:
        aligned.rows[0].row.commentary = text
        aligned.rows[1].row.commentary = ""
        assert run_rules(aligned, [rule], date(2025, 1, 1)) == [], text
    aligned.rows[0].row.commentary = "Complaints first go through an informal stage with the officer."
    assert len(run_rules(aligned, [rule], date(2025, 1, 1))) == 1


def test_text_pattern_rejects_bad_params() -> None:
    rule = RuleSpec(
        "EX011", "bad", Severity.INFO, "s", "r", ("*",), {"patterns": ["("]}, check="text-pattern"
    )
    with pytest.raises(RuleDefinitionError, match="invalid pattern"):
        run_rules(aligned_doc(), [rule], date(2025, 1, 1))
    rule = RuleSpec(
        "EX012",
        "bad2",
        Severity.INFO,
        "s",
        "r",
        ("*",),
        {"patterns": ["x"], "columns": ["title"]},
        check="text-pattern",
    )
    with pytest.raises(RuleDefinitionError, match="columns"):
        run_rules(aligned_doc(), [rule], date(2025, 1, 1))


def test_oversized_or_binary_rules_files(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_text("# " + "x" * 1_100_000, encoding="utf-8")
    with pytest.raises(RuleDefinitionError, match="too large"):
        load_rules([big])
    binary = tmp_path / "bin.yaml"
    binary.write_bytes(b"\xff\xfe\x00\x01")
    with pytest.raises(RuleDefinitionError, match="cannot read"):
        load_rules([binary])
