"""Roles of people at a meeting and as owners of action items."""

from __future__ import annotations

from typing import Final

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

ORGANISATION_SUFFIXES: Final[tuple[str, ...]] = (
    "verket", "myndigheten", "myndighet", "regionen", "länsstyrelsen", "departementet",
    "inspektionen", "bolaget", "universitetet", "polisen", "banken", "kommun", "kommunen",
    "förbundet", "institutet", "kassan", "fonden", "rådet", "nämnden", "förvaltningen",
    "committee", "kommittén", "centrum", "centret", "akademin", "högskolan", "stiftelsen",
)  # fmt: skip
"""Endings of an organisation's name (*Skatteverket*, *Havs- och vattenmyndigheten*,
*Region Skåne*'s *regionen*, *Lunds kommun*): such a name is an organisation, not a person."""
