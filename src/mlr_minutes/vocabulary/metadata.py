"""Metadata labels: the keys of labelled lines and the fields they fill."""

from __future__ import annotations

from typing import Final

from .structure import LED_MEETINGS

# --- Metadata keys --------------------------------------------------------
# Each metadata field and the labels coordinators write for it.

METADATA_KEYS: Final[dict[str, tuple[str, ...]]] = {
    "date": (
        "mötesdatum", "datum", "date", "sammanträdesdatum", "dag", "sammanträdesdag",
        "när", "mötesdag", "datum och tid", "dag och tid",
        # Danish and Norwegian, as cross-border groups (Öresund, Greater Copenhagen) write:
        "dato", "mødedato", "møtedato", "dato og tid", "dato og tidspunkt",
    ),
    "place_and_time": (
        "plats och tid", "tid och plats", "plats, tid", "tid, plats", "plats & tid",
        "tid & plats", "plats/tid", "tid/plats", "när och var",
    ),
    "location": (
        "plats", "lokal", "mötesplats", "sammanträdesplats", "location", "place", "var",
        "mötesrum", "sammanträdeslokal", "mötesform",
        "sted", "mødested", "møtested", "mødelokale", "møtelokale",
    ),
    "time": ("tid", "klockslag", "mötestid", "time", "klockan", "sammanträdestid", "starttid"),
    "invited": (
        "kallade", "kallad", "grupp", "gruppmedlemmar", "projektgrupp", "projektgruppen",
        "teammedlemmar", "kallade ledamöter", "gruppen",
    ),
    "attendees": (
        "närvarande", "deltagare", "närvarande ledamöter", "ledamöter", "beslutande",
        "närvarande styrelseledamöter", "röstlängd", "närvarolista", "attendees",
        "deltagande ledamöter", "deltagande", "närvarande beslutande", "beslutande ledamöter",
        "tjänstgörande ledamöter", "tjänstgörande ersättare", "närvaro", "med på mötet",
        "på mötet", "närvarande på mötet", "på mötet deltog", "incheckade", "incheckad",
        "incheckat", "med på linjen", "med på linjen från start", "anmälda deltagare",
        "attendance", "in attendance", "attending", "presidium", "mötespresidium",
        "mötesfunktionärer", "funktionärer", "rollfördelning", "rollfördelning ikväll",
        "rollfördelning idag", "mötesroller", "dagens roller", "kvällens roller",
        "ordning idag", "talordning", "talarordning", "turordning", "turordning idag",
        "medverkande", "närvarande medlemmar", "närvarande från styrelsen",
        "ordinarie ledamöter", "närvarande styrelse", "styrelseledamöter", "present",
        "participants", "deltog", "med", "på plats", "närvarande deltagare",
        "people present", "närv", "närv.", "teamet", "i teamet", "med idag", "med i dag",
        "med var", "vi som var med", "styrgrupp", "styrgruppen", "projektgrupp", "projektgruppen",
        "projektorganisation",
        "närvarande idag", "närvarande i dag",
        "här idag", "på plats idag", "med på mötet", "närvaro idag",
        "deltagare från styrelsen", "deltagande styrelseledamöter", "röstberättigade",
        "til stede", "tilstede", "deltagere", "deltakere", "fremmødte", "mødedeltagere",
        "møtedeltakere",
        # Where they were: *Här: jonnaj, 0xfia* and *Jitsi: rymdkatt* (online).
        "här", "på distans", "distans", "digitalt", "online", "via länk", "på länk", "jitsi",
        "via jitsi", "zoom", "via zoom", "via teams", "i teams", "uppkopplade",
    ),
    "guests": (
        "övriga deltagare", "övriga närvarande", "adjungerade", "adjungerad",
        "övriga", "gäster", "gäst", "inbjudna", "guests", "tjänstemän", "tjänstepersoner",
        "övriga deltagande", "ersättare", "närvarande ersättare", "icke tjänstgörande ersättare",
        "ej tjänstgörande ersättare", "även närvarande", "dessutom närvarande",
        "närvarande tjänstepersoner", "närvarande tjänstemän", "övriga medverkande",
        "närvarande övriga", "inbjuden", "inbjudna gäster", "föredragande tjänstepersoner",
        "tjänstepersoner närvarande", "suppleanter", "suppleant", "sekretariatet", "kansliet",
        "sakkunnigt biträde", "sakkunniga biträden", "sakkunniga", "sakkunnig",
        "revisionsbiträde", "föredragande", "utan rösträtt", "närvarande utan rösträtt",
        "med yttranderätt", "närvarande med yttranderätt", "observatörer", "observatör",
    ),
    "absent": (
        "frånvarande", "anmält förhinder", "förhinder", "ej närvarande", "absent",
        "meddelat förhinder", "har meddelat förhinder",
        "frånvarande ledamöter", "anmäld frånvaro", "avbud", "frånvarande med förhinder",
        "anmält frånvaro", "frånvarande styrelseledamöter", "ej närvarande ledamöter",
        "saknades", "frånvaro", "frånv", "frånv.", "borta", "ej på plats", "kunde inte komma",
        "kunde inte", "kunde ej", "kunde inte närvara", "kunde ej närvara", "kunde inte delta",
        "kunde ej delta", "kunde ej komma", "sjuk", "sjuka", "sjukanmäld", "sjukanmälda",
        "anmälda men kom inte", "kom inte",
        "ej incheckade", "uteblev",
        "afbud", "forfald", "forfall", "fraværende", "meldt forfall", "meldt afbud",
    ),
    "secretary": (
        "vid protokollet", "sekreterare", "protokollförare", "antecknat av",
        "antecknare", "mötessekreterare", "minnesanteckningar förda av", "secretary",
        "skribent", "skribent idag", "dagens skribent", "protokoll av",
        "protokollfört av", "protokoll fört av", "noterat av", "anteckningar av",
        "antecknat", "anteckningar förda av", "skrivet av", "sekr", "sekr.",
        "protokollet fördes av", "notetaker", "protokollförande", "antecknade",
        "sekreterare för mötet", "mötets sekreterare", "vid anteckningarna",
        "vid tangentbordet", "anteckningar", "antecknat för", "anteckningsförare",
        "note taker", "notes", "minutes", "scribe", "referent", "sekreterare vid mötet",
        "vid pennan", "sekreterare idag", "antecknare idag", "dagens sekreterare",
        "dokumentation", "dokumenterar", "dokumentatör", "ansvarig för minnesanteckningar",
        "skrivare", "skrivare idag", "vid sammanträdet tjänstgjorde som sekreterare",
        "handläggare/protokoll", "protokoll/handläggare", "prot.förare", "prot. förare",
        "protokollförande sekreterare", "upprättad av", "upprättat av", "protokollet upprättat av",
        "sammanställd av", "sammanställt av", "sammanställda av", "stämmosekreterare",
        "sekr. för sammanträdet", "årsmötessekreterare", "skriver idag", "sekretariat",
        "sekreterarskap",
        "antecknar idag", "antecknar",
        "som sekreterare tjänstgjorde",
        "ansvarig för anteckningar", "note-taker", "notetaker", "vid anteckningarna",
        "anteckningar förda av", "antecknat av:", "sekreterare för mötet",
        "protokollförd av",
        "anteckningar fördes av", "sekreterare för dagen", "minutes taken by",
        "referat", "sekretær", "protokolfører", "protokollfører", "referatskriver",
        "minute taker", "minute-taker", "minutes taker", "taking minutes",
        "recorder", "recorded by", "minutes by", "notes by", "minutes recorded by",
        "rapporteur", "anteckningsansvarig", "ansvarig för anteckningarna", "protokollföring",
        "protokollskrivare", "underskrift sekreterare", "sekreterarens underskrift",
        "sekreterare vid sammanträdet",
        "sammanträdets sekreterare", "årsmötets sekreterare", "stämmans sekreterare",
        "vid datorn", "vid datorn idag",
        "dokumenterat av", "protokollansvarig", "kvällens sekreterare", "kvällens antecknare",
        "vid tangenterna", "protokollet uppgjort av", "uppgjort av", "anteckn.", "anteckn",
    ),
    "chair": (
        "ordförande", "mötesordförande", "chair", "ordf", "ordf.", "ordförande för mötet",
        "mötesledare", "moderator", "facilitator", "mötets ordförande", "mötesägare",
        "chairman", "chairperson", "ordföranden",
        "ordförande vid mötet", "sammankallande", "lett av", "mötet lett av", "leds av",
        "mötesledning", "ordförande idag", "facilitator idag", "mötesledare idag",
        "ordförande för sammanträdet", "dagens ordförande", "ordförande för dagen",
        "mötesordf", "mötesordf.", "chairperson", "samtalsledare", "leder mötet",
        "standup-ansvarig", "veckans standup-ansvarig", "mötesansvarig", "dagens mötesledare",
        "host", "värd", "mötesvärd", "processledare", "mötesledare i ordförandens frånvaro",
        "dagens facilitator", "talperson", "talman", "mötets talperson",
        "vid sammanträdet tjänstgjorde som ordförande", "som ordförande tjänstgjorde",
        "sammankallande lekmannarevisor", "sammankallande revisor",
        "klubban",
        "tf. ordförande", "tf ordförande", "t.f. ordförande", "tillförordnad ordförande",
        "leder denna sprint", "leder denna vecka", "leder veckan", "leder sprinten",
        "scrum master", "scrummaster", "leder daily",
        "stämmoordförande", "sammanträdesledare", "ordf. för sammanträdet", "ordf. för mötet",
        "ordförandeskap", "ordförandeskapet",
        "kvällens ordförande", "kvällens mötesordförande", "kvällens mötesledare",
        "sammankallare", "medordförande", "medordförande idag",
        "meeting lead", "meeting leader", "meeting chair", "chaired by", "chair of the meeting",
        # ``**Håller i retron:** Linnea``: who leads it, as a label.
        *(f"{verb} {led}" for verb in ("håller i", "leder") for led in LED_MEETINGS),
        "ordförande vid sammanträdet", "underskrift ordförande", "ordförandens underskrift",
        "sammanträdets ordförande", "årsmötets ordförande", "stämmans ordförande",
        "ordf för sammanträdet", "årsmötesordförande", "stämmans ordförande",
        "faciliterade", "faciliterar", "faciliterat av", "faciliteras av", "håller i",
        "höll i", "håller i mötet", "höll i mötet", "leder", "ledde",
        "mødeleder", "møteleder", "møteleiar", "ordstyrer", "dirigent", "mødets formand",
    ),
    "adjusters": (
        "underskrift justerare", "justerarens underskrift",
        "justerare", "justeras", "justeringsperson", "justeringspersoner", "justerat",
        "utses att justera", "utsedd att justera", "utsedda att justera", "att justera",
        "protokolljusterare", "justerande", "justeras av", "justerad av", "justerade",
        "justeringsman", "justeringsmän", "just", "just.", "justeringsperson(er)",
    ),
    "body": ("organ", "mötestyp", "möte", "body", "mötesform typ"),
    "organisation": ("organisation", "förening", "organisation"),
    "document_type": ("dokumenttyp", "typ", "document_type"),
    "title": ("titel", "rubrik", "title"),
    "ignored": (
        "paragrafer", "paragraf", "justeringens plats och tid", "justeringens plats och datum",
        # Who gets a copy: not at the meeting.
        "kopia för kännedom", "för kännedom", "kopia till", "sändlista", "utskick till",
        "justeringsdatum", "tid för justering", "datum för justering", "justering",
        "datum för anslags uppsättande", "datum för anslags nedtagande",
        "datum då anslaget sätts upp", "datum då anslaget tas ned", "anslaget sätts upp",
        "anslaget tas ned", "förvaringsplats för protokollet", "förvaringsplats",
        "underskrifter", "underskrift", "utdragsbestyrkande", "anslag/bevis", "anslagsbevis",
        "org.nr", "organisationsnummer", "org nr", "diarienummer", "dnr", "protokoll nr",
        "protokollnummer", "sida", "bilagor", "bilaga", "kallelse",
        "version", "status", "senast uppdaterad", "uppdaterad", "författare", "skapad",
        "datum då anslaget sätts upp", "datum då anslaget tas ned", "exp", "expedieras",
        "reservation", "protokollsanteckning", "beslutet skickas till", "justerandes sign",
    ),
}  # fmt: skip
"""Metadata field → the labels that introduce it (``Närvarande<TAB>…``, ``**Datum:**``).
Labels under ``ignored`` are metadata a reader skips (*Justeringens plats och tid*,
*Paragrafer*, *Anslag/bevis*): known, so that their dates and names are never taken
for the meeting's."""

