"""Decisions: labels, deciding verbs and who decides, outcomes."""

from __future__ import annotations

from typing import Final

from ..model import Outcome

DECISION_LABELS: Final[tuple[str, ...]] = (
    "beslut", "beslutades", "mötet beslutade", "beslöts", "beslutet", "överenskommelse",
    "mötets beslut", "decision", "beslut i ärendet", "överenskommet", "överenskommits",
    "beslutat", "bestämt", "bestämdes", "resolved", "agreed", "decided",
)  # fmt: skip
"""Labels written before a decision (``**Beslut:** …``, ``Beslut: …``)."""

DECISION_LABEL_QUALIFIERS: Final[tuple[str, ...]] = (
    "från", "om", "angående", "gällande", "kring", "rörande", "i frågan", "on", "about",
)  # fmt: skip
"""Words after *Beslut* that say what the decision is about or where it came from
(*Beslut från parkeringen:*, *Beslut om budget:*): still the decision's label."""

ANY: Final = "any"
"""The verb makes a decision whoever its subject (*beslutade*, *beslöts*)."""
SUBJECT: Final = "subject"
"""The verb makes a decision when a deciding body is its subject (*Styrelsen godkänner*)."""
PASSIVE: Final = "passive"
"""A passive outcome that is a decision without a subject (*godkändes*, *väljs*)."""
OUTCOME_ONLY: Final = "outcome"
"""Says the outcome of a decision stated otherwise (*beslutade att godkänna*)."""

