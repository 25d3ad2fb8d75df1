"""Tests for warwire.dedupe: B-cubed, the gates, decisions, merging with re-reconciliation."""
from __future__ import annotations

import pytest
from storefakes import make_event

from warwire.dedupe import (Clusterer, Member, NameRarity, bcubed, decide,  # noqa: E402
                            merge_events, name_overlap, names_in, pair_score, reconcile_claims,
                            sketch)
from warwire.model import Claim  # noqa: E402

BCUBED = [
    ({"a": 1, "b": 1, "c": 2}, {"a": "x", "b": "x", "c": "y"}, (1.0, 1.0, 1.0)),
    ({}, {"a": "x", "b": "x"}, (1.0, 0.5, 2 / 3)),  # every article alone
    ({"a": 1, "b": 1}, {"a": "x", "b": "y"}, (0.5, 1.0, 2 / 3)),  # everything merged
    ({"a": 1, "b": 1, "c": 1, "d": 2}, {"a": "x", "b": "x", "c": "y", "d": "y"},
     ((2 / 3 + 2 / 3 + 1 / 3 + 1) / 4, (1 + 1 + 0.5 + 0.5) / 4, None)),
]


@pytest.mark.parametrize("pred,gold,expected", BCUBED)
def test_bcubed(pred, gold, expected) -> None:
    p, r, f = bcubed(pred, gold)
    assert p == pytest.approx(expected[0]) and r == pytest.approx(expected[1])
    if expected[2] is not None:
        assert f == pytest.approx(expected[2])


NAMES_A = frozenset({"tenisha", "mallet", "austin", "larrabee"})
NAMES_B = frozenset({"keshawn", "wiley", "englewood", "halsted"})

PAIRS = [  # (new kwargs, old kwargs, names new, names old, expected rule or "merge"/"apart")
    ({}, {}, NAMES_A, NAMES_A, "merge"),
    ({}, {"day": "2021-05-09"}, NAMES_A, NAMES_B, "gate.date"),
    ({}, {"day": "2021-05-30"}, NAMES_A, NAMES_A, "gate.date"),
    ({"day": None}, {}, NAMES_A, NAMES_A, "gate.no_date"),
    ({}, {"country": "CAN", "admin1": "Ontario"}, NAMES_A, NAMES_B, "gate.country"),
    ({}, {"admin1": "Indiana"}, NAMES_A, NAMES_B, "gate.admin1"),
    ({}, {"lat": 41.0, "lon": -87.0}, NAMES_A, NAMES_B, "gate.distance"),
    # the same rare names: a follow-up dated a week later, or a misplaced report, still merges
    ({}, {"day": "2021-05-09"}, NAMES_A, NAMES_A, "merge"),
    ({}, {"admin1": "Indiana", "lat": 39.8, "lon": -86.2}, NAMES_A, NAMES_A, "merge"),
    ({}, {"etype": "protests", "sub": "peaceful_protest"}, NAMES_A, NAMES_A, "gate.type"),
    ({"killed": 2}, {"killed": 40}, NAMES_A, NAMES_A, "gate.fatalities"),
    ({}, {"etype": "battles", "sub": "armed_clash"}, NAMES_A, NAMES_A, "merge"),
    # same day, same city, different names and tolls: kept apart
    ({"killed": 1}, {"killed": 2}, NAMES_A, NAMES_B, "apart"),
    # a later article with a risen toll and the same names: merged
    ({"killed": 3, "day": "2021-05-02"}, {"killed": 2}, NAMES_A, NAMES_A, "merge"),
]


def _ev(eid: str, day: str | None = "2021-05-01", **kw):
    base = {"lat": 41.88, "lon": -87.63, "name": "Chicago", "admin1": "Illinois", "killed": 1}
    return make_event(eid, day, **{**base, **kw})


@pytest.mark.parametrize("new_kw,old_kw,nn,no,expected", PAIRS)
def test_pairs(new_kw, old_kw, nn, no, expected) -> None:
    new = sketch(_ev("n", **new_kw), ["a1"], nn)
    old = sketch(_ev("o", **old_kw), ["a0"], no)
    (d,) = decide([new], [old])
    score, rule = pair_score(new, old)
    if expected == "merge":
        assert d.merge_into == "o", (score, rule)
    elif expected == "apart":
        assert d.merge_into is None and rule == "scored"
    else:
        assert d.merge_into is None and rule == expected and d.rule == expected