LIST_ROLES: Final[dict[str, str]] = {
    "tjänstgörande ersättare": "ersättare", "ersättare": "ersättare",
    "närvarande ersättare": "ersättare", "icke tjänstgörande ersättare": "ersättare",
    "ej tjänstgörande ersättare": "ersättare", "suppleanter": "ersättare",
    "suppleant": "ersättare",
}  # fmt: skip
"""Labels that give everyone listed under them a role (*Tjänstgörande ersättare*)."""

ATTENDANCE_ITEM_TITLES: Final[tuple[str, ...]] = (
    "närvaro", "närvarande", "närvarolista", "röstlängd", "fastställande av röstlängd",
    "fastställande av röstlängden", "justering av röstlängd", "justering av röstlängden",
    "upprop", "närvarokontroll", "deltagare", "närvaro och röstlängd", "mötets deltagare",
    "upprättande av röstlängd", "godkännande av röstlängd", "tillkännagivande av röstlängd",
    "fastställande av närvaro", "justering av närvaro",
)  # fmt: skip
"""Item titles whose text lists who was there (*§ 2 Fastställande av röstlängd*)."""

ATTENDANCE_PROSE: Final[tuple[str, ...]] = (
    "närvarande var", "närvarande är", "närvarande vid mötet var", "närvarande på mötet var",
    "på mötet deltog", "vid mötet deltog", "i mötet deltog", "deltog gjorde",
    "närvarade gjorde", "med på mötet var", "med på mötet:", "närvarande:",
    "vid mötet närvarade", "mötet närvarades av", "på plats var", "närvarande var också",
    "vi var:", "vi var", "dessutom närvarade", "närvarade även", "närvarade också",
    "även närvarande var", "deltog även", "dessutom deltog", "närvarande var även", "deltog",
    "närvarade", "därutöver deltog", "bland de närvarande fanns",
    "bland de närvarande fanns utöver ovan nämnda", "bland de närvarande märktes",
    "närvarande ledamöter:", "närvarande medlemmar:", "närvarande styrelseledamöter:",
)  # fmt: skip
"""Phrases in prose that a list of those present follows (*Närvarande var kalle, stina
samt Per Ek.*)."""

