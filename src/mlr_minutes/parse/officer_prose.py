"""The meeting's officers said in a sentence: *Mötet leddes av Wilma (sexmästare)*, *Ebba
förde anteckningar*, *Sofia Ljung hälsade välkommen och ledde mötet*, *Protokoll av
Henrietta Boman* (:func:`officers_in_prose`, a rule of :data:`.officers.OFFICER_RULES`)."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

from ..config import Config
from ..model import Person
from ..vocabulary import (
    ABBREVIATIONS,
    ALSO_WORDS,
    DECIDING_VERBS,
    FRONTING_WORDS,
    GENITIVE_ENDINGS,
    LIST_JOINERS,
    METADATA_KEYS,
    NAME_PARTICLES,
    OFFICE_TAKEOVER_VERBS,
    OFFICER_PROSE_NAME_AFTER,
    OFFICER_PROSE_NAME_BEFORE,
    OFFICER_TIME_QUALIFIERS,
    PRONOUNS,
    RELATIVE_PRONOUNS,
    ROLE_QUALIFIERS,
    ROLES,
    SUBORDINATORS,
)
from .gates import WordGate
from .labels import another_meetings
from .outline import Outline
from .people import parse_person
from .text import alternation

if TYPE_CHECKING:
    from .metadata import Metadata

from .elections import CAPITALISED_NAME, election_verbs, named_person, this_meetings_texts


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
        rf"(?<!\w)(?:(?P<follows>{follows})(?:(?<=:)|(?!\w))"  # not *protokoll av|ser*
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
def _taking_over() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{alternation(OFFICE_TAKEOVER_VERBS)})\s*$", re.IGNORECASE)


@cache
def _relative() -> re.Pattern[str]:
    """``…, som`` before the verb: a relative clause about the name before the comma."""
    # (``…, som även förde protokollet``: the same person, in a second office.)
    also = alternation(ALSO_WORDS)
    return re.compile(
        rf",\s*(?:{alternation(RELATIVE_PRONOUNS)})(?:\s+(?:{also}))?\s*$", re.IGNORECASE
    )


@cache
def _time_qualifier() -> re.Pattern[str]:
    """``Ordförande är nu @arvid``: the words saying for when come before the name."""
    return re.compile(rf"^\s*(?:{alternation(OFFICER_TIME_QUALIFIERS)})(?=\s)", re.IGNORECASE)


@cache
def _joiner_split() -> re.Pattern[str]:
    return re.compile(rf"\s(?:{alternation(LIST_JOINERS)})\s", re.IGNORECASE)


_TRAILING_ASIDE = re.compile(r"\s*\([^()]{1,40}\)\s*$|,\s*[a-zåäö][\wåäö -]{1,30},\s*$")
"""What describes the name before an officer's verb: ``Sara Nyman (Tallmo) höll i``,
``Bengt Hägg, sammankallande, ledde mötet``."""
_INNER_ASIDE = re.compile(r"\s*\([a-zåäö][^()]{0,39}\)(?=\s+[a-zåäö][^A-ZÅÄÖ@]*$)")
_LABEL_LINE = re.compile(r"^(?:.*\n)?[^\n:]{1,30}:\s[^\n]*\n", re.DOTALL)
_DASH_BEFORE = re.compile(r"\s[–—-]\s*$")
_CLAUSE_END = re.compile(r"[.;:!?,(]|\s[–—-]\s")


@cache
def _stops_inside() -> re.Pattern[str]:
    written = alternation(ABBREVIATIONS)
    # ``kl. 18.07``, ``t.ex.``, a stop inside a word (``@m.lindqvist``, ``18.07``), and
    # the colon of a chat handle with its server (``@arvid:backvik.social``) or of an
    # ordinal (``2:e vice ordförande``).
    return re.compile(
        rf"(?<!\w)(?:{written})|(?<=\w)\.(?=\w)|@[\w.-]{{1,30}}:(?=\w)|(?<=\d):(?=[ea]\s)",
        re.IGNORECASE,
    )


def _clauses(text: str, maxsplit: int = 0) -> list[str]:
    """``text`` cut at each clause's end; the stop of ``kl. 18.07`` or ``t.ex.`` ends none."""
    masked = _stops_inside().sub(
        lambda m: m.group().replace(".", "\u2024").replace(":", "\ua789"), text
    )
    return [
        part.replace("\u2024", ".").replace("\ua789", ":")
        for part in _CLAUSE_END.split(masked, maxsplit)
    ]


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
        for text, line in [*this_meetings_texts(outline), *titles]:
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
            if another_meetings(text[start : match.start()]):
                continue  # ``Ordförande nästa vecka: Bo. Antecknare: Alva.``
            if match["follows"]:
                after = text[match.end() : match.end() + 80]
                first_line = after.split("\n", 1)[0]
                if re.search(r"[A-ZÅÄÖ@]", first_line):
                    after = first_line  # the label's value ends with its line
                else:
                    # ``Mötet leds av 2:e vice ordförande`` / ``Ingrid Holm …``: the
                    # sentence wraps before the name.
                    after = after.replace("\n", " ")
                pieces = _clauses(_time_qualifier().sub("", after, count=1), maxsplit=2)
                who = pieces[0]
                if who.split()[:1] and who.split()[0].strip(".,").casefold() in PRONOUNS:
                    continue  # ``Som protokollförare tjänstgjorde undertecknad.``: the writer
                if _SENTENCE_START.match(who) or _REPORT_LABEL.match(text, match.end()):
                    continue  # ``Anteckningar:`` / ``Inga synpunkter, …`` or ``Ann-Sofie: …``
                first = who.split()
                held = _holder_of(" ".join(first[:2]), present) or _holder_of(
                    " ".join(first[:1]), present
                )
                nobody = (named_person(who.strip(), line, present, config) or _NO_ONE).name is None
                if len(pieces) > 1 and pieces[1].strip() and held is None and nobody:
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
                before = _before(text, match.start())
                # ``Andreas Espmark – förde anteckningarna``: a list's dash before the deed.
                before = _DASH_BEFORE.sub(" ", before)
                if _taking_over().search(before):
                    continue  # ``Sanna tar över som mötesordförande``: from then on only
                # ``Sara Nyman (Tallmo) höll i träffen``: the name before what describes it.
                aside = _TRAILING_ASIDE.search(before)
                before = _TRAILING_ASIDE.sub("", before)
                # ``Lena Ström (organisatör) hälsade välkommen och ledde``: an aside inside;
                # ``Med: Sixten Ek, Lina Borg`` / ``Sixten skrev …``: a label's line ends.
                before = _LABEL_LINE.sub("", _INNER_ASIDE.sub("", before))
                clauses = _clauses(before)
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
                elif (subject := _subject_of_verbs(clauses, before)) is not None:
                    who = subject  # ``Kasper hälsade, delade skärm och lotsade oss``
                relative = _relative().search(before)
                listed = {p.name for p in present if p.name}
                # (``Vice ordföranden Bengt Olsson (M), Norrvika kommun, leder mötet``: the
                # listed name inside the clause, after the office it is given by.)
                earlier = [
                    name
                    for c in clauses[-4:-1]
                    for name in [c.strip(), *(n for n in listed if _ends_with(c, n))]
                    if name in listed
                ][-1:]
                if who.strip() not in listed and earlier and before.rstrip().endswith(","):
                    # ``Tove Ek, MAS Norrvika kommun, förde anteckningar``: the listed name
                    # before what describes it.
                    who = earlier[-1]
                elif who.strip().casefold() in RELATIVE_PRONOUNS and len(clauses) > 1:
                    who = clauses[-2]  # ``Fredrik (som skrev)``: the name before the aside
                elif relative and len(clauses) > 1:
                    # ``… lämnade över till Ingrid Hov, som ledde resten``: the name just
                    # before the relative clause.
                    names = CAPITALISED_NAME.findall(clauses[-2])
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
                if pieces[-1].strip().casefold() in PRONOUNS:
                    continue  # ``Marianne ledde … och jag förde anteckningarna``: the writer
                named = [p for p in pieces if re.search(r"[A-ZÅÄÖ@]", p)]
                who = named[-1] if named else who
                opener, _, after_opener = who.strip().partition(" ")
                if opener.casefold() in FRONTING_WORDS and not re.search(
                    r"[A-ZÅÄÖ@]", after_opener
                ):
                    continue  # ``Enligt arbetsordningen leder …``: a fronted phrase, no name
            person = named_person(who.strip(), line, present, config) if who.strip() else None
            if person is not None and not person.name:
                person = None  # ``Sekreteraren var sjuk``: an office, not who held it
            lower = re.fullmatch(r"\s*@?[a-zåäö][\w.-]{1,19}(?::[\w.-]+)?\s*", who)
            if person is None and lower and (not match["follows"] or "@" in who):
                # A nickname (*vms förde protokollet*); after the office a word in lower
                # case goes on with the sentence (*jämte mötesordföranden justera*).
                person = parse_person(who, line, config)
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
                decides = any(  # ``…, som godkändes``: the line holds a decision too
                    w.strip(".,;:") in DECIDING_VERBS for w in f"{said} {rest}".casefold().split()
                )
                elected = election_verbs().search(said) or election_verbs().search(rest)
                if not elected and not decides:
                    meta.read_from.add(at)
                break


