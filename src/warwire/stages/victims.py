"""Victims and their figures in the dependency parse — a helper of the casualties stage.

For a casualty trigger ("killed", "wounded", "dead", "the shooting of"), finds the victim head
tokens (``victim_heads``: passive subject, object, subject of an intransitive, the noun an
adjective modifies, a fronted figure "Up to 16 were hurt", the noun of an "of" phrase a
misparsed participle follows) and the figure a victim phrase carries (``victim_of``: a number,
"a dozen", a determiner "a 14-year-old girl" = 1, a named person = 1, a pronoun, an ordinal
"a second teen" = 2); tells people from things (``is_person``); reads the toll an incident noun
carries ("a double homicide" = 2, "a fatal shooting" implies one dead: ``incident_figure``).
Numbers that are ages, times, years or money never become figures (``is_bad_number``).
Also loads the casualty rule file (``rules/casualties.yaml``) once, for both modules.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from typing import Optional

from ..model import ParsedText, Token
from ..reconcile import BARE_ANOTHER, armed_group_alternation
from ..rules import load_yaml
from .numbers import Figure, figure_at, opens_qualifier
from .place_cues import cues

_NON_FIGURE_ENTS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"})
_NOMINAL = frozenset({"NOUN", "PROPN", "NUM", "PRON", "ADJ", "DET"})
SUBJ = frozenset({"nsubj", "nsubjpass"})
_PERSON_SUFFIXES = ("er", "or", "ist", "ian", "ee", "iff", "ild", "ren", "ess", "man", "men", "son")


@dataclass(frozen=True)
class Rules:
    triggers: dict[str, dict]
    noun_triggers: dict[str, dict]  # a lemma's noun-shaped rule when its first rule is a verb's
    # rules tried before a lemma's own rule when their prepositional phrase is there
    # ("detained in hospital" is care, not arrest)
    care_triggers: dict[str, dict]
    illness: frozenset[str]  # causes of death that are no violence (disease, starvation)
    illness_mods: frozenset[str]  # "unexplained deaths", "natural deaths"
    initial: re.Pattern  # "initial estimates of a toll of 11": a figure later ones replace
    revised_toll: re.Pattern  # "Updated toll from a local source on 5 March: 7 soldiers killed"
    neutralise_covers_taken: re.Pattern  # "use the term to describe militants killed, captured or ..."
    killed_and_hurt: re.Pattern  # "dozens of fighters were killed and wounded": a mixed count
    group_claim: re.Pattern  # "JNIM claim via its outlet (15 soldiers killed)": a party's claim
    survived: re.Pattern  # "with non-life-threatening injuries": the one hit lives
    unharmed: re.Pattern  # "She was unhurt but was taken to hospital": no one hurt
    survived_clause: re.Pattern  # "Three people survived with gunshot wounds": they lived
    suicide_attackers: re.Pattern
    excluded_attackers: re.Pattern  # "the toll rose to 18, not counting the two bombers"
    among: dict[str, str]  # "were among the dead": the pobj word → category
    labels: dict[str, str]  # "Fatalities: 4 militants": the label word → category
    label_sentence: re.Pattern  # "3 fatalities." closing a coder's note
    unknown_toll: re.Pattern  # "Casualties unknown.": a coder's note of no counted dead
    person_only: frozenset[str]
    not_care_places: frozenset[str]
    non_person: frozenset[str]
    person: frozenset[str]
    targeting_verbs: frozenset[str]  # "struck", "hit" with ...
    targeting_subjects: frozenset[str]  # ... "it", "the military", "jets" as subject: a target, no victim
    titled_heads: dict[str, frozenset[str]]  # "head" → {"village", "district", ...}: a person so titled
    kinds: dict[str, str]
    additional: frozenset[str]
    update: frozenset[str]
    report: frozenset[str]
    speaker_nouns: frozenset[str]  # "source" of "..., a security source said": never a victim
    own_claim_subjects: frozenset[str]  # "it" of "X said it killed 47"
    own_claim_exempt: frozenset[str]  # "we buried 19 people": no claim of harm done
    own_claim_owners: frozenset[str]  # "group" of "a spokesman said the group's fighters killed 20"
    own_claim_speakers: frozenset[str]  # "spokesman": a speaker who is a party's voice
    claimed_deeds: frozenset[str]  # "claimed responsibility": no claim of a figure
    total: frozenset[str]
    self_inflicted: tuple[tuple[str, re.Pattern, str, bool], ...]
    stoppable_ids: frozenset[str]  # self-inflicted rules that an ``attacker_stopped`` article voids
    attacker_stopped: re.Pattern  # "a would-be suicide bomber", "before he could detonate"
    separate_ids: dict[str, str]  # a self-inflicted rule id → its id when not among the toll
    attacker_in_toll: re.Pattern  # "killing 12 people, including the bomber"
    alive_nouns: frozenset[str]  # "survivors": wounded, none among the dead
    trailing_tally: re.Pattern  # ", bringing the toll since the coup to 79"
    cause_phrase: re.Pattern  # "protested against the killing of": another incident
    wider_tally: re.Pattern  # ", one of at least 23 people shot across the city since Friday"
    other_attacker: re.Pattern  # "a second suspected bomber was arrested": not the attack's bomber
    earlier_death: re.Pattern  # "a relative who had died days earlier": no death of the event
    related_links: re.Pattern  # "RELATED: 1 dead in South Side shooting"
    list_item: re.Pattern  # "- 2 hurt in ..." (a list item line)
    weekday: re.Pattern  # any weekday name
    weekday_opening: re.Pattern  # a sentence opening "On Monday,"
    weekday_pluperfect: re.Pattern  # "had killed two rebels ... on Monday"
    weekday_told: re.Pattern  # "an official told reporters on Wednesday"
    weekday_told_directly: re.Pattern  # "officials said Friday"
    new_operation: re.Pattern  # "jets had struck a hideout": a new operation, another incident
    later_period: re.Pattern  # "over the following days": after the event
    other: tuple[tuple[str, re.Pattern], ...]
    other_later: tuple[tuple[str, re.Pattern], ...]  # ... in a sentence after the first
    other_after_toll: tuple[tuple[str, re.Pattern], ...]  # ... after a sentence with the story's own figure
    tally_continuation: re.Pattern  # "More than 2,600 people have been shot." after a tally
    recalled_continuation: re.Pattern  # "The commander at the time was killed": the time recalled before
    operation_continuation: re.Pattern  # "killed during the operation", after a later operation
    aircraft: frozenset[str]  # "both drones were shot down": no people
    aircraft_verbs: frozenset[str]  # "shoot down"
    perpetrator_verbs: frozenset[str]  # "a man who shot a clerk": the perpetrator
    police_target_verbs: frozenset[str]  # "a man he had tried to stop": the suspect
    label_joint: re.Pattern  # "Fatalities: 6", "Fatalities coded as 11"
    label_openers: frozenset[str]  # "Best" of "Best estimate: 12"
    plural_aux: frozenset[str]  # "were" of "3 FC personnel and 2 attackers were killed"
    accompanying_words: frozenset[str]  # "along" of "along with two other residents"
    quantity_of_heads: frozenset[str]  # "total" of "A total of 15 people were killed"
    updated_only_tolls: frozenset[str]  # "figure" of "the figure had risen to 19"
    revise_verbs: frozenset[str]  # "revised" of "police revised the figure to 12"
    membership_nouns: frozenset[str]  # "members" of "three members of the VDP"
    armed_bodies: frozenset[str]  # "the NSAG" of "two members of the NSAG": the armed side
    group_fighter_nouns: frozenset[str]  # "fighters" of "four Front fighters"
    armed_words: frozenset[str]  # "armed" of "three armed members of the X Front"
    fighter_nouns: frozenset[str]  # "fighters": combatants of some side, named or not
    armed_person_nouns: frozenset[str]  # "man" of "another armed man": the armed side
    own_men_nouns: frozenset[str]  # "men" of "nine of their men": a side's own, besides its fighters
    any_side_words: frozenset[str]  # "force" of "the Kurdish-led force": no word of the state's side
    succumbed: re.Pattern  # "had succumbed": died of wounds told before
    army_ranks_too: frozenset[str]  # "officer": police, or an army's rank among soldiers
    armed_group: re.Pattern  # a named non-state armed group (rules/actors.yaml)
    former: frozenset[str]  # "former" of "a former rebel commander": of no side now
    retreat_verbs: frozenset[str]  # "fled" of "fled, leaving 14 bodies": the bodies are theirs
    friendly_side: re.Pattern  # "on the friendly side, we deplore 23 killed": the forces' dead
    martyr_verbs: frozenset[str]  # "rose" of "Four of our heroes rose as martyrs"
    martyr_nouns: frozenset[str]
    toll_subject: re.Pattern  # "The figure does not include the two bombers": of the toll before
    contrast_clause: re.Pattern  # ", while": a clause of other victims
    injured_one_died: re.Pattern  # "A woman injured in the shelling died": one more dead
    claim_back_reference: re.Pattern  # "The claim could not be verified": of the sentence before
    misread_verbs: dict[str, tuple[str, str]]  # "shot" → ("dead", "shoot"): a verb phrase read as a noun
    other_section: tuple[tuple[str, re.Pattern], ...]
    other_year_no_date: re.Pattern
    month_only: re.Pattern  # a sentence opening "In April," (a month with no day)
    relative_turn: re.Pattern  # ", which ...": a clause that may tell another month's deed
    day_date: re.Pattern  # "on 11 December", "on Dec. 11"
    earlier_opening: re.Pattern  # "Earlier," opening a sentence after another incident's cue
    clause_day: re.Pattern  # "3 Jan" of a digest's clause
    month_names: re.Pattern  # any month name (the lead's month)
    countries: dict[str, str]
    hypothetical_aux: frozenset[str]
    hypothetical_verbs: frozenset[str]
    hypothetical_adverbs: frozenset[str]
    hypothetical_marks: frozenset[str]  # "whether" of "did not say whether the two were killed"
    incident_multiples: dict[str, int]
    incident_implied: dict[str, object]
    incident_excluded: frozenset[str]
    incident_fatal: frozenset[str]
    reflexive: frozenset[str]
    singular_pron: frozenset[str]
    vague: frozenset[str]
    quantity_nouns: frozenset[str]
    quantity_modifiers: frozenset[str]
    quantity_dets: frozenset[str]  # "both attackers"
    lost_men: frozenset[str]  # "the army lost three soldiers"
    death_idioms: dict[str, tuple[frozenset[str], frozenset[str], str]]  # verb → (objects, modifiers, trigger)
    martyrdom: frozenset[str]  # "embraced martyrdom", "embraced shahadat"
    one_event_plurals: frozenset[str]  # "clashes": a plural that names one event
    group_names: frozenset[str]  # armed groups' names, lower case (rules/actors.yaml aliases)
    quantity_det_nouns: frozenset[str]  # the nouns they count
    nobody: frozenset[str]
    not_counts: frozenset[str]
    time_words_after_count: frozenset[str]  # "overnight" of "rose to 14 overnight"
    ordinals: tuple[str, ...]
    not_fatally: frozenset[str]
    fatal_adverbs: frozenset[str]  # "fatally", "mortally": a hit that killed
    qualifier_preps: frozenset[str]  # "over", "between": a figure's opener parsed as a preposition
    counted_collectives: frozenset[str]  # "a family of five": the size is the figure
    dead_among_hurt: re.Pattern  # "one of them died", "one of the wounded died"
    unverified: re.Pattern  # "a figure that could not be independently verified"
    refuted: re.Pattern  # "The army denied the claim"
    dismissed_as: re.Pattern  # "dismissed them as exaggerated": a refutation of any figure before it
    accident_injury: re.Pattern  # "suffered a knee injury when he slipped on ice"
    accident_exceptions: re.Pattern  # ... unless the sentence tells gunfire, a blast or a blade
    by_state_forces: re.Pattern  # "killed when government troops raided the town"
    sideless_people: frozenset[str]  # "people": a noun that names no side
    dead_among_hurt_later: re.Pattern  # "... died later", "... succumbed": after the toll told


@functools.lru_cache(maxsize=1)
def load_rules() -> Rules:
    data = load_yaml("casualties.yaml")
    triggers: dict[str, dict] = {}
    for rule in data["triggers"]:
        for lemma in rule["lemmas"]:
            triggers.setdefault(lemma, rule)
    care_triggers = {lemma: rule for rule in data["care_triggers"] for lemma in rule["lemmas"]}
    noun_triggers: dict[str, dict] = {}
    for rule in data["triggers"]:
        if rule["shape"] in ("noun", "toll"):
            for lemma in rule["lemmas"]:
                noun_triggers.setdefault(lemma, rule)
    kinds = {w: kind for kind, words in data["victim_kinds"].items() for w in words}
    return Rules(
        reflexive=frozenset(data["reflexive_pronouns"]),
        singular_pron=frozenset(data["singular_pronouns"]),
        vague=frozenset(data["vague_nouns"]),
        quantity_nouns=frozenset(data["quantity_nouns"]),
        quantity_modifiers=frozenset(data["quantity_modifiers"]),
        quantity_dets=frozenset(data["quantity_determiners"]["words"]),
        one_event_plurals=frozenset(data["one_event_plurals"]),
        martyrdom=frozenset(data["martyrdom_nouns"]),
        death_idioms={d["verb"]: (frozenset(d["objects"]), frozenset(d.get("modifiers") or ()), d["trigger"])
                      for d in data["death_idioms"]},
        lost_men=frozenset(data["lost_men_nouns"]),
        group_names=frozenset(str(a).lower() for e in load_yaml("actors.yaml")["named"]
                              for a in e.get("aliases") or () if " " not in str(a)),
        quantity_det_nouns=frozenset(data["quantity_determiners"]["nouns"]),
        nobody=frozenset(data["nobody_words"]),
        not_counts=frozenset(data["not_counts"]),
        time_words_after_count=frozenset(data["time_words_after_count"]),
        ordinals=tuple(data["ordinal_words"]),
        not_fatally=frozenset(str(w) for w in data["not_fatally_words"]),
        fatal_adverbs=frozenset(data["fatal_adverbs"]),
        qualifier_preps=frozenset(data["qualifier_preps"]),
        counted_collectives=frozenset(data["counted_collectives"]),
        dead_among_hurt=re.compile(data["dead_among_hurt"]),
        dead_among_hurt_later=re.compile(data["dead_among_hurt_later"]),
        triggers=triggers,
        noun_triggers=noun_triggers,
        care_triggers=care_triggers,
        illness=frozenset(str(w).lower() for w in data["illness_causes"]),
        illness_mods=frozenset(str(w).lower() for w in data["illness_death_modifiers"]),
        initial=re.compile(data["initial_estimate"], re.I),
        revised_toll=re.compile(data["revised_toll"], re.I),
        neutralise_covers_taken=re.compile(data["neutralise_covers_taken"]),
        killed_and_hurt=re.compile(data["killed_and_hurt"], re.I),
        group_claim=re.compile(data["group_claim"].replace("{group}", armed_group_alternation()), re.I),
        unverified=re.compile(data["unverified_claim"], re.I),
        refuted=re.compile(data["refuted_claim"], re.I),
        dismissed_as=re.compile(data["dismissed_as"], re.I),
        accident_injury=re.compile(data["accident_injury"], re.I),
        accident_exceptions=re.compile(data["accident_exceptions"], re.I),
        by_state_forces=re.compile(data["by_state_forces"], re.I),
        sideless_people=frozenset(data["sideless_people"]),
        survived=re.compile(data["survived"], re.I),
        unharmed=re.compile(data["unharmed"], re.I),
        survived_clause=re.compile(data["survived_clause"], re.I),
        alive_nouns=frozenset(data["alive_nouns"]),
        suicide_attackers=re.compile(data["suicide_attackers"], re.I),
        excluded_attackers=re.compile(data["excluded_attackers"], re.I),
        among={str(k): str(v) for k, v in data["among"].items()},
        labels={str(k): str(v) for k, v in data["labels"].items()},
        label_sentence=re.compile(data["label_sentence"], re.I),
        unknown_toll=re.compile(data["unknown_toll"], re.I),
        label_joint=re.compile(data["label_joint"]),
        label_openers=frozenset(data["label_openers"]),
        plural_aux=frozenset(data["joined_subjects"]["plural_aux"]),
        accompanying_words=frozenset(data["accompanying_words"]),
        quantity_of_heads=frozenset(data["quantity_of_heads"]),
        updated_only_tolls=frozenset(data["updated_only_tolls"]),
        revise_verbs=frozenset(data["revise_verbs"]),
        membership_nouns=frozenset(data["membership_nouns"]),
        armed_bodies=frozenset(data["armed_bodies"]),
        group_fighter_nouns=frozenset(data["group_fighter_nouns"]),
        armed_words=frozenset(data["armed_words"]),
        fighter_nouns=frozenset(data["fighter_nouns"]),
        armed_person_nouns=frozenset(data["armed_person_nouns"]),
        own_men_nouns=frozenset(data["own_losses"]["men_nouns"]),
        any_side_words=frozenset(data["own_losses"]["any_side_words"]),
        succumbed=re.compile(data["succumbed"], re.I),
        army_ranks_too=frozenset(data["army_ranks_too"]),
        armed_group=re.compile(r"(?<![\w-])" + armed_group_alternation() + r"(?![\w-])", re.I),
        former=frozenset(data["former_words"]),
        retreat_verbs=frozenset(data["retreat_verbs"]),
        friendly_side=re.compile(data["friendly_side"], re.I),
        martyr_verbs=frozenset(data["martyr_verbs"]),
        martyr_nouns=frozenset(data["martyr_nouns"]),
        toll_subject=re.compile(data["toll_subject"], re.I),
        contrast_clause=re.compile(data["contrast_clause"], re.I),
        injured_one_died=re.compile(data["injured_one_died"]),
        claim_back_reference=re.compile(data["claim_back_reference"], re.I),
        misread_verbs={d["word"]: (d["next"], d["lemma"]) for d in data["misread_verb_phrases"]},
        person_only=frozenset(data["person_only"]),
        not_care_places=frozenset(data["not_care_places"]),
        non_person=frozenset(data["non_person"]),
        person=frozenset(data["person"]),
        titled_heads={k: frozenset(v) for k, v in data["titled_heads"].items()},
        targeting_verbs=frozenset(data["targeting_verbs"]),
        targeting_subjects=frozenset(data["targeting_subjects"]),
        kinds=kinds,
        additional=frozenset(data["additional_words"]),
        update=frozenset(data["update_verbs"]),
        report=frozenset(data["report_verbs"]),
        speaker_nouns=frozenset(data["speaker_nouns"]),
        own_claim_subjects=frozenset(data["own_claim_subjects"]),
        own_claim_exempt=frozenset(data["own_claim_exempt_lemmas"]),
        own_claim_owners=frozenset(data["own_claim_owners"]),
        own_claim_speakers=frozenset(data["own_claim_speakers"]),
        claimed_deeds=frozenset(data["claimed_deeds"]),
        total=frozenset(data["total_words"]),
        self_inflicted=tuple((r["id"], re.compile(r["pattern"], re.I), r["category"],
                              bool(r.get("includes_killed"))) for r in data["self_inflicted"]),
        separate_ids={r["id"]: r["separate_id"] for r in data["self_inflicted"] if r.get("separate_id")},
        stoppable_ids=frozenset(r["id"] for r in data["self_inflicted"] if r.get("stoppable")),
        attacker_stopped=re.compile(data["attacker_stopped"], re.I),
        attacker_in_toll=re.compile(data["attacker_in_toll"], re.I),
        trailing_tally=re.compile(data["trailing_tally"], re.I),
        cause_phrase=re.compile(data["cause_phrase"], re.I),
        wider_tally=re.compile(data["wider_tally"], re.I),
        other_attacker=re.compile(data["other_attacker"], re.I),
        earlier_death=re.compile(data["earlier_death"], re.I),
        related_links=re.compile(data["related_links"], re.I),
        list_item=re.compile(data["list_item"]),
        weekday=re.compile(data["other_date"]["weekday"], re.I),
        weekday_opening=re.compile(data["other_date"]["weekday_opening"], re.I),
        weekday_pluperfect=re.compile(data["other_date"]["weekday_pluperfect"], re.I),
        weekday_told=re.compile(data["other_date"]["weekday_told"], re.I),
        weekday_told_directly=re.compile(data["other_date"]["weekday_told_directly"]),
        new_operation=re.compile(data["other_date"]["new_operation"], re.I),
        later_period=re.compile(data["other_date"]["later_period"], re.I),
        other=tuple((r["id"], re.compile(r["pattern"], re.I)) for r in data["other_incident"]),
        other_later=tuple((r["id"], re.compile(r["pattern"], re.I)) for r in data["other_incident_later"]),
        other_after_toll=tuple((r["id"], re.compile(r["pattern"], re.I)) for r in data["other_incident_after_toll"]),
        tally_continuation=re.compile(data["tally_continuation"], re.I),
        recalled_continuation=re.compile(data["recalled_continuation"], re.I),
        operation_continuation=re.compile(data["operation_continuation"], re.I),
        aircraft=frozenset(data["aircraft"]),
        aircraft_verbs=frozenset(data["aircraft_verbs"]),
        perpetrator_verbs=frozenset(data["perpetrator_verbs"]),
        police_target_verbs=frozenset(data["police_target_verbs"]),
        other_section=tuple((r["id"], re.compile(r["pattern"], re.I)) for r in data["other_section"]),
        other_year_no_date=re.compile(data["other_year_no_date"], re.I),
        month_only=re.compile(data["other_date"]["month_only"], re.I),
        relative_turn=re.compile(data["other_date"]["relative_turn"], re.I),
        day_date=re.compile(data["other_date"]["day_date"], re.I),
        earlier_opening=re.compile(data["other_date"]["earlier_opening"], re.I),
        clause_day=re.compile(data["other_date"]["clause_day"], re.I),
        month_names=re.compile(data["other_date"]["month"], re.I),
        countries={str(k).lower(): v for k, v in data["countries"].items()},
        hypothetical_aux=frozenset(data["hypothetical"]["aux"]),
        hypothetical_verbs=frozenset(data["hypothetical"]["verbs"]),
        hypothetical_adverbs=frozenset(data["hypothetical"]["adverbs"]),
        hypothetical_marks=frozenset(data["hypothetical"]["marks"]),
        incident_multiples={str(k): int(v) for k, v in data["incidents"]["multiples"].items()},
        incident_implied=dict(data["incidents"]["implies_one_dead"]),
        incident_excluded=frozenset(data["incidents"]["excluded_modifiers"]),
        incident_fatal=frozenset(data["incidents"]["fatal_modifiers"]),
    )



def _joined_subjects(toks: tuple[Token, ...], kids: list[list[int]]) -> tuple[Token, ...]:
    """Two subjects of one verb joined by "and" ("3 FC personnel and 2 attackers were killed",
    parsed as two subjects) are one subject and its conjunct, as a list of victims is; an
    uncounted second one after a count and a comma tells what the count was (an apposition)
    (``kids`` is updated in place). The verb agrees with a plural ("were", "have"), or both
    are counted ("two soldiers and a civilian died"): not "A man shot at 22nd and Bragg has
    died", "Their mother — and his wife — Jane Doe was found"."""
    plural_aux, report = load_rules().plural_aux, load_rules().report
    out: Optional[list[Token]] = None
    for verb, ks in enumerate(kids):
        # "Fifteen insurgents, four soldiers and three civilians died, a spokesman told reporters":
        # the parser hangs the first subject on the reporting verb; the verb told between it and
        # the speaker is its own
        subjects = [c for c in ks if toks[c].dep in ("nsubj", "nsubjpass") and c < verb]
        told = [c for c in ks if toks[c].dep == "ccomp" and c < verb]
        for a, b in zip(subjects, subjects[1:]):
            inner = [c for c in told if a < c < b]
            if inner and toks[a].pos in ("NOUN", "PROPN"):
                out = out if out is not None else list(toks)
                _reattach(out, kids, a, inner[0], toks[a].dep)
                continue
            # "Two men, including a trader, survived with gunshot wounds and were treated at a
            # clinic, a nurse said": the clause's finite verb hung on its subject (an "acl")
            # (a participle only when a finite verb is joined to it: "survived ... and were treated")
            own = [c for c in kids[a] if toks[c].dep == "acl" and a < c < b and (toks[c].tag == "VBD" or any(
                toks[j].dep == "conj" and any(toks[x].dep in ("aux", "auxpass") and toks[x].tag in ("VBD", "VBZ", "VBP")
                                              for x in kids[j]) for j in kids[c]))]
            if own and toks[a].pos == "NOUN" and toks[verb].lemma.lower() in report:
                out = out if out is not None else list(toks)
                _reattach(out, kids, own[0], verb, "ccomp")
                _reattach(out, kids, a, own[0], "nsubj")
    toks = tuple(out) if out is not None else toks
    for verb, ks in enumerate(kids):
        subjects = [c for c in ks if toks[c].dep in ("nsubj", "nsubjpass") and c < verb]
        if len(subjects) == 1:
            # "Two jawans, a head constable and a constable, both residents of X, were killed":
            # a counted noun left unattached ("dep") before the subject, with a comma after it,
            # is the subject, the one after it what they were
            counted = [c for c in ks if toks[c].dep == "dep" and c < subjects[0] and toks[c].pos == "NOUN"
                       and toks[c + 1].text == "," and _counted(toks, kids, c)]
            if counted:
                out = out if out is not None else list(toks)
                _reattach(out, kids, counted[0], verb, toks[subjects[0]].dep)
                subjects = [counted[0], subjects[0]]
        if len(subjects) < 2:
            continue
        aux = [toks[c].text.lower() for c in ks if toks[c].dep in ("aux", "auxpass")]
        for a, b in zip(subjects, subjects[1:]):
            agrees = any(w in plural_aux for w in aux) if aux else all(
                any(toks[c].dep == "nummod" for c in kids[k]) for k in (a, b))
            listed = toks[a].pos == "NOUN" and toks[_left_edge(kids, b) - 1].text.lower() not in (
                "them", "whom", "including", "among") and "," in (
                toks[a + 1].text, toks[_right_edge(kids, a)].text) and _joined_by_and(
                toks, kids, b)  # "Fifteen insurgents, four soldiers and three civilians died"
            # (the "and" may hang on a part told between them: "Six villagers, including a boy,
            # and one member of the forces were killed")
            joined = any(toks[c].dep == "cc" and a < c < b for c in kids[a]) or (
                toks[_left_edge(kids, b) - 1].dep == "cc" and toks[_left_edge(kids, b) - 1].text.lower() == "and")
            if agrees and (joined or listed):
                out = out if out is not None else list(toks)
                _reattach(out, kids, b, a, "conj")
            elif (_counted(toks, kids, a) or toks[a].like_num) and not _counted(toks, kids, b) and "," in (
                    toks[a + 1].text, toks[min(_right_edge(kids, a) + 1, verb)].text):
                # "At least 50 people, most of them soldiers, were killed", "two of the wounded, a
                # man and his son, had died": what the count was
                out = out if out is not None else list(toks)
                _reattach(out, kids, b, a, "appos")
    return tuple(out) if out is not None else toks


