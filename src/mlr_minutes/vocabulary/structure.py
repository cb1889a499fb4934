"""Headings and the words that shape the outline."""

from __future__ import annotations

from typing import Final

# --- Headings -------------------------------------------------------------

DECISION_HEADINGS: Final[tuple[str, ...]] = (
    "beslut", "beslutet", "besluten", "beslutspunkter", "fattade beslut", "beslut i korthet",
    "sammanfattning av beslut", "mötet beslutade", "decisions", "vad vi bestämde",
    "vad vi beslutade", "vi bestämde", "vi beslutade", "överenskommelser",
    "beslut och överenskommelser", "beslutat", "beslutade frågor", "decisions made",
    "beslut från mötet",
)  # fmt: skip
"""Headings (or bold labels) above a list of the meeting's decisions."""

ACTION_HEADINGS: Final[tuple[str, ...]] = (
    "åtgärder", "åtgärd", "åtgärdslista", "att göra", "actionpoints", "action points",
    "actions", "uppdrag", "till nästa möte", "att göra till nästa möte", "uppföljning",
    "todo", "att-göra",
    # The last meeting's tasks followed up (FOLLOW_UP_HEADINGS):
    "uppföljning från förra mötet", "uppföljning från föregående möte", "förra mötets punkter",
    "förra mötets åtgärder", "föregående mötes åtgärder", "uppföljning av åtgärder",
    "uppföljning av förra mötets åtgärder", "uppföljning av åtgärdslistan",
)  # fmt: skip
"""Headings above a list of action items."""

FOLLOW_UP_HEADINGS: Final[tuple[str, ...]] = ACTION_HEADINGS[-8:]
"""Headings above the last meeting's tasks, each with how far it got: a bullet that
names no one and is not done is a status (*Rutinen har ännu inte reviderats*)."""

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
    "election of the chairman", "election of chairman", "election of the chair",
    "election of chair", "election of the chairperson", "election of a chair",
    "election of meeting chair", "election of the meeting chair",
    # An association's first items naming the day's officers (*§ 1 Ordförande vid dagens
    # möte* / *Ida Ek.*):
    "ordförande vid dagens möte", "ordförande för dagens möte", "ordförande vid mötet",
    "mötesordförande", "val av mötets ordförande",
)  # fmt: skip
"""Agenda item titles whose text names the meeting's chair."""

OFFICE_TAKEOVER_VERBS: Final[tuple[str, ...]] = (
    "tar över", "tog över", "går in", "gick in", "träder in", "trädde in", "tar över rollen",
    "takes over", "took over",
)  # fmt: skip
"""Verbs before *som mötesordförande* that hand the office over during the meeting
(*Sanna Åkerlund tar över som mötesordförande*): who chaired from the start chaired it."""

ANOTHER_MEETINGS_OFFICE: Final[tuple[str, ...]] = (
    "till nästa möte", "för nästa möte", "vid nästa möte", "på nästa möte", "inför nästa möte",
    "till nästa sammanträde", "för nästa sammanträde", "för mötet den", "till mötet den",
    "för mötet i", "för nästkommande möte", "för kommande möte", "för nästa år",
    "for the next meeting", "for next meeting", "nästa vecka", "next week",
    "till nästa gång", "för nästa gång", "morgondagens", "nästa veckas", "tomorrow's",
)  # fmt: skip
"""What after an office makes it another meeting's (*att välja Marie Lindh till
mötesordförande för mötet den 9 juni*, *Val av ordförandereserv till nästa möte*): not
who chairs or writes this one."""

SECRETARY_ELECTION_TITLES: Final[tuple[str, ...]] = (
    "val av mötessekreterare", "val av sekreterare", "val av protokollförare",
    "val av sekreterare för mötet",
    "election of the secretary", "election of secretary", "election of a secretary",
    "election of the minute taker", "election of minute taker", "election of meeting secretary",
    "sekreterare vid dagens möte", "sekreterare för dagens möte", "sekreterare vid mötet",
    "mötessekreterare", "protokollförare", "val av mötets sekreterare",
)  # fmt: skip
"""Agenda item titles whose text names the meeting's secretary."""

