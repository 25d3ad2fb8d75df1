"""Name folding shared by index build and lookup.

``fold`` is the exact key: case, diacritics and punctuation variants. ``loose`` goes further and
folds transliteration variants of one name ("Khan Younis" / "Khan Yunis", "Hassakeh" /
"Al-Hasakah", "Qandahar" / "Kandahar") with the ordered rules of ``rules/transliteration.yaml``;
indexes store both keys and lookups try the loose key only when the exact one names no place.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from typing import Optional

from ..rules import load_yaml

# Letters NFKD does not decompose, and punctuation that varies between spellings of one name
# ("Deir ez-Zor" / "Deir ez Zor", "St. Louis" / "St Louis", "Ma'arrat" / "Maarrat").
_TABLE = str.maketrans({
    "ə": "a", "Ə": "a", "ı": "i", "ø": "o", "Ø": "o", "æ": "ae", "Æ": "ae", "ß": "ss",
    "đ": "d", "Đ": "d", "ł": "l", "Ł": "l", "þ": "th", "ð": "d", "œ": "oe", "Œ": "oe",
    "’": "", "‘": "", "'": "", "ʼ": "", "ʻ": "", "ʿ": "", "ʾ": "", "`": "", "´": "",
    "-": " ", "‐": " ", "‑": " ", "–": " ", "—": " ", ".": "", ",": " ",
})


@functools.lru_cache(maxsize=200_000)
def fold(name: str) -> str:
    """Lookup key of a name: lower case, no diacritics, hyphens as spaces, no dots/apostrophes."""
    s = unicodedata.normalize("NFKD", name.translate(_TABLE))
    s = "".join(c for c in s if not unicodedata.combining(c))
    return " ".join(s.lower().split())


def is_latin_key(key: str) -> bool:
    """True when a folded key is plain ASCII with a letter (English news never writes the rest)."""
    return key.isascii() and any(c.isalpha() for c in key)


# id, pattern, replacement, index_only, min_population (of the place, for index-only rules)
_Rule = tuple[str, re.Pattern, str, bool, int]


@functools.lru_cache(maxsize=1)
def _loose_rules() -> tuple[int, tuple[_Rule, ...]]:
    data = load_yaml("transliteration.yaml")
    rules = tuple((r["id"], re.compile(r["pattern"]), r["replace"], bool(r.get("index_only")),
                   int(r.get("min_population", 0))) for r in data["rules"])
    return int(data.get("min_key", 0)), rules


@functools.lru_cache(maxsize=1)
def _loose_scope() -> tuple[frozenset[str], int]:
    data = load_yaml("transliteration.yaml")
    return frozenset(str(c) for c in data["countries"]), int(data.get("min_population", 0))


def gets_loose_keys(country: Optional[str], kind: str, population: int) -> bool:
    """Whether a place is indexed under loose keys: in a country of transliterated names
    (transliteration.yaml), and a division, region or a town of ``min_population`` or more."""
    countries, min_pop = _loose_scope()
    return country in countries and (kind != "city" or population >= min_pop)


def _apply(key: str, population: Optional[int]) -> str:
    """The key after the lookup rules, and after the index-only rules too when the place's
    ``population`` is given and reaches theirs."""
    min_key, rules = _loose_rules()
    for _rid, pattern, repl, index_only, min_pop in rules:
        if not index_only or (population is not None and population >= min_pop):
            key = pattern.sub(repl, key)
    return key if len(key) >= min_key else ""


@functools.lru_cache(maxsize=200_000)
def loose(name: str) -> str:
    """Transliteration-folded lookup key of a name ("" when too short to trust or not Latin)."""
    key = fold(name)
    return _apply(key, None) if is_latin_key(key) else ""


def loose_index_keys(name: str, population: int = 0) -> set[str]:
    """The loose keys an index stores for a place's name: the lookup key, and the key with the
    index-only rules applied too (the name without its article) as the place's size allows."""
    key = fold(name)
    if not is_latin_key(key):
        return set()
    return {k for k in (_apply(key, None), _apply(key, population)) if k}


def place_loose_keys(place: "PlaceCandidate") -> set[str]:  # noqa: F821
    """The loose keys both index kinds store for a place: its own name's (alternate names get
    none: GeoNames' include old and foreign forms, "Baris" for Isparta, that a loose key turns
    into namesakes of unrelated villages), when its country and size call for them."""
    if not gets_loose_keys(place.country, place.kind, place.population):
        return set()
    return loose_index_keys(place.name, place.population)


def loose_trace(name: str) -> list[tuple[str, str]]:
    """(rule id, key after the rule) for each lookup rule that changed the key: why two names
    meet."""
    key = fold(name)
    out = []
    for rid, pattern, repl, index_only, _min_pop in _loose_rules()[1]:
        if index_only:
            continue
        new = pattern.sub(repl, key)
        if new != key:
            out.append((rid, new))
        key = new
    return out


def joined_hyphens(name: str) -> str:
    """The folded key of a hyphenated name written as one word ("Impasug-ong" → "impasugong",
    the gazetteer's spelling) when a hyphen comes before a lower-case piece (a break between
    syllables; "Tri-State" joins two words, whose run-together form names another place);
    "" otherwise."""
    if not re.search(r"\w-[a-z]", name):
        return ""
    return fold(re.sub(r"(?<=\w)-(?=\w)", "", name))
