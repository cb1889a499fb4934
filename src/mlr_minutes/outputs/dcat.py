"""The open-data catalogue (DCAT-AP-SE), which dataportal.se harvests: RDF/XML and JSON-LD.

One ``dcat:Catalog`` with three ``dcat:Dataset``s (meetings, decisions, action items),
each with its JSON (and its JSON Schema as ``dcterms:conformsTo``) and CSV
distributions, as DIGG's profile asks (the mandatory and recommended properties of
DIGG's examples in diggsweden/DCAT-AP-SE).  The graph is built with rdflib, which writes
both formats; nothing is written by hand.

Who publishes the data, whom to ask and under which licence come from
``mlr-minutes.yaml`` (``open_data``): what is not set is left out, never guessed, and
:func:`missing_settings` says what a build should warn about.  The only date in the
catalogue is the newest meeting's (``dcterms:modified``), so rebuilding the same minutes
gives the same bytes; every node has an address of its own (no blank nodes, whose
names would change between builds), and the triples go in sorted.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, XSD

from ..archive import Archive
from ..config import Config
from ..views.text import site_name
from ..views.urls import Urls
from .feeds import absolute

VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
EU = "http://publications.europa.eu/resource/authority/"
LANGUAGE = URIRef(f"{EU}language/SWE")
THEMES = URIRef(f"{EU}data-theme")
GOVERNMENT = URIRef(f"{EU}data-theme/GOVE")
"""The EU data theme *Government and public sector*."""
FILE_TYPES = {"json": URIRef(f"{EU}file-type/JSON"), "csv": URIRef(f"{EU}file-type/CSV")}
MEDIA_TYPES = {
    "json": URIRef("https://www.iana.org/assignments/media-types/application/json"),
    "csv": URIRef("https://www.iana.org/assignments/media-types/text/csv"),
}


@dataclass(frozen=True, slots=True)
class DatasetSpec:
    """One dataset of the catalogue and the files it is published as."""

    key: str
    """Its fragment in the catalogue's address (``#decisions``)."""
    title: str
    """Swedish title."""
    description: str
    """Swedish description."""
    keywords: tuple[str, ...]
    """Swedish keywords."""
    json: str
    """The JSON file's address."""
    schema: str
    """Its JSON Schema's address."""
    csv: str | None
    """The CSV file's address, when there is one."""


def _datasets(urls: Urls, organisation: str) -> tuple[DatasetSpec, ...]:
    return (
        DatasetSpec(
            "meetings",
            f"Möten – {organisation}",
            f"Alla möten i {organisation}s mötesarkiv: datum, tid, plats, organ, deltagare, "
            "dagordningens punkter, beslut och åtgärder, tolkade ur minnesanteckningarna.",
            ("möten", "minnesanteckningar", "protokoll", "deltagare"),
            urls.meetings_data(),
            urls.schema("meetings"),
            None,
        ),
        DatasetSpec(
            "decisions",
            f"Beslut – {organisation}",
            "Beslutsregistret: varje beslut med datum, möte, punkt, utfall och fokusfrågor, "
            "och en länk till minnesanteckningarna där det står.",
            ("beslut", "beslutsregister", "minnesanteckningar"),
            urls.decisions_data(),
            urls.schema("decisions"),
            urls.decisions_csv(),
        ),
        DatasetSpec(
            "action-items",
            f"Åtgärder – {organisation}",
            "Åtgärdslistan: varje uppdrag med ansvariga, sista dag och status, följt från "
            "mötet där det gavs till mötet där det avslutades.",
            ("åtgärder", "uppdrag", "uppföljning", "minnesanteckningar"),
            urls.actions_data(),
            urls.schema("action-items"),
            urls.actions_csv(),
        ),
    )


def missing_settings(config: Config) -> list[str]:
    """What the catalogue needs from ``mlr-minutes.yaml`` and is not set there (the
    ``open_data`` keys), for the build to warn about."""
    settings = config.open_data
    wanted = {
        "open_data.publisher_url": settings.publisher_url,
        "open_data.contact_email": settings.contact_email,
        "open_data.license": settings.license,
    }
    return [name for name, value in wanted.items() if not value]