def _speaker_misread_as_apposition(toks: tuple[Token, ...], kids: list[list[int]]) -> tuple[Token, ...]:
    """"..., killing at least seven worshippers, a Taliban spokesman for the police said": the
    parser makes the victims the subject of "said" and the speaker their apposition. When the
    verb right before the victims has no object, they are its object and the apposition is the
    speaker (``kids`` is updated in place)."""
    report = load_rules().report
    out: Optional[list[Token]] = None
    for x in toks:
        if x.dep != "nsubj" or x.pos != "NOUN" or toks[x.head].lemma.lower() not in report or x.head < x.i:
            continue
        speaker = next((a for a in kids[x.i] if toks[a].dep == "appos" and a > x.i
                        and toks[_left_edge(kids, a) - 1].text == ","), None)
        first = _left_edge(kids, x.i)
        verb = toks[first - 1] if first > 0 else None
        if speaker is None or verb is None or verb.pos != "VERB" or verb.tag not in ("VBG", "VBD") \
                or any(toks[c].dep == "dobj" for c in kids[verb.i]):
            continue
        out = out if out is not None else list(toks)
        said = x.head
        _reattach(out, kids, x.i, verb.i, "dobj")
        _reattach(out, kids, speaker, said, "nsubj")
    return tuple(out) if out is not None else toks


