"""Metadata labels: the keys of labelled lines and the fields they fill."""

from __future__ import annotations

from typing import Final

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
