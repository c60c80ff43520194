"""The interface every output format implements, in the manner of pip-audit's format adapters.

A format is one module under ``codecheck.report`` that declares one ``ReportFormat`` (usually a
``Format``: its metadata and its ``render`` function), registered in the one list of
``codecheck.report.REGISTERED``. Everything else is derived from that list: the ``--format`` choices,
help text and completion, the ``--NAME-output FILE`` options of ``codecheck audit`` (for formats that
say what they write), and the test that every format is reachable.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from codecheck.model import AuditResult
from codecheck.report.base import RenderOptions

Renderer = Callable[[list[AuditResult], RenderOptions], "str | bytes"]


@runtime_checkable
class ReportFormat(Protocol):
    """One output format: what it is called, what it produces, and how it renders audit results."""

    name: str  # the --format value ("sarif")
    extensions: tuple[str, ...]  # file name endings of such a report (".sarif")
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
    """A ``ReportFormat`` made of a format module's metadata and its ``render`` function."""

    name: str
    extensions: tuple[str, ...]
    media_type: str
    renderer: Renderer
    binary: bool = False
    also_written_as: str | None = None

    def render(self, results: list[AuditResult], options: RenderOptions) -> str | bytes:
        return self.renderer(results, options)


def output_option(fmt: ReportFormat) -> str | None:
    """The ``codecheck audit`` option that also writes ``fmt`` (``--sarif-output``), if it has one."""
    return f"--{fmt.name}-output" if fmt.also_written_as else None
