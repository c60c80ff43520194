"""Output formats for ``codecheck audit``: one adapter module per format, registered in one list.

Each format module declares one ``ReportFormat`` (``report.interface``); ``REGISTERED`` is the one list
of them, and the CLI derives its ``--format`` choices and ``--NAME-output`` options from it. ``render(fmt,
results, options)`` returns the whole report; it never writes files and never reads the clock, so
the same results always give the same bytes. The format modules import their heavy libraries (rich,
jinja2) only when they render, keeping ``codecheck --help`` fast.
"""

from __future__ import annotations

from codecheck.baseline import BaselineInfo
from codecheck.errors import ConfigError
from codecheck.findings import in_order
from codecheck.model import AuditResult
from codecheck.report import github, html, json_report, junit, markdown, sarif, text
from codecheck.report.base import RenderOptions
from codecheck.report.interface import Format, ReportFormat, output_option

# The one list of output formats, in the order ``--format`` lists them.
REGISTERED: tuple[ReportFormat, ...] = (
    text.FORMAT,
    json_report.FORMAT,
    html.FORMAT,
    markdown.FORMAT,
    sarif.FORMAT,
    junit.FORMAT,
    github.FORMAT,
)
FORMATS: dict[str, ReportFormat] = {fmt.name: fmt for fmt in REGISTERED}

__all__ = [
    "FORMATS",
    "REGISTERED",
    "BaselineInfo",
    "Format",
    "RenderOptions",
    "ReportFormat",
    "output_option",
    "render",
]


def render(fmt: str, results: list[AuditResult], options: RenderOptions | None = None) -> str | bytes:
    """Render ``results`` in format ``fmt`` (one of ``FORMATS``), documents and findings in report order."""
    chosen = FORMATS.get(fmt)
    if chosen is None:
        raise ConfigError(f"unknown output format {fmt!r} (expected one of: {', '.join(FORMATS)})")
    return chosen.render(in_order(results), options or RenderOptions())