def catalogue_graph(archive: Archive, urls: Urls, site_url: str | None, config: Config) -> Graph:
    """The catalogue as an RDF graph."""
    settings = config.open_data
    here = absolute(site_url, urls.catalogue())

    def node(fragment: str) -> URIRef:
        return URIRef(f"{here}#{fragment}")

    def link(path: str) -> URIRef:
        return URIRef(absolute(site_url, path))

    triples: list[tuple[URIRef, URIRef, URIRef | Literal]] = []

    def add(subject: URIRef, predicate: URIRef, value: URIRef | Literal) -> None:
        triples.append((subject, predicate, value))

    def swedish(subject: URIRef, predicate: URIRef, text: str) -> None:
        add(subject, predicate, Literal(text, lang="sv"))

    catalog = node("catalog")
    publisher = URIRef(settings.publisher_url) if settings.publisher_url else node("publisher")
    add(publisher, RDF.type, FOAF.Agent)
    add(publisher, FOAF.name, Literal(config.organisation))
    contact = node("contact") if settings.contact_email else None
    if contact is not None:
        add(contact, RDF.type, VCARD.Organization)
        add(contact, VCARD.fn, Literal(config.organisation))
        add(contact, VCARD.hasEmail, URIRef(f"mailto:{settings.contact_email}"))
    license_ = URIRef(settings.license) if settings.license else None
    if license_ is not None:
        add(license_, RDF.type, DCTERMS.LicenseDocument)

    dates = sorted(m.date for m in archive.meetings if m.date is not None)
    name = site_name(config)
    add(catalog, RDF.type, DCAT.Catalog)
    swedish(catalog, DCTERMS.title, name)
    swedish(
        catalog,
        DCTERMS.description,
        f"Öppna data ur {name}: möten, beslut och åtgärder tolkade ur minnesanteckningarna.",
    )
    add(catalog, DCTERMS.publisher, publisher)
    add(catalog, FOAF.homepage, link(urls.home()))
    add(catalog, DCTERMS.language, LANGUAGE)
    add(catalog, DCAT.themeTaxonomy, THEMES)
    if license_ is not None:
        add(catalog, DCTERMS.license, license_)
    if dates:
        add(catalog, DCTERMS.modified, Literal(dates[-1], datatype=XSD.date))

    for spec in _datasets(urls, config.organisation):
        dataset = node(spec.key)
        add(catalog, DCAT.dataset, dataset)
        add(dataset, RDF.type, DCAT.Dataset)
        swedish(dataset, DCTERMS.title, spec.title)
        swedish(dataset, DCTERMS.description, spec.description)
        add(dataset, DCTERMS.publisher, publisher)
        if contact is not None:
            add(dataset, DCAT.contactPoint, contact)
        for keyword in (*spec.keywords, config.organisation):
            swedish(dataset, DCAT.keyword, keyword)
        add(dataset, DCAT.theme, GOVERNMENT)
        add(dataset, DCTERMS.language, LANGUAGE)
        add(dataset, DCAT.landingPage, link(urls.home()))
        if config.open_data.spatial:
            add(dataset, DCTERMS.spatial, URIRef(config.open_data.spatial))
        if dates:
            period = node(f"{spec.key}-period")
            add(dataset, DCTERMS.temporal, period)
            add(period, RDF.type, DCTERMS.PeriodOfTime)
            add(period, DCAT.startDate, Literal(dates[0], datatype=XSD.date))
            add(period, DCAT.endDate, Literal(dates[-1], datatype=XSD.date))
            add(dataset, DCTERMS.modified, Literal(dates[-1], datatype=XSD.date))
        files = [("json", spec.json), *([("csv", spec.csv)] if spec.csv else [])]
        for kind, path in files:
            distribution = node(f"{spec.key}-{kind}")
            add(dataset, DCAT.distribution, distribution)
            add(distribution, RDF.type, DCAT.Distribution)
            swedish(distribution, DCTERMS.title, f"{spec.title} ({kind.upper()})")
            add(distribution, DCAT.accessURL, link(path))
            add(distribution, DCAT.downloadURL, link(path))
            add(distribution, DCAT.mediaType, MEDIA_TYPES[kind])
            add(distribution, DCTERMS.format, FILE_TYPES[kind])
            if license_ is not None:
                add(distribution, DCTERMS.license, license_)
            if kind == "json":
                schema = link(spec.schema)
                add(distribution, DCTERMS.conformsTo, schema)
                add(schema, RDF.type, DCTERMS.Standard)
                swedish(schema, DCTERMS.title, f"JSON Schema: {spec.title}")

    # The store that keeps insertion order (the default one iterates sets, whose order
    # changes with Python's hash seed from one run to the next).
    graph = Graph(store="SimpleMemory")
    for prefix, namespace in (("dcat", DCAT), ("dcterms", DCTERMS), ("foaf", FOAF),
                              ("vcard", VCARD), ("xsd", XSD)):  # fmt: skip
        graph.bind(prefix, namespace)
    for triple in sorted(set(triples)):
        graph.add(triple)
    return graph


JSONLD_CONTEXT = {
    "dcat": str(DCAT),
    "dcterms": str(DCTERMS),
    "foaf": str(FOAF),
    "vcard": str(VCARD),
    "xsd": str(XSD),
}
"""Prefixes that make the JSON-LD readable (``dcat:Dataset``, not a full address)."""


def catalogue_files(
    archive: Archive, urls: Urls, site_url: str | None, config: Config
) -> Iterator[tuple[str, bytes]]:
    """(site path, bytes) of the catalogue as RDF/XML and as JSON-LD."""
    graph = catalogue_graph(archive, urls, site_url, config)
    # rdflib declares the namespaces and lists the JSON-LD nodes in the order of a set,
    # which changes with Python's hash seed: ElementTree writes the same document with its
    # declarations sorted by prefix, and the nodes are sorted by address, so that every
    # build gives the same bytes.
    for prefix, namespace in (*JSONLD_CONTEXT.items(), ("rdf", str(RDF))):
        ET.register_namespace(prefix, namespace)
    root = ET.fromstring(graph.serialize(format="pretty-xml", encoding="utf-8"))
    xml = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    yield urls.file(urls.catalogue()), xml + b"\n"
    data = json.loads(graph.serialize(format="json-ld", context=JSONLD_CONTEXT))
    data["@graph"] = sorted(data["@graph"], key=lambda node: str(node["@id"]))
    text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True)
    yield urls.file(urls.catalogue_jsonld()), (text + "\n").encode("utf-8")
