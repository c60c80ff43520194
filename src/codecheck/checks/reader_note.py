"""CC118 reader-note: text of the document the reader could not read into any row.

Every finding rests on the rows the reader extracted. A reader that cannot place text in a row (a
table row without a provision number, labelled fields with no number above them, a cell cut at the
size limit, a table nested too deep, a scanned page, a file of a multi-file form that holds no
self-assessment) says so in a ``ReaderNote`` whose kind means lost text (``ReaderNote.lost_text``);
this rule turns each such note into a finding at the note's place, so that the report never hides
text the audit did not see. Notes on how the document was read (stitched rows, tracked changes,
tables that are not the form) are not findings.

Spec, parameters and pass/fail cases: ``rules/CC118-reader-note/``.
"""

from __future__ import annotations

from collections.abc import Iterator

from codecheck.engine.context import CheckContext, Hit, RuleParams


def check(ctx: CheckContext, params: RuleParams) -> Iterator[Hit]:
    """One document-level finding per note about text that reached no row, at the note's place."""
    for note in ctx.aligned.document.notes:
        if not note.lost_text:
            continue
        yield Hit(
            provision=None,
            message=f"The reader could not place this in a row: {note.message}; check the document there",
            location=note.location,
        )
