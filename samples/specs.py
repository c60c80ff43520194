"""The bundled samples as data: which landlord, which Code version, which layout, which rows.

A ``Sample`` is built from the Code library (the form's rows and wording) plus the fictional answers
in ``content``; the renderers in ``render`` turn it into a DOCX and ``expected`` into the ground-truth
JSON. Keeping the sample as data first is what makes the expected files trustworthy: the DOCX and
the JSON are written from the same objects.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from content import BASE, FALLBACK, Answer, yes

from codecheck.codes import get_map, get_version


@dataclass
class SampleRow:
    provision: str  # printed id ("1.2/ 1.4" stays as printed)
    requirement: str  # the form's wording; "\n" separates paragraphs (lettered items)
    reply: Answer
    section: int
    obligation: str = "must"
    stage: int | None = None
    context: str | None = None  # sub-heading the row sits under, where the layout prints one
    code_id: str | None = (
        None  # the Code provision a finding on this row is reported under, if not the printed id
    )


@dataclass
class Sample:
    stem: str
    landlord: str
    web: str
    version: str
    layout: str  # sections | noheader | onetable | unruled | checkboxes | variants | narrative | structure…
    title: str
    intro: list[str]
    rows: list[SampleRow]
    description: str
    pdf: bool = False
    omitted: list[str] = field(default_factory=list)  # form provisions deliberately left out
    document_findings: list[str] = field(default_factory=list)  # slugs with no provision
    features: list[str] = field(default_factory=list)  # layout features the tests check in the XML
    formats: tuple[str, ...] = ("docx",)  # renditions generate.py writes: docx, html, xlsx
    browser_pdf: bool = False  # also a PDF printed from the web page by headless Chromium
    # rows printed without their provision number: the reader cannot place them (reader-note) and
    # the provision is reported missing, with the reason beside it
    unnumbered: list[str] = field(default_factory=list)

    @property
    def files(self) -> list[str]:
        names = [f"{self.stem}.{ext}" for ext in self.formats]
        if self.pdf or self.browser_pdf:
            names.append(f"{self.stem}.pdf")
        return names


@dataclass(frozen=True)
class Landlord:
    """A fictional landlord: the values the ``content`` placeholders take."""

    org: str
    web: str
    policy: str
    report: str

    def fill(self, text: str) -> str:
        for key in ("org", "web", "policy", "report"):
            text = text.replace("{" + key + "}", getattr(self, key))
        return text


EXAMPLE_HOMES = Landlord(
    "Example Homes",
    "www.example-homes.org.uk",
    "Complaints Policy (version 5, approved April 2025)",
    "Annual Complaints Performance and Service Improvement Report 2024/25",
)
NORTHFIELD = Landlord(
    "Northfield Housing",
    "www.northfield-housing.org.uk",
    "Complaints Policy (April 2022)",
    "Annual Complaints Report 2021/22",
)
RIVERSIDE = Landlord(
    "Riverside Council",
    "www.riverside-council.gov.example",
    "Corporate Complaints Policy (2023)",
    "Annual Complaints Review 2022/23",
)


def _localise(reply: Answer, landlord: Landlord) -> Answer:
    return replace(
        reply,
        evidence=landlord.fill(reply.evidence),
        commentary=tuple(landlord.fill(p) for p in reply.commentary),
    )


def _base_for(version: str, pid: str) -> Answer:
    """The clean answer for provision ``pid`` of ``version``, via the cross-version maps."""
    if version == "2024":
        return BASE.get(pid, FALLBACK)
    counterparts = get_map(version, "2024").counterparts(pid) if version == "2022" else ()
    if version == "joint":
        counterparts = get_map("2024", "joint").reversed().counterparts(pid)
    for target in counterparts:
        if target in BASE:
            return BASE[target]
    return FALLBACK


def _noted(overrides: dict[str, Answer], notes: dict[str, str]) -> dict[str, Answer]:
    return {key: replace(reply, note=notes.get(key, reply.note)) for key, reply in overrides.items()}


def _form_rows(version: str, overrides: dict[str, Answer], omit: set[str]) -> list[SampleRow]:
    code = get_version(version)
    rows: list[SampleRow] = []
    seen: dict[str, int] = {}
    for form_row in code.form:
        if form_row.id in omit:
            continue
        first = code.provision(form_row.covers[0])
        assert first is not None, form_row
        seen[form_row.id] = seen.get(form_row.id, 0) + 1
        # A repeated printed id (joint form 6.1, 6.19) gets its own override key: "6.1#2".
        key = form_row.id if seen[form_row.id] == 1 else f"{form_row.id}#{seen[form_row.id]}"
        reply = overrides.get(key) or _base_for(version, form_row.covers[0])
        rows.append(
            SampleRow(
                provision=form_row.id,
                requirement=form_row.text or first.form_wording,
                reply=reply,
                section=first.section,
                obligation=first.obligation,
                stage=first.stage,
            )
        )
    return rows


def _localised(rows: list[SampleRow], landlord: Landlord) -> list[SampleRow]:
    return [replace(r, reply=_localise(r.reply, landlord)) for r in rows]


# --------------------------------------------------------------------------- Example Homes 2024

PARTIAL = "Partial (In Progress)"

EXAMPLE_HOMES_OVERRIDES: dict[str, Answer] = {
    # The quoted definition drops "however made".
    "1.2": Answer(
        "yes",
        "Yes",
        "{policy}, section 2",
        (
            'Our policy defines a complaint as: "an expression of dissatisfaction about the standard of '
            "service, actions or lack of action by Example Homes, its own staff, or those acting on its "
            'behalf, affecting a resident or group of residents."',
        ),
        findings=("definition-mismatch",),
    ),
    # Yes, and nothing at all to back it.
    "2.4": Answer("yes", "Yes", "", (), findings=("missing-evidence",)),
    # Partial with a target date: a reviewer would not flag it.
    "3.1": Answer(
        "partial",
        PARTIAL,
        "{web}/complaints; {policy}, section 5",
        (
            "Residents can complain by phone, email, web form, letter, social media or in person at any of "
            "our "
            "offices. Large print, easy read and translated versions of the complaints leaflet are "
            "available.",
            "A British Sign Language video relay service is being procured and will be live by 31 March "
            "2026, "
            "which will complete the actions from our Equality Act review of the complaints process.",
        ),
        traps=("partial-without-date", "no-without-explanation"),
    ),
    # Partial with no target date at all.
    "4.3": Answer(
        "partial",
        PARTIAL,
        "Complaint handling training records (learning management system)",
        (
            "The Customer Resolution Team has completed the Ombudsman's e-learning on the 2024 Code. "
            "Refresher "
            "training for repairs and neighbourhood staff is under way and will continue.",
        ),
        findings=("partial-without-date",),
    ),
    # Another Partial with a date (a month and year is a target date too).
    "5.10": Answer(
        "partial",
        PARTIAL,
        "Reasonable adjustments register; Equality and Diversity Policy",
        (
            "Adjustments are recorded on the resident's profile, but the repairs system cannot display them "
            "yet. The link between the two systems is scheduled to go live in January 2026.",
        ),
        traps=("partial-without-date", "no-without-explanation"),
    ),
    # An informal "stage 0" before stage 1.
    "5.2": Answer(
        "yes",
        "Yes",
        "{policy}, section 7",
        (
            "Before a complaint is logged, the neighbourhood officer contacts the resident to try to sort "
            "the "
            "problem out informally. We call this our stage 0 (informal resolution) and it usually takes up "
            "to "
            "ten working days. If the resident is still unhappy the complaint moves to stage 1.",
        ),
        findings=("extra-stage",),
    ),
    # A negation: must not be read as an extra stage.
    "5.3": Answer(
        "yes",
        "Yes",
        "{policy}, section 7",
        (
            "Our process has two stages. We do not operate a stage 0 or a third stage, and the policy says "
            "so "
            "in plain terms.",
        ),
        traps=("extra-stage",),
    ),
    # Stricter than the Code: fine.
    "6.2": Answer(
        "yes",
        "Yes",
        "Complaints performance dashboard",
        (
            "Our service standard is to acknowledge, define and log stage 1 complaints within 3 working "
            "days, "
            "which is quicker than the Code requires. In 2024/25 we met it in 96% of cases.",
        ),
        traps=("wrong-timescale",),
    ),
    # Twice the Code's stage 1 response time.
    "6.3": Answer(
        "yes",
        "Yes",
        "Complaints performance dashboard",
        (
            "We issue a full stage 1 response within 20 working days of acknowledging the complaint. "
            "Performance "
            "is reported to the Executive Team every month.",
        ),
        findings=("wrong-timescale",),
    ),
    # Quotes the Code's own limit on extensions: not a conflict.
    "6.4": Answer(
        "yes",
        "Yes",
        "Extension letter template CR-05",
        (
            "In line with the Code, an extension must be no more than 10 working days without good reason, "
            "and "
            "the reason is always explained to the resident in writing.",
        ),
        traps=("wrong-timescale",),
    ),
    # Lettered list a–g with e (the remedy) missing.
    "6.9": Answer(
        "yes",
        "Yes",
        "Stage 1 response template CR-02",
        (
            "Our stage 1 response template was rewritten in 2024 and confirms in writing, in plain language:",
            "a) the complaint stage; b) the complaint definition; c) the decision on the complaint; d) the "
            "reasons "
            "for any decisions made; f) details of any outstanding actions; and g) details of how to "
            "escalate the "
            "matter to stage 2 if the resident is not satisfied with the response.",
            "Every stage 1 response is checked against the template by a team leader before it is sent, and "
            "a "
            "monthly sample of responses is reviewed by the Customer Resolution Manager for tone, clarity "
            "and "
            "accuracy. The results of the sample review are shared with the team and used in one-to-one "
            "coaching, and recurring issues are added to the refresher training programme.",
        ),
        findings=("list-item-missing",),
    ),
    # Stage 2: quoting the Code's 20 working days is correct here.
    "6.14": Answer(
        "yes",
        "Yes",
        "Complaints performance dashboard",
        (
            "Our policy mirrors the Code: a final response is issued within 20 working days of the stage 2 "
            "request being acknowledged.",
        ),
        traps=("wrong-timescale",),
    ),
    # Answered Yes, but the commentary says it is not in place yet.
    "9.6": Answer(
        "yes",
        "Yes",
        "Board reports (quarterly complaints performance)",
        (
            "The quarterly complaints report for the Board is still being developed with the new MRC, and "
            "the "
            "first report has not yet been presented.",
        ),
        findings=("answer-contradiction",),
        tolerated=("partial-without-date",),
    ),
    # A No with an explanation and a target date: nothing to flag.
    "9.8": Answer(
        "no",
        "No",
        "Appraisal framework",
        (
            "Complaint handling objectives are in place for the Customer Resolution Team only. A standard "
            "objective for all employees will be added in the appraisal cycle that starts on 1 April 2026.",
        ),
        traps=("partial-without-date", "no-without-explanation", "answer-contradiction"),
    ),
}

EXAMPLE_HOMES_NOTES = {
    "1.2": 'the quoted definition drops "however made"',
    "2.4": "answered Yes with empty Evidence and Commentary cells",
    "3.1": 'Partial (In Progress) with a target date ("by 31 March 2026")',
    "4.3": "Partial (In Progress) with no target date",
    "5.10": 'Partial (In Progress) with a month-and-year target ("January 2026")',
    "5.2": 'describes an informal "stage 0" before stage 1',
    "5.3": 'negation: "We do not operate a stage 0 or a third stage"',
    "6.2": "a stricter service standard (acknowledged within 3 working days, the Code allows 5)",
    "6.3": "stage 1 response stated as 20 working days (the Code: 10 from acknowledgement)",
    "6.4": "quotes the Code's own extension limit (no more than 10 working days)",
    "6.9": "lists items a) to g) of 6.9 but leaves out e) the remedy",
    "6.14": "states the Code's own stage 2 timescale (20 working days)",
    "9.6": "answered Yes, but the commentary says the Board report is still being developed",
    "9.8": "answered No, with an explanation and a target date (1 April 2026)",
}

EXAMPLE_HOMES_OMIT = {"7.3"}

EXAMPLE_HOMES_TITLE = "Example Homes – Housing Ombudsman Complaint Handling Code 2024: self-assessment"
EXAMPLE_HOMES_INTRO = [
    "Self-assessment completed by the Customer Resolution Manager in September 2025 and considered by the "
    "Board on 23 October 2025.",
    "This form follows the Housing Ombudsman's self-assessment form for the Complaint Handling Code that "
    "came into force on 1 April 2024. Evidence documents are available on request.",
]


def _example_homes_rows() -> list[SampleRow]:
    rows = _form_rows("2024", _noted(EXAMPLE_HOMES_OVERRIDES, EXAMPLE_HOMES_NOTES), EXAMPLE_HOMES_OMIT)
    return _localised(rows, EXAMPLE_HOMES)


def example_homes(stem: str, layout: str, description: str, *, pdf: bool = False) -> Sample:
    return Sample(
        stem=stem,
        landlord="Example Homes",
        web="www.example-homes.org.uk",
        version="2024",
        layout=layout,
        title=EXAMPLE_HOMES_TITLE,
        intro=list(EXAMPLE_HOMES_INTRO),
        rows=_example_homes_rows(),
        description=description,
        pdf=pdf,
        omitted=sorted(EXAMPLE_HOMES_OMIT),
    )


def example_homes_checkboxes() -> Sample:
    """The checkbox variant: one row left with no box ticked, and an edited (tracked) commentary."""
    sample = example_homes(
        "example-homes-2024-checkboxes",
        "checkboxes",
        "Answers as Word checkbox content controls in separate Yes / Partial / No columns; tracked edits.",
    )
    rows = []
    for row in sample.rows:
        if row.provision == "5.9":
            row = replace(
                row,
                reply=Answer(
                    "blank",
                    "",
                    row.reply.evidence,
                    row.reply.commentary,
                    findings=("missing-answer",),
                    note="no box ticked in any answer column",
                ),
            )
        if row.provision == "3.6":
            # Shown with a tracked insertion and a tracked deletion; the reader must keep the insertion
            # and drop the deletion (the document as it would read once the changes are accepted).
            row = replace(
                row,
                reply=replace(
                    row.reply,
                    note="commentary ends with a tracked insertion and a tracked deletion",
                    extra={
                        "inserted": "Representatives can also join meetings by video call.",
                        "deleted": "Representatives must attend meetings in person.",
                    },
                ),
            )
        rows.append(row)
    sample.rows = rows
    # Tracked changes are a property of the document (Word shows them until someone accepts them).
    sample.document_findings = ["tracked-changes"]
    return sample


YES_WORDINGS = ("Yes", "Compliant", "Yes – fully compliant", "Met")
OTHER_WORDINGS = {"partial": "Partially compliant", "no": "Not compliant"}


def example_homes_variants() -> Sample:
    """Other landlords' habits: the id typed at the start of the requirement cell (no id column),
    headers worded "Requirement | Compliant? | Evidence / links | Comments", answers worded
    "Compliant", "Met", "Partially compliant", "Not compliant"."""
    sample = example_homes(
        "example-homes-2024-variants",
        "variants",
        "Four columns with no provision column (the id starts the requirement text), other header "
        "wording, and other answer wording (Compliant, Met, Partially compliant, Not compliant).",
        pdf=True,
    )
    rows = []
    for i, row in enumerate(sample.rows):
        reply = row.reply
        if reply.answer == "yes":
            reply = replace(reply, answer_text=YES_WORDINGS[i % len(YES_WORDINGS)])
        elif reply.answer in OTHER_WORDINGS:
            reply = replace(reply, answer_text=OTHER_WORDINGS[reply.answer])
        rows.append(replace(row, reply=reply))
    sample.rows = rows
    return sample


LEADING_WORDS = {"yes": "Yes", "partial": "Partially", "no": "No"}


def example_homes_narrative() -> Sample:
    """No Comply column: each answer is the first word of the "How we meet this" narrative ("Yes.",
    "Partially.", "No."), as landlords who publish a narrative rather than the form often write it."""
    sample = example_homes(
        "example-homes-2024-narrative",
        "narrative",
        "No Comply column: the answer opens the 'How we meet this' column ('Yes.', 'Partially.', 'No.'); "
        "evidence comes last.",
    )
    rows = []
    for row in sample.rows:
        reply = row.reply
        word = LEADING_WORDS[reply.answer]
        first, *rest = reply.commentary or ("",)
        commentary = (f"{word}. {first}".strip(), *rest)
        rows.append(replace(row, reply=replace(reply, answer_text=word, commentary=commentary)))
    sample.rows = rows
    return sample


def example_homes_merged() -> Sample:
    """Evidence cells merged vertically (w:vMerge) where consecutive rows cite the same document, as
    people tidy a form in Word; one such row (6.5) relies on the shared evidence alone, and one (7.2)
    answers Yes with only "N/A" in its Evidence cell."""
    sample = example_homes(
        "example-homes-2024-merged",
        "merged",
        "As the main demo but an Evidence cell is merged down over consecutive rows that cite the same "
        "document; 6.5 has no commentary of its own and relies on the merged evidence; 7.2 answers Yes "
        "with only 'N/A' as evidence.",
    )
    changes = {  # provision -> what its reply says instead of the main demo's
        "6.5": {
            "commentary": (),
            "traps": ("missing-evidence",),
            "note": "evidence given only by the Evidence cell merged down from 6.4",
        },
        "7.2": {
            "evidence": "N/A",
            "commentary": (),
            "findings": ("evidence-not-applicable",),
            "traps": ("missing-evidence",),
            "note": "a Yes whose Evidence cell holds only a placeholder, with no commentary",
        },
    }
    sample.rows = [
        replace(row, reply=replace(row.reply, **changes[row.provision])) if row.provision in changes else row
        for row in sample.rows
    ]
    return sample


def example_homes_structure() -> Sample:
    """Structural slips on an otherwise clean form: a provision entered twice, a row numbered with an
    id the 2024 Code does not have, and a typo in a number whose requirement text is plainly another
    provision's. The answers are the clean ``content.BASE`` ones, so only the structure is at fault."""
    rows = _localised(_form_rows("2024", {}, set()), EXAMPLE_HOMES)
    out: list[SampleRow] = []
    for row in rows:
        if row.provision == "6.13":
            row = replace(
                row,
                provision="6.31",
                code_id="6.13",
                reply=replace(
                    row.reply,
                    findings=("misnumbered-provision",),
                    traps=("unknown-provision@6.31", "missing-provision@6.13"),
                    note='6.13\'s requirement and answer under the number "6.31" (a typing slip)',
                ),
            )
        out.append(row)
        if row.provision == "2.3":
            second = Answer(
                "yes",
                "Yes",
                "Complaints Policy (version 5, approved April 2025), section 4.2",
                ("The 12-month limit is explained in the complaints leaflet as well as in the policy.",),
                findings=("duplicate-provision",),
                note="2.3 entered a second time, with its own answer",
            )
            out.append(replace(row, reply=second))
        if row.provision == "5.15":
            out.append(
                SampleRow(
                    provision="5.16",
                    requirement="Residents are asked for feedback on how their complaint was handled once it "
                    "is closed.",
                    reply=Answer(
                        "yes",
                        "Yes",
                        "Complaint satisfaction survey",
                        (
                            "A short survey is sent when each complaint is closed and the results are "
                            "reported every quarter.",
                        ),
                        findings=("unknown-provision",),
                        note="a house row numbered 5.16; the 2024 Code's section 5 ends at 5.15",
                    ),
                    section=5,
                )
            )
    sample = example_homes(
        "example-homes-2024-structure",
        "sections",
        "As the main demo's layout, with clean answers but structural slips: a duplicated provision, a row "
        "numbered with an id the 2024 Code does not have, and a misnumbered row.",
    )
    sample.rows = out
    sample.omitted = []
    return sample


