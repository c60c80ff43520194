"""The ``sarif`` format: SARIF 2.1.0 as GitHub code scanning accepts it.

One run. The driver lists every rule in force (id = the fixed CC code, name = the slug, descriptions
and help from the rule's YAML). Each result points at the document (``artifactLocation.uri``
relative to ``--base-dir``, the checkout root in CI, with ``uriBaseId`` ``%SRCROOT%``; a document
outside it gets an absolute ``file:`` URI; a non-UTF-8 byte in a name is percent-encoded, as URIs
encode bytes) and, because a .docx has no meaningful lines, names the provision and table row as a
*logical* location; ``region.startLine`` is 1 on every result only because GitHub needs a line to
display an alert. The region's snippet is the sentence a content finding rests on (``quote``), and
the message says how it was read. ``partialFingerprints`` are codecheck's own (document, rule,
provision, occurrence): GitHub's fallback line hash is meaningless for a binary file. The Code version
is published as a taxonomy whose taxa are the provisions, so results can be grouped by provision.

``automationDetails.id`` is ``<category>/`` (``--sarif-category``, default ``codecheck``): stable
whatever the documents, so that one job's uploads replace each other while two jobs uploading to one
commit stay apart. GitHub keeps 25,000 results per run: past that the most severe are kept and a
notification says how many were dropped. A finding a reviewer accepted carries an external,
accepted ``suppression`` with the decision as its justification. Documents that could not be read
become ``toolExecutionNotifications`` and ``executionSuccessful: false``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from urllib.parse import quote

from codecheck.findings import fingerprints, provision_key, relative_path
from codecheck.model import AuditResult, Finding, RuleSpec, Severity
from codecheck.readers import DOCUMENT_MEDIA_TYPES
from codecheck.report.base import TOOL_NAME, RenderOptions, code_wording, section_of

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "codecheck/v1"
MAX_RESULTS = 25_000  # GitHub keeps at most this many results per run
SRCROOT = "%SRCROOT%"  # the uriBaseId of every relative artifact URI: the --base-dir
MAX_FULL_DESCRIPTION = 1024  # GitHub truncates longer rule descriptions
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_PROBLEM = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "recommendation"}


def _location(path: Path, options: RenderOptions) -> dict:
    """The ``artifactLocation`` of a document: relative to the base folder when inside it."""
    rel = relative_path(path, options.base_dir)
    if rel.is_absolute():
        return {"uri": rel.as_uri()}
    return {"uri": quote(os.fsencode(rel.as_posix()), safe="/-._~"), "uriBaseId": SRCROOT}


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _descriptor(spec: RuleSpec) -> dict:
    provisions = ", ".join(spec.provisions)
    help_text = spec.rationale + (f" (Code provisions: {provisions})" if provisions else "")
    help_md = f"**{spec.summary}**\n\n{spec.rationale}"
    if provisions:
        help_md += f"\n\nCode provisions: {provisions}"
    if spec.example:
        help_md += f"\n\nExample: {spec.example}"
    return {
        "id": spec.code,
        "name": spec.slug,
        "shortDescription": {"text": spec.summary},
        "fullDescription": {"text": _clip(spec.rationale or spec.summary, MAX_FULL_DESCRIPTION)},
        "help": {"text": help_text, "markdown": help_md},
        "defaultConfiguration": {"level": _LEVEL[spec.severity]},
        "properties": {
            "tags": ["complaint-handling-code", spec.group],
            "precision": "high",
            "problem.severity": _PROBLEM[spec.severity],
        },
    }


def _fallback_descriptor(f: Finding) -> dict:
    """A finding from a rule the options do not describe (e.g. from an extra rules file)."""
    return {
        "id": f.code,
        "name": f.rule,
        "shortDescription": {"text": f.rule.replace("-", " ")},
        "fullDescription": {"text": f.rule.replace("-", " ")},
        "help": {"text": f.rule.replace("-", " "), "markdown": f.rule.replace("-", " ")},
        "defaultConfiguration": {"level": _LEVEL[f.severity]},
        "properties": {"tags": ["complaint-handling-code"], "problem.severity": _PROBLEM[f.severity]},
    }


def _logical(f: Finding, code_id: str | None) -> list[dict]:
    parts = [f"code {code_id}" if code_id else "code"]
    if f.provision is not None:
        parts += [f"section {section_of(f.provision)}", f"provision {f.provision}"]
    else:
        parts.append("document")
    if f.location is not None:
        if f.location.table is not None:
            parts.append(f"table {f.location.table}")
        if f.location.row is not None:
            parts.append(f"row {f.location.row}")
    return [
        {
            "name": f"provision {f.provision}" if f.provision else "whole document",
            "fullyQualifiedName": "/".join(parts),
            "kind": "element",
        }
    ]


def _result(
    f: Finding,
    result: AuditResult,
    rule_index: dict[str, int],
    artifact_index: int,
    location: dict,
    fingerprint: str,
    options: RenderOptions,
) -> dict:
    code_id = result.aligned.code.id if result.aligned else None
    where = f.location.describe() if f.location else "whole document"
    prefix = f"[{f.provision}] " if f.provision else ""
    region: dict = {"startLine": 1, "message": {"text": where}}
    quoted = f.quote or f.snippet
    if quoted:
        region["snippet"] = {"text": _clip(quoted, 2000)}
    text = f"{prefix}{f.message} ({where})"
    if f.reading:
        text += f" Read as: {f.reading}"
    out: dict = {
        "ruleId": f.code,
        "ruleIndex": rule_index[f.code],
        "kind": "fail",
        "level": _LEVEL[f.severity],
        "message": {"text": text},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {**location, "index": artifact_index},
                    "region": region,
                },
                "logicalLocations": _logical(f, code_id),
            }
        ],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
        "properties": {"provision": f.provision, "rule": f.rule, "codeVersion": code_id},
    }
    if f.provision and code_id:
        out["taxa"] = [{"id": f.provision, "toolComponent": {"name": _taxonomy_name(code_id)}}]
    if options.baseline is not None:
        out["baselineState"] = "new"
    if f.decision is not None:
        d = f.decision
        if f.accepted:
            out["suppressions"] = [
                {"kind": "external", "status": "accepted", "justification": d.reason}
            ]
        out["properties"]["decision"] = {
            "status": d.status,
            "reason": d.reason,
            "reviewer": d.reviewer,
            "date": d.date,
        }
    wording = code_wording(result, f.provision)
    if wording:
        out["properties"]["codeWording"] = wording
    return out


def _taxonomy_name(code_id: str) -> str:
    return f"ComplaintHandlingCode-{code_id}"


def _artifact(path: Path, location: dict) -> dict:
    import hashlib  # here, not at the top: the CLI imports this module to build its options

    art: dict = {"location": dict(location), "roles": ["analysisTarget"]}
    mime = DOCUMENT_MEDIA_TYPES.get(path.suffix.lower())
    if mime:
        art["mimeType"] = mime
    try:
        with open(path, "rb") as fh:
            digest = hashlib.file_digest(fh, "sha256").hexdigest()
        art["hashes"] = {"sha-256": digest}
    except OSError:
        pass  # an unreadable input is reported as a notification; its artifact simply has no hash
    return art


def build(results: list[AuditResult], options: RenderOptions) -> dict:
    descriptors: list[dict] = []
    rule_index: dict[str, int] = {}
    for spec in sorted(options.rules, key=lambda s: s.code):
        if spec.code not in rule_index:
            rule_index[spec.code] = len(descriptors)
            descriptors.append(_descriptor(spec))
    for r in results:
        for f in r.findings:
            if f.code not in rule_index:
                rule_index[f.code] = len(descriptors)
                descriptors.append(_fallback_descriptor(f))

    artifacts: list[dict] = []
    sarif_results: list[dict] = []
    notifications: list[dict] = []
    taxa: dict[str, dict[str, dict]] = {}
    for r in results:
        location = _location(Path(r.path), options)
        index = len(artifacts)
        artifacts.append(_artifact(Path(r.path), location))
        if r.error:
            notifications.append(
                {
                    "level": "error",
                    "message": {"text": r.error},
                    "locations": [
                        {"physicalLocation": {"artifactLocation": {**location, "index": index}}}
                    ],
                    "descriptor": {"id": "input-error"},
                }
            )
            continue
        prints = fingerprints(r, options.base_dir)
        code_id = r.aligned.code.id if r.aligned else None
        for f in r.findings:
            sarif_results.append(_result(f, r, rule_index, index, location, prints[id(f)], options))
            if f.provision and code_id:
                wording = code_wording(r, f.provision)
                entry: dict = {"id": f.provision, "name": f"provision {f.provision}"}
                if wording:
                    entry["shortDescription"] = {"text": _clip(wording, MAX_FULL_DESCRIPTION)}
                taxa.setdefault(code_id, {})[f.provision] = entry

    # GitHub keeps only 25,000 results per run: keep the most severe ones (stable within a level) and
    # say how many were dropped, so that a reader of the log knows the list is incomplete
    dropped = len(sarif_results) - MAX_RESULTS
    if dropped > 0:
        rank = {"error": 0, "warning": 1, "note": 2}
        sarif_results = sorted(sarif_results, key=lambda x: rank[x["level"]])[:MAX_RESULTS]
        notifications.append(
            {
                "level": "warning",
                "message": {
                    "text": f"{dropped} less severe results were left out: code scanning keeps "
                    f"{MAX_RESULTS:,} per run; the JSON, JUnit and HTML reports list every finding."
                },
                "descriptor": {"id": "results-truncated"},
            }
        )

    run: dict = {
        "tool": {
            "driver": {
                "name": TOOL_NAME,
                "semanticVersion": options.tool_version,
                "version": options.tool_version,
                "rules": descriptors,
            }
        },
        # Stable whatever Code versions the documents follow: GitHub treats a new category as a new
        # analysis and would leave the old category's alerts open forever.
        "automationDetails": {"id": f"{options.sarif_category.strip('/') or TOOL_NAME}/"},
        "artifacts": artifacts,
        "results": sarif_results,
        "invocations": [
            {
                "executionSuccessful": not any(n["level"] == "error" for n in notifications),
                "toolExecutionNotifications": notifications,
            }
        ],
        "columnKind": "unicodeCodePoints",
    }
    if taxa:
        run["taxonomies"] = [
            {
                "name": _taxonomy_name(code_id),
                "version": code_id,
                "shortDescription": {"text": f"Complaint Handling Code ({code_id}) provisions"},
                "taxa": [entries[k] for k in sorted(entries, key=provision_key)],
            }
            for code_id, entries in sorted(taxa.items())
        ]
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def render(results: list[AuditResult], options: RenderOptions) -> str:
    return json.dumps(build(results, options), indent=2, ensure_ascii=False) + "\n"

