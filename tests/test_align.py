"""Alignment: rows paired with provisions by number, confirmed or corrected by text.

Documents are built in code for a fictional landlord ("Example Homes"); requirement texts are the
Code's own wording (the standard being checked), taken from the shipped Code versions.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from codecheck.align import AlignOptions, align_document, expected_ids, resolve_ids, text_score
from codecheck.codes import get_version
from codecheck.model import Document, Location, Row, VersionDetection


def row(
    pid: str, requirement: str, answer: str = "yes", n: int = 1, commentary: str = "Policy section 4."
) -> Row:
    return Row(
        provision=pid,
        requirement=requirement,
        answer=answer,  # type: ignore[arg-type]
        answer_text="" if answer == "blank" else answer.title(),
        evidence="Example Homes complaints policy" if answer != "blank" else "",
        commentary=commentary if answer != "blank" else "",
        location=Location(table=1, row=n),
    )


def full_rows(version: str, skip: set[str] = frozenset()) -> list[Row]:
    """One row per official-form row, with the form's own wording: a complete, correct self-assessment."""
    code = get_version(version)
    out = []
    for i, frow in enumerate(code.form, 1):
        if set(frow.covers) & skip:
            continue
        text = frow.text or code.provision(frow.covers[0]).form_wording
        out.append(row(frow.id, text, n=i))
    return out


def doc(
    rows: list[Row], title: str = "Example Homes self-assessment", text: list[str] | None = None
) -> Document:
    return Document(path=Path("example-homes.docx"), format="docx", rows=rows, text=text or [], title=title)


def aligned(rows: list[Row], version: str = "2024", options: AlignOptions | None = None, **kw):
    code = get_version(version)
    return align_document(doc(rows, **kw), code, VersionDetection(version, 1.0), options)


def wording(version: str, pid: str) -> str:
    return get_version(version).provision(pid).form_wording


# --------------------------------------------------------------------------- ids


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("6.3", ("6.3",)),
        ("6.3.", ("6.3",)),
        ("6.3 ", ("6.3",)),
        ("Section 6.3", ("6.3",)),
        ("6 .3", ("6.3",)),
        ("6. 3", ("6.3",)),
        ("1.2/ 1.4", ("1.2", "1.4")),
        ("5.1-5.3", ("5.1", "5.2", "5.3")),
        ("5.1 \u2013 5.3", ("5.1", "5.2", "5.3")),
        ("5.3-5.1", ()),
        ("5.14-5.16", ()),  # 5.16 is not a 2024 provision
        ("Provision 6.3 (Stage 1)", ("6.3",)),
        ("6.3 (see also 6.14)", ()),  # two numbers: not a guess
        ("6.3.1", ()),
        ("10.1", ()),
        ("", ()),
        ("Stage 1", ()),
    ],
)
def test_printed_ids_are_normalised(printed: str, expected: tuple[str, ...]) -> None:
    assert resolve_ids(get_version("2024"), printed) == expected


# --------------------------------------------------------------------------- complete forms


@pytest.mark.parametrize("version", ["2022", "2024", "joint"])
def test_a_complete_official_form_aligns_cleanly(version: str) -> None:
    result = aligned(full_rows(version), version)
    assert result.missing == []
    assert all(ar.provisions for ar in result.rows)
    assert all(ar.suggested is None and ar.duplicate_of is None for ar in result.rows)
    assert all(ar.method in ("number", "combined") for ar in result.rows)
    assert min(ar.score for ar in result.rows) >= 90


def test_joint_form_quirks_are_not_duplicates_and_combined_id_covers_both() -> None:
    result = aligned(full_rows("joint"), "joint")
    ids = [ar.row.provision for ar in result.rows]
    assert ids.count("6.1") == 2 and ids.count("6.19") == 2
    combined = next(ar for ar in result.rows if ar.row.provision == "1.2/ 1.4")
    assert combined.provisions == ("1.2", "1.4") and combined.method == "combined"
    # the Code's 2.6, 6.23 and 8.3-8.5 have no row on the official Joint form: not missing
    assert {"2.6", "6.23", "8.3"}.isdisjoint(expected_ids(get_version("joint")))


def test_missing_provisions_are_those_of_the_form_in_form_order() -> None:
    result = aligned(full_rows("2024", skip={"6.20", "2.3"}))
    assert result.missing == ["2.3", "6.20"]
    assert "1.1" not in expected_ids(get_version("2024"))  # introductory, not on the form


# --------------------------------------------------------------------------- misnumbered


def test_row_with_another_provisions_text_is_corrected_and_marked() -> None:
    rows = full_rows("2024", skip={"9.1"})
    rows.append(row("6.3", wording("2024", "9.1"), n=99))  # 9.1's text, printed as 6.3
    result = aligned(rows)
    bad = next(ar for ar in result.rows if ar.row.location.row == 99)
    assert bad.provisions == ("9.1",) and bad.suggested == "9.1" and bad.method == "text"
    assert bad.score >= 85
    # its number's provision keeps its own, correct row: no duplicate, nothing missing
    assert result.missing == []
    assert all(ar.duplicate_of is None for ar in result.rows)


