"""Counting logic for one event's casualty mentions (pure; called by the assembler).

``tally(mentions)`` groups mentions into one ``GroupTally`` per (group, category) and
reconciles their claims; ``totals(tallies)`` adds the groups up into the event's
``fatalities`` and ``injured``; ``reconcile_claims(claims)`` applies the same estimate rules
(3. below) to one group's contract claims, possibly from several articles (the store calls it
when it merges events).

Rules (the README copies them). Figures checked on 4,152 Gun Violence Archive dev articles
(see the helper report); each rule below was kept because it raised exact-match accuracy there.

1. Groups. A mention's group is (country, kind): country is the victim's (from a demonym,
   "12 Armenian servicemen"), else — for soldiers only ("its soldiers", "servicemen") — the
   country of the source; kind is state_forces, police, perpetrator or combatants (the fighters
   of a named armed group, or a side's own men told by that side), with civilians and unknown
   merged into "people" (news calls the same victims "people", "a man", "the victim").
   - Combatants join a "people" group of their category unless it is told only as civilians;
     each side's own losses told by that side stay one group per side and add up.
   - A mention with no country joins a known-country group of the same kind and category that
     states the same figure, or else the only known-country group of that kind and category.
   - A "people" group made only of weak singulars (a pronoun, a name, "the man", "his son") joins
     the largest other group of its category: it is someone already counted there; one dead
     told that way beside a dead perpetrator told that way too ("the suspect was shot dead …
     the man died at the scene") is the perpetrator.
2. Claims. Within a group × category the mentions are read in text order, sentence by sentence:
   - restatements of a figure in different sentences are alternative claims of one figure, not
     added ("Two people were killed." … "The two victims died at the scene.");
   - within a sentence, mentions flagged ``additional`` (conjoined victims "a man and a woman",
     "another", "two others", "10 more") add to the sentence's figure, except an "others"
     figure equal to one already read in the sentence (a headline glued to the lead); plain
     mentions in one sentence are restatements (the largest is taken), except indefinite
     singulars in separate clauses ("A woman was shot to death …, and a man died later");
   - a single "another" in a later sentence adds one only to a figure told one person at a time
     ("One man died at the scene. Another died in hospital." → 2; not a name or "the man": "Smith
     also died" is someone counted); after a total ("Three were shot. … Another was hit in the
     arm.") it restates; "N more" opening a later sentence adds
     ("Twenty were killed. … Two more died in hospital." → 22), but not to a toll told beside
     it ("three more died, raising the toll to 15" → 15; "the bodies of four more were found,
     bringing the toll to 22" → 22); one of another kind than those counted adds one ("Three
     militants were killed. A boy was also killed." → 4), and a bare "another" ("killed one and
     wounded another") is one of a pair, which a later "another person" restates;
   - negated mentions ("no one was injured") give 0 only when the group has no other claim.
   - a figure told as an initial estimate (``initial_estimate``, shown as ``|cas.initial``:
     "initial estimates of a death toll of 11") gives way to any other figure of its category.
3. Estimates per group × category:
   - best = the last update's figure when an ``is_update`` claim exists ("the toll rose to 12"),
     else the largest claim (a smaller figure later in a news report usually counts a subset:
     "two of the wounded are in critical condition"); a claim's figure is its low (its high for
     "up to N"); a party's claim of what it inflicted ("the militants claimed to have killed 20",
     "X said it killed 47": attribution rules ``cas.attr.subject_claim``/``cas.attr.own_claim``)
     is a claim of its own and is best only when no neutral source gives a figure, and a
     partisan or unverified update ("a higher toll nobody could verify") updates no neutral
     figure; a higher count of the dead told after the group's first sourced count by people on
     the spot, a community group, unnamed sources or an armed group (casualties.yaml
     ``lesser_sources``: "killing at least six, police said" … "'We buried 11,' a villager
     said") does not replace it: conflict coders record the more conservative figure;
   - low = the lowest claim low; high = the highest claim high, None when the largest claim is
     open-ended ("at least 12", "dozens") and no exact claim at or above it caps it.
   - "Shot"/"hit" figures count everyone hit, the dead included (``includes_killed``): the
     group's injured = that figure − the group's killed ("Four men were shot and two of them
     died" → 2 injured; "A man was shot. … He died." → 0), merged with the group's plain
     injured figure (the larger wins). A running count told by an ordinal ("Three men died.
     … A fourth victim was wounded") counts everyone hit too, whatever its verb (→ 1), and so
     does a hurt figure some of whom are told dead after it ("three were injured; one of them
     later died" → 2; casualties.yaml ``dead_among_hurt``; when the hurt figure is of the hurt
     or hospitalised alone and other dead were told apart, only those of the hurt who died
     come off it: "killing four and wounding nine ... two of the wounded died, raising the toll
     to six" → 7). When
     the one dead is the perpetrator, a hit told only by a pronoun, a name, "the boy" or
     "shot himself" is that perpetrator ("The suspect was shot dead by a clerk. … Doe was hit
     twice" → 0 injured). In a group with one dead, a wounded person told by a
     pronoun, a name or "the girl" counts as hit too ("Jane Roe was injured … The girl died" →
     0 injured), unless told in care ("she remains in critical condition") or, but for a pronoun,
     in the sentence of a death ("A villager was killed and the headman wounded" → 1); and when
     the one death is told only by a pronoun, the one wounded before is that one ("A woman was
     injured. … She died." → 0); someone "also"
     shot with an indefinite or a number is besides the dead ("A woman was also shot" → 1), and
     so is one hit in a sentence that says they live ("taken to a hospital with
     non-life-threatening injuries", "is in stable condition": casualties.yaml ``survived``).
4. Totals (``totals``): per category, sum of the groups' low/best/high (high None when any is
   None); ``fatalities`` sums killed over all groups (perpetrators included, as GVA/GTD count
   them), ``injured`` sums injured; best None when no group has a claim, 0 only when negated
   (or, with ``implied_zero``, when the other category has a figure).
   - A coder's labelled total ("Fatalities: 6") is the category's total; the groups' figures
     are parts of it.
   - Soldiers or police told only in a breakdown of the toll ("nine people were killed … At the
     station, four workers and two soldiers were killed") are inside the people's total when
     it already holds each such sentence's people and soldiers together; they are not added.
   - Likewise groups inside another count: those a later count of people adds up to
     (``_parts_of_people_total``), those told before a later kindless toll that holds them
     (``_parts_of_later_toll``), a sentence's groups that add up to a total told elsewhere
     (``_breakdown_across_groups``), and fighters the forces say they killed beside a count of
     people those forces killed that holds them (``_fighters_among_forces_dead``), soldiers
     a people figure says it includes, counted again later (``_held_in_a_total``); a vague
     people count ("dozens died") the groups' exact figures reach counts only its exact part
     (``_vague_total_told_in_parts``); a group only a refuted or an armed group's claim tells
     is a claim kept, no part of the total.
   - A perpetrator's death told by a self-inflicted pattern ("murder-suicide", "then killed
     himself", "took his own life") is already among the dead counted elsewhere, unless the
     same sentence counts both ("killed three people and then himself" → a claim of 3 + 1,
     weighed against the other claims like any claim).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from typing import Optional, Sequence, TypeVar

from . import model
from .model import CasualtyMention
from .rules import load_yaml

_MERGED_KINDS = {"civilians": "people", "unknown": "people"}
_PRONOUN = "cas.fig.pronoun"
_POSSESSED = "cas.fig.possessed"
# "killed one and wounded another": the other of a pair, not one of people told one by one
BARE_ANOTHER = "cas.fig.another"
# Figures of someone pointed back at: a pronoun, a name, "the man".
POINTED_BACK = (_PRONOUN, "cas.fig.named", "cas.fig.definite")
# Figures of one person named or pointed at (and "shot himself"): usually someone counted elsewhere.
_WEAK = POINTED_BACK + (_POSSESSED, "cas.self.shot_himself")
_HIT = "hit"  # internal category: everyone hit, killed included ("four men were shot")
# A wounded person told by a pronoun, a name or "the girl" in a story of one death may be the
# one who died of the wounds ("Jane Doe was injured … The toddler has died"): such a figure
# counts everyone hit. (With several dead, the one pointed at is mostly the survivor: "three
# men were killed … The surviving victim was found wounded"; and one "in stable condition",
# "who remains in critical condition" is alive when told.)
_STILL_IN_CARE = ("cas.injure.condition",)
DEAD_AMONG_HURT = "cas.dead_among_hurt"  # "two of the wounded died" (casualties.yaml dead_among_hurt)
NEUTRALISED_COVERS_TAKEN = "cas.neutralise.covers_taken"  # (casualties.yaml neutralise_covers_taken)
CARE_RULES = ("cas.hosp.", "cas.injure.condition")  # the hurt told by their care ("taken to hospital")
# figures of the hurt or hospitalised alone (not "shot", which counts the dead too)
_HURT_ONLY = ("cas.injure.", "cas.hosp.")
_LABEL = "cas.label"  # a coder's labelled figure: "Fatalities: 6"
# Rules whose perpetrator death is implied by a word ("murder-suicide") rather than counted:
# news figures next to it usually include the perpetrator already.
IMPLIED_RULES = ("cas.self.",)
_SAME_SENTENCE_SELF = ("cas.self.killed_himself", "cas.self.gun_on", "cas.self.fatally_shot_himself",
                       "cas.self.own_life", "cas.self.blew_up", "cas.self.committed_suicide")


@dataclass(frozen=True)
class Claim:
    """One statement of a group's figure (possibly the sum of several mentions in a sentence)."""

    low: Optional[int]
    high: Optional[int]
    qualifier: str
    is_update: bool
    negated: bool
    mentions: tuple[CasualtyMention, ...]

    @property
    def value(self) -> Optional[int]:
        return self.low if self.low is not None else self.high

    @property
    def partisan(self) -> bool:
        return bool(self.mentions) and all(_partisan(m) for m in self.mentions)


