"""Helpers for the store tests: synthetic articles (two same-day, same-city incidents a day, told
apart by the victim's name), the events a good extractor reads from them, a fake extractor."""
from __future__ import annotations

import datetime as dt
from typing import Iterable, Iterator, Optional, Sequence

from warwire.model import (Actor, Article, Casualty, Claim, Estimate, Event, EventDate, Location,
                           Result)

SURNAMES = ["Abernathy", "Bellweather", "Castellano", "Dunmore", "Eberhardt", "Fairbanks",
            "Galloway", "Hathaway", "Ingersoll", "Jorgensen", "Kowalczyk", "Lindqvist",
            "Montgomery", "Nakamura", "Okonkwo", "Pemberton", "Quintero", "Rasmussen"]


def incident_name(k: int) -> str:
    return f"{SURNAMES[k % len(SURNAMES)]} {SURNAMES[(k * 7 + 3) % len(SURNAMES)]}ville"


def synthetic_article(i: int, per_incident: int = 3) -> Article:
    """Article i reports incident k = i // per_incident: two incidents a day (every third day) in
    the same city, told apart by the victim's name and the toll (1 or 2 killed)."""
    k = i // per_incident
    text = (f"SPRINGFIELD -- Police said {incident_name(k)} was shot dead on Tuesday near the "
            f"corner of a busy street. Officers found the victim at the scene. Dispatch note {i}.")
    return Article(id=f"art-{i}", text=text, title=f"Shooting victim identified ({i})",
                   published=dt.datetime(2020, 1, 1) + dt.timedelta(days=3 * (k // 2)))


def synthetic_event(article: Article) -> Event:
    """What a good extractor reads from ``synthetic_article`` (incidents with an even number
    name the police as an actor)."""
    i = int(article.id.split("-")[1])
    k = i // 3
    day = (dt.date(2020, 1, 1) + dt.timedelta(days=3 * (k // 2))).isoformat()
    quote = article.text[:80]
    return make_event("e1", day, killed=1 + k % 2, quote=quote,
                      source="Police" if i % 2 else None,
                      actors=["Springfield Police Department"] if k % 2 == 0 else [])


def make_event(eid: str, day: Optional[str], *, killed: Optional[int] = None,
               injured: Optional[int] = None, lat: Optional[float] = 39.80,
               lon: Optional[float] = -89.64, name: str = "Springfield", country: str = "USA",
               admin1: Optional[str] = "Illinois", etype: str = "violence_against_civilians",
               sub: str = "attack", quote: str = "", source: Optional[str] = None,
               precision: int = 1, actors: Sequence[str] = ()) -> Event:
    cas = []
    if killed is not None:
        cas.append(Casualty(category="killed", low=killed, best=killed, high=killed,
                            claims=[Claim(low=killed, high=killed, quote=quote, source=source,
                                          start=0, end=len(quote), rule="test.killed")]))
    return Event(
        id=eid, event_type=etype, sub_event_type=sub,
        date=EventDate(start=day, end=day, precision="day") if day else EventDate(),
        location=Location(name=name, country=country, admin1=admin1, lat=lat, lon=lon,
                          precision=precision),
        actors=[Actor(name=a, type="state_forces", role="side_a" if k == 0 else "side_b")
                for k, a in enumerate(actors)],
        casualties=cas, fatalities=Estimate(low=killed, best=killed, high=killed),
        injured=Estimate(low=injured, best=injured, high=injured), salience=1.0)


def fake_extract(articles: Iterable[Article]) -> Iterator[Result]:
    for a in articles:
        yield Result(id=a.id, events=[synthetic_event(a)])