# --------------------------------------------------------------------------- Northfield 2022


def _tick(reply: Answer) -> Answer:
    return replace(reply, answer="yes", answer_text="tick") if reply.answer == "yes" else reply


NORTHFIELD_OVERRIDES: dict[str, Answer] = {
    "1.2": yes(
        "{policy}, section 1",
        "Our policy adopts the Code's definition in full: \"an expression of dissatisfaction, however made, "
        "about "
        "the standard of service, actions or lack of action by the organisation, its own staff, or those "
        "acting "
        'on its behalf, affecting an individual resident or group of residents."',
    ),
    "4.1": yes(
        "{policy}, section 4",
        "Concerns resolved on first contact are agreed with the resident and noted on their record. "
        "Complaints "
        "are acknowledged within five working days of receipt.",
    ),
    # Comply cell left empty.
    "4.10": Answer(
        "blank",
        "",
        "",
        (
            "Complaint handlers agree with the resident how often they will be updated and keep to it; "
            "updates "
            "are logged on the case.",
        ),
        findings=("missing-answer",),
    ),
    # 2022 stage 1: 10 working days from logging. 15 is wrong.
    "5.1": replace(
        yes(
            "{policy}, section 5",
            "Stage 1 complaints receive a written response within 15 working days of being logged. "
            "Residents are told in advance if we need longer.",
        ),
        findings=("wrong-timescale",),
    ),
    "5.2": yes(
        "Extension letter template",
        "If we need more time we agree an extension of no more than 10 working days with the resident and "
        "explain why.",
    ),
    "5.13": yes(
        "{policy}, section 5",
        "Stage 2 responses are issued within 20 working days of the escalation request.",
    ),
    # Ticked, but still working towards it.
    "5.12": Answer(
        "yes",
        "tick",
        "",
        (
            "We are still working towards having a different manager consider every stage 2 complaint; at "
            "present "
            "the same team leader sometimes reviews both stages.",
        ),
        findings=("answer-contradiction",),
        tolerated=("partial-without-date",),
    ),
    # A two-stage landlord: the stage three provisions do not apply.
    "5.17": yes(
        "{policy}, section 5",
        "Our procedure has two stages, as the Code recommends.",
    ),
    "5.18": Answer(
        "na",
        "N/A",
        "",
        ("We have no stage three, so this requirement does not apply to us.",),
        traps=("extra-stage", "missing-answer"),
    ),
    "5.19": Answer("na", "N/A", "", ("Not applicable: two-stage procedure.",), traps=("missing-answer",)),
    "5.20": Answer("na", "N/A", "", ("Not applicable: two-stage procedure.",), traps=("missing-answer",)),
    # A No, explained, with a date.
    "7.3": Answer(
        "no",
        "No",
        "",
        (
            "The Board will appoint a lead member for complaints at its meeting on 14 December 2022; the "
            "role "
            "description has been agreed.",
        ),
        traps=("partial-without-date", "no-without-explanation"),
    ),
}

