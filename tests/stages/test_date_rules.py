"""Tests for stages/date_rules.py: what a rule's match stands for, with and without an anchor day."""
from __future__ import annotations

import datetime as dt
from typing import Optional

import pytest

from warwire.stages.date_rules import _resolve, lexicon

D = dt.date
SUN = D(2022, 6, 12)  # a Sunday
# (rule id, text the rule must match whole, anchor day, expected start, end, precision, relative)
CASES = [
    ("date.day_month_year", "3 March 2021", None, D(2021, 3, 3), D(2021, 3, 3), "day", False),
    ("date.weekday_month_day_year", "Friday, 21 July 1972", None, D(1972, 7, 21), D(1972, 7, 21), "day", False),
    ("date.weekday_month_day_year", "Wednesday (3 March 2021)", None, D(2021, 3, 3), D(2021, 3, 3), "day", False),
    ("date.date_then_weekday", "21 July 1972, a Friday", None, D(1972, 7, 21), D(1972, 7, 21), "day", False),
    ("date.date_then_weekday", "July 21 (Friday)", SUN, D(2021, 7, 21), D(2021, 7, 21), "day", True),
    ("date.date_then_weekday", "July 21 (Friday)", None, None, None, "day", True),
    ("date.numeric_dots", "3.3.2021", None, D(2021, 3, 3), D(2021, 3, 3), "day", False),
    ("date.day_range_month", "1, 2 and 3 March 2021", None, D(2021, 3, 1), D(2021, 3, 3), "week", False),
    ("date.weekday_part", "Friday afternoon", SUN, D(2022, 6, 10), D(2022, 6, 10), "day", True),
    ("date.weekday_part", "Friday afternoon", None, None, None, "day", True),
]


@pytest.mark.parametrize("rule_id,text,anchor,start,end,precision,relative", CASES)
def test_resolve(rule_id: str, text: str, anchor: Optional[dt.date], start: Optional[dt.date],
                 end: Optional[dt.date], precision: str, relative: bool) -> None:
    rule = next(r for r in lexicon().rules if r.id == rule_id)
    m = rule.regex.fullmatch(text)
    assert m is not None, f"{rule_id} does not match {text!r}"
    assert _resolve(rule, m, anchor, False) == (start, end, precision, relative)


@pytest.mark.parametrize("text", ["Bloody Sunday", "Good Friday", "Black Friday"])
def test_named_days_match_no_weekday_rule(text: str) -> None:
    assert not any(r.regex.search(text) for r in lexicon().rules)