ATTENDANCE_PROSE_AFTER_NAMES: Final[tuple[str, ...]] = (
    "befinns närvarande", "befanns närvarande", "befinnes närvarande", "befunnos närvarande",
    "antecknades som närvarande", "noterades som närvarande",
)  # fmt: skip
"""Phrases in prose that follow the list of those present (*knut, stellan och jonte befinns
närvarande med medlemsavgift betald*)."""

PEOPLE_REFERENCES: Final[tuple[str, ...]] = (
    "se bilaga", "enligt bilaga", "se närvarolista", "enligt närvarolista", "se nedan",
    "se lista", "se separat", "enligt bifogad", "se bifogad", "bifogad lista", "se sid",
    "se sidan", "enligt lista", "se protokollets", "se särskild", "se närvaro- och",
    "enligt närvaro- och", "se voteringslista", "se närvaroförteckning",
    # Any pointer: *se deltagarlista sist i dokumentet*, *enligt upprop*, *jfr bilaga*.
    "se", "enligt", "enl.", "jfr", "see",
)  # fmt: skip
"""Values that point to a list elsewhere instead of naming anyone (*Se närvarolista sid 2*)."""

LABEL_PREFIXES: Final[dict[str, str]] = {
    "deltog ej": "absent", "deltog inte": "absent", "närvarade ej": "absent",
    "närvarande ": "attendees", "deltagande ": "attendees", "frånvarande ": "absent",
    "deltog ": "attendees",
    "medverkande ": "attendees", "deltog under ": "attendees", "deltagare ": "attendees",
    "present ": "attendees", "attendees ": "attendees",
    "från ": "attendees", "deltog från ": "attendees", "närvarande från ": "attendees",
    "justeringens ": "ignored", "datum då anslaget": "ignored",
    "följande var närvarande": "attendees", "följande närvarade": "attendees",
    "kallade men ej": "absent", "kallade men inte": "absent", "ej närvarande": "absent",
    "datum för anslag": "ignored", "anslaget ": "ignored",
}  # fmt: skip
"""Label beginnings that decide the field whatever follows (*Närvarande röstberättigade
medlemmar*, *Justeringens plats och tid*)."""