def _speakers_joined_to_victims(toks: tuple[Token, ...], kids: list[list[int]]) -> tuple[Token, ...]:
    """"..., killing two guards, a constable and three farmers, a police source and a
    witness said": the parser joins the speakers to the victims' list and leaves "said" without
    a subject. A speaker noun (casualties.yaml ``speaker_nouns``) joined to the list after a
    comma, whose phrase ends right before the subjectless report verb, is its subject (``kids``
    is updated in place)."""
    rules = load_rules()
    out: Optional[list[Token]] = None
    for said in toks:
        if said.lemma.lower() not in rules.report or said.i == 0 \
                or any(toks[c].dep in ("nsubj", "nsubjpass") for c in kids[said.i]):
            continue
        speaker = next((s for s in toks[max(0, said.i - 12):said.i] if s.dep == "conj" and s.pos == "NOUN"
                        and (s.lemma.lower() in rules.speaker_nouns or s.text.lower() in rules.speaker_nouns)
                        and toks[_left_edge(kids, s.i) - 1].text == ","
                        and _right_edge(kids, s.i) == said.i - 1), None)
        if speaker is not None:
            out = out if out is not None else list(toks)
            _reattach(out, kids, speaker.i, said.i, "nsubj")
    return tuple(out) if out is not None else toks


def _subject_after_source(toks: tuple[Token, ...], kids: list[list[int]]) -> tuple[Token, ...]:
    """"According to the civil defence, 10 civilians ... were killed": the parser hangs the
    counted victims on the source as its apposition and leaves the passive verb without a
    subject; they are its subject (``kids`` is updated in place)."""
    out: Optional[list[Token]] = None
    for verb in toks:
        if verb.pos != "VERB" or not any(toks[c].dep == "auxpass" for c in kids[verb.i]) \
                or any(toks[c].dep in ("nsubj", "nsubjpass") for c in kids[verb.i]):
            continue
        source = next((c for c in kids[verb.i] if toks[c].dep == "prep" and c < verb.i
                       and toks[c].text.lower() == "according"), None)
        if source is None:
            continue
        stack, found = [source], None
        while stack and found is None:
            j = stack.pop()
            for c in kids[j]:
                if toks[c].dep == "appos" and toks[c].pos == "NOUN" and toks[_left_edge(kids, c) - 1].text == "," \
                        and _counted(toks, kids, c):
                    found = c
                stack.append(c)
        if found is not None:
            out = out if out is not None else list(toks)
            _reattach(out, kids, found, verb.i, "nsubjpass")
    return tuple(out) if out is not None else toks


def _among_them_part(toks: tuple[Token, ...], kids: list[list[int]]) -> tuple[Token, ...]:
    """"At least 14 civilians, among them three children and a woman, were killed": the parser
    may join the part to the count as one more of a list; told "among them" it is the count's
    apposition, a part of it (``kids`` is updated in place)."""
    out: Optional[list[Token]] = None
    for x in toks:
        if x.dep != "conj" or x.head >= x.i:
            continue
        among = [p for p in kids[x.i] if toks[p].dep == "prep" and p < x.i and toks[p].text.lower() == "among"
                 and any(toks[o].text.lower() in ("them", "whom") for o in kids[p])]
        if among:
            out = out if out is not None else list(toks)
            _reattach(out, kids, x.i, x.head, "appos")
    return tuple(out) if out is not None else toks


_DATELINE_MARKS = frozenset({":", "—", "–", "--", "-"})


def _dateline_subject(toks: tuple[Token, ...], kids: list[list[int]]) -> tuple[Token, ...]:
    """"Moirang, Aug 3 : A 42-year-old farmer was killed": the parser takes the dateline's place
    for the subject and the victim for its apposition; after the dateline's colon or dash the
    apposition is the subject (``kids`` is updated in place)."""
    out: Optional[list[Token]] = None
    for x in toks:
        if x.dep != "appos" or x.head >= x.i:
            continue
        h = toks[x.head]
        if h.dep not in ("nsubj", "nsubjpass") or h.pos != "PROPN" or h.head == h.i \
                or not any(toks[k].text in _DATELINE_MARKS and toks[k - 1].end < toks[k].start
                           and toks[k].end < toks[k + 1].start  # (a mark set off by spaces, no hyphen)
                           # (the parser may hang the dateline's country inside the phrase:
                           # "MOGADISHU, Somalia - A ... commander and four of his bodyguards")
                           for k in range(h.i + 1, x.i)):
            continue
        out = out if out is not None else list(toks)
        verb, dep = h.head, h.dep
        _reattach(out, kids, x.i, verb, dep)
        _reattach(out, kids, h.i, verb, "npadvmod")
    # "CITY: A man died and at least a dozen people ... were injured": the parser makes
    # the dateline the subject of the second verb, hangs the first clause on it and joins the
    # second clause's subject to the first verb; that noun is the second verb's subject
    for h in (out or toks)[:4]:
        cur = out or toks
        if h.dep not in ("nsubj", "nsubjpass") or h.pos != "PROPN" or h.head == h.i or h.i + 1 >= len(cur) \
                or cur[h.i + 1].text not in _DATELINE_MARKS:
            continue
        verb = h.head
        if any(cur[c].dep in ("nsubj", "nsubjpass") and c != h.i for c in kids[verb]):
            continue
        joined = next((c for c in range(h.i + 2, verb) if cur[c].dep == "conj" and cur[c].pos == "NOUN"
                       and cur[cur[c].head].pos == "VERB" and h.i < cur[c].head < c), None)
        if joined is None:
            continue
        out = out if out is not None else list(toks)
        _reattach(out, kids, joined, verb, h.dep)
        _reattach(out, kids, h.i, verb, "npadvmod")
    return tuple(out) if out is not None else toks


def _counted(toks: tuple[Token, ...], kids: list[list[int]], i: int) -> bool:
    """The noun has a count, on itself or on a compound before it ("Two DRG jawans")."""
    return any(toks[k].dep == "nummod" for j in [i] + [j for j in kids[i] if toks[j].dep == "compound"]
               for k in kids[j])


def _reattach(out: list[Token], kids: list[list[int]], i: int, head: int, dep: str) -> None:
    """Hang token ``i`` from ``head`` with ``dep`` (``out`` and ``kids`` updated in place)."""
    old = out[i].head
    if old != i and i in kids[old]:
        kids[old].remove(i)
    out[i] = replace(out[i], head=head, dep=dep)
    if head != i:
        kids[head].append(i)
        kids[head].sort()


def _along_with(toks: tuple[Token, ...], kids: list[list[int]]) -> tuple[Token, ...]:
    """People "along with" or "together with" a verb's victims are more of its victims
    ("killing a woman and her three children along with two other residents"; the parser hangs
    them on the verb): they join the victims' list (``kids`` is updated in place)."""
    rules = load_rules()
    out: Optional[list[Token]] = None
    for t in toks:
        if t.text.lower() not in rules.accompanying_words or t.head == t.i:
            continue
        with_ = next((toks[c] for c in kids[t.i] if toks[c].text.lower() == "with"), None)
        verb = t.head
        if with_ is None and toks[t.head].text.lower() == "with" and t.head == t.i + 1:
            with_ = toks[t.head]  # ("together" hung on "with", "with" on the verb)
            verb = with_.head
        person = next((toks[c] for c in kids[with_.i] if toks[c].dep == "pobj"), None) if with_ else None
        victims = [c for c in kids[verb] if toks[c].dep in ("dobj", "nsubjpass") and c < t.i]
        if person is None or not victims or not (person.lemma.lower() in rules.person
                                                  or person.text.lower() in rules.person):
            continue
        last = victims[-1]
        while any(toks[c].dep == "conj" for c in kids[last]):
            last = max(c for c in kids[last] if toks[c].dep == "conj")
        out = out if out is not None else list(toks)
        _reattach(out, kids, person.i, last, "conj")
    return tuple(out) if out is not None else toks


def _quantity_of(toks: tuple[Token, ...], kids: list[list[int]]) -> tuple[Token, ...]:
    """"A total of 15 people were killed", "killing a total of nine": the parser makes "total" the
    verb's subject or object; the counted people after "of" take its place, "total" hung on them
    (``kids`` is updated in place)."""
    rules = load_rules()
    out: Optional[list[Token]] = None
    for t in toks:
        if t.text.lower() not in rules.quantity_of_heads or t.dep not in ("nsubj", "nsubjpass", "dobj") \
                or not any(toks[c].text.lower() == "a" for c in kids[t.i]):
            continue
        of = next((c for c in kids[t.i] if toks[c].text.lower() == "of" and c == t.i + 1), None)
        counted = next((c for c in kids[of] if toks[c].dep == "pobj"), None) if of is not None else None
        if counted is None or not (toks[counted].like_num or toks[counted].pos == "NUM"
                                   or _counted(toks, kids, counted)):
            continue
        out = out if out is not None else list(toks)
        _reattach(out, kids, counted, t.head, t.dep)
        _reattach(out, kids, t.i, counted, "npadvmod")
    return tuple(out) if out is not None else toks


def _subject_before_participle(toks: tuple[Token, ...], kids: list[list[int]]) -> tuple[Token, ...]:
    """"leaving two persons dead and seven others, including women and children, injured": a
    harm participle with no subject, after a comma, is told of the nearest counted plural before
    it (not a part of it after "including") when no verb stands between them; the parser hung
    that plural elsewhere (``kids`` is updated in place)."""
    rules = load_rules()
    out: Optional[list[Token]] = None
    for v in toks:
        if not _harm_participle(v, rules) or v.i < 2 \
                or any(toks[c].dep in ("nsubj", "nsubjpass") for c in kids[v.i]) or toks[v.i - 1].text != ",":
            continue
        counted = [n for n in toks[max(0, v.i - 15):v.i - 1] if n.tag == "NNS"
                   and any(toks[c].dep == "nummod" for c in kids[n.i])
                   and toks[n.head].text.lower() not in PART_PREPS]  # (not a part)
        noun = counted[-1] if counted else None
        if noun is None or noun.head == v.i or any(t.pos in ("VERB", "AUX") and t.dep != "prep"
                                                    for t in toks[noun.i + 1:v.i]):  # ("including" is a prep)
            continue
        out = out if out is not None else list(toks)
        _reattach(out, kids, noun.i, v.i, "nsubjpass")
    return tuple(out) if out is not None else toks


