"""What portals, search engines, browsers and calendar apps read: the DCAT-AP-SE catalogue,
the Frictionless data package, schema.org JSON-LD, OpenSearch and the calendars' own
properties."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import warnings
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path
from typing import Any

import icalendar
import pytest
from frictionless import validate
from pyld import jsonld
from rdflib import Graph
from rdflib.compare import isomorphic
from rdflib.query import Result, ResultRow

from conftest import ARCHIVE, Built, Page, build
from mlr_minutes.config import DEFAULT, Config, OpenData
from mlr_minutes.views.structured import meeting_structured_data
from mlr_minutes.views.urls import Urls

SITE_URL = "https://mlr.example.se/mlr-arkiv/"
CONFIGURED = replace(
    DEFAULT,
    open_data=replace(
        DEFAULT.open_data,
        publisher_url="https://www.malmolundregionen.example/",
        contact_email="oppnadata@malmolundregionen.example",
        license="https://creativecommons.org/publicdomain/zero/1.0/",
    ),
)
MEETING = "2016-04-19-kommundirektormote"


@pytest.fixture(scope="module")
def portal_site(tmp_path_factory: pytest.TempPathFactory) -> Built:
    built = build(tmp_path_factory.mktemp("portal") / "site", base_url=SITE_URL, config=CONFIGURED)
    assert built.result.ok, [d.format() for d in built.result.diagnostics]
    return built


def _catalogue(site: Built) -> tuple[Graph, Graph]:
    rdf = Graph().parse(site.out / "api" / "dcat.rdf", format="xml")
    with warnings.catch_warnings():
        # rdflib's own JSON-LD parser uses its deprecated ConjunctiveGraph inside.
        warnings.filterwarnings("ignore", "ConjunctiveGraph is deprecated", DeprecationWarning)
        as_jsonld = Graph().parse(site.out / "api" / "dcat.jsonld", format="json-ld")
    return rdf, as_jsonld


PREFIXES = """
PREFIX dcat: <http://www.w3.org/ns/dcat#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX vcard: <http://www.w3.org/2006/vcard/ns#>
"""

MANDATORY = {
    "catalogue": """SELECT ?s WHERE { ?s a dcat:Catalog .
        FILTER NOT EXISTS { ?s dcterms:title ?t ; dcterms:description ?d ;
            dcterms:publisher ?p ; dcat:dataset ?x ; dcterms:license ?l } }""",
    "publisher": """SELECT ?p WHERE { ?s dcterms:publisher ?p .
        FILTER NOT EXISTS { ?p a foaf:Agent ; foaf:name ?n } }""",
    "dataset": """SELECT ?s WHERE { ?s a dcat:Dataset .
        FILTER NOT EXISTS { ?s dcterms:title ?t ; dcterms:description ?d ;
            dcterms:publisher ?p ; dcat:contactPoint ?c ; dcat:distribution ?x } }""",
    "contact point": """SELECT ?c WHERE { ?s dcat:contactPoint ?c .
        FILTER NOT EXISTS { ?c a vcard:Organization ; vcard:fn ?n ; vcard:hasEmail ?e } }""",
    "distribution": """SELECT ?s WHERE { ?s a dcat:Distribution .
        FILTER NOT EXISTS { ?s dcat:accessURL ?a } }""",
}
"""DCAT-AP-SE's mandatory properties (DIGG's exempel/obligatoriskt.ttl): every query lists
the nodes that lack one."""


def _rows(result: Result) -> list[tuple[str, ...]]:
    """A SELECT's rows as text (an unbound OPTIONAL as an empty string)."""
    return [
        tuple("" if value is None else str(value) for value in row)
        for row in result
        if isinstance(row, ResultRow)
    ]


def test_the_catalogue_parses_in_both_formats_as_the_same_graph(portal_site: Built) -> None:
    rdf, as_jsonld = _catalogue(portal_site)
    assert len(rdf) > 80
    assert isomorphic(rdf, as_jsonld)


@pytest.mark.parametrize("what", sorted(MANDATORY))
def test_every_mandatory_dcat_ap_se_property_is_there(portal_site: Built, what: str) -> None:
    rdf, as_jsonld = _catalogue(portal_site)
    for graph in (rdf, as_jsonld):
        assert graph.query(PREFIXES + "ASK { ?s a dcat:Catalog }").askAnswer
        assert list(graph.query(PREFIXES + MANDATORY[what])) == []


