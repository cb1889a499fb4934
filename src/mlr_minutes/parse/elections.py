"""The meeting's officers when no label names them: roles in the attendance list,
elections (*Till mötesordförande valdes …*, *§ 2 Val av justerare*), and who opened
the meeting (*Anna Berg öppnade mötet*).

Each convention is a rule of :data:`OFFICER_RULES`, tried in order; a rule only
fills what is still missing, so a label always wins over what is inferred.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

from ..config import Config
from ..model import Person
from ..vocabulary import (
    ADJUSTER_ELECTION_TITLES,
    BOARD_ITEM_WORDS,
    CHAIR_ELECTION_TITLES,
    CHAIR_LIKE_ROLES,
    CHAIR_ROLE,
    CHAIR_ROLE_WORDS,
    DECIDING_SUBJECTS,
    ELECTION_ADVERBS,
    ELECTION_LINKS,
    ELECTION_VERBS,
    LIST_JOINERS,
    MEETING_CHAIR_ROLE,
    MEETING_SUBJECTS,
    METADATA_KEYS,
    NAME_PARTICLES,
    NOT_NAME_WORDS,
    OFFICER_ITEM_WORDS,
    OFFICER_PROSE_NAME_AFTER,
    OFFICER_PROSE_NAME_BEFORE,
    OFFICER_WORDS,
    PLAIN_OFFICER_WORDS,
    PRONOUNS,
    RELATIVE_PRONOUNS,
    ROLE_QUALIFIERS,
    ROLES,
    SECRETARY_ELECTION_TITLES,
    SECRETARY_ROLE,
    SUBORDINATORS,
)
from .attendance_values import GENITIVES
from .blocks import BlockKind
from .gates import WordGate
from .outline import Outline, heading_key
from .people import HANDLE, aliases_of, parse_person
from .person_notes import says_away
from .text import alternation, sentences

if TYPE_CHECKING:
    from .metadata import Metadata

_NAME = re.compile(r"\b[A-ZÅÄÖ][\w'\ufffd-]+(?:\s+[A-ZÅÄÖ][\w'\ufffd-]+)*")
_GENITIVE_ENDINGS = ("ens", "ets", "arnas", "ernas", "ornas", "ns")
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
    for match in _NAME.finditer(text):
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
    return _NAME.fullmatch(text) is not None


def _item_texts(outline: Outline) -> list[tuple[str, str, int]]:
    """(item title key, item text, first line of its text) for every item."""
    return _texts(outline)[1]


def prose_texts(outline: Outline) -> list[tuple[str, int]]:
    """(text, first line) of every paragraph and list entry, items or not."""
    return _texts(outline)[2]


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
        text = _HYPHEN_WRAP.sub("", " ".join(t for t, _ in parts))
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
        )
    if meta.secretary is None:
        meta.secretary = next((p for p in present if p.role == SECRETARY_ROLE), None)
    if meta.secretary is None:
        # ``Daniel Frisk, nämndsekreterare``: the body's own secretary, when only one is.
        secretaries = [p for p in present if (p.role or "").endswith(SECRETARY_ROLE)]
        if len(secretaries) == 1:
            meta.secretary = secretaries[0]
    # ``Justeras:`` / ``Anna Berg, ordförande`` / ``Per Ek, sekreterare``: the signatures
    # say who held which office.
    for signed in meta.adjusters:
        if meta.chair is None and signed.role in (CHAIR_ROLE, MEETING_CHAIR_ROLE):
            meta.chair = signed
        elif meta.secretary is None and signed.role == SECRETARY_ROLE:
            meta.secretary = signed


def _noted_away(person: Person) -> bool:
    note = (person.note or "").casefold()
    return says_away(note)


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
        for head, _, value in [title.partition(":")]
        if value.strip() and len(head) <= _TITLE_LENGTH
    ]
    for title, text, line in [*_item_texts(outline), *in_titles]:
        if not text.strip():
            continue
        if meta.chair is None and any(title.startswith(t) for t in CHAIR_ELECTION_TITLES):
            meta.chair = named_person(text, line, present, config)
        if meta.secretary is None and any(title.startswith(t) for t in SECRETARY_ELECTION_TITLES):
            meta.secretary = named_person(text, line, present, config)
        if not meta.adjusters and any(title.startswith(t) for t in ADJUSTER_ELECTION_TITLES):
            meta.adjusters = [p for p in present if p.name and p.name in text] or [
                p
                for m in _NAME.finditer(text)
                if (p := named_person(m.group(), line, [], config)) is not None
            ]


_TITLE_LENGTH = 80
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
    return re.compile(
        rf"(?:(?:{links})\s+|^)(?:{officer})\s+(?:{verbs})\s+(?P<after>[^.;]{{2,120}})"
        rf"|(?<!\w)(?:{verbs})\s+(?P<middle>(?:(?!\s(?:{joiners})\s)[^.;,]){{2,60}}?)"
        rf"\s+(?:(?:{links})\s+)?"
        rf"(?:{officer})(?!\w)"
        rf"|(?P<before>[^.;]{{2,120}}?)\s+(?:{verbs})\s+(?:(?:{links})\s+)?(?:{officer})(?!\w)"
        # ``… valdes Rune Lindahl och till sekreterare för mötet Gun Holmgren``: the verb
        # of the first election serves the next.
        rf"|(?:(?<!\w)(?:{joiners})\s+|,\s*)(?:{links})\s+(?:{officer})\s+(?P<elided>[^.;,]{{2,60}})"
        # ``valde X till ordförande och Sara Lind till sekreterare``
        rf"|(?<!\w)(?:{joiners})\s+(?P<named>[A-ZÅÄÖ@][\w@.-]*(?:\s+[A-ZÅÄÖ][\w-]*){{0,2}})"
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
    """``… Evert Lindqvist och till sekreterare …``: where the next election begins."""
    joiners, links = alternation(LIST_JOINERS), alternation(ELECTION_LINKS)
    return re.compile(rf",?\s(?:{joiners})\s+(?:{links})\s", re.IGNORECASE)


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
"""Before :func:`_election_verbs`: a paragraph without any of its words elects no one."""


@cache
def _election_verbs(damaged: bool = False) -> re.Pattern[str]:
    verbs = alternation(ELECTION_VERBS, damaged=damaged)
    return re.compile(rf"(?<!\w)(?:{verbs})(?!\w)", re.IGNORECASE)


@cache
def _names_split() -> re.Pattern[str]:
    return re.compile(rf",|(?<!\w)(?:{alternation(LIST_JOINERS)})(?!\w)", re.IGNORECASE)


def election_sentences(meta: Metadata, outline: Outline, config: Config) -> None:
    """*Till mötesordförande valdes Anna Berg*, *Per Ek valdes till sekreterare för mötet*,
    *Lisa Ng valdes att jämte ordföranden justera protokollet*; the plain *ordförande* only
    in an item about the meeting's officers."""
    present = [*meta.attendees, *meta.guests]
    # ``§3 grus valdes till mötesordförande``: an item whose title is the sentence.
    titled = [(heading_key(i.title), i.title, i.line) for i in outline.items if i.title]
    # Text above the first item (formalities in prose, an agenda the outline did not take
    # for items): only the words for the meeting's own offices count there (*till
    # sekreterare för mötet*).
    first = min((i.line for i in outline.items), default=0)
    loose = [
        ("", unit.block.text, unit.block.line)
        for unit in outline.units
        if unit.item is None
        and unit.block.line < first
        and unit.block.kind in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM)
        and not unit.noise
    ]
    for title, text, line in [*_item_texts(outline), *titled, *loose]:
        damaged = "\ufffd" in text
        verbs = _election_verbs(damaged)
        if not _ELECTED(text) or not verbs.search(text):
            continue  # the patterns below are costly; most items elect no one
        plain = any(word in title for word in OFFICER_ITEM_WORDS) and not any(
            word in title.split() or f"{word}en" in title for word in BOARD_ITEM_WORDS
        )
        for sentence in sentences(text):
            if not _ELECTED(sentence.text) or not verbs.search(sentence.text):
                continue
            # *Mötet valde Johan Berg till ordförande* in an item called *Formalia*.
            plain_here = plain or bool(_meeting_subject().match(sentence.text))
            for field in ("chair", "secretary", "adjusters"):
                if field != "adjusters" and getattr(meta, field) is not None:
                    continue
                if field == "adjusters" and meta.adjusters:
                    continue
                if not _election_gate(field, plain_here)(sentence.text):
                    continue
                match = _election(field, plain_here, damaged).search(sentence.text)
                if match is None or _deputy().search(match.group()):
                    continue  # ``… till vice mötesordförande``: the deputy, not the chair
                after = match["after"] and _next_election().split(match["after"])[0]
                names = (
                    after
                    or match["middle"]
                    or match["before"]
                    or match["elided"]
                    or match["named"]
                    or ""
                )
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


