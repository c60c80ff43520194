"""The ``gitlab`` format: a GitLab Code Quality report (the Code Climate subset GitLab reads).

A JSON array with one issue per finding: ``description``, ``check_name`` (the rule code),
``fingerprint``, ``severity`` and ``location`` (``path`` relative to ``--base-dir``, the checkout root
in CI, and ``lines.begin``). GitLab shows these in the merge request widget and, on its higher tiers,
in the changes view; it keeps only the first issue of a fingerprint, so fingerprints are unique per
finding: codecheck's own (document, rule, provision, occurrence; ``findings.fingerprints``), which
survive text edits and row moves, as SARIF's do. A document has no lines worth pointing at, so
``lines.begin`` is 1 and the provision and row are in the description. Severities: error -> major,
warning -> minor, info -> info (Code Climate's scale: info, minor, major, critical, blocker); a
document that could not be read is one ``critical`` issue (check ``input-error``): the audit is
incomplete. Accepted findings (a reviewer's recorded decision) are left out.

Schema: ``tests/vendor/gitlab-codequality.schema.json`` holds the report to GitLab's documented
fields in the tests.
"""

from __future__ import annotations

import hashlib
import json

from codecheck.findings import display_path, fingerprints
from codecheck.model import AuditResult, Finding, Severity
from codecheck.report.base import RenderOptions

SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}
INPUT_ERROR = "input-error"


def _description(f: Finding) -> str:
    where = f.location.describe() if f.location is not None else "whole document"
    head = f"[{f.provision}] " if f.provision else ""
    return f"{head}{f.code} {f.rule}: {f.message} ({where})"


def issues(results: list[AuditResult], options: RenderOptions) -> list[dict]:
    out: list[dict] = []
    for r in results:
        path = display_path(r.path, options.base_dir)
        if r.error:
            digest = hashlib.sha256(f"{path}\x1f{INPUT_ERROR}".encode()).hexdigest()[:32]
            out.append(
                {
                    "type": "issue",
                    "description": f"Document not audited: {r.error}",
                    "check_name": INPUT_ERROR,
                    "fingerprint": digest,
                    "severity": "critical",
                    "location": {"path": path, "lines": {"begin": 1}},
                }
            )
            continue
        prints = fingerprints(r, options.base_dir)
        for f in r.findings:
            if f.accepted:
                continue
            out.append(
                {
                    "type": "issue",
                    "description": _description(f),
                    "check_name": f.code,
                    "fingerprint": prints[id(f)],
                    "severity": SEVERITY[f.severity],
                    "location": {"path": path, "lines": {"begin": 1}},
                }
            )
    return out


def render(results: list[AuditResult], options: RenderOptions) -> str:
    return json.dumps(issues(results, options), indent=2, ensure_ascii=False) + "\n"
