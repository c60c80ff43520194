"""Row-level helpers the content checks share: which text to read, which provision a row speaks for.

Kept beside the text analysis (not in a check module) so that every check reads a row the same way:
commentary first, then evidence, each cleaned, separated by a line break so that a sentence never runs
from one cell into the other.
"""

from __future__ import annotations

from codecheck.model import AlignedDocument, AlignedRow, Provision, Row
from codecheck.text.normalize import clean, snippet


def row_text(arow: AlignedRow) -> str:
    """Cleaned commentary and evidence of a row, one per line (empty cells left out)."""
    parts = [clean(arow.row.commentary), clean(arow.row.evidence)]
    return "\n".join(p for p in parts if p)


def provision_label(arow: AlignedRow) -> str | None:
    """The provision id a finding on this row is reported under: the Code id, else the printed id."""
    return arow.provision or (arow.row.provision or None)


def row_provisions(aligned: AlignedDocument, arow: AlignedRow) -> list[Provision]:
    """The Code provisions the row speaks for (none when the row could not be aligned)."""
    out = []
    for pid in arow.provisions:
        p = aligned.code.provision(pid)
        if p is not None:
            out.append(p)
    return out


def answer_phrase(row: Row) -> str:
    """How a message names the answer: '"Partial (In progress)"', or 'Yes (ticked)' for a tick."""
    printed = " ".join(row.answer_text.split())
    name = {"yes": "Yes", "no": "No", "partial": "Partial", "na": "N/A", "blank": "blank"}[row.answer]
    if printed.lower() == "tick" or row.answer_source in ("tick", "checkbox"):
        return f"{name} (ticked)"
    return f'"{printed}"' if printed else f'"{name}"'


def provision_ref(aligned: AlignedDocument, pid: str | None) -> str:
    """ "the 2024 Code (6.3)" — how a message cites the standard (the version's ``facts.cited_as``)."""
    where = f" ({pid})" if pid else ""
    return f"{aligned.code.facts.cited_as or f'the {aligned.code.id} Code'}{where}"


def shorten(text: str, limit: int = 120) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis (a requirement in a snippet)."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def one_line(text: str) -> str:
    """Document words embedded in a message: on one line, whatever cell boundaries they crossed."""
    return " ".join(text.split())


def quote(text: str, start: int, end: int) -> str:
    """The triggering words with a little context, for ``Hit.snippet``."""
    return one_line(snippet(text, start, end))
