"""Numbers written as officers write them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from codecheck.text.numbers import ordinal_or_number, parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("10", 10),
        ("ten", 10),
        ("Twenty", 20),
        ("twenty-one", 21),
        ("twenty one", 21),
        ("five (5)", 5),
        ("5 (five)", 5),
        ("thirty", 30),
        ("fifteen", 15),
    ],
)
def test_parse_number(text: str, value: int) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["", "many", "a few", "tenth-floor"])
def test_not_a_number(text: str) -> None:
    assert parse_number(text) is None


def test_stage_ordinals() -> None:
    assert ordinal_or_number("first") == 1
    assert ordinal_or_number("second") == 2
    assert ordinal_or_number("zero") == 0
    assert ordinal_or_number("3") == 3


@given(st.integers(min_value=0, max_value=9999))
def test_digits_round_trip(n: int) -> None:
    assert parse_number(str(n)) == n
