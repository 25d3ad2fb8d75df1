"""Casualty trigger words — a helper of the casualties stage.

Which rule of ``rules/casualties.yaml`` a token triggers (``trigger_rule``): a lemma's own rule,
a phrasal verb ("gunned down", "mowed down"), an idiom of a death ("lost their lives", "met
their untimely death", "embraced martyrdom", "claimed 12 lives", "the army lost three
soldiers"), a rule that needs a phrase ("hacked to death", "burned alive", "taken to a
hospital"); the category a hit turns into ("shot dead", "fatally wounded": ``category_of``);
and the triggers that report no violent harm: a harm that did not happen ("could have been
killed": ``hypothetical``) or a death by illness ("died of cholera": ``died_of_illness``).
"""
from __future__ import annotations

from typing import Optional

from ..model import Token
from .victims import SUBJ, Doc, Rules, figure_token_ok, gapped_count


def trigger_rule(doc: Doc, t: Token, rules: Rules) -> Optional[dict]:
    """The casualty rule token ``t`` triggers in its context, or None."""
    lemma = t.lemma.lower()
    if lemma == "lose":
        obj = doc.child(t.i, {"dobj"})
        if obj is not None and obj.lemma.lower() == "life":
            return rules.triggers.get("lose life")  # "a man lost his life", "lost their lives"
        if obj is not None and obj.lemma.lower() in rules.lost_men and any(
                figure_token_ok(doc, c) for c in doc.children(obj.i, {"nummod"})):
            return rules.triggers.get("lose men")  # "the army lost three soldiers"
        if obj is not None and figure_token_ok(doc, obj) and any(
                o.lemma.lower() in rules.lost_men for p in doc.children(obj.i, {"prep"}) if p.text.lower() == "of"
                for o in doc.children(p.i, {"pobj"})):
            return rules.triggers.get("lose men")  # "admitted losing five of its men"
        return None
    if lemma == "life" and t.dep == "dobj" and doc.toks[t.head].lemma.lower() in ("claim", "take", "cost") \
            and not any(c.text.lower() == "own" for c in doc.children(t.i, {"amod"})):
        verb = doc.toks[t.head]
        subj = doc.subject(verb.i, SUBJ)
        if subj is not None and subj.tag in ("WDT", "WP") and verb.dep == "relcl":
            subj = doc.toks[verb.head]  # "attacks that claimed ..."
        if subj is not None and subj.tag == "NNS" and subj.lemma.lower() not in rules.one_event_plurals:
            # "three shootings that took the lives of five people": a tally of incidents (but
            # "the clashes claimed two lives" tells one event)
            return None
        return rules.triggers.get("claim life")  # "the blast claimed 12 lives", "took the lives of"
    idiom = rules.death_idioms.get(lemma)
    if idiom is not None:  # "met their untimely death", "made the supreme sacrifice"
        obj = doc.child(t.i, {"dobj"})
        if obj is not None and obj.lemma.lower() in idiom[0] and (not idiom[1] or any(
                c.text.lower() in idiom[1] for c in doc.children(obj.i, {"amod", "poss", "compound"}))):
            return rules.triggers.get(idiom[2])
        return None
    if lemma in rules.martyr_verbs and t.pos == "VERB" and any(
            o.text.lower() in rules.martyr_nouns or o.lemma.lower() in rules.martyr_nouns
            for p in doc.children(t.i, {"prep"}) if p.text.lower() == "as" for o in doc.children(p.i, {"pobj"})):
        return rules.triggers.get("embrace martyrdom")  # "Four of our heroes rose as martyrs"
    if lemma in ("embrace", "lay", "attain", "achieve"):  # "embraced martyrdom", "laid down their lives"
        obj = doc.child(t.i, {"dobj"})
        if obj is not None and lemma != "lay" and obj.lemma.lower() in rules.martyrdom:
            return rules.triggers.get("embrace martyrdom")
        prt = doc.child(t.i, {"prt"})
        if obj is not None and lemma == "lay" and obj.lemma.lower() == "life" \
                and prt is not None and prt.text.lower() == "down":
            return rules.triggers.get("lay down life")
        return None
    if lemma == "pass":
        if any(c.text.lower() == "away" for c in doc.children(t.i, {"prt", "advmod"})):
            return rules.triggers.get("pass away")  # "he later passed away"
        return None
    prt = doc.child(t.i, {"prt"})
    if prt is not None:  # "gunned down", "mowed down": the phrasal verb's own rule, if any
        phrasal = rules.triggers.get(f"{lemma} {prt.text.lower()}")
        if phrasal is not None:
            return phrasal
    if lemma == "gun":
        return None
    care = rules.care_triggers.get(lemma)
    if care is not None and t.pos in ("VERB", "AUX", "ADJ") and _has_prep(doc, t, care["with_prep"], rules):
        return care
    rule = rules.triggers.get(lemma) or rules.triggers.get(t.text.lower())
    if rule is None:
        return None
    shape = rule["shape"]
    if ("with_prep" in rule or "with_word" in rule) and not (
            _has_prep(doc, t, rule.get("with_prep") or {}, rules) or _has_word(doc, t, rule.get("with_word") or ())):
        return None
    if shape in ("verb", "intrans") and t.pos not in ("VERB", "AUX", "ADJ"):
        if shape == "verb" and gapped_count(doc, t, rules) is not None:
            return rule  # "two were killed and a third hurt": the participle tagged as a noun
        # a noun uses its noun rule ("gunshot wounds", "the murder of"), if any
        return rules.noun_triggers.get(lemma) if t.pos == "NOUN" else None
    if shape == "adj" and t.pos not in ("ADJ", "VERB", "NOUN"):
        return None
    if shape in ("noun", "toll") and t.pos not in ("NOUN", "PROPN"):
        return None
    return rule