NORTHFIELD_NOTES = {
    "4.10": "Comply cell left empty",
    "5.1": "stage 1 response stated as 15 working days (the 2022 Code: 10 from logging)",
    "5.12": "ticked, but the commentary says the landlord is still working towards it",
    "5.18": 'N/A, "We have no stage three" (a negation, and N/A is an answer)',
    "5.19": "N/A is an answer, not a missing one",
    "5.20": "N/A is an answer, not a missing one",
    "7.3": "answered No, with an explanation and a date",
}

NORTHFIELD_INTRO = [
    "Northfield Housing – review against the Housing Ombudsman Complaint Handling Code (2022) – "
    "self-assessment "
    "form, October 2022.",
    "This self-assessment was completed by the Complaints and Feedback Lead and presented to the Board. "
    "Evidence "
    "is listed alongside each requirement, with commentary where needed.",
]


def northfield() -> Sample:
    rows = _form_rows("2022", _noted(NORTHFIELD_OVERRIDES, NORTHFIELD_NOTES), set())
    rows = [replace(r, reply=_tick(r.reply)) for r in rows]
    rows = _localised(rows, NORTHFIELD)
    # The 2022 form has one combined "Evidence, commentary and any explanations" column.
    rows = [replace(r, reply=_combined(r.reply)) for r in rows]
    return Sample(
        stem="northfield-housing-2022",
        landlord="Northfield Housing",
        web="www.northfield-housing.org.uk",
        version="2022",
        layout="must-should",
        title="Northfield Housing – Complaint Handling Code 2022 self-assessment",
        intro=NORTHFIELD_INTRO,
        rows=rows,
        description="2022 form: must/should tables per section, combined evidence column, Wingdings ticks, "
        "requirements broken over several physical rows, N/A answers.",
        pdf=True,
        document_findings=["outdated-version"],
    )