def officer_phrase(field: str) -> re.Pattern[str]:
    """The phrases that say who chaired (``field`` ``chair``) or wrote the minutes
    (``secretary``), the name before them (group ``precedes`` / ``bounded``) or after
    (``follows``)."""
    return _officer_prose(field)


@cache
def _officer_prose(field: str, damaged: bool = False) -> re.Pattern[str]:
    follows = alternation(OFFICER_PROSE_NAME_AFTER[field], damaged=damaged)
    # *Cecilia Wärn var ordförande.*, not *… var ordförande i föreningen*; *Reza skrev.*,
    # not *Reza skrev ett brev*: an office or a bare verb ends its clause.  *… höll i
    # mötet i hennes ställe* goes on and still says who chaired.
    phrases = OFFICER_PROSE_NAME_BEFORE[field]
    bounded = [
        p for p in phrases if " " not in p or p.split()[-1] in ROLES or len(p.split()[-1]) < 3
    ]
    free = [p for p in phrases if p not in bounded]
    return re.compile(
        rf"(?<!\w)(?:(?P<follows>{follows})"
        rf"|(?P<precedes>{alternation(free, damaged=damaged)})(?!\w)"
        rf"|(?P<bounded>{alternation(bounded, damaged=damaged)})"
        rf"(?=\s*(?:[.,;:!?()–—]|$)|\s+(?:{alternation((*LIST_JOINERS, *SUBORDINATORS))})\s))",
        re.IGNORECASE,
    )