DECIDING_VERBS: Final[dict[str, tuple[str, Outcome | None]]] = {
    # beslut-: a decision whatever the subject.
    "beslutade": (ANY, None), "beslutar": (ANY, None), "beslöt": (ANY, None),
    "beslutades": (ANY, None), "beslöts": (ANY, None), "beslutas": (ANY, None),
    "föreslog och valde": (ANY, Outcome.ELECTED),
    # bestäm- in the passive: *Det bestäms att köpa en ny diskmaskin*.
    "bestäms": (ANY, None), "bestämdes": (ANY, None),
    # Active verbs: a decision with a deciding body as subject.
    "godkänner": (SUBJECT, Outcome.APPROVED), "godkände": (SUBJECT, Outcome.APPROVED),
    "fastställer": (SUBJECT, Outcome.APPROVED), "fastställde": (SUBJECT, Outcome.APPROVED),
    "antar": (SUBJECT, Outcome.APPROVED), "antog": (SUBJECT, Outcome.APPROVED),
    "tillstyrker": (SUBJECT, Outcome.APPROVED), "tillstyrkte": (SUBJECT, Outcome.APPROVED),
    "beviljar": (SUBJECT, Outcome.APPROVED), "beviljade": (SUBJECT, Outcome.APPROVED),
    "bifaller": (SUBJECT, Outcome.APPROVED), "biföll": (SUBJECT, Outcome.APPROVED),
    "ställer sig bakom": (SUBJECT, Outcome.APPROVED),
    "ställde sig bakom": (SUBJECT, Outcome.APPROVED),
    "väljer": (SUBJECT, Outcome.ELECTED), "valde": (SUBJECT, Outcome.ELECTED),
    "utser": (SUBJECT, Outcome.ELECTED), "utsåg": (SUBJECT, Outcome.ELECTED),
    "noterar": (SUBJECT, Outcome.NOTED), "noterade": (SUBJECT, Outcome.NOTED),
    "antecknar": (SUBJECT, Outcome.NOTED),
    # The formula of taking note, whoever takes it (*Revisorerna noterade informationen*;
    # *noterade att två kvitton saknas* is a finding, not a decision).
    "noterar informationen": (ANY, Outcome.NOTED), "noterade informationen": (ANY, Outcome.NOTED),
    "noterar redogörelsen": (ANY, Outcome.NOTED), "noterade redogörelsen": (ANY, Outcome.NOTED),
    "avslår": (SUBJECT, Outcome.REJECTED), "avslog": (SUBJECT, Outcome.REJECTED),
    "avstyrker": (SUBJECT, Outcome.REJECTED), "avstyrkte": (SUBJECT, Outcome.REJECTED),
    "bordlägger": (SUBJECT, Outcome.TABLED), "bordlade": (SUBJECT, Outcome.TABLED),
    "återremitterar": (SUBJECT, Outcome.REFERRED_BACK),
    "återremitterade": (SUBJECT, Outcome.REFERRED_BACK),
    "uppdrar": (SUBJECT, None), "uppdrog": (SUBJECT, None),
    "ger": (SUBJECT, None), "gav": (SUBJECT, None), "lägger": (SUBJECT, None),
    "finner": (SUBJECT, None), "fann": (SUBJECT, None),
    "enades": (SUBJECT, None), "enas": (SUBJECT, None), "enats": (SUBJECT, None),
    "kom överens": (SUBJECT, None), "kommer överens": (SUBJECT, None),
    "är överens": (SUBJECT, None), "var överens": (SUBJECT, None),
    "bestämde": (SUBJECT, None), "bestämmer": (SUBJECT, None),
    "tar beslut": (SUBJECT, None), "tog beslut": (SUBJECT, None),
    "fattar beslut": (SUBJECT, None), "fattade beslut": (SUBJECT, None),
    "förklarar": (SUBJECT, None), "förklarade": (SUBJECT, None),
    # A body proposing to the one above it decides to propose (*Kommunstyrelsen föreslår
    # kommunfullmäktige besluta att …*); the office's proposal has no deciding subject.
    "föreslår kommunfullmäktige": (SUBJECT, None), "föreslog kommunfullmäktige": (SUBJECT, None),
    "föreslår fullmäktige": (SUBJECT, None), "föreslog fullmäktige": (SUBJECT, None),
    "föreslår regionfullmäktige": (SUBJECT, None), "föreslog regionfullmäktige": (SUBJECT, None),
    "föreslår kommunstyrelsen": (SUBJECT, None), "föreslog kommunstyrelsen": (SUBJECT, None),
    "föreslår regionstyrelsen": (SUBJECT, None), "föreslog regionstyrelsen": (SUBJECT, None),
    "föreslår förbundsfullmäktige": (SUBJECT, None), "föreslår förbundsstyrelsen": (SUBJECT, None),
    "föreslog förbundsstyrelsen": (SUBJECT, None), "föreslår direktionen": (SUBJECT, None),
    "föreslår årsmötet": (SUBJECT, None), "föreslog årsmötet": (SUBJECT, None),
    "föreslår stämman": (SUBJECT, None), "föreslog stämman": (SUBJECT, None),
    "föreslår föreningsstämman": (SUBJECT, None), "föreslår styrelsen": (SUBJECT, None),
    # Passive outcomes: a decision by themselves.
    "godkändes": (PASSIVE, Outcome.APPROVED), "godkänns": (PASSIVE, Outcome.APPROVED),
    "fastställdes": (PASSIVE, Outcome.APPROVED), "fastställs": (PASSIVE, Outcome.APPROVED),
    "antogs": (PASSIVE, Outcome.APPROVED), "antas": (PASSIVE, Outcome.APPROVED),
    "bifalles": (PASSIVE, Outcome.APPROVED), "bifalls": (PASSIVE, Outcome.APPROVED),
    "bifölls": (PASSIVE, Outcome.APPROVED), "tillstyrktes": (PASSIVE, Outcome.APPROVED),
    "tillstyrks": (PASSIVE, Outcome.APPROVED),
    "beviljades": (PASSIVE, Outcome.APPROVED), "beviljas": (PASSIVE, Outcome.APPROVED),
    "lades till handlingarna": (PASSIVE, Outcome.NOTED),
    "läggs till handlingarna": (PASSIVE, Outcome.NOTED),
    "lades ... till handlingarna": (PASSIVE, Outcome.NOTED),
    "läggs ... till handlingarna": (PASSIVE, Outcome.NOTED),
    "noterades": (PASSIVE, Outcome.NOTED), "noteras": (PASSIVE, Outcome.NOTED),
    "antecknades": (PASSIVE, Outcome.NOTED), "antecknas": (PASSIVE, Outcome.NOTED),
    "togs till protokollet": (PASSIVE, Outcome.NOTED),
    "bordlades": (PASSIVE, Outcome.TABLED), "bordläggs": (PASSIVE, Outcome.TABLED),
    "avslogs": (PASSIVE, Outcome.REJECTED), "avslås": (PASSIVE, Outcome.REJECTED),
    "avstyrktes": (PASSIVE, Outcome.REJECTED),
    "återremitterades": (PASSIVE, Outcome.REFERRED_BACK),
    "återremitteras": (PASSIVE, Outcome.REFERRED_BACK),
    "valdes": (PASSIVE, Outcome.ELECTED), "väljs": (PASSIVE, Outcome.ELECTED),
    "omvaldes": (PASSIVE, Outcome.ELECTED), "omväljs": (PASSIVE, Outcome.ELECTED),
    "nyvaldes": (PASSIVE, Outcome.ELECTED), "nyväljs": (PASSIVE, Outcome.ELECTED),
    "utsågs": (PASSIVE, Outcome.ELECTED), "utses": (PASSIVE, Outcome.ELECTED),
    "fick stöd": (PASSIVE, Outcome.APPROVED),
    "godtogs": (PASSIVE, Outcome.APPROVED), "godtas": (PASSIVE, Outcome.APPROVED),
    "godtog": (SUBJECT, Outcome.APPROVED), "godtar": (SUBJECT, Outcome.APPROVED),
    "klubbades": (PASSIVE, Outcome.APPROVED), "klubbas": (PASSIVE, Outcome.APPROVED),
    "klubbade": (SUBJECT, Outcome.APPROVED), "klubbar": (SUBJECT, Outcome.APPROVED),
    "stadgeenligt utlyst": (PASSIVE, None), "stadgeenligt utlysts": (PASSIVE, None),
    "behörigen utlyst": (PASSIVE, None), "behörigt utlyst": (PASSIVE, None),
    "korrekt utlyst": (PASSIVE, None), "i behörig ordning utlyst": (PASSIVE, None),
    "behörigen sammankallat": (PASSIVE, None), "beslutsmässigt": (PASSIVE, None),
    "beslutmässigt": (PASSIVE, None), "beslutför": (PASSIVE, None),
    "beslutsför": (PASSIVE, None), "beslutsföra": (PASSIVE, None),
    "förklaras omedelbart justerad": (PASSIVE, None),
    "förklarades omedelbart justerad": (PASSIVE, None), "justeras omedelbart": (PASSIVE, None),
    "omedelbart justerad": (PASSIVE, None),
    "remitteras": (PASSIVE, None), "remitterades": (PASSIVE, None),
    "överlämnas ... för yttrande": (PASSIVE, None),
    "överlämnades ... för yttrande": (PASSIVE, None),
    "adjungeras": (PASSIVE, None), "adjungerades": (PASSIVE, None),
    # An assignment in the passive is the body's decision (and the one named's task).
    "får i uppdrag att": (PASSIVE, None), "fick i uppdrag att": (PASSIVE, None),
    "ges i uppdrag att": (PASSIVE, None), "gavs i uppdrag att": (PASSIVE, None),
    "anses besvarad": (PASSIVE, Outcome.APPROVED), "anses besvarat": (PASSIVE, Outcome.APPROVED),
    "ansågs besvarad": (PASSIVE, Outcome.APPROVED),
    # Outcome words only: what a decision stated otherwise did.
    "lägga till handlingarna": (OUTCOME_ONLY, Outcome.NOTED),
    "lägger till handlingarna": (SUBJECT, Outcome.NOTED),
    "lägga ... till handlingarna": (OUTCOME_ONLY, Outcome.NOTED),
    "lägger ... till handlingarna": (SUBJECT, Outcome.NOTED),
    "lade till handlingarna": (SUBJECT, Outcome.NOTED),
    "lade ... till handlingarna": (SUBJECT, Outcome.NOTED),
    "förklarades": (SUBJECT, None), "förklaras": (SUBJECT, None),
    "godkänna": (OUTCOME_ONLY, Outcome.APPROVED), "fastställa": (OUTCOME_ONLY, Outcome.APPROVED),
    "bifalla": (OUTCOME_ONLY, Outcome.APPROVED), "anta": (OUTCOME_ONLY, Outcome.APPROVED),
    "bevilja": (OUTCOME_ONLY, Outcome.APPROVED),
    "avslå": (OUTCOME_ONLY, Outcome.REJECTED), "bordlägga": (OUTCOME_ONLY, Outcome.TABLED),
    "återremittera": (OUTCOME_ONLY, Outcome.REFERRED_BACK),
    "notera": (OUTCOME_ONLY, Outcome.NOTED), "välja": (OUTCOME_ONLY, Outcome.ELECTED),
}  # fmt: skip
"""Every verb (or phrase; ``...`` stands for up to six words) that states a decision or its
outcome, with when it makes a sentence a decision (:data:`ANY`, :data:`SUBJECT`,
:data:`PASSIVE`, :data:`OUTCOME_ONLY`) and the outcome it states."""

