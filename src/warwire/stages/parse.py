"""Parse stage — reads ``article``; writes ``parsed``.

The only module that imports spaCy. It turns the spaCy ``Doc`` into warwire's own typed records
(``Token``, ``Sentence``, ``Entity``) so every later stage is testable without a model.
"""
from __future__ import annotations

import functools
import re
from typing import Any, Iterable

from ..errors import ConfigError
from ..model import Analysis, Article, Entity, ParsedText, Sentence, Token
from ..pipeline import Resources, Stage
from ..rules import load_yaml


PARAGRAPHS = "warwire_paragraph_breaks"


def _paragraph_breaks(doc: Any) -> Any:
    """A blank line ends a sentence: headlines, datelines and captions are not run into the
    next paragraph's first sentence (the parser keeps sentence starts set before it). A
    paragraph's opening agency dateline (rules/parse.yaml ``sentence_after``) is a sentence of
    its own."""
    starts = [0]  # the first token of each paragraph
    for token in doc[1:]:
        if "\n\n" in doc[token.i - 1].text or doc[token.i - 1].text.count("\n") >= 2:
            token.is_sent_start = True
            starts.append(token.i)
    text = doc.text
    for first in starts:
        at = doc[first].idx if len(doc) else 0
        for pattern in _sentence_after():
            m = pattern.match(text, at)
            if m is None or m.end() <= at:
                continue
            token = next((t for t in doc[first:] if t.idx >= m.end()), None)
            if token is not None and token.i > 0:
                token.is_sent_start = True
                if token.i + 1 < len(doc):  # (nor a sentence of its first word alone: "Six")
                    doc[token.i + 1].is_sent_start = False
            break
    return doc


@functools.lru_cache(maxsize=1)
def _sentence_after() -> tuple[re.Pattern, ...]:
    return tuple(re.compile(rule["pattern"]) for rule in load_yaml("parse.yaml")["sentence_after"])


NORMS = "warwire_norms"


def _norms(doc: Any) -> Any:
    """Tokens read as another word (rules/parse.yaml ``norms``): their norm, which the tagger's
    and parser's features are built from, is set before those run. Not next to a word in
    capitals (a headline in capitals keeps its "IS")."""
    table = _norm_table()
    if not any(word in doc.text for word in table):
        return doc
    for token in doc:
        norm = table.get(token.text)
        if norm is None:
            continue
        around = [t for t in (doc[token.i - 1] if token.i else None,
                              doc[token.i + 1] if token.i + 1 < len(doc) else None)
                  if t is not None and t.is_alpha]
        if not any(t.is_upper and len(t) > 1 for t in around):
            token.norm_ = norm
    return doc


@functools.lru_cache(maxsize=1)
def _norm_table() -> dict[str, str]:
    return {rule["text"]: rule["norm"] for rule in load_yaml("parse.yaml")["norms"]}


def _add_infixes(nlp: Any) -> None:
    """spaCy's infixes plus those of rules/parse.yaml (full stops that lost their space)."""
    from spacy.util import compile_infix_regex

    extra = [rule["pattern"] for rule in load_yaml("parse.yaml")["infixes"]]
    nlp.tokenizer.infix_finditer = compile_infix_regex(
        list(nlp.Defaults.infixes) + extra).finditer


def load_nlp(resources: Resources) -> Any:
    import spacy
    from spacy.language import Language

    name = resources.settings.spacy_model
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ConfigError(f"spaCy pipeline {name!r} is not installed",
                          "run `make demo` to install the pinned dependencies, or set spacy_model") from exc
    # the size limit is warwire's setting (ingest rejects longer articles with a message)
    nlp.max_length = max(nlp.max_length, resources.settings.max_article_chars + 1)
    _add_infixes(nlp)
    if not Language.has_factory(PARAGRAPHS):
        Language.component(PARAGRAPHS, func=_paragraph_breaks)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS, before="parser")
    if not Language.has_factory(NORMS):
        Language.component(NORMS, func=_norms)
    nlp.add_pipe(NORMS, first=True)
    return nlp


def nlp_for(resources: Resources) -> Any:
    return resources.get("nlp", load_nlp)


def doc_to_parsed(article: Article, doc: Any) -> ParsedText:
    sentences = []
    sent_of_token: list[int] = [0] * len(doc)
    for si, sent in enumerate(doc.sents):
        sentences.append(Sentence(si, sent.start_char, sent.end_char, sent.start, sent.end))
        for ti in range(sent.start, sent.end):
            sent_of_token[ti] = si
    tokens = tuple(
        Token(t.i, t.text, t.idx, t.idx + len(t.text), t.lemma_, t.pos_, t.tag_, t.dep_, t.head.i,
              sent_of_token[t.i], t.ent_type_, t.like_num)
        for t in doc
    )
    entities = tuple(
        Entity(e.text, e.label_, e.start_char, e.end_char, e.start, e.end, sent_of_token[e.start])
        for e in doc.ents
    )
    return ParsedText(article, tokens, tuple(sentences), entities)


def parse_article(article: Article, nlp: Any) -> ParsedText:
    return doc_to_parsed(article, nlp(article.text))


def parse_many(articles: Iterable[Article], nlp: Any, batch_size: int = 32) -> list[ParsedText]:
    """Parse a batch with ``nlp.pipe`` (faster than one call per article)."""
    arts = list(articles)
    docs = nlp.pipe((a.text for a in arts), batch_size=batch_size)
    return [doc_to_parsed(a, d) for a, d in zip(arts, docs)]


def _run(analysis: Analysis, resources: Resources) -> dict:
    if analysis.parsed is not None:  # parsed in a batch already
        return {"parsed": analysis.parsed}
    return {"parsed": parse_article(analysis.article, nlp_for(resources))}


STAGE = Stage("parse", reads=("article",), writes=("parsed",), run=_run)
