"""Name folding shared by index build and lookup: case, diacritics, punctuation variants."""
from __future__ import annotations

import functools
import unicodedata

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
