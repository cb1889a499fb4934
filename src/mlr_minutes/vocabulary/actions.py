"""Action items: labels, owner and due keys, deadline and planning words."""

from __future__ import annotations

from typing import Final

# --- Action items -----------------------------------------------------------

ACTION_LABELS: Final[tuple[str, ...]] = (
    "åtgärd", "åtgärder", "uppdrag", "att göra", "action", "todo", "ansvar", "actionpunkt",
    "actionpunkter", "actionpoint", "actionpoints", "action point", "action points",
    "åtgärdspunkt", "åtgärdspunkter", "to do", "att-göra", "uppgift", "uppgifter",
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
    "mailar", "ringer", "köper", "beställer", "hör med", "hör av sig", "pratar med",
    "tar hand om", "sätter upp", "ser till", "skapar", "påminner", "följer upp", "stämmer av",
    "återkopplar", "hämtar", "levererar", "åtgärdar", "utreder", "lägger in", "putsar",
    "schemalägger", "formulerar", "gör", "tar reda på", "kallar in", "tar in", "hör efter",
    "sammankallar", "skickar in", "lämnar in", "sköter", "fyller i", "mejlar ut", "mailar ut",
    "ansvarar för", "arbetar in",
)  # fmt: skip
"""Verbs that, with a known owner as their subject, make a sentence an action
(``Martin lägger upp …``, ``tar koordinatorn fram lista …``)."""

OWNER_BEFORE_PHRASES: Final[tuple[str, ...]] = (
    "fick i uppdrag att", "får i uppdrag att", "har fått i uppdrag att", "fick i uppgift att",
    "får i uppgift att", "har fått i uppgift att", "har i uppgift att", "åtog sig att",
    "åtar sig att", "har åtagit sig att", "tar på sig att", "tog på sig att",
    "har lovat att", "lovade att", "lovar att", "ansvarar för att", "ser till att",
    "har tagit på sig att", "erbjöd sig att", "erbjuder sig att", "anmälde sig att",
    "får uppdraget att", "fick uppdraget att", "får uppgiften att", "fick uppgiften att",
    "tar på sig uppdraget att", "ansvarar för",
)  # fmt: skip
"""Commitments and assignments with the owner before them (*Per har lovat att …*,
*Koordinatorn fick i uppdrag att …*)."""

OWNER_BETWEEN_PHRASES: Final[tuple[tuple[str, str], ...]] = (
    ("uppdrag till", "att"), ("uppdrar åt", "att"), ("uppdras åt", "att"),
    ("uppdrogs åt", "att"), ("uppdrog åt", "att"), ("uppdra åt", "att"),
    ("ger", "i uppdrag att"), ("gav", "i uppdrag att"), ("ges", "i uppdrag att"),
    ("ge", "i uppdrag att"), ("ger", "i uppgift att"), ("gav", "i uppgift att"),
    ("kommer", "att"),
    ("remitteras till", "för yttrande"), ("remitterades till", "för yttrande"),
    ("överlämnas till", "för yttrande"), ("överlämnades till", "för yttrande"),
)  # fmt: skip
"""Assignments with the owner between two phrases (*uppdrar åt koordinatorn att …*,
*ger förvaltningen i uppdrag att …*, *kommer Olle att …*); a matter sent out for comment
gives the body it goes to the task of answering (*remitteras till tekniska nämnden för
yttrande senast …*)."""

MODAL_WORDS: Final[tuple[str, ...]] = ("ska", "skall", "kommer att", "tänker", "måste", "skulle")
"""Words after an owner that make the verb after them a task (*Stina ska mejla …*)."""

OFFER_WORDS: Final[tuple[str, ...]] = ("kan", "ska", "skall", "kommer att", "tänker", "tar och")
"""Words after *jag* in a chat that make the verb after them the writer's task (*Jag kan
beställa containern*)."""

OBLIGATION_WORDS: Final[tuple[str, ...]] = ("behöver", "ska", "skall", "måste", "bör")
"""Words before a passive verb that make a task without an owner (*Listan ska skickas ut*)."""

