"""The shared row builder, fed RawTables directly (format-independent behaviour)."""

from __future__ import annotations

from codecheck.readers.raw import RawCell, RawRow, RawTable
from codecheck.readers.rows import build_rows, clean_text, is_subheading

H5 = ["Code provision", "Code requirement", "Comply: Yes / No", "Evidence", "Commentary / explanation"]


def table(rows: list[list[str | RawCell]], index: int = 1, header: list[str] | None = H5, **kw) -> RawTable:
    raw_rows = []
    body = ([header] if header else []) + rows
    for i, values in enumerate(body, start=1):
        cells = [v if isinstance(v, RawCell) else RawCell(v) for v in values]
        raw_rows.append(RawRow(cells=cells, index=i, is_header=bool(header) and i == 1))
    ncols = max(sum(c.span for c in r.cells) for r in raw_rows)
    return RawTable(rows=raw_rows, index=index, ncols=ncols, **kw)


def test_one_row_per_provision_with_roles_from_header() -> None:
    rows, notes = build_rows(
        [
            table(
                [
                    ["1.2", "A complaint must be defined.", "Yes", "Policy", "We do."],
                    ["1.3", "Residents need not say complaint.", "No", "", "Not yet."],
                ]
            )
        ]
    )
    assert [r.provision for r in rows] == ["1.2", "1.3"]
    first = rows[0]
    assert (first.requirement, first.answer, first.answer_text, first.evidence, first.commentary) == (
        "A complaint must be defined.",
        "yes",
        "Yes",
        "Policy",
        "We do.",
    )
    assert first.location.as_dict() == {"page": None, "table": 1, "row": 2}
    assert rows[1].answer == "no"
    assert notes == []


def test_columns_in_another_order_are_mapped_by_header_text() -> None:
    header = ["Code section", "Code requirement", "Comply: Yes/No", "Explanations and Commentary", "Evidence"]
    rows, _ = build_rows(
        [table([["2.1", "Policy is clear.", "Partial", "Being revised", "Policy v2"]], header=header)]
    )
    assert rows[0].commentary == "Being revised"
    assert rows[0].evidence == "Policy v2"
    assert rows[0].answer == "partial"


def test_combined_evidence_and_commentary_column_is_commentary() -> None:
    header = [
        "Code section",
        "Code requirement",
        "Comply: Yes/No",
        "Evidence, commentary and any explanations",
    ]
    rows, _ = build_rows([table([["1.2", "Definition.", "✓", "Our policy uses it."]], header=header)])
    assert rows[0].commentary == "Our policy uses it."
    assert rows[0].evidence == ""
    assert (rows[0].answer, rows[0].answer_text) == ("yes", "tick")


def test_continuation_rows_are_stitched_with_a_space() -> None:
    rows, notes = build_rows(
        [
            table(
                [
                    ["4.4", "Landlords should give residents", "Yes", "Policy", "Part one."],
                    ["", "the opportunity to have a representative", "", "", "Part two."],
                    ["", "should not exceed a further 10 days.", "", "", ""],
                    ["4.5", "Next requirement.", "No", "", ""],
                ]
            )
        ]
    )
    assert [r.provision for r in rows] == ["4.4", "4.5"]
    assert rows[0].requirement == (
        "Landlords should give residents the opportunity to have a representative "
        "should not exceed a further 10 days."
    )
    assert rows[0].commentary == "Part one. Part two."
    assert rows[0].stitched and not rows[1].stitched
    assert "1 row stitched from continuation rows" in [n.message for n in notes]


def test_repeated_header_rows_and_blank_rows_are_not_rows() -> None:
    t = table(
        [["1.2", "Req one.", "Yes", "", ""], H5, ["", "", "", "", ""], ["1.3", "Req two.", "Yes", "", ""]]
    )
    rows, _ = build_rows([t])
    assert [r.provision for r in rows] == ["1.2", "1.3"]
    assert rows[0].requirement == "Req one."