@dataclass(frozen=True)
class GroupTally:
    country: Optional[str]
    kind: str  # state_forces | police | perpetrator | combatants | people
    category: str
    low: Optional[int]
    best: Optional[int]
    high: Optional[int]
    claims: tuple[Claim, ...]
    mentions: tuple[CasualtyMention, ...]

    @property
    def key(self) -> tuple[Optional[str], str, str]:
        return (self.country, self.kind, self.category)


@dataclass(frozen=True)
class Total:
    low: Optional[int]
    best: Optional[int]
    high: Optional[int]


# A party's own claim of what it inflicted ("the militants claimed to have killed 20",
# "Al-Shabaab said it killed 47"): kept as a claim, but the best figure is a neutral source's
# when one gives it (conflict coders take the figure of the closest, least partisan source).
# A figure said to be unconfirmed gives way the same way.
UNVERIFIED_RULE = "cas.attr.unverified"
OWN_CLAIM_RULE = "cas.attr.own_claim"
PARTISAN_RULES = ("cas.attr.subject_claim", OWN_CLAIM_RULE, UNVERIFIED_RULE, "cas.attr.refuted")
# A party's claim the other side denies ("The army denied the claim"): kept, counted in no total.
REFUTED_RULE = "cas.attr.refuted"


def _partisan(m: CasualtyMention) -> bool:
    return m.attribution is not None and m.attribution.rule in PARTISAN_RULES


def _kind(m: CasualtyMention) -> str:
    return _MERGED_KINDS.get(m.victim_kind, m.victim_kind)


def _country(m: CasualtyMention) -> Optional[str]:
    if m.victim_country:
        return m.victim_country
    if m.victim_kind == "state_forces" and m.attribution is not None:
        return m.attribution.country
    return None


_T = TypeVar("_T")


def _only(items: list[_T]) -> Optional[_T]:
    """The one item of the list, or None when it has none or several."""
    return items[0] if len(items) == 1 else None


def _add(a: Optional[int], b: Optional[int]) -> Optional[int]:
    return None if a is None or b is None else a + b


_Key = tuple[Optional[str], str, str]


def _group(mentions: Sequence[CasualtyMention], one_dead: frozenset = frozenset(),
           dead_pointed_back: frozenset = frozenset()) -> dict[_Key, list[CasualtyMention]]:
    """``one_dead``: the (country, kind) groups with one dead, whose wounded told by a pronoun,
    a name or "the girl" may be that one (grouped with the hit); ``dead_pointed_back``: those
    whose one dead is told only by a pronoun, whose one wounded may be that one."""
    groups: dict[_Key, list[CasualtyMention]] = {}
    # a sentence telling a death and a wound tells two people unless a pronoun points back
    # ("A soldier was killed and the commander wounded"; "A girl died after she was wounded")
    death_sents = {m.sent for m in mentions if m.category == "killed" and not m.negated} if one_dead else set()
    for m in mentions:
        key = (_country(m), _kind(m))
        hit = m.includes_killed or (key in one_dead and not m.rule.startswith(_STILL_IN_CARE) and (
            m.rule.endswith(POINTED_BACK) and (m.sent not in death_sents or m.rule.endswith(_PRONOUN))
            or key in dead_pointed_back and m.low == m.high == 1 and m.sent not in death_sents
            and not m.additional and not m.rule.endswith(_POSSESSED)))
        cat = _HIT if m.category == "injured" and hit else m.category
        groups.setdefault((_country(m), _kind(m), cat), []).append(m)
    # countryless mentions join a known-country group of the same kind and category
    for key in [k for k in groups if k[0] is None]:
        kind, cat = key[1], key[2]
        known = [k for k in groups if k[0] is not None and k[1] == kind and k[2] == cat]
        if not known:
            continue
        rest = []
        for m in groups[key]:
            value = m.low if m.low is not None else m.high
            same = [k for k in known if any((o.low if o.low is not None else o.high) == value
                                            for o in groups[k])]
            target = same[0] if same else _only(known)
            if target is None:
                rest.append(m)
            else:
                groups[target].append(m)
        if rest:
            groups[key] = rest
        else:
            del groups[key]
    # a "people" group made only of weak singulars ("he was pronounced dead", "killed Smith")
    # is someone already counted in another group of the category: it joins the largest one
    for key in [k for k in groups if k[1] == "people"]:
        ms = groups[key]
        if not all(m.rule.endswith(_WEAK) for m in ms):
            continue
        others = [k for k in groups if k[2] == key[2] and k != key
                  # (a group told only as none hurt holds no one: "No deputies were hurt")
                  and any(not m.rule.endswith(_WEAK) and not m.negated and (m.low or m.high or 0) > 0
                          for m in groups[k])
                  # (not a perpetrator told only by an implied death: "murder-suicide"; but "A man
                  # who fired at officers died ... found the man dead of a self-inflicted wound")
                  and not (k[1] == "perpetrator" and any(m.rule.startswith(IMPLIED_RULES) for m in groups[k])
                           and all(m.rule.startswith(IMPLIED_RULES) or m.rule.endswith(_WEAK)
                                   for m in groups[k]))]
        if not others and key[2] == "killed" and all((m.low or 0) <= 1 for m in ms):
            # "The suspect was shot and killed by a homeowner. … The man died at the scene": one
            # dead told only by pronouns, names or "the man" beside a dead perpetrator told the
            # same way is that perpetrator
            others = [k for k in groups if k[1] == "perpetrator" and k[2] == "killed"
                      and all(m.rule.endswith(_WEAK) and (m.low or 0) <= 1 for m in groups[k])]
        if others:
            target = max(others, key=lambda k: max((m.low or m.high or 0) for m in groups[k]))
            groups[target].extend(ms)
            del groups[key]
    # a "people" group told only without a noun ("search teams found four more bodies, taking
    # the toll to 20") whose largest figure is the largest of one other group of the category
    # ("Twenty rebels were killed") restates that group's dead
    for key in [k for k in groups if k[1] == "people"]:
        ms = groups[key]
        if not all(m.victim_kind == "unknown" and not m.victim_text.strip() and not m.negated for m in ms):
            continue
        top = max((m.low or m.high or 0) for m in ms)
        same = [k for k in groups if k[2] == key[2] and k != key
                and max((m.low or m.high or 0) for m in groups[k]) == top]
        if top > 1 and len(same) == 1:
            groups[same[0]].extend(ms)
            del groups[key]
    # a soldier or policeman told only by name or rank ("Sergeant Smith died hours later")
    # beside a counted group of the other uniformed kind ("Two police officers … were killed")
    # is one of them
    for key in [k for k in groups if k[1] in UNIFORMED_KINDS]:
        ms = groups.get(key, [])
        if not ms or not all(m.rule.endswith(_WEAK) and (m.low or 0) <= 1 for m in ms):
            continue
        others = [k for k in groups if k[2] == key[2] and k[1] in UNIFORMED_KINDS and k[1] != key[1]
                  and any(not m.rule.endswith(_WEAK) for m in groups[k])]
        if others:
            groups[max(others, key=lambda k: max((m.low or 0) for m in groups[k]))].extend(ms)
            del groups[key]
    # a named armed group's fighters are no civilians, but a count not told as civilians may
    # hold them ("killing four Front fighters ... five people died, the four fighters and a
    # farmer"; a headline's "Three Front fighters killed" over "three fighters of the Front";
    # "killing two men ... the group mourned two of its members")
    for key in [k for k in groups if k[1] == "combatants"]:
        holders = [k for k in groups if k[1] == "people" and k[2] == key[2] and any(
            not _told_as_civilians(m) for m in groups[k] if not m.negated)]
        if holders:
            target = max(holders, key=lambda k: max((m.low or m.high or 0) for m in groups[k]))
            groups[target].extend(groups.pop(key))
    for k in groups:
        groups[k].sort(key=lambda m: (m.start, m.figure_start))
    return groups


