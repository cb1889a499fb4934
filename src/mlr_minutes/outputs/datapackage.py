"""``datapackage.json``: the CSV files described as a Frictionless (Tabular) Data Package.

A spreadsheet user or a tool (Frictionless, CKAN, pandas) reads from it what every
column of ``beslut.csv`` and ``atgarder.csv`` holds and of which type, so that a date
is read as a date and *ja*/*nej* as a truth value.  The field names are the CSV files'
headers, which a test validates the files against.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from ..config import Config
from ..views.text import OUTCOME_TEXT, site_name
from ..views.urls import Urls
from .feeds import absolute

CSV_DIALECT = {"delimiter": ",", "lineTerminator": "\r\n", "quoteChar": '"', "header": True}
"""How :mod:`.opendata` writes its CSV files."""


def _field(name: str, description: str, kind: str = "string", **extra: Any) -> dict[str, Any]:
    return {"name": name, "type": kind, "description": description, **extra}


LINK = "Adressen till stället i minnesanteckningarna (relativ till webbplatsen)."

DECISION_FIELDS = (
    _field("datum", "Mötets datum.", "date", format="default"),
    _field("organ", "Mötestypen: Kommundirektörmöte, Styrelsemöte, …"),
    _field("möte", "Mötets id (datum och mötestyp)."),
    _field("punkt", "Dagordningens punkt beslutet hör till."),
    _field("beslut", "Beslutet som det står.", constraints={"required": True}),
    _field("underpunkter", "Beslutets att-satser, åtskilda av ” | ”."),
    _field(
        "utfall",
        "Beslutets utfall, när det framgår.",
        constraints={"enum": sorted({"", *OUTCOME_TEXT.values()})},
    ),
    _field("fokusfrågor", "Fokusfrågor beslutet gäller, åtskilda av ”; ”."),
    _field("länk", LINK),
)
"""The columns of ``beslut.csv``."""

ACTION_FIELDS = (
    _field("status", "öppen eller klar.", constraints={"enum": ["klar", "öppen"]}),
    _field(
        "klart senast",
        "Sista dag: ett datum (2016-05-03), en vecka (2016-W42) eller en månad (2016-06).",
        constraints={"pattern": r"(\d{4}-(\d{2}(-\d{2})?|W\d{2}))?"},
    ),
    _field("åtgärd", "Uppdraget som det senast formulerades.", constraints={"required": True}),
    _field("ansvariga", "Ansvariga, åtskilda av ”; ”."),
    _field("möte", "Id för mötet där uppdraget gavs."),
    _field("punkt", "Dagordningens punkt uppdraget hör till."),
    _field("avslutad vid", "Id för mötet där uppdraget avslutades."),
    _field(
        "tolkad ur löptext",
        "ja när uppdraget tolkades ur löpande text, nej när det skrevs ut som åtgärd.",
        "boolean",
        trueValues=["ja"],
        falseValues=["nej"],
    ),
    _field("länk", LINK),
)
"""The columns of ``atgarder.csv``."""


def _resource(name: str, path: str, title: str, fields: tuple[dict[str, Any], ...]) -> Any:
    return {
        "name": name,
        "path": path,
        "profile": "tabular-data-resource",
        "title": title,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "dialect": CSV_DIALECT,
        "schema": {"fields": list(fields), "missingValues": [""]},
    }


def data_package(urls: Urls, site_url: str | None, config: Config) -> dict[str, Any]:
    """The package descriptor; its paths are relative to where it is published."""
    package: dict[str, Any] = {
        "profile": "tabular-data-package",
        "name": "motesarkiv",
        "title": site_name(config),
        "description": f"Beslut och åtgärder ur {config.organisation}s minnesanteckningar.",
        "homepage": absolute(site_url, urls.home()),
        "resources": [
            _resource("beslut", urls.relative(urls.decisions_csv()), "Beslut", DECISION_FIELDS),
            _resource("atgarder", urls.relative(urls.actions_csv()), "Åtgärder", ACTION_FIELDS),
        ],
    }
    if config.open_data.license:
        package["licenses"] = [{"path": config.open_data.license}]
    if config.open_data.publisher_url:
        package["contributors"] = [
            {"title": config.organisation, "path": config.open_data.publisher_url,
             "role": "publisher"},
        ]  # fmt: skip
    return package


def data_package_files(
    urls: Urls, site_url: str | None, config: Config
) -> Iterator[tuple[str, bytes]]:
    """(site path, bytes) of ``datapackage.json``."""
    text = json.dumps(data_package(urls, site_url, config), ensure_ascii=False, indent=2)
    yield urls.file(urls.data_package()), (text + "\n").encode("utf-8")
