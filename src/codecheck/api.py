"""The library API: audit or extract a self-assessment without the CLI.

    import codecheck
    result = codecheck.audit("self-assessment.docx")
    for f in result.findings:
        print(f.code, f.provision, f.message)

``audit`` reads the file, detects (or takes) the Code version, aligns the rows with its provisions and
runs the selected rules. A document that cannot be read raises ``InputError``; bad configuration raises
``ConfigError``; a bad rules file raises ``RuleDefinitionError``. The CLI (and the batch runner) only
add presentation and exit status on top of these functions.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path

from codecheck.config import Config, load_config
from codecheck.limits import DEFAULT_LIMITS
from codecheck.model import AlignedDocument, AuditResult, Document, RuleSpec

__all__ = [
    "align",
    "audit",
    "audit_as_one",
    "audit_document",
    "decide",
    "extract",
    "read",
    "read_as_one",
    "rules_for",
]


def _file_key(path: Path) -> tuple[str, int, int]:
    try:
        st = path.stat()
        return (str(path.resolve()), st.st_mtime_ns, st.st_size)
    except OSError:
        return (str(path), 0, 0)


@lru_cache(maxsize=16)
def _cached_rules(
    files: tuple[str, ...], keys: tuple[tuple[str, int, int], ...]
) -> tuple[RuleSpec, ...]:
    """``keys`` (resolved path, mtime, size per file) only invalidates: errors name ``files`` as given."""
    from codecheck.engine import load_rules

    return tuple(load_rules([Path(f) for f in files]))


def rules_for(config: Config) -> list[RuleSpec]:
    """Every declared rule (built-in plus the config's ``rules`` files), loaded once per set of files.

    The cache key includes each extra file's size and modification time, so a batch over thousands of
    documents parses the YAML once and an edited rules file is still picked up. The CLI loads its rules
    through here too, so an audit parses and validates them once, not once for the CLI and once more
    for the documents; a file is named as the user gave it (in errors and ``RuleSpec.source``).
    """
    files = tuple(str(p) for p in config.rules_files)
    return list(_cached_rules(files, tuple(_file_key(Path(f)) for f in files)))


def align(doc: Document, *, code: str | None = None, config: Config | None = None) -> AlignedDocument:
    """Detect (or take) the Code version and align ``doc`` with it.

    The alignment thresholds are the version's (``facts.alignment`` in its YAML file); ``config``
    gives the limits (text kept per joined row).
    """
    from codecheck.align import align_document
    from codecheck.codes import get_version
    from codecheck.detect import detect_version

    detection = detect_version(doc, code)
    limits = config.limits() if config is not None else DEFAULT_LIMITS
    return align_document(doc, get_version(detection.version), detection, max_chars=limits.max_cell_chars)


def audit_document(
    doc: Document,
    *,
    config: Config | None = None,
    code: str | None = None,
    today: date | None = None,
) -> AuditResult:
    """Audit an already-read ``Document`` (``code`` overrides the config's forced version).

    Findings a reviewer has accepted (``codecheck decide``: the decisions file beside the document,
    or ``[[decisions]]`` in the configuration) carry their ``Decision``; a bad decisions file is a
    ``ConfigError`` naming it.
    """
    from codecheck.decisions import apply_decisions, decisions_for
    from codecheck.engine import run_rules, select_rules

    config = config if config is not None else load_config(doc.path)
    rules = rules_for(config)
    selected = select_rules(rules, config, doc.path)
    aligned = align(doc, code=code or config.code, config=config)
    findings = run_rules(aligned, selected, today or date.today())
    result = AuditResult(path=doc.path, findings=findings, aligned=aligned)
    return apply_decisions(result, decisions_for(Path(doc.path), config.decisions))


def read(path: str | Path, config: Config | None = None) -> Document:
    """Read a document with the configuration's limits (``InputError`` when it cannot be read)."""
    from codecheck.readers import read_document

    path = Path(path)
    config = config if config is not None else load_config(path)
    return read_document(path, config.limits())


def read_as_one(
    paths: list[str | Path], config: Config | None = None, label: str | Path | None = None
) -> Document:
    """Read several files of one form (one web page per section …) as one document, in the order
    given; ``label`` names the joined document (default: the first file)."""
    from codecheck.readers.combine import read_as_one as combine

    files = [Path(p) for p in paths]
    config = config if config is not None else load_config(files[0])
    return combine(files, config.limits(), Path(label) if label is not None else None)


def audit_as_one(
    paths: list[str | Path],
    *,
    config: Config | None = None,
    code: str | None = None,
    today: date | None = None,
    label: str | Path | None = None,
) -> AuditResult:
    """Audit several files as one self-assessment (see ``read_as_one``)."""
    files = [Path(p) for p in paths]
    config = config if config is not None else load_config(files[0])
    doc = read_as_one(files, config, label)
    return audit_document(doc, config=config, code=code, today=today)


def audit(
    path: str | Path,
    *,
    config: Config | None = None,
    code: str | None = None,
    today: date | None = None,
) -> AuditResult:
    """Audit the self-assessment at ``path`` and return its findings.

    ``config``: the effective configuration (default: discovered by walking up from the document);
    ``code``: a Code version to assume instead of detecting it; ``today``: the date to reason about
    deadlines and superseded versions with (default: today).
    """
    path = Path(path)
    config = config if config is not None else load_config(path)
    doc = read(path, config)
    return audit_document(doc, config=config, code=code, today=today)


def extract(path: str | Path, *, code: str | None = None, config: Config | None = None) -> AlignedDocument:
    """Read ``path`` and align its rows with the (detected or given) Code version; no rules are run."""
    path = Path(path)
    config = config if config is not None else load_config(path)
    doc = read(path, config)
    return align(doc, code=code or config.code, config=config)


def decide(
    path: str | Path,
    provision: str | None,
    rule: str,
    *,
    reason: str,
    reviewer: str,
    config: Config | None = None,
    code: str | None = None,
    today: date | None = None,
) -> tuple[Path, bool]:
    """Record that the finding of ``rule`` at ``provision`` (None: the whole document) in the form at
    ``path`` was reviewed and is not an issue: appended to ``<stem>.codecheck-decisions.toml`` beside
    the form, with today's date and a fingerprint of the row as it reads now.

    The form is audited first so that the decision names a finding that exists (``ConfigError``
    otherwise). Returns the decisions file and whether an earlier decision on the same finding was
    replaced (a re-review).
    """
    from codecheck.decisions import entry_for_finding, record_decision

    path = Path(path)
    result = audit(path, config=config, code=code, today=today)
    on = today or date.today()
    entry = entry_for_finding(result, provision, rule, reason=reason, reviewer=reviewer, on=on)
    return record_decision(path, entry)
