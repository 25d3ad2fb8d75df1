"""Triggers stage — reads ``parsed``; writes ``triggers``.

Finds the words that say an event happened and types them in ACLED's taxonomy: "clashes" →
battles/armed_clash, "airstrike" → explosions_remote_violence/air_drone_strike, "shooting" →
violence_against_civilians/attack, "Russia-brokered ceasefire" → strategic_developments/agreement.
Rules (words, weights, context overrides) are data: ``rules/triggers.yaml``.

Two readings of the parse around each trigger:
- suppressed: negated or hypothetical triggers do not fire at all ("no clashes were reported",
  "fears of another flare-up", "threatened to attack", "could attack", "calls for a ceasefire");
- historical: the trigger sits in background context ("the 1994 war", "fought a war a year after",
  "the six-week conflict ... ended a year ago", "since 2017, when ... was killed"), so it is
  marked ``historical=True``.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from typing import Any, Optional

from ..model import Analysis, ParsedText, Token, TriggerMention
from ..pipeline import Resources, Stage
from ..rules import load_yaml

_WORDISH = re.compile(r"\w+|[^\w\s]")
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)s?$")
# entity types whose words are names, not events ("March", "Clash" the band, "Homicide Unit")
_NAME_ENTS = frozenset({"DATE", "TIME", "PERSON", "GPE", "LOC", "FAC", "WORK_OF_ART", "LAW",
                        "PRODUCT", "ORG"})
_VERBISH = frozenset({"VERB", "AUX"})
# dependency links followed upwards from a trigger to the words that govern it
_UP_LINKS = frozenset({"xcomp", "dobj", "obj", "pobj", "prep", "pcomp", "conj", "compound", "nmod",
                       "nsubj", "nsubjpass", "attr", "appos", "acomp", "oprd"})


@dataclass(frozen=True, slots=True)
class _Rule:
    id: str
    event_type: str
    sub_event_type: str
    weight: float
    pos: frozenset[str]
    requires: frozenset[str]
    boost: frozenset[str]
    boost_weight: float
    overrides: tuple[tuple[frozenset[str], tuple[str, ...], str, str, str], ...]
    background: bool


@dataclass(frozen=True)
class _Rules:
    index: dict[str, tuple[tuple[tuple[str, ...], _Rule], ...]]  # first piece → phrases
    suppress: dict[str, Any]
    historical: dict[str, Any]
    sports: dict[str, Any]


def _split(phrase: str) -> tuple[str, ...]:
    return tuple(p.lower() for p in _WORDISH.findall(phrase))


@functools.lru_cache(maxsize=1)
def _rules() -> _Rules:
    data = load_yaml("triggers.yaml")
    index: dict[str, list[tuple[tuple[str, ...], _Rule]]] = {}
    for r in data["rules"]:
        boost = r.get("boost") or {}
        overrides = []
        for o in r.get("override") or ():
            words = [str(w).lower() for w in o["when"]]
            overrides.append((frozenset(w for w in words if " " not in w),
                              tuple(w for w in words if " " in w),
                              o["event_type"], o["sub_event_type"], o["suffix"]))
        rule = _Rule(r["id"], r["event_type"], r["sub_event_type"], float(r["weight"]),
                     frozenset(r.get("pos") or ()), frozenset(str(w).lower() for w in r.get("requires") or ()),
                     frozenset(str(w).lower() for w in boost.get("lemmas") or ()),
                     float(boost.get("weight", r["weight"])), tuple(overrides),
                     bool(r.get("background")))
        for w in r["words"]:
            pieces = _split(str(w))
            if pieces:
                index.setdefault(pieces[0], []).append((pieces, rule))
    frozen = {k: tuple(sorted(v, key=lambda pr: -len(pr[0]))) for k, v in index.items()}
    sup = {k: (frozenset(str(x).lower() for x in v) if isinstance(v, list) else v)
           for k, v in data["suppress"].items()}
    hist = {k: (frozenset(str(x).lower() for x in v) if isinstance(v, list) else v)
            for k, v in data["historical"].items()}
    sports = {k: (frozenset(str(x).lower() for x in v) if isinstance(v, list) else v)
              for k, v in data["sports"].items()}
    return _Rules(frozen, sup, hist, sports)


def trigger_words() -> dict[str, list[str]]:
    """Rule id → its words (for the relevance filter and documentation)."""
    data = load_yaml("triggers.yaml")
    return {r["id"]: [str(w) for w in r["words"]] for r in data["rules"]}


# --------------------------------------------------------------------------------------------
# Matching
# --------------------------------------------------------------------------------------------
def _pieces(tokens: tuple[Token, ...]) -> list[tuple[str, str, int]]:
    """(lower text, lemma, token index) per word piece; "drive-by" kept as one token by the
    tokenizer is split into drive / - / by so phrases match either way."""
    out: list[tuple[str, str, int]] = []
    for t in tokens:
        low = t.text.lower()
        if len(low) > 1 and ("-" in low or "/" in low) and t.pos != "PUNCT":
            for p in _WORDISH.findall(low):
                out.append((p, p, t.i))
        else:
            out.append((low, t.lemma.lower(), t.i))
    return out


def _matches(parsed: ParsedText, rules: _Rules) -> list[tuple[int, int, _Rule]]:
    """(first token, last token, rule), longest phrase first, left to right, no overlaps."""
    pcs = _pieces(parsed.tokens)
    toks = parsed.tokens
    out: list[tuple[int, int, _Rule]] = []
    i, n = 0, len(pcs)
    while i < n:
        low, lem, ti = pcs[i]
        cands = rules.index.get(low, ())
        if lem != low:
            cands = cands + rules.index.get(lem, ())
            cands = tuple(sorted(cands, key=lambda pr: -len(pr[0])))
        hit = None
        for pieces, rule in cands:
            k = len(pieces)
            if i + k > n:
                continue
            ok = True
            for d in range(1, k):
                plow, plem, pti = pcs[i + d]
                if (pieces[d] != plow and pieces[d] != plem) or toks[pti].sent != toks[ti].sent:
                    ok = False
                    break
            if ok:
                hit = (k, rule)
                break
        if hit is None:
            i += 1
            continue
        k, rule = hit
        out.append((ti, pcs[i + k - 1][2], rule))
        i += k
    return out


def _span_head(toks: tuple[Token, ...], i: int, j: int) -> int:
    for k in range(j, i - 1, -1):
        h = toks[k].head
        if h < i or h > j or h == k:
            return k
    return j


# --------------------------------------------------------------------------------------------
# Context: suppression and background
# --------------------------------------------------------------------------------------------
class _Context:
    def __init__(self, parsed: ParsedText, rules: _Rules):
        self.parsed = parsed
        self.toks = parsed.tokens
        self.rules = rules
        self.children: list[list[int]] = [[] for _ in self.toks]
        for t in self.toks:
            if t.head != t.i:
                self.children[t.head].append(t.i)
        pub = parsed.article.published
        self.pub_year: Optional[int] = pub.year if pub is not None else None
        self._sent_words: dict[int, tuple[frozenset[str], str]] = {}

    def lemma(self, i: int) -> str:
        return self.toks[i].lemma.lower()

    def sent_words(self, s: int) -> tuple[frozenset[str], str]:
        got = self._sent_words.get(s)
        if got is None:
            ts = self.parsed.sentence_tokens(s)
            words = frozenset([t.lemma.lower() for t in ts] + [t.text.lower() for t in ts])
            got = (words, " " + " ".join(t.text.lower() for t in ts) + " ")
            self._sent_words[s] = got
        return got

    def chain(self, h: int) -> list[int]:
        """The trigger and the words governing it up to (and through xcomp from) its verb."""
        out = [h]
        cur = self.toks[h]
        for _ in range(5):
            if cur.head == cur.i or cur.dep not in _UP_LINKS:
                break
            if cur.pos in _VERBISH and cur.i != h and cur.dep != "xcomp":
                break
            nxt = self.toks[cur.head]
            out.append(nxt.i)
            if nxt.pos in _VERBISH and cur.dep != "xcomp" and nxt.dep != "xcomp":
                break
            cur = nxt
        return out

    def near(self, h: int) -> set[str]:
        """Lemmas next to ``h``: its head, children and prepositional grandchildren."""
        toks = self.toks
        words = {self.lemma(toks[h].head)}
        for c in self.children[h]:
            words.add(self.lemma(c))
            words.add(toks[c].text.lower())
            if toks[c].dep in ("prep", "agent", "amod", "compound"):
                words.update(self.lemma(g) for g in self.children[c])
        if h >= 2 and toks[h - 1].text == "-":  # "Russia-brokered" split oddly
            words.add(self.lemma(h - 2))
        return words

    def suppressed(self, h: int) -> bool:
        sup = self.rules.suppress
        toks = self.toks
        chain = self.chain(h)
        for idx, k in enumerate(chain):
            t = toks[k]
            kids = self.children[k]
            for c in kids:
                ct = toks[c]
                cl = ct.lemma.lower()
                if ct.dep == "neg" or (cl in sup["negators"] and ct.dep in ("det", "neg", "advmod")):
                    return True
                if t.pos in _VERBISH and ct.dep in ("aux", "auxpass") and ct.text.lower() in sup["modals"]:
                    return True
                if t.pos in _VERBISH and ct.dep == "mark" and cl in sup["marks"]:
                    return True
            if idx == 0:
                continue
            below = toks[chain[idx - 1]]
            tl = t.lemma.lower()
            if t.pos in _VERBISH and tl in sup["hypothetical_verbs"] and below.dep in (
                    "xcomp", "dobj", "obj", "ccomp", "pcomp", "prep", "pobj"):
                return True
            if t.pos in ("NOUN", "PROPN") and tl in sup["hypothetical_nouns"] and below.dep in (
                    "prep", "compound", "nmod", "acl", "pobj"):
                return True
            if t.dep == "prep" and t.text.lower() == "without":
                return True
        return False

    def _is_past_year(self, k: int) -> bool:
        m = _YEAR.match(self.toks[k].text)
        return bool(m) and self.pub_year is not None and int(m.group(1)) < self.pub_year

    def _event_came(self, k: int) -> bool:
        """Clause ``k`` hangs on a verb whose subject is an incident ("The attack came two weeks
        after ..."), not on a death or an arrest that follows the incident told in it."""
        gov = self.toks[k].head
        return gov != k and any(self.toks[c].dep == "nsubj" and self.lemma(c) in self.rules.historical["after_subjects"]
                                for c in self.children[gov])

    def historical(self, h: int, rule: _Rule) -> bool:
        hi = self.rules.historical
        toks = self.toks
        chain = self.chain(h)
        anchor = chain[-1]
        # "since 2017, when a general was killed": the clause hangs on a past year
        a = toks[anchor]
        if a.dep in ("relcl", "acl", "advcl") and self._is_past_year(a.head):
            return True
        for k in chain:
            if self._is_past_year(k):
                return True
            kids = self.children[k]
            ctx = list(kids)
            for c in kids:
                if toks[c].dep in ("prep", "mark", "advmod", "npadvmod", "agent"):
                    ctx.extend(self.children[c])
            has_after = False
            for c in ctx:
                ct = toks[c]
                cl = ct.lemma.lower()
                if self._is_past_year(c) and ct.dep in ("pobj", "nummod", "compound", "npadvmod",
                                                        "nmod", "amod", "appos", "tmod"):
                    return True
                if cl in hi["ago"]:
                    units = {self.lemma(g) for g in self.children[c]} | {self.lemma(toks[c].head)}
                    if units & hi["units"]:
                        return True
                if cl in hi["after"] and ct.dep in ("mark", "prep"):
                    has_after = True
                    if c > 0 and self.lemma(c - 1) in hi["units"]:
                        return True  # "a year after the two foes fought a war"
                    if c > 0 and self.lemma(c - 1) in hi["after_units"] and self._event_came(k):
                        return True  # "The attack came two weeks after 52 were killed"
                if cl in hi["memory_nouns"] and k != h:
                    return True
            if has_after and any(self.lemma(c) in hi["units"] and toks[c].dep == "npadvmod" for c in ctx):
                return True
            # "last year"
            for c in kids:
                if self.lemma(c) in ("year", "decade") and any(
                        self.lemma(g) == "last" for g in self.children[c]):
                    return True
        for c in self.children[h]:
            ct = toks[c]
            cl = ct.lemma.lower()
            if ct.dep == "amod" and cl in hi["before_adjs"] and (cl != "last" or rule.background):
                return True
        t = toks[h]
        if t.tag == "VBD" and t.lemma.lower() in hi["background_verbs"] and any(
                toks[c].dep in ("dobj", "obj") and self.lemma(c) in hi["background_objects"]
                for c in self.children[h]):
            return True  # "they fought a war"
        if rule.background:
            for c in self.children[h]:
                if self.lemma(c) in hi["units"] | {"day", "week", "days", "weeks"} and toks[c].dep in (
                        "compound", "amod", "nmod", "npadvmod"):
                    return True  # "the six-week conflict", "the 44-day war"
            gov = toks[t.head]
            if t.dep in ("dobj", "nsubj", "nsubjpass") and gov.lemma.lower() in hi["background_verbs"] \
                    and gov.tag in ("VBD", "VBN"):
                return True  # "fought a war", "the conflict ended"
            if t.dep == "pobj" and gov.text.lower() in hi["background_preps"]:
                return True  # "after the war", "since the conflict"
            for c in self.children[h]:
                ct = toks[c]
                if ct.dep in ("relcl", "acl") and ct.tag in ("VBD", "VBN") \
                        and ct.lemma.lower() in hi["background_verbs"]:
                    return True  # "the civil war, which ended in 2009"
        return False


# --------------------------------------------------------------------------------------------
# The stage
# --------------------------------------------------------------------------------------------
def _is_sports_report(parsed: ParsedText, rules: _Rules) -> bool:
    """At least ``min_terms`` distinct sports words (triggers.yaml ``sports``) in the article."""
    seen = {m.group(0).lower() for m in _sports_terms(rules.sports["terms"]).finditer(parsed.text)}
    return len(seen) >= int(rules.sports["min_terms"])


@functools.lru_cache(maxsize=1)
def _sports_terms(terms: frozenset[str]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, terms), key=len, reverse=True)) + r")\b",
                      re.IGNORECASE)


