"""The ``junit`` format: JUnit XML with one test case per provision, so CI shows a pass/fail table.

One ``<testsuite>`` per document. Its test cases are every provision on the Code version's official
form (passing ones included: GitLab's test-report comparison then shows "resolved" provisions between
branches), any other provision a finding names, and one "whole document" case for document-level
findings. A case fails when it has a finding at or above ``--fail-on``; findings below the threshold
are listed in ``<system-out>``. ``classname`` is the document plus the Code section (GitLab shows it
as the suite); ``name`` is unique within a document because GitLab keeps only the first of duplicates.
A document that could not be read is a suite with one erroring case.
"""

from __future__ import annotations

from codecheck.findings import display_path, provision_key
from codecheck.model import AuditResult, Finding
from codecheck.report.base import RenderOptions, code_wording, reaches, section_of, section_title
from codecheck.terminal import safe_text

DOCUMENT_CASE = "whole document"


def _xml_text(text: str) -> str:
    """Escape for element content; drop characters XML 1.0 cannot carry at all."""
    clean = safe_text(text).replace("\r\n", "\n").replace("\r", "\n")
    clean = "".join(ch for ch in clean if ch in "\t\n" or ord(ch) >= 0x20)
    clean = "".join(ch for ch in clean if not (0xD800 <= ord(ch) <= 0xDFFF) and ch not in "\ufffe\uffff")
    return clean.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attr(text: str) -> str:
    clean = _xml_text(text).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
    from xml.sax.saxutils import quoteattr  # pulls in urllib.request: only when rendering

    return quoteattr(clean)


def _describe(f: Finding) -> str:
    where = f.location.describe() if f.location else "whole document"
    return f"{f.code} {f.rule} ({f.severity}): {f.message} [{where}]"


def _cases(result: AuditResult) -> list[tuple[str | None, list[Finding]]]:
    """(provision or None, its findings) for every case of a readable document, in Code order."""
    by_prov: dict[str | None, list[Finding]] = {}
    for f in result.findings:
        by_prov.setdefault(f.provision, []).append(f)
    provisions: list[str] = []
    if result.aligned is not None:
        provisions.extend(result.aligned.code.form_provision_ids)
    for pid in by_prov:
        if pid is not None and pid not in provisions:
            provisions.append(pid)
    ordered = sorted(dict.fromkeys(provisions), key=provision_key)
    return [(None, by_prov.get(None, [])), *((pid, by_prov.get(pid, [])) for pid in ordered)]


def _suite(result: AuditResult, options: RenderOptions) -> tuple[str, int, int, int]:
    doc = display_path(result.path, options.base_dir)
    if result.error:
        body = (
            f'    <testcase classname={_attr(doc)} name="read document" time="0">\n'
            f'      <error message={_attr(result.error)} type="InputError">'
            f"{_xml_text(result.error)}</error>\n"
            f"    </testcase>\n"
        )
        head = f'  <testsuite name={_attr(doc)} tests="1" failures="0" errors="1" skipped="0" time="0">\n'
        return head + body + "  </testsuite>\n", 1, 0, 1
    code = result.aligned.code if result.aligned else None
    lines: list[str] = []
    failures = 0
    cases = _cases(result)
    for pid, findings in cases:
        section = section_of(pid)
        classname = f"{doc} :: {section_title(code, section)}"
        name = f"provision {pid}" if pid else DOCUMENT_CASE
        lines.append(
            f'    <testcase classname={_attr(classname)} name={_attr(name)} file={_attr(doc)} time="0">'
        )
        failing = [f for f in findings if reaches(f, options.fail_on)]
        if failing:
            failures += 1
            worst = max(failing, key=lambda f: f.severity)
            detail = "\n".join(_describe(f) for f in failing)
            wording = code_wording(result, pid)
            if wording:
                detail += f"\n\nThe Code ({code.id if code else ''}) {pid}: {wording}"
            lines.append(
                f'      <failure message={_attr(_describe(worst))} type="{worst.code}">'
                f"{_xml_text(detail)}</failure>"
            )
        passing = [f for f in findings if not reaches(f, options.fail_on)]
        if passing:
            out = "\n".join(_describe(f) for f in passing)
            lines.append(f"      <system-out>{_xml_text(out)}</system-out>")
        lines.append("    </testcase>")
    head = (
        f'  <testsuite name={_attr(doc)} tests="{len(cases)}" failures="{failures}" errors="0" '
        f'skipped="0" time="0">\n'
    )
    return head + "\n".join(lines) + "\n  </testsuite>\n", len(cases), failures, 0


def render(results: list[AuditResult], options: RenderOptions) -> str:
    suites = []
    tests = failures = errors = 0
    for r in results:
        xml, t, f, e = _suite(r, options)
        suites.append(xml)
        tests, failures, errors = tests + t, failures + f, errors + e
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<testsuites name="codecheck" tests="{tests}" failures="{failures}" errors="{errors}" time="0">\n'
        + "".join(suites)
        + "</testsuites>\n"
    )

