"""The date rules of ``rules/dates.yaml`` and what a match stands for, used by stages/dates.py.

``lexicon()`` loads the rules (regexes with ids, the ``vocab`` placeholders filled) and the
context lexicons that weigh a date when choosing an event's date; ``_resolve`` turns a rule's
match into the days it names, reckoned from an anchor day (the publication date, or the
article's own stamp or dateline) when the expression is relative; calendar helpers besides.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from typing import Any, Optional

from dateutil.easter import easter

from ..rules import load_yaml

RULE_FILE = "dates.yaml"
_PRECISION_RANK = {"day": 3, "week": 2, "month": 1, "year": 0}
_WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
_MONTHS = {m: i + 1 for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"))}
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                 "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}


# ------------------------------------------------------------------------------------------------
# Rules
# ------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class DateRule:
    id: str
    resolve: str
    regex: re.Pattern[str]
    order: int
    days: Optional[int] = None
    offset: int = 0
    last: bool = False
    next: bool = False
    score: float = 0.0  # added when choosing an event date (how sure a match is to name a day)
    across_midnight: bool = False  # "late Friday or early Saturday": the later of two days
    # the days (from, to; relative to the day it resolves to) a night it names may fall on:
    # "overnight" (dated the morning after) may be the evening before, "last night" the small
    # hours after it. A day the text names inside them tells which (dates.py ``_refined``).
    night: Optional[tuple[int, int]] = None


@dataclass(frozen=True)
class DateLexicon:
    rules: tuple[DateRule, ...]
    month_word: re.Pattern[str]  # any month name (for DATE entities handed to dateparser)
    clock_after: re.Pattern[str]  # what after a number makes it a clock time, not a year
    future: re.Pattern[str]  # words that put a sentence in the future
    say_lemmas: frozenset[str]
    other_lemmas: frozenset[str]  # heads that make a date belong to something else (court ...)
    incident_lemmas: frozenset[str]
    fired_things: frozenset[str]  # "shots were fired": the passive "fired" of a shooting
    death_lemmas: frozenset[str]  # "died Friday": when a victim died, maybe days after the incident
    future_lemmas: frozenset[str]  # auxiliaries and words that put a date in the future
    stamp: re.Pattern[str]  # "Posted", "Updated": a publication stamp, not the incident
    stamp_label: re.Pattern[str]  # "Posted:" just before a date: the article's own stamp
    dateline_before: re.Pattern[str]  # "SAVANNAH, GA (" : a dateline's place before its date
    dateline_after: re.Pattern[str]  # "):", " (Reuters) -": what follows a dateline's date
    incident_after: re.Pattern[str]  # "Sunday's shooting", "the May 7 attack": names an incident
    clock_before: re.Pattern[str]  # "at 5:45 p.m." just before a date ("... p.m. Friday")
    clock_following: re.Pattern[str]  # "at about 10 a.m." just after a date ("Friday at ...")
    weekday_shift: re.Pattern[str]  # "the following" just before a weekday: another week's day
    incident_phrase: re.Pattern[str]  # "opened fire": a phrase whose words name the incident
    playlist_line: re.Pattern[str]  # "1:16 Sunday Interview: ...": a video playlist's line
    caption_line: re.Pattern[str]  # "(Photo: ...)", "Image 3 of 8": a photo caption's line
    clock_abbreviation: re.Pattern[str]  # "p.m." ending a piece of text: a sentence split at a clock time
    death_before: re.Pattern[str]  # "pronounced dead at 5:24 p.m." just before a date: a death's day
    incident_before: re.Pattern[str]  # "the shooting took place" just before a date: the incident's day
    modifier_before: re.Pattern[str]  # "an", "the": before "overnight" used as a modifier
    modifier_after: re.Pattern[str]  # "raid": a noun right after it
    holidays: tuple[dict[str, Any], ...] = ()
    by_id: dict[str, DateRule] = field(default_factory=dict)  # the rules by id


@functools.lru_cache(maxsize=1)
def lexicon() -> DateLexicon:
    data = load_yaml(RULE_FILE)
    vocab: dict[str, str] = {k: str(v).strip() for k, v in data["vocab"].items()}

    def fill(pattern: str) -> str:
        for _ in range(3):  # placeholders may hold placeholders
            for key, val in vocab.items():
                pattern = pattern.replace("{" + key + "}", val)
        return pattern

    rules = []
    for order, r in enumerate(data["rules"]):
        body = fill(r["pattern"])
        regex = re.compile(r"(?<![A-Za-z0-9])(?:" + body + r")(?![A-Za-z0-9])")
        rules.append(DateRule(r["id"], r["resolve"], regex, order, r.get("days"), r.get("offset", 0),
                              bool(r.get("last")), bool(r.get("next")), float(r.get("score", 0.0)),
                              bool(r.get("across_midnight")),
                              tuple(r["night"]) if r.get("night") else None))
    ctx = data["context"]
    return DateLexicon(
        rules=tuple(rules),
        by_id={r.id: r for r in rules},
        month_word=re.compile(r"(?<![A-Za-z])" + vocab["MONTH"] + r"(?![a-z])"),
        clock_after=re.compile(fill(ctx["clock_after"])),
        future=re.compile(fill(ctx["future"])),
        say_lemmas=frozenset(ctx["say_lemmas"]),
        other_lemmas=frozenset(ctx["other_lemmas"]),
        incident_lemmas=frozenset(ctx["incident_lemmas"]),
        fired_things=frozenset(ctx["fired_things"]),
        death_lemmas=frozenset(ctx["death_lemmas"]),
        future_lemmas=frozenset(ctx["future_lemmas"]),
        stamp=re.compile(fill(ctx["stamp"])),
        stamp_label=re.compile(fill(ctx["stamp_label"])),
        dateline_before=re.compile(fill(ctx["dateline_before"])),
        dateline_after=re.compile(fill(ctx["dateline_after"])),
        incident_after=re.compile(r"(?:'s|’s)?,?\s+(?:(?!(?:" + "|".join(ctx["not_modifiers"])
                                  + r")\s)[A-Za-z-]+\s+){0,2}?(?:"
                                  + "|".join(sorted(ctx["incident_nouns"], key=len, reverse=True))
                                  + r")(?:e?s)?(?![A-Za-z])", re.I),
        clock_before=re.compile(fill(ctx["clock_before"])),
        clock_following=re.compile(fill(ctx["clock_following"])),
        weekday_shift=re.compile(fill(ctx["weekday_shift"])),
        incident_phrase=re.compile(fill(ctx["incident_phrase"])),
        playlist_line=re.compile(fill(ctx["playlist_line"])),
        caption_line=re.compile(fill(ctx["caption_line"])),
        clock_abbreviation=re.compile(fill(ctx["clock_abbreviation"])),
        death_before=re.compile(fill(ctx["death_before"])),
        incident_before=re.compile(fill(ctx["incident_before"])),
        modifier_before=re.compile(fill(ctx["modifier_before"])),
        modifier_after=re.compile(fill(ctx["modifier_after"])),
        holidays=tuple(data.get("holidays", ())),
    )


# ------------------------------------------------------------------------------------------------
# Calendar helpers
# ------------------------------------------------------------------------------------------------
def _month(s: str) -> int:
    return _MONTHS[s.strip(". ").lower()[:3]]


def _weekday(s: str) -> int:
    return _WEEKDAYS[s.strip(". ").lower()[:3]]


def _day(s: str) -> int:
    return int(re.sub(r"[^0-9]", "", s))


def _number(s: str) -> int:
    s = s.lower()
    return int(s) if s.isdigit() else _NUMBER_WORDS[s]


def _year(s: str) -> int:
    y = int(s)
    return y + (2000 if y < 50 else 1900) if len(s) == 2 else y


def _is_weekday(year: int, month: int, day: int, weekday: str) -> bool:
    try:
        return dt.date(year, month, day).weekday() == _weekday(weekday)
    except ValueError:  # 29 February
        return False


def _weekday_on_or_before(pub: dt.date, wd: int, strictly: bool = False) -> dt.date:
    delta = (pub.weekday() - wd) % 7
    if strictly and delta == 0:
        delta = 7
    return pub - dt.timedelta(days=delta)


def _month_end(year: int, month: int) -> dt.date:
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def _minus_months(d: dt.date, n: int) -> tuple[int, int]:
    k = d.year * 12 + d.month - 1 - n
    return k // 12, k % 12 + 1


def _minus_years(d: dt.date, n: int) -> dt.date:
    try:
        return d.replace(year=d.year - n)
    except ValueError:  # 29 February
        return d.replace(year=d.year - n, day=28)


Span = tuple[Optional[dt.date], Optional[dt.date], str, bool]  # start, end, precision, relative


def _groups(m: re.Match[str]) -> dict[str, Any]:
    """A match's named groups, the day-month order of a rule ("Thursday, 3 March") read as month-day."""
    g = m.groupdict()
    if g.get("month_") and not g.get("month"):
        g = {**g, "month": g["month_"], "day": g["day_"]}
    return g


