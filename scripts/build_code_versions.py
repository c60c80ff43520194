"""One-off converter: the reference Markdown in ../shared/reference -> code_versions/*.yaml.

Why a script at all: the reference texts hold ~225 provisions whose wording must be copied verbatim;
transcribing them by hand invites typos in the very text that ``definition-mismatch`` compares against.
The committed YAML is the source of truth afterwards: codecheck never reads ../shared at run time, and a
hand edit to the YAML is fine (re-running this script would overwrite it, so re-run only on purpose).

What the Markdown cannot say (structured timescales, metadata, detection hints, paraphrases for the
paragraphs whose text was never found) is written down here, next to the reference it came from.

Usage: python scripts/build_code_versions.py [--shared ../shared] [--out code_versions] [--force]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

import yaml

HEAD_PROV = re.compile(r"^### (\d+\.\d+) \(([^)]*)\)(.*)$")
HEAD_SECTION = re.compile(r"^## (?:Section )?(\d+)[.:]?\s*[–-]?\s*(.+)$")
HEAD_STAGE = re.compile(r"^#### (Stage \d+.*|Further stage.*)$")
HEAD_FORM_ROW = re.compile(r"^#### (\d+\.\d+(?:/\s*\d+\.\d+)?)\s*$")
ITEM = re.compile(r"^- (?:([a-z])[.)]\s+)?(.*)$")


def clean(text: str) -> str:
    """Strip the Markdown emphasis the reference files add (underline shown as __x__, italics *x*)."""
    text = text.replace("__", "").replace("*", "")
    return " ".join(text.split())


def parse_block(lines: list[str]) -> dict[str, Any]:
    """Split a provision's body into lead text, list items and notes."""
    lead: list[str] = []
    items: list[dict[str, str]] = []
    notes: list[str] = []
    in_note = False
    for raw in lines:
        line = raw.rstrip()
        if not line.strip():
            in_note = False
            continue
        if line.startswith("_Note:") or in_note:
            in_note = True
            notes.append(line.strip().removeprefix("_Note:").strip().rstrip("_"))
            continue
        if line.startswith("_("):  # editorial remark about the source layout
            continue
        if line.startswith("[") and line.endswith("]"):
            notes.append("The draft adds: " + line.strip("[]"))
            continue
        m = ITEM.match(line)
        if m:
            label = m.group(1) or str(len(items) + 1)
            items.append({"label": label, "text": clean(m.group(2))})
            continue
        if items:
            # a continuation line (page break inside an item, or a lone "and" between items)
            items[-1]["text"] = clean(items[-1]["text"] + " " + line)
            continue
        lead.append(line.strip())
    text = clean(" ".join(lead))
    full = text
    if items:
        rendered = [f"{it['label']}. {it['text']}" if it["label"].isalpha() else it["text"] for it in items]
        full = "\n".join([text, *rendered])
    return {"text": full, "items": items, "note": " ".join(notes) or None}


def parse_code(path: Path, stage_map: dict[str, int | None]) -> tuple[list[dict], list[dict], dict]:
    """Parse a reference file's Code body: sections, provisions and the `→ 2024` column (joint only)."""
    sections: list[dict] = []
    provisions: list[dict] = []
    nearest: dict[str, str] = {}
    current: dict | None = None
    body: list[str] = []
    section_no: int | None = None
    stage: int | None = None

    def flush() -> None:
        nonlocal current, body
        if current is not None:
            current.update(parse_block(body))
            provisions.append(current)
        current, body = None, []

    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# Part 2"):
            break
        m = HEAD_SECTION.match(line)
        if m and not line.startswith("###"):
            flush()
            section_no = int(m.group(1))
            title = m.group(2).strip()
            sections.append({"number": section_no, "title": title})
            stage = None
            continue
        m = HEAD_STAGE.match(line)
        if m:
            flush()
            stage = stage_map[m.group(1).strip()]
            continue
        m = HEAD_PROV.match(line)
        if m:
            flush()
            pid, status, rest = m.group(1), m.group(2), m.group(3)
            arrow = re.search(r"→ 2024: (.*)$", rest)
            if arrow:
                nearest[pid] = arrow.group(1).strip()
            obligation = status.split(";")[0].strip()
            assert int(pid.split(".")[0]) == section_no, pid
            current = {
                "id": pid,
                "section": section_no,
                "stage": stage,
                "obligation": obligation,
                "on_form": obligation != "intro",
                "status_note": status if ";" in status else None,
                "text_note": re.sub(r"→ 2024:.*$", "", rest).strip().strip("()") or None,
            }
            continue
        if line.startswith("## ") or line.startswith("# "):
            flush()
            continue
        if current is not None:
            body.append(line)
    flush()
    return sections, provisions, nearest


