"""Deduplication of events across articles: pure merge decisions (no store, no I/O).

Reads: a new article's events (``EventSketch``, built from a contract ``Event`` and the article
text by ``sketch``) and the stored events near them (sketches of merged events).
Writes: one ``Decision`` per new event — merge into a stored event id, or keep as new — naming the
rule that decided; ``merge_events`` builds the merged contract ``Event`` of one stored event from
all its articles' events (every claim kept, low/best/high re-reconciled).

Thresholds and gates live in ``rules/dedupe.yaml``. ``bcubed`` scores a grouping of articles
against gold incident groups.
"""
from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any, Hashable, Iterable, Mapping, Optional, Sequence

from .model import Actor, Casualty, Claim, Estimate, Event, EventDate, Location, iso_date, km_between
from .rules import load_yaml

# --------------------------------------------------------------------------------------------
# Sketches: what deduplication compares
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EventSketch:
    """The few fields of an event that decide whether two reports are about one event."""

    id: str
    event_type: str
    sub_event_type: str
    date_start: Optional[dt.date]
    date_end: Optional[dt.date]
    country: Optional[str]
    admin1: Optional[str]
    lat: Optional[float]
    lon: Optional[float]
    geo_precision: Optional[int]
    killed: Optional[int]
    injured: Optional[int]
    actors: frozenset[str] = frozenset()
    names: frozenset[str] = frozenset()
    article_ids: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Decision:
    """``merge_into`` is the stored event's id, or None to store the event as new."""

    event_id: str
    merge_into: Optional[str]
    score: float
    rule: str  # "merge", "below_threshold", "no_candidate" or the id of the gate that failed


def _rules() -> Mapping[str, Any]:
    return load_yaml("dedupe.yaml")


_WORD = re.compile(r"[A-Z][a-zA-Z'\-]+")
_SENT_END = re.compile(r"[.!?:\"\u201c\u201d]\s*$|\n\s*$")


def names_in(text: str, rules: Optional[Mapping[str, Any]] = None) -> frozenset[str]:
    """Proper names in ``text``: capitalised words not at a sentence start, lower-cased, minus
    the stop list of ``dedupe.yaml``."""
    cfg = (rules or _rules())["names"]
    stop = _stop(tuple(str(cfg["stop"]).split()))
    min_len = int(cfg["min_length"])
    out: set[str] = set()
    for m in _WORD.finditer(text):
        start = m.start()
        before = text[max(0, start - 3):start]
        if start == 0 or _SENT_END.search(before) or (before and before[-1] in "(\n"):
            continue
        word = m.group().strip("'-").lower()
        if word.endswith("'s"):
            word = word[:-2]
        if len(word) >= min_len and word not in stop:
            out.add(word)
            if len(out) >= int(cfg["max_names"]):
                break
    return frozenset(out)


_STOP_CACHE: dict[tuple[str, ...], frozenset[str]] = {}


def _stop(words: tuple[str, ...]) -> frozenset[str]:
    got = _STOP_CACHE.get(words)
    if got is None:
        got = _STOP_CACHE[words] = frozenset(w.lower() for w in words)
    return got


def event_text(event: Event, text: str, title: Optional[str] = None,
               main: bool = False) -> str:
    """The text an event was read from: its evidence spans and claim quotes; the whole article
    (and title) for the article's main event or when the event has no evidence."""
    if main or not event.evidence:
        return f"{title or ''}\n{text}"
    parts = [text[e.start:e.end] for e in event.evidence]
    parts += [cl.quote for c in event.casualties for cl in c.claims if cl.quote]
    return "\n".join(parts)


def article_names(title: Optional[str], text: str,
                  rules: Optional[Mapping[str, Any]] = None) -> frozenset[str]:
    """The names an article contributes to ``NameRarity``: those of its whole text and title
    (what its main event is compared by; its other events' names are a subset)."""
    return names_in(f"{title or ''}\n{text}", rules)


