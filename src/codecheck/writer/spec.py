"""What a form to be written contains, independent of Word.

`template` builds a blank spec from a Code version; `migrate` builds a filled one from an old
self-assessment. Both hand it to `writer.docx_form.render_form`, so the two commands always produce
the same kind of document and the reader only has to understand one writer's output.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from codecheck.writer.layout import FormLayout


@dataclass
class FormEntry:
    """One form row: the printed id, the Code's wording, and what the landlord says (may be blank).

    ``notes`` are reviewer notes written by codecheck (carried over from …, new provision …): the DOCX
    writer makes them a Word comment on the provision number, never text in the answer cells, so
    nothing reading the form can take them for the landlord's answer or commentary.
    """

    printed_id: str
    requirement: str
    answer: str = ""
    evidence: str = ""
    commentary: str = ""
    notes: list[str] = field(default_factory=list)
    flagged: bool = False  # needs the landlord's attention (new provision, conflicting answers …)


@dataclass
class FormTable:
    """One table of the form, under a heading paragraph (and an optional sub-heading paragraph)."""

    heading: str
    entries: list[FormEntry]
    subheading: str | None = None


@dataclass
class AppendixEntry:
    """Something the landlord wrote that has no place in the new form (a removed provision …)."""

    source_id: str  # "2022 5.18"
    wording: str
    answer: str
    text: str  # the landlord's evidence and commentary, joined
    reason: str


@dataclass
class FormSpec:
    title: str
    layout: FormLayout
    intro: list[str]
    tables: list[FormTable]
    appendix_title: str | None = None
    appendix_intro: list[str] = field(default_factory=list)
    appendix: list[AppendixEntry] = field(default_factory=list)
    subject: str = ""  # DOCX core property: says which Code version and tool wrote the file
