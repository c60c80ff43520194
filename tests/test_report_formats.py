"""Every output format parses, holds to its contract and keeps hostile document text inert.

Results are built in code (``report_sample``: fictional Example Homes), so these tests run in
milliseconds and do not depend on the readers or the rule engine.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest

from codecheck.model import Finding, Location, Severity
from codecheck.report import FORMATS, BaselineInfo, RenderOptions, render
from codecheck.report.json_report import schema
from report_sample import error_result, sample_result, sample_rules

VENDOR = Path(__file__).resolve().parent / "vendor"


def opts(**kw) -> RenderOptions:
    return RenderOptions(rules=sample_rules(), base_dir=Path.cwd(), **kw)


def batch() -> list:
    return [
        sample_result("b-homes.docx"),
        error_result("corrupt.docx"),
        sample_result("a-homes.docx", hostile=True),
    ]


# --------------------------------------------------------------------------- json


@pytest.mark.parametrize(
    "results",
    [
        [sample_result()],
        [sample_result(hostile=True)],
        [sample_result(findings=False)],
        [error_result()],
        batch(),
    ],
    ids=["one", "hostile", "clean", "error", "batch"],
)
def test_json_matches_shipped_schema(results) -> None:
    data = json.loads(render("json", results, opts()))
    jsonschema.Draft202012Validator(schema()).validate(data)


def test_json_single_document_at_top_level_with_eval_fields() -> None:
    data = json.loads(render("json", [sample_result()], opts()))
    assert data["schema_version"] == 1
    assert data["document"] == "example-homes-2024.docx"
    assert data["code_version"] == "2024"
    assert data["detection"]["version"] == "2024"
    by_rule = {(f["rule"], f["provision"]) for f in data["findings"]}
    assert ("partial-without-date", "3.1") in by_rule
    assert ("outdated-version", None) in by_rule  # document level -> provision null
    assert all("score" in r["alignment"] for r in data["rows"])
    counts = {"error": 1, "warning": 2, "info": 2, "reviewed": 0, "stale": 0, "total": 5}
    assert data["summary"]["findings"] == counts
    assert data["status"] == "failed"


def test_json_batch_shape_and_summary() -> None:
    data = json.loads(render("json", batch(), opts()))
    assert [d["document"] for d in data["documents"]] == ["a-homes.docx", "b-homes.docx", "corrupt.docx"]
    assert data["summary"]["errors"] == 1 and data["summary"]["documents"] == 3
    bad = data["documents"][2]
    assert bad["status"] == "error" and "corrupt ZIP" in bad["error"] and bad["findings"] == []


def test_json_is_deterministic_and_independent_of_input_order() -> None:
    a = render("json", batch(), opts())
    b = render("json", list(reversed(batch())), opts())
    assert a == b
    shuffled = sample_result()
    shuffled.findings.reverse()
    assert render("json", [shuffled], opts()) == render("json", [sample_result()], opts())


def test_json_fingerprints_survive_message_and_row_changes() -> None:
    before = sample_result()
    after = sample_result()
    after.findings = [
        replace(f, message=f.message + " (edited)", location=Location(table=9, row=40))
        for f in after.findings
    ]
    fp = lambda r: sorted(f["fingerprint"] for f in json.loads(render("json", [r], opts()))["findings"])  # noqa: E731
    assert fp(before) == fp(after)
    assert len(set(fp(before))) == len(before.findings)


def test_json_reports_baseline_counts() -> None:
    info = BaselineInfo(path="baseline.json", suppressed={"example-homes-2024.docx": 3})
    data = json.loads(render("json", [sample_result()], opts(baseline=info)))
    assert data["summary"]["baseline"] == {"file": "baseline.json", "suppressed": 3}
    jsonschema.Draft202012Validator(schema()).validate(data)


def test_schema_rejects_a_broken_document() -> None:
    data = json.loads(render("json", [sample_result()], opts()))
    del data["findings"][0]["rule"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema()).validate(data)


# --------------------------------------------------------------------------- sarif


def sarif_schema() -> dict:
    return json.loads((VENDOR / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "results", [[sample_result()], batch(), [error_result()]], ids=["one", "batch", "error"]
)
def test_sarif_validates_against_oasis_schema(results) -> None:
    log = json.loads(render("sarif", results, opts()))
    jsonschema.Draft4Validator(sarif_schema()).validate(log)


def test_sarif_has_what_github_needs() -> None:
    log = json.loads(render("sarif", batch(), opts()))
    assert log["version"] == "2.1.0" and len(log["runs"]) == 1
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    for rule in rules:
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"] and rule["help"]["text"]
        assert len(rule["fullDescription"]["text"]) <= 1024
    results = run["results"]
    assert len(results) == 10  # two readable documents, five findings each
    fps = set()
    for res in results:
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"]
        loc = res["locations"][0]
        uri = loc["physicalLocation"]["artifactLocation"]["uri"]
        assert uri in {"a-homes.docx", "b-homes.docx"}
        assert loc["physicalLocation"]["region"]["startLine"] == 1
        assert loc["logicalLocations"][0]["fullyQualifiedName"].startswith("code 2024/")
        fps.add(res["partialFingerprints"]["codecheck/v1"])
    assert len(fps) == len(results)
    row_result = next(r for r in results if r["ruleId"] == "CC108")
    assert "table 1/row 3" in row_result["locations"][0]["logicalLocations"][0]["fullyQualifiedName"]
    assert row_result["taxa"][0]["id"] == "3.1"
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert len(notes) == 1 and "corrupt.docx" in notes[0]["message"]["text"]
    assert run["invocations"][0]["executionSuccessful"] is False


def test_sarif_uris_are_relative_to_the_base_dir_with_a_uri_base_id(tmp_path: Path) -> None:
    inside = sample_result(tmp_path / "docs" / "a homes.docx")
    outside = sample_result(Path("/elsewhere/b.docx"))
    options = RenderOptions(rules=sample_rules(), base_dir=tmp_path)
    log = json.loads(render("sarif", [inside, outside], options))
    jsonschema.Draft4Validator(sarif_schema()).validate(log)
    locations = {
        json.dumps(r["locations"][0]["physicalLocation"]["artifactLocation"], sort_keys=True)
        for r in log["runs"][0]["results"]
    }
    relative = {"index": 1, "uri": "docs/a%20homes.docx", "uriBaseId": "%SRCROOT%"}
    assert json.dumps(relative, sort_keys=True) in locations
    assert json.dumps({"index": 0, "uri": "file:///elsewhere/b.docx"}, sort_keys=True) in locations
    regions = [r["locations"][0]["physicalLocation"]["region"] for r in log["runs"][0]["results"]]
    assert regions and all(region["startLine"] == 1 for region in regions)


def test_sarif_category_and_the_results_limit(monkeypatch) -> None:
    from codecheck.report import sarif

    log = json.loads(render("sarif", [sample_result()], opts()))
    assert log["runs"][0]["automationDetails"]["id"] == "codecheck/"
    log = json.loads(render("sarif", [sample_result()], opts(sarif_category="self-assessments")))
    assert log["runs"][0]["automationDetails"]["id"] == "self-assessments/"
    monkeypatch.setattr(sarif, "MAX_RESULTS", 3)
    log = json.loads(render("sarif", batch(), opts()))
    jsonschema.Draft4Validator(sarif_schema()).validate(log)
    run = log["runs"][0]
    assert [r["level"] for r in run["results"]] == ["error", "error", "warning"]  # most severe kept
    notes = [
        n
        for n in run["invocations"][0]["toolExecutionNotifications"]
        if n["descriptor"]["id"] == "results-truncated"
    ]
    assert len(notes) == 1 and notes[0]["message"]["text"].startswith("7 less severe results were left out")


def test_sarif_suppresses_accepted_findings_and_quotes_the_sentence() -> None:
    from codecheck.model import Decision

    result = sample_result()
    result.findings[0] = replace(
        result.findings[0],
        decision=Decision("Timescale agreed with the Ombudsman", "A. Officer", "2024-05-01"),
        quote="We will fix this by next spring.",
        reading="no target date",
    )
    stale = Decision("old", "B. Officer", None, status="stale")
    result.findings[1] = replace(result.findings[1], decision=stale)
    log = json.loads(render("sarif", [result], opts()))
    jsonschema.Draft4Validator(sarif_schema()).validate(log)
    by_rule = {r["ruleId"]: r for r in log["runs"][0]["results"]}
    assert by_rule["CC108"]["suppressions"] == [
        {"kind": "external", "status": "accepted", "justification": "Timescale agreed with the Ombudsman"}
    ]
    region = by_rule["CC108"]["locations"][0]["physicalLocation"]["region"]
    assert region["snippet"]["text"] == "We will fix this by next spring."
    assert "Read as: no target date" in by_rule["CC108"]["message"]["text"]
    assert "suppressions" not in by_rule["CC107"]  # a stale decision hides nothing


def test_sarif_marks_new_results_when_a_baseline_was_applied() -> None:
    log = json.loads(render("sarif", [sample_result()], opts(baseline=BaselineInfo("b.json"))))
    assert {r["baselineState"] for r in log["runs"][0]["results"]} == {"new"}
    jsonschema.Draft4Validator(sarif_schema()).validate(log)


# --------------------------------------------------------------------------- junit


def junit_schema():
    from lxml import etree

    return etree.XMLSchema(etree.parse(str(VENDOR / "junit-10.xsd")))


def assert_valid_junit(xml: str) -> None:
    from lxml import etree

    schema = junit_schema()
    doc = etree.fromstring(xml.encode("utf-8"))
    assert schema.validate(doc), schema.error_log


def test_junit_every_finding_is_a_failure_and_clean_provisions_pass() -> None:
    results = batch()
    xml = render("junit", results, opts())
    assert_valid_junit(xml)
    root = ET.fromstring(xml)
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert sorted(suites) == ["a-homes.docx", "b-homes.docx", "corrupt.docx"]
    cases = suites["b-homes.docx"].findall("testcase")
    names = [c.get("name") for c in cases]
    assert len(names) == len(set(names))  # GitLab keeps only the first of duplicate names
    failing = {c.get("name"): c.find("failure") for c in cases if c.find("failure") is not None}
    # each of the five findings fails, warnings and info included, whatever --fail-on says
    assert sorted(failing) == [
        "provision 3.1 CC108 partial-without-date",
        "provision 4.3 CC107 no-without-explanation",
        "provision 5.4 CC105 missing-answer",
        "provision 6.1 CC116 low-confidence-row",
        "whole document CC114 outdated-version",
    ]
    assert failing["provision 3.1 CC108 partial-without-date"].get("type") == "warning"
    assert failing["provision 3.1 CC108 partial-without-date"].get("message").startswith("warning CC108")
    assert failing["provision 6.1 CC116 low-confidence-row"].get("type") == "info"
    missing_answer = failing["provision 5.4 CC105 missing-answer"].text
    assert "The Code (2024) 5.4: Landlords must acknowledge" in missing_answer
    assert [c.get("name") for c in cases if c.find("failure") is None] == ["provision 1.2"]
    assert suites["b-homes.docx"].get("failures") == "5" and suites["b-homes.docx"].get("tests") == "6"
    assert suites["corrupt.docx"].find("testcase/error") is not None
    assert root.get("failures") == "10" and root.get("errors") == "1" and root.get("tests") == "13"
    assert render("junit", results, opts(fail_on=None)) == xml  # the test view does not follow --fail-on


def test_junit_repeats_get_unique_names_and_accepted_findings_are_skipped() -> None:
    from codecheck.model import Decision

    result = sample_result()
    first = result.findings[0]
    result.findings.append(replace(first, location=Location(table=1, row=9)))
    decision = Decision("Judgement call agreed by the panel", "A. Officer", "2024-05-01")
    result.findings.append(replace(first, rule="no-without-explanation", code="CC107", decision=decision))
    xml = render("junit", [result], opts())
    assert_valid_junit(xml)
    root = ET.fromstring(xml)
    names = [c.get("name") for c in root.iter("testcase")]
    assert "provision 3.1 CC108 partial-without-date #2" in names and len(names) == len(set(names))
    skipped = [c for c in root.iter("testcase") if c.find("skipped") is not None]
    assert len(skipped) == 1 and "Judgement call agreed" in skipped[0].find("skipped").get("message")
    assert root.find("testsuite").get("skipped") == "1"


def test_junit_carries_the_quote_and_its_reading() -> None:
    result = sample_result()
    result.findings[0] = replace(
        result.findings[0], quote="We aim to respond within 15 working days.", reading="stage 1 response: 15"
    )
    text = " ".join(el.text or "" for el in ET.fromstring(render("junit", [result], opts())).iter("failure"))
    assert 'Quoted: "We aim to respond within 15 working days."' in text
    assert "Read as: stage 1 response" in text


# --------------------------------------------------------------------------- gitlab, concise


def gitlab_schema() -> dict:
    return json.loads((VENDOR / "gitlab-codequality.schema.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "results", [[sample_result()], batch(), [error_result()], [sample_result(hostile=True)]]
)
def test_gitlab_code_quality_validates_with_unique_fingerprints(results) -> None:
    issues = json.loads(render("gitlab", results, opts()))
    jsonschema.Draft202012Validator(gitlab_schema()).validate(issues)
    prints = [i["fingerprint"] for i in issues]
    assert len(prints) == len(set(prints))


def test_gitlab_code_quality_severities_paths_and_decisions() -> None:
    from codecheck.model import Decision

    results = batch()
    results[0].findings[0] = replace(results[0].findings[0], decision=Decision("agreed", "A. Officer", None))
    issues = json.loads(render("gitlab", results, opts()))
    assert len(issues) == 4 + 5 + 1  # the accepted finding is left out; the unreadable file is one issue
    by = {(i["location"]["path"], i["check_name"]): i for i in issues}
    assert by[("b-homes.docx", "CC105")]["severity"] == "major"
    assert by[("b-homes.docx", "CC107")]["severity"] == "minor"
    assert by[("b-homes.docx", "CC116")]["severity"] == "info"
    assert by[("corrupt.docx", "input-error")]["severity"] == "critical"
    assert ("b-homes.docx", "CC108") not in by
    assert by[("b-homes.docx", "CC105")]["description"].startswith("[5.4] CC105 missing-answer:")
    # fingerprints are codecheck's own: they survive a reworded message and a moved row
    moved = batch()
    moved[2].findings = [replace(f, message=f.message + "!", location=Location(table=7, row=70))
                         for f in moved[2].findings]
    def prints(rs):
        return sorted(i["fingerprint"] for i in json.loads(render("gitlab", rs, opts())))
    assert prints(moved) == prints(batch())


def test_concise_is_one_grep_friendly_line_per_finding() -> None:
    out = render("concise", [sample_result(hostile=True), error_result("corrupt.docx")], opts())
    lines = out.splitlines()
    assert len(lines) == 5 and "corrupt" not in out
    assert "example-homes-2024.docx:3.1:page 1 table 1 row 3: CC108 warning Partial answer" in lines[1]
    assert lines[0].startswith("example-homes-2024.docx:-:document: CC114 ")
    assert all("\x1b" not in line and "\r" not in line for line in lines)


def test_format_is_taken_from_the_file_name() -> None:
    from codecheck.report import REGISTERED, format_for_path

    assert format_for_path("out/report.html") == "html"
    assert format_for_path("codecheck.sarif") == format_for_path("codecheck.SARIF.json") == "sarif"
    assert format_for_path("report.json") == "json"
    assert format_for_path("gl-code-quality-report.json") == "gitlab"
    assert format_for_path("x.xml") == "junit" and format_for_path("notes.md") == "markdown"
    assert format_for_path("report.out") is None and format_for_path("report") is None
    endings = [e for f in REGISTERED for e in f.extensions]
    assert len(endings) == len(set(endings))  # every ending names one format


def test_junit_keeps_hostile_text_as_text() -> None:
    xml = render("junit", [sample_result(hostile=True)], opts(fail_on=Severity.INFO))
    root = ET.fromstring(xml)  # well-formed despite control characters and markup
    text = " ".join(el.text or "" for el in root.iter("failure"))
    assert '<script>alert("x")</script>' in text
    assert "\x1b" not in xml


# --------------------------------------------------------------------------- html


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def test_html_escapes_hostile_commentary_and_is_self_contained() -> None:
    page = render("html", [sample_result(hostile=True)], opts())
    parser = _Collector()
    parser.feed(page)
    tags = [t for t, _ in parser.tags]
    assert "script" not in tags and "iframe" not in tags
    assert "&lt;script&gt;" in page
    assert any('<script>alert("x")</script>' in chunk for chunk in parser.text)
    assert "\x1b" not in page
    for _tag, attrs in parser.tags:  # no external assets
        for key in ("src", "href"):
            assert not (attrs.get(key) or "").startswith(("http", "//"))
    csp = [a for t, a in parser.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert csp and "default-src 'none'" in csp[0]["content"]
    assert "class=\"bar\"" in page and "@media print" in page and "@page" in page


def test_html_shows_code_wording_form_text_and_rationale() -> None:
    page = render("html", [sample_result()], opts())
    assert "Landlords must acknowledge complaints within five working days of receipt." in page
    assert "A blank answer tells the board nothing about compliance." in page
    assert "Policy reviewed by the board." in page
    assert "Complaint Handling Code (2024)" in page


def test_html_batch_lists_unreadable_documents() -> None:
    page = render("html", batch(), opts())
    assert page.count("could not be read") >= 2 and "corrupt ZIP" in page


# --------------------------------------------------------------------------- markdown, github, text


def test_markdown_neutralises_markup() -> None:
    out = render("markdown", [sample_result(hostile=True)], opts())
    assert "<script>" not in out and "\\<script\\>" in out
    assert "\x1b" not in out and "\r" not in out
    for line in out.splitlines():
        if line.startswith("| 4.3"):
            assert line.count(" | ") == 4  # pipes in document text cannot add columns


def test_github_annotations_are_escaped() -> None:
    out = render("github", [sample_result(hostile=True)], opts())
    lines = out.splitlines()
    assert all(line.startswith("::") or line.startswith("codecheck:") for line in lines)
    hostile = next(line for line in lines if "CC107" in line)
    assert hostile.startswith(
        "::warning file=example-homes-2024.docx,title=CC107 no-without-explanation"
    )
    assert "%0A" in hostile and "\x1b" not in hostile
    assert "%250A" in hostile  # a literal "%0A" in the document cannot become a newline


def test_accepted_findings_are_not_annotated_and_never_fail() -> None:
    from codecheck.model import Decision
    from codecheck.report.base import reaches

    result = sample_result()
    accepted = Decision("Agreed with the panel", "A. Officer", "2024-05-01")
    stale = Decision("Agreed before the row changed", "A. Officer", "2024-01-01", status="stale")
    first, second = result.findings[0], result.findings[1]
    result.findings[0] = replace(first, severity=Severity.ERROR, decision=accepted)
    result.findings[1] = replace(second, decision=stale)
    out = render("github", [result], opts())
    assert f"title={first.code} " not in out  # the accepted one is left out
    assert f"title={second.code} " in out  # a stale decision hides nothing
    assert not reaches(result.findings[0], Severity.INFO)
    assert reaches(result.findings[1], Severity.INFO)


def test_github_caps_annotations_per_level_and_points_to_summary() -> None:
    result = sample_result()
    result.findings = [
        Finding(
            "CC106", "missing-evidence", Severity.WARNING, f"5.{i}", "No evidence.", Location(table=1, row=i)
        )
        for i in range(1, 16)
    ] + [Finding("CC105", "missing-answer", Severity.ERROR, "6.1", "Blank.", Location(table=2, row=1))]
    lines = render("github", [result], opts()).splitlines()
    assert sum(1 for line in lines if line.startswith("::warning ")) == 10
    assert sum(1 for line in lines if line.startswith("::error ")) == 1
    overflow = [line for line in lines if "more finding" in line]
    assert overflow and overflow[0].startswith("::notice ") and "5 more" in overflow[0]


def test_github_step_summary_is_capped() -> None:
    from codecheck.report.github import step_summary

    full = step_summary(batch(), opts())
    assert full.startswith("# codecheck")
    cut = step_summary(batch(), opts(), limit=600)
    assert len(cut.encode("utf-8")) <= 600 and "size limit" in cut


def test_text_plain_has_no_escape_sequences_and_groups_by_section() -> None:
    out = render("text", [sample_result(hostile=True)], opts(color=False, width=120))
    assert "\x1b" not in out and "\r" not in out
    assert out.index("Section 3: Accessibility") < out.index("Section 5: The complaint")
    assert "table 1, row 3" in out and "FAILED" in out
    assert re.search(r"Section 5: The complaint handling process\s+0\s+0\s+0\s+0\s+1\s+1\s+0\s+0", out)


def test_text_colour_only_when_asked() -> None:
    coloured = render("text", [sample_result(hostile=True)], opts(color=True))
    assert "\x1b[" in coloured
    assert "\x1b[31mred" not in coloured  # the document's own escape codes never pass through


def test_every_format_renders_empty_and_error_inputs() -> None:
    for fmt in FORMATS:
        if fmt == "concise":  # one line per finding and nothing else (errors go to stderr)
            assert render(fmt, [error_result()], opts()) == ""
            assert render(fmt, [sample_result(findings=False)], opts()) == ""
            continue
        assert render(fmt, [error_result()], opts()).strip()
        assert render(fmt, [sample_result(findings=False)], opts()).strip()


def test_unknown_format_is_a_config_error() -> None:
    from codecheck.errors import ConfigError

    with pytest.raises(ConfigError, match="unknown output format"):
        render("pdf", [sample_result()], opts())


@pytest.mark.parametrize("sample", ["example-homes-2024-actions.xlsx", "example-homes-2024-blocks.html"])
def test_json_with_extra_fields_and_new_locations_matches_the_schema(sample: str) -> None:
    """Rows carry actions / target date / owner / RAG; locations a sheet or a block."""
    from typer.testing import CliRunner

    from codecheck.cli.app import app

    path = Path(__file__).resolve().parents[1] / "samples" / sample
    args = ["audit", str(path), "-f", "json", "--today", "2025-10-01", "--exit-zero"]
    result = CliRunner().invoke(app, args)
    data = json.loads(result.stdout)
    jsonschema.Draft202012Validator(schema()).validate(data)
    first = data["rows"][0]
    assert {"actions", "target_date", "owner", "rag"} <= set(first)
    assert ("sheet" in first["location"]) or ("block" in first["location"])


# --------------------------------------------------------------------------- the registry and the CLI


def test_every_registered_format_is_reachable_from_the_cli(tmp_path: Path) -> None:
    """A format in the registry is a --format choice, and has its --NAME-output option when it offers one."""
    import typer
    from typer.testing import CliRunner

    from codecheck.cli.app import app
    from codecheck.report import REGISTERED, ReportFormat, output_option
    from docx_factory import simple_form

    command = typer.main.get_command(app).commands["audit"]  # type: ignore[attr-defined]
    options = {opt for param in command.params for opt in param.opts}
    form = simple_form(tmp_path / "example-homes.docx")
    assert len({fmt.name for fmt in REGISTERED}) == len(REGISTERED) == len(FORMATS)
    for fmt in REGISTERED:
        assert isinstance(fmt, ReportFormat) and fmt.media_type
        ending = fmt.extensions[0] if fmt.extensions else ".out"
        main, also = tmp_path / f"main-{fmt.name}{ending}", tmp_path / f"also-{fmt.name}"
        args = ["audit", str(form), "--format", fmt.name, "-o", str(main), "--exit-zero"]
        option = output_option(fmt)
        if option is not None:
            assert option in options, fmt.name
            args += [option, str(also)]
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 0, (fmt.name, result.output)
        assert main.stat().st_size > 0, fmt.name
        if option is not None:
            assert also.read_bytes() == main.read_bytes(), fmt.name
    offered = {f"--{fmt.name}-output" for fmt in REGISTERED if output_option(fmt)}
    assert {opt for opt in options if opt.endswith("-output") and opt != "--output"} == offered
