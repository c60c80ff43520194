"""A fictional, fully built audit result ("Example Homes") for tests, demos and report previews.

Reports are pure functions of ``AuditResult``; building one in code (rather than reading a document)
lets every format be tested in milliseconds, independently of the readers and the rule engine, and
lets a hostile document (markup, control characters, workflow-command injection) be simulated
without crafting a DOCX. The Code version here is a small stand-in carrying the shape of the real one.
"""

from __future__ import annotations

from pathlib import Path

from codecheck.model import (
    AlignedDocument,
    AlignedRow,
    AuditResult,
    CodeVersion,
    Document,
    Finding,
    FormRow,
    Location,
    Provision,
    Row,
    RuleSpec,
    Section,
    Severity,
    VersionDetection,
)

HOSTILE = '<script>alert("x")</script> & "quotes" \x1b[31mred\x1b[0m %0A::error::injected, a:b\r\nnext'

_PROVISIONS = (
    (1, "1.2", "A landlord must accept a complaint unless there is a valid reason not to do so."),
    (3, "3.1", "Landlords must make it easy for residents to complain by providing different channels."),
    (4, "4.3", "The complaint handling policy must be published on the landlord's website."),
    (5, "5.4", "Landlords must acknowledge complaints within five working days of receipt."),
    (6, "6.1", "Landlords must have a two-stage complaints process."),
)


def sample_code() -> CodeVersion:
    """A miniature Code version: five provisions over five sections."""
    titles = {
        1: "Definition of a complaint",
        3: "Accessibility and awareness",
        4: "Complaint handling staff",
        5: "The complaint handling process",
        6: "Complaint stages",
    }
    provisions = tuple(
        Provision(id=pid, section=sec, text=text, obligation="must") for sec, pid, text in _PROVISIONS
    )
    return CodeVersion(
        id="2024",
        title="Complaint Handling Code (2024)",
        short_title="Complaint Handling Code 2024",
        publishers=("Housing Ombudsman Service",),
        published="2024-02-01",
        in_force_from="2024-04-01",
        in_force_to=None,
        supersedes="2022",
        superseded_by=None,
        max_stages=2,
        sections=tuple(Section(n, t) for n, t in sorted(titles.items())),
        provisions=provisions,
        form=tuple(FormRow(id=p.id, covers=(p.id,)) for p in provisions),
        complaint_definition={},
        contacts={},
        detection={},
        source="sample",
    )


def sample_rules() -> list[RuleSpec]:
    def spec(code: str, slug: str, sev: Severity, summary: str, rationale: str, group: str) -> RuleSpec:
        return RuleSpec(
            code=code,
            slug=slug,
            severity=sev,
            summary=summary,
            rationale=rationale,
            versions=("2024",),
            group=group,
        )

    return [
        spec(
            "CC101",
            "missing-provision",
            Severity.ERROR,
            "A provision of the official form is missing.",
            "The Ombudsman expects every provision to be assessed; an omitted row reads as unassessed.",
            "structure",
        ),
        spec(
            "CC105",
            "missing-answer",
            Severity.ERROR,
            "A row has no Comply answer.",
            "A blank answer tells the board nothing about compliance.",
            "answers",
        ),
        spec(
            "CC107",
            "no-without-explanation",
            Severity.WARNING,
            "A No answer has no explanation.",
            "A No without a plan or reason invites the question of what the landlord is doing about it.",
            "answers",
        ),
        spec(
            "CC108",
            "partial-without-date",
            Severity.WARNING,
            "A Partial answer gives no completion date.",
            "Partial compliance needs a date by which full compliance is expected.",
            "dates",
        ),
        spec(
            "CC116",
            "low-confidence-row",
            Severity.INFO,
            "A row was extracted with low confidence.",
            "Check the row by eye: the table layout made it hard to read.",
            "extraction",
        ),
    ]


def sample_result(
    path: Path | str = "example-homes-2024.docx", *, hostile: bool = False, findings: bool = True
) -> AuditResult:
    """An audited Example Homes self-assessment; ``hostile`` puts attack strings in document text."""
    code = sample_code()
    comment = HOSTILE if hostile else "Policy reviewed by the board."
    answers = ("yes", "partial", "no", "blank", "yes")
    rows = []
    for i, ((_sec, pid, text), answer) in enumerate(zip(_PROVISIONS, answers, strict=True), start=1):
        row = Row(
            provision=pid,
            requirement=text,
            answer=answer,  # type: ignore[arg-type]
            answer_text="" if answer == "blank" else answer.capitalize(),
            evidence="Complaints policy, section 2" if answer != "no" else "",
            commentary=comment if pid == "5.4" or (hostile and pid == "4.3") else "",
            location=Location(page=1 + i // 3, table=1 + i // 3, row=i + 1),
            confidence=0.6 if pid == "6.1" else 1.0,
        )
        rows.append(AlignedRow(row=row, provisions=(pid,), score=96.0 + i / 2, method="number"))
    doc = Document(
        path=Path(path), format="docx", rows=[r.row for r in rows], title="Example Homes self-assessment"
    )
    aligned = AlignedDocument(
        document=doc,
        code=code,
        detection=VersionDetection(version="2024", confidence=0.93, reasons=("title mentions 2024",)),
        rows=rows,
        missing=[],
        document_date="2024-06-01",
    )
    found: list[Finding] = []
    if findings:
        snippet = HOSTILE if hostile else None
        found = [
            Finding(
                "CC108",
                "partial-without-date",
                Severity.WARNING,
                "3.1",
                "Partial answer without a date for full compliance.",
                rows[1].row.location,
            ),
            Finding(
                "CC107",
                "no-without-explanation",
                Severity.WARNING,
                "4.3",
                "No answer without an explanation." + (f" Commentary: {HOSTILE}" if hostile else ""),
                rows[2].row.location,
                snippet,
            ),
            Finding(
                "CC105",
                "missing-answer",
                Severity.ERROR,
                "5.4",
                "The Comply column is blank.",
                rows[3].row.location,
            ),
            Finding(
                "CC116",
                "low-confidence-row",
                Severity.INFO,
                "6.1",
                "Row extracted with confidence 0.60.",
                rows[4].row.location,
            ),
            Finding(
                "CC114",
                "outdated-version",
                Severity.INFO,
                None,
                "Document-level note: the form states a review date in the past.",
            ),
        ]
    return AuditResult(path=Path(path), findings=found, aligned=aligned)


def error_result(
    path: Path | str = "broken.docx", message: str = "not a DOCX file (corrupt ZIP)"
) -> AuditResult:
    return AuditResult(path=Path(path), error=f"{path}: {message}")
