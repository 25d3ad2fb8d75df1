"""When a casualty sentence recalls another time — a helper of the casualties stage.

A figure belongs to another incident when its sentence names another year ("In 2015, ..."),
opens on another month ("In April, two dozen fighters were killed") or on a weekday a few days
before the one the first sentence names ("... on Tuesday. On Monday, rockets wounded two"), or — in an undated text,
such as a coder's summary — names a day its lead does not ("Five people were killed on 11
December" in a report whose lead dates its own event "on Friday"). An undated text's own year
and months are those its lead (first sentences) names. Patterns: ``rules/casualties.yaml``
(``other_year_no_date``, ``other_date``).
"""
from __future__ import annotations

import itertools
import re
from typing import Optional

from ..model import ParsedText, Token
from .date_rules import _month, _weekday
from .victims import Doc, Rules

LEAD_SENTENCES = 3  # the lead: where an undated text tells its own event's date


def is_year(t: Token) -> bool:
    return t.ent_type == "DATE" and len(t.text) == 4 and t.text.isdigit() and t.text[:2] in ("19", "20")


def first_year(doc: Doc, parsed: ParsedText) -> Optional[int]:
    """The year an undated text (a coder's summary) names in its lead: the year of its event
    (a year first named further down is a recalled one: "In 2017, a bombing killed 50")."""
    end = parsed.sentences[min(LEAD_SENTENCES, len(parsed.sentences)) - 1].last_token \
        if parsed.sentences else 0
    return next((int(t.text) for t in doc.toks[:end] if is_year(t)), None)


def other_year(doc: Doc, lo: int, hi: int, sent_text: str, pub_year: Optional[int],
               rules: Rules) -> bool:
    """A year other than the publication year ("in 2005", "in August 2015"), in a sentence that
    does not also name that year; for an undated text, other than the first year its lead names."""
    if pub_year is None:  # an undated text whose lead names no year: a later year is recalled
        return doc.toks[lo].sent >= LEAD_SENTENCES and bool(rules.other_year_no_date.search(sent_text))
    years = {int(doc.toks[j].text) for j in range(lo, hi) if is_year(doc.toks[j])}
    # (a sentence dated in the story's own year names another only in passing: "On 19 January
    # 2024, gunmen shot dead two men who had joined the 2018 reconciliation deal")
    return bool(years) and pub_year not in years




def _day_dates(sent_text: str, rules: Rules) -> set[tuple[int, int]]:
    out = set()
    for m in rules.day_date.finditer(sent_text):
        name = rules.month_names.search(sent_text, m.start(), m.end() + 1)
        day = next((w for w in m.group(0).replace(",", " ").split() if w[:1].isdigit()), None)
        if name is not None and day is not None:
            out.add((_month(name.group(0)), int("".join(ch for ch in day if ch.isdigit()))))
    return out


_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s*$")


def lead_dates(parsed: ParsedText, rules: Rules) -> tuple[set[int], set[tuple[int, int]]]:
    """The months and (month, day) dates the lead of an undated text names: its first sentences,
    and the first ones that end like sentences when headlines stand above them ("Ethiopia: Armed
    Men Kill Villagers" / "Authorities Should Investigate")."""
    months: set[int] = set()
    days: set[tuple[int, int]] = set()
    texts = (parsed.text[s.start:s.end] for s in parsed.sentences)
    told = list(itertools.islice((t for t in texts if _SENTENCE_END.search(t)), LEAD_SENTENCES))
    first = [parsed.text[s.start:s.end] for s in parsed.sentences[:LEAD_SENTENCES]]
    for sent_text in first + told:
        months |= {_month(m.group(0)) for m in rules.month_names.finditer(sent_text)
                   if m.group(0)[0].isupper()}  # not the modal "may"
        days |= _day_dates(sent_text, rules)
    return months, days


