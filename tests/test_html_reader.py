"""The web-page reader: tables, labelled blocks, site chrome, and nothing fetched (fixtures from
``html_factory``, all fictional)."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

import html_factory as hf
from codecheck.errors import InputError, NoAssessmentError
from codecheck.limits import Limits
from codecheck.readers import read_document
from codecheck.readers.sniff import sniff

PIDS = list(hf.CODE)


def read(path: Path, limits: Limits | None = None):
    return read_document(path, limits)


def assert_standard_rows(doc, pids=PIDS) -> None:
    assert [r.provision for r in doc.rows] == list(pids)
    for row in doc.rows:
        pid = row.provision
        assert row.requirement == hf.CODE[pid]
        assert row.answer_text == hf.ANSWERS[pid]
        assert row.evidence == hf.evidence(pid)
        assert row.commentary == hf.commentary(pid)
    answers = {r.provision: r.answer for r in doc.rows}
    assert answers["2.1"] == "no" and answers["3.1"] == "partial" and answers["1.2"] == "yes"


# --------------------------------------------------------------------------- sniffing


@pytest.mark.parametrize(
    "head",
    [
        "<!DOCTYPE html><html>",
        "\ufeff<!doctype html>",
        "<!-- saved from url=(0042)https://www.example-homes.org.uk/ -->\n<html>",
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
        '"xhtml1-strict.dtd"><html xmlns="http://www.w3.org/1999/xhtml">',
        "<html><head>",
        "\n\n  <table><tr><td>",
    ],
)
def test_web_pages_are_sniffed_from_their_bytes(tmp_path: Path, head: str) -> None:
    path = tmp_path / "page.docx"  # the name does not matter
    path.write_text(head + "<p>Example Homes</p>", encoding="utf-8")
    assert sniff(path) == "html"


def test_utf16_page_is_read(tmp_path: Path) -> None:
    path = tmp_path / "form.htm"
    text = "\ufeff" + hf.page(hf.table([hf.row_cells("1.2")]))
    path.write_bytes(text.encode("utf-16-le"))
    doc = read(path)
    assert [r.provision for r in doc.rows] == ["1.2"] and doc.format == "html"


def test_windows_1252_page_without_a_charset(tmp_path: Path) -> None:
    body = hf.table([["1.2", "Landlords’ policy – café", "Yes", "Policy", "Fine"]])
    path = tmp_path / "form.html"
    path.write_bytes(hf.page(body).replace('<meta charset="utf-8">', "").encode("cp1252"))
    assert read(path).rows[0].requirement == "Landlords’ policy – café"


# --------------------------------------------------------------------------- tables


def test_one_table_per_section_with_thead(tmp_path: Path) -> None:
    doc = read(hf.tables_page(tmp_path / "form.html"))
    assert_standard_rows(doc)
    assert doc.format == "html" and doc.pages is None
    assert {r.context for r in doc.rows if r.provision.startswith("6.")} == {"Section 6: Complaint stages"}
    assert doc.rows[0].location.table == 1 and doc.rows[0].location.row == 2


def test_one_long_table_with_colspan_section_rows_and_no_thead(tmp_path: Path) -> None:
    rows = [["Section 1 - Definition of a complaint"], hf.row_cells("1.2"), hf.row_cells("1.3"),
            ["Section 6 - Complaint stages"], hf.row_cells("6.3")]  # fmt: skip
    doc = read(hf.write(tmp_path / "one.html", hf.page(hf.table(rows, thead=False))))
    assert [(r.provision, r.context) for r in doc.rows] == [
        ("1.2", "Section 1 - Definition of a complaint"),
        ("1.3", "Section 1 - Definition of a complaint"),
        ("6.3", "Section 6 - Complaint stages"),
    ]


def test_columns_in_another_order_and_wording(tmp_path: Path) -> None:
    header = ["Ref", "What the Code says", "Our response", "Supporting documents", "Are we compliant?"]
    rows = [[pid, hf.CODE[pid], hf.commentary(pid), hf.evidence(pid), hf.ANSWERS[pid]] for pid in PIDS]
    doc = read(hf.write(tmp_path / "order.html", hf.page(hf.table(rows, header))))
    assert_standard_rows(doc)


def test_missing_evidence_column(tmp_path: Path) -> None:
    header = ["Provision", "Requirement", "Compliant?", "Comments"]
    rows = [[pid, hf.CODE[pid], hf.ANSWERS[pid], hf.commentary(pid)] for pid in PIDS]
    doc = read(hf.write(tmp_path / "four.html", hf.page(hf.table(rows, header))))
    assert [r.provision for r in doc.rows] == PIDS
    assert all(r.evidence == "" and r.commentary == hf.commentary(r.provision) for r in doc.rows)


def test_rowspan_is_repeated_for_each_provision_it_covers(tmp_path: Path) -> None:
    body = (
        "<table><thead><tr><th>Code provision</th><th>Code requirement</th><th>Comply</th><th>Evidence</th>"
        "<th>Commentary</th></tr></thead><tbody>"
        f'<tr><td>1.2</td><td>{hf.CODE["1.2"]}</td><td>Yes</td><td rowspan="2">Complaints policy</td>'
        "<td>First.</td></tr>"
        f'<tr><td>1.3</td><td>{hf.CODE["1.3"]}</td><td>Yes</td><td>Second.</td></tr>'
        "</tbody></table>"
    )
    doc = read(hf.write(tmp_path / "rowspan.html", hf.page(body)))
    assert [(r.provision, r.evidence, r.commentary) for r in doc.rows] == [
        ("1.2", "Complaints policy", "First."),
        ("1.3", "Complaints policy", "Second."),
    ]


def test_lists_links_and_breaks_inside_cells(tmp_path: Path) -> None:
    cells = [
        "1.2",
        f"<p>{hf.CODE['1.2']}</p>",
        "<p>Yes</p>",
        '<a href="https://www.example-homes.org.uk/policy">www.example-homes.org.uk/policy</a><br>Leaflet',
        "<p>We use the definition:</p><ul><li>in the policy;</li><li>in staff training.</li></ul>",
    ]
    doc = read(hf.write(tmp_path / "cells.html", hf.page(hf.table([cells], raw_cells=True))))
    row = doc.rows[0]
    assert row.evidence == "www.example-homes.org.uk/policy Leaflet"
    assert row.commentary == "We use the definition: in the policy; in staff training."


def test_comply_cell_merged_with_evidence_is_split(tmp_path: Path) -> None:
    body = (
        "<table><thead><tr><th>Code provision</th><th>Code requirement</th><th>Comply</th><th>Evidence</th>"
        "<th>Commentary</th></tr></thead><tbody>"
        f'<tr><td>1.2</td><td>{hf.CODE["1.2"]}</td><td colspan="2"><p>Yes</p><p>Complaints policy</p></td>'
        "<td>Adopted.</td></tr>"
        f'<tr><td>1.3</td><td>{hf.CODE["1.3"]}</td><td colspan="2">Partial (in progress) – leaflet being '
        "rewritten</td><td>By March 2026.</td></tr></tbody></table>"
    )
    doc = read(hf.write(tmp_path / "merged.html", hf.page(body)))
    assert [(r.answer, r.answer_text, r.evidence) for r in doc.rows] == [
        ("yes", "Yes", "Complaints policy"),
        ("partial", "Partial (in progress)", "leaflet being rewritten"),
    ]


def test_extra_columns_and_rag_colours(tmp_path: Path) -> None:
    header = ["Code provision", "Code requirement", "Comply", "RAG status", "Evidence", "Commentary",
              "Actions", "Owner", "Target date"]  # fmt: skip
    body = "<table><thead><tr>" + "".join(f"<th>{h}</th>" for h in header) + "</tr></thead><tbody>"
    body += (
        f'<tr><td>3.1</td><td>{hf.CODE["3.1"]}</td><td>Partial</td><td style="background-color:#FFC000"></td>'
        "<td>Leaflet</td><td>Translations under way.</td><td>Publish easy read leaflet</td>"
        "<td>Complaints Manager</td><td>31/03/2026</td></tr>"
        f'<tr><td>6.3</td><td>{hf.CODE["6.3"]}</td><td>Yes</td><td class="rag-green">Green</td>'
        "<td>Dashboard</td><td>Met.</td><td></td><td></td><td></td></tr></tbody></table>"
    )
    doc = read(hf.write(tmp_path / "extra.html", hf.page(body)))
    first, second = doc.rows
    assert (first.rag, first.actions, first.owner, first.target_date) == (
        "amber", "Publish easy read leaflet", "Complaints Manager", "31/03/2026")  # fmt: skip
    assert (first.evidence, first.commentary) == ("Leaflet", "Translations under way.")
    assert second.rag == "Green" and second.answer == "yes"


def test_section_title_heads_the_requirement_and_yes_no_columns_give_one_answer(tmp_path: Path) -> None:
    header = ["Ref", "Definition of a complaint", "Yes", "No", "Comments"]
    rows = [["1.2", hf.CODE["1.2"], "✓", "", "Adopted."], ["1.3", hf.CODE["1.3"], "", "X", "Not yet."]]
    doc = read(hf.write(tmp_path / "yesno.html", hf.page(hf.table(rows, header))))
    assert [(r.provision, r.requirement, r.answer) for r in doc.rows] == [
        ("1.2", hf.CODE["1.2"], "yes"),
        ("1.3", hf.CODE["1.3"], "no"),
    ]


# --------------------------------------------------------------------------- chrome


def test_site_chrome_and_hidden_content_are_not_read(tmp_path: Path) -> None:
    doc = read(hf.tables_page(tmp_path / "form.html"))
    everything = " ".join(doc.text) + " ".join(r.commentary + r.requirement for r in doc.rows)
    for leaked in ("cookies", "Decorative", "Hidden draft", "stale answer", "var provision", "Template",
                   "Registered provider", "Complaints 6.3"):  # fmt: skip
        assert leaked not in everything, leaked
    assert [r.provision for r in doc.rows] == PIDS


def test_page_without_main_element_still_drops_chrome(tmp_path: Path) -> None:
    body = "<h2>Section 1: Definition of a complaint</h2>" + hf.table([hf.row_cells("1.2")])
    doc = read(hf.write(tmp_path / "nomain.html", hf.page(body, main=False)))
    assert [r.provision for r in doc.rows] == ["1.2"]
    assert not any("cookies" in t for t in doc.text)


def test_nothing_is_fetched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Links, images, stylesheets, frames and an external DTD are never followed or loaded."""

    def no_network(*args, **kwargs):
        raise AssertionError("the reader opened a network connection")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    head = (
        '<link rel="stylesheet" href="http://192.0.2.1/site.css"><script src="http://192.0.2.1/a.js"></script>'
        '<base href="http://192.0.2.1/">'
    )
    body = (
        '<img src="http://192.0.2.1/logo.png" alt="logo"><iframe src="http://192.0.2.1/frame"></iframe>'
        '<object data="file:///etc/passwd"></object>'
        + hf.table([hf.row_cells("1.2")])
    )
    text = hf.page(body, head=head).replace(
        "<!DOCTYPE html>",
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://192.0.2.1/xhtml1-strict.dtd">',
    )
    doc = read(hf.write(tmp_path / "links.html", text))
    assert [r.provision for r in doc.rows] == ["1.2"]
    assert not any("root:" in t for t in doc.text)