def test_datasets_distributions_and_the_recommended_properties(portal_site: Built) -> None:
    rdf, _ = _catalogue(portal_site)
    rows = rdf.query(
        PREFIXES
        + """SELECT ?title ?theme ?start ?end ?modified ?spatial WHERE {
            ?d a dcat:Dataset ; dcterms:title ?title ; dcat:theme ?theme ;
               dcterms:temporal [ dcat:startDate ?start ; dcat:endDate ?end ] ;
               dcterms:modified ?modified ; dcterms:spatial ?spatial ; dcat:keyword ?k .
        } GROUP BY ?d ?title ?theme ?start ?end ?modified ?spatial ORDER BY ?title"""
    )
    found = _rows(rows)
    theme = "http://publications.europa.eu/resource/authority/data-theme/GOVE"
    nuts = "http://data.europa.eu/nuts/code/SE224"
    assert [row[0] for row in found] == [
        "Beslut – MalmöLundregionen", "Möten – MalmöLundregionen", "Åtgärder – MalmöLundregionen",
    ]  # fmt: skip
    assert {row[1:] for row in found} == {(theme, "2016-04-19", "2017-05-23", "2017-05-23", nuts)}
    distributions = rdf.query(
        PREFIXES
        + """SELECT ?url ?media ?schema ?license WHERE {
            ?d a dcat:Distribution ; dcat:downloadURL ?url ; dcat:accessURL ?url ;
               dcat:mediaType ?media ; dcterms:license ?license .
            OPTIONAL { ?d dcterms:conformsTo ?schema } } ORDER BY ?url"""
    )
    urls = {row[0]: row for row in _rows(distributions)}
    assert sorted(urls) == sorted(
        f"{SITE_URL}{path}"
        for path in ("api/meetings.json", "api/decisions.json", "api/action-items.json",
                     "beslut.csv", "atgarder.csv")
    )  # fmt: skip
    assert urls[f"{SITE_URL}api/decisions.json"][2] == f"{SITE_URL}api/schema/decisions.json"
    assert urls[f"{SITE_URL}beslut.csv"][1].endswith("/text/csv")
    for url in urls:  # every address in the catalogue is a file of the site
        assert (portal_site.out / url.removeprefix(SITE_URL)).is_file(), url
    homepage = rdf.query(PREFIXES + "SELECT ?h WHERE { ?c a dcat:Catalog ; foaf:homepage ?h }")
    assert _rows(homepage) == [(SITE_URL,)]


def test_the_build_warns_about_what_the_catalogue_lacks_and_never_invents_it(
    tmp_path: Path,
) -> None:
    built = build(tmp_path / "site", base_url=SITE_URL)
    (note,) = [m for m in built.messages if "dcat" in m]
    for key in ("open_data.publisher_url", "open_data.contact_email", "open_data.license"):
        assert key in note
    rdf = Graph().parse(tmp_path / "site" / "api" / "dcat.rdf", format="xml")
    for predicate in ("dcterms:license", "dcat:contactPoint"):
        assert not rdf.query(PREFIXES + f"ASK {{ ?s {predicate} ?o }}").askAnswer
    assert rdf.query(PREFIXES + "ASK { ?c a dcat:Catalog ; dcterms:publisher ?p }").askAnswer
    configured = build(tmp_path / "configured", base_url=SITE_URL, config=CONFIGURED)
    assert not [m for m in configured.messages if "dcat" in m]


def test_the_catalogue_is_byte_identical_whatever_the_hash_seed() -> None:
    """rdflib orders namespaces and JSON-LD nodes by set iteration; the catalogue must not."""
    script = (
        "import hashlib, sys\n"
        "from pathlib import Path\n"
        "from mlr_minutes.archive import build_archive\n"
        "from mlr_minutes.config import DEFAULT\n"
        "from mlr_minutes.load import load_meetings\n"
        "from mlr_minutes.outputs.dcat import catalogue_files\n"
        "from mlr_minutes.views.urls import Urls\n"
        "archive = build_archive(load_meetings([Path(sys.argv[1])], DEFAULT).meetings, DEFAULT)\n"
        "for path, data in catalogue_files(archive, Urls('/a/'), 'https://x.se/a/', DEFAULT):\n"
        "    print(path, hashlib.sha256(data).hexdigest())\n"
    )
    digests = {
        subprocess.run(
            [sys.executable, "-c", script, str(ARCHIVE)],
            env={**os.environ, "PYTHONHASHSEED": seed},
            check=True, capture_output=True, text=True,
        ).stdout
        for seed in ("1", "2", "3")
    }  # fmt: skip
    assert len(digests) == 1
    assert "api/dcat.rdf" in digests.pop()


