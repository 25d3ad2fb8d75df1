"""Counting logic: grouping, restatement vs addition, updates, low/best/high, totals."""
from __future__ import annotations

from typing import Optional

import pytest

from warwire.model import Attribution, CasualtyMention
from warwire.model import Claim
from warwire.reconcile import reconcile_claims, tally, totals


def m(category: str, low: Optional[int], high: Optional[int] = -1, *, sent: int = 0, start: int = 0,
      qualifier: str = "exact", kind: str = "unknown", country: Optional[str] = None,
      source_country: Optional[str] = None, rule: str = "cas.test|num.digits", victim: str = "",
      **flags: bool) -> CasualtyMention:
    high = low if high == -1 else high
    attribution = Attribution("src", 0, 3, "cas.attr.test", country=source_country) if source_country else None
    return CasualtyMention(category=category, low=low, high=high, qualifier=qualifier, start=start,
                           end=start + 5, figure_start=start, figure_end=start + 2, sent=sent, rule=rule,
                           victim_text=victim, victim_kind=kind, victim_country=country,
                           attribution=attribution, **flags)


def by_key(tallies):
    return {(g.country, g.kind, g.category): (g.low, g.best, g.high) for g in tallies}


def test_seed_like_claims() -> None:
    ms = [
        m("killed", 7, sent=0, start=0, kind="state_forces", country="AZE"),
        m("killed", 7, sent=1, start=100, kind="state_forces", source_country="AZE"),
        m("injured", 10, sent=1, start=120, kind="state_forces", source_country="AZE", additional=True),
        m("captured", 13, sent=2, start=200, kind="state_forces", country="ARM"),
        m("killed", 1, sent=2, start=190, kind="state_forces", country="ARM"),
        m("captured", 12, sent=8, start=800, kind="state_forces", country="ARM"),
        m("injured", 2, sent=10, start=1000, kind="state_forces", country="AZE"),
    ]
    got = by_key(tally(ms))
    assert got[("AZE", "state_forces", "killed")] == (7, 7, 7)
    assert got[("AZE", "state_forces", "injured")] == (2, 10, 10)
    low, best, high = got[("ARM", "state_forces", "captured")]
    assert (low, high) == (12, 13) and best in (12, 13)
    t = totals(tally(ms))
    assert t["fatalities"].best == 8 and t["injured"].best == 10


def test_restatements_are_not_added() -> None:
    ms = [m("killed", 2, sent=0), m("killed", 2, sent=3, start=300), m("killed", 1, sent=5, start=500)]
    [g] = tally(ms)
    assert (g.low, g.best, g.high) == (1, 2, 2)
    assert len(g.claims) == 3


def test_additional_in_sentence_and_another_later() -> None:
    ms = [m("killed", 1, sent=0, rule="cas.test|num.q.a", victim="man"),
          m("killed", 1, sent=0, start=20, additional=True, rule="cas.test|num.q.a", victim="woman"),
          m("killed", 1, sent=2, start=200, additional=True, rule="cas.test|num.q.another", victim="man")]
    [g] = tally(ms)
    assert g.best == 3


def test_update_supersedes() -> None:
    ms = [m("killed", 12, sent=0), m("killed", 9, sent=4, start=400, is_update=True)]
    [g] = tally(ms)
    assert g.best == 9 and g.low == 9 and g.high == 12


def test_open_ended_high() -> None:
    [g] = tally([m("killed", 12, None, qualifier="at_least")])
    assert (g.low, g.best, g.high) == (12, 12, None)
    [g] = tally([m("killed", 12, None, qualifier="at_least"), m("killed", 15, sent=2, start=50)])
    assert (g.low, g.best, g.high) == (12, 15, 15)