NOT_TASK_VERBS: Final[tuple[str, ...]] = (
    "vara", "ha", "bli", "finnas", "gälla", "fortsätta", "pågå", "kosta", "ligga", "kunna",
    "vilja", "få", "heta", "innebära", "betyda", "räcka", "behöva", "tycka", "anse",
    "tycker", "anser", "menar", "säger", "sade", "sa", "undrar", "har", "är", "var", "blir",
    "blev", "finns", "fanns", "kommer", "kan", "kunde", "vill", "ville", "får", "fick",
    "gäller", "ligger", "känner", "tror", "trodde", "hoppas", "vet", "visste", "ser",
    "såg", "hör", "hörde", "önskar", "deltar", "deltog", "närvarar", "saknar", "behöver",
    "står", "stod", "sitter", "satt", "bor", "jobbar", "arbetar", "studerar",
    "föreslår", "föreslog", "yrkar", "yrkade", "frågar", "frågade", "undrade", "sammanfattar",
    "sammanfattade", "diskuterar", "diskuterade", "reserverar", "reserverade", "konstaterar",
    "konstaterade", "ställer", "påpekar", "påpekade", "betonar", "betonade", "understryker",
    "poängterar", "lyfter", "lyfte", "svarar", "svarade", "kommenterar", "förklarar",
    "uttrycker", "tackar", "tackade", "hälsar", "instämmer", "instämde", "anmäler",
    "anmälde", "noterar", "beslutar", "visar", "berättar", "menade", "tyckte", "ansåg",
    "börjar", "slutar", "anländer", "lämnar mötet", "väntar", "kommer",
)  # fmt: skip
"""Verbs that say what someone thinks, is or has, never what they are to do."""

GOING_WORDS: Final[tuple[str, ...]] = ("till", "iväg", "hem", "bort")
"""Words after *ska* that say where someone is going (*Lovisa ska till tandläkaren*), not
what they are to do."""

GOING_TIME_WORDS: Final[tuple[str, ...]] = ("dess ", "nästa ")
"""After *ska till*, the start of a time (*ska till dess inhämta …*, *ska till nästa möte
ta fram …*): the task follows."""

NARRATIVE_VERBS: Final[tuple[str, ...]] = (
    "presenterar", "presenterade", "berättar", "berättade", "informerar", "informerade",
    "redogör", "redogjorde", "leder", "ledde", "beskriver", "beskrev", "visar", "visade",
    "går igenom", "gick igenom", "redovisar", "redovisade", "rapporterar", "rapporterade",
    "föredrar", "föredrog", "inleder", "inledde", "hälsar", "hälsade", "öppnar", "öppnade",
    "avslutar", "avslutade", "tackar", "tackade", "konstaterar", "konstaterade",
)  # fmt: skip
"""Verbs that tell what happened at the meeting (*Anna presenterar läget*): a task only
with a date ahead (*Anna presenterar förslaget på nästa möte*)."""

WISH_WORDS: Final[tuple[str, ...]] = (
    "borde", "bör", "vore bra", "vore önskvärt", "skulle vara bra", "skulle vara bättre",
    "skulle kunna", "hoppas", "önskar", "önskvärt", "vill gärna", "kanske",
    "eventuellt", "funderar på", "fundera på", "vore kul", "vore roligt", "vore intressant",
    "tanken är", "gärna",
)  # fmt: skip
"""Words of a wish or an idea, not a task (*Det vore bra om …*, *Vi borde …*)."""

EXTERNAL_PLAN_VERBS: Final[tuple[str, ...]] = (
    "planerar", "avser", "har för avsikt", "räknar med", "siktar på", "kommer att",
    "ska", "skall", "planerade",
)  # fmt: skip
"""Verbs of another organisation's own plans (*Trafikverket planerar att bygga om …*)."""

INTENT_VERBS: Final[tuple[str, ...]] = (
    "planerar", "planerade", "avser", "har för avsikt", "siktar på", "räknar med",
)  # fmt: skip
"""Verbs of an intention told the meeting (*Tallmo planerar att starta ett hälsocafé*,
*Leverantören planerar att sätta in två utvecklare*): whoever is not among those who
take on the meeting's tasks, their plans are theirs, not tasks."""

DONE_MARKS: Final[tuple[str, ...]] = ("✅", "✔️", "✔", "✓", "☑️", "☑", "(klart)", "[klart]")
"""Marks that say a listed task is done (*✅ Boka lokal*)."""