def parse_joint_form(path: Path) -> list[dict]:
    """Parse Part 2 of joint-draft.md: the Appendix A statements in document order, ids as printed."""
    rows: list[dict] = []
    started = False
    current: dict | None = None
    body: list[str] = []

    def flush() -> None:
        nonlocal current, body
        if current is not None:
            block = parse_block(body)
            current["text"] = block["text"]
            rows.append(current)
        current, body = None, []

    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# Part 2"):
            started = True
            continue
        if not started:
            continue
        m = HEAD_FORM_ROW.match(line)
        if m:
            flush()
            printed = m.group(1)
            covers = [p.strip() for p in printed.split("/")]
            current = {"id": printed, "covers": covers}
            continue
        if line.startswith("## "):
            flush()
            continue
        if current is not None:
            body.append(line)
    flush()
    return rows


# --------------------------------------------------------------------------- hand-written facts

WD = "working_days"


def ts(
    what: str,
    number: int,
    unit: str = WD,
    stage: int | None = None,
    counted_from: str | None = None,
    note: str | None = None,
) -> dict:
    out: dict[str, Any] = {
        "what": what,
        "stage": stage,
        "number": number,
        "unit": unit,
        "counted_from": counted_from,
    }
    if note:
        out["note"] = note
    return out


# reference/timescales.md, one line per row of its tables
TIMESCALES: dict[str, dict[str, list[dict]]] = {
    "2024": {
        "2.2": [
            ts(
                "time_limit",
                12,
                "months",
                None,
                "aware",
                "acceptable exclusion: the issue occurred over twelve months ago",
            )
        ],
        "2.3": [
            ts(
                "time_limit",
                12,
                "months",
                None,
                "aware",
                "complaints must be accepted within 12 months of the issue occurring or the resident "
                "becoming aware of it; discretion must be considered beyond that",
            )
        ],
        "6.2": [ts("acknowledge", 5, WD, 1, "received", "acknowledge, define and log at stage 1")],
        "6.3": [ts("respond", 10, WD, 1, "acknowledged", "full stage 1 response")],
        "6.4": [
            ts(
                "extend",
                10,
                WD,
                1,
                None,
                "at most 10 working days beyond the stage 1 response time without good reason",
            )
        ],
        "6.11": [
            ts(
                "acknowledge",
                5,
                WD,
                2,
                "escalated",
                "acknowledge, define and log the escalation request at stage 2",
            )
        ],
        "6.14": [ts("respond", 20, WD, 2, "acknowledged", "final stage 2 response")],
        "6.15": [
            ts(
                "extend",
                20,
                WD,
                2,
                None,
                "at most 20 working days beyond the stage 2 response time without good reason",
            )
        ],
    },
    "2022": {
        "4.1": [
            ts(
                "acknowledge",
                5,
                WD,
                1,
                "received",
                "the form prints 'within five days of receipt'; the Ombudsman's guide to the 2022 "
                "changes calls it five working days",
            )
        ],
        "5.1": [
            ts("respond", 10, WD, 1, "logged"),
            ts(
                "extend",
                10,
                WD,
                1,
                None,
                "'should not exceed a further 10 days without good reason' (the text says days)",
            ),
        ],
        "5.2": [
            ts(
                "extend",
                10,
                WD,
                1,
                None,
                "an extension taking the total beyond 20 working days should be agreed by both parties",
            )
        ],
        "5.13": [
            ts("respond", 20, WD, 2, "escalated"),
            ts(
                "extend",
                10,
                WD,
                2,
                None,
                "'should not exceed a further 10 days without good reason' (the text says days)",
            ),
        ],
        "5.14": [
            ts(
                "extend",
                10,
                WD,
                2,
                None,
                "an extension beyond 10 working days should be agreed by both parties",
            )
        ],
        "5.18": [
            ts(
                "respond",
                20,
                WD,
                3,
                "escalated",
                "only where a third stage exists; more time only to convene a panel",
            )
        ],
    },
    "joint": {
        "2.2": [ts("time_limit", 12, "months", None, "aware")],
        "6.2": [ts("acknowledge", 5, WD, 1, "received")],
        "6.3": [
            ts(
                "respond",
                10,
                WD,
                1,
                "received",
                "counted from receipt, unlike the 2024 Code (from acknowledgement)",
            )
        ],
        "6.4": [ts("extend", 10, WD, 1, None, "Appendix A prints '10 days' without 'working'")],
        "6.13": [ts("acknowledge", 5, WD, 2, "escalated")],
        "6.18": [
            ts(
                "respond",
                20,
                WD,
                2,
                "escalated",
                "counted from escalation, unlike the 2024 Code (from acknowledgement)",
            )
        ],
        "6.19": [ts("extend", 20, WD, 2, None)],
    },
}

