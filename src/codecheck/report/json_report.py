"""The ``json`` format: the stable, machine-readable audit result.

Shape (held to ``codecheck/schemas/audit.schema.json`` by a contract test):

* one input document -> that document's object at the top level (tools such as the corpus scorer read
  ``findings`` there);
* several -> ``{"schema_version", "tool", "documents": [...], "summary": {...}}``.

Stability policy: ``schema_version`` is an integer bumped only for incompatible changes; new fields
may appear within a version, so consumers must ignore keys they do not know. No timestamps: the same
inputs give byte-identical output.
"""

from __future__ import annotations

import json
from pathlib import Path

from codecheck.findings import display_path, fingerprints
from codecheck.model import AuditResult, Finding
from codecheck.report.base import (
    TOOL_NAME,
    RenderOptions,
    answer_totals,
    result_failed,
    reviewed_count,
    section_of,
    section_summaries,
    severity_counts,
    stale_count,
)

SCHEMA_VERSION = 1


def tool_info(options: RenderOptions) -> dict:
    return {"name": TOOL_NAME, "version": options.tool_version}


def finding_counts(findings: list[Finding]) -> dict[str, int]:
    """Open findings by severity; ``reviewed``: accepted as not an issue (not in the severities);
    ``stale``: open findings whose decision needs re-review (in the severities); ``total``: all."""
    return {
        **severity_counts(findings),
        "reviewed": reviewed_count(findings),
        "stale": stale_count(findings),
        "total": len(findings),
    }


def document_object(result: AuditResult, options: RenderOptions) -> dict:
    """The JSON object describing one document's audit (or why it could not be audited)."""
    aligned = result.aligned
    prints = fingerprints(result, options.base_dir)
    findings = []
    for f in result.findings:
        item = f.as_dict()
        item["section"] = section_of(f.provision) or None
        item["fingerprint"] = prints[id(f)]
        if f.decision is not None and f.decision.source is not None:
            item["decision"]["source"] = display_path(Path(f.decision.source), options.base_dir)
        findings.append(item)
    doc: dict = {
        "schema_version": SCHEMA_VERSION,
        "tool": tool_info(options),
        "document": display_path(result.path, options.base_dir),
        "format": aligned.document.format if aligned else None,
        "status": "error"
        if result.error
        else ("failed" if result_failed(result, options.fail_on) else "passed"),
        "error": result.error,
        "code_version": aligned.code.id if aligned else None,
        "detection": aligned.detection.as_dict() if aligned else None,
        "document_date": aligned.document_date if aligned else None,
        "findings": findings,
        "rows": [],
        "missing": list(aligned.missing) if aligned else [],
        "summary": {
            "findings": finding_counts(result.findings),
            "answers": answer_totals(result),
            "sections": [s.as_dict() for s in section_summaries(result)],
            "fail_on": str(options.fail_on) if options.fail_on else "never",
        },
    }
    if aligned is not None:
        doc["title"] = aligned.document.title
        doc["pages"] = aligned.document.pages
        for arow in aligned.rows:
            row = arow.row
            doc["rows"].append(
                {
                    "provision": row.provision,
                    "answer": row.answer,
                    "location": row.location.as_dict(),
                    "confidence": round(row.confidence, 3),
                    "alignment": arow.as_dict(),
                    "actions": row.actions,
                    "target_date": row.target_date,
                    "owner": row.owner,
                    "rag": row.rag,
                }
            )
    if options.baseline is not None:
        doc["summary"]["baseline"] = {
            "file": options.baseline.path,
            "suppressed": options.baseline.for_document(doc["document"]),
        }
    return doc


def batch_object(results: list[AuditResult], options: RenderOptions) -> dict:
    docs = [document_object(r, options) for r in results]
    summary: dict = {
        "documents": len(docs),
        "errors": sum(1 for r in results if r.error),
        "failed": sum(1 for r in results if not r.error and result_failed(r, options.fail_on)),
        "findings": finding_counts([f for r in results for f in r.findings]),
        "fail_on": str(options.fail_on) if options.fail_on else "never",
    }
    if options.baseline is not None:
        summary["baseline"] = {"file": options.baseline.path, "suppressed": options.baseline.total}
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": tool_info(options),
        "documents": docs,
        "summary": summary,
    }


def render(results: list[AuditResult], options: RenderOptions) -> str:
    payload = document_object(results[0], options) if len(results) == 1 else batch_object(results, options)
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


def schema() -> dict:
    """The JSON Schema of this format, as shipped inside the package (``codecheck/schemas``)."""
    from importlib.resources import files

    return json.loads(files("codecheck").joinpath("schemas/audit.schema.json").read_text(encoding="utf-8"))

