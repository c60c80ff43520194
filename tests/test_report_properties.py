"""Property tests: whatever text a document holds, no output format can be broken out of.

Document text reaches reports through finding messages, snippets and row cells. For arbitrary
strings (control characters, markup, workflow-command syntax, XML-illegal code points) every
structured format must stay parseable with its structure intact.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from dataclasses import replace
from html.parser import HTMLParser

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from codecheck.report import RenderOptions, render
from report_sample import sample_result, sample_rules

NASTY = st.lists(
    st.one_of(
        st.text(alphabet=st.characters(codec="utf-8"), max_size=6),
        st.sampled_from(
            [
                "<",
                ">",
                "&",
                "|",
                "%",
                "%0A",
                ":",
                ",",
                "\r",
                "\n",
                "\x1b[31m",
                "\x00",
                "::error::",
                "]]>",
                "\ufffe",
                "<script>",
                "[x](javascript:y)",
                "@team",
            ]
        ),
    ),
    max_size=12,
).map("".join)
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def hostile(text: str):
    result = sample_result()
    result.findings = [replace(f, message=text, snippet=text or None) for f in result.findings]
    for arow in result.aligned.rows:
        arow.row.commentary = text
        arow.row.evidence = text
    return result


def options() -> RenderOptions:
    return RenderOptions(rules=sample_rules())


@SETTINGS
@given(NASTY)
def test_github_output_keeps_one_command_per_finding(text: str) -> None:
    lines = render("github", [hostile(text)], options()).splitlines()
    assert len(lines) == 6  # five findings and the closing summary line
    assert all(line.startswith("::") for line in lines[:5])
    assert all("\x1b" not in line and "\r" not in line for line in lines)


@SETTINGS
@given(NASTY)
def test_junit_stays_well_formed(text: str) -> None:
    root = ET.fromstring(render("junit", [hostile(text)], options()).encode("utf-8"))
    assert len(root.findall("testsuite/testcase")) == 6


@SETTINGS
@given(NASTY)
def test_json_and_sarif_round_trip_the_text(text: str) -> None:
    data = json.loads(render("json", [hostile(text)], options()))
    assert {f["message"] for f in data["findings"]} == {text}
    sarif = json.loads(render("sarif", [hostile(text)], options()))
    assert len(sarif["runs"][0]["results"]) == 5


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)


@SETTINGS
@given(NASTY)
def test_html_structure_does_not_depend_on_document_text(text: str) -> None:
    baseline = _Tags()
    baseline.feed(render("html", [hostile("plain words")], options()))
    parsed = _Tags()
    parsed.feed(render("html", [hostile(text)], options()))
    # the same elements whatever the text (optional paragraphs aside, which only appear for non-empty text)
    assert set(parsed.tags) <= set(baseline.tags) | {"p", "b"}
    assert "script" not in parsed.tags


@SETTINGS
@given(NASTY)
def test_markdown_table_rows_keep_their_columns(text: str) -> None:
    out = render("markdown", [hostile(text)], options())
    finding_rows = [line for line in out.splitlines() if line.startswith("| ") and "`CC" in line]
    assert len(finding_rows) == 5
    for line in finding_rows:
        assert line.replace("\\|", "").count("|") == 6
