"""The meeting's officers when no label names them: roles in the attendance list,
elections (*Till mötesordförande valdes …*, *§ 2 Val av justerare*), and who opened
the meeting (*Anna Berg öppnade mötet*).

Each convention is a rule of :data:`OFFICER_RULES`, tried in order; a rule only
fills what is still missing, so a label always wins over what is inferred.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from ..config import Config
from ..model import Person
from ..vocabulary import (
    ADJUSTER_ELECTION_TITLES,
    ALONGSIDE_WORDS,
    BOARD_ITEM_WORDS,
    CHAIR_ELECTION_TITLES,
    CHAIR_LIKE_ROLES,
    CHAIR_ROLE,
    CHAIR_ROLE_WORDS,
    DECIDING_SUBJECTS,
    ELECTION_ADVERBS,
    ELECTION_LINKS,
    ELECTION_VERBS,
    GENITIVE_ENDINGS,
    GROUP_CHAIR_NOTES,
    LIST_JOINERS,
    MEETING_CHAIR_ROLE,
    MEETING_SUBJECTS,
    NEXT_MEETING_WORDS,
    NOT_NAME_WORDS,
    NOT_SECRETARY_ROLES,
    OFFICER_ITEM_WORDS,
    OFFICER_WORDS,
    OWN_GROUP_WORDS,
    PLAIN_OFFICER_WORDS,
    PRONOUNS,
    ROLE_QUALIFIERS,
    ROLES,
    SECRETARY_ELECTION_TITLES,
    SECRETARY_ROLE,
)
from .blocks import BlockKind
from .candidates import Line, wrapped_groups
from .gates import WordGate
from .labels import another_meetings
from .outline import Outline, heading_key
from .people import HANDLE, parse_person
from .person_notes import aliases_of, says_away
from .text import alternation, sentences

if TYPE_CHECKING:
    from .metadata import Metadata

CAPITALISED_NAME = re.compile(r"\b[A-ZÅÄÖ][\w'\ufffd-]+(?:\s+[A-ZÅÄÖ][\w'\ufffd-]+)*")
_GENITIVE_ENDINGS = (*GENITIVE_ENDINGS, "ns")
_NOT_NAMES = frozenset((*DECIDING_SUBJECTS, *NOT_NAME_WORDS, *CHAIR_ROLE_WORDS))


def named_person(text: str, line: int, present: list[Person], config: Config) -> Person | None:
    """The person ``text`` names: someone listed as present (by name, first name or the
    initials the list gave them), else a capitalised name (two words preferred, so that
    a sentence's first word is not taken for one); a pronoun (*jag skrev*) names no one."""
    if text.strip().casefold() in PRONOUNS:
        return None
    # The listed person named first in the text (*… valdes Jörgen Moberg och till
    # sekreterare Elin Forsmark*: Jörgen), not the first of the list.
    named = [(text.find(p.name), i) for i, p in enumerate(present) if p.name and p.name in text]
    if named:
        return present[min(named)[1]]
    words = {w.rstrip(".") for w in re.findall(r"[\wåäöÅÄÖ@.-]+", text)}
    words |= {word.removeprefix("@") for word in words}
    for person in present:
        if any(alias in words for alias in aliases_of(person)):
            # The initials or handle the list gave them (*BeS förklarade …*, *jek valdes
            # till sekreterare*): the person they stand for.
            return person
    first_names: dict[str, list[Person]] = {}
    for person in present:
        if person.name:
            first_names.setdefault(person.name.split()[0], []).append(person)
    for word in words:
        if len(first_names.get(word, ())) == 1:
            return first_names[word][0]
    names: list[str] = []
    for match in CAPITALISED_NAME.finditer(text):
        kept = [w for w in match.group().split() if w.casefold() not in _NOT_NAMES]
        if kept:
            names.append(" ".join(kept))
    names.sort(key=lambda name: len(name.split()) < 2)
    for name in names:
        found = parse_person(name, line, config)
        if found:
            return found
    return None


_Texts = tuple[Outline, list[tuple[str, str, int]], list[tuple[str, int]]]
_last: list[_Texts] = []
"""The texts of the outline the officer rules read now: every rule asks for them, so they
are gathered once per file.  One slot, swapped whole, checked by identity."""


def _texts(outline: Outline) -> _Texts:
    found = _last[0] if _last else None
    if found is None or found[0] is not outline:
        prose = [
            (unit.block.text, unit.block.line)
            for unit in outline.units
            if unit.block.kind in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM) and not unit.noise
        ]
        found = (outline, _gather_item_texts(outline), prose)
        _last[:] = [found]
    return found


