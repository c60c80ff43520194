"""The board paper (HTML report), its action plan export and the terminal report's quoting.

Results are built in code (``report_sample``: fictional Example Homes) so that each property is
tested in milliseconds; the CLI tests run the real sample through ``codecheck audit``.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from codecheck.cli.app import app
from codecheck.model import Decision, Document, Finding, RuleSpec
from codecheck.report import RenderOptions, render
from codecheck.report.action_plan import all_items, to_csv, to_xlsx
from codecheck.report.cover import cover_facts
from codecheck.report.html import _percentages
from codecheck.report.page import css_string
from codecheck.report.text import trim_quote
from report_sample import HOSTILE, sample_result, sample_rules

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
QUOTE = (
    "We are reviewing the complaints policy and expect to publish the revised version on our website "
    "once the board has approved it, which we anticipate later in the year after consultation."
)


def rules_with_actions() -> list[RuleSpec]:
    return [replace(r, action=f"Do the right thing about {r.slug}.") for r in sample_rules()]


def opts(**kw) -> RenderOptions:
    kw.setdefault("rules", rules_with_actions())
    kw.setdefault("today", date(2026, 12, 3))
    return RenderOptions(base_dir=Path.cwd(), **kw)


def with_findings(result, change):
    """The sample result with its findings list passed through ``change``."""
    return replace(result, findings=change(list(result.findings)))


def reviewed_result():
    """4.3 quoted with its key words; 5.4 accepted by a reviewer; 6.1 with a stale decision."""

    def change(fs: list[Finding]) -> list[Finding]:
        fs[1] = replace(fs[1], quote=QUOTE, snippet="later in the year", reading="a vague timescale")
        fs[2] = replace(fs[2], decision=Decision("Answer given in the evidence", "Sam Patel", "2026-11-30"))
        fs[3] = replace(
            fs[3], decision=Decision("Row checked by eye", "Sam Patel", "2026-10-01", status="stale")
        )
        return fs

    return with_findings(sample_result(), change)


# --------------------------------------------------------------------------- cover


def doc_with(*paragraphs: str, title: str | None = None) -> Document:
    return Document(path=Path("f.docx"), format="docx", rows=[], text=list(paragraphs), title=title)


@pytest.mark.parametrize(
    ("paragraphs", "landlord", "period"),
    [
        (["Landlord: Northfield Housing", "Reporting period: 2025/26."], "Northfield Housing", "2025/26"),
        (["Example Homes – Complaint Handling Code 2024: self-assessment"], "Example Homes", None),
        (["Example Homes self-assessment against the Code"], "Example Homes", None),
        (["NORTHFIELD HOUSING REVIEW OF THE HOUSING OMBUDSMAN CODE"], "Northfield Housing", None),
        (["Our self-assessment for the year 2024-25 was approved by the board."], None, "2024/25"),
        (["It covers 1 April 2024 to 31 March 2025."], None, "1 April 2024 to 31 March 2025"),
        # not stated: nothing is invented
        (["Appendix A: Self-assessment form"], None, None),
        (["Self-assessment completed in September 2025."], None, None),
        (["Section 1 – Definition of a complaint"], None, None),
        (["This covers 2022-2024."], None, None),  # two years is not one reporting year
    ],
)
def test_cover_facts_only_as_the_document_states_them(paragraphs, landlord, period) -> None:
    facts = cover_facts(doc_with(*paragraphs))
    assert (facts.landlord, facts.period) == (landlord, period)


@pytest.mark.parametrize(
    ("text", "iso", "shown"),
    [
        ("Self-assessment undertaken in June 2024.", "2024-06-01", "June 2024"),
        ("Self-assessment dated 1 June 2024.", "2024-06-01", "1 June 2024"),
        ("Considered by the Board on 23 October 2025.", "2025-10-23", "23 October 2025"),
    ],
)
def test_form_date_is_no_more_precise_than_the_form(text: str, iso: str, shown: str) -> None:
    assert cover_facts(doc_with(text), iso).form_date == shown


def test_cover_names_landlord_form_and_audit_date_and_omits_what_is_not_stated() -> None:
    page = render("html", [sample_result()], opts())
    assert "<h1>Example Homes</h1>" in page
    assert "Audit date</dt><dd>3 December 2026" in page
    assert "Date on the form</dt><dd>June 2024" in page  # held as 2024-06-01; no day is invented
    assert "Reporting period" not in page  # the sample states none
    assert render("html", [sample_result()], opts()) == page  # the same --today: the same bytes
    assert "Audit date" not in render("html", [sample_result()], opts(today=None))


def test_summary_paragraph_in_plain_words() -> None:
    page = render("html", [sample_result()], opts())
    summary = re.search(r'<p class="summary">(.*?)</p>', page, re.S).group(1)
    assert "answers 4 of its 5 provisions" in summary
    assert "1 significant point where the form appears not to meet the Code" in summary
    assert "2 points to check" in summary
    assert "CC1" not in summary and "error" not in summary


# --------------------------------------------------------------------------- wording


def test_no_overclaiming_no_confidence_and_no_rule_code_as_headline() -> None:
    page = render("html", [sample_result()], opts())
    assert "must be fixed before publishing" not in page
    assert "93" not in page  # a 93 % sure version detection is not worth a word
    assert "<code" not in page and "monospace" not in page
    for head in re.findall(r'<div class="head">(.*?)</div>', page, re.S):
        assert "CC1" not in head
    assert "Do the right thing about partial-without-date." in page  # the rule's recommended action


def test_low_detection_confidence_is_said_in_words() -> None:
    result = sample_result()
    result.aligned.detection = replace(result.aligned.detection, confidence=0.55)
    page = render("html", [result], opts())
    assert "does not say clearly which Code version" in page and "55% sure" in page


# --------------------------------------------------------------------------- sections


def test_percentages_add_up_to_a_hundred() -> None:
    assert _percentages([1, 1, 1]) == [34, 33, 33]
    assert _percentages([2, 1, 0, 0, 1]) == [50, 25, 0, 0, 25]
    assert _percentages([0, 0]) == [0, 0]
    assert sum(_percentages([7, 3, 1, 0, 2])) == 100


def test_section_bars_are_shares_of_provisions_with_missing_ones_unanswered() -> None:
    result = sample_result()
    result.aligned.missing = ["3.2"]  # section 3: one Partial row and one provision with no row
    page = render("html", [result], opts())
    title = 'Section 3: Accessibility and awareness<span class="n">2 provisions</span>'
    row = re.search(re.escape(title) + ".*?</tr>", page, re.S)
    assert row, page
    assert 'class="b-partly" style="width:50.0%"' in row.group(0)
    assert 'class="b-unanswered" style="width:50.0%"' in row.group(0)


# --------------------------------------------------------------------------- findings


def test_finding_quotes_its_sentence_with_the_key_words_marked() -> None:
    page = render("html", [reviewed_result()], opts())
    assert "<mark>later in the year</mark>" in page
    assert "Read as: a vague timescale" in page


def test_hostile_quote_stays_text() -> None:
    result = with_findings(
        sample_result(), lambda fs: [replace(fs[0], quote=HOSTILE + "\u202e", snippet="red")]
    )
    page = render("html", [result], opts())
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "\u202e" not in page and "\x1b" not in page


def test_accepted_findings_show_the_decision_and_are_counted_apart() -> None:
    page = render("html", [reviewed_result()], opts())
    assert "reviewed: not an issue — Answer given in the evidence (Sam Patel, 2026-11-30)" in page
    assert "needs re-review: the row has changed since it was reviewed as not an issue" in page
    # the accepted error (5.4) is no longer counted as significant; the stale info still counts
    assert re.search(r'tile error"><span class="n">0<', page)
    assert re.search(r'tile reviewed"><span class="n">1<', page)
    assert "1 further point was reviewed and recorded as not an issue" in page
    assert "1 earlier review needs repeating" in page


# --------------------------------------------------------------------------- action plan


def prefilled_result():
    result = reviewed_result()
    row = result.aligned.rows[1].row  # 3.1, the Partial answer
    row.owner = "Head of Customer Experience"  # attributes another reader may fill in
    row.target_date = date(2027, 3, 31)
    row.actions = ["Publish the channels leaflet", "=HYPERLINK(\"http://x\")"]
    return result


def test_action_plan_lists_open_findings_prefilled_from_the_form() -> None:
    items = all_items([prefilled_result()], opts())
    by_provision = {i.provision: i for i in items}
    assert "5.4" not in by_provision  # accepted: settled, not planned
    assert by_provision["6.1"].status == "Needs re-review"
    first = by_provision["3.1"]
    assert (first.owner, first.target_date) == ("Head of Customer Experience", "2027-03-31")
    assert first.stated_action.startswith("Publish the channels leaflet; ")
    assert first.action == "Do the right thing about partial-without-date."
    assert by_provision["4.3"].owner == "" and by_provision["4.3"].target_date == ""
    page = render("html", [prefilled_result()], opts())
    assert '<td class="filled">Head of Customer Experience</td>' in page


def test_action_plan_csv_and_xlsx_never_hold_a_formula() -> None:
    items = all_items([prefilled_result()], opts())
    rows = list(csv.reader(io.StringIO(to_csv(items))))
    assert rows[0][:3] == ["Provision", "Priority", "Issue"]
    assert next(r for r in rows if r[0] == "3.1")[4].startswith("Publish the channels leaflet; =HYPERLINK")
    assert not any(cell.startswith(("=", "+", "@")) for row in rows for cell in row)
    data = to_xlsx(items, today=date(2026, 12, 3))
    assert data == to_xlsx(items, today=date(2026, 12, 3))  # same plan, same bytes
    from openpyxl import load_workbook

    evil = replace(items[0], issue='=cmd|" /C calc"!A0')
    ws = load_workbook(io.BytesIO(to_xlsx([evil]))).active
    assert ws.cell(row=2, column=3).value == '=cmd|" /C calc"!A0'
    assert ws.cell(row=2, column=3).data_type == "s"
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert all(info.date_time == (1980, 1, 1, 0, 0, 0) for info in z.infolist())


runner = CliRunner()


def test_cli_action_plan_export(tmp_path: Path) -> None:
    form = SAMPLES / "example-homes-2024.docx"
    plan = tmp_path / "plan.xlsx"
    args = ["audit", str(form), "--today", "2026-12-03", "--exit-zero", "-f", "json"]
    args += ["-o", str(tmp_path / "r.json")]
    assert runner.invoke(app, [*args, "--action-plan", str(plan)]).exit_code == 0
    from openpyxl import load_workbook

    ws = load_workbook(plan).active
    assert ws.cell(row=1, column=4).value == "Recommended action"
    provisions = [ws.cell(row=r, column=1).value for r in range(2, ws.max_row + 1)]
    assert "7.3" in provisions and "5.2" in provisions
    # a report file: replaced on the next run without --force, atomically (no temporary file left)
    again = runner.invoke(app, [*args, "--force", "--action-plan", str(tmp_path / "plan.csv")])
    assert again.exit_code == 0
    assert (tmp_path / "plan.csv").read_text(encoding="utf-8-sig").startswith("Provision,Priority")
    assert runner.invoke(app, [*args, "--force", "--action-plan", str(plan)]).exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.csv", "plan.xlsx", "r.json"]


@pytest.mark.parametrize("name", ["plan.pdf", "FORM"])
def test_cli_action_plan_refuses_other_formats_and_inputs(tmp_path: Path, name: str) -> None:
    form = tmp_path / "form.docx"
    form.write_bytes((SAMPLES / "example-homes-2024.docx").read_bytes())
    before = form.read_bytes()
    target = form if name == "FORM" else tmp_path / name
    result = runner.invoke(app, ["audit", str(form), "--action-plan", str(target)])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "codecheck: error:" in result.stderr
    assert form.read_bytes() == before


# --------------------------------------------------------------------------- terminal


def test_text_report_quotes_the_sentence_with_a_hanging_indent() -> None:
    out = render("text", [reviewed_result()], opts(width=80))
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("    4.3"))
    block = []
    for line in lines[start + 1 :]:
        if not line.startswith(" " * 20):
            break
        block.append(line)
    assert block, out  # the message, the rule and the quote all continue under the message column
    assert all(len(line) <= 80 for line in lines if line.startswith("    "))
    joined = " ".join(line.strip() for line in block)
    assert "later in the year" in joined and "(read as: a vague timescale)" in joined
    assert "reviewed: not an issue — Answer given in the evidence" in out
    assert "1 reviewed as not an issue" in out


def test_text_report_highlights_key_words_only_with_colour() -> None:
    coloured = render("text", [reviewed_result()], opts(color=True, width=200))
    assert re.search(r"\x1b\[[0-9;]*4[0-9;]*mlater in the year", coloured)
    assert "\x1b" not in render("text", [reviewed_result()], opts(width=200))


def test_trim_quote_keeps_the_key_words_and_cuts_at_spaces() -> None:
    long = " ".join(f"word{i}" for i in range(100)) + " the key words here " + " ".join(
        f"tail{i}" for i in range(100)
    )
    before, key, after = trim_quote(long, "key words", limit=80)
    assert key == "key words"
    assert before.startswith("…") and after.endswith("…")
    assert len(before + key + after) <= 84
    assert not before[1:].startswith(" ") and "word" in before
    assert trim_quote("short sentence", None) == ("short sentence", "", "")


def test_bidi_controls_never_reach_the_terminal() -> None:
    result = with_findings(
        sample_result(), lambda fs: [replace(fs[0], quote="abc\u202edef\u2066x", message="m\u200f")]
    )
    out = render("text", [result], opts())
    assert not re.search("[\u202a-\u202e\u2066-\u2069\u200e\u200f]", out)


# --------------------------------------------------------------------------- shared page


def test_css_string_cannot_close_the_style_element() -> None:
    value = css_string('Example "Homes"</style><script>x</script>\\')
    assert "<" not in value and '"' not in value[1:-1] and "\\00003c" in value


def test_diff_and_audit_reports_share_one_stylesheet() -> None:
    from codecheck.codes import get_version
    from codecheck.diff import diff_versions
    from codecheck.diff.render import render_html

    page = render("html", [sample_result()], opts())
    diff = render_html(diff_versions(get_version("2022"), get_version("2024")))
    marker = "codecheck's board-paper style"
    assert marker in page and marker in diff
    sheet = page[page.index(marker) : page.index("@media print")]
    assert sheet in diff
    for html in (page, diff):
        assert "default-src 'none'" in html and "<script" not in html


def test_plain_and_colour_text_reports_lay_out_alike() -> None:
    plain = render("text", [reviewed_result()], opts(width=90))
    coloured = render("text", [reviewed_result()], opts(width=90, color=True))
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == plain


def test_why_it_matters_leaves_out_talk_of_codecheck_settings() -> None:
    from codecheck.report.html import board_rationale

    text = (
        "The Code asks for every row to be answered. Off by default: it describes the extraction; "
        "enable it with --extend-select CC116. A blank row tells the board nothing."
    )
    kept = "The Code asks for every row to be answered. A blank row tells the board nothing."
    assert board_rationale(text) == kept
    assert board_rationale("Enable it with --select CC101.") is None
