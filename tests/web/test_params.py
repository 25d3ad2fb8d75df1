"""Filters and pages read from the URL: empty form values mean no filter, bad values are
InputErrors with a message, and filters round-trip through query strings."""
from __future__ import annotations

import datetime as dt

import pytest

from warwire.errors import InputError
from warwire.web.params import Filters, parse_filters


def parse(**kw):
    args = dict(date_from=None, date_to=None, country=None, event_type=None, actor=None,
                min_fatalities=None, historical=None)
    args.update(kw)
    return parse_filters(**args)


@pytest.mark.parametrize("kw, expected", [
    ({}, Filters()),
    ({"country": "", "actor": "  ", "min_fatalities": "", "date_from": ""}, Filters()),
    ({"country": " syr "}, Filters(country="SYR")),
    ({"actor": "  Hayat   Tahrir "}, Filters(actor="Hayat Tahrir")),
    ({"min_fatalities": "0"}, Filters(min_fatalities=0)),
    ({"historical": "1"}, Filters(historical=True)),
    ({"historical": "0"}, Filters()),
    ({"date_from": "2021-11-16"}, Filters(date_from=dt.date(2021, 11, 16))),
])
def test_parse(kw, expected):
    assert parse(**kw) == expected


@pytest.mark.parametrize("kw", [
    {"country": "SY"}, {"country": "S1R"}, {"event_type": "war"}, {"date_to": "16/11/2021"},
    {"min_fatalities": "-1"}, {"min_fatalities": "1.5"}, {"actor": "x" * 101},
    {"date_from": "2021-12-01", "date_to": "2021-11-01"},
])
def test_rejects(kw):
    with pytest.raises(InputError):
        parse(**kw)


def test_query_round_trip():
    f = Filters(date_from=dt.date(2021, 1, 2), country="AZE", actor="a&b", min_fatalities=3, historical=True)
    q = f.query(limit=10)
    assert q.startswith("?") and "actor=a%26b" in q and "limit=10" in q
    from urllib.parse import parse_qs

    raw = {k: v[0] for k, v in parse_qs(q[1:]).items()}
    raw.pop("limit")
    assert parse(**raw) == f
    assert Filters().query() == ""
    assert f.without("country", "historical") == Filters(date_from=dt.date(2021, 1, 2), actor="a&b", min_fatalities=3)
