"""Why a row got (or did not get) its content findings: each sentence, the claims read from it, and
what every content rule decided.

This is the tool an officer uses when they doubt a finding ("read as: stage 1 response, 20 working
days, own current policy" shows at once whether codecheck misread the sentence), and the one a
developer uses when a case fails. The CLI (``codecheck explain``) only renders what is built here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from codecheck.config import Config, load_config
from codecheck.errors import InputError
from codecheck.model import AlignedDocument, AlignedRow, RuleSpec
from codecheck.statements import Reading, read_aligned

#: rule groups whose checks read the commentary (the ones explain speaks for)
CONTENT_GROUPS = ("answers", "evidence", "dates", "process", "wording")


@dataclass
class ClaimExplanation:
    kind: str  # timescale | stage | compliance | definition | list
    reading: str
    status: str
    words: str

    def as_dict(self) -> dict:
        return {"kind": self.kind, "reading": self.reading, "status": self.status, "words": self.words}


@dataclass
class SentenceExplanation:
    cell: str
    start: int
    end: int
    text: str
    claims: list[ClaimExplanation] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "cell": self.cell,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "claims": [c.as_dict() for c in self.claims],
        }


@dataclass
class RuleExplanation:
    code: str
    rule: str
    fired: bool
    findings: list[dict] = field(default_factory=list)  # message, quote, reading
    reasons: list[str] = field(default_factory=list)  # why it stayed silent (or what it passed over)

    def as_dict(self) -> dict:
        return {
            "code": self.code,
            "rule": self.rule,
            "fired": self.fired,
            "findings": self.findings,
            "reasons": self.reasons,
        }


@dataclass
class RowExplanation:
    provision: str
    printed: str
    answer: str
    answer_text: str
    location: str
    sentences: list[SentenceExplanation]
    rules: list[RuleExplanation]

    def as_dict(self) -> dict:
        return {
            "provision": self.provision,
            "printed": self.printed,
            "answer": self.answer,
            "answer_text": self.answer_text,
            "location": self.location,
            "sentences": [s.as_dict() for s in self.sentences],
            "rules": [r.as_dict() for r in self.rules],
        }


@dataclass
class Explanation:
    document: str
    code_version: str
    provision: str
    rows: list[RowExplanation]

    def as_dict(self) -> dict:
        return {
            "document": self.document,
            "code_version": self.code_version,
            "provision": self.provision,
            "rows": [r.as_dict() for r in self.rows],
        }


def explain(
    path: Path,
    provision: str,
    *,
    config: Config | None = None,
    code: str | None = None,
    today: date | None = None,
) -> Explanation:
    """Read ``path``, find the row(s) for ``provision`` and explain how each was read and judged.

    Raises ``InputError`` when the document cannot be read or has no row for that provision.
    """
    from codecheck.api import align, read, rules_for
    from codecheck.engine import select_rules

    config = config if config is not None else load_config(path)
    doc = read(path, config)
    rules = rules_for(config)
    aligned = align(doc, code=code or config.code)
    wanted = provision.strip()
    rows = [r for r in aligned.rows if wanted in r.provisions or r.row.provision.strip() == wanted]
    if not rows:
        raise InputError(f"no row for provision {wanted} (the form follows the {aligned.code.id} Code)", path)
    content = [r for r in select_rules(rules, config, path) if r.group in CONTENT_GROUPS]
    judged = _judge(aligned, content, today or date.today())
    out = [_row(arow, judged) for arow in rows]
    return Explanation(str(path), aligned.code.id, wanted, out)


def _judge(aligned: AlignedDocument, rules: list[RuleSpec], today: date) -> dict[str, tuple]:
    """Run each content rule over the document with decision notes on: {slug: (rule, hits, notes)}."""
    from codecheck.engine import CheckContext, RuleParams, get_check, not_applicable

    out: dict[str, tuple] = {}
    for rule in rules:
        skip = not_applicable(rule, aligned.code)
        if skip is not None:
            out[rule.slug] = (rule, [], [(None, f"does not apply to this Code version: {skip.reason}")])
            continue
        fn = get_check(rule.check or rule.slug)
        if fn is None:
            continue
        notes: list = []
        ctx = CheckContext(aligned=aligned, today=today, notes=notes)
        hits = list(fn(ctx, RuleParams(rule.code, rule.params)))
        out[rule.slug] = (rule, hits, notes)
    return out


def _row(arow: AlignedRow, judged: dict[str, tuple]) -> RowExplanation:
    row = arow.row
    reading = read_aligned(row)
    sentences = _sentences(reading)
    verdicts = []
    for slug, (rule, hits, notes) in judged.items():
        mine = [h for h in hits if h.location == row.location]
        reasons = [
            text.split(": ", 1)[1] if text.startswith(f"{slug}: ") else text
            for loc, text in notes
            if loc is None or loc == row.location
        ]
        if not mine and not reasons:
            reasons = [_default_reason(rule, row.answer)]
        verdicts.append(
            RuleExplanation(
                rule.code,
                slug,
                bool(mine),
                [{"message": h.message, "quote": h.quote, "reading": h.reading} for h in mine],
                list(dict.fromkeys(reasons)),
            )
        )
    return RowExplanation(
        provision=arow.provision or row.provision,
        printed=row.provision,
        answer=row.answer,
        answer_text=row.answer_text,
        location=row.location.describe(),
        sentences=sentences,
        rules=verdicts,
    )


def _default_reason(rule: RuleSpec, answer: str) -> str:
    answers = rule.params.get("answers")
    if answers and answer not in answers:
        return f"only applies to rows answered {', '.join(answers)}"
    return "nothing in this row for this rule to read"


def _sentences(reading: Reading) -> list[SentenceExplanation]:
    out = [
        SentenceExplanation(cell, ctx.span.start, ctx.span.end, ctx.span.text)
        for cell in ("commentary", "evidence")
        for ctx in reading.sentences(cell)
    ]

    def attach(cell: str, pos: int, claim: ClaimExplanation) -> None:
        for item in out:
            if item.cell == cell and item.start <= pos < item.end:
                item.claims.append(claim)
                return

    for t in reading.timescales:
        attach(t.cell, t.figure.start, ClaimExplanation("timescale", t.reading(), t.status, t.figure.text))
    for s in reading.stages:
        attach(s.cell, s.words.start, ClaimExplanation("stage", s.reading(), s.status, s.words.text))
    for c in reading.compliance:
        attach(c.cell, c.words.start, ClaimExplanation("compliance", c.reading(), c.status, c.words.text))
    if reading.definition is not None:
        d = reading.definition
        attach(d.cell, d.words.start, ClaimExplanation("definition", d.reading(), "own", d.words.text))
    for lst in reading.lists:
        first = lst.items[0].words
        words = "; ".join(i.words.text for i in lst.items)
        attach(lst.cell, max(0, first.start - 1), ClaimExplanation("list", lst.reading(), "own", words))
    for cell in ("commentary", "evidence"):
        if reading.cell(cell).strip() and reading.bare(cell):
            attach(cell, 0, ClaimExplanation("bare", "a bare token, no evidence", "own", reading.cell(cell)))
    return out


def render_text(explanation: Explanation) -> str:
    """The explanation as plain text (the CLI prints it; document text is made safe there)."""
    lines = [f"{explanation.document}: provision {explanation.provision} ({explanation.code_version} Code)"]
    for row in explanation.rows:
        printed = f" (printed {row.printed})" if row.printed and row.printed != row.provision else ""
        answer = row.answer_text or row.answer
        lines.append(f"Row {row.provision}{printed}, answered {answer!r}, {row.location}")
        if not row.sentences:
            lines.append("  (no commentary or evidence)")
        for s in row.sentences:
            lines.append(f"  [{s.cell} {s.start}-{s.end}] {s.text}")
            for c in s.claims:
                lines.append(f"      {c.kind}: {c.reading}")
        lines.append("  Rules:")
        for r in row.rules:
            state = "FIRED" if r.fired else "silent"
            lines.append(f"    {r.code} {r.rule}: {state}")
            for f in r.findings:
                lines.append(f"      {f['message']}")
                if f.get("quote"):
                    lines.append(f'      quote: "{f["quote"]}"')
                if f.get("reading"):
                    lines.append(f"      read as: {f['reading']}")
            for reason in r.reasons:
                lines.append(f"      - {reason}")
    return "\n".join(lines) + "\n"