def other_date(sent_i: int, sent_text: str, pub_month: Optional[int],
               lead: Optional[tuple[set[int], set[tuple[int, int]]]], rules: Rules) -> bool:
    """A month or day other than the article's own: a sentence opening on another month ("In
    April, ...": not the publication month; for an undated text, not a month its lead names), or
    in an undated text a day date after the lead that its lead does not name ("Five people were
    killed on 11 December" in a report whose lead says "on Friday")."""
    m = rules.month_only.search(sent_text)
    if m is not None:
        month = _month(rules.month_names.search(sent_text, m.start(), m.end() + 1).group(0))  # type: ignore[union-attr]
        if pub_month is not None:
            return month != pub_month
        if lead is not None and sent_i >= LEAD_SENTENCES and month not in lead[0]:
            return True
    if lead is None or sent_i < LEAD_SENTENCES:
        return False
    return any(d not in lead[1] and d[0] not in lead[0] for d in _day_dates(sent_text, rules))




def opens_on_day_after_cue(sent_i: int, sent_text: str, prev_cue: int, rules: Rules) -> bool:
    """A sentence opening on a day date, a weekday or "Earlier," right after one that recalled
    other incidents tells one of them ("It is the third shooting in the area this month. On Nov.
    4, a teen was wounded near a gas station"; "... On Sunday, two policemen were killed")."""
    if prev_cue != sent_i - 1 or sent_i < LEAD_SENTENCES:
        return False
    if rules.earlier_opening.search(sent_text) or rules.weekday_opening.search(sent_text):
        return True
    m = rules.day_date.search(sent_text)
    return m is not None and not sent_text[:m.start()].strip(" \t\n\"'“(-—•*")


def lead_weekday(parsed: ParsedText, rules: Rules) -> Optional[tuple[int, int]]:
    """(sentence, weekday 0 = Monday) of the first lead sentence that names a weekday, if it
    names exactly one (the day before it when that day is only the telling's: "officials said
    Friday")."""
    for sent in parsed.sentences[:LEAD_SENTENCES]:
        text = parsed.text[sent.start:sent.end]
        days = {_weekday(m.group(1)) for m in rules.weekday.finditer(text)}
        if len(days) > 1:  # "... late Tuesday, an official told reporters on Wednesday": the telling's day is not the event's
            told = {_weekday(m.group("day")) for m in rules.weekday_told.finditer(text)}
            days = (days - told) or days
        elif days and days <= {_weekday(m.group("day")) for m in rules.weekday_told_directly.finditer(text)}:
            # "..., officials said Friday": the lead names only the telling's day; the event
            # may be the day before it ("after the attack on Saturday"), no earlier
            return (sent.i, (days.pop() - 1) % 7)
        if days:
            return (sent.i, days.pop()) if len(days) == 1 else None
    return None


def later_operation(sent_i: int, sent_text: str, rules: Rules) -> bool:
    """A later sentence telling an operation in the days after the event ("Forces said they
    killed eight insurgents in a pursuit operation over the following days"): another incident
    (but not "two of the wounded died over the following days": no operation)."""
    return sent_i > 0 and rules.later_period.search(sent_text) is not None \
        and rules.new_operation.search(sent_text) is not None


def earlier_weekday(sent_i: int, sent_text: str, lead_day: Optional[tuple[int, int]], rules: Rules,
                    pub_weekday: Optional[int] = None) -> bool:
    """A later sentence opening on a weekday before the lead's ("The strikes killed 20 on
    Tuesday. ... On Monday, militants fired rockets, injuring two"), or telling in the past
    perfect or the passive what was done on one ("troops had killed two rebels in a gunfight on
    Monday"): an earlier incident. A later day ("On Thursday, the wounded man died") is no other
    incident, unless it opens a new operation ("On Tuesday, jets had struck a hideout, killing
    four militants": casualties.yaml ``new_operation``). A figure told on a day before the
    lead's ("the ministry said on Saturday that its jets had killed 15", of a Monday strike) is
    an earlier incident's too. With a publication date both days are
    the last ones before it, so any earlier day of that week counts; without one, only one to
    three days before the lead's (a later week's day reads the same)."""
    if lead_day is None or sent_i <= lead_day[0]:
        return False
    m = rules.weekday_opening.search(sent_text) or rules.weekday_pluperfect.search(sent_text) \
        or rules.weekday_told.search(sent_text)
    if m is None:
        return False
    day = _weekday(m.groupdict().get("day") or m.group("pday"))
    if pub_weekday is not None:
        earlier = (pub_weekday - day) % 7 > (pub_weekday - lead_day[1]) % 7
    else:
        earlier = 1 <= (lead_day[1] - day) % 7 <= 3
    if earlier:
        return True
    later = day != lead_day[1] and m.re is rules.weekday_opening
    return later and rules.new_operation.search(sent_text) is not None


