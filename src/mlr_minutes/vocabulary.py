"""The Swedish vocabulary of meeting minutes, in one place.

Every word the parser recognises lives here, as data: month names, the keys
of metadata lines, heading words, decision verbs, outcome phrases, roles.  The
extraction rules import these tables instead of carrying their own regexes,
so that teaching the parser a new convention is usually a one-line change here.
All entries are lower case; matching is case-insensitive.
"""

from __future__ import annotations

from typing import Final

from .model import Outcome

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
}  # fmt: skip
"""Month names and their usual abbreviations."""

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

# --- Metadata keys --------------------------------------------------------
# Each metadata field and the labels coordinators write for it.

METADATA_KEYS: Final[dict[str, tuple[str, ...]]] = {
    "date": ("mötesdatum", "datum", "date", "sammanträdesdatum", "dag"),
    "place_and_time": ("plats och tid", "tid och plats"),
    "location": ("plats", "lokal", "mötesplats", "sammanträdesplats", "location", "place"),
    "time": ("tid", "klockslag", "mötestid", "time"),
    "attendees": (
        "närvarande", "deltagare", "närvarande ledamöter", "ledamöter", "beslutande",
        "närvarande styrelseledamöter", "röstlängd", "närvarolista", "attendees",
    ),
    "guests": (
        "övriga deltagare", "övriga närvarande", "adjungerade", "adjungerad",
        "övriga", "gäster", "inbjudna", "guests", "tjänstemän",
    ),
    "absent": ("frånvarande", "anmält förhinder", "förhinder", "ej närvarande", "absent"),
    "secretary": (
        "vid protokollet", "sekreterare", "protokollförare", "antecknat av",
        "antecknare", "mötessekreterare", "minnesanteckningar förda av", "secretary",
    ),
    "chair": ("ordförande", "mötesordförande", "chair"),
    "adjusters": ("justerare", "justeras", "justeringsperson", "justeringspersoner", "justerat"),
    "body": ("organ", "mötestyp", "möte", "body"),
    "organisation": ("organisation", "förening", "organisation"),
    "document_type": ("dokumenttyp", "typ", "document_type"),
    "title": ("titel", "rubrik", "title"),
}  # fmt: skip
"""Metadata field → the labels that introduce it (``Närvarande<TAB>…``, ``**Datum:**``)."""

# --- Headings -------------------------------------------------------------

DECISION_HEADINGS: Final[tuple[str, ...]] = (
    "beslut", "beslutet", "besluten", "beslutspunkter", "fattade beslut", "beslut i korthet",
    "sammanfattning av beslut", "mötet beslutade", "decisions",
)  # fmt: skip
"""Headings (or bold labels) above a list of the meeting's decisions."""

ACTION_HEADINGS: Final[tuple[str, ...]] = (
    "åtgärder", "åtgärd", "åtgärdslista", "att göra", "actionpoints", "action points",
    "actions", "uppdrag", "till nästa möte", "att göra till nästa möte", "uppföljning",
    "todo", "att-göra",
)  # fmt: skip
"""Headings above a list of action items."""

SECTION_HEADINGS: Final[tuple[str, ...]] = (
    "besluts- och diskussionspunkter", "beslutspunkter", "diskussionspunkter",
    "informationspunkter", "information", "diskussion", "beslutsärenden",
    "informationsärenden", "övriga frågor", "dagordning", "ärenden",
)  # fmt: skip
"""Headings that group agenda items."""

DOCUMENT_TYPES: Final[tuple[str, ...]] = (
    "minnesanteckningar", "protokoll", "mötesprotokoll", "anteckningar",
    "justerat protokoll", "minnesanteckning", "sammanträdesprotokoll",
)  # fmt: skip
"""Words that name the kind of document in a heading."""

FOCUS_AREA_HEADINGS: Final[tuple[str, ...]] = (
    "fokusfrågor", "fokusfrågorna", "fokusfråga", "fokusområden", "fokusområdena", "fokusområde",
)  # fmt: skip
"""Item titles (or title prefixes) under which focus areas report their status."""

