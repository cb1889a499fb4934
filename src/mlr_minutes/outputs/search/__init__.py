"""Site search with Pagefind: the records of decisions and actions (:mod:`.records`),
running Pagefind over the written site (:mod:`.pagefind`), and making its index
reproducible (:mod:`.stabilise`)."""

from .pagefind import RECORDS, IndexStats, SearchIndexError, index_site
from .records import SearchRecord, search_records
from .stabilise import stabilise_bundle

__all__ = [
    "RECORDS",
    "IndexStats",
    "SearchIndexError",
    "SearchRecord",
    "index_site",
    "search_records",
    "stabilise_bundle",
]