# Paraphrases for the paragraphs whose text was never found (reference READMEs say so).
PARAPHRASE: dict[str, dict[str, tuple[str, str]]] = {
    "2024": {
        "1.1": (
            "Effective complaint handling enables residents to be heard and understood. The starting "
            "point for this is a shared understanding of what constitutes a complaint.",
            "Wording not found verbatim: paraphrase from the Joint draft 1.1 with 'residents' for "
            "'individuals'. Introductory; not on the self-assessment form.",
        ),
    },
    "2022": {
        "1.1": (
            "Effective complaint handling enables residents to be heard and understood. The starting "
            "point for this is a shared understanding of what constitutes a complaint.",
            "Wording not found: paraphrase from the 2024 Code 1.1 and Joint draft 1.1 (unverified for "
            "2022). Introductory; not on the self-assessment form.",
        ),
        "6.4": (
            "Remedies can include: apologising; acknowledging where things have gone wrong; providing an "
            "explanation, assistance or reasons; taking action if there has been delay; reconsidering or "
            "changing a decision; amending a record or adding a correction or addendum; providing a "
            "financial remedy; changing policies, procedures or practices.",
            "Wording not found: paraphrase from the 2024 Code 7.1 list of remedies (unverified). "
            "Not on the self-assessment form.",
        ),
        "7.1": (
            "A positive complaint handling culture is integral to the effectiveness with which landlords "
            "resolve disputes; complaints are a source of intelligence to identify issues and improve "
            "services.",
            "Wording not found: paraphrase from the 2024 Code 9.2 (unverified). Not on the "
            "self-assessment form.",
        ),
    },
    "joint": {},
}

EXTRA_NOTES: dict[str, dict[str, str]] = {
    "2022": {
        "1.6": "The form quotes only the closing clause; the opening words were not found.",
        "3.2": "The form quotes only the closing clause; the opening words were not found.",
        "1.8": "The Code is believed to continue with a list of acceptable exclusions (not found); a "
        "six-month time limit is reported but unverified, so no structured time limit is recorded.",
        "5.17": "Third-stage rule: under the 2022 Code a two-stage procedure is the ideal; a third stage is "
        "allowed only if the landlord sets out its reasons in its self-assessment, and more than three "
        "stages is never acceptable. An answer such as 'N/A - we have a two-stage process' to "
        "5.17-5.20 is normal. The 2024 Code (5.3) bans any third stage.",
    },
    "2024": {
        "5.3": "Any third stage (or a 'stage 0' / informal stage, see 5.2) is a breach of the 2024 Code.",
    },
    "joint": {
        "6.23": "Printed under the heading 'Further stage' but it is about stage 2 (the final response), "
        "so it is recorded as stage 2.",
        "6.24": "Printed under the heading 'Further stage' although it forbids more than two stages.",
    },
}

