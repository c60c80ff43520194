"""Baselines: record today's findings, later report only the new ones.

A landlord adopting codecheck on an existing document set cannot fix everything at once; a baseline
lets CI fail only on findings that are new. Findings are keyed by (document, rule, provision), never by
message wording or row number, so editing the text of a row or inserting a row above it does not
make old findings look new. Repeats of the same key are counted: a baseline holding one
``missing-evidence`` on provision 5.4 hides one such finding there, and a second one is new.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

from codecheck.errors import ConfigError
from codecheck.findings import display_path, findings_in_order
from codecheck.model import AuditResult, Finding

BASELINE_VERSION = 1
MAX_BASELINE_BYTES = 50 * 1024 * 1024

Key = tuple[str, str, str]  # (document, rule slug, provision or "")


@dataclass(frozen=True)
class BaselineInfo:
    """A baseline that filtered the findings: its file and how many known findings it hid, per document.

    The reports take this plain value (they say how many findings a baseline hid) and never read a
    baseline file themselves.
    """

    path: str
    suppressed: dict[str, int] = field(default_factory=dict)  # display path -> findings hidden

    @property
    def total(self) -> int:
        return sum(self.suppressed.values())

    def for_document(self, document: str) -> int:
        return self.suppressed.get(document, 0)


def _key(document: str, f: Finding) -> Key:
    return (document, f.rule, f.provision or "")


def build(results: list[AuditResult], base_dir: Path | None = None, tool_version: str = "") -> dict:
    """The baseline document for ``results`` (unreadable documents contribute nothing)."""
    counts: Counter[Key] = Counter()
    codes: dict[Key, str] = {}
    for r in results:
        doc = display_path(r.path, base_dir)
        for f in r.findings:
            key = _key(doc, f)
            counts[key] += 1
            codes[key] = f.code
    entries = [
        {
            "document": d,
            "rule": rule,
            "code": codes[(d, rule, p)],
            "provision": p or None,
            "count": counts[(d, rule, p)],
        }
        for (d, rule, p) in sorted(counts)
    ]
    return {
        "baseline_version": BASELINE_VERSION,
        "tool": {"name": "codecheck", "version": tool_version},
        "findings": entries,
    }


def dumps(results: list[AuditResult], base_dir: Path | None = None, tool_version: str = "") -> str:
    return json.dumps(build(results, base_dir, tool_version), indent=2, ensure_ascii=False) + "\n"


def load(path: Path) -> Counter[Key]:
    """Read a baseline file; any problem is a ``ConfigError`` naming the file."""
    try:
        if path.stat().st_size > MAX_BASELINE_BYTES:
            raise ConfigError("baseline file is too large", path)
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError("baseline file not found", path) from None
    except OSError as exc:
        raise ConfigError(f"cannot read baseline: {exc.strerror or exc}", path) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigError(f"not a codecheck baseline (invalid JSON: {exc})", path) from None
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
        raise ConfigError("not a codecheck baseline (no findings list)", path)
    if data.get("baseline_version") != BASELINE_VERSION:
        raise ConfigError(f"unsupported baseline version {data.get('baseline_version')!r}", path)
    counts: Counter[Key] = Counter()
    for n, entry in enumerate(data["findings"], start=1):
        try:
            doc, rule, prov = entry["document"], entry["rule"], entry.get("provision")
            count = int(entry.get("count", 1))
        except (TypeError, KeyError, ValueError):
            raise ConfigError(f"baseline entry {n} is malformed", path) from None
        if (
            not isinstance(doc, str)
            or not isinstance(rule, str)
            or not (prov is None or isinstance(prov, str))
        ):
            raise ConfigError(f"baseline entry {n} is malformed", path)
        counts[(doc, rule, prov or "")] += max(count, 0)
    return counts


def apply(
    results: list[AuditResult], known: Counter[Key], baseline_path: str, base_dir: Path | None = None
) -> tuple[list[AuditResult], BaselineInfo]:
    """Drop findings the baseline already records; return new results and what was hidden."""
    remaining = Counter(known)
    hidden: dict[str, int] = {}
    out = []
    for r in results:
        keep = []
        doc = display_path(r.path, base_dir)
        for f in findings_in_order(r.findings):  # of two findings with one key, the first is "known"
            key = _key(doc, f)
            if remaining[key] > 0:
                remaining[key] -= 1
                hidden[key[0]] = hidden.get(key[0], 0) + 1
            else:
                keep.append(f)
        out.append(replace(r, findings=keep))
    return out, BaselineInfo(path=baseline_path, suppressed=hidden)
