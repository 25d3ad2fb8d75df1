"""Test data for the dashboard: a small store made of hand-built contract Results (the seed's
clash with its five casualty rows and disagreeing claims, a few other events, and an article
whose text contains markup), written through the store's batch API, plus a TestClient."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from warwire.model import (Actor, Article, ArticleInfo, Casualty, Claim, Estimate, Event,
                           EventDate, Location, Result)

SEED = (Path(__file__).resolve().parents[2] / "src" / "warwire" / "examples" / "seed.txt")
SCRIPT_TEXT = ("<script>alert('xss')</script> Gunmen killed 3 villagers near Maiduguri on Monday, "
               "police said. <b>Two</b> others were injured.")


def _claim(text: str, sentence: str, figure: str, low: int, high: int | None, source: str | None,
           qualifier: str = "exact", rule: str = "test.rule") -> Claim:
    start = text.index(sentence)
    fs = text.index(figure, start)
    return Claim(low=low, high=high, qualifier=qualifier, source=source, quote=sentence,
                 start=start, end=start + len(sentence), figure_start=fs,
                 figure_end=fs + len(figure), rule=rule)


def seed_result(text: str) -> Result:
    """The seed article read as expected.json says: five casualty rows, two of them with
    disagreeing claims (13 vs 12 captured, 10 vs 2 wounded)."""
    aze, arm = "Military Forces of Azerbaijan", "Military Forces of Armenia"
    s_quote = "“Seven servicemen died and 10 more were wounded in the clashes provoked Tuesday by Armenia,” Baku’s defence ministry said."
    s_arm = "Armenia reported one dead, 13 captured, and 24 missing troops."
    s_12 = "It also reported that 12 Armenian servicemen were captured by the Azerbaijani military."
    s_two = "adding that two Azerbaijani troops were wounded."
    cas = [
        Casualty(actor=aze, country="AZE", category="killed", low=7, best=7, high=7,
                 claims=[_claim(text, s_quote, "Seven", 7, 7, "Ministry of Defence of Azerbaijan")]),
        Casualty(actor=aze, country="AZE", category="injured", low=2, best=10, high=10,
                 claims=[_claim(text, s_quote, "10", 10, 10, "Ministry of Defence of Azerbaijan"),
                         _claim(text, s_two, "two", 2, 2, "Ministry of Defence of Azerbaijan")]),
        Casualty(actor=arm, country="ARM", category="killed", low=1, best=1, high=1,
                 claims=[_claim(text, s_arm, "one", 1, 1, "Ministry of Defence of Armenia")]),
        Casualty(actor=arm, country="ARM", category="captured", low=12, best=13, high=13,
                 claims=[_claim(text, s_arm, "13", 13, 13, "Ministry of Defence of Armenia"),
                         _claim(text, s_12, "12", 12, 12, "Ministry of Defence of Armenia")]),
        Casualty(actor=arm, country="ARM", category="missing", low=24, best=24, high=24,
                 claims=[_claim(text, s_arm, "24", 24, 24, "Ministry of Defence of Armenia")]),
    ]
    k = text.index("Kelbajar")
    main = Event(id="e0", event_type="battles", sub_event_type="armed_clash",
                 date=EventDate(start="2021-11-16", end="2021-11-16", precision="day", text="Tuesday"),
                 location=Location(name="Kalbajar", country="AZE", admin1="Kalbajar District",
                                   lat=40.10, lon=46.04, precision=2, text="Kelbajar",
                                   span_start=k, span_end=k + len("Kelbajar")),
                 actors=[Actor(name=aze, country="AZE", type="state_forces", role="side_a"),
                         Actor(name=arm, country="ARM", type="state_forces", role="side_b")],
                 casualties=cas, fatalities=Estimate(low=8, best=8, high=8),
                 injured=Estimate(low=2, best=10, high=10), salience=1.0)
    truce = Event(id="e1", event_type="strategic_developments", sub_event_type="agreement",
                  date=EventDate(start="2021-11-16", end="2021-11-16", precision="day"),
                  location=Location(country="ARM", precision=3),
                  actors=[Actor(name="Government of Russia", country="RUS", type="external_forces",
                                role="mediator")], salience=0.5)
    war = Event(id="e2", event_type="battles", sub_event_type="armed_clash", historical=True,
                date=EventDate(start="2020-09-27", end="2020-11-10", precision="month"),
                location=Location(name="Nagorno-Karabakh", country="AZE", lat=39.9, lon=46.7, precision=3),
                fatalities=Estimate(low=6500, best=6500, high=None), salience=0.2)
    return Result(id="seed", article=ArticleInfo(title="7 Azerbaijani soldiers killed in clashes with Armenia",
                                                 published="2021-11-17T14:03:00"),
                  events=[main, truce, war])


def script_result(text: str) -> Result:
    s = "Gunmen killed 3 villagers near Maiduguri on Monday, police said."
    ev = Event(id="e0", event_type="violence_against_civilians", sub_event_type="attack",
               date=EventDate(start="2023-03-06", end="2023-03-06", precision="day", text="Monday"),
               location=Location(name="Maiduguri <b>town</b>", country="NGA", admin1="Borno",
                                 lat=11.85, lon=13.16, precision=2),
               actors=[Actor(name="Unidentified <script>alert(1)</script> Gang", country="NGA",
                             type="political_militia", role="perpetrator")],
               casualties=[Casualty(actor="Civilians (Nigeria)", country="NGA", category="killed",
                                    low=3, best=3, high=3,
                                    claims=[_claim(text, s, "3", 3, 3, "Police Forces of Nigeria")])],
               fatalities=Estimate(low=3, best=3, high=3))
    return Result(id="script", article=ArticleInfo(title="<script>alert('title')</script> Borno attack",
                                                   published="2023-03-07T09:00:00"), events=[ev])


def other_results() -> list[tuple[Article, Result]]:
    """A few more events on other days, countries and types (one per article)."""
    out = []
    rows = [("2021-11-10", "SYR", "explosions_remote_violence", "air_drone_strike", 36.2, 37.1, 12, "Military Forces of Russia"),
            ("2021-11-12", "SYR", "battles", "armed_clash", 35.9, 36.6, 4, "Hayat Tahrir al-Sham"),
            ("2021-11-20", "USA", "violence_against_civilians", "attack", 29.76, -95.37, 1, "Unidentified Armed Group (United States)"),
            ("2021-12-01", "AFG", "protests", "peaceful_protest", 34.5, 69.2, 0, "Protesters (Afghanistan)")]
    for n, (day, iso, et, st, lat, lon, killed, actor) in enumerate(rows):
        text = f"Report {n}: {killed} people were killed on {day} in an incident, officials said."
        art = Article(id=f"other-{n}", text=text, title=f"Report {n} from {iso}",
                      published=dt.datetime.fromisoformat(day + "T12:00:00"))
        ev = Event(id="e0", event_type=et, sub_event_type=st,
                   date=EventDate(start=day, end=day, precision="day"),
                   location=Location(name=f"Place {n}", country=iso, lat=lat, lon=lon, precision=1),
                   actors=[Actor(name=actor, country=iso, type="state_forces", role="side_a")],
                   fatalities=Estimate(low=killed, best=killed, high=killed))
        out.append((art, Result(id=art.id, events=[ev])))
    return out


def build_store(url: str) -> None:
    from warwire.store import Store

    seed_text = SEED.read_text(encoding="utf-8")
    seed = Article(id="seed", text=seed_text, title="7 Azerbaijani soldiers killed in clashes with Armenia",
                   published=dt.datetime(2021, 11, 17, 14, 3))
    script = Article(id="script", text=SCRIPT_TEXT, title="<script>alert('title')</script> Borno attack",
                     published=dt.datetime(2023, 3, 7, 9, 0))
    with Store(url) as store:
        store.add_batch([(seed, seed_result(seed_text)), (script, script_result(SCRIPT_TEXT)),
                         *other_results()])


@pytest.fixture(scope="session")
def store_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('web') / 'events.db'}"
    build_store(url)
    return url


@pytest.fixture(scope="session")
def app(store_url: str):
    from warwire.settings import load_settings
    from warwire.web import create_app

    return create_app(store_url, load_settings())


@pytest.fixture()
def client(app):
    from fastapi.testclient import TestClient

    with TestClient(app, raise_server_exceptions=False) as c:
        yield c
