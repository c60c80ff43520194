"""Output formats for ``codecheck audit``: one module per format behind one ``render`` call.

``render(fmt, results, options)`` returns the whole report as a string; it never writes files and
never reads the clock, so the same results always give the same bytes. Format modules are imported
on demand (rich, jinja2 and lxml are heavy), keeping ``codecheck --version`` fast.
"""

from __future__ import annotations

from importlib import import_module

from codecheck.baseline import BaselineInfo
from codecheck.errors import ConfigError
from codecheck.findings import in_order
from codecheck.model import AuditResult
from codecheck.report.base import RenderOptions

# format name -> module under codecheck.report that defines ``render(results, options) -> str``
FORMATS: dict[str, str] = {
    "text": "text",
    "json": "json_report",
    "html": "html",
    "markdown": "markdown",
    "sarif": "sarif",
    "junit": "junit",
    "github": "github",
}

__all__ = ["FORMATS", "BaselineInfo", "RenderOptions", "render"]


def render(fmt: str, results: list[AuditResult], options: RenderOptions | None = None) -> str:
    """Render ``results`` in format ``fmt`` (one of ``FORMATS``)."""
    module_name = FORMATS.get(fmt)
    if module_name is None:
        raise ConfigError(f"unknown output format {fmt!r} (expected one of: {', '.join(FORMATS)})")
    module = import_module(f"codecheck.report.{module_name}")
    return module.render(in_order(results), options or RenderOptions())
