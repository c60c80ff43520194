"""Every content check survives arbitrary cell text (document text is untrusted) and reports sanely."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from content_fixtures import content_slugs, make_doc, make_row, run

SLUGS = content_slugs()
WORDS = st.sampled_from(
    [
        "stage",
        "0",
        "1",
        "2",
        "3",
        "three",
        "twenty",
        "working",
        "days",
        "weeks",
        "months",
        "within",
        "not",
        "no",
        "the Code",
        "requires",
        "by",
        "March",
        "2025",
        "2024/25",
        "Q3",
        "a.",
        "b)",
        "(c)",
        "e.g.",
        '"',
        "'",
        "-",
        ";",
        ".",
        ",",
        "extension",
        "further",
        "total",
        "escalate",
        "acknowledge",
        "respond",
        "being developed",
        "not yet",
        "expression of dissatisfaction",
        "informal",
        "\u2013",
        "\u00a0",
        "\t",
        "\n",
        "\u0007",
        "\ufeff",
        "complaint",
        "if",
        "within 10 working days",
    ]
)
TEXT = st.one_of(st.text(max_size=200), st.lists(WORDS, max_size=40).map(" ".join))
ROW = st.tuples(
    st.sampled_from(["1.2", "2.3", "5.2", "6.2", "6.3", "6.9", "9.8"]),
    st.sampled_from(["yes", "no", "partial", "na", "blank"]),
    TEXT,
    TEXT,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=st.lists(ROW, min_size=1, max_size=4), version=st.sampled_from(["2022", "2024", "joint"]))
def test_checks_never_crash(rows, version) -> None:
    built = [
        make_row(pid, answer=answer, commentary=commentary, evidence=evidence, version=version, n=i)
        for i, (pid, answer, commentary, evidence) in enumerate(rows, 1)
    ]
    doc = make_doc(built, version, document_date="2024-06-01")
    ids = {r.provision for r in built} | {None}
    for slug in SLUGS:
        for hit in run(slug, doc):
            assert hit.message and "\n" not in hit.message
            assert hit.provision in ids
