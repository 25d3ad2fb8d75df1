"""Casualties stage — reads ``parsed``; writes ``casualties``.

Finds casualty claims ("Seven servicemen died and 10 more were wounded", "Armenia reported one
dead, 13 captured, and 24 missing troops", "a man was shot and killed", "no one was injured")
and returns one ``CasualtyMention`` per figure × category × victim phrase, each with the rule id
that fired, the spans of the claim, figure and victim, the victim's kind and country where the
phrase says it, the source the sentence attributes it to, and flags for the counting logic
(``reconcile.py``): update, total, negated, additional, other_incident.

How: trigger words (``rules/casualties.yaml``, matched by lemma; phrasal verbs, idioms and the
rules that need a phrase are told by ``casualty_words.py``) are located in each sentence;
the victim phrase and its figure are found through the dependency parse by ``victims.py``
(passive subject, object, subject of an intransitive, noun modified by an adjective; a number,
"a dozen", "more than 6,500", a determiner "a 14-year-old girl" = 1, a named person = 1; an
incident noun "a double homicide"). This module decides the category, the flags, the victim's
kind and country, and the source. Killing of the perpetrator by their own hand ("murder-suicide",
"turned the gun on himself", "blew himself up") is found by the self_inflicted patterns.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Callable, Optional

from ..model import Analysis, Attribution, CasualtyMention, ParsedText, Sentence, Token
from ..pipeline import Resources, Stage
from ..reconcile import (BARE_ANOTHER, CARE_RULES, DEAD_AMONG_HURT, NEUTRALISED_COVERS_TAKEN, PARTISAN_RULES,
                         POINTED_BACK, REFUTED_RULE, UNIFORMED_KINDS, UNVERIFIED_RULE)
from .numbers import Figure, FigureSpan, figure_at, parse_number
from .casualty_words import category_of, died_of_illness, hypothetical, trigger_rule
from .recalled import (LEAD_SENTENCES, digest_days, earlier_weekday, first_year, later_operation, lead_dates, lead_weekday,
                       opens_on_day_after_cue, other_clauses, other_date, other_digest_sentence, other_month_clause,
                       other_year)
from .victims import (
    PART_PREPS,
    SUBJ,
    Doc,
    Rules,
    Victim,
    conjuncts,
    figure_token_ok,
    incident_figure,
    is_bad_number,
    is_person,
    listed,
    of_non_person,
    load_rules,
    name_start,
    taken_to_care,
    victim_heads,
    victim_of,
    word_kind,
)

CountryOf = Callable[[str], Optional[str]]

_POSSESSIVE = re.compile(r"['’]s?\b")
# A figure followed by "more" ("Two more died", "three more victims"; not "more than"):
# people besides all counted before (CasualtyMention.increment)
_INCREMENT = re.compile(r"[\w,.-]+\s+more\b(?!\s+than)", re.I)

_WEAK_FIGURES = ("cas.fig.pronoun", "cas.fig.definite")
_CONTINUING_FIGURES = ("cas.fig.pronoun", "cas.fig.definite", "cas.fig.named")
# figures of someone pointed back at or of a running count ("the man", "he", "Smith", "a fourth person")
_COUNTED_BEFORE = POINTED_BACK + ("cas.fig.ordinal_count",)
_BARE_VICTIMS = frozenset({"", "others", "other", "more", "one", "ones", "another"})
_BARE_OR_POINTING = _BARE_VICTIMS | {"them", "whom"}  # ... or pointing back ("one of them")
_OF_ONLY_NOUNS = ("shooting", "wounding", "stabbing", "loss")  # "the shooting of two men"
_INCIDENT_NOUNS = ("homicide", "killing", "murder")  # "two homicides this year": cases, not a toll
_FATAL_VERBS = frozenset({"die", "succumb", "kill", "pronounce", "murder"})
_SUFFER = frozenset({"suffer", "sustain", "receive", "take", "have", "treat", "hospitalize", "hospitalise", "send",
                     "transport", "rush", "die", "succumb", "airlift", "be"})


def default_country_of(text: str) -> Optional[str]:
    """ISO alpha-3 for a demonym or country name in the rule file ("Armenian" → ARM)."""
    t = _POSSESSIVE.sub("", text.lower().strip())
    countries = load_rules().countries
    if t in countries:
        return countries[t]
    for word in reversed(t.split()):
        if word in countries:
            return countries[word]
    return None


# ------------------------------------------------------------------------------------------
# Attribution, kinds, countries
# ------------------------------------------------------------------------------------------
def _attribution(doc: Doc, t: Token, lo: int, hi: int, rules: Rules,
                 country_of: CountryOf) -> Optional[Attribution]:
    def speaker(verb: Token) -> Optional[Token]:
        subjects = [c for c in doc.children(verb.i, SUBJ) if c.tag not in ("WDT", "WP")]
        if subjects:
            return subjects[0]
        agent = doc.child(verb.i, {"agent"})
        by = doc.child(agent.i, {"pobj"}) if agent is not None else None
        if by is not None:
            return by
        # "Islamic State, which calls X its province, said": the parser hangs the speaker on a
        # clause it makes of the relative clause's end, before the verb
        return next((s for c in doc.children(verb.i, {"ccomp"}) if c.i < verb.i
                     for s in doc.children(c.i, {"nsubj"})
                     if s.tag not in ("WDT", "WP") and s.pos in ("PROPN", "NOUN")), None)

    def source(verb: Token) -> Optional[Attribution]:
        if verb.lemma.lower() == "accord":
            to = doc.child(verb.i, {"prep"})
            src = doc.child(to.i, {"pobj"}) if to is not None else None
            rule = "cas.attr.according_to"
        else:
            obj = doc.child(verb.i, {"dobj"})
            if obj is not None and obj.lemma.lower() in rules.claimed_deeds:
                return None  # "IS claimed responsibility for the attack, which killed 12"
            src = speaker(verb)
            rule = "cas.attr.subject_" + verb.lemma.lower()
            if src is None and verb.tag == "VBG" and verb.dep == "advcl" and verb.head != verb.i:
                # "The group claimed responsibility on its radio, saying it had killed 27": the
                # participle's speaker is the subject of the clause it hangs on, whose claim it is
                # (or of the clause that one goes on from: "The X Front, considered a proxy of
                # Y, claimed responsibility ..., asserting that seven soldiers had been killed")
                head = doc.toks[verb.head]
                src = speaker(head) or _clause_subject(doc, head)
                if head.lemma.lower() in rules.report:
                    rule = "cas.attr.subject_" + head.lemma.lower()
        if src is None:
            return None
        a, b = doc.edges(src.i)
        a, b = max(a, lo), min(b, hi - 1)
        start, end = doc.toks[a].start, doc.toks[b].end
        text = doc.parsed.text[start:end]
        return Attribution(text, start, end, rule, country=country_of(text))

    def own_claim(found: Attribution) -> Attribution:
        """"X said it killed 47": the source claims what it inflicted (a partisan claim)."""
        subj = _clause_subject(doc, t)
        if subj is None or t.pos != "VERB" or t.lemma.lower() in rules.own_claim_exempt:
            return found
        poss = doc.child(subj.i, {"poss"})
        if subj.text.lower() in rules.own_claim_subjects or (
                poss is not None and poss.text.lower() in rules.own_claim_subjects):
            return replace(found, rule="cas.attr.own_claim")
        if poss is not None and poss.lemma.lower() in rules.own_claim_owners and any(
                w in rules.own_claim_speakers for w in found.text.lower().split()):
            return replace(found, rule="cas.attr.own_claim")  # "a spokesman said the group's forces killed 20"
        return found

    # an ancestor reporting verb governs the claim
    cur, seen = t, 0
    while cur.head != cur.i and seen < 40:
        cur = doc.toks[cur.head]
        seen += 1
        if cur.lemma.lower() in rules.report and cur.pos in ("VERB", "AUX"):
            found = source(cur)
            if found is not None:
                return own_claim(found)
    # else: the first reporting clause of the sentence ("..., police said."), not one a
    # semicolon parts from the figure's own clause ("A spokesman claimed nine were killed;
    # photos showed the bodies of four")
    for j in range(lo, hi):
        tok = doc.toks[j]
        if tok.lemma.lower() in rules.report and tok.pos in ("VERB", "AUX") and tok.i != t.i \
                and not any(doc.toks[k].text == ";" for k in range(min(j, t.i), max(j, t.i))):
            found = source(tok)
            if found is not None:
                return found
    return None


def _clause_subject(doc: Doc, t: Token) -> Optional[Token]:
    """The subject of a verb, or of the clause it goes on from ("its forces had targeted ... and
    killed dozens", "troops attacked a camp, killing 10 fighters and wounding seven")."""
    subj, cur, steps = doc.child(t.i, {"nsubj"}), t, 0
    while subj is None and (cur.dep == "conj" or cur.dep == "advcl" and cur.tag == "VBG") and steps < 3:
        cur, steps = doc.toks[cur.head], steps + 1
        subj = doc.child(cur.i, {"nsubj"})
    return subj


def _of_objects(doc: Doc, t: Token) -> list[Token]:
    """The objects of the word's "of" phrases ("the toll of Maoists", "members of the VDP")."""
    return [o for p in doc.children(t.i, {"prep"}) if p.text.lower() == "of" for o in doc.children(p.i, {"pobj"})]


def _them_kind(doc: Doc, noun: Token, lo: int, rules: Rules) -> str:
    """"Troops pursued the attackers and killed two of them": people told as "(N of) them" are
    of the nearest plural object before it in the sentence, when that names fighters, soldiers
    or police (else unknown: "three men ... two of them" tells no kind; nor the listener of
    "told police")."""
    them = noun if noun.text.lower() == "them" else next(
        (o for o in _of_objects(doc, noun) if o.text.lower() == "them"), None)
    if them is None:
        return "unknown"
    for j in range(them.i - 1, lo - 1, -1):
        tok = doc.toks[j]
        if tok.tag == "NNS" and tok.dep in ("dobj", "pobj"):
            if doc.toks[tok.head].text.lower() in PART_PREPS:
                continue  # "Nineteen injured, including 11 policemen ... four of them": a part
            if doc.toks[tok.head].lemma.lower() in rules.report:
                return "unknown"  # "told police he ... killing four of them": the listener
            kind = _kind(doc, tok, rules)
            return kind if kind in _HELD_KINDS else "unknown"
    return "unknown"


def _victim_phrase(doc: Doc, noun: Token, lo: int) -> tuple[int, int]:
    first = noun.i
    for c in doc.children(noun.i, {"amod", "compound", "poss", "nmod"}):
        if c.i < first:
            first = max(lo, doc.edges(c.i)[0])
    return first, noun.i + 1


def _kind(doc: Doc, noun: Optional[Token], rules: Rules) -> str:
    if noun is None:
        return "unknown"
    if _who_shot(doc, noun, rules) or _police_target(doc, noun, rules):
        return "perpetrator"  # "A man who shot a store clerk was killed by officers"
    low = noun.text.lower()
    if low in rules.reflexive and taken_to_care(doc, noun, rules):
        return "unknown"  # "drove himself to the hospital": the one hurt, no perpetrator
    if any(c.lemma.lower() in rules.former for c in doc.children(noun.i, {"amod", "advmod", "compound"})):
        return "unknown"  # "a former rebel commander", "a retired soldier": of no side now
    if low in rules.armed_person_nouns and any(
            c.lemma.lower() in rules.armed_words for c in doc.children(noun.i, {"amod"})):
        return "perpetrator"  # "the body of another armed man"
    for o in _of_objects(doc, noun):  # a kind told by a phrase: "ten sons of the soil"
        kind = rules.kinds.get(f"{noun.lemma.lower()} of {o.lemma.lower()}")
        if kind is not None:
            return kind
    kind = word_kind(noun, rules)
    if kind is not None:
        if kind == "police" and noun.text.lower() in rules.army_ranks_too and any(
                rules.kinds.get(c.lemma.lower()) == "state_forces" for c in doc.children(noun.i, {"compound", "amod"})):
            return "state_forces"  # "an army warrant officer"
        if kind in ("civilians", "unknown", "state_forces"):
            # "police officer", "the suspect's girlfriend" keep their head's kind; "police
            # personnel" are police
            for c in doc.children(noun.i, {"compound"}):
                k = rules.kinds.get(c.lemma.lower())
                if k in ("police", "state_forces") and (kind != "state_forces" or k == "police"):
                    return k
        return kind
    mods = doc.children(noun.i, {"compound", "amod"})
    if noun.pos != "PROPN":  # a force's name before its man: "a National Army (NA) commander"
        mods += [c for c in doc.children(noun.i, {"nmod"}) if c.i < noun.i]
    if noun.pos == "PROPN":  # a title before a two-word name: "Havildar Ram Singh", "Constable P K Rao"
        mods += [g for c in mods if c.pos == "PROPN" for g in doc.children(c.i, {"compound"})]
        first = doc.toks[name_start(doc, noun)]
        if first.i < noun.i and first not in mods:
            mods.append(first)
    for c in mods:
        if noun.pos == "PROPN" and c.tag == "NNS":
            continue  # a title before a name is singular ("Officer Smith"; not "told police Smith")
        k = rules.kinds.get(c.lemma.lower())
        if k is not None:
            return k
    if noun.text.lower() in rules.fighter_nouns or noun.text.lower() in rules.group_fighter_nouns and (
            any(c.lemma.lower() in rules.armed_words for c in doc.children(noun.i, {"amod"}))
            or mods and any(_named_armed_group(doc.parsed.text[doc.toks[k].start:noun.start].strip(), rules)
                            for k in range(doc.edges(min(c.i for c in mods))[0], noun.i))):
        # "three armed members of the X Front", "four Front fighters", "the two wounded Front
        # members": the group's fighters
        return "combatants"
    if noun.lemma.lower() in rules.membership_nouns:  # "three members of the Volunteers for the Defence ..."
        body = next(iter(_of_objects(doc, noun)), None)
        if body is not None and body.i != noun.i:
            a, b = doc.edges(body.i)
            a = next((k for k in range(a, b + 1) if doc.toks[k].dep != "det"), a)
            if doc.parsed.text[doc.toks[a].start:doc.toks[b].end].lower() in rules.armed_bodies:
                # "two members of the NSAG", "members of a non-state armed group"
                return "perpetrator"
            return _kind(doc, body, rules)
    return "unknown"


def _named_armed_group(words: str, rules: Rules) -> bool:
    """The words are the name of a non-state armed group, written as a name ("ISKP",
    "al-Shabaab"; not "that gang")."""
    return any(c.isupper() for c in words) and rules.armed_group.fullmatch(words) is not None


def _contrasted_clauses(ms: list[CasualtyMention], text: str, rules: Rules) -> list[CasualtyMention]:
    """"A couple and their children were hacked to death, while two farmers were shot dead": a
    clause set against the one before (casualties.yaml ``contrast_clause``) counts other victims
    of the same harm, added to theirs; but not a toll another source gives ("killed at least nine
    people, medics said, while rescuers put the toll at 12")."""
    out = []
    for m in ms:
        before = [p for p in out if p.category == m.category and p.end <= m.figure_start and not p.negated]
        if before and not m.additional and not m.negated and not _told_by_other_source(m, before) \
                and rules.contrast_clause.search(text, max(p.end for p in before), m.figure_start):
            m = replace(m, additional=True)
        out.append(m)
    return out


def _told_by_other_source(m: CasualtyMention, before: list[CasualtyMention]) -> bool:
    return m.attribution is not None and all(
        p.attribution is not None and p.attribution.text != m.attribution.text for p in before)


def _last_told(out: list[CasualtyMention], sent: int) -> int:
    """The last of the two sentences before ``sent`` that told figures (-1 if neither did): the
    claim a denial or a doubt speaks of ("... said 40 terrorists were killed. It made no mention
    of civilians. The claim could not be verified")."""
    return max((m.sent for m in out if sent - 2 <= m.sent < sent), default=-1)


def _toll_list(doc: Doc, figure: Token, category: str, lo: int, hi: int,
               rules: Rules) -> list[tuple[Victim, Token]]:
    """The toll told as a list of people: "the toll is eight VDP and three civilians killed",
    each of them a victim (the second and later ones adding to the first), or nothing when the
    figure counts no list. Not a harm word joined to the list, nor people hurt in another way
    ("..., as well as several wounded")."""
    noun = figure if figure.pos in ("NOUN", "PROPN") else doc.toks[figure.head] if figure.dep == "nummod" else None
    if noun is None or doc.toks[noun.head].text.lower() in PART_PREPS or any(
            c.text.lower() in PART_PREPS for c in doc.children(noun.i, {"prep"})):
        return []  # ("the toll rose to 31, among them seven children and four women": its parts)
    people = [v for v in conjuncts(doc, noun)[:6]
              if trigger_rule(doc, v, rules) is None and is_person(doc, v, rules)
              and not any((trigger_rule(doc, c, rules) or {}).get("category") not in (None, category)
                          for c in doc.children(v.i, {"acl", "amod", "relcl"}))]
    if len(people) < 2 or people[0].i != noun.i:
        return []
    out = []
    for n, v in enumerate(people):
        vic = victim_of(doc, v, lo, hi, rules)
        if vic is not None:
            vic.additional = n > 0
            out.append((vic, v))
    return out if len(out) > 1 else []


def _left_in_retreat(doc: Doc, t: Token, rules: Rules) -> Optional[Token]:
    """The side that fled leaving the bodies ``t`` behind: "the assailants fled in disarray,
    leaving 14 bodies on the ground" (their own dead; not "gunmen stormed the village, leaving
    14 bodies", where the verb before is no retreat: casualties.yaml ``retreat_verbs``)."""
    leave = doc.toks[t.head]
    if t.dep != "dobj" or leave.lemma.lower() != "leave" or leave.dep not in ("advcl", "xcomp", "conj") \
            or leave.head == leave.i:
        return None
    went = doc.toks[leave.head]
    if went.lemma.lower() not in rules.retreat_verbs:
        return None
    return doc.subject(went.i, SUBJ)


def _police_target(doc: Doc, noun: Token, rules: Rules) -> bool:
    """The person is told as the one officers meant to stop: a relative clause on the noun whose
    verb (or the verb it tries to do) is one of casualties.yaml ``police_target_verbs`` and whose
    subject is not "who" ("a man he had tried to stop", "the suspect officers were chasing")."""
    for rel in doc.children(noun.i, {"relcl"}):
        subj = doc.child(rel.i, {"nsubj"})
        if subj is None or subj.text.lower() in ("who", "that", "which"):
            continue
        verbs = [rel] + doc.children(rel.i, {"xcomp"})
        if any(v.lemma.lower() in rules.police_target_verbs for v in verbs):
            return True
    return False


def _attacker_pronoun(doc: Doc, pron: Token, rules: Rules) -> bool:
    """"An assailant stabbed passers-by, killing a man, before he was shot dead by police": a
    pronoun subject of a clause put under a clause whose subject is an attacker is that attacker."""
    cur = doc.toks[pron.head]
    for _ in range(4):
        if cur.dep == "acl":  # (the attacker's verb read as a participle on him: "An assailant stabbed")
            return word_kind(doc.toks[cur.head], rules) == "perpetrator" \
                and cur.lemma.lower() in rules.perpetrator_verbs
        if cur.dep not in ("advcl", "conj") or cur.head == cur.i:
            return False
        cur = doc.toks[cur.head]
        subj = doc.child(cur.i, {"nsubj"})
        if subj is not None and subj.text.lower() not in rules.singular_pron:
            return word_kind(subj, rules) == "perpetrator" and cur.lemma.lower() in rules.perpetrator_verbs
    return False


def _who_shot(doc: Doc, noun: Token, rules: Rules) -> bool:
    """The person is told as the one who did the harm: a relative clause on the noun whose
    subject is "who"/"that" and whose verb is a harm verb ("a man who shot a clerk", "the
    gunman who opened fire"; casualties.yaml ``perpetrator_verbs``), also through a report
    verb ("a man who police say shot his neighbor and opened fire", "a gunman who witnesses said
    opened fire")."""
    for rel in doc.children(noun.i, {"relcl"}):
        subj = doc.child(rel.i, {"nsubj"})
        verbs = [rel]
        if rel.lemma.lower() in rules.report:
            verbs += doc.children(rel.i, {"ccomp", "xcomp"})
        verbs += [c for v in verbs for c in doc.children(v.i, {"conj"})]  # "shot X and then opened fire"
        for verb in verbs:
            who = doc.child(verb.i, {"nsubj"}) if verb is not rel else None
            who = who if who is not None and who.text.lower() in ("who", "that") else subj
            obj = doc.child(verb.i, {"dobj"})
            if who is not None and who.text.lower() in ("who", "that") \
                    and verb.lemma.lower() in rules.perpetrator_verbs and doc.child(verb.i, {"auxpass"}) is None \
                    and not (obj is not None and obj.text.lower() in rules.reflexive):
                return True  # (not "a boy who accidentally shot himself")
    return False


def _country(doc: Doc, noun: Optional[Token], country_of: CountryOf) -> Optional[str]:
    if noun is None:
        return None
    for c in doc.children(noun.i, {"amod", "compound", "poss", "nmod"}):
        if c.ent_type in ("NORP", "GPE") or c.pos == "PROPN":
            a, b = doc.edges(c.i)
            text = doc.parsed.text[doc.toks[a].start:doc.toks[b].end]
            found = country_of(text)
            if found is not None:
                return found
    if noun.ent_type == "NORP":  # the victim named by a demonym: "a Yemeni had been killed"
        return country_of(noun.text)
    return None


# ------------------------------------------------------------------------------------------
# The stage
# ------------------------------------------------------------------------------------------


def find_casualties(parsed: ParsedText, country_of: Optional[CountryOf] = None) -> list[CasualtyMention]:
    """Every casualty claim in the article, in text order."""
    rules = load_rules()
    country_of = country_of or default_country_of
    doc = Doc(parsed)
    text = parsed.text
    out: list[CasualtyMention] = []
    pub_year = parsed.article.published.year if parsed.article.published else first_year(doc, parsed)
    pub_month = parsed.article.published.month if parsed.article.published else None
    lead = lead_dates(parsed, rules) if pub_month is None else None
    in_other_section = False
    in_links = False  # in a list of links to other stories
    attacker_counted = rules.attacker_in_toll.search(text) is not None
    attacker_stopped = any(rules.attacker_stopped.search(text, s.start, s.end) is not None
                           and rules.other_attacker.search(text, s.start, s.end) is None for s in parsed.sentences)
    lead_day = lead_weekday(parsed, rules)
    own_digest_days = digest_days(parsed, rules)
    pub_weekday = parsed.article.published.weekday() if parsed.article.published else None
    prev_other = -2  # the last sentence whose figures belong to another incident
    prev_cue = -2  # the last sentence with a cue of another time, figures or not
    prev_later_op = -2  # the last sentence telling an operation after the event (recalled.later_operation)
    other_has_new = False  # ... whose first sentence told people of its own ("a boy was wounded")
    for sent in parsed.sentences:
        lo, hi = sent.first_token, sent.last_token
        sent_text = text[sent.start:sent.end]
        if not in_other_section:
            in_other_section = any(p.search(sent_text) for _, p in rules.other_section)
        in_links = rules.related_links.search(sent_text) is not None or (
            in_links and rules.list_item.match(sent_text) is not None)
        revised = rules.revised_toll.search(sent_text) is not None  # "Updated toll on 5 March: 7 killed"
        later_op = later_operation(sent.i, sent_text, rules)
        other = in_other_section or in_links or any(p.search(sent_text) for _, p in rules.other) \
            or (sent.i > 0 and any(p.search(sent_text) for _, p in rules.other_later)) \
            or (any(p.search(sent_text) for _, p in rules.other_after_toll)
                and any(not m.other_incident and m.sent < sent.i for m in out)) \
            or not revised and (other_year(doc, lo, hi, sent_text, pub_year, rules)
                                or other_date(sent.i, sent_text, pub_month, lead, rules)
                                or earlier_weekday(sent.i, sent_text, lead_day, rules, pub_weekday)
                                or later_op
                                or other_digest_sentence(sent.i, sent_text, own_digest_days, rules)
                                or opens_on_day_after_cue(sent.i, sent_text, prev_cue, rules))
        own_until = None  # the figures before a trailing running tally are the event's own
        wider = rules.wider_tally.search(sent_text)  # "..., one of 23 people shot across the city"
        tail = (rules.trailing_tally.search(sent_text) or wider) if other and not in_other_section else None
        if tail is not None:
            head_text = sent_text[:tail.start()]
            head_hi = next((k for k in range(lo, hi) if doc.toks[k].start >= sent.start + tail.start()), hi)
            if not (any(p.search(head_text) for _, p in rules.other)
                    or other_year(doc, lo, head_hi, head_text, pub_year, rules)
                    or other_date(sent.i, head_text, pub_month, lead, rules)):
                own_until = sent.start + tail.start()
        found: list[tuple[CasualtyMention, int]] = []  # (mention, victim token index)
        for j in range(lo, hi):
            t = doc.toks[j]
            rule = trigger_rule(doc, t, rules)
            if rule is None:
                continue
            found.extend(_from_trigger(doc, t, rule, lo, hi, rules, country_of, other))
        found.extend(_suicide_attackers(doc, sent, sent_text, rules, other, attacker_counted))
        found.extend(_among(doc, lo, hi, rules, other))
        found.extend(_labelled(doc, lo, hi, rules, other))
        if rules.killed_and_hurt.search(sent_text):
            found = _mixed_counts(found)
        found = _dedupe(found)
        found.extend(_excluded_attackers(doc, sent, sent_text, rules, other, found))
        found.extend(_self_inflicted(doc, sent, sent_text, rules, other, found, attacker_counted,
                                     attacker_stopped))
        ms = _distinct_weak(_inherit(_paired_another([m for m, _ in found])))
        ms = _others_of_the_last_sentence(ms, [m for m in out if m.sent == sent.i - 1 and not m.other_incident])
        ms = _without_parts_of_whom(ms, text)
        ms = _contrasted_clauses(ms, text, rules)
        # "She was unhurt but was taken to hospital for checks": care of no one hurt
        ms = [m for m in ms if not (m.rule.startswith(CARE_RULES) and rules.unharmed.search(text, m.start, m.end))]
        for earlier in rules.earlier_death.finditer(sent_text):  # "condolences for a relative who had died days earlier"
            at, until = sent.start + earlier.start(), sent.start + earlier.end()
            ms = [m for m in ms if not (m.category == "killed" and m.start < until and m.end >= at)]
        if own_until is not None:  # "Three were shot dead, bringing the toll since the coup to 79"
            ms = [replace(m, other_incident=False) if m.end <= own_until else m for m in ms]
        if ms and not other and sent.i - 1 in (prev_other, prev_cue) and sent.i >= LEAD_SENTENCES \
                and (rules.tally_continuation.search(sent_text) or rules.recalled_continuation.search(sent_text)):
            # "More than 2,600 people have been shot."; "The militia's commander at the time was killed"
            ms = [replace(m, other_incident=True) for m in ms]
        if ms and not other and sent.i - 1 == prev_later_op and rules.operation_continuation.search(sent_text):
            ms = [replace(m, other_incident=True) for m in ms]  # "... were killed during the operation"
        unknown = rules.unknown_toll.match(sent_text) if not ms and not other else None
        if unknown is not None:
            # a coder's "Casualties unknown.": no death is counted, coded 0 as coders do
            at = sent.start + unknown.start(1)
            ms = [CasualtyMention(category="killed", low=0, high=0, qualifier="exact", start=at,
                                  end=sent.start + unknown.end(1), figure_start=at,
                                  figure_end=sent.start + unknown.end(1), sent=sent.i,
                                  rule="cas.none.unknown", negated=True)]
        if ms and rules.label_sentence.match(sent_text):  # "3 fatalities.": the note's total
            ms = [replace(m, rule="cas.label|" + m.rule.split("|", 1)[-1]) if m.category == "killed" else m
                  for m in ms]
        turn = other_clauses(sent_text, rules)
        if turn is None and not other:  # "...; in March, a siege at a hotel killed eight"
            turn = other_month_clause(sent.i, sent_text, pub_month, lead, rules)
        if turn is not None:  # "...; 9 Jan ambushed a convoy, killing four": another incident
            ms = [replace(m, other_incident=True) if m.figure_start >= sent.start + turn else m for m in ms]
        for cause in rules.cause_phrase.finditer(sent_text):  # "marched against the killing of a trader"
            at = sent.start + cause.start()
            ms = [replace(m, other_incident=True) if m.figure_start >= at else m for m in ms]
        if wider is not None:  # "A boy was killed, one of 23 people shot across the city this weekend"
            at = sent.start + wider.start()
            ms = [replace(m, other_incident=True) if m.figure_start >= at else m for m in ms]
        continued = False
        if ms and not other and prev_other == sent.i - 1 >= LEAD_SENTENCES and other_has_new \
                and all(m.rule.endswith(_CONTINUING_FIGURES) for m in ms):
            # "Five people were killed on 11 December in Strasbourg. The alleged killer - shot
            # dead by police - ...", "The shooting came a day after a boy was wounded nearby.
            # That teen was shot in the leg": the person of a recalled incident's next sentence
            # is its own (not in the lead: a dated news lead often follows a flagged headline;
            # nor after a recalled sentence that only pointed back at the story's own victim)
            ms = [replace(m, other_incident=True) for m in ms]
            continued = True
        unverified = rules.unverified.search(sent_text) if ms else None
        if unverified is not None:  # "..., a figure that could not be independently verified"
            ms = [replace(m, attribution=_unverified(m.attribution, unverified, sent.start)) for m in ms]
        elif not ms and rules.claim_back_reference.search(sent_text):
            # "... said around 40 terrorists were killed. The claim could not be verified."
            back = rules.unverified.search(sent_text)
            if back is not None:
                out = [replace(m, attribution=_unverified(m.attribution, back, sent.start))
                       if m.sent == sent.i - 1 and m.attribution is not None else m for m in out]
        if ms and rules.accident_injury.search(sent_text) and not rules.accident_exceptions.search(sent_text):
            ms = [m for m in ms if m.category != "injured"]  # "slipped on ice", "struck by the fleeing car"
        refuted = rules.refuted.search(sent_text)
        if refuted is not None:  # "The army denied the claim": this sentence's or the last one's
            at = sent.start + refuted.start()
            that = _CLAIM_THAT.match(sent_text, refuted.end())
            # ("The army dismisses the false claims ... that they killed 20 soldiers": the claim
            # after it, up to the end of its clause)
            until = sent.start + (min((k for k in (sent_text.find(c, that.end()) for c in ",;") if k >= 0),
                                      default=len(sent_text)) if that is not None else refuted.end())
            claim = Attribution(refuted.group(0), at, sent.start + refuted.end(), REFUTED_RULE)
            # ("Local media put the toll at 40, but the governor dismissed the figure as
            # exaggerated": whoever told the figure before it, it is refuted)
            dismissed = rules.dismissed_as.search(sent_text, refuted.start()) is not None
            ms = [(replace(m, attribution=replace(m.attribution or claim, rule=REFUTED_RULE)) if dismissed
                   else _refuted(m)) if m.start < at
                  else replace(m, attribution=claim) if m.figure_start < until else m for m in ms]
            told = _last_told(out, sent.i)
            out = [_refuted(m) if m.sent == told else m for m in out]
        if ms and rules.friendly_side.search(sent_text):  # "on the friendly side, we deplore 23 killed"
            ms = [replace(m, victim_kind="state_forces") if m.victim_kind in ("unknown", "people") else m
                  for m in ms]
        if ms and revised and not other:
            ms = [replace(m, is_update=True) for m in ms]
        claimed = rules.group_claim.search(sent_text) if ms else None
        if claimed is not None:  # "JNIM claim via its outlet (15 soldiers killed) not used"
            at = sent.start + claimed.start()
            by = Attribution(claimed.group(0), at, sent.start + claimed.end(), "cas.attr.subject_claim")
            ms = [replace(m, attribution=by) if m.figure_start >= at and m.attribution is None else m for m in ms]
        if ms and rules.initial.search(sent_text):
            ms = [m if m.is_update else replace(m, initial_estimate=True) for m in ms]
        if later_op:
            prev_later_op = sent.i
        if other:
            prev_cue = sent.i  # ("The region has been on the boil since May 2023. More than 220
            # people have been killed.")
        if ms and ms[0].other_incident:
            prev_other = sent.i
            if not continued:
                other_has_new = any(not m.rule.endswith(_CONTINUING_FIGURES) for m in ms if m.other_incident)
        out.extend(ms)
    out = _definite_counts_told_before(_dead_among_the_hurt(
        _the_hurt_one_who_died(_ordinal_after_others(out), text, rules), parsed, rules), text)
    out = _own_losses(_officers_among_soldiers(_bare_definite_counts(out, doc, rules), rules), rules)
    if rules.neutralise_covers_taken.search(text):
        # "authorities use the term to describe militants killed, captured or who surrendered"
        out = [replace(m, rule=m.rule + "|" + NEUTRALISED_COVERS_TAKEN) if m.rule.startswith("cas.kill.neutralise")
               else m for m in out]
    return out


def _refuted(m: CasualtyMention) -> CasualtyMention:
    """A party's claim (``reconcile.PARTISAN_RULES``) marked denied by the other side."""
    if m.attribution is None or m.attribution.rule not in PARTISAN_RULES:
        return m
    return replace(m, attribution=replace(m.attribution, rule=REFUTED_RULE))


def _unverified(found: Optional[Attribution], cue: re.Match, offset: int) -> Attribution:
    """The claim's attribution marked unconfirmed (the cue itself when no source is named)."""
    if found is not None:
        return replace(found, rule=UNVERIFIED_RULE)
    return Attribution(cue.group(0), offset + cue.start(), offset + cue.end(), UNVERIFIED_RULE)


_OF_THE_HURT = re.compile(r"\bof the\b", re.I)  # "one of the injured" (not "one of them")


_DEFINITE = re.compile(r"\bthe\s+$", re.I)
_NO_NOUN_AFTER = re.compile(r"\s+(were|was|are|is|had|have|died|all)\b|\s*[,;)]")  # "the three were ..."


def _definite_counts_told_before(ms: list[CasualtyMention], text: str) -> list[CasualtyMention]:
    """"Troops shot dead 9 suspected gunmen ... A community group said the 9 men killed were
    village guards", "two of his colleagues were injured ... the two injured were flown out": a
    definite count equal to a count of the dead (or hurt) told before points back at them; it
    takes their group (kind and country), whatever its noun says."""
    out = list(ms)
    for k, m in enumerate(out):
        if m.category not in ("killed", "injured") or m.negated or m.other_incident or not m.low \
                or not _DEFINITE.search(text, max(0, m.figure_start - 5), m.figure_start):
            continue
        before = next((o for o in out[:k] if o.category == m.category and o.sent < m.sent and o.low == m.low
                       and not o.other_incident and not o.negated), None)
        if before is not None and (before.victim_kind, before.victim_country) != (m.victim_kind, m.victim_country):
            out[k] = replace(m, victim_kind=before.victim_kind, victim_country=before.victim_country)
    return out


_OWN = ("its ", "their ", "our ")


def _own_losses(ms: list[CasualtyMention], rules: Rules) -> list[CasualtyMention]:
    """"The militia said six of its fighters were killed", "a spokesman said nine of their men had
    died": a side's own men told by that side are its fighters (of the forces when the side is
    the state's police or army), the side being the source that told it."""
    out = []
    for m in ms:
        words = m.victim_text.lower().split()
        if m.victim_kind in ("unknown", "civilians", "combatants") and m.victim_text.lower().startswith(_OWN) \
                and words[-1:] and (words[-1] in rules.group_fighter_nouns or words[-1] in rules.own_men_nouns) \
                and m.attribution is not None:
            said = [rules.kinds.get(w) for w in re.findall(r"[a-z]+", m.attribution.text.lower())
                    if w not in rules.any_side_words]
            kind = next((k for k in said if k in ("state_forces", "police")), "combatants")
            m = replace(m, victim_kind=kind, side=m.attribution.text.strip().lower())
        out.append(m)
    return out


def _officers_among_soldiers(ms: list[CasualtyMention], rules: Rules) -> list[CasualtyMention]:
    """"Three soldiers were killed ... An officer hurt in the ambush died that night, raising
    the toll to four": in an article whose other uniformed victims are soldiers, an "officer"
    (casualties.yaml ``army_ranks_too``) is one of them, and so is a toll that took his kind."""
    live = [m for m in ms if not m.other_incident and not m.negated]
    if not any(m.victim_kind == "state_forces" for m in live):
        return ms

    def named_police(m: CasualtyMention) -> bool:  # "a police officer", "two policemen"
        return any(rules.kinds.get(w) == "police" and w not in rules.army_ranks_too
                   for w in m.victim_text.lower().split())

    if any(m.victim_kind == "police" and named_police(m) for m in live):
        return ms
    # (not one told "also" killed: one more of another rank, counted besides the soldiers)
    return [replace(m, victim_kind="state_forces") if m.victim_kind == "police" and not m.other_incident
            and not m.additional else m for m in ms]


def _the_hurt_one_who_died(ms: list[CasualtyMention], text: str, rules: Rules) -> list[CasualtyMention]:
    """"One village guard and one soldier were injured ... the village guard had succumbed": a death
    told with "the" of the noun of one of the hurt counted before, who succumbed, is that
    person (one more dead, one fewer hurt: the hurt figure counts him with the dead)."""
    out = list(ms)
    for k, m in enumerate(out):
        if m.category != "killed" or m.low != 1 or m.negated or m.other_incident \
                or not m.rule.endswith("cas.fig.definite") or not rules.succumbed.search(text, m.start, m.end + 40):
            continue
        head = m.victim_text.lower().split()[-1:]
        hurt = next((j for j in range(k - 1, -1, -1) if out[j].category == "injured" and not out[j].negated
                     and not out[j].other_incident and out[j].low and not out[j].includes_killed
                     and out[j].victim_text.lower().split()[-1:] == head), None)
        if head and hurt is not None:
            out[hurt] = replace(out[hurt], includes_killed=True)
            out[k] = replace(m, victim_kind=out[hurt].victim_kind, victim_country=out[hurt].victim_country,
                             additional=True, increment=True, is_update=False, rule=m.rule + "|" + DEAD_AMONG_HURT)
    return out


def _bare_definite_counts(ms: list[CasualtyMention], doc: Doc, rules: Rules) -> list[CasualtyMention]:
    """"... to let three gunmen in, and the three were later shot dead": a count told with "the"
    and no noun points back at the same count of people of a kind named in its sentence or the
    one before; it takes that kind, and restates them."""
    out = list(ms)
    text = doc.parsed.text
    for k, m in enumerate(out):
        if m.victim_kind != "unknown" or m.victim_text.strip() or not m.low or m.negated \
                or not _DEFINITE.search(text, max(0, m.figure_start - 5), m.figure_start) \
                or not _NO_NOUN_AFTER.match(text, m.figure_end):
            continue
        first = doc.parsed.sentences[max(0, m.sent - 1)].first_token
        for t in reversed([t for t in doc.toks[first:doc.parsed.sentences[m.sent].last_token]
                           if t.end <= m.figure_start]):
            if t.dep == "nummod" and parse_number(t.text) == m.low:
                kind = word_kind(doc.toks[t.head], rules)
                if kind is not None:  # (a restatement, not a revised toll: "were later shot dead")
                    out[k] = replace(m, victim_kind=kind, is_update=False)
                break
    return out


def _dead_among_the_hurt(ms: list[CasualtyMention], parsed: ParsedText, rules: Rules) -> list[CasualtyMention]:
    """"Three civilians were injured; one of them later succumbed": a death told of some of
    those hurt (casualties.yaml ``dead_among_hurt``) right after a hurt figure that holds them
    makes that figure count everyone hit, the dead included, and puts the dead in its group,
    so the reconciled hurt figure is the rest (2). Told as happening after the toll, or of
    hurt counted besides the dead (``dead_among_hurt_later``), they add to the dead counted
    before ("Two soldiers were killed and four others wounded. One of the injured died later":
    three dead)."""
    text = parsed.text
    out = list(ms)
    for k, m in enumerate(out):
        cue = rules.dead_among_hurt.match(text, m.start) if m.category == "killed" else None
        if cue is None and m.category == "killed" and m.low == 1 and not m.negated and not m.other_incident \
                and rules.injured_one_died.match(text, m.start) \
                and rules.dead_among_hurt_later.search(text, m.start, parsed.sentences[m.sent].end) and any(
                    o.category == "killed" and o.sent < m.sent and not o.other_incident and not o.negated
                    for o in out) and not any(  # (not the one "soldier" told dead before: the same man)
                    o.category == "killed" and o.sent < m.sent and o.low == 1 and not o.other_incident
                    and o.victim_text.lower() == m.victim_text.lower() for o in out):
            # "Two civilians were killed on the spot. A woman injured in the shelling died the
            # following day": one more dead
            out[k] = replace(m, additional=True, increment=True, is_update=False,
                             rule=m.rule + "|" + DEAD_AMONG_HURT)
            continue
        if cue is None or m.negated or m.other_incident or m.low is None or (
                "|num.q." in m.rule and m.high != m.low):
            continue  # (nor "several of the critically wounded died": too vague to take from the hurt)
        before = [j for j, o in enumerate(out) if o.start < m.start and not o.other_incident
                  and not o.negated and o.category in ("killed", "injured")
                  and not o.rule.startswith("cas.perp.")  # (nor the bombers a toll leaves out,
                  and not o.rule.endswith(POINTED_BACK)]  # nor "The deceased was hit by a shell")
        if not before:
            continue
        j = max(before, key=lambda j: out[j].start)
        if out[j].category != "injured" and _OF_THE_HURT.search(cue.group(0)):
            # "the toll had risen to 10 after two of the injured succumbed": the hurt named are
            # the hurt counted before, a toll told in between
            j = max((i for i in before if out[i].category == "injured" and m.sent - out[i].sent <= 3),
                    key=lambda i: out[i].start, default=j)
        hurt = out[j]
        if hurt.category != "injured" or hurt.low is None or hurt.low < m.low or (
                hurt.includes_killed and not hurt.rule.startswith(CARE_RULES)):
            continue
        if m.sent - hurt.sent > 1 and not _OF_THE_HURT.search(cue.group(0)):
            continue  # "them" far from the hurt: others ("repulsed the attackers and four of them ...")
        out[j] = replace(hurt, includes_killed=True)
        out[k] = replace(m, victim_kind=hurt.victim_kind, victim_country=hurt.victim_country,
                         rule=m.rule + "|" + DEAD_AMONG_HURT)
        if rules.dead_among_hurt_later.search(text, parsed.sentences[m.sent].start, parsed.sentences[m.sent].end) or (
                (hurt.additional or _OF_THE_HURT.search(cue.group(0))) and m.sent - hurt.sent <= 2 and any(
                    # ("Two were killed. Three others ..."; "killing two and wounding six ... one
                    # of the wounded died": the hurt counted besides the dead)
                    o.category == "killed" and o.sent in (hurt.sent, hurt.sent - 1) and o.start < hurt.start
                    for o in out)):
            out[k] = replace(out[k], additional=True, increment=True, is_update=False)
    return out


def _ordinal_after_others(ms: list[CasualtyMention]) -> list[CasualtyMention]:
    """"Five soldiers were killed. A sixth soldier was wounded": an ordinal that continues the
    count of people harmed in another category (the earlier figures of the other categories add
    up to one less, and none of its own came before) is one more person of its own category,
    not a running count of it (cas.fig.ordinal_other)."""
    out: list[CasualtyMention] = []
    for m in ms:
        if m.rule.endswith("cas.fig.ordinal_count") and not m.other_incident and m.low is not None:
            before = [o for o in out if not o.other_incident and not o.negated
                      and o.category in ("killed", "injured")]
            kin = [o for o in before if o.victim_kind == m.victim_kind]  # "Two soldiers and a
            # shepherd were killed. A third soldier was wounded": the soldiers' count goes on
            # (the victims' count told again, and the attacker beside them, count no one more:
            # "Two guards were killed ... the attacker was shot dead ... the two guards ... A third
            # guard in the jeep was taken to hospital")
            victims = [o.low for o in before if o.victim_kind != "perpetrator" and o.low is not None]
            if before and not any(o.category == m.category for o in before) \
                    and all(o.low is not None and o.low == o.high for o in before) \
                    and (sum(o.low for o in before) == m.low - 1
                         or m.victim_kind != "perpetrator" and victims and max(victims) == m.low - 1
                         or m.victim_kind not in ("unknown", "civilians")
                         and kin and sum(o.low or 0 for o in kin) == m.low - 1):
                m = replace(m, low=1, high=1, additional=False, includes_killed=False,
                            rule=m.rule.replace("cas.fig.ordinal_count", "cas.fig.ordinal_other"))
        out.append(m)
    return out


def _distinct_weak(ms: list[CasualtyMention]) -> list[CasualtyMention]:
    """A pronoun or definite victim after a counted group in the same sentence is someone else
    ("Four people were killed by a man before he was shot and killed by police")."""
    out: list[CasualtyMention] = []
    for m in ms:
        if m.rule.endswith(_WEAK_FIGURES) and not m.additional and not m.negated and any(
                o.category == m.category and not o.rule.endswith(_WEAK_FIGURES) and (o.low or 0) > 1
                and _ORDINAL not in o.rule  # (not one person told by his rank: "a fourth attacker")
                and o.figure_start < m.figure_start and not o.negated for o in out):
            m = replace(m, additional=True)
        out.append(m)
    return out


def _paired_another(ms: list[CasualtyMention]) -> list[CasualtyMention]:
    """A bare "another" is a victim only beside the figure it is the other of, in its sentence
    ("killed one and wounded another", "three died while another succumbed"); alone ("one
    suspect was captured while another was found dead") it may be someone counted before."""
    if all(m.rule.endswith(BARE_ANOTHER) or m.category not in ("killed", "injured") for m in ms):
        return [m for m in ms if not m.rule.endswith(BARE_ANOTHER)]
    return ms


_ORDINAL = "cas.fig.ordinal"


def _aircraft_near(doc: Doc, t: Token, rules: Rules) -> bool:
    """The sentence of ``t`` or the one before names an aircraft (casualties.yaml ``aircraft``)."""
    first = doc.parsed.sentences[max(t.sent - 1, 0)].first_token
    last = doc.parsed.sentences[t.sent].last_token
    return any(doc.toks[k].lemma.lower() in rules.aircraft or doc.toks[k].text.lower() in rules.aircraft
               for k in range(first, last))


def _inherit(ms: list[CasualtyMention]) -> list[CasualtyMention]:
    """A bare figure ("10 more were wounded", "one dead, 13 captured, and 24 missing troops",
    "two others") takes the victim kind and country of the nearest mention of its sentence that
    names its victims (the previous one, else the next one); not a perpetrator's ("the gunman
    killed two others"), but an ordinal continues any count before it ("Two militants were
    killed, while the body of a third was recovered")."""
    named_any = [i for i, m in enumerate(ms) if m.victim_text.lower() not in _BARE_VICTIMS
                 and m.category not in ("arrested",)]
    named = [i for i in named_any if ms[i].victim_kind != "perpetrator"]
    out = []
    for i, m in enumerate(ms):
        ordinal = m.rule.endswith(_ORDINAL)
        if m.victim_kind == "unknown" and m.victim_text.lower() in _BARE_VICTIMS and (named or ordinal):
            pool = named_any if ordinal else named
            before = [j for j in pool if j < i]
            after = [j for j in pool if j > i]
            if not before and not after:
                out.append(m)
                continue
            src = ms[before[-1]] if before else ms[after[0]]
            m = replace(m, victim_kind=src.victim_kind, victim_country=m.victim_country or src.victim_country)
        out.append(m)
    return out


_CLAIM_THAT = re.compile(r"[^.;]{0,80}?\bthat\b", re.I)


_OF_THEM = re.compile(r"\s+of (them|whom)\b", re.I)


# a part told in a list or an apposition ("..., four of them soldiers"), not as the object of
# a verb of its own ("... and neutralised two of them")
_LISTED_PART = re.compile(r"(?:[,;:(—–-]|\band|\bincluding)\s*$", re.I)


def _without_parts_of_whom(ms: list[CasualtyMention], text: str) -> list[CasualtyMention]:
    """"Twelve others were receiving treatment, three of whom were in critical condition": a part
    told as "N of whom/them" of a figure of its own category before it in the sentence is among
    that figure, no one more; so are the further counts of the same list as long as the parts add
    up to no more than it ("seven people were killed, four of them soldiers and three civilians")."""
    out: list[CasualtyMention] = []
    base: Optional[CasualtyMention] = None
    parts = 0
    for m in ms:
        of_them = m.victim_text.lower() in ("whom", "them") or _OF_THEM.match(text, m.figure_end) is not None
        holders = [o for o in out if o.category == m.category and o.low is not None and m.low is not None
                   and o.low >= m.low and o.figure_start < m.figure_start and not o.negated
                   # (not a count of another kind: "14 people were killed ... troops engaged the
                   # bandits and neutralised two of them")
                   and (o.victim_kind == m.victim_kind or "unknown" in (o.victim_kind, m.victim_kind)
                        or o.victim_text.lower().split()[-1:] in (["people"], ["persons"], ["victims"])
                        and _LISTED_PART.search(text, max(0, m.figure_start - 20), m.figure_start) is not None)]
        # "them"/"whom" points at the figure right before it: "20 were killed and 50 wounded,
        # four of whom later died" are four of the wounded, dead besides the 20
        nearest = max((o for o in ms if o.figure_start < m.figure_start), key=lambda o: o.figure_start, default=None)
        if of_them and holders and (nearest is None or nearest.category == m.category):
            base, parts = max(holders, key=lambda o: o.figure_start), m.low or 0
            continue
        if base is not None and m.category == base.category and m.additional and m.low is not None \
                and base.low is not None and parts + m.low <= base.low:
            parts += m.low  # "..., four of them soldiers and three civilians"
            continue
        out.append(m)
    return out


def _others_of_the_last_sentence(ms: list[CasualtyMention], last: list[CasualtyMention]) -> list[CasualtyMention]:
    """"Two jawans were killed on the spot. Three others were injured": "others" that open a
    sentence naming no victims of its own are more of the people the sentence before counted,
    when it counted people of one side only."""
    kinds = {m.victim_kind for m in last if m.victim_text.lower() not in _BARE_VICTIMS}
    if len(kinds) != 1 or kinds & {"unknown", "civilians"} or any(
            m.victim_text.lower() not in _BARE_OR_POINTING for m in ms):
        return ms
    kind = kinds.pop()
    return [replace(m, victim_kind=kind) if m.victim_kind == "unknown" and m.victim_text.lower() in ("others", "other")
            else m for m in ms]


def _from_trigger(doc: Doc, t: Token, rule: dict, lo: int, hi: int, rules: Rules,
                  country_of: CountryOf, other: bool) -> list[tuple[CasualtyMention, int]]:
    shape = rule["shape"]
    category = category_of(doc, t, rule, rules)
    lemma = t.lemma.lower()
    results: list[tuple[Victim, Optional[Token]]] = []
    is_update = is_total = False
    neg = doc.child(t.i, {"neg"})
    extra: list[tuple[CasualtyMention, int]] = []
    prt = doc.child(t.i, {"prt"})
    if prt is not None and prt.text.lower() in ("up", "out", "off"):
        return []  # "shot up a restaurant", "struck out"
    if prt is not None and f"{lemma} {prt.text.lower()}" in rules.aircraft_verbs and _aircraft_near(doc, t, rules):
        return []  # "Two drones targeted the airport ... both were shot down"
    if hypothetical(doc, t, rules):
        return []  # "she could have been killed", "he thought he was going to be shot"
    if rule.get("active_only") and doc.child(t.i, {"auxpass"}) is not None:
        subj = doc.child(t.i, {"nsubjpass"})
        counted = subj is not None and any((n.like_num or n.pos == "NUM") and n.text.lower() not in ("one", "1")
                                           for n in doc.children(subj.i, {"nummod"}))
        if not counted:
            return []  # (but "26 residents had been buried": a count of the dead)
    if lemma in rules.targeting_verbs and doc.child(t.i, {"auxpass"}) is None and any(
            s.text.lower() in rules.targeting_subjects or s.lemma.lower() in rules.targeting_subjects
            for s in doc.children(t.i, {"nsubj"})):
        return []  # "the military said it had struck a gunman": a target, no one counted hit
    if category == "killed" and died_of_illness(doc, t, rules):
        return []  # "eight people died of the unidentified disease"
    if shape in ("noun", "toll"):
        if t.dep == "compound":
            return []
        if shape == "toll":
            comp = [c.lemma.lower() for c in doc.children(t.i, {"compound", "amod"})]
            if lemma == "number":  # "raised the number of dead to 25"
                of = next((c for c in doc.children(t.i, {"prep"}) if c.text.lower() == "of"), None)
                pobj = doc.child(of.i, {"pobj"}) if of is not None else None
                comp = [pobj.text.lower(), pobj.lemma.lower()] if pobj is not None else []
                if pobj is not None:  # "the number of people killed", "of those injured"
                    comp += [c.lemma.lower() for c in doc.children(pobj.i, {"acl", "relcl", "amod"})
                             + doc.children(t.i, {"acl"})]  # (the parser may hang it on "number")
                    comp = ["dead" if c in ("kill", "die", "martyr", "martyred", "slay", "slain")
                            else "injured" if c in ("injure", "wound") else c
                            for c in comp]
                if any(c in ("injured", "wounded", "injury", "injuries") for c in comp):
                    # "put the number of injured at 57" (rule id cas.injure.toll)
                    category, rule = "injured", {**rule, "id": "cas.injure.toll"}
                elif not any(c in ("death", "fatality", "dead", "body") for c in comp):
                    return []  # (but "the number of bodies recovered had risen to 31": the dead)
            elif not any(c in ("death", "casualty", "fatality") for c in comp) \
                    and doc.child(t.i, {"compound"}) is not None:
                return []  # "the toll road"; a bare "the (final) toll was 21" is the dead
            is_total = True
            h = doc.toks[t.head]
            cands = doc.children(h.i, {"attr", "dobj"}) if h.i != t.i else []
            # (not the parts after "among them": "bringing the number of dead to ten, among them
            # three children", the parser hanging the children on the verb as its object)
            cands = [c for c in cands if not any(p.text.lower() in PART_PREPS and p.i < c.i
                                                 for p in doc.children(h.i, {"prep"})
                                                 + doc.children(c.i, {"prep"}))]
            own = [o for p in doc.children(t.i, {"prep"}) if p.text.lower() in ("to", "at")
                   for o in doc.children(p.i, {"pobj"})]
            if t.dep == "conj" and t.head < t.i and own:
                # "the toll had risen to seven and the number of wounded to 19": the second
                # toll's own "to N", not the first one's figure it is joined to
                h = t
                cands = own
            for p in (doc.children(h.i, {"prep"}) if h.i != t.i else []) + doc.children(t.i, {"prep"}):
                if p.text.lower() in ("to", "at", "of"):
                    cands += doc.children(p.i, {"pobj"})
            if lemma == "number":
                # "raised the number of people killed by the gang to 33", "bringing the number of
                # people killed in the 8 June shelling to 22": the "to" hung on a word after it
                cands += [doc.toks[k + 1] for k in range(t.i + 1, min(t.i + 15, hi - 1))
                          if doc.toks[k].text.lower() in ("to", "at") and doc.toks[k + 1].pos == "NUM"
                          and doc.toks[k + 1].head == k][:1]
            dets = [d.i for d in doc.children(t.i, {"det"})]
            fronted = [c for c in doc.children(t.i, {"nummod"}) if dets and c.i < min(dets)]
            if fronted and h.text.lower() == "to" and h.head != h.i:
                # "raising to seven the death toll": the figure put before the toll, read by the
                # parser as its count, the update verb above "to"
                cands += fronted
                h = doc.toks[h.head]
            told = doc.toks[t.head]  # the verb a joined toll shares ("had risen to 7 and ... to 19")
            is_update = h.lemma.lower() in rules.update or told.lemma.lower() in rules.update or any(
                c.text.lower() == "now" for c in doc.children(h.i, {"advmod"}))
            if lemma in rules.updated_only_tolls and not (is_update or h.lemma.lower() in rules.revise_verbs):
                return []  # a bare "figure" is a toll only as it rises: "the figure had risen to 19"
            # "put the toll at five dead and nine injured": the first figure told is the toll's
            # (the parser may make a later one the verb's object)
            cands = sorted(cands, key=lambda c: c.i)
            # "rose to nine people": the number on the noun counted
            cands = [k for c in cands for k in ([] if figure_token_ok(doc, c) else
                                                [n for n in doc.children(c.i, {"nummod"}) if n.i < c.i]) + [c]]
            if is_update and h.i != t.i and h.i > t.i:
                # "the toll had reached eleven and the wounded ...": the number right after the
                # update verb, whatever clause the parser hung it on
                nxt = [doc.toks[k] for k in range(h.i + 1, min(h.i + 3, hi))]
                cands += [k for k in nxt if k.pos == "NUM" and figure_token_ok(doc, k)][:1]
            for c in cands:
                # (the tagger may take a bare toll "was 21" for a day of the month)
                if figure_token_ok(doc, c) or (c.ent_type == "DATE" and c.text.isdigit() and len(c.text) < 4
                                               and not any(k.ent_type == "DATE" for k in doc.children(c.i))
                                               and doc.toks[c.head].ent_type != "DATE"):
                    span = figure_at(doc.toks, c.i, lo, hi)
                    if span is not None:
                        # "taking the toll of Maoists to 12": the side the toll is of
                        whose = next((o for o in _of_objects(doc, t)
                                      if o.i != c.i and _kind(doc, o, rules) in _HELD_KINDS), None) or next(
                            (a for a in doc.children(t.i, {"amod"}) if a.i < t.i
                             and rules.kinds.get(a.lemma.lower()) == "civilians"), None)  # "the civilian death toll"
                        parts = _toll_list(doc, c, category, lo, hi, rules)
                        if parts:  # "the toll is eight VDP and three civilians killed": its parts
                            is_total = False
                            results.extend(parts)
                        else:
                            results.append((Victim(span.figure, span.first, span.last, whose), None))
                        break
        elif lemma == "casualty":
            # "no casualties" says nobody was killed or hurt; a number of casualties mixes both
            det = doc.child(t.i, {"det"})
            if det is None or det.text.lower() != "no":
                return []
            results.append((Victim(Figure(0, 0, "exact", "num.q.no"), det.i, t.i + 1, None, negated=True), None))
        else:
            det = doc.child(t.i, {"det"})
            if det is not None and det.text.lower() == "no":
                results.append((Victim(Figure(0, 0, "exact", "num.q.no"), det.i, t.i + 1, None,
                                        negated=True), None))
            else:
                num = doc.child(t.i, {"nummod"})
                if lemma in _OF_ONLY_NOUNS + _INCIDENT_NOUNS + ("wound",):
                    num = None  # "three shootings", "the city's 299 killings" count incidents
                if num is not None and not is_bad_number(doc, num):
                    span = figure_at(doc.toks, num.i, lo, hi)
                    if span is not None:
                        # "One more body, of a male cadre, was recovered": the body's person
                        whose = next((o for o in _of_objects(doc, t) if is_person(doc, o, rules)),
                                     None) if lemma in rules.membership_nouns else None
                        whose = whose or _left_in_retreat(doc, t, rules)
                        results.append((Victim(span.figure, span.first, span.last, whose), None))
                elif lemma in ("death", "killing", "murder", "body", "wound", "injury", "homicide", "life",
                               "martyrdom") + _OF_ONLY_NOUNS:
                    of = doc.child(t.i, {"prep"})
                    if (of is None or of.text.lower() != "of") and t.i + 1 < hi \
                            and doc.toks[t.i + 1].text.lower() == "of":
                        of = doc.toks[t.i + 1]  # "the shooting death of X" parsed with "of" elsewhere
                    if of is not None and of.text.lower() == "of" and lemma not in ("wound", "injury"):
                        members = conjuncts(doc, doc.child(of.i, {"pobj"}) or t)[:6]
                        if lemma == "loss" and not (members and _kind(doc, members[0], rules) in UNIFORMED_KINDS):
                            members = []  # ("the loss of nine soldiers and four auxiliaries", not "of two sons")
                        for n, v in enumerate(members):
                            if v.i == t.i or not is_person(doc, v, rules):
                                continue
                            hurt_words = [doc.toks[v.i + 1]] if v.i + 1 < hi else []
                            hurt_words += doc.children(v.i, {"amod"})
                            if n > 0 and any(w.tag in ("VBN", "JJ") and (
                                    rules.triggers.get(w.lemma.lower()) or {}).get("category") == "injured"
                                    for w in hurt_words):
                                continue  # "the bodies of 11 worshippers and 30 wounded", "... of three
                                # soldiers and four injured personnel": the hurt
                            vic = victim_of(doc, v, lo, hi, rules)
                            if vic is not None:
                                vic.additional = vic.additional or n > 0  # "the deaths of a man and his son"
                                results.append((vic, v))
                    elif lemma in ("wound", "injury") and category == "injured":
                        # "a man suffered gunshot wounds", "was taken to hospital with injuries"
                        h = doc.toks[t.head]
                        via_with = t.dep == "pobj" and h.text.lower() in ("with", "from", "for")
                        suffered = next((c for c in doc.children(t.i, {"amod"}) if c.i < t.i
                                         and c.lemma.lower() in _SUFFER and c.tag in ("VBD", "VBN")), None)
                        if suffered is not None and doc.subject(suffered.i, SUBJ) is not None:
                            h = suffered  # "A passerby sustained injuries" parsed as "sustained injuries"
                        for _ in range(4):  # "... responded to hospitals with gunshot wounds"
                            if h.pos in ("VERB", "AUX") or h.head == h.i:
                                break
                            h = doc.toks[h.head]
                        if h.pos in ("VERB", "AUX") and (h.lemma.lower() in _SUFFER or via_with) \
                                and h.lemma.lower() not in _FATAL_VERBS \
                                and not (lemma == "wound" and h.lemma.lower() == "have" and not via_with):
                            # "all five had gunshot wounds" mostly describes the dead
                            amods = {c.text.lower() for c in doc.children(t.i, {"amod", "compound"})}
                            if not amods & {"fatal", "deadly", "mortal"}:
                                obj = doc.child(h.i, {"dobj"})
                                if obj is not None and (obj.i == t.i or _of_phrase_of(doc, obj, t)):
                                    # "three others sustained injuries", "... sustained varying
                                    # degrees of injuries": the wound is no victim
                                    obj = None
                                subj = obj or doc.subject(h.i, SUBJ)
                                if subj is not None and is_person(doc, subj, rules):
                                    for n, v in enumerate(conjuncts(doc, subj)[:6]):
                                        vic = victim_of(doc, v, lo, hi, rules)
                                        if vic is not None:
                                            vic.additional = vic.additional or n > 0  # "a man and a woman suffered wounds"
                                            vic.others = _others(doc, v, vic)  # "four others sustained wounds"
                                            results.append((vic, v))
                if not results:
                    vic = incident_figure(doc, t, category, rules)
                    if vic is not None:
                        results.append((vic, None))
    else:
        heads = victim_heads(doc, t, shape)
        if not heads and t.dep == "conj" and t.head != t.i:
            # "was shot and killed": share the first verb's victim
            head = doc.toks[t.head]
            passive = doc.child(t.i, {"auxpass"}) is not None and doc.child(head.i, {"auxpass"}) is None
            subj = doc.subject(head.i, SUBJ) if shape == "intrans" or passive else None
            if subj is not None and subj.tag not in ("WDT", "WP"):
                # "he shot himself and died", "the victim flagged down an officer and was taken
                # to a hospital": coordinated verbs share the subject
                heads = [subj]
            else:
                heads = victim_heads(doc, head, "verb") or victim_heads(doc, head, "intrans")
        for n, v in enumerate(listed(doc, heads[0], lo, hi, rules) if heads else []):
            if n >= 6:
                break
            if v.i == t.i and not (n == 0 and t.dep in ("nsubj", "nsubjpass") and t.tag == "VBN"):
                continue  # (but "Eight wounded were evacuated": the participle counts its people)
            own = [c for c in doc.children(v.i, {"relcl", "acl"}) if c.i != t.i]
            if n > 0 and own and (t.dep == "relcl" or any(_tells_harm(doc, c, rules) for c in own)):
                # "two men who were killed and two officers who were hurt": its own harm; "a teen
                # who was shot and a man who was carjacked": its own clause, no harm in it
                continue
            if lemma in rules.person_only or rule["id"].startswith("cas.kill") or not (v.like_num or v.pos == "NUM"):
                if not is_person(doc, v, rules):
                    continue  # "the missing piece", "an injured knee", "killed two birds"
            elif v.lemma.lower() in rules.non_person or of_non_person(doc, v, rules):
                continue  # "injured one of the family dogs"
            if n > 0 and v.i + 1 < hi and (v.like_num or v.pos == "NUM"):
                nxt_rule = trigger_rule(doc, doc.toks[v.i + 1], rules)
                if nxt_rule is not None and category_of(doc, doc.toks[v.i + 1], nxt_rule, rules) != category:
                    continue  # "11 dead and 34 wounded": the conjunct has a harm word of its own
            if v.text.lower() in rules.reflexive and category in ("killed", "injured"):
                continue  # handled by the self_inflicted patterns
            vic = victim_of(doc, v, lo, hi, rules)
            if vic is None and n > 0 and v.tag == "NN" and v.lemma.lower() not in rules.vague \
                    and is_person(doc, v, rules):
                # "A mother, father, and toddler": a bare singular conjunct is one more person
                vic = Victim(Figure(1, 1, "exact", "cas.fig.conjunct"), v.i, v.i + 1, v)
            if vic is None:
                continue
            vic.others = _others(doc, v, vic)
            if n > 0 and vic.figure is not None and vic.figure.rule != "cas.fig.ordinal_count":
                vic.additional = True  # "two members and a third musician": the ordinal is the total
            elif v.dep == "pobj" and t.dep in ("acl", "relcl") and doc.toks[t.head].i == v.i:
                vic.additional = False  # "a vigil for another man gunned down": a claim of its own
            results.append((vic, v))
        # "he later died" updates a toll; "Later, a man was shot dead" (a sentence adverb set
        # off by a comma) tells the next incident of a day
        if heads:
            for c in doc.children(t.i, {"conj"}):
                # "killing the police chief and two of his guards" with the figure parsed as a
                # second verb: one more group of victims
                vic = victim_of(doc, c, lo, hi, rules) if figure_token_ok(doc, c) else None
                if vic is not None and vic.noun is not None and vic.noun.i != c.i \
                        and is_person(doc, vic.noun, rules):
                    vic.additional = True
                    results.append((vic, c))
        is_update = any(c.text.lower() in ("later", "subsequently", "since")
                        and not (c.i + 1 < hi and doc.toks[c.i + 1].text == ",")
                        for c in doc.children(t.i, {"advmod"})) and category == "killed"
        if category == "injured":
            extra = _fatal_part(doc, t, lo, hi, rule, rules, country_of, other)
    if not results:
        return extra
    also = any(c.text.lower() in ("also", "too") for c in doc.children(t.i, {"advmod"}))
    survived = bool(rule.get("includes_killed")) and rules.survived.search(
        doc.parsed.text, doc.toks[lo].start, doc.toks[hi - 1].end) is not None
    attribution = _attribution(doc, t, lo, hi, rules, country_of)
    mentions = []
    for vic, v in results:
        fig = vic.figure
        assert fig is not None
        negated = vic.negated
        update = is_update
        if is_update and vic.noun is not None and vic.noun.text.lower() in rules.among \
                and rules.among[vic.noun.text.lower()] == "injured" and vic.noun.i != (v.i if v else -1):
            # "two of the wounded later died": deaths besides those counted, not a new toll
            update, vic.additional = False, True
        low, high = fig.low, fig.high
        if neg is not None and not negated:
            negated, low, high = True, 0, 0
        noun = vic.noun
        kind = _kind(doc, noun, rules)
        if noun is not None and noun.text.lower() in rules.singular_pron:
            kind = _antecedent_kind(doc, t, noun, lo, rules)
        elif kind == "unknown" and noun is not None:
            kind = _them_kind(doc, noun, lo, rules)
        vtext, vs, ve = "", None, None
        if noun is not None and not (noun.like_num or noun.pos == "NUM"):
            a, b = _victim_phrase(doc, noun, lo)
            vs, ve = doc.toks[a].start, doc.toks[b - 1].end
            vtext = doc.parsed.text[vs:ve]
        vcountry = _country(doc, noun, country_of)
        if vcountry is None and noun is not None and kind == "state_forces" and attribution is not None:
            poss = doc.child(noun.i, {"poss"})
            if poss is None or poss.text.lower() in ("its", "their", "our"):
                vcountry = attribution.country
        cat = category
        # "a woman was also shot": someone hit besides the dead counted before (not among them),
        # who adds to no earlier wounded figure; but "the man was also hit" points back, and "a
        # fourth person was also shot" counts everyone hit; "a motorcyclist was also shot dead"
        # is one more dead
        hit_besides = also and rule.get("includes_killed") and category != "killed" \
            and not fig.rule.endswith(_COUNTED_BEFORE)
        if cat == "arrested" and kind == "state_forces":
            cat = "captured"
        span_first = min(vic.fig_first, t.i)
        span_last = max(vic.fig_last - 1, t.i)
        if "\n\n" in doc.parsed.text[doc.toks[span_first].start:doc.toks[span_last].end]:
            continue  # a figure in another paragraph (a headline glued to the lead)
        mentions.append((CasualtyMention(
            category=cat, low=low, high=high,
            qualifier=fig.qualifier if not negated else "exact",
            start=doc.toks[span_first].start, end=doc.toks[span_last].end,
            figure_start=doc.toks[vic.fig_first].start, figure_end=doc.toks[vic.fig_last - 1].end,
            sent=t.sent, rule=f"{rule['id']}|{fig.rule}",
            victim_text=vtext, victim_start=vs, victim_end=ve,
            victim_kind=kind, victim_country=vcountry, attribution=attribution,
            is_update=update, is_total=is_total or _is_total_clause(doc, t, rules),
            negated=negated, additional=vic.additional or (also and not hit_besides), other_incident=other,
            increment=bool(_INCREMENT.match(doc.parsed.text, doc.toks[vic.fig_first].start,
                                            doc.toks[span_last].end)),
            includes_killed=cat == "injured" and (
                bool(rule.get("includes_killed")) and not vic.others and not hit_besides  # "shot two others": not the dead
                and not (low == high == 1 and survived)  # "... with non-life-threatening injuries"
                # "Three people survived with gunshot wounds and were treated at a clinic"
                and not _told_surviving(doc, vic.fig_first, t.i, rules)
                # "took 40 wounded people to hospitals": the living hurt, told so (not "took the
                # injured boy to hospital", who may be the one who died)
                and not (rule["id"].startswith(CARE_RULES) and v is not None and (low or 0) > 1 and any(
                    rules.among.get(c.text.lower()) == "injured" for c in doc.children(v.i, {"amod"})))
                and not (v is not None and v.lemma.lower() in rules.alive_nouns)  # "five survivors"
                # "Three men died … A fourth victim was wounded": an ordinal counts every victim
                or fig.rule == "cas.fig.ordinal_count"),
            by_state_forces=(kind == "unknown" or v is not None and v.lemma.lower() in rules.sideless_people)
            and _done_by_forces(doc, t, rules),
            held=_held_parts(doc, noun, lo, hi, rules) if noun is not None else (),
        ), v.i if v is not None else -1))
    if lemma == "casualty":
        mentions += [(replace(m, category="injured"), vi) for m, vi in mentions]
    return mentions + extra


_HELD_KINDS = ("state_forces", "police", "perpetrator")


def _held_parts(doc: Doc, noun: Token, lo: int, hi: int, rules: Rules) -> tuple[tuple[str, int], ...]:
    """The soldiers, police or attackers a figure's own phrase says it includes ("killed eight
    people, including two soldiers"), by kind and count."""
    out = []
    for p in doc.children(noun.i, {"prep"}):
        if p.text.lower() != "including":
            continue
        for o in doc.children(p.i, {"pobj"}):
            for member in [o] + doc.children(o.i, {"conj"}):
                num = doc.child(member.i, {"nummod"})
                person = member
                if num is None and member.like_num:  # "including ... two of the attackers"
                    num = member
                    person = next((x for q in doc.children(member.i, {"prep"}) if q.text.lower() == "of"
                                   for x in doc.children(q.i, {"pobj"})), member)
                kind = _kind(doc, person, rules)
                span = figure_at(doc.toks, num.i, lo, hi) if num is not None and figure_token_ok(doc, num) else None
                det = doc.child(member.i, {"det"})
                if kind in _HELD_KINDS and span is not None and span.figure.low:
                    out.append((kind, span.figure.low))
                elif kind in _HELD_KINDS and num is None and det is not None and det.text.lower() in ("a", "an"):
                    out.append((kind, 1))  # "including a soldier"
    return tuple(out)


def _done_by_forces(doc: Doc, t: Token, rules: Rules) -> bool:
    """The harm was done by state forces: the verb's subject or agent is soldiers ("Israeli
    forces killed seven Palestinians"), or its sentence tells of their raid or fire
    (casualties.yaml ``by_state_forces``: "were killed when government troops raided the town")."""
    agent = doc.child(t.i, {"agent"})
    if agent is not None:
        doers = doc.children(agent.i, {"pobj"})
    elif doc.child(t.i, {"auxpass"}) is None:  # (a dateline may hang on the verb as a subject too)
        doers = doc.children(t.i, {"nsubj"}) or [s for s in [_clause_subject(doc, t)] if s is not None]
    else:
        doers = []
    if any(_kind(doc, d, rules) == "state_forces" for d in doers):
        return True  # (not police: "police shot the gunman" is the gunman, told as himself)
    sent = doc.parsed.sentences[t.sent]
    return rules.by_state_forces.search(doc.parsed.text, sent.start, sent.end) is not None


def _tells_harm(doc: Doc, clause: Token, rules: Rules) -> bool:
    """A clause with a casualty word of its own that fires ("who received minor injuries"; not
    the bare "be" of "who were taken to hospital")."""
    a, b = doc.edges(clause.i)
    return any(trigger_rule(doc, doc.toks[j], rules) is not None for j in range(a, b + 1))


def _others(doc: Doc, v: Token, vic: Victim) -> bool:
    """People besides those already counted ("two others", "10 more"): not the dead among a hit."""
    many = vic.figure is not None and (vic.figure.low or 0) > 1  # "Another 18 people", not "another man"
    return vic.additional and (v.lemma.lower() in ("other", "others", "more") or any(
        c.text.lower() in ("other", "more", "additional") or (many and c.text.lower() == "another")
        for c in doc.children(v.i, {"amod", "advmod", "det"})))


def _of_phrase_of(doc: Doc, noun: Token, t: Token) -> bool:
    """``t`` is the object of an "of" phrase on ``noun`` ("varying degrees of injuries")."""
    of = doc.toks[t.head]
    return t.dep == "pobj" and of.text.lower() == "of" and of.head == noun.i


def _fatal_part(doc: Doc, t: Token, lo: int, hi: int, rule: dict, rules: Rules,
                country_of: CountryOf, other: bool) -> list[tuple[CasualtyMention, int]]:
    """"Two men were shot, one fatally": the fatal part of a shooting is a killed figure."""
    out = []
    for c in doc.children(t.i, {"npadvmod", "appos", "conj", "advcl", "dep"}):
        if not (c.like_num or c.pos == "NUM") or is_bad_number(doc, c):
            continue
        if not any(k.text.lower() in rules.fatal_adverbs for k in doc.children(c.i)):
            continue
        span = figure_at(doc.toks, c.i, lo, hi)
        if span is None:
            continue
        mention, _ = _part_mention(doc, "killed", span, None, t.sent, "cas.kill.fatal_part", other, rules,
                                   low_only=False)
        out.append((replace(mention, end=doc.toks[c.i + 1].end if c.i + 1 < hi else doc.toks[c.i].end,
                            attribution=_attribution(doc, t, lo, hi, rules, country_of)), c.i))
    return out


def _antecedent_kind(doc: Doc, t: Token, pron: Token, lo: int, rules: Rules) -> str:
    """The kind of the nearest object noun before a pronoun victim in its sentence, when it is
    police or soldiers ("fired at an officer, striking him" →
    police); otherwise unknown (a pronoun mostly points at someone counted already: splitting
    it off by kind lowered dev accuracy). Not a subject pronoun ("told officers he had been
    shot": the teller), unless it is the attacker's (``_attacker_pronoun``)."""
    if pron.dep in ("nsubj", "nsubjpass"):
        return "perpetrator" if _attacker_pronoun(doc, pron, rules) else "unknown"
    for j in range(pron.i - 1, max(lo, pron.i - 7) - 1, -1):  # the same clause: a few words back
        tok = doc.toks[j]
        if tok.pos == "NOUN" and tok.dep in ("dobj", "pobj") and tok.head != t.i:
            kind = _kind(doc, tok, rules)
            if kind in ("police", "state_forces"):
                return kind  # officers and soldiers are told apart from the people they fight
            if kind != "unknown":
                return "unknown"
    return "unknown"


def _is_total_clause(doc: Doc, t: Token, rules: Rules) -> bool:
    h = doc.toks[t.head]
    return h.lemma.lower() == "leave" and t.dep in ("oprd", "ccomp", "xcomp", "conj")


def _mixed_counts(found: list[tuple[CasualtyMention, int]]) -> list[tuple[CasualtyMention, int]]:
    """"Dozens of fighters were killed and wounded": one count of the killed and the hurt
    together (the same victims told by a verb of each) is a count of neither."""
    killed = {vi for m, vi in found if m.category == "killed" and vi >= 0 and not m.negated}
    mixed = {vi for m, vi in found if m.category == "injured" and vi in killed}  # (not "No one was killed or hurt")
    return [(m, vi) for m, vi in found if not (vi in mixed and m.category in ("killed", "injured"))]


def _told_surviving(doc: Doc, first: int, trigger: int, rules: Rules) -> bool:
    """The victims' own clause, from their figure to the harm verb, says they survived."""
    a, b = min(first, trigger), max(first, trigger)
    return rules.survived_clause.search(doc.parsed.text, doc.toks[a].start, doc.toks[b].end) is not None


def _dedupe(found: list[tuple[CasualtyMention, int]]) -> list[tuple[CasualtyMention, int]]:
    """One mention per victim × category; a victim killed is not also counted as injured
    ("was shot and killed", "shot ... later died")."""
    killed_victims = {vi for m, vi in found if m.category == "killed" and vi >= 0}
    seen: set[tuple[int, str, int]] = set()
    out = []
    for m, vi in sorted(found, key=lambda x: x[0].figure_start):
        if vi >= 0 and m.category == "injured" and vi in killed_victims:
            continue
        key = (vi, m.category, m.figure_start) if vi >= 0 else (-1, m.category, m.figure_start)
        if key in seen:
            continue
        seen.add(key)
        out.append((m, vi))
    return out


def _part_mention(doc: Doc, category: str, span: FigureSpan, noun: Optional[Token], sent: int,
                  rule: str, other: bool, rules: Rules, low_only: bool, additional: bool = False,
                  ) -> tuple[CasualtyMention, int]:
    first, last = doc.toks[span.first], doc.toks[span.last - 1]
    fig = span.figure
    vs = noun.start if noun is not None else None
    ve = noun.end if noun is not None else None
    return (CasualtyMention(
        category=category, low=fig.low, high=None if low_only else fig.high,
        qualifier="at_least" if low_only else fig.qualifier,
        start=first.start, end=max(last.end, ve or 0), figure_start=first.start, figure_end=last.end,
        sent=sent, rule=f"{rule}|{fig.rule}", victim_text=noun.text if noun is not None else "",
        victim_start=vs, victim_end=ve,
        victim_kind="unknown" if low_only else _kind(doc, noun, rules),
        additional=additional, other_incident=other,
    ), noun.i if noun is not None else -1)


def _suicide_attackers(doc: Doc, sent: Sentence, sent_text: str, rules: Rules, other: bool,
                       attacker_counted: bool = False) -> list[tuple[CasualtyMention, int]]:
    """"Two suicide bombers blew themselves up": the attackers' own deaths, by their figure
    (none when the article says its toll counts them: "The toll includes the two bombers")."""
    m = rules.suicide_attackers.search(sent_text)
    if m is None or attacker_counted:
        return []
    return _attackers_dead(doc, sent, sent.start + m.start(2), "cas.perp.suicide_attackers", other, rules)


def _excluded_attackers(doc: Doc, sent: Sentence, sent_text: str, rules: Rules, other: bool,
                        found: list[tuple[CasualtyMention, int]]) -> list[tuple[CasualtyMention, int]]:
    """"The toll had risen to 18, not counting the two suicide bombers", "The figure does not
    include the two bombers": the attackers the toll leaves out died too, by their figure (one
    for a singular)."""
    m = rules.excluded_attackers.search(sent_text)
    if m is None or not (any(o.category == "killed" and not o.negated for o, _ in found)
                         or rules.toll_subject.search(sent_text, 0, m.start())):
        return []  # (the toll in this sentence, or "the figure" told before it)
    return _attackers_dead(doc, sent, sent.start + m.start(6), "cas.perp.excluded", other, rules,
                           singular_is_one=True)


def _attackers_dead(doc: Doc, sent: Sentence, at: int, rule: str, other: bool, rules: Rules,
                    singular_is_one: bool = False) -> list[tuple[CasualtyMention, int]]:
    """The dead attackers named by the noun that starts at offset ``at``, by the figure on it
    ("two others detonated" adds to the dead told before); with ``singular_is_one`` a singular
    noun with no figure is one ("excluding the bomber")."""
    noun = next((t for t in doc.toks[sent.first_token:sent.last_token] if t.start == at), None)
    if noun is None:
        return []
    num = doc.child(noun.i, {"nummod"})
    if num is not None:
        span = figure_at(doc.toks, num.i, sent.first_token, sent.last_token) if figure_token_ok(doc, num) else None
    elif singular_is_one and noun.tag in ("NN", "NNP") and noun.text.lower() != "gunmen":
        span = FigureSpan(noun.i, noun.i + 1, Figure(1, 1, "exact", "cas.fig.definite"))
    else:
        span = None
    if span is None:
        return []
    mention, vi = _part_mention(doc, "killed", span, noun, sent.i, rule, other, rules, low_only=False,
                                additional=noun.text.lower() in rules.additional)
    return [(replace(mention, victim_kind="perpetrator"), vi)]


def _among(doc: Doc, lo: int, hi: int, rules: Rules, other: bool) -> list[tuple[CasualtyMention, int]]:
    """"Four policemen were among the dead", "two children were among those injured": part of
    a toll, read as a lower bound of it."""
    out = []
    for j in range(lo, hi):
        t = doc.toks[j]
        if t.text.lower() != "among" or t.dep != "prep":
            continue
        obj = doc.child(t.i, {"pobj"})
        if obj is None:
            continue
        cat = rules.among.get(obj.text.lower())
        if cat is None and obj.text.lower() == "those":  # "among those killed"
            part = next((c for c in doc.children(obj.i, {"acl", "amod", "relcl"})), None)
            cat = rules.among.get(part.text.lower()) if part is not None else None
        if cat is None:
            continue
        subj = doc.subject(t.head, SUBJ)
        if subj is None:
            continue
        for n, v in enumerate(conjuncts(doc, subj)[:6]):
            vic = victim_of(doc, v, lo, hi, rules)
            if vic is None or vic.figure is None or vic.negated or not is_person(doc, v, rules):
                continue
            span = FigureSpan(vic.fig_first, vic.fig_last, vic.figure)
            out.append(_part_mention(doc, cat, span, vic.noun, t.sent, "cas.part.among", other, rules,
                                     low_only=True, additional=n > 0))
    return out


def _labelled(doc: Doc, lo: int, hi: int, rules: Rules, other: bool) -> list[tuple[CasualtyMention, int]]:
    """A coder's note: "Fatalities: 4 militants, 2 civilians" (each figure after a label adds)."""
    out: list[tuple[CasualtyMention, int]] = []
    cat: Optional[str] = None
    n = 0
    depth = 0  # inside brackets after a figure: "Fatalities: 14 (10 militants, 4 soldiers)" restates it
    j = lo
    while j < hi:
        t = doc.toks[j]
        low = t.text.lower()
        joint = rules.label_joint.match(doc.parsed.text, t.end) if low in rules.labels and j + 1 < hi else None
        if joint is not None and (j == lo or doc.toks[j - 1].pos == "PUNCT"
                                  or doc.toks[j - 1].text.lower() in rules.label_openers):
            cat, n, depth = rules.labels[low], 0, 0
            j += 1  # "Fatalities: 4", "Fatalities coded as 11"
            while j < hi and doc.toks[j].start < joint.end():
                j += 1
            continue
        depth += (low == "(") - (low == ")")
        if cat is not None and depth <= 0 and (low == ";" or t.tag in ("VBD", "VBZ", "VBP")):
            cat = None  # "Fatalities: 7 per X; Y reported 1 killed": the label's list has ended
        if cat is not None and depth > 0 and n > 0:
            j += 1
            continue
        # (a figure right after the label's colon may be parsed as an apposition, like an age)
        if cat is not None and (figure_token_ok(doc, t) or t.like_num and t.dep == "appos"
                                and j > lo and doc.toks[j - 1].text == ":" and t.ent_type == "CARDINAL"):
            span = figure_at(doc.toks, j, lo, hi)
            if span is not None:
                noun = doc.toks[t.head] if t.dep == "nummod" else None
                if noun is not None and not is_person(doc, noun, rules) and j + 1 < hi \
                        and doc.toks[j + 1].text == "(" and noun.i > j:
                    noun = None  # "Wounded: 13 (UNAMA)": the bracket names the source
                if noun is not None and noun.text[:1].isupper() and not is_person(doc, noun, rules):
                    noun = None  # "Wounded: 9 FDS": a force's name, its men counted
                if noun is None or is_person(doc, noun, rules):
                    out.append(_part_mention(doc, cat, span, noun, t.sent, "cas.label", other, rules,
                                             low_only=False, additional=n > 0))
                    n += 1
                j = max(span.last, j + 1)
                continue
        j += 1
    return out


def _self_inflicted(doc: Doc, sent: Sentence, sent_text: str, rules: Rules, other: bool,
                    found: list[tuple[CasualtyMention, int]], attacker_counted: bool = False,
                    attacker_stopped: bool = False) -> list[tuple[CasualtyMention, int]]:
    """The perpetrator's own death or wound. A suicide attacker's death ("blew himself up") is
    one more than the toll of those he killed (``separate_id``) unless the article counts him
    in it ("killing 12 people, including the bomber")."""
    if any(m.victim_kind == "perpetrator" and m.category == "killed" for m, _ in found):
        return []
    for rid, pattern, category, includes_killed in rules.self_inflicted:
        if attacker_stopped and rid in rules.stoppable_ids:
            continue  # "guards shot the suicide bomber before he could detonate his vest"
        m = pattern.search(sent_text)
        if m is None:
            continue
        at = sent.start + m.start()
        verb = next((t for t in doc.toks[sent.first_token:sent.last_token] if t.start >= at), None)
        if verb is not None and hypothetical(doc, verb, rules):
            continue  # "tried to take her own life", "threatened to kill himself"
        if rid in rules.separate_ids:
            if attacker_counted and any(o.category == "killed" and not o.negated for o, _ in found):
                # "blew herself up, killing 12 people, including herself"; "six were killed when
                # a bomber blew himself up ... The figure includes the bomber": the toll beside
                # it holds the attacker's death
                return []
            if not attacker_counted:
                rid = rules.separate_ids[rid]
        start, end = sent.start + m.start(), sent.start + m.end()
        return [(CasualtyMention(
            category=category, low=1, high=1, qualifier="exact", start=start, end=end,
            figure_start=start, figure_end=end, sent=sent.i, rule=rid,
            # a self-inflicted wound that may be survived is often an accident, not a perpetrator's
            victim_text="", victim_kind="unknown" if includes_killed else "perpetrator",
            other_incident=other, includes_killed=includes_killed,
            attribution=_attribution(doc, doc.toks[sent.first_token], sent.first_token,
                                     sent.last_token, rules, default_country_of),
        ), -1)]
    return []


def _run(analysis: Analysis, resources: Resources) -> dict:
    assert analysis.parsed is not None
    return {"casualties": find_casualties(analysis.parsed)}


STAGE = Stage("casualties", reads=("parsed",), writes=("casualties",), run=_run)