def _combined(reply: Answer) -> Answer:
    """Fold evidence into the single combined column the 2022 form has."""
    parts = list(reply.commentary)
    if reply.evidence:
        parts.append(f"Evidence: {reply.evidence}.")
    return replace(reply, evidence="", commentary=tuple(parts))


# --------------------------------------------------------------------------- Riverside (joint draft form)

RIVERSIDE_OVERRIDES: dict[str, Answer] = {
    "1.2/ 1.4": yes(
        "{policy}, sections 1 and 2",
        "The policy uses the Code's definition of a complaint and explains, with examples, how a service "
        "request differs from a complaint.",
    ),
    # Comply left empty.
    "4.2": Answer(
        "blank",
        "",
        "Complaints team structure chart",
        ("The Complaints Manager reports to the Director of Housing.",),
        findings=("missing-answer",),
    ),
    # A No with nothing said about it.
    "6.22": Answer("no", "No", "", (), findings=("no-without-explanation", "partial-without-date")),
    "6.3": yes(
        "Complaints performance report",
        "Stage 1 responses are sent within 10 working days of receipt.",
    ),
    "6.18": yes(
        "Complaints performance report",
        "Stage 2 reviews are answered within 20 working days of the escalation request.",
    ),
    "6.1#2": yes(
        "Complaints procedure, triage checklist",
        "The triage checklist asks about the complexity of the complaint and whether the resident is "
        "vulnerable, so that urgent cases are picked up first.",
    ),
    "6.19#2": yes(
        "Complaints performance report",
        "Every stage 2 extension in 2022/23 stayed within a further 20 working days.",
    ),
    "6.24": yes(
        "{policy}, section 6",
        "Our process has two stages; there is no third stage and no informal stage before stage 1.",
    ),
    # A readiness test: nothing about the council's own review of the form (approval-not-stated).
    "8.1": yes(
        "{report}",
        "Our annual report includes this self-assessment, the complaints performance for the year and the "
        "service improvements made because of complaints. It is published on our website.",
    ),
}


