"""The interface every output format implements, in the manner of pip-audit's format adapters.

A format is one module under ``codecheck.report`` whose ``render(results, options)`` returns the whole
report, registered by one ``Format`` row in the one list ``codecheck.report.REGISTERED``: its name,
file endings, media type, and the words for its ``--NAME-output`` option. Everything else is derived
from that list: the ``--format`` choices, help text and completion, the ``--NAME-output FILE`` options
of ``codecheck audit``, and the test that every format is reachable. A row names its module rather
than importing it, so building the CLI (``codecheck --help``) loads no format.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:  # pragma: no cover
    from codecheck.model import AuditResult
    from codecheck.report.base import RenderOptions


@runtime_checkable
class ReportFormat(Protocol):
    """One output format: what it is called, what it produces, and how it renders audit results."""

    name: str  # the --format value ("sarif")
    # file name endings of such a report (".sarif"): `-o NAME` without --format picks the format whose
    # ending matches (the longest); () for a format that only goes to stdout (github)
    extensions: tuple[str, ...]
    media_type: str  # what it is, for a web server or an artefact store
    binary: bool  # True: render returns bytes
    # Set when `codecheck audit` should offer --NAME-output FILE, to write this format beside the main
    # report: the words for its help ("SARIF 2.1.0" -> "Also write SARIF 2.1.0 here.").
    also_written_as: str | None

    def render(self, results: list[AuditResult], options: RenderOptions) -> str | bytes:
        """The whole report for ``results`` (documents by path, findings in report order).

        Pure: it never writes files or reads the clock, so the same results give the same bytes.
        """
        ...


@dataclass(frozen=True)
class Format:
    """A ``ReportFormat`` whose rendering is the ``render`` function of its module (imported on use)."""

    name: str
    extensions: tuple[str, ...]
    media_type: str
    module: str  # "codecheck.report.sarif": the adapter module, which defines render(results, options)
    binary: bool = False
    also_written_as: str | None = None

    def render(self, results: list[AuditResult], options: RenderOptions) -> str | bytes:
        return import_module(self.module).render(results, options)


def output_option(fmt: ReportFormat) -> str | None:
    """The ``codecheck audit`` option that also writes ``fmt`` (``--sarif-output``), if it has one."""
    return f"--{fmt.name}-output" if fmt.also_written_as else None