def test_subheading_rows_become_context() -> None:
    rows, _ = build_rows(
        [
            table(
                [
                    [RawCell("Stage 1", span=5)],
                    ["6.1", "Stage one requirement.", "Yes", "", ""],
                    ["Stage 2 Review", "", "", "", ""],
                    ["6.11", "Stage two requirement.", "Yes", "", ""],
                    ["", "Further stages", "", "", ""],
                    ["6.21", "Further requirement.", "Yes", "", ""],
                ],
                heading="Section 6 - Complaint stages",
            )
        ]
    )
    assert [(r.provision, r.context) for r in rows] == [
        ("6.1", "Stage 1"),
        ("6.11", "Stage 2 Review"),
        ("6.21", "Further stages"),
    ]
    assert rows[0].requirement == "Stage one requirement."


def test_table_heading_is_context_until_a_subheading() -> None:
    rows, _ = build_rows(
        [
            table(
                [["1.2", "Req.", "Yes", "", ""]],
                heading="Section 1 - Definition of a complaint Mandatory 'must' requirements",
            )
        ]
    )
    assert rows[0].context == "Section 1 - Definition of a complaint Mandatory 'must' requirements"
    rows, _ = build_rows([table([["1.2", "Req.", "Yes", "", ""]], heading="This form was completed in May.")])
    assert rows[0].context is None  # a sentence is not a heading


def test_row_split_over_a_page_break_is_stitched_across_tables() -> None:
    first = table([["5.8", "A requirement that", "Yes", "Policy", "Commentary starts"]], index=1, page=3)
    second = table(
        [["", "continues on the next page.", "", "", "and ends."]], index=2, page=4, continued_from=1
    )
    second.rows[1].page_break_before = True
    rows, _ = build_rows([first, second])
    assert len(rows) == 1
    assert rows[0].requirement == "A requirement that continues on the next page."
    assert rows[0].commentary == "Commentary starts and ends."
    assert rows[0].stitched and rows[0].confidence < 1.0
    assert rows[0].location.page == 3


def test_headerless_table_after_a_form_table_inherits_its_roles() -> None:
    first = table([["1.2", "Req one.", "Yes", "Ev one", "Com one"]], index=1)
    second = table([["1.3", "Req two.", "No", "Ev two", "Com two"]], index=2, header=None)
    rows, _ = build_rows([first, second])
    assert [(r.provision, r.answer, r.evidence, r.commentary) for r in rows] == [
        ("1.2", "yes", "Ev one", "Com one"),
        ("1.3", "no", "Ev two", "Com two"),
    ]


def test_roles_inferred_from_content_without_any_header() -> None:
    body = [
        [
            f"{s}.{n}",
            f"Landlords must meet requirement {s}.{n} of the Code in full.",
            "Yes",
            "Policy document",
            "We meet this through our policy.",
        ]
        for s in (1, 2)
        for n in (1, 2, 3)
    ]
    rows, notes = build_rows([table(body, header=None)])
    assert len(rows) == 6
    assert rows[0].answer == "yes" and rows[0].requirement.startswith("Landlords must meet")
    assert rows[0].commentary == "We meet this through our policy."
    assert all(r.confidence < 1.0 for r in rows)
    assert any("inferred" in n.message for n in notes)


def test_contents_and_contact_tables_are_not_self_assessments() -> None:
    contents = table(
        [["1", "Introduction", "3"], ["2", "Scope", "5"], ["3", "The Code", "7"]],
        header=["Section", "Title", "Page"],
    )
    contacts = table(
        [["Complaints team", "complaints@example-homes.org.uk"], ["Phone", "0300 000 0000"]],
        header=None,
        index=2,
    )
    dotted_contents = table(
        [["1.1", "Introduction", "3"], ["1.2", "Scope", "4"], ["2.1", "Stages", "6"]], header=None, index=3
    )
    rows, _ = build_rows([contents, contacts, dotted_contents])
    assert rows == []


def test_grid_spans_keep_cells_in_their_columns() -> None:
    # the requirement spans two grid columns; comply etc. must still land in their own columns
    header = [
        RawCell("Code provision"),
        RawCell("Code requirement", span=2),
        RawCell("Comply"),
        RawCell("Evidence"),
        RawCell("Commentary"),
    ]
    body = [
        RawCell("3.1"),
        RawCell("Wide requirement.", span=2),
        RawCell("Yes"),
        RawCell("Ev"),
        RawCell("Com"),
    ]
    raw = RawTable(rows=[RawRow(header, 1, is_header=True), RawRow(body, 2)], index=1, ncols=6)
    rows, _ = build_rows([raw])
    assert (rows[0].requirement, rows[0].answer, rows[0].evidence, rows[0].commentary) == (
        "Wide requirement.",
        "yes",
        "Ev",
        "Com",
    )


