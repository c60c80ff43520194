"""Untrusted text made safe for a terminal, and codecheck's one-line messages on standard error.

Document text (commentary, evidence, file names) is hostile until cleaned: a control character or an
ANSI escape sequence in a cell must never drive the user's terminal or a CI log, and a bidirectional
control character must never reorder what the reader sees (a right-to-left override can make
``evil<U+202E>xcod.docx`` display as ``evilcodx.docx``, or a quoted sentence read backwards).
Every renderer (the reports, the diff, the batch runner's warnings, the CLI) cleans text with these
functions, so they live below all of them; the CLI only decides when to print.

File names follow one encoding policy at every output edge (``encodable``): a byte that is not UTF-8
(Python keeps it as a lone surrogate, U+DC80-U+DCFF) is shown as ``\\xNN``, any other lone surrogate
as U+FFFD. No output ever carries the raw byte, so every report encodes as UTF-8 and a non-UTF-8
name cannot fail a whole batch.
"""

from __future__ import annotations

import re
import sys

# C0 and C1 control characters except TAB and LF, plus the escape-sequence introducer: document text
# must never drive the user's terminal.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?")
# Unicode's bidirectional formatting characters (embeddings, overrides, isolates, the LRM/RLM/ALM marks):
# made visible as <U+XXXX> rather than dropped, so that a reviewer sees that the document holds them.
BIDI_CONTROLS = (0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A))
_BIDI_VISIBLE = {code: f"<U+{code:04X}>" for code in BIDI_CONTROLS}

_SURROGATE = re.compile("[\ud800-\udfff]")


def _escape_surrogate(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else "\ufffd"


def encodable(text: str) -> str:
    """``text`` with every lone surrogate replaced (see the module docstring): always valid UTF-8.

    A file name holding a non-UTF-8 byte ``E9`` reads ``caf\\xe9.docx``; the same name always gives
    the same string, so baseline keys and fingerprints stay stable.
    """
    return _SURROGATE.sub(_escape_surrogate, text) if _SURROGATE.search(text) else text


def safe_text(text: str) -> str:
    """Untrusted text for a terminal or log: no escape sequences or control characters, bidirectional
    controls made visible (``<U+202E>``), and nothing that cannot be encoded (lone surrogates escaped,
    as ``encodable``)."""
    return encodable(_CONTROL.sub("", _ANSI.sub("", text)).translate(_BIDI_VISIBLE))


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


def info_line(message: str) -> None:
    """Print one plain line on stderr (``wrote report.html (3 errors)``): what a run did, apart from
    its report on stdout; the CLI leaves these out under ``--quiet``."""
    sys.stderr.write(f"{one_line(message)}\n")
    sys.stderr.flush()