def _sports_metaphor(parsed: ParsedText, rules: _Rules, i: int, j: int, rule: _Rule) -> bool:
    """In a sports report, a metaphor-prone trigger with no word of real harm in its sentence."""
    if rule.id not in rules.sports["metaphor_rules"]:
        return False
    unless = rules.sports["unless"]
    toks = parsed.tokens
    return not any((t.text.lower() in unless or t.lemma.lower() in unless) and not i <= t.i <= j
                   for t in parsed.sentence_tokens(toks[i].sent))


def find_triggers(parsed: ParsedText) -> list[TriggerMention]:
    """Event trigger mentions, in text order. Negated/hypothetical ones are left out, and so are
    the metaphors of sports reports ("shot past the goalkeeper")."""
    rules = _rules()
    found = _matches(parsed, rules)
    if not found:
        return []
    ctx = _Context(parsed, rules)
    toks = parsed.tokens
    sports = _is_sports_report(parsed, rules)
    out: list[TriggerMention] = []
    heads: list[int] = []
    for i, j, rule in found:
        h = _span_head(toks, i, j)
        ht = toks[h]
        if rule.pos and ht.pos not in rule.pos:
            continue
        if sports and _sports_metaphor(parsed, rules, i, j, rule):
            continue
        if ht.ent_type in _NAME_ENTS and i == j:
            continue
        near: Optional[set[str]] = None
        if rule.requires:
            near = ctx.near(h)
            if not near & rule.requires:
                continue
        if ctx.suppressed(h):
            continue
        weight = rule.weight
        if rule.boost:
            near = near if near is not None else ctx.near(h)
            chain_lemmas = {ctx.lemma(k) for k in ctx.chain(h)}
            if (near | chain_lemmas) & rule.boost:
                weight = rule.boost_weight
        etype, stype, rid = rule.event_type, rule.sub_event_type, rule.id
        for single, multi, o_type, o_sub, suffix in rule.overrides:
            words, stext = ctx.sent_words(ht.sent)
            if words & single or any(f" {m} " in stext for m in multi):
                etype, stype, rid = o_type, o_sub, f"{rule.id}.{suffix}"
                break
        s, e = toks[i].start, toks[j].end
        out.append(TriggerMention(parsed.text[s:e], s, e, ht.sent, rid, etype, stype, weight,
                                  ctx.historical(h, rule)))
        heads.append(h)
    return _inherit_historical(out, heads, toks)


def _inherit_historical(out: list[TriggerMention], heads: list[int],
                        toks: tuple[Token, ...]) -> list[TriggerMention]:
    """A trigger inside the clause of a historical one is historical too ("a deal that saw
    Armenia cede territory", where the deal ended the 2020 war), and so is a verb whose subject
    is a historical one ("the war, which ended in 2009, killed 100,000 people")."""
    hist_heads = {h for h, m in zip(heads, out) if m.historical}
    if not hist_heads:
        return out
    result = []
    for h, m in zip(heads, out):
        if not m.historical and any(toks[k].head == h and toks[k].dep in ("nsubj", "nsubjpass")
                                    for k in hist_heads):
            m = replace(m, historical=True)  # "the war ... killed 100,000 people"
        if not m.historical:
            cur = toks[h]
            for _ in range(4):
                if cur.head == cur.i:
                    break
                cur = toks[cur.head]
                if cur.i in hist_heads:
                    m = replace(m, historical=True)
                    break
        result.append(m)
    return result


def _run(analysis: Analysis, resources: Resources) -> dict[str, Any]:
    assert analysis.parsed is not None
    return {"triggers": find_triggers(analysis.parsed)}


STAGE = Stage("triggers", reads=("parsed",), writes=("triggers",), run=_run)