def test_answer_from_commentary_when_comply_is_empty() -> None:
    rows, _ = build_rows([table([["1.2", "Req.", "", "", "Yes. Our policy adopts it."]])])
    assert (rows[0].answer, rows[0].answer_text, rows[0].answer_source) == ("yes", "Yes", "commentary")


def test_checked_state_from_the_reader_is_used() -> None:
    rows, _ = build_rows(
        [
            table(
                [
                    ["1.2", "Req.", RawCell("", checked=True), "", ""],
                    ["1.3", "Req.", RawCell("☐", checked=False), "", ""],
                ]
            )
        ]
    )
    assert [(r.answer, r.answer_text) for r in rows] == [("yes", "tick"), ("blank", "")]


def test_one_tick_column_per_answer() -> None:
    header = ["Provision", "Requirement", "Yes", "No", "Commentary"]
    rows, _ = build_rows(
        [
            table(
                [["1.2", "Req one.", "✓", "", "Fine."], ["1.3", "Req two.", "", "✓", "Not yet."]],
                header=header,
            )
        ]
    )
    assert [r.answer for r in rows] == ["yes", "no"]


def test_combined_ids_and_duplicates_stay_as_printed() -> None:
    rows, _ = build_rows(
        [table([["1.2/ 1.4", "Combined.", "", "", ""], ["6.1", "A.", "", "", ""], ["6.1", "B.", "", "", ""]])]
    )
    assert [r.provision for r in rows] == ["1.2/ 1.4", "6.1", "6.1"]
    assert all(r.answer == "blank" for r in rows)


def test_text_normalisation() -> None:
    assert clean_text(" a\u00a0b\t c\n d  ") == "a b c d"
    assert clean_text("\uf0b7 bullet") == "bullet"


def test_subheading_test_rejects_sentence_fragments() -> None:
    assert is_subheading("Stage 1")
    assert is_subheading("Mandatory 'must' requirements")
    assert is_subheading("Section 3 – Complaint handling staff")
    assert not is_subheading("should contain details of the steps")
    assert not is_subheading("Stage 1 complaints must be answered.")


def test_body_row_that_reads_like_header_words_is_kept() -> None:
    # words such as "Requirement", "Yes", "Commentary" in a body row must not make it a repeated header
    rows, _ = build_rows(
        [table([["2.100", "Requirement text for row 1", "Yes", "Policy 1", "Commentary 1"]])]
    )
    assert [r.provision for r in rows] == ["2.100"]
    assert rows[0].confidence < 1.0  # an id outside the usual n.nn shape


def test_wide_table_with_extra_unnamed_columns() -> None:
    header = H5 + [f"Extra {i}" for i in range(10)]
    rows, _ = build_rows([table([["1.2", "Req.", "Yes", "Ev", "Com"] + ["x"] * 10], header=header)])
    assert (rows[0].provision, rows[0].answer, rows[0].commentary) == ("1.2", "yes", "Com")


def test_ids_printed_inside_the_requirement_cell() -> None:
    header = ["Code requirement", "Comply", "Evidence", "Commentary"]
    rows, _ = build_rows(
        [
            table(
                [
                    ["1.2 A complaint must be defined.", "Yes", "Policy", "Adopted."],
                    ["which continues here.", "", "", ""],
                    ["1.3 Residents need not say complaint.", "No", "", "Not yet."],
                ],
                header=header,
            )
        ]
    )
    assert [(r.provision, r.requirement, r.answer) for r in rows] == [
        ("1.2", "A complaint must be defined. which continues here.", "yes"),
        ("1.3", "Residents need not say complaint.", "no"),
    ]