@pytest.mark.parametrize("mentions,fatalities,injured", [
    ([], None, None),
    ([m("injured", 0, negated=True)], None, 0),
    ([m("injured", 0, negated=True), m("injured", 2, sent=1, start=10)], None, 2),
    # "killed two people and then himself": one sentence, 2 + 1
    ([m("killed", 2), m("killed", 1, start=10, kind="perpetrator", rule="cas.self.killed_himself")], 3, None),
    # "fatally shot his wife and daughter before turning the gun on himself": the sentence's
    # conjoined victims (1 + 1) and the shooter
    ([m("killed", 1, rule="cas.test|cas.fig.possessed"),
      m("killed", 1, start=8, rule="cas.test|cas.fig.conjunct", additional=True),
      m("killed", 1, start=20, kind="perpetrator", rule="cas.self.gun_on")], 3, None),
    # "Two people are dead." ... "The gunman then killed himself.": already among the two
    ([m("killed", 2), m("killed", 1, sent=1, start=10, kind="perpetrator", rule="cas.self.killed_himself")], 2, None),
    ([m("killed", 1, sent=1, start=10, kind="perpetrator", rule="cas.self.killed_himself")], 1, None),
    # "a murder-suicide left two dead": the perpetrator is among the two
    ([m("killed", 2), m("killed", 1, sent=1, start=10, kind="perpetrator", rule="cas.self.suicide")], 2, None),
    # "four people were shot ... two of them died": injured = hit − killed
    ([m("injured", 4, includes_killed=True), m("killed", 2, start=10)], 2, 2),
    # "a man was shot" ... "he died": nobody injured
    ([m("injured", 1, includes_killed=True, rule="cas.test|num.q.a"),
      m("killed", 1, sent=2, start=50, rule="cas.test|cas.fig.pronoun")], 1, 0),
])
def test_totals(mentions, fatalities, injured) -> None:
    t = totals(tally(mentions))
    assert t["fatalities"].best == fatalities
    assert t["injured"].best == injured


def test_countryless_mention_joins_matching_group() -> None:
    ms = [m("killed", 1, kind="state_forces", country="ARM"),
          m("killed", 7, sent=1, start=50, kind="state_forces", country="AZE"),
          m("killed", 1, None, sent=3, start=90, kind="state_forces", qualifier="at_least")]
    got = by_key(tally(ms))
    assert set(got) == {("ARM", "state_forces", "killed"), ("AZE", "state_forces", "killed")}
    assert got[("ARM", "state_forces", "killed")] == (1, 1, 1)


def test_weak_singulars_join_counted_group() -> None:
    ms = [m("killed", 5, kind="police"), m("killed", 1, sent=3, start=80, rule="cas.test|cas.fig.pronoun")]
    assert totals(tally(ms))["fatalities"].best == 5


CLAIM_CASES = [
    # (claims as (low, high, qualifier, rule, quote), expected (low, best, high))
    ([(10, 10, "exact", "", ""), (2, 2, "exact", "", "")], (2, 10, 10)),  # seed injured
    ([(13, 13, "exact", "", ""), (12, 12, "exact", "", "")], (12, 13, 13)),  # seed captured
    ([(12, None, "at_least", "", ""), (5, 5, "exact", "", "")], (5, 12, None)),
    ([(12, None, "at_least", "", ""), (15, 15, "exact", "", "")], (12, 15, 15)),
    ([(6, 6, "exact", "cas.kill.verb|num.words", "six people were killed"),
      (11, 11, "exact", "cas.kill.toll|num.digits", "The death toll has risen to 11"),
      (9, 9, "exact", "cas.kill.toll|num.digits", "The toll now stands at 9")], (6, 9, 11)),
    ([(0, 0, "exact", "", "no one was hurt")], (0, 0, 0)),
    ([(0, 0, "exact", "", ""), (2, 2, "exact", "", "")], (2, 2, 2)),
    ([], (None, None, None)),
]


@pytest.mark.parametrize("claims,expected", CLAIM_CASES)
def test_reconcile_claims(claims, expected) -> None:
    got = reconcile_claims([Claim(low=lo, high=hi, qualifier=q, rule=r, quote=text, article_id=f"a{i}")
                            for i, (lo, hi, q, r, text) in enumerate(claims)])
    assert got == expected


def test_increment_does_not_set_low() -> None:
    ms = [m("killed", 11, sent=0, start=0, is_update=True), m("killed", 6, sent=1, start=10),
          m("killed", 5, sent=2, start=20, additional=True)]
    assert by_key(tally(ms))[(None, "people", "killed")] == (6, 11, 11)