ADJUSTER_ELECTION_TITLES: Final[tuple[str, ...]] = (
    "val av justerare", "val av justeringsperson", "val av justeringspersoner",
    "val av protokolljusterare", "val av två justerare",
    "election of the witnesses", "election of witnesses", "election of adjusters",
    "election of two adjusters", "election of minute checkers",
)  # fmt: skip
"""Agenda item titles whose text names who checks the minutes."""

ATTACHMENT_WORDS: Final[tuple[str, ...]] = ("bilaga", "bilagor", "bifogas", "bilaga bifogas")
"""Words that mark an attachment note in an item heading."""

# --- Page furniture -----------------------------------------------------------

PAGE_WORDS: Final[tuple[str, ...]] = ("sida", "sid", "s.", "page")
"""Words before a page number on its own line (``Sida 2 av 5``)."""

PAGE_FURNITURE: Final[tuple[str, ...]] = (
    "justerandes sign", "justerandes signatur", "justerares signatur", "utdragsbestyrkande",
    "sammanträdesdatum", "sammanträdets datum", "paragrafer", "sign",
)  # fmt: skip
"""Words of a printed page's header or footer, repeated on every page of a protocol."""

SIGNATURE_PHRASES: Final[tuple[str, ...]] = (
    "signerat av", "signerad av", "signerades av", "digitalt signerad", "signerat digitalt",
    "detta dokument har signerats", "dokumentet har signerats", "elektroniskt signerad",
    "e-signerat", "e-signerad", "signed by", "justerandes signatur", "justerandes sign",
    "utdragsbestyrkande", "transaktion", "verifiering:",
)  # fmt: skip
"""How the stamps of a signing service begin (*Signerat av Anna Berg 2023-03-20 10:14*)."""

TABLE_OF_CONTENTS_HEADINGS: Final[tuple[str, ...]] = (
    "innehåll", "innehållsförteckning", "ärendeförteckning", "ärendelista", "innehåll:",
)  # fmt: skip
"""Headings above a protocol's table of contents."""

# --- Labels on a line of their own --------------------------------------------------

ACTION_SECTION_PREFIXES: Final[tuple[str, ...]] = (
    "åtgärder", "åtgärdslista", "att göra", "att-göra", "actionpoints", "action points",
    "action items", "todo", "to do", "to-do", "uppgifter",
)  # fmt: skip
"""Action headings that may carry a qualifier: *Actionpoints inför nästa möte*,
*Åtgärder och beslut*, *Att göra till nästa gång*."""

DECISION_LABEL_LINES: Final[tuple[str, ...]] = (
    "beslut", "beslutet", "överenskommelse", "överenskommet", "mötets beslut", "beslut i ärendet",
    "beslutades", "beslöts", "decision",
)  # fmt: skip
"""A label alone on its line with the decision in the paragraph below (*Beslut*), as
municipal protocols write it; ``Kommunstyrelsens beslut`` (a genitive and *beslut*) too."""

CONTEXT_LABELS: Final[tuple[str, ...]] = (
    "ärendebeskrivning", "ärendet", "sammanfattning", "sammanfattning av ärendet", "bakgrund",
    "beslutsunderlag", "underlag", "handlingar", "förslag till beslut", "beslutsförslag",
    "förvaltningens förslag till beslut", "arbetsutskottets förslag till beslut",
    "yrkande", "yrkanden", "beslutsgång", "propositionsordning", "proposition", "omröstning",
    "omröstningsresultat", "reservation", "reservationer", "protokollsanteckning",
    "protokollsanteckningar", "särskilt yttrande", "beslutet skickas till",
    "beslutet ska skickas till", "expedieras till", "skickas till", "expediering", "jäv",
    "ekonomiska konsekvenser", "föredragande", "föredragning", "motivering", "yttrande",
)  # fmt: skip
"""Labels of a matter's background and decision procedure (*Ärendebeskrivning*,
*Beslutsunderlag*, *Yrkanden*, *Beslutsgång*, *Beslutet skickas till*): what stands under
them explains or records the procedure and is never itself a decision or an action."""