PRESENT_LABEL_ENDINGS: Final[tuple[str, ...]] = (
    " som närvarade", " som deltog", " som var närvarande", " som var med",
    " var närvarande", " närvarande", " närvarade", " deltog",
)  # fmt: skip
"""Label endings that make the list those present, whoever they are (*Föreningsmedlemmar
som närvarade*, *Ledamöter närvarande*, *Följande medlemmar var närvarande*)."""

ABSENCE_WORDS: Final[tuple[str, ...]] = ("ej", "inte", "icke", "ej var", "inte var")
"""Words that turn a label of those present into one of those away (*Ledamöter ej
närvarande*)."""

NOBODY_VALUES: Final[tuple[str, ...]] = (
    "ingen", "inga", "-", "–", "—", "ej aktuellt", "saknas", "inga närvarande", "nej", "vakant",
    "vakans",
)  # fmt: skip
"""Values that say nobody is listed (*Tjänstgörande ersättare: ingen.*)."""

PRESENT_ANSWERS: Final[tuple[str, ...]] = (
    "x", "ja", "yes", "✓", "✔", "närvarande", "närv", "teams", "zoom", "plats", "på plats",
    "digitalt", "distans", "på distans", "online", "jitsi", "meet", "deltog",
)  # fmt: skip
"""Answers in an attendance table's presence column that say someone was there."""

