"""Test helper shared by the casualty-word and victim tests: a sentence parsed as the casualties
stage sees it (``victims.Doc``), and a token of it by its text."""
from __future__ import annotations

import datetime as dt
from typing import Any

from warwire.model import Article, Token
from warwire.stages.parse import parse_article
from warwire.stages.victims import Doc


def victim_doc(nlp: Any, text: str) -> Doc:
    return Doc(parse_article(Article("t", text, published=dt.datetime(2021, 11, 17)), nlp))


def token(doc: Doc, word: str) -> Token:
    return next(t for t in doc.toks if t.text == word)