DIARY_NUMBER_WORDS: Final[tuple[str, ...]] = (
    "dnr", "diarienummer", "diarienr", "diarie nr", "ärendenummer", "ärendenr", "dnr.",
)  # fmt: skip
"""Words before a matter's diary number (``Dnr KS 2023/145``)."""

INTERNAL_SECTION: Final[str] = "internt"
"""The name of a fenced section kept off the public site (``::: internt`` … ``:::``)."""

# --- The meeting's officers ---------------------------------------------------------

OFFICER_WORDS: Final[dict[str, tuple[str, ...]]] = {
    "chair": (
        "mötesordförande", "ordförande för mötet", "ordförande för dagens möte",
        "mötets ordförande", "ordförande vid mötet", "ordförande för årsmötet",
        "ordförande för stämman", "ordförande vid stämman", "ordförande för sammanträdet",
        "att leda mötet", "att leda dagens möte", "mötesledare", "ordförande för föreningsstämman",
        "ordförande för medlemsmötet", "stämmoordförande", "mötesunderlättare", "facilitator",
        "att leda stämman", "att leda årsmötet", "att leda förhandlingarna",
        "att leda dagens förhandlingar", "att leda mötets förhandlingar",
        "att leda dagens sammanträde", "att leda årsmötets förhandlingar",
        "att leda stämmans förhandlingar", "att leda mötesförhandlingarna",
        "chair of the meeting", "chairman of the meeting", "chairperson of the meeting",
        "meeting chair", "chair for the meeting", "chairman for the meeting",
    ),
    "secretary": (
        "mötessekreterare", "sekreterare för mötet", "mötets sekreterare", "sekreterare vid mötet",
        "sekreterare för årsmötet", "sekreterare för stämman", "sekreterare vid stämman",
        "protokollförare", "att föra protokollet", "att föra mötets protokoll",
        "att föra dagens protokoll", "sekreterare för sammanträdet", "sekreterare för medlemsmötet",
        "sekreterare för föreningsstämman", "stämmosekreterare", "att föra stämmans protokoll",
        "att föra årsmötets protokoll", "att skriva protokoll", "att skriva protokollet",
        "att skriva dagens protokoll", "att föra anteckningar",
        "secretary of the meeting", "secretary for the meeting", "meeting secretary",
        "minute taker",
    ),
    "adjusters": (
        "justerare", "justeringspersoner", "justeringsperson", "protokolljusterare",
        "justeringsmän", "justeringsman", "att justera protokollet", "att justera dagens protokoll",
        "att jämte ordföranden justera protokollet", "att jämte ordförande justera protokollet",
        "att justera mötets protokoll", "att jämte mötesordföranden justera protokollet",
    ),
}  # fmt: skip
"""How an election names the meeting's own officers (*Till mötesordförande valdes …*,
*… valdes att jämte ordföranden justera protokollet*)."""

PLAIN_OFFICER_WORDS: Final[dict[str, tuple[str, ...]]] = {
    "chair": ("ordförande",), "secretary": ("sekreterare",),
}  # fmt: skip
"""The plain words, read as the meeting's officers only in an item about electing them
(*§ 2 Val av mötesfunktionärer*: *Till ordförande valdes …*)."""

OFFICER_ITEM_WORDS: Final[tuple[str, ...]] = (
    "möte", "funktionär", "sammanträd", "stämma", "sekreterare", "justerare", "mötesledare",
    "formalia",
)  # fmt: skip
"""Words of an item title about the meeting's own officers (*Val av mötesfunktionärer*,
*Sekreterare och justerare*)."""