DECIDING_SUBJECTS: Final[tuple[str, ...]] = (
    "mötet", "styrelsen", "kommundirektörerna", "kommundirektörsgruppen", "gruppen",
    "arbetsgruppen", "styrgruppen", "årsmötet", "stämman", "föreningsstämman",
    "nämnden", "utskottet", "ledningsgruppen", "projektgruppen", "beredningen",
    "kommundirektörmötet", "vi", "man", "sammanträdet", "årsstämman", "medlemsmötet",
    "föreningen", "presidiet", "kommittén", "rådet", "sektionen",
    "deltagarna", "parterna", "alla", "samtliga", "fullmäktige", "kommunfullmäktige",
    "regionfullmäktige", "nätverket", "direktionen", "teamet", "medlemmarna",
    "ledamöterna", "styrgruppen", "referensgruppen",
)  # fmt: skip
"""Subjects whose deciding verbs make a decision (``Mötet beslutar att …``)."""

DECIDING_BODY_ENDINGS: Final[tuple[str, ...]] = (
    "nämnden", "styrelsen", "utskottet", "revisionen", "gruppen", "rådet",
    "föreningen", "stämman", "mötet", "beredningen", "fullmäktige", "kommittén",
    "delegationen", "kollegiet", "ledningen", "sektionen", "presidiet", "kåren",
    "arbetsutskott", "utskott", "nämnd", "styrelse", "direktionen",
    "nätverket",
)  # fmt: skip
"""Endings of a deciding body's own name (*Kulturnämnden*, *Kommunrevisionen*,
*Byggnadsnämndens arbetsutskott*): such a subject decides like *Mötet* does."""