def test_same_article_never_merged_and_one_to_one() -> None:
    old = sketch(_ev("o"), ["a0"], NAMES_A)
    assert pair_score(sketch(_ev("n"), ["a0"], NAMES_A), old)[1] == "gate.same_article"
    d = decide([sketch(_ev("n1"), ["a1"], NAMES_A), sketch(_ev("n2"), ["a1"], NAMES_A)], [old])
    assert sorted(x.merge_into or "-" for x in d) == ["-", "o"]


def test_names_skip_sentence_starts_and_stop_words() -> None:
    text = "Police said Tenisha Mallet died. Officers found her on Larrabee Street in Austin."
    assert names_in(text) == {"tenisha", "mallet", "larrabee", "austin"}


def test_place_words_are_not_names() -> None:
    sk = sketch(_ev("n"), [], frozenset({"chicago", "illinois", "mallet"}))
    assert sk.names == {"mallet"}


RECONCILE = [  # claims (low, high, qualifier, source), expected (low, best, high)
    ([(3, 3, "exact", None), (5, 5, "exact", None)], (3, 5, 5)),
    ([(12, None, "at_least", None)], (12, 12, None)),
    ([(12, None, "at_least", None), (15, 15, "exact", None)], (12, 15, 15)),
    ([(20, None, "at_least", None), (15, 15, "exact", None)], (15, 20, None)),
    ([(7, 7, "exact", "Ministry"), (9, 9, "exact", None)], (7, 9, 9)),
    ([(2, 2, "exact", None), (10, 10, "exact", None)], (2, 10, 10)),  # a later subset figure
]


@pytest.mark.parametrize("claims,expected", RECONCILE)
def test_reconcile_claims(claims, expected) -> None:
    est = reconcile_claims([Claim(low=a, high=b, qualifier=q, source=s) for a, b, q, s in claims])
    assert (est.low, est.best, est.high) == expected


def test_merge_calls_the_projects_reconciliation(monkeypatch: pytest.MonkeyPatch) -> None:
    from warwire import reconcile

    seen: list[int] = []

    def fake(claims):
        seen.append(len(claims))
        return (1, 2, 3)

    monkeypatch.setattr(reconcile, "reconcile_claims", fake)
    merged = merge_events("S", [Member("a1", _ev("x", killed=2)), Member("a2", _ev("y", killed=4))])
    assert seen == [2] and (merged.casualties[0].low, merged.casualties[0].best) == (1, 2)


def test_single_report_keeps_the_extractors_figures() -> None:
    ev = _ev("x", killed=2)
    ev.casualties[0].best = 9  # whatever the extractor decided stays
    merged = merge_events("S", [Member("a1", ev)])
    assert merged.casualties[0].best == 9 and merged.casualties[0].claims[0].article_id == "a1"


def test_merge_events_keeps_every_claim_and_source_order() -> None:
    e1 = _ev("x", killed=2, quote="two dead")
    e2 = _ev("y", killed=4, quote="four dead", source="Police", precision=2,
             name="near Chicago")
    merged = merge_events("S", [Member("a1", e1, "2021-05-01", 1), Member("a2", e2, "2021-05-02", 2)])
    assert merged.id == "S" and merged.location.name == "Chicago"  # the most precise place
    (cas,) = merged.casualties
    assert [(c.quote, c.article_id) for c in cas.claims] == [("two dead", "a1"), ("four dead", "a2")]
    assert (merged.fatalities.low, merged.fatalities.best, merged.fatalities.high) == (2, 4, 4)


def test_rare_names_weigh_more() -> None:
    rarity = NameRarity(10)
    for _ in range(9):
        rarity.add({"metro", "crime"})  # names every article of the city has
    a, b = frozenset({"metro", "crime", "tenisha"}), frozenset({"metro", "crime", "keshawn"})
    assert name_overlap(a, b) == pytest.approx(2 / 3)
    assert name_overlap(a, b, rarity) < 0.2  # only the common names are shared
    assert name_overlap(a, a | {"mallet"}, rarity) == 1.0


def test_clusterer_groups_incidents() -> None:
    cl = Clusterer()
    a = cl.add("a1", [_ev("e")], [NAMES_A])
    b = cl.add("a2", [_ev("e", killed=2)], [NAMES_B])  # same day and city, another incident
    c = cl.add("a3", [_ev("e", day="2021-05-02")], [NAMES_A])  # follow-up of the first
    assert a == c != b