def _subject_split_by_and(toks: tuple[Token, ...], kids: list[list[int]]) -> tuple[Token, ...]:
    """"Residents said a couple and their three children were hacked to death", "two farmers
    returning from the market and a vigilante were shot dead": the parser makes the first
    subject the object of the reporting verb, or the subject of the participle after it, and
    joins the harm verb to that verb; the first noun is a subject of the harm participle too,
    the one after "and" its conjunct (``kids`` is updated in place)."""
    rules = load_rules()
    out: Optional[list[Token]] = None
    for cc in toks:
        if cc.text.lower() != "and" or cc.dep != "cc" or cc.head == cc.i:
            continue
        h1 = toks[cc.head]
        if h1.pos not in ("VERB", "AUX") or h1.i > cc.i:
            continue
        second = next((toks[c] for c in kids[h1.i] if toks[c].dep == "conj" and c > cc.i
                       and _harm_participle(toks[c], rules)), None)
        n2 = next((toks[c] for c in kids[second.i] if toks[c].dep == "nsubjpass"
                   and _left_edge(kids, c) == cc.i + 1), None) if second is not None else None
        if n2 is None:
            continue
        if h1.lemma.lower() in rules.report:  # "said a couple and ..."
            n1 = next((toks[c] for c in kids[h1.i] if toks[c].dep == "dobj" and _right_edge(kids, c) == cc.i - 1), None)
        elif h1.tag in ("VBG", "VBN") and h1.dep in ("advcl", "acl") \
                and max([h1.i] + [_right_edge(kids, c) for c in kids[h1.i] if c < cc.i]) == cc.i - 1:
            n1 = next((toks[c] for c in kids[h1.i] if toks[c].dep == "nsubj" and c < h1.i), None)
        else:
            n1 = None
        if n1 is None or n1.pos != "NOUN":
            continue
        out = out if out is not None else list(toks)
        if h1.lemma.lower() not in rules.report:  # "farmers returning from the market": a participle on them
            _reattach(out, kids, second.i, h1.head, h1.dep)
            _reattach(out, kids, h1.i, n1.i, "acl")
        _reattach(out, kids, n1.i, second.i, "nsubjpass")
        _reattach(out, kids, cc.i, n1.i, "cc")
        _reattach(out, kids, n2.i, n1.i, "conj")
    return tuple(out) if out is not None else toks


def _shot_dead_misread(toks: tuple[Token, ...], kids: list[list[int]]) -> tuple[Token, ...]:
    """"Gunmen on a motorcycle shot dead two men": the parser reads "motorcycle shot" as a noun
    and "dead" as the verb of the clause. "shot" tagged a noun, right before a "dead" that
    governs the clause's object, is the verb: it takes the place of "dead" and its subject and
    object, and "dead" hangs on it (casualties.yaml ``misread_verb_phrases``; ``kids`` is
    updated in place)."""
    misread = load_rules().misread_verbs
    out: Optional[list[Token]] = None
    for t in toks:
        phrase = misread.get(t.text.lower())
        if phrase is None or t.pos != "NOUN" or t.i + 1 >= len(toks):
            continue
        dead = toks[t.i + 1]
        if dead.text.lower() != phrase[0] or not any(toks[c].dep == "dobj" for c in kids[dead.i]):
            continue
        out = out if out is not None else list(toks)
        root = dead.head == dead.i
        _reattach(out, kids, t.i, t.i if root else dead.head, dead.dep)
        out[t.i] = replace(out[t.i], pos="VERB", tag="VBD", lemma=phrase[1])
        for c in list(kids[dead.i]):
            if out[c].dep in ("nsubj", "dobj", "prep", "npadvmod", "punct", "advcl", "cc", "conj") and c != t.i:
                _reattach(out, kids, c, t.i, out[c].dep)
        _reattach(out, kids, dead.i, t.i, "oprd")
    return tuple(out) if out is not None else toks


def _count_on_adjective(toks: tuple[Token, ...], kids: list[list[int]]) -> tuple[Token, ...]:
    """A count the parser hung on the adjective after it ("The fifteen other wounded": "fifteen"
    on "other") counts the noun the adjective modifies (``kids`` is updated in place)."""
    out: Optional[list[Token]] = None
    for t in toks:
        if not (t.tag == "CD" or t.like_num) or t.dep not in ("amod", "advmod", "npadvmod", "nummod") \
                or t.head != t.i + 1:
            continue
        adj = toks[t.head]
        if adj.tag != "JJ" or adj.dep != "amod" or adj.head <= adj.i:
            continue
        out = out if out is not None else list(toks)
        _reattach(out, kids, t.i, adj.head, "nummod")
    return tuple(out) if out is not None else toks


def _count_word_as_compound(toks: tuple[Token, ...], kids: list[list[int]]) -> tuple[Token, ...]:
    """A count word the parser took for a noun compound ("killed a dozen bandits in the forest":
    "dozen" a compound of "bandits", "a" their article) is the noun's count, its article part of
    the count (``kids`` is updated in place)."""
    out: Optional[list[Token]] = None
    for t in toks:
        if t.dep != "compound" or t.ent_type != "CARDINAL" or t.i == 0 or t.head <= t.i:
            continue
        art = toks[t.i - 1]
        if art.dep != "det" or art.head != t.head or art.ent_type != "CARDINAL":
            continue
        out = out if out is not None else list(toks)
        _reattach(out, kids, t.i, t.head, "nummod")
        _reattach(out, kids, art.i, t.i, "quantmod")
    return tuple(out) if out is not None else toks


def _harm_participle(v: Token, rules: Rules, tags: tuple[str, ...] = ("VBN",)) -> bool:
    """``v`` is a participle (``tags``) of a verb-shaped casualty trigger ("wounded", "killed")."""
    rule = rules.triggers.get(v.lemma.lower())
    return v.tag in tags and rule is not None and rule["shape"] == "verb"


def _bare_count_subject(toks: tuple[Token, ...], kids: list[list[int]]) -> tuple[Token, ...]:
    """A coder's list of counts: "7 soldiers killed, 6 wounded" (the parser hangs "6" on the
    soldiers as an apposition and makes the soldiers the subject of "wounded"): a bare number
    right before a verb-shaped harm participle is that verb's subject (``kids`` is updated in
    place)."""
    rules = load_rules()
    out: Optional[list[Token]] = None
    for t in toks:
        if not t.like_num or t.dep != "appos" or t.i + 1 >= len(toks):
            continue
        verb = toks[t.i + 1]
        if not _harm_participle(verb, rules, ("VBN", "VBD")):
            continue
        subj = t.head
        if toks[subj].head != verb.i or toks[subj].dep not in ("nsubj", "nsubjpass"):
            continue
        out = out if out is not None else list(toks)
        _reattach(out, kids, subj, verb.i, "dep")  # (no longer its subject)
        _reattach(out, kids, t.i, verb.i, "nsubjpass")
    return tuple(out) if out is not None else toks


def _unit_counts(toks: tuple[Token, ...], kids: list[list[int]]) -> tuple[Token, ...]:
    """A count before a unit's name belongs to the people named after it ("Three Central
    Reserve Police Force (CRPF) jawans", "Six South Sudan People's Defence Forces (SSPDF)
    soldiers"): the parser hangs the number on the name, and the people on the name as its
    apposition; the people become the head, the name their modifier, the number their count
    (``kids`` is updated in place)."""
    rules = load_rules()
    out: Optional[list[Token]] = None

    def move(i: int, head: int, dep: str) -> None:
        nonlocal out
        out = out if out is not None else list(toks)
        _reattach(out, kids, i, head, dep)

    for x in toks:
        low = x.text.lower()
        if x.pos != "NOUN" or not (x.lemma.lower() in rules.person or low in rules.person
                                   or low.endswith("s") and low[:-1] in rules.person):
            continue
        if any(toks[c].dep == "nummod" for c in kids[x.i]):
            continue
        if x.dep == "appos" and toks[x.head].pos == "PROPN" and x.head < x.i:
            name = x.head  # "Six ... Defence Forces (SSPDF) soldiers": the people are the head
        else:
            name = next((c for c in kids[x.i] if c < x.i and toks[c].dep in ("nmod", "compound")
                         and toks[c].pos == "PROPN"), -1)
            if name < 0:
                continue
        first = _left_edge(kids, name)
        num = toks[first]
        if first >= name or not num.like_num or num.dep not in ("nummod", "compound") \
                or any(toks[k].pos not in ("PROPN", "PART", "PUNCT", "NUM") for k in range(first + 1, name)):
            continue
        if name == x.head:
            move(x.i, toks[name].head if toks[name].head != name else x.i, toks[name].dep)
            move(name, x.i, "compound")
        move(first, x.i, "nummod")
    for x in toks:
        # "Eight militants and a Central Reserve Police Force (CRPF) jawan were killed": the
        # parser joins the unit's name to the list and hangs the person elsewhere; the person
        # takes the name's place, the name (and its article) theirs
        low = x.text.lower()
        if x.i < 4 or toks[x.i - 1].text != ")" or toks[x.i - 3].text != "(" \
                or not (low in rules.person or x.lemma.lower() in rules.person):
            continue
        name = toks[x.i - 4]
        if name.pos != "PROPN" or any(toks[c].dep == "det" for c in kids[x.i]):
            continue
        if x.dep == "appos" and name.dep in ("conj", "nsubj", "nsubjpass", "dobj", "pobj") and name.head != name.i:
            move(x.i, name.head, name.dep)
        elif name.head != x.i:
            continue
        for c in [c for c in kids[name.i] if toks[c].dep == "det"]:
            move(c, x.i, "det")
        move(name.i, x.i, "compound")
    return tuple(out) if out is not None else toks


def _list_repairs(toks: tuple[Token, ...], kids: list[list[int]]) -> tuple[Token, ...]:
    """Misparses of a list of people (``kids`` is updated in place):
    - "killing 11 people, a police officer and an official said": the list after the comma
      that runs up to a reporting verb with no subject is its speaker;
    - "killed the driver, his assistant and nine passengers": the parser hangs "his assistant"
      on the comma, the reporting verb or the verb as a second object; it joins the noun
      before the comma as its conjunct;
    - "Two civilians, including a boy, and a soldier were killed": the soldier, joined after
      the closed "including" phrase, joins the counted head, not the boy."""
    out: Optional[list[Token]] = None

    def move(i: int, head: int) -> None:
        nonlocal out
        out = out if out is not None else list(toks)
        _reattach(out, kids, i, head, "conj")

    report = load_rules().report
    speakers: set[int] = set()
    for x in toks:
        # "killing 11 people, a police officer and a regional official said": the list after
        # the comma that runs up to a subjectless reporting verb is its speaker, no victims
        if x.dep not in ("appos", "conj", "dobj") or x.head >= x.i or x.pos not in ("NOUN", "PROPN"):
            continue
        first = _left_edge(kids, x.i)
        if toks[first - 1].text != ",":
            continue
        last = x.i
        while any(toks[c].dep == "conj" and c > last for c in kids[last]):
            last = max(c for c in kids[last] if toks[c].dep == "conj")
        end = _right_edge(kids, last)  # the end of the last one's phrase
        verb = toks[end + 1] if end + 1 < len(toks) else None
        if verb is not None and verb.lemma.lower() in report and verb.pos in ("VERB", "AUX") \
                and not any(toks[c].dep in ("nsubj", "nsubjpass") for c in kids[verb.i]):
            out = out if out is not None else list(toks)
            _reattach(out, kids, x.i, verb.i, "nsubj")
            speakers.add(x.i)
    for n in toks:
        if n.i in speakers:
            continue
        # a noun phrase right after "<object>," that the parser hangs elsewhere (on the comma,
        # or on the reporting verb), and that goes on as a list ("his assistant and nine ...")
        if n.pos not in ("NOUN", "PROPN") or n.head == n.i:  # (not "..., both 31 and of Jackson")
            continue
        first = _left_edge(kids, n.i)
        if first < 2 or toks[first - 1].text != ",":
            continue
        before = toks[first - 2]
        if before.pos not in ("NOUN", "PROPN") or before.dep not in ("dobj", "pobj", "nsubjpass", "conj") \
                or n.head == before.i:  # (hung on the noun before: a list or an apposition already)
            continue
        on_comma = n.head == first - 1
        listed = _joined_by_and(toks, kids, n.i)
        # (not the speakers: "..., two residents and a health worker said"; but "his assistant
        # and nine passengers, including ..., residents said" goes on with the victim's people)
        kin = any(toks[c].dep == "poss" and toks[c].pos == "PRON" for c in kids[n.i])
        # two objects of one verb, the second no part told ("among them one staff member")
        sibling = n.dep == "dobj" and n.head == before.head and before.dep == "dobj" and not any(
            toks[c].text.lower() in ("among", "including") for c in kids[n.i])
        # (or a noun joined to the verb itself: "killing the village head, his two wives and a boy")
        if on_comma or sibling or (listed and (
                n.dep in ("npadvmod", "appos", "dep") or n.dep == "nsubj" and kin and n.head > n.i
                or n.dep == "conj" and toks[n.head].pos == "VERB" and n.head == before.head)):
            move(n.i, before.i)
    for x in toks:
        if x.dep != "conj" or x.pos not in ("NOUN", "PROPN"):
            continue
        h = toks[x.head]
        prep = toks[h.head] if h.dep == "pobj" else None
        if prep is None or prep.text.lower() not in ("including", "among") or prep.head >= prep.i:
            continue
        if any(toks[c].dep == "cc" and toks[c].text.lower() == "and" and toks[c - 1].text == ","
               for c in kids[h.i] if h.i < c < x.i):  # ", and" (not "as well as": still included)
            move(x.i, prep.head)
    return tuple(out) if out is not None else toks