MEETING_SUBJECTS: Final[tuple[str, ...]] = (
    "mötet", "årsmötet", "stämman", "föreningsstämman", "årsstämman", "medlemsmötet",
    "sektionsmötet", "sammanträdet", "vårmötet", "höstmötet",
)  # fmt: skip
"""The meeting itself as a sentence's subject: *Mötet valde Johan Berg till ordförande*
elects the meeting's own chair, whatever the item is called."""

BOARD_ITEM_WORDS: Final[tuple[str, ...]] = ("förening", "styrelse", "mandat", "år")
"""Words of an item title about electing the organisation's board, not the meeting's
officers (*Val av ordförande för föreningen*)."""

ELECTION_VERBS: Final[tuple[str, ...]] = (
    "valdes", "väljs", "utsågs", "utses", "valde", "utsåg", "väljer", "utser", "omvaldes", "blev",
    "anmälde", "anmäler", "utsett", "utsetts", "välja", "utse",
    "was elected", "were elected", "elected", "was chosen",
)  # fmt: skip
"""Verbs of an election in minutes."""

ELECTION_ADVERBS: Final[tuple[str, ...]] = (
    "enhälligt", "enigt", "med acklamation", "per acklamation", "också", "även", "åter", "in",
    "därefter", "sedan", "i stället", "istället", "dessutom", "enhälligt och med acklamation",
    "unanimously",
)  # fmt: skip
"""Words between an election's verb and what follows (*valdes enhälligt till …*): never
a name."""

OPENING_PHRASES: Final[tuple[str, ...]] = (
    "öppnade mötet", "öppnar mötet", "förklarade mötet öppnat", "förklarar mötet öppnat",
    "förklarade sammanträdet öppnat", "förklarar sammanträdet öppnat", "öppnade sammanträdet",
    "öppnar sammanträdet", "öppnade årsmötet", "öppnar årsmötet", "öppnade stämman",
    "öppnar stämman", "förklarade årsmötet öppnat", "förklarade stämman öppnad",
    "förklarar stämman öppnad", "öppnade dagens möte", "hälsade välkomna och öppnade",
    "hälsade alla välkomna och öppnade", "hälsade välkommen och öppnade",
)  # fmt: skip
"""What the chair does first (*Anna Berg öppnade mötet*): the opener chairs the meeting."""

OPENED_MEETING_NOUNS: Final[tuple[str, ...]] = (
    "mötet", "sammanträdet", "stämman", "träffen", "mötesförhandlingarna",
)  # fmt: skip
"""What the opener opens, alone or ending a compound (*förklarar styrgruppsmötet för
öppnat*, *öppnade föreningsstämman*)."""

OPENER_GREETINGS: Final[tuple[str, ...]] = ("hälsar", "hälsade", "välkomnar", "välkomnade")
"""What the opener does before opening (*Eva Marklund hälsar alla välkomna och förklarar
mötet öppnat*): the name stands before it."""

OPENING_VERBS: Final[tuple[str, ...]] = ("öppnade", "öppnar")
"""The opener's verb before what it opens (*öppnade styrelsemötet*)."""

OPENED_STATES: Final[tuple[str, ...]] = (
    "öppnat", "öppnad", "öppnade", "för öppnat", "för öppnad", "för öppnade",
)  # fmt: skip
"""The state a meeting is declared in when opened (*förklarade mötet för öppnat*)."""

LED_MEETINGS: Final[tuple[str, ...]] = (
    "avstämningen", "dagens avstämning", "samtalet", "workshopen", "dagens workshop",
    "seminariet", "sittningen", "retron", "retrospektivet", "planeringen", "sprintplaneringen",
    "veckomötet", "nätverksträffen", "styrgruppsmötet", "styrelsemötet", "årsmötet",
    "dagarna", "de två dagarna", "båda dagarna", "kvällen", "eftermiddagen", "förmiddagen",
    "konferensen", "internatet", "utbildningsdagen", "planeringsdagen", "dialogmötet",
    "samrådet", "samrådsmötet", "arbetsmötet", "uppstartsmötet", "uppföljningsmötet",
    "dailyn", "standupen", "stand-upen", "morgonmötet", "avstämningsmötet",
)  # fmt: skip
"""What a meeting is called when someone led it (*ledde avstämningen*, *höll i retron*):
each with each verb of :data:`LEADING_VERBS` is one more of the chair's phrases."""

