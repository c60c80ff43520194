"""Untrusted text made safe for a terminal, and codecheck's one-line messages on standard error.

Document text (commentary, evidence, file names) is hostile until cleaned: a control character or an
ANSI escape sequence in a cell must never drive the user's terminal or a CI log. Every renderer (the
reports, the diff, the batch runner's warnings, the CLI) cleans text with these functions, so they
live below all of them; the CLI only decides when to print.
"""

from __future__ import annotations

import re
import sys

# C0 and C1 control characters except TAB and LF, plus the escape-sequence introducer: document text
# must never drive the user's terminal.
# Bidirectional-text controls (embeddings, overrides, isolates, marks) are stripped too: a right-to-left
# override in a cell can make a terminal line or an HTML report read differently from what it holds
# (the "Trojan Source" trick).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?")


def safe_text(text: str) -> str:
    """Remove ANSI escape sequences, control and bidirectional-control characters from untrusted text."""
    return _CONTROL.sub("", _ANSI.sub("", text))


def one_line(text: str) -> str:
    """Untrusted text on one line, cleaned: for a terminal line, a table cell or a message."""
    return " ".join(safe_text(text).split())


def error_line(message: str) -> None:
    """Print ``codecheck: error: …`` on stderr as exactly one line."""
    sys.stderr.write(f"codecheck: error: {one_line(message)}\n")
    sys.stderr.flush()


def warning_line(message: str) -> None:
    """Print ``codecheck: warning: …`` on stderr as exactly one line."""
    sys.stderr.write(f"codecheck: warning: {one_line(message)}\n")
    sys.stderr.flush()
