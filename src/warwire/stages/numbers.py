"""Figures in casualty phrases: "more than 6,500", "a dozen", "between 5 and 7", "seven".

A helper of the casualties stage (not a pipeline stage itself: it reads and writes no
``Analysis`` field). It turns a figure phrase into a ``Figure`` (low, high, qualifier, rule id),
either from plain text (``parse_figure``) or from parsed tokens around a number
(``figure_at``), which also reports the token span the figure covers.

Digits ("6,500", "12") are read directly, number words via ``text_to_num.text2num``; vague
quantities ("dozens", "several", "a handful") and qualifiers ("at least", "nearly", "up to") are
data in ``rules/numbers.yaml``, whose header documents the conventions (e.g. "dozens" = at
least 24, "several" = at least 3).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Optional, Sequence

from ..model import Token
from ..rules import load_yaml

_DIGITS = re.compile(r"^\d{1,3}(,\d{3})+$|^\d+$")
_DECIMAL = re.compile(r"^\d+\.\d+$")
_NUMBER_WORDS = frozenset(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty "
    "ninety hundred thousand million".split()
)
_JOIN_WORDS = frozenset({"-", "and"})  # "twenty-four", "three hundred and five"
# joiners of a range read backwards from its high end ("five to seven"): not "and" ("killed 5 and
# 7 were hurt" is two figures), nor after "from" ("rose from 5 to 7" is an update)
_BACK_JOINERS = frozenset({"to", "or", "-", "–"})


@dataclass(frozen=True, slots=True)
class Figure:
    low: Optional[int]
    high: Optional[int]
    qualifier: str  # one of model.Qualifier
    rule: str  # id of the numbers.yaml entry that decided it ("num.digits" for plain numbers)


@dataclass(frozen=True, slots=True)
class FigureSpan:
    first: int  # token index (document-wide) of the first token of the figure phrase
    last: int  # exclusive
    figure: Figure


@dataclass(frozen=True)
class _Rules:
    quantities: dict[tuple[str, ...], dict]
    quantity_max_len: int
    multipliers: dict[str, dict]
    qualifiers: dict[tuple[str, ...], dict]
    qualifier_max_len: int
    range_joiners: frozenset[str]


@functools.lru_cache(maxsize=1)
def _rules() -> _Rules:
    data = load_yaml("numbers.yaml")
    quantities = {tuple(q["match"].split()): q for q in data["quantities"]}
    qualifiers = {tuple(q["match"].split()): q for q in data["qualifiers"]}
    return _Rules(
        quantities=quantities,
        quantity_max_len=max(len(k) for k in quantities),
        multipliers={m["match"]: m for m in data["multipliers"]},
        qualifiers=qualifiers,
        qualifier_max_len=max(len(k) for k in qualifiers),
        range_joiners=frozenset(data["range_joiners"]),
    )


def is_number_word(word: str) -> bool:
    """True for digits ("6,500") and cardinal number words ("seven", "hundred")."""
    w = word.lower()
    return bool(_DIGITS.match(w)) or w in _NUMBER_WORDS


def parse_number(text: str) -> Optional[int]:
    """A cardinal written in digits or words: "6,500" → 6500, "twenty-four" → 24; else None."""
    t = text.strip().lower()
    if not t:
        return None
    if _DIGITS.match(t):
        return int(t.replace(",", ""))
    parts = t.replace("-", " ").split()
    if parts and parts[-1] in ("million", "thousand") and _DECIMAL.match(parts[0]) and len(parts) == 2:
        return int(float(parts[0]) * (1_000_000 if parts[-1] == "million" else 1000))
    if parts and parts[0] in ("a", "an") and len(parts) > 1:
        parts[0] = "one"
    if not parts or any(p not in _NUMBER_WORDS and p != "and" and not _DIGITS.match(p) for p in parts):
        return None
    if len(parts) == 2 and _DIGITS.match(parts[0]) and parts[1] in ("hundred", "thousand", "million"):
        return int(parts[0].replace(",", "")) * {"hundred": 100, "thousand": 1000, "million": 1_000_000}[parts[1]]
    try:
        from text_to_num import text2num

        return int(text2num(" ".join(parts), "en"))
    except ValueError:
        return None


def _qualified(value_low: Optional[int], value_high: Optional[int], qualifier: str) -> tuple[Optional[int], Optional[int]]:
    if qualifier in ("at_least", "more_than"):
        return value_low, None
    if qualifier == "at_most":
        return None, value_high
    return value_low, value_high


def parse_figure(text: str) -> Optional[Figure]:
    """Parse a whole figure phrase ("at least 12", "between 5 and 7", "dozens") or None."""
    words = [w for w in re.findall(r"\d[\d,.]*|[A-Za-z]+|[-–]", text.lower()) if w]
    toks = [Token(i, w, 0, 0, w, "", "", "", i, 0, "", is_number_word(w)) for i, w in enumerate(words)]
    if not toks:
        return None
    # anchor: the first number-like or quantity token
    rules = _rules()
    for i, tok in enumerate(toks):
        if tok.like_num or (tok.text,) in rules.quantities or tok.text in rules.multipliers:
            span = figure_at(toks, i, 0, len(toks))
            if span is not None:
                return span.figure
    return None


def _number_core(tokens: Sequence[Token], i: int, lo: int, hi: int) -> Optional[tuple[int, int, int]]:
    """The run of number tokens containing i: (first, last_exclusive, value)."""
    if not _is_num_tok(tokens[i]):
        return None
    first = i
    while first - 1 >= lo and (
        _is_num_tok(tokens[first - 1])
        or (tokens[first - 1].text.lower() in _JOIN_WORDS and first - 2 >= lo
            and _is_word_num(tokens[first - 2]) and _is_word_num(tokens[first]))
    ):
        first -= 1
    last = i + 1
    while last < hi and (
        _is_num_tok(tokens[last]) and (_is_word_num(tokens[last]) or tokens[last].text.lower() in ("million", "thousand"))
        or (tokens[last].text.lower() in _JOIN_WORDS and last + 1 < hi
            and _is_word_num(tokens[last - 1]) and _is_word_num(tokens[last + 1])
            and tokens[last + 1].text.lower() not in ("one",) or False)
    ):
        last += 1
    # never end on a joiner
    while last - 1 > first and tokens[last - 1].text.lower() in _JOIN_WORDS:
        last -= 1
    # two digit-numbers in a row are two figures, keep the one at i
    if any(_DIGITS.match(t.text) for t in tokens[first:last]) and last - first > 1:
        if not (last - first == 2 and tokens[last - 1].text.lower() in ("hundred", "thousand", "million")):
            first, last = i, i + 1
    text = " ".join(t.text for t in tokens[first:last])
    value = parse_number(text)
    if value is None:
        value = parse_number(tokens[i].text)
        first, last = i, i + 1
    if value is None:
        return None
    return first, last, value


def _is_word_num(tok: Token) -> bool:
    return tok.text.lower() in _NUMBER_WORDS


def _is_num_tok(tok: Token) -> bool:
    t = tok.text.lower()
    return bool(_DIGITS.match(t)) or t in _NUMBER_WORDS or bool(_DECIMAL.match(t))


def opens_qualifier(tokens: Sequence[Token], i: int, hi: int) -> bool:
    """True when a qualifier phrase of the rule file starts at token ``i`` ("no fewer than",
    "no less than"): its first word is then no quantity of its own ("no" is not zero)."""
    rules = _rules()
    for n in range(min(rules.qualifier_max_len, hi - i), 1, -1):
        if tuple(t.text.lower() for t in tokens[i:i + n]) in rules.qualifiers:
            return True
    return False


def figure_at(tokens: Sequence[Token], i: int, lo: int, hi: int) -> Optional[FigureSpan]:
    """The figure phrase around token ``i`` (a number or quantity word), within [lo, hi).

    ``tokens`` is indexed by document token index (``ParsedText.tokens``); ``lo``/``hi`` bound
    the search (the sentence). Returns None when token ``i`` starts no figure.
    """
    rules = _rules()
    low_word = tokens[i].text.lower()
    core = _number_core(tokens, i, lo, hi)
    rule = "num.digits" if core and _DIGITS.match(tokens[core[0]].text) else "num.words"
    qualifier = "exact"
    if core is not None:
        first, last, value = core
        low: Optional[int] = value
        high: Optional[int] = value
        # multiplier: "two dozen"
        if last < hi and tokens[last].text.lower() in rules.multipliers and not tokens[last].text.lower().endswith("s"):
            m = rules.multipliers[tokens[last].text.lower()]
            low = high = value * int(m["factor"])
            rule = m["id"]
            last += 1
        # range: "5 to 7", "5-7", "between 5 and 7", "5 or 6"
        if last + 1 < hi and tokens[last].text.lower() in rules.range_joiners:
            nxt = _number_core(tokens, last + 1, last + 1, hi)
            if nxt is not None and nxt[0] == last + 1 and nxt[2] > value:
                low, high = value, nxt[2]
                qualifier = "range"
                rule = "num.range"
                last = nxt[1]
        if first - 1 >= lo and tokens[first - 1].text.lower() == "between" and qualifier == "range":
            first -= 1
        # a range told from its high end: "five to seven people" (the noun's number is "seven")
        if qualifier == "exact" and first - 2 >= lo and tokens[first - 1].text.lower() in _BACK_JOINERS \
                and not (first - 3 >= lo and tokens[first - 3].text.lower() in ("from", "between")):
            prev = _number_core(tokens, first - 2, lo, first - 1)
            if prev is not None and prev[1] == first - 1 and prev[2] < low:
                low, qualifier, rule = prev[2], "range", "num.range"
                first = prev[0]
    else:
        match = None
        for n in range(rules.quantity_max_len, 0, -1):
            for start in range(max(lo, i - n + 1), i + 1):
                end = start + n
                if end > hi or end <= i:
                    continue
                key = tuple(t.text.lower() for t in tokens[start:end])
                if key in rules.quantities:
                    match = (start, end, rules.quantities[key])
                    break
            if match:
                break
        if match is None:
            return None
        first, last, q = match
        low, high, qualifier, rule = q["low"], q["high"], q["qualifier"], q["id"]
        if low_word not in (t.text.lower() for t in tokens[first:last]):
            return None
    # qualifier before: longest match ending at first-1
    if qualifier in ("exact", "about"):
        for n in range(rules.qualifier_max_len, 0, -1):
            start = first - n
            if start < lo:
                continue
            key = tuple(t.text.lower() for t in tokens[start:first])
            if key in rules.qualifiers:
                q = rules.qualifiers[key]
                qualifier = q["qualifier"]
                rule = f"{rule}+{q['id']}"
                base = low if low is not None else high
                low, high = _qualified(base, base if high is not None else None, qualifier)
                first = start
                break
    return FigureSpan(first, last, Figure(low, high, qualifier, rule))
