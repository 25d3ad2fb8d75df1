"""Figure phrases → (low, high, qualifier)."""
from __future__ import annotations

import pytest

from warwire.stages.numbers import parse_figure, parse_number

FIGURES = [
    ("6,500", 6500, 6500, "exact"),
    ("seven", 7, 7, "exact"),
    ("twenty-four", 24, 24, "exact"),
    ("one", 1, 1, "exact"),
    ("a", 1, 1, "exact"),
    ("an", 1, 1, "exact"),
    ("a dozen", 12, 12, "about"),
    ("two dozen", 24, 24, "exact"),
    ("dozens", 12, None, "at_least"),
    ("tens", 10, None, "at_least"),
    ("scores", 20, None, "at_least"),
    ("hundreds", 100, None, "at_least"),
    ("a handful", 3, 5, "range"),
    ("several", 3, None, "at_least"),
    ("a couple", 2, 2, "about"),
    ("at least 12", 12, None, "at_least"),
    ("at least one", 1, None, "at_least"),
    ("more than 6,500", 6500, None, "more_than"),
    ("over 40", 40, None, "more_than"),
    ("nearly 100", 100, 100, "less_than"),
    ("about 30", 30, 30, "about"),
    ("around thirty", 30, 30, "about"),
    ("some 300", 300, 300, "about"),
    ("up to 7", None, 7, "at_most"),
    ("between 5 and 7", 5, 7, "range"),
    ("5 to 7", 5, 7, "range"),
    ("three hundred and five", 305, 305, "exact"),
]


@pytest.mark.parametrize("text,low,high,qualifier", FIGURES)
def test_parse_figure(text: str, low: int | None, high: int | None, qualifier: str) -> None:
    fig = parse_figure(text)
    assert fig is not None
    assert (fig.low, fig.high, fig.qualifier) == (low, high, qualifier)
    assert fig.rule


@pytest.mark.parametrize("text", ["", "people", "killed", "the"])
def test_parse_figure_none(text: str) -> None:
    assert parse_figure(text) is None


@pytest.mark.parametrize("text,value", [("12", 12), ("1,200", 1200), ("seventeen", 17),
                                        ("a hundred", 100), ("1.5 million", 1_500_000),
                                        ("people", None), ("", None)])
def test_parse_number(text: str, value: int | None) -> None:
    assert parse_number(text) == value


def _tokens(text: str) -> list:
    from warwire.model import Token
    from warwire.stages.numbers import is_number_word
    words = text.split()
    return [Token(i, w, 0, 0, w, "", "", "", i, 0, "", is_number_word(w)) for i, w in enumerate(words)]


@pytest.mark.parametrize("text,at,expected", [
    # a range read from its high end (the number a noun carries): the low end is kept
    ("five to seven people", 2, (5, 7, "range")),
    ("12 or 13 soldiers", 2, (12, 13, "range")),
    # not two figures joined by "and", nor an update "from 5 to 7"
    ("killed 5 and 7 were hurt", 3, (7, 7, "exact")),
    ("rose from 5 to 7", 4, (7, 7, "exact")),
])
def test_figure_at_range_from_its_high_end(text: str, at: int, expected: tuple) -> None:
    from warwire.stages.numbers import figure_at
    toks = _tokens(text)
    span = figure_at(toks, at, 0, len(toks))
    assert span is not None and (span.figure.low, span.figure.high, span.figure.qualifier) == expected
