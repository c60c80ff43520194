"""Build the blank form of a Code version: title, instructions, one table per section (and stage).

The official form is the version's ``CodeVersion.form`` rows (printed id, provisions covered, printed
wording when it differs from the Code), so quirks such as the joint draft's combined "1.2/ 1.4" row
come out as the Ombudsman printed them. Tables follow the Code's sections, split by stage within a
section, and by "must"/"should" where the version's form does that (2022).
"""

from __future__ import annotations

from codecheck.model import CodeVersion, FormRow, Provision
from codecheck.writer.layout import FormLayout, layout_for
from codecheck.writer.spec import FormEntry, FormSpec, FormTable

TableKey = tuple[int, int | None, str | None]  # section, stage, obligation ("must"/"should"/None)


def requirement_text(code: CodeVersion, row: FormRow) -> str:
    """The wording the form prints for ``row``: its own text, else the covered provisions' wording.

    Lettered items are appended as "a. …" paragraphs when the provision text does not already carry them.
    """
    if row.text:
        return row.text
    parts = []
    for pid in row.covers:
        provision = code.provision(pid)
        if provision is not None:
            parts.append(provision_wording(provision))
    return "\n".join(parts)


def provision_wording(provision: Provision) -> str:
    text = provision.form_wording.strip()
    missing = [item for item in provision.items if item.text and item.text[:40] not in text]
    if missing:
        lines = (f"{item.label}. {item.text}" if item.label else item.text for item in missing)
        text += "\n" + "\n".join(lines)
    return text


def row_key(code: CodeVersion, row: FormRow, layout: FormLayout) -> TableKey:
    """Which table a form row belongs in: its first covered provision's section, stage and tier."""
    provision = next((p for p in (code.provision(pid) for pid in row.covers) if p is not None), None)
    if provision is None:  # a printed row the Code does not define: keep it with the row before
        section = _section_of_id(row.id)
        return (section, None, None)
    obligation = None
    if layout.split_by_obligation:
        obligation = "should" if provision.obligation == "should" else "must"
    return (provision.section, provision.stage, obligation)


def _section_of_id(printed: str) -> int:
    head = printed.strip().split(".", 1)[0]
    return int(head) if head.isdigit() else 0


def section_heading(code: CodeVersion, number: int, layout: FormLayout) -> str:
    section = code.section(number)
    if section is None:
        return f"Section {number}"
    return f"Section {number}{layout.section_separator} {section.title}"


def subheading(key: TableKey, layout: FormLayout, staged_section: bool, after_stages: bool) -> str | None:
    """The sub-heading of one table: its stage (in a section split by stage) and its tier (2022).

    In a section split by stage, rows that belong to no stage get "Further provisions" when they follow
    the stage tables (the joint draft's "Further stage" rows), so no table follows another unheaded.
    """
    _, stage, obligation = key
    parts = []
    if stage is not None and staged_section:
        parts.append(f"Stage {stage}")
    elif staged_section and after_stages:
        parts.append("Further provisions")
    if obligation is not None:
        parts.append(layout.must_label if obligation == "must" else layout.should_label)
    return " – ".join(parts) or None


def group_tables(
    code: CodeVersion, entries: list[tuple[FormRow, FormEntry]], layout: FormLayout
) -> list[FormTable]:
    """Group entries into tables by section, stage and (2022) must/should, in order of first appearance.

    The form rows are in the official printed order (the 2022 form prints a section's "must" tables
    before its "should" tables), so first appearance reproduces it; grouping by key rather than by run
    keeps a section's rows together even where a printed form strays (the joint draft prints 8.1 and
    8.2 inside its section 7 table).
    """
    keyed: dict[TableKey, list[FormEntry]] = {}
    for row, entry in entries:
        key = row_key(code, row, layout)
        keyed.setdefault(key, []).append(entry)
    staged = {key[0] for key in keyed if key[1] is not None}
    tables = []
    seen_stage: set[int] = set()
    for key in keyed:
        tables.append(
            FormTable(
                heading=section_heading(code, key[0], layout),
                subheading=subheading(key, layout, key[0] in staged, key[0] in seen_stage),
                entries=keyed[key],
            )
        )
        if key[1] is not None:
            seen_stage.add(key[0])
    return tables


def form_title(code: CodeVersion, landlord: str | None) -> str:
    base = f"{code.title}: self-assessment form"
    return f"{landlord}: {base}" if landlord else base


def instructions(code: CodeVersion, layout: FormLayout) -> list[str]:
    """Completion notes in codecheck's own words, adapted to how the version treats must/should."""
    notes = [
        "Complete one row for every provision. In the Comply column answer Yes, No or Partial "
        "(or N/A where a provision cannot apply to you, with the reason).",
    ]
    if layout.index("combined") is not None:
        notes.append(
            "Support every statement with evidence (name the policy, procedure or report and where it is "
            "published) and add commentary as necessary in the combined column."
        )
    else:
        notes.append(
            "Support every statement with evidence (name the policy, procedure or report and where it is "
            "published) and add commentary or an explanation as necessary."
        )
    if any(p.obligation == "should" for p in code.provisions):
        notes.append(
            "Where a mandatory 'must' requirement is not met, explain the alternative approach and why it "
            "delivers a better outcome."
        )
    else:
        notes.append(
            "Every provision is mandatory. Where you do not comply, give a detailed explanation and the "
            "date by which you intend to comply."
        )
    notes.append("Self-assessment completed on: __________    Approved by the governing body on: __________")
    return notes


def blank_spec(code: CodeVersion, landlord: str | None = None) -> FormSpec:
    """The empty official-style form of ``code``."""
    layout = layout_for(code)
    entries = [(row, FormEntry(row.id, requirement_text(code, row))) for row in code.form]
    return FormSpec(
        title=form_title(code, landlord),
        layout=layout,
        intro=instructions(code, layout),
        tables=group_tables(code, entries, layout),
        subject=f"Complaint Handling Code {code.id} self-assessment form (written by codecheck)",
    )