def test_weak_death_does_not_join_implied_suicide() -> None:
    """"Eva died after she was shot" ... "the father killed himself": the girl is not the
    perpetrator; her hit minus her death leaves no one injured."""
    ms = [m("killed", 1, sent=0, start=0, rule="cas.kill.die|cas.fig.named"),
          m("injured", 1, sent=0, start=10, rule="cas.shot.verb|cas.fig.pronoun", includes_killed=True),
          m("killed", 1, sent=1, start=20, kind="perpetrator", rule="cas.self.killed_himself")]
    tot = totals(tally(ms), implied_zero=True)
    assert (tot["fatalities"].best, tot["injured"].best) == (1, 0)


def test_appositive_list_restates_group() -> None:
    """"Two children, a five year and a six year old, were injured" is 2; "a man and a woman"
    and "a man, a woman and a boy" still add up."""
    ms = [m("injured", 2, start=0, victim="Two children"),
          m("injured", 1, start=3, victim="a five year", additional=True),
          m("injured", 1, start=4, victim="a six year old", additional=True)]
    assert by_key(tally(ms))[(None, "people", "injured")][1] == 2
    ms = [m("injured", 1, start=0, victim="a man"),
          m("injured", 1, start=3, victim="a woman", additional=True),
          m("injured", 1, start=4, victim="a boy", additional=True)]
    assert by_key(tally(ms))[(None, "people", "injured")][1] == 3


def test_care_sentence_restates_other_groups() -> None:
    """"An officer and a suspect were shot ... Both were taken to a hospital": still 2 wounded;
    care told of people no other group counts stays."""
    officer = m("injured", 1, sent=0, start=0, kind="police", rule="cas.shot.verb|cas.fig.definite", includes_killed=True)
    suspect = m("injured", 1, sent=0, start=8, kind="perpetrator", rule="cas.injure.verb|cas.fig.definite")
    both = m("injured", 2, sent=1, start=20, rule="cas.hosp.verb|num.q.both", includes_killed=True)
    assert totals(tally([officer, suspect, both]))["injured"].best == 2
    assert totals(tally([both]))["injured"].best == 2


@pytest.mark.parametrize("mentions, killed, injured", [
    # "a fatal shooting" alone: one dead, and the one hit is that person
    ([m("killed", 1, rule="cas.shot.noun|cas.fig.incident"),
      m("injured", 1, sent=1, start=50, rule="cas.shot.verb|cas.fig.definite", includes_killed=True)], 1, 0),
    # the dead told elsewhere: the implied death is one of them, not one more
    ([m("killed", 1, rule="cas.shot.noun|cas.fig.incident"),
      m("killed", 2, sent=1, start=50, rule="cas.kill.verb|num.words", kind="civilians")], 2, None),
    ([m("killed", 1, rule="cas.shot.noun|cas.fig.incident"),
      m("killed", 1, sent=1, start=50, rule="cas.kill.verb|cas.fig.named")], 1, None),
    # a suicide attacker told with his victims in one sentence adds one
    ([m("killed", 7, start=30, rule="cas.kill.verb|num.words", kind="civilians"),
      m("killed", 1, start=0, rule="cas.self.blew_up", kind="perpetrator")], 8, None),
])
def test_implied_deaths(mentions, killed, injured) -> None:
    t = totals(tally(mentions))
    assert t["fatalities"].best == killed and t["injured"].best == injured


@pytest.mark.parametrize("mentions,killed", [
    # a per-site breakdown ("four workers and two soldiers were killed") inside a people toll of 9
    ([m("killed", 9, sent=0, kind="civilians"), m("killed", 4, sent=3, start=300, kind="civilians"),
      m("killed", 2, sent=3, start=320, kind="state_forces", additional=True)], 9),
    # soldiers and civilians told together only: they add
    ([m("killed", 4, sent=0, kind="state_forces"), m("killed", 2, sent=0, start=20, kind="civilians",
                                                     additional=True)], 6),
    # soldiers in a sentence of their own add to the people
    ([m("killed", 9, sent=0, kind="civilians"), m("killed", 2, sent=3, start=300, kind="state_forces")], 11),
    # an initial estimate gives way to the later figure, even a smaller one
    ([m("killed", 9, sent=0), m("killed", 11, sent=4, start=400, rule="cas.kill.toll|num.digits",
                                initial_estimate=True)], 9),
    ([m("killed", 11, sent=4, start=400, rule="cas.kill.toll|num.digits", initial_estimate=True)], 11),
])
def test_breakdowns_and_initial_estimates(mentions, killed) -> None:
    assert totals(tally(mentions))["fatalities"].best == killed