def _qualified_subject(toks: tuple[Token, ...], kids: list[list[int]]) -> tuple[Token, ...]:
    """"One person was killed and over a dozen were injured": the parser reads the second
    verb's subject, a qualified count, as a phrase on "over"; the count is the subject and the
    qualifier its modifier (``kids`` is updated in place)."""
    out: Optional[list[Token]] = None
    qualifiers = load_rules().qualifier_preps
    for q in toks:
        if q.text.lower() not in qualifiers or q.dep != "prep":
            continue
        verb = q.head
        if verb < q.i:  # hung on the first verb: the subjectless verb joined to it after the count
            verb = next((c for c in kids[verb] if c > q.i and toks[c].dep == "conj" and toks[c].pos == "VERB"), -1)
            if verb < 0:
                continue
        if any(toks[c].dep in ("nsubj", "nsubjpass") for c in kids[verb]) or not any(
                toks[c].dep in ("auxpass", "aux") and q.i < c for c in kids[verb]):
            continue
        count = next((c for c in kids[q.i] if toks[c].dep == "pobj"), None)
        if count is None or not (toks[count].like_num or toks[count].lemma.lower() in ("dozen", "score", "hundred")):
            continue
        out = out if out is not None else list(toks)
        _reattach(out, kids, count, verb, "nsubjpass" if any(toks[c].dep == "auxpass" for c in kids[verb]) else "nsubj")
        _reattach(out, kids, q.i, count, "quantmod")
    return tuple(out) if out is not None else toks


def _left_edge(kids: list[list[int]], i: int) -> int:
    """The first token of ``i``'s phrase (children sorted, a projective parse)."""
    while kids[i] and kids[i][0] < i:
        i = kids[i][0]
    return i


def _right_edge(kids: list[list[int]], i: int) -> int:
    """The last token of ``i``'s phrase."""
    while kids[i] and kids[i][-1] > i:
        i = kids[i][-1]
    return i


def word_kind(t: Token, rules: Rules) -> Optional[str]:
    """The victim kind the word itself names (casualties.yaml ``victim_kinds``: its lemma, its
    form, or its form less a plural s), or None."""
    low = t.text.lower()
    for word in (t.lemma.lower(), low) + ((low[:-1],) if low.endswith("s") else ()):
        if word in rules.kinds:
            return rules.kinds[word]
    return None


# Prepositions that open a part of a count ("..., including two children", "among them four women").
PART_PREPS = frozenset({"among", "including", "includes", "include"})

_CLOSERS = frozenset({",", "-", "—", "–", "--"})  # marks that close an apposition


def _partitive_list_head(toks: tuple[Token, ...], kids: list[list[int]], x: Token) -> Optional[int]:
    """"killed a district administrator, two of his bodyguards and three civilians": a partitive
    count going on with "and", read as an apposition of the singular noun before it (or as the
    subject of a verb after it), is a member of that noun's list; the noun's index, else None."""
    if not (x.like_num or x.pos == "NUM") or not {"cc", "conj"} <= {toks[c].dep for c in kids[x.i]} \
            or not any(toks[c].text.lower() == "of" for c in kids[x.i]):
        return None
    if x.dep == "appos" and x.head < x.i:
        first = x.head
    elif x.i >= 2 and x.dep in ("nsubj", "nsubjpass") and toks[x.i - 1].text == "," \
            and toks[x.i - 2].dep in ("dobj", "nsubjpass"):
        first = x.i - 2
    else:
        return None
    return first if toks[first].tag == "NN" else None


def _joined_by_and(toks: tuple[Token, ...], kids: list[list[int]], i: int) -> bool:
    """Token ``i`` has a conjunct joined by "and" ("a tehsildar and 2 police guards")."""
    return any(toks[c].dep == "conj" for c in kids[i]) and any(
        toks[c].dep == "cc" and toks[c].text.lower() == "and" for c in kids[i])


def _listed_apposition(toks: tuple[Token, ...], kids: list[list[int]]) -> tuple[Token, ...]:
    """People of another kind after a count and a comma are more of the list, not the count
    restated: "Two militants, an Army soldier and a police officer were killed" (the parser
    hangs the soldier on the militants as an apposition). Only when both nouns name a kind
    (casualties.yaml ``victim_kinds``) and the kinds differ: "Two children, a boy and a girl,
    were hurt" restates, and so does an apposition closed by a comma or a dash ("Two suspects -
    a man and a woman - were hit"). A partitive count that goes on with "and" is a member of
    the list too ("a district administrator, two of his bodyguards and three civilians")
    (``kids`` is updated in place)."""
    rules = load_rules()
    out: Optional[list[Token]] = None
    for x in toks:
        first = _partitive_list_head(toks, kids, x)
        if first is not None:
            out = out if out is not None else list(toks)
            _reattach(out, kids, x.i, first, "conj")
            continue
        if x.dep != "appos" or x.head >= x.i or x.pos != "NOUN" and x.pos != "PROPN":
            continue
        head = toks[x.head]
        if head.tag in ("NN", "NNP") and any(toks[c].dep == "det" for c in kids[head.i]) \
                and any(toks[c].dep == "det" for c in kids[x.i]) and _joined_by_and(toks, kids, x.i) \
                and not any(toks[k].text in _CLOSERS and toks[k].text != "," for k in range(head.i + 1, x.i)):
            # "killing the Deputy Commissioner, a tehsildar and 3 police guards": one person
            # is not restated by a list of more; the list goes on from them
            out = out if out is not None else list(toks)
            _reattach(out, kids, x.i, head.i, "conj")
            continue
        if not any(toks[c].dep == "nummod" for c in kids[head.i]) or not any(
                toks[c].dep in ("det", "nummod") for c in kids[x.i]):
            continue
        end = _right_edge(kids, x.i)  # (a projective parse: the phrase is x.i .. end)
        if any(toks[k].text in _CLOSERS for k in range(head.i + 1, x.i) if toks[k].text != ",") \
                or any(toks[k].text in _CLOSERS and toks[k + 1].dep != "cc" and not _speaker_after(toks, kids, k, rules)
                       for k in range(x.i + 1, end + 1)) \
                or end + 1 < len(toks) and toks[end + 1].text in _CLOSERS and not _speaker_after(toks, kids, end + 1, rules):
            continue
        a, b = word_kind(head, rules), word_kind(x, rules)
        if a is None or b is None or a == b or "unknown" in (a, b) or "civilians" in (a, b) and "people" in (a, b):
            continue
        out = out if out is not None else list(toks)
        _reattach(out, kids, x.i, head.i, "conj")
    return tuple(out) if out is not None else toks


def _speaker_after(toks: tuple[Token, ...], kids: list[list[int]], comma: int, rules: Rules) -> bool:
    """The comma at ``comma`` opens the subject of a report verb ("..., a security source said"):
    it ends the list before it, not an apposition."""
    return comma + 1 < len(toks) and any(
        toks[t.head].lemma.lower() in rules.report and _left_edge(kids, t.i) == comma + 1
        for t in toks[comma + 1:comma + 8] if t.dep == "nsubj")


class Doc:
    """Per-article helpers over the token tuple (children index built once, O(n))."""

    def __init__(self, parsed: ParsedText):
        self.parsed = parsed
        self.toks = parsed.tokens
        kids: list[list[int]] = [[] for _ in self.toks]
        for t in self.toks:
            if t.head != t.i and not (t.dep == "dobj" and t.ent_type in ("DATE", "TIME")
                                      and self.toks[t.head].dep == "conj" and t.pos in ("NOUN", "PROPN")
                                      and not t.like_num and not _AGE_WORD.search(t.text)):
                # a time parsed as the object of a joined verb ("were shot and killed Saturday
                # evening") is none: the verb shares the first one's subject
                kids[t.head].append(t.i)
        self.toks = _dateline_subject(self.toks, kids)
        self.toks = _among_them_part(self.toks, kids)
        self.toks = _speaker_misread_as_apposition(self.toks, kids)
        self.toks = _speakers_joined_to_victims(self.toks, kids)
        self.toks = _subject_after_source(self.toks, kids)
        self.toks = _subject_split_by_and(self.toks, kids)
        self.toks = _joined_subjects(self.toks, kids)
        self.toks = _unit_counts(self.toks, kids)
        self.toks = _bare_count_subject(self.toks, kids)
        self.toks = _count_on_adjective(self.toks, kids)
        self.toks = _count_word_as_compound(self.toks, kids)
        self.toks = _shot_dead_misread(self.toks, kids)
        self.toks = _subject_before_participle(self.toks, kids)
        self.toks = _along_with(self.toks, kids)
        self.toks = _quantity_of(self.toks, kids)
        self.toks = _listed_apposition(self.toks, kids)
        self.toks = _qualified_subject(self.toks, kids)
        self.toks = _list_repairs(self.toks, kids)
        self.kids = kids
        # words of the article's person names (a full name tagged ORG in one sentence, PERSON in another)
        self.names = frozenset(t.text for t in self.toks if t.ent_type == "PERSON" and t.pos == "PROPN"
                               and t.text[:1].isupper() and len(t.text) > 2)

    def children(self, i: int, deps: Optional[frozenset[str] | set[str]] = None) -> list[Token]:
        return [self.toks[c] for c in self.kids[i] if deps is None or self.toks[c].dep in deps]

    def child(self, i: int, deps: frozenset[str] | set[str]) -> Optional[Token]:
        for c in self.kids[i]:
            if self.toks[c].dep in deps:
                return self.toks[c]
        return None

    def subject(self, i: int, deps: frozenset[str] | set[str]) -> Optional[Token]:
        """The subject of ``i`` nearest before it: a dateline parsed as a second subject
        ("KNIGHTDALE, N.C. (WNCN) – An 11-year-old girl was shot") is farther away."""
        found = [self.toks[c] for c in self.kids[i] if self.toks[c].dep in deps]
        if len(found) <= 1:
            return found[0] if found else None
        before = [t for t in found if t.i < i]
        return max(before, key=lambda t: t.i) if before else found[0]

    def object(self, i: int) -> Optional[Token]:
        """The direct object of ``i`` nearest after it: a dateline parsed as a second object
        ("CONROE, Texas – A man shot and killed his daughter") comes before the verb."""
        found = [self.toks[c] for c in self.kids[i] if self.toks[c].dep == "dobj"]
        if len(found) <= 1:
            return found[0] if found else None
        after = [t for t in found if t.i > i]
        return min(after, key=lambda t: t.i) if after else found[0]

    def edges(self, i: int) -> tuple[int, int]:
        """Token range [left, right] of the subtree of i."""
        lo = hi = i
        stack = [i]
        while stack:
            j = stack.pop()
            lo, hi = min(lo, j), max(hi, j)
            stack.extend(self.kids[j])
        return lo, hi


# ------------------------------------------------------------------------------------------
# Victim and figure
# ------------------------------------------------------------------------------------------
@dataclass
class Victim:
    figure: Optional[Figure]
    fig_first: int
    fig_last: int  # exclusive token index
    noun: Optional[Token]  # the noun counted ("servicemen"); None for a bare number
    additional: bool = False
    negated: bool = False
    others: bool = False  # "two others", "10 more": people besides those already counted


# A word of an age phrase: "year", "years", "old", "-year-old", "olds" (a whole word or a part
# between hyphens)
_AGE_WORD = re.compile(r"(?:^|-)(?:years?|olds?)(?:-|$)", re.I)
# Two ages set off by commas after the people they describe ("two teens, 16 and 17, were shot"),
# or joined before "-year-old" ("a 16 and 17-year-old were shot")
_AGES = re.compile(r",\s*\d{1,2}\s*(?:and|&)\s*\d{1,2}\s*,|\d{1,2}\s*(?:and|&|or)\s*\d{1,2}[- ]years?[- ]olds?\b")

_AGE_LIST_JOINS = frozenset({",", "and", "&", "-", "–", "to", "through", "or"})


def is_bad_number(doc: Doc, tok: Token) -> bool:
    """Ages, times, years, money, percentages, addresses, the emergency number: never casualty figures."""
    if tok.ent_type in _NON_FIGURE_ENTS and not _counts_people(doc, tok):
        return True
    if tok.text in load_rules().not_counts:
        return True
    toks = doc.toks
    nxt = toks[tok.i + 1] if tok.i + 1 < len(toks) else None
    nxt2 = toks[tok.i + 2] if tok.i + 2 < len(toks) else None
    if nxt is not None and nxt.text.lower() in ("a.m.", "p.m.", "am", "pm", "o'clock", "percent", "%", ":", "y/o",
                                                "yo", "y.o.", "yr", "yrs", "caliber", "mm", "round", "rounds",
                                                "shots", "times", "bullets"):
        return True
    if nxt is not None and nxt.text.lower() == "y" and nxt2 is not None and nxt2.text == "/":
        return True  # "5 y/o"
    if nxt is not None and nxt.text in ("-", "–") and nxt2 is not None and nxt2.lemma.lower() in ("year", "month", "week"):
        return True
    if nxt is not None and nxt.lemma.lower() in ("year", "month", "week", "day", "hour", "minute", "mile", "foot", "feet", "block"):
        return True
    if tok.dep == "appos" and tok.text[:1].isdigit() or (
            tok.i > 0 and toks[tok.i - 1].text == "," and nxt is not None and nxt.text == ","):
        return True  # "John Smith, 24, ..." (an age is written in digits: "friendly side, two dead" is a count)
    j = tok.i - 1
    while j >= max(0, tok.i - 10) and (toks[j].like_num or toks[j].text.lower() in _AGE_LIST_JOINS):
        j -= 1
    if j >= 0 and j < tok.i and toks[j].text.lower() in ("ages", "aged", "age"):
        return True  # "four men, ages 20-27, were shot", "three men - aged 21, 22, and 24 -"
    text = doc.parsed.text
    if any(_AGES.match(text, toks[j].start) for j in (tok.i - 3, tok.i - 2, tok.i - 1, tok.i) if j >= 0):
        return True  # "two teens, 16 and 17, were shot": their ages
    return False