UNIFORMED_KINDS = ("state_forces", "police")


def _claims(mentions: list[CasualtyMention], leads: set[int]) -> list[Claim]:
    """``leads``: ids of mentions that come first in their sentence among all of the event's
    mentions (only those may add an ``additional`` figure to earlier sentences' figure)."""
    by_sent: dict[int, list[CasualtyMention]] = {}
    for m in mentions:
        by_sent.setdefault(m.sent, []).append(m)
    claims: list[Claim] = []
    running: Optional[Claim] = None
    for sent in sorted(by_sent):
        ms = by_sent[sent]
        partisan = [m for m in ms if _partisan(m) and not m.negated]
        if partisan and len(partisan) < len(ms):
            # "officials said two died; the militants claimed to have killed 20": two claims
            claims.extend(Claim(m.low, m.high, m.qualifier, m.is_update, False, (m,)) for m in partisan)
            ms = [m for m in ms if not any(m is p for p in partisan)]
        positive = [m for m in ms if not m.negated]
        if not positive:
            claims.append(Claim(0, 0, "exact", False, True, tuple(ms)))
            continue
        plain = [m for m in positive if not m.additional]
        extra = [m for m in positive if m.additional]
        if not plain and _restating_list(extra[0], extra[1:]):
            extra = extra[:1]  # "two of the wounded, a woman and a girl, had died"
        if plain:
            base = max(plain, key=lambda m: (m.low if m.low is not None else m.high or 0))
            low, high, qual = base.low, base.high, base.qualifier
            used = [base]
            # distinct clauses of one sentence count distinct victims ("A woman was shot to
            # death ..., and a man died later at a hospital"): indefinite singulars add up
            for m in plain:
                if m is not base and m.rule.endswith(_INDEFINITE) and base.rule.endswith(_INDEFINITE) \
                        and (m.end <= base.start or m.start >= base.end):
                    low, high = _add(low, m.low), _add(high, m.high)
                    used.append(m)
        elif running is not None and (id(extra[0]) in leads
                                      or extra[0].rule.endswith(DEAD_AMONG_HURT)) and (
                all(_increment(m) for m in extra)
                or (len(extra) == 1 and extra[0].low == extra[0].high == 1
                    and not extra[0].rule.endswith(POINTED_BACK)  # "Smith also died": counted
                    and (all(u.low == 1 and not u.rule.endswith(BARE_ANOTHER) for u in running.mentions)
                         or _other_kind(extra[0], running) or _other_side(extra[0], running)
                         or _also_killed_someone(extra[0])))):
            # "Twenty were killed. Two more died in hospital." adds two; "One man died at the
            # scene. Another died in hospital.": one more than a count of people told one by one;
            # after a total ("Three were shot. ... Another was hit") or for plural "others" in a
            # later sentence it restates
            held = _same_source_before(claims, running, extra[0]) \
                if extra[0].rule.endswith(DEAD_AMONG_HURT) else running
            low, high, qual = held.low, held.high, held.qualifier
            used = list(held.mentions)
        else:
            low, high, qual, used = 0, 0, "exact", []
        seen_values = {base.low} if plain else set()
        if plain and _restating_list(base, extra):
            extra = []  # "four people, three females and one male, were transported"
        if plain and (base.is_total or base.is_update) and extra and all(
                _increment(m) or (m.category == "killed" and (m.low or 0) <= (base.low or 0)) for m in extra):
            # "three more died, raising the toll to 15", "the bodies of four more victims were
            # found, bringing the toll to 22": the toll holds them
            extra = []
        for m in extra:
            if m.low is not None and m.low > 1 and m.low in seen_values and "other" in m.victim_text.lower():
                continue  # "two dead and 19 injured ... 19 others injured": the same figure again
            if m.low is not None:
                seen_values.add(m.low)
            low = _add(low, m.low) if low is not None or m.low is not None else None
            high = _add(high, m.high)
            used.append(m)
            if m.qualifier != "exact":
                qual = m.qualifier
        if low == 0 and high is None:
            low = None
        claim = Claim(low, high, qual, any(m.is_update for m in positive), False, tuple(used))
        claims.append(claim)
        running = claim
    return claims


_INDEFINITE = ("num.q.a", "num.q.another")


def _same_source_before(claims: list[Claim], running: Claim, m: CasualtyMention) -> Claim:
    """The toll deaths among the hurt add to: the last one told, unless another source told it
    and the deaths' own source told one before ("killed seven, the rescuers said ... A monitor
    put the toll at six. Later the rescuers said one of the wounded had died": eight)."""
    own = _source_words(m)
    if not own or any(_source_words(u) & own for u in running.mentions):
        return running
    return next((c for c in reversed(claims) if not c.negated and c.low is not None
                 and any(_source_words(u) & own for u in c.mentions)), running)


def _source_words(m: CasualtyMention) -> frozenset[str]:
    """The words naming a mention's source ("the civil defence rescue service": civil, defence ...)."""
    if m.attribution is None:
        return frozenset()
    filler = _source_filler()
    return frozenset(w for w in re.findall(r"[a-z]{3,}", m.attribution.text.lower()) if w not in filler)


@functools.lru_cache(maxsize=1)
def _source_filler() -> frozenset[str]:
    return frozenset(load_yaml("casualties.yaml")["source_filler_words"])


def _also_killed_someone(m: CasualtyMention) -> bool:
    """One more dead told by an indefinite person "also" killed ("Raiders killed a herder and his
    brother. A trader was also shot dead"), not "another" (which may be one of a count)."""
    return m.category == "killed" and m.rule.endswith("|num.q.a")


def _other_kind(m: CasualtyMention, running: Claim) -> bool:
    """A victim of a kind the count before did not hold ("Three militants were killed. A boy
    was also killed"; "Two officers were wounded. A bystander was also hit"): one more. A count
    told of no kind ("wounded another", "two people") may hold anyone."""
    return m.victim_kind not in ("unknown", "people") and all(
        u.victim_kind != m.victim_kind and _of_a_kind(u) for u in running.mentions)


def _other_side(m: CasualtyMention, running: Claim) -> bool:
    """A victim of a named side the count before did not name ("Three ISIS fighters were
    killed. A Kurdish fighter was also killed"): one more. Every figure before names its side."""
    side = _named_sides(m)
    return bool(side) and all(_named_sides(u) and not (_named_sides(u) & side) for u in running.mentions)