@pytest.mark.parametrize("mentions,killed", [
    # "Rebels stormed a checkpoint, killing four soldiers. Three more people died overnight,
    # taking the toll to seven": the later kindless toll holds the soldiers
    ([m("killed", 4, sent=0, kind="state_forces"),
      m("killed", 3, sent=1, start=100, additional=True, increment=True),
      m("killed", 7, sent=1, start=140, is_update=True, is_total=True, rule="cas.kill.toll|num.words")], 7),
    # ... also when a figure of the people comes after it (an earlier clash told later)
    ([m("killed", 4, sent=0, kind="state_forces"),
      m("killed", 7, sent=1, start=140, is_update=True, is_total=True, rule="cas.kill.toll|num.words"),
      m("killed", 2, sent=2, start=200)], 7),
    # a toll smaller than the groups told before it is not theirs: they add
    ([m("killed", 4, sent=0, kind="state_forces"),
      m("killed", 3, sent=1, start=140, is_update=True, is_total=True, rule="cas.kill.toll|num.words")], 7),
    # a toll told before another group is not the last word: the group adds
    ([m("killed", 7, sent=0, is_update=True, is_total=True, rule="cas.kill.toll|num.words"),
      m("killed", 2, sent=1, start=100, kind="state_forces")], 9),
    # the attackers stay apart from a victims' toll ("… excluding the bomber, to seven")
    ([m("killed", 5, sent=0, kind="state_forces"), m("killed", 1, sent=0, start=50, kind="perpetrator"),
      m("killed", 7, sent=1, start=140, is_update=True, is_total=True, rule="cas.kill.toll|num.words")], 8),
    # a toll of a kind ("the civilian toll rose to ten") holds only its kind
    ([m("killed", 4, sent=0, kind="state_forces"),
      m("killed", 10, sent=1, start=140, is_update=True, is_total=True, victim="civilian",
        rule="cas.kill.toll|num.words")], 14),
])
def test_later_toll_holds_groups_told_before(mentions, killed) -> None:
    assert totals(tally(mentions))["fatalities"].best == killed


@pytest.mark.parametrize("mentions,killed", [
    # "killing 12 security personnel ... Eight soldiers and four policemen were killed": the
    # second sentence breaks the first one's total down
    ([m("killed", 12, sent=0, kind="state_forces"), m("killed", 8, sent=1, start=100, kind="state_forces"),
      m("killed", 4, sent=1, start=130, kind="police", additional=True)], 12),
    # figures that do not add up to it are more dead
    ([m("killed", 12, sent=0, kind="state_forces"), m("killed", 8, sent=1, start=100, kind="state_forces"),
      m("killed", 3, sent=1, start=130, kind="police", additional=True)], 15),
])
def test_breakdown_across_groups(mentions, killed) -> None:
    assert totals(tally(mentions))["fatalities"].best == killed


@pytest.mark.parametrize("mentions,killed", [
    # "dozens of people died" in a fight told after as 13 soldiers, 6 civilians and 40 attackers
    ([m("killed", 12, None, qualifier="at_least", rule="cas.kill.die|num.q.dozens"),
      m("killed", 13, sent=1, start=100, kind="state_forces"),
      m("killed", 6, sent=1, start=130, kind="civilians", additional=True),
      m("killed", 40, sent=2, start=200, kind="perpetrator")], 59),
    # exact counts short of the vague one leave it standing: more people died
    ([m("killed", 12, None, qualifier="at_least", rule="cas.kill.die|num.q.dozens"),
      m("killed", 3, sent=1, start=100, kind="state_forces")], 15),
])
def test_vague_total_told_in_parts(mentions, killed) -> None:
    assert totals(tally(mentions))["fatalities"].best == killed