def test_the_data_package_and_its_csv_files_validate(portal_site: Built) -> None:
    package = portal_site.out / "datapackage.json"
    descriptor = json.loads(package.read_text("utf-8"))
    assert [r["path"] for r in descriptor["resources"]] == ["beslut.csv", "atgarder.csv"]
    assert descriptor["licenses"] == [{"path": CONFIGURED.open_data.license}]
    report = validate(str(package))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert [task.stats["rows"] for task in report.tasks] == [
        len(json.loads((portal_site.out / "api" / name).read_text("utf-8")))
        for name in ("decisions.json", "action-items.json")
    ]


def test_the_data_package_catches_a_csv_that_does_not_match_it(
    portal_site: Built, tmp_path: Path
) -> None:
    """The validation is real: a renamed column or a status outside the schema fails."""
    for name in ("datapackage.json", "beslut.csv", "atgarder.csv"):
        (tmp_path / name).write_bytes((portal_site.out / name).read_bytes())
    actions = tmp_path / "atgarder.csv"
    actions.write_text(actions.read_text("utf-8-sig").replace("öppen,", "pågår,", 1), "utf-8")
    decisions = tmp_path / "beslut.csv"
    decisions.write_text(decisions.read_text("utf-8-sig").replace("utfall", "resultat"), "utf-8")
    report = validate(str(tmp_path / "datapackage.json"))
    kinds = {error.type for task in report.tasks for error in task.errors}
    assert {"incorrect-label", "constraint-error"} <= kinds


def _structured(html: str) -> dict[str, Any]:
    start = html.index('<script type="application/ld+json">') + len(
        '<script type="application/ld+json">'
    )
    data: dict[str, Any] = json.loads(html[start : html.index("</script>", start)])
    return data


def _schema_org_loader(url: str, options: dict[str, Any]) -> dict[str, Any]:
    """schema.org's context, reduced to what expanding these pages needs, served locally:
    the tests never reach the network."""
    assert url.rstrip("/") == "https://schema.org", url
    context = {"@vocab": "https://schema.org/", "url": {"@type": "@id"}}
    return {"contextUrl": None, "documentUrl": url, "document": {"@context": context}}


def test_meeting_pages_carry_schema_org_json_ld(portal_site: Built) -> None:
    page_url = f"{SITE_URL}moten/{MEETING}/"
    html = portal_site.html(f"moten/{MEETING}/index.html")
    data = _structured(html)
    assert (data["@context"], data["@type"]) == ("https://schema.org", "Event")
    expanded = jsonld.expand(data, {"base": page_url, "documentLoader": _schema_org_loader})
    (event,) = expanded
    vocab = "https://schema.org/"
    assert event["@type"] == [f"{vocab}Event"]
    assert event[f"{vocab}url"] == [{"@id": page_url}]
    assert event[f"{vocab}startDate"][0]["@value"].startswith("2016-04-19")
    assert event[f"{vocab}location"][0][f"{vocab}name"][0]["@value"]
    attendees = event[f"{vocab}attendee"]
    names = {a[f"{vocab}name"][0]["@value"] for a in attendees if a["@type"] == [f"{vocab}Person"]}
    assert "Jan-Inge Ahlfrid" in names and len(names) > 5
    (minutes,) = event[f"{vocab}subjectOf"]
    assert minutes["@type"] == [f"{vocab}CreativeWork"]
    assert minutes[f"{vocab}datePublished"] == [{"@value": "2016-04-19"}]
    assert data["organizer"]["name"] == "MalmöLundregionen"
    assert data["location"]["name"] in html


def test_json_ld_cannot_close_its_script_block(portal_site: Built, tmp_path: Path) -> None:
    source = tmp_path / "minutes"
    source.mkdir()
    text = (ARCHIVE / f"{MEETING}.md").read_text("utf-8")
    text = text.replace("Stadshuset, Malmö,", "Stadshuset</script><script>alert(1)</script>,", 1)
    (source / f"{MEETING}.md").write_text(text, "utf-8")
    built = build(tmp_path / "site", source)
    html = built.html(f"moten/{MEETING}/index.html")
    head = html[: html.index("</head>")]
    assert head.count("</script>") == 1 and "<script>alert" not in head
    assert "</script>" in json.dumps(_structured(html))  # the title survives, escaped