def riverside() -> Sample:
    notes = {
        "4.2": "Comply cell left empty",
        "6.22": "answered No with nothing in Explanations and Commentary (and no date)",
        "6.24": '"there is no third stage and no informal stage" (negations)',
        "8.1": "the annual report is described, but not who reviews or approves it",
    }
    rows = _form_rows("joint", _noted(RIVERSIDE_OVERRIDES, notes), set())
    rows = _localised(rows, RIVERSIDE)
    traps = {"6.24": ("extra-stage",)}
    rows = [replace(r, reply=replace(r.reply, traps=traps.get(r.provision, r.reply.traps))) for r in rows]
    return Sample(
        stem="riverside-council-joint",
        landlord="Riverside Council",
        web="www.riverside-council.gov.example",
        version="joint",
        layout="joint",
        title="Riverside Council – Joint Complaint Handling Code: Appendix A – Self-Assessment",
        intro=[
            "Riverside Council has completed the Appendix A self-assessment from the Housing Ombudsman and "
            "Local Government and Social Care Ombudsman joint consultation draft, to test readiness for the "
            "new Code.",
        ],
        rows=rows,
        # The joint draft never came into force: a form that follows it is not against a current Code.
        # A readiness test, it gives no date and says nothing of the council's review (info notes).
        document_findings=["outdated-version", "undated-form", "approval-not-stated"],
        description="Joint draft Appendix A: Comply | Explanations and Commentary | Evidence, printed ids "
        "'1.2/ 1.4', repeated 6.1 and 6.19, 'Stage 1' / 'Stage 2 Review' / 'Further stages' rows.",
        pdf=True,
    )