OFFICER_PROSE_NAME_AFTER: Final[dict[str, tuple[str, ...]]] = {
    "chair": (
        "mötet leddes av", "leddes mötet av", "leds mötet av", "leddes av",
        "mötet leddes därför av", "mötet leddes denna gång av", "mötet leddes i år av",
        "leddes och dokumenterades av", "leddes och dokumenterades därför av",
        "leddes därför av", "ordet fördes av", "ordet fördes av ordföranden",
        # ``Då ordföranden har förhinder leder vice ordföranden X dagens sammanträde``:
        "leder vice ordföranden", "leder vice ordförande", "leder 1:e vice ordföranden",
        "leder förste vice ordföranden",
        "under ledning av", "hölls under ledning av",
        "mötesordförande var", "ordförande för mötet var",
        "mötesledare var", "mötet leds av", "ordförande vid mötet var", "mötet lett av",
        "lett av", "som ordförande fungerade", "som mötesordförande fungerade",
        "över klubban till", "lämnade över ordförandeskapet till",
        "the chair is", "meeting chaired by", "körd av", "kördes av", "hölls av",
        "mötesledare:", "mötesordförande:", "dagens facilitator:", "dagens mötesledare:",
        "dagens facilitator enligt rotationen:", "dagens facilitator enligt schemat:",
        "mötesordföranden",
        "facilitator:", "samtalsledare:",
        "ordförande är", "ordförande var", "mötesordförande är", "ordförande idag är",
        "dagens ordförande är", "mötesledare är", "möte startat av", "mötet startades av",
        "meeting started by", "the chair was", "ordförande för dagen var",
        "dagens ordförande var", "ordförande för dagen är", "dagens mötesledare var",
        "öppnades av", "förklarades öppnat av", "förklarades öppnad av",
        "ordförande för dagens möte var", "ordförande vid dagens möte var",
        "ordförande vid mötet är", "mötets ordförande var", "som ordförande tjänstgjorde",
        "som mötesordförande tjänstgjorde", "som mötesledare fungerade",
        # ``Sammanträdet leds av Björn Ekdahl (M)``, ``Stämman leddes av …``.
        *(
            f"{led} {verb}"
            for led in (*LED_MEETINGS, "sammanträdet", "stämman", "dagens möte")
            for verb in ("leds av", "leddes av")
        ),
    ),
    "secretary": (
        "minnesanteckningar:", "anteckningar:", "sekreterare:", "vid pennan:", "antecknare:",
        "mötessekreteraren", "dokumenterades av", "dokumenterades därför av",
        "leddes och dokumenterades av", "leddes och dokumenterades därför av",
        "sekr:", "sekr.:", "protokollförare:", "mötessekreterare:", "notes:",
        "protokollet fördes av", "anteckningarna fördes av", "anteckningar fördes av",
        "protokollförare var", "mötessekreterare var", "sekreterare för mötet var",
        "sammanfattningen är skriven av", "anteckningarna är skrivna av",
        "minnesanteckningarna är skrivna av", "protokollet är skrivet av",
        "anteckningarna skrevs av", "sammanfattningen skrevs av",
        "sekreterare för dagens möte var", "sekreterare vid dagens möte var",
        "sekreterare vid mötet var", "mötets sekreterare var", "dagens sekreterare var",
        "som sekreterare tjänstgjorde", "som sekreterare fungerade",
        # ``Som ordförande fungerade Karin Åström och som sekreterare Jonas Björk``.
        "och som sekreterare", "och som protokollförare", "och som mötessekreterare",
        "som protokollförare tjänstgjorde", "som protokollförare fungerade",
        "som mötessekreterare tjänstgjorde", "som mötessekreterare fungerade",
        "antecknades av", "protokollet skrevs av", "antecknat av", "antecknat:",
        "protokoll av", "protokollet av", "anteckningar av", "minnesanteckningar av",
        "som sekreterare fungerade", "som mötessekreterare fungerade", "protokollförare:",
        "minnesanteckningarna skrevs av", "anteckningarna skrevs av", "protokollet fört av",
        "har förts av", "har skrivits av", "har förts av sekreteraren",
        "sekreterare vid sammanträdet var", "sekreterare vid mötet var",
        "protokollet förs av", "protokoll förs av", "protokollet skrivs av", "protokoll skrivs av",
        "anteckningarna förda av", "minnesanteckningarna förda av",
        "anteckningarna förs av", "anteckningar förs av", "minnesanteckningarna förs av",
        "anteckningarna förs som vanligt av", "protokollet förs som vanligt av",
        "protokollet skrivet av", "protokollförd av", "minnesanteckningarna sammanställda av",
        "anteckningarna sammanställda av", "sammanställda av", "sammanställt av",
        "renskrevs efteråt av", "renskrevs av", "transkriberad och rensad av",
        "transkriberad av", "transkriberades av", "sammanfattningen skrevs av",
        "sekreterare är", "sekreterare var", "mötessekreterare är", "sekreterare idag är",
        "dagens sekreterare är", "antecknare är", "antecknare var",
        "sekreterare för dagen var", "dagens sekreterare var",
        "anteckningarna upprättades av", "protokollet upprättades av",
        "minnesanteckningarna upprättades av", "protokollet uppgjordes av", "uppgjordes av",
        "minnesanteckningarna sammanställdes av", "anteckningarna sammanställdes av",
        "protokollet sammanställdes av", "sammanställdes av",
    ),
}  # fmt: skip
"""Phrases a sentence names who led the meeting or wrote its minutes after (*Mötet leddes
av Wilma*)."""

