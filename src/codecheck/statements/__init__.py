"""The statement reader: commentary read into claims that the content rules compare with the Code.

Officers state timescales, stages and compliance in free English ("replies follow within 10 working
days of acknowledgement at stage 1 and within 20 working days at stage 2"; "prior to March 2024 we
had three stages"; "the policy still has to be updated"). Matching words against such text misreads
it; this package reads it once into structured *claims*, each with its status (own current policy,
a statistic, another subject, the past, a question, a quotation of the Code, negated) and its
provenance (the sentence, its offsets, and a short human reading). The rules in ``codecheck.checks``
then compare claims with the Code's structured provisions.

Layering: this package uses ``codecheck.text`` (numbers, dates) and nothing above it — never the
engine, the checks, the reports or the CLI. Modules, one job each:

* ``sentences``: normalisation, sentences, clauses, conjuncts (linear, bounded sentence length);
* ``context``: what a sentence is (question, statistic, past, reported, Code, other subject);
* ``quantities``: amounts of time as written;
* ``timescales``, ``stages``, ``compliance``, ``definition``, ``items``: the claims;
* ``provenance``: the quote a finding shows (every claim keeps its cell, sentence and reading);
* ``reader``: one row read once (memoised); ``lexicon`` + ``lexicon.yaml``: every cue list.
"""

from codecheck.statements.provenance import quote_of
from codecheck.statements.reader import Reading, read_aligned, read_row

__all__ = ["Reading", "quote_of", "read_aligned", "read_row"]
