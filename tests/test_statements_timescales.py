"""The statement reader's timescale claims: step, stage, amount, unit, counted from, bound, status.

Every sentence here is fictional wording written for these tests (Example Homes, Northfield Housing,
Riverside Council); each phenomenon has several variants so that a rule fitted to one phrasing fails.
"""

from __future__ import annotations

import pytest

from codecheck.statements import read_row


def claims(text: str) -> list:
    return read_row(text).timescales


def one(text: str):
    found = [c for c in claims(text)]
    assert len(found) == 1, [c.reading() for c in found]
    return found[0]


def summary(text: str) -> list[tuple]:
    return [(c.step, c.stage, c.amount, c.unit, c.status) for c in claims(text)]


# --------------------------------------------------------------------------- stage named after the figure


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Answers leave us inside ten working days from the acknowledgement letter at stage 1 and "
            "within 20 working days "
            "at stage 2.",
            [("respond", 1, 10.0), ("respond", 2, 20.0)],
        ),
        (
            "Expect an answer in 10 working days on a stage one case and in 25 working days on stage two.",
            [("respond", 1, 10.0), ("respond", 2, 25.0)],
        ),
        (
            "A decision follows within 8 working days at the first stage, or within 15 working days at the "
            "second stage.",
            [("respond", 1, 8.0), ("respond", 2, 15.0)],
        ),
        (
            "Example Homes commits to 10 working days for answering any stage 1 case "
            "and 18 working days "
            "for those at stage 2.",
            [("respond", 1, 10.0), ("respond", 2, 18.0)],
        ),
        (
            "Stage 1 answers fall due after 9 working days, while 20 working days applies for stage 2.",
            [("respond", 1, 9.0), ("respond", 2, 20.0)],
        ),
    ],
)
def test_stage_named_after_the_figure(text: str, want: list) -> None:
    assert [(c.step, c.stage, c.amount) for c in claims(text)] == want


def test_from_acknowledgement_is_where_counting_starts_not_the_step() -> None:
    c = claims(
        "Decisions reach residents inside 10 working days from acknowledgement at stage 1 and "
        "inside 20 working days at stage 2."
    )[0]
    assert (c.step, c.stage, c.counted_from) == ("respond", 1, "acknowledged")
    c = one("A response goes out no later than 12 working days after we acknowledge the complaint.")
    assert (c.step, c.counted_from) == ("respond", "acknowledged")
    c = one("Northfield Housing replies within ten working days of the complaint being logged.")
    assert (c.step, c.counted_from) == ("respond", "logged")


# --------------------------------------------------------------------------- respectively and lists


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Stage one cases and stage two cases get answers in 10 and 20 working days respectively.",
            [(1, 10.0), (2, 20.0)],
        ),
        (
            "We work to 8 and 16 working days respectively across the first and second stages.",
            [(1, 8.0), (2, 16.0)],
        ),
        (
            "For stage two and stage one, decisions come within 20 and 10 working days respectively.",
            [(2, 20.0), (1, 10.0)],
        ),
        (
            "Decisions follow in 10 and 20 working days, for stages one and two respectively.",
            [(1, 10.0), (2, 20.0)],
        ),
    ],
)
def test_respectively_pairs_figures_with_stages(text: str, want: list) -> None:
    assert [(c.stage, c.amount) for c in claims(text)] == want
    assert all(c.status == "own" for c in claims(text))


def test_respectively_pairs_figures_with_steps() -> None:
    got = summary(
        "To acknowledge and to decide a stage 2 request, Northfield Housing takes 4 and 30 working days "
        "respectively."
    )
    assert got == [
        ("acknowledge", 2, 4.0, "working_days", "own"),
        ("respond", 2, 30.0, "working_days", "own"),
    ]


def test_an_unpaired_list_with_respectively_is_unclear() -> None:
    got = claims("Example Homes works to 10 and 20 working days respectively.")
    assert {c.status for c in got} == {"unclear"}


@pytest.mark.parametrize(
    "text",
    [
        "Stage 1: 10 working days; Stage 2: 30.",
        "Stage 1 - 10 working days. Stage 2 - 30 working days.",
        "Stage one: reply in 10 working days; stage two: reply in 30.",
    ],
)
def test_stage_headed_lists(text: str) -> None:
    got = [(c.stage, c.amount, c.unit) for c in claims(text)]
    assert got == [(1, 10.0, "working_days"), (2, 30.0, "working_days")]


def test_flattened_table_columns_are_the_steps() -> None:
    text = (
        "Level | Acknowledge | Reply Stage 1 | 3 working days | 10 working days Stage 2 "
        "| 5 working days | 28 working days"
    )
    got = [(c.step, c.stage, c.amount) for c in claims(text)]
    assert got == [
        ("acknowledge", 1, 3.0),
        ("respond", 1, 10.0),
        ("acknowledge", 2, 5.0),
        ("respond", 2, 28.0),
    ]