@pytest.mark.parametrize("mentions,killed", [
    # people killed by the forces, then the forces' count of fighters: the same dead
    ([m("killed", 7, by_state_forces=True), m("killed", 5, sent=2, start=200, kind="perpetrator")], 7),
    # more fighters than the people counted are more dead
    ([m("killed", 3, by_state_forces=True), m("killed", 5, sent=2, start=200, kind="perpetrator")], 8),
    # people killed by others: the fighters add
    ([m("killed", 7), m("killed", 5, sent=2, start=200, kind="perpetrator")], 12),
])
def test_fighters_among_the_forces_dead(mentions, killed) -> None:
    assert totals(tally(mentions))["fatalities"].best == killed


@pytest.mark.parametrize("mentions, best", [
    # "Twenty were killed. ... Two more died in hospital.": the increment adds
    ([m("killed", 20, sent=0), m("killed", 2, sent=1, start=100, additional=True, increment=True)], 22),
    # "... Three more died, raising the toll to 15": the toll beside it holds them
    ([m("killed", 12, sent=0), m("killed", 3, sent=1, start=100, additional=True, increment=True, is_update=True),
      m("killed", 15, sent=1, start=130, is_update=True, is_total=True)], 15),
    # "Four officers also died" after a count of five: additional, not an increment, restates
    ([m("killed", 5, sent=0), m("killed", 4, sent=2, start=200, additional=True)], 5),
])
def test_increments_in_later_sentences(mentions, best) -> None:
    (group,) = tally(mentions)
    assert group.best == best


@pytest.mark.parametrize("mentions,killed,injured", [
    # "Jane Roe was injured. ... The toddler has died.": the one wounded is the one dead
    ([m("injured", 1, sent=0, rule="cas.injure.verb|cas.fig.named"),
      m("killed", 1, sent=2, start=200, rule="cas.kill.die|cas.fig.definite")], 1, 0),
    # with two dead the one pointed at is the survivor
    ([m("killed", 2, sent=0, rule="cas.kill.verb|num.words"),
      m("injured", 1, sent=2, start=200, rule="cas.injure.verb|cas.fig.definite")], 2, 1),
    # an indefinite wounded person is someone else
    ([m("killed", 1, sent=0, rule="cas.kill.verb|num.q.a"),
      m("injured", 1, sent=1, start=100, rule="cas.injure.verb|num.q.a")], 1, 1),
])
def test_wounded_who_died(mentions, killed, injured) -> None:
    got = totals(tally(mentions), implied_zero=True)
    assert (got["fatalities"].best, got["injured"].best) == (killed, injured)


@pytest.mark.parametrize("mentions,killed", [
    # "The suspect was shot dead by a homeowner. … The man died at the scene.": one person
    ([m("killed", 1, sent=0, kind="perpetrator", rule="cas.kill.verb|cas.fig.definite"),
      m("killed", 1, sent=2, start=200, rule="cas.kill.die|cas.fig.definite")], 1),
    # "A clerk was shot dead. … Police killed the suspect.": two
    ([m("killed", 1, sent=0, rule="cas.kill.verb|num.q.a"),
      m("killed", 1, sent=2, start=200, kind="perpetrator", rule="cas.kill.verb|cas.fig.definite")], 2),
])
def test_lone_weak_death_beside_a_dead_perpetrator(mentions, killed) -> None:
    assert totals(tally(mentions))["fatalities"].best == killed


@pytest.mark.parametrize("rule,best", [
    # "A man died at the scene. Another died in hospital.": one more
    ("cas.kill.die|num.q.another", 2),
    # "A man died at the scene. Smith also died of his wounds.": the one named is someone counted
    ("cas.kill.die|cas.fig.named", 1),
])
def test_later_single_addition_needs_someone_new(rule, best) -> None:
    ms = [m("killed", 1, sent=0, rule="cas.kill.die|num.q.a"),
          m("killed", 1, sent=1, start=100, rule=rule, additional=True)]
    assert totals(tally(ms))["fatalities"].best == best