def _clause_days(sent_text: str, rules: Rules, start: int = 0, end: Optional[int] = None) -> set[str]:
    """The bare days a digest's clause names ("3 Jan", "3 January": the same day)."""
    end = len(sent_text) if end is None else end
    out = set()
    for m in rules.clause_day.finditer(sent_text, start, end):
        day, month = m.group(0).lower().split()[:2]
        out.add(day + " " + month[:3])
    return out


def other_clauses(sent_text: str, rules: Rules) -> Optional[int]:
    """Where a monthly digest's sentence turns to another incident: the offset of the first
    ";" clause after the first that has a day of its own, other than the first clause's
    ("jihadists 3 Jan killed 12 fishermen near X; 9 Jan ambushed a convoy near Y, killing four")."""
    cut = sent_text.find(";")
    if cut < 0:
        return None
    first = _clause_days(sent_text, rules, 0, cut)
    if not first:
        return None
    start = cut + 1
    while start <= len(sent_text):
        end = sent_text.find(";", start)
        end = len(sent_text) if end < 0 else end
        if _clause_days(sent_text, rules, start, end) - first:
            return start
        start = end + 1
    return None


def other_month_clause(sent_i: int, sent_text: str, pub_month: Optional[int],
                       lead: Optional[tuple[set[int], set[tuple[int, int]]]], rules: Rules) -> Optional[int]:
    """Where a sentence turns, after a ";", to a clause opening on another month ("The beach has
    been attacked before; in March, a siege at a hotel killed eight"): the offset of that
    clause (``other_date``'s reading of a month, for the clause)."""
    start = sent_text.find(";") + 1
    while start > 0:
        if rules.month_only.match(sent_text[start:]) and other_date(sent_i, sent_text[start:], pub_month, lead, rules):
            return start
        start = sent_text.find(";", start) + 1
    # ... or to a relative clause that places its deed in another month ("Zamzam camp, which
    # the militia overran in April in an assault that killed more than 400 people")
    for rel in rules.relative_turn.finditer(sent_text):
        end = sent_text.find(";", rel.end())
        clause = sent_text[rel.end():end if end >= 0 else len(sent_text)]
        for word in re.finditer(r"\b(?:in|during)\b", clause):
            if rules.month_only.match(clause[word.start():]) \
                    and other_date(sent_i, clause[word.start():], pub_month, lead, rules):
                return rel.start()
    return None


def digest_days(parsed: ParsedText, rules: Rules) -> set[str]:
    """The days the first clause of an undated text's first sentence names bare, digest-style
    ("In Borno state, jihadists 3 Jan killed 12 ...")."""
    if parsed.article.published is not None or not parsed.sentences:
        return set()
    first = parsed.sentence_text(0)
    cut = first.find(";")
    return _clause_days(first, rules, 0, cut if cut >= 0 else None)


def other_digest_sentence(sent_i: int, sent_text: str, own_days: set[str], rules: Rules) -> bool:
    """A later sentence of a digest whose first clause names bare days, none of them its
    first sentence's ("Military 26 Jan claimed airstrikes killed dozens of militants"): another
    incident."""
    if sent_i == 0 or not own_days:
        return False
    cut = sent_text.find(";")
    days = _clause_days(sent_text, rules, 0, cut if cut >= 0 else None)
    return bool(days) and not days & own_days