LEADING_VERBS: Final[tuple[str, ...]] = ("ledde", "leder", "höll i", "håller i")
"""Verbs of leading, before what was led (*Karin Ek ledde avstämningen*)."""

OFFICER_PROSE_NAME_BEFORE: Final[dict[str, tuple[str, ...]]] = {
    "chair": (
        "ledde mötet", "ledde dagens möte", "ledde sammanträdet", "ledde årsmötet",
        "ledde stämman", "leder mötet", "var mötesordförande", "är mötesordförande",
        "var ordförande för mötet", "är ordförande för mötet", "var mötesledare",
        "höll i träffen", "höll i mötet", "höll i dagens möte", "höll i dagens träff",
        "höll i klubban", "håller i klubban", "fungerade som ordförande", "körde mötet",
        "höll ordet", "skulle leda dagens förhandlingar", "skulle leda mötet",
        "ledde överläggningen", "ledde förhandlingarna", "ledde dagens förhandlingar",
        "skulle leda sammanträdet",
        "körde dagens möte",
        "fungerade som mötesordförande",
        "leder dagens möte", "ledde träffen", "ledde dagens träff", "ledde dagen", "höll i dagen",
        "är mötesledare", "var ordförande vid mötet", "var ordförande", "var mötets ordförande",
        "fördelade ordet", "klubbade", "håller i", "håller i idag", "leder idag",
        "höll i klubban idag", "som mötesordförande", "som ordförande för mötet", "satt ordförande",
        "håller i dagens standup", "håller i standupen", "leder dagens standup",
        "håller i dagens daily", "håller i dailyn", "leder dagens daily", "kör dagens daily",
        "kör standup idag", "kör standupen", "kör dagens standup", "kör daily idag",
        "gick igenom dagordningen", "gick igenom dagens dagordning",
        "ledde resten av mötet", "ledde mötet därefter", "tog över klubban",
        "höll i dagens standup", "ledde dagens standup", "håller i dagens möte",
        "ledde", "håller i det", "höll i det", "hade ordförandeskapet", "har ordförandeskapet",
        "höll ordförandeskapet", "fick klubban", "tog klubban", "lotsade oss genom",
        "lotsade mötet", "lotsade oss igenom",
        "valdes att leda mötesförhandlingarna", "valdes att leda förhandlingarna",
        "valdes att leda mötet", "valdes att leda dagens möte", "att leda mötesförhandlingarna",
        "ledde mötesförhandlingarna", "leder mötesförhandlingarna",
        "vid klubban", "satt vid klubban", "höll i klubban",
        "ledde genomgången", "ledde dagens genomgång", "höll i scrumen", "håller i scrumen",
        "höll i dagens scrum", "ledde scrumen", "leder scrumen",
        *(f"{verb} {led}" for verb in LEADING_VERBS for led in LED_MEETINGS),
    ),
    "secretary": (
        "förde protokollet", "förde dagens protokoll", "förde anteckningar",
        "anmälde sig frivilligt att anteckna", "erbjöd sig att anteckna",
        "anmälde sig att anteckna",
        "förde anteckningarna", "förde minnesanteckningar", "att föra protokollet",
        "att föra dagens protokoll", "att föra protokoll", "var mötessekreterare",
        "är mötessekreterare", "var sekreterare för mötet", "skrev protokollet",
        "skrev anteckningarna", "var protokollförare", "är protokollförare",
        "vid tangentbordet", "var sekreterare", "var mötets sekreterare", "för protokollet",
        "antecknade", "skrev anteckningar", "skrev protokoll", "tog anteckningar",
        "förde protokoll", "för anteckningar", "för protokoll", "åtog sig att skriva protokoll",
        "skrev", "skrev ner", "skrev ned",
        "åtog sig att skriva protokollet", "åtog sig att föra protokollet",
        "fungerade som sekreterare", "fungerade som mötessekreterare",
        "antecknar", "antecknar idag", "skriver idag", "som sekreterare", "som mötessekreterare",
        "skriver sammanfattningen", "skrev sammanfattningen", "skriver anteckningarna",
        "renskrev anteckningarna", "renskrev protokollet", "ansvarar för anteckningarna",
        "ansvarade för anteckningarna", "ansvarar för protokollet", "ansvarade för protokollet",
        "skriver dagens anteckningar",
        "som protokollförare",
        "för dagens protokoll", "för mötets protokoll", "skriver protokollet",
        "skriver dagens protokoll", "skriver protokoll",
        "skrev ihop det här", "skriver ihop det här", "skrev ihop detta",
        "skrev ihop protokollet", "skriver ihop protokollet", "skrev ihop anteckningarna",
        "skriver ihop anteckningarna", "skriver ihop minnesanteckningarna",
        "skriver anteckningar", "sammanställde anteckningarna",
        "har renskrivit", "renskrev", "har sammanställt anteckningarna",
        "skriver minnesanteckningar", "skrev minnesanteckningar", "skriver minnesanteckningarna",
        "skrev minnesanteckningarna", "för minnesanteckningar", "förde minnesanteckningarna",
        "höll i pennan", "håller i pennan", "höll pennan", "håller pennan",
        "satt vid pennan", "sitter vid pennan", "satt vid tangentbordet",
        "skulle föra protokollet", "skulle föra dagens protokoll", "skulle föra protokoll",
        "ska föra protokollet", "ska föra dagens protokoll", "ska föra protokoll",
    ),
}  # fmt: skip
"""Phrases a sentence names who led the meeting or wrote its minutes before (*Ebba förde
anteckningar*, *Sofia Ljung hälsade välkommen och ledde mötet*)."""

