"""Personal data that must not be published: identity numbers, private contact details.

A Swedish authority must not publish personal identity numbers (*personnummer*) or
co-ordination numbers (*samordningsnummer*), so one in a minutes file is an error and
the file stays off the site.  A candidate is any 10- or 12-digit number (``19811218-9876``,
``811218-9876``, ``8112189876``); it is reported only when it is one: a real date (a
co-ordination number's day is the birth day plus 60) and a valid check digit, both
checked by python-stdnum, so that a diary number (``Dnr 2016/123``), an organisation
number or a phone number with a wrong check digit is not.  E-mail addresses and phone
numbers are a warning unless they are the organisation's own (``public_contacts`` and the
contact addresses in ``mlr-minutes.yaml``): minutes may name a person's work address,
but a private one must not be published.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from stdnum import luhn
from stdnum.exceptions import ValidationError
from stdnum.se import personnummer

from ..config import Config
from ..model import Diagnostic, Level
from ..vocabulary import LETTERHEAD_LABELS

IDENTITY_NUMBER = re.compile(
    r"(?<![\w/.,:+-])(?P<century>\d{2})?(?P<date>\d{6})(?P<separator>[-+ ]?)(?P<serial>\d{4})"
    r"(?![\w/]|[-.,:]\d)"
)
"""A personal identity or co-ordination number as written: an optional century, the
birth date, an optional ``-``/``+``/space, the serial and check digits, not part of a
longer number, a diary number (``2016/1234``) or a date range."""

EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@(?P<domain>[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,})(?!\w)")
"""An e-mail address."""

PHONE = re.compile(r"(?<![\w+/.,:-])(?:\+46|0)[\s-]?\(?[1-9][\d\s()-]{5,14}\d(?![\w/]|[-.,:]\d)")
"""A Swedish phone number: ``+46`` or a leading 0, then the area code and number with
spaces, dashes or brackets between groups."""

PHONE_DIGITS = range(8, 12)
"""How many digits (``+46`` counted as ``0``) a Swedish phone number has."""

CO_ORDINATION_DAY = 60
"""Added to the birth day in a co-ordination number."""


def is_identity_number(written: str) -> bool:
    """Whether ``written`` is a valid personnummer or samordningsnummer (date and check
    digit), in any of its written forms."""
    match = IDENTITY_NUMBER.fullmatch(written.strip())
    if match is None:
        return False
    century, date, serial = match["century"] or "", match["date"], match["serial"]
    sep = "+" if match["separator"] == "+" else "-"
    day = int(date[4:6])
    if day <= CO_ORDINATION_DAY:
        return personnummer.is_valid(f"{century}{date}{sep}{serial}")
    # stdnum checks the birth date of a personnummer only: a co-ordination number's date
    # is checked with the birth day, its check digit (over the number as written) with
    # stdnum's Luhn.
    birth = f"{date[:4]}{day - CO_ORDINATION_DAY:02d}"
    try:
        personnummer.get_birth_date(f"{century}{birth}{sep}{serial}")
    except ValidationError:
        return False
    return luhn.is_valid(date + serial)


@lru_cache(maxsize=8)
def _allowed(contacts: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str]]:
    """(addresses and ``@domain``s, phone digits) of the organisation's own contacts."""
    mail = frozenset(c.strip().casefold() for c in contacts if "@" in c)
    phones = frozenset(_digits(c) for c in contacts if "@" not in c and _digits(c))
    return mail, phones


def _digits(written: str) -> str:
    digits = re.sub(r"\D", "", written)
    return "0" + digits[2:] if written.strip().startswith("+46") else digits


def _own_contacts(config: Config) -> tuple[str, ...]:
    given = (config.contact_email, config.open_data.contact_email)
    return (*config.public_contacts, *(c for c in given if c))


def personal_data(path: str, text: str, config: Config) -> list[Diagnostic]:
    """Every identity number (an error) and private contact detail (a warning) in
    ``text``, by line."""
    if "@" not in text and _DECIMAL.search(text) is None:
        return []  # (every pattern here needs an ``@`` or a decimal digit)
    mail, phones = _allowed(_own_contacts(config))
    problems: list[Diagnostic] = []
    lines = text.split("\n")
    for number in _lines_worth_a_look(text):
        line = lines[number - 1]
        numbers = list(_identity_numbers(line))
        problems.extend(
            Diagnostic(
                Level.ERROR,
                path,
                number,
                "personal-identity-number",
                # Masked: the message goes to terminals and CI logs, which may be public.
                f"raden innehåller ett personnummer eller samordningsnummer "
                f"({match.group(0)[:-4]}XXXX); filen publiceras inte",
                "ta bort numret ur minnesanteckningarna (och ur git-historiken om filen "
                "redan är incheckad); ett namn räcker",
            )
            for match in numbers
        )
        taken = [m.span() for m in numbers]
        folded = line.casefold()
        if any(label in folded for label in LETTERHEAD_LABELS):
            continue  # an organisation's letterhead: its own phone and address
        problems.extend(
            Diagnostic(
                Level.WARNING,
                path,
                number,
                "private-contact",
                f"raden innehåller {'en e-postadress' if is_mail else 'ett telefonnummer'} "
                f"({written})",
                "publicera inte privatpersoners kontaktuppgifter; är den organisationens "
                "egen, lägg den under public_contacts i mlr-minutes.yaml",
            )
            for is_mail, written in _contacts(line, taken, mail, phones)
        )
    return problems


_DECIMAL = re.compile(r"\d")
_WORTH_A_LOOK = re.compile(r"@|\d[\d \t()+-]{5}")
"""An ``@`` or six digits close together: what any of the patterns above needs."""


def _lines_worth_a_look(text: str) -> list[int]:
    """The 1-based lines that may hold an identity number or a contact detail, found in one
    pass over the text (most lines of minutes hold neither)."""
    found: list[int] = []
    line, counted = 1, 0
    for match in _WORTH_A_LOOK.finditer(text):
        line += text.count("\n", counted, match.start())
        counted = match.start()
        if not found or found[-1] != line:
            found.append(line)
    return found


def _contacts(
    line: str, taken: list[tuple[int, int]], mail: frozenset[str], phones: frozenset[str]
) -> Iterator[tuple[bool, str]]:
    """(whether an e-mail address, as written) for each e-mail address and phone number on
    ``line`` that is not
    the organisation's own nor part of an identity number (the spans ``taken``)."""
    if "@" in line:
        for found in EMAIL.finditer(line):
            address = found.group(0).casefold()
            if address not in mail and f"@{found['domain'].casefold()}" not in mail:
                yield True, found.group(0)
    for found in PHONE.finditer(line):
        digits = _digits(found.group(0))
        overlaps = any(s < found.end() and found.start() < e for s, e in taken)
        if not overlaps and len(digits) in PHONE_DIGITS and digits not in phones:
            yield False, found.group(0).strip()


def _identity_numbers(line: str) -> Iterator[re.Match[str]]:
    for match in IDENTITY_NUMBER.finditer(line):
        if is_identity_number(match.group(0)):
            yield match