PROPOSAL_HEADINGS: Final[tuple[str, ...]] = (
    "förslag", "förslag till beslut", "beslutsförslag", "attsatser", "att-satser",
    "styrelsens förslag",
)  # fmt: skip
"""Headings of the clauses a meeting votes on, each then approved or rejected by number
below a *Beslut* heading (*attsats 2 avslages*)."""

ATT_CLAUSE_VERDICT_WORDS: Final[tuple[str, ...]] = (
    "attsatsen", "attsatserna", "att-satsen", "att-satserna", "attsats", "att-sats",
    "attsatsens", "yrkandet", "förslaget",
)  # fmt: skip
"""Words for the clause voted on in ``Beslut: Attsatsen bifalles`` (its verdict follows)."""

INFINITIVE_VERDICTS: Final[dict[str, Outcome]] = {
    "att bifalla": Outcome.APPROVED, "att avslå": Outcome.REJECTED,
    "att bordlägga": Outcome.TABLED, "att anta": Outcome.APPROVED,
}  # fmt: skip
"""``Beslut: att bifalla attsatsen``: the verdict before the clause it rules on."""

PROPOSAL_SPEECH: Final[tuple[str, ...]] = (
    "yrkar att", "yrkade att", "yrkar på", "yrkade på", "hemställer att", "hemställde att",
)  # fmt: skip
"""What a member proposes in the debate (*Mats Hedberg (M) yrkar att ärendet ska
återremitteras*): neither a decision nor a task, whatever the clause after it says."""

