"""Ingest stage: reads raw input (plain text, HTML, JSON/JSONL items, stdin); writes ``Article``s.

Pure functions, apart from ``read_inputs``, which opens the file (or stdin) it is given:

- ``article_from_text``: a plain-text article. Its leading lines may be a title, a dateline
  ("  |  Wednesday, November 17th, 2021 |  2:03 pm"), a byline ("By Jane Doe, Reuters"),
  "Published: ..." / "Updated ..." lines (patterns with ids in ``rules/datelines.yaml``). They give
  ``title``, ``published`` and ``source``, and the body (``Article.text``, which every offset in the
  output points into) is the rest. Given an explicit title or publication date (a JSONL item), the
  text is the body as given, untouched.
- ``article_from_html``: title, date and main text of an HTML page (trafilatura; no network).
- ``check_article``: the per-article checks (empty, binary, too long, not English).
- ``read_inputs``: a file or ``-`` (stdin) → ``Article`` or ``InputFailure`` per item, in input
  order. A bad item never raises out of the iterator; a missing file raises ``InputError``.

Invalid UTF-8: bytes that do not decode are replaced with U+FFFD and the article carries a note
("invalid UTF-8: N bytes replaced"); when more than 2% of the characters are replaced (or there
are NUL bytes), the input is binary or another encoding and the item fails instead. Files with a
UTF-16 byte-order mark are decoded as UTF-16. Time zones of publication dates are dropped: the
wall-clock time as written is kept (relative dates are resolved against the local date).
"""
from __future__ import annotations

import datetime as dt
import functools
import gzip
import hashlib
import json
import os
import re
import sys
from dataclasses import dataclass
from typing import IO, Any, Iterable, Iterator, Optional, Union

from ..errors import InputError
from ..model import Article
from ..rules import load_yaml

NO_DATE_NOTE = "no publication date: relative dates unresolved"
STDIN = "-"
# Bytes read per chunk when streaming a file or stdin.
_CHUNK = 1 << 20
# A UTF-8 character is at most 4 bytes: a text of max_chars characters is at most 4*max_chars bytes.
_TEXT_BYTES_PER_CHAR = 4
# HTML is markup around the text; a page is read when it is at most this many times max_chars
# bytes (news pages run 3-10x their text; 10x keeps any real page and refuses dumps).
_HTML_BYTES_PER_CHAR = 10
# More replaced (undecodable) characters than this share means binary data or another encoding.
_MAX_REPLACED_RATIO = 0.02
# More control characters (other than whitespace) than this share means binary data.
_MAX_CONTROL_RATIO = 0.01

# Main text of fewer words than this is page furniture (trafilatura falls back to a nav bar when
# a page has no article); the shortest real news brief is a couple of sentences.
_MIN_HTML_WORDS = 12

