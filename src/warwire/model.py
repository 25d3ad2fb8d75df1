"""The one data model of warwire.

Two families live here:
- internal records that flow between pipeline stages (frozen dataclasses, cheap to build by the
  thousand: tokens, sentences, mentions), and
- the output contract (pydantic models) that every interface speaks: ``Result`` → ``Event`` →
  ``Location``, ``Actor``, ``Casualty`` → ``Claim`` (see ``shared/docs/contract.md``, version 1).

Every mention carries ``rule`` (the id of the rule that fired) and ``start``/``end`` (character
offsets into ``Article.text``), so every figure in the output can point at where it was read.
"""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

CONTRACT_VERSION = 1

Category = Literal["killed", "injured", "captured", "missing", "kidnapped", "arrested"]
CATEGORIES: tuple[str, ...] = ("killed", "injured", "captured", "missing", "kidnapped", "arrested")
Qualifier = Literal["exact", "at_least", "more_than", "at_most", "less_than", "about", "range"]
DatePrecision = Literal["day", "week", "month", "year"]
ActorType = Literal[
    "state_forces", "rebel_group", "political_militia", "identity_militia", "rioters",
    "protesters", "civilians", "external_forces", "unknown",
]
ActorRole = Literal["side_a", "side_b", "mediator", "perpetrator", "target", "victim"]


# --------------------------------------------------------------------------------------------
# Input
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Article:
    """One article as read by the ingest stage. ``text`` is the body all offsets point into."""

    id: str
    text: str
    title: Optional[str] = None
    published: Optional[dt.datetime] = None
    url: Optional[str] = None
    source: Optional[str] = None
    # Notes found while reading the input (e.g. "no publication date"), copied to Result.warnings.
    notes: tuple[str, ...] = ()


# --------------------------------------------------------------------------------------------
# Parse (written by stages/parse.py, the only module that imports spaCy)
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Token:
    i: int  # index in the document
    text: str
    start: int  # char offset in Article.text
    end: int
    lemma: str
    pos: str  # universal POS (NOUN, VERB, NUM, PROPN ...)
    tag: str  # fine-grained tag (NNS, VBD ...)
    dep: str  # dependency label
    head: int  # index of the head token (== i for the root)
    sent: int  # index of the sentence
    ent_type: str  # "" when not in an entity
    like_num: bool


@dataclass(frozen=True, slots=True)
class Sentence:
    i: int
    start: int  # char offsets
    end: int
    first_token: int  # token index range [first_token, last_token)
    last_token: int


@dataclass(frozen=True, slots=True)
class Entity:
    text: str
    label: str  # spaCy label: GPE, LOC, FAC, ORG, NORP, PERSON, DATE, TIME, CARDINAL ...
    start: int
    end: int
    first_token: int
    last_token: int  # exclusive
    sent: int


@dataclass(frozen=True, slots=True)
class ParsedText:
    """The article after parsing. Offsets are into ``article.text``."""

    article: Article
    tokens: tuple[Token, ...]
    sentences: tuple[Sentence, ...]
    entities: tuple[Entity, ...]

    @property
    def text(self) -> str:
        return self.article.text

    def sentence_text(self, i: int) -> str:
        s = self.sentences[i]
        return self.article.text[s.start:s.end]

    def sentence_tokens(self, i: int) -> tuple[Token, ...]:
        s = self.sentences[i]
        return self.tokens[s.first_token:s.last_token]

    def sentence_at(self, char: int) -> int:
        """Index of the sentence containing character offset ``char`` (the last one before it)."""
        lo, hi = 0, len(self.sentences) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.sentences[mid].start <= char:
                lo = mid
            else:
                hi = mid - 1
        return lo


# --------------------------------------------------------------------------------------------
# Mentions (each a pure function of the parsed article; each has a rule id and a span)
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Attribution:
    """Who a claim is attributed to: "Baku's defence ministry said", "according to police"."""

    text: str  # the source as written ("Baku's defence ministry")
    start: int
    end: int
    rule: str
    country: Optional[str] = None  # ISO alpha-3 of the source when known (Baku → AZE)
    name: Optional[str] = None  # canonical name when known ("Ministry of Defence of Azerbaijan")


