"""One person as minutes write them (:mod:`.people_lists` splits a list into such
entries): attendees, guests, absentees, the chair and the secretary.

Minutes write people in many ways, and this module reads them::

    Jan-Inge Ahlfrid (Malmö, ordförande), Jan Sohlmér (Lomma)
    - Anna Bergqvist, Lund (ordförande)
    Mathias Nilsen, koordinator MalmöLundregionen
    Eva Ek – Eslöv
    Per Ek (C), ordförande
    Bo Krantz (C) ärende 1-20
    Mira Sjö (S) tjänstgörande för Leif Ahl (S)
    Anna, Olle & Per          kalle, stina samt Per Ek ‹pek›
    Skatteverket, Bolagsverket

A comma inside parentheses never splits people; a comma before a municipality
or a role word adds to the person before it instead of starting a new one.  A
party code goes to ``party``, an attendance note (``§§ 12-14``, ``deltar ej § 5
p.g.a. jäv``) to ``note``, never into the name; an organisation listed alone is
an attendee without a name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache

from ..config import Config
from ..model import Person
from ..vocabulary import (
    ABSENCE_REASONS,
    ABSENT_ANSWERS,
    COMPANY_FORMS,
    DEFINITE_TITLE_ENDINGS,
    GENITIVE_ENDINGS,
    ITEM_COLUMN_HEADERS,
    LIST_JOINERS,
    MEETING_CHAIR_ROLE,
    NAME_TITLES,
    OFFICER_ROLES,
    ORGANISATION_FIRST_WORDS,
    ORGANISATION_LINKS,
    ORGANISATION_SUFFIXES,
    PARTY_CODES,
    PRESENT_ANSWERS,
    PRONOUNS,
    ROLE_ENDINGS,
    ROLE_QUALIFIERS,
    ROLES,
)
from .chat_log import is_bot
from .person_notes import ALIAS as _ALIAS
from .person_notes import note_start, split_note
from .scan_letters import ocr_repaired
from .text import alternation

PAREN = re.compile(r"\s*\((?P<inside>[^()]*)\)\s*")
_DASH = re.compile(r"\s+[–—-]\s+")
_INITIALS = re.compile(r"^[A-ZÅÄÖ][a-zåäö]?[A-ZÅÄÖ][a-zåäö]?$")
SHORT_CAPITALS = re.compile(r"^[A-ZÅÄÖ]{1,4}$")
_CAPITALISED = re.compile(r"^[A-ZÅÄÖ0-9@]")
_BULLET = re.compile(r"^\s*(?:[-*+•–]|\d+[.)])\s+")


def split_top_level(text: str, separators: str = ",;\n→·•") -> list[str]:
    """``text`` split at ``separators`` outside parentheses and brackets."""
    if "(" not in text and "[" not in text:
        # The common case, without a walk over every character.
        pieces = re.split(f"[{re.escape(separators)}]", text)
        return [p.strip() for p in pieces if p.strip()]
    parts: list[str] = []
    depth = 0
    start = 0
    for index, char in enumerate(text):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(0, depth - 1)
        elif depth == 0 and char in separators:
            parts.append(text[start:index])
            start = index + 1
    parts.append(text[start:])
    return [p.strip() for p in parts if p.strip()]


_STRUCK = re.compile(r"~~[^~]*~~")


_FOOTNOTE_MARK = re.compile(r"\[\^[^\]\s]{1,20}\]")


@lru_cache(maxsize=4096)
def clean(text: str) -> str:
    """Whitespace collapsed, tabs, bullets, edge punctuation and struck names gone (the same
    name is cleaned many times over: remembered)."""
    if "~~" in text:
        text = _STRUCK.sub(" ", text)
    if "[^" in text:
        text = _FOOTNOTE_MARK.sub("", text)  # ``Mötesordförande[^1]``: a note's mark
    text = _BULLET.sub("", text.replace("\t", " "))
    return " ".join(text.split()).strip(" .;:\\")


def role_of(text: str) -> str | None:
    """The base form of a role word or phrase (``ordf.`` → ``ordförande``), or None."""
    key = clean(text).casefold()
    if key in ROLES:
        return ROLES[key]
    return None


_ORDINAL = re.compile(r"^\d{1,2}:[ea]\s+")


def is_role_word(word: str) -> bool:
    """Whether a word names a role (*förvaltningschef*, *nämndsekreterare*, *IT-chef*)."""
    key = word.casefold().strip(".,")
    if key in ROLES:
        return True
    # Short words end like roles by chance (*för*, *dör*).
    return len(key) >= 6 and key.endswith(ROLE_ENDINGS)


def is_organisation(text: str, config: Config) -> bool:
    """Whether ``text`` names an organisation rather than a person: a municipality, the
    organisation itself, or a name ending like one (*Skatteverket*, *Region Skåne*'s …)."""
    text = clean(text)
    if not text:
        return False
    if text in config.municipalities or text.casefold() == config.organisation.casefold():
        return True
    words = text.split()
    last = words[-1].casefold()
    first = words[0].casefold()
    return (
        last.endswith(ORGANISATION_SUFFIXES)
        or (len(words) == 2 and first.endswith(ORGANISATION_SUFFIXES))  # *Sparbanken Norrland*
        or first in ORGANISATION_FIRST_WORDS
        or (len(words) > 1 and last in COMPANY_FORMS)
        or definite_body(words[0])
    )


def definite_body(word: str) -> bool:
    """``Familjecentralen``, ``Närvårdskansliet``: a long capitalised noun in its definite
    form names a body (first names and surnames are shorter or end otherwise)."""
    return len(word) >= 10 and word[:1].isupper() and word.casefold().endswith(("en", "et"))


def split_role_prefix(text: str) -> tuple[str | None, str]:
    """``koordinator MalmöLundregionen`` → (``koordinator``, ``MalmöLundregionen``)."""
    words = _ORDINAL.sub("", clean(text)).split()
    for size in (2, 1):
        if len(words) >= size:
            role = role_of(" ".join(words[:size]))
            if role:
                return role, " ".join(words[size:])
    if words and (words[0][:1].islower() or "-" in words[0]) and is_role_word(words[0]):
        return words[0].casefold(), " ".join(words[1:])
    return None, clean(text)


_NICK = re.compile(r"^@?[a-zåäö][\wåäö.-]{1,19}$")


def _is_nickname_of(token: str, name: str) -> bool:
    """``pixla`` for *Pia Lax*, ``knutte`` for *Knut Ahlberg*, ``mstrand`` for *Mikael
    Strand*: a lower-case word made of the name (its first letters, or the initials of
    first and last name in order) that is no role or note."""
    words = name.split()
    if not _NICK.match(token) or len(words) < 2 or is_role_word(token) or is_note(token):
        return False
    nick = token.lstrip("@").casefold()
    first, last = words[0].casefold(), words[-1].casefold()
    if nick[:1] != first[:1] or nick in ABSENCE_REASONS:
        return False
    return nick.startswith(first[:3]) or last[:1] in nick[1:]


_PREFIXED_FULL_NAME = re.compile(
    r"^(?P<words>[a-zåäö][\wåäö-]*(?:\s+[a-zåäö][\wåäö-]*){0,3})\s+"
    r"(?P<name>[A-ZÅÄÖ][a-zåäö][\wåäö-]*\s+[A-ZÅÄÖ][a-zåäö][\wåäö-]*)$"
)


def prefixed_full_name(text: str) -> re.Match[str] | None:
    """``distriktets kontaktperson Mikael Wendt``, ``styrelsens Bertil Hård``: lower-case
    words saying who someone is, then their first name and surname (not ``… från PRO
    Norrvika``, where the words lead to an organisation)."""
    found = _PREFIXED_FULL_NAME.match(text.strip())
    if found is None or set(found["words"].split()) & set(ORGANISATION_LINKS):
        return None
    return found


def _note_after_dash(attribute: str) -> list[str]:
    """``ordf. – förhinder``, ``IT – håller i mötet``: why away, or the office held."""
    parts = _DASH.split(attribute, maxsplit=1)
    after = parts[1].strip(" .").casefold() if len(parts) == 2 else ""
    officer = ROLES.get(after) in (*OFFICER_ROLES, MEETING_CHAIR_ROLE)
    return parts if after in ABSENCE_REASONS or officer else [attribute]


def is_note(part: str) -> bool:
    """Whether ``part`` is an attendance note (``§§ 12-14``, ``deltar ej § 5``)."""
    return bool(note_start().match(part.strip()))


def is_party(part: str) -> bool:
    return part.casefold() in PARTY_CODES and len(part) <= 3


@cache
def _joined_split() -> re.Pattern[str]:
    return re.compile(rf"\s+(?:{alternation(LIST_JOINERS)})\s+", re.IGNORECASE)


def _attributes(
    parts: Iterable[str], config: Config
) -> tuple[str | None, str | None, str | None, list[str]]:
    """(organisation, role, party, notes) from the parts written beside a name."""
    organisation: str | None = None
    role: str | None = None
    party: str | None = None
    notes: list[str] = []
    for raw in parts:
        part = clean(raw)
        head, _, tail = part.partition(",")
        answer = head.strip().casefold()
        if answer in PRESENT_ANSWERS or answer in ABSENT_ANSWERS:
            # ``Elvira Nordin – Ja``, ``Lukas Fredén – Nej``, ``Tilde Holm – Ja, lämnade
            # vid 5.2``: the list's answer whether they came, then what it says of them.
            if answer in ABSENT_ANSWERS:
                notes.append(head.strip())
            part = tail.strip()
        if not part:
            continue
        if party is None and is_party(part):
            party = part.upper()
            continue
        if (is_note(part) and part.casefold() not in ROLES) or part.casefold() in ABSENCE_REASONS:
            notes.append(part)  # ``§§ 12-14``; ``@jonna (VAB)``, ``Per Ek (sjuk)``
            continue
        if _INITIALS.match(part) and not SHORT_CAPITALS.match(part):
            notes.append(part)  # initials the minutes use for them later (*BeS förklarade …*)
            continue
        words = part.split()
        if len(words) >= 4 and sum(w[:1].islower() for w in words) * 2 > len(words):
            # ``Nour (Arvid fastnade på ett inställt tåg)``: a sentence about them, not
            # the organisation they came from (those are names: *Region Mellanlanda*).
            notes.append(part)
            continue
        offices = [role_of(piece) for piece in _joined_split().split(part)]
        if len(offices) > 1 and all(offices) and (role is None or offices[0] in OFFICER_ROLES):
            # ``ordförande och sekreterare``: one person held both offices; the second is
            # noted, and read as the office it is.
            role = offices[0]
            notes.extend(office for office in offices[1:] if office)
            continue
        found_role: str | None
        if part.casefold() in ROLES:  # ``håller i mötet``, ``tjänstgör som ordförande``
            found_role, rest = ROLES[part.casefold()], ""
        else:
            found_role, rest = split_role_prefix(part)
        officer = (found_role in OFFICER_ROLES and role not in OFFICER_ROLES) or (
            # ``Vice ordförande, mötesordf.``: chairing this meeting wins over the office.
            found_role == MEETING_CHAIR_ROLE and role != MEETING_CHAIR_ROLE
        )
        if found_role and (role is None or officer):
            # ``(projektledare, sekreterare)``: the role at this meeting wins over the job.
            role = found_role
            if rest and organisation is None:
                organisation = rest
        elif role is None and len(words) <= 3 and part[:1].isupper() and is_role_word(words[0]):
            role = part.casefold()  # ``Verksamhetschef, Västerhamra vårdcentral`` (a cell)
        elif organisation is None and not (part[:1].islower() and is_role_word(part)):
            if part[:1].islower() and role is None and not _genitive(part):
                role = part.casefold()
            else:
                organisation = part
        elif role is None:
            role = part.casefold()
        elif part[:1].islower() and is_role_word(part):
            notes.append(part)  # ``IT-chef, projektägare``: a second function, kept
    return organisation, role, party, notes


@cache
def _organisation_link() -> re.Pattern[str]:
    links = alternation(ORGANISATION_LINKS)
    # ``Göran Ahlberg från Idrottens Distriktsförbund``; ``Kent från kommunens GIS-enhet``
    # (a first name, and a unit named by its owner's genitive); ``Birgitta Ohlsson från
    # minnesmottagningen`` (a unit by its definite form, after a name in full).
    return re.compile(
        rf"^(?P<name>[A-ZÅÄÖ][\w'\ufffd-]+(?:\s+[A-ZÅÄÖ][\w'\ufffd-]+){{0,3}})\s+(?:{links})\s+"
        r"(?P<organisation>[A-ZÅÄÖ].*|[a-zåäö]{3,}s\s+\S.*|[a-zåäö]{5,}(?:n|et|na)(?:\s.*)?)$"
    )


HANDLE = re.compile(r"^@?[a-zåäö0-9][\wåäö.-]{0,19}$")
FULL_NAME = re.compile(r"^[A-ZÅÄÖ][\w'\ufffd-]+(?:\s+[A-ZÅÄÖ][\w'\ufffd-]+){1,2}$")


def _real_name(name: str, attributes: list[str], config: Config) -> str | None:
    # ``jek (Johanna Ek)``, initials before the name (``LN – Lotta Nordin``), a nickname
    # (``Kajsa (Karin Sjö)``) but not a place or an organisation (``Tallmo (Anna Berg)``).
    nickname = (
        " " not in name
        and _CAPITALISED.match(name) is not None
        and not is_organisation(name, config)
        and name not in config.municipalities
    )
    if not HANDLE.match(name) and not SHORT_CAPITALS.match(name) and not nickname:
        return None
    return next((a.strip() for a in attributes if FULL_NAME.match(a.strip())), None)


def _function_first(name: str, attributes: list[str], text: str) -> str | None:
    """The full name in parentheses after a function (``Primärvårdschef Södra (Nils
    Ekwall)``, ``MAS Norrvika (Eva Rask)``): the outside starts with a role word or an
    abbreviation of one, so it names an office, not a person."""
    words = name.split()[:3]
    if not words:
        return None
    office = (
        is_role_word(words[0].casefold())
        or (words[0].isupper() and len(words[0]) <= 5)  # ``MAS Norrvika``
        # ``Hälso- och sjukvårdsdirektör Region …``: a compound written in parts.
        or (words[0].endswith("-") and any(is_role_word(w.casefold()) for w in words[1:]))
    )
    if not office:
        return None
    inside = [
        a.strip() for a in attributes if FULL_NAME.match(a.strip()) and f"({a.strip()}" in text
    ]
    if len(inside) != 1 or is_role_word(inside[0].split()[-1].casefold()):
        return None
    return inside[0]


def _genitive(part: str) -> bool:
    # ``regionrådets kansli``: a genitive and a noun name a body, not a role.
    words = part.split()
    return len(words) > 1 and words[0].casefold().endswith("s")


_NAME_PARTY_REST = re.compile(
    r"^(?P<name>[A-ZÅÄÖ][^()]*?)\s*\((?P<party>[A-Za-zÅÄÖåäö]{1,4})\)\s+(?P<rest>\w[^()]*)$"
)


def _is_title(word: str) -> bool:
    """``Fritidschef``, ``Styrelseledamoten``, ``Revisorn``: a word written before a name
    that is a title, not a first name (a long word in the definite form counts)."""
    key = word.casefold()
    return (
        is_role_word(word)
        or key in ROLES
        or key.endswith(DEFINITE_TITLE_ENDINGS)
        or (len(key) > 7 and key.endswith("en"))
    )


_MARKS_OFF = str.maketrans("", "", "*†‡★☆✎◎")
_TITLED_NAME = re.compile(
    r"^(?P<title>[A-ZÅÄÖ][\wåäö-]+\.?)\s+(?P<name>[A-ZÅÄÖ][\w'\ufffd-]+\s+[A-ZÅÄÖ][\w'\ufffd-]+)$"
)
_HEADCOUNT = re.compile(r"^(?:ca\.?\s*)?\d+\s+[a-zåäö]|^\d+\s*/\s*\d+(?!\S)")
"""``23 röstberättigade medlemmar``, ``4/5 (Johan sjuk)``: a head count, no one by name."""


_INITIALS_FIRST = re.compile(r"^(?P<initials>[A-ZÅÄÖ]{2,4})\s+(?P<rest>[A-ZÅÄÖ][a-zåäöé].*)$")


def initials_of(name: str) -> str:
    """``Hampus Kjellin`` → ``HK``: the initials a list or a signature may use."""
    words = re.split(r"[\s-]+", name.split(",")[0].split("(")[0].strip())
    return "".join(w[0] for w in words if w).upper()


@cache
def _title() -> re.Pattern[str]:
    return re.compile(rf"^(?:{alternation(NAME_TITLES)})\s+(?=[A-ZÅÄÖ])", re.IGNORECASE)


def without_title(text: str) -> str:
    """``dr Anders Meijer`` → ``Anders Meijer``: a title before a name is no part of it."""
    return _title().sub("", text) if text[:1] in _TITLE_INITIALS else text


_TITLE_INITIALS = frozenset(title[0] for t in NAME_TITLES for title in (t, t.upper()))


def parse_person(text: str, line: int, config: Config, *, role: str | None = None) -> Person | None:
    """One person: ``Namn (Org, roll)``, ``Namn, Org (roll)``, ``Namn – Org``, ``Namn (S)
    §§ 1-4``; an organisation alone (``Skatteverket``) is a person without a name.
    ``role`` is the role the list gives everyone in it (*Tjänstgörande ersättare*)."""
    text = without_title(clean(text).translate(_MARKS_OFF)).strip()
    if not text or _HEADCOUNT.match(text) or text.startswith(","):
        return None  # ``~~Lena Fors~~, närsjukvårdschef``: the one struck out is not here
    notes: list[str] = []
    aliases = [m["alias"] or m["quoted"] for m in _ALIAS.finditer(text)]
    initialled = _INITIALS_FIRST.match(text)
    if initialled and initials_of(initialled["rest"]).startswith(initialled["initials"]):
        # ``AR  Anders Ruud``: the initials the minutes use for them, then the name.
        aliases.append(initialled["initials"])
        text = initialled["rest"]
    text = _ALIAS.sub(" ", text).strip()
    text, note = split_note(text)
    attributes: list[str] = []
    paren_then = _NAME_PARTY_REST.match(text) if ") " in text else None
    if paren_then:
        # ``Göran Vikström (S) Granåker`` (a flattened column, the municipality after the
        # code), ``Kristina Sahlin (KS) vice ordf.``: what follows the parentheses
        # describes the person.
        text = f"{paren_then['name'].rstrip(' ,')} ({paren_then['party']})"
        attributes.extend(paren_then["rest"].split(","))
    for match in PAREN.finditer(text):
        attributes.extend(match["inside"].split(","))
    # ``ellen_h (13)``: a count (lines said, votes) describes no one.
    attributes = [a for a in attributes if not a.strip().isdigit()]
    name_part = clean(PAREN.sub(" ", text))
    pieces = split_top_level(name_part)
    if len(pieces) > 1:
        name_part, attributes = pieces[0], pieces[1:] + attributes
    dash = _DASH.split(name_part, maxsplit=1)
    if len(dash) == 2:
        name_part, attributes = dash[0], [dash[1], *attributes]
    linked = _organisation_link().match(name_part)
    if (
        linked
        and " " not in linked["name"]
        and (linked["organisation"][:1].isupper() or not _genitive(linked["organisation"]))
    ):
        # ``Anna från Tallmo``: may be a place, and one name is too little; ``Kent från
        # kommunens GIS-enhet`` names the unit by its owner.
        linked = None
    if linked:
        # ``Göran Ahlberg från Idrottens Distriktsförbund``
        name_part, attributes = linked["name"], [linked["organisation"], *attributes]
    handle = name_part.startswith("@")
    name_part = name_part.removeprefix("@")
    if name_part.casefold() in PRONOUNS:
        return None  # ``… och jag (Bäckvik)``: the writer, not a name
    if is_bot(name_part):
        return None  # ``fjallbot (2)`` in a meeting bot's list of who spoke
    described = prefixed_full_name(name_part) if name_part[:1].islower() else None
    if described is not None and split_role_prefix(name_part)[0] is None:
        # ``distriktets kontaktperson Mikael Wendt``: who they are, then the name.
        name_part, attributes = described["name"], [described["words"], *attributes]
    first_word = name_part.split(" ", 1)[0]
    if " " in name_part and (
        name_part[:1].islower() or (first_word.isupper() and is_role_word(first_word.casefold()))
    ):
        # ``studierektor Göran Alm``: the role written before the name.
        prefix, rest = split_role_prefix(name_part)
        if prefix is not None and FULL_NAME.match(rest):
            name_part, attributes = rest, [prefix, *attributes]
    words = name_part.split()
    if (
        len(words) >= 3
        # The word (*Lindqvist* ends like one), or a long compound (*Nämndsekreterare*).
        and (words[-1].casefold() in ROLES or (len(words[-1]) > 10 and is_role_word(words[-1])))
        and FULL_NAME.match(" ".join(words[:-1]))
        and not name_part.isupper()  # ``VAL AV JUSTERARE``: a heading in capitals
    ):
        # ``Jonas Vik Sekreterare``, ``Ingrid Falkenberg ordförande``: a list's role
        # column, run into the name.
        name_part, attributes = " ".join(words[:-1]), [words[-1].casefold(), *attributes]
    real_name = _real_name(name_part, attributes, config)
    function = _function_first(name_part, attributes, text) if real_name is None else None
    if function is not None:
        # ``Socialchef Lindvik (Per Hallin)``: the function, and who holds it.
        role, rest = split_role_prefix(name_part)
        extra = [role, rest] if role else [name_part]
        name_part = function
        attributes = [*extra, *(a for a in attributes if a.strip() != function)]
    elif real_name is not None:
        # ``jek (Johanna Ek)``: a handle as the minutes call them, and the name it stands
        # for; the person is the name, the handle an alias that later lines may use.
        attributes = [a for a in attributes if a.strip() != real_name]
        aliases.append(name_part)
        name_part = real_name
    short = [a.strip() for a in attributes if 1 < len(a.strip()) <= 5]
    initials = (
        "".join(w[0] for w in re.split(r"[\s-]+", clean(name_part)) if w).upper() if short else ""
    )
    for written in short:
        if written.upper() == initials and not is_party(written):
            # ``Kristina Sahlin (KS)``: the initials the minutes use for her later.
            aliases.append(written)
            attributes = [a for a in attributes if a.strip() != written]
    nicknames = [a.strip() for a in attributes if _is_nickname_of(a.strip(), name_part)]
    if nicknames:
        # ``Pia Lax (pixla)``, ``Knut Ahlberg (knutte)``: what the minutes call them.
        aliases.extend(nicknames)
        attributes = [a for a in attributes if a.strip() not in nicknames]
    attributes = [part for a in attributes for part in _note_after_dash(a)]
    organisation, written_role, party, attribute_notes = _attributes(attributes, config)
    notes.extend(attribute_notes)
    if note:
        notes.append(note)
    name: str | None = clean(name_part)
    if not name or name.casefold() in ITEM_COLUMN_HEADERS:
        return None  # (``| Punkt | Anteckningar och beslut |``: the next table's header)
    words = name.split()
    if len(words) >= 4 and words[0].casefold().endswith(GENITIVE_ENDINGS):
        # ``Revisorernas (vice) ordförande Bengt Alm``: the body's role, then the name.
        at = 1
        while at < len(words) - 2 and words[at].casefold() in ROLE_QUALIFIERS:
            at += 1
        if is_role_word(words[at]):
            office = " ".join(words[1 : at + 1])
            written_role = written_role or role_of(office) or office.casefold()
            name = " ".join(words[at + 1 :])
    titled = _TITLED_NAME.match(name) if name.count(" ") == 2 else None
    if titled and _is_title(titled["title"]):
        # ``Fritidschef Mikael Sandberg``: the title written before the name is their role.
        name = titled["name"]
        written_role = written_role or role_of(titled["title"]) or titled["title"].casefold()
    if (
        organisation is None
        and not handle  # ``@Petra-Lindgren``: a person's account, whatever it looks like
        and is_organisation(name, config)
        and len(name.split()) <= 6
    ):
        name, organisation = None, name
    if aliases and not notes:
        notes.append("‹" + "›, ‹".join(aliases) + "›")
    return Person(
        name=ocr_repaired(name) if name else name,
        organisation=organisation,
        role=written_role or role,
        line=line,
        party=party,
        note="; ".join(notes) or None,
    )


_ORGANISATION_WITH_PEOPLE = re.compile(r"^(?P<outside>[^()]+?)\s*\((?P<inside>[^()]+)\)\s*\.?$")


def names_organisation(text: str) -> bool:
    """``Länsstyrelsen Mellanlanda``, ``PRO Mellanlanda``, ``Lindvik Revision AB``: an
    organisation by its words alone (no configuration needed)."""
    words = text.split()
    if not words:
        return False
    first, last = words[0], words[-1].casefold()
    return (
        not FULL_NAME.match(text)
        or last.endswith(ORGANISATION_SUFFIXES)
        or (len(words) == 2 and first.casefold().endswith(ORGANISATION_SUFFIXES))
        or first.casefold() in ORGANISATION_FIRST_WORDS
        or (len(first) > 1 and first.isupper())
        or (len(words) > 1 and last in COMPANY_FORMS)
        # ``Familjecentralen Lindvik``, ``Närvårdskansliet``: a long noun in its definite
        # form names a body; first names are shorter.
        or definite_body(first)
    )


def names_people_inside(text: str) -> bool:
    """``Norrvika kommun (Eva Gren, Hussein Ali)``: an organisation, and in parentheses
    the people who came for it."""
    match = _ORGANISATION_WITH_PEOPLE.match(clean(text))
    if match is None or not names_organisation(clean(match["outside"])):
        return False
    return any(FULL_NAME.match(p) for p in split_top_level(match["inside"]))


def parse_entry(text: str, line: int, config: Config, *, role: str | None = None) -> list[Person]:
    """One line of a list: a person, or an organisation with the people who came for it
    (``Norrvika kommun (Eva Gren, Hussein Ali)``, ``Länsstyrelsen (Ingrid Holmqvist,
    sammankallande; Sara Idström)``), each of them a person of that organisation."""
    match = _ORGANISATION_WITH_PEOPLE.match(clean(text))
    if match is not None:
        outside = clean(match["outside"])
        parts = [p for p in split_top_level(match["inside"]) if p]
        names = [p for p in parts if FULL_NAME.match(p.split(",")[0].strip())]
        single = len(outside.split()) == 1
        # ``ekström (Helena Ekström)``, ``Bosse (Bo Forsgren)``: a nickname and the name.
        nickname = single and not is_organisation(outside, config)
        if names and names_organisation(outside) and len(outside.split()) <= 8 and not nickname:
            people: list[Person] = []
            for part in parts:
                if FULL_NAME.match(part):
                    people.append(Person(part, outside, role, line))
                elif people:
                    written_role, _ = split_role_prefix(part)
                    last = people[-1]
                    if written_role and last.role in (None, role):
                        people[-1] = Person(last.name, outside, written_role, line)
                    elif not written_role:
                        note = "; ".join(n for n in (last.note, part) if n)
                        people[-1] = Person(last.name, outside, last.role, line, note=note)
            return people
    person = parse_person(text, line, config, role=role)
    return [person] if person else []
