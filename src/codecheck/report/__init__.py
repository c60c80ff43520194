"""Output formats for ``codecheck audit``: one adapter module per format, registered in one list.

``REGISTERED`` is the one list of formats (``report.interface.Format`` rows: name, file endings,
media type, the module that renders it); the CLI derives its ``--format`` choices, the format a
``-o FILE`` name implies (``format_for_path``) and its ``--NAME-output`` options from it.
``render(fmt, results, options)`` returns the whole report; it never writes files and never reads
the clock, so the same results always give the same bytes. Format modules (and rich,
jinja2) are imported only when a report is rendered, keeping ``codecheck --help`` fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from codecheck.report.interface import Format, ReportFormat, output_option

if TYPE_CHECKING:  # pragma: no cover
    from codecheck.baseline import BaselineInfo
    from codecheck.model import AuditResult
    from codecheck.report.base import RenderOptions

# The one list of output formats, in the order ``--format`` lists them.
REGISTERED: tuple[ReportFormat, ...] = (
    Format("text", (".txt",), "text/plain", "codecheck.report.text"),
    Format("json", (".json",), "application/json", "codecheck.report.json_report", also_written_as="JSON"),
    Format("html", (".html",), "text/html", "codecheck.report.html", also_written_as="the HTML report"),
    Format("markdown", (".md",), "text/markdown", "codecheck.report.markdown", also_written_as="Markdown"),
    Format(
        "sarif",
        (".sarif", ".sarif.json"),
        "application/sarif+json",
        "codecheck.report.sarif",
        also_written_as="SARIF 2.1.0",
    ),
    Format("junit", (".xml",), "application/xml", "codecheck.report.junit", also_written_as="JUnit XML"),
    # GitLab's own name for the artefact, and a distinct ending: a plain ".json" is the json format
    Format(
        "gitlab",
        ("gl-code-quality-report.json", ".codequality.json"),
        "application/json",
        "codecheck.report.gitlab",
        also_written_as="a GitLab Code Quality report",
    ),
    Format("github", (), "text/plain", "codecheck.report.github"),  # workflow commands: stdout only
    Format("concise", (), "text/plain", "codecheck.report.concise"),  # one line per finding
)
FORMATS: dict[str, ReportFormat] = {fmt.name: fmt for fmt in REGISTERED}

__all__ = [
    "FORMATS",
    "REGISTERED",
    "BaselineInfo",
    "Format",
    "RenderOptions",
    "ReportFormat",
    "format_for_path",
    "output_option",
    "render",
]


def format_for_path(path: str | object) -> str | None:
    """The format a report file's name implies (the longest ending a format declares), or None.

    ``codecheck.sarif.json`` is SARIF, not JSON: the longer ending wins. Case is ignored.
    """
    name = str(path).replace("\\", "/").rsplit("/", 1)[-1].lower()
    best: tuple[int, str] | None = None
    for fmt in REGISTERED:
        for ending in fmt.extensions:
            if name.endswith(ending.lower()) and (best is None or len(ending) > best[0]):
                best = (len(ending), fmt.name)
    return best[1] if best else None


def __getattr__(name: str) -> Any:
    """``RenderOptions`` and ``BaselineInfo`` on first use (PEP 562): the CLI imports this package to
    build its options, and must not pay for the model and the report helpers then."""
    if name == "RenderOptions":
        from codecheck.report.base import RenderOptions

        return RenderOptions
    if name == "BaselineInfo":
        from codecheck.baseline import BaselineInfo

        return BaselineInfo
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def render(fmt: str, results: list[AuditResult], options: RenderOptions | None = None) -> str | bytes:
    """Render ``results`` in format ``fmt`` (one of ``FORMATS``), documents and findings in report order."""
    from codecheck.errors import ConfigError
    from codecheck.findings import in_order
    from codecheck.report.base import RenderOptions

    chosen = FORMATS.get(fmt)
    if chosen is None:
        raise ConfigError(f"unknown output format {fmt!r} (expected one of: {', '.join(FORMATS)})")
    return chosen.render(in_order(results), options or RenderOptions())