def _named_sides(m: CasualtyMention) -> frozenset[str]:
    """The capitalised words of a figure's victims ("Front members": Front)."""
    return frozenset(w for w in re.findall(r"\b[A-Z][\w-]*", m.victim_text))


def _of_a_kind(m: CasualtyMention) -> bool:
    """The figure names what its victims were ("militants", "officers"), not just people."""
    if m.victim_kind not in ("unknown", "people"):
        return True
    noun = m.victim_text.strip().lower()
    return bool(noun) and noun not in _kindless_nouns() and not _GROUP_NOUNS.search(noun)


@functools.lru_cache(maxsize=1)
def _kindless_nouns() -> frozenset[str]:
    return frozenset(load_yaml("casualties.yaml")["kindless_victim_nouns"])


def _increment(m: CasualtyMention) -> bool:
    """More deaths after those counted: "Two more died in hospital", "three more victims later
    died" (recaps that restate a count are told otherwise: "four officers also died", "an
    additional five people were hurt", "the two others are in stable condition")."""
    return m.category == "killed" and m.increment and m.low is not None and (
        m.low > 1 or m.rule.endswith(DEAD_AMONG_HURT))
_GROUP_NOUNS = re.compile(r"\b(people|persons|victims|individuals|children|kids|teens|teenagers|youths|"
                          r"students|juveniles|adults|others|relatives|members)\b", re.I)


def _restating_list(base: CasualtyMention, extra: list[CasualtyMention]) -> bool:
    """An appositive list that breaks a counted group down restates it: "Two children, a five
    year and a six year old, were injured" is 2, not 4. The list follows the group's figure in
    the same phrase, names two or more parts, and its figures add up to the group's."""
    if base.low is None or base.low < 2 or len(extra) < 2 or not (
            _GROUP_NOUNS.search(base.victim_text or "") or base.rule.endswith(DEAD_AMONG_HURT)):
        return False
    if any(m.low is None or m.figure_start < base.figure_start or m.start > base.end for m in extra):
        return False
    return sum(m.low or 0 for m in extra) == base.low


def _told_as_civilians(m: CasualtyMention) -> bool:
    """The figure's noun is "civilians" ("two civilians"), not people of no stated side."""
    return m.victim_text.lower().split()[-1:] in (["civilian"], ["civilians"])


def _attributed(claim: Claim) -> Optional[CasualtyMention]:
    """The claim's first mention that names its source."""
    return next((m for m in claim.mentions if m.attribution is not None), None)


def _source(claim: Claim) -> Optional[str]:
    """Who told a claim, as written and folded ("Police" and "police" are one source)."""
    told = _attributed(claim)
    if told is None:
        return None
    words = told.attribution.text.split(",")[0].lower().split()
    return " ".join(words[1:] if words[:1] in (["the"], ["a"], ["an"]) else words)


def _told_higher_by_others(claims: list[Claim]) -> list[Claim]:
    """The dead counts told higher, after the first count of the same victims, by people on the
    spot, community groups, unnamed sources or an armed group (casualties.yaml
    ``lesser_sources``): "killing at least six people, police said" ... "'We buried 11,' a
    villager said". Conflict coders record the more conservative figure of the official,
    medical or monitoring source, so the first count stands. Only deaths, and only when the
    first count names its source or opens the article; a later toll, more victims told
    ("and five other attackers") or a running count ("a fourth body") is no rival count."""
    dead = [c for c in claims if c.mentions and c.mentions[0].category == "killed" and c.value is not None]
    if len(dead) < 2:
        return []
    first = min(dead, key=lambda c: c.mentions[0].start)
    source = _source(first)
    if source is None and first.mentions[0].sent > 0:
        return []
    kinds = {m.victim_kind for m in first.mentions} | {"unknown"}
    return [c for c in dead if c is not first and c.value > first.value and not c.is_update
            and _told_by_lesser_source(c) and _source(c) != source and _same_victims(c, kinds)]


def _told_by_lesser_source(claim: Claim) -> bool:
    told = _attributed(claim)
    return told is not None and (_lesser_sources().search(told.attribution.text) is not None
                                 or _by_armed_group(told))


@functools.lru_cache(maxsize=1)
def _lesser_sources() -> re.Pattern:
    return re.compile(load_yaml("casualties.yaml")["lesser_sources"], re.I)


def _same_victims(claim: Claim, kinds: set[str]) -> bool:
    """A claim counts the same victims as a count of ``kinds``: none of its mentions names
    another kind ("six fighters, the group said" ... "a monitor said seven people died, six
    fighters and a shepherd" counts more victims) or counts on by an ordinal ("the body of a
    fourth attacker"), nor adds victims ("the bomber and five other attackers")."""
    return all(m.victim_kind in kinds and _ORDINAL_COUNT not in m.rule and not m.additional for m in claim.mentions)


def _estimate(claims: list[Claim]) -> tuple[Optional[int], Optional[int], Optional[int]]:
    positive = [c for c in claims if not c.negated]
    if not positive:
        return (0, 0, 0) if claims else (None, None, None)
    if len(positive) < len(claims) and all(c.mentions for c in positive) and all(
            m.rule.startswith(CARE_RULES) and m.rule.endswith(_WEAK) for c in positive for m in c.mentions):
        # "no one was struck ... He was taken to a hospital to be checked out": the care of
        # someone pointed back at is no wound when the article says nobody was hurt
        return 0, 0, 0
    # an update supersedes when it is a count ("the toll rose to 12"), not when one named or
    # pronoun victim "later died"
    # (nor a partisan or unverified one beside a neutral figure: "a local chief gave a higher toll
    # of 30, which nobody could verify")
    neutral_told = any(not c.partisan for c in positive)
    updates = [c for c in positive if c.is_update
               and not (c.mentions and all(m.rule.endswith(_WEAK) for m in c.mentions))
               and not (neutral_told and c.partisan)]
    # an increment ("five more died") is not a total: it never sets the low
    totals_only = [c for c in positive if not (c.mentions and all(m.additional for m in c.mentions))]
    lows = [c.low for c in (totals_only or positive) if c.low is not None]
    low = min(lows) if lows else None
    neutral = [c for c in positive if not c.partisan]
    higher_elsewhere = _told_higher_by_others(neutral)
    kept = [c for c in neutral if not any(c is h for h in higher_elsewhere)]
    best_claim = updates[-1] if updates else max(kept or positive, key=lambda c: c.value or 0)
    best = best_claim.value
    open_ended = [c for c in positive if c.high is None]
    highs = [c.high for c in positive if c.high is not None]
    high = max(highs) if highs else None
    if open_ended:
        top_open = max(c.low or 0 for c in open_ended)
        if high is None or high < top_open:
            high = None
    if updates:
        low = min(low, best) if low is not None and best is not None else low
    if best is not None and high is not None and best > high:
        high = best
    return low, best, high


def _also_beside_another_kind(mentions: Sequence[CasualtyMention]) -> list[CasualtyMention]:
    """"Three rebels and a soldier died in the gunfight ... One rebel was killed at dawn. A soldier
    was also killed": one victim told "also" beside victims of another kind
    in the sentence before, of a kind counted earlier still, is one of that count (not one more
    after it)."""
    live = [m for m in mentions if not m.negated and not m.other_incident]
    out = []
    for m in live:
        if not m.additional or m.low != 1 or m.high != 1:
            continue
        before = [p for p in live if p.category == m.category and p.sent == m.sent - 1]
        earlier = [p for p in live if p.category == m.category and p.sent < m.sent - 1]
        if before and all(_kind(p) != _kind(m) for p in before) and any(_kind(p) == _kind(m) for p in earlier):
            out.append(m)
    return out


