"""What every consumer of audit results agrees on: the order of findings, how a document is named,
and how a finding is recognised from one run to the next.

The engine hands findings over in the order a reader of the document meets them; every report lists
them by Code provision instead (``finding_key``), applied once where results enter the reports and the
baseline (``in_order``), so that no format sorts on its own and all of them agree. Documents and
findings are named with the same keys everywhere. A document is named by ``display_path``
(forward slashes, relative to the working folder, a byte that is not UTF-8 written ``\\xNN``:
``terminal.encodable``, the one encoding policy of every output); a finding is recognised by
document, rule and provision (``fingerprints``, baseline keys), never by its message wording or row
number, so that editing a row's text does not make an old finding look new.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import replace
from pathlib import Path

from codecheck.model import AuditResult, Finding, Location
from codecheck.terminal import encodable

# --------------------------------------------------------------------------- paths


def relative_path(path: Path, base_dir: Path | None = None) -> Path:
    """``path`` relative to ``base_dir`` (default: the working folder) when inside it, else as given."""
    base = base_dir if base_dir is not None else Path.cwd()
    try:
        return Path(os.path.abspath(path)).relative_to(os.path.abspath(base))
    except ValueError:
        return Path(path)


def display_path(path: Path, base_dir: Path | None = None) -> str:
    """The path as a stable, forward-slash string, relative to ``base_dir`` when inside it, safe to
    encode (a non-UTF-8 byte in a file name is written ``\\xNN``, see ``terminal.encodable``)."""
    return encodable(relative_path(path, base_dir).as_posix())


# --------------------------------------------------------------------------- ordering


def provision_key(pid: str | None) -> tuple:
    """Sort "2.10" after "2.9"; document-level findings (None) first; odd ids after numeric ones."""
    if pid is None:
        return (0,)
    parts = re.findall(r"\d+|[^\d.\s/]+", pid)
    key: list[tuple[int, int | str]] = []
    for part in parts:
        key.append((0, int(part)) if part.isdigit() else (1, part))
    return (1, tuple(key), pid)


def location_key(loc: Location | None) -> tuple:
    if loc is None:
        return (-1, -1, -1)
    return (loc.page or 0, loc.table or 0, loc.row or 0)


def finding_key(f: Finding) -> tuple:
    """The order in which reports list a document's findings: by Code provision (document-level
    findings first, "2.10" after "2.9"), then place in the document, rule code, rule and message."""
    return (provision_key(f.provision), location_key(f.location), f.code, f.rule, f.message)


def findings_in_order(findings: list[Finding]) -> list[Finding]:
    """One document's findings as reports list them (``finding_key``; ties keep their order)."""
    return sorted(findings, key=finding_key)


def in_order(results: list[AuditResult]) -> list[AuditResult]:
    """The results as every report lists them: documents by path, findings by ``finding_key``.

    The engine's own order follows the document (what a library caller iterating findings expects);
    reports group by section and provision. Applied once where results enter the reports (``render``)
    and the baseline, so the same results always give the same bytes whatever order they arrive in.
    """
    ordered = []
    for r in sorted(results, key=lambda r: encodable(Path(r.path).as_posix())):
        findings = findings_in_order(r.findings)
        error = encodable(r.error) if r.error else r.error  # messages name the file: same policy
        if findings != r.findings or error != r.error:
            r = replace(r, findings=findings, error=error)
        ordered.append(r)
    return ordered


# --------------------------------------------------------------------------- fingerprints


def fingerprints(result: AuditResult, base_dir: Path | None = None) -> dict[int, str]:
    """A stable id per finding (by ``id()``) that survives text edits and row moves.

    Built from the document path, rule code and provision plus an occurrence counter for repeats of
    that triple, never from the message or row numbers (SARIF appendix B: absolute positions must not
    feed fingerprints). Used by SARIF ``partialFingerprints`` and JSON ``fingerprint``, on results in
    report order (``in_order``).
    """
    import hashlib  # here, not at the top: the CLI imports this module to build its options

    doc = display_path(result.path, base_dir)
    seen: Counter = Counter()
    out: dict[int, str] = {}
    for f in result.findings:
        triple = (doc, f.code, f.provision or "")
        seen[triple] += 1
        raw = "\x1f".join((*triple, str(seen[triple])))
        out[id(f)] = hashlib.sha256(raw.encode("utf-8")).hexdigest()[:32]
    return out
