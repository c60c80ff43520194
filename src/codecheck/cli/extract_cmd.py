"""`codecheck extract FILE`: the rows a self-assessment holds, as JSON, CSV or a terminal table.

This is the reader's output made visible: what codecheck believes each row says, where it sits in the
document, how sure the reader is, and which Code version the form follows. Audits build on exactly
these rows, so a user who disputes a finding can check the extraction first.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from codecheck.cli.common import guarded, write_output
from codecheck.terminal import safe_text

if TYPE_CHECKING:
    from codecheck.config import Config


class ExtractFormat(StrEnum):
    json = "json"
    csv = "csv"
    text = "text"


CSV_FIELDS = (
    "provision",
    "requirement",
    "answer",
    "answer_text",
    "evidence",
    "commentary",
    "page",
    "table",
    "row",
    "confidence",
    "context",
    "stitched",
    "code_provisions",
    "answer_source",
    "actions",
    "target_date",
    "owner",
    "rag",
    "sheet",
    "block",
    "file",
)
EXTRA_FIELDS = ("actions", "target_date", "owner", "rag")


def extract(
    files: Annotated[
        list[Path],
        typer.Argument(
            metavar="FILE...",
            help="The self-assessment (DOCX, PDF, HTML or XLSX; format read from its bytes); several "
            "files, a folder or a glob with --as-one.",
        ),
    ],
    fmt: Annotated[ExtractFormat, typer.Option("--format", "-f", help="Output format.")] = ExtractFormat.json,
    code: Annotated[
        str | None,
        typer.Option(
            "--code",
            help="Code version to assume instead of detecting it: 2022, 2024, joint, or a version YAML file.",
        ),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file, not stdout.")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite the output file if it exists.")] = False,
    config_file: Annotated[
        Path | None,
        typer.Option("--config", metavar="FILE", help="Configuration file to use (limits, code)."),
    ] = None,
    as_one: Annotated[
        bool,
        typer.Option(
            "--as-one", help="Read all the files given as one form, in the order given (folders sorted)."
        ),
    ] = False,
) -> None:
    """Extract the provision rows of a self-assessment (requirement, answer, evidence, commentary)."""
    with guarded():
        if output is not None and str(output) != "-" and output.exists() and not force:
            from codecheck.errors import OutputExistsError

            raise OutputExistsError("output file exists; use --force to overwrite it", output)
        file, paths = _inputs(files, as_one)
        payload = _payload_within_budget(file, code, config_file, paths)
        if fmt is ExtractFormat.json:
            import json

            content = json.dumps(payload, ensure_ascii=False, indent=2)
        elif fmt is ExtractFormat.csv:
            content = to_csv(payload)
        else:
            content = to_text(payload, width=_terminal_width() if output is None else 160)
        write_output(output, content, force)


def _inputs(files: list[Path], as_one: bool) -> tuple[Path, list[Path] | None]:
    """The document to name, and with --as-one the files to read as one form."""
    from codecheck.errors import ConfigError

    if not as_one:
        if len(files) != 1:
            raise ConfigError("extract reads one document; use --as-one to read several files as one form")
        return files[0], None
    from codecheck.batch import expand_inputs

    paths, missing = expand_inputs([str(f) for f in files])
    if missing:
        raise ConfigError(missing[0].error or "no such file or folder")
    label = files[0] if len(files) == 1 and files[0].is_dir() else paths[0]
    return label, paths


def _payload_within_budget(
    file: Path, code: str | None, config_file: Path | None, paths: list[Path] | None = None
) -> dict:
    """``build_payload`` in a child process, within the document budget of ``[limits]`` (with
    ``paths``, the files read as one form share that one budget)."""
    from functools import partial

    from codecheck.budget import Budget, run_one
    from codecheck.config import load_config

    config = load_config(file if file.exists() else Path.cwd(), explicit=config_file)
    budget = Budget.from_limits(config.limits())
    return run_one(partial(build_payload, file, code, config=config, paths=paths), budget, file)


def build_payload(
    file: Path,
    code: str | None = None,
    config_file: Path | None = None,
    config: Config | None = None,
    paths: list[Path] | None = None,
) -> dict:
    """Read, detect and align; return the JSON-ready dict.

    The configuration (``config``, or found beside the document, or ``--config``) supplies the reading
    limits and a forced Code version; ``--code`` wins over the configuration's. ``paths`` reads
    several files as one form, named ``file``.
    """
    from codecheck.config import load_config
    from codecheck.detect import detect_version
    from codecheck.readers import read_document

    if config is None:
        config = load_config(file if file.exists() else Path.cwd(), explicit=config_file)
    if paths is not None:
        from codecheck.readers.combine import read_as_one

        doc = read_as_one(paths, config.limits(), file)
    else:
        doc = read_document(file, config.limits())
    detection = detect_version(doc, code or config.code)
    rows = [row.as_dict() for row in doc.rows]
    payload: dict = {
        "document": str(file),
        "format": doc.format,
        "code_version": detection.version,
        "detection": detection.as_dict(),
        "title": doc.title,
        "pages": doc.pages,
        "notes": [note.message for note in doc.notes],
        # the same notes with their kind, place, and whether they mean text that reached no row
        "reader_notes": [note.as_dict() for note in doc.notes],
        "rows": rows,
    }
    aligned = _align(doc, detection, config.limits().max_cell_chars)
    if aligned is not None:
        # alignment may join two physical rows a reader could not (same number split over rows): the
        # aligned rows are then the document's rows, each with how it was paired
        payload["rows"] = [{**arow.row.as_dict(), "alignment": arow.as_dict()} for arow in aligned.rows]
        from codecheck.model import ReaderNote

        if len(aligned.rows) != len(doc.rows):
            joined = len(doc.rows) - len(aligned.rows)
            note = ReaderNote("rows-joined", f"{joined} row(s) joined to the row above during alignment")
            payload["notes"].append(note.message)
            payload["reader_notes"].append(note.as_dict())
        for said in aligned.notes:  # the aligner's own (joined text cut at the limit, …)
            payload["notes"].append(said)
            payload["reader_notes"].append(ReaderNote("alignment", said).as_dict())
        payload["missing"] = list(aligned.missing)
    return payload


def _align(doc, detection, max_chars: int):
    """Pair each row with the provision(s) it speaks for in the detected (or forced) version."""
    from codecheck.align import AlignOptions, align_document
    from codecheck.codes import get_version

    return align_document(doc, get_version(detection.version), detection, AlignOptions(), max_chars)


def _csv_cell(value: object) -> str:
    """Neutralise spreadsheet formulas: document text is untrusted and CSV is opened in Excel."""
    text = "" if value is None else str(value)
    if text[:1] in ("=", "+", "@", "\t", "\r") or (text[:1] == "-" and text[1:2] not in ("", " ")):
        return "'" + text
    return text


def to_csv(payload: dict) -> str:
    import csv
    import io

    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    for row in payload["rows"]:
        loc = row.get("location") or {}
        aligned = (row.get("alignment") or {}).get("provisions") or []
        flat = {
            **row,
            "page": loc.get("page"),
            "table": loc.get("table"),
            "row": loc.get("row"),
            "sheet": loc.get("sheet"),
            "block": loc.get("block"),
            "file": loc.get("file"),
            "code_provisions": " ".join(aligned),
        }
        writer.writerow([_csv_cell(flat.get(f)) for f in CSV_FIELDS])
    return buf.getvalue()


def _where(key: str, value: object) -> str:
    """One part of a row's location, short: p3, t2, r14, b7, the sheet's or file's name."""
    if key in ("sheet", "file"):
        return _short(str(value), 30)
    return f"{key[0]}{value}"


