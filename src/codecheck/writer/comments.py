"""Word comments by "codecheck": what `migrate` (review notes on a carried-over form) and
`audit --annotate` (findings on the officer's own form) both write.

A comment sits in Word's margin, the officer resolves it the usual way, it never prints in a published
PDF, and no reader takes it for the landlord's commentary (codecheck's own reader drops comments).
Comments need python-docx 1.2 or later (``Document.add_comment``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

NOTE_AUTHOR = "codecheck"
NOTE_INITIALS = "CC"

# XML 1.0 cannot hold C0 control characters other than TAB, LF and CR (lxml refuses them); document
# text from an old form may contain them, so they are dropped before writing.
_XML_INVALID = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(text: str) -> str:
    return _XML_INVALID.sub("", text)


def can_comment(document: Any) -> bool:
    """Whether this python-docx can write Word comments."""
    return hasattr(document, "add_comment")


def add_comment(document: Any, runs: Sequence[Any], paragraphs: Sequence[str]) -> Any:
    """One comment by codecheck over ``runs`` (the first to the last), one paragraph per item."""
    texts = [xml_safe(t) for t in paragraphs if t and t.strip()] or [""]
    comment = document.add_comment(list(runs), text=texts[0], author=NOTE_AUTHOR, initials=NOTE_INITIALS)
    for text in texts[1:]:
        comment.add_paragraph(text)
    return comment