CHAIR_ELECTION_TITLES: Final[tuple[str, ...]] = (
    "val av mötesordförande", "val av ordförande", "val av ordförande för mötet",
)  # fmt: skip
"""Agenda item titles whose text names the meeting's chair."""

SECRETARY_ELECTION_TITLES: Final[tuple[str, ...]] = (
    "val av mötessekreterare", "val av sekreterare", "val av protokollförare",
    "val av sekreterare för mötet",
)  # fmt: skip
"""Agenda item titles whose text names the meeting's secretary."""

ADJUSTER_ELECTION_TITLES: Final[tuple[str, ...]] = (
    "val av justerare", "val av justeringsperson", "val av justeringspersoner",
    "val av protokolljusterare", "val av två justerare",
)  # fmt: skip
"""Agenda item titles whose text names who checks the minutes."""

ATTACHMENT_WORDS: Final[tuple[str, ...]] = ("bilaga", "bilagor", "bifogas", "bilaga bifogas")
"""Words that mark an attachment note in an item heading."""

# --- Roles ----------------------------------------------------------------

ROLES: Final[dict[str, str]] = {
    "ordförande": "ordförande", "ordf": "ordförande", "ordf.": "ordförande",
    "mötesordförande": "ordförande",
    "vice ordförande": "vice ordförande", "vice ordf": "vice ordförande",
    "koordinator": "koordinator", "koordinatorn": "koordinator",
    "sekreterare": "sekreterare", "sekreteraren": "sekreterare", "sekr": "sekreterare",
    "sekr.": "sekreterare", "v. ordf": "vice ordförande", "v ordf": "vice ordförande",
    "vice ordf.": "vice ordförande", "ledam": "ledamot", "ers": "ersättare",
    "adj": "adjungerad", "adj.": "adjungerad",
    "mötessekreterare": "sekreterare",
    "protokollförare": "sekreterare",
    "justerare": "justerare",
    "ledamot": "ledamot", "ersättare": "ersättare", "suppleant": "ersättare",
    "kassör": "kassör", "kassören": "kassör",
    "kommundirektör": "kommundirektör", "kommundirektören": "kommundirektör",
    "stadsdirektör": "stadsdirektör", "stadsdirektören": "stadsdirektör",
    "kommunchef": "kommunchef", "kommunchefen": "kommunchef",
    "sekretariatschef": "sekretariatschef",
    "föredragande": "föredragande", "adjungerad": "adjungerad",
    "projektledare": "projektledare", "projektledaren": "projektledare",
    "verksamhetsledare": "verksamhetsledare", "verksamhetsledaren": "verksamhetsledare",
    "processledare": "processledare", "utredare": "utredare",
    "gäst": "gäst", "sammankallande": "sammankallande",
}  # fmt: skip
"""Role words as written → the role's base form."""

ROLE_OWNERS: Final[dict[str, str]] = {
    "koordinatorn": "koordinatorn", "koordinator": "koordinatorn",
    "ordföranden": "ordföranden", "ordförande": "ordföranden",
    "sekreteraren": "sekreteraren", "sekretariatet": "sekretariatet",
    "kansliet": "kansliet", "styrelsen": "styrelsen", "arbetsgruppen": "arbetsgruppen",
    "arbetsgrupp": "arbetsgruppen", "projektgruppen": "projektgruppen",
    "styrgruppen": "styrgruppen", "näringslivsgruppen": "näringslivsgruppen",
    "kommundirektörerna": "kommundirektörerna", "kommunerna": "kommunerna",
    "samtliga kommuner": "kommunerna", "varje kommun": "kommunerna",
    "projektledaren": "projektledaren", "kassören": "kassören",
    "valberedningen": "valberedningen", "verksamhetsledaren": "verksamhetsledaren",
    "kommungrupperna": "kommungrupperna", "alla": "alla", "samtliga": "alla",
}  # fmt: skip
"""Words that name a responsible role or group in an action item → its canonical form."""

# --- Decisions ------------------------------------------------------------

