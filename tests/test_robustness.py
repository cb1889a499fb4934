"""Whatever a coordinator types, the parser answers with a meeting, never a crash."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import grammar
from mlr_minutes.config import DEFAULT
from mlr_minutes.parse import parse_source
from mlr_minutes.read import decode

FRAGMENTS = [
    "## Kommundirektörmöte",
    "# Protokoll",
    "### 3. Fokusfrågorna",
    "#### § 21 Val av justerare",
    "### Beslut:",
    "## Åtgärder",
    "## Närvarande",
    "Mötesdatum\t2016-04-19",
    "Datum: 19 april 2016",
    "**Datum:** 2016-13-45",
    "Plats och tid\tStadshuset, kl. 15:00-17:30",
    "Tid: kl 25-26",
    "Närvarande\tAnna Ek (Lund, ordförande), Bo (",
    "Vid protokollet\t",
    "- [ ] Boka lokal (ansvarig: ",
    "- [x] Klart",
    "  - underpunkt",
    "- *Migration och integration*: status",
    "- *Okänd*: x",
    "**Beslut:** Budgeten godkändes.",
    "Beslut: Attsatsen bifalles",
    "Att: föreningen",
    "Styrelsen beslutar",
    "att godkänna",
    "Uppdrag till koordinatorn att",
    "senast 30/2",
    "vecka 53",
    "v. 0",
    "i juni",
    "8–9 september",
    "24/1 2017",
    "den 31 april",
    "@",
    "– ",
    "(klart: snart)",
    "kommundirektörmötet 22 mars",
    "styrelsen 24 maj",
    "mötet den",
    "---",
    "title: [",
    "<!--",
    ".. date: 2023-02-23",
    "-->",
    "",
    "",
    "text med *kursiv* och **fet**",
    "1. ordnad",
    "> citat",
    "```",
    "| a | b |",
    "|---|---|",
    "===",
    "\t",
    "§",
    "§ 1",
    "3.1.",
]

lines = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=30)), min_size=0, max_size=40
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines, st.sampled_from(["\n", "\r\n"]), st.booleans())
def test_any_input_parses_without_crashing(parts: list[str], newline: str, bom: bool) -> None:
    data = newline.join(parts).encode("utf-8", errors="surrogatepass")
    if bom:
        data = b"\xef\xbb\xbf" + data
    grammar.source_checked(decode(data, "fuzz.md"))


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_decode_with_a_diagnostic_not_an_exception(data: bytes) -> None:
    meeting = parse_source(decode(data, "bytes.md"), DEFAULT)
    assert meeting.source == "bytes.md"


def test_a_label_split_by_a_tab_or_a_line_break_is_read_not_crashed_on() -> None:
    # ``Närvarande`` and its names with a tab, two spaces or a line break between the
    # words: the value's offset is found in the text as written (it raised ValueError).
    from mlr_minutes.parse.labels import match_metadata

    for text in (
        "Ej\tnärvarande Gert Nilsson",
        "Ej närvarande\nGert Nilsson",
        "Ej  närvarande Gert",
    ):
        match_metadata(text, loose=True)
    found = match_metadata("Frånvarande Gert Nilsson", loose=True)
    assert found is not None and found[1].value == "Gert Nilsson"