# Reference notes that cite seed files or named landlords, or need rewording for users: replaced whole.
NOTE_OVERRIDES: dict[str, dict[str, str]] = {
    "2022": {
        "1.6": "The form quotes only the closing clause; the opening words of 1.6 were not found. Some "
        "copies drop the ellipsis and start 'If further enquiries ...'. The Ombudsman's 2022 FAQ: first-time "
        "service issues may be handled as service requests, but where substantial further enquiries "
        "are needed or the resident asks, the issue becomes a complaint.",
        "1.8": "The Code paragraph is believed to continue with a list of acceptable exclusions "
        "(cf. 2024 2.2) that the form does not quote. A six-month time limit for raising a complaint "
        "is reported (2024: 12 months) but unverified, so no structured time limit is recorded.",
        "3.2": "The form quotes only the closing clause; the opening words of 3.2 were not found.",
        "4.1": "The acknowledgement timescale is printed 'five days' (not 'working days') in the form; the "
        "Ombudsman's guide to the 2022 changes describes it as five working days. The ban on extra "
        "named stages ('stage 0', 'pre-complaint stage') is here in 2022 (2024: 5.2).",
        "4.13": "The Code fixes no number: each landlord sets its own window for requesting escalation.",
        "5.1": "Response counted from logging, not acknowledgement (2024 counts from acknowledgement). The "
        "extension is 'a further 10 days' (unit not stated).",
        "5.17": "Third-stage rule: under the 2022 Code a two-stage procedure is the ideal; a third stage is "
        "allowed only if the landlord sets out its reasons for it in its self-assessment, and more "
        "than three stages is never acceptable. An answer such as 'N/A - we have a two-stage "
        "process' to 5.17-5.20 is normal. The 2024 Code (5.3) bans any third stage.",
        "7.4": "Five items; some copies lose the last item's bullet.",
    },
    "2024": {
        "9.8": "Some PDF reproductions duplicate the item label ('c. c.').",
    },
    "joint": {},
}

HOS = "Housing Ombudsman Service"
LGSCO = "Local Government and Social Care Ombudsman"
HOS_CONTACTS = {
    "name": HOS,
    "website": "https://www.housing-ombudsman.org.uk",
    "phone": "0300 111 3000",
}

