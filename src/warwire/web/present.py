"""Pure presentation helpers of the dashboard: what the templates show, computed from contract
models, with no I/O and no HTML (the templates escape everything they print).

- ``segments``: article text cut into runs, each with the kinds of mention covering it
- ``quote_parts``: a claim's quoted sentence split around its figure
- ``casualty_groups``: an event's casualty rows with their claims, disagreement marked
- ``figure_text`` / ``estimate_text``: figures as people read them ("at least 12", "10 (2–10)")
- ``mention_spans`` / ``stored_spans``: the spans to highlight on the article page
- ``feature``: one map point as a GeoJSON Feature
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Optional

from ..model import Analysis, Casualty, Claim, Estimate, Event

EVENT_TYPES: tuple[str, ...] = (
    "battles", "explosions_remote_violence", "violence_against_civilians", "protests", "riots",
    "strategic_developments",
)
# Highlight kinds of the article page, in drawing priority (a later kind wins the colour when
# spans overlap; every kind still shows in the run's title).
KINDS: tuple[str, ...] = ("trigger", "actor", "place", "date", "source", "casualty", "figure")

_QUALIFIER_WORDS = {
    "exact": "", "at_least": "at least ", "more_than": "more than ", "at_most": "at most ",
    "less_than": "fewer than ", "about": "about ",
}


def type_class(event_type: Optional[str]) -> str:
    """CSS class suffix for an event type (unknown types share one colour)."""
    return event_type if event_type in EVENT_TYPES else "other"


def label(value: Optional[str]) -> str:
    """snake_case → words: ``armed_clash`` → ``armed clash``."""
    return (value or "").replace("_", " ")


def figure_text(low: Optional[int], high: Optional[int], qualifier: str = "exact") -> str:
    """A claim's figure as read: ``13``, ``at least 12``, ``10–12``, ``?``."""
    if low is None and high is None:
        return "?"
    if qualifier == "range" or (low is not None and high is not None and low != high
                                and qualifier == "exact"):
        return f"{low}–{high}"
    value = low if low is not None else high
    if qualifier in ("at_most", "less_than") and high is not None:
        value = high
    return f"{_QUALIFIER_WORDS.get(qualifier, '')}{value}"


def estimate_text(est: Estimate | Casualty) -> str:
    """``best`` alone when the range is one number, else ``best (low–high)``; ``–`` when none."""
    if est.best is None and est.low is None:
        return "–"
    if est.low == est.best == est.high:
        return str(est.best)
    high = "?" if est.high is None else str(est.high)
    low = "?" if est.low is None else str(est.low)
    return f"{'?' if est.best is None else est.best} ({low}–{high})"


@dataclass(frozen=True)
class QuoteParts:
    before: str
    figure: str
    after: str


def quote_parts(claim: Claim) -> QuoteParts:
    """Split the claim's quote around its figure. Offsets are used when the quote is the article
    slice ``start:end``; otherwise the figure's digits are searched in the quote; failing both,
    the whole quote comes back unhighlighted."""
    quote = claim.quote or ""
    fs, fe = claim.figure_start, claim.figure_end
    if fs is not None and fe is not None and claim.end - claim.start == len(quote):
        a, b = fs - claim.start, fe - claim.start
        if 0 <= a < b <= len(quote):
            return QuoteParts(quote[:a], quote[a:b], quote[b:])
    for value in (claim.low, claim.high):
        if value is None:
            continue
        needle = str(value)
        pos = _find_number(quote, needle)
        if pos < 0 and value >= 1000:
            needle = f"{value:,}"
            pos = _find_number(quote, needle)
        if pos >= 0:
            return QuoteParts(quote[:pos], quote[pos:pos + len(needle)], quote[pos + len(needle):])
    return QuoteParts(quote, "", "")


def _find_number(text: str, needle: str) -> int:
    """First occurrence of ``needle`` not inside a longer number."""
    start = 0
    while True:
        pos = text.find(needle, start)
        if pos < 0:
            return -1
        before = text[pos - 1] if pos > 0 else " "
        after = text[pos + len(needle)] if pos + len(needle) < len(text) else " "
        if not before.isdigit() and not after.isdigit():
            return pos
        start = pos + 1


@dataclass
class ClaimView:
    claim: Claim
    figure: str
    parts: QuoteParts
    article_id: Optional[str]
    article_title: str
    differs: bool  # its figure differs from another claim of the same group


@dataclass
class GroupView:
    casualty: Casualty
    estimate: str
    claims: list[ClaimView]
    disagree: bool  # the claims of this group do not all give the same figure
    figures: list[str] = field(default_factory=list)  # the distinct figures, in claim order