# --------------------------------------------------------------------------- a blank form


def example_homes_blank() -> Sample:
    """The official 2024 form downloaded and not filled in: every Comply, Evidence and Commentary cell
    empty, the completion and approval line left as empty slots. One document-level error, not 72."""
    blank = Answer("blank", "", note="")
    rows = [replace(r, reply=blank) for r in _form_rows("2024", {}, set())]
    return Sample(
        stem="example-homes-2024-blank",
        landlord="Example Homes",
        web="www.example-homes.org.uk",
        version="2024",
        layout="sections",
        title=EXAMPLE_HOMES_TITLE,
        intro=["Self-assessment completed on: __________    Approved by the governing body on: __________"],
        rows=rows,
        document_findings=["blank-form"],
        description="The 2024 form not filled in: every answer, evidence and commentary cell empty, the "
        "completion line's dates left blank.",
    )


# --------------------------------------------------------------------------- all samples


def all_samples() -> list[Sample]:
    main = example_homes(
        "example-homes-2024",
        "sections",
        "The main demo: 2024 form, five columns, one table per section under a heading, header rows "
        "repeated on every page, long rows that break across PDF pages.",
        pdf=True,
    )
    main.features = ["tblHeader", "pdf-row-breaks"]
    noheader = example_homes(
        "example-homes-2024-noheader",
        "noheader",
        "As the main demo but the tables have no header row: column roles must come from the content "
        "(in the PDF, also where a table continues on the next page).",
        pdf=True,
    )
    onetable = example_homes(
        "example-homes-2024-onetable",
        "onetable",
        "As the main demo but in one long table, with section-heading rows spanning every column.",
        pdf=True,
    )
    onetable.features = ["tblHeader", "gridSpan", "pdf-row-breaks"]
    # No PDF of the checkbox sample: a PDF prints tracked changes as markup (the deleted words stay in
    # the text), so it would not read as the accepted document its expected file describes.
    checkboxes = example_homes_checkboxes()
    checkboxes.features = ["w14:checkbox", "w:ins", "w:del", "w:sdt"]
    variants = example_homes_variants()
    variants.features = ["ids-in-requirement"]
    structure = example_homes_structure()
    narrative = example_homes_narrative()
    merged = example_homes_merged()
    merged.features = ["vMerge"]
    unruled = example_homes(
        "example-homes-2024-unruled",
        "unruled",
        "As the main demo but the tables have no borders and no shading: in the PDF, rows and columns "
        "can only be told from the position of the text.",
        pdf=True,
    )
    north = northfield()
    north.features = ["w:sym", "pdf-row-breaks"]
    river = riverside()
    blank = example_homes_blank()
    return [
        main,
        noheader,
        onetable,
        unruled,
        checkboxes,
        variants,
        narrative,
        merged,
        structure,
        north,
        river,
        example_homes_web(),
        example_homes_blocks(),
        example_homes_workbook(),
        example_homes_actions(),
        blank,
    ]


