"""The interface every output format implements, in the manner of pip-audit's format adapters.

A format is one module under ``codecheck.report`` holding one ``ReportFormat`` subclass, registered
in the one list of ``codecheck.report.REGISTERED``. Everything else is derived from that list: the
``--format`` choices, help text and completion, the ``--NAME-output FILE`` options of ``codecheck
audit`` (for formats that say what they write), and the test that every format is reachable.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import ClassVar

from codecheck.model import AuditResult
from codecheck.report.base import RenderOptions


class ReportFormat(ABC):
    """One output format: what it is called, what it produces, and how it renders audit results."""

    name: ClassVar[str]  # the --format value ("sarif")
    extensions: ClassVar[tuple[str, ...]]  # file name endings of such a report (".sarif")
    media_type: ClassVar[str]  # what it is, for a web server or an artefact store
    binary: ClassVar[bool] = False  # True: render returns bytes
    # Set when `codecheck audit` should offer --NAME-output FILE, to write this format beside the main
    # report: the words for its help ("SARIF 2.1.0" -> "Also write SARIF 2.1.0 here.").
    also_written_as: ClassVar[str | None] = None

    @abstractmethod
    def render(self, results: list[AuditResult], options: RenderOptions) -> str | bytes:
        """The whole report for ``results`` (documents by path, findings in report order).

        Pure: it never writes files or reads the clock, so the same results give the same bytes.
        """

    @property
    def output_option(self) -> str | None:
        """The ``codecheck audit`` option that also writes this format (``--sarif-output``), if any."""
        return f"--{self.name}-output" if self.also_written_as else None