@cache
def _officer_prose_gate(field: str) -> WordGate:
    """Before :func:`_officer_prose`: most paragraphs hold none of its phrases."""
    return WordGate((*OFFICER_PROSE_NAME_AFTER[field], *OFFICER_PROSE_NAME_BEFORE[field]))


@cache
def _relative() -> re.Pattern[str]:
    """``…, som`` before the verb: a relative clause about the name before the comma."""
    return re.compile(rf",\s*(?:{alternation(RELATIVE_PRONOUNS)})\s*$", re.IGNORECASE)


@cache
def _joiner_split() -> re.Pattern[str]:
    return re.compile(rf"\s(?:{alternation(LIST_JOINERS)})\s", re.IGNORECASE)


_TRAILING_ASIDE = re.compile(r"\s*\([^()]{1,40}\)\s*$|,\s*[a-zåäö][\wåäö -]{1,30},\s*$")
"""What describes the name before an officer's verb: ``Sara Nyman (Tallmo) höll i``,
``Bengt Hägg, sammankallande, ledde mötet``."""
_INNER_ASIDE = re.compile(r"\s*\([a-zåäö][^()]{0,39}\)(?=\s+[a-zåäö][^A-ZÅÄÖ@]*$)")
_LABEL_LINE = re.compile(r"^(?:.*\n)?[^\n:]{1,30}:\s[^\n]*\n", re.DOTALL)
_CLAUSE_END = re.compile(r"[.;:!?,(]|\s[–—-]\s")
_SENTENCE_START = re.compile(
    rf"^\s*[A-ZÅÄÖ][a-zåäö]+\s+(?!(?:{alternation(NAME_PARTICLES)})\b)[a-zåäö]{{3,}}"
)
"""``Inga synpunkter``: a capitalised word and a lower-case one open a sentence, no name."""
_REPORT_LABEL = re.compile(r"\s*[\w-]+(?:\s[\w-]+)?:\s")


