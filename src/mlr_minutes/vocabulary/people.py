"""Roles of people at a meeting and as owners of action items."""

from __future__ import annotations

from typing import Final

# --- Roles ----------------------------------------------------------------

ROLES: Final[dict[str, str]] = {
    "ordförande": "ordförande", "ordf": "ordförande", "ordf.": "ordförande",
    "mötesordförande": "mötesordförande",
    "vice ordförande": "vice ordförande", "vice ordf": "vice ordförande",
    "koordinator": "koordinator", "koordinatorn": "koordinator",
    "sekreterare": "sekreterare", "sekreteraren": "sekreterare", "sekr": "sekreterare",
    "sekr.": "sekreterare", "v. ordf": "vice ordförande", "v ordf": "vice ordförande",
    "vice ordf.": "vice ordförande", "ledam": "ledamot", "ers": "ersättare",
    "adj": "adjungerad", "adj.": "adjungerad",
    "mötessekreterare": "sekreterare",
    "protokollförare": "sekreterare", "prot.förare": "sekreterare",
    "stämmosekreterare": "sekreterare",
    "stämmoordförande": "mötesordförande", "sammanträdesledare": "mötesordförande",
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
    "sammankallande revisor": "sammankallande", "sammankallande lekmannarevisor": "sammankallande",
    "skrev": "sekreterare", "antecknade": "sekreterare", "för protokollet": "sekreterare",
    "för anteckningar": "sekreterare", "för anteckningarna": "sekreterare",
    "ordförande för mötet": "mötesordförande", "talman": "mötesordförande",
    "tjänstgörande ordförande": "mötesordförande", "tjänstgör som ordförande": "mötesordförande",
    "tjänstgörande ordf.": "mötesordförande", "tjänstgörande ordföranden": "mötesordförande",
    "tf ordförande": "mötesordförande", "tf. ordförande": "mötesordförande",
    "t.f. ordförande": "mötesordförande",
    "mötets ordförande": "mötesordförande", "stämmans ordförande": "mötesordförande",
    "årsmötets ordförande": "mötesordförande", "ordförande vid mötet": "mötesordförande",
    "mötets sekreterare": "sekreterare", "stämmans sekreterare": "sekreterare",
    "årsmötets sekreterare": "sekreterare", "sekreterare vid mötet": "sekreterare",
    "styrelsens sekreterare": "sekreterare",
    "talperson": "mötesordförande", "vice talman": "vice ordförande",
    "protokoll": "sekreterare", "antecknare": "sekreterare", "ant.": "sekreterare",
    "antecknat": "sekreterare", "suppl": "ersättare",
    "suppl.": "ersättare", "mötesledare": "ordförande", "ledde mötet": "ordförande",
    "facilitator": "ordförande", "chair": "ordförande", "moderator": "ordförande",
    "minutes": "sekreterare", "notes": "sekreterare", "secretary": "sekreterare",
    "chairman": "ordförande", "chairperson": "ordförande", "note taker": "sekreterare",
    "notetaker": "sekreterare", "minute taker": "sekreterare", "mötesägare": "ordförande",
    "anteckningar": "sekreterare", "antecknar": "sekreterare",
    "håller i mötet": "mötesordförande", "höll i mötet": "mötesordförande",
    "leder mötet": "mötesordförande", "skriver": "sekreterare", "protokollskrivare": "sekreterare",
    "skriver protokollet": "sekreterare", "skriver anteckningarna": "sekreterare",
    "mötesordf": "mötesordförande", "mötesordf.": "mötesordförande",
    "1:e vice ordförande": "vice ordförande",
    "2:e vice ordförande": "vice ordförande",
    # Offices written as capitals before a name (*VD Cecilia Torp*, *MAS Eva Rask*).
    "vd": "vd", "verkställande direktör": "vd", "verkställande direktören": "vd",
    "mas": "mas", "hr-chef": "hr-chef", "it-chef": "it-chef",
    "ekonomichef": "ekonomichef", "protokollför": "sekreterare", "protokollförde": "sekreterare",
    "mötessekr.": "sekreterare", "mötessekr": "sekreterare",
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

ORGANISATION_SUFFIXES: Final[tuple[str, ...]] = (
    "verket", "myndigheten", "myndighet", "regionen", "länsstyrelsen", "departementet",
    "inspektionen", "bolaget", "universitetet", "polisen", "banken", "kommun", "kommunen",
    "förbundet", "institutet", "kassan", "fonden", "rådet", "nämnden", "förvaltningen",
    "committee", "kommittén", "centrum", "centret", "akademin", "högskolan", "stiftelsen",
    "kommune",  # Danish and Norwegian: *Københavns Kommune*
)  # fmt: skip
"""Endings of an organisation's name (*Skatteverket*, *Havs- och vattenmyndigheten*,
*Region Skåne*'s *regionen*, *Lunds kommun*): such a name is an organisation, not a person."""

COMPANY_FORMS: Final[tuple[str, ...]] = (
    "ab", "hb", "kb", "aktiebolag", "ek.för.", "ltd", "gmbh", "a/s", "as", "asa", "aps",
)  # fmt: skip
"""A company form as the last word of a name (*Lindvik Revision AB*)."""

PARTY_CODES: Final[tuple[str, ...]] = (
    "m", "s", "sd", "c", "v", "kd", "l", "mp", "fp", "fi", "spi", "sl", "kv", "öp", "sp",
)  # fmt: skip
"""Party codes written after a politician's name (``Per Ek (C)``, older ``(fp)``); any short
capitals are party codes too in a list where a known one is used."""

ROLE_ENDINGS: Final[tuple[str, ...]] = (
    "chef", "chefen", "are", "aren", "ör", "ören", "ent", "ande", "ende", "ist", "log",
    "ator", "ledare", "ansvarig", "handläggare", "strateg", "samordnare", "direktör",
    "råd", "kommunikatör", "utvecklare", "sekreterare", "ekonom", "jurist", "controller",
    "konsult", "assistent", "representant", "ledamot", "ersättare", "suppleant", "kassör",
    "revisor", "tekniker", "ingenjör", "arkitekt", "specialist", "expert", "analytiker",
    "koordinator", "inspektör", "förvaltare", "skribent", "student", "praktikant", "elev",
    "lärare", "rektor", "medlem", "gäst", "vice", "tjänsteperson", "tjänsteman", "biträde",
    "ombud", "värd", "värdinna", "läkare", "sköterska", "pedagog", "rådgivare",
    "projektledare", "kurator", "notarie", "föreståndare", "intendent",
)  # fmt: skip
"""Endings of a role written in lower case after a name (*Eva Nord, förvaltningschef*,
*Sam Yilmaz, bygglovshandläggare*): such a word describes the person before it."""

ATTENDANCE_NOTE_WORDS: Final[tuple[str, ...]] = (
    "§", "deltar", "deltog", "jäv", "tjänstgörande för", "tjg för", "tjg. för", "ersätter",
    "i stället för", "istället för", "lämnade", "lämnar", "anslöt", "ansluter", "via",
    "på distans", "distans", "digitalt", "per telefon", "delvis", "fr.o.m.", "t.o.m.",
    "ej tjänstgörande", "närvarande vid", "ej närvarande", "ersättare för", "ersätter",
    "som ersättare för", "som ersättare", "tjänstgör för", "tjänstgjorde för", "remote",
    "gick efter", "kom efter", "lämnade efter", "inbjuden till", "inbjuden under", "anmält",
    "tjänstgörande ersättare för", "tjg ersättare för", "tjänstgörande ersättare", "inträder för",
    "inträder", "anmälde förhinder", "har anmält förhinder", "anländer",
    "anmäld", "frånvarande",
    "via länk", "kom sent", "gick tidigt", "lämnade mötet",
    "som föredrog", "som föredrar", "som deltog", "som deltar", "som närvarade",
    "som närvarar",
)  # fmt: skip
"""Words that begin an attendance note after a name (``§§ 131-136``, ``deltar ej § 5
p.g.a. jäv``, ``tjänstgörande för Eva Ås (S)``)."""

ROUND_TABLE_TITLES: Final[tuple[str, ...]] = (
    "laget runt", "runda bordet", "runt bordet", "bordet runt", "rundan", "runda",
    "aktuellt från kommunerna", "aktuellt från organisationerna", "aktuellt från deltagarna",
    "information från kommunerna", "nytt från kommunerna", "nytt från deltagarna",
    "lägesrapporter", "incheckning", "check-in",
)  # fmt: skip
"""Titles of the item where each one present tells their news in turn (*Laget runt*,
*Runda bordet – läget i kommunerna*): the names leading the turns were there."""

ROUND_TABLE_ABSENCE: Final[tuple[str, ...]] = (
    "kunde inte komma", "kunde ej komma", "kunde inte delta", "kunde ej delta",
    "frånvarande", "ej närvarande", "inte närvarande", "deltog inte", "deltog ej",
    "förhinder", "var inte med", "ej med", "inte med idag", "skickat sin rapport",
    "skickade sin rapport",
)  # fmt: skip
"""Words in a round-table turn that say its person was not there."""

ABSENCE_REASONS: Final[tuple[str, ...]] = (
    "vab", "sjuk", "sjukdom", "semester", "ledig", "föräldraledig", "tjänsteresa",
    "förhinder", "anmält förhinder", "frånvarande", "annat möte", "kurs", "konferens", "resa",
    "uteblev",
)  # fmt: skip
"""Why someone was away, written in parentheses after their name (``@jonna (VAB)``): a
note, never their organisation or role."""

ATTENDANCE_NOTE_BEFORE_NUMBER: Final[tuple[str, ...]] = (
    "ärende", "ärenden", "punkt", "punkterna", "p.", "p", "från kl.", "från kl", "till kl.",
    "till kl", "kl.", "kl", "från", "till", "efter", "före", "ej", "från punkt", "till punkt",
    "under punkt", "efter punkt", "från p.", "från ärende", "kom", "kom kl.", "kom kl", "gick",
    "kom in", "kom in kl", "anslöt kl", "anslöt kl.",
    "gick kl.", "gick kl",
)  # fmt: skip
"""Words that begin an attendance note when a number or ``§`` follows (``ärende 1-20``,
``från kl. 10.30``, ``p. 6``)."""

ATTENDANCE_NOTE_FOR: Final[tuple[str, ...]] = ("för", "ers", "ers.", "ers. för", "ers för")
"""*för* (or *ers*, short for *ersättare för*) and a name: whom a substitute serves for
(``Mira Sjö (S) för Leif Ahl (S)``, ``Tomas Berglöf (M) (ers Ylva Dahl (M))``)."""

DWELLING_WORDS: Final[tuple[str, ...]] = (
    "lgh", "lgh nr", "lägenhet", "lägenhet nr", "lägenhetsnr", "bostad",
)  # fmt: skip
"""A housing cooperative's röstlängd lists each flat before its members (*lgh 1002  Kjell
Ström, Marie Ström*)."""

PRONOUNS: Final[tuple[str, ...]] = (
    "jag", "vi", "hon", "han", "hen", "de", "dom", "du", "ni", "undertecknad", "undertecknade",
)  # fmt: skip
"""Pronouns where a name would stand (*Pelle höll i mötet, jag skrev*, *Som
protokollförare tjänstgjorde undertecknad*): no one named."""

FRONTING_WORDS: Final[tuple[str, ...]] = (
    "enligt", "efter", "under", "vid", "i", "på", "till", "med", "inför", "sedan",
    "därefter", "eftersom", "när", "då", "för", "av", "om", "trots", "utan", "innan",
    "medan", "nu", "först", "slutligen", "tyvärr", "som", "liksom", "precis", "normalt",
    "vanligtvis", "oftast", "alltid", "numera", "framöver", "hädanefter",
)  # fmt: skip
"""Words that open a fronted phrase (*Enligt arbetsordningen leder värdkommunens
representant mötet och skriver minnesanteckningarna*): the verb comes second, and the
capitalised word before it is no one's name."""

ROLE_QUALIFIERS: Final[tuple[str, ...]] = (
    "vice", "1:e", "2:e", "förste", "andre", "biträdande", "tf.", "tf", "t.f.",
    "ställföreträdande", "adjungerad", "ordinarie", "sakkunnigt", "sakkunnig",
    "auktoriserad", "certifierad", "auktoriserade",
)  # fmt: skip
"""Words that qualify a role written before a name (*Revisorernas vice ordförande …*)."""

NAME_TITLES: Final[tuple[str, ...]] = (
    "dr", "dr.", "doktor", "med. dr", "med.dr", "fil. dr", "fil.dr", "prof.", "professor",
    "docent", "leg.", "leg", "leg. sjuksköterska", "leg. läkare", "leg. psykolog",
    "leg. fysioterapeut", "leg. arbetsterapeut", "leg. dietist", "leg. logoped",
    "leg. ssk", "leg.ssk", "ssk", "spec. ssk",
    # Older protocols (*Till ordförande valdes herr Arne Holm*):
    "herr", "fru", "fröken",
)  # fmt: skip
"""Titles written before a name (*dr Anders Meijer*, *Leg. psykolog Jens Ottosson*): not
part of it."""

NAME_JOINERS: Final[tuple[str, ...]] = ("och", "&", "samt", "and", "+")
"""Words between the last two names of a list (*Anna, Olle & Per*, *kalle samt Per Ek*)."""

NAME_PARTICLES: Final[tuple[str, ...]] = (
    "af", "av", "von", "van", "de", "der", "den", "la", "du", "di", "el",
)  # fmt: skip
"""Lower-case words inside a name (*Anna af Sillén*, *Jan van der Berg*)."""

ORGANISATION_FIRST_WORDS: Final[tuple[str, ...]] = ("region", "länsstyrelsen", "brf", "föreningen")
"""First words of an organisation's name (*Region Skåne*, *Länsstyrelsen i Skåne*)."""

CHAIR_ROLE: Final = "ordförande"
"""The role of whoever chairs the meeting, as :data:`ROLES` writes it."""

MEETING_CHAIR_ROLE: Final = "mötesordförande"
"""The role of whoever chairs this meeting (*mötesordf.*), apart from the organisation's
own *ordförande*."""

CHAIR_LIKE_ROLES: Final[tuple[str, ...]] = (
    "mötesordförande", "ordförande", "sammankallande", "mötesledare",
)  # fmt: skip
"""Roles in an attendance list whose holder leads the meeting (a working group's
*sammankallande* chairs it)."""

PRESENCE_VERBS: Final[tuple[str, ...]] = (
    "öppnade", "öppnar", "hälsade", "hälsar", "läste upp", "läser upp", "läste", "läser",
    "föredrog", "föredrar",
    "redogjorde", "redogör", "presenterade", "presenterar", "informerade", "informerar",
    "berättade", "berättar", "rapporterade", "rapporterar", "redovisade", "redovisar",
    "visade", "visar", "föreslog", "yrkade", "yrkar", "frågade", "frågar", "undrade", "undrar",
    "tackade", "tackar", "avslutade", "avslutar", "lyfte", "lyfter", "meddelade", "meddelar",
    "gick igenom", "går igenom", "svarade", "svarar", "kommenterade", "erbjöd sig",
    "åtog sig", "reserverade sig", "reserverar sig", "anmälde", "anmäler", "påminde",
    "påminner", "inledde", "inleder", "sammanfattade", "sammanfattar", "demonstrerade",
    "tog upp", "tar upp", "föreslår", "var med", "deltog", "närvarade", "anslöt",
    "anlände", "anländer", "anslöt sig", "lämnade mötet", "kom till mötet",
    "efterfrågar", "efterfrågade", "kompletterar", "kompletterade", "lovar", "lovade",
)  # fmt: skip
"""What someone does at the meeting (*Mattias Rönn redogjorde för …*): whoever a sentence
says did it, by full name, was there."""

DEFINITE_TITLE_ENDINGS: Final[tuple[str, ...]] = ("rn", "ren", "ären", "aren", "ern")
"""Endings of a noun in the definite form written before a name (*Revisorn Sture Hallin*,
*Motionären Nils Aronsson*): a title, not a first name."""

SECRETARY_APART_LABELS: Final[tuple[str, ...]] = ("vid protokollet",)
"""A heading block's label that sets the note-taker apart from those listed present
(*Vid protokollet* beside *Närvarande* and *Övriga deltagare*): not one of them."""

SUBSTITUTE_ROLE: Final = "ersättare"
"""The role of a substitute who served in a member's place, as :data:`ROLES` writes it."""

SECRETARY_ROLE: Final = "sekreterare"
"""The role of whoever writes the minutes, as :data:`ROLES` writes it."""

OFFICER_ROLES: Final[tuple[str, ...]] = (
    "mötesordförande",
    "ordförande",
    "sekreterare",
    "vice ordförande",
    "justerare",
)
"""Roles at the meeting itself, which win over a job title written beside them
(*Daniel Frost (projektledare, sekreterare)*)."""

FIELD_WORDS: Final[dict[str, str]] = {
    "attendees": "närvarande", "guests": "övriga deltagare", "absent": "frånvarande",
    "adjusters": "justerare",
}  # fmt: skip
"""The people fields named in Swedish, for messages."""

ORGANISATION_LINKS: Final[tuple[str, ...]] = ("från", "vid", "på")
"""Words between a person and their organisation in prose (*Göran Ahlberg från Idrottens
Distriktsförbund*)."""

GENITIVE_ENDINGS: Final[tuple[str, ...]] = ("ernas", "arnas", "ornas", "ens", "ets")
"""Endings of a body's name in the genitive before what belongs to it (*Kommunernas
ledamöter*, *Beställarens byggledare*, *Revisorernas ordförande*)."""

NOT_SECRETARY_ROLES: Final[tuple[str, ...]] = (
    "socialsekreterare", "generalsekreterare", "statssekreterare",
)  # fmt: skip
"""Offices that end in *sekreterare* and are no one's minutes: a social worker, a
federation's chief executive, a state secretary."""

OWN_GROUP_WORDS: Final[tuple[str, ...]] = (
    "gruppen", "arbetsgruppen", "styrgruppen", "nätverket", "samrådet", "rådet", "projektet",
    "referensgruppen", "samverkansgruppen",
)  # fmt: skip
"""The group itself, as a note on a listed person calls it (*Petra Lund, Tallmo kommun
(ordförande för gruppen under 2030)*): its chair chairs the meeting."""

GROUP_CHAIR_NOTES: Final[tuple[str, ...]] = (
    "ordförande för", "sammankallande för", "ordförande i", "sammankallande i",
)  # fmt: skip
"""How such a note names the group's chair, before the group (:data:`OWN_GROUP_WORDS`)."""

DEPUTY_CHAIR_ROLE: Final = "vice ordförande"
"""The deputy chair's role, as the lists give it (*v. ordf.*, *1:e vice ordförande*)."""

CHAIR_ABSENCE_PHRASES: Final[tuple[str, ...]] = (
    "i ordförandens frånvaro", "i ordförandes frånvaro", "ordföranden hade förhinder",
    "ordföranden har förhinder", "ordföranden hade anmält förhinder",
    "ordföranden har anmält förhinder", "ordföranden var frånvarande",
    "ordförande hade förhinder", "ordförande var frånvarande",
)  # fmt: skip
"""Words that say the body's chair was away (*I ordförandens frånvaro öppnade vice
ordföranden mötet och ledde det*): the one deputy listed chaired."""
