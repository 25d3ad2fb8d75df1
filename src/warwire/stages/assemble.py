"""Assemble stage — reads ``parsed``, ``casualties``, ``dates``, ``places``, ``actors``,
``triggers``; writes ``events``.

Groups mentions into events, sets background (historical) events apart, attributes claims to
their sources, reconciles low/best/high (``reconcile.py``) and orders events by salience.

How mentions become events (the rules, in order):
1. Every sentence gets a *context*: ``historical`` when it holds a historical trigger or a date
   that lies clearly before the incident period (``dates.is_past_context``; or, in a sentence
   after the lead, a date before the day the lead tells: ``assemble.earlier_than_lead``, whose
   sentence's triggers are then historical too); otherwise current.
2. Triggers fall into *buckets* by (context, family) — family ``violence`` (battles, explosions,
   violence against civilians, riots), ``protest``, ``agreement``, ``arrests``, ``other``.
   One bucket is one event: news articles report one incident and recall others, and the
   recalled ones are set apart by their context, not by their vocabulary.
3. A casualty mention joins the event of its sentence: the historical event when its sentence is
   historical (or it is flagged ``other_incident`` — then it is dropped unless a historical event
   exists), else the current violence event. Figures without any trigger still make a violence
   event (a toll is evidence of violence).
4. The event's sub-type comes from its strongest trigger (weight, then first in text); its date,
   place and actors from the mentions in its sentences (``choose_event_date``,
   ``choose_event_location``; actors by role hint).
5. Salience: current before historical; then casualties, trigger weight and how early the event
   is told (news puts the main event first).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import re
from collections import defaultdict
from typing import Optional

from .. import reconcile
from ..model import (
    Actor, ActorMention, Analysis, Attribution, Casualty, CasualtyMention, Claim, DateMention,
    Estimate, Event, EventDate, Evidence, Location, ParsedText, PlaceMention, TriggerMention,
)
from ..pipeline import Resources, Stage
from ..rules import load_yaml
from . import actors as actors_stage
from . import dates as dates_stage
from . import places as places_stage

FAMILY_OF_TYPE = {
    "battles": "violence",
    "explosions_remote_violence": "violence",
    "violence_against_civilians": "violence",
    "riots": "violence",
    "protests": "protest",
}
FAMILY_OF_SUBTYPE = {"agreement": "agreement", "arrests": "arrests"}
# The event type a violence event takes when it has casualties but no trigger word at all.
DEFAULT_VIOLENCE = ("violence_against_civilians", "attack")
# ACLED: in battles both sides are belligerents; elsewhere the agent attacks a target.
VICTIM_TYPES_OF_KIND = {"civilians": ("civilians",), "people": ("civilians",), "state_forces": ("state_forces",),
                        "police": ("state_forces",), "perpetrator": ("unknown",),
                        "combatants": ("rebel_group", "political_militia", "identity_militia")}


def _family(trigger: TriggerMention) -> str:
    return FAMILY_OF_SUBTYPE.get(trigger.sub_event_type) or FAMILY_OF_TYPE.get(trigger.event_type, "other")


@dataclasses.dataclass
class _Bucket:
    historical: bool
    family: str
    triggers: list[TriggerMention] = dataclasses.field(default_factory=list)
    casualties: list[CasualtyMention] = dataclasses.field(default_factory=list)
    sentences: set[int] = dataclasses.field(default_factory=set)


def _past_dates(analysis: Analysis) -> tuple[list[DateMention], list[DateMention]]:
    """Dates clearly before the incident period: those before the publication year
    (``dates.is_past_context``), and those of a later sentence before the day the lead tells
    (``assemble.earlier_than_lead``)."""
    published = analysis.article.published
    rule = load_yaml("assemble.yaml")["earlier_than_lead"]
    current = [t for t in analysis.triggers if not t.historical and t.weight > 0 and _family(t) == "violence"]
    lead = min((t.sent for t in current), default=None)
    pub_day = published.date() if isinstance(published, dt.datetime) else published
    # the lead's days, not a page's date stamp ("August 12th, 2016" on the publication day)
    lead_days = [d for d in analysis.dates if d.sent == lead and d.precision in rule["lead_precisions"]
                 and not (d.date_start == pub_day and _YEAR.search(d.text))]
    earlier_rules = set(rule["earlier_rules"])

    def before_lead(d: DateMention) -> bool:
        if not lead_days or d.sent <= lead or not (
                d.rule in earlier_rules or d.text.lower().startswith(rule["earlier_prefix"])):
            return False
        if d.date_end is not None and all(x.date_start is not None for x in lead_days):
            return d.date_end < min(x.date_start for x in lead_days)
        return True  # "last week" against "on Saturday" with no publication date to resolve them

    return ([d for d in analysis.dates if dates_stage.is_past_context(d, published)],
            [d for d in analysis.dates if before_lead(d)])


def _historical_sentences(analysis: Analysis, past: list[DateMention]) -> set[int]:
    """Sentences about the past: a historical trigger, or a date clearly before the incident
    period, and no current trigger with a current date beside it."""
    out = {t.sent for t in analysis.triggers if t.historical} | {d.sent for d in past}
    current_trigger_sents = {t.sent for t in analysis.triggers if not t.historical and t.weight > 0}
    past_ids = {id(d) for d in past}
    current_dates = {d.sent for d in analysis.dates if id(d) not in past_ids}
    return {s for s in out if not (s in current_trigger_sents and s in current_dates)}


def _dated_back(analysis: Analysis, past: list[DateMention], hist_sents: set[int]) -> set[int]:
    """Starts of the triggers a past date tells the time of: those of a sentence about the past
    ("In October 2021, a suicide bombing at a mosque killed 50 people"), unless the date is only
    a point of comparison ("the deadliest since June 2023")."""
    text = analysis.parsed.text if analysis.parsed is not None else ""
    dated = {d.sent for d in past if d.sent in hist_sents
             and not _comparison_re().search(text, max(0, d.start - 12), d.start)}
    return {t.start for t in analysis.triggers if t.sent in dated}


_YEAR = re.compile(r"\b\d{4}\b")


@functools.lru_cache(maxsize=1)
def _comparison_re() -> re.Pattern:
    """A comparison word right before a date (``earlier_than_lead.comparison_words``)."""
    words = load_yaml("assemble.yaml")["earlier_than_lead"]["comparison_words"]
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\s+(?:the\s+)?$", re.I)


def _casualty_is_historical(cas: CasualtyMention, triggers_by_sent: dict[int, list[TriggerMention]],
                            hist_sents: set[int]) -> bool:
    """A figure belongs to the event told nearest to it in its sentence ("the clashes that left
    one dead ... a year after they fought a war" is current; "the six-week conflict, which left
    6,500 dead" is not); with no trigger in the sentence, the sentence's context decides."""
    near = triggers_by_sent.get(cas.sent)
    if not near:
        return cas.sent in hist_sents
    closest = min(near, key=lambda t: min(abs(t.start - cas.figure_end), abs(cas.figure_start - t.end)))
    return closest.historical


def _buckets(analysis: Analysis, hist_sents: set[int], dated_back: set[int]) -> list[_Bucket]:
    """Current events one per family; everything historical in one background event. Arrests
    and captures told in a current violence story belong to that violence event."""
    buckets: dict[tuple[bool, str], _Bucket] = {}
    # a sentence whose every figure is another incident's ("Separately, in X, a driver was shot
    # dead") tells no part of the current event: its violence words join none
    by_sent: dict[int, list[bool]] = defaultdict(list)
    for cas in analysis.casualties:
        by_sent[cas.sent].append(cas.other_incident)
    other_sents = {s for s, flags in by_sent.items() if all(flags)}
    live = [t for t in analysis.triggers if t.weight > 0
            and (t.historical or t.sent in hist_sents or t.sent not in other_sents)]
    current_families = {_family(t) for t in live if not (t.historical or t.sent in hist_sents)}

    def key_for(historical: bool, family: str) -> tuple[bool, str]:
        if historical:
            return (True, "history")
        if family == "arrests" and "violence" in current_families:
            return (False, "violence")
        return (False, family)

    def bucket(key: tuple[bool, str]) -> _Bucket:
        if key not in buckets:
            buckets[key] = _Bucket(*key)
        return buckets[key]

    triggers_by_sent: dict[int, list[TriggerMention]] = defaultdict(list)
    for trig in live:
        historical = trig.historical or trig.start in dated_back
        trig_key = key_for(historical, _family(trig))
        b = bucket(trig_key)
        b.triggers.append(trig)
        b.sentences.add(trig.sent)
        triggers_by_sent[trig.sent].append(dataclasses.replace(trig, historical=historical))
    for cas in analysis.casualties:
        historical = _casualty_is_historical(cas, triggers_by_sent, hist_sents)
        if cas.other_incident and not historical:
            if (True, "history") not in buckets:
                continue  # another incident's figure with no background event to hold it
            historical = True
        # Figures belong to the violence told; in a protest story with no violence word they
        # are the protest's ("Police dispersed the protesters ... No injuries were reported").
        family = "protest" if "protest" in current_families and "violence" not in current_families \
            else "violence"
        b = bucket(key_for(historical, family))
        b.casualties.append(cas)
        b.sentences.add(cas.sent)
    return [b for b in buckets.values() if b.triggers or b.casualties]


def _with_source_references(casualties: list[CasualtyMention]) -> list[CasualtyMention]:
    """Resolve each claim's source; a source that refers back ("It also reported", "the
    ministry said") takes the latest earlier source that had a country."""
    back_refs = set(load_yaml("assemble.yaml")["source_back_references"])
    out = []
    last: Optional[Attribution] = None
    for cas in sorted(casualties, key=lambda c: c.start):
        att = _resolve_attribution(cas.attribution)
        if att is not None and att.country is None and last is not None \
                and att.text.lower().strip() in back_refs:
            att = dataclasses.replace(att, country=last.country, name=last.name)
        if att is not None and att.country is not None:
            last = att
        out.append(dataclasses.replace(cas, attribution=att))
    return out


def _resolve_attribution(att: Optional[Attribution]) -> Optional[Attribution]:
    """Give a claim's source a country and a canonical name ("Baku's defence ministry" → AZE,
    "Ministry of Defence of Azerbaijan") from the words of the source phrase."""
    if att is None or (att.country and att.name):
        return att
    country = att.country
    if country is None:
        for word in att.text.replace("’", "'").replace("'s", " ").split():
            country = actors_stage.country_from_word(word.strip(",.\"“”"))
            if country:
                break
    name = att.name or source_name(att.text, country)
    return dataclasses.replace(att, country=country, name=name)


def source_name(text: str, country: Optional[str]) -> str:
    """"Baku's defence ministry" + AZE → "Ministry of Defence of Azerbaijan" (assemble.yaml
    ``source_names``); a source no rule names keeps its own words."""
    words = set(text.lower().replace("’", " ").replace("'", " ").split())
    cname = actors_stage.country_name(country) if country else None
    if cname:
        for rule in load_yaml("assemble.yaml")["source_names"]:
            if all(w in words for w in rule["words"]):
                return rule["template"].format(country=cname)
    return text


def group_name(country: Optional[str], kind: str) -> Optional[str]:
    """The ACLED-style name of a casualty group that no actor phrase named (assemble.yaml)."""
    cname = actors_stage.country_name(country) if country else None
    for rule in load_yaml("assemble.yaml")["group_names"]:
        if rule["kind"] == kind:
            return rule["with_country"].format(country=cname) if cname else rule["without"]
    return None


@functools.lru_cache(maxsize=1)
def _counting_institutions() -> frozenset[str]:
    return frozenset(load_yaml("assemble.yaml")["counting_institutions"])


def _counting_institution(source: str) -> bool:
    """The source is an institution that counts anyone's dead (assemble.yaml ``counting_institutions``)."""
    return any(w in _counting_institutions() for w in re.findall(r"[a-z]+", source.lower()))


def _with_victim_country(cas: CasualtyMention, actor_mentions: list[ActorMention]) -> CasualtyMention:
    """Fill a figure's victim country from an actor phrase inside its victim span, else from the
    claim's own source when the victims are a state's forces (a ministry reports its own losses)."""
    att = _resolve_attribution(cas.attribution)
    country = cas.victim_country
    kind = cas.victim_kind
    if country is None and cas.victim_start is not None and cas.victim_end is not None:
        for am in actor_mentions:
            if am.country and am.start < cas.victim_end and am.end > cas.victim_start:
                country = am.country
                if kind == "unknown" and am.type in ("state_forces", "civilians"):
                    kind = am.type
                break
    if country is None and att is not None and att.country and kind in ("state_forces", "unknown") and not (
            kind == "unknown" and _counting_institution(att.text)):
        country = att.country
    return dataclasses.replace(cas, victim_country=country, victim_kind=kind, attribution=att)


def _actor_for(country: Optional[str], kind: str, actor_mentions: list[ActorMention]) -> Optional[str]:
    """The canonical actor name a casualty group belongs to."""
    for am in actor_mentions:
        if am.country == country and am.type in VICTIM_TYPES_OF_KIND.get(kind, (am.type,)):
            return am.name
    return group_name(country, kind)


def _claim(parsed: ParsedText, tally_claim: "reconcile.Claim", article_id: str) -> Claim:
    """A contract claim from one reconciled statement (one or more mentions in one sentence):
    the quote is the sentence, the figure span covers the mentions' figures."""
    mentions = tally_claim.mentions
    first = mentions[0]
    sent = parsed.sentences[first.sent]
    att = next((m.attribution for m in mentions if m.attribution is not None), None)
    return Claim(
        low=tally_claim.low, high=tally_claim.high, qualifier=tally_claim.qualifier,
        source=(att.name or att.text) if att else None,
        source_country=att.country if att else None,
        quote=parsed.text[sent.start:sent.end].strip(), start=sent.start,
        end=sent.start + len(parsed.text[sent.start:sent.end].rstrip()),
        figure_start=min(m.figure_start for m in mentions), figure_end=max(m.figure_end for m in mentions),
        rule="+".join(dict.fromkeys(m.provenance for m in mentions)), article_id=article_id,
    )


def _states_figure_in_digits(parsed: ParsedText, claim: Claim) -> bool:
    figure = parsed.text[claim.figure_start or 0:claim.figure_end or 0]
    return any(ch.isdigit() for ch in figure)


def _distinct_claims(parsed: ParsedText, claims: list[Claim]) -> list[Claim]:
    """One source restating one figure is one claim ("Armenia reported one dead" … "the ministry
    said one soldier died"): keep the statement that gives the figure most precisely (in
    digits), else the first. Different sources with the same figure stay separate claims."""
    kept: dict[tuple, Claim] = {}
    for claim in claims:
        key = (claim.low, claim.high, claim.source_country or claim.source)
        if key not in kept or (_states_figure_in_digits(parsed, claim)
                               and not _states_figure_in_digits(parsed, kept[key])):
            kept[key] = claim
    return sorted(kept.values(), key=lambda c: c.start)


def _casualties(parsed: ParsedText, mentions: list[CasualtyMention], actor_mentions: list[ActorMention],
                article_id: str, implied_zero: bool = True) -> tuple[list[Casualty], Estimate, Estimate]:
    tallies = reconcile.tally(mentions)
    rows = []
    for t in tallies:
        if t.category not in ("killed", "injured", "captured", "missing", "kidnapped", "arrested"):
            continue
        rows.append(Casualty(
            actor=_actor_for(t.country, t.kind, actor_mentions), country=t.country,
            category=t.category, low=t.low, best=t.best, high=t.high,
            claims=_distinct_claims(parsed, [_claim(parsed, c, article_id) for c in t.claims]),
        ))
    tot = reconcile.totals(tallies, implied_zero=implied_zero)

    def estimate(name: str, category: str) -> Estimate:
        total = tot.get(name)
        if total is None:
            return Estimate()
        evidence = [Evidence(start=m.figure_start, end=m.figure_end, rule=m.provenance)
                    for t in tallies if t.category == category for m in t.mentions]
        if not evidence and total.best == 0:  # an implied zero: shown by the other figures
            other = "injured" if category == "killed" else "killed"
            rule = load_yaml("assemble.yaml")["implied_zero"]["id"]
            evidence = [Evidence(start=m.figure_start, end=m.figure_end, rule=rule)
                        for t in tallies if t.category == other for m in t.mentions]
        return Estimate(low=total.low, best=total.best, high=total.high, evidence=evidence)

    return rows, estimate("fatalities", "killed"), estimate("injured", "injured")


def _actors(bucket: _Bucket, analysis: Analysis, casualty_rows: list[Casualty],
            location_country: Optional[str], event_type: str) -> list[Actor]:
    """Sides from role hints in the event's sentences and from the groups that suffered losses."""
    mentions = [a for a in analysis.actors if a.sent in bucket.sentences]
    out: dict[str, Actor] = {}

    def add(name: str, country: Optional[str], type_: str, role: str, am: Optional[ActorMention] = None):
        if name in out:
            return
        out[name] = Actor(name=name, country=country, type=type_, role=role,
                          text=am.text if am else None, rule=am.rule if am else None)

    if bucket.family == "agreement":
        for am in mentions:
            if am.role_hint == "mediator":
                add(am.name, am.country, am.type, "mediator", am)
        for am in mentions:
            if am.role_hint in ("agent", "patient", "party"):
                add(am.name, am.country, am.type, "side_a" if not out or len(out) % 2 else "side_b", am)
        return list(out.values())

    battle = event_type == "battles"
    agents = [am for am in mentions if am.role_hint == "agent"]
    patients = [am for am in mentions if am.role_hint == "patient"]
    for am in agents:
        add(am.name, am.country, am.type, "side_a" if battle else "perpetrator", am)
    for am in patients:
        add(am.name, am.country, am.type, "side_b" if battle else "target", am)
    for row in casualty_rows:
        if row.actor and row.category in ("killed", "injured", "captured", "missing"):
            kind_type = next((am.type for am in mentions if am.name == row.actor), None)
            add(row.actor, row.country, kind_type or "unknown", "side_b" if battle else "victim")
    # A generic actor ("the military", no country) is the same as a named one of its type.
    typed_with_country = {a.type for a in out.values() if a.country}
    for name in [n for n, a in out.items() if a.country is None and a.type in typed_with_country]:
        del out[name]
    for actor in out.values():  # actors of the place's country unless the text says otherwise
        if actor.country is None:
            actor.country = location_country
    if battle:
        sides = [a for a in out.values() if a.role in ("side_a", "side_b")]
        # Two belligerents: when both came out as one role, the first told is side_a.
        if len(sides) >= 2 and len({a.role for a in sides}) == 1:
            sides[0].role = "side_a"
            for a in sides[1:]:
                a.role = "side_b"
    return list(out.values())


def _event_id(article_id: str, index: int, event_type: str, start: int) -> str:
    raw = f"{article_id}:{event_type}:{start}:{index}"
    return hashlib.sha256(raw.encode()).hexdigest()[:16]


def _salience(bucket: _Bucket, fatalities: Estimate, n_sentences: int) -> float:
    first = min(bucket.sentences) if bucket.sentences else n_sentences
    weights = load_yaml("assemble.yaml")["salience"]
    score = sum(t.weight for t in bucket.triggers) * weights["trigger_weight"]
    score += len(bucket.casualties) * weights["per_casualty_mention"]
    score += weights["family"].get(bucket.family, 0.0)
    score += weights["early_bonus"] / (1 + first)
    if bucket.historical:
        score -= weights["historical_penalty"]
    return round(score, 3)


def assemble_events(analysis: Analysis) -> list[Event]:
    parsed = analysis.parsed
    assert parsed is not None
    article_id = analysis.article.id
    actor_mentions = list(analysis.actors)
    casualties = [_with_victim_country(c, actor_mentions)
                  for c in _with_source_references(analysis.casualties)]
    analysis = dataclasses.replace(analysis, casualties=casualties)
    past_year, before_lead = _past_dates(analysis)
    hist_sents = _historical_sentences(analysis, past_year + before_lead)
    dated_back = _dated_back(analysis, before_lead, hist_sents)
    article_dates: Optional[dates_stage.ArticleDates] = None  # read once, for the first event it dates
    events: list[Event] = []
    for index, bucket in enumerate(_buckets(analysis, hist_sents, dated_back)):
        best_trigger = max(bucket.triggers, key=lambda t: (t.weight, -t.start), default=None)
        if best_trigger is not None:
            event_type, sub_type = best_trigger.event_type, best_trigger.sub_event_type
        else:
            event_type, sub_type = DEFAULT_VIOLENCE
        if bucket.family in ("violence", "history"):
            strongest = _strongest_violence(bucket.triggers)
            if strongest is not None:
                event_type, sub_type = strongest.event_type, strongest.sub_event_type
        if bucket.historical:
            date_m = _historical_date(analysis, bucket)
        else:
            # Every date is offered: choose_event_date marks down past-year dates itself, and a
            # trial or follow-up story may date its incident only in a "historical" sentence.
            if article_dates is None:
                article_dates = dates_stage.ArticleDates(analysis.dates, parsed)
            date_m = dates_stage.choose_event_date(analysis.dates, parsed, bucket.sentences, article_dates)
        place = places_stage.choose_event_location(analysis.places, parsed, bucket.sentences)
        location = _location(place)
        # A recalled war's untold injured are unknown, not zero: no implied zeros in the background.
        rows, fatal, injured = _casualties(parsed, bucket.casualties, actor_mentions, article_id,
                                           implied_zero=not bucket.historical)
        actors = _actors(bucket, analysis, rows, location.country, event_type)
        if bucket.historical:
            # Background events are context: their totals keep their evidence (spans and rules)
            # but are not broken down into casualty rows and claims, which are for the events
            # the article reports.
            rows = []
        start = min((parsed.sentences[s].start for s in bucket.sentences), default=0)
        evidence = [Evidence(start=parsed.sentences[s].start, end=parsed.sentences[s].end)
                    for s in sorted(bucket.sentences)]
        events.append(Event(
            id=_event_id(article_id, index, event_type, start),
            event_type=event_type, sub_event_type=sub_type, historical=bucket.historical,
            date=_event_date(date_m), location=location, actors=actors, casualties=rows,
            fatalities=fatal, injured=injured, evidence=evidence,
            salience=_salience(bucket, fatal, len(parsed.sentences)),
        ))
    events.sort(key=lambda e: (e.historical, -e.salience))
    return events


def _strongest_violence(triggers: list[TriggerMention]) -> Optional[TriggerMention]:
    priority = load_yaml("assemble.yaml")["violence_priority"]
    ranked = [t for t in triggers if t.event_type in priority]
    if not ranked:
        return None
    return max(ranked, key=lambda t: (t.weight * priority[t.event_type], -t.start))


def _historical_date(analysis: Analysis, bucket: _Bucket):
    published = analysis.article.published
    candidates = [d for d in analysis.dates if d.sent in bucket.sentences and d.date_start is not None
                  and dates_stage.is_past_context(d, published)]
    if not candidates:
        candidates = [d for d in analysis.dates if d.sent in bucket.sentences and d.date_start is not None]
    if not candidates:
        return None
    return min(candidates, key=lambda d: d.date_start)


def _event_date(m) -> EventDate:
    if m is None:
        return EventDate()
    return EventDate(
        start=m.date_start.isoformat() if m.date_start else None,
        end=(m.date_end or m.date_start).isoformat() if (m.date_end or m.date_start) else None,
        precision=m.precision, text=m.text or None, rule=m.rule,
        span_start=m.start if m.text else None, span_end=m.end if m.text else None,
    )


def _location(place: Optional[PlaceMention]) -> Location:
    if place is None:
        return Location()
    c = place.candidate
    point = c.kind != "country"  # contract: lat/lon null when only the country is known
    return Location(
        name=c.name, country=c.country, admin1=c.admin1, admin2=c.admin2,
        lat=c.lat if point else None, lon=c.lon if point else None, geonames_id=c.geonames_id,
        precision=place.precision, text=place.text, rule=place.rule,
        # a place read from the title has no span in the text (the offsets point into the body)
        span_start=place.start if place.end > place.start else None,
        span_end=place.end if place.end > place.start else None,
    )


def _run(analysis: Analysis, resources: Resources) -> dict:
    return {"events": assemble_events(analysis)}


STAGE = Stage("assemble", reads=("parsed", "casualties", "dates", "places", "actors", "triggers"),
              writes=("events",), run=_run)
