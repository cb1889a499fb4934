"""Dates and times: months, weekdays, weeks, clock words."""

from __future__ import annotations

from typing import Final

MONTHS: Final[dict[str, int]] = {
    "januari": 1, "jan": 1,
    "februari": 2, "feb": 2, "febr": 2,
    "mars": 3, "mar": 3,
    "april": 4, "apr": 4,
    "maj": 5,
    "juni": 6, "jun": 6,
    "juli": 7, "jul": 7,
    "augusti": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10,
    "november": 11, "nov": 11,
    "december": 12, "dec": 12,
    # English, as some teams write their headings (``## 14 March 2022``).
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7,
    "august": 8, "october": 10, "oct": 10,
}  # fmt: skip
"""Month names and their usual abbreviations (English names too)."""

MONTH_NAMES: Final[tuple[str, ...]] = (
    "januari", "februari", "mars", "april", "maj", "juni",
    "juli", "augusti", "september", "oktober", "november", "december",
)  # fmt: skip
"""Month names for writing dates (``19 april 2016``), index 0 is January."""

WEEKDAYS: Final[tuple[str, ...]] = (
    "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag",
)  # fmt: skip
"""Weekday names; the parser also accepts the definite forms (``torsdagen``)."""

WEEK_WORDS: Final[tuple[str, ...]] = ("vecka", "v.", "v", "veckan")
"""Words that introduce an ISO week number (``vecka 42``, ``v. 42``)."""

WEEKDAY_FORMS: Final[dict[str, int]] = {
    form: index for index, day in enumerate(WEEKDAYS) for form in (day, day + "en")
}
"""Weekday names in bare and definite form (``torsdag``, ``torsdagen``) → 0 for Monday."""

ORDINAL_SUFFIXES: Final[tuple[str, ...]] = (":e", ":a", "e", "a")
"""Endings that make a day number ordinal (``23:e februari``, ``1:a mars``)."""

DAY_WORDS: Final[dict[str, int]] = {
    word: day
    for day, word in enumerate(
        (
            "första", "andra", "tredje", "fjärde", "femte", "sjätte", "sjunde", "åttonde",
            "nionde", "tionde", "elfte", "tolfte", "trettonde", "fjortonde", "femtonde",
            "sextonde", "sjuttonde", "artonde", "nittonde", "tjugonde", "tjugoförsta",
            "tjugoandra", "tjugotredje", "tjugofjärde", "tjugofemte", "tjugosjätte",
            "tjugosjunde", "tjugoåttonde", "tjugonionde", "trettionde", "trettioförsta",
        ),
        start=1,
    )
}  # fmt: skip
"""Days written as ordinal words (*tisdagen den fjärde februari 2025*)."""

ROMAN_MONTHS: Final[dict[str, int]] = {
    numeral: month
    for month, numeral in enumerate(
        ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"), start=1
    )
}
"""Months in Roman numerals, as older association minutes write them (``23/II 2025``)."""

DAY_ARTICLES: Final[tuple[str, ...]] = ("den",)
"""Words written before a day number (``torsdagen den 23:e``), kept as part of the phrase."""

MONTH_PREPOSITIONS: Final[tuple[str, ...]] = (
    "i", "under", "till", "från", "senast", "före", "efter", "innan", "inom", "sedan",
    "början av", "slutet av", "mitten av",
)  # fmt: skip
"""Words after which a month name alone means that month (``i juni``, ``slutet av maj``).
Without one (or a year, or *månad*) a bare ``maj`` is too often something else to be a date."""

MONTH_WORDS: Final[tuple[str, ...]] = ("månad", "månads")
"""Words after a month name that make it the whole month (``under april månad``)."""

FRACTION_WORDS: Final[tuple[str, ...]] = (
    "av", "del", "delar", "dag", "dagar", "timme", "timmar", "tjänst", "tjänsten",
)  # fmt: skip
"""Words after ``1/2`` or ``2/3`` that make it a fraction, not a date (``1/2 dag``, ``2/3 av``)."""

TIME_WORDS: Final[tuple[str, ...]] = ("klockan", "kl.", "kl")
"""Words that introduce a clock time (``kl. 15:00``, ``klockan 9``)."""