_HTML_EXT = (".html", ".htm", ".xhtml", ".shtml")
_JSONL_EXT = (".jsonl", ".ndjson")
# The files read from a folder (sorted by name); others (README.md ...) are left alone.
_FOLDER_EXT = (".txt", ".text", ".json") + _JSONL_EXT + _HTML_EXT
_HTML_SNIFF = re.compile(rb"\s*(?:<\?xml[^>]*>\s*)?<(?:!doctype\s+html|html|head|body|article|div|p|meta|title)\b",
                         re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@dataclass(frozen=True, slots=True)
class InputFailure:
    """One input item that could not be read. ``item`` is the item's id when known, else
    ``"line N"`` (JSONL), ``"item N"`` (a JSON list) or the file name; ``line`` the JSONL line."""

    item: str
    message: str
    hint: str = ""
    line: Optional[int] = None

    def __str__(self) -> str:
        where = self.item
        if self.line is not None and self.item != f"line {self.line}":
            where = f"line {self.line} (id {self.item!r})"
        tail = f" ({self.hint})" if self.hint else ""
        return f"{where}: {self.message}{tail}"


# --------------------------------------------------------------------------------------------
# Rules (rules/datelines.yaml), compiled once on first use
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _HeaderRule:
    id: str
    kind: str  # published | updated | byline | source | skip
    regex: re.Pattern[str]


@dataclass(frozen=True)
class _Rules:
    max_header_lines: int
    max_line_chars: int
    months: dict[str, int]
    header: tuple[_HeaderRule, ...]
    title_id: str
    title_max_chars: int
    title_max_words: int
    title_not_end: re.Pattern[str]
    title_not_start: re.Pattern[str]
    title_strip: re.Pattern[str]
    agency_dateline: re.Pattern[str]
    agency_search_chars: int
    date_mdy: re.Pattern[str]
    date_dmy: re.Pattern[str]
    english: frozenset[str]
    foreign: frozenset[str]
    lang: dict[str, float]


def _fill(pattern: str, vocab: dict[str, str]) -> str:
    # Fill {NAME} placeholders, repeatedly (WHEN refers to MONTH); regex {m,n} are left alone.
    for _ in range(3):
        pattern = re.sub(r"\{([A-Z]+)\}", lambda m: vocab.get(m.group(1), m.group(0)), pattern)
    return pattern


@functools.lru_cache(maxsize=1)
def _rules() -> _Rules:
    data = load_yaml("datelines.yaml")
    vocab = {k: str(v).strip() for k, v in data["vocab"].items()}
    flags = re.I
    header = tuple(_HeaderRule(r["id"], r["kind"],
                               re.compile(_fill(r["pattern"], vocab), 0 if r.get("case_sensitive") else flags))
                   for r in data["header_lines"])
    t = data["title"]
    month = vocab["MONTH"]
    lang = data["english_check"]
    return _Rules(
        max_header_lines=int(data["max_header_lines"]),
        max_line_chars=int(data["max_line_chars"]),
        months={k: int(v) for k, v in data["month_numbers"].items()},
        header=header,
        title_id=str(t["id"]),
        title_max_chars=int(t["max_chars"]),
        title_max_words=int(t["max_words"]),
        title_not_end=re.compile(t["not_end"]),
        title_not_start=re.compile(t["not_start"], flags),
        title_strip=re.compile(t["strip"]),
        agency_dateline=re.compile(_fill(data["agency_dateline"]["pattern"], vocab)),
        agency_search_chars=int(data["agency_dateline"]["search_chars"]),
        date_mdy=re.compile(rf"(?P<mon>{month})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})", flags),
        date_dmy=re.compile(rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{month}),?\s+(?P<year>\d{{4}})",
                            flags),
        english=frozenset(lang["english"].split()),
        foreign=frozenset(lang["foreign"].split()),
        lang={k: float(lang[k]) for k in ("sample_chars", "min_words", "min_english_ratio", "min_latin_ratio")},
    )


# --------------------------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------------------------
_ISO = re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})"
                  r"(?:[T ](?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2}))?)?")
_TIME_12 = re.compile(r"(?<![\d:.])(?P<h>\d{1,2})(?:[:.](?P<mi>\d{2}))?\s*(?P<ap>[ap])\.?\s?m\b\.?", re.I)
_TIME_24 = re.compile(r"(?<![\d:.])(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?::(?P<s>[0-5]\d))?(?![\d])")


def _find_time(text: str) -> Optional[dt.time]:
    m = _TIME_12.search(text)
    if m:
        h = int(m["h"]) % 12 + (12 if m["ap"].lower() == "p" else 0)
        mi = int(m["mi"] or 0)
        if h < 24 and mi < 60:
            return dt.time(h, mi)
    m = _TIME_24.search(text)
    if m:
        return dt.time(int(m["h"]), int(m["mi"]), int(m["s"] or 0))
    return None


