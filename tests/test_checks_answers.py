"""CC105 missing-answer and CC107 no-without-explanation: what a case file cannot say (the row cases
are in rules/CC105-missing-answer/cases.yaml and rules/CC107-no-without-explanation/cases.yaml)."""

from __future__ import annotations

from content_fixtures import make_doc, make_row, run, run_one

# --------------------------------------------------------------------------- CC105


def test_row_without_any_id_is_left_to_structure_rules() -> None:
    rows = [make_row("1.2", commentary="Covered by our policy.", n=1), make_row("1.3", commentary="Ok.", n=2)]
    stray = make_row("1.4", answer="blank", commentary="c. the decision on the complaint", n=3)
    stray.provision = ""
    assert run("missing-answer", make_doc([*rows, stray])) == []


# --------------------------------------------------------------------------- CC107


def test_2022_should_rows_need_no_explanation() -> None:
    from codecheck.codes import get_version

    code = get_version("2022")
    must = next(p.id for p in code.provisions if p.obligation == "must" and p.on_form)
    should = next(p.id for p in code.provisions if p.obligation == "should" and p.on_form)
    assert len(run_one("no-without-explanation", must, version="2022", answer="no")) == 1
    assert run_one("no-without-explanation", should, version="2022", answer="no") == []