META: dict[str, dict[str, Any]] = {
    "2022": {
        "title": "Housing Ombudsman Complaint Handling Code (2022)",
        "short_title": "HOS Code 2022",
        "publishers": [HOS],
        "published": None,
        "in_force_from": "2022-04-01",
        "in_force_to": "2024-03-31",
        "supersedes": None,
        "superseded_by": "2024",
        "max_stages": 3,
        "source": "Housing Ombudsman 2022 self-assessment form, which quotes each requirement and sorts it "
        "into 'must' and 'should' tables; 1.1, 6.4 and 7.1 paraphrased (not on the form). Governs "
        "complaints made before 1 April 2024; landlords had until 1 October 2022 to self-assess.",
        "contacts": {"ombudsman": [HOS_CONTACTS]},
        "detection": {
            "title_patterns": [
                r"(?:complaint handling code|housing ombudsman)\b.{0,80}\b2022\b",
                r"\b2022\b.{0,80}(?:complaint handling code|housing ombudsman)",
            ],
            "keywords": [
                "Mandatory 'must' requirements",
                "Best practice 'should' requirements",
                "Complaint handling personnel",
                "Complaint handling principles",
                "within 10 working days of the complaint being logged",
                "affecting an individual resident or group of residents",
                "Evidence, commentary and any explanations",
                "stage three",
                "Two stage landlord complaint procedures are ideal",
            ],
        },
        "definition_phrases": [
            "expression of dissatisfaction",
            "however made",
            "standard of service",
            "actions or lack of action",
            "its own staff",
            "those acting on its behalf",
            "affecting an individual resident or group of residents",
        ],
    },
    "joint": {
        "title": "Joint Complaint Handling Code (Housing Ombudsman and Local Government and Social Care "
        "Ombudsman) - consultation draft",
        "short_title": "Joint Code draft 2023",
        "publishers": [HOS, LGSCO],
        "published": "2023-09-28",
        "in_force_from": None,
        "in_force_to": None,
        "supersedes": "2022",
        "superseded_by": "2024",
        "max_stages": 2,
        "source": "The consultation draft (28 September - 23 November 2023; 'Date published: TBC'), Code "
        "body 1.1-9.8 and its Appendix A self-assessment statements. Never issued: the Housing Ombudsman "
        "issued its statutory Code (2024) and the LGSCO its own Code instead.",
        "contacts": {
            "ombudsman": [HOS_CONTACTS, {"name": LGSCO}],
            "note": "the draft refers to 'the relevant Ombudsman'",
        },
        "detection": {
            "title_patterns": [r"joint complaint handling code"],
            "keywords": [
                "relevant Ombudsman",
                "Stage 2 Review",
                "comply or explain",
                "affecting an individual or group of individuals",
                "Explanations and Commentary",
                "Further stages",
                "of the complaint being escalated by the individual",
            ],
        },
        "definition_phrases": [
            "expression of dissatisfaction",
            "however made",
            "standard of service",
            "actions or lack of action",
            "its own staff",
            "those acting on its behalf",
            "affecting an individual or group of individuals",
        ],
    },
    "2024": {
        "title": "Housing Ombudsman Complaint Handling Code (statutory, 2024)",
        "short_title": "HOS Code 2024",
        "publishers": [HOS],
        "published": None,  # "issued February 2024": the day is not in the references
        "in_force_from": "2024-04-01",
        "in_force_to": None,
        "supersedes": "2022",
        "superseded_by": None,
        "max_stages": 2,
        "source": "Housing Ombudsman statutory Complaint Handling Code (issued February 2024, statutory from "
        "1 April 2024 under the Social Housing (Regulation) Act 2023); wording of 1.2-9.8 as restated "
        "in the Ombudsman's Appendix A self-assessment form; 1.1 paraphrased. Every provision is "
        "mandatory.",
        "contacts": {"ombudsman": [HOS_CONTACTS]},
        "detection": {
            "title_patterns": [
                r"(?:complaint handling code|housing ombudsman)\b.{0,80}\b2024\b",
                r"\b2024\b.{0,80}(?:complaint handling code|self[- ]assessment)",
            ],
            "keywords": [
                "acknowledged, defined and logged",
                "the MRC",
                "within 10 working days of the complaint being acknowledged",
                "affecting a resident or group of residents",
                "Comply: Yes / No",
                "Commentary / explanation",
                "Scrutiny and oversight",
            ],
        },
        "definition_phrases": [
            "expression of dissatisfaction",
            "however made",
            "standard of service",
            "actions or lack of action",
            "its own staff",
            "those acting on its behalf",
            "affecting a resident or group of residents",
        ],
    },
}

STAGES = {
    "2024": {"Stage 1": 1, "Stage 2": 2},
    "2022": {"Stage 1": 1, "Stage 2": 2, "Stage 3": 3},
    "joint": {"Stage 1": 1, "Stage 2 Review": 2, "Further stage": None},
}

# Provisions whose printed heading puts them in the wrong stage.
STAGE_OVERRIDES: dict[str, dict[str, int | None]] = {"joint": {"6.23": 2}}

FILES = {"2022": "hoc-2022.md", "2024": "hoc-2024.md", "joint": "joint-draft.md"}


def definition(provisions: list[dict], phrases: list[str]) -> dict:
    text = next(p for p in provisions if p["id"] == "1.2")["text"]
    m = re.search(r"['‘](an expression of dissatisfaction.*?)(?:['’]|$)", text)
    assert m, text
    quoted = m.group(1).rstrip(".") + "."
    for phrase in phrases:
        assert phrase.lower() in quoted.lower(), (phrase, quoted)
    return {"provision": "1.2", "text": quoted, "key_phrases": phrases}