def test_unnumbered_status_table_is_not_a_self_assessment() -> None:
    header = ["Description", "Status", "Owner"]
    rows, _ = build_rows([table([["Update the leaflet", "In progress", "Example Homes"]], header=header)])
    assert rows == []


def test_provision_id_shapes() -> None:
    from codecheck.readers.columns import PROVISION_ID

    for text in ("1.2", "1.2/ 1.4", "1.2 & 1.3", "1.2 and 1.4", "Section 1.2", "6.9 (a)", "6.3.", "10.12a"):
        assert PROVISION_ID.match(text), text
    for text in ("Section 3", "Introduction", "2024", "1", "Page 3"):
        assert not PROVISION_ID.match(text), text


def test_numbered_section_heading_row_is_context() -> None:
    rows, _ = build_rows(
        [
            table(
                [
                    ["3", "Complaint handling staff", "", "", ""],
                    ["3.1", "Landlords must have a person or team.", "Yes", "", ""],
                ]
            )
        ]
    )
    assert [(r.provision, r.context) for r in rows] == [("3.1", "3 Complaint handling staff")]


def test_contents_table_with_long_titles_and_page_numbers() -> None:
    body = [
        ["1.1", "Introduction to the Complaint Handling Code and its purpose", "3"],
        ["1.2", "Definition of a complaint and of a service request", "4"],
        ["2.1", "Accessibility and awareness of the complaints process", "....... 6"],
    ]
    assert build_rows([table(body, header=None)])[0] == []


def test_numbered_code_paragraphs_are_not_a_self_assessment() -> None:
    body = [
        ["1.1", "Effective complaint handling enables residents to be heard and understood."],
        ["1.2", "A complaint must be defined as an expression of dissatisfaction, however made."],
    ]
    assert build_rows([table(body, header=None)])[0] == []


def test_rag_ratings_and_single_letters() -> None:
    rows, _ = build_rows(
        [
            table(
                [
                    ["1.2", "Req.", "Green", "", ""],
                    ["1.3", "Req.", "Amber", "", ""],
                    ["1.4", "Req.", "Red", "", ""],
                    ["1.5", "Req.", "Y", "", ""],
                    ["1.6", "Req.", "N", "", ""],
                ]
            )
        ]
    )
    assert [r.answer for r in rows] == ["yes", "partial", "no", "yes", "no"]


def test_section_tables_without_their_own_header_reuse_the_first_header() -> None:
    # joint-style order (commentary before evidence) must survive into later, headerless tables
    header = ["Code section", "Code requirement", "Comply: Yes/No", "Explanations and Commentary", "Evidence"]
    first = table(
        [["1.2", "Requirement one.", "Yes", "Commentary one", "Evidence one"]],
        header=header,
        heading="Section 1 - Definition of a complaint",
    )
    second = table(
        [["2.1", "Requirement two.", "No", "Commentary two", "Evidence two"]],
        header=None,
        index=2,
        heading="Section 2 - Exclusions",
    )
    rows, _ = build_rows([first, second])
    assert [(r.provision, r.commentary, r.evidence, r.context) for r in rows] == [
        ("1.2", "Commentary one", "Evidence one", "Section 1 - Definition of a complaint"),
        ("2.1", "Commentary two", "Evidence two", "Section 2 - Exclusions"),
    ]


def test_two_row_header_with_an_answer_column_each() -> None:
    top = [RawCell("Provision"), RawCell("Requirement"), RawCell("Comply", span=2), RawCell("Commentary")]
    sub = [RawCell(""), RawCell(""), RawCell("Yes"), RawCell("No"), RawCell("")]
    body = [
        [
            RawCell("1.2"),
            RawCell("Req one."),
            RawCell("☑", checked=True),
            RawCell("☐", checked=False),
            RawCell("Done."),
        ],
        [
            RawCell("1.3"),
            RawCell("Req two."),
            RawCell("☐", checked=False),
            RawCell("☑", checked=True),
            RawCell("Not yet."),
        ],
    ]
    raw = RawTable(
        rows=[RawRow(top, 1, is_header=True), RawRow(sub, 2, is_header=True)]
        + [RawRow(cells, i) for i, cells in enumerate(body, start=3)],
        index=1,
        ncols=5,
    )
    rows, _ = build_rows([raw])
    assert [(r.provision, r.answer, r.commentary) for r in rows] == [
        ("1.2", "yes", "Done."),
        ("1.3", "no", "Not yet."),
    ]


