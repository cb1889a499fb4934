"""``opensearch.xml``: the site's search described for browsers (OpenSearch 1.1).

Every page links to it (``<link rel="search">``), so that a browser can offer the
archive's search in its address bar; the search page reads ``?q=`` from the address.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator

from ..config import Config
from ..views.text import site_name
from ..views.urls import Urls
from .feeds import absolute

OPENSEARCH = "http://a9.com/-/spec/opensearch/1.1/"
SHORT_NAME_LENGTH = 16
"""OpenSearch's limit on ``ShortName``."""
MEDIA_TYPE = "application/opensearchdescription+xml"


def search_template(urls: Urls, site_url: str | None) -> str:
    """The search page's address with OpenSearch's placeholder for what is typed."""
    return f"{absolute(site_url, urls.search())}?q={{searchTerms}}"


def opensearch_description(urls: Urls, site_url: str | None, config: Config) -> bytes:
    """The OpenSearch description document."""
    root = ET.Element(f"{{{OPENSEARCH}}}OpenSearchDescription")

    def add(tag: str, text: str | None = None, **attributes: str) -> None:
        element = ET.SubElement(root, f"{{{OPENSEARCH}}}{tag}", attributes)
        element.text = text

    name = config.organisation
    short = name if len(name) <= SHORT_NAME_LENGTH else name[: SHORT_NAME_LENGTH - 1] + "…"
    add("ShortName", short)
    add("Description", f"Sök i {site_name(config)}: möten, beslut och åtgärder.")
    add("InputEncoding", "UTF-8")
    add("Language", "sv")
    add("Image", absolute(site_url, urls.favicon()), type="image/svg+xml", width="16", height="16")
    add("Url", type="text/html", method="get", template=search_template(urls, site_url))
    add("Url", type=MEDIA_TYPE, rel="self", template=absolute(site_url, urls.opensearch()))
    ET.indent(root)
    ET.register_namespace("", OPENSEARCH)  # as the feeds do: every call, before writing
    text: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return text + b"\n"


def opensearch_files(
    urls: Urls, site_url: str | None, config: Config
) -> Iterator[tuple[str, bytes]]:
    """(site path, bytes) of ``opensearch.xml``."""
    yield urls.file(urls.opensearch()), opensearch_description(urls, site_url, config)