ABSENT_ANSWERS: Final[tuple[str, ...]] = (
    "nej", "no", "-", "–", "—", "frånvarande", "förhinder", "anmält förhinder", "ej närvarande",
    "sjuk", "avbud", "frånv", "avsagt", "avsagt sig", "vakant",
)  # fmt: skip
"""Answers in an attendance table's presence column that say someone was away."""

ABSENT_NOTE: Final = "frånvarande"
"""Written after the name of someone a presence grid leaves unmarked, so that the
attendance reader reads them as away (:mod:`mlr_minutes.parse.presence_grid`)."""

OFFICER_TIME_QUALIFIERS: Final[tuple[str, ...]] = (
    "denna vecka", "den här veckan", "denna gång", "den här gången", "idag", "i dag",
    "för dagen", "för mötet", "för kvällen", "vid mötet", "this week", "today", "denna sprint",
    "den här sprinten", "för sprinten", "nu",
)  # fmt: skip
"""Words after an officer's label saying the office is for this meeting only (*Ordf. denna
vecka: Ebba*, *Sekreterare för kvällen:*, *Ordförande är nu @arvid*): still that label."""

GROUP_NOUN_KEYS: Final[tuple[str, ...]] = (
    "styrgrupp", "styrgruppen", "projektgrupp", "projektgruppen", "projektorganisation",
    "teamet", "gruppen", "grupp", "presidium", "mötespresidium", "funktionärer",
    "mötesfunktionärer",
)  # fmt: skip
"""Labels of a list of people that are also a group's name: with a colon a label
(*Styrgrupp: Anna, Olle*), without one the start of a title (*Styrgrupp Nya skolan*)."""