CHAIR_ROLE_WORDS: Final[tuple[str, ...]] = (
    "ordföranden", "ordförande", "mötesordföranden", "mötesordförande", "ordf", "talman",
    "talmannen",
)  # fmt: skip
"""Role words before the opener's name (*Ordföranden Anna Berg öppnade mötet*)."""

PAGE_OF_WORDS: Final[tuple[str, ...]] = ("av", "of", "/")
"""Words between a page number and the page count (``Sida 2 av 5``)."""

DECISION_NOUN: Final = "beslut"
"""The word *decision*, as in a genitive label (*Kommunstyrelsens beslut*) or a table's
*Beslut/åtgärd* column."""

RELATIVE_PRONOUNS: Final[tuple[str, ...]] = ("som", "vilken", "vilket")
"""Words that open a relative clause about the name before them (*… till Ingrid Hov, som
ledde resten av mötet*)."""

ALSO_WORDS: Final[tuple[str, ...]] = ("även", "också", "dessutom", "samtidigt", "därtill")
"""Words that say one person held a second office (*valdes Per Ek, som även förde
protokollet*)."""

ELECTION_LINKS: Final[tuple[str, ...]] = ("till", "som", "as")
"""Words between an election's verb and the office (*valdes till sekreterare*)."""

ALONGSIDE_WORDS: Final[tuple[str, ...]] = ("jämte", "tillsammans med")
"""Words before an office that someone acts beside (*utser Agneta Borg att jämte mötets
ordförande justera*): the office is not what they are elected to."""

