"""The registry: the one ordered list of per-article stages (after ``ingest``, which reads raw
input into ``Article``s and so runs before the pipeline). ``default_stages()`` imports them on
first call, so importing warwire does no work."""
from __future__ import annotations

from ..pipeline import Stage


def default_stages() -> list[Stage]:
    from . import actors, assemble, casualties, dates, parse, places, triggers

    return [parse.STAGE, casualties.STAGE, dates.STAGE, places.STAGE, actors.STAGE, triggers.STAGE,
            assemble.STAGE]