def test_entity_declarations_are_refused(tmp_path: Path) -> None:
    text = '<?xml version="1.0"?><!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">]><html><body>&x;</body></html>'
    with pytest.raises(InputError, match="entities"):
        read(hf.write(tmp_path / "xxe.html", text))


# --------------------------------------------------------------------------- labelled blocks


@pytest.mark.parametrize("style", ["headings", "dl", "inline", "plain", "lead"])
def test_labelled_blocks_in_every_style(tmp_path: Path, style: str) -> None:
    labels = {
        "inline": ("Requirement", "Do we comply?", "Evidence:", "Commentary:"),
        "plain": ("Requirement:", "Do we comply?", "Evidence:", "Commentary:"),  # no bold: ':' or '?'
        "lead": ("Requirement", "Comply:", "Evidence:", "Commentary:"),  # the bold number opens the text
    }.get(style)
    doc = read(hf.blocks_page(tmp_path / f"{style}.html", style=style, labels=labels))
    assert_standard_rows(doc)
    assert all(r.location.block is not None and r.location.table is None for r in doc.rows)


@pytest.mark.parametrize(
    "labels",
    [
        ("Code requirement", "Are we compliant?", "Supporting evidence", "Explanation"),
        ("What the Code says", "Compliance", "Evidence of compliance", "How we meet this"),
        ("Requirement", "Self-assessment", "Documents provided", "Comments"),
    ],
)
def test_label_wording_the_official_form_does_not_use(tmp_path: Path, labels) -> None:
    doc = read(hf.blocks_page(tmp_path / "words.html", labels=labels))
    assert_standard_rows(doc)