def test_misnumbering_thresholds_are_options() -> None:
    rows = [row("6.3", wording("2024", "9.1"))]
    assert aligned(rows).rows[0].suggested == "9.1"
    strict = AlignOptions(best_min=101)  # nothing can clear it
    assert aligned(rows, options=strict).rows[0].suggested is None
    assert aligned(rows, options=strict).rows[0].provisions == ("6.3",)
    generous_own = AlignOptions(own_max=0)  # any own match is accepted as confirmation
    assert aligned(rows, options=generous_own).rows[0].suggested is None


def test_paraphrase_or_fragment_of_its_own_provision_is_not_misnumbered() -> None:
    fragment = "Landlords must issue a full response to stage 1 complaints"
    paraphrase = "We send a full stage 1 response within 10 working days of acknowledging the complaint."
    for text in (fragment, paraphrase):
        ar = aligned([row("6.3", text)]).rows[0]
        assert ar.provisions == ("6.3",) and ar.suggested is None, text


def test_provisions_differing_only_in_their_numbers_are_not_called_misnumbered() -> None:
    # 6.3 (full response, stage 1, 10 days) and 6.14 (final response, stage 2, 20 days) share their
    # wording: text cannot say "clearly" which one a row is, so the printed number stands.
    ar = aligned([row("6.3", wording("2024", "6.14"))]).rows[0]
    assert ar.provisions == ("6.3",) and ar.suggested is None


def test_near_identical_provisions_are_not_called_misnumbered() -> None:
    code = get_version("joint")
    # Joint draft 6.11 repeats 5.11: a 5.11 row printed as 6.11 (or the reverse) is not "clearly" either
    assert code.provision("6.11") is not None
    ar = aligned([row("6.11", wording("joint", "5.11"))], "joint").rows[0]
    assert ar.suggested is None


def test_unknown_id_with_a_provisions_text_is_misnumbered_not_unknown() -> None:
    ar = aligned([row("6.33", wording("2024", "6.3"))]).rows[0]
    assert ar.provisions == ("6.3",) and ar.suggested == "6.3"


def test_unknown_id_with_unrelated_text_stays_unknown() -> None:
    ar = aligned([row("10.1", "Example Homes runs a garden competition every summer for residents.")]).rows[0]
    assert ar.provisions == () and ar.method == "none" and ar.suggested is None


def test_row_without_number_is_aligned_by_clear_text_without_misnumbering() -> None:
    ar = aligned([row("", wording("2024", "6.14"))]).rows[0]
    assert ar.provisions == ("6.14",) and ar.method == "text" and ar.suggested is None


def test_text_score_reports_fit_with_the_printed_number() -> None:
    code = get_version("2024")
    assert text_score(code, wording("2024", "6.3"), "6.3") >= 95
    assert text_score(code, wording("2024", "9.1"), "6.3") < 60
    assert text_score(code, "anything", "10.1") is None


def test_aligned_rows_keep_the_fit_with_their_printed_number() -> None:
    """``printed_score`` is ``text_score`` kept from alignment, so a finding never recomputes it."""
    code = get_version("2024")
    rows = [
        row("6.3", wording("2024", "9.1"), n=1),  # misnumbered: the text is 9.1's
        row("6.4", wording("2024", "6.4"), n=2),
        row("10.1", "A requirement Example Homes made up for its own form.", n=3),
        row("", wording("2024", "6.14"), n=4),
    ]
    for ar in aligned(rows).rows:
        assert ar.printed_score == text_score(code, ar.row.requirement, ar.row.provision), ar.row.provision
    assert aligned(rows).rows[0].suggested == "9.1"


# --------------------------------------------------------------------------- duplicates and split rows


def test_same_provision_twice_is_a_duplicate() -> None:
    rows = full_rows("2024")
    i = next(i for i, r in enumerate(rows) if r.provision == "6.3")
    rows.insert(i + 3, row("6.3", wording("2024", "6.3"), answer="partial", n=99))
    result = aligned(rows)
    dup = [ar for ar in result.rows if ar.duplicate_of is not None]
    assert len(dup) == 1 and dup[0].row.location.row == 99
    assert result.rows[dup[0].duplicate_of].row.provision == "6.3"


def test_adjacent_repeat_with_full_text_and_answers_is_a_duplicate_not_a_split() -> None:
    text = wording("2024", "6.3")
    result = aligned([row("6.3", text, n=1), row("6.3", text, answer="no", n=2)])
    assert len(result.rows) == 2 and result.rows[1].duplicate_of == 0


def test_requirement_split_over_two_rows_is_one_provision() -> None:
    text = wording("2024", "6.14")
    cut = len(text) // 2
    head = row("6.14", text[:cut], n=1)
    tail = row("", text[cut:], answer="blank", n=2)
    result = aligned([head, tail])
    assert len(result.rows) == 1
    merged = result.rows[0]
    assert merged.provisions == ("6.14",) and merged.duplicate_of is None and merged.row.stitched
    assert merged.row.requirement.replace(" ", "") == text.replace(" ", "")
    assert merged.row.answer == "yes"


