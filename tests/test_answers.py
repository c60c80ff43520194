"""Answer vocabulary: printed answers, ticks and boxes, and answers written into the commentary."""

from __future__ import annotations

import pytest

from codecheck.readers.answers import (
    glyph_state,
    map_private_glyphs,
    normalise_answer,
    split_answer_columns,
    symbol_glyph,
)


@pytest.mark.parametrize(
    ("printed", "answer"),
    [
        ("Yes", "yes"),
        ("Yes ", "yes"),
        ("Yes – see policy", "yes"),
        ("Compliant", "yes"),
        ("Fully compliant", "yes"),
        ("Partially compliant", "partial"),
        ("Partial (In Progress)", "partial"),
        ("Partial - (In progress)", "partial"),
        ("Partial (In-Progress)", "partial"),
        ("In progress", "partial"),
        ("No", "no"),
        ("No ", "no"),
        ("Non-compliant", "no"),
        ("Not compliant", "no"),
        ("Not applicable", "na"),
        ("N/A", "na"),
        ("n/a", "na"),
        ("NA", "na"),
    ],
)
def test_printed_answers(printed: str, answer: str) -> None:
    reading = normalise_answer(printed)
    assert reading.answer == answer
    assert reading.text == " ".join(printed.split())  # the printed text is kept
    assert reading.source == "comply"


@pytest.mark.parametrize("glyph", ["✓", "✔", "☑", "\uf0fc", "\uf0b7\uf0fc"])
def test_ticks_are_yes_with_text_tick(glyph: str) -> None:
    reading = normalise_answer(glyph)
    assert (reading.answer, reading.text, reading.source) == ("yes", "tick", "tick")


def test_cross_in_a_single_comply_column_means_no() -> None:
    assert normalise_answer("✗").answer == "no"
    assert normalise_answer("☒").answer == "no"


def test_empty_box_and_unchecked_checkbox_are_blank() -> None:
    assert normalise_answer("☐").answer == "blank"
    assert normalise_answer("", checked=False).answer == "blank"
    assert normalise_answer("", checked=True).answer == "yes"


def test_blank_cell_is_blank_with_empty_text() -> None:
    reading = normalise_answer("   ")
    assert (reading.answer, reading.text) == ("blank", "")


def test_unfilled_template_choice_is_blank() -> None:
    assert normalise_answer("Yes / No").answer == "blank"


def test_unrecognised_text_is_blank_with_low_confidence_and_kept() -> None:
    reading = normalise_answer("See commentary")
    assert reading.answer == "blank"
    assert reading.text == "See commentary"
    assert reading.confidence < 0.5


@pytest.mark.parametrize(
    ("commentary", "answer", "text"),
    [
        ("Yes. Our policy sets out the definition.", "yes", "Yes"),
        ("No – we are reviewing this by March 2026.", "no", "No"),
        ("Partially: the website is being updated.", "partial", "Partially"),
        ("N/A, we have no stage 2 panel.", "na", "N/A"),
    ],
)
def test_answer_written_into_commentary(commentary: str, answer: str, text: str) -> None:
    reading = normalise_answer("", None, commentary)
    assert (reading.answer, reading.text, reading.source) == (answer, text, "commentary")


def test_commentary_starting_with_no_as_a_word_is_not_an_answer() -> None:
    assert normalise_answer("", None, "No complaints are refused on these grounds.").answer == "blank"
    assert normalise_answer("", None, "Yesterday's review confirmed it.").answer == "blank"


def test_comply_cell_wins_over_commentary() -> None:
    assert normalise_answer("Partial", None, "Yes. We do this.").answer == "partial"


@pytest.mark.parametrize(
    ("font", "char", "glyph"),
    [
        ("Wingdings", "F0FC", "✓"),
        ("Wingdings", "FC", "✓"),
        ("Wingdings", "F0FE", "☑"),
        ("Wingdings", "F0FB", "✗"),
        ("Wingdings 2", "F050", "✓"),
        ("Wingdings 2", "F052", "☑"),
        ("Wingdings 2", "F053", "☒"),
        ("Wingdings 2", "F054", "☒"),
        ("Symbol", "F0B7", None),  # a bullet, not a tick
        ("Arial", "F0FC", None),
        ("Wingdings", "zz", None),
    ],
)
def test_symbol_font_mapping(font: str, char: str, glyph: str | None) -> None:
    assert symbol_glyph(font, char) == glyph


def test_private_use_bullets_are_dropped_and_ticks_mapped() -> None:
    assert map_private_glyphs("\uf0b7 item") == " item"
    assert map_private_glyphs("\uf0fc") == "✓"
    assert map_private_glyphs("plain") == "plain"


def test_glyph_state() -> None:
    assert glyph_state("✓") is True
    assert glyph_state("☐") is False
    assert glyph_state("Yes") is None


def test_split_answer_columns() -> None:
    assert split_answer_columns({"yes": ("✓", True), "no": ("", None)}).answer == "yes"
    assert split_answer_columns({"yes": ("", None), "no": ("X", None)}).answer == "no"
    assert split_answer_columns({"yes": ("☐", False), "no": ("☐", False)}).answer == "blank"
    both = split_answer_columns({"yes": ("✓", True), "no": ("✓", True)})
    assert both.answer == "blank" and both.confidence < 0.5


@pytest.mark.parametrize(
    ("printed", "answer", "text"),
    [
        ("☒ Yes ☐ No", "yes", "Yes"),  # Word shows a checked checkbox as ☒: here it means selected
        ("☐ Yes ☒ No", "no", "No"),
        ("Yes ☐ No ☑", "no", "No"),
        ("☐ Yes ☐ Partial ☑ No", "no", "No"),
        ("☐ Yes ☐ No", "blank", ""),
    ],
)
def test_labelled_boxes_in_one_cell(printed: str, answer: str, text: str) -> None:
    reading = normalise_answer(printed)
    assert (reading.answer, reading.text, reading.source) == (answer, text, "checkbox")


def test_two_labelled_boxes_marked_is_contradictory() -> None:
    reading = normalise_answer("☑ Yes ☑ No")
    assert reading.answer == "blank" and reading.confidence < 0.5


@pytest.mark.parametrize(
    ("printed", "answer"),
    [
        ("Not fully compliant", "partial"),
        ("Yes – partially", "partial"),
        ("Yes (partial)", "partial"),
        ("Yes - see partial list of documents", "yes"),
        ("Met", "yes"),
        ("Partially met", "partial"),
        ("Not met", "no"),
    ],
)
def test_qualified_answers(printed: str, answer: str) -> None:
    assert normalise_answer(printed).answer == answer