def test_heading_levels_do_not_matter(tmp_path: Path) -> None:
    body = "<h1>Section 1: Definition of a complaint</h1>" + "".join(
        hf.block(pid, hf.standard_fields(pid), level=2) for pid in ("1.2", "1.3")
    )
    doc = read(hf.write(tmp_path / "levels.html", hf.page(body)))
    assert [r.provision for r in doc.rows] == ["1.2", "1.3"]
    assert all(r.evidence == hf.evidence(r.provision) for r in doc.rows)


def test_fields_in_another_order_and_missing_fields(tmp_path: Path) -> None:
    first = [("Do we comply?", "Yes"), ("Commentary", "Adopted."), ("Requirement", hf.CODE["1.2"])]
    body = hf.block("1.2", first)
    body += hf.block("1.3", [("Requirement", hf.CODE["1.3"]), ("Do we comply?", "No")])
    body += hf.block("2.1", [("Requirement", hf.CODE["2.1"]), ("Evidence", ""), ("Commentary", "Not yet.")])
    doc = read(hf.write(tmp_path / "order.html", hf.page(body)))
    assert [(r.provision, r.answer, r.requirement, r.evidence, r.commentary) for r in doc.rows] == [
        ("1.2", "yes", hf.CODE["1.2"], "", "Adopted."),
        ("1.3", "no", hf.CODE["1.3"], "", ""),
        ("2.1", "blank", hf.CODE["2.1"], "", "Not yet."),
    ]