TIME_SPAN_WORDS: Final[tuple[str, ...]] = ("till",)
"""Words that join the two ends of a time span instead of a dash (``kl 13 till 15``)."""

DATE_FILLER_WORDS: Final[tuple[str, ...]] = (
    "den", "senast", "klart", "klar", "deadline", "ca", "cirka", "omkring", "runt",
    "preliminärt", "prel", "kl", "klockan", "datum",
)  # fmt: skip
"""Words around a lone date (a metadata value, a due note) that do not make it prose."""

RELATIVE_DAY_PREPOSITIONS: Final[tuple[str, ...]] = (
    "senast", "på", "till", "före", "innan", "nu på", "by", "until", "on", "till och med",
    "tills", "inför",
)  # fmt: skip
"""Words before a weekday that make it the next such day after the meeting
(``senast torsdag``, ``på lördag``)."""

NEXT_WORDS: Final[tuple[str, ...]] = ("nästa", "kommande", "nu kommande", "nästkommande")
"""Words before a weekday or *vecka* that mean the next one (``nästa tisdag``)."""

DAYS_AHEAD: Final[dict[str, int]] = {
    "i morgon": 1, "imorgon": 1, "i övermorgon": 2, "imorn": 1, "i morn": 1,
}  # fmt: skip
"""Words for a day counted from the meeting (``i morgon`` → the day after)."""

THIS_WEEK_WORDS: Final[tuple[str, ...]] = ("i veckan", "denna vecka", "den här veckan")
"""Words for the meeting's own week."""

NEXT_WEEK_WORDS: Final[tuple[str, ...]] = (
    "nästa vecka", "kommande vecka", "veckan efter", "nästkommande vecka",
)  # fmt: skip
"""Words for the week after the meeting's."""

WITHIN_WORDS: Final[tuple[str, ...]] = ("inom", "om")
"""Words before a span counted from the meeting (``inom två veckor``, ``om en vecka``)."""

NUMBER_WORDS: Final[dict[str, int]] = {
    "en": 1, "ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7,
    "åtta": 8, "nio": 9, "tio": 10, "fjorton": 14,
}  # fmt: skip
"""Numbers written as words in spans (``inom två veckor``)."""

SPAN_UNITS: Final[dict[str, int]] = {
    "dag": 1, "dagar": 1, "dagarna": 1, "vecka": 7, "veckor": 7, "veckorna": 7,
}  # fmt: skip
"""Units of a span counted from the meeting, in days."""

NEXT_MEETING_PHRASES: Final[tuple[str, ...]] = (
    "till nästa möte", "inför nästa möte", "till nästa gång", "inför nästa gång",
    "till nästa sammanträde", "inför nästa sammanträde", "till nästa styrelsemöte",
    "inför nästa styrelsemöte", "till nästa träff", "inför nästa träff",
    "till kommande möte", "inför kommande möte", "by next meeting", "until next meeting",
)  # fmt: skip
"""Words for the next meeting of the same body as a due date (``till nästa möte``); a
bare *nästa möte* is one only where a date is expected (``klart: nästa möte``)."""

NEXT_MEETING_VALUES: Final[tuple[str, ...]] = ("nästa möte", "nästa sammanträde", "nästa gång")
"""A due written as the next meeting where a date is expected (``(klart: nästa möte)``)."""

OTHER_DATE_WORDS: Final[tuple[str, ...]] = (
    "föregående", "förra", "förra mötet", "nästa", "nästa möte", "publicerad", "publicerat",
    "uppdaterad", "uppdaterat", "senast", "deadline", "skickades", "kallelsen", "utskick",
    "justering", "justeras", "anslag", "anslaget", "sista dag", "reviderad", "version",
    "skapad", "upprättad", "inkommen", "inkom", "opened this discussion on", "posted",
    "posted on", "commented on", "skrev", "postade", "publicerades", "skickat", "sent",
    "date sent", "datum för utskick", "updated", "modified", "lastmod",
    "ändrad", "senast ändrad",
)  # fmt: skip
"""Words just before a date near the top that make it another date than the meeting's
(*Föregående protokoll (höstmötet 2024-10-15)*, *Uppdaterad 2025-06-02*, *Nästa möte:
2025-12-08*)."""