NOT_NAME_WORDS: Final[tuple[str, ...]] = (
    "till", "som", "att", "beslut", "valdes", "väljs", "och", "stämman", "årsmötet", "mötet",
)  # fmt: skip
"""Capitalised words of an election sentence that are never part of a name."""

ITEM_COLUMN_HEADERS: Final[tuple[str, ...]] = (
    "punkt", "ärende", "paragraf", "§", "nr", "dagordningspunkt", "beslutspunkt",
)  # fmt: skip
"""Headers of a table's column of agenda items (*| Punkt | Anteckningar och beslut |*):
never someone's name, though such a row may follow a table of people."""


LATEX_PERSON_COMMANDS: Final[tuple[str, ...]] = ("person", "ledamot", "deltagare", "narvarande")
"""A LaTeX protocol class's command for one person present, ``\\person{Name}{role}``."""

LATEX_SIGNATURE_COMMANDS: Final[tuple[str, ...]] = ("signature", "signatur", "underskrift")
"""A LaTeX protocol class's signature command, ``\\signature{comment}{Name}{role}``."""

LATEX_ITEM_COMMANDS: Final[tuple[str, ...]] = ("paragraf", "punkt", "arende")
"""A LaTeX protocol class's command for an agenda item, ``\\paragraf{3}{Title}``."""

LATEX_TASK_COMMANDS: Final[tuple[str, ...]] = (
    "uppgift", "atgard", "atgarder", "todo", "action", "actionitem", "uppdrag",
)  # fmt: skip
"""A LaTeX protocol class's command for an action item, ``\\uppgift{Name}{task}{due}``."""

LATEX_ACTION_LABEL: Final[str] = "Åtgärd"
"""The label a LaTeX task command is read as (``Åtgärd: Name: task``)."""

LATEX_DUE_WORD: Final[str] = "senast"
"""The word a LaTeX task command's date is read after (``…, senast 2025-05-31``)."""

ITEM_TABLE_NUMBER_HEADERS: Final[tuple[str, ...]] = ("§", "#", "nr", "nr.", "punkt", "p.")
"""The first column's header of a protocol written as one table of items (*§ | Ärende |
Beslut / anteckning*)."""

ITEM_TABLE_TEXT_HEADERS: Final[tuple[str, ...]] = (
    "beslut", "beslut / anteckning", "beslut/anteckning", "beslut och anteckningar",
    "anteckningar", "anteckning", "noteringar", "notering",
    "diskussion och beslut", "protokollstext",
)  # fmt: skip
"""Headers of the column that holds each item's text in such a table: read as the item's
prose (its decisions and tasks)."""