OFFICER_LABEL_QUALIFIERS: Final[tuple[str, ...]] = (
    "via", "direkt i", "direkt på", "förs av", "fördes av", "skrivs av", "skrevs av",
    "tas av", "togs av", "leds av", "leddes av",
)  # fmt: skip
"""Openings of a few words after an officer's label saying how or by whom (*Anteckningar
direkt i presentationen: Oskar*, *Anteckningar förs av: Lisa*): still that label.  Never a
bare *i* or *på*: *Ordförande i styrelsen* is an office of the organisation."""

ALL_BUT: Final[tuple[str, ...]] = (
    "alla utom", "alla förutom", "samtliga utom", "samtliga förutom", "alla närvarande utom",
    "samtliga ledamöter utom", "hela gruppen utom", "alla ledamöter utom", "everyone except",
    "all except", "samtliga kallade utom", "alla kallade utom", "samtliga kallade förutom",
    "alla kallade förutom",
)  # fmt: skip
"""*Närvarande: alla utom Farid (VAB)*: everyone but those named came; those named are
absent."""

EVERYONE: Final[tuple[str, ...]] = (
    "alla", "samtliga", "alla kallade", "samtliga kallade", "alla närvarande", "hela gruppen",
    "samtliga ledamöter", "alla ledamöter", "alla medlemmar", "samtliga medlemmar",
    "everyone", "all", "alla i gruppen", "hela styrelsen", "hela teamet",
)  # fmt: skip
"""*Närvarande: alla*: everyone called came (the list of those called says who)."""

PRESENT_MARKS: Final[tuple[str, ...]] = (
    "✅", "✔️", "✔", "☑️", "☑", "✓", "🟢", "🖥️", "🖥", "💻", "📞", "⏰", "🕐", "👋", "🙋",
    "[x]", "[X]", "(x)",
)  # fmt: skip
"""Marks before a name in a list of those invited that say the person was there (on
site, online, late): ``✅ Amira Khalil``, ``🖥️ @datadjur``, ``⏰ Tilde Nyqvist``."""

ABSENT_MARKS: Final[tuple[str, ...]] = (
    "❌", "✖️", "✖", "✗", "🔴", "⛔", "[ ]", "( )", "[o]", "[-]", "[–]", "☐", "⬜",
)  # fmt: skip
"""Marks before a name in such a list that say the person was away: ``❌ Oliver Bäck``."""

TABLE_NAME_HEADERS: Final[tuple[str, ...]] = (
    "namn", "name", "person", "ledamot", "ledamöter", "deltagare", "ersättare", "medlem",
)  # fmt: skip
"""Headers of an attendance table's name column."""

TABLE_PARTY_HEADERS: Final[tuple[str, ...]] = ("parti", "party")
"""Headers of an attendance table's party column."""

TABLE_ORGANISATION_HEADERS: Final[tuple[str, ...]] = (
    "organisation", "myndighet", "kommun", "förvaltning", "företag", "representerar",
)  # fmt: skip
"""Headers of an attendance table's organisation column."""