def test_form_without_provision_numbers_gives_one_row_per_requirement() -> None:
    header = ["Code requirement", "Comply: Yes / No", "Evidence", "Commentary"]
    rows, notes = build_rows(
        [
            table(
                [
                    ["Landlords must accept complaints.", "Yes", "Policy", "Done."],
                    ["Stage 1", "", "", ""],
                    ["Responses within 10 working days.", "Partial", "", "Improving."],
                ],
                header=header,
            )
        ]
    )
    assert [(r.provision, r.answer, r.context) for r in rows] == [
        ("", "yes", None),
        ("", "partial", "Stage 1"),
    ]
    assert all(r.confidence <= 0.5 for r in rows)
    assert any("no provision numbers" in n.message for n in notes)


def test_empty_id_column_is_an_unnumbered_form() -> None:
    rows, _ = build_rows(
        [
            table(
                [
                    ["", "Landlords must accept complaints.", "Yes", "", ""],
                    ["", "Responses within 10 working days.", "No", "", ""],
                ]
            )
        ]
    )
    assert [(r.provision, r.requirement, r.answer) for r in rows] == [
        ("", "Landlords must accept complaints.", "yes"),
        ("", "Responses within 10 working days.", "no"),
    ]


def test_title_case_line_between_rows_is_a_heading_but_fragments_are_not() -> None:
    rows, _ = build_rows(
        [
            table(
                [
                    ["5.1", "Landlords must have a single policy.", "Yes", "", ""],
                    ["", "Complaint Stages", "", "", ""],
                    ["5.2", "The policy must explain", "Yes", "", ""],
                    ["", "Every Stage Of The Process", "", "", ""],  # the text before stops mid-sentence
                    ["", "Landlords must also ensure that", "", "", ""],
                    ["5.3", "Next.", "Yes", "", ""],
                ]
            )
        ]
    )
    assert [(r.provision, r.context) for r in rows] == [
        ("5.1", None),
        ("5.2", "Complaint Stages"),
        ("5.3", "Complaint Stages"),
    ]
    assert rows[1].requirement == (
        "The policy must explain Every Stage Of The Process Landlords must also ensure that"
    )


def test_word_broken_at_its_hyphen_across_rows_is_rejoined() -> None:
    first = table([["3.4", "Requirement.", "Yes", "www.example-", "Co-"]], index=1, page=2)
    second = table(
        [["", "", "", "homes.org.uk/complaints", "operative - and more"]], index=2, page=3, continued_from=1
    )
    rows, _ = build_rows([first, second])
    assert rows[0].evidence == "www.example-homes.org.uk/complaints"
    assert rows[0].commentary == "Co-operative - and more"
    rows, _ = build_rows([table([["1.2", "Stage 1 -", "Yes", "", ""], ["", "Acknowledge", "", "", ""]])])
    assert rows[0].requirement == "Stage 1 - Acknowledge"  # a dash between words is not a broken word


def test_action_plan_keyed_by_provision_is_not_read_as_rows() -> None:
    form = table([["5.4", "Requirement.", "Partial", "", "Working on it."]], index=1)
    plan = table(
        [["5.4", "Requirement.", "Publish the revised policy", "Complaints manager", "March 2026"]],
        index=2,
        header=["Code provision", "Requirement", "Action", "Owner", "Due date"],
        heading="Action plan",
    )
    rows, notes = build_rows([form, plan])
    assert [(r.provision, r.location.table) for r in rows] == [("5.4", 1)]
    assert any("no Comply column" in n.message for n in notes)


def test_a_form_without_any_comply_column_is_still_read() -> None:
    header = ["Code provision", "Code requirement", "Evidence", "Commentary"]
    rows, _ = build_rows([table([["1.2", "Requirement.", "Policy", "Yes. We adopt it."]], header=header)])
    assert [(r.provision, r.answer, r.answer_source) for r in rows] == [("1.2", "yes", "commentary")]