@dataclass(frozen=True, slots=True)
class CasualtyMention:
    """One figure for one group and one category: "Seven servicemen died"."""

    category: str  # one of CATEGORIES
    low: Optional[int]  # lowest value the phrase allows ("dozens" → 12, "at least 12" → 12)
    high: Optional[int]  # None when open-ended ("at least 12")
    qualifier: str  # one of Qualifier
    start: int  # span of the whole claim phrase (figure .. verb)
    end: int
    figure_start: int  # span of the figure itself ("Seven", "a dozen", "a 14-year-old girl")
    figure_end: int
    sent: int  # sentence index
    rule: str
    victim_text: str = ""  # the noun phrase counted ("servicemen", "Armenian soldiers")
    victim_start: Optional[int] = None  # span of victim_text (the assembler links it to actors)
    victim_end: Optional[int] = None
    victim_kind: str = "unknown"  # civilians | state_forces | police | perpetrator | combatants | unknown
    victim_country: Optional[str] = None  # ISO alpha-3 from a demonym/possessive ("Armenian")
    attribution: Optional[Attribution] = None
    is_update: bool = False  # "the death toll rose to 12": supersedes earlier figures
    is_total: bool = False  # "the attack left 12 dead" as a total for the event
    negated: bool = False  # "no one was hurt" (low = high = 0)
    additional: bool = False  # "another man was also killed": adds to, not restates, earlier ones
    increment: bool = False  # "two more died": a count of people besides all counted before
    other_incident: bool = False  # the sentence is about another incident ("the third shooting")
    # The figure counts everyone hit, the dead included ("four men were shot, two of them died"):
    # reconcile.py derives the injured as this figure minus the killed.
    includes_killed: bool = False
    # Told as a first estimate ("initial reports said 11 died"): any other figure of its
    # category replaces it (reconcile.py).
    initial_estimate: bool = False
    # Told as killed or hurt by state forces ("Troops killed seven people", "seven were killed
    # when soldiers raided the town"): the forces' own count of fighters they killed may be the
    # same dead (reconcile.py).
    by_state_forces: bool = False
    # Parts of the figure its own phrase names by kind ("12 people, including three soldiers":
    # (("state_forces", 3),)): a later count of those is among the figure (reconcile.py).
    held: tuple[tuple[str, int], ...] = ()
    # The side whose own losses the figure is, told by that side ("The militia said six of its
    # fighters were killed": the militia's statement); own losses of different sides add up.
    side: Optional[str] = None

    @property
    def provenance(self) -> str:
        """The rule id as the output names it: the rule, tagged when the figure was an initial
        estimate (so a reader sees why a later figure replaced it)."""
        return self.rule + "|cas.initial" if self.initial_estimate else self.rule


@dataclass(frozen=True, slots=True)
class DateMention:
    text: str
    start: int
    end: int
    sent: int
    rule: str
    date_start: Optional[dt.date]  # resolved; None when not resolvable (no publication date)
    date_end: Optional[dt.date]
    precision: str  # DatePrecision
    relative: bool  # resolved against the publication date ("Tuesday", "last night")


@dataclass(frozen=True, slots=True)
class PlaceCandidate:
    name: str
    country: Optional[str]  # ISO alpha-3
    admin1: Optional[str]
    admin2: Optional[str]
    lat: Optional[float]
    lon: Optional[float]
    geonames_id: Optional[int]
    kind: str  # city | admin1 | admin2 | region | country | post_office (a US town known only
    #            by its post office: no population, read only inside the article's state)
    population: int = 0


@dataclass(frozen=True, slots=True)
class PlaceMention:
    text: str
    start: int
    end: int
    sent: int
    rule: str
    candidate: PlaceCandidate  # the chosen reading
    precision: int  # ACLED geo precision 1..3
    # How the place is used in its sentence: "incident" ("in Kelbajar", "near X"), "dateline"
    # ("HOUSTON --"), "speaker" ("officials in Baku said"), "origin" ("a Houston man"), "mention".
    role: str = "mention"
    score: float = 0.0  # the stage's confidence that this is the incident place


@dataclass(frozen=True, slots=True)
class ActorMention:
    text: str
    start: int
    end: int
    sent: int
    rule: str
    name: str  # canonical: "Military Forces of Armenia", "Police Forces of the United States"
    country: Optional[str]
    type: str  # ActorType
    # Syntactic hint from the sentence: agent ("Armenian troops attacked"), patient ("attacked
    # Azerbaijani positions"), mediator ("Russia-brokered"), or None.
    role_hint: Optional[str] = None


@dataclass(frozen=True, slots=True)
class TriggerMention:
    text: str
    start: int
    end: int
    sent: int
    rule: str
    event_type: str
    sub_event_type: str
    weight: float = 1.0  # how strongly the word signals an event (rule data)
    historical: bool = False  # in a background context ("a year after ... fought a war")