def sketch(event: Event, article_ids: Iterable[str] = (), names: Iterable[str] = ()) -> EventSketch:
    """The sketch of a contract event (``names`` from ``names_in(event_text(...))``)."""
    loc = event.location
    return EventSketch(
        id=event.id,
        event_type=event.event_type,
        sub_event_type=event.sub_event_type,
        date_start=iso_date(event.date.start),
        date_end=iso_date(event.date.end) or iso_date(event.date.start),
        country=loc.country,
        admin1=(loc.admin1 or None) and loc.admin1.lower(),
        lat=loc.lat,
        lon=loc.lon,
        geo_precision=loc.precision,
        killed=event.fatalities.best,
        injured=event.injured.best,
        actors=frozenset(a.name.lower() for a in event.actors
                         if a.type != "unknown" and a.name),
        names=frozenset(names) - _place_words(loc),
        article_ids=frozenset(article_ids),
    )


def _place_words(loc: Location) -> frozenset[str]:
    """Words of the event's own place names: every article about the place has them, so they
    say nothing about which event an article reports."""
    text = " ".join(x for x in (loc.name, loc.admin1, loc.admin2, loc.text) if x)
    return frozenset(w.lower() for w in re.findall(r"[A-Za-z'\-]+", text))


# --------------------------------------------------------------------------------------------
# Name rarity: a name few stored articles share says more than one every article of a city has
# --------------------------------------------------------------------------------------------


class NameRarity:
    """Document frequencies of names over the stored articles (each article counted once per
    name) and the weight of a name: ``log((max(N, min_docs) + 1) / (df + 1))``, N the articles
    counted. ``min_docs`` (``names.rarity_min_docs``) keeps weights flat while the store is small.
    """

    def __init__(self, min_docs: int, counts: Optional[Mapping[str, int]] = None, docs: int = 0):
        self.min_docs = min_docs
        self.counts: dict[str, int] = dict(counts or {})
        self.docs = docs

    def add(self, names: Iterable[str]) -> None:
        self.docs += 1
        for n in set(names):
            self.counts[n] = self.counts.get(n, 0) + 1

    def weight(self, name: str) -> float:
        return math.log((max(self.docs, self.min_docs) + 1) / (self.counts.get(name, 0) + 1))


def name_overlap(a: frozenset[str], b: frozenset[str],
                 rarity: Optional[NameRarity] = None) -> Optional[float]:
    """Overlap coefficient of two name sets, each name weighted by its rarity (plain counts
    without ``rarity``): weight of the shared names / the smaller set's total weight."""
    if not a or not b:
        return None
    shared = a & b
    if rarity is None:
        return len(shared) / min(len(a), len(b))
    w = rarity.weight

    def total(names: frozenset[str]) -> float:
        # summed in sorted order: the same float whatever the set's (hash-seeded) order, so
        # every process — and every Dask worker — takes the same decision at a threshold
        return math.fsum(w(n) for n in sorted(names))

    small = min(total(a), total(b))
    return total(shared) / small if small > 0 else 0.0


# --------------------------------------------------------------------------------------------
# Pair scoring and decisions
# --------------------------------------------------------------------------------------------


def _km(a: EventSketch, b: EventSketch) -> float:
    assert a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None
    return km_between(a.lat, a.lon, b.lat, b.lon)


def _gate(rules: Mapping[str, Any], gid: str) -> Mapping[str, Any]:
    for g in rules["gates"]:
        if g["id"] == gid:
            return g
    raise KeyError(gid)


def _figure_agreement(a: Optional[int], b: Optional[int]) -> float:
    if a is None or b is None:
        return 0.0
    if a == b:
        return 1.0
    if min(a, b) == 0:
        return -0.5
    return -min(1.0, abs(a - b) / max(a, b))