def build_version(vid: str, shared: Path) -> tuple[dict, dict]:
    sections, provisions, nearest = parse_code(shared / "reference" / FILES[vid], STAGES[vid])
    meta = META[vid]
    out_provs = []
    for p in provisions:
        pid = p["id"]
        note_parts = []
        if pid in PARAPHRASE[vid]:
            p["text"], para_note = PARAPHRASE[vid][pid]
            p["items"] = []
            p["note"] = None
            note_parts.append(para_note)
        if p.get("status_note"):
            note_parts.append(
                f"Form table '{p['obligation']}'; the text {p['status_note'].split(';')[1].strip()}."
            )
        if pid in NOTE_OVERRIDES[vid]:
            note_parts.append(NOTE_OVERRIDES[vid][pid])
        elif p.get("note"):
            md_note = clean(p["note"])
            note_parts.append(md_note[:1].upper() + md_note[1:])
        if pid in EXTRA_NOTES[vid]:
            note_parts.append(EXTRA_NOTES[vid][pid])
        entry: dict[str, Any] = {
            "id": pid,
            "section": p["section"],
            "stage": STAGE_OVERRIDES.get(vid, {}).get(pid, p["stage"]),
            "obligation": p["obligation"],
            "on_form": p["on_form"],
            "text": p["text"],
        }
        if p["items"]:
            entry["items"] = p["items"]
        if pid in TIMESCALES[vid]:
            entry["timescales"] = TIMESCALES[vid][pid]
        if note_parts:
            entry["note"] = " ".join(note_parts)
        out_provs.append(entry)
    ids = [p["id"] for p in out_provs]
    assert len(ids) == len(set(ids)), vid
    for pid in TIMESCALES[vid]:
        assert pid in ids, (vid, pid)

    doc: dict[str, Any] = {"schema": 1, "id": vid}
    for key in (
        "title",
        "short_title",
        "publishers",
        "published",
        "in_force_from",
        "in_force_to",
        "supersedes",
        "superseded_by",
        "max_stages",
        "source",
        "contacts",
        "detection",
    ):
        doc[key] = meta[key]
    doc["complaint_definition"] = definition(out_provs, meta["definition_phrases"])
    doc["sections"] = sections
    doc["provisions"] = out_provs

    if vid == "2022":
        # The 2022 form has, per section, a "Mandatory 'must' requirements" table then a "Best practice
        # 'should' requirements" table; rows follow that order, not the numbering.
        form = []
        for sec in sections:
            for obligation in ("must", "should"):
                form += [
                    {"id": p["id"], "covers": [p["id"]]}
                    for p in out_provs
                    if p["section"] == sec["number"] and p["on_form"] and p["obligation"] == obligation
                ]
        doc["form"] = form
    if vid == "joint":
        rows = parse_joint_form(shared / "reference" / FILES[vid])
        form = []
        texts: dict[str, list[str]] = {}
        for r in rows:
            for c in r["covers"]:
                assert c in ids, c
                texts.setdefault(c, []).append(r["text"])
            form.append({"id": r["id"], "covers": r["covers"], "text": r["text"]})
        doc["form"] = form
        on_form = set(texts)
        for entry in out_provs:
            entry["on_form"] = entry["id"] in on_form
            if entry["id"] in texts:
                # insert form_text right after text for readability
                entry_items = list(entry.items())
                entry.clear()
                for k, v in entry_items:
                    entry[k] = v
                    if k == "text":
                        entry["form_text"] = "\n".join(texts[entry["id"]])
        doc["aliases"] = {"1.2/1.4": ["1.2", "1.4"]}
    return doc, nearest


def norm(text: str) -> str:
    """Text compared for 'reworded': case, quotes, punctuation and spacing do not count."""
    text = (
        text.lower()
        .replace("’", "'")
        .replace("‘", "'")
        .replace("stage two", "stage 2")
        .replace("stage one", "stage 1")
    )
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