def _terminal_width() -> int:
    """The terminal's width when printing to one (at least 80), else a fixed 160 for files and pipes."""
    import shutil
    import sys

    if sys.stdout.isatty():
        return max(80, shutil.get_terminal_size((160, 24)).columns)
    return 160


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(safe_text(text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def to_text(payload: dict, width: int | None = None) -> str:
    """A rich table for people: one line per row, long texts shortened, control characters removed."""
    import io

    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    det = payload["detection"]
    buf = io.StringIO()
    console = Console(
        file=buf,
        width=width or 160,
        force_terminal=False,
        color_system=None,
        highlight=False,
        soft_wrap=False,
    )
    title = f"{safe_text(payload['document'])} ({payload['format']}), Code {det['version']}"
    title += " (set with --code)" if det.get("forced") else f" (detected, confidence {det['confidence']:.2f})"
    table = Table(title=Text(title), show_lines=False, expand=False)
    # the extra columns a house form adds (actions, target date, owner, RAG) only when some row has one
    extras = [f for f in EXTRA_FIELDS if any(row.get(f) for row in payload["rows"])]
    names = ["Provision", "Requirement", "Answer", "Evidence", "Commentary"]
    names += [{"target_date": "Target date", "rag": "RAG"}.get(f, f.capitalize()) for f in extras]
    for name in (*names, "Where", "Conf."):
        table.add_column(name, overflow="fold")
    for row in payload["rows"]:
        loc = row["location"]
        where = ", ".join(_where(k, v) for k, v in loc.items() if v is not None)
        answer = row["answer"] + (f" ({_short(row['answer_text'], 30)})" if row["answer_text"] else "")
        table.add_row(
            *(
                Text(x)
                for x in (
                    _short(row["provision"], 20),
                    _short(row["requirement"], 70),
                    answer,
                    _short(row["evidence"], 40),
                    _short(row["commentary"], 60),
                    *(_short(row.get(f, ""), 30) for f in extras),
                    where,
                    f"{row['confidence']:.2f}",
                )
            )
        )
    console.print(table)
    console.print(Text(f"{len(payload['rows'])} rows"))
    for note in payload.get("notes", []):
        console.print(Text("note: " + _short(note, 300)))
    return buf.getvalue()
