"""A cheap relevance pre-filter, run on the raw text before parsing: articles with no vocabulary of
violence or political violence (a sports result, an earnings report) skip spaCy altogether.

An article is relevant when one ``strong`` pattern of ``rules/triggers.yaml`` (section
``relevance``) matches, or at least two different ``weak`` ones do. Calibration (gvc-dev, 4,152
US gun-violence articles): every article whose gold reports a casualty must pass (measured
100 %; the floor is 99.5 %), so the patterns lean towards recall; ``weak`` words (police, gun,
fire, attack ...) alone are too common in sports and business copy to count once.
"""
from __future__ import annotations

import functools
import re

from .rules import load_yaml


@functools.lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], tuple[re.Pattern[str], ...]]:
    data = load_yaml("triggers.yaml")["relevance"]
    strong = re.compile("|".join(f"(?:\\b(?:{p}))" for p in data["strong"]), re.IGNORECASE)
    weak = tuple(re.compile(f"\\b(?:{p})", re.IGNORECASE) for p in data["weak"])
    return strong, weak


def is_relevant(text: str, title: str | None = None) -> bool:
    """True when ``text`` (and ``title``) may report violence worth parsing."""
    strong, weak = _patterns()
    full = f"{title}\n{text}" if title else text
    if strong.search(full):
        return True
    hits = 0
    for p in weak:
        if p.search(full):
            hits += 1
            if hits >= 2:
                return True
    return False