def test_split_with_repeated_number_is_one_provision() -> None:
    text = wording("2024", "5.8")
    cut = len(text) // 2
    result = aligned([row("5.8", text[:cut], n=1), row("5.8", text[cut:], answer="blank", n=2)])
    assert len(result.rows) == 1 and result.rows[0].duplicate_of is None


def test_split_rows_do_not_modify_the_document() -> None:
    text = wording("2024", "6.14")
    rows = [row("6.14", text[:50], n=1), row("", text[50:], answer="blank", n=2)]
    document = doc(rows)
    align_document(document, get_version("2024"), VersionDetection("2024", 1.0))
    assert len(document.rows) == 2 and document.rows[0].requirement == text[:50]


# --------------------------------------------------------------------------- document date


def test_document_date_is_the_forms_own() -> None:
    result = aligned(full_rows("2024"), text=["Self-assessment undertaken in June 2024."])
    assert result.document_date == "2024-06-01"


def test_a_date_of_the_code_is_not_the_forms_date() -> None:
    result = aligned(full_rows("2024"), text=["The Code came into force on 1 April 2024."])
    assert result.document_date is None


def test_unnumbered_row_with_another_provisions_text_is_not_a_continuation() -> None:
    # a blank form (answers empty): the number of the second row was lost, its text is 9.1's
    rows = [
        row("6.3", wording("2024", "6.3"), answer="blank", n=1),
        row("", wording("2024", "9.1"), "blank", 2),
    ]
    result = aligned(rows)
    assert [ar.provisions for ar in result.rows] == [("6.3",), ("9.1",)]
    assert result.rows[1].method == "text"


def test_unnumbered_short_tail_on_a_blank_form_is_a_continuation() -> None:
    text = wording("2024", "8.1")
    rows = [row("8.1", text[:-60], answer="blank", n=1), row("", text[-60:], answer="blank", n=2)]
    result = aligned(rows)
    assert len(result.rows) == 1 and result.rows[0].provisions == ("8.1",)


def test_pasted_copy_with_the_same_number_is_a_duplicate_even_if_unanswered() -> None:
    text = wording("2024", "6.3")
    result = aligned([row("6.3", text, n=1), row("6.3", text, answer="blank", n=2)])
    assert len(result.rows) == 2 and result.rows[1].duplicate_of == 0


def test_short_head_and_long_tail_with_the_same_number_are_one_row() -> None:
    words = wording("2024", "6.3").split()
    head, tail = " ".join(words[:3]), " ".join(words[3:])
    result = aligned([row("6.3", head, n=1), row("6.3", tail, answer="blank", n=2)])
    assert len(result.rows) == 1 and result.rows[0].duplicate_of is None


def test_swap_involving_a_provision_the_form_gives_two_rows() -> None:
    rows = full_rows("joint")
    i = next(k for k, r in enumerate(rows) if r.provision == "6.19")
    j = next(k for k, r in enumerate(rows) if r.provision == "1.3")
    rows[i], rows[j] = (
        row("1.3", rows[i].requirement, n=rows[i].location.row),
        row("6.19", rows[j].requirement, n=rows[j].location.row),
    )
    result = aligned(rows, "joint")
    assert result.missing == [] and all(ar.duplicate_of is None for ar in result.rows)
    assert sorted(ar.suggested for ar in result.rows if ar.suggested) == ["1.3", "6.19"]


# --------------------------------------------------------------------------- properties

FORM_2024 = full_rows("2024")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(range(len(FORM_2024))), unique=True, min_size=1),
    st.randoms(use_true_random=False),
)
def test_any_subset_in_any_order_aligns_by_number(picked: list[int], rnd) -> None:
    rows = [FORM_2024[i] for i in picked]
    rnd.shuffle(rows)
    result = aligned(rows)
    kept = {r.provision for r in rows}
    assert [ar.row for ar in result.rows] == rows  # one aligned row per row, document order, untouched
    assert all(ar.provisions == (ar.row.provision,) and ar.suggested is None for ar in result.rows)
    assert all(ar.duplicate_of is None for ar in result.rows)
    assert result.missing == [pid for pid in expected_ids(get_version("2024")) if pid not in kept]


def test_whole_code_searches_are_bounded_per_document(monkeypatch: pytest.MonkeyPatch) -> None:
    import codecheck.align as align_mod

    calls = []
    real = align_mod._Wordings.ranked
    monkeypatch.setattr(align_mod._Wordings, "ranked", lambda self, *a: calls.append(1) or real(self, *a))
    monkeypatch.setattr(align_mod, "MAX_SEARCHES", 3)
    rows = [row("6.3", wording("2024", "9.1"), n=i) for i in range(10)]  # ten doubtful rows
    result = aligned(rows)
    assert len(calls) == 3
    assert sum(1 for ar in result.rows if ar.suggested) <= 3
    assert all(ar.provisions for ar in result.rows)  # the rest keep their number