@dataclass
class Analysis:
    """What the pipeline knows about one article; each stage fills its own fields."""

    article: Article
    parsed: Optional[ParsedText] = None
    casualties: list[CasualtyMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    triggers: list[TriggerMention] = field(default_factory=list)
    events: list["Event"] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------------------------
# The output contract (version 1) — names are read by outside tools; never rename.
# --------------------------------------------------------------------------------------------
class ContractModel(BaseModel):
    model_config = ConfigDict(extra="allow")


class ArticleInfo(ContractModel):
    title: Optional[str] = None
    published: Optional[str] = None  # ISO datetime
    url: Optional[str] = None
    source: Optional[str] = None


class EventDate(ContractModel):
    start: Optional[str] = None  # ISO date
    end: Optional[str] = None
    precision: Optional[str] = None
    text: Optional[str] = None
    rule: Optional[str] = None
    span_start: Optional[int] = None
    span_end: Optional[int] = None


class Location(ContractModel):
    name: Optional[str] = None
    country: Optional[str] = None
    admin1: Optional[str] = None
    admin2: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    geonames_id: Optional[int] = None
    precision: Optional[int] = None
    text: Optional[str] = None
    rule: Optional[str] = None
    span_start: Optional[int] = None
    span_end: Optional[int] = None


class Actor(ContractModel):
    name: str
    country: Optional[str] = None
    type: str = "unknown"
    role: str = "side_a"
    text: Optional[str] = None
    rule: Optional[str] = None


class Claim(ContractModel):
    low: Optional[int] = None
    high: Optional[int] = None
    qualifier: str = "exact"
    source: Optional[str] = None
    source_country: Optional[str] = None
    quote: str = ""
    start: int = 0  # the quoted sentence, offsets into the article text
    end: int = 0
    figure_start: Optional[int] = None
    figure_end: Optional[int] = None
    rule: str = ""
    article_id: Optional[str] = None  # set when claims of several articles are merged


class Casualty(ContractModel):
    actor: Optional[str] = None
    country: Optional[str] = None
    category: str
    low: Optional[int] = None
    best: Optional[int] = None
    high: Optional[int] = None
    claims: list[Claim] = Field(default_factory=list)


class Evidence(ContractModel):
    start: int
    end: int
    rule: Optional[str] = None  # set on a figure's evidence: the rule that read it
    # "title" when the span points into the article's title, not its text (a toll only the
    # headline gives: "Teen shot Friday dies"); absent otherwise
    text_field: Optional[str] = None


class Estimate(ContractModel):
    low: Optional[int] = None
    best: Optional[int] = None
    high: Optional[int] = None
    # The figures this total was computed from (their spans and rules): the provenance of a
    # total even where no casualty rows are given (background events).
    evidence: list[Evidence] = Field(default_factory=list)


class Event(ContractModel):
    id: str
    event_type: str
    sub_event_type: str
    historical: bool = False
    date: EventDate = Field(default_factory=EventDate)
    location: Location = Field(default_factory=Location)
    actors: list[Actor] = Field(default_factory=list)
    casualties: list[Casualty] = Field(default_factory=list)
    fatalities: Estimate = Field(default_factory=Estimate)
    injured: Estimate = Field(default_factory=Estimate)
    evidence: list[Evidence] = Field(default_factory=list)
    salience: float = 0.0
    # Which text every offset of this event (claims, date, location, evidence) points into:
    # "text" (the body), or "title" when the body reported no event and the title did.
    text_field: str = "text"


class Result(ContractModel):
    id: str
    article: ArticleInfo = Field(default_factory=ArticleInfo)
    events: list[Event] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    error: Optional[str] = None  # set when the article could not be processed (and events empty)
    contract_version: int = CONTRACT_VERSION


# --------------------------------------------------------------------------------------------
# Evaluation items (contract.md, "Evaluation items")
# --------------------------------------------------------------------------------------------
class Gold(ContractModel):
    date: Optional[str] = None
    country: Optional[str] = None
    admin1: Optional[str] = None
    location: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    killed: Optional[int] = None
    wounded: Optional[int] = None
    event_type: Optional[str] = None


class EvalItem(ContractModel):
    id: str
    text: str
    title: Optional[str] = None
    published: Optional[str] = None
    incident: Optional[str] = None
    gold: Gold = Field(default_factory=Gold)


def iso_date(value: Optional[str]) -> Optional[dt.date]:
    """The calendar date a contract date string (ISO date or datetime) starts with; None when
    absent or unreadable."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km between two points (degrees)."""
    r = math.radians
    h = (math.sin(r(lat2 - lat1) / 2) ** 2
         + math.cos(r(lat1)) * math.cos(r(lat2)) * math.sin(r(lon2 - lon1) / 2) ** 2)
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))
