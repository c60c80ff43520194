"""The bounds on cell text that every reader applies the same way, with the notes that say so.

A cell's own text is cut at ``Limits.max_cell_chars``; the text a vertically merged cell repeats into
the rows below it is bounded, across the whole document, to ``CARRY_CELLS`` cells' worth. DOCX and
PDF readers meet these cells at different moments (the DOCX reader while it walks the XML, the PDF
reader once its tables are stitched), so each calls one ``CellBudget`` where it meets them; the
arithmetic and the notes are written here once.
"""

from __future__ import annotations

from codecheck.limits import CARRY_CELLS, Limits
from codecheck.model import CELLS_TRUNCATED, MERGED_TEXT_DROPPED, ReaderNote


class CellBudget:
    """One document's cell-text budget: what was cut, and how much merged text was repeated."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.carry_limit = CARRY_CELLS * limits.max_cell_chars
        self.truncated = 0  # cells whose text was cut
        self.carried = 0  # characters repeated into the lower parts of merged cells
        self.uncarried = 0  # repeats read as empty once the budget was spent

    def clip(self, text: str, *, repeat: bool = False) -> str:
        """``text`` cut at ``max_cell_chars``; a merged cell's repeat (``repeat``) is not counted again."""
        if len(text) <= self.limits.max_cell_chars:
            return text
        self.truncated += not repeat
        return text[: self.limits.max_cell_chars]

    def carry(self, text: str) -> bool:
        """Whether ``text`` may be repeated into one more row a merged cell covers (and spend it)."""
        if self.carried + len(text) > self.carry_limit:
            self.uncarried += 1
            return False
        self.carried += len(text)
        return True

    def notes(self) -> list[ReaderNote]:
        out = []
        if self.truncated:
            out.append(
                ReaderNote(
                    CELLS_TRUNCATED,
                    f"{self.truncated} cell(s) truncated at {self.limits.max_cell_chars} characters",
                )
            )
        if self.uncarried:
            out.append(
                ReaderNote(
                    MERGED_TEXT_DROPPED,
                    f"{self.uncarried} vertically merged cell continuation(s) read as empty: merged text "
                    f"repeated beyond {self.carry_limit} characters",
                )
            )
        return out