def item_texts(outline: Outline) -> list[tuple[str, str, int]]:
    """(item title key, item text, first line of its text) for every item."""
    return _item_texts(outline)


def is_capitalised_name(text: str) -> bool:
    """Whether ``text`` is a capitalised name and nothing else (*Leif Mårtensson*)."""
    return CAPITALISED_NAME.fullmatch(text) is not None


def _item_texts(outline: Outline) -> list[tuple[str, str, int]]:
    """(item title key, item text, first line of its text) for every item."""
    return _texts(outline)[1]


def prose_texts(outline: Outline) -> list[tuple[str, int]]:
    """(text, first line) of every paragraph and list entry, items or not."""
    return _texts(outline)[2]


def this_meetings_texts(outline: Outline) -> list[tuple[str, int]]:
    """:func:`prose_texts` without what is said of the next meeting: the first paragraph
    of an item *Nästa möte*, and a line that opens with it (*Nästa möte: måndag 26/3,
    Omar håller i det*), name who will chair then, not who chaired (the lines after may
    sign this meeting off: *Antecknat av Tina Sjöberg*)."""
    later = {i.number for i in outline.items if heading_key(i.title).startswith(NEXT_MEETING_WORDS)}
    skipped: set[int] = set()
    for unit in outline.units:
        if unit.item in later and unit.block.kind in _PROSE:
            skipped.add(unit.block.line)
            later.discard(unit.item)
    kept = []
    for text, line in prose_texts(outline):
        if line in skipped:
            continue
        if heading_key(text[:40]).startswith(NEXT_MEETING_WORDS):
            text = "\n" + text.partition("\n")[2]  # the line only, the numbering kept
        kept.append((text, line))
    return kept


_HYPHEN_WRAP = re.compile(
    rf"(?<=[a-zåäö]{{2}})-[ \n]+(?=[a-zåäö]{{2}})(?!(?:{alternation(LIST_JOINERS)})\b)"
)
"""``sekrete-`` / ``rare``: a word a typewriter or a PDF hyphenated at the line's end."""


def _gather_item_texts(outline: Outline) -> list[tuple[str, str, int]]:
    texts: dict[str, list[tuple[str, int]]] = {}
    for unit in outline.units:
        if unit.item is None or unit.block.kind is BlockKind.HEADING or unit.noise:
            continue
        texts.setdefault(unit.item, []).append((unit.block.text, unit.block.line))
    result = []
    for item in outline.items:
        parts = texts.get(item.number, [])
        text = " ".join(t for t, _ in parts)
        text = _HYPHEN_WRAP.sub("", text) if "-" in text else text
        result.append((heading_key(item.title), text, parts[0][1] if parts else item.line))
    return result


def roles_in_attendance(meta: Metadata, outline: Outline, config: Config) -> None:
    """``Anna Ek (ordf.)`` in the attendance list chairs; ``Bo Ström, sekreterare`` writes
    (not one listed with why they were away: ``ordförande – förhinder``)."""
    present = [p for p in (*meta.attendees, *meta.guests) if not _noted_away(p)]
    if meta.chair is None:
        meta.chair = (
            next((p for p in present if p.role == MEETING_CHAIR_ROLE), None)
            # ``| Eva Strand | vice ordförande | Ja | mötesordförande |``: the comment says so.
            or next((p for p in present if (p.note or "").casefold() == MEETING_CHAIR_ROLE), None)
            or next((p for p in meta.attendees if p.role == CHAIR_ROLE), None)
            or next((p for p in present if p.role in CHAIR_LIKE_ROLES), None)
            # ``Petra Lund (ordförande för gruppen under 2030)``: the group's own chair.
            or next((p for p in present if _chairs_the_group(p.note)), None)
        )
    if meta.secretary is None:
        meta.secretary = next((p for p in present if p.role == SECRETARY_ROLE), None) or next(
            # ``Ebba Ström (ordförande och sekreterare)``: the second office, noted.
            (p for p in present if SECRETARY_ROLE in (p.note or "").casefold().split(", ")),
            None,
        )
    if meta.secretary is None:
        # ``Daniel Frisk, nämndsekreterare``: the body's own secretary, when only one is.
        secretaries = [
            p
            for p in present
            if (p.role or "").endswith(SECRETARY_ROLE) and p.role not in NOT_SECRETARY_ROLES
        ]
        if len(secretaries) == 1:
            meta.secretary = secretaries[0]
    # ``Justeras:`` / ``Anna Berg, ordförande`` / ``Per Ek, sekreterare``: the signatures
    # say who held which office.
    for signed in meta.adjusters:
        if meta.chair is None and signed.role in (CHAIR_ROLE, MEETING_CHAIR_ROLE):
            meta.chair = signed
        elif meta.secretary is None and signed.role == SECRETARY_ROLE:
            meta.secretary = signed


