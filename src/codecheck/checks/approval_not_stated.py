"""CC121 approval-not-stated: the form never says that the governing body considered or approved it.

The self-assessment "must be reviewed and approved by the landlord's governing body at least
annually", and the governing body's response published alongside it (the 2024 form's preamble; Code
8.1-8.2). A form that says nothing of it leaves the reader unable to tell whether that happened.

Reading is generous, so that the note appears only when nothing at all is said: any sentence of the
landlord's own (title, introduction, headers, evidence or commentary) that names a governing body
(board, committee, cabinet, councillors, the member responsible for complaints …) together with a
step of approval or scrutiny (approved, considered, presented to, response …) counts. In the rows it
must also be about the self-assessment or the annual report, since a row's commentary often says the
board receives complaint reports. A sentence that states the requirement ("must be approved by the
governing body", the Ombudsman's own preamble) is not a statement that it happened, and an empty
fill-in slot ("Approved by the governing body on: ______") says nothing.

Spec, parameters and pass/fail cases: ``rules/CC121-approval-not-stated/``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from codecheck.checks._filled import landlord_cells, loose_text, unfilled
from codecheck.engine.context import CheckContext, Hit, RuleParams
from codecheck.text.context import compile_any
from codecheck.text.sentences import sentences


def _states_approval(texts: Iterable[str], params: RuleParams, *, about_form: bool) -> bool:
    """Whether any sentence of ``texts`` names the governing body with a step of approval or scrutiny.

    With ``about_form`` (evidence and commentary cells) the cell must also be about this
    self-assessment or its annual report; that is judged on the whole cell, not the sentence, since a
    title-cased report name ("The Annual Complaints Performance … Report") can be split by the
    sentence reader and the cell is about one provision anyway.
    """
    body = compile_any(params["governing_body"])
    step = compile_any(params["approval"])
    modal = compile_any(params["requirement_only"])
    topic = compile_any(params["about_the_assessment"])
    if body is None or step is None:
        return False
    for text in texts:
        if about_form and topic is not None and not topic.search(text.lower()):
            continue
        for span in sentences(text):
            sentence = span.text.lower()
            if not body.search(sentence) or not step.search(sentence):
                continue
            if modal is not None and modal.search(sentence):
                continue
            return True
    return False


def check(ctx: CheckContext, params: RuleParams) -> Iterator[Hit]:
    """One document-level note when no sentence of the landlord's says the governing body took it."""
    aligned = ctx.aligned
    if unfilled(aligned, float(params["blank_form_share"])) is not None:
        return  # a blank template: blank-form says what matters
    if _states_approval(loose_text(aligned), params, about_form=False):
        return
    if _states_approval((text for _, text in landlord_cells(aligned)), params, about_form=True):
        return
    yield Hit(
        provision=None,
        message=(
            "The form does not say that the governing body has considered or approved this "
            "self-assessment: state when it did, and publish its response alongside"
        ),
    )