def test_value_under_the_label_in_several_paragraphs_and_a_list(tmp_path: Path) -> None:
    body = (
        "<h3>Code provision 1.2</h3><h4>Requirement</h4><p>First part.</p><p>Second part.</p>"
        "<h4>Do we comply?</h4><p>Yes</p><h4>Evidence</h4><ul><li>Policy</li><li>Leaflet</li></ul>"
        "<h4>Commentary</h4><p>One.</p><p>Two.</p>"
        + hf.block("1.3", hf.standard_fields("1.3"))
    )
    row = read(hf.write(tmp_path / "multi.html", hf.page(body))).rows[0]
    assert (row.requirement, row.evidence, row.commentary) == ("First part. Second part.", "Policy Leaflet",
                                                                "One. Two.")  # fmt: skip


def test_block_without_its_number_is_reported_not_lost(tmp_path: Path) -> None:
    body = "".join(hf.block(pid, hf.standard_fields(pid)) for pid in ("1.2", "1.3"))
    body += hf.block(None, hf.standard_fields("2.1"))
    body += hf.block("3.1", hf.standard_fields("3.1"))
    doc = read(hf.write(tmp_path / "lost.html", hf.page(body)))
    assert [r.provision for r in doc.rows] == ["1.2", "1.3", "3.1"]
    lost = [n for n in doc.notes if n.kind == "skipped-text"]
    assert len(lost) == 1 and "after 1.3" in lost[0].message and lost[0].position == 2