def _has_word(doc: Doc, t: Token, words: list[str] | tuple[str, ...]) -> bool:
    """The trigger or its object has a dependent the rule asks for ("burned alive", "burned
    five villagers alive")."""
    if not words:
        return False
    near = doc.children(t.i)
    for c in doc.children(t.i, {"dobj"}):
        near += doc.children(c.i)
    return any(c.text.lower() in words for c in near)


def _has_prep(doc: Doc, t: Token, preps: dict[str, list[str]], rules: Rules) -> bool:
    """The trigger has a prepositional phrase the rule asks for ("taken to a hospital",
    "treated for gunshot wounds"); "PROPN" in the list accepts any proper name
    ("taken to North Memorial") but a police station, a jail or a court."""
    for c in doc.children(t.i, {"prep"}):
        heads = preps.get(c.text.lower())
        if not heads:
            continue
        pobj = doc.child(c.i, {"pobj"})
        if pobj is None:
            continue
        if pobj.lemma.lower() in heads:
            return True
        if pobj.pos == "PROPN" and "PROPN" in heads:
            a, b = doc.edges(pobj.i)
            if not any(doc.toks[j].lemma.lower() in rules.not_care_places for j in range(a, b + 1)):
                return True  # not "transported to the Riverton Police Department"
    return False


def category_of(doc: Doc, t: Token, rule: dict, rules: Rules) -> str:
    cat = rule["category"]
    if cat == "injured":
        # (the parser may hang "to death" on the object: "stabbed a shopper to death")
        for c in doc.children(t.i) + [p for o in doc.children(t.i, {"dobj"})
                                      for p in doc.children(o.i, {"prep"}) if p.text.lower() == "to"]:
            low = c.text.lower()
            if low in rules.fatal_adverbs and doc.toks[max(c.i - 1, 0)].text.lower() in rules.not_fatally:
                continue  # "four others were hit, none fatally", "non-fatally"
            if low in rules.fatal_adverbs or (c.dep == "oprd" and low == "dead") \
                    or (c.dep in ("amod", "compound") and low in ("fatal", "deadly", "death")):
                return "killed"
            if c.dep == "prep" and low == "to":
                pobj = doc.child(c.i, {"pobj"})
                if pobj is not None and pobj.lemma.lower() == "death":
                    return "killed"
        if t.i + 1 < len(doc.toks) and doc.toks[t.i + 1].text.lower() == "dead":
            return "killed"
    if cat == "arrested" and t.lemma.lower() == "detain":
        return "arrested"
    return cat


def died_of_illness(doc: Doc, t: Token, rules: Rules) -> bool:
    """The death's "of"/"from" phrase names an illness ("died of cholera", "died from
    complications of the virus", "died of natural causes"), followed through "of"/"from" chains;
    or a death noun says so itself ("nine unexplained deaths")."""
    if t.pos == "NOUN" and any(c.text.lower() in rules.illness_mods for c in doc.children(t.i, {"amod"})):
        return True
    stack = [p for p in doc.children(t.i, {"prep"}) if p.text.lower() in ("of", "from")]
    for _ in range(3):
        nxt = []
        for p in stack:
            obj = doc.child(p.i, {"pobj"})
            if obj is None:
                continue
            words = {obj.lemma.lower(), obj.text.lower()}
            words |= {f"{c.text.lower()} {obj.text.lower()}" for c in doc.children(obj.i, {"amod", "compound"})}
            if words & rules.illness:
                return True
            nxt += [q for q in doc.children(obj.i, {"prep"}) if q.text.lower() in ("of", "from")]
        stack = nxt
    return False


def _either_way(doc: Doc, mark: Token) -> bool:
    """"whether he took his own life or was killed by police": a choice of how, not whether, the
    harm happened (an "or" after the mark in its sentence)."""
    return any(t.text.lower() == "or" for t in doc.toks[mark.i + 1:] if t.sent == mark.sent)


def hypothetical(doc: Doc, t: Token, rules: Rules) -> bool:
    """A harm that did not happen: a modal ("could've been dead", "might be killed") or
    "almost"/"nearly" ("she almost lost her life") on the
    trigger or the verb it complements, a question ("did not say whether the two were killed";
    not "whether he shot himself or was shot by police"),
    or a verb of intent, fear or pretence governing it ("threatened to kill", "was going to be
    shot", "played dead")."""
    cur = t
    for _ in range(2):
        if any(c.dep in ("aux", "auxpass") and c.text.lower() in rules.hypothetical_aux
               or c.dep == "advmod" and c.text.lower() in rules.hypothetical_adverbs
               or c.dep == "mark" and c.text.lower() in rules.hypothetical_marks and not _either_way(doc, c)
               for c in doc.children(cur.i)):
            return True
        if cur.dep not in ("acomp", "oprd", "xcomp", "attr") or cur.head == cur.i:
            break
        head = doc.toks[cur.head]
        if cur.dep in ("xcomp", "acomp") and head.lemma.lower() in rules.hypothetical_verbs \
                and not (head.lemma.lower() == "fear" and doc.child(head.i, {"auxpass"}) is not None):
            return True  # (but "five were feared killed" reports presumed deaths)
        cur = head
    return False
