"""The date forms' gates skip no form that could match: a form whose ``needs`` is a kind
of its own (a week's number, a day before a month) runs wherever its pattern matches."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from mlr_minutes.parse.dates import _holds
from mlr_minutes.parse.dates.compact import STRICT_FORMS
from mlr_minutes.parse.dates.forms import FORMS
from mlr_minutes.parse.dates.relative import RELATIVE_FORMS
from mlr_minutes.vocabulary import MONTHS, ORDINAL_SUFFIXES, WEEK_WORDS, WEEKDAY_FORMS

PIECES = sorted({*MONTHS, *WEEK_WORDS, *WEEKDAY_FORMS, *ORDINAL_SUFFIXES})
"""The words the gated forms are made of, mixed below with digits, dashes and spaces."""


@settings(max_examples=1000, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(PIECES),
            st.text(alphabet="0123456789 -–/.,:\n", min_size=1, max_size=4),
            st.sampled_from(["MAJ", "Vecka", "V.", "den"]),
        ),
        max_size=8,
    ),
    st.sampled_from([" ", "", "\n", ", "]),
)
@example(["tirsdag 9.", "september 2025"], " ")  # a day with a full stop, as Danes write it
@example(["v.", "12"], "")
def test_a_gated_form_runs_wherever_it_can_match(parts: list[str], glue: str) -> None:
    text = glue.join(parts)
    holds = _holds(text)
    for form in (*FORMS, *RELATIVE_FORMS, *STRICT_FORMS):
        if form.needs in ("week_number", "day_month") and form.pattern.search(text):
            assert form.needs in holds, (form.needs, text)