def _chairs_the_group(note: str | None) -> bool:
    words = (note or "").casefold().split()
    return (
        " ".join(words[:2]) in GROUP_CHAIR_NOTES
        and words[2:3] != []
        and (words[2] in OWN_GROUP_WORDS)
    )


def _noted_away(person: Person) -> bool:
    note = (person.note or "").casefold()
    return says_away(note)


_TITLE_DASH = re.compile(r"\s+[–—-]\s+")


def _title_and_value(title: str) -> tuple[str, str]:
    """``Val av mötesordförande: Anna Berg``, ``Val av mötesordförande – Oskar Berg``:
    the title, and the name written after its colon or dash."""
    head, colon, value = title.partition(":")
    if colon:
        return head, value
    parts = _TITLE_DASH.split(title, maxsplit=1)
    return (parts[0], parts[1]) if len(parts) == 2 else (title, "")


def election_items(meta: Metadata, outline: Outline, config: Config) -> None:
    """An item *Val av mötesordförande* / *Val av sekreterare* / *Val av justerare*: the
    person its text names."""
    present = [*meta.attendees, *meta.guests]
    # ``3. Val av mötesordförande: Anna Berg`` (an item's title or a list's entry): the
    # person after the colon.
    written = [(i.title, i.line) for i in outline.items] + [
        (part, line + offset)
        for text, line in prose_texts(outline)
        if ":" in text
        for offset, part in enumerate(text.split("\n"))
    ]
    in_titles = [
        (heading_key(head), value, line)
        for title, line in written
        for head, value in [_title_and_value(title)]
        if value.strip() and len(head) <= _TITLE_LENGTH
    ]
    for title, text, line in [*_item_texts(outline), *in_titles]:
        if not text.strip() or another_meetings(title):
            continue
        if _titled(title, CHAIR_ELECTION_TITLES) or _titled(title, SECRETARY_ELECTION_TITLES):
            # ``Val av ordförande samt sekreterare för mötet`` / ``Ordförande Ingvar
            # Holmqvist. Sekreterare Berit Sandell.``: each office before its holder.
            for office, name in offices_named(text):
                if getattr(meta, office) is None:
                    setattr(meta, office, named_person(name, line, present, config))
        if meta.chair is None and _titled(title, CHAIR_ELECTION_TITLES):
            meta.chair = named_person(text, line, present, config)
        if meta.secretary is None and _titled(title, SECRETARY_ELECTION_TITLES):
            meta.secretary = named_person(text, line, present, config)
        if not meta.adjusters and title.startswith(ADJUSTER_ELECTION_TITLES):
            meta.adjusters = [p for p in present if p.name and p.name in text] or [
                p
                for m in CAPITALISED_NAME.finditer(text)
                if (p := named_person(m.group(), line, [], config)) is not None
            ]


@cache
def _office_named() -> re.Pattern[str]:
    offices = [w for w, role in ROLES.items() if role in (*CHAIR_LIKE_ROLES, SECRETARY_ROLE)]
    return re.compile(
        rf"(?<![\w.])(?P<office>{alternation(offices)}):?\s+(?P<name>(?-i:[A-ZÅÄÖ][\w'-]+"
        r"(?:\s+[A-ZÅÄÖ][\w'-]+){1,2}))(?:\s+\((?-i:[A-ZÅÄÖ]{1,3})\))?",
        re.IGNORECASE,
    )


