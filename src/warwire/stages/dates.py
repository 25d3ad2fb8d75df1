"""Dates stage — reads ``parsed``; writes ``dates``.

Finds date expressions ("Tuesday", "late Friday night", "Nov. 12", "a year ago in November",
"last week") and resolves them against the article's publication date, and chooses the date of
an event from them (``choose_event_date``).

How it reads time:
- The rules of ``rules/dates.yaml`` (regexes with ids, tried over the whole text; the longest
  non-overlapping matches win) come first: they cover how news writes time and are fast. They are
  loaded, and a match turned into days, by ``date_rules.py``.
- spaCy DATE entities that no rule covered are handed to ``dateparser`` (strict: a full calendar
  date or nothing; cached per string), guarded against clock times ("1430 GMT") and bare numbers.
- Relative expressions are reckoned from the publication date, or from the article's own stamp or
  dateline when that is older ("Posted: March 10, 2013", "KABUL, 3 March 2021 (Reuters) -") or
  there is no publication date; a year-less dateline ("KABUL, March 3 (Reuters) -") anchors
  them in the publication year. Without any anchor they are kept unresolved (``date_start``
  None), except that a bare weekday takes the day of a written date shortly before it that falls
  on it, and a year-less date the year of a dated mention. Absolute ones ("12 November 2021")
  resolve on their own, a weekday written beside them ("Friday, 21 July 1972", "21 July 1972, a
  Friday") being part of them; "two days earlier" counts back from the last day the text named.

How it chooses an event's date (``score_dates``, ``WEIGHTS``): each mention is scored by where it
lies (the event's sentences first), its precision and its context -- an incident verb or noun
("was shot Tuesday", "Sunday's attack") or a clock time ("at 9:40 p.m. Friday") lift it; speech,
deaths, arrests, court dates, stamps, the future and earlier years lower or drop it. A coarse
winner ("over the weekend") gives way to a day inside it that scores nearly as well, and a night
reckoned from publication ("overnight", "last night") to a day of it the text names for the
violence ("at 11:20 p.m. Tuesday"). Without a
publication date, the written date the lead gives the violence dates the event even when a
relative day that cannot be resolved scores higher (``_lead_date``). What the article gives all
its events -- the anchor day, the title's days, each mention's context -- is read once
(``ArticleDates``, made by assemble for the first event it dates).
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any, Iterable, Optional

from ..model import Analysis, DateMention, ParsedText, Token
from ..pipeline import Resources, Stage
from .date_rules import (
    _PRECISION_RANK,
    DateLexicon,
    DateRule,
    Span,
    _day,
    _day_span,
    _groups,
    _month,
    _number,
    _resolve,
    _weekday,
    _weekday_on_or_before,
    lexicon,
)


# ------------------------------------------------------------------------------------------------
# dateparser, for DATE entities no rule covered
# ------------------------------------------------------------------------------------------------
@functools.lru_cache(maxsize=4096)
def _dateparser_ymd(text: str) -> Optional[dt.date]:
    """A full calendar date read by dateparser (strict: day, month and year must all be there)."""
    import dateparser  # slow to import; only needed for the rare leftovers

    settings = {"STRICT_PARSING": True, "PREFER_DATES_FROM": "past",
                "RETURN_AS_TIMEZONE_AWARE": False, "DATE_ORDER": "MDY"}
    found = dateparser.parse(text, languages=["en"], settings=settings)
    return found.date() if found else None


def _entity_candidate(text: str, after: str, lex: DateLexicon) -> bool:
    """Worth handing to dateparser: names a month and a year, and is no clock time."""
    if not lex.month_word.search(text) or not re.search(r"(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])", text):
        return False
    return not lex.clock_after.match(after)


# ------------------------------------------------------------------------------------------------
# The stage
# ------------------------------------------------------------------------------------------------
def _publication_date(parsed: ParsedText) -> Optional[dt.date]:
    """The date relative expressions are reckoned from: the publication date, unless the article
    carries its own stamp or dateline that is older ("Posted: March 10, 2013", "SAVANNAH, GA
    (October 16, 2015):", "KABUL, 3 March 2021 (Reuters) -") -- metadata dates are often the day
    a page was fetched or last touched. Without a publication date, such a stamp is the anchor."""
    pub = parsed.article.published
    day = pub.date() if isinstance(pub, dt.datetime) else pub
    stamp = _head_stamp(parsed.text[:_HEAD], day)
    if stamp is not None and (day is None or stamp < day - dt.timedelta(days=_STAMP_GAP)):
        return stamp
    return day


# A stamp older than the publication date by more than this many days replaces it as the anchor
# (a day or two apart is time zones and overnight editions).
_STAMP_GAP = 2
# A year-less dateline is read in the year of publication, or the year before when that puts it at
# most this many days before publication ("Dec. 30" published 2 January); otherwise it is ignored.
_STAMP_ROLLBACK = 31
# How far into the text a stamp or dateline is looked for.
_HEAD = 1500


def _is_own_stamp(text: str, start: int, end: int, lex: DateLexicon, dateline_only: bool = False) -> bool:
    """The date at start:end is the article's stamp or dateline ("Posted: ...", "KABUL, 3 March
    2021 (Reuters) -"), judged by what stands before it on its line and after it."""
    line = text[text.rfind("\n", 0, start) + 1:start]
    return (not dateline_only and bool(lex.stamp_label.search(line))) or bool(
        lex.dateline_before.fullmatch(line) and lex.dateline_after.match(text, end))


@functools.lru_cache(maxsize=256)
def _head_stamp(head: str, pub: Optional[dt.date]) -> Optional[dt.date]:
    """The earliest calendar date the article's head gives as its own stamp or dateline (cached:
    asked for several times per article). A dateline without a year ("KABUL, March 3 (Reuters) -")
    is the latest such day on or before the publication date, and names nothing without one."""
    lex = lexicon()
    raw = [(m.start(), m.end(), rule, m) for rule in lex.rules if rule.resolve in ("ymd", "month_day")
           for m in rule.regex.finditer(head)]
    found: list[dt.date] = []
    for s, e, rule, m in _select(raw):
        dated = bool(m.groupdict().get("year"))
        if not _is_own_stamp(head, s, e, lex, dateline_only=not dated) or not (dated or pub is not None):
            continue
        try:
            span = _resolve(rule, m, pub, False)
        except (ValueError, KeyError):
            continue
        if span is None or span[0] is None:
            continue
        if not dated and pub is not None and span[0].year < pub.year and (pub - span[0]).days > _STAMP_ROLLBACK:
            continue  # a year-less day after publication: an update's stamp, not the dateline
        found.append(span[0])
    return min(found, default=None)


def _select(matches: Iterable[tuple[int, int, DateRule, re.Match[str]]]) -> list[tuple[int, int, DateRule, re.Match[str]]]:
    """Longest non-overlapping matches (ties: the earlier rule)."""
    chosen: list[tuple[int, int, DateRule, re.Match[str]]] = []
    taken: list[tuple[int, int]] = []
    for item in sorted(matches, key=lambda x: (x[0] - x[1], x[2].order, x[0])):
        s, e = item[0], item[1]
        if all(e <= ts or s >= te for ts, te in taken):
            chosen.append(item)
            taken.append((s, e))
    return chosen


def _governed_by_incident(parsed: ParsedText, start: int, end: int, lex: DateLexicon) -> bool:
    lemmas = {t.lemma.lower() for t in _head_chain(parsed, start, end)[:2]}
    return bool(lemmas & lex.incident_lemmas)


def find_dates(parsed: ParsedText) -> list[DateMention]:
    """Every date expression in the article, resolved against its publication date."""
    lex = lexicon()
    text = parsed.text
    pub = _publication_date(parsed)
    raw = [(m.start(), m.end(), rule, m) for rule in lex.rules for m in rule.regex.finditer(text)]
    out: list[DateMention] = []
    future_of: dict[int, bool] = {}
    for s, e, rule, m in _select(raw):
        sent = parsed.sentence_at(s)
        if sent not in future_of:
            future_of[sent] = bool(lex.future.search(parsed.sentence_text(sent))) if parsed.sentences else False
        try:
            span = _resolve(rule, m, pub, future_of[sent])
        except (ValueError, KeyError):  # "February 30", an unknown month abbreviation
            continue
        if span is None:
            continue
        if (rule.resolve == "weekday_minus" and pub is not None
                and _governed_by_incident(parsed, s, m.end("weekday"), lex)):
            # "five were wounded Saturday, a week after two men were shot there": the weekday is
            # this incident's own date; the count dates an earlier one
            e = m.end("weekday")
            day = _weekday_on_or_before(pub, _weekday(m.group("weekday")))
            span, rule = (day, day, "day", True), _WEEKDAY_RULE
        start, end, precision, relative = span
        out.append(DateMention(text[s:e], s, e, sent, rule.id, start, end, precision, relative))
    for ent in parsed.entities:
        if ent.label != "DATE":
            continue
        overlapping = [d for d in out if ent.start < d.end and ent.end > d.start]
        # Leftovers only, or entities wider than a coarser rule match ("November the 12th, 2021"
        # where a rule read "November, 2021").
        if any(d.precision == "day" or not (ent.start <= d.start and d.end <= ent.end)
               for d in overlapping):
            continue
        if not _entity_candidate(ent.text, text[ent.end:ent.end + 12], lex):
            continue
        day = _dateparser_ymd(ent.text)
        if day is not None:
            out = [d for d in out if d not in overlapping]
            out.append(DateMention(ent.text, ent.start, ent.end, ent.sent, "date.dateparser", day, day,
                                   "day", False))
    out.sort(key=lambda d: d.start)
    if pub is None:
        out = _weekdays_from_text(_years_from_text(out), text)
    return _counted_back(out)


def _counted_back(dates: list[DateMention]) -> list[DateMention]:
    """"Two days earlier" resolved from the last day-precise date before it; dropped without one."""
    out: list[DateMention] = []
    last: Optional[dt.date] = None
    for d in dates:
        rule = lexicon().by_id.get(d.rule)
        if rule is not None and rule.resolve == "days_before_previous":
            m = rule.regex.fullmatch(d.text)
            if last is None or m is None:
                continue
            day = last - dt.timedelta(days=_number(m.group("n")))
            d = DateMention(d.text, d.start, d.end, d.sent, d.rule, day, day, "day", True)
        elif d.precision == "day" and d.date_start is not None:
            last = d.date_start
        out.append(d)
    return out


_YEARLESS = ("date.month_day", "date.day_month", "date.weekday_month_day", "date.date_then_weekday",
             "date.day_range_month", "date.day_month_range", "date.month_day_range", "date.week_of")


def _years_from_text(dates: list[DateMention]) -> list[DateMention]:
    """Without a publication date, a year-less "May 22" takes the year of the closest earlier
    dated mention ("May 24, 2017 ... May 22"), or failing that the first later one."""
    years = [(d.start, d.date_start.year) for d in dates
             if d.date_start is not None and not d.relative and d.precision in ("day", "month")]
    if not years:
        return dates
    out = []
    for d in dates:
        if d.rule in _YEARLESS and d.date_start is None:
            before = [y for s, y in years if s < d.start]
            year = before[-1] if before else years[0][1]
            span = _in_year(d.rule, d.text, year)
            if span is not None:
                d = DateMention(d.text, d.start, d.end, d.sent, d.rule, span[0], span[1], span[2], False)
        out.append(d)
    return out


def _weekdays_from_text(dates: list[DateMention], text: str) -> list[DateMention]:
    """Without a publication date, a bare weekday ("Friday afternoon") is the day of a written
    calendar date shortly before it (or earlier in its sentence) that falls on that weekday:
    "On 13 September 1974 ... a bomb went off on Friday afternoon" (not "the following Friday")."""
    lex = lexicon()
    written = [d for d in dates if d.date_start is not None and not d.relative and d.precision == "day"]
    if not written:
        return dates
    out = []
    for d in dates:
        rule = lex.by_id.get(d.rule)
        if (d.date_start is None and rule is not None and rule.resolve == "weekday"
                and not rule.last and not rule.next
                and not lex.weekday_shift.search(text, max(0, d.start - 30), d.start)):
            m = rule.regex.fullmatch(d.text)
            near = [w for w in written if (w.start < d.start and d.sent - w.sent <= _WEEKDAY_REACH)
                    or w.sent == d.sent]
            if m is not None and near:
                w = min(near, key=lambda w: abs(w.start - d.start))
                assert w.date_start is not None
                if w.date_start.weekday() == _weekday(m.group("weekday")):
                    d = DateMention(d.text, d.start, d.end, d.sent, d.rule, w.date_start, w.date_start, "day", True)
        out.append(d)
    return out


# How many sentences back a written date may name the day of a bare weekday (no publication date).
_WEEKDAY_REACH = 3


def _in_year(rule_id: str, text: str, year: int) -> Optional[Span]:
    """A year-less mention read again with the year the text gives."""
    rule = lexicon().by_id[rule_id]
    m = rule.regex.fullmatch(text)
    if m is None:
        return None
    g = {**_groups(m), "year": str(year)}
    try:
        if rule.resolve == "month_day":
            d = dt.date(year, _month(g["month"]), _day(g["day"]))
            return d, d, "day", False
        return _day_span(rule.resolve, g, None, False)
    except (ValueError, KeyError):
        return None


def _run(analysis: Analysis, resources: Resources) -> dict[str, Any]:
    assert analysis.parsed is not None
    return {"dates": find_dates(analysis.parsed)}


STAGE = Stage("dates", reads=("parsed",), writes=("dates",), run=_run)


# ------------------------------------------------------------------------------------------------
# Choosing the date of an event
# ------------------------------------------------------------------------------------------------
def is_past_context(mention: DateMention, published: Optional[dt.datetime | dt.date]) -> bool:
    """True when the mention places things clearly before the incident period: "a year ago",
    "in 2020" in a 2021 article, "last year". The lead marks events dated so as historical."""
    if mention.rule in ("date.years_ago", "date.years_ago_in_month", "date.last_year"):
        return True
    if mention.date_end is None or published is None:
        return False
    pub = published.date() if isinstance(published, dt.datetime) else published
    return mention.date_end.year < pub.year and (pub - mention.date_end).days > 31


@dataclass(frozen=True)
class _Context:
    speech: bool  # "police said Tuesday"
    other: bool  # belongs to something else: a court date, a funeral, a release
    future: bool
    incident: bool  # governed by an incident verb ("was shot Tuesday")
    death: bool  # governed by a death verb and no incident verb ("died Friday at the hospital")
    stamp: bool  # a publication stamp or dateline (or a video playlist's title)
    clock: bool  # a clock time next to it ("at 5:45 p.m. Friday"): the time of a reported event
    caption: bool = False  # on a photo caption's line ("(Photo: ...)", "Image 3 of 8")
    quoted: bool = False  # inside a quotation: "last night" as someone said it, some time


def _head_chain(parsed: ParsedText, start: int, end: int, steps: int = 3) -> list[Token]:
    """The tokens governing the mention: its root's head, that head's head ..."""
    toks = [t for t in parsed.sentence_tokens(parsed.sentence_at(start)) if t.start < end and t.end > start]
    if not toks:
        return []
    inside = {t.i for t in toks}
    root = next((t for t in toks if t.head not in inside), toks[0])
    chain: list[Token] = []
    cur = root
    for _ in range(steps):
        if cur.head == cur.i:
            break
        cur = parsed.tokens[cur.head]
        chain.append(cur)
    return chain


def _dismissed(verb: Token, parsed: ParsedText, lex: DateLexicon) -> bool:
    """A passive "fired" whose subject is a person, not a shot ("had been fired Tuesday" from a
    job; "shots were fired Tuesday" is the incident; rules/dates.yaml ``fired_things``)."""
    toks = parsed.sentence_tokens(verb.sent)
    kids = [k for k in toks if k.head == verb.i and k.i != verb.i]
    subj = next((k for k in kids if k.dep == "nsubjpass"), None)
    if subj is None or not any(k.dep == "auxpass" for k in kids):
        return False
    # the subject, or what it counts ("Dozens of shots were fired")
    words = {subj.lemma.lower(), subj.text.lower()} | {
        o.lemma.lower() for p in toks if p.head == subj.i and p.dep == "prep" and p.text.lower() == "of"
        for o in toks if o.head == p.i and o.dep == "pobj"}
    return not words & lex.fired_things


def _context(m: DateMention, parsed: ParsedText, lex: DateLexicon) -> _Context:
    text = parsed.text
    governors = _head_chain(parsed, m.start, m.end, steps=_VERB_REACH)
    chain = governors[:3]
    # "said on Tuesday": look past "on"; "died at 5 p.m. Tuesday": past the clock time too
    chain = [t for t in chain if t.pos not in ("ADP", "NUM") and not _CLOCK_WORD.match(t.text)] or chain
    lemmas = [t.lemma.lower() for t in chain]
    before = text[max(0, m.start - 40):m.start]
    speech = bool(chain) and lemmas[0] in lex.say_lemmas
    if re.search(r"(?i)\b(?:said|says|say|told|announced|reported|confirmed|stated|added)\s+(?:on\s+)?$", before):
        speech = True
    # the subject of the governing verb counts too ("a vigil is planned Saturday")
    near: set[str] = {t.lemma.lower() for t in chain if not _names_incident(t, text, lex)}
    for t in chain[:2]:
        for k in parsed.sentence_tokens(t.sent):
            if (k.head == t.i and k.dep in ("nsubj", "nsubjpass", "dobj", "prep", "pobj", "attr")
                    and not _names_incident(k, text, lex)):
                near.add(k.lemma.lower())
    # and so do the words just before it in its sentence ("due in court on Monday")
    sent_toks = parsed.sentence_tokens(m.sent)
    window = [t for t in sent_toks if t.end <= m.start][-_WINDOW_BEFORE:]
    window_lemmas = {t.lemma.lower() for t in window}
    other = bool((near | {t.lemma.lower() for t in window if not _names_incident(t, text, lex)})
                 & lex.other_lemmas)
    future = any(k.lemma.lower() in lex.future_lemmas and k.head == t.i
                 for t in chain[:1] for k in sent_toks) or bool(window_lemmas & lex.future_lemmas)
    # the nearest governing word decides a death ("pronounced dead at 5:24 p.m. Saturday, hours
    # after the shooting"); an incident word two steps up does not make it the incident's date
    # ... and so do the words just before it, whatever the parse hangs it from: "pronounced dead at
    # 5:24 p.m. Saturday, less than a day after police were called", "the shooting took place
    # around midnight Tuesday"
    clause = text[max(0, m.start - _CLAUSE_BEFORE):m.start]
    death_before = bool(lex.death_before.search(clause))
    death = (bool(chain) and lemmas[0] in lex.death_lemmas) or death_before
    incident = (not death_before and bool(chain)
                and bool(set(lemmas[:1] if death else lemmas[:2]) & lex.incident_lemmas)) or bool(
        lex.incident_after.match(text, m.end, m.end + 40)) or bool(lex.incident_before.search(clause))
    if not incident and not death and not speech:
        # ... or, past nouns and prepositions the parse hung it from, the nearest verb above it:
        # "was shot in the shoulder near the parade route Saturday night"
        verb = next((t for t in governors if t.pos == "VERB"), None)
        incident = verb is not None and verb.lemma.lower() in lex.incident_lemmas
    if incident and chain and lemmas[0] == "fire" and _dismissed(chain[0], parsed, lex):
        incident, other = False, True  # "Kessler had been fired Tuesday": from his job
    death = death and not incident
    sent = parsed.sentences[m.sent]
    line_start = text.rfind("\n", 0, m.start) + 1
    stamp = bool(lex.stamp.search(text[line_start:m.start])) or _is_own_stamp(text, m.start, m.end, lex) \
        or (parsed.article.published is not None and _verbless_line(parsed, sent.i)) \
        or bool(lex.playlist_line.match(text, line_start))
    clock = bool(lex.clock_before.search(text, max(0, m.start - 30), m.start)
                 or lex.clock_following.match(text, m.end, m.end + 40))
    line_end = text.find("\n", m.end, m.end + _CAPTION_REACH)
    caption = bool(lex.caption_line.search(text, max(line_start, m.start - _CAPTION_REACH),
                                           m.end + _CAPTION_REACH if line_end < 0 else line_end))
    return _Context(speech, other, future, incident, death, stamp, clock, caption,
                    _in_quotation(text[line_start:m.start]))


def _in_quotation(before: str) -> bool:
    """The paragraph so far (``before``) leaves a quotation open."""
    return before.count('"') % 2 == 1 or before.count("\u201c") > before.count("\u201d")


def _modifier_beside_a_day(m: DateMention, dates: list[DateMention], text: str, lex: DateLexicon) -> bool:
    """"an overnight raid that ended early Tuesday", "in an overnight attack on Sunday": "overnight"
    describing a noun says when in the day, not which day, when the clause names the day itself."""
    return (m.rule in _DAYLESS_MODIFIERS and bool(lex.modifier_before.search(text, max(0, m.start - 20), m.start))
            and bool(lex.modifier_after.match(text, m.end))
            and any(d.sent == m.sent and d is not m and d.precision == "day" and d.rule not in _DAYLESS_MODIFIERS
                    and -_MODIFIER_REACH < d.start - m.end < _MODIFIER_REACH for d in dates))


def _verbless_line(parsed: ParsedText, sent: int) -> bool:
    """The sentence has no verb ("January 19, 2016", "Posted Sunday, 3:15 p.m."): a stamp or a
    caption's date -- unless it opens in lower case, a piece of a sentence split at an abbreviation
    ("... in the 2600 block of Pine St. | in the east end on Saturday night.") or at a clock time's
    "p.m." ("... at 10:45 p.m. | Sunday."), which tells of the incident like the rest of it. (Asked
    only of articles with a publication date: without one, a report's heading "21 August 2020:" or
    "Date: 21 August 2020." is the best date it gives.)"""
    if any(t.pos in ("VERB", "AUX") for t in parsed.sentence_tokens(sent)):
        return False
    s = parsed.sentences[sent]
    text = parsed.text
    body = text[s.start:s.end].lstrip()
    if body[:1].islower():
        return False
    # split at a clock time's "a.m." / "p.m." on the same line: "... at 10:45 p.m. | Sunday.",
    # "But Sunday morning at 7:02 a.m. | the sheriff got a call"
    lex = lexicon()
    line_start = text.rfind("\n", 0, s.start) + 1
    if lex.clock_abbreviation.search(text, max(line_start, s.start - 12), s.start):
        return False
    after = text[s.end:s.end + 3].lstrip(" \t")
    return not (lex.clock_abbreviation.search(text, max(s.start, s.end - 12), s.end) and after[:1].islower())


def _names_incident(token: Token, text: str, lex: DateLexicon) -> bool:
    """The token opens a phrase that names the incident ("opened fire"), so that its word
    ("open") does not make a date belong to something else (a store's opening)."""
    return bool(lex.incident_phrase.match(text, token.start))


def title_dates(parsed: ParsedText) -> frozenset[dt.date]:
    """The days the article's title names ("Man shot Saturday night", "... in Oct. 2 shooting"),
    resolved against the publication date. The title has no offsets in the text, so these only
    help choose among the text's own mentions."""
    return _title_dates(parsed.article.title, _publication_date(parsed))


def _title_dates(title: Optional[str], pub: Optional[dt.date]) -> frozenset[dt.date]:
    if not title:
        return frozenset()
    found: set[dt.date] = set()
    raw = [(m.start(), m.end(), rule, m) for rule in lexicon().rules for m in rule.regex.finditer(title)]
    for _s, _e, rule, m in _select(raw):
        try:
            span = _resolve(rule, m, pub, False)
        except (ValueError, KeyError):
            continue
        if span is not None and span[0] is not None and span[2] == "day":
            found.add(span[0])
    return frozenset(found)


def fallback_date(parsed: ParsedText) -> Optional[DateMention]:
    """When the text says nothing usable: the one day the title names, not after publication
    ("Girl shot on New Year's Eve", published 3 January; rule ``fallback.title``), or else the
    publication date (``fallback.published``)."""
    return _fallback(ArticleDates([], parsed))


def _fallback(article: ArticleDates) -> Optional[DateMention]:
    pub = article.pub
    if pub is None:
        return None
    titled = [d for d in article.titled if d <= pub]
    if len(titled) == 1:
        return DateMention("", 0, 0, 0, "fallback.title", titled[0], titled[0], "day", True)
    return DateMention("", 0, 0, 0, "fallback.published", pub, pub, "day", True)


class ArticleDates:
    """What choosing an event's date reads of the whole article, worked out once for all its
    events: the anchor day (``_publication_date``), the days the title names, and the context of
    each date mention that may date an event (not after publication, no plan, stamp or modifier).
    Made by ``choose_event_date`` when not handed one."""

    __slots__ = ("pub", "titled", "usable", "_context_of")

    def __init__(self, dates: list[DateMention], parsed: ParsedText) -> None:
        lex = lexicon()
        self.pub = _publication_date(parsed)
        self.titled = _title_dates(parsed.article.title, self.pub)
        self.usable: list[tuple[DateMention, _Context]] = []
        for m in dates:
            if m.date_start is None and not m.relative:
                continue
            if self.pub is not None and m.date_start is not None and m.date_start > self.pub + dt.timedelta(days=1):
                continue  # after publication: a plan, not the incident
            ctx = _context(m, parsed, lex)
            if ctx.future or ctx.stamp or _modifier_beside_a_day(m, dates, parsed.text, lex):
                continue
            self.usable.append((m, ctx))
        self._context_of = {id(m): ctx for m, ctx in self.usable}

    def context(self, m: DateMention) -> _Context:
        """The context of a usable mention."""
        return self._context_of[id(m)]


def choose_event_date(dates: list[DateMention], parsed: ParsedText, event_sentences: set[int],
                      article: Optional[ArticleDates] = None) -> Optional[DateMention]:
    """The incident date of the event whose evidence lies in ``event_sentences``.

    Dates in or next to those sentences, early in the article, governed by an incident verb and
    precise to the day score best; dates that belong to other things (court dates, funerals,
    "said Tuesday", publication stamps, the future, earlier years) score low or not at all.
    Falls back to the day the title names or the publication date (``fallback_date``); without a
    publication date, returns None when nothing resolvable is the best reading (a relative "on
    Sunday" with no date to anchor it). ``article`` is what the article gives all its events
    (``ArticleDates`` of these dates), made here when not given."""
    if article is None:
        article = ArticleDates(dates, parsed)
    best: Optional[tuple[float, DateMention]] = None
    unresolved = -1e9  # the best score of a relative date that could not be resolved (no publication date)
    scored = score_dates(dates, parsed, event_sentences, article)
    for score, m in scored:
        if m.date_start is None:
            unresolved = max(unresolved, score)
        elif best is None or score > best[0]:
            best = (score, m)
    if best is not None and best[0] >= WEIGHTS["min_score"] and best[0] >= unresolved:
        return _refined(best, scored, article)
    if article.pub is None:
        lead = _lead_date(scored, parsed, event_sentences, article)
        if lead is not None:
            return lead
    # Without a publication date, "on Sunday" outranking every dated mention means the date of
    # the event is not known: no date rather than a background one.
    return _fallback(article)


def _lead_date(scored: list[tuple[float, DateMention]], parsed: ParsedText,
               event_sentences: set[int], article: ArticleDates) -> Optional[DateMention]:
    """Without a publication date, the written calendar date the lead gives the violence ("On 3
    March 2021 in X, a suicide bomber blew himself up ...") dates the event when it is the first
    day the event's sentences give, or when those sentences date nothing of their own (a day on
    which something was said does not count) and the lead's sentence tells of violence. A
    relative "today" or "on Sunday" later on (a quote, a reaction) cannot be resolved and does
    not outweigh it."""
    lex = lexicon()
    # the event's own days: what its sentences date, not when something was said there
    own = [m.start for _s, m in scored if m.sent in event_sentences and not article.context(m).speech]
    for _score, m in scored:
        if (m.date_start is None or m.relative or m.sent >= _LEAD_SENTENCES
                or _PRECISION_RANK.get(m.precision, 0) < _PRECISION_RANK["week"]):
            continue
        ctx = article.context(m)
        rule = lex.by_id.get(m.rule)
        if ctx.speech or ctx.other or ctx.death or (rule is not None and rule.score < 0):
            continue  # (a rule scored down tells a day that starts a period: "since the ...")
        if m.sent in event_sentences:
            # the first day the event's sentences give ("on Sunday ... a week after a raid on 21
            # February 2021" is no lead date)
            return m if m.start <= min(own) else None
        if not own and any(
                t.lemma.lower() in lex.incident_lemmas for t in parsed.sentence_tokens(m.sent)):
            return m
    return None


def _refined(best: tuple[float, DateMention], scored: list[tuple[float, DateMention]],
             article: ArticleDates) -> DateMention:
    """A coarse best date ("over the weekend", "last week") gives way to a day inside it that
    scores nearly as well ("... on Sunday", "on Nov. 28"): the same time, told more precisely.
    So does a night counted from publication ("overnight": the morning after or the evening
    before; "last night": the evening before or the small hours after) to a day of it the text
    names for the violence ("shot at 11:20 p.m. Tuesday"), which says on which side of midnight."""
    score, m = best
    if m.date_start is None or m.date_end is None:
        return m
    lex = lexicon()
    rule = lex.by_id.get(m.rule)
    if m.precision == "day" and rule is not None and rule.night is not None:
        # "overnight", "last night": a night across two days; a day the text names for the
        # violence (not another day reckoned from publication) tells which of them
        first = m.date_start + dt.timedelta(days=rule.night[0])
        last = m.date_start + dt.timedelta(days=rule.night[1])
        named = [(s, d) for s, d in scored if d.precision == "day" and d.date_start is not None
                 and first <= d.date_start <= last and s >= score - WEIGHTS["night"]
                 and _names_its_day(d, lex) and _tells_of_violence(article.context(d))]
        return max(named, key=lambda x: x[0])[1] if named else m
    if m.precision == "day":
        return m
    inside = [(s, d) for s, d in scored if d.precision == "day" and d.date_start is not None
              and m.date_start <= d.date_start <= m.date_end and s >= score - WEIGHTS["refine"]]
    return max(inside, key=lambda x: x[0])[1] if inside else m


def _names_its_day(d: DateMention, lex: DateLexicon) -> bool:
    """The mention names its day ("Tuesday night", "Nov. 16") rather than counting it from the
    publication date ("today", "yesterday", "overnight")."""
    rule = lex.by_id.get(d.rule)
    return rule is None or rule.resolve != "offset_days"


def _tells_of_violence(ctx: _Context) -> bool:
    """The mention dates the violence itself: an incident word governs it or a clock time stands
    beside it ("was shot Tuesday night", "at 11:40 p.m. Tuesday")."""
    return ctx.incident or (ctx.clock and not ctx.death)


def score_dates(dates: list[DateMention], parsed: ParsedText, event_sentences: set[int],
                article: Optional[ArticleDates] = None) -> list[tuple[float, DateMention]]:
    """Each date that may be the event's, with its score (see ``WEIGHTS``); the others left out.
    ``article``: ``ArticleDates`` of these dates, made here when not given."""
    if article is None:
        article = ArticleDates(dates, parsed)
    lex = lexicon()
    pub = article.pub
    ordered = sorted(event_sentences)
    W = WEIGHTS
    titled = article.titled
    out: list[tuple[float, DateMention]] = []
    for m, ctx in article.usable:
        if m.sent in event_sentences:
            place = ordered.index(m.sent)
            score = W["in_event"] - min(place, 6) * W["per_sentence"]
        elif any(abs(m.sent - s) == 1 for s in event_sentences):
            score = W["next_to_event"]
        else:
            score = 0.0
        rule = lex.by_id.get(m.rule)
        score += _PRECISION_RANK.get(m.precision, 0) * W["precision"] + (rule.score if rule else 0.0)
        if ctx.incident:
            score += W["incident"]
        if ctx.clock and not ctx.death:
            score += W["clock"]
        if m.date_start in titled and m.precision == "day":
            score += W["title"]
        if ctx.death and m.rule not in _ANCHORED:
            score -= W["death"]
        if ctx.speech:
            score -= W["speech"]
        if ctx.caption:
            score -= W["caption"]
        if ctx.quoted and m.relative:
            score -= W["quoted"]
        if ctx.other:
            score -= W["other"]
        if is_past_context(m, pub):
            # "in 2020", "a year ago": background. A past day ("on Sept. 10" a year back) may still
            # be the incident of a later report (a trial, an arrest), so it loses less.
            score -= W["past_day"] if m.precision == "day" else W["past"]
        out.append((score, m))
    # of two days that score alike, the one other mentions in or beside the event name too
    # (support times at most _SUPPORT_MAX stays below the 0.25 step of the other weights)
    named = Counter(m.date_start for _s, m in out if m.date_start is not None
                    and any(abs(m.sent - e) <= 1 for e in event_sentences))
    return [(score + W["support"] * min(max(named[m.date_start] - 1, 0), _SUPPORT_MAX)
             if m.date_start is not None else score, m) for score, m in out]


# How dates are weighed when choosing an event's date. Calibrated on GVC dev (4,152 US news
# reports, gold incident dates): a one-at-a-time grid over these, fitted on even items and checked
# on odd ones, moved exact-day accuracy 78.1% -> 79.8%; they are round numbers at the best cell.
# "clock" and "refine" were added in session 2 (3.0 and 6.0: the middle of flat optima); a grid
# over all of them afterwards found no change worth more than 0.1 on either half.
WEIGHTS: dict[str, float] = {
    "in_event": 10.0,  # the date lies in one of the event's sentences ...
    "per_sentence": 0.25,  # ... less this for each event sentence before it (up to 6)
    "next_to_event": 7.0,  # the date lies in a sentence next to the event's
    "precision": 2.0,  # times 3 for a day, 2 a week, 1 a month, 0 a year
    "incident": 3.0,  # governed by an incident word ("was shot Tuesday", "Tuesday's attack")
    "clock": 3.0,  # a clock time next to it ("at 5:45 p.m. Friday"): when something happened
    "title": 2.0,  # the title names the same day ("Man shot Saturday night")
    "death": 2.0,  # when a victim died ("died Friday"): often days after the incident
    "speech": 4.0,  # when something was said ("police said Tuesday")
    "other": 3.0,  # belongs to something else (court, funeral, arrest, identification)
    "caption": 3.0,  # on a photo caption's line: when the picture was taken (session 3)
    "quoted": 1.0,  # a relative day in a quotation ("He got shot last night"): said some time (session 3)
    "past_day": 2.0,  # a day in an earlier year
    "past": 8.0,  # "in 2020", "a year ago": background
    "min_score": 5.0,  # below this the publication date is the better guess
    "refine": 6.0,  # a day inside a coarser best date replaces it when it scores at most this less
    "night": 10.0,  # a named day of the night "overnight" / "last night" spans replaces it likewise (session 5; flat 10-14)
    "support": 0.1,  # per other mention of the same day near the event (up to _SUPPORT_MAX): a tie-break (session 4)
}
# What a counted-back weekday ("Saturday, a week after ...") is read as when it dates its own incident
_WEEKDAY_RULE = DateRule("date.weekday_part", "weekday", re.compile(""), 0)
# Rules whose date is reckoned back from another ("died Friday, two days after he was shot").
_ANCHORED = frozenset({"date.weekday_then_after"})
# How many sentences open an article (its lead), where a coder's summary or a report dates its event.
_LEAD_SENTENCES = 2
# A token of a clock time that a date may hang from in the parse ("5:30 p.m. Tuesday").
_CLOCK_WORD = re.compile(r"(?i)^(?:[ap]\.?m\.?|noon|midnight|o'clock|\d{1,2}(?::\d\d)?)$")
# Rules whose mention, used as a modifier ("an overnight raid"), names no day beside a day its
# sentence names.
_DAYLESS_MODIFIERS = frozenset({"date.overnight"})
# ... when that day is written within this many characters of it (in the same clause).
_MODIFIER_REACH = 50
# How far on its line from a date a photo caption's mark ("(Photo: ...)") is looked for.
_CAPTION_REACH = 250
# How many characters before a date are read for a death or an incident told just before it.
_CLAUSE_BEFORE = 80
# How many tokens before a date are read for words that make it belong to something else.
_WINDOW_BEFORE = 6
# How many other mentions of the same day add to a date's score (WEIGHTS["support"]); with that
# weight they break ties and never outweigh a difference of the other weights.
_SUPPORT_MAX = 2
# How many steps up the parse the nearest verb governing a date is looked for.
_VERB_REACH = 6
