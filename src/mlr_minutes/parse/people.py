"""People lists: attendees, guests, absentees, the chair and the secretary.

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

import itertools
import re
from collections.abc import Iterable
from functools import cache

from ..config import Config
from ..model import Person
from ..vocabulary import (
    ATTENDANCE_NOTE_BEFORE_NUMBER,
    ATTENDANCE_NOTE_FOR,
    ATTENDANCE_NOTE_WORDS,
    COMPANY_FORMS,
    DEFINITE_TITLE_ENDINGS,
    NAME_JOINERS,
    OFFICER_ROLES,
    ORGANISATION_FIRST_WORDS,
    ORGANISATION_LINKS,
    ORGANISATION_SUFFIXES,
    PARTY_CODES,
    ROLE_ENDINGS,
    ROLES,
)
from .text import alternation

_PAREN = re.compile(r"\s*\((?P<inside>[^()]*)\)\s*")
_DASH = re.compile(r"\s+[–—-]\s+")
_ALIAS = re.compile(r"\s*[‹«<]\s*(?P<alias>[^‹›«»<>]{1,30}?)\s*[›»>]")
_INITIALS = re.compile(r"^[A-ZÅÄÖ][a-zåäö]?[A-ZÅÄÖ][a-zåäö]?$")
_SHORT_CAPITALS = re.compile(r"^[A-ZÅÄÖ]{1,4}$")
_CAPITALISED = re.compile(r"^[A-ZÅÄÖ0-9@]")
_BULLET = re.compile(r"^\s*(?:[-*+•–]|\d+[.)])\s+")


def _split_top_level(text: str, separators: str = ",;\n") -> list[str]:
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


def clean(text: str) -> str:
    """Whitespace collapsed, tabs and bullets gone, edge punctuation stripped."""
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
    )


def _split_role_prefix(text: str) -> tuple[str | None, str]:
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


@cache
def _note_start() -> re.Pattern[str]:
    always = alternation(ATTENDANCE_NOTE_WORDS)
    numbered = alternation(ATTENDANCE_NOTE_BEFORE_NUMBER)
    serving = alternation(ATTENDANCE_NOTE_FOR)
    return re.compile(
        rf"(?:^|(?<=\s)|(?<=,))(?:(?:{always})(?!\w)|(?:{numbered})\s*(?=§|\d)"
        rf"|(?:{serving})\s+(?=[A-ZÅÄÖ]))",
        re.IGNORECASE,
    )


def _split_note(text: str) -> tuple[str, str | None]:
    """``Bo Krantz (C) ärende 1-20`` → (``Bo Krantz (C)``, ``ärende 1-20``); a note never
    starts inside parentheses or before the name."""
    depth = 0
    outside: list[bool] = []
    for char in text:
        if char == "(":
            depth += 1
        outside.append(depth == 0)
        if char == ")":
            depth = max(0, depth - 1)
    for match in _note_start().finditer(text):
        if match.start() > 0 and outside[match.start()]:
            note = text[match.start() :].strip(" ,;–-")
            return text[: match.start()].rstrip(" ,;–-"), note or None
    return text, None


def is_note(part: str) -> bool:
    """Whether ``part`` is an attendance note (``§§ 12-14``, ``deltar ej § 5``)."""
    return bool(_note_start().match(part.strip()))


def _is_party(part: str) -> bool:
    return part.casefold() in PARTY_CODES and len(part) <= 3


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
        if not part:
            continue
        if party is None and _is_party(part):
            party = part.upper()
            continue
        if is_note(part):
            notes.append(part)
            continue
        if _INITIALS.match(part) and not _SHORT_CAPITALS.match(part):
            notes.append(part)  # initials the minutes use for them later (*BeS förklarade …*)
            continue
        found_role, rest = _split_role_prefix(part)
        officer = found_role in OFFICER_ROLES and role not in OFFICER_ROLES
        if found_role and (role is None or officer):
            # ``(projektledare, sekreterare)``: the role at this meeting wins over the job.
            role = found_role
            if rest and organisation is None:
                organisation = rest
        elif organisation is None and not (part[:1].islower() and is_role_word(part)):
            if part[:1].islower() and role is None and not _genitive(part):
                role = part.casefold()
            else:
                organisation = part
        elif role is None:
            role = part.casefold()
    return organisation, role, party, notes


@cache
def _organisation_link() -> re.Pattern[str]:
    links = alternation(ORGANISATION_LINKS)
    return re.compile(
        rf"^(?P<name>[A-ZÅÄÖ][\w'-]+(?:\s+[A-ZÅÄÖ][\w'-]+){{1,3}})\s+(?:{links})\s+"
        r"(?P<organisation>[A-ZÅÄÖ].*)$"
    )


_HANDLE = re.compile(r"^@?[a-zåäö0-9][\wåäö.-]{0,19}$")
_FULL_NAME = re.compile(r"^[A-ZÅÄÖ][\w'-]+(?:\s+[A-ZÅÄÖ][\w'-]+){1,2}$")


def _real_name(name: str, attributes: list[str]) -> str | None:
    if not _HANDLE.match(name):
        return None
    return next((a.strip() for a in attributes if _FULL_NAME.match(a.strip())), None)


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


_TITLED_NAME = re.compile(
    r"^(?P<title>[A-ZÅÄÖ][\wåäö-]+)\s+(?P<name>[A-ZÅÄÖ][\w'-]+\s+[A-ZÅÄÖ][\w'-]+)$"
)
_HEADCOUNT = re.compile(r"^(?:ca\.?\s*)?\d+\s+[a-zåäö]")
"""``23 röstberättigade medlemmar``: a head count, no one by name."""


def parse_person(text: str, line: int, config: Config, *, role: str | None = None) -> Person | None:
    """One person: ``Namn (Org, roll)``, ``Namn, Org (roll)``, ``Namn – Org``, ``Namn (S)
    §§ 1-4``; an organisation alone (``Skatteverket``) is a person without a name.
    ``role`` is the role the list gives everyone in it (*Tjänstgörande ersättare*)."""
    text = clean(text)
    if not text or _HEADCOUNT.match(text):
        return None
    notes: list[str] = []
    aliases = [m["alias"] for m in _ALIAS.finditer(text)]
    text = _ALIAS.sub(" ", text).strip()
    text, note = _split_note(text)
    attributes: list[str] = []
    paren_then = _NAME_PARTY_REST.match(text)
    if paren_then:
        # ``Göran Vikström (S) Granåker`` (a flattened column, the municipality after the
        # code), ``Kristina Sahlin (KS) vice ordf.``: what follows the parentheses
        # describes the person.
        text = f"{paren_then['name'].rstrip(' ,')} ({paren_then['party']})"
        attributes.extend(paren_then["rest"].split(","))
    for match in _PAREN.finditer(text):
        attributes.extend(match["inside"].split(","))
    name_part = clean(_PAREN.sub(" ", text))
    pieces = _split_top_level(name_part)
    if len(pieces) > 1:
        name_part, attributes = pieces[0], pieces[1:] + attributes
    dash = _DASH.split(name_part, maxsplit=1)
    if len(dash) == 2:
        name_part, attributes = dash[0], [dash[1], *attributes]
    linked = _organisation_link().match(name_part)
    if linked:
        # ``Göran Ahlberg från Idrottens Distriktsförbund``
        name_part, attributes = linked["name"], [linked["organisation"], *attributes]
    name_part = name_part.removeprefix("@")
    real_name = _real_name(name_part, attributes)
    if real_name is not None:
        # ``jek (Johanna Ek)``: a handle as the minutes call them, and the name it stands
        # for; the person is the name, the handle an alias that later lines may use.
        attributes = [a for a in attributes if a.strip() != real_name]
        aliases.append(name_part)
        name_part = real_name
    organisation, written_role, party, attribute_notes = _attributes(attributes, config)
    notes.extend(attribute_notes)
    if note:
        notes.append(note)
    name: str | None = clean(name_part)
    if not name:
        return None
    titled = _TITLED_NAME.match(name)
    if titled and _is_title(titled["title"]):
        # ``Fritidschef Mikael Sandberg``: the title written before the name is their role.
        name = titled["name"]
        written_role = written_role or role_of(titled["title"]) or titled["title"].casefold()
    initials = "".join(word[0] for word in re.split(r"[\s-]+", name) if word)
    for written in (organisation, party):
        if (
            written
            and len(written) > 1
            and written.upper() == initials.upper()
            and not _is_party(written)
        ):
            # ``Kristina Sahlin (KS)``: the initials the minutes use for her later.
            aliases.append(written)
            organisation = None if organisation == written else organisation
            party = None if party == written else party
    if organisation is None and is_organisation(name, config) and len(name.split()) <= 6:
        name, organisation = None, name
    if aliases and not notes:
        notes.append("‹" + "›, ‹".join(aliases) + "›")
    return Person(
        name=name,
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
        not _FULL_NAME.match(text)
        or last.endswith(ORGANISATION_SUFFIXES)
        or (len(words) == 2 and first.casefold().endswith(ORGANISATION_SUFFIXES))
        or first.casefold() in ORGANISATION_FIRST_WORDS
        or (len(first) > 1 and first.isupper())
        or (len(words) > 1 and last in COMPANY_FORMS)
    )


def names_people_inside(text: str) -> bool:
    """``Norrvika kommun (Eva Gren, Hussein Ali)``: an organisation, and in parentheses
    the people who came for it."""
    match = _ORGANISATION_WITH_PEOPLE.match(clean(text))
    if match is None or not names_organisation(clean(match["outside"])):
        return False
    return any(_FULL_NAME.match(p) for p in _split_top_level(match["inside"]))


def parse_entry(text: str, line: int, config: Config, *, role: str | None = None) -> list[Person]:
    """One line of a list: a person, or an organisation with the people who came for it
    (``Norrvika kommun (Eva Gren, Hussein Ali)``, ``Länsstyrelsen (Ingrid Holmqvist,
    sammankallande; Sara Idström)``), each of them a person of that organisation."""
    match = _ORGANISATION_WITH_PEOPLE.match(clean(text))
    if match is not None:
        outside = clean(match["outside"])
        parts = [p for p in _split_top_level(match["inside"]) if p]
        names = [p for p in parts if _FULL_NAME.match(p.split(",")[0].strip())]
        if names and names_organisation(outside) and len(outside.split()) <= 8:
            people: list[Person] = []
            for part in parts:
                if _FULL_NAME.match(part):
                    people.append(Person(part, outside, role, line))
                elif people:
                    written_role, _ = _split_role_prefix(part)
                    last = people[-1]
                    if written_role and last.role in (None, role):
                        people[-1] = Person(last.name, outside, written_role, line)
                    elif not written_role:
                        note = "; ".join(n for n in (last.note, part) if n)
                        people[-1] = Person(last.name, outside, last.role, line, note=note)
            return people
    person = parse_person(text, line, config, role=role)
    return [person] if person else []


def aliases_of(person: Person) -> list[str]:
    """What else the minutes call ``person``: the handle or initials written beside the
    name (``‹jek›``, ``(BeS)``, ``RB   Roland Bergh``)."""
    if not person.note:
        return []
    tagged = [m["alias"] for m in _ALIAS.finditer(person.note)]
    if tagged:
        return tagged
    initials = person.note.strip("() ")
    return [initials] if initials.isupper() and 2 <= len(initials) <= 4 else []


def _employer(fragment: str, before: str, config: Config) -> bool:
    """``Thomas Ring, auktoriserad revisor, Lindvik Revision AB``: an organisation after a
    person named in full is where they come from; after another organisation (*Skatteverket,
    Bolagsverket*) it is one more organisation present."""
    name = clean(_PAREN.sub(" ", before.split(",")[0]))
    return (
        is_organisation(fragment, config)
        and _FULL_NAME.match(name) is not None
        and not is_organisation(name, config)
        and "," in before  # the person's entry already describes them: this continues it
    )


def _is_attribute(fragment: str, config: Config, nicknames: bool) -> bool:
    """Whether a comma-separated fragment describes the person before it."""
    text = clean(_PAREN.sub(" ", fragment))
    if not text:
        return True
    if text in config.municipalities or text.casefold() == config.organisation.casefold():
        return True
    if is_note(text) or _is_party(text):
        return True
    role, _ = _split_role_prefix(text)
    if role is not None:
        return True
    if text[:1].isdigit():
        return True  # ``1:e vice ordförande``, ``118–121``
    if text[:1].islower():
        # *Anna Berg, kassör* describes Anna; *kalle, stina* are two people.
        return not nicknames or is_role_word(text.split()[0]) or len(text.split()) > 1
    return " " not in text and "-" in text and is_role_word(text.rsplit("-", 1)[-1])  # IT-chef


@cache
def _joiner() -> re.Pattern[str]:
    return re.compile(rf"\s+(?:{alternation(NAME_JOINERS)})\s+", re.IGNORECASE)


def _split_joined(fragment: str, config: Config) -> list[str]:
    """``Olle Dahl & Per Holm`` → two people; ``Havs- och vattenmyndigheten`` and
    ``Greater Copenhagen & Skåne Committee`` stay whole (parentheses are never split)."""
    depth = 0
    cuts: list[tuple[int, int]] = []
    for match in _joiner().finditer(fragment):
        depth = fragment.count("(", 0, match.start()) - fragment.count(")", 0, match.start())
        if depth == 0:
            cuts.append(match.span())
    if not cuts:
        return [fragment]
    parts: list[str] = []
    start = 0
    for begin, end in cuts:
        if fragment[start:begin].endswith("-") or _carries_on_a_name(fragment[end:]):
            continue
        parts.append(fragment[start:begin])
        start = end
    parts.append(fragment[start:])
    return [p for p in parts if p.strip()]


def _carries_on_a_name(following: str) -> bool:
    """``… & Skåne Committee``: the words after the joiner end an organisation's name."""
    words = clean(_PAREN.sub(" ", following)).split()
    return len(words) >= 2 and words[-1].casefold().endswith(ORGANISATION_SUFFIXES)