def pair_score(new: EventSketch, old: EventSketch, rules: Optional[Mapping[str, Any]] = None,
               rarity: Optional[NameRarity] = None) -> tuple[Optional[float], str]:
    """(score, "scored") for a pair that passes every gate, else (None, failing gate id)."""
    rules = rules or _rules()
    w = rules["weights"]
    if new.article_ids & old.article_ids:
        return None, "gate.same_article"
    if new.date_start is None or old.date_start is None:
        return None, "gate.no_date"
    overlap = name_overlap(new.names, old.names, rarity)
    sn = rules.get("strong_names") or {}
    strong = (overlap is not None and bool(sn) and overlap >= float(sn["min_overlap"])
              and len(new.names & old.names) >= int(sn["min_shared"]))
    dgate = _gate(rules, "gate.date")
    max_gap = int(dgate["strong_names_max_gap_days"] if strong else dgate["max_gap_days"])
    n_end = new.date_end or new.date_start
    o_end = old.date_end or old.date_start
    gap = max(0, (max(new.date_start, old.date_start) - min(n_end, o_end)).days)
    if gap > max_gap:
        return None, "gate.date"
    place_penalty = 0.0
    if new.country and old.country and new.country != old.country:
        if not strong:
            return None, "gate.country"
        place_penalty = float(sn["place_conflict_penalty"])
    elif new.admin1 and old.admin1 and new.admin1 != old.admin1:
        if not strong:
            return None, "gate.admin1"
        place_penalty = float(sn["place_conflict_penalty"])
    groups = _gate(rules, "gate.type")["compatible"]
    if new.event_type != old.event_type and not any(
            new.event_type in g and old.event_type in g for g in groups):
        return None, "gate.type"
    fg = _gate(rules, "gate.fatalities")
    if new.killed is not None and old.killed is not None:
        lo, hi = sorted((new.killed, old.killed))
        if hi - lo > int(fg["min_abs"]) and hi > float(fg["max_ratio"]) * max(lo, 1):
            return None, "gate.fatalities"

    decay = float(rules["date_decay_days"])
    score = w["date"] * max(-1.0, 1.0 - gap / decay) - place_penalty
    if place_penalty:
        pass  # the places conflict: no place signal beyond the penalty
    elif None not in (new.lat, new.lon, old.lat, old.lon):
        prec = max(new.geo_precision or 3, old.geo_precision or 3)
        dg = _gate(rules, "gate.distance")
        scale = float(dg["scale_km"][min(3, max(1, prec))])
        km = _km(new, old)
        if km > scale * float(dg["max_factor"]):
            if not strong:
                return None, "gate.distance"
            score -= float(sn["place_conflict_penalty"])
        else:
            score += w["place"] * max(-1.0, 1.0 - km / scale)
    elif new.admin1 and new.admin1 == old.admin1:
        score += w["place"] * float(rules["coarse_place"])
    if overlap is not None:
        score += w["names"] * (overlap - float(rules["names_neutral"]))
    fig = _figure_agreement(new.killed, old.killed)
    inj = _figure_agreement(new.injured, old.injured)
    score += w["figures"] * (fig + 0.5 * inj) / 1.5
    if new.sub_event_type == old.sub_event_type and new.event_type == old.event_type:
        score += w["type"]
    elif new.event_type == old.event_type:
        score += 0.5 * w["type"]
    if new.actors and old.actors:
        score += w["actors"] * (1.0 if new.actors & old.actors else -1.0)
    return score, "scored"