def parse_when(text: str) -> Optional[dt.datetime]:
    """A calendar date with a year, and the time of day when one is written, found anywhere in
    ``text`` ("Wednesday, November 17th, 2021 | 2:03 pm", "17 Nov 2021 14:03 GMT",
    "2021-11-17T14:03:00Z"). None when there is no such date. Time zones are dropped."""
    rules = _rules()
    m = _ISO.search(text)
    try:
        if m:
            d = dt.date(int(m["year"]), int(m["month"]), int(m["day"]))
            rest = text[m.end():]
            t = dt.time(int(m["h"]), int(m["mi"]), int(m["s"] or 0)) if m["h"] else _find_time(rest)
        else:
            m = rules.date_mdy.search(text) or rules.date_dmy.search(text)
            if not m:
                return None
            d = dt.date(int(m["year"]), rules.months[m["mon"][:3].lower()], int(m["day"]))
            t = _find_time(text[:m.start()] + " " + text[m.end():])
    except ValueError:
        return None
    if not 1900 <= d.year <= 2100:
        return None
    return dt.datetime.combine(d, t or dt.time())


def coerce_published(value: Union[str, dt.date, dt.datetime, None]) -> tuple[Optional[dt.datetime], list[str]]:
    """``published`` as given by a caller or a JSONL item → (datetime or None, notes).

    Accepts ISO dates and datetimes (time zone dropped, wall-clock kept), ``date``/``datetime``
    objects, and dates as news writes them ("November 17, 2021"). Anything else is ignored with a
    note; no date at all adds ``NO_DATE_NOTE``."""
    notes: list[str] = []
    when: Optional[dt.datetime] = None
    if isinstance(value, dt.datetime):
        when = value.replace(tzinfo=None)
    elif isinstance(value, dt.date):
        when = dt.datetime.combine(value, dt.time())
    elif isinstance(value, str) and value.strip():
        raw = value.strip()
        try:
            when = dt.datetime.fromisoformat(raw).replace(tzinfo=None)
        except ValueError:
            when = parse_when(raw)
        if when is None:
            notes.append(f"published {raw!r} is not a date: ignored")
    elif value is not None and not isinstance(value, str):
        notes.append(f"published {value!r} is not a date: ignored")
    if when is None:
        notes.append(NO_DATE_NOTE)
    return when, notes


# --------------------------------------------------------------------------------------------
# Plain text
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Header:
    """What the leading lines of a plain-text article say, and where its body starts."""

    title: Optional[str] = None
    published: Optional[dt.datetime] = None
    updated: Optional[dt.datetime] = None
    source: Optional[str] = None
    body_start: int = 0
    rules: tuple[str, ...] = ()  # ids of the rules that fired, in order


def _match_header_line(line: str) -> Optional[tuple[_HeaderRule, re.Match[str]]]:
    for rule in _rules().header:
        m = rule.regex.fullmatch(line)
        if not m:
            continue
        if rule.kind in ("published", "updated"):
            when = " ".join(v for k, v in m.groupdict().items() if v and k.startswith(("when", "time")))
            if parse_when(when) is None:
                continue
        return rule, m
    return None


def _when_of(m: re.Match[str]) -> Optional[dt.datetime]:
    return parse_when(" ".join(v for k, v in m.groupdict().items() if v and k.startswith(("when", "time"))))


def _lines_with_offsets(text: str) -> Iterator[tuple[int, int, str]]:
    pos = 0
    for line in text.splitlines(keepends=True):
        yield pos, pos + len(line), line.strip()
        pos += len(line)


def _is_title(line: str) -> bool:
    r = _rules()
    return (len(line) <= r.title_max_chars and len(line.split()) <= r.title_max_words
            and not r.title_not_end.search(line) and not r.title_not_start.search(line))


