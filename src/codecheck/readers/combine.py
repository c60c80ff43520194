"""Several files of one landlord read as one form.

Landlords often publish their self-assessment as one web page per Code section (or a workbook and
a page, or a form split over several PDFs). ``read_as_one`` reads each file with ``read_document``
in the order given and joins them into one ``Document``: rows concatenated in that order, every
row's location keeping its file's name, notes prefixed with it, loose text joined (so the version is
detected from the whole form). A file that is readable but holds no self-assessment (an index page
that only introduces the form) is passed over with a note, while a damaged or refused file fails the
whole form, as it would alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from codecheck.errors import NoAssessmentError
from codecheck.limits import Limits
from codecheck.model import SKIPPED_FILE, Document, ReaderNote


def _names(paths: Sequence[Path]) -> list[str]:
    """Each file's name, or its path as given where two files share a name."""
    names = [p.name for p in paths]
    return [str(p) if names.count(p.name) > 1 else p.name for p in paths]


def read_as_one(paths: Sequence[Path], limits: Limits | None = None, label: Path | None = None) -> Document:
    """Read ``paths`` (in this order) as one self-assessment; ``label`` is the joined document's path
    (default: the first file). Raises ``InputError`` as ``read_document`` does for any file that
    cannot be read, and ``NoAssessmentError`` when none of them holds a self-assessment."""
    from codecheck.readers import read_document

    paths = [Path(p) for p in paths]
    if not paths:
        raise ValueError("read_as_one needs at least one file")
    names = _names(paths)
    docs: list[tuple[str, Document]] = []
    notes: list[ReaderNote] = []
    rows = []
    text: list[str] = []
    for path, name in zip(paths, names, strict=True):
        try:
            doc = read_document(path, limits)
        except NoAssessmentError as exc:
            why = f"{name}: {exc.message}; no rows read from this file"
            notes.append(ReaderNote(SKIPPED_FILE, why, position=len(rows)))
            continue
        offset = len(rows)
        for row in doc.rows:
            row.location = replace(row.location, file=name)
            rows.append(row)
        for note in doc.notes:
            where = replace(note.location, file=name) if note.location is not None else None
            position = offset + note.position if note.position is not None else None
            notes.append(ReaderNote(note.kind, f"{name}: {note.message}", where, position))
        text.extend(doc.text)
        docs.append((name, doc))
    if not docs:
        raise NoAssessmentError(
            f"none of the {len(paths)} file(s) read as one form holds a self-assessment table or "
            "labelled blocks",
            label or paths[0],
        )
    formats = {doc.format for _, doc in docs}
    listed = ", ".join(name for name, _ in docs)
    pages = [doc.pages for _, doc in docs]
    return Document(
        path=label or paths[0],
        format=formats.pop() if len(formats) == 1 else "mixed",
        rows=rows,
        text=text,
        title=next((doc.title for _, doc in docs if doc.title), None),
        pages=sum(p for p in pages if p is not None) if all(p is not None for p in pages) else None,
        notes=[ReaderNote("files-combined", f"{len(docs)} file(s) read as one form: {listed}"), *notes],
        tracked_changes=sum(doc.tracked_changes for _, doc in docs),
    )