def decide(new: Sequence[EventSketch], stored: Sequence[EventSketch],
           rules: Optional[Mapping[str, Any]] = None,
           rarity: Optional[NameRarity] = None) -> list[Decision]:
    """For each new event (one article's), merge into the best stored event or keep as new.

    Each stored event takes at most one event of the new article (greedy, best pair first).
    """
    rules = rules or _rules()
    threshold = float(rules["merge_threshold"])
    pairs: list[tuple[float, int, int]] = []
    why: dict[int, tuple[float, str]] = {}
    for i, n in enumerate(new):
        best_fail = (-math.inf, "no_candidate")
        for j, o in enumerate(stored):
            score, rule = pair_score(n, o, rules, rarity)
            if score is None:
                if best_fail[0] == -math.inf:
                    best_fail = (-math.inf, rule)
                continue
            if score >= threshold:
                pairs.append((score, i, j))
            elif score > best_fail[0]:
                best_fail = (score, "below_threshold")
        why[i] = best_fail
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    taken_new: dict[int, tuple[int, float]] = {}
    taken_old: set[int] = set()
    for score, i, j in pairs:
        if i in taken_new or j in taken_old:
            continue
        taken_new[i] = (j, score)
        taken_old.add(j)
    out: list[Decision] = []
    for i, n in enumerate(new):
        if i in taken_new:
            j, score = taken_new[i]
            out.append(Decision(n.id, stored[j].id, round(score, 3), "merge"))
        else:
            score, rule = why[i]
            out.append(Decision(n.id, None, round(score, 3) if score > -math.inf else 0.0, rule))
    return out


def merge_sketches(a: EventSketch, b: EventSketch, merged: Event) -> EventSketch:
    """The stored sketch after merging: fields from the merged event, names and articles unioned."""
    return sketch(merged, a.article_ids | b.article_ids, a.names | b.names)


# --------------------------------------------------------------------------------------------
# Merging events: every source, every claim, re-reconciled figures
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Member:
    """One article's report of a stored event."""

    article_id: str
    event: Event
    published: Optional[str] = None  # ISO date(time) of the article, for "latest figure"
    order: int = 0  # ingest order (tie-breaker; the first member founded the event)


def reconcile_claims(claims: Sequence[Claim]) -> Estimate:
    """low/best/high over one group's claims from several articles (in ingest order), by the
    project's one set of counting rules: ``warwire.reconcile.reconcile_claims``."""
    from .reconcile import reconcile_claims as _reconcile

    low, best, high = _reconcile(list(claims))
    return Estimate(low=low, best=best, high=high)


def _reconcile_estimates(members: Sequence[Member], attr: str) -> Estimate:
    """Totals (fatalities/injured) over members: lowest low, highest high, best of the latest
    article that gives a figure."""
    ests = [(m, getattr(m.event, attr)) for m in members]
    known = [(m, e) for m, e in ests if e.best is not None or e.low is not None]
    if not known:
        return Estimate()
    lows = [e.low if e.low is not None else e.best for _, e in known]
    low = min(x for x in lows if x is not None)
    highs = [e.high for _, e in known]
    high = None if any(h is None for h in highs) else max(h for h in highs if h is not None)
    latest = max(known, key=lambda me: (me[0].published or "", me[0].order))[1]
    best = latest.best if latest.best is not None else latest.low
    if best is not None:
        best = max(best, low)
        if high is not None:
            high = max(high, best)
    return Estimate(low=low, best=best, high=high)


def _mode(values: Iterable[Hashable]) -> Any:
    c = Counter(v for v in values if v is not None)
    if not c:
        return None
    top = max(c.values())
    for v in values:  # first of the most frequent, in member order
        if v is not None and c[v] == top:
            return v
    return None


_PREC_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


