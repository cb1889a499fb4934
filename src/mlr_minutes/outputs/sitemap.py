"""``/sitemap.xml`` and ``/robots.txt``: how search engines find every page.

The sitemap protocol wants absolute URLs; they are written when the build
knows the site's address (``--base-url https://…/``), root-relative otherwise.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from xml.etree import ElementTree as ET

from ..views.urls import Urls

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def sitemap(paths: Iterable[str], urls: Urls, origin: str | None) -> bytes:
    """A sitemap of the pages at ``paths`` (relative to the site, ``moten/x/``)."""
    ET.register_namespace("", SITEMAP_NS)
    root = ET.Element(f"{{{SITEMAP_NS}}}urlset")
    for path in paths:
        url = ET.SubElement(root, f"{{{SITEMAP_NS}}}url")
        ET.SubElement(url, f"{{{SITEMAP_NS}}}loc").text = f"{origin or ''}{urls.base}{path}"
    ET.indent(root)
    data: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return data + b"\n"


def robots(urls: Urls, origin: str | None) -> bytes:
    """Everything may be indexed; the sitemap is named when its address is absolute."""
    lines = ["User-agent: *", "Allow: /"]
    if origin:
        lines.append(f"Sitemap: {origin}{urls.sitemap()}")
    return ("\n".join(lines) + "\n").encode("utf-8")


def sitemap_files(
    paths: Iterable[str], urls: Urls, origin: str | None
) -> Iterator[tuple[str, bytes]]:
    """(site path, bytes) of the sitemap of the pages at ``paths`` and of ``robots.txt``."""
    yield urls.file(urls.sitemap()), sitemap(paths, urls, origin)
    yield urls.file(urls.robots()), robots(urls, origin)
