"""The cell-text budget both readers share: cut cells, bounded merged-cell repeats, one wording."""

from __future__ import annotations

from codecheck.limits import CARRY_CELLS, Limits
from codecheck.readers.cell_budget import CellBudget


def test_clip_cuts_long_cells_and_counts_a_repeat_once() -> None:
    budget = CellBudget(Limits(max_cell_chars=10))
    assert budget.clip("short") == "short"
    assert budget.clip("x" * 25) == "x" * 10
    assert budget.clip("y" * 25, repeat=True) == "y" * 10  # the lower part of a merged cell
    assert budget.truncated == 1
    assert [n.kind for n in budget.notes()] == ["cells-truncated"]
    assert budget.notes()[0].message == "1 cell(s) truncated at 10 characters"


def test_carry_spends_the_document_budget_then_refuses() -> None:
    budget = CellBudget(Limits(max_cell_chars=10))
    text = "z" * 10
    assert all(budget.carry(text) for _ in range(CARRY_CELLS))  # exactly CARRY_CELLS cells' worth
    assert not budget.carry(text) and not budget.carry("a")
    assert budget.uncarried == 2 and budget.carried == CARRY_CELLS * 10
    note = budget.notes()[-1]
    assert note.kind == "merged-text-dropped"
    assert note.message.startswith("2 vertically merged cell continuation(s) read as empty")


def test_no_notes_when_nothing_was_bounded() -> None:
    budget = CellBudget(Limits())
    budget.clip("a cell")
    budget.carry("a cell")
    assert budget.notes() == []
