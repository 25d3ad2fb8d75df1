"""Actors stage — reads ``parsed``; writes ``actors``.

Finds who acts and who suffers in an article and names them as ACLED does:
"Armenian troops", "Armenia's army" → "Military Forces of Armenia" (ARM, state_forces); "police",
"deputies" → "Police Forces" (country only when the phrase names one); Taliban, al-Shabaab, IS ...
from an alias list; "gunmen" → "Unidentified Armed Group"; "a gunman"/"the suspect" → "Sole
Perpetrator"; "protesters", "rioters", "villagers" → protesters, rioters, civilians.

A bare country name becomes an actor only where the parse makes it one: a belligerent ("clashes
provoked by Armenia", "Azerbaijan is targeting ...", "clashes with Armenia", "accused Azerbaijan
of ...") → its military; the subject of say/report/accuse ("Armenia reported", "Yerevan said",
"Baku's defence ministry said") → its government as a source (capitals only in that use); parties
of "reached/signed a ceasefire" → its government; "Russia-brokered", "mediated by Qatar", "under
the mediation of the Russian side" → its government as mediator. "Turkish-backed" and other
country mentions make no actor.

``role_hint`` is one of ``agent`` (subject of a violence verb, "by X", "X's attack", a side of
"clashes with X"), ``patient`` (object or passive subject of a violence verb, subject of "die"),
``mediator``, ``source`` (speaker), ``party`` (party to an agreement) or None.

The lexicon is data: ``rules/actors.yaml`` (verbs, generic nouns, named groups), ``rules/
countries.tsv`` (names, aliases, capitals) and ``rules/demonyms.tsv``.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any, Optional, Sequence

from ..model import ActorMention, Analysis, ParsedText, Token
from ..pipeline import Resources, Stage
from ..rules import load_tsv, load_yaml

_PUNCT_MAP = str.maketrans({"’": "'", "‘": "'", "`": "'", "–": "-", "—": "-", "‐": "-", "‑": "-"})
_WS = re.compile(r"\s+")
_WORDISH = re.compile(r"\w+|[^\w\s]")
_COUNTRY_KINDS = ("country", "capital", "demonym")
# dependency labels of the words that can carry a force's country inside its noun phrase
_MOD_DEPS = frozenset({"amod", "compound", "poss", "nmod", "npadvmod", "det", "case", "punct",
                       "nummod", "quantmod", "advmod"})
# "Turkish-backed rebels": the country is a backer, not the force's own
_BACKER_WORDS = frozenset({"backed", "led", "trained", "allied", "supported", "funded", "armed",
                           "sponsored", "aligned", "affiliated"})
# a country name that is also a US town or a person ("Palestine police", "Jordan") only names
# the country of an army
_MILITARY_RULES = frozenset({"actor.generic.military", "actor.generic.forces"})
_RELATIVE = frozenset({"who", "that", "which"})
_CONTROL_VERBS = frozenset({"try", "attempt", "continue", "begin", "start", "seek", "manage",
                            "plan", "go", "use", "help", "resume", "keep"})


def _norm(s: str) -> str:
    return _WS.sub(" ", s.translate(_PUNCT_MAP)).strip()


def _case_sensitive(alias: str) -> bool:
    """Acronyms match case-sensitively: no lower-case letter at all (IS, HTS, M23, ISIS-K), or a
    short mixed-case one (LeT, JeM, PDFs)."""
    if not any(c.islower() for c in alias):
        return True
    return len(alias) <= 5 and " " not in alias and any(c.isupper() for c in alias[1:])


@dataclass(frozen=True, slots=True)
class _Entry:
    kind: str  # named | generic | country | capital | demonym
    rule: str
    name: str  # fixed name, or a template with {country}/{short}
    name_no_country: str
    country: Optional[str]
    type: str
    needs_country: bool = False
    patient_only: bool = False
    ambiguous: bool = False


@dataclass(frozen=True)
class _Lexicon:
    ci: dict[str, _Entry]  # lower-cased normalised alias → entry
    cs: dict[str, _Entry]  # case-sensitive aliases
    prefix_len: dict[str, int]  # first 3 lower-case chars → max alias length in word pieces
    country_names: dict[str, tuple[str, str]]  # iso3 → (name with "the", short)
    verbs: dict[str, frozenset[str]]
    nouns: dict[str, frozenset[str]]
    country_actor: dict[str, dict[str, str]]


def _pieces(alias: str) -> int:
    return len(_WORDISH.findall(alias))


@functools.lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    data = load_yaml("actors.yaml")
    ci: dict[str, _Entry] = {}
    cs: dict[str, _Entry] = {}
    prefix_len: dict[str, int] = {}

    def add(alias: str, entry: _Entry) -> None:
        key = _norm(alias)
        if not key:
            return
        if _case_sensitive(key):
            cs.setdefault(key, entry)
        else:
            ci.setdefault(key.lower(), entry)  # first writer wins: named > generic > country
        p = key[:3].lower()
        prefix_len[p] = max(prefix_len.get(p, 0), _pieces(key) + 1)

    for g in data["named"]:
        e = _Entry("named", g["id"], g["name"], g["name"], g.get("country"), g["type"])
        for a in g["aliases"]:
            add(str(a), e)
    for g in data["generic"]:
        ok = {str(w).lower() for w in g.get("no_country_ok", ())}
        patient_only = {str(w).lower() for w in g.get("patient_only", ())}
        for w in g["words"]:
            w = str(w)
            e = _Entry("generic", g["id"], g["name"], g["name_no_country"], None, g["type"],
                       needs_country=bool(g.get("needs_country")) and w.lower() not in ok,
                       patient_only=w.lower() in patient_only)
            add(w, e)
    country_names: dict[str, tuple[str, str]] = {}
    for row in load_tsv("countries.tsv"):
        iso, name = row["id"], row["name"]
        short = name[4:] if name.startswith("the ") else name
        country_names[iso] = (name, short)
        amb = row.get("ambiguous") == "1"
        e = _Entry("country", "actor.country", "", "", iso, "state_forces", ambiguous=amb)
        for a in [short] + [a for a in (row.get("aliases") or "").split("|") if a]:
            add(a, e)
        for cap in (row.get("capitals") or "").split("|"):
            if cap:
                add(cap, _Entry("capital", "actor.capital", "", "", iso, "state_forces"))
    for row in load_tsv("demonyms.tsv"):
        add(row["demonym"], _Entry("demonym", "actor.demonym", "", "", row["id"], "state_forces",
                                   ambiguous=row["id"] == "GEO"))
    verbs = {k: frozenset(str(v).lower() for v in vs) for k, vs in data["verbs"].items()}
    nouns = {k: frozenset(str(v).lower() for v in vs) for k, vs in data["nouns"].items()}
    return _Lexicon(ci, cs, prefix_len, country_names, verbs, nouns, data["country_actor"])


def country_from_word(word: str) -> Optional[str]:
    """ISO alpha-3 for a demonym, country name or alias, or capital ("Azerbaijani", "Armenia's",
    "U.S.", "Baku", "Afghans" → AZE, ARM, USA, AZE, AFG); None when the word names no country."""
    lex = _lexicon()
    w = _norm(word)
    for suffix in ("'s", "'"):
        if w.endswith(suffix) and len(w) > len(suffix) + 1:
            w = w[: -len(suffix)]
            break
    for cand in (w, w[:-1] if w.endswith("s") else None):
        if not cand:
            continue
        e = lex.cs.get(cand) or lex.ci.get(cand.lower())
        if e is not None and e.kind in _COUNTRY_KINDS:
            return e.country
    return None


def country_name(iso3: str) -> Optional[str]:
    """The name ACLED writes after "Military Forces of" ("the United States", "Armenia")."""
    names = _lexicon().country_names.get(iso3)
    return names[0] if names else None


# --------------------------------------------------------------------------------------------
# Matching
# --------------------------------------------------------------------------------------------
@dataclass(slots=True)
class _Match:
    first: int  # token range [first, last]
    last: int
    entry: _Entry
    head: int
    used: bool = False


def _scan(parsed: ParsedText, lex: _Lexicon) -> list[_Match]:
    toks = parsed.tokens
    text = parsed.text
    n = len(toks)
    out: list[_Match] = []
    i = 0
    while i < n:
        t = toks[i]
        span = lex.prefix_len.get(t.text[:3].lower())
        if not span:
            i += 1
            continue
        found: Optional[tuple[int, _Entry]] = None
        for j in range(min(n - 1, i + span), i - 1, -1):
            if toks[j].sent != t.sent:
                continue
            key = _norm(text[t.start:toks[j].end])
            e = lex.cs.get(key)
            if e is None:
                e = lex.ci.get(key.lower())
                if e is not None and e.kind in _COUNTRY_KINDS and not key[:1].isupper():
                    e = None  # "turkey", "chad": country words are capitalised
            if e is not None and e.kind == "named" and len(key) <= 3 and key.isupper():
                if not _acronym_context_ok(toks, i, j):
                    e = None
            if e is not None:
                found = (j, e)
                break
        if found is None:
            i += 1
            continue
        j, e = found
        out.append(_Match(i, j, e, _span_head(toks, i, j)))
        i = j + 1
    return out


def _acronym_context_ok(toks: Sequence[Token], i: int, j: int) -> bool:
    """A short all-caps acronym (IS, ANA) inside an all-caps headline is just a word."""
    for k in (i - 1, j + 1):
        if 0 <= k < len(toks):
            w = toks[k].text
            if len(w) >= 2 and w.isalpha() and w.isupper():
                return False
    return True


def _span_head(toks: Sequence[Token], i: int, j: int) -> int:
    head = j
    for k in range(j, i - 1, -1):
        h = toks[k].head
        if h < i or h > j or h == k:
            head = k
            break
    return head


# --------------------------------------------------------------------------------------------
# Roles from the parse
# --------------------------------------------------------------------------------------------
class _Roles:
    """Role hints for noun heads; built once per article (children lists)."""

    def __init__(self, parsed: ParsedText, lex: _Lexicon):
        self.toks = parsed.tokens
        self.lex = lex
        self.children: list[list[int]] = [[] for _ in self.toks]
        for t in self.toks:
            if t.head != t.i:
                self.children[t.head].append(t.i)
        v, nn = lex.verbs, lex.nouns
        self.violence_v = v["violence"]
        self.violence_n = nn["violence"]
        self.violence_any = self.violence_v | self.violence_n
        self.with_side = frozenset({"clash", "fight", "battle", "skirmish", "engage", "fighting",
                                    "firefight", "gunfight", "shootout", "war", "conflict",
                                    "hostility", "hostilities", "exchange", "confrontation"})

    def _lemma(self, i: int) -> str:
        return self.toks[i].lemma.lower()

    def _effective_verb(self, i: int) -> int:
        """Follow "tried to break through" to the verb that says what was done."""
        seen = 0
        while self._lemma(i) in _CONTROL_VERBS and seen < 3:
            nxt = [c for c in self.children[i] if self.toks[c].dep == "xcomp"]
            if not nxt:
                break
            i = nxt[0]
            seen += 1
        return i

    def role(self, h: int, depth: int = 0) -> Optional[str]:
        toks = self.toks
        t = toks[h]
        while t.dep in ("conj", "appos") and t.head != t.i:
            t = toks[t.head]
        dep = t.dep
        head = toks[t.head]
        hl = head.lemma.lower()
        v = self.lex.verbs
        if dep in ("nsubj", "csubj"):
            ev = self._effective_verb(head.i)
            vl = self._lemma(ev)
            if any(self._lemma(c) in ("responsibility", "responsible", "blame")
                   for c in self.children[ev]):
                return "agent"  # "IS claimed responsibility", "ETA were responsible"
            if vl in self.violence_v:
                return "agent"
            if vl in v["suffering"]:
                return "patient"
            if vl in v["speech"]:
                return "source"
            if vl in v["agreement"]:
                return "party"
        elif dep == "nsubjpass":
            if hl in self.violence_v or hl in v["suffering"]:
                return "patient"
            if hl in v["mediation"]:
                return None
        elif dep in ("dobj", "obj"):
            if hl in v["accuse"]:
                return "agent"  # "accused Azerbaijan of aggression"
            if hl in self.violence_v:
                return "patient"
        elif dep == "pobj" and head.i != t.i:
            prep = head.text.lower()
            gov = toks[head.head]
            gl = gov.lemma.lower()
            if prep == "by":
                if gl in v["mediation"]:
                    return "mediator"
                if gl in self.violence_any:
                    return "agent"
            elif prep == "from":
                if gl in self.violence_n:
                    return "agent"  # "mortar fire from the Islamic State"
            elif prep == "between":
                if gl in self.with_side or gl in self.violence_n:
                    return "agent"  # "a battle between troops and terrorists"
            elif prep in ("on", "against", "at", "upon"):
                if gl in self.violence_any:
                    return "patient"
            elif prep == "with":
                if gl in self.with_side:
                    return "agent"
            elif prep == "of":
                if gl in self.lex.nouns["mediation"]:
                    return "mediator"
                if gl in self.violence_n and depth == 0:
                    # "the killing of civilians" → patient; "the attack of the rebels" rare
                    return "patient"
            if prep in ("in", "from") and gl in self.lex.nouns["speaker"] and depth < 2:
                if self.role(gov.i, depth + 1) == "source":
                    return "source"  # "officials in Baku said"
        elif dep in ("poss", "compound", "nmod", "amod"):
            if hl in self.violence_n:
                return "agent"  # "IS attacks", "Armenia's aggression"
            if hl in self.lex.nouns["mediation"]:
                return "mediator"
            if hl in self.lex.nouns["speaker"] and depth < 2:
                if self.role(head.i, depth + 1) == "source":
                    return "source"  # "Baku's defence ministry said"
            elif dep in ("compound", "nmod") and hl in self.lex.nouns["group"] and depth < 2:
                return self.role(head.i, depth + 1)  # "the Islamic State militant group launched"
        # "the militants who attacked ...", "7 soldiers killed in clashes"
        for c in self.children[t.i]:
            ct = toks[c]
            if ct.dep == "relcl":
                cl = ct.lemma.lower()
                subj = [toks[k] for k in self.children[c] if toks[k].dep in ("nsubj", "nsubjpass")]
                if subj and subj[0].lemma.lower() in _RELATIVE:
                    if subj[0].dep == "nsubj" and cl in self.violence_v:
                        return "agent"
                    if subj[0].dep == "nsubjpass" and cl in self.violence_v:
                        return "patient"
                    if cl in v["suffering"]:
                        return "patient"
            elif ct.dep == "acl" and ct.tag == "VBN" and (
                    ct.lemma.lower() in self.violence_v or ct.lemma.lower() in v["suffering"]):
                return "patient"
        return None

    def modifier_country(self, h: int, by_token: dict[int, _Match]) -> Optional[_Match]:
        """The country match inside the noun phrase of head ``h``: left modifiers (demonym,
        possessive, compound) or "of X" on the right."""
        toks = self.toks
        stack = [c for c in self.children[h] if c < h and toks[c].dep in _MOD_DEPS]
        seen = 0
        while stack and seen < 12:
            k = stack.pop()
            seen += 1
            m = by_token.get(k)
            if m is not None and m.entry.kind in _COUNTRY_KINDS and not self._backer(m):
                return m
            stack.extend(c for c in self.children[k] if c < h)
        for c in self.children[h]:
            if c > h and toks[c].dep == "prep" and toks[c].text.lower() == "of":
                for p in self.children[c]:
                    m = by_token.get(p)
                    if m is not None and m.entry.kind in _COUNTRY_KINDS and not m.entry.kind == "demonym":
                        return m
        return None

    def _backer(self, m: _Match) -> bool:
        toks = self.toks
        k = m.last + 1
        return (k + 1 < len(toks) and toks[k].text == "-"
                and toks[k + 1].text.lower() in _BACKER_WORDS)

    def hyphen_word(self, m: _Match) -> Optional[str]:
        """"Russia-brokered" → "brokered"."""
        toks = self.toks
        k = m.last + 1
        if k + 1 < len(toks) and toks[k].text == "-" and toks[k].start == toks[m.last].end:
            return toks[k + 1].lemma.lower()
        return None


# --------------------------------------------------------------------------------------------
# The stage
# --------------------------------------------------------------------------------------------
def _fill(template: str, iso: Optional[str], lex: _Lexicon) -> str:
    names = lex.country_names.get(iso or "")
    if not names:
        return template
    return template.format(country=names[0], short=names[1])


def find_actors(parsed: ParsedText) -> list[ActorMention]:
    """Actor mentions of the article, in text order."""
    lex = _lexicon()
    matches = _scan(parsed, lex)
    if not matches:
        return []
    roles = _Roles(parsed, lex)
    toks = parsed.tokens
    by_token: dict[int, _Match] = {}
    for m in matches:
        for k in range(m.first, m.last + 1):
            by_token[k] = m
    out: list[ActorMention] = []

    def emit(first: int, last: int, rule: str, name: str, country: Optional[str], typ: str,
             role: Optional[str]) -> None:
        s, e = toks[first].start, toks[last].end
        out.append(ActorMention(parsed.text[s:e], s, e, toks[first].sent, rule, name, country,
                                typ, role))

    # "Al-Shabaab militants", "Houthi rebels": the named group absorbs the generic noun after it
    absorbed: dict[int, _Match] = {}
    for m in matches:
        if m.entry.kind == "generic" and m.entry.type != "civilians" and m.first > 0:
            prev = by_token.get(m.first - 1)
            if prev is not None and prev.entry.kind == "named" and toks[prev.head].head == m.head:
                absorbed[id(prev)] = m
                m.used = True

    # 1) named groups and generic nouns (they consume the country words in their phrase)
    for m in matches:
        e = m.entry
        if e.kind == "named":
            g = absorbed.get(id(m))
            last, head = (g.last, g.head) if g is not None else (m.last, m.head)
            emit(m.first, last, e.rule, e.name, e.country, e.type, roles.role(head))
        elif m.used:
            continue
        elif e.kind == "generic":
            ht = toks[m.head]
            if ht.dep in ("amod", "compound") and not (m.first <= ht.head <= m.last):
                continue  # "military positions", "police car": a modifier, not an actor
            cm = roles.modifier_country(m.head, by_token)
            if cm is None and m.first > 0:
                # fallback for a shaky parse: "Armenian troops" read as two nouns
                prev = by_token.get(m.first - 1)
                if prev is None and m.first > 1 and toks[m.first - 1].text in ("'s", "'", "’s"):
                    prev = by_token.get(m.first - 2)
                if prev is not None and prev.entry.kind in _COUNTRY_KINDS and not roles._backer(prev):
                    cm = prev
            iso = cm.entry.country if cm is not None else None
            if cm is not None and cm.entry.ambiguous and e.rule not in _MILITARY_RULES:
                iso, cm = None, None
            if iso is None and e.needs_country:
                continue
            role = roles.role(m.head)
            if e.patient_only and role != "patient":
                continue
            if cm is not None:
                cm.used = True
            name = _fill(e.name, iso, lex) if iso else e.name_no_country
            first = min(m.first, cm.first) if cm is not None else m.first
            last = max(m.last, cm.last) if cm is not None else m.last
            emit(first, last, e.rule, name, iso, e.type, role)

    # 2) countries and capitals standing for their state
    ca = lex.country_actor
    for m in matches:
        e = m.entry
        if m.used or e.kind not in ("country", "capital", "demonym"):
            continue
        hw = roles.hyphen_word(m)
        if hw is not None:
            if hw in lex.verbs["mediation"]:
                r = ca["government"]
                emit(m.first, m.last + 2, r["id"] + ".mediator", _fill(r["name"], e.country, lex),
                     e.country, r["type"], "mediator")
            continue  # "Turkish-backed", "US-led": a backer, not an actor of the event
        if e.kind == "demonym":
            continue  # "Azerbaijani positions": not an actor on its own
        if e.ambiguous:
            continue  # "Georgia", "Jordan", "Palestine": too often a US state, town or person
        role = roles.role(m.head)
        if role is None:
            continue
        if e.kind == "capital":
            if role != "source":
                continue  # "Baku" is a government only when it speaks
            r = ca["capital"]
        elif role in ("agent", "patient"):
            r = ca["belligerent"]
        else:
            r = ca["government"]
        emit(m.first, m.last, r["id"], _fill(r["name"], e.country, lex), e.country, r["type"], role)
    out.sort(key=lambda a: (a.start, a.end))
    return out


def _run(analysis: Analysis, resources: Resources) -> dict[str, Any]:
    assert analysis.parsed is not None
    return {"actors": find_actors(analysis.parsed)}


STAGE = Stage("actors", reads=("parsed",), writes=("actors",), run=_run)
