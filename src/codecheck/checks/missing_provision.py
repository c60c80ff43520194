"""CC101 missing-provision: every provision on the version's official self-assessment form has a row.

It reads what alignment (``codecheck.align``) established: the official-form provisions no row
covers. A document missing most of them is a partial form or an extract: one document-level finding
lists them instead of burying the report.

Spec, parameters and pass/fail cases: ``rules/CC101-missing-provision/``.
"""

from __future__ import annotations

from collections.abc import Iterator

from codecheck.engine.context import CheckContext, Hit, RuleParams
from codecheck.model import CodeVersion
from codecheck.text.cells import shorten


def _wording(code: CodeVersion, pid: str) -> str:
    p = code.provision(pid)
    return shorten(p.form_wording, 90) if p else ""


def check(ctx: CheckContext, params: RuleParams) -> Iterator[Hit]:
    """One finding per official-form provision that no row covers.

    When more than ``summarise_over`` are missing the document is most likely a partial form (or an
    extract): one document-level finding lists them instead of burying the report.
    """
    aligned = ctx.aligned
    missing = list(aligned.missing)
    if not missing:
        return
    code = aligned.code
    limit = int(params["summarise_over"])
    if len(missing) > limit:
        listed = ", ".join(missing[:40]) + (" …" if len(missing) > 40 else "")
        yield Hit(
            provision=None,
            message=(
                f"{len(missing)} of the {len(code.form_provision_ids) or len(missing)} provisions on the "
                f"official {code.short_title} self-assessment form have no row: {listed}"
            ),
        )
        return
    for pid in missing:
        wording = _wording(code, pid)
        yield Hit(
            provision=pid,
            message=(
                f"Provision {pid} is on the official {code.short_title} self-assessment form but has no row"
                + (f" (\u201c{wording}\u201d)" if wording else "")
            ),
        )