def tally(mentions: Sequence[CasualtyMention]) -> list[GroupTally]:
    """One reconciled figure per (group, category) for one event's mentions."""
    first_in_sent: dict[int, CasualtyMention] = {}
    for m in mentions:
        cur = first_in_sent.get(m.sent)
        if cur is None or m.figure_start < cur.figure_start:
            first_in_sent[m.sent] = m
    leads = {id(m) for m in first_in_sent.values()} - {id(m) for m in _also_beside_another_kind(mentions)}
    mentions = _without_split_neutralised(_without_initial(_without_implied_deaths(mentions)))
    groups = _group(mentions)
    one_dead = frozenset((country, kind) for (country, kind, cat), ms in groups.items()
                         if cat == "killed" and _estimate(_claims(ms, leads))[1] == 1)
    # "A woman was injured in the blast. She died on the way to hospital.": a death told only by
    # a pronoun is of someone told before, the one wounded
    dead_pointed_back = frozenset(k for k in one_dead if all(
        m.rule.endswith(_PRONOUN) for m in groups.get((k[0], k[1], "killed"), ())))
    if one_dead:
        groups = _group(mentions, one_dead, dead_pointed_back)
    raw: dict[_Key, GroupTally] = {}
    for (country, kind, cat), ms in groups.items():
        claims = _claims(ms, leads)
        low, best, high = _estimate(claims)
        raw[(country, kind, cat)] = GroupTally(country, kind, cat, low, best, high, tuple(claims), tuple(ms))
    out = [t for g in raw.values() if g.category != _HIT for t in _by_own_side(g, leads)]
    for (country, kind, _), hit in [(k, g) for k, g in raw.items() if k[2] == _HIT]:
        killed = raw.get((country, kind, "killed"))
        if killed is None and country is None:
            # a countryless hurt figure some of whom died, the dead told with a country ("eight
            # injured soldiers ... one of the injured soldiers had died")
            killed = _only([g for k, g in raw.items() if k[1] == kind and k[2] == "killed"
                            and any(m.rule.endswith(DEAD_AMONG_HURT) for m in g.mentions)])
        if killed is None and kind == "people":
            # "The suspect was shot dead by a clerk. … Smith was shot in the chest"; "the boy
            # fatally shot himself … the child shot himself": one hit told only by a pronoun, a
            # name, "the boy" or "shot himself" in a story whose one dead is the perpetrator is him
            perp = raw.get((country, "perpetrator", "killed"))
            if perp is not None and perp.best == 1 and not any(
                    k[2] == "killed" and k[1] == "people" for k in raw) and all(
                    m.rule.endswith(_WEAK) and (m.low or 0) <= 1 for m in hit.mentions):
                killed = perp
        if killed is None and kind == "perpetrator":
            # "the man shot himself" … "he was pronounced dead": the death is told of a
            # pronoun or a name, which lands in another group
            weak = [g for k, g in raw.items() if k[2] == "killed"
                    and any(m.rule.endswith(_WEAK) for m in g.mentions)]
            if weak:
                killed = GroupTally(country, kind, "killed", 1, 1, 1, (), ())
        among = [m for m in (killed.mentions if killed is not None else ())
                 if m.rule.endswith(DEAD_AMONG_HURT)]
        if among and killed is not None and all(m.rule.startswith(_HURT_ONLY) for m in hit.mentions):
            # "killing four and wounding nine ... two of the wounded succumbed, raising the toll
            # to six": the hurt figure held only those two of the dead
            n = max(m.low or 0 for m in among)
            killed = GroupTally(country, kind, "killed", n, n, n, (), ())
        if killed is not None and hit.best is not None and (killed.low or 0) > hit.best and not among \
                and any(m.rule.startswith(CARE_RULES) and m.low == hit.best for m in hit.mentions):
            # "22 people were killed ... Nineteen people who sustained gunshot wounds were taken
            # to the county hospital": a hurt figure told by their care and smaller than the dead cannot
            # hold them; it is the hurt
            killed = None
        out = _merge_hit(out, hit, killed, dead_among=bool(among))
    out = _drop_care_restatements(out)
    out.sort(key=lambda g: (min(m.start for m in g.mentions), g.category))
    return out


_IMPLIED_DEATH = "cas.fig.incident"


def _by_own_side(g: GroupTally, leads: set[int]) -> list[GroupTally]:
    """A group of fighters whose every figure is the own losses of the side that told it, told
    by two or more sides ("The militia said six of its fighters were killed ... a spokesman for
    the rebels said nine of their men had died"): one group per side, added up."""
    sides = {m.side for m in g.mentions}
    if g.kind != "combatants" or len(sides) < 2 or None in sides:
        return [g]
    out = []
    for side in sorted(sides, key=lambda s: min(m.start for m in g.mentions if m.side == s)):
        ms = [m for m in g.mentions if m.side == side]
        claims = _claims(ms, leads)
        low, best, high = _estimate(claims)
        out.append(GroupTally(g.country, g.kind, g.category, low, best, high, tuple(claims), tuple(ms)))
    return out


def _without_implied_deaths(mentions: Sequence[CasualtyMention]) -> list[CasualtyMention]:
    """A death implied by the incident's name ("a fatal shooting", "a homicide") counts one
    only when no other mention tells the dead; else it is one of them."""
    told = any(m.category == "killed" and not m.negated and not m.rule.endswith(_IMPLIED_DEATH)
               for m in mentions)
    if not told:
        return list(mentions)
    return [m for m in mentions if not m.rule.endswith(_IMPLIED_DEATH)]


_NEUTRALISED = "cas.kill.neutralise"
_TAKEN_ALIVE = ("captured", "arrested")


def _without_split_neutralised(mentions: Sequence[CasualtyMention]) -> list[CasualtyMention]:
    """"Four terrorists were neutralised ... three of the terrorists were killed and the fourth
    was captured": the forces' word for killed or captured gives way to the count of the killed
    when the article also tells fighters taken alive."""
    def fighters_killed(m: CasualtyMention) -> bool:
        return m.category == "killed" and m.victim_kind == "perpetrator" and not m.negated

    if any(m.rule.endswith(NEUTRALISED_COVERS_TAKEN) for m in mentions):
        # the article tells the word covers the taken alive: it counts no one dead
        mentions = [m for m in mentions if not m.rule.endswith(NEUTRALISED_COVERS_TAKEN)]
    if not any(m.category in _TAKEN_ALIVE and not m.negated for m in mentions) or not any(
            fighters_killed(m) and not m.rule.startswith(_NEUTRALISED) for m in mentions):
        return list(mentions)
    return [m for m in mentions if not (fighters_killed(m) and m.rule.startswith(_NEUTRALISED))]


def _without_initial(mentions: Sequence[CasualtyMention]) -> list[CasualtyMention]:
    """A figure told as an initial estimate ("initial estimates of a death toll of 11") gives
    way to any other figure of its category, but not to one person told by an indefinite, a
    name or a pronoun ("killed five and wounded nine, the ministry said in a preliminary toll
    ... the military said it had struck a gunman": the nine stand)."""
    later = {m.category for m in mentions if not m.negated and not m.initial_estimate
             and not ((m.low or 0) <= 1 and (m.rule.endswith(_WEAK) or m.rule.endswith(_INDEFINITE)))}
    return [m for m in mentions if not (m.initial_estimate and m.category in later)]


def _the_people(groups: list[GroupTally]) -> Optional[GroupTally]:
    """The one group of people (no side named) with a figure, if there is exactly one."""
    people = [g for g in groups if g.kind == "people"]
    return people[0] if len(people) == 1 and people[0].best is not None else None


def _sentence_figures(groups: list[GroupTally]) -> dict[int, int]:
    """Each sentence's largest figure among the groups' claims (a claim's conjoined victims and
    clauses summed), by sentence index."""
    by_sent: dict[int, int] = {}
    for g in groups:
        for c in g.claims:
            if c.low is not None and not c.negated:
                for sent in {m.sent for m in c.mentions}:
                    by_sent[sent] = max(by_sent.get(sent, 0), c.low)
    return by_sent


