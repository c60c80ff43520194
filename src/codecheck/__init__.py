"""codecheck: audit Housing Ombudsman Complaint Handling Code self-assessments.

The library works without the CLI::

    import codecheck
    result = codecheck.audit("self-assessment.docx")
    for finding in result.findings:
        print(finding.provision, finding.rule, finding.message)

Heavy modules load on first use so that importing the package (and ``codecheck --version``) is quick.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from codecheck._version import __version__

__all__ = ["__version__", "audit", "extract"]

if TYPE_CHECKING:  # pragma: no cover
    from codecheck.api import audit, extract


def __getattr__(name: str) -> Any:
    if name in ("audit", "extract"):
        from codecheck import api

        return getattr(api, name)
    raise AttributeError(f"module 'codecheck' has no attribute {name!r}")
