"""View models: the plain data each page template shows, in Swedish, with URLs resolved.

Templates never see the core model.  Every page becomes a :class:`~.types.Page` whose
``view`` is a frozen dataclass of strings, numbers, tuples and links, built from the
:class:`~mlr_minutes.archive.Archive` by looking up only what that page shows, so that
pages could be rendered independently (and in parallel).  Markdown stays Markdown here
(:class:`~.types.MarkdownText`); turning it into HTML is the renderer's job.

One module per page family (``home``, ``meetings``, ``meeting``, ``decisions``,
``actions``, ``focus_areas``, ``people``, ``fixed``), each with its view types beside
its builder; :mod:`.site` walks them in order.  What several families share is in
``types`` (links, rows, the page), ``text`` (Swedish dates and titles), ``urls``,
``context`` (the archive, URLs, day and configuration a family builds from, and the
rows it shows), ``years`` (lists split by year), ``chart`` and ``facets`` (the site
search's filters).  Outputs beside the pages (feeds, calendars, open data, search) may
use the shared modules, never a family's.
"""