def merge_events(event_id: str, members: Sequence[Member]) -> Event:
    """One stored event from all its articles' reports (members in ingest order).

    Type: most frequent; date: most frequent start among the narrowest precision; place: the most
    precise (ACLED precision) with coordinates, most frequent name among those; actors: union;
    casualties: claims of every member grouped by (category, actor/country), each claim tagged
    with its article id, re-reconciled; fatalities/injured: lowest low, highest high, best of the
    latest article; evidence: the founding article's.
    """
    if not members:
        raise ValueError("merge_events needs at least one member")
    ms = sorted(members, key=lambda m: m.order)
    evs = [m.event for m in ms]
    etype = _mode([(e.event_type, e.sub_event_type) for e in evs])
    dated = [e for e in evs if e.date.start]
    if dated:
        best_prec = min(_PREC_RANK.get(e.date.precision or "year", 3) for e in dated)
        narrow = [e for e in dated if _PREC_RANK.get(e.date.precision or "year", 3) == best_prec]
        start = _mode([e.date.start for e in narrow])
        date = next(e.date for e in narrow if e.date.start == start).model_copy()
    else:
        date = EventDate()
    placed = [e for e in evs if e.location.lat is not None]
    pool = placed or [e for e in evs if e.location.country] or evs
    best_p = min((e.location.precision or 3) for e in pool)
    pool = [e for e in pool if (e.location.precision or 3) == best_p]
    name = _mode([e.location.name for e in pool])
    location = next((e.location for e in pool if e.location.name == name), pool[0].location)
    actors: list[Actor] = []
    seen: set[tuple[str, str]] = set()
    for e in evs:
        for a in e.actors:
            if (a.name, a.role) not in seen:
                seen.add((a.name, a.role))
                actors.append(a)
    groups: dict[tuple[str, str], list[tuple[Member, Casualty]]] = {}
    for m in ms:
        for c in m.event.casualties:
            groups.setdefault((c.category, c.actor or c.country or ""), []).append((m, c))
    casualties: list[Casualty] = []
    for parts in groups.values():
        cls = [cl if cl.article_id else cl.model_copy(update={"article_id": m.article_id})
               for m, c in parts for cl in c.claims]
        first_c = parts[0][1]
        if len({m.article_id for m, _ in parts}) == 1 and len(parts) == 1:
            # one article's reading: its figures were reconciled by the extractor already
            est = Estimate(low=first_c.low, best=first_c.best, high=first_c.high)
        else:
            est = reconcile_claims(cls) if cls else Estimate()
        casualties.append(Casualty(actor=first_c.actor, country=first_c.country,
                                   category=first_c.category, claims=cls, low=est.low,
                                   best=est.best, high=est.high))
    first = evs[0]
    if len(ms) == 1:
        fatalities, injured = first.fatalities.model_copy(), first.injured.model_copy()
    else:
        fatalities = _reconcile_estimates(ms, "fatalities")
        injured = _reconcile_estimates(ms, "injured")
    return Event(
        id=event_id,
        event_type=etype[0] if etype else first.event_type,
        sub_event_type=etype[1] if etype else first.sub_event_type,
        historical=all(e.historical for e in evs),
        date=date,
        location=location.model_copy() if isinstance(location, Location) else Location(),
        actors=actors,
        casualties=casualties,
        fatalities=fatalities,
        injured=injured,
        evidence=list(first.evidence),
        salience=max(e.salience for e in evs),
    )


# --------------------------------------------------------------------------------------------
# In-memory clustering (evaluation and calibration; the store does the same against its tables)
# --------------------------------------------------------------------------------------------


def rarity_for(rules: Mapping[str, Any], counts: Optional[Mapping[str, int]] = None,
               docs: int = 0) -> NameRarity:
    """A ``NameRarity`` with the rules' ``names.rarity_min_docs`` (0: names unweighted)."""
    return NameRarity(int(rules["names"].get("rarity_min_docs", 0)), counts, docs)


