"""Fixtures for the store tests: fresh store URLs (SQLite in a temp dir; PostgreSQL when
WARWIRE_TEST_PG_URL is set, e.g. from .ci/start-postgres.sh)."""
from __future__ import annotations

import os

import pytest

PG_URL = os.environ.get("WARWIRE_TEST_PG_URL")


def _reset_pg(url: str) -> None:
    import sqlalchemy as sa

    from warwire.store import normalize_url

    eng = sa.create_engine(normalize_url(url))
    with eng.begin() as conn:
        conn.execute(sa.text("DROP TABLE IF EXISTS name_counts, event_actors, claims, event_articles, events, articles, meta "
                             "CASCADE"))
    eng.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path) -> str:
    """A fresh, empty store URL: SQLite, and PostgreSQL when WARWIRE_TEST_PG_URL is set."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.db'}"
    if not PG_URL:
        pytest.skip("WARWIRE_TEST_PG_URL is not set (.ci/start-postgres.sh prints one)")
    _reset_pg(PG_URL)
    return PG_URL