def terms(text: str) -> str:
    """The joint draft's text in the 2024 Code's vocabulary, to tell a terminology-only rewording."""
    text = norm(text)
    for old, new in (
        (r"\ban organisation\b", "a landlord"),
        (r"\borganisations\b", "landlords"),
        (r"\borganisation\b", "landlord"),
        (r"\ban individual\b", "a resident"),
        (r"\bindividuals\b", "residents"),
        (r"\bindividual\b", "resident"),
        (r"\bthe relevant ombudsman\b", "the ombudsman"),
        (r"\brelevant ombudsman\b", "ombudsman"),
        (r"\bthe member\b", "the mrc"),
        (r"\bits\b", "their"),
    ):
        text = re.sub(old, new, text)
    return text


def build_map_2022_2024(shared: Path, v22: dict, v24: dict) -> dict:
    """Turn the mapping table of changes-2022-2024.md into map entries with change kinds."""
    by22 = {p["id"]: p for p in v22["provisions"]}
    by24 = {p["id"]: p for p in v24["provisions"]}
    ts_changed_2022 = {"4.1", "5.1", "5.2", "5.13", "5.14"}
    entries = []
    for line in (shared / "reference" / "changes-2022-2024.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 5 or not re.match(r"^(\d+\.\d+|—)$", cells[0]):
            continue
        from_id, _status, to_cell, relation, what = cells
        from_ids = [] if from_id == "—" else [from_id]
        to_ids = [] if to_cell == "—" else re.findall(r"\d+\.\d+", re.sub(r"\s[a-g]\b", "", to_cell))
        changes: list[str] = []
        if relation.startswith("new"):
            changes = ["added"]
        elif relation == "dropped":
            changes = ["removed"]
        else:
            if from_ids and to_ids != from_ids:
                changes.append("renumbered")
            if relation == "merged":
                changes.append("merged")
            elif relation == "split" or len(to_ids) > 1:
                changes.append("split")
            same_text = len(to_ids) == 1 and norm(by22[from_id]["text"]) == norm(by24[to_ids[0]]["text"])
            if not same_text:
                changes.append("reworded")
            elif to_ids == from_ids:
                changes.append("unchanged")
            f = by22.get(from_id)
            if f and f["obligation"] == "should" and any(by24[t]["obligation"] == "must" for t in to_ids):
                changes.append("strengthened")
            if from_id in ts_changed_2022:
                changes.append("timescale_changed")
        note = what
        if relation == "uncertain":
            note = f"uncertain (2022 text incomplete): {what}"
        if to_cell.strip() not in ("—",) and re.search(r"\d+\.\d+ [a-g]\b", to_cell):
            note = f"{to_cell}: {note}"
        # "6.17, 6.18" rows list two new provisions: one entry each so that counterparts stay exact
        if changes == ["added"] and len(to_ids) > 1:
            for t in to_ids:
                entries.append({"from": [], "to": [t], "changes": ["added"], "note": what})
            continue
        entries.append(
            {"from": from_ids, "to": to_ids, "changes": sorted(set(changes), key=changes.index), "note": note}
        )
    return {"schema": 1, "from": "2022", "to": "2024", "entries": entries}


def build_map_2024_joint(nearest: dict[str, str], v24: dict, vj: dict) -> dict:
    """Reverse the joint draft's '→ 2024' column into a 2024 -> joint map."""
    byj = {p["id"]: p for p in vj["provisions"]}
    by24 = {p["id"]: p for p in v24["provisions"]}
    to_joint: dict[str, list[str]] = {}
    entries = []
    for jid, cell in nearest.items():
        targets = re.findall(r"\d+\.\d+", cell.split("(")[0])
        if not targets:
            entries.append(
                {
                    "from": [],
                    "to": [jid],
                    "changes": ["added"],
                    "note": "in the Joint draft only, dropped from the 2024 Code"
                    + (f" ({cell.strip('— ()').removesuffix('; dropped')})" if "duplicate" in cell else ""),
                }
            )
            continue
        for t in targets:
            to_joint.setdefault(t, []).append(jid)
    for pid in by24:
        js = to_joint.get(pid, [])
        if not js:
            entries.append(
                {"from": [pid], "to": [], "changes": ["removed"], "note": "no counterpart in the Joint draft"}
            )
            continue
        changes: list[str] = []
        if js != [pid]:
            changes.append("renumbered")
        if len(js) > 1:
            changes.append("split")
        jtexts = " ".join(byj[j]["text"] for j in js)
        if len(js) == 1 and sum(js[0] in targets for targets in to_joint.values()) > 1:
            changes.append("merged")
        changes.append("reworded" if norm(jtexts) != norm(by24[pid]["text"]) else "unchanged")
        notes = []
        if "reworded" in changes and len(js) == 1 and terms(jtexts) == terms(by24[pid]["text"]):
            notes.append("same rule; only the draft's 'organisation' / 'individual' wording differs")
        t24 = {
            (t["what"], t["stage"], t["number"], t["unit"], t["counted_from"])
            for t in by24[pid].get("timescales", [])
        }
        tj = {
            (t["what"], t["stage"], t["number"], t["unit"], t["counted_from"])
            for j in js
            for t in byj[j].get("timescales", [])
        }
        if t24 != tj:
            changes.append("timescale_changed")
        for j in js:
            m = re.search(r"\((.*)\)", nearest[j])
            if m:
                notes.append(f"joint {j}: {m.group(1)}")
        entries.append({"from": [pid], "to": js, "changes": changes, "note": "; ".join(notes) or None})
    return {"schema": 1, "from": "2024", "to": "joint", "entries": entries}


class _Dumper(yaml.SafeDumper):
    pass


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def dump(doc: dict, path: Path, force: bool) -> None:
    if path.exists() and not force:
        sys.exit(f"{path} exists; use --force to overwrite it")
    header = (
        "# Generated once by scripts/build_code_versions.py from ../shared/reference; this file is now\n"
        "# the source of truth (edit it by hand; see docs in src/codecheck/codes/schema.py).\n"
    )
    path.write_text(
        header + yaml.dump(doc, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=110),
        encoding="utf-8",
    )


def dump_map(doc: dict, path: Path, force: bool) -> None:
    """Maps are easier to review one entry per line (flow style), as in the issue's example."""
    import json

    if path.exists() and not force:
        sys.exit(f"{path} exists; use --force to overwrite it")
    lines = [
        "# Generated once by scripts/build_code_versions.py from ../shared/reference (mapping table of",
        "# changes-2022-2024.md, '-> 2024' column of joint-draft.md); now the source of truth, edit by hand.",
        "# changes: unchanged reworded renumbered strengthened weakened timescale_changed added removed",
        "#          merged split",
        f"schema: {doc['schema']}",
        f"from: {json.dumps(doc['from'])}",
        f"to: {json.dumps(doc['to'])}",
        "entries:",
    ]
    for e in doc["entries"]:
        parts = [f"{k}: {json.dumps(e[k], ensure_ascii=False)}" for k in ("from", "to", "changes")]
        if e.get("note"):
            parts.append(f"note: {json.dumps(e['note'], ensure_ascii=False)}")
        lines.append("  - {" + ", ".join(parts) + "}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared")
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "code_versions")
    ap.add_argument("--force", action="store_true")
    args = ap.parse_args()
    versions = {}
    nearest_joint: dict[str, str] = {}
    for vid in ("2022", "2024", "joint"):
        doc, nearest = build_version(vid, args.shared)
        versions[vid] = doc
        if vid == "joint":
            nearest_joint = nearest
        dump(doc, args.out / f"{vid}.yaml", args.force)
    (args.out / "maps").mkdir(parents=True, exist_ok=True)
    dump_map(
        build_map_2022_2024(args.shared, versions["2022"], versions["2024"]),
        args.out / "maps" / "2022-2024.yaml",
        args.force,
    )
    dump_map(
        build_map_2024_joint(nearest_joint, versions["2024"], versions["joint"]),
        args.out / "maps" / "2024-joint.yaml",
        args.force,
    )
    for vid, doc in versions.items():
        print(vid, len(doc["provisions"]), "provisions")


if __name__ == "__main__":
    main()
