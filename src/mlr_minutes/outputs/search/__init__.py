"""Site search with Pagefind: the records of decisions and actions (:mod:`.records`),
the index in parts (:mod:`.shards`), running Pagefind over each part's pages
(:mod:`.pagefind`), and making its index reproducible (:mod:`.stabilise`)."""

from .pagefind import RECORDS, IndexStats, SearchIndexError
from .records import SearchRecord, meeting_records, search_records
from .shards import NO_REUSE, ShardInput, ShardRecord, ShardReuse, index_shards, shard_inputs
from .stabilise import stabilise_bundle

__all__ = [
    "NO_REUSE",
    "RECORDS",
    "IndexStats",
    "SearchIndexError",
    "SearchRecord",
    "ShardInput",
    "ShardRecord",
    "ShardReuse",
    "index_shards",
    "meeting_records",
    "search_records",
    "shard_inputs",
    "stabilise_bundle",
]
