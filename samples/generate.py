"""Regenerate the bundled sample self-assessments and their ground-truth files.

    python samples/generate.py                # DOCX, HTML, XLSX + samples/expected/*.json (deterministic)
    python samples/generate.py --pdf          # also PDFs of the Word samples, through LibreOffice
    python samples/generate.py --browser-pdf  # also PDFs of the web pages, printed by headless Chromium

Why generated rather than hand-made: the expected JSON (rows in, findings built in, traps that must
not fire) is written from the same objects that render the documents, so the ground truth cannot
drift from them. The PDFs are committed because CI has neither LibreOffice nor a browser; tests never
call soffice or chromium.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from render import render  # noqa: E402
from render_html import render_html  # noqa: E402
from render_xlsx import render_xlsx  # noqa: E402
from specs import Sample, all_samples  # noqa: E402

WRITERS = {"docx": render, "html": render_html, "xlsx": render_xlsx}


def _norm(text: str) -> str:
    return " ".join(text.split())


def _entry(slug: str, provision: str) -> dict:
    """{"rule", "provision"}; "slug@id" names the id explicitly (a misnumbered row's printed number)."""
    rule, _, pid = slug.partition("@")
    return {"rule": rule, "provision": pid or provision}


def expected(sample: Sample) -> dict:
    """The ground truth for one sample, as the tests and the README describe it."""
    rows, findings, traps, tolerated = [], [], [], []
    checkbox = sample.layout == "checkboxes"
    extras = ("actions", "target_date", "owner", "rag")
    with_extras = any(k in row.reply.extra for row in sample.rows for k in extras)
    for row in sample.rows:
        reply = row.reply
        if row.provision in sample.unnumbered:
            continue  # printed without its number: not a row the reader can give
        answer_text = reply.answer_text
        if checkbox:
            answer_text = "tick" if reply.answer != "blank" else ""
        commentary = list(reply.commentary)
        if reply.extra.get("inserted"):
            commentary[-1] = f"{commentary[-1]} {reply.extra['inserted']}"
        rows.append(
            {
                "provision": row.provision,
                "requirement": _norm(row.requirement),
                "answer": reply.answer,
                "answer_text": answer_text,
                "evidence": _norm(reply.evidence),
                "commentary": _norm(" ".join(commentary)),
                "context": row.context,  # the heading or sub-heading row it sits under (set by render)
                **({k: reply.extra.get(k, "") for k in extras} if with_extras else {}),
            }
        )
        reported_as = row.code_id or row.provision
        findings += [_entry(slug, reported_as) for slug in reply.findings]
        traps += [_entry(slug, reported_as) for slug in reply.traps]
        tolerated += [_entry(slug, reported_as) for slug in reply.tolerated]
    left_out = sample.omitted + sample.unnumbered
    findings += [{"rule": "missing-provision", "provision": pid} for pid in left_out]
    findings += [{"rule": slug, "provision": None} for slug in sample.document_findings]
    return {
        "sample": sample.stem,
        "description": sample.description,
        "landlord": sample.landlord,
        "code_version": sample.version,
        "layout": sample.layout,
        "files": sample.files,
        "features": sample.features,
        "rows": rows,
        "findings": findings,
        "traps": traps,
        "tolerated": tolerated,
    }


README_HEAD = """\
# Sample self-assessments

Fictional Complaint Handling Code self-assessments for trying codecheck and for its tests. The
landlords (Example Homes, Northfield Housing, Riverside Council), their documents and every answer,
evidence and commentary are invented; only the "Code requirement" column is real, because it is the
Code's own wording, taken from the versions codecheck ships (`code_versions/`).

Try the main demo (no LibreOffice needed, the files are committed):

    codecheck audit samples/example-homes-2024.docx
    codecheck audit samples/example-homes-2024.pdf --format html -o report.html
    codecheck audit samples/example-homes-2024-web.html
    codecheck extract samples/example-homes-2024-actions.xlsx --format text

Everything in this folder is written by `samples/generate.py` from one description of each sample
(`samples/specs.py`, with the answers in `samples/content.py`): do not edit the documents, the
expected files or this README by hand. Regenerate with

    python samples/generate.py                # DOCX, HTML, XLSX, expected/*.json and this README
    python samples/generate.py --pdf          # also the Word samples' PDFs, through LibreOffice (`soffice`)
    python samples/generate.py --browser-pdf  # also the web pages' PDFs, printed by headless `chromium`

`expected/<sample>.json` is the ground truth the tests compare against: the rows put in (provision as
printed, requirement, answer, answer as printed, evidence, commentary, and the heading or sub-heading
row it sits under; whitespace-normalised as codecheck reports them), the findings each sample is
built to trigger (`findings`, by rule slug and provision; `null` for a document-level finding), the
look-alikes that must not trigger (`traps`) and findings a strict reviewer might also raise
(`tolerated`, asserted neither way). In the checkbox layout the answer as printed is `"tick"` (a
ticked box in one answer column); in the merged layout a vertically merged Evidence cell's text
belongs to every row it spans, as a reader of the form sees it. Samples with the columns house forms
add (actions, target date, owner, RAG status) list them per row as well; a row printed without its
number is not among the rows (the reader cannot place it, and says so).

| Sample | Files | Code version | Layout | Rows |
|---|---|---|---|---|
"""


def _entries(sample: Sample, attr: str) -> list[str]:
    lines = []
    for row in sample.rows:
        for item in getattr(row.reply, attr):
            entry = _entry(item, row.code_id or row.provision)
            note = f": {row.reply.note}" if row.reply.note else ""
            lines.append(f"- `{entry['rule']}` at {entry['provision']}{note}")
    return lines


def readme(samples: list[Sample]) -> str:
    """samples/README.md: what each sample is and what it is built to trigger (from the same data)."""
    out = [README_HEAD.rstrip("\n")]
    for s in samples:
        files = ", ".join(f"`{name}`" for name in expected(s)["files"])
        out.append(f"| {s.stem} | {files} | {s.version} | {s.layout} | {len(s.rows)} |")
    out += ["", "## Which sample shows which rule", "", "| Rule | Where |", "|---|---|"]
    shown: dict[str, list[str]] = {}
    seen: set[tuple[str, str | None]] = set()  # the layout variants repeat the main demo's findings
    for s in samples:
        for item in expected(s)["findings"]:
            key = (item["rule"], item["provision"])
            if key in seen and s.landlord == "Example Homes":
                continue
            seen.add(key)
            shown.setdefault(item["rule"], []).append(f"`{s.stem}` {item['provision'] or '(document)'}")
    for rule in sorted(shown):
        out.append(f"| `{rule}` | {'; '.join(shown[rule])} |")
    for s in samples:
        out += ["", f"## {s.stem}", "", s.description, "", "Built to trigger:", ""]
        triggers = _entries(s, "findings")
        triggers += [f"- `missing-provision` at {pid}: the row is left out" for pid in s.omitted]
        triggers += [f"- `{slug}` (document)" for slug in s.document_findings]
        out += triggers or ["- nothing"]
        traps = _entries(s, "traps")
        if traps:
            out += ["", "Look-alikes that must not trigger:", "", *traps]
    return "\n".join(out) + "\n"


def write_docx(out_dir: Path) -> list[Sample]:
    """Write every sample's DOCX, HTML and XLSX renditions, its expected file and the README."""
    samples = all_samples()
    (out_dir / "expected").mkdir(parents=True, exist_ok=True)
    for sample in samples:
        for fmt in sample.formats:
            (out_dir / f"{sample.stem}.{fmt}").write_bytes(WRITERS[fmt](sample))
        text = json.dumps(expected(sample), indent=2, ensure_ascii=False) + "\n"
        (out_dir / "expected" / f"{sample.stem}.json").write_text(text, encoding="utf-8")
    (out_dir / "README.md").write_text(readme(samples), encoding="utf-8")
    return samples


def write_pdfs(out_dir: Path, samples: list[Sample]) -> None:
    """Convert the samples marked ``pdf`` with LibreOffice, in a private profile so that a desktop
    LibreOffice (or another conversion running at the same time) does not interfere."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        sys.exit(
            "generate.py: --pdf needs LibreOffice (soffice) on PATH; the committed PDFs were left as they are"
        )
    with tempfile.TemporaryDirectory(prefix="codecheck-samples-") as tmp:
        profile = Path(tmp, "profile").as_uri()
        for sample in samples:
            if not sample.pdf:
                continue
            try:
                done = subprocess.run(
                    [
                        soffice,
                        f"-env:UserInstallation={profile}",
                        "--headless",
                        "--convert-to",
                        "pdf",
                        "--outdir",
                        tmp,
                        str(out_dir / f"{sample.stem}.docx"),
                    ],
                    capture_output=True,
                    text=True,
                    timeout=300,
                )
            except subprocess.TimeoutExpired:
                sys.exit(f"generate.py: LibreOffice took too long to convert {sample.stem}.docx")
            if not Path(tmp, f"{sample.stem}.pdf").is_file():
                sys.exit(
                    f"generate.py: LibreOffice did not convert {sample.stem}.docx: {done.stderr.strip()}"
                )
            pdf = _pin_pdf_metadata(Path(tmp, f"{sample.stem}.pdf").read_bytes(), sample.stem)
            (out_dir / f"{sample.stem}.pdf").write_bytes(pdf)


def write_browser_pdfs(out_dir: Path, samples: list[Sample]) -> None:
    """Print the web-page samples marked ``browser_pdf`` to PDF with headless Chromium, as a person
    saving the page as PDF would (no network, a throwaway profile); the running header and footer come
    from the page's own @page rules."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if chromium is None:
        sys.exit("generate.py: --browser-pdf needs chromium on PATH; the committed PDFs were not changed")
    for sample in samples:
        if not sample.browser_pdf:
            continue
        with tempfile.TemporaryDirectory(prefix="codecheck-chromium-") as profile:
            target = Path(profile, f"{sample.stem}.pdf")
            try:
                subprocess.run(
                    [
                        chromium,
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--no-pdf-header-footer",
                        f"--user-data-dir={profile}",
                        f"--print-to-pdf={target}",
                        (out_dir / f"{sample.stem}.html").as_uri(),
                    ],
                    capture_output=True,
                    text=True,
                    timeout=300,
                )
            except subprocess.TimeoutExpired:
                sys.exit(f"generate.py: chromium took too long to print {sample.stem}.html")
            if not target.is_file():
                sys.exit(f"generate.py: chromium did not print {sample.stem}.html")
            (out_dir / f"{sample.stem}.pdf").write_bytes(_pin_pdf_metadata(target.read_bytes(), sample.stem))


def _pin_pdf_metadata(pdf: bytes, stem: str) -> bytes:
    """Replace LibreOffice's creation time and random file ID with fixed values of the same length,
    so the cross-reference offsets stay valid and regenerating does not churn the committed PDFs."""
    import hashlib
    import re

    def same_length(value: bytes, fixed: bytes) -> bytes:
        return fixed[: len(value)] if len(fixed) >= len(value) else fixed + value[len(fixed) :]

    digest = hashlib.sha256(stem.encode()).hexdigest().upper().encode()
    for key in (b"CreationDate", b"ModDate"):
        pdf = re.sub(
            rb"(/" + key + rb"\s*\()([^)]*)\)",
            lambda m: m.group(1) + same_length(m.group(2), b"D:20250930090000Z") + b")",
            pdf,
        )
    pdf = re.sub(
        rb"(/DocChecksum\s*/)([0-9A-Fa-f]+)", lambda m: m.group(1) + same_length(m.group(2), digest), pdf
    )
    return re.sub(
        rb"(/ID\s*\[\s*<)([0-9A-Fa-f]+)(>\s*<)([0-9A-Fa-f]+)(>\s*\])",
        lambda m: (
            m.group(1)
            + same_length(m.group(2), digest)
            + m.group(3)
            + same_length(m.group(4), digest)
            + m.group(5)
        ),
        pdf,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pdf", action="store_true", help="also convert to PDF with LibreOffice")
    parser.add_argument(
        "--browser-pdf", action="store_true", help="also print the web pages to PDF with headless Chromium"
    )
    parser.add_argument("--out", type=Path, default=HERE, help="output folder (default: samples/)")
    parser.add_argument(
        "--force", action="store_true", help="overwrite existing files in a folder given by --out"
    )
    args = parser.parse_args(argv)
    out = args.out.resolve()
    if out != HERE and not args.force:
        # samples/ is regenerated in place by design; anywhere else, never clobber files silently.
        clashes = [p.name for p in (out / "README.md", out / "expected") if p.exists()]
        clashes += (
            [p.name for ext in ("docx", "pdf", "html", "xlsx") for p in out.glob(f"*.{ext}")]
            if out.is_dir()
            else []
        )
        if clashes:
            sys.exit(
                f"generate.py: {out} already holds {', '.join(sorted(clashes)[:3])}; use --force to overwrite"
            )
    samples = write_docx(out)
    if args.pdf:
        write_pdfs(out, samples)
    if args.browser_pdf:
        write_browser_pdfs(out, samples)
    for sample in samples:
        print(f"{sample.stem}: {len(sample.rows)} rows, layout {sample.layout}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