def _counts_people(doc: Doc, tok: Token) -> bool:
    """A number the tagger took for a date ("between 10 and 12 militants") that counts people:
    a short plain number on a plural noun of people, or a range's end joined to one, or a
    verb's bare subject or object ("wounding 32")."""
    toks = doc.toks
    if tok.ent_type in ("DATE", "TIME") and tok.text.isdigit() and len(tok.text) <= 3 \
            and tok.i + 1 < len(toks) and toks[tok.i + 1].text.lower() in load_rules().time_words_after_count:
        return True  # "the toll rose to 14 overnight" (read as one time)
    if tok.ent_type != "DATE" or not tok.text.isdigit() or len(tok.text) > 3:
        return False
    if tok.dep in ("dobj", "nsubj", "nsubjpass") and toks[tok.head].pos == "VERB" and all(
            toks[j].ent_type != "DATE" for j in (tok.i - 1, tok.i + 1) if 0 <= j < len(toks)) \
            and tok.i > 0 and toks[tok.i - 1].text != ",":
        return True  # "killing 14 and wounding 32, an official said": a number alone, a verb's
        # subject or object, that the tagger read as a date (not an age: "Jane Roe, 64 were")
    if tok.dep == "conj" and tok.head != tok.i:
        tok = doc.toks[tok.head]  # "10 and 12 militants": the range's first number
    if tok.dep != "nummod" or tok.head == tok.i:
        return False
    noun = doc.toks[tok.head]
    if any(_AGE_WORD.search(w.text) for w in doc.toks[tok.i:noun.i + 1]):
        return False  # "two 16 and 17-year-old girls": ages (not "soldiers", which holds "old")
    rules = load_rules()
    return noun.tag in ("NNS", "NNPS") and (noun.lemma.lower() in rules.person or noun.text.lower() in rules.person)


def figure_token_ok(doc: Doc, tok: Token) -> bool:
    return (tok.like_num or tok.pos == "NUM") and not is_bad_number(doc, tok)


def taken_to_care(doc: Doc, reflexive: Token, rules: Rules) -> bool:
    """A reflexive object of a verb of no harm or of care ("drove himself to the hospital"):
    the one hurt pointed back at, no perpetrator ("shot himself" is one)."""
    if reflexive.head == reflexive.i:
        return False
    rule = rules.triggers.get(doc.toks[reflexive.head].lemma.lower())
    return rule is None or str(rule["id"]).startswith("cas.hosp")


def _part_of_those_before(doc: Doc, v: Token) -> bool:
    """"the bodies of five people, among them two children": victims opened by
    "among them" or "including them" (or joined to such) are part of the count before, which the
    parser may hang them beside as more victims."""
    cur = v
    for _ in range(4):
        if any(p.i < cur.i and p.text.lower() in PART_PREPS
               and any(o.text.lower() in ("them", "whom") for o in doc.children(p.i, {"pobj"}))
               # (opened by it, not followed: "four others, among them a girl"; nor the count
               # itself hung on the part: "three of our men, among them a driver, were")
               and not any(c.i < p.i for c in doc.children(cur.i, {"nummod"}))
               for p in doc.children(cur.i, {"prep"})):
            return True
        if cur.dep != "conj" or cur.head == cur.i or doc.toks[cur.head].pos not in ("NOUN", "PROPN", "PRON"):
            return False
        cur = doc.toks[cur.head]
    return False


def victim_of(doc: Doc, v: Token, lo: int, hi: int, rules: Rules) -> Optional[Victim]:
    """The figure carried by victim head ``v`` (None when the phrase gives no count)."""
    if _part_of_those_before(doc, v):
        return None
    low = v.text.lower()
    lemma = v.lemma.lower()
    if low in rules.nobody or (low == "one" and v.i > lo and doc.toks[v.i - 1].text.lower() == "no"):
        first = v.i - 1 if low == "one" else v.i
        return Victim(Figure(0, 0, "exact", "num.q.no"), first, v.i + 1, v, negated=True)
    det_no = doc.child(v.i, {"det"})
    if det_no is not None and det_no.text.lower() == "no" and not opens_qualifier(doc.toks, det_no.i, hi):
        return Victim(Figure(0, 0, "exact", "num.q.no"), det_no.i, v.i + 1, v, negated=True)
    # the victim is itself a figure: "13 captured", "one of its soldiers", "dozens of people"
    if low in rules.vague:
        return None  # "a number of victims", "a lot of people"
    if low in rules.ordinals:  # "the fourth was taken to hospital", "a third victim"
        return Victim(Figure(1, 1, "exact", "cas.fig.ordinal"), v.i, v.i + 1, v, additional=True)
    if figure_token_ok(doc, v) or low in rules.quantity_nouns:
        span = figure_at(doc.toks, v.i, lo, hi)
        if span is None:
            return None
        noun = None
        of = doc.child(v.i, {"prep"})
        if of is not None and of.text.lower() == "of":
            noun = doc.child(of.i, {"pobj"})
        add = any(c.text.lower() in rules.additional and not span.first <= c.i < span.last
                  for c in doc.children(v.i, {"amod", "advmod", "det"}))
        return Victim(span.figure, span.first, span.last, noun or v, additional=add)
    # a figure modifying the noun: "Seven servicemen", "a dozen others", "more than 6,500 people"
    mods = doc.children(v.i, {"nummod", "quantmod", "amod"})
    if v.tag in ("NNS", "NNPS"):  # "Five Hindus" with the number parsed as a compound
        mods += [c for c in doc.children(v.i, {"compound"}) if c.like_num and c.i == v.i - 1]
    if lemma in rules.quantity_det_nouns and doc.child(v.i, {"conj"}) is None:
        # "both attackers were killed": the attackers, told as agents, are counted here first
        # ("both victims" points back at people counted already; "both Ann and Bob" is a conjunction)
        mods += [d for d in doc.children(v.i, {"det", "predet"}) if d.text.lower() in rules.quantity_dets]
    for p in doc.children(v.i, {"poss"}):
        mods += doc.children(p.i, {"nummod"})  # "two sheriff's deputies"
    for p in doc.children(v.i, {"compound"}):
        if p.i < v.i and not (p.like_num or p.pos == "NUM"):
            # "9 government troops", "Six Nigerien soldiers" (the number on the modifier)
            mods += doc.children(p.i, {"nummod"}) + [c for c in doc.children(p.i, {"compound"})
                                                     if c.i < p.i and (c.like_num or c.pos == "NUM")]
    for c in mods:
        if (c.like_num or c.pos == "NUM" or c.text.lower() in rules.quantity_modifiers
                or c.text.lower() in rules.quantity_dets) \
                and c.i < v.i and not is_bad_number(doc, c):
            span = figure_at(doc.toks, c.i, lo, hi)
            if span is not None:
                add = lemma in ("other", "more") or any(
                    k.text.lower() in rules.additional for k in doc.children(v.i, {"amod", "det", "advmod"})
                    + doc.children(c.i, {"amod", "advmod"}))  # "Five more people succumbed"
                return Victim(span.figure, span.first, min(span.last, v.i + 1), v, additional=add)
    loose = _loose_number(doc, v, lo)
    if loose is not None and is_person(doc, v, rules):
        span = figure_at(doc.toks, loose.i, min(lo, loose.i), hi)
        if span is not None:
            return Victim(span.figure, span.first, v.i + 1, v)
    if low in rules.reflexive:
        if low == "themselves":
            return None
        if taken_to_care(doc, v, rules):
            # "drove himself to the hospital with a gunshot wound": the subject, hurt
            return Victim(Figure(1, 1, "exact", "cas.fig.pronoun"), v.i, v.i + 1, v)
        return Victim(Figure(1, 1, "exact", "cas.fig.reflexive"), v.i, v.i + 1, v)
    if low in rules.singular_pron:
        return Victim(Figure(1, 1, "exact", "cas.fig.pronoun"), v.i, v.i + 1, v)
    if low == "another" and v.pos in ("PRON", "DET", "NOUN") \
            and v.dep in ("dobj", "nsubj", "nsubjpass", "conj"):
        # "killed a trader and wounded another", "another was in critical condition": one more
        # person, the first of its category (not "the death of another", a statute's words)
        return Victim(Figure(1, 1, "exact", BARE_ANOTHER), v.i, v.i + 1, v)
    if v.pos == "PROPN" and (v.ent_type == "PERSON" or v.text in doc.names or aged(doc, v)
                             or _titled_name(doc, v)):
        n = _names_in_one(doc, v, lo)
        return Victim(Figure(n, n, "exact", "cas.fig.named"), name_start(doc, v, lo), v.i + 1, v)
    det = doc.child(v.i, {"det", "predet"})
    if det is not None and det.text.lower() in ("a", "an") and lemma in rules.counted_collectives:
        of = doc.child(v.i, {"prep"})
        num = doc.child(of.i, {"pobj"}) if of is not None and of.text.lower() == "of" else None
        if num is not None and figure_token_ok(doc, num):
            span = figure_at(doc.toks, num.i, lo, hi)
            if span is not None:  # "killed a family of five": the family's size is the figure
                return Victim(span.figure, det.i, span.last, v)
    if det is not None and det.text.lower() in ("a", "an"):
        for c in doc.children(v.i, {"amod"}):
            if c.text.lower() in rules.ordinals:  # "a second teen has died": the count is now two
                n = rules.ordinals.index(c.text.lower()) + 2
                return Victim(Figure(n, n, "exact", "cas.fig.ordinal_count"), det.i, v.i + 1, v)
    if det is not None and (v.tag in ("NN", "NNP") or lemma == "old" or _hyphenated_person(doc, v, rules)) \
            and lemma not in ("police", "family", "gang", "group", "couple"):
        d = det.text.lower()
        if d in ("a", "an", "another", "one", "the", "this", "that"):
            add = d == "another" or any(
                k.text.lower() in rules.additional for k in doc.children(v.i, {"amod", "advmod"}))
            rule = "cas.fig.definite" if d in ("the", "this", "that") else "num.q." + ("another" if d == "another" else "a")
            return Victim(Figure(1, 1, "exact", rule), det.i, v.i + 1, v, additional=add)
    if v.dep == "poss" or v.tag == "NN" and doc.child(v.i, {"poss"}) is not None:
        return Victim(Figure(1, 1, "exact", "cas.fig.possessed"), doc.edges(v.i)[0], v.i + 1, v)
    if det is None and v.tag in ("NN", "NNP") and _headline_subject(doc, v) and is_person(doc, v, rules):
        return Victim(Figure(1, 1, "exact", "cas.fig.headline"), doc.edges(v.i)[0], v.i + 1, v)
    return None


def _headline_victim(doc: Doc, verb: Optional[Token]) -> Optional[Token]:
    """The bare headline subject of ``verb`` ("Teen" of "Teen shot in Wichita"), when a death
    verb hangs from it with no subject of its own ("... has died", "... dies")."""
    if verb is None or verb.pos != "VERB":
        return None
    subj = doc.subject(verb.i, {"nsubj", "nsubjpass"})
    if subj is None or doc.child(subj.i, {"det"}) is not None or not _headline_subject(doc, subj):
        return None
    return subj


def _headline_subject(doc: Doc, v: Token) -> bool:
    """A bare singular noun phrase opening its sentence, or after a label ("Police: ..."):
    headline grammar, which drops the article ("Teen shot in Wichita", "17-year-old boy shot,
    killed in Bluffton", "Police: Youth wounded in accidental shooting"; "Two killed in stabbing;
    assailant shot dead") and names one person."""
    left = doc.edges(v.i)[0]
    first = doc.parsed.sentences[v.sent].first_token
    return left == first or (left > first and doc.toks[left - 1].text in (":", ";"))


def _group_name(v: Token, rules: Rules) -> bool:
    """An armed group's name (the actor lexicon's aliases: "Taliban", "Houthis") or a people's
    ("Palestinians", "Somalis")."""
    low = v.text.lower()
    return v.ent_type == "NORP" or low in rules.group_names or low in rules.countries \
        or low.endswith("s") and low[:-1] in rules.countries


def _loose_number(doc: Doc, v: Token, lo: int) -> Optional[Token]:
    """A number right before a plural noun that the parser left unattached to it ("4 Houthis
    and 3 militants were killed" with "4" parsed as a clause of its own)."""
    if v.i < 1 or v.tag not in ("NNS", "NNPS") and not (v.pos == "PROPN" and v.text.endswith("s")):
        return None
    prev = doc.toks[v.i - 1]
    alone = prev.i == 0 or doc.toks[prev.i - 1].sent != prev.sent  # split off as a sentence: "4."
    if (prev.sent != v.sent and not alone) or (prev.i < lo and not alone) \
            or prev.dep not in ("ROOT", "dep", "npadvmod") or doc.kids[prev.i] \
            or not figure_token_ok(doc, prev) or prev.text.lower() in ("one", "1"):
        return None
    return prev


