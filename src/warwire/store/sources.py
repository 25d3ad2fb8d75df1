"""Ingest sources → articles: files, folders (recursive), JSONL, HTML and text (via
``stages.ingest.read_inputs``), RSS/Atom feeds as files or URLs (feedparser), WARC files (warcio),
and web pages by URL.

``iter_articles`` yields an ``Article`` or an ``InputFailure`` per item, in source order; a bad
item (a feed that does not parse, a WARC record that is not HTML, an article over the size limit)
is a failure and the rest goes on. Only URLs given by the user are fetched (the links of feed
entries are not: an entry's own content or summary is its text).
"""
from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional, Union

from ..errors import InputError
from ..model import Article
from ..stages.ingest import (InputFailure, article_from_html, article_from_text, check_article,
                             decode, read_inputs)

Item = Union[Article, InputFailure]

_FEED_EXT = (".rss", ".atom", ".xml", ".rdf")
_WARC_EXT = (".warc", ".warc.gz", ".arc", ".arc.gz")
_FEED_SNIFF = re.compile(rb"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)\b", re.S)
# Fetching a URL: give up after this many seconds (a dead server must not hang an ingest).
_FETCH_TIMEOUT = 30.0


def expand(sources: Iterable[str]) -> Iterator[str]:
    """Sources as given; folders walked recursively (sorted, hidden files and folders skipped)."""
    for raw in sources:
        path = Path(raw)
        if not _is_url(raw) and raw != "-" and path.is_dir():
            for child in sorted(path.rglob("*")):
                rel = child.parts[len(path.parts):]
                if child.is_file() and not any(p.startswith(".") for p in rel):
                    yield str(child)
        else:
            yield raw


def count_items(sources: Iterable[str]) -> Optional[int]:
    """How many articles the sources hold, when cheap to know (files and JSONL lines); None when
    a feed, a WARC or a URL is among them."""
    total = 0
    for src in expand(sources):
        low = src.lower()
        if _is_url(src) or src == "-" or low.endswith(_WARC_EXT + _FEED_EXT) or low.endswith(".gz"):
            return None
        if low.endswith((".jsonl", ".ndjson")):
            try:
                with open(src, "rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            except OSError:
                total += 1
        else:
            total += 1
    return total


def iter_articles(sources: Iterable[str], max_chars: int) -> Iterator[Item]:
    """Every article of every source, in order (see the module docstring)."""
    for src in expand(sources):
        try:
            yield from _one(src, max_chars)
        except InputError as exc:
            yield InputFailure(exc.item or src, exc.message, exc.hint)


def _is_url(src: str) -> bool:
    return src.startswith(("http://", "https://"))


def _one(src: str, max_chars: int) -> Iterator[Item]:
    if _is_url(src):
        yield from _url(src, max_chars)
        return
    low = src.lower()
    if low.endswith(_WARC_EXT):
        yield from _warc(src, max_chars)
        return
    head = b""
    if src != "-":
        try:
            with open(src, "rb") as fh:
                head = fh.read(4096)
        except OSError:
            head = b""  # read_inputs names the problem
    if low.endswith(_FEED_EXT) or _FEED_SNIFF.match(head.lstrip(b"\xef\xbb\xbf")):
        try:
            size = os.path.getsize(src)
            with open(src, "rb") as fh:
                data = fh.read(10 * max_chars + 1)
        except OSError as exc:
            raise InputError(f"{src}: cannot be read: {exc.strerror}", "check the path",
                             item=src) from exc
        if size > 10 * max_chars:
            yield InputFailure(src, f"feed file is {size / 1e6:.1f} MB, over the size limit",
                               "raise the max_article_chars setting")
            return
        yield from feed_articles(data, src, max_chars)
        return
    yield from read_inputs(src, max_chars=max_chars)


def _url(url: str, max_chars: int) -> Iterator[Item]:
    import httpx

    try:
        resp = httpx.get(url, timeout=_FETCH_TIMEOUT, follow_redirects=True,
                         headers={"User-Agent": "warwire (+https://github.com/)"})
        resp.raise_for_status()
    except httpx.HTTPError as exc:
        yield InputFailure(url, f"cannot fetch: {exc}", "check the URL and the network")
        return
    data = resp.content
    ctype = resp.headers.get("content-type", "").lower()
    if "xml" in ctype or "rss" in ctype or "atom" in ctype or _FEED_SNIFF.match(data[:4096]):
        yield from feed_articles(data, url, max_chars)
        return
    if len(data) > 10 * max_chars:
        yield InputFailure(url, f"page is {len(data) / 1e6:.1f} MB, over the size limit",
                           "raise the max_article_chars setting")
        return
    yield from _html_or_text(data, url, url, ctype, max_chars)


def _html_or_text(data: bytes, item: str, url: Optional[str], ctype: str,
                  max_chars: int) -> Iterator[Item]:
    try:
        text, notes = decode(data, item)
        if "html" in ctype or re.match(r"\s*<(!doctype|html|head|body)", text[:200], re.I):
            article = article_from_html(text, id=url, url=url, notes=notes)
        else:
            article = article_from_text(text, id=url, url=url, notes=notes)
    except InputError as exc:
        yield InputFailure(item, exc.message, exc.hint)
        return
    failure = check_article(article, max_chars=max_chars, item=item)
    yield failure if failure is not None else article


def feed_articles(data: bytes, name: str, max_chars: int) -> Iterator[Item]:
    """The entries of an RSS/Atom feed as articles (text: the entry's content, else its summary)."""
    import feedparser

    parsed: Any = feedparser.parse(data)
    entries = list(parsed.get("entries") or [])
    if not entries:
        why = parsed.get("bozo_exception") if parsed.get("bozo") else "no entries"
        yield InputFailure(name, f"not a readable RSS/Atom feed: {why}",
                           "check that the file or URL is a feed")
        return
    for n, entry in enumerate(entries, 1):
        item = str(entry.get("id") or entry.get("link") or f"{name} entry {n}")
        content = entry.get("content") or []
        raw = (content[0].get("value") if content else None) or entry.get("summary") or ""
        title = entry.get("title")
        published = entry.get("published") or entry.get("updated")
        try:
            body = _html_text(raw)
            article = article_from_text(body, id=item, title=title, published=published,
                                        url=entry.get("link"),
                                        source=parsed.get("feed", {}).get("title"),
                                        headers=False)
        except InputError as exc:
            yield InputFailure(item, exc.message, exc.hint)
            continue
        if not article.text.strip():
            yield InputFailure(item, "feed entry has no text", "the feed gives titles only")
            continue
        failure = check_article(article, max_chars=max_chars, item=item)
        yield failure if failure is not None else article


def _html_text(fragment: str) -> str:
    """Text of an HTML fragment, paragraphs separated by blank lines."""
    if "<" not in fragment:
        return fragment.strip()
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ValueError, lxml.etree.ParserError):
        return re.sub(r"<[^>]+>", " ", fragment).strip()
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    paras: list[str] = []
    blocks = [el for el in root.iter("p", "li", "h1", "h2", "h3", "blockquote")]
    if blocks:
        paras = [" ".join(el.text_content().split()) for el in blocks]
    else:
        paras = [" ".join(line.split()) for line in root.text_content().split("\n")]
    return "\n\n".join(p for p in paras if p)