# --------------------------------------------------------------------------- web pages, workbooks


def example_homes_web() -> Sample:
    """The 2024 form published as a web page: site chrome, one table per section with a <thead>, links
    in the evidence, lists inside cells, one Comply cell merged with its Evidence cell; and the PDF a
    browser prints from it (rows broken across pages without their bottom border)."""
    sample = example_homes(
        "example-homes-2024-web",
        "web-tables",
        "The main demo published as a web page (site header, menu, cookie banner, footer; one table per "
        "section; links; lists in cells; 2.1's Comply cell merged with its Evidence cell), and the PDF "
        "a browser prints from it.",
    )
    sample.formats = ("html",)
    sample.browser_pdf = True
    rows = []
    for row in sample.rows:
        if row.provision == "2.1":
            merged = {**row.reply.extra, "merge_comply": True}
            note = "its Comply cell is merged with its Evidence cell"
            row = replace(row, reply=replace(row.reply, note=note, extra=merged))
        rows.append(row)
    sample.rows = rows
    sample.features = ["thead", "colspan-comply-evidence", "chrome", "lists-in-cells"]
    return sample


def example_homes_blocks() -> Sample:
    """Labelled blocks instead of a table (DOCX with heading styles and bold labels, web page with
    definition lists); 7.3's block is printed without its number, so the reader cannot place it."""
    overrides = _noted(EXAMPLE_HOMES_OVERRIDES, EXAMPLE_HOMES_NOTES)
    rows = _localised(_form_rows("2024", overrides, set()), EXAMPLE_HOMES)
    rows = [
        replace(r, reply=replace(r.reply, note="its block is headed 'Code provision' with no number"))
        if r.provision == "7.3"
        else r
        for r in rows
    ]
    return Sample(
        stem="example-homes-2024-blocks",
        landlord="Example Homes",
        web="www.example-homes.org.uk",
        version="2024",
        layout="blocks",
        title=EXAMPLE_HOMES_TITLE,
        intro=list(EXAMPLE_HOMES_INTRO),
        rows=rows,
        description="No table: each provision is a block ('Code provision 6.3', then Requirement, Do we "
        "comply?, Evidence, Commentary) in Word (heading styles, bold labels, the answer on the label's "
        "line) and on a web page (definition lists). 7.3's block has lost its number.",
        formats=("docx", "html"),
        unnumbered=["7.3"],
        document_findings=["reader-note"],
        features=["labelled-blocks"],
    )