def of_non_person(doc: Doc, v: Token, rules: Rules) -> bool:
    """``v`` counts animals or things by an "of" phrase: "one of the family dogs"."""
    of = doc.child(v.i, {"prep"})
    pobj = doc.child(of.i, {"pobj"}) if of is not None and of.text.lower() == "of" else None
    return pobj is not None and (pobj.lemma.lower() in rules.non_person or pobj.text.lower() in rules.non_person)


def aged(doc: Doc, v: Token) -> bool:
    """A name told with an age is a person's ("16-year-old Jane Roe"), whatever entity type the
    tagger gave it."""
    return any(c.lemma.lower() == "old" and any(w.lemma.lower() in ("year", "month") for w in doc.children(c.i))
               for c in doc.children(v.i, {"amod"}))


_INITIAL = re.compile(r"[A-Z]\.?")  # an initial of a name ("R", "K.")


def name_start(doc: Doc, v: Token, lo: int = 0) -> int:
    """The first word of the name ``v`` ends: the proper nouns before it, from ``lo`` on, that the
    parser joined to it as compounds or modifiers ("Havildar Ram Singh")."""
    left = v.i
    while left - 1 >= lo and (doc.toks[left - 1].pos == "PROPN" or _INITIAL.fullmatch(doc.toks[left - 1].text)) \
            and doc.toks[left - 1].dep in ("compound", "amod", "nmod") and left - 1 < doc.toks[left - 1].head <= v.i:
        left -= 1  # (a title may be parsed as an adjective, an initial as a noun: "Constable A K Das")
    return left


def _names_in_one(doc: Doc, v: Token, lo: int) -> int:
    """How many people a name the parser built out of several names holds: "Constable Ram Singh
    and Constable Mohan Lal" hung on "Lal" is two (each part a title or name of capitalised words)."""
    mods = [c for c in doc.children(v.i, {"amod", "compound"}) if c.i < v.i]
    if not mods:
        return 1
    words = doc.toks[max(lo, doc.edges(min(c.i for c in mods))[0]):v.i + 1]
    parts: list[list[Token]] = [[]]
    for t in words:
        if t.text.lower() == "and" or t.text == ",":
            parts.append([])
        else:
            parts[-1].append(t)
    if len(parts) < 2 or not all(p and all(t.pos == "PROPN" for t in p) for p in parts):
        return 1
    return len(parts)


def _titled_name(doc: Doc, v: Token) -> bool:
    """``v`` ends a name opened by a person's title or rank (places.person_titles) with at least
    one more word between: "Havildar Ram Singh", "Constable A. Khan" (the tagger gives no entity
    type to such names after an opening phrase)."""
    left = name_start(doc, v)
    return left < v.i - 1 and doc.toks[left].text.lower().rstrip(".") in cues().person_titles


def _hyphenated_person(doc: Doc, v: Token, rules: Rules) -> bool:
    """``v`` is a part of a hyphenated word that is a person noun of the lexicon ("a passer-by"),
    whatever its tag and whichever part the parser made the head (it reads "passer" as an
    adverb, or "by" as the noun)."""
    toks = doc.toks
    first = last = v.i
    while first >= 2 and toks[first - 1].text == "-" and toks[first - 1].start == toks[first - 2].end \
            and toks[first].start == toks[first - 1].end:
        first -= 2
    while last + 2 < len(toks) and toks[last + 1].text == "-" and toks[last + 1].start == toks[last].end \
            and toks[last + 2].start == toks[last + 1].end:
        last += 2
    return first != last and "".join(t.text for t in toks[first:last + 1]).lower() in rules.person


def is_person(doc: Doc, v: Token, rules: Rules) -> bool:
    lemma, low = v.lemma.lower(), v.text.lower()
    if lemma in rules.titled_heads and any(c.lemma.lower() in rules.titled_heads[lemma]
                                           for c in doc.children(v.i, {"compound", "amod"})):
        return True  # "the village head", "a ward chairman" (not "shot in the head")
    if lemma in rules.non_person or low in rules.non_person or of_non_person(doc, v, rules):
        return False
    if v.pos == "PROPN" and (aged(doc, v) or _titled_name(doc, v)):
        return True  # "16-year-old Jane Roe", "Lance Naik X Y" (whatever entity type the tagger gave)
    if v.ent_type in ("PERSON", "NORP") or lemma in rules.person or low in rules.person:
        return True
    if low.endswith("s") and low[:-1] in rules.person and low[:-1] not in rules.non_person:
        return True  # a plural the tagger did not lemmatise ("jawans" taken for a name)
    if v.pos == "NOUN" and lemma.endswith(_PERSON_SUFFIXES) and v.ent_type == "":
        return True  # "bailiffs", "deputies", "shoppers", "grandchildren"
    if v.pos == "PROPN" and v.text in doc.names:
        return True
    if v.pos == "PROPN" and _group_name(v, rules) and (any(
            figure_token_ok(doc, c) for c in doc.children(v.i, {"nummod"})) or _loose_number(doc, v, 0)):
        return True  # a group's members counted by its name: "6 Taliban", "three Houthis"
    if v.pos == "PROPN" and v.ent_type in ("", "PERSON") and v.text.lower() not in rules.quantity_nouns:
        # (a sentence's opening "Dozens" is tagged a name: it is counted below)
        return doc.child(v.i, {"compound"}) is not None or v.ent_type == "PERSON"
    if _hyphenated_person(doc, v, rules):
        return True  # "a passer-by" (its head tagged as an adverb, or "by" taken for the noun)
    if v.like_num or v.pos in ("NUM", "PRON") or v.text.lower() in rules.quantity_nouns:
        of = doc.child(v.i, {"prep"})
        if of is not None and of.text.lower() == "of":
            pobj = doc.child(of.i, {"pobj"})
            if pobj is not None:
                return is_person(doc, pobj, rules)
        return True
    return False


def gapped_count(doc: Doc, t: Token, rules: Rules) -> Optional[Token]:
    """The count right before harm word ``t`` that the tagger read as a noun in a gapped
    conjunct of a harm verb ("two were killed and a third hurt", "... and four injured"): the
    ordinal or number is the victim (None when ``t`` is not such a conjunct)."""
    if t.pos != "NOUN" or t.dep != "conj" or t.head == t.i or t.i == 0:
        return None
    head = doc.toks[t.head]
    if head.dep in ("dobj", "nsubjpass") and head.head != head.i:
        head = doc.toks[head.head]  # "killing two and a third hurt": joined to the verb's victim
    if head.pos != "VERB" or head.lemma.lower() not in rules.triggers:
        return None
    prev = doc.toks[t.i - 1]
    if prev.head != t.i or not (prev.text.lower() in rules.ordinals or figure_token_ok(doc, prev)):
        return None
    return prev


def victim_heads(doc: Doc, t: Token, shape: str) -> list[Token]:
    """Victim head tokens of trigger ``t`` (before conjunction expansion)."""
    gapped = gapped_count(doc, t, load_rules())
    if gapped is not None:
        return [gapped]
    has_auxpass = doc.child(t.i, {"auxpass"}) is not None
    if shape in ("verb", "adj") and t.tag in ("VBN", "VBD", "JJ") and doc.subject(t.i, SUBJ) is None \
            and doc.child(t.i, {"dobj"}) is None:
        absolute = _with_absolute(doc, t)
        if absolute is not None:
            return [absolute]  # "six were killed, with two others injured"
    if shape in ("verb", "adj") and t.i > 0 and t.dep in ("acl", "advcl", "conj", "ccomp", "oprd", "xcomp", "amod") \
            and not (t.dep == "amod" and t.head > t.i) and doc.child(t.i, {"dobj"}) is None:
        # "a shooting that left five people injured" (misattached): the figure right before wins,
        # also across the passive's own auxiliary when it has no subject ("embraced shahadat and
        # three policemen were injured", the policemen hung on "shahadat")
        prev = doc.toks[t.i - 1]
        if prev.dep in ("auxpass", "aux") and prev.head == t.i and t.i > 1 and doc.subject(t.i, SUBJ) is None:
            prev = doc.toks[t.i - 2]
        if prev.sent == t.sent and prev.i != t.head and prev.pos in ("NOUN", "NUM") and (
                (prev.like_num and not is_bad_number(doc, prev))
                or doc.child(prev.i, {"nummod"}) is not None):
            return [prev]
    if shape in ("verb", "adj") and t.tag == "VBN" and t.i > 0 and doc.subject(t.i, SUBJ) is None \
            and doc.child(t.i, {"dobj"}) is None:
        # a coder's note: "4 wounded; 2 men abducted" (the count parsed as a list marker)
        prev = doc.toks[t.i - 1]
        if prev.head == t.i and prev.dep in ("meta", "npadvmod", "dep") and figure_token_ok(doc, prev):
            return [prev]
    if shape == "verb" and t.tag in ("VBD", "VBN") and not has_auxpass and t.dep == "ccomp" \
            and doc.object(t.i) is None and doc.subject(t.i, SUBJ) is not None:
        # "A drone strike ... killed at least 12 people, including two children, residents
        # said", its counted object taken for the subject of "said": the noun the figure right
        # after the verb counts
        for k in range(t.i + 1, min(t.i + 5, len(doc.toks))):
            nxt = doc.toks[k]
            if nxt.sent != t.sent or nxt.pos in ("VERB", "AUX", "PUNCT"):
                break
            if nxt.pos == "NOUN" and doc.child(nxt.i, {"nummod"}) is not None and nxt.head != t.i:
                return [nxt]
    if shape == "verb" and t.tag == "VBN" and t.dep in ("nsubj", "nsubjpass") \
            and doc.child(t.i, {"nummod"}) is not None:
        return [t]  # "Eight wounded were evacuated": the participle is the people counted
    if shape == "verb":
        obj = doc.object(t.i)
        if obj is not None and not has_auxpass:
            subj = doc.subject(t.i, {"nsubj"})
            if t.tag == "VBN" and t.dep == "conj" and doc.child(t.i, {"aux"}) is None and subj is not None \
                    and subj.i < t.i and obj.pos != "PRON" and not is_person(doc, obj, load_rules()) and (
                    figure_token_ok(doc, subj) or doc.child(subj.i, {"nummod"}) is not None):
                # "were killed and three others wounded in ... Ukhiya upazila": a gapped passive
                # whose counted subject is the victim (a word after it misread as its object)
                return [subj]
            return [obj]
        qualified = _qualifier_prep_object(doc, t)
        if qualified is not None and not has_auxpass:
            return [qualified]  # "killing over 100 people" ("over" parsed as a preposition)
        if _fired_at(doc, t):
            return []  # "shot at the officers", "was shot at": fired upon, not hit
        active_perfect = not has_auxpass and any(
            c.lemma.lower() == "have" for c in doc.children(t.i, {"aux"}))
        if active_perfect and doc.child(t.i, {"nsubj"}) is not None:
            # "a gunman has shot and wounded five teens": the subject acts; the object, if
            # any, is on the coordinated verb
            return []
        subj = doc.subject(t.i, {"nsubjpass"})
        if subj is not None:
            if subj.tag in ("WDT", "WP") and t.dep == "relcl" and t.head != t.i:
                return [doc.toks[t.head]]  # "people who were killed"
            return [subj]
        subj = doc.subject(t.i, {"nsubj"})
        h = doc.toks[t.head]
        if subj is not None and subj.tag in ("WDT", "WP") and has_auxpass and t.dep == "ccomp" \
                and h.dep == "relcl" and h.head != h.i and h.lemma.lower() in load_rules().report:
            return [doc.toks[h.head]]  # "seven fighters who it said were killed"
        if subj is not None and t.dep in ("ccomp", "xcomp", "oprd") and t.head != t.i \
                and doc.toks[t.head].lemma.lower() in ("find", "leave", "discover"):
            return [subj]  # "they found a man shot to death" (a small clause)
        if subj is not None and (t.tag == "VBN" or has_auxpass):
            return [subj]
        if subj is not None and t.tag == "VBD" and subj.tag in ("NN", "NNP") \
                and _headline_victim(doc, t) is subj:
            return [subj]  # headline grammar drops "was": "Teen shot to death in Roswell"
        if subj is None and has_auxpass:
            fig = _fronted_figure(doc, t)
            if fig is not None:
                return [fig]  # "Up to 16 were injured" (the figure parsed as a phrase)
        if subj is not None and t.tag == "VBD" and doc.child(t.i, {"prep", "aux"}) is None and (
                subj.like_num or subj.pos == "NUM" or doc.child(subj.i, {"nummod"}) is not None):
            return [subj]  # a participle tagged as past tense: "... and a dozen others captured"
        if t.dep in ("acl", "amod") and t.head != t.i and t.tag != "VBG":
            if any(doc.object(c.i) is not None for c in doc.children(t.i, {"conj"})):
                return []  # "(DATELINE –) a man shot and killed his wife": he acts on the object
            head = doc.toks[t.head]
            top = head
            while top.dep == "conj" and top.head < top.i:
                top = doc.toks[top.head]
            if top is not head and top.dep == "dobj" and doc.toks[top.head].lemma.lower() in load_rules().report:
                return [top]  # "The army reported 4 soldiers and 6 militants killed": the whole list
            return [head]  # "two people killed", not "the shooting suspect"
        if t.dep == "relcl" and t.head != t.i and (subj is None or subj.tag in ("WDT", "WP")) \
                and (subj is None or has_auxpass or t.tag == "VBN"):
            return [doc.toks[t.head]]
        if subj is None and t.dep in ("oprd", "ccomp", "xcomp", "acomp", "advcl") and t.tag not in ("VBG", "VB"):
            # "left eight people ... wounded"; not "began shooting", "opened fire, killing"
            return victim_heads(doc, t, "adj")
        if not has_auxpass and t.tag == "VBD":
            misread = next((c for c in doc.children(t.i, {"npadvmod"}) if c.i > t.i and c.pos == "NOUN"
                            and doc.child(c.i, {"det", "nummod"}) is not None
                            and is_person(doc, c, load_rules())), None)
            if misread is not None:
                return [misread]  # "a sniper shot dead a 12-year-old boy": the object misread
        reduced = _reduced_relative_head(doc, t)
        if reduced is not None:
            return [reduced]
        quantity = next((c for c in doc.children(t.i, {"amod", "nummod", "advmod"})
                         if c.i < t.i and c.text.lower() in load_rules().quantity_nouns), None)
        return [quantity] if quantity is not None else []  # "left 11 dead and several injured"
    if shape == "intrans":
        subj = doc.subject(t.i, SUBJ)
        headline = _headline_victim(doc, subj if subj is not None and subj.pos == "VERB" else
                                    doc.toks[t.head] if subj is None and t.dep in ("ccomp", "advcl") else None)
        if headline is not None:
            return [headline]  # "Teen shot in Wichita has died", "Man shot Friday dies"
        if subj is not None:
            if subj.text.lower() in ("who", "that") and t.dep == "relcl":
                return [doc.toks[t.head]]
            return [subj]
        if t.dep in ("relcl", "acl") and t.head != t.i:
            return [doc.toks[t.head]]
        return []
    if shape == "adj":
        if t.dep in ("amod", "acl", "appos") and t.head != t.i:
            return [doc.toks[t.head]]
        subj = doc.subject(t.i, SUBJ)
        if subj is not None:
            return [subj]
        if t.dep in ("oprd", "ccomp", "xcomp", "acomp", "advcl", "conj") and t.head != t.i:
            h = doc.toks[t.head]
            for _ in range(3):  # "was shot several times and pronounced dead": climb the conj chain
                obj = doc.object(h.i)
                if obj is not None:
                    return [obj]
                subj = doc.subject(h.i, SUBJ)
                if subj is not None:
                    if subj.tag in ("WDT", "WP") and h.dep == "relcl":
                        return [doc.toks[h.head]]
                    return [subj]
                if h.dep != "conj" or h.head == h.i:
                    break
                h = doc.toks[h.head]
        if t.dep in ("dobj", "pobj", "nsubj", "nsubjpass", "ROOT", "attr", "conj"):
            # "more than 6,500 dead", "one dead": the figure precedes the adjective as a noun
            num = doc.child(t.i, {"nummod", "amod", "quantmod", "det"})
            if num is not None and (num.like_num or num.pos == "NUM"):
                return [num]
            if t.i > 0 and (doc.toks[t.i - 1].like_num or doc.toks[t.i - 1].pos == "NUM"):
                return [doc.toks[t.i - 1]]
        return []
    return []


