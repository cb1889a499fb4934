"""Script in the minutes never runs on the site: OWASP's XSS vectors written into every
field a minutes file has, built, and every page opened in Chromium – no dialog may open.

Needs Chromium like :mod:`test_browser` (skipped without it unless ``MLR_REQUIRE_BROWSER``).
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from typing import Any

import pytest

from conftest import _QuietHandler, build

pytestmark = pytest.mark.browser

VECTORS = (
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(2)>',
    "'><svg onload=alert(3)>",
    '<iframe src="javascript:alert(4)"></iframe>',
    "</title><script>alert(5)</script>",
    '<a href="javascript:alert(6)">länk</a>',
    "<body onload=alert(7)>",
    "<details open ontoggle=alert(8)>",
    "{{ ''.__class__ }}<math><mtext><table><mglyph><style><img src=x onerror=alert(9)>",
)
"""From OWASP's XSS Filter Evasion Cheat Sheet: tags, attributes, javascript: URLs, breaking
out of a quoted attribute and of ``<title>``, and a template expression."""


def minutes(vector: str, day: int) -> str:
    """A meeting with ``vector`` in every field: front matter, metadata, headings, decisions,
    actions, owners, focus areas, references, links and plain text."""
    quoted = vector.replace('"', '\\"')
    return f"""---
title: "Styrelsemöte {quoted}"
location: "Lund {quoted}"
attendees:
  - "Anna {quoted} (Lund)"
---

# Styrelsemöte {vector}

Mötesdatum\t2016-03-{day:02d}
Plats och tid\tMalmö {vector}, kl. 13:00-15:00
Närvarande\tBertil {vector} (Malmö, ordförande), Cecilia Ek (Lund)

### 1. Ärende {vector}

Text {vector} och [länk {vector}](javascript:alert(10)) och ![bild](x" onerror="alert(11)).

**Beslut:** Styrelsen beslutade {vector}.

- *Arbetsmarknad {vector}*: Lägesrapport {vector}.

### 2. Åtgärder

- [ ] Skriva {vector} (ansvarig: Dora {vector}, klart: 30/9)

Se minnesanteckningarna från 2016-02-{day:02d} {vector}.
"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, list[str]]]:
    root = tmp_path_factory.mktemp("xss")
    source = root / "minutes"
    source.mkdir()
    for day, vector in enumerate(VECTORS, start=1):
        (source / f"2016-03-{day:02d}-styrelsemote-{day}.md").write_text(
            minutes(vector, day), "utf-8"
        )
    built = build(root / "site", source)
    assert built.result.written, [d.format() for d in built.result.diagnostics]
    pages = sorted(
        p.relative_to(built.out).as_posix()
        for p in built.out.rglob("*.html")
        if "pagefind" not in p.parts
    )
    handler = functools.partial(_QuietHandler, directory=str(built.out))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", pages
    httpd.shutdown()
    httpd.server_close()
    thread.join()


def test_no_vector_opens_a_dialog_on_any_page(
    chromium: Any, hostile_site: tuple[str, list[str]]
) -> None:
    server, pages = hostile_site
    assert len(pages) > 20
    context = chromium.new_context()
    tab = context.new_page()
    dialogs: list[str] = []

    def record(dialog: Any) -> None:
        dialogs.append(f"{tab.url}: {dialog.message}")
        dialog.dismiss()

    tab.on("dialog", record)
    try:
        for page in pages:
            tab.goto(f"{server}/{page}")
            tab.wait_for_load_state("load")
            for details in tab.query_selector_all("details"):
                details.evaluate("element => { element.open = true; }")
        # The search results are drawn by script from the index: the vectors as text there too.
        for word in ("alert", "onerror", "ärende"):
            tab.goto(f"{server}/sok/?q={word}")
            tab.wait_for_selector("pagefind-results .pf-result", timeout=15_000)
            tab.wait_for_timeout(300)
        assert "alert(" in tab.inner_text("pagefind-results")
    finally:
        context.close()
    assert dialogs == []