def test_header_wrapped_onto_a_second_row() -> None:
    header = ["Code provision", "Code requirement", "Comply:", "Evidence", "Commentary"]
    rows, _ = build_rows(
        [
            table(
                [["", "", "Yes/No", "(documents)", ""], ["1.2", "Requirement.", "Yes", "Policy", "Done."]],
                header=header,
            )
        ]
    )
    assert [(r.provision, r.context, r.answer) for r in rows] == [("1.2", None, "yes")]


def test_a_column_named_outright_wins_over_a_looser_one() -> None:
    header = [
        "Ref",
        "Code requirement",
        "RAG status",
        "Comply: Yes / No",
        "Evidence",
        "Actions",
        "Commentary",
    ]
    rows, _ = build_rows(
        [table([["1.2", "Req.", "Amber", "Yes", "Policy", "Review in May", "We do this."]], header=header)]
    )
    assert (rows[0].answer, rows[0].evidence, rows[0].commentary) == ("yes", "Policy", "We do this.")


def test_number_printed_on_the_middle_line_of_its_text() -> None:
    # a PDF-to-Word conversion: the id cell is vertically centred, so the first line of 1.3's text
    # comes before the row that carries "1.3"
    rows, notes = build_rows(
        [
            table(
                [
                    ["1.2", "A complaint must be defined as:", "Yes", "", "Adopted."],
                    ["", "an expression of dissatisfaction, however made.", "", "", ""],
                    ["", "The resident does not have to use", "", "", "We accept"],
                    ["1.3", "the word complaint for it to be treated as such.", "Yes", "", "any wording."],
                    ["1.4", "Landlords must recognise a service request.", "Yes", "", ""],
                ]
            )
        ]
    )
    assert [(r.provision, r.requirement, r.commentary, r.location.row) for r in rows] == [
        (
            "1.2",
            "A complaint must be defined as: an expression of dissatisfaction, however made.",
            "Adopted.",
            2,
        ),
        (
            "1.3",
            "The resident does not have to use the word complaint for it to be treated as such.",
            "We accept any wording.",
            4,
        ),
        ("1.4", "Landlords must recognise a service request.", "", 6),
    ]
    assert any("printed below the first line" in n.message for n in notes)


def test_header_after_title_and_instruction_rows() -> None:
    body = [
        [RawCell("Section 1: Definition of a complaint", span=5)],
        [RawCell("Complete every row and attach evidence where you can.", span=5)],
        [RawCell("Reviewed by the Example Homes board", span=5)],
        H5,
        ["1.2", "Requirement.", "Yes", "Policy", "Done."],
    ]
    rows, _ = build_rows([table(body, header=None)])
    assert [(r.provision, r.answer, r.evidence) for r in rows] == [("1.2", "yes", "Policy")]


def test_header_cells_with_guidance_text() -> None:
    header = [
        "Code provision",
        "Code requirement",
        "Comply: Yes / No",
        "Evidence (please give links to the policies, procedures and reports that show compliance)",
        "Commentary / explanation (say what you will do and by when if you do not fully comply)",
    ]
    rows, _ = build_rows([table([["1.2", "Requirement.", "Yes", "Policy", "Done."]], header=header)])
    assert [(r.evidence, r.commentary) for r in rows] == [("Policy", "Done.")]


def test_body_row_with_long_cells_and_header_words_is_not_a_header() -> None:
    # an appendix of carried-over entries: the first body row uses "Yes", "evidence" and "Code" in
    # long cells, and its id is printed with a year ("2022 4.13"); it must not be taken for a header
    header = ["Former provision", "Former wording", "Former answer", "What you wrote", "Why it is here"]
    body = [
        [
            "2022 4.13",
            "A landlord must include in its complaints policy its approach to escalation.",
            "Yes",
            "Example Homes evidence for 4.13: complaints policy section 6 and the escalation leaflet",
            "removed in the HOS Code 2024 (escalation is covered elsewhere)",
        ]
    ]
    form = table([["1.2", "Requirement.", "Yes", "", ""]], index=1)
    rows, _ = build_rows([form, table(body, index=2, header=header, heading="Entries with no counterpart")])
    assert [r.provision for r in rows] == ["1.2"]