def _breakdown_subsets(groups: list[GroupTally]) -> list[GroupTally]:
    """Groups of soldiers or police told only in a breakdown of the toll ("nine people were
    killed … At the station, four workers and two soldiers were killed"): every mention of the
    group shares its sentence with a "people" figure, and the people's total already holds that
    sentence's people and soldiers together. Those groups are inside the people's total."""
    people = _the_people(groups)
    if people is None:
        return []
    total = people.best
    by_sent = _sentence_figures([people])
    out = []
    for g in groups:
        if g.kind not in ("state_forces", "police") or not g.mentions:
            continue
        sents = {m.sent for m in g.mentions}
        if not sents <= set(by_sent):
            continue
        told = max((by_sent[s] + sum(m.low or 0 for m in g.mentions if m.sent == s) for s in sents))
        if total >= told and total > max(by_sent[s] for s in sents):
            out.append(g)
    return out


_ORDINAL_COUNT = "cas.fig.ordinal"  # "a fourth attacker": one person, the count told by his rank


def _breakdown_across_groups(groups: list[GroupTally]) -> list[GroupTally]:
    """A sentence whose figures over two or more groups add up to a total that one of those
    groups told in another sentence breaks that total down ("killing 14 security personnel …
    Seven soldiers, three police officers and four vigilantes were killed"): the groups told
    only in that sentence are inside the total."""
    by_sent: dict[int, list[tuple[GroupTally, CasualtyMention]]] = {}
    for g in groups:
        for m in g.mentions:
            if not m.negated and m.low is not None and not _partisan(m):
                by_sent.setdefault(m.sent, []).append((g, m))
    out: list[GroupTally] = []
    for sent, pairs in by_sent.items():
        told = {id(g) for g, _ in pairs}
        if len(told) < 2:
            continue
        total = sum(m.low or 0 for _, m in pairs)
        holders = [g for g, _ in pairs if g.best == total  # (not a count by rank: "a fourth attacker")
                   and any(m.sent != sent and m.low == total and _ORDINAL_COUNT not in m.rule for m in g.mentions)]
        if holders:  # (a party's own claim told elsewhere of the group does not keep it apart)
            out += [g for g, _ in pairs if g not in holders and g not in out
                    and all(m.sent == sent for m in g.mentions if not _partisan(m) and not _by_armed_group(m))]
    return out


@functools.lru_cache(maxsize=1)
def _vague_rules() -> tuple[str, ...]:
    """The figure rule ids of vague, open-ended quantities ("dozens", "several": numbers.yaml
    quantities with no high), as a mention's rule ends with them."""
    return tuple("|" + q["id"] for q in load_yaml("numbers.yaml")["quantities"] if q.get("high") is None)


def _people_count_set(groups: list[GroupTally], people: GroupTally, own: int) -> list[GroupTally]:
    """The groups with the people's best figure set to ``own`` (a total told besides the parts
    it holds gives way to the people's own figure)."""
    return [replace(o, low=min(o.low or 0, own), best=own) if o is people else o for o in groups]


def _vague_total_told_in_parts(groups: list[GroupTally]) -> list[GroupTally]:
    """A vague count of people ("fighting in which dozens of people died") beside exact counts
    of several groups that reach it ("13 soldiers … six civilians … at least 40 attackers")
    is the round sum of them all: the people count only their exact figures."""
    g = _the_people(groups)
    if g is None:
        return groups
    vague = [c for c in g.claims if c.mentions and all(m.rule.endswith(_vague_rules()) for m in c.mentions)]
    exact = [c for c in g.claims if c not in vague and not c.negated and c.value is not None]
    others = [o for o in groups if o is not g and o.best]
    if not vague or not others or g.best != max(c.value or 0 for c in vague):
        return groups
    own = max((c.value or 0 for c in exact), default=0)
    if own + sum(o.best or 0 for o in others) < g.best:
        return groups
    return _people_count_set(groups, g, own)


def _opening_total_told_in_parts(groups: list[GroupTally]) -> list[GroupTally]:
    """An opening count that names no one ("23 killed as armed youth raid cattle camp") equal to
    the body's count of people plus the other groups' ("At least 14 people were killed ... nine
    of the attackers were killed") is their sum: the people count their body figure."""
    g = _the_people(groups)
    if g is None:
        return groups
    opening = [c for c in g.claims if c.mentions and not c.negated and c.value is not None
               and all(m.sent == 0 and not m.victim_text.strip() for m in c.mentions)]
    body = [c for c in g.claims if c not in opening and not c.negated and c.value is not None]
    others = [o for o in groups if o is not g and o.best]
    if not opening or not body or not others or g.best != max(c.value or 0 for c in opening) \
            or any(m.sent == 0 for o in others for m in o.mentions):
        return groups  # (not "Two killed in stabbing; assailant shot dead": told apart there)
    own = max(c.value or 0 for c in body)
    if own + sum(o.best or 0 for o in others) != g.best:
        return groups
    return _people_count_set(groups, g, own)


_LONE_BOMBER = ("cas.perp.suicide_attack", "cas.perp.blew_up")  # one bomber dead besides the toll
# (nor the attackers, a word that holds the bomber: "all five attackers, the bomber and four gunmen")
_OTHER = re.compile(r"\b(other|others)\b", re.I)
_BOMBER_WORDS = re.compile(r"\b(bomb|bomber|bombers|suicide|attackers?|assailants?|kamikazes?)\b", re.I)


def _bomber_besides_gunmen(groups: list[GroupTally]) -> list[GroupTally]:
    """"A suicide bomber drove a car into the checkpoint ... Two gunmen in a second vehicle were
    killed by troops": the bomber, told dead by his attack alone, is one more than the other
    attackers counted in another sentence by a word that names no bomber (3, not the larger of
    1 and 2)."""
    out = []
    for g in groups:
        bombers = [m for m in g.mentions if m.rule.startswith(_LONE_BOMBER)]
        others = [m for m in g.mentions if m not in bombers and not m.negated and (m.low or 0) >= 1
                  and m.sent not in {b.sent for b in bombers} and not _BOMBER_WORDS.search(m.victim_text)]
        if g.kind == "perpetrator" and len(bombers) == 1 and bombers[0].low == 1 and others \
                and g.best == max(m.low or 0 for m in others):
            g = replace(g, low=(g.low or 0) + 1, best=g.best + 1, high=None if g.high is None else g.high + 1)
        else:
            # "two suicide bombers drove vehicles into the camp ... six other assailants were
            # killed": attackers told as others than the bombers are besides them
            besides = [m for m in g.mentions if m not in bombers and not m.negated and (m.low or 0) >= 1
                       and m.sent not in {b.sent for b in bombers} and _OTHER.search(m.victim_text)]
            n = bombers[0].low if len(bombers) == 1 else None
            if g.kind == "perpetrator" and n and besides and g.best == max(m.low or 0 for m in besides):
                g = replace(g, low=(g.low or 0) + n, best=g.best + n, high=None if g.high is None else g.high + n)
        out.append(g)
    return out


def _uniformed_told_twice(groups: list[GroupTally]) -> list[GroupTally]:
    """Soldiers and police of one count told in different sentences by different words ("Four
    policemen were martyred ... three SOG personnel were killed ... one of the injured
    succumbed, taking the toll of policemen to four"): the same men, counted once (the group
    told later is dropped). First told in one sentence ("two soldiers and two policemen") they
    are two groups."""
    uniformed = [g for g in groups if g.kind in UNIFORMED_KINDS and g.best]
    if len(uniformed) != 2 or uniformed[0].best != uniformed[1].best or uniformed[0].kind == uniformed[1].kind:
        return []
    a, b = uniformed
    if min(a.mentions, key=lambda m: m.start).sent == min(b.mentions, key=lambda m: m.start).sent:
        return []
    return [max((a, b), key=lambda g: min(m.start for m in g.mentions))]


def _fighters_told_twice(groups: list[GroupTally]) -> list[GroupTally]:
    """A named group's fighters and "terrorists" or "attackers" of one count told in different
    sentences ("Three armed members of the X Front ... were killed ... three terrorists were
    killed on the spot"): the same men, counted once (the group told later is dropped)."""
    fighters = [g for g in groups if g.kind == "combatants" and g.best]
    attackers = [g for g in groups if g.kind == "perpetrator" and g.best]
    if len(fighters) != 1 or len(attackers) != 1 or fighters[0].best != attackers[0].best:
        return []
    a, b = fighters[0], attackers[0]
    if min(a.mentions, key=lambda m: m.start).sent == min(b.mentions, key=lambda m: m.start).sent:
        return []
    return [max((a, b), key=lambda g: min(m.start for m in g.mentions))]


