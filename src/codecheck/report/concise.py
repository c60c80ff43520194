"""The ``concise`` format: one line per finding, for grep, editors' quickfix lists and CI logs.

    form.docx:6.3:table 6 row 4: CC110 error Stage 1 response stated as "20 working days"; ...

Fields are separated by colons as in a compiler's ``path:line:column: message`` (ruff's ``concise``):
the document, the provision ("-" for a document-level finding) and where it sits ("page 3 table 2
row 5", or "document"), then the rule code, severity and message. A document has no line numbers,
so the provision is the line-like token: ``grep ':6.3:'`` finds every finding on provision 6.3.
Document text is cleaned for the terminal and kept on one line. Documents that could not be read
are left to the one-line errors on stderr; accepted findings (a reviewer's recorded decision) are
not listed.
"""

from __future__ import annotations

from codecheck.findings import display_path
from codecheck.model import AuditResult, Finding
from codecheck.report.base import RenderOptions
from codecheck.terminal import one_line


def _where(f: Finding) -> str:
    return f.location.describe().replace(",", "") if f.location is not None else "document"


def line(doc: str, f: Finding) -> str:
    """One finding as ``path:provision:location: CODE severity message``."""
    return one_line(f"{doc}:{f.provision or '-'}:{_where(f)}: {f.code} {f.severity} {f.message}")


def render(results: list[AuditResult], options: RenderOptions) -> str:
    lines = []
    for r in results:
        if r.error:
            continue
        doc = display_path(r.path, options.base_dir)
        lines.extend(line(doc, f) for f in r.findings if not f.accepted)
    return "\n".join(lines) + ("\n" if lines else "")