def offices_named(text: str, *, whole: bool = False) -> list[tuple[str, str]]:
    """(chair or secretary, name) for each office written before its holder's full name
    (``Ordförande Ingvar Holmqvist``, ``sekr. Maja Lind``); with ``whole``, only when that
    is all ``text`` says."""
    matches = [_office_named().fullmatch(text.strip())] if whole else []
    found = []
    for match in matches if whole else _office_named().finditer(text):
        if match is None:
            continue
        if not whole and not match["office"][:1].isupper() and not match["office"].endswith("."):
            continue  # ``… valdes till ordförande Anna`` is a sentence, read elsewhere
        role = ROLES[match["office"].casefold()]
        found.append(("secretary" if role == SECRETARY_ROLE else "chair", match["name"]))
    return found


def _first_line_title(text: str) -> str:
    first, _, rest = text.partition("\n")
    if not rest or len(first) > _TITLE_LENGTH or first.rstrip().endswith((".", "!", "?", ":")):
        return ""
    return heading_key(first)


def _titled(title: str, titles: tuple[str, ...]) -> bool:
    """Whether ``title`` is one of ``titles``, or one with more words after it: *Val av
    ordförande för mötet*, not *Val av ordförandereserv*."""
    if not title.startswith(titles):
        return False  # the common case, in one look
    return any(title.startswith(t) and not title[len(t) : len(t) + 1].isalnum() for t in titles)


_TITLE_LENGTH = 80
_PROSE = (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM)
"""The longest item title an election's name may follow (after its colon)."""


@cache
def _election(field: str, plain: bool, damaged: bool = False) -> re.Pattern[str]:
    words = [*OFFICER_WORDS[field], *(PLAIN_OFFICER_WORDS.get(field, ()) if plain else ())]
    officer = alternation(words, damaged=damaged)
    verbs = alternation(ELECTION_VERBS, damaged=damaged)
    adverbs = alternation(ELECTION_ADVERBS, damaged=damaged)
    verbs = rf"(?:{verbs})(?:\s+(?:{adverbs}))*"
    links = alternation(ELECTION_LINKS, damaged=damaged)
    joiners = alternation(LIST_JOINERS, damaged=damaged)
    cap_links = "|".join(re.escape(link.capitalize()) for link in ELECTION_LINKS)
    return re.compile(
        rf"(?:(?:{links})\s+|^)(?:{officer})\s+(?:{verbs})\s+(?P<after>[^.;]{{2,120}})"
        # (``… valdes Anna Berg Till sekreterare för årsmötet valdes Per Ek``: in a PDF's
        # flattened text a capitalised link word starts the next sentence.)
        rf"|(?<!\w)(?:{verbs})\s+(?P<middle>(?:(?!\s(?:{joiners})\s|\s(?-i:{cap_links})\s)[^.;,])"
        rf"{{2,60}}?)"
        rf"\s+(?:(?-i:{links})\s+)?"
        rf"(?:{officer})(?!\w)"
        rf"|(?P<before>[^.;]{{2,120}}?)\s+(?:{verbs})\s+(?:(?:{links})\s+)?(?:{officer})(?!\w)"
        # ``… valdes Rune Lindahl och till sekreterare för mötet Gun Holmgren``: the verb
        # of the first election serves the next.
        rf"|(?:(?<!\w)(?:{joiners})\s+|,\s*)(?:{links})\s+(?:{officer})\s+(?P<elided>[^.;,]{{2,60}})"
        # ``… valdes Anna Berg och sekreterare Per Ek``: the link left out too, a name after.
        rf"|(?:(?<!\w)(?:{joiners})\s+|,\s*)(?:{officer})\s+"
        rf"(?P<unlinked>(?-i:[A-ZÅÄÖ][\w'-]+(?:\s+[A-ZÅÄÖ][\w'-]+){{1,2}}))(?!\s+(?:{verbs}))"
        # ``valde X till ordförande och Sara Lind till sekreterare``, ``…, Elin Sandberg
        # till sekreterare``, ``… och spole till sekreterare`` (a nickname in lower case;
        # a name's later words are capitalised, *till* is none)
        rf"|(?:(?<!\w)(?:{joiners})\s+|,\s*)(?P<named>[A-ZÅÄÖ@][\w@.-]*(?-i:(?:\s+[A-ZÅÄÖ][\w-]*){{0,2}}))"
        rf"\s+(?:(?:{links})\s+)?(?:{officer})(?!\w)",
        re.IGNORECASE,
    )