def casualty_groups(event: Event, sources: Iterable[Any] = ()) -> list[GroupView]:
    """One view per casualty row (group × category) with its claims side by side. A group
    disagrees when its claims give different figures (e.g. 13 and 12 captured)."""
    titles = {s.article_id: (s.title or s.input_id or s.article_id) for s in sources}
    default_article = next(iter(titles), None)
    groups = []
    for cas in event.casualties:
        values = [(c.low, c.high) for c in cas.claims]
        disagree = len(set(values)) > 1
        figures: list[str] = []
        views = []
        for claim in cas.claims:
            text = figure_text(claim.low, claim.high, claim.qualifier)
            if text not in figures:
                figures.append(text)
            aid = claim.article_id or default_article
            views.append(ClaimView(
                claim=claim, figure=text, parts=quote_parts(claim), article_id=aid,
                article_title=titles.get(aid, aid or "") if aid else "",
                differs=disagree and values.count((claim.low, claim.high)) < len(values)))
        groups.append(GroupView(casualty=cas, estimate=estimate_text(cas), claims=views,
                                disagree=disagree, figures=figures))
    return groups


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str  # one of KINDS
    note: str  # what was read there ("killed 7 (rule cas.verb)")


@dataclass(frozen=True)
class Segment:
    text: str
    kinds: tuple[str, ...]  # covering kinds, in KINDS order
    notes: tuple[str, ...]
    start: int

    @property
    def css(self) -> str:
        return " ".join(f"k-{k}" for k in self.kinds)

    @property
    def title(self) -> str:
        return "; ".join(self.notes)


def segments(text: str, spans: Iterable[Span]) -> list[Segment]:
    """Cut ``text`` at every span boundary; each run lists the kinds of the spans covering it.
    Spans outside the text are clipped; empty ones are dropped. O(n log n) in the spans."""
    n = len(text)
    clean = [Span(max(0, s.start), min(n, s.end), s.kind, s.note) for s in spans
             if s.end > s.start and s.start < n and s.end > 0]
    cuts = sorted({0, n, *(s.start for s in clean), *(s.end for s in clean)})
    starts: dict[int, list[Span]] = {}
    for s in clean:
        starts.setdefault(s.start, []).append(s)
    active: list[Span] = []
    out = []
    order = {k: i for i, k in enumerate(KINDS)}
    for a, b in zip(cuts, cuts[1:]):
        active = [s for s in active if s.end > a] + starts.get(a, [])
        kinds = tuple(sorted({s.kind for s in active}, key=lambda k: order.get(k, -1)))
        notes = tuple(dict.fromkeys(s.note for s in active))
        out.append(Segment(text[a:b], kinds, notes, a))
    return out


def mention_spans(analysis: Analysis) -> list[Span]:
    """Every mention the stages found, as highlight spans."""
    spans: list[Span] = []
    for c in analysis.casualties:
        fig = figure_text(c.low, c.high, c.qualifier)
        spans.append(Span(c.start, c.end, "casualty", f"{c.category} {fig} ({c.provenance})"))
        spans.append(Span(c.figure_start, c.figure_end, "figure", f"figure {fig}"))
        if c.attribution is not None:
            a = c.attribution
            spans.append(Span(a.start, a.end, "source", f"source: {a.name or a.text} ({a.rule})"))
    for d in analysis.dates:
        when = d.date_start.isoformat() if d.date_start else "unresolved"
        spans.append(Span(d.start, d.end, "date", f"date {when}, {d.precision} ({d.rule})"))
    for p in analysis.places:
        cand = p.candidate
        where = ", ".join(x for x in (cand.name, cand.admin1, cand.country) if x)
        spans.append(Span(p.start, p.end, "place", f"place {where}, {p.role} ({p.rule})"))
    for a in analysis.actors:
        spans.append(Span(a.start, a.end, "actor", f"actor {a.name} [{label(a.type)}] ({a.rule})"))
    for t in analysis.triggers:
        spans.append(Span(t.start, t.end, "trigger", f"{label(t.sub_event_type)} ({t.rule})"))
    return spans


def stored_spans(events: Iterable[Event]) -> list[Span]:
    """Highlight spans from stored events alone (when the stages cannot be re-run): claim
    sentences and figures, the date and place read, the events' evidence."""
    spans: list[Span] = []
    for ev in events:
        if ev.text_field != "text":
            continue  # its offsets point into the title, not the text shown
        for cas in ev.casualties:
            for c in cas.claims:
                fig = figure_text(c.low, c.high, c.qualifier)
                if c.figure_start is not None and c.figure_end is not None:
                    spans.append(Span(c.figure_start, c.figure_end, "figure",
                                      f"{cas.category} {fig} ({c.rule})"))
        d, loc = ev.date, ev.location
        if d.span_start is not None and d.span_end is not None:
            spans.append(Span(d.span_start, d.span_end, "date", f"date {d.start} ({d.rule})"))
        if loc.span_start is not None and loc.span_end is not None:
            spans.append(Span(loc.span_start, loc.span_end, "place",
                              f"place {loc.name or loc.country} ({loc.rule})"))
    return spans


def feature(point: dict[str, Any]) -> dict[str, Any]:
    """A map point (``api.map_points`` row) as a GeoJSON Feature."""
    props = {k: v for k, v in point.items() if k not in ("lat", "lon")}
    props["date"] = props.pop("date_start", None)
    props["fatalities"] = props.get("fatalities_best")
    props["url"] = f"/events/{point['id']}"
    return {"type": "Feature", "id": point["id"],
            "geometry": {"type": "Point", "coordinates": [point["lon"], point["lat"]]},
            "properties": props}
