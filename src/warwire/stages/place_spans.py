"""Place spans and their context, for the places stage (``places.py``): capitalised n-grams
found in the gazetteer, streets and neighbourhoods (found first; they resolve to the article's
city), the dateline, "City, State" qualifiers, which spans to keep (people, common words, parts
of longer names), the cues around a span (place nouns, locative and near words, possessive
frames such as "Afghanistan's southern Kandahar province" or "the Democratic Republic of
Congo's North Kivu", hyphenated adjectives such as "United States-backed", names that are no
place of the event: one side of a border ("near the Malian border"), a describing name ("the Red
Sea port city of X"), a reference point ("in X, 40 km north of Y")) and each span's role
(dateline, speaker, origin, care, incident, mention). Hyphenated names with a lowercase linker
("Qala-i-Naw") are matched whole or not at all. Cue lists come from ``rules/places.yaml`` via
``place_cues.py``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional, Sequence

from ..gazetteer import Gazetteer, fold
from ..model import ParsedText, PlaceCandidate, Token
from .place_cues import Cues as _Cues
from .place_cues import population_scales

MAX_NGRAM = 6
# Name connectors allowed inside a multi-token place name ("Deir ez-Zor", "Rio de Janeiro").
_CONNECTORS = frozenset({"of", "de", "del", "la", "le", "el", "al", "ez", "ed", "es", "as", "ad",
                         "an", "ar", "az", "ash", "at-", "-", "upon", "on", "du", "des", "da",
                         "do", "dos", "di", "y", "en", "and", "&", "'", "’", "'s", "’s", "bin", "ibn"})
_HYPHENS = frozenset({"-", "‑"})
# A single token with one of these POS tags is a word, not a name ("Seven", "On").
_NOT_NAME_POS = frozenset({"NUM", "ADP", "DET", "PRON", "AUX", "CCONJ", "SCONJ", "PART", "VERB",
                           "ADV", "INTJ"})
_NOT_PLACE_ENTS = frozenset({"CARDINAL", "ORDINAL", "DATE", "TIME", "MONEY", "PERCENT",
                             "QUANTITY"})
LOCAL_MAX_POP = population_scales().local_max
SMALL_TOWN_POP = population_scales().small_town


@dataclass
class Raw:
    """A place span before its reading is chosen (mutable while the stage works on it)."""

    start: int
    end: int
    first: int  # token range
    last: int
    sent: int
    cands: list[PlaceCandidate]
    source: str = "places.ngram"
    designator: Optional[str] = None  # division | district | town | neighbourhood
    qualifier: Optional[tuple[str, Optional[str]]] = None  # (country, admin1) from "City, State"
    near: bool = False
    locative: bool = False
    flags: set[str] = field(default_factory=set)  # org, jurisdiction, gpe, dateline, ...
    cues: list[str] = field(default_factory=list)  # rule ids that fired
    chosen: Optional[PlaceCandidate] = None
    probs: list[float] = field(default_factory=list)
    key: str = ""  # the folded surface
    # readings kept out of every vote (kind post_office), read once the article's state is known
    aside: list[PlaceCandidate] = field(default_factory=list)


# --------------------------------------------------------------------------------------------
# Spans
# --------------------------------------------------------------------------------------------
def is_cap(t: Token) -> bool:
    c = t.text[:1]
    return c.isalpha() and c.isupper()


def dateline(parsed: ParsedText, cues: _Cues) -> Optional[tuple[int, int, Optional[str]]]:
    """(start, end, qualifier text) of the dateline place, in the first paragraphs, past page
    labels that open a line like one ("Updated: ...", ``places.dateline_labels``)."""
    text = parsed.text[:1500]
    for m in cues.dateline.finditer(text):
        place = m.group("place").strip()
        if len(place) < 3 or not any(ch.isalpha() for ch in place):
            continue
        if place.lower() in cues.dateline_labels:
            continue  # "Updated: Apr 27 - 1:23 PM": a page label, the dateline may follow
        return m.start("place"), m.start("place") + len(place), m.group("qual")
    return None


def qualifier(text: str, gaz: Gazetteer, cues: _Cues, cands: Sequence[PlaceCandidate] = (),
               lean: Optional[str] = None) -> Optional[tuple[str, Optional[str], int]]:
    """A state/country after "City, ": (country, admin1, length consumed) or None. A name that
    is both a country and a state ("Marietta, Georgia") is read as the one that holds a place
    called like the city, else as the one in the country the article leans to (``lean``)."""
    # "Gao, northern Mali": a region adjective may come before the country or state
    # (a hyphenated name is one word: "Masisi, Nord-Kivu" is no "Nord")
    m = re.match(rf",\s*(?:(?:{cues.qualifier_adj})\s+)?((?:[A-Z][A-Za-z.]*(?:-[A-Z][A-Za-z]*)*\.?\s?){{1,3}})", text)
    if not m:
        return None
    words = m.group(1).split()
    if words[0].lower().rstrip(".") in cues.ambiguous and re.match(r"\s*\d", text[m.end(1):]):
        return None  # "Ouagadougou, Nov. 27 -", "Sunday, March 3": a date, no state or country
    if len(words) > 1 and words[-1].lower().rstrip(".,") in cues.division_nouns:
        words = words[:-1]  # "Katsina State", "Idlib Province": the province's own name
    for n in range(len(words), 0, -1):
        q = " ".join(words[:n]).rstrip(",")
        # AP forms as a capitalised dateline writes them ("LAWRENCE, KAN."), and without their
        # point ("BIRMINGHAM, Ala (WIAT)") when the city has a namesake in that state
        ap = q if not q.isupper() or q.rstrip(".") in cues.us_postal else q.title()
        state = cues.us_states.get(ap) or cues.us_states.get(ap.rstrip(".") + ".")
        abroad = cues.foreign_states.get(ap) if q.endswith(".") else None
        if abroad and (not state or (
                any(c.country == abroad[0] and c.admin1 == abroad[1] for c in cands)
                and not any(c.country == "USA" and c.admin1 == state for c in cands))):
            # "APATZINGÁN, Mich.": a town of Michoacán and of no Michigan (places.foreign_state_abbr)
            return abroad[0], abroad[1], m.start(1) + len(q)
        if state and (q.endswith(".") or q in cues.us_postal or any(
                c.country == "USA" and c.admin1 == state for c in cands)):
            return "USA", state, m.start(1) + len(q)
        qs = q.rstrip(".")
        options: list[tuple[str, Optional[str], int]] = []
        for c in gaz.lookup(qs):
            if c.kind == "country":
                options.append((c.country or "", None, m.start(1) + len(qs)))
            # "Houston, Texas"; abroad only a whole name ("Ariha, Idlib", "Hays district,
            # Hodeidah"), never a part of one ("North" of "North Waziristan")
            elif c.kind == "admin1" and (c.country == "USA" or n == len(words)):
                options.append((c.country or "", c.name, m.start(1) + len(qs)))
        if options:
            def fits(o: tuple[str, Optional[str], int]) -> int:
                inside = any(x.country == o[0] and (o[1] is None or x.admin1 == o[1])
                             and x.kind != "country" for x in cands)
                return 2 * inside + (o[0] == lean)
            return max(options, key=fits)  # ties keep the gazetteer's order
    return None


def _hyphen_compounds(toks: Sequence[Token]) -> tuple[list[int], list[int], list[bool]]:
    """For each token, the first and last token of the hyphenated compound it belongs to
    ("Qala-i-Naw", "Kaduna-Abuja", "al-Busayrah"; a lone token is its own compound), and
    whether that compound has a lowercase linker between two pieces ("-i-", "-e-", "-ul-"):
    such a compound is one name, none of its pieces is a place on its own."""
    n = len(toks)
    first = list(range(n))
    for k in range(1, n):
        a, b = toks[k - 1], toks[k]
        if b.start == a.end and (a.text in _HYPHENS or b.text in _HYPHENS):
            first[k] = first[k - 1]
    last = list(range(n))
    for k in range(n - 2, -1, -1):
        if first[k + 1] == first[k]:
            last[k] = last[k + 1]
    linked = [False] * n
    k = 0
    while k < n:
        a, b = first[k], last[k]
        if b > a:
            pieces = [t.text for t in toks[a:b + 1] if t.text not in _HYPHENS]
            inner = pieces[1:-1]
            if any(w[:1].islower() for w in inner):
                for j in range(a, b + 1):
                    linked[j] = True
        k = b + 1
    return first, last, linked


def _article_before(toks: Sequence[Token], i: int, cues: _Cues) -> Optional[int]:
    """The index of a lower-case Arabic article glued by a hyphen before token ``i`` ("al" of
    "al-Mawsil"), else None."""
    if i < 2:
        return None
    art, hyph, t = toks[i - 2], toks[i - 1], toks[i]
    if hyph.text in _HYPHENS and art.end == hyph.start and hyph.end == t.start and art.sent == t.sent \
            and art.text.islower() and art.text in cues.article_prefixes:
        return art.i
    return None


_VOWELS = "aeiou"


def _named_provinces(parsed: ParsedText, sent: int, gaz: Gazetteer, cues: _Cues) -> set[tuple]:
    """(country, admin1) of the provinces a sentence names, with their noun or bare ("Abyan
    province", "Lower Shabelle region", "south of Hasakah")."""
    toks = [t for t in parsed.sentence_tokens(sent)]
    out: set[tuple] = set()
    nouns = cues.division_nouns | {"region"}
    def linked(x: Token) -> bool:  # a piece of a name: "Deir ez-Zor", "Lower Shabelle"
        return is_cap(x) or x.text in _HYPHENS or x.text.lower() in _CONNECTORS

    k = 1
    while k < len(toks):
        if not is_cap(toks[k]):
            k += 1
            continue
        for n in (4, 3, 2, 1):
            last = k + n - 1
            if last >= len(toks) or not is_cap(toks[last]) or not all(linked(x) for x in toks[k:last]):
                continue
            name = parsed.text[toks[k].start:toks[last].end]
            after = toks[last + 1].text.lower() if last + 1 < len(toks) else ""
            found = {(c.country, c.admin1) for c in gaz.lookup(name) if c.kind == "admin1" and c.admin1
                     and (fold(c.name) == fold(name) or after in nouns)}
            if found:
                out |= found
                k = last
                break
        k += 1
    return out


def _vowel_variant(parsed: ParsedText, i: int, art: Optional[int], gaz: Gazetteer, cues: _Cues,
                   frames: dict[int, set[tuple]]) -> list[PlaceCandidate]:
    """An unknown one-word name after a locative word, in a sentence that names its province
    ("on the outskirts of Zinjubar, the capital of the southern Abyan province"; "of
    al-Shaddadi, south of Hasakah"): the town of that province whose name differs from it in
    one vowel (Zinjibar) or in a letter written twice (Shadadi), if exactly one does
    (``places.vowel_variant``). Transliteration writes short vowels freely; a vowel skeleton
    key over the whole gazetteer meets too many namesakes (transliteration.yaml), one province
    does not."""
    t = parsed.tokens[i]
    word = t.text
    if not (word.isalpha() and word[0].isupper() and word[1:].islower() and len(word) >= 5):
        return []
    sent = parsed.sentences[t.sent]
    start = parsed.tokens[art].start if art is not None else t.start  # "of al-Shaddadi"
    if not cues.locative_re.search(parsed.text[max(sent.start, start - 40):start]):
        return []
    if t.sent not in frames:
        frames[t.sent] = _named_provinces(parsed, t.sent, gaz, cues)
    provinces = frames[t.sent]
    if not provinces:
        return []
    variants = {word[:k] + v + word[k + 1:] for k, ch in enumerate(word) if k and ch in _VOWELS
                for v in _VOWELS if v != ch}
    variants.add(re.sub(r"(.)\1+", r"\1", word))  # a letter written twice ("Shaddadi")
    variants.discard(word)
    found: dict[tuple, PlaceCandidate] = {}
    for variant in sorted(variants):
        for c in gaz.lookup(variant):
            if c.kind == "city" and (c.country, c.admin1) in provinces:
                found[(c.name, c.country, c.admin1)] = c
    return list(found.values()) if len(found) == 1 else []


def find_spans(parsed: ParsedText, gaz: Gazetteer, cues: _Cues,
               phrases: Sequence[tuple[Raw, tuple[int, int]]] = ()) -> list[Raw]:
    """Every place span: ``phrases`` (found by ``place_phrases``: their token ranges are
    filled in here and their text is no n-gram's), streets and neighbourhoods, then the
    gazetteer's capitalised n-grams, longest first."""
    text, toks = parsed.text, parsed.tokens
    taken = [False] * len(toks)
    raws: list[Raw] = []

    def tok_range(start: int, end: int) -> tuple[int, int]:
        first = next((t.i for t in toks if t.end > start), len(toks))
        last = first
        while last < len(toks) and toks[last].start < end:
            last += 1
        return first, last

    for raw, (t0, t1) in phrases:
        first, last = tok_range(raw.start, raw.end)
        k0, k1 = tok_range(t0, t1)
        if first >= len(toks) or any(taken[k0:k1]):
            continue
        for k in range(k0, k1):
            taken[k] = True
        raw.first, raw.last, raw.sent = first, last, toks[first].sent
        raws.append(raw)

    # streets and neighbourhoods resolve to the article's city later
    for regex, kind in ((cues.street_re, "street"), (cues.street_prefix_re, "street"),
                        (cues.neighbourhood_re, "neighbourhood")):
        for m in regex.finditer(text):
            if "\n" in m.group(0):
                continue
            if kind == "neighbourhood" and m.group(1).split()[0].lower() in (
                    cues.neighbourhood_nouns | {"the", "a", "an", "this", "that", "his", "her"}):
                continue
            first, last = tok_range(m.start(), m.end())
            if first >= len(toks) or any(taken[first:last]) or toks[first].sent != toks[last - 1].sent:
                continue  # taken, or across a sentence end ("... late on Tuesday. A community leader")
            for k in range(first, last):
                taken[k] = True
            raws.append(Raw(m.start(), m.end(), first, last, toks[first].sent, [],
                             source=f"places.{kind}", designator="neighbourhood"))

    i = 0
    n_tok = len(toks)
    c_first, c_last, linked = _hyphen_compounds(toks)
    frames: dict[int, set[tuple]] = {}  # per sentence, filled on demand by _vowel_variant
    while i < n_tok:
        t = toks[i]
        if taken[i] or not is_cap(t) or (linked[i] and c_first[i] != i):
            # a piece of a hyphenated name ("Naw" of "Qala-i-Naw") is no place of its own
            i += 1
            continue
        hit: Optional[tuple[int, list[PlaceCandidate]]] = None
        art = _article_before(toks, i, cues)
        for n in range(min(MAX_NGRAM, n_tok - i), 0, -1):
            j = i + n - 1
            tj = toks[j]
            # a name may end in a lower-case piece after a hyphen ("Impasug-ong")
            tail = c_first[j] < j == c_last[j] and c_first[j] >= i and is_cap(toks[c_first[j]])
            if tj.sent != t.sent or not (is_cap(tj) or tail) or any(taken[i:j + 1]):
                continue
            if linked[j] and c_last[j] != j:
                continue  # ends inside a hyphenated name ("Qala" of "Qala-i-Naw")
            if any(not is_cap(toks[k]) and toks[k].text.lower() not in _CONNECTORS
                   and c_first[k] == k and c_last[k] == k for k in range(i + 1, j)):
                continue
            surface = text[t.start:tj.end]
            if "\n" in surface:
                continue
            if art is not None:
                cands = gaz.lookup(text[toks[art].start:tj.end])  # "al-Mawsil"
                if cands:
                    hit = (j, cands)
                    break
            cands = gaz.lookup(surface)
            if cands:
                hit = (j, cands)
                break
        variant = False
        if hit is None:
            cands = _vowel_variant(parsed, i, art, gaz, cues, frames)
            if not cands:
                i += 1
                continue
            hit, variant = (i, cands), True
        j, cands = hit
        raw = Raw(t.start, toks[j].end, i, j + 1, t.sent, cands, key=fold(text[t.start:toks[j].end]))
        if variant:
            raw.cues.append("places.vowel_variant")
        if art is not None:  # the article is part of the span ("in al-Raqqa")
            raw.start, raw.first = toks[art].start, art
            raw.flags.add("article")
        if i > 0 and not taken[i - 1] and toks[i - 1].sent == t.sent and is_cap(toks[i - 1]) \
                and toks[i - 1].text.lower() in cues.compass:
            # "South Austin": the whole name is no place the gazetteer knows → maybe a part of
            # the article's city (decided once the article's state is known)
            raw.flags.add("compass")
        raws.append(raw)
        i = j + 1
    raws.sort(key=lambda r: r.start)
    return raws


def keep(raw: Raw, parsed: ParsedText, cues: _Cues, surnames: set[str],
         given: frozenset[str] | set[str] = frozenset()) -> bool:
    """Drop spans that are names of people, or common words without a place cue."""
    toks = parsed.tokens
    surface = parsed.text[raw.start:raw.end]
    key = fold(surface)
    if key in cues.never_alone:
        return False
    if re.match(r"-[a-z]{1,3}-[A-Z]", parsed.text[raw.end:raw.end + 6]):
        # the head of a longer hyphenated name the gazetteer lacks ("Gulshan-e-Iqbal")
        raw.cues.append("places.name_part")
        return False
    strong_cue = bool(raw.flags & {"dateline"}) or raw.qualifier or raw.designator
    prev = toks[raw.first - 1] if raw.first > 0 else None
    if prev is not None and prev.text.lower().rstrip(".") in cues.person_titles and is_cap(prev):
        return False
    for e in parsed.entities:
        if e.first_token <= raw.first and e.last_token >= raw.last:
            if e.label == "PERSON" and (e.first_token < raw.first or e.last_token > raw.last) \
                    and not (raw.designator and raw.designator != "neighbourhood") and not raw.qualifier:
                # a part of a person's name; not "Faskari LGA, Katsina State" (tagged PERSON)
                return False
            if e.label in ("GPE", "LOC", "FAC"):
                raw.flags.add("gpe")
    single = raw.last - raw.first == (3 if "article" in raw.flags else 1)
    after = parsed.text[raw.end:raw.end + 12]
    am = re.match(r" ([a-z]{1,3})[-‑][A-Z]", after)
    if am and am.group(1) in cues.article_prefixes and not raw.qualifier and not raw.designator \
            and "dateline" not in raw.flags:
        # "Bab al-Tob", "Khan al-Asal": the head of a longer name the gazetteer lacks
        raw.cues.append("places.name_part")
        return False
    if single and key in cues.name_heads and not raw.qualifier and "dateline" not in raw.flags \
            and re.match(r"\s+of\s+(?:the\s+)?[A-Z]", parsed.text[raw.end:raw.end + 12]):
        # "the University of York", "the Bank of England": the head of a longer name
        raw.cues.append("places.name_head")
        return False
    if single and not strong_cue and not raw.locative and raw.cands \
            and all(c.kind == "city" for c in raw.cands) \
            and re.search(r"\b[A-Z][\w'’]+\s+(?:of|for)\s+the\s+$", parsed.text[max(0, raw.start - 40):raw.start]):
        # "the Volunteers for the Defence of the Homeland", "Sons of the Valley": the tail of an
        # organisation's name; a town's name never takes "the" after "of"
        raw.cues.append("places.name_tail")
        return False
    if single and not strong_cue and not raw.locative and (
            key in surnames or toks[raw.first].ent_type == "PERSON"
            or (key in given and "jurisdiction" not in raw.flags)):
        raw.cues.append("places.person_name")
        return False
    if single and key in surnames and not strong_cue:
        return False
    if single and "gpe" not in raw.flags and "dateline" not in raw.flags \
            and (toks[raw.first].pos in _NOT_NAME_POS or toks[raw.first].like_num
                 or toks[raw.first].ent_type in _NOT_PLACE_ENTS) \
            and not ((raw.locative or raw.near) and toks[raw.first].pos == "PROPN" and key not in cues.ambiguous
                     and not surface.endswith(".") and any(
                         c.kind in ("country", "admin1", "city") and fold(c.name) == key for c in raw.cands)):
        # a number or a date; not a country, province or town after a locative word that the
        # parser mislabelled ("in western Niger", "near Turbat" tagged DATE)
        return False
    prev_tok = toks[raw.first - 1] if raw.first > 0 else None
    tail = (prev_tok is not None and prev_tok.sent == raw.sent and is_cap(prev_tok)
            and prev_tok.end + 1 == raw.start and prev_tok.i > parsed.sentences[raw.sent].first_token
            and prev_tok.text.lower() not in cues.compass | cues.person_titles)
    if (tail or "places.name_part" in raw.cues) and not raw.qualifier and not raw.designator \
            and "dateline" not in raw.flags and raw.cands and all(
                c.kind == "city" and c.population < SMALL_TOWN_POP for c in raw.cands):
        # a small town's name inside a longer name the gazetteer lacks ("Park Manor", "Lake
        # Mead", "Poplar Springs"): likelier a neighbourhood, a street or a shop than that town
        raw.cues.append("places.name_part")
        return False
    if not strong_cue and not raw.locative and raw.cands and all(
            c.kind == "city" and c.population < LOCAL_MAX_POP and fold(c.name) != key
            for c in raw.cands):
        # known only as another spelling of a small town ("Taliban", "Soul", "Merit"), with no
        # place cue: a word or a name, not that town
        raw.cues.append("places.alt_name_only")
        return False
    if single and surface.isupper() and len(surface) <= 4 and "dateline" not in raw.flags:
        # an acronym names a country or a region, or a state in its dotted AP form ("D.C."),
        # never a town: "DC police", "LA" stay words
        state = cues.us_states.get(surface) if "." in surface else None
        raw.cands = [c for c in raw.cands if c.kind in ("country", "region") or (
            state and c.kind == "admin1" and c.country == "USA" and c.admin1 == state)]
        if not raw.cands:
            return False
    if key in cues.ambiguous or (single and surface.lower() in cues.ambiguous):
        has_cue = bool(raw.flags & {"gpe", "dateline", "jurisdiction"}) or raw.qualifier \
            or raw.designator or raw.locative
        if not has_cue:
            return False
    return True


# --------------------------------------------------------------------------------------------
# Context around a span
# --------------------------------------------------------------------------------------------
def context(raw: Raw, parsed: ParsedText, gaz: Gazetteer, cues: _Cues,
             lean: Optional[str] = None) -> None:
    text, toks = parsed.text, parsed.tokens
    sent = parsed.sentences[raw.sent]
    before = text[max(sent.start, raw.start - 160):raw.start]
    after = text[raw.end:min(sent.end, raw.end + 80)]
    nxt = toks[raw.last] if raw.last < len(toks) and toks[raw.last].sent == raw.sent else None
    nxt_low = nxt.text.lower() if nxt else ""
    # a designator of several words after the name: "Bokkos Local Government Area"
    phrase = cues.district_phrase_re.match(after) \
        if raw.source == "places.ngram" and after[1:2].isupper() else None
    # "City, State"
    if raw.source == "places.ngram":
        # the state or province may follow a designator: "Hays district, Hodeidah"
        dm = re.match(r"\s+(\w+)(?=,)", after) if phrase is None else \
            (phrase if after[phrase.end():phrase.end() + 1] == "," else None)
        skip = dm.end() if dm and dm.group(1).lower() in cues.district_nouns | cues.division_nouns else 0
        q = qualifier(after[skip:], gaz, cues, raw.cands, lean)
        if q:
            raw.qualifier = (q[0], q[1])
            raw.cues.append("places.qualifier")
    um = re.search(r"(?<![\w'’])([A-Z][a-z]+)\s+$", before) if raw.source == "places.ngram" else None
    # designators after: "Helmand province", "Cook County" (already in the name), "X district";
    # before, capitalised, in official style: "District Dhar" (places.unit_before_name)
    if um is not None and um.group(1).lower() in cues.unit_before_name:
        raw.designator = "district"
        raw.cues.append("places.unit_before_name")
    elif phrase is not None:
        raw.designator = "district"
    elif nxt is not None and raw.source == "places.ngram":
        if nxt_low in cues.division_nouns:
            raw.designator = "division"
        elif nxt_low in cues.district_nouns:
            raw.designator = "district"
        elif nxt_low in cues.town_nouns:
            raw.designator = "town"
        elif nxt_low in cues.compass:
            cm = re.match(r"\s+\S+\s+([\w\-]+)", after)
            if cm and cm.group(1).lower() in cues.district_nouns | cues.division_nouns:
                # "Mandera South sub-county": a division named after the town, not the town
                raw.designator = "district"
            elif is_cap(nxt) and nxt_low in cues.bearings and nxt.start == raw.end + 1 and not (
                    cm and cm.group(1)[:1].isupper()):
                # "shot dead in Mandera East", "Peshawar North": the constituency or district
                # named after the town (a name the gazetteer lacks as a whole), read at the
                # town (precision 2), not the town itself nor the province of its name
                raw.cues.append("places.compass_division")
        if nxt_low in cues.org_words and is_cap(nxt):
            raw.flags.add("org")
        elif (is_cap(nxt) and nxt.start == raw.end + 1 and nxt.ent_type not in _NOT_PLACE_ENTS
              and nxt_low not in cues.ambiguous and nxt_low not in cues.jurisdiction_words
              and nxt_low not in cues.division_nouns | cues.district_nouns | cues.town_nouns):
            # "Florence Oaks Park", "Madison Holdings": the name of something else
            raw.flags.add("org")
            raw.cues.append("places.name_part")
        if nxt_low in cues.jurisdiction_words:
            raw.flags.add("jurisdiction")
    # strip a list of names before this one: "in the districts of Kelbajar and "
    b = before
    if re.search(r"(?:,|\band|\bor|&)\s*$", before):  # cheap guard: only a list can end so
        b = re.sub(r"(?:[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*)*\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|"
                   r"\s+or\s+|&\s+))+$", "", before)
    # "in the Sariab area of Quetta", "in the Daraa al-Balad neighbourhood of Daraa city": the
    # place noun is the named part's, the locative word before it frames the place it is part
    # of (places.part_of); "in the district of X" keeps X a district
    part = cues.part_of_re.search(b) if raw.source == "places.ngram" else None
    m = None if part else cues.designator_re.search(b)
    if part:
        b = b[:part.start()]
        raw.cues.append("places.part_of")
    elif m:
        noun = m.group("noun").lower()
        raw.designator = raw.designator or ("division" if noun in cues.division_nouns else
                                            "district" if noun in cues.district_nouns else "town")
        b = b[:m.start()]
        # "in the Red Sea port city of X": the describing name goes with the place noun
        b = re.sub(r"\bthe\s+(?:[A-Z][\w\-]*\s+){1,3}$", "", b)
    elif raw.source == "places.ngram":
        am = cues.appositive_re.search(b)  # "in the Sudanese capital Khartoum"
        if am:
            raw.designator = raw.designator or "town"
            b = b[:am.start()]
    # "in the southern X"; not "on the highway near X"; a building or institution of the town
    # with its adjective ("in the crowded market of X", "at the main mosque of X"; not "the
    # eastern countryside of X", which lies around it)
    tm = re.search(r"\bthe\s+(?:[a-z\-]+\s+){0,2}$|\bthe\s+[a-z\-]+\s+(?P<noun>[a-z]+)\s+of\s+$", b)
    if tm and not cues.locative_re.search(tm.group(0)) and (
            not tm.group("noun") or tm.group("noun") in cues.org_words):
        b = b[:tm.start()]
    b = cues.region_adj_re.sub("", b)  # "in southern Idlib", "in rural Damascus"
    pm = cues.possessor_re.search(b)  # "Afghanistan's ", "the country's "
    if pm and raw.source == "places.ngram":
        # "in Afghanistan's southern Kandahar province": the possessor frames the place like a
        # "City, Country" qualifier; "the country's north-western Idlib" frames nothing
        q, cut = None, pm.start()
        name = pm.group("name")
        # "In Burkina Faso's": the longest tail of the capitalised words that is a place
        # a city frames only as the whole name after a locative word ("in Quetta's Sariab
        # area"; not "at St. Mary's Hospital", "to Prince George's Hospital")
        prev = re.search(r"(\w+)\s+$", b[:pm.start()])
        located = prev is not None and (prev.group(1).lower() in cues.incident_prep
                                        or prev.group(1).lower() in cues.near_prep)
        for w in re.finditer(r"\S+", name or ""):
            q = _possessor_frame(name[w.start():], gaz, cues, raw.cands,
                                 city_frame=located and w.start() == 0)
            if q:
                cut = pm.start("name") + w.start()
                break
        if q or not name:
            b = cues.region_adj_re.sub("", b[:cut])
            b = re.sub(r"\bthe\s+$", "", b)  # "in the Democratic Republic of Congo's X"
        if q and not raw.qualifier:
            raw.qualifier = q
            raw.cues.append("places.possessive_frame")
        if q and not part and cues.part_of_re.search(b):
            # "in the Redwani area of south Kashmir's Kulgam district": the named part's
            # place noun, then the possessor; the locative word frames the place
            b = b[:cues.part_of_re.search(b).start()]
            raw.cues.append("places.part_of")
    b = re.sub(r"\b(?:the\s+)?\d+(?:\.\d+)?\s*(?:km|kilometres|kilometers|miles|mi)\s+"
               r"(?:\([^)]*\)\s+)?(?=(?:north|south|east|west|outside))", "", b)
    if (nxt is not None and nxt.pos == "NOUN" and nxt.text.islower() and nxt.start <= raw.end + 1
            and raw.source == "places.ngram" and not raw.designator
            and any(c.kind == "country" for c in raw.cands)):
        # "the U.S. embassy", "Iraq war", "Turkey border crossing": the country names an owner
        # or a side, not where something happened
        raw.flags.add("adjective")
        raw.cues.append("places.compound_adjective")
        return
    if raw.source == "places.ngram" and (raw.key in cues.demonyms or any(
            c.kind in ("country", "admin1", "region") for c in raw.cands)) and (
            cues.border_after_re.match(text, raw.end) or cues.border_before_re.search(before)):
        # "near the Malian border", "the Mali-Niger border", "the border with Mali": one side
        # of a border, not where it happened
        raw.flags.add("adjective")
        raw.cues.append("places.border")
        return
    if raw.source == "places.ngram" and cues.bearing_re.search(before):
        # "in Ghazni, about 150 km southwest of Kabul", "in Marib, east of the capital Sanaa":
        # a reference point for the place named before it, not where it happened
        raw.flags.add("adjective")
        raw.near = True
        raw.cues.append("places.bearing")
        return
    if raw.source == "places.ngram" and (cues.road_after_re.match(text, raw.end) or (
            cues.road_before_re.search(before) and cues.road_noun_re.match(text, raw.end))):
        # "on the Maiduguri-Damboa road": the towns a road joins, not where on it it happened
        _named_after(raw, "places.road_end")
        return
    if raw.source == "places.ngram" and (cues.pair_after_re.match(text, raw.end) or (
            cues.road_before_re.search(before) and cues.pair_noun_re.match(text, raw.end))):
        # "in the Beni-Mbau sector", "the Rajouri-Poonch belt": an area named after the town
        # (and another), not the town itself
        _named_after(raw, "places.pair_area")
        return
    if raw.source == "places.ngram" and cues.descriptor_re.match(text, raw.end) \
            and re.search(r"\bthe\s+(?:[a-z\-]+\s+)?$", before):
        # "the Red Sea port city of X", "the Idlib town of X": the name describes the town
        # named after it, which is the place
        raw.flags.add("adjective")
        raw.cues.append("places.descriptor")
        return
    if cues.compound_adj_re.match(parsed.text, raw.end):
        # "the United States-backed offensive": an adjective naming a side, not a location
        raw.flags.add("adjective")
        raw.cues.append("places.compound_adjective")
        return
    if raw.source == "places.ngram" and raw.designator in ("division", "district"):
        um = cues.unit_before_re.search(b)
        if um:
            b = b[:um.start()]  # "in Rugombo commune, Cibitoke province": in Cibitoke province
    lm = cues.locative_re.search(b)
    if lm:
        prep = lm.group("prep").lower()
        raw.locative = True
        raw.near = prep in cues.near_prep
        raw.cues.append("places.near_prep" if raw.near else "places.incident_prep")
        if raw.near and (prep.split()[0] in cues.bearings or prep.endswith(" from")):
            # "north-east of X", "10 km from X": X is a reference point, the place lies away
            raw.cues.append("places.bearing_prep")


def _named_after(raw: Raw, cue: str) -> None:
    """The name only names something else after it (a road's end, an area named after the
    town): a modifier, near the event's place, with ``cue`` as its reason."""
    raw.flags.add("adjective")
    raw.near = True
    raw.cues.append(cue)


def _possessor_frame(name: str, gaz: Gazetteer, cues: _Cues, cands: Sequence[PlaceCandidate],
                     city_frame: bool = False) -> Optional[tuple[str, Optional[str]]]:
    """(country, admin1) of a possessor that is a country, or a province or region holding a
    reading of the place ("Helmand's Nad Ali district", "Kashmir's Pulwama"), or with
    ``city_frame`` (the whole name, after a locative word) a large city known by that very name
    ("in Quetta's Sariab area"), else None. A
    country's name is read as rules/countries.tsv reads it ("Congo's" is the DRC's)."""
    if name.split()[0].lower() in ("of", "the"):
        return None
    iso = cues.country_names.get(fold(name))
    if iso:
        return iso, None
    for c in gaz.lookup(name):
        if c.kind == "country" and c.country:
            return c.country, None
        if c.kind == "admin1" and c.country and any(
                o.country == c.country and o.admin1 == c.name for o in cands):
            return c.country, c.name
        if c.kind == "region" and c.country and any(o.country == c.country for o in cands):
            return c.country, None  # "Kashmir's Pulwama district"
    # "Quetta's Hazar Ganji area", "Mogadishu's Hodan district": a city that is no local
    # namesake frames the quarter named after it (its province; a quarter the gazetteer lacks is
    # then read as that province, never as a namesake abroad). Not in US local news, whose
    # "Portland's Lloyd Center" the neighbourhood and article-city rules read (on gvc-dev a
    # frame there sent names of shops and churches to the state: a loss)
    if not city_frame:
        return None
    cities = [c for c in gaz.lookup(name) if c.kind == "city" and c.country
              and c.country != cues.standalone_country
              and c.population >= LOCAL_MAX_POP and fold(c.name) == fold(name)]
    if cities:
        city = max(cities, key=lambda c: c.population)
        return city.country, city.admin1
    return None


def _counted(parsed: ParsedText, sent: int, start: int) -> bool:
    """A number right before the noun at ``start`` ("killed four police officers in X"): the
    noun counts victims, it is no source speaking from X."""
    toks = parsed.sentence_tokens(sent)
    i = next((k for k, t in enumerate(toks) if t.end > start), len(toks))
    # the number is a verb's object ("killed four ..."), not the subject ("Two officials in X said")
    return any((toks[j].like_num or toks[j].pos == "NUM")
               and any(t.pos == "VERB" for t in toks[max(0, j - 2):j])
               and not any(t.pos == "PUNCT" for t in toks[j + 1:i])  # "killing five, officials"
               for j in range(max(0, i - 3), i))


def _verb_between(parsed: ParsedText, start: int, end: int, cues: _Cues) -> bool:
    """A verb between a speaker noun and a place ("government troops clashed in X") makes the
    place the action's, not the speaker's ("officials in X said"); a say-verb or a verb of
    issuing a statement does not ("officials said in X", "a statement issued in X")."""
    for t in parsed.tokens[parsed.sentences[parsed.sentence_at(start)].first_token:]:
        if t.start >= end:
            return False
        if t.start >= start and t.pos == "VERB" and t.lemma.lower() not in cues.say_verbs \
                and t.lemma.lower() not in cues.channel_verbs:
            return True
    return False


# a place named before this one and joined to it ("in Baalbek and ", "in Baalbek, ")
_AFTER_CONJUNCT = re.compile(r"(?<![\w'’.\-])[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*){0,3}\s*(?:,|\band\b|\bor\b)\s+$")


def role(raw: Raw, parsed: ParsedText, cues: _Cues, sent_words: dict[int, set[str]]) -> str:
    text = parsed.text
    sent = parsed.sentences[raw.sent]
    before = text[max(sent.start, raw.start - 160):raw.start]
    after = text[raw.end:min(sent.end, raw.end + 80)]
    words = sent_words[raw.sent]
    if "dateline" in raw.flags:
        return "dateline"
    if "adjective" in raw.flags:
        return "mention"
    if "org" in raw.flags and "jurisdiction" not in raw.flags and raw.source == "places.ngram":
        return "mention"  # "near Jordan Park", "the Chicago Tribune": part of another name
    conj = _AFTER_CONJUNCT.search(before)  # "hospitals in Baalbek and Zahle": the second too
    if cues.care_after_re.match(after) or cues.care_before_re.search(before[-120:]) or (
            conj is not None and cues.care_before_re.search(before[:conj.start()][-120:])):
        # "flown to a Riverton hospital", "treated at a medical center in Millbrook", "taken to
        # hospital in Peshawar": where the wounded were treated, not where they were hurt
        raw.cues.append("places.care_words")
        return "care"
    if cues.speaker_after_re.match(after) and raw.source == "places.ngram":
        raw.cues.append("places.speaker_nouns")
        return "speaker"
    if re.match(r"\s*(?:-based\b|said\b|says\b|reported\b|told\b|announced\b|claimed\b|"
                r"accused\b|denied\b|confirmed\b|warned\b|insisted\b|stated\b|added\b)", after):
        raw.cues.append("places.say_verbs")
        return "speaker"
    if re.fullmatch(r"\s*In\s+", text[sent.start:raw.start]) and cues.fronted_speaker_re.match(after):
        # "In Islamabad, the interior minister condemned ...": where it was said
        raw.cues.append("places.fronted_speaker_place")
        return "speaker"
    sm = cues.speaker_before_re.search(before)
    if sm and not (cues.target_nouns.isdisjoint(sm.group(0).lower().split())
                   and cues.event_words.isdisjoint(sm.group(0).lower().split())):
        sm = None  # "a military camp in X", "an army base in X", "a military raid in X": no speaker
    if sm and cues.party_before_re.search(before[:sm.start()]):
        sm = None  # "fighting between the army and rebels in X": a party to the clash
    if sm and words & cues.say_verbs and not _verb_between(parsed, raw.start - len(before) + sm.start(), raw.start, cues) \
            and not _counted(parsed, raw.sent, raw.start - len(before) + sm.start()):
        raw.cues.append("places.say_verb_forms" if sm.group("say") else "places.speaker_nouns")
        return "speaker"
    if raw.source == "places.ngram" and not raw.locative:
        m = re.match(r"\s*(?:\d+-year-old\s+)?([A-Za-z]+)", after)
        if m and m.group(1).lower() in cues.origin_nouns and not before.rstrip().endswith(","):
            raw.cues.append("places.origin_nouns")
            return "origin"
        if cues.origin_before_re.search(before):
            raw.cues.append("places.origin_nouns")
            return "origin"
    if raw.locative and words & cues.event_words:
        raw.cues.append("places.event_words")
        return "incident"
    k = raw.first - 1
    if raw.designator and k > 0 and parsed.tokens[k].text.lower() == "of":
        # "shelled the village of X": the verb before the place noun phrase
        k -= 1
        stop = max(k - 6, parsed.sentences[raw.sent].first_token)
        while k > stop and (parsed.tokens[k].pos in ("NOUN", "ADJ", "DET")
                            or parsed.tokens[k].text in ("-", "‑")
                            or parsed.tokens[k].tag == "VBN"):  # "the rebel-held town of"
            k -= 1
    prev = parsed.tokens[k] if k >= 0 else None
    if (prev is not None and prev.sent == raw.sent and prev.pos == "VERB"
            and prev.lemma.lower() in cues.attack_verbs and raw.source == "places.ngram"):
        # the object of an attack verb: "militants stormed Bagh", "jets struck Ariha",
        # "troops shelled the village of X"
        raw.cues.append("places.event_object")
        return "incident"
    m = re.match(r"\s*(?:'s\s+)?([a-z]+)", after)
    nxt = parsed.tokens[raw.last] if raw.last < len(parsed.tokens) else None
    if m and m.group(1) in cues.event_words and m.group(1) not in ("fire",) \
            and raw.source == "places.ngram" and not (nxt is not None and nxt.pos in ("VERB", "AUX")):
        # "the Houston shooting"; not "(gunmen who came from) Jilib attacked ..."
        raw.cues.append("places.event_words")
        return "incident"
    if raw.source != "places.ngram" and words & cues.event_words:
        # a street/neighbourhood in a sentence about the event is where it happened
        raw.cues.append("places.event_words")
        return "incident"
    if "jurisdiction" in raw.flags:
        raw.cues.append("places.jurisdiction_words")
        return "mention"
    return "mention"