def _fighters_among_forces_dead(groups: list[GroupTally]) -> list[GroupTally]:
    """Fighters the forces say they killed, told after a count of people (of no kind) killed by
    those forces that holds them ("Seven people were killed when troops raided the town … The
    ministry said soldiers neutralised seven terrorists"; "Israeli forces killed three
    Palestinians … The military said it killed two gunmen"): the same dead, told by the side
    that killed them."""
    people = _the_people(groups)
    perps = [g for g in groups if g.kind == "perpetrator" and g.best]
    if people is None or not perps:
        return []
    by_forces = [m for m in people.mentions if m.by_state_forces and not m.negated and m.low]
    if not by_forces:
        return []
    # (or in the same sentence: "Troops killed three gunmen, the military said, while the
    # ministry said four people had been killed")
    first = min(by_forces, key=lambda m: m.start)
    return [g for g in perps if (g.best or 0) <= (people.best or 0)
            and any(m.start > first.start or m.sent == first.sent for m in g.mentions)]


def _unverified_claim(c: Claim) -> bool:
    """Every mention of the claim is told as unconfirmed ("villagers claimed two gunmen were
    killed, which police did not confirm"), and not as the work of state forces (the army's
    unverified count of the attackers it killed is counted, as coders do)."""
    return all(m.attribution is not None and m.attribution.rule == UNVERIFIED_RULE and not m.by_state_forces
               and not _state_source(m.attribution.text) for m in c.mentions)


def _state_source(text: str) -> bool:
    """The source is the state: its forces, police or government ("The army", "the ministry")."""
    words = {w[:-1] if w.endswith("s") else w for w in re.findall(r"[a-z]+", text.lower())}
    return bool(words & _state_source_words())


@functools.lru_cache(maxsize=1)
def _state_source_words() -> frozenset[str]:
    data = load_yaml("casualties.yaml")
    kinds = data["victim_kinds"]
    return frozenset(w for w in kinds["state_forces"] + kinds["police"] + data["state_source_words"]
                     if " " not in w)


def _non_state_own_claim(c: Claim) -> bool:
    """Every mention of the claim is what a side that is not the state says it inflicted on the
    state's forces ("a spokesman for the front said its men had killed more than 40
    soldiers"), the side named or not (not "'We repulsed the attackers and four of them were
    killed,' he said": the forces' own count of the attackers)."""
    return all(m.attribution is not None and m.attribution.rule == OWN_CLAIM_RULE and not m.by_state_forces
               and m.victim_kind in UNIFORMED_KINDS and not _state_source(m.attribution.text)
               for m in c.mentions)


def _armed_group_claim(c: Claim) -> bool:
    """Every mention of the claim is attributed to a named non-state armed group (rules/actors.yaml)."""
    return all(_by_armed_group(m) for m in c.mentions)


def _by_armed_group(m: CasualtyMention) -> bool:
    """The mention is attributed to a named non-state armed group."""
    return m.attribution is not None and _armed_group_names().search(m.attribution.text) is not None


_NOT_ARMED_GROUPS = ("state_forces", "external_forces", "civilians", "protesters", "unknown")


@functools.lru_cache(maxsize=1)
def armed_group_alternation() -> str:
    """A regex group matching the name or an alias of any named non-state armed group
    (rules/actors.yaml), longest first."""
    names = [str(a) for e in load_yaml("actors.yaml")["named"] if e.get("type") not in _NOT_ARMED_GROUPS
             for a in (e.get("aliases") or []) + [e["name"]]]
    return "(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + ")"


@functools.lru_cache(maxsize=1)
def _armed_group_names() -> re.Pattern:
    """A named armed group, a generic one ("the militants") or a speaker marked as one ("the
    outlawed X Front")."""
    data = load_yaml("actors.yaml")
    generic = next(e for e in data["generic"] if e["id"] == "actor.generic.armed_group")["words"]
    words = sorted(generic + data["armed_group_markers"]["words"], key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + armed_group_alternation() + "|" + "|".join(map(re.escape, words))
                      + r")(?![\w-])", re.I)


def _parts_of_people_total(groups: list[GroupTally]) -> list[GroupTally]:
    """Groups whose figures add up exactly to a later count of "people" that names no kind:
    "Two policemen were martyred ... three attackers were also killed. ... Five people,
    including the three terrorists, lost their lives" is five in all. Only for a count of at
    least three over two or more groups told before it (one person and one gunman killed are
    two)."""
    total = _the_people(groups)
    if total is None or (total.best or 0) < 3:
        return []
    kindless = [m for m in total.mentions if not m.negated and m.low == total.best
                and m.victim_text.strip().lower().split()[-1:] in (["people"], ["persons"])]
    parts = [g for g in groups if g is not total and g.best]
    if not kindless or len(parts) < 2 or sum(g.best or 0 for g in parts) != total.best:
        return []
    if min(m.start for g in parts for m in g.mentions) > min(m.start for m in kindless):
        return []  # the parts told after the count break it down (_breakdown_subsets' case)
    return parts


def _held_in_a_total(groups: list[GroupTally]) -> list[GroupTally]:
    """Soldiers, police or attackers a people figure's phrase says it includes ("Insurgents
    killed eight people, including two soldiers … two soldiers had died"), counted again only
    after it and no more than it holds: inside that figure."""
    people = _the_people(groups)
    if people is None:
        return []
    holders = [m for m in people.mentions if m.held and not m.negated and m.low == people.best]
    out = []
    for g in groups:
        held = max((n for m in holders for kind, n in m.held if kind == g.kind), default=0)
        if g is not people and g.best and g.best <= held and all(
                m.start > min(h.start for h in holders) and not m.increment for m in g.mentions):
            out.append(g)
    return out


_LEAD_TOLL_SENTENCES = 2  # the sentences of a lead (a headline or dateline line may come first)


def _parts_of_later_toll(groups: list[GroupTally]) -> list[GroupTally]:
    """Groups told before an updated toll that names no kind and holds them all: "three
    policemen were killed … Two more died in hospital, bringing the toll to five" is five in
    all, not the policemen's three beside the toll's five. The toll is the people group's best,
    after every figure of the other groups, and at least their sum. Attackers stay apart: a
    toll counts victims ("bringing the number of the dead, excluding the bomber, to seven";
    "three militants were also killed"). A toll that took the kind of the soldier or policeman its
    sentence names ("a constable died in hospital, taking the toll to six") holds them as well."""
    def tolls_of(g: GroupTally) -> list[CasualtyMention]:
        return [m for m in g.mentions if m.is_update and m.is_total and not m.negated
                and not m.victim_text.strip() and m.low == g.best]

    total = _the_people(groups)
    if total is None or not tolls_of(total):
        total = _only([g for g in groups if g.kind in UNIFORMED_KINDS and tolls_of(g)])
    if total is None:
        return []
    tolls = tolls_of(total)
    parts = [g for g in groups if g is not total and g.best and g.kind != "perpetrator"]
    if not tolls or not parts or sum(g.best or 0 for g in parts) > total.best:
        return []
    lead_update = tolls[0].sent <= _LEAD_TOLL_SENTENCES and any(
        m.sent == tolls[0].sent and m is not tolls[0] and not m.negated and m.low for m in total.mentions)
    if max(m.start for g in parts for m in g.mentions) > tolls[-1].start and not lead_update:
        # (a lead's toll raised by a death it tells holds the groups the story tells after it:
        # "A boy died of his wounds, raising to seven the death toll in the blast. Four
        # policemen were killed on the spot ...")
        return []
    return parts