def example_homes_workbook() -> Sample:
    """The 2024 form kept as a workbook: one sheet per section, a title row merged across the sheet
    above the header row, provision numbers stored as text; a hidden sheet of answer choices."""
    sample = example_homes(
        "example-homes-2024-workbook",
        "workbook",
        "An Excel workbook: one worksheet per section, a merged title row above the header, provision "
        "numbers stored as text, a hidden sheet holding the answer choices.",
    )
    sample.formats = ("xlsx",)
    sample.features = ["sheet-per-section", "merged-title", "hidden-sheet"]
    return sample


RAG_COLOURS = {"yes": "green", "partial": "amber", "no": "red"}
ACTION_PLAN: dict[str, dict[str, str]] = {
    "3.1": {
        "actions": "Procure the British Sign Language video relay service",
        "owner": "Customer Resolution Manager",
        "target_date": "31 March 2026",
    },
    "4.3": {
        "actions": "Deliver refresher training to repairs and neighbourhood staff",
        "owner": "Learning and Development Lead",
        "target_date": "30 June 2026",
    },
    "5.10": {
        "actions": "Link the adjustments register to the repairs system",
        "owner": "Head of Digital Services",
        "target_date": "January 2026",
    },
    "9.8": {
        "actions": "Add a complaint handling objective to every appraisal",
        "owner": "Head of People",
        "target_date": "1 April 2026",
    },
}


def example_homes_actions() -> Sample:
    """A house form with the columns landlords add: one tick column per answer, a RAG status shown by
    the cell's colour alone, Actions, Owner and Target date; each section's requirement column is
    headed with the section's title. 4.3's target date is in its Target date column only."""
    sample = example_homes(
        "example-homes-2024-actions",
        "actions",
        "A workbook with the columns house forms add: Yes / Partial / No tick columns, a RAG status shown "
        "by colour alone, Actions, Owner and Target date; each sheet's requirement column is headed with "
        "the section's title. 4.3 gives its target date in the Target date column only.",
    )
    sample.formats = ("xlsx",)
    rows = []
    for row in sample.rows:
        reply = row.reply
        plan = ACTION_PLAN.get(row.provision, {})
        extra = {
            "actions": plan.get("actions", ""),
            "owner": plan.get("owner", ""),
            "target_date": plan.get("target_date", ""),
            "rag": RAG_COLOURS.get(reply.answer, ""),
        }
        if row.provision == "4.3":
            reply = replace(
                reply,
                findings=(),
                traps=("partial-without-date",),
                note="Partial, no date in the commentary; the Target date column says 30 June 2026",
            )
        rows.append(replace(row, reply=replace(reply, answer_text="tick", extra={**reply.extra, **extra})))
    sample.rows = rows
    sample.features = ["tick-columns", "rag-fill", "actions-owner-target", "section-title-header"]
    return sample


def split_requirement(text: str, width: int = 110) -> list[str]:
    """Break a requirement into the physical rows a PDF-to-DOCX conversion leaves (2022 layout).

    Splits after sentences or list items so each piece is at most about ``width`` characters.
    """
    pieces = [p for p in re.split(r"(?<=[.;:])\s+|\n", text) if p.strip()]
    chunks: list[str] = []
    for piece in pieces:
        if chunks and len(chunks[-1]) + len(piece) + 1 <= width:
            chunks[-1] = f"{chunks[-1]} {piece}"
        else:
            chunks.append(piece)
    return chunks