DECISION_LABELS: Final[tuple[str, ...]] = ("beslut", "beslutades", "mötet beslutade", "beslöts")
"""Labels written before a decision (``**Beslut:** …``, ``Beslut: …``)."""

DECISION_SUBJECT_VERBS: Final[tuple[str, ...]] = (
    "beslutade", "beslutar", "beslutades", "beslöt", "beslöts", "beslutas",
    "godkänner", "godkände", "fastställer", "fastställde", "väljer", "valde", "antar", "antog",
    "noterar", "noterade", "tillstyrker", "tillstyrkte", "avslår", "avslog", "bordlägger",
    "bordlade", "återremitterar", "återremitterade", "uppdrar", "uppdrog",
    "ger", "gav", "lägger",
)  # fmt: skip
"""Verbs that make a sentence a decision when the meeting or a body is their subject."""

DECIDING_SUBJECTS: Final[tuple[str, ...]] = (
    "mötet", "styrelsen", "kommundirektörerna", "kommundirektörsgruppen", "gruppen",
    "arbetsgruppen", "styrgruppen", "årsmötet", "stämman", "föreningsstämman",
    "nämnden", "utskottet", "ledningsgruppen", "projektgruppen", "beredningen",
    "kommundirektörmötet", "vi",
)  # fmt: skip
"""Subjects whose deciding verbs make a decision (``Mötet beslutar att …``)."""

OUTCOME_PHRASES: Final[tuple[tuple[str, Outcome], ...]] = (
    ("lades till handlingarna", Outcome.NOTED), ("läggs till handlingarna", Outcome.NOTED),
    ("lägga till handlingarna", Outcome.NOTED), ("lägger till handlingarna", Outcome.NOTED),
    ("lägga ... till handlingarna", Outcome.NOTED), ("lägger ... till handlingarna", Outcome.NOTED),
    ("lades ... till handlingarna", Outcome.NOTED), ("läggs ... till handlingarna", Outcome.NOTED),
    ("noterades", Outcome.NOTED), ("noteras", Outcome.NOTED),
    ("antecknas", Outcome.NOTED), ("noterade", Outcome.NOTED), ("noterar", Outcome.NOTED),
    ("antecknades", Outcome.NOTED), ("togs till protokollet", Outcome.NOTED),
    ("bordlades", Outcome.TABLED), ("bordläggs", Outcome.TABLED), ("bordlägga", Outcome.TABLED),
    ("bordlägger", Outcome.TABLED),
    ("återremitterades", Outcome.REFERRED_BACK), ("återremitteras", Outcome.REFERRED_BACK),
    ("återremittera", Outcome.REFERRED_BACK), ("återremitterar", Outcome.REFERRED_BACK),
    ("avslogs", Outcome.REJECTED), ("avslås", Outcome.REJECTED), ("avslå", Outcome.REJECTED),
    ("avslår", Outcome.REJECTED), ("avstyrktes", Outcome.REJECTED),
    ("valdes", Outcome.ELECTED), ("väljs", Outcome.ELECTED),
    ("väljer", Outcome.ELECTED), ("omvaldes", Outcome.ELECTED), ("omväljs", Outcome.ELECTED),
    ("nyvaldes", Outcome.ELECTED), ("valde", Outcome.ELECTED),
    ("godkändes", Outcome.APPROVED), ("godkänns", Outcome.APPROVED),
    ("godkänna", Outcome.APPROVED), ("godkänner", Outcome.APPROVED),
    ("godkände", Outcome.APPROVED), ("fastställdes", Outcome.APPROVED),
    ("fastställs", Outcome.APPROVED), ("fastställa", Outcome.APPROVED),
    ("fastställer", Outcome.APPROVED), ("bifalles", Outcome.APPROVED),
    ("bifölls", Outcome.APPROVED), ("bifalls", Outcome.APPROVED), ("bifalla", Outcome.APPROVED),
    ("antogs", Outcome.APPROVED), ("antas", Outcome.APPROVED), ("antar", Outcome.APPROVED),
    ("tillstyrktes", Outcome.APPROVED),
    ("tillstyrks", Outcome.APPROVED), ("fick stöd", Outcome.APPROVED),
    ("ställde sig bakom", Outcome.APPROVED), ("ställer sig bakom", Outcome.APPROVED),
)  # fmt: skip
"""Phrases that state a decision's outcome, most specific first; ``...`` stands for up to
six words (*lägga den ekonomiska rapporten till handlingarna*)."""