def _with_absolute(doc: Doc, t: Token) -> Optional[Token]:
    """The noun of a "with" phrase ending right before participle ``t``: "killed with two other
    soldiers and a civilian injured" (the parser hangs "injured" on the verb)."""
    for j in range(t.i - 1, max(t.i - 12, -1), -1):
        w = doc.toks[j]
        if w.sent != t.sent:
            break
        if w.text.lower() == "with" and w.dep == "prep":
            obj = doc.child(w.i, {"pobj"})
            if obj is not None and doc.edges(obj.i)[1] == t.i - 1:
                return obj
            break
    return None


def _fired_at(doc: Doc, t: Token) -> bool:
    """"shot at him", "shot at the officers": a shooter's aim, not a hit ("shot at a party" is
    a place; the passive "was shot at" is left to the rest of the sentence)."""
    if t.i + 1 >= len(doc.toks):
        return False
    nxt = doc.toks[t.i + 1]
    if nxt.text.lower() != "at" or nxt.head != t.i:
        return False
    pobj = doc.child(nxt.i, {"pobj"})
    if pobj is None or doc.child(t.i, {"auxpass"}) is not None:
        return False  # "he was shot at by an officer" may tell a hit
    return pobj.pos == "PRON" or pobj.lemma.lower() in load_rules().person


def _reduced_relative_head(doc: Doc, t: Token) -> Optional[Token]:
    """A participle misparsed as the main verb: "Friends of a boy shot and killed Friday held a
    vigil", "The family of a teen fatally shot outside a store is devastated" — the verb has
    no object and follows right after the noun of an "of" phrase, which is its victim."""
    if t.tag != "VBD" or doc.child(t.i, {"dobj", "auxpass", "aux"}) is not None:
        return None
    j = t.i - 1
    while j >= 0 and doc.toks[j].dep == "advmod" and doc.toks[j].head == t.i:
        j -= 1  # "fatally"
    if j < 0 or doc.toks[j].sent != t.sent:
        return None
    prev = doc.toks[j]
    if prev.dep == "pobj" and prev.pos in ("NOUN", "PROPN") and doc.toks[prev.head].text.lower() == "of":
        return prev
    return None


def _qualifier_prep_object(doc: Doc, t: Token) -> Optional[Token]:
    """The object of a figure's qualifier parsed as a preposition right after the verb ("killed
    over 900 soldiers", "wounding around 40", "killed between 10 and 15 soldiers"): a counted
    noun or a bare number."""
    if t.i + 1 >= len(doc.toks):
        return None
    prep = doc.toks[t.i + 1]
    if prep.head != t.i or prep.dep != "prep" or prep.text.lower() not in load_rules().qualifier_preps:
        return None
    obj = doc.child(prep.i, {"pobj"})
    if obj is None:
        return None
    if figure_token_ok(doc, obj) or any(figure_token_ok(doc, c) for c in doc.children(obj.i, {"nummod"})):
        return obj
    return None


def _fronted_figure(doc: Doc, t: Token) -> Optional[Token]:
    """The number of a qualified figure that stands before a passive verb as a prepositional
    phrase ("Up to 16 were injured", "As many as 30 were hurt")."""
    for c in doc.children(t.i, {"prep", "advmod"}):
        if c.i > t.i:
            continue
        for p in [c] + doc.children(c.i, {"prep"}):
            obj = doc.child(p.i, {"pobj"})
            if obj is not None and (obj.like_num or obj.pos == "NUM") and not is_bad_number(doc, obj):
                return obj
    return None


def conjuncts(doc: Doc, v: Token) -> list[Token]:
    out = [v]
    stack = [v]
    while stack:
        cur = stack.pop()
        for c in doc.children(cur.i, {"conj"}):
            if c.pos in _NOMINAL:
                out.append(c)
                stack.append(c)
    return sorted(out, key=lambda t: t.i)


_AS_WELL_AS = re.compile(r"\bas well as\s*$", re.I)


def listed(doc: Doc, v: Token, lo: int, hi: int, rules: Rules) -> list[Token]:
    """The victims of a list (``_listed``), and a counted person the parser joined to the verb
    instead of to its reflexive object ("killing himself and 2 guards": "guards" conj of
    "killing"; with any object this also took in counts of other clauses on GVC dev) or after
    "as well as" ("killing ten of them as well as two soldiers and a guard")."""
    out = _listed(doc, v, lo, hi, rules)
    if v.dep != "dobj" or v.head == v.i:
        return out
    have = {t.i for t in out}
    extra = [c for c in doc.children(v.head, {"conj"}) if c.i > v.i and c.i < hi and c.i not in have
             and c.pos == "NOUN" and doc.child(c.i, {"nummod"}) is not None and is_person(doc, c, rules)
             and (v.text.lower() in rules.reflexive or _AS_WELL_AS.search(
                 doc.parsed.text, max(0, doc.toks[doc.edges(c.i)[0]].start - 15),
                 doc.toks[doc.edges(c.i)[0]].start) is not None)]
    if not extra:
        return out
    # ("killing ten of them as well as two soldiers": the "as well as" list's members)
    extra += [d for c in extra for d in conjuncts(doc, c)[1:] if d.i not in have and d not in extra]
    return sorted(out + extra, key=lambda t: t.i)


def _listed(doc: Doc, v: Token, lo: int, hi: int, rules: Rules) -> list[Token]:
    """The victims of a list the parser split into an apposition and its conjuncts: "eight
    women, a girl and four men were injured" (girl appos women, men conj girl) names three
    groups. A list in apposition that adds up to the head's figure restates it ("two people, a
    man and a woman"), so only the head is kept then. ``v`` may be any member of the list."""
    top = v
    while top.dep in ("conj", "appos") and top.head != top.i and top.i > lo:
        h = doc.toks[top.head]
        if h.pos not in _NOMINAL or not is_person(doc, h, rules):
            break
        top = h
    # otherwise (no list in apposition) the victims are v and its conjuncts, as before: "a man
    # dead and a woman injured" are two claims, each of its own trigger
    head = victim_of(doc, top, lo, hi, rules)
    if head is None or head.figure is None or not head.figure.rule.startswith("num."):
        return conjuncts(doc, v)  # "her daughter, Jane Doe, and her father": names restate
    out = conjuncts(doc, top)
    for a in doc.children(top.i, {"appos"}):
        group = conjuncts(doc, a)
        if any(p.text.lower() == "among" and any(o.text.lower() in ("them", "whom") for o in doc.children(p.i, {"pobj"}))
               for p in doc.children(a.i, {"prep"})):
            # "Twelve rebels, among them four women, and three soldiers were killed": the part
            # is held in the head's count; a member after ", and" is one more of the list
            out += [g for g in group[1:] if g.i >= 3 and doc.toks[_left_edge(doc.kids, g.i) - 1].text.lower() == "and"
                    and doc.toks[_left_edge(doc.kids, g.i) - 2].text == ","]
            continue
        figs = [victim_of(doc, g, lo, hi, rules) for g in group]
        counted = [f.figure for f in figs if f is not None and f.figure is not None and not f.negated
                   and f.figure.rule.startswith("num.")]
        # "A mother, father, and toddler were found dead": a bare singular person is one more
        bare = [g for g, f in zip(group, figs) if f is None and _bare_person(doc, g, rules)]
        if len(group) >= 2 and len(counted) + len(bare) == len(group) \
                and sum(f.low or 0 for f in counted) + len(bare) != head.figure.low:
            out += group
    if len(out) == len(conjuncts(doc, top)):
        return conjuncts(doc, v)
    return sorted(out, key=lambda t: t.i)


def _bare_person(doc: Doc, v: Token, rules: Rules) -> bool:
    """A singular person noun with no determiner or number ("father" in "a mother, father and
    toddler")."""
    return v.tag == "NN" and not doc.children(v.i, {"det", "nummod", "poss"}) and is_person(doc, v, rules)


def incident_figure(doc: Doc, t: Token, category: str, rules: Rules) -> Optional[Victim]:
    """An incident noun that tells how many it hurt without a count: "a double homicide" (2
    killed), "a triple shooting" (3 hit), and one death implied by "a fatal shooting", "the
    shooting death", "a homicide" (``cas.fig.incident``: reconcile uses it only when no other
    figure tells the dead)."""
    if t.tag != "NN" or t.dep in ("compound", "amod"):
        return None  # "three shootings" count incidents; "homicide detectives"
    mods = doc.children(t.i, {"amod", "compound", "nmod"})
    words = {c.text.lower() for c in mods}
    if words & rules.incident_excluded:
        return None  # "an attempted murder", "a separate shooting", "the third homicide"
    for c in mods:
        n = rules.incident_multiples.get(c.text.lower())
        if n is not None:
            return Victim(Figure(n, n, "exact", "cas.fig.multiple"), c.i, t.i + 1, None)
    if category != "killed":
        return None
    det = doc.child(t.i, {"det", "poss"})
    if det is not None and det.dep == "det" and det.text.lower() not in ("a", "an", "the", "this", "that"):
        return None
    if any(c.text.lower() == "of" for c in doc.children(t.i, {"prep"})):
        return None  # "the fatal shooting of a girl": the victim phrase tells (or fails to)
    lemma = t.lemma.lower()
    implied = rules.incident_implied.get(lemma)
    if implied is None or not (implied == "any" or words & set(implied)):
        return None
    if det is None and not words & rules.incident_fatal:
        return None  # "charged with murder" is a charge; "a homicide", "fatal shooting" an incident
    return Victim(Figure(1, 1, "exact", "cas.fig.incident"), t.i, t.i + 1, None)