NOT_DECISION_PHRASES: Final[tuple[str, ...]] = (
    *PROPOSAL_SPEECH,
    "föreslås besluta", "föreslår att", "föreslog att", "förslag till beslut", "för beslut",
    "inför beslut", "för att besluta", "beslut fattas", "beslutas senare", "beslutas vid",
    "beslutas på", "ska beslutas", "ska besluta", "skall besluta", "kommer att besluta",
    "kan beslutas", "kan besluta", "inget beslut", "inga beslut", "beslut saknas",
    "ska ta beslut", "tar beslut om", "behöver besluta", "behöver beslutas", "ska godkännas",
    "bör beslutas", "bör besluta", "kommer att beslutas", "beslut tas", "tas beslut",
    "innan beslut", "efter beslut i", "enligt beslut", "beslutas av", "beslutade tidigare",
    "tidigare beslutat", "har tidigare beslutat", "har beslutat", "hade beslutat",
    "beslutat om", "vill besluta", "vill att", "om beslut", "beslutsunderlag",
    "i enlighet med", "förklarade mötet öppnat", "förklarar mötet öppnat",
    # ``Det som mötet beslutade står i fetstil``: how the notes mark decisions.
    "i fetstil", "i fet stil", "med fetstil", "fetmarkerat", "fetmarkerade", "i kursiv stil",
    "förklarade mötet avslutat", "förklarar mötet avslutat", "förklarades öppnat",
    "förklaras öppnat", "förklarade sammanträdet öppnat", "förklarar sammanträdet öppnat",
    "innan något bestäms", "innan det bestäms", "innan något beslutas", "bestäms senare",
    "bestäms vid", "bestäms på", "bestäms av", "ska bestämmas", "när det bestäms",
)  # fmt: skip
"""Phrases that make a sentence with a deciding verb something else: a proposal, a
decision still to be taken or taken elsewhere, the chair opening the meeting."""

RESERVATION_PHRASES: Final[tuple[str, ...]] = (
    "reserverar sig", "reserverade sig", "reserverar sig mot beslutet",
    "lämnar en protokollsanteckning", "lämnade en protokollsanteckning",
    "anmäler protokollsanteckning", "anmälde protokollsanteckning",
)  # fmt: skip
"""A member's dissent or note under a decision (*Lars Öberg (M) reserverar sig mot
beslutet*): said of the decision, not one more."""

NOTHING_DECIDED_SUBJECTS: Final[tuple[str, ...]] = ("ingen", "inget", "inga", "ingenting")
"""Subjects of a short sentence that says nothing was decided (*Ingen åtgärd beslutades*)."""

DECLARING_VERBS: Final[tuple[str, ...]] = ("förklarade", "förklarar", "förklarades", "förklaras")
"""Verbs of the chair declaring a meeting open or closed (*förklarade stämman öppnad*)."""

DECLARED_STATES: Final[tuple[str, ...]] = ("öppnat", "öppnad", "avslutat", "avslutad")
"""What the chair declares a meeting (*… årsmötet avslutat*): the opening and the close,
never a decision."""