def warc_articles(path: str, max_chars: int) -> Iterator[Item]:
    """The HTML responses (and resources) of a WARC file as articles; other payloads fail."""
    yield from _warc(path, max_chars)


def _warc(path: str, max_chars: int) -> Iterator[Item]:
    try:
        fh = open(path, "rb")
    except OSError as exc:
        raise InputError(f"{path}: cannot be read: {exc.strerror}", "check the path",
                         item=path) from exc
    with fh:
        yield from warc_stream_articles(fh, path, max_chars)


def warc_stream_articles(stream: Any, path: str, max_chars: int, before: int = 0) -> Iterator[Item]:
    """The HTML responses (and resources) in a binary stream of WARC records as articles; other
    payloads fail. ``before`` is how many records precede the stream in the file ``path`` (so a
    byte range of the file numbers its records as the whole file does)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    n = before
    try:
        for record in ArchiveIterator(stream):
            if record.rec_type not in ("response", "resource"):
                continue
            n += 1
            uri = record.rec_headers.get_header("WARC-Target-URI") or f"{path} record {n}"
            if record.rec_type == "response" and record.http_headers is not None:
                status = record.http_headers.get_statuscode()
                ctype = (record.http_headers.get_header("Content-Type") or "").lower()
                if status and not status.startswith("2"):
                    continue  # redirects and errors are not articles
            else:
                ctype = (record.rec_headers.get_header("Content-Type") or "").lower()
            if "html" not in ctype:
                yield InputFailure(uri, f"WARC record is not HTML ({ctype or 'no type'})",
                                   "only HTML pages are read from WARC files")
                continue
            data = record.content_stream().read(10 * max_chars + 1)
            if len(data) > 10 * max_chars:
                yield InputFailure(uri, "page is over the size limit",
                                   "raise the max_article_chars setting")
                continue
            yield from _html_or_text(data, uri, uri, "html", max_chars)
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
        yield InputFailure(path, f"WARC file is broken after {n} records: {exc}",
                           "check the file")