@cache
def _election_gate(field: str, plain: bool) -> WordGate:
    """Before :func:`_election`: every election it reads names the office."""
    return WordGate(
        (*OFFICER_WORDS[field], *(PLAIN_OFFICER_WORDS.get(field, ()) if plain else ())), whole=True
    )


@cache
def _next_election() -> re.Pattern[str]:
    """``… Evert Lindqvist och till sekreterare …``, ``… Ida Sjö, till vice ordförande …``:
    where the next election begins."""
    joiners, links = alternation(LIST_JOINERS), alternation(ELECTION_LINKS)
    return re.compile(rf"(?:,?\s(?:{joiners})|,)\s+(?:{links})\s", re.IGNORECASE)


_NAME_GROUPS = ("after", "middle", "before", "elided", "unlinked", "named")
"""The groups of an election's pattern that hold the names, in the order they are read."""


def _without_later_elections(match: re.Match[str], group: str | None, names: str) -> str:
    """The election's words with the names cut where the next election begins (*Till
    ordförande valdes Ida Sjö, till vice ordförande Hampus Lind*: only *Ida Sjö* is
    this election's), so the deputy of a later one is not taken for this one's."""
    if group is None:
        return match.group()
    start = match.start()
    text = match.group()
    return text[: match.start(group) - start] + names + text[match.end(group) - start :]


@cache
def _beside_the_chair() -> re.Pattern[str]:
    offices = alternation(CHAIR_ROLE_WORDS)
    return re.compile(
        rf"(?<!\w)(?:{alternation(ALONGSIDE_WORDS)})\s+(?:\w+\s+)?(?:{offices})(?!\w)",
        re.IGNORECASE,
    )


@cache
def _deputy() -> re.Pattern[str]:
    offices = alternation((CHAIR_ROLE, SECRETARY_ROLE))
    return re.compile(
        rf"(?<!\w)(?:{alternation(ROLE_QUALIFIERS)})\s+\w*(?:{offices})(?!\w)", re.IGNORECASE
    )


@cache
def _meeting_subject() -> re.Pattern[str]:
    subjects, verbs = alternation(MEETING_SUBJECTS), alternation(ELECTION_VERBS)
    return re.compile(rf"^(?:{subjects})\s+(?:{verbs})\s", re.IGNORECASE)


_ELECTED = WordGate(ELECTION_VERBS, whole=True)
"""Before :func:`election_verbs`: a paragraph without any of its words elects no one."""


@cache
def election_verbs(damaged: bool = False) -> re.Pattern[str]:
    verbs = alternation(ELECTION_VERBS, damaged=damaged)
    return re.compile(rf"(?<!\w)(?:{verbs})(?!\w)", re.IGNORECASE)


@cache
def _names_split() -> re.Pattern[str]:
    return re.compile(rf",|(?<!\w)(?:{alternation(LIST_JOINERS)})(?!\w)", re.IGNORECASE)


def election_sentences(meta: Metadata, outline: Outline, config: Config) -> None:
    """*Till mötesordförande valdes Anna Berg*, *Per Ek valdes till sekreterare för mötet*,
    *Lisa Ng valdes att jämte ordföranden justera protokollet*; the plain *ordförande* only
    in an item about the meeting's officers."""
    _elections(meta, outline, config, untitled=False)


def _about_the_board(text: str) -> bool:
    """Whether lower-cased ``text`` speaks of the organisation's board or a term of office
    (*styrelse*, *förening*, *på två år*): an election there is not of the meeting's own
    officers."""
    words = text.split()
    return any(word in words or f"{word}en" in text for word in BOARD_ITEM_WORDS)


def untitled_elections(meta: Metadata, outline: Outline, config: Config) -> None:
    """In a file the outline found no items in, any paragraph: *Mötet valde Anna Berg
    till mötesordförande.* below a list entry *4. Val av mötesordförande.*; read after
    the items and the lists had their say, since such a file may hold more than one
    meeting."""
    if not outline.items:
        _elections(meta, outline, config, untitled=True)