def _resolve(rule: DateRule, m: re.Match[str], pub: Optional[dt.date], future_sentence: bool) -> Optional[Span]:
    """The dates a rule's match stands for, or None when it names no real date."""
    g = _groups(m)
    kind = rule.resolve
    if kind == "ymd" or (kind == "month_day" and g.get("year")):
        month = int(g["month"]) if g["month"].isdigit() else _month(g["month"])
        d = dt.date(_year(g["year"]), month, _day(g["day"]))
        return d, d, "day", False
    if kind in ("day_range", "week_of"):
        return _day_span(kind, g, pub, future_sentence)
    if kind == "year":
        y = int(g["year"])
        return dt.date(y, 1, 1), dt.date(y, 12, 31), "year", False
    if kind == "month_name" and g.get("year"):
        y, mo = int(g["year"]), _month(g["month"])
        return dt.date(y, mo, 1), _month_end(y, mo), "month", False
    if pub is None:
        return None, None, _PRECISION_OF.get(kind, "day"), True
    if kind == "month_day":
        mo, day = _month(g["month"]), _day(g["day"])
        d = dt.date(pub.year, mo, day)
        # "Monday, Oct. 24" a few days before an Oct. 24 that is a Monday looks ahead
        ahead = bool(g.get("weekday")) and _is_weekday(pub.year, mo, day, g["weekday"])
        # A year-less date well after publication is last year's, unless the text looks ahead.
        if d > pub + dt.timedelta(days=2) and not future_sentence and not ahead:
            d = dt.date(pub.year - 1, mo, day)
        elif d < pub - dt.timedelta(days=300) and future_sentence:
            d = dt.date(pub.year + 1, mo, day)
        return d, d, "day", True
    if kind == "day_of_month":
        day = _day(g["day"])
        y, mo = pub.year, pub.month
        if day > pub.day:
            y, mo = _minus_months(pub, 1)
        d = dt.date(y, mo, day)
        return d, d, "day", True
    if kind == "weekday":
        wd = _weekday(g["weekday"])
        if rule.next:
            d = pub + dt.timedelta(days=(wd - pub.weekday()) % 7 or 7)
        else:
            d = _weekday_on_or_before(pub, wd, strictly=rule.last)
        return d, d, "day", True
    if kind == "weekday_minus":
        step = 7 if g["unit"].lower().startswith("week") else 1
        d = _weekday_on_or_before(pub, _weekday(g["weekday"])) - dt.timedelta(days=step * _number(g["n"]))
        return d, d, "day", True
    if kind == "weekday_range":
        end = _weekday_on_or_before(pub, _weekday(g["weekday2"]))
        first = g.get("weekday") or g.get("weekday_a") or g.get("weekday_b") or g["weekday_c"]
        start = end - dt.timedelta(days=(_weekday(g["weekday2"]) - _weekday(first)) % 7)
        if rule.across_midnight and (end - start).days == 1:
            return end, end, "day", True
        return start, end, "day" if (end - start).days <= 1 else "week", True
    if kind == "days_before_previous":
        return None, None, "day", True  # resolved in find_dates, from the dates before it
    if kind == "offset_days":
        n = rule.days if rule.days is not None else _number(g["n"])
        d = pub - dt.timedelta(days=n)
        return d, d, "day", True
    if kind == "weekend":
        sat = _weekday_on_or_before(pub, 5)
        return sat, min(sat + dt.timedelta(days=1), pub), "week", True
    if kind == "week":
        monday = pub - dt.timedelta(days=pub.weekday() + 7 * rule.offset)
        end = monday + dt.timedelta(days=6)
        return monday, min(end, pub), "week", True
    if kind == "weeks_ago":
        d = pub - dt.timedelta(days=7 * _number(g["n"]))
        return d, d, "week", True
    if kind == "month":
        y, mo = _minus_months(pub, rule.offset)
        return dt.date(y, mo, 1), min(_month_end(y, mo), pub), "month", True
    if kind == "months_ago":
        y, mo = _minus_months(pub, _number(g["n"]))
        return dt.date(y, mo, 1), _month_end(y, mo), "month", True
    if kind == "month_name":
        mo = _month(g["month"])
        y = pub.year if mo <= pub.month or future_sentence else pub.year - 1
        return dt.date(y, mo, 1), _month_end(y, mo), "month", True
    if kind == "year_offset":
        y = pub.year - rule.offset
        return dt.date(y, 1, 1), dt.date(y, 12, 31), "year", True
    if kind == "years_ago":
        n = _number(g["n"])
        if g.get("month"):
            mo = _month(g["month"])
            y = pub.year - n - (1 if mo > pub.month else 0)
            return dt.date(y, mo, 1), _month_end(y, mo), "month", True
        d = _minus_years(pub, n)
        return d, d, "year", True
    if kind == "holiday":
        return _holiday(g["holiday"], pub, future_sentence)
    raise ValueError(f"dates.yaml: unknown resolve kind {kind!r} in rule {rule.id}")