def split_header(text: str) -> Header:
    """Read the title/dateline/byline lines at the top of ``text`` (rules in datelines.yaml).
    ``body_start`` is the offset of the first body line."""
    r = _rules()
    lines = [x for x in _lines_with_offsets(text) if x[2]][: r.max_header_lines + 1]
    if not lines:
        return Header()
    title: Optional[str] = None
    published = updated = None
    source: Optional[str] = None
    fired: list[str] = []
    body_start = lines[0][0]
    i = 0
    first = lines[0][2]
    if _match_header_line(first) is None and _is_title(first) and len(lines) > 1:
        # A title must be followed by a header line, or stand alone as a paragraph.
        nxt_is_header = len(lines[1][2]) <= r.max_line_chars and _match_header_line(lines[1][2]) is not None
        stands_alone = _BLANK_LINE.search(text, lines[0][0], lines[1][0]) is not None
        if nxt_is_header or stands_alone:
            title = r.title_strip.sub("", first).strip()
            fired.append(r.title_id)
            i = 1
            body_start = lines[1][0]
    while i < len(lines) and i < r.max_header_lines:
        line = lines[i][2]
        if len(line) > r.max_line_chars:
            break
        hit = _match_header_line(line)
        if hit is None:
            break
        rule, m = hit
        fired.append(rule.id)
        if rule.kind == "published" and published is None:
            published = _when_of(m)
        elif rule.kind == "updated" and updated is None:
            updated = _when_of(m)
        if rule.kind in ("byline", "source") and source is None and m.groupdict().get("source"):
            source = " ".join(m["source"].split())
        i += 1
        body_start = lines[i][0] if i < len(lines) else len(text)
    return Header(title, published, updated, source, body_start, tuple(fired))


def content_id(text: str) -> str:
    """The default article id: the first 16 hex digits of the SHA-256 of the body."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def article_from_text(raw: str, *, id: Optional[str] = None, title: Optional[str] = None,
                      published: Union[str, dt.date, dt.datetime, None] = None, url: Optional[str] = None,
                      source: Optional[str] = None, headers: Optional[bool] = None,
                      notes: Iterable[str] = ()) -> Article:
    """A plain-text article → ``Article``.

    ``headers`` says whether to read title/dateline/byline lines at the top of ``raw``; by
    default they are read unless an explicit ``title`` or ``published`` is given, in which case
    ``raw`` is the body, kept exactly as given. Explicit arguments win over header lines.
    ``notes`` are carried into ``Article.notes`` (before the notes this function adds)."""
    all_notes = list(notes)
    if headers is None:
        headers = title is None and published is None
    body = raw
    when: Optional[dt.datetime] = None
    if headers:
        text = raw.replace("\r\n", "\n").replace("\r", "\n")
        head = split_header(text)
        body = text[head.body_start:].strip()
        title = title if title is not None else head.title
        source = source if source is not None else head.source
        if published is None and head.published is not None:
            published = head.published
        elif published is None and head.updated is not None:
            published = head.updated
            all_notes.append("publication date read from an 'Updated' line")
    if source is None:
        r = _rules()
        m = r.agency_dateline.search(body[: r.agency_search_chars].lstrip())
        if m:
            source = " ".join(m["source"].split())
    when, date_notes = coerce_published(published)
    all_notes.extend(date_notes)
    if title is not None:
        title = " ".join(str(title).split()) or None
    return Article(id=str(id) if id is not None else content_id(body), text=body, title=title,
                   published=when, url=url, source=source, notes=tuple(all_notes))


# --------------------------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------------------------
def article_from_html(html: Union[str, bytes], *, id: Optional[str] = None, url: Optional[str] = None,
                      notes: Iterable[str] = ()) -> Article:
    """An HTML page → ``Article`` (title, publication date and main text by trafilatura; the
    page is never fetched: ``url`` is only recorded). Paragraphs are separated by blank lines.
    Raises ``InputError`` when the page holds no main text."""
    import trafilatura  # heavy import, only when HTML is read

    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False,
        date_extraction_params={"extensive_search": True, "original_date": True,
                                "outputformat": "%Y-%m-%dT%H:%M:%S"},
    )
    meta: dict[str, Any] = doc.as_dict() if doc is not None and hasattr(doc, "as_dict") else (doc or {})
    text = meta.get("text") or ""
    title = (meta.get("title") or "").strip() or None
    paras = [p.strip() for p in text.splitlines() if p.strip()]
    if paras and title and paras[0] == title:  # trafilatura repeats the <h1> as the first line
        paras = paras[1:]
    body = "\n\n".join(paras)
    if len(body.split()) < _MIN_HTML_WORDS:
        raise InputError("no article text found in the HTML page",
                         "is it an article page? index and search pages hold no main text", item=id or url)
    return article_from_text(body, id=id, title=title, published=meta.get("date"), url=url or meta.get("url"),
                             source=meta.get("sitename"), headers=False, notes=notes)


# --------------------------------------------------------------------------------------------
# Checks
# --------------------------------------------------------------------------------------------
def is_english(text: str) -> bool:
    """A cheap check (function-word ratios, calibrated in datelines.yaml): False only when the
    text is long enough to tell and clearly not English."""
    r = _rules()
    sample = text[: int(r.lang["sample_chars"])]
    letters = [c for c in sample if c.isalpha()]
    if len(letters) >= 40:
        latin = sum(1 for c in letters if "a" <= c.lower() <= "z")
        if latin / len(letters) < r.lang["min_latin_ratio"]:
            return False
    words = [w.lower() for w in _WORD.findall(sample)]
    if len(words) < r.lang["min_words"]:
        return True
    eng = sum(1 for w in words if w in r.english)
    foreign = sum(1 for w in words if w in r.foreign)
    return eng / len(words) >= r.lang["min_english_ratio"] and foreign <= eng


def check_article(article: Article, *, max_chars: Optional[int] = None, item: Optional[str] = None) -> Optional[InputFailure]:
    """The reasons warwire cannot read ``article``: empty, binary, longer than ``max_chars``,
    not English. None when it is fine."""
    name = item or article.id
    text = article.text
    if not text.strip():
        return InputFailure(name, "empty text", "the input holds no article text")
    if max_chars is not None and len(text) > max_chars:
        return InputFailure(name, f"article is {len(text):,} characters, over the limit of {max_chars:,}",
                            "split it, or raise the max_article_chars setting")
    if "\x00" in text or len(_CONTROL.findall(text[:100_000])) > _MAX_CONTROL_RATIO * min(len(text), 100_000):
        return InputFailure(name, "binary data, not text", "give warwire text, HTML or JSONL")
    if not is_english(text):
        return InputFailure(name, "the article is not in English: warwire reads English news",
                            "translate it first, or leave it out")
    return None


# --------------------------------------------------------------------------------------------
# Bytes → text
# --------------------------------------------------------------------------------------------
def decode(data: bytes, item: str) -> tuple[str, list[str]]:
    """Bytes → (text, notes). UTF-8 (with or without BOM) or UTF-16 with a BOM; undecodable
    bytes become U+FFFD with a note; binary data raises ``InputError``."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), []
        except UnicodeDecodeError as exc:
            raise InputError("not valid UTF-16 text", "convert the file to UTF-8", item=item) from exc
    if b"\x00" in data:
        raise InputError("binary data (NUL bytes), not text", "give warwire text, HTML or JSONL", item=item)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    if bad > _MAX_REPLACED_RATIO * max(len(text), 1):
        raise InputError(f"binary data or not UTF-8 text ({bad:,} of {len(text):,} characters undecodable)",
                         "convert it to UTF-8, e.g. iconv -f windows-1252 -t utf-8", item=item)
    return text, [f"invalid UTF-8: {bad} byte sequence(s) replaced with U+FFFD"]