def test_stage_heading_sentence_carries_to_its_bullets() -> None:
    text = (
        "Stage 2\n\u2022 acknowledge the escalation within 5 working days\n\u2022 send "
        "the final reply within 25 working days"
    )
    got = [(c.step, c.stage, c.amount) for c in claims(text)]
    assert got == [("acknowledge", 2, 5.0), ("respond", 2, 25.0)]


# --------------------------------------------------------------------------- further, more, extension


@pytest.mark.parametrize(
    "text",
    [
        "If the case is complex we may extend the deadline by up to 15 more working days.",
        "Complicated cases may need another 12 working days, and we will explain why.",
        "Where a case runs long we set a fresh date, at most a further 10 days on.",
        "Unusual cases can be given an extension of 10 working days.",
        "A 20-working-day extension may be used for complex reviews.",
        "We can push the reply date back by up to twenty working days if we must.",
        "Should the reply not be ready in time, we will set a revised date within an "
        "additional 10 working days.",
    ],
)
def test_extensions(text: str) -> None:
    exts = [c for c in claims(text) if c.step == "extend"]
    assert len(exts) == 1, [c.reading() for c in claims(text)]


@pytest.mark.parametrize(
    "text",
    [
        "The Head of Housing then writes back in a further ten working days.",
        "A director then replies in a further 20 working days.",
        "A senior manager sends a second, fuller reply within twenty working days.",
    ],
)
def test_a_further_deadline_is_the_next_response_not_an_extension(text: str) -> None:
    c = one(text)
    assert c.step == "respond"


def test_time_beyond_the_original_deadline_is_an_extension() -> None:
    got = summary(
        "Should we need longer, the new date falls at most 15 working days after the original deadline."
    )
    assert [g[0] for g in got] == ["extend"]


def test_more_time_with_an_extension_is_a_total() -> None:
    got = summary("Stage 1 takes 10 working days (14 working days where an extension is agreed).")
    assert [g[0] for g in got] == ["respond", "total"]
    got = summary("Decisions take 10 working days, or 20 working days where we have to extend.")
    assert [g[0] for g in got] == ["respond", "total"]
    got = summary("Decisions take 10 working days; hard cases may run to 20 working days in total.")
    assert got[-1][0] == "total"
    got = summary("With any extension included, stage 2 decisions go out inside 40 working days.")
    assert got[0][0] == "total"


# --------------------------------------------------------------------------- figure before the cue, units


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Within a fortnight of your complaint arriving you will get our full answer.",
            ("respond", 2.0, "weeks", "received"),
        ),
        (
            "Inside three working days of receipt we send a written acknowledgement.",
            ("acknowledge", 3.0, "working_days", "received"),
        ),
        (
            "Within five days of a tenant getting in touch, the case is logged and acknowledged.",
            ("acknowledge", 5.0, "days", "received"),
        ),
    ],
)
def test_figure_before_any_cue(text: str, want: tuple) -> None:
    c = one(text)
    assert (c.step, c.amount, c.unit, c.counted_from) == want


@pytest.mark.parametrize(
    ("text", "amount", "unit"),
    [
        ("We reply within ten workings days.", 10.0, "working_days"),
        ("We reply within twelve business days.", 12.0, "working_days"),
        ("We reply within fifteen (15) working days.", 15.0, "working_days"),
        ("We reply within 14 calendar days.", 14.0, "calendar_days"),
        ("We reply within a month.", 1.0, "months"),
        ("We reply within 48 hours.", 48.0, "hours"),
        ("We reply within a 10-working-day deadline.", 10.0, "working_days"),
        ("We reply within twenty-one days.", 21.0, "days"),
    ],
)
def test_units_as_written(text: str, amount: float, unit: str) -> None:
    c = one(text)
    assert (c.amount, c.unit) == (amount, unit)


@pytest.mark.parametrize(
    "text",
    [
        "Complaints are closed in no longer than 7 weeks.",
        "A reply will never take more than 30 working days.",
        "Our reply will not exceed 25 working days.",
        "We respond in no more than 12 working days.",
    ],
)
def test_upper_bounds_are_not_negations(text: str) -> None:
    c = one(text)
    assert (c.status, c.bound) == ("own", "upper")


@pytest.mark.parametrize(
    "text",
    [
        "The complaints line is open 7 days a week and we acknowledge every complaint.",
        "Our web form can be used 24 hours a day, and replies follow.",
    ],
)
def test_frequencies_are_not_timescales(text: str) -> None:
    assert claims(text) == []


def test_ranges_keep_both_ends() -> None:
    c = one("Stage 1 replies take between 12 and 18 working days.")
    assert (c.low, c.amount) == (12.0, 18.0)
    c = one("Acknowledgements are sent within 3-6 working days.")
    assert (c.low, c.amount, c.step) == (3.0, 6.0, "acknowledge")


# --------------------------------------------------------------------------- whose figure (status)