def _day_span(kind: str, g: dict[str, Any], pub: Optional[dt.date], future_sentence: bool) -> Span:
    """A span of days ("4-6 June 2022", "June 4-6", "28 May - 2 June") or the week from a day
    ("the week of 6 March"). Without a year it is resolved like "June 4" (or left unresolved)."""
    month = _month(g.get("month") or g["month_"])
    day = _day(g.get("day") or g["day_"])
    if kind == "week_of":
        month2, day2, ahead = month, None, 6
    else:
        month2, day2, ahead = _month(g["month2"]) if g.get("month2") else month, _day(g["day2"]), 0
    if g.get("year"):
        year2, relative = int(g["year"]), False
    elif pub is not None:
        year2, relative = pub.year, True
    else:
        return None, None, "day" if kind == "day_range" else "week", True
    # the year written is the last day's ("30 December - 2 January 2022")
    year = year2 - 1 if (month, day) > (month2, day2 or day) else year2
    start = dt.date(year, month, day)
    end = dt.date(year2, month2, day2) if day2 is not None else start + dt.timedelta(days=ahead)
    if relative and pub is not None and start > pub + dt.timedelta(days=2) and not future_sentence:
        start, end = start.replace(year=start.year - 1), end.replace(year=end.year - 1)
    if end < start:
        raise ValueError("a span that ends before it starts")
    days = (end - start).days
    precision = "day" if days <= 1 else "week" if days <= 7 else "month"
    return start, end, precision, relative


def _holiday_in(h: dict[str, Any], year: int) -> dt.date:
    if "easter" in h:
        return easter(year) + dt.timedelta(days=int(h["easter"]))
    if "day" in h:
        return dt.date(year, h["month"], h["day"])
    nth, wd = h["nth"], h["weekday"]
    if nth > 0:
        first = dt.date(year, h["month"], 1)
        return first + dt.timedelta(days=(wd - first.weekday()) % 7 + 7 * (nth - 1))
    last = _month_end(year, h["month"])
    return last - dt.timedelta(days=(last.weekday() - wd) % 7)


def _holiday(name: str, pub: dt.date, future_sentence: bool) -> Optional[Span]:
    """The most recent such holiday on or before publication (the next one in a future sentence)."""
    for h in lexicon().holidays:
        if re.search(h["match"], name):
            d = _holiday_in(h, pub.year)
            if d > pub + dt.timedelta(days=1) and not future_sentence:
                d = _holiday_in(h, pub.year - 1)
            return d, d, "day", True
    return None


_PRECISION_OF = {"weekend": "week", "week": "week", "weeks_ago": "week", "month": "month",
                 "months_ago": "month", "month_name": "month", "year_offset": "year",
                 "years_ago": "year", "year": "year"}
