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

from codecheck.findings import display_path, fingerprints
from codecheck.model import AuditResult
from codecheck.report.base import (
    TOOL_NAME,
    RenderOptions,
    answer_totals,
    overall_counts,
    result_failed,
    section_of,
    section_summaries,
    severity_counts,
)

SCHEMA_VERSION = 1


def tool_info(options: RenderOptions) -> dict:
    return {"name": TOOL_NAME, "version": options.tool_version}


def document_object(result: AuditResult, options: RenderOptions) -> dict:
    """The JSON object describing one document's audit (or why it could not be audited)."""
    aligned = result.aligned
    prints = fingerprints(result, options.base_dir)
    findings = []
    for f in result.findings:
        item = f.as_dict()
        item["section"] = section_of(f.provision) or None
        item["fingerprint"] = prints[id(f)]
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
            "findings": {**severity_counts(result.findings), "total": len(result.findings)},
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
        "findings": {**overall_counts(results), "total": sum(len(r.findings) for r in results)},
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

