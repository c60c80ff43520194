"""The ``text`` format (default): findings by section, then a per-section summary, for a terminal or CI log.

Rendered with rich into a string so that the same code serves a colour terminal and a plain CI log
(``RenderOptions.color`` False: no escape sequences at all). Document text never goes through rich
markup (it is appended as ``Text`` with a style) and passes ``safe_text`` first, so a commentary cell
cannot inject markup or drive the terminal.
"""

from __future__ import annotations

import io

from codecheck.findings import display_path
from codecheck.model import AuditResult, Severity
from codecheck.report.base import (
    RenderOptions,
    error_reason,
    grouped_by_section,
    overall_counts,
    result_failed,
    section_summaries,
)
from codecheck.terminal import one_line

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 or word == "info" else f"{n} {word}s"


def _counts_phrase(counts: dict[str, int]) -> str:
    parts = [_plural(counts[k], k) for k in ("error", "warning", "info") if counts.get(k)]
    return ", ".join(parts) if parts else "no findings"


def _render_document(console, result: AuditResult, options: RenderOptions) -> None:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    name = one_line(display_path(result.path, options.base_dir))
    head = Text(name, style="bold")
    if result.error:
        head.append("  could not be audited: ", style="bold red")
        head.append(one_line(error_reason(result)))
        console.print(head, soft_wrap=True)
        console.print()
        return
    aligned = result.aligned
    if aligned is not None:
        det = aligned.detection
        how = "forced" if det.forced else f"detected, confidence {det.confidence:.2f}"
        head.append(f"  {aligned.code.short_title or aligned.code.title} ({how})", style="dim")
    console.print(head)

    groups = grouped_by_section(result)
    if not groups:
        console.print(Text("  No findings.", style="green"))
    for _number, title, findings in groups:
        console.print(Text(f"  {title}", style="bold underline"))
        for f in findings:
            line = Text("    ")
            line.append(f"{(f.provision or '-'):<7}", style="bold")
            line.append(f"{f.severity!s:<8}", style=_STYLE[f.severity])
            line.append(f"{f.code} {f.rule}", style="magenta")
            line.append("  ")
            line.append(one_line(f.message))
            if f.location is not None:
                line.append(f"  [{f.location.describe()}]", style="dim")
            console.print(line, soft_wrap=True)
            if f.quote:
                said = Text("           ")
                said.append(f'"{one_line(f.quote)}"', style="italic")
                if f.reading:
                    said.append(f"  (read as: {one_line(f.reading)})", style="dim")
                console.print(said, soft_wrap=True)

    summaries = section_summaries(result)
    if summaries:
        console.print()
        table = Table(box=box.SIMPLE, show_edge=False, pad_edge=False, title_justify="left")
        # numbers never wrap; the section title gives way (about 64 columns go to the eight numbers)
        table.add_column("Section", no_wrap=True, overflow="ellipsis", max_width=max(16, options.width - 64))
        for col in ("Yes", "Partial", "No", "N/A", "Blank", "Errors", "Warnings", "Info"):
            table.add_column(col, justify="right", no_wrap=True, min_width=len(col))
        for s in summaries:
            a, fc = s.answers, s.findings
            table.add_row(
                s.title,
                *(str(a[k]) for k in ("yes", "partial", "no", "na", "blank")),
                *(str(fc[k]) for k in ("error", "warning", "info")),
            )
        console.print(table)
    verdict = "FAILED" if result_failed(result, options.fail_on) else "passed"
    style = "bold red" if verdict == "FAILED" else "bold green"
    tail = Text("  ")
    tail.append(verdict, style=style)
    tail.append(f": {_counts_phrase(overall_counts([result]))}")
    if options.baseline is not None and options.baseline.for_document(
        display_path(result.path, options.base_dir)
    ):
        tail.append(
            f" ({options.baseline.for_document(display_path(result.path, options.base_dir))} known findings "
            f"hidden by the baseline)"
        )
    console.print(tail)
    console.print()


def _render_batch_table(console, results: list[AuditResult], options: RenderOptions) -> None:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    table = Table(title="Documents", box=box.SIMPLE, title_justify="left")
    for col, justify in (("Document", "left"), ("Code", "left"), ("Status", "left")):
        table.add_column(col, justify=justify)
    for col in ("Errors", "Warnings", "Info"):
        table.add_column(col, justify="right")
    for r in results:
        counts = overall_counts([r])
        if r.error:
            status = Text("unreadable", style="bold red")
        elif result_failed(r, options.fail_on):
            status = Text("failed", style="red")
        else:
            status = Text("passed", style="green")
        table.add_row(
            Text(one_line(display_path(r.path, options.base_dir))),
            r.aligned.code.id if r.aligned else "-",
            status,
            *(str(counts[k]) for k in ("error", "warning", "info")),
        )
    console.print(table)
    total = overall_counts(results)
    bad = sum(1 for r in results if r.error)
    line = f"{_plural(len(results), 'document')}: {_counts_phrase(total)}"
    if bad:
        line += f"; {bad} could not be audited"
    console.print(line)


def render(results: list[AuditResult], options: RenderOptions) -> str:
    from rich.console import Console

    buffer = io.StringIO()
    console = Console(
        file=buffer,
        force_terminal=options.color,
        no_color=not options.color,
        color_system="standard" if options.color else None,
        width=options.width,
        highlight=False,
        emoji=False,
        soft_wrap=False,
    )
    for result in results:
        _render_document(console, result, options)
    if len(results) > 1:
        _render_batch_table(console, results, options)
    return buffer.getvalue()