PASSIVE_DECISION_PHRASES: Final[tuple[str, ...]] = (
    "godkändes", "godkänns", "fastställdes", "fastställs", "lades till handlingarna",
    "läggs till handlingarna", "bordlades", "bordläggs", "avslogs", "avslås",
    "återremitterades", "återremitteras", "bifalles", "bifölls", "antogs", "valdes", "väljs",
    "omvaldes", "omväljs", "nyvaldes", "beslutades", "beslöts", "tillstyrktes",
)  # fmt: skip
"""Passive outcomes that make a sentence a decision without a deciding subject."""

# --- Action items -----------------------------------------------------------

ACTION_LABELS: Final[tuple[str, ...]] = (
    "åtgärd", "åtgärder", "uppdrag", "att göra", "action", "todo", "ansvar",
)  # fmt: skip
"""Labels written before an action item (``**Åtgärd:** …``)."""

OWNER_KEYS: Final[tuple[str, ...]] = ("ansvarig", "ansvariga", "ansvar", "ägare", "vem")
"""Keys for the owner inside an action's parentheses (``ansvarig: X``)."""

DUE_KEYS: Final[tuple[str, ...]] = (
    "klart", "klar", "klart senast", "senast", "deadline", "datum", "när", "till", "due",
)  # fmt: skip
"""Keys for the due date inside an action's parentheses (``klart: 30/9``)."""

DEADLINE_WORDS: Final[tuple[str, ...]] = (
    "deadline", "senast", "klart till", "klar till", "klart senast", "klart", "svar senast",
    "sista dag", "före",
)  # fmt: skip
"""Words after which a date in prose is a deadline (``senast 30/9``, ``deadline 22 april``)."""

PLANNING_PHRASES: Final[tuple[str, ...]] = (
    "planeras till", "planeras", "ska vara klar", "ska vara klart", "ska redovisas",
    "redovisas för", "ska tas fram", "tas fram", "återkommer", "avrapportering",
    "lägesrapport", "återrapportering", "rapporteras", "ska rapportera", "ska återkomma",
    "skickas ut", "kommer att", "ska ges", "utskick",
)  # fmt: skip
"""Phrases that make a sentence with a future date an action item inferred from prose."""

ASSIGNMENT_PATTERNS: Final[tuple[str, ...]] = (
    r"uppdrag till (?P<owner>.+?) att (?P<task>.+)",
    r"uppdra(?:r|s)? åt (?P<owner>.+?) att (?P<task>.+)",
    r"uppdrogs åt (?P<owner>.+?) att (?P<task>.+)",
    r"ge(?:r|s)? (?P<owner>.+?) i uppdrag att (?P<task>.+)",
    r"gav (?P<owner>.+?) i uppdrag att (?P<task>.+)",
    r"(?P<owner>.+?) (?:fick|får|har fått) i uppdrag att (?P<task>.+)",
)  # fmt: skip
"""Assignment sentences; the owner and the task are named groups."""

SUBJECT_ACTION_VERBS: Final[tuple[str, ...]] = (
    "tar fram", "lägger upp", "skickar ut", "skickar", "bjuder in", "kallar till",
    "återkommer", "undersöker", "kontaktar", "sammanställer", "bokar", "ordnar",
    "förbereder", "håller i", "tittar på", "ser över", "uppdaterar", "kollar", "mejlar",
    "skriver", "tar kontakt", "tar med", "presenterar", "fixar", "redovisar", "rapporterar",
    "återrapporterar", "informerar", "kallar", "bokar in", "planerar", "samordnar", "leder",
)  # fmt: skip
"""Verbs that, with a known owner as their subject, make a sentence an action
(``Martin lägger upp …``, ``tar koordinatorn fram lista …``)."""

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
