"""Tests for relevance.py: the cheap keyword pre-filter."""
from __future__ import annotations

import pytest

from warwire.relevance import is_relevant

RELEVANT = [
    "Two men were shot and killed outside a bar early Sunday, police said.",
    "Seven Azerbaijani troops have been killed in border clashes with Armenia.",
    "An airstrike on a market in Idlib left 12 dead.",
    "Gunmen abducted 30 students from a school in Kaduna state.",
    "Thousands of protesters marched on parliament.",
    "A 5-year-old boy accidentally shot himself with his father's gun.",
    "The ministry said the two sides agreed to a ceasefire.",
    # coders' summaries: "shelled ..., wounding 4"
    "On 2 May, government forces shelled a village near the river, wounding 4 children.",
    # a reduced relative: no "was/were" before "shot"
    "One of the three teenagers shot near a skate park has died. The others are recovering.",
    "Two villagers shot while tending cattle were taken to the district hospital.",
]

IRRELEVANT = [
    "Messi scored twice as Barcelona beat Real Madrid 3-1 on Saturday; Suarez's shot hit the post.",
    "Shares of the retailer rose 4% after quarterly earnings beat forecasts, and the company "
    "said it would open 20 new stores next year.",
    "The city council approved a new budget for road repairs and library hours.",
    "The photographer shot the skyline from a rooftop at dusk for the new tourism brochure.",
]


@pytest.mark.parametrize("text", RELEVANT)
def test_relevant(text):
    assert is_relevant(text)


@pytest.mark.parametrize("text", IRRELEVANT)
def test_irrelevant(text):
    assert not is_relevant(text)


def test_title_counts():
    body = "Sign in using your account. By submitting your registration you agree to our terms."
    assert not is_relevant(body)
    assert is_relevant(body, title="Man dead following Memphis shooting")