def test_structured_data_without_time_or_place_keeps_to_what_is_known() -> None:
    from conftest import make_meeting

    meeting = replace(make_meeting(), start=None, end=None, location=None, attendees=())
    data = meeting_structured_data(meeting, Urls("/"), "MalmöLundregionen")
    assert (data["startDate"], data["endDate"]) == ("2016-04-19", "2016-04-19")
    assert "location" not in data and "attendee" not in data
    timed = meeting_structured_data(make_meeting(), Urls("/"), "MalmöLundregionen")
    assert timed["startDate"] == "2016-04-19T15:00:00+02:00"
    assert timed["endDate"] == "2016-04-19T17:30:00+02:00"


def _search_links(site: Built) -> set[str]:
    found: set[str] = set()
    for path in site.out.rglob("*.html"):
        tags = Page(path.read_text("utf-8")).tags
        links = [a for tag, a in tags if tag == "link" and a.get("rel") == "search"]
        assert [a["type"] for a in links] == ["application/opensearchdescription+xml"], path
        found.add(links[0]["href"])
    return found


def test_opensearch_is_valid_xml_and_linked_from_every_page(portal_site: Built) -> None:
    assert _search_links(portal_site) == {"/mlr-arkiv/opensearch.xml"}
    root = ET.parse(portal_site.out / "opensearch.xml").getroot()
    namespace = "{http://a9.com/-/spec/opensearch/1.1/}"
    assert root.tag == f"{namespace}OpenSearchDescription"
    short = root.findtext(f"{namespace}ShortName") or ""
    assert 0 < len(short) <= 16
    templates = {u.get("type"): u.get("template") for u in root.iter(f"{namespace}Url")}
    assert templates["text/html"] == f"{SITE_URL}sok/?q={{searchTerms}}"
    assert templates["application/opensearchdescription+xml"] == f"{SITE_URL}opensearch.xml"
    assert (portal_site.out / "sok" / "index.html").is_file()


def test_opensearch_follows_the_base_url(subpath_site: Built) -> None:
    assert _search_links(subpath_site) == {"/mlr-arkiv/opensearch.xml"}
    root = ET.parse(subpath_site.out / "opensearch.xml").getroot()
    templates = [u.get("template") for u in root.iter("{http://a9.com/-/spec/opensearch/1.1/}Url")]
    assert templates[0] == "/mlr-arkiv/sok/?q={searchTerms}"


def _calendar(site: Built, path: str) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical((site.out / path).read_bytes())


@pytest.mark.parametrize("path", ["kalender.ics", "fokusomraden/*/kalender.ics"])
def test_calendars_carry_the_rfc_7986_properties(portal_site: Built, path: str) -> None:
    files = sorted(portal_site.out.glob(path))
    assert files
    for file in files:
        relative = file.relative_to(portal_site.out).as_posix()
        calendar = _calendar(portal_site, relative)
        assert calendar["name"] == calendar["x-wr-calname"] and str(calendar["name"])
        assert str(calendar["description"])
        interval = calendar["refresh-interval"]
        assert isinstance(interval, icalendar.vDDDTypes)
        assert interval.dt == dt.timedelta(days=1) and interval.params["VALUE"] == "DURATION"
        assert str(calendar["source"]) == f"{SITE_URL}{relative}"
        assert str(calendar["url"]).startswith(SITE_URL)
        assert calendar["x-wr-timezone"] == "Europe/Stockholm"
        events = calendar.walk("VEVENT")
        assert events
        for event in events:
            url = str(event["url"])
            assert url.startswith(f"{SITE_URL}moten/"), url
            assert url in str(event["description"])
            assert (portal_site.out / url.removeprefix(SITE_URL).split("#")[0]).is_dir()


def test_configured_open_data_settings_are_read(tmp_path: Path) -> None:
    from mlr_minutes.config import load_config

    path = tmp_path / "mlr-minutes.yaml"
    path.write_text(
        "public_contacts: [info@lund.se, '@malmo.se']\n"
        "open_data:\n  license: https://creativecommons.org/licenses/by/4.0/\n",
        "utf-8",
    )
    config: Config = load_config(path)
    assert config.public_contacts == ("info@lund.se", "@malmo.se")
    assert config.open_data == OpenData(
        license="https://creativecommons.org/licenses/by/4.0/", spatial=DEFAULT.open_data.spatial
    )
