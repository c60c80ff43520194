"""The ``junit`` format: JUnit XML where every finding is a failing test case, as ESLint, Vale and ruff
write it, and every provision without a finding a passing one.

One ``<testsuite>`` per document. Its test cases, in Code order:

* one failing case per finding (``<failure type="warning" message="warning CC108 ...">``): test views
  then count a form's 12 warnings as 12 failures, not "0 failures"; the severity is the failure's
  ``type`` and starts its message, the full text says where, quotes the sentence the finding rests on
  and how it was read, and the Code's wording;
* one passing case per provision of the Code version's form that has no finding (GitLab's test-report
  comparison then shows a provision that stops failing as "resolved" between branches);
* a finding a reviewer accepted (a current decision) is a *skipped* case whose message is the
  decision: reported, never failing.

``classname`` is the document plus the Code section (GitLab shows it as the suite); ``name`` is
``provision 6.3 CC110 wrong-timescale`` (``#2`` for a repeat) or ``provision 6.3``, unique within a
document because GitLab keeps only the first of a duplicate classname and name. Findings fail the
test view whatever ``--fail-on`` says; the exit status is what follows ``--fail-on``. A document that
could not be read is a suite with one erroring case. The document path is the suite's ``file``
(the current Jenkins xUnit schema allows ``file`` on a suite, not on a test case). The shape is held
to that ``junit-10.xsd`` in the tests (``tests/vendor``).
"""

from __future__ import annotations

from collections import Counter

from codecheck.findings import display_path, provision_key
from codecheck.model import AuditResult, Finding
from codecheck.report.base import RenderOptions, code_wording, section_of, section_title
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


def _where(f: Finding) -> str:
    return f.location.describe() if f.location else "whole document"


def _headline(f: Finding) -> str:
    """The failure message: severity first, as linters' JUnit reports put it."""
    return f"{f.severity} {f.code} {f.rule}: {f.message} [{_where(f)}]"


def _detail(f: Finding, result: AuditResult) -> str:
    lines = [_headline(f)]
    if f.quote:
        lines.append(f'Quoted: "{f.quote}"')
    elif f.snippet:
        lines.append(f'Text: "{f.snippet}"')
    if f.reading:
        lines.append(f"Read as: {f.reading}")
    if f.decision is not None and not f.decision.accepted:
        lines.append(f"A reviewer's decision on this finding is stale (the row changed): {f.decision.reason}")
    wording = code_wording(result, f.provision)
    if wording:
        code = result.aligned.code.id if result.aligned else ""
        lines.append(f"The Code ({code}) {f.provision}: {wording}")
    return "\n".join(lines)


def _decision_text(f: Finding) -> str:
    d = f.decision
    assert d is not None
    who = f" by {d.reviewer}" if d.reviewer else ""
    when = f" on {d.date}" if d.date else ""
    return f"accepted{who}{when}: {d.reason} ({f.code} {f.rule}: {f.message})"


def _case_names(findings: list[Finding]) -> list[str]:
    """Unique test names: ``provision 6.3 CC110 wrong-timescale``, ``... #2`` for a repeat."""
    seen: Counter = Counter()
    names = []
    for f in findings:
        base = f"{f'provision {f.provision}' if f.provision else DOCUMENT_CASE} {f.code} {f.rule}"
        seen[base] += 1
        names.append(base if seen[base] == 1 else f"{base} #{seen[base]}")
    return names


def _provisions(result: AuditResult, by_prov: dict[str | None, list[Finding]]) -> list[str | None]:
    """The document case, the form's provisions and any other provision a finding names, Code order."""
    provisions: list[str] = []
    if result.aligned is not None:
        provisions.extend(result.aligned.code.form_provision_ids)
    provisions.extend(pid for pid in by_prov if pid is not None)
    return [None, *sorted(dict.fromkeys(provisions), key=provision_key)]


def _suite(result: AuditResult, options: RenderOptions) -> tuple[str, Counter]:
    doc = display_path(result.path, options.base_dir)
    counts: Counter = Counter()
    if result.error:
        body = (
            f'    <testcase classname={_attr(doc)} name="read document" time="0">\n'
            f'      <error message={_attr(result.error)} type="InputError">'
            f"{_xml_text(result.error)}</error>\n"
            f"    </testcase>\n"
        )
        counts.update(tests=1, errors=1)
        head = (
            f'  <testsuite name={_attr(doc)} file={_attr(doc)} tests="1" failures="0" errors="1" '
            'skipped="0" time="0">\n'
        )
        return head + body + "  </testsuite>\n", counts
    code = result.aligned.code if result.aligned else None
    by_prov: dict[str | None, list[Finding]] = {}
    for f in result.findings:
        by_prov.setdefault(f.provision, []).append(f)
    lines: list[str] = []
    for pid in _provisions(result, by_prov):
        classname = _attr(f"{doc} :: {section_title(code, section_of(pid))}")
        findings = by_prov.get(pid, [])
        if not findings:
            if pid is None:
                continue  # no document-level finding: nothing to say about the whole document
            counts["tests"] += 1
            lines.append(
                f"    <testcase classname={classname} name={_attr(f'provision {pid}')} time=\"0\"/>"
            )
            continue
        for f, name in zip(findings, _case_names(findings), strict=True):
            counts["tests"] += 1
            lines.append(
                f'    <testcase classname={classname} name={_attr(name)} time="0">'
            )
            if f.accepted:
                counts["skipped"] += 1
                lines.append(f"      <skipped message={_attr(_decision_text(f))}/>")
            else:
                counts["failures"] += 1
                lines.append(
                    f'      <failure message={_attr(_headline(f))} type="{f.severity}">'
                    f"{_xml_text(_detail(f, result))}</failure>"
                )
            lines.append("    </testcase>")
    head = (
        f'  <testsuite name={_attr(doc)} file={_attr(doc)} tests="{counts["tests"]}" '
        f'failures="{counts["failures"]}" '
        f'errors="0" skipped="{counts["skipped"]}" time="0">\n'
    )
    return head + "\n".join(lines) + "\n  </testsuite>\n", counts


def render(results: list[AuditResult], options: RenderOptions) -> str:
    suites = []
    total: Counter = Counter()
    for r in results:
        xml, counts = _suite(r, options)
        suites.append(xml)
        total.update(counts)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<testsuites name="codecheck" tests="{total["tests"]}" failures="{total["failures"]}" '
        f'errors="{total["errors"]}" time="0">\n' + "".join(suites) + "</testsuites>\n"
    )
