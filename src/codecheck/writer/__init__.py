"""Writes self-assessment forms as DOCX: the blank form of a Code version (`codecheck template`) and a
form carried over from an older version (`codecheck migrate`). One writer for both keeps their
output identical in shape, so codecheck's reader only has one kind of generated form to understand.
"""

from __future__ import annotations

from codecheck.writer.build import blank_spec
from codecheck.writer.comments import NOTE_AUTHOR
from codecheck.writer.docx_form import NOTE_STYLE, render_form
from codecheck.writer.layout import FormLayout, layout_for
from codecheck.writer.spec import AppendixEntry, FormEntry, FormSpec, FormTable

__all__ = [
    "NOTE_AUTHOR",
    "NOTE_STYLE",
    "AppendixEntry",
    "FormEntry",
    "FormLayout",
    "FormSpec",
    "FormTable",
    "blank_spec",
    "layout_for",
    "render_form",
]