class Clusterer:
    """Articles' events clustered in memory, in the order added, with the store's logic:
    candidates within ``candidate_window_days``, ``decide``, ``merge_events``."""

    def __init__(self, rules: Optional[Mapping[str, Any]] = None):
        self.rules = rules or _rules()
        self.window = int(self.rules["candidate_window_days"])
        self.sketches: dict[str, EventSketch] = {}
        self.members: dict[str, list[Member]] = {}
        self.by_day: dict[int, set[str]] = {}
        self.undated: set[str] = set()
        self.rarity = rarity_for(self.rules)
        self._n = 0

    def _index(self, sk: EventSketch, add: bool) -> None:
        days = ([sk.date_start.toordinal()] if sk.date_start else [])
        if sk.date_start and sk.date_end and sk.date_end > sk.date_start:
            days = list(range(sk.date_start.toordinal(),
                              min(sk.date_end.toordinal(), sk.date_start.toordinal() + 400) + 1))
        for d in days:
            bucket = self.by_day.setdefault(d, set())
            (bucket.add if add else bucket.discard)(sk.id)
        if not days:
            (self.undated.add if add else self.undated.discard)(sk.id)

    def candidates(self, sk: EventSketch) -> list[EventSketch]:
        if sk.date_start is None:
            return []
        end = sk.date_end or sk.date_start
        ids: set[str] = set()
        for d in range(sk.date_start.toordinal() - self.window,
                       min(end.toordinal(), sk.date_start.toordinal() + 400) + self.window + 1):
            ids |= self.by_day.get(d, set())
        return [self.sketches[i] for i in sorted(ids)]

    def add(self, article_id: str, events: Sequence[Event], names: Sequence[frozenset[str]],
            published: Optional[str] = None) -> list[str]:
        """Add one article's events (``names[k]`` the proper names of ``events[k]``); returns
        the id of the stored event each one went to (its own new id, or the one merged into)."""
        new = [sketch(e, (article_id,), nm) for e, nm in zip(events, names)]
        cands: dict[str, EventSketch] = {}
        for sk in new:
            for c in self.candidates(sk):
                cands[c.id] = c
        decisions = decide(new, list(cands.values()), self.rules,
                           self.rarity if self.rarity.min_docs else None)
        self.rarity.add(set().union(*names) if names else ())
        out: list[str] = []
        for ev, sk, d in zip(events, new, decisions):
            self._n += 1
            member = Member(article_id, ev, published, self._n)
            if d.merge_into is None:
                sid = f"{article_id}:{ev.id}"
                self.members[sid] = [member]
                merged = merge_events(sid, [member])
                self.sketches[sid] = sketch(merged, (article_id,), sk.names)
                self._index(self.sketches[sid], True)
                out.append(sid)
            else:
                sid = d.merge_into
                self.members[sid].append(member)
                merged = merge_events(sid, self.members[sid])
                old = self.sketches[sid]
                self._index(old, False)
                self.sketches[sid] = merge_sketches(old, sk, merged)
                self._index(self.sketches[sid], True)
                out.append(sid)
        return out


# --------------------------------------------------------------------------------------------
# Scoring a grouping
# --------------------------------------------------------------------------------------------


def bcubed(pred: Mapping[str, Hashable], gold: Mapping[str, Hashable]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of ``pred`` (article id → cluster) against ``gold``
    (article id → incident), over the articles in ``gold`` (an article missing from ``pred`` is
    its own cluster)."""
    items = list(gold)
    if not items:
        return 0.0, 0.0, 0.0
    pred_of = {a: pred.get(a, ("__single__", a)) for a in items}
    pc: dict[Hashable, set[str]] = {}
    gc: dict[Hashable, set[str]] = {}
    for a in items:
        pc.setdefault(pred_of[a], set()).add(a)
        gc.setdefault(gold[a], set()).add(a)
    p = r = 0.0
    for a in items:
        both = len(pc[pred_of[a]] & gc[gold[a]])
        p += both / len(pc[pred_of[a]])
        r += both / len(gc[gold[a]])
    p /= len(items)
    r /= len(items)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


__all__ = [
    "EventSketch", "Decision", "Member", "Clusterer", "NameRarity", "rarity_for", "name_overlap",
    "names_in", "article_names", "event_text", "sketch", "pair_score",
    "decide", "merge_sketches", "merge_events", "reconcile_claims", "bcubed",
]
