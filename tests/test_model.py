"""Tests for the small helpers of the data model."""
import datetime as dt

import pytest

from warwire.model import iso_date


@pytest.mark.parametrize("text, expected", [
    ("2021-03-14", dt.date(2021, 3, 14)),
    ("2021-03-14T23:10:00+00:00", dt.date(2021, 3, 14)),
    ("2021-02-30", None),
    ("March 14", None),
    ("", None),
    (None, None),
])
def test_iso_date_reads_the_day_a_contract_date_starts_with(text, expected):
    assert iso_date(text) == expected
