"""The event store (SQLite or PostgreSQL): articles, deduplicated events, claims, and exports.

- ``db``: ``Store`` (open/migrate, transactional batch writes with dedupe, queries)
- ``schema``: tables and versioned migrations
- ``models``: ``StoredEvent``, ``StoredArticle``, ``EventFilter``, ``IngestReport`` ...
- ``sources``: ingest sources (files, folders, feeds, WARC, URLs) → articles
- ``ingest``: ``run_ingest`` (sources → extraction → store)
- ``exports``: JSONL, ACLED CSV, UCDP GED CSV, GeoJSON, Parquet

Nothing is imported at package import time beyond what names below need.
"""
from __future__ import annotations

from .db import Store, content_hash, normalize_url
from .models import (ArticleEvent, EventFilter, IngestProgress, IngestReport, SourceRef,
                     StoredArticle, StoredEvent)

__all__ = ["Store", "content_hash", "normalize_url", "ArticleEvent", "EventFilter",
           "IngestProgress", "IngestReport", "SourceRef", "StoredArticle", "StoredEvent"]