VERDICTS: Final[dict[str, Outcome]] = {
    "bifall": Outcome.APPROVED, "bifalles": Outcome.APPROVED, "bifalls": Outcome.APPROVED,
    "bifölls": Outcome.APPROVED, "ja": Outcome.APPROVED, "enligt förslag": Outcome.APPROVED,
    "enligt förslaget": Outcome.APPROVED, "godkänt": Outcome.APPROVED,
    "godkänd": Outcome.APPROVED, "godkändes": Outcome.APPROVED, "antaget": Outcome.APPROVED,
    "antogs": Outcome.APPROVED, "antas": Outcome.APPROVED,
    "avslag": Outcome.REJECTED, "avslås": Outcome.REJECTED, "avslogs": Outcome.REJECTED,
    "nej": Outcome.REJECTED, "bordläggs": Outcome.TABLED, "bordlades": Outcome.TABLED,
    "avslages": Outcome.REJECTED, "avslaget": Outcome.REJECTED, "bifallet": Outcome.APPROVED,
}  # fmt: skip
"""The verdict on a clause voted on (``Beslut: Bifall``, ``Beslut: Attsats avslås``)."""

CLAUSE_WORDS: Final[tuple[str, ...]] = ("att",)
"""The word an att-clause opens with (``att godkänna budgeten``)."""

PROPOSAL_VERBS: Final[tuple[str, ...]] = (
    "föreslår", "föreslog", "föreslås", "yrkar", "yrkade", "hemställer", "hemställde",
    "föreslår mötet", "föreslår årsmötet", "föreslår stämman",
)  # fmt: skip
"""Verbs after which ``att``-clauses are proposals, not decisions (*Motionären yrkar* / *att
…*)."""

DECISION_OPENERS: Final[tuple[str, ...]] = (
    "beslut att", "beslut om att", "beslutades att", "beslöts att", "beslut:", "overenskommet att",
    "överenskommet att", "överenskommelse om att", "enighet om att", "enighet om", "beslutat att",
    # What a stand-up or a chat settles on: *Då kör vi feature freeze torsdag kl 12.*
    "då kör vi", "då flyttar vi", "då bestämmer vi", "då landar vi i", "vi landade i",
    "vi kör på att", "ingen var emot",
)  # fmt: skip
"""A sentence that opens with one of these states a decision (*Beslut att utgå från …*)."""

AGREEMENT_VERBS: Final[tuple[str, ...]] = ("enades", "enas", "enats")
"""Verbs of agreeing: a decision with named people as their subject too (*Joel och Rami
enades om att …*), not only a deciding body."""

LEAD_VERBS: Final[tuple[str, ...]] = ("besluta", "beslutar", "beslutade", "beslöt")
"""Verbs that end a lead line whose decisions are the ``att``-clauses below (*Kommun-
styrelsen föreslår kommunfullmäktige besluta* / *att godkänna …*)."""

LEAD_ADVERBS: Final[tuple[str, ...]] = (
    "för egen del", "för sin del", "därför", "enhälligt", "vidare", "enligt följande",
    "följande", "därefter", "också", "även",
)  # fmt: skip
"""Words a lead line may end with after its verb (*Kommunstyrelsen beslutar för egen del*)."""

CHAT_START_TAGS: Final[tuple[str, ...]] = ("#startmeeting", "#startamöte", "#startmöte")
"""A meeting bot's command that opens a meeting: who writes it chairs, as MeetBot and its
descendants make the starter the chair (*<ellen_h> #startmeeting Månadsmöte*)."""

CHAT_DECISION_TAGS: Final[tuple[str, ...]] = (
    "#agreed", "#agree", "#decision", "#decided", "#beslut", "#beslutat", "#överens",
    "agreed:", "decision:", "beslut:",
)  # fmt: skip
"""A meeting bot's tag for what the meeting agreed (*#agreed 2.3 släpps när …*)."""

TYPST_FUNCTIONS: Final[dict[str, str]] = {"attsats": "Att", "att": "Att", "beslut": "Beslut"}
"""A Typst template's functions and the labels they stand for (``#attsats[…]`` is an
``Att:`` clause, ``#beslut[…]`` a ``Beslut:``)."""
