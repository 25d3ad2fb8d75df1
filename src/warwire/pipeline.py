"""The pipeline: an ordered list of stages, each declaring the ``Analysis`` fields it reads and
writes (like spaCy's ``requires``/``assigns``). The chain is checked when the pipeline is built,
so a stage that reads what no earlier stage writes fails at construction, not mid-corpus.

A stage's ``run(analysis, resources)`` is a pure function of the article (and of the loaded,
read-only resources): it returns a dict of the fields it writes; the pipeline sets them.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any, Callable

from .errors import ConfigError
from .model import Analysis
from .settings import Settings

INPUT_FIELDS = ("article",)


@dataclass(frozen=True)
class Stage:
    name: str
    reads: tuple[str, ...]
    writes: tuple[str, ...]
    run: Callable[[Analysis, "Resources"], dict[str, Any]]


@dataclass
class Resources:
    """Read-only things the stages use, loaded once per process and on first use."""

    settings: Settings
    _cache: dict[str, Any] = field(default_factory=dict)

    def get(self, name: str, loader: Callable[["Resources"], Any]) -> Any:
        if name not in self._cache:
            self._cache[name] = loader(self)
        return self._cache[name]


class Pipeline:
    def __init__(self, stages: list[Stage], resources: Resources):
        available = set(INPUT_FIELDS)
        known = {f for f in Analysis.__dataclass_fields__}
        for stage in stages:
            missing = [r for r in stage.reads if r not in available]
            if missing:
                raise ConfigError(f"stage {stage.name!r} reads {missing} which no earlier stage writes")
            unknown = [w for w in stage.writes if w not in known]
            if unknown:
                raise ConfigError(f"stage {stage.name!r} writes unknown fields {unknown}")
            available.update(stage.writes)
        self.stages = stages
        self.resources = resources

    def run(self, analysis: Analysis) -> Analysis:
        for stage in self.stages:
            out = stage.run(analysis, self.resources)
            extra = set(out) - set(stage.writes)
            if extra:
                raise ConfigError(f"stage {stage.name!r} wrote undeclared fields {sorted(extra)}")
            for key, value in out.items():
                setattr(analysis, key, value)
        return analysis


@functools.lru_cache(maxsize=4)
def cached_resources(settings: Settings) -> Resources:
    """One Resources per settings per process (workers load the model and gazetteer once)."""
    return Resources(settings)
