"""Render a ``Sample`` as a saved web page, one function per layout.

The pages look like a landlord's website: a site header with a menu, a cookie banner, a breadcrumb,
the form in ``<main>``, a footer, and the screen-reader-only text, icons and scripts real sites
carry. None of that is the form: the reader must leave it out. Every page is self-contained (inline
CSS, no external resource) and deterministic. ``@page`` margin boxes give the printed copy a running
header and footer, so the PDF a browser prints from it has page furniture as a real one does.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from render import HEADERS_2024, ORDER_2024, _section_title, _sections
from specs import Sample, SampleRow

_URL = re.compile(r"\b(www\.[a-z0-9.-]+\.[a-z]{2,}(?:/[\w./-]*[\w/])?)")

STYLE = """
@page { size: A4 landscape; margin: 16mm 12mm;
  @top-left { content: "Example Homes – complaints self-assessment"; font: 8pt Arial, sans-serif;
    color: #555; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt Arial, sans-serif;
    color: #555; } }
body { font-family: Arial, "Liberation Sans", Helvetica, sans-serif; font-size: 10pt; color: #1b1b1b;
  margin: 0; line-height: 1.35; }
.site-header { background: #0b3d5c; color: #fff; padding: 10px 14px; }
.site-header .brand { font-size: 16pt; font-weight: bold; }
.site-header nav ul { list-style: none; margin: 6px 0 0 0; padding: 0; }
.site-header nav li { display: inline; margin-right: 14px; }
.site-header a { color: #fff; }
.cookie-banner { background: #ffe9a8; padding: 6px 14px; font-size: 9pt; }
.breadcrumb { font-size: 8.5pt; color: #505a5f; margin: 8px 14px; }
main { margin: 0 14px; }
h1 { font-size: 18pt; margin: 10px 0 6px 0; }
h2 { font-size: 13pt; margin: 14px 0 6px 0; break-after: avoid; }
table.sa { width: 100%; border-collapse: collapse; table-layout: fixed; margin: 0 0 10px 0; }
table.sa th, table.sa td { border: 1px solid #7f7f7f; padding: 4px 6px; vertical-align: top; text-align: left;
  overflow-wrap: break-word; }
table.sa thead th { background: #dbe5f1; }
table.sa thead { display: table-header-group; }
table.sa tr { break-inside: auto; }
table.sa td p { margin: 0 0 4px 0; }
table.sa ul { margin: 2px 0 4px 0; padding-left: 18px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
.provision { border-bottom: 1px solid #c8ced3; padding: 0 0 6px 0; margin: 0 0 10px 0; }
.provision h3 { font-size: 11.5pt; margin: 10px 0 4px 0; }
.provision dt { font-weight: bold; margin: 6px 0 2px 0; }
.provision dd { margin: 0 0 4px 0; }
footer { margin: 18px 14px 0 14px; border-top: 1px solid #b1b4b6; padding-top: 6px; font-size: 8.5pt;
  color: #505a5f; }
@media print { .cookie-banner { display: none; } }
"""


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _linked(text: str) -> str:
    """Escaped text with its web addresses as links (and the icon and hint sites add to them)."""
    out, last = [], 0
    for m in _URL.finditer(text):
        out.append(_esc(text[last : m.start()]))
        url = m.group(1)
        out.append(
            f'<a href="https://{_esc(url)}">{_esc(url)}<span class="visually-hidden"> (opens in a new tab)'
            '</span><span class="icon-external" aria-hidden="true"></span></a>'
        )
        last = m.end()
    out.append(_esc(text[last:]))
    return "".join(out)


def _page(sample: Sample, body: list[str]) -> str:
    landlord = _esc(sample.landlord)
    head = [
        "<!DOCTYPE html>",
        '<html lang="en-GB">',
        '<head><meta charset="utf-8">',
        f"<title>{_esc(sample.title)} | {landlord}</title>",
        f"<style>{STYLE}</style>",
        '<script>window.dataLayer = window.dataLayer || [];'
        ' dataLayer.push({"page": "self-assessment"});</script>',
        "</head>",
        "<body>",
        '<div class="cookie-banner" role="region" aria-label="Cookies"><p>We use cookies to make this site '
        "work and to count visits. <button>Accept cookies</button> <button>Reject cookies</button></p></div>",
        f'<header class="site-header"><div class="brand">{landlord}</div>',
        '<nav aria-label="Main menu"><ul><li><a href="/">Home</a></li><li><a href="/repairs">Repairs</a></li>'
        '<li><a href="/rent">Rent and payments</a></li><li><a href="/complaints">Complaints</a></li>'
        '<li><a href="/contact">Contact us</a></li></ul></nav></header>',
        '<div class="breadcrumb"><a href="/">Home</a> › <a href="/complaints">Complaints</a> › '
        "Complaint Handling Code self-assessment</div>",
        '<main id="main">',
        f"<h1>{_esc(sample.title)}</h1>",
        *(f"<p>{_esc(p)}</p>" for p in sample.intro),
    ]
    tail = [
        "</main>",
        f'<footer><ul><li><a href="/accessibility">Accessibility</a></li> <li><a href="/privacy">Privacy</a>'
        f"</li> <li><a href=\"/cookies\">Cookies</a></li></ul><p>© {landlord}</p></footer>",
        "<template><p>Provision 9.9 Template text that is never shown.</p></template>",
        '<script>document.querySelectorAll("a").forEach(function (a) { a.rel = "noopener"; });</script>',
        "</body>",
        "</html>",
    ]
    return "\n".join(head + body + tail) + "\n"


def _cell(paragraphs: list[str], listed: bool = False) -> str:
    """A cell's paragraphs; with ``listed``, the paragraphs after the first as a bulleted list."""
    texts = [p for p in paragraphs if p]
    if not texts:
        return ""
    if listed and len(texts) > 2:
        items = "".join(f"<li>{_linked(t)}</li>" for t in texts[1:])
        return f"<p>{_linked(texts[0])}</p><ul>{items}</ul>"
    return "".join(f"<p>{_linked(t)}</p>" for t in texts)


def render_web_tables(sample: Sample) -> str:
    """One table per section under an <h2>, header row in <thead>."""
    body: list[str] = []
    header = "".join(f'<th scope="col">{_esc(h)}</th>' for h in HEADERS_2024)
    for number, rows in _sections(sample):
        label = f"Section {number}: {_section_title(sample.version, number)}"
        body.append(f"<section><h2>{_esc(label)}</h2>")
        body.append('<table class="sa"><colgroup><col style="width:7%"><col style="width:31%">'
                    '<col style="width:9%"><col style="width:17%"><col style="width:36%"></colgroup>')
        body.append(f"<thead><tr>{header}</tr></thead><tbody>")
        for row in rows:
            row.context = label
            body.append(_table_row(row))
        body.append("</tbody></table></section>")
    return _page(sample, body)


def _table_row(row: SampleRow) -> str:
    values = {
        "provision": [row.provision],
        "requirement": row.requirement.split("\n"),
        "comply": [row.reply.answer_text],
        "evidence": [row.reply.evidence],
        "commentary": list(row.reply.commentary),
    }
    cells = []
    if row.reply.extra.get("merge_comply"):
        for role in ORDER_2024:
            if role == "comply":
                cells.append(f'<td colspan="2">{_cell(values["comply"] + values["evidence"])}</td>')
            elif role != "evidence":
                cells.append(f"<td>{_cell(values[role], listed=role == 'commentary')}</td>")
    else:
        cells = [f"<td>{_cell(values[role], listed=role == 'commentary')}</td>" for role in ORDER_2024]
    return f"<tr>{''.join(cells)}</tr>"


def render_web_blocks(sample: Sample) -> str:
    """Labelled blocks: an <h3> per provision, its fields as a definition list."""
    body: list[str] = []
    for number, rows in _sections(sample):
        label = f"Section {number}: {_section_title(sample.version, number)}"
        body.append(f"<section><h2>{_esc(label)}</h2>")
        for row in rows:
            row.context = label
            number_text = "" if row.provision in sample.unnumbered else f" {_esc(row.provision)}"
            fields = [
                ("Requirement", row.requirement.split("\n")),
                ("Do we comply?", [row.reply.answer_text]),
                ("Evidence", [row.reply.evidence]),
                ("Commentary", list(row.reply.commentary)),
            ]
            parts = [f'<div class="provision"><h3>Code provision{number_text}</h3><dl>']
            for name, texts in fields:
                parts.append(f"<dt>{_esc(name)}</dt><dd>{_cell(texts)}</dd>")
            parts.append("</dl></div>")
            body.append("".join(parts))
        body.append("</section>")
    return _page(sample, body)


RENDERERS: dict[str, Callable[[Sample], str]] = {
    "web-tables": render_web_tables,
    "blocks": render_web_blocks,
}


def render_html(sample: Sample) -> bytes:
    return RENDERERS[sample.layout](sample).encode("utf-8")
