"""Render a `CodeDiff` as text, Markdown, JSON or a self-contained HTML page."""

from __future__ import annotations

import json
import re

from codecheck.diff.model import KIND_LABELS, KINDS, CodeDiff, ProvisionChange, WordOp
from codecheck.model import CodeVersion


def _ids(version: CodeVersion, ids: tuple[str, ...]) -> str:
    return f"{version.id} " + " + ".join(ids) if ids else f"{version.id} —"


def _heading(result: CodeDiff, change: ProvisionChange) -> str:
    return f"{_ids(result.old, change.from_ids)} → {_ids(result.new, change.to_ids)}"


def _summary_line(result: CodeDiff) -> str:
    counts = result.summary()
    parts = [f"{counts[k]} {KIND_LABELS[k]}" for k in KINDS if counts.get(k)]
    parts.append(f"{counts['disagreements']} map/text disagreements")
    return ", ".join(parts)


def render_text(result: CodeDiff, safe: bool = True) -> str:
    """Plain text; wording diff as [-old-]{+new+} (the git --word-diff=plain convention)."""
    lines = [f"Complaint Handling Code changes: {result.old.short_title} → {result.new.short_title}"]
    if result.provision_filter:
        lines.append(f"Provision: {result.provision_filter}")
    lines.append(f"Summary: {_summary_line(result)}")
    lines.extend(f"  {note}" for note in result.version_notes)
    if result.timescales:
        lines.append("Timescales:")
        lines.extend(f"  {t.describe()}" for t in result.timescales)
    for change in result.changes:
        lines.append("")
        lines.append(f"{_heading(result, change)}  [{', '.join(change.kinds)}]")
        if change.obligation:
            lines.append(f"  obligation: {change.obligation[0]} → {change.obligation[1]}")
        lines.extend(f"  timescale: {t.describe()}" for t in change.timescales)
        if change.words and "reworded" in change.kinds:
            lines.append("  wording: " + _plain_words(change.words))
        elif change.from_ids and not change.to_ids:
            lines.append("  wording: " + _one_line(change.old_text))
        elif change.to_ids and not change.from_ids:
            lines.append("  wording: " + _one_line(change.new_text))
        if change.note:
            lines.append(f"  map note: {change.note}")
        lines.extend(f"  DISAGREEMENT: {d}" for d in change.disagreements)
    text = "\n".join(lines) + "\n"
    if safe:
        from codecheck.terminal import safe_text

        text = safe_text(text)
    return text


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _plain_words(ops: list[WordOp]) -> str:
    out = []
    for op in ops:
        if op.op == "equal":
            out.append(op.old)
            continue
        if op.old:
            out.append(f"[-{op.old}-]")
        if op.new:
            out.append(f"{{+{op.new}+}}")
    return " ".join(out)


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~])")


def _md(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", _one_line(text))


def render_markdown(result: CodeDiff) -> str:
    """GitHub-flavoured Markdown; deleted words ~~struck~~, inserted words **bold**."""
    title = f"{_md(result.old.short_title)} → {_md(result.new.short_title)}"
    lines = [f"# Complaint Handling Code changes: {title}", ""]
    if result.provision_filter:
        lines += [f"Provision: **{_md(result.provision_filter)}**", ""]
    counts = result.summary()
    lines += ["| change | provisions |", "|---|---|"]
    lines += [f"| {KIND_LABELS[k]} | {counts[k]} |" for k in KINDS if counts.get(k)]
    lines += [f"| map/text disagreements | {counts['disagreements']} |", ""]
    lines += [f"- {_md(note)}" for note in result.version_notes]
    if result.timescales:
        lines += ["", "## Timescales", ""]
        lines += [f"- {_md(t.describe())}" for t in result.timescales]
    lines += ["", "## Provisions", ""]
    for change in result.changes:
        lines.append(f"### {_md(_heading(result, change))}")
        lines.append("")
        lines.append("*" + ", ".join(KIND_LABELS[k] for k in change.kinds) + "*")
        lines.append("")
        if change.obligation:
            lines.append(f"- obligation: {change.obligation[0]} → {change.obligation[1]}")
        lines += [f"- timescale: {_md(t.describe())}" for t in change.timescales]
        if change.note:
            lines.append(f"- map note: {_md(change.note)}")
        lines += [f"- **disagreement:** {_md(d)}" for d in change.disagreements]
        if change.words and "reworded" in change.kinds:
            lines += ["", _md_words(change.words)]
        elif change.from_ids and not change.to_ids:
            lines += ["", "> " + _md(change.old_text)]
        elif change.to_ids and not change.from_ids:
            lines += ["", "> " + _md(change.new_text)]
        lines.append("")
    return "\n".join(lines)


def _md_words(ops: list[WordOp]) -> str:
    out = []
    for op in ops:
        if op.op == "equal":
            out.append(_md(op.old))
            continue
        if op.old:
            out.append(f"~~{_md(op.old)}~~")
        if op.new:
            out.append(f"**{_md(op.new)}**")
    return " ".join(out)


def render_json(result: CodeDiff) -> str:
    return json.dumps(result.as_dict(), ensure_ascii=False, indent=2)


def render_html(result: CodeDiff) -> str:
    """A self-contained HTML page in the audit report's style (``report.page``: shared base template
    and stylesheet, no scripts, restrictive CSP); every text is autoescaped."""
    from codecheck._version import __version__
    from codecheck.report.page import render_page

    counts = result.summary()
    rows = [(KIND_LABELS[k], counts[k]) for k in KINDS if counts.get(k)]
    rows.append(("map/text disagreements", counts["disagreements"]))
    changes = []
    for c in result.changes:
        reworded = bool(c.words) and "reworded" in c.kinds
        changes.append({
            "anchor": "p-" + "-".join((*c.from_ids, "to", *c.to_ids)).replace(".", "_"),
            "heading": _heading(result, c), "kinds": [KIND_LABELS[k] for k in c.kinds],
            "obligation": c.obligation, "timescales": c.timescales, "note": c.note,
            "disagreements": c.disagreements, "words": c.words if reworded else [],
            "text": "" if reworded or (c.from_ids and c.to_ids) else _one_line(c.old_text or c.new_text),
        })
    return render_page(
        "diff.html.j2",
        old=result.old, new=result.new, provision=result.provision_filter, counts=rows,
        notes=result.version_notes, timescales=result.timescales, changes=changes,
        version=__version__,
    )


RENDERERS = {"text": render_text, "markdown": render_markdown, "json": render_json, "html": render_html}
