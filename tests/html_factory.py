"""Build small self-assessment web pages for the HTML reader's tests.

Everything is fictional ("Example Homes", "Northfield Housing"); the requirement texts are the Code's
own wording (2024 Code), which is what a form quotes. Pages are built from parts so that each test
varies one thing: the table layout (thead or not, one table or one per section, colspan section rows,
rowspans, extra columns), the labelled-block layout (headings, definition lists, "Label: value"
lines, bold lead-ins), and the site chrome around the form.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path

CODE = {
    "1.2": "A complaint must be defined as an expression of dissatisfaction, however made, about the "
    "standard of service, actions or lack of action by the landlord, its own staff, or those acting on "
    "its behalf, affecting a resident or group of residents.",
    "1.3": "A resident does not have to use the word complaint for it to be treated as such.",
    "2.1": "Landlords must accept a complaint unless there is a valid reason not to do so.",
    "3.1": "Landlords must make it easy for residents to complain by providing different channels.",
    "6.3": "A full response to stage 1 complaints must be issued within 10 working days of the complaint "
    "being acknowledged.",
    "6.4": "Landlords must inform the resident of the expected timescale for response.",
}
ANSWERS = {"1.2": "Yes", "1.3": "Yes", "2.1": "No", "3.1": "Partial", "6.3": "Yes", "6.4": "Yes"}
SECTIONS = {"1": "Definition of a complaint", "2": "Exclusions", "3": "Accessibility and awareness",
            "6": "Complaint stages"}  # fmt: skip
HEADER = ["Code provision", "Code requirement", "Comply", "Evidence", "Commentary"]


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def evidence(pid: str) -> str:
    return f"Complaints policy section {pid}"


def commentary(pid: str) -> str:
    return f"Example Homes meets {pid} through its published policy and staff guidance."


def row_cells(pid: str) -> list[str]:
    return [pid, CODE[pid], ANSWERS[pid], evidence(pid), commentary(pid)]


CHROME_TOP = """<div class="cookie-banner"><p>We use cookies. Provision 9.9 accept all cookies?</p></div>
<header><div class="brand">Example Homes</div><nav><ul><li><a href="/">Home</a></li>
<li><a href="/complaints">Complaints 6.3</a></li></ul></nav></header>
<div aria-hidden="true">Decorative 5.5 banner</div>
<div hidden>Hidden draft: 4.4 Yes old text</div>
<div style="display: none">1.2 No stale answer</div>
<script>var provision = "6.3 Yes";</script>
<style>.x { color: red; }</style>
<template><table><tr><td>9.1</td><td>Template</td><td>Yes</td></tr></table></template>"""
CHROME_BOTTOM = """<footer><p>© Example Homes 2025. Registered provider 6.3.</p></footer>
<script>console.log("bye");</script>"""


def page(body: str, *, title: str = "Example Homes complaint handling self-assessment 2024",
         chrome: bool = True, main: bool = True, head: str = "") -> str:  # fmt: skip
    top = CHROME_TOP if chrome else ""
    bottom = CHROME_BOTTOM if chrome else ""
    content = f"<main>{body}</main>" if main else body
    return (
        f'<!DOCTYPE html>\n<html lang="en-GB"><head><meta charset="utf-8"><title>{esc(title)}</title>'
        f"{head}</head>\n<body>{top}\n<h1>{esc(title)}</h1>\n{content}\n{bottom}</body></html>\n"
    )


def table(rows: Sequence[Sequence[str]], header: Sequence[str] | None = HEADER, *, thead: bool = True,
          caption: str | None = None, raw_cells: bool = False) -> str:  # fmt: skip
    """A table; a row of one string is a section row spanning every column (``<th colspan>``).

    With ``raw_cells`` the cell strings are inserted as markup (for cells with lists, links, spans).
    """
    ncols = len(header) if header else max(len(r) for r in rows)
    out = ["<table>"]
    if caption:
        out.append(f"<caption>{esc(caption)}</caption>")
    if header:
        cells = "".join(f"<th>{esc(h)}</th>" for h in header)
        out.append(f"<thead><tr>{cells}</tr></thead>" if thead else f"<tr>{cells}</tr>")
    out.append("<tbody>")
    for row in rows:
        if len(row) == 1 and ncols > 1:
            out.append(f'<tr><th colspan="{ncols}">{esc(row[0])}</th></tr>')
            continue
        cells = "".join(f"<td>{c if raw_cells else esc(c)}</td>" for c in row)
        out.append(f"<tr>{cells}</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def tables_page(path: Path, pids: Sequence[str] = tuple(CODE), **kwargs) -> Path:
    """One table per section, each under an <h2>."""
    body = []
    by_section: dict[str, list[str]] = {}
    for pid in pids:
        by_section.setdefault(pid.split(".")[0], []).append(pid)
    for number, group in by_section.items():
        body.append(f"<h2>Section {number}: {esc(SECTIONS[number])}</h2>")
        body.append(table([row_cells(pid) for pid in group]))
    return write(path, page("\n".join(body), **kwargs))


def block(
    pid: str | None, fields: Sequence[tuple[str, str]], *, style: str = "headings", level: int = 3
) -> str:
    """One provision as a labelled block.

    ``style``: "headings" (an <h{level}> per label under an <h{level-1}> start), "dl" (a definition
    list), "inline" (``<p><strong>Label:</strong> value</p>``), "plain" ("Label: value" paragraphs,
    no bold), "lead" (a bold number opening the requirement paragraph, then plain labels).
    """
    number = f" {pid}" if pid else ""
    if style == "dl":
        items = "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in fields)
        return f"<h{level}>Code provision{number}</h{level}><dl>{items}</dl>"
    if style == "inline":
        items = "".join(f"<p><strong>{esc(k)}</strong> {esc(v)}</p>" for k, v in fields)
        return f"<h{level}>Provision{number}</h{level}>{items}"
    if style == "plain":
        items = "".join(f"<p>{esc(k)} {esc(v)}</p>" for k, v in fields)
        return f"<p><b>{esc(pid or '')}</b></p>{items}"
    if style == "lead":
        (_, requirement), *rest = fields
        items = "".join(f"<p>{esc(k)} {esc(v)}</p>" for k, v in rest)
        return f'<p><span class="num">{esc(pid or "")}</span> {esc(requirement)}</p>{items}'
    labels = "".join(f"<h{level + 1}>{esc(k)}</h{level + 1}><p>{esc(v)}</p>" for k, v in fields)
    return f"<h{level}>Code provision{number}</h{level}>{labels}"


def standard_fields(pid: str, labels: Sequence[str] = ("Requirement", "Do we comply?", "Evidence",
                                                        "Commentary")) -> list[tuple[str, str]]:  # fmt: skip
    values = [CODE[pid], ANSWERS[pid], evidence(pid), commentary(pid)]
    return list(zip(labels, values, strict=True))


def blocks_page(path: Path, pids: Sequence[str] = tuple(CODE), style: str = "headings",
                labels: Sequence[str] | None = None, **kwargs) -> Path:  # fmt: skip
    body = []
    section = None
    for pid in pids:
        number = pid.split(".")[0]
        if number != section:
            section = number
            body.append(f"<h2>Section {number}: {esc(SECTIONS[number])}</h2>")
        fields = standard_fields(pid, labels) if labels else standard_fields(pid)
        body.append(f'<div class="provision">{block(pid, fields, style=style)}</div>')
    head = "<style>.num { font-weight: bold; }</style>" if style == "lead" else ""
    return write(path, page("\n".join(body), head=head, **kwargs))