def _drop_care_restatements(out: list[GroupTally]) -> list[GroupTally]:
    """Victims told only by their care ("Both were taken to a hospital", "two were listed in
    stable condition") count no one new when other groups' wounded (the officer, the suspect)
    already add up to as many: the care sentence speaks of them all together. A pronoun, a name
    or "the man" in the group is someone counted elsewhere and does not keep it."""
    injured = [g for g in out if g.category == "injured"]
    for g in injured:
        counted = [m for m in g.mentions if not m.negated and not m.rule.endswith(_WEAK)]
        if g.kind != "people" or not counted or not all(m.rule.startswith(CARE_RULES) for m in counted):
            continue
        if any(_told_as_civilians(m) for m in counted):
            continue  # "five soldiers and three civilians were admitted": others than the soldiers
        rest = sum(o.best or 0 for o in injured if o is not g)
        if g.best is not None and rest >= g.best:
            out = [o for o in out if o is not g]
    return out


def _sub(a: Optional[int], b: Optional[int]) -> Optional[int]:
    return None if a is None else max(0, a - (b or 0))


def _merge_hit(out: list[GroupTally], hit: GroupTally, killed: Optional[GroupTally],
               dead_among: bool = False) -> list[GroupTally]:
    """Injured derived from a "were shot" figure: hit − killed of the same group, merged with
    the group's plain injured figure (the larger best wins). ``dead_among``: the dead were told
    as some of the hurt ("one of the injured soldiers had died"); a plain figure equal to the
    hurt figure that held them is the same count told before ("eight others injured ... eight
    others sustained injuries"), so the rest wins."""
    k_best = killed.best if killed is not None else 0
    d_low = _sub(hit.low, killed.high if killed is not None and killed.high is not None else k_best)
    d_best = _sub(hit.best, k_best)
    d_high = _sub(hit.high, killed.low if killed is not None else 0)
    plain = next((g for g in out if g.category == "injured" and (g.country, g.kind) == (hit.country, hit.kind)), None)
    if plain is None and hit.country is None:  # a countryless hit figure restating a country's hurt
        plain = _only([g for g in out if g.category == "injured" and g.kind == hit.kind])
    if plain is None:
        merged = GroupTally(hit.country, hit.kind, "injured", d_low, d_best, d_high, hit.claims, hit.mentions)
        return out + [merged]
    if dead_among and plain.best is not None and plain.best == hit.best and d_best is not None:
        merged = GroupTally(plain.country, plain.kind, "injured", d_low, d_best, d_high,
                            plain.claims + hit.claims, plain.mentions + hit.mentions)
        return [merged if g is plain else g for g in out]
    best = max(plain.best or 0, d_best or 0) if plain.best is not None or d_best is not None else None
    lows = [x for x in (plain.low, d_low) if x is not None]
    high = None if plain.high is None or d_high is None else max(plain.high, d_high)
    merged = GroupTally(plain.country, plain.kind, "injured", min(lows) if lows else None, best, high,
                        plain.claims + hit.claims, plain.mentions + hit.mentions)
    return [merged if g is plain else g for g in out]


def totals(tallies: Sequence[GroupTally], implied_zero: bool = False) -> dict[str, Total]:
    """Event totals: ``{"fatalities": Total, "injured": Total}`` (see the module rules, 4).

    ``implied_zero``: a category the article gives no figure for is 0 when the other one has a
    figure ("a man was shot in the leg" reports no death); off, it is None (the contract's
    reading: 0 only when the article says so)."""
    result: dict[str, Total] = {}
    with_figures = {g.category for g in tallies if g.category in ("killed", "injured")}
    for name, cat in (("fatalities", "killed"), ("injured", "injured")):
        groups = [g for g in tallies if g.category == cat]
        if not groups:
            zero = implied_zero and bool(with_figures - {cat})
            result[name] = Total(0, 0, 0) if zero else Total(None, None, None)
            continue
        labelled = [m for g in groups for m in g.mentions if m.rule.startswith(_LABEL) and not m.negated]
        if labelled:
            # a coder's "Fatalities: 6" is the event's total, its groups' figures parts of it
            last = max(labelled, key=lambda m: m.start)
            result[name] = Total(last.low, last.low if last.low is not None else last.high, last.high)
            continue
        groups = _opening_total_told_in_parts(_vague_total_told_in_parts(groups))
        if cat == "killed":
            groups = _bomber_besides_gunmen(groups)
        subsets = (_breakdown_subsets(groups) + _parts_of_people_total(groups) + _parts_of_later_toll(groups)
                   + _breakdown_across_groups(groups) + _fighters_among_forces_dead(groups)
                   + _held_in_a_total(groups) + _uniformed_told_twice(groups) + _fighters_told_twice(groups))
        groups = [g for g in groups if g not in subsets]
        low = best = high = 0
        hi_open = False
        extra_best = 0
        if cat == "killed":
            implied = [g for g in groups if g.kind == "perpetrator"
                       and all(m.rule.startswith(IMPLIED_RULES) for m in g.mentions)]
            counted = [g for g in groups if g not in implied]
            if implied and any(g.best for g in counted):
                # "a murder-suicide left two dead", "... then took his own life" in a later
                # sentence: the perpetrator is already among the dead counted. "killed three
                # people and then himself" in one sentence is a claim of 3 + 1, weighed against
                # the other claims ("Four people are dead") like any claim.
                by_sent = _sentence_figures(counted)
                composite = max((by_sent[m.sent] + 1 for g in implied for m in g.mentions
                                 if m.sent in by_sent and m.rule.startswith(_SAME_SENTENCE_SELF)), default=0)
                groups = counted
                extra_best = composite - sum(g.best or 0 for g in counted)
        told_neutrally = any(not c.partisan for g in groups for c in g.claims if not c.negated)
        for g in groups:
            if g.claims and all(c.mentions and all(m.attribution is not None and m.attribution.rule == REFUTED_RULE
                                                   for m in c.mentions) for c in g.claims):
                continue  # "... saying several soldiers had been killed. The army denied the claim."
            if told_neutrally and g.claims and all(c.partisan and (_armed_group_claim(c) or _unverified_claim(c)
                                                                   or _non_state_own_claim(c))
                                                   for c in g.claims):
                # a group only an armed group claims ("al-Shabaab said 15 soldiers died") beside
                # a toll from other sources: a claim kept, no figure of the event's total (a
                # government's claim of the attackers it killed is counted, as coders do)
                if g.high is None:
                    hi_open = True
                else:
                    high += g.high
                continue
            low += g.low or 0
            best += g.best or 0
            if g.high is None:
                hi_open = True
            else:
                high += g.high
        if extra_best > 0:
            best += extra_best
            high = max(high, best)
        result[name] = Total(low, best, None if hi_open else high)
    return result


# "the toll rose to 12", "has now climbed to": a contract claim carries no update flag, so the
# quote of a toll claim is read for the verbs of an update (casualties.yaml ``update_verbs``).
_UPDATE_QUOTE = re.compile(r"\b(rose|risen|rises|rising|climbed|climbs|climbing|increased|increases|grew|"
                           r"grown|jumped|reached|reaches|mounted|swelled|soared|now|raised|raising|"
                           r"brought|bringing|pushed|pushing|took|taking)\b", re.I)


def _is_update_claim(claim: model.Claim) -> bool:
    return "cas.kill.toll" in claim.rule and bool(_UPDATE_QUOTE.search(claim.quote))


def reconcile_claims(claims: Sequence[model.Claim]) -> tuple[Optional[int], Optional[int], Optional[int]]:
    """(low, best, high) of one group's contract claims, in the order given (text order within
    an article, ingest order across articles), by the estimate rules of ``tally`` (3.): best is
    the last update's figure when a toll update exists, else the largest claim; low the lowest
    claim; high the highest, None when the largest claim is open-ended and nothing caps it;
    claims of 0 count only when no claim gives a figure."""
    internal = [Claim(c.low, c.high, c.qualifier, _is_update_claim(c),
                      (c.low == 0 and c.high == 0), ()) for c in claims
                if c.low is not None or c.high is not None]
    if not internal:
        return (None, None, None)
    return _estimate(internal)