_AFTER_PAREN = re.compile(r"(?<=\))\s+(?=[A-ZÅÄÖ][\w-]+\s+[A-ZÅÄÖ])")
_ROLE_THEN_NAME = re.compile(
    r"^(?P<role>(?:\d:[ea]\s+)?[a-zåäö][\wåäö .-]{1,40}?)\s+(?P<name>[A-ZÅÄÖ][\w-]+\s+[A-ZÅÄÖ].*)$"
)


def _role_then_name(piece: str) -> re.Match[str] | None:
    """``kårordförande Felicia Strömgren``: a role word, then the name it belongs to."""
    match = _ROLE_THEN_NAME.match(piece.strip())
    if match and not is_note(piece) and is_role_word(match["role"].split()[-1]):
        return match
    return None


@cache
def _party_paren() -> re.Pattern[str]:
    codes = alternation(code.upper() for code in PARTY_CODES if len(code) <= 3)
    return re.compile(rf"(?P<name>[A-ZÅÄÖ][\w'-]+\s+[A-ZÅÄÖ][\w'-]+)\s+\((?:{codes})\)")


def _split_at_parties(piece: str) -> list[str]:
    """``Göran Vikström (S) Granåker Maud Ekstrand (M) Sjöviken``: in a flattened column of
    politicians each person starts with the two names before their party code; what
    stands between one code and the next name describes the person before."""
    starts = [
        m.start("name")
        for m in _party_paren().finditer(piece)
        # ``Robert Kjellin (S) som ersättare för Bo Ringdahl (KD)``: the one replaced.
        if not is_note(piece[: m.start("name")].rsplit("(", 1)[-1].split(")", 1)[-1])
    ]
    if len(starts) < 2:
        return [piece]
    bounds = [0, *starts[1:], len(piece)] if starts[0] > 0 else [*starts, len(piece)]
    return [piece[a:b].strip(" ,") for a, b in itertools.pairwise(bounds) if piece[a:b].strip(" ,")]