_LABEL_START = re.compile(r"[^\n:]{1,30}:\s")


def _before(text: str, at: int) -> str:
    """Up to 80 characters before ``at``, from its line's start when the line above is a
    label's (``Med: Kerstin Malm, …, Ali Rezai från Nordrevision KB`` / ``Kerstin Malm
    ledde mötet``): a list's line does not run on into the sentence below it."""
    start = max(0, at - 80)
    line_start = text.rfind("\n", 0, at) + 1
    if line_start > start:
        above = text.rfind("\n", 0, line_start - 1) + 1
        if _LABEL_START.match(text, above):
            return text[line_start:at]
    return text[start:at]


_SUBJECT_FIRST = re.compile(r"\s*(?P<name>[A-ZÅÄÖ][\w'-]+(?:\s+[A-ZÅÄÖ][\w'-]+)*)\s+[a-zåäö]")


def _subject_of_verbs(clauses: list[str], before: str) -> str | None:
    """``Kasper Nilsson hälsade välkomna, delade skärm och lotsade oss genom tavlan``:
    verb phrases in a row, the last joined by *och*, share the subject of the first; the
    clause that begins with that name, when every clause after it is in lower case.  Two
    phrases in one clause share it the same way (``Projektledaren håller i dailyn och
    skriver anteckningarna``)."""
    if not _joiner_at_end().search(before) or before.count("(") != before.count(")"):
        return None
    if len(clauses) == 1:
        alone = _SUBJECT_FIRST.match(clauses[0])
        rest = clauses[0][alone.end("name") :] if alone else ""
        return alone["name"] if alone and not re.search(r"[A-ZÅÄÖ@]", rest) else None
    if re.search(r"[A-ZÅÄÖ@]", clauses[-1]):
        return None
    for clause in reversed(clauses[:-1]):
        if re.search(r"[A-ZÅÄÖ@]", clause):
            subject = _SUBJECT_FIRST.match(clause)
            return subject["name"] if subject else None
    return None


@cache
def _joiner_at_end() -> re.Pattern[str]:
    return re.compile(rf"[a-zåäö]\s+(?:{alternation(LIST_JOINERS)})\s*$")


def _ends_with(clause: str, name: str) -> bool:
    """Whether ``clause`` ends with ``name``, a whole word (after an office before it)."""
    return clause.rstrip().endswith(name) and clause.rstrip()[: -len(name)][-1:] in ("", " ")


_NO_ONE = Person(None, None, None, 0)


def _holder_of(words: str, present: list[Person]) -> Person | None:
    """``kassören``, ``Sekreteraren``, ``nätverkets samordnare``: the one person the list
    gives that role."""
    key = words.strip().casefold()
    owner, _, rest = key.partition(" ")
    if rest and " " not in rest and owner.endswith(GENITIVE_ENDINGS):
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