# --------------------------------------------------------------------------------------------
# Items of JSON / JSONL
# --------------------------------------------------------------------------------------------
def _item_article(obj: Any, where: str, line: Optional[int], max_chars: int,
                  notes: Iterable[str] = ()) -> Union[Article, InputFailure]:
    if not isinstance(obj, dict):
        return InputFailure(where, f"not a JSON object but {type(obj).__name__}",
                            'each item must be an object like {"id": ..., "text": ...}', line)
    raw_id = obj.get("id")
    item_id = str(raw_id) if isinstance(raw_id, (str, int)) and str(raw_id) else None
    name = item_id or where
    text = obj.get("text")
    if text is None:
        return InputFailure(name, 'no "text" field', 'each item needs a "text" string with the article body', line)
    if not isinstance(text, str):
        return InputFailure(name, f'"text" is {type(text).__name__}, not a string',
                            'each item needs a "text" string with the article body', line)
    title = obj.get("title")
    article = article_from_text(
        text, id=item_id, title=title if isinstance(title, str) else None, published=obj.get("published"),
        url=obj.get("url") if isinstance(obj.get("url"), str) else None,
        source=obj.get("source") if isinstance(obj.get("source"), str) else None, headers=False, notes=notes)
    failure = check_article(article, max_chars=max_chars, item=name)
    if failure is not None:
        return InputFailure(failure.item, failure.message, failure.hint, line)
    return article