def _split_flattened(piece: str) -> list[str]:
    """A PDF flattened one person a line into one line (``Bengt Alsterlind (S), ordförande
    Marianne Öst (M) Karl Nordqvist (C)``): a new name after a closing parenthesis, or
    after the role word that ends the person before."""
    parts: list[str] = []
    for part in (p for whole in _split_at_parties(piece) for p in _AFTER_PAREN.split(whole)):
        role_then_name = _role_then_name(part)
        if role_then_name:
            parts.extend((role_then_name["role"], role_then_name["name"]))
        else:
            parts.append(part)
    return parts


def _handles_apart(piece: str) -> list[str]:
    """``@lovisa.h @ture @mehmet.k``: handles written side by side, as a chat names people."""
    words = piece.split()
    if len(words) > 1 and all(word.startswith("@") and len(word) > 1 for word in words):
        return words
    return [piece]


def _fragments(text: str, config: Config) -> list[str]:
    """The comma and joiner fragments of a list.  A list that starts with a role before a
    name (*kårordförande Felicia Strömgren, vice kårordförande Malte Åberg och
    lekmannarevisor Dennis Holmqvist*) writes every role before its name: each such
    fragment is turned around (``Felicia Strömgren, kårordförande``); any other list may
    be a flattened PDF column, where a role ends the person before it."""
    pieces = [
        handle
        for fragment in _split_top_level(text)
        for piece in _split_joined(fragment, config)
        for handle in _handles_apart(piece)
    ]
    if pieces and _role_then_name(pieces[0]):
        turned = []
        for piece in pieces:
            match = _role_then_name(piece)
            turned.append(f"{match['name']}, {match['role']}" if match else piece)
        return turned
    return [part for piece in pieces for part in _split_flattened(piece)]


def parse_people(
    text: str, line: int, config: Config, *, role: str | None = None, nicknames: bool = True
) -> list[Person]:
    """Everyone in a comma (or semicolon, or line) separated list."""
    entries: list[str] = []
    for piece in _fragments(text, config):
        if entries and (
            _is_attribute(piece, config, nicknames) or _employer(piece, entries[-1], config)
        ):
            entries[-1] += ", " + piece
        else:
            entries.append(piece)
    people = [parse_person(entry, line, config, role=role) for entry in entries]
    return party_codes_in_context([p for p in people if p is not None])


def party_codes_in_context(people: list[Person]) -> list[Person]:
    """In a list where a known party code is used, short capitals in parentheses are
    party codes too (a local party: ``Ulla Ek (SoL)`` beside ``Per Ek (S)``)."""
    if not any(p.party for p in people):
        return people
    result: list[Person] = []
    for person in people:
        organisation = person.organisation
        if person.party is None and organisation and _SHORT_CAPITALS.match(organisation):
            person = Person(person.name, None, person.role, person.line, organisation, person.note)
        result.append(person)
    return result
