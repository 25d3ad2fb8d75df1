"""Tests for warwire.store.sources: feeds (files), WARC files (made with warcio's writer),
folders, and the bad inputs that must be skipped and counted."""
from __future__ import annotations

import io
from pathlib import Path

import pytest

from warwire.model import Article
from warwire.stages.ingest import InputFailure
from warwire.store.sources import count_items, expand, iter_articles

BODY = ("Gunmen attacked a checkpoint near the town on Tuesday, killing three soldiers and "
        "wounding five others, the army said in a statement on Wednesday. ")

RSS = f"""<?xml version="1.0"?>
<rss version="2.0"><channel><title>Wire</title>
<item><title>Three soldiers killed</title><link>https://example.org/a</link>
<guid>https://example.org/a</guid><pubDate>Wed, 17 Nov 2021 14:03:00 GMT</pubDate>
<description>&lt;p&gt;{BODY}&lt;/p&gt;&lt;p&gt;More to follow.&lt;/p&gt;</description></item>
<item><title>Second</title><link>https://example.org/b</link>
<description>{BODY} A second item.</description></item>
</channel></rss>"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom wire</title>
<entry><title>Atom entry</title><id>urn:x:1</id><updated>2021-11-17T10:00:00Z</updated>
<link href="https://example.org/c"/><content type="html">&lt;p&gt;{BODY}&lt;/p&gt;</content></entry>
</feed>"""

HTML = ("<html><head><title>Attack on checkpoint</title></head><body><article><h1>Attack on "
        f"checkpoint</h1><p>{BODY}</p><p>{BODY}</p></article></body></html>")


def _items(paths: list[str], max_chars: int = 100_000) -> list:
    return list(iter_articles(paths, max_chars))


def test_rss_file(tmp_path: Path) -> None:
    p = tmp_path / "wire.rss"
    p.write_text(RSS)
    got = _items([str(p)])
    assert [type(x) for x in got] == [Article, Article]
    a = got[0]
    assert a.id == "https://example.org/a" and a.title == "Three soldiers killed"
    assert a.published is not None and a.published.year == 2021
    assert a.text.startswith("Gunmen attacked") and "\n\nMore to follow." in a.text
    assert "<p>" not in a.text


def test_atom_file_sniffed_without_extension(tmp_path: Path) -> None:
    p = tmp_path / "feed"
    p.write_text(ATOM)
    (a,) = _items([str(p)])
    assert isinstance(a, Article) and a.id == "urn:x:1" and a.url == "https://example.org/c"


def test_feed_that_does_not_parse(tmp_path: Path) -> None:
    p = tmp_path / "broken.xml"
    p.write_text("<rss><channel><item><title>oops")
    (f,) = _items([str(p)])
    assert isinstance(f, InputFailure) and "feed" in f.message


def _warc(path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=True)
        for uri, ctype, body in [("https://example.org/page", "text/html; charset=utf-8", HTML),
                                 ("https://example.org/logo.png", "image/png", "\x89PNG")]:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            rec = w.create_warc_record(uri, "response", payload=io.BytesIO(body.encode()),
                                       http_headers=headers)
            w.write_record(rec)
        w.write_record(w.create_warc_record("https://example.org/page", "request",
                                            payload=io.BytesIO(b"GET /page HTTP/1.1\r\n\r\n")))


def test_warc(tmp_path: Path) -> None:
    p = tmp_path / "crawl.warc.gz"
    _warc(p)
    got = _items([str(p)])
    assert len(got) == 2  # the request record is not an item
    assert isinstance(got[0], Article) and got[0].url == "https://example.org/page"
    assert got[0].title == "Attack on checkpoint" and "Gunmen attacked" in got[0].text
    assert isinstance(got[1], InputFailure) and "not HTML" in got[1].message


def test_folder_recursive_with_size_limit(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(BODY * 2)
    (tmp_path / "b.html").write_text(HTML)
    (tmp_path / "big.txt").write_text(BODY * 50)
    (tmp_path / ".hidden.txt").write_text(BODY)
    assert count_items([str(tmp_path)]) == 3
    got = _items([str(tmp_path)], max_chars=1000)
    kinds = sorted(type(x).__name__ for x in got)
    assert kinds == ["Article", "Article", "InputFailure"]
    assert any("over the limit" in x.message for x in got if isinstance(x, InputFailure))


@pytest.mark.parametrize("sources,total", [(["x.warc.gz"], None), (["https://e.org/rss"], None)])
def test_count_unknown(sources: list[str], total) -> None:
    assert count_items(sources) == total
    assert list(expand(sources)) == sources
