"""The grammar of minutes (``tests/grammar.py``) drawn through hypothesis: a fixed seed and
a bounded number of examples here, so that ``make test`` stays fast and repeatable;
``make fuzz`` runs the same grammar on 200,000 inputs."""

from __future__ import annotations

from pathlib import Path
from random import Random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import grammar

FUZZ = settings(
    max_examples=30,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@pytest.mark.parametrize("name", sorted(grammar.STRATEGIES))
def test_the_grammar_of_minutes_never_crashes_the_parser(name: str) -> None:
    write = grammar.STRATEGIES[name]

    @FUZZ
    @given(st.randoms(use_true_random=False))
    def parse(source: Random) -> None:
        grammar.parse_checked(write(source))

    parse()


@FUZZ
@given(st.randoms(use_true_random=False))
def test_a_generated_configuration_loads_or_is_an_error_naming_the_file(
    tmp_path: Path, source: Random
) -> None:
    grammar.config_checked(grammar.config_yaml(source), tmp_path)


def test_the_grammar_writes_what_it_promises() -> None:
    source = Random(1)
    documents = [grammar.document(source) for _ in range(200)]
    assert any(d.startswith("---\n") for d in documents), "front matter"
    assert any("<!--\n.. " in d for d in documents), "metadata comments"
    assert any("- [ ] " in d and "ansvarig:" in d for d in documents), "task lists"
    assert any("|---|" in d for d in documents), "tables"
    assert any("\natt " in d for d in documents), "att-clauses"
    assert any("2016-02-30" in d or "-30" in d for d in documents), "impossible dates"
