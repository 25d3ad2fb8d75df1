"""Session-wide fixtures: the spaCy pipeline loaded the way production loads it (warwire's own
loader, with the paragraph-break component) and the packaged gazetteer, once per test session."""
from __future__ import annotations

from typing import Any

import pytest

from warwire.pipeline import Resources
from warwire.settings import load_settings
from warwire.stages.parse import nlp_for


@pytest.fixture(scope="session")
def nlp() -> Any:
    """The production spaCy pipeline (``stages.parse.load_nlp``), shared by every test."""
    return nlp_for(Resources(load_settings()))


@pytest.fixture(scope="session")
def real_gaz() -> Any:
    """The packaged gazetteer index (built once into the user cache, then reused)."""
    from warwire.gazetteer.build import default_index_path
    from warwire.gazetteer.sqlite import SqliteGazetteer

    return SqliteGazetteer(default_index_path(500))