STANDUP_TODAY_LABELS: Final[tuple[str, ...]] = (
    "idag", "i dag", "today", "vad ska jag göra idag", "vad ska jag göra i dag",
    "vad gör jag idag", "vad gör jag i dag", "ska göra", "planerat", "plan idag",
    "att göra idag", "fokus idag", "nästa steg", "framåt", "ska", "ska idag", "gör idag",
    "planerat idag", "planerat i dag", "planerar idag", "planerar", "plan", "plan för idag",
    "idag ska jag", "i dag ska jag", "jobbar med idag", "tar idag", "next", "plan today",
    "vad ska du göra idag", "vad ska du göra i dag",
)  # fmt: skip
"""A stand-up's label for what someone will do (*Vad ska jag göra idag?*, *Planerat
idag:*)."""

STANDUP_PLAN_HEADINGS: Final[tuple[str, ...]] = (
    "vad ska vi göra härnäst", "vad ska vi göra idag", "vad ska vi göra i dag",
    "vad ska vi göra till nästa gång", "vad ska du göra idag", "vad gör vi idag",
    "härnäst", "planerat till nästa möte", "plan framåt", "nästa steg per person",
)  # fmt: skip
"""A stand-up's heading over one heading a person, for what each will do next."""

STANDUP_OTHER_LABELS: Final[tuple[str, ...]] = (
    "igår", "i går", "yesterday", "vad gjorde jag igår", "vad gjorde jag i går", "hinder",
    "blockers", "problem", "vad hindrar mig", "hindras av", "gjort", "klart",
    # A stand-up bot's questions (answered in bullets below each):
    "hur mår du idag", "hur mår du i dag", "vad har du gjort sedan förra rapporten",
    "vad har du gjort sedan sist", "vad gjorde du igår", "vad gjorde du i går",
    "blockerar något", "blockerar något, behöver du hjälp", "behöver du hjälp",
    "what did you do yesterday", "how do you feel today", "anything blocking you",
)  # fmt: skip
"""A stand-up's labels for what was done or is in the way: no tasks."""

EXTERNAL_ORGANISATION_ENDINGS: Final[tuple[str, ...]] = (
    "verket", "myndigheten", "regionen", "länsstyrelsen", "departementet", "inspektionen",
    "bolaget", "universitetet", "polisen", "banken", "kommun", "kommunen", "kassan",
    "regeringen", "fonden", "tjänsten", "institutionen",
)  # fmt: skip
"""Endings of another organisation's name, whose own plans are not the meeting's tasks
(*Trafikverket planerar att …*, *Räddningstjänsten planerar …*)."""

REPORTED_BY_WORDS: Final[tuple[str, ...]] = ("enligt",)
"""*Ägarsamrådet ska enligt kommunen hållas i april*: what another organisation says will
happen, no task of the meeting's."""

ACTION_TABLE_HEADERS: Final[dict[str, tuple[str, ...]]] = {
    "task": (
        "åtgärd", "åtgärder", "uppgift", "vad", "beslut/åtgärd", "åtgärd/beslut", "aktivitet",
        "action", "task", "att göra", "uppdrag", "beskrivning", "ärende",
    ),
    "owner": (
        "ansvarig", "ansv", "ansv.", "vem", "ägare", "who", "owner", "ansvariga",
        # Microsoft Planner and Teams Loop, in Swedish:
        "tilldelad till", "tilldelad", "tilldelat till", "assigned to",
    ),
    "due": (
        "klart", "klar", "datum", "när", "deadline", "senast", "klart till", "due",
        "klart senast", "förfallodatum", "slutdatum", "due date",
    ),
    "status": ("status", "klar?", "klart?", "done", "läge"),
}  # fmt: skip
"""Column headers of an action table (*Åtgärd | Ansvarig | Klart | Status*)."""

STANDUP_TABLE_HEADERS: Final[dict[str, tuple[str, ...]]] = {
    "task": (
        "ska göra", "idag", "i dag", "today", "plan idag", "att göra idag", "nästa steg",
        "ska göra idag", "gör idag", "planerat", "plan", "next",
    ),
    "owner": ("person", "namn", "name", "vem", "who", "deltagare"),
}  # fmt: skip
"""Column headers of a stand-up's table (*Person | Gjort | Ska göra | Hinder*): each
row's plan is that person's task."""

