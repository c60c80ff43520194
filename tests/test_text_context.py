"""Negation, quotation, describing-the-Code detection and sentence splitting (the helpers a user's own
``text-pattern`` rules use; the built-in content rules read commentary with ``codecheck.statements``)."""

from __future__ import annotations

from codecheck.text.context import describes_code, in_quotation, is_negated, quotes_requirement
from codecheck.text.normalize import clean, is_blank
from codecheck.text.sentences import clause_at, sentences

# cue lists as a user's rule file would give them
P = {
    "negation_before": [
        r"\b(?:not|no|never|nor|without|neither)\b",
        r"\b(?:rather than|instead of|no longer|removed|abolished|former|previous)\b",
    ],
    "negation_after": [
        r"^(?:\w+\s+){0,3}(?:is|are|was|were|has been|have been)\s+(?:not|removed|abolished)\b"
    ],
    "negation_window": 8,
    "code_cues": [r"\b(?:the|this)\s+code\b"],
}


def _neg(text: str, phrase: str) -> bool:
    text = clean(text)
    i = text.lower().index(phrase)
    return is_negated(
        text, i, i + len(phrase), P["negation_before"], P["negation_after"], P["negation_window"]
    )


def test_negations() -> None:
    assert _neg("Example Homes does not have a stage 0.", "stage 0")
    assert _neg("We have no informal stage.", "informal stage")
    assert _neg("We use a two-stage process rather than a stage 3 review.", "stage 3")
    assert _neg("The former stage 3 panel has been removed.", "stage 3")
    assert not _neg("We operate a stage 0 triage step.", "stage 0")
    # a negation in another sentence does not leak
    assert not _neg("We do not charge residents. A stage 3 panel hears appeals.", "stage 3")


def test_quotation() -> None:
    text = clean('Our leaflet says "complaints go to a stage 3 panel" which we withdrew.')
    assert in_quotation(text, text.index("stage 3"))
    assert not in_quotation(text, text.index("withdrew"))
    text = clean("Our old leaflet said \u2018appeal to a stage 3 panel\u2019 until 2023.")
    assert in_quotation(text, text.index("stage 3"))
    assert not in_quotation(text, text.index("until"))
    text = clean("The landlord's stage 3 panel and the residents' forum")  # apostrophes, no quotation
    assert not in_quotation(text, text.index("stage 3"))


def test_describes_code() -> None:
    text = "The Code does not allow a third stage, so we have two."
    assert describes_code(text, text.index("third"), P["code_cues"])
    text = "Example Homes runs a third stage panel."
    assert not describes_code(text, text.index("third"), P["code_cues"])


def test_quotes_requirement() -> None:
    req = (
        "Landlords must issue a full response to stage 1 complaints within 10 working days of the complaint "
        "being acknowledged."
    )
    assert quotes_requirement(
        "Landlords must issue a full response to stage 1 complaints within 10 working days", req, 92
    )
    assert not quotes_requirement("We reply within 20 working days to all complaints we get", req, 92)


def test_sentences_split_run_on_cells() -> None:
    text = (
        "This is covered in our policy. We respond within 10 working days e.g. by letter This is monitored "
        "monthly"
    )
    parts = [s.text for s in sentences(text)]
    assert parts == [
        "This is covered in our policy.",
        "We respond within 10 working days e.g. by letter",
        "This is monitored monthly",
    ]


def test_clause() -> None:
    text = "We have two stages, but a stage 0 exists for repairs."
    assert clause_at(text, text.index("stage 0")).text.startswith("a stage 0")


def test_clean_and_blank() -> None:
    assert clean("\u201cYes\u201d\u00a0\u2013 done\u2022") == '"Yes" - done'
    assert is_blank(" \u2022 - ")
    assert not is_blank("N/A")


def test_bad_pattern_is_a_rule_definition_error() -> None:
    import pytest

    from codecheck.errors import RuleDefinitionError
    from codecheck.text.context import compile_any

    with pytest.raises(RuleDefinitionError, match="invalid pattern"):
        compile_any(["(unclosed"])
    with pytest.raises(RuleDefinitionError):
        compile_any([3])
