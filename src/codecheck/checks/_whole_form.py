"""When most rows disagree with the Code version, the cause is the form: what two checks share.

``unknown-provision`` and ``misnumbered-provision`` each report rows one by one, unless so many rows
disagree that the version itself (a form of another version, or a renumbered house form) is the
likelier mistake; then one document-level finding says so instead of burying the report. Not a check
(the leading underscore): logic those two checks share.
"""

from __future__ import annotations

from codecheck.model import AlignedDocument


def too_many(count: int, total: int, max_share: float) -> bool:
    """Whether ``count`` of ``total`` rows (and at least 5) is more than ``max_share`` of them."""
    return total > 0 and count >= 5 and count > max_share * total


def version_hint(aligned: AlignedDocument) -> str:
    """Words that say the form may follow another version, and how its version was chosen."""
    det = aligned.detection
    how = "given with --code" if det.forced else f"detected with {det.confidence:.0%} confidence"
    return f"the form may not follow the {aligned.code.short_title} ({how})"
