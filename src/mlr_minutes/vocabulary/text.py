"""Words of running text: stop words, abbreviations, glue words, references."""

from __future__ import annotations

from typing import Final

# --- Words the matcher ignores when tying a decision to an item ------------------

STOPWORDS: Final[frozenset[str]] = frozenset(
    [
        "och",
        "i",
        "att",
        "det",
        "som",
        "en",
        "på",
        "är",
        "för",
        "av",
        "med",
        "till",
        "den",
        "har",
        "de",
        "inte",
        "om",
        "ett",
        "var",
        "så",
        "vid",
        "från",
        "kan",
        "ska",
        "sig",
        "men",
        "även",
        "eller",
        "samt",
        "där",
        "när",
        "under",
        "efter",
        "innan",
        "inom",
        "mot",
        "detta",
        "dessa",
        "denna",
        "bör",
        "får",
        "fick",
        "görs",
        "göra",
        "blir",
        "blev",
        "nya",
        "ny",
        "nytt",
        "hela",
        "alla",
        "samtliga",
        "mötet",
        "möte",
        "punkt",
        "beslut",
        "beslutades",
        "godkändes",
    ]
)
"""Words too common to say which agenda item a decision speaks of."""

# --- Structure ----------------------------------------------------------------

ITEM_NUMBER_PREFIXES: Final[tuple[str, ...]] = ("§", "punkt", "p.", "ärende", "paragraf")
"""Words or signs that may stand before an agenda item's number (``§ 22``, ``Punkt 3``)."""

ABBREVIATIONS: Final[tuple[str, ...]] = (
    "bl.a.", "t.ex.", "s.k.", "kl.", "ca.", "m.m.", "dvs.", "d.v.s.", "resp.", "nr.", "jfr.",
    "fr.o.m.", "t.o.m.", "o.s.v.", "osv.", "etc.", "st.", "inkl.", "exkl.", "p.g.a.", "pga.",
    "m.fl.", "o.d.", "ang.", "enl.", "tf.", "ev.", "tel.", "v.", "f.d.", "mfl.", "bl a.",
)  # fmt: skip
"""Abbreviations whose full stop does not end a sentence."""

GLUE_WORDS: Final[tuple[str, ...]] = (
    "fört", "förda", "vid", "för", "med", "från", "i", "den", "det", "samt", "och", "–", "-",
)  # fmt: skip
"""Words left between the parts of a title (*Protokoll fört vid styrelsemöte i X*)."""

GENERIC_MEETING_WORDS: Final[tuple[str, ...]] = (
    "mötet", "möte", "sammanträdet", "sammanträde", "träffen",
)  # fmt: skip
"""Words for a meeting of the same body (*mötet den 19 april*)."""

MEETING_HEADING_STEMS: Final[tuple[str, ...]] = (
    "möte", "sammanträde", "protokoll", "träff", "standup", "avstämning", "anteckningar",
)  # fmt: skip
"""Parts of words that make a heading a meeting's own (*## Veckomöte 4 – tisdag 16/9 2025*)."""

SWEDISH_LETTERS: Final = "åäöÅÄÖ"
"""The letters a file decoded with the wrong encoding loses as U+FFFD."""

HELD_WORDS: Final[tuple[str, ...]] = (
    "hölls", "ägde rum", "genomfördes", "träffades", "samlades", "sammanträdde", "möttes",
    "avhölls", "sammanträffade", "avser sammanträdet", "avser mötet", "gäller mötet",
)  # fmt: skip
"""Verbs of a sentence saying when the meeting was held (*Mötet hölls den 14 mars 2023 i
Folkets hus*), wherever it stands."""

REFERENCE_LINK_WORDS: Final[tuple[str, ...]] = ("den", "i", "på", "(", "vid", "från")
"""Words that may stand between a meeting body and its date (*styrelsen den 24 maj*)."""

REFERENCE_VERBS: Final[tuple[str, ...]] = (
    "hålls", "äger rum", "är", "blir", "sker", "planeras till", "planeras", "flyttas till",
    "hölls", "ägde rum", "var",
)  # fmt: skip
"""Verbs between a meeting and its date that still make it a reference
(*Nästa möte hålls den 9 april*)."""

ORGANISATION_WORDS: Final[tuple[str, ...]] = (
    "förening", "föreningen", "förbund", "förbundet", "länsstyrelse", "länsstyrelsen", "region",
    "kommun", "stad", "staden", "stiftelse", "stiftelsen", "bolag", "ab", "nämnd", "nämnden",
    "myndighet", "myndigheten", "verket", "sällskap", "sällskapet", "klubb", "klubben",
    "organisation", "committee", "samfällighet", "brf", "kooperativ", "universitet",
)  # fmt: skip
"""Word parts that make the rest of a title an organisation's name (*Koloniföreningen
Solrosen*, *Länsstyrelsen Skåne*) rather than a group's subject (*Digital samverkan*)."""

PASSIVE_AGENT_WORDS: Final[tuple[str, ...]] = ("av",)
"""The word before the doer of a passive sentence (*program tas fram av arbetsgruppen*)."""

NEXT_MEETING_WORDS: Final[tuple[str, ...]] = (
    "nästa möte", "nästa sammanträde", "nästa styrelsemöte", "nästa träff", "kommande möte",
    "nästa ordinarie möte", "nästa mötestillfälle", "nästa arbetsmöte", "next meeting",
)  # fmt: skip
"""Words for the next meeting, which a date follows (*Nästa möte: 12 april*)."""

LIST_JOINERS: Final[tuple[str, ...]] = ("och", "samt", "&")
"""Words that join the last two entries of a list or clause series (*a, b och c*)."""

FIRST_PERSON_WORDS: Final[tuple[str, ...]] = ("jag", "vi")
"""Who writes the notes: an owner written as *jag* or *vi* (*Jag ska kolla med IT*)."""

DEFAULT_BODY_NAME: Final = "Möte"
"""The body of a meeting whose minutes name none."""

UNNAMED_MEETING_SLUG: Final = "namnlost-mote"
"""The id of a meeting with neither a date nor a usable file name."""

DECISION_ID_PREFIX: Final = "beslut"
"""Decision ids and page anchors: ``beslut-3``."""

ACTION_ID_PREFIX: Final = "atgard"
"""Action item ids and page anchors: ``atgard-2``."""

NUMBER_ABBREVIATIONS: Final[tuple[str, ...]] = ("nr", "nr.", "no", "no.")
"""Abbreviations of *nummer* before a number (``bilaga nr 3``)."""

EMAIL_SENDER_KEYS: Final[tuple[str, ...]] = ("från", "from", "avsändare")
"""Keys of an e-mail's header that name who wrote it (*Från: Maja Sörensen*): the writer
of minutes sent as an e-mail, the *jag* of *Jag skrev*."""

LETTERHEAD_LABELS: Final[tuple[str, ...]] = (
    "postadress", "besöksadress", "organisationsnr", "organisationsnummer", "org.nr",
    "orgnr", "org nr", "bankgiro", "plusgiro",
)  # fmt: skip
"""Words of an organisation's letterhead line (*Postadress 851 86 Lindvik  Besöksadress
Storgatan 12  Tel 010-22 40 00*): the phone numbers and addresses on it are the
organisation's, not a private person's.  Not *växel* alone: a switchboard's number is
the organisation's own only when the configuration says so (``public_contacts``)."""

RESPECTIVE_WORDS: Final[tuple[str, ...]] = ("respektive", "resp.")
"""The word that pairs two names with two things named before, in order (*Till ordförande
och sekreterare valdes Anna Berg respektive Per Ek*)."""