def _after_qualifier(text: str, at: int) -> bool:
    """Whether the word before ``at`` makes an office a deputy's (*vice*, *2:e vice*)."""
    before = text[max(0, at - 12) : at].split()
    return bool(before) and before[-1].casefold() in ROLE_QUALIFIERS


def officers_in_prose(meta: Metadata, outline: Outline, config: Config) -> None:
    """*Mötet leddes av Wilma (sexmästare), Ebba förde anteckningar.*, *Sofia Ljung hälsade
    välkommen och ledde mötet*, *… utsett Jesper Molander att föra dagens protokoll*: who
    led the meeting and who wrote its minutes, said in a sentence."""
    present = [*meta.attendees, *meta.guests]
    for field in ("chair", "secretary"):
        if getattr(meta, field) is not None:
            continue
        # An item's title may be its first sentence (``§ 1. Stämman öppnades av …``).
        titles = [(i.title, i.line) for i in outline.items if len(i.title.split()) > 3]
        gate = _officer_prose_gate(field)
        for text, line in [*prose_texts(outline), *titles]:
            if not gate(text):
                continue
            # ``Vice ordförande är Olle Ek. Ordförande är Pia Lo``: not the deputy.
            found = _officer_prose(field, "\ufffd" in text).finditer(text)
            match = next((m for m in found if not _after_qualifier(text, m.start())), None)
            if match is None:
                continue
            start = text.rfind("\n", 0, match.start()) + 1
            if text[start:].casefold().startswith(METADATA_KEYS["ignored"]):
                continue  # ``Förvaringsplats för protokollet …``: a protocol's form field
            if match["follows"]:
                pieces = _CLAUSE_END.split(text[match.end() : match.end() + 80], maxsplit=2)
                who = pieces[0]
                if _SENTENCE_START.match(who) or _REPORT_LABEL.match(text, match.end()):
                    continue  # ``Anteckningar:`` / ``Inga synpunkter, …`` or ``Ann-Sofie: …``
                first = who.split()
                held = _holder_of(" ".join(first[:2]), present) or _holder_of(
                    " ".join(first[:1]), present
                )
                nobody = (named_person(who.strip(), line, present, config) or _NO_ONE).name is None
                if len(pieces) > 1 and held is None and nobody:
                    # ``leddes av samrådets ordförande, Norrvikas Sten Ulv``, ``leddes av
                    # Geodatamyndigheten (Karin Sund)``: the name in the next clause.
                    who = pieces[1]
                words = who.split()
                holder = _holder_of(" ".join(words[:2]), present) or _holder_of(
                    " ".join(words[:1]), present
                )
                if holder is not None and not any(w[:1].isupper() for w in words[:3]):
                    # ``leddes av vice ordföranden eftersom …``: the one listed so.
                    setattr(meta, field, replace(holder, line=line))
                    break
            else:
                before = text[max(0, match.start() - 80) : match.start()]
                # ``Sara Nyman (Tallmo) höll i träffen``: the name before what describes it.
                aside = _TRAILING_ASIDE.search(before)
                before = _TRAILING_ASIDE.sub("", before)
                # ``Lena Ström (organisatör) hälsade välkommen och ledde``: an aside inside;
                # ``Med: Sixten Ek, Lina Borg`` / ``Sixten skrev …``: a label's line ends.
                before = _LABEL_LINE.sub("", _INNER_ASIDE.sub("", before))
                clauses = _CLAUSE_END.split(before)
                who = clauses[-1]
                if (
                    len(clauses) > 1
                    and not re.search(r"[A-ZÅÄÖ@]", who)
                    and re.search(r"[A-ZÅÄÖ@]", clauses[-2])
                    and re.search(r"[^()]{3},\s*$", before[-30:])
                    and before.count("(") == before.count(")")
                ):
                    # ``Linnea Berg inledde, fördelade ordet och avslutade``: verbs in a
                    # row share the name before the first.
                    who = clauses[-2]
                relative = _relative().search(before)
                listed = {p.name for p in present if p.name}
                earlier = [c for c in clauses[-3:-1] if c.strip() in listed]
                if who.strip() not in listed and earlier and before.rstrip().endswith(","):
                    # ``Tove Ek, MAS Norrvika kommun, förde anteckningar``: the listed name
                    # before what describes it.
                    who = earlier[-1]
                elif who.strip().casefold() in RELATIVE_PRONOUNS and len(clauses) > 1:
                    who = clauses[-2]  # ``Fredrik (som skrev)``: the name before the aside
                elif relative and len(clauses) > 1:
                    # ``… lämnade över till Ingrid Hov, som ledde resten``: the name just
                    # before the relative clause.
                    names = _NAME.findall(clauses[-2])
                    who = names[-1] if names else who
                if aside and who.strip().casefold() in PRONOUNS:
                    who = aside.group().strip(" (),")  # ``jag (Selma) skrev``: the name given
                # ``… var Anna Berg och Per Ek förde protokoll``: the name after the joiner.
                pieces = _joiner_split().split(who)
                holder = _holder_of(pieces[-1], present)
                if holder is not None:
                    # ``… och kassören förde protokollet``: the one listed as kassör.
                    at = line + text[: match.start()].count("\n")
                    setattr(meta, field, replace(holder, line=at))
                    break
                named = [p for p in pieces if re.search(r"[A-ZÅÄÖ@]", p)]
                who = named[-1] if named else who
            person = named_person(who.strip(), line, present, config) if who.strip() else None
            if person is not None and not person.name:
                person = None  # ``Sekreteraren var sjuk``: an office, not who held it
            if person is None and re.fullmatch(r"\s*@?[a-zåäö][\w.-]{1,19}\s*", who):
                person = parse_person(who, line, config)  # a nickname (*vms förde protokollet*)
            if person is not None:
                at = line + text[: match.start()].count("\n")
                setattr(meta, field, replace(person, line=at))
                # *Elin Wahl för protokollet.* says who wrote; no task, no decision (unless
                # the line goes on: *X satt ordförande. Y valdes att justera.*).
                said = _sentence_at(text, match.start())
                end = text.find("\n", match.start())
                rest = text[
                    match.start() + len(said) - len(said.lstrip()) : end if end >= 0 else None
                ]
                rest = rest[len(said.strip()) :]
                if not _election_verbs().search(said) and not _election_verbs().search(rest):
                    meta.read_from.add(at)
                break