DONE_STATUSES: Final[tuple[str, ...]] = (
    "klar", "klart", "done", "avklarad", "avklarat", "genomförd", "genomfört", "✅", "✓", "ok",
    "utförd", "utfört", "stängd", "avslutad", "slutförd", "slutfört", "completed",
)  # fmt: skip
"""Statuses in an action table that mark the task done."""

EMPTY_CELLS: Final[tuple[str, ...]] = ("", "-", "–", "—", "n/a", "x", "ingen", "saknas")
"""Cells of an action table that hold nothing."""

SUBORDINATORS: Final[tuple[str, ...]] = (
    "om", "att", "som", "när", "eftersom", "ifall", "huruvida", "medan", "innan", "tills",
    "frågan", "huruvida",
)  # fmt: skip
"""Words that open a subordinate clause: an owner after one is not the sentence's subject
(*Frågan om vi ska byta …*)."""

REPORTING_VERBS: Final[tuple[str, ...]] = (
    "påminde", "konstaterade", "konstaterar", "bedömer", "bedömde", "påpekade", "påpekar",
    "menade", "menar", "framförde", "betonade", "betonar", "underströk", "tycker", "tyckte",
    "anser", "ansåg", "delar bilden", "delade bilden", "informerade", "informerar",
)  # fmt: skip
"""Verbs that report a view or a reminder: an obligation in the clause after them (*Bo
påminde om att nycklarna måste lämnas tillbaka*) is what was said, not a task."""

REPORTED_CLAUSE_OPENINGS: Final[tuple[str, ...]] = ("att", "om att")
"""What opens the clause after a reporting verb (*påminde om att …*)."""

OBLIGATION_ADVERBS: Final[tuple[str, ...]] = ("också", "även", "nu", "snarast", "först")
"""Adverbs between an obligation's modal and its verb (*Listan ska också skickas ut*)."""

NOT_OBLIGATION_VERBS: Final[tuple[str, ...]] = ("finns", "hålls", "gäller", "syns", "känns")
"""Verbs in -s after *ska*/*behöver* that state something, not a task (*Det ska finnas …*)."""

NAMED_OWNER_OPENINGS: Final[tuple[str, ...]] = ("kommer",)
"""Openings of :data:`OWNER_BETWEEN_PHRASES` whose middle must be a name (*kommer Olle att*,
never *kommer frågan att*)."""

CHAT_ACTION_TAGS: Final[tuple[str, ...]] = (
    "#action", "#åtgärd", "#todo", "#uppgift", "action:", "åtgärd:", "todo:",
)  # fmt: skip
"""A meeting bot's tag for a task (*#action jaana frågar sameföreningen*)."""

NOBODY_SUBJECTS: Final[tuple[str, ...]] = (
    "ingen tog", "ingen tar", "ingen åtog", "ingen har", "ingen hade", "ingen kunde",
    "ingen kan", "ingen ville", "ingen vill", "ingen anmälde", "ingen gör", "ingen gjorde",
    "ingen av oss", "ingen i gruppen",
)  # fmt: skip
"""A sentence with nobody as its subject is no one's task (*Ingen tog på sig att …*)."""

OFFICER_DUTIES: Final[tuple[str, ...]] = (
    "justerar protokollet", "justera protokollet", "justerar dagens protokoll",
    "justerar mötets protokoll", "justerar tillsammans med ordföranden",
    "tar anteckningarna", "tar anteckningar", "tar protokollet", "för protokollet",
    "för anteckningarna", "håller i mötet", "tar över som mötesordförande",
    "tar över som ordförande", "tar över som sekreterare", "tar över som mötessekreterare",
    "tar över ordförandeskapet", "tar över klubban", "går in som ordförande",
    "håller i det nästa gång", "håller i nästa möte", "leder nästa möte",
    "går in som sekreterare", "tar över anteckningarna", "tar över protokollet",
)  # fmt: skip
"""An officer's part in the meeting itself, never a task (*Nora justerar protokollet*,
*Sanna Åkerlund tar över som mötesordförande*)."""