@pytest.mark.parametrize(
    "text",
    [
        "Last year stage 2 cases took on average 31 working days to close.",
        "Our stage one turnaround averaged 14.2 working days in 2023/24, down from 19 days the year before.",
        "In October, 88% of complaints were answered within 10 working days.",
        "The median time to a final reply was 22 working days.",
        "Stage 1 complaints closed in March averaged 12.5 working days.",
    ],
)
def test_statistics_are_not_rules(text: str) -> None:
    assert {c.status for c in claims(text)} == {"statistic"}


@pytest.mark.parametrize(
    "text",
    [
        "Repairs reported as urgent are completed within 5 working days.",
        "Freedom of Information requests are dealt with separately. They are answered "
        "within 20 working days.",
        "Tenants who leave a message for a call back hear from us within one working day.",
        "Routine enquiries are answered in 15 working days.",
        "Damp and mould reports are inspected within 10 working days. The works follow within 12 weeks.",
        "Requests for personal data are handled under data protection law. We reply within one month.",
        "Members' enquiries receive a reply within 10 working days.",
        "Under Awaab's Law, hazards are investigated within 14 days.",
    ],
)
def test_other_subjects(text: str) -> None:
    assert {c.status for c in claims(text)} == {"other_subject"}, [c.reading() for c in claims(text)]


def test_complaints_about_another_subject_are_still_complaints() -> None:
    c = one("Complaints about repairs are answered within 10 working days.")
    assert c.status == "own"


@pytest.mark.parametrize(
    "text",
    [
        "Until June 2024 a stage 1 decision could take 20 working days.",
        "Previously stage 2 answers took up to 30 working days.",
        "Under our old policy, replies could take 25 working days.",
        "Before the policy review we had a 20-day response target.",
    ],
)
def test_past_processes(text: str) -> None:
    assert {c.status for c in claims(text)} == {"past"}, [c.reading() for c in claims(text)]


def test_the_current_clause_after_a_past_one_is_own() -> None:
    got = summary("Until last year answers took 20 working days; today we answer inside 10 working days.")
    assert [g[-1] for g in got] == ["past", "own"]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Could a stage 1 reply take 20 working days? No, we reply within 10.", "question"),
        ("The auditor noted that stage 1 replies took 25 working days in the sample.", "reported"),
        ("Under the Code a stage 2 decision is due 20 working days after acknowledgement.", "code"),
        (
            'Our leaflet quotes the old rule: "replies will be sent within 30 working days of logging".',
            "quotation",
        ),
        ("We no longer take 20 working days to reply.", "past"),
        ("We do not take 20 working days to reply.", "negated"),
    ],
)
def test_not_a_statement_of_current_practice(text: str, status: str) -> None:
    assert claims(text)[0].status == status


def test_a_question_is_followed_by_a_statement() -> None:
    got = summary("Need more time? Then the stage 1 deadline is extended by at most 10 working days.")
    assert got == [("extend", 1, 10.0, "working_days", "own")]


def test_conditions() -> None:
    # the condition is the landlord missing its deadline: the figure is still its deadline
    c = one("If we cannot reply within 15 working days, we will write to explain why.")
    assert (c.status, c.step) == ("own", "respond")
    # the figure is in the main clause of a conditional sentence
    c = one("If three departments are involved, a stage 1 decision can take 30 working days.")
    assert c.status == "own"
    # a resident's action timed inside a condition is not the landlord's promise
    c = one("If you tell us within 5 working days that you disagree, we will look again.")
    assert c.status == "conditional"


def test_time_limits_for_raising_a_complaint() -> None:
    for text, months in (
        ("Tenants have up to 6 months to raise a complaint.", 6.0),
        ("Complaints must be made within six months of the incident.", 6.0),
        ("We cannot accept a complaint brought more than 9 months after the incident.", 9.0),
        ("You should raise your concern within 3 months of becoming aware of it.", 3.0),
    ):
        c = one(text)
        assert (c.step, c.amount, c.unit, c.status) == ("time_limit", months, "months", "own"), text


def test_what_a_clause_is_about_gives_the_stage() -> None:
    got = summary(
        "Review requests are acknowledged within 5 working days and answered within 25 working days."
    )
    assert [(g[0], g[1]) for g in got] == [("acknowledge", 2), ("respond", 2)]
    # a stage word after the figure, in another conjunct, does not
    got = summary("Write back within 20 days, and explain the appeal route for anyone who disagrees.")
    assert got[0][1] is None


def test_escalation_windows_are_not_response_times() -> None:
    for text in (
        "Residents may ask for a review within 20 working days of our stage 1 reply.",
        "Requests to escalate must reach us no later than 28 days after the stage 1 decision letter.",
        "You have one calendar month from our first response to ask for escalation.",
    ):
        assert one(text).step == "window", text
    # an escalation request that is acknowledged is an acknowledgement
    assert one("We acknowledge escalation requests within 4 working days.").step == "acknowledge"


def test_provenance_and_reading() -> None:
    c = one("Stage 2 extensions are limited to 20 working days.")
    assert c.sentence.text == "Stage 2 extensions are limited to 20 working days."
    assert c.reading().startswith("stage 2 extension, 20 working days")
    assert "own current policy" in c.reading()