FLATTENED_LIST_LABELS: Final[tuple[str, ...]] = (
    "Beslutande", "Närvarande", "Ledamöter", "Ersättare", "Deltagare", "Övriga deltagare",
    "Tjänstgörande", "Sekreterare", "Underskrifter",
)  # fmt: skip
"""Labels of which a page flattened into one line names at least one (as written there,
capitalised): the first thing the reader looks for in a long line.  The signature page
too (``Underskrifter Sekreterare Nils Ahlin Ordförande Karolina Berg Justerare …``)."""

TABLE_INITIALS_HEADERS: Final[tuple[str, ...]] = (
    "sign.", "sign", "initialer", "förk.", "förk", "nick", "nickname", "alias", "handle",
    "smeknamn", "användarnamn", "användare",
)  # fmt: skip
"""Headers of an attendance table's column of initials (*Sign.*) or nicknames (*nick*), the
name the minutes call each person by, before the names."""

TABLE_ROLE_HEADERS: Final[tuple[str, ...]] = (
    "roll", "funktion", "uppdrag", "befattning", "titel",
)  # fmt: skip
"""Headers of an attendance table's role column (*sammankallande*, *sekr.*)."""

COMMENT_ORIGIN: Final = "kommentar"
"""What metadata written in an HTML comment is called in messages (beside *front
matter*)."""

TABLE_NOTE_HEADERS: Final[tuple[str, ...]] = (
    "anteckningar", "anteckning", "anmärkning", "anmärkningar", "noteringar", "notering",
    "kommentar", "kommentarer",
)  # fmt: skip
"""Headers of a register's column of notes on each person (*Ordförande*, *tjg för Kent
Lindgren*, *§§ 143–147*): what it says goes with the person, as a role column's cell does."""

OFFICER_VALUE_CARRIERS: Final[tuple[str, ...]] = ("av", "genom", "anteckningar")
"""Words after which an officer label's longer value names the person (*Sekretariat:
Kartverket – anteckningar Olof Ström*, *Protokoll: skrivs … av @tor-h*)."""

SECRETARY_COLON_KEYS: Final[tuple[str, ...]] = (
    "anteckningar", "antecknare", "minutes", "notes", "noter", "anteckningar av", "protokoll",
    "pennan", "sekretariat", "sekreterarskap", "skriver",
)  # fmt: skip
"""Labels of the note-taker only with a colon and a name (*Anteckningar: @sofie-dev*);
alone, ``## Anteckningar`` heads the notes themselves."""

ABSENT_ANSWER_STEMS: Final[tuple[str, ...]] = ("förhinder", "frånv", "sjuk")
"""Word parts of an attendance table's answer that say someone was away."""

GUEST_ANSWER_STEMS: Final[tuple[str, ...]] = ("adjung", "gäst")
"""Word parts of an attendance table's answer that make someone a guest."""

TABLE_SUBSTITUTE_HEADERS: Final[tuple[str, ...]] = (
    "tjänstgörande ersättare", "tjg ersättare", "tjg. ersättare", "ersätts av", "ersättare",
)  # fmt: skip
"""Headers of a register's column naming who served in a member's place (``Britt Ljung (S)
-   Rolf Åkesson (S)``): that person was there."""

TABLE_PRESENCE_HEADERS: Final[tuple[str, ...]] = (
    "närvaro", "närvarande", "status", "närv", "var", "där", "deltog", "present",
)  # fmt: skip
"""Headers of an attendance table's presence column."""

SIGNING_ROLE_LABELS: Final[tuple[str, ...]] = (
    "roll", "role", "signerar som", "undertecknar som", "signerat som", "undertecknat som",
)  # fmt: skip
"""Labels of an e-signing service's verification page, each signer's role under their
name (*Jonas Dahl (JD)* / *Lindviks kommun* / *Roll: Sekreterare* / *Signerade …*)."""