def _jsonl_items(chunks: Iterator[bytes], max_chars: int) -> Iterator[Union[Article, InputFailure]]:
    limit = _TEXT_BYTES_PER_CHAR * max_chars + 4096  # the text plus a little JSON around it
    for n, data in _lines(chunks, limit):
        where = f"line {n}"
        if data is None:
            yield InputFailure(where, f"line is over {limit:,} bytes, more than max_chars={max_chars:,} allows",
                               "split the article, or raise the max_article_chars setting", n)
            continue
        if not data.strip():
            continue
        try:
            line, notes = decode(data, where)
        except InputError as exc:
            yield InputFailure(where, exc.message, exc.hint, n)
            continue
        try:
            obj = json.loads(line)
        except ValueError as exc:
            yield InputFailure(where, f"not valid JSON: {exc}", "each line must be one JSON object", n)
            continue
        yield _item_article(obj, where, n, max_chars, notes)


def _lines(chunks: Iterator[bytes], limit: int) -> Iterator[tuple[int, Optional[bytes]]]:
    """(line number, bytes) per line of a byte stream; None for a line longer than ``limit``
    (skipped without being held in memory)."""
    buf = b""
    n = 0
    skipping = False
    for chunk in chunks:
        buf += chunk
        pos = 0
        while True:
            i = buf.find(b"\n", pos)
            if i < 0:
                break
            n += 1
            yield n, (None if skipping or i - pos > limit else buf[pos:i])
            skipping = False
            pos = i + 1
        buf = buf[pos:]
        if len(buf) > limit:
            skipping = True
            buf = b""
    if buf or skipping:
        n += 1
        yield n, None if skipping else buf


# --------------------------------------------------------------------------------------------
# Reading files and stdin
# --------------------------------------------------------------------------------------------
def _chunks(stream: IO[bytes], head: bytes = b"") -> Iterator[bytes]:
    if head:
        yield head
    while True:
        chunk = stream.read(_CHUNK)
        if not chunk:
            return
        yield chunk


def _read_limited(chunks: Iterator[bytes], limit: int) -> Optional[bytes]:
    """All bytes of the stream, or None as soon as there are more than ``limit``."""
    parts: list[bytes] = []
    size = 0
    for chunk in chunks:
        size += len(chunk)
        if size > limit:
            return None
        parts.append(chunk)
    return b"".join(parts)


def _sniff(head: bytes, name: str) -> str:
    """'jsonl', 'json', 'html' or 'text', by extension first, then by content."""
    low = name.lower().removesuffix(".gz")
    if low.endswith(_JSONL_EXT):
        return "jsonl"
    if low.endswith(".json"):
        return "json"
    if low.endswith(_HTML_EXT):
        return "html"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"{"):
        first = stripped.split(b"\n", 1)[0]
        try:
            if isinstance(json.loads(first), dict):
                return "jsonl"
        except ValueError:
            pass
    if stripped.startswith(b"[") and low.endswith((".json", STDIN)):
        return "json"
    if _HTML_SNIFF.match(stripped):
        return "html"
    return "text"


def _too_big(name: str, size: int, max_chars: int) -> InputFailure:
    return InputFailure(name, f"file is {size / 1e6:.1f} MB, over the limit of max_chars={max_chars:,} characters",
                        "split it into articles (JSONL, one a line), or raise the max_article_chars setting")


