"""Load, compile and cache in this process what auditing any document needs, before workers fork.

A batch audits each document in a child forked from this process (``codecheck.batch``,
``codecheck.budget``). What this process has loaded when it forks, every child has from the start
and shares copy-on-write; what it has not, every child loads again, once per document: the readers'
libraries, the Code versions and the fuzzy-matching form of their wordings, and the rules' patterns,
which the checks compile on first use (about half the time of a small DOCX audit). ``prepare``
loads all of that here, once: the readers the batch's files need, then an audit of a made-up form
written from the Code's own provisions (trusted data: no document is read in this process).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from importlib import import_module
from itertools import cycle
from pathlib import Path
from typing import Any

from codecheck.model import Answer, CodeVersion, Document, Location, Row

# Commentary for the made-up form: generic sentences that take the checks down their usual paths
# (timescales, stages, dates, evidence, answers in the commentary), so their patterns get compiled.
_COMMENTARY = (
    "We respond to stage 1 complaints within 10 working days of acknowledging them.",
    "Not yet in place: the revised policy will be adopted by March 2026.",
    "We do not have a stage 0 or an informal stage; see the complaints policy, section 4.",
    "Partially met. Stage 2 responses take 20 working days; extensions are agreed with the resident.",
    "Yes. The policy is published on our website and reviewed by the board each year.",
)
_ANSWERS: tuple[Answer, ...] = ("yes", "partial", "no", "yes", "blank")
# What reading each format imports on first use (the readers import their libraries lazily, so that
# a one-document run of the other format does not pay for them).
_HTML_MODULES = ("codecheck.readers.sniff", "lxml.html", "codecheck.readers.html")
_XLSX_MODULES = (
    "codecheck.readers.sniff",
    "codecheck.readers.zip_directory",
    "openpyxl",
    "codecheck.readers.xlsx",
)
_READER_MODULES = {
    ".docx": (
        "codecheck.readers.sniff",
        "codecheck.readers.zip_directory",
        "lxml.etree",
        "codecheck.readers.docx",
    ),
    ".pdf": (
        "codecheck.readers.sniff",
        "pdfplumber",
        "codecheck.readers.pdf",
        "codecheck.readers.pdf_stitch",
        "codecheck.readers.pdf_tables",
        "codecheck.readers.pdf_text",
    ),
    ".html": _HTML_MODULES,
    ".htm": _HTML_MODULES,
    ".xlsx": _XLSX_MODULES,
    ".xlsm": _XLSX_MODULES,
}


def prepare(suffixes: Iterable[str], config: Any) -> None:
    """Load the readers for these file suffixes and everything an audit under ``config`` uses.

    An optimisation only: whatever fails here (a broken rules file, say) is left for each document's
    own audit to report.
    """
    wanted = {s.lower() for s in suffixes}
    for suffix, modules in _READER_MODULES.items():
        if suffix in wanted:
            for module in modules:
                import_module(module)
    if ".pdf" in wanted:
        from codecheck.readers import pdf_guard

        pdf_guard.install()
    with contextlib.suppress(Exception):
        from codecheck.align import wordings_for
        from codecheck.api import audit_document
        from codecheck.codes import list_versions

        versions = list_versions()
        for version in versions:
            wordings_for(version)
        audit_document(made_up_form(versions[-1]), config=config)


def made_up_form(version: CodeVersion) -> Document:
    """A form answering every provision of ``version`` in its own words, with generic commentary."""
    rows = [
        Row(
            provision=p.id,
            requirement=p.form_wording,
            answer=answer,
            answer_text="" if answer == "blank" else answer.capitalize(),
            evidence="Complaints policy",
            commentary=comment,
            location=Location(table=1, row=i),
        )
        for i, (p, answer, comment) in enumerate(
            zip(version.provisions, cycle(_ANSWERS), cycle(_COMMENTARY)), start=1
        )
    ]
    return Document(path=Path("made-up-form.docx"), format="docx", rows=rows, text=[version.title])