def test_numbered_code_text_without_labels_is_not_a_form(tmp_path: Path) -> None:
    body = "".join(f"<p>{pid} {text}</p>" for pid, text in hf.CODE.items())
    with pytest.raises(NoAssessmentError, match="no self-assessment"):
        read(hf.write(tmp_path / "code.html", hf.page(body)))


def test_key_value_table_per_provision(tmp_path: Path) -> None:
    body = ""
    for pid in ("1.2", "1.3"):
        rows = [["Code provision", pid], *([k, v] for k, v in hf.standard_fields(pid))]
        body += "<table>" + "".join(f"<tr><th>{hf.esc(k)}</th><td>{hf.esc(v)}</td></tr>" for k, v in rows)
        body += "</table>"
    doc = read(hf.write(tmp_path / "kv.html", hf.page(body)))
    assert [(r.provision, r.answer, r.evidence) for r in doc.rows] == [
        ("1.2", "yes", hf.evidence("1.2")),
        ("1.3", "yes", hf.evidence("1.3")),
    ]


def test_extra_labels_are_their_own_fields(tmp_path: Path) -> None:
    fields = [*hf.standard_fields("3.1"), ("RAG status", "Amber"), ("Actions", "Publish leaflet"),
              ("Lead officer", "Complaints Manager"), ("Target date", "March 2026")]  # fmt: skip
    body = hf.block("3.1", fields) + hf.block("1.2", hf.standard_fields("1.2"))
    row = read(hf.write(tmp_path / "extra.html", hf.page(body))).rows[0]
    extras = (row.rag, row.actions, row.owner, row.target_date)
    assert extras == ("Amber", "Publish leaflet", "Complaints Manager", "March 2026")
    assert row.commentary == hf.commentary("3.1")


# --------------------------------------------------------------------------- bad pages


def test_page_without_a_form(tmp_path: Path) -> None:
    path = hf.write(tmp_path / "about.html", hf.page("<p>About Example Homes.</p>"))
    with pytest.raises(NoAssessmentError, match="no self-assessment table found"):
        read(path)


def test_deeply_nested_page_is_refused(tmp_path: Path) -> None:
    deep = "<div>" * 5000 + hf.table([hf.row_cells("1.2")]) + "</div>" * 5000
    with pytest.raises(InputError, match="nested more than"):
        read(hf.write(tmp_path / "deep.html", hf.page(deep)))


def test_page_over_the_size_limit(tmp_path: Path) -> None:
    path = hf.tables_page(tmp_path / "big.html")
    with pytest.raises(InputError, match="over the 1,000-byte limit"):
        read(path, Limits(max_xml_part_bytes=1000))


def test_cell_text_and_tables_are_bounded(tmp_path: Path) -> None:
    rows = [["1.2", hf.CODE["1.2"], "Yes", "Policy", "x" * 5000]]
    doc = read(hf.write(tmp_path / "long.html", hf.page(hf.table(rows))), Limits(max_cell_chars=1000))
    assert len(doc.rows[0].commentary) == 1000
    assert any(n.kind == "cells-truncated" and n.lost_text for n in doc.notes)
    many = "".join(hf.table([hf.row_cells("1.2")]) for _ in range(5))
    with pytest.raises(InputError, match="more than 3 tables"):
        read(hf.write(tmp_path / "many.html", hf.page(many)), Limits(max_tables=3))


def test_values_that_use_label_words_stay_values(tmp_path: Path) -> None:
    """A definition list's <dd> is a value, and a plain line naming a document after a label word
    ("Comments-Compliments-Complaints-Policy") is no label, however often it recurs."""
    pids = ("1.2", "1.3", "2.1")
    name = "Comments-Compliments-Complaints-Policy"
    for style in ("dl", "headings"):
        tail = [("Evidence", name), ("Commentary", "Reviewed monthly.")]
        fields = {pid: [*hf.standard_fields(pid)[:2], *tail] for pid in pids}
        body = "".join(hf.block(pid, fields[pid], style=style) for pid in pids)
        doc = read(hf.write(tmp_path / f"values-{style}.html", hf.page(body)))
        assert [(r.evidence, r.commentary) for r in doc.rows] == [(name, "Reviewed monthly.")] * 3, style