def _whole(kind: str, data: bytes, name: str, max_chars: int) -> Iterator[Union[Article, InputFailure]]:
    """One text or HTML document, or a JSON object/list of items."""
    try:
        text, notes = decode(data, name)
    except InputError as exc:
        yield InputFailure(name, exc.message, exc.hint)
        return
    if kind == "json":
        try:
            obj = json.loads(text)
        except ValueError as exc:
            yield InputFailure(name, f"not valid JSON: {exc}", "give a JSON object, a list of them, or JSONL")
            return
        objs = obj if isinstance(obj, list) else [obj]
        for i, o in enumerate(objs, 1):
            yield _item_article(o, f"item {i}" if isinstance(obj, list) else name, None, max_chars, notes)
        return
    try:
        if kind == "html":
            article = article_from_html(text, notes=notes)
        else:
            article = article_from_text(text, notes=notes)
    except InputError as exc:
        yield InputFailure(name, exc.message, exc.hint)
        return
    failure = check_article(article, max_chars=max_chars, item=name)
    yield failure if failure is not None else article


def read_inputs(path: str, *, max_chars: int) -> Iterator[Union[Article, InputFailure]]:
    """Articles read from ``path`` (a text, HTML, JSON or JSONL file, optionally ``.gz``; a folder
    of such files, read in name order; or ``-`` for stdin), one ``Article`` or ``InputFailure``
    per item, in input order.

    JSONL items are ``{"id", "text", "title", "published", "url"}`` (``source`` too; other keys
    are ignored; ``text`` is the body as given). A bad item becomes an ``InputFailure`` and the
    others go on. Raises ``InputError`` only when ``path`` cannot be opened at all (or is a
    folder without article files)."""
    if path == STDIN:
        stream: IO[bytes] = sys.stdin.buffer
        yield from _read_stream(stream, "<stdin>", "-", max_chars, size=None)
        return
    if os.path.isdir(path):
        files = sorted(n for n in os.listdir(path)
                       if not n.startswith(".") and n.lower().removesuffix(".gz").endswith(_FOLDER_EXT))
        if not files:
            raise InputError(f"{path}: the folder holds no article files",
                             f"give a file, - for stdin, or a folder of {', '.join(_FOLDER_EXT)} files", item=path)
        for name in files:
            yield from read_inputs(os.path.join(path, name), max_chars=max_chars)
        return
    try:
        size = os.stat(path).st_size
        stream = gzip.open(path, "rb") if path.endswith(".gz") else open(path, "rb")
    except FileNotFoundError as exc:
        raise InputError(f"{path}: no such file", "check the path, or give - to read stdin", item=path) from exc
    except OSError as exc:
        raise InputError(f"{path}: cannot be read: {exc.strerror}", "check the path and its permissions",
                         item=path) from exc
    with stream:
        yield from _read_stream(stream, os.path.basename(path), path,
                                max_chars, size=None if path.endswith(".gz") else size)


def _read_stream(stream: IO[bytes], name: str, path: str, max_chars: int,
                 size: Optional[int]) -> Iterator[Union[Article, InputFailure]]:
    try:
        head = stream.read(64 * 1024)
    except (OSError, EOFError) as exc:  # a corrupt .gz, a closed pipe
        yield InputFailure(name, f"cannot be read: {exc}", "check the file")
        return
    kind = _sniff(head, path)
    if kind == "jsonl":
        try:
            yield from _jsonl_items(_chunks(stream, head), max_chars)
        except (OSError, EOFError) as exc:  # the stream broke mid-way: the items so far stand
            yield InputFailure(name, f"reading stopped: {exc}", "check the file")
        return
    factor = _HTML_BYTES_PER_CHAR if kind == "html" else _TEXT_BYTES_PER_CHAR
    limit = factor * max_chars
    if size is not None and size > limit:  # checked before reading the file
        yield _too_big(name, size, max_chars)
        return
    try:
        data = _read_limited(_chunks(stream, head), limit)
    except (OSError, EOFError) as exc:
        yield InputFailure(name, f"cannot be read: {exc}", "check the file")
        return
    if data is None:
        yield InputFailure(name, f"input is over {limit / 1e6:.1f} MB, more than max_chars={max_chars:,} allows",
                           "split it into articles (JSONL, one a line), or raise the max_article_chars setting")
        return
    yield from _whole(kind, data, name, max_chars)