_NO_ONE = Person(None, None, None, 0)


def _holder_of(words: str, present: list[Person]) -> Person | None:
    """``kassören``, ``Sekreteraren``, ``nätverkets samordnare``: the one person the list
    gives that role."""
    key = words.strip().casefold()
    owner, _, rest = key.partition(" ")
    if rest and " " not in rest and owner.endswith(GENITIVES):
        key = rest  # ``nätverkets samordnare``: the body's, so the one listed as such
    if " " not in key and len(key) > 4:
        # ``Sexmästaren``: a role the list writes as it is (*sexmästare*).
        forms = {key.removesuffix("n"), key.removesuffix("e"), key.removesuffix("en")}
        # ``Festansvarige`` for one listed as *festansvarig*.
        bare = [p for p in present if p.role and p.role.casefold() in forms]
        if len(bare) == 1:
            return bare[0]
    # ``kassören``, ``vice ordföranden``: the role in its definite form.
    role = ROLES.get(key) or ROLES.get(key.removesuffix("n")) or ROLES.get(key.removesuffix("en"))
    if role is None or len(key.split()) > 2:
        return None
    holders = [p for p in present if p.role == role]
    return holders[0] if len(holders) == 1 else None


def _sentence_at(text: str, offset: int) -> str:
    start = max(text.rfind(". ", 0, offset), text.rfind("\n", 0, offset)) + 1
    end = text.find(".", offset)
    return text[start : end if end >= 0 else len(text)]