def _elections(meta: Metadata, outline: Outline, config: Config, *, untitled: bool) -> None:
    present = [*meta.attendees, *meta.guests]
    # ``§3 grus valdes till mötesordförande``: an item whose title is the sentence.
    titled = [(heading_key(i.title), i.title, i.line) for i in outline.items if i.title]
    full_titles = {key: written.casefold() for key, written, _ in titled}
    # Text above the first item (formalities in prose, an agenda the outline did not take
    # for items): only the words for the meeting's own offices count there (*till
    # sekreterare för mötet*).
    # With no items at all, a paragraph that opens with a short line (``Val av
    # mötesfunktionärer`` / ``Selma … valdes …``) is an item the outline missed, that
    # line its title (any other paragraph: :func:`untitled_elections`).
    first = min((i.line for i in outline.items), default=0)
    loose: list[tuple[str, str, int]] = []
    for unit in outline.units:
        block = unit.block
        if unit.item is not None or unit.noise or block.kind not in _PROSE:
            continue
        if untitled:
            if not _first_line_title(block.text):
                loose.append(("", block.text, block.line))
        elif block.line < first:
            loose.append(("", block.text, block.line))
        elif not first and (heading := _first_line_title(block.text)):
            loose.append((heading, block.text, block.line))
    texts = loose if untitled else [*_item_texts(outline), *titled, *loose]
    for title, text, line in texts:
        damaged = "\ufffd" in text
        verbs = election_verbs(damaged)
        if not _ELECTED(text) or not verbs.search(text):
            continue  # the patterns below are costly; most items elect no one
        # The title as written: its key leaves out what the parentheses say (``Formalia
        # (ordförande, sekreterare och justeringsman)``).
        written = full_titles.get(title, title)
        plain = any(word in written for word in OFFICER_ITEM_WORDS) and not _about_the_board(
            written
        )
        # (Untitled: a paragraph of lines without full stops, ``Närvarande: …`` /
        # ``Kerstin valdes till ordförande`` / ``Tiina valdes till sekreterare``, is read
        # line by line, hard wraps joined.)
        chunks = [text]
        if untitled:
            parts = [Line(part, number) for number, part in enumerate(text.split("\n"))]
            chunks = [" ".join(w.text for w in group) for group in wrapped_groups(parts)]
        for sentence in (s for chunk in chunks for s in sentences(chunk)):
            if not _ELECTED(sentence.text) or not verbs.search(sentence.text):
                continue
            # *Mötet valde Johan Berg till ordförande* in an item called *Formalia*.
            plain_here = (
                plain
                or bool(_meeting_subject().match(sentence.text))
                # ``Kerstin valdes till ordförande`` at the top of a network's notes: no
                # board is elected there unless the sentence says for how long or of what.
                or (untitled and not _about_the_board(sentence.text.casefold()))
            )
            for field in ("chair", "secretary", "adjusters"):
                if field != "adjusters" and getattr(meta, field) is not None:
                    continue
                if field == "adjusters" and meta.adjusters:
                    continue
                if not _election_gate(field, plain_here)(sentence.text):
                    continue
                match = _election(field, plain_here, damaged).search(sentence.text)
                if match is None:
                    continue
                group = next((g for g in _NAME_GROUPS if match[g]), None)
                names = _next_election().split(match[group])[0] if group else ""
                if _deputy().search(_without_later_elections(match, group, names)):
                    continue  # ``… till vice mötesordförande``: the deputy, not the chair
                if field == "chair" and _beside_the_chair().search(sentence.text):
                    continue  # ``… att jämte mötets ordförande justera``: the adjuster
                if another_meetings(sentence.text[match.start() : match.end() + 40]):
                    continue  # ``… till mötesordförande för nästa möte``
                if field == "adjusters":
                    meta.adjusters = [
                        p
                        for part in _names_split().split(names)
                        if (p := named_person(part, line, present, config)) is not None
                    ]
                else:
                    person = named_person(names, line, present, config)
                    if person is None and len(names.strip()) > 2 and HANDLE.match(names.strip()):
                        # ``spolen valdes till mötesordförande``: a nickname, in lower case.
                        word = names.strip()
                        if (
                            word.casefold() not in PRONOUNS
                            and word.casefold() not in _NOT_NAMES
                            and not word.endswith(_GENITIVE_ENDINGS)  # ``föreningens``
                        ):
                            person = parse_person(word, line, config)
                    setattr(meta, field, person)
