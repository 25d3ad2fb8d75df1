"""Tests of stages/ingest.py: header lines, publication dates, HTML, and every kind of bad input."""
from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import io
import json
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from warwire.errors import InputError
from warwire.model import Article
from warwire.stages import ingest
from warwire.stages.ingest import (NO_DATE_NOTE, InputFailure, article_from_html, article_from_text,
                                   check_article, coerce_published, is_english, parse_when, read_inputs)

from paths import SEED  # noqa: E402
CORPUS = Path(__file__).resolve().parents[1] / "corpus"
MAX = 2_000_000
BODY = ("Gunmen attacked a police post in the town on Friday, killing two officers, a police spokesman said. "
        "The attackers fled into the bush after the exchange of fire, and a search was under way.")


def read_all(path: Path | str, max_chars: int = MAX) -> list[Article | InputFailure]:
    return list(read_inputs(str(path), max_chars=max_chars))


# --- the seed --------------------------------------------------------------------------------
def test_seed_title_published_body() -> None:
    raw = SEED.read_text(encoding="utf-8")
    a = article_from_text(raw)
    assert a.title == "7 Azerbaijani soldiers killed in clashes with Armenia"
    assert a.published == dt.datetime(2021, 11, 17, 14, 3)
    assert a.text.startswith("Seven Azerbaijani troops have been killed")
    assert a.text.endswith("which has backed Baku during the Karabakh war.")
    assert "|" not in a.text and "7 Azerbaijani soldiers killed" not in a.text
    assert a.id == hashlib.sha256(a.text.encode()).hexdigest()[:16]
    assert a.notes == ()
    # the body is a slice of the input: offsets into it are offsets into the article as given
    assert a.text in raw


def test_seed_read_from_file_equals_from_text() -> None:
    (a,) = read_all(SEED)
    assert isinstance(a, Article)
    assert a == article_from_text(SEED.read_text(encoding="utf-8"))


# --- header shapes ---------------------------------------------------------------------------
HEADERS = [
    # (raw, title, published, source, body starts with)
    ("Bomb kills six in Quetta\nBy Asad Khan, Reuters\nPublished: 14 February 2023 18:40 PKT\n\n" + BODY,
     "Bomb kills six in Quetta", dt.datetime(2023, 2, 14, 18, 40), "Reuters", "Gunmen attacked"),
    ("Bomb kills six\n\nPosted on Feb. 14, 2023 at 6:40 p.m.\n\n" + BODY,
     "Bomb kills six", dt.datetime(2023, 2, 14, 18, 40), None, "Gunmen attacked"),
    ("Bomb kills six\nNovember 17, 2021\n" + BODY, "Bomb kills six", dt.datetime(2021, 11, 17), None, "Gunmen"),
    ("Bomb kills six\n2021-11-17T14:03:00Z\n" + BODY, "Bomb kills six", dt.datetime(2021, 11, 17, 14, 3), None,
     "Gunmen"),
    ("# Bomb kills six\n\nBy JANE DOE | AFP\n\n" + BODY, "Bomb kills six", None, "AFP", "Gunmen"),
    ("Bomb kills six\nBy Jane Doe and John Roe\nAssociated Press\n\n" + BODY, "Bomb kills six", None,
     "Associated Press", "Gunmen"),
    ("Bomb kills six\r\n\r\nPublished 17 Nov 2021 | Updated 18 Nov 2021\r\n\r\n" + BODY, "Bomb kills six",
     dt.datetime(2021, 11, 17), None, "Gunmen"),
    # a body that opens with "By ..." is not a byline
    ("Bomb kills six\n\nBy late Tuesday the toll had risen to 11\n\n" + BODY, "Bomb kills six", None, None,
     "By late Tuesday"),
    # a title alone above the body (blank line between)
    ("Bomb kills six\n\n" + BODY, "Bomb kills six", None, None, "Gunmen"),
    # no header at all: a one-paragraph coder summary is all body, and its date is not a dateline
    ("On 3 March 2023, suspected militants attacked a police post in Jowhar town, killing 4 officers.",
     None, None, None, "On 3 March 2023"),
    # a first line that ends like a sentence is body, not a title
    (BODY + "\n\nA second paragraph.", None, None, None, "Gunmen"),
    # a caption line is not a title
    ("(Photo: KHOU 11)\n\n" + BODY, None, None, None, "(Photo"),
    # an agency in the body's dateline names the source; the dateline stays in the body
    ("KABUL, Nov 17 (Reuters) - " + BODY, None, None, "Reuters", "KABUL, Nov 17 (Reuters)"),
]


@pytest.mark.parametrize("raw,title,published,source,body_start", HEADERS)
def test_header_shapes(raw: str, title: str | None, published: dt.datetime | None, source: str | None,
                       body_start: str) -> None:
    a = article_from_text(raw)
    assert (a.title, a.published, a.source) == (title, published, source)
    assert a.text.startswith(body_start)
    assert (NO_DATE_NOTE in a.notes) == (published is None)


def test_updated_line_is_used_when_no_published_line() -> None:
    a = article_from_text("Bomb kills six\nUpdated 3:45 PM ET, Wed November 17, 2021\n\n" + BODY)
    assert a.published == dt.datetime(2021, 11, 17, 15, 45)
    assert "publication date read from an 'Updated' line" in a.notes


def test_explicit_title_and_published_keep_text_as_given() -> None:
    raw = "  Bomb kills six\nNovember 17, 2021\n\n" + BODY + "\n"
    a = article_from_text(raw, title="The title", published="2021-11-16", id="x1", url="http://e.x/1")
    assert a.text == raw
    assert (a.id, a.title, a.published, a.url) == ("x1", "The title", dt.datetime(2021, 11, 16), "http://e.x/1")
    assert a.notes == ()


@pytest.mark.parametrize("value,expected,note", [
    ("2021-11-17", dt.datetime(2021, 11, 17), None),
    ("2021-11-17T14:03:00", dt.datetime(2021, 11, 17, 14, 3), None),
    ("2021-11-17T14:03:00+04:00", dt.datetime(2021, 11, 17, 14, 3), None),  # wall clock kept
    ("2021-11-17T14:03:00Z", dt.datetime(2021, 11, 17, 14, 3), None),
    ("November 17, 2021", dt.datetime(2021, 11, 17), None),
    (dt.date(2021, 11, 17), dt.datetime(2021, 11, 17), None),
    ("xyz", None, "published 'xyz' is not a date: ignored"),
    ("2021-13-45", None, "published '2021-13-45' is not a date: ignored"),
    (20211117, None, "published 20211117 is not a date: ignored"),
    (None, None, None),
    ("", None, None),
])
def test_coerce_published(value: object, expected: dt.datetime | None, note: str | None) -> None:
    when, notes = coerce_published(value)  # type: ignore[arg-type]
    assert when == expected
    if note:
        assert note in notes
    assert (NO_DATE_NOTE in notes) == (expected is None)


@pytest.mark.parametrize("text,expected", [
    ("Wednesday, November 17th, 2021 |  2:03 pm", dt.datetime(2021, 11, 17, 14, 3)),
    ("17 Nov 2021 14:03 GMT", dt.datetime(2021, 11, 17, 14, 3)),
    ("Updated 3:45 PM ET, Wed November 17, 2021", dt.datetime(2021, 11, 17, 15, 45)),
    ("the 3rd of March 2023", dt.datetime(2023, 3, 3)),
    ("Nov. 17, 2021, 2:03 p.m.", dt.datetime(2021, 11, 17, 14, 3)),
    ("12 a.m. on Jan 1, 2020", dt.datetime(2020, 1, 1, 0, 0)),
    ("Tuesday", None),
    ("February 30, 2021", None),
])
def test_parse_when(text: str, expected: dt.datetime | None) -> None:
    assert parse_when(text) == expected


def test_default_id_is_content_hash_and_explicit_id_wins() -> None:
    assert article_from_text(BODY).id == hashlib.sha256(BODY.encode()).hexdigest()[:16]
    assert article_from_text(BODY, id="abc").id == "abc"


# --- HTML ------------------------------------------------------------------------------------
PAGE = """<!DOCTYPE html><html><head><title>Rockets hit Erbil | News</title>
<meta property="article:published_time" content="2021-01-11T22:10:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>Rockets hit near Erbil airport</h1>
<p>Three rockets struck near the international airport in Erbil late Monday, Kurdish security officials said.</p>
<p>No one was hurt in the attack, which came amid rising tensions between armed groups and the government.</p>
</article><footer>Copyright 2021 Example News. All rights reserved.</footer></body></html>"""


def test_article_from_html() -> None:
    a = article_from_html(PAGE, url="https://example.org/erbil")
    assert a.title == "Rockets hit near Erbil airport"
    assert a.published is not None and a.published.date() == dt.date(2021, 1, 11)
    assert a.text.startswith("Three rockets struck")
    assert "No one was hurt" in a.text and "Copyright" not in a.text and "Home" not in a.text
    assert a.url == "https://example.org/erbil"


def test_html_without_text_raises_and_fails_in_read_inputs(tmp_path: Path) -> None:
    empty = "<html><head><title>Index</title></head><body><nav>Home</nav></body></html>"
    with pytest.raises(InputError):
        article_from_html(empty)
    p = tmp_path / "index.html"
    p.write_text(empty)
    (f,) = read_all(p)
    assert isinstance(f, InputFailure) and "no article text" in f.message and f.item == "index.html"


@pytest.mark.parametrize("name", ["page.html", "page.txt"])  # by extension, and sniffed by content
def test_read_inputs_html(tmp_path: Path, name: str) -> None:
    p = tmp_path / name
    p.write_text(PAGE)
    (a,) = read_all(p)
    assert isinstance(a, Article) and a.title == "Rockets hit near Erbil airport"


# --- JSONL -----------------------------------------------------------------------------------
def test_jsonl_items_keep_order_and_bad_lines_fail_alone(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a", "text": BODY, "title": "T", "published": "2021-11-17", "gold": {"killed": 2}}),
        "{not json",
        json.dumps({"id": "c", "title": "no text"}),
        "",  # blank lines are skipped, but still counted
        json.dumps({"id": 5, "text": 42}),
        json.dumps({"text": "   "}),
        json.dumps({"id": "f", "text": "Au moins sept soldats ont été tués mardi lors d'affrontements à la "
                    "frontière, a annoncé le ministère de la Défense. Les deux pays se sont mutuellement "
                    "accusés d'avoir déclenché les combats près de la région disputée."}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "h", "text": BODY, "published": "xyz", "url": "http://e.x/h"}),
    ]
    p = tmp_path / "items.jsonl"
    p.write_text("\n".join(lines) + "\n")
    out = read_all(p)
    assert [type(x).__name__ for x in out] == ["Article", "InputFailure", "InputFailure", "InputFailure",
                                               "InputFailure", "InputFailure", "InputFailure", "Article"]
    a, bad_json, no_text, not_str, empty, french, a_list, h = out
    assert (a.id, a.title, a.published, a.text) == ("a", "T", dt.datetime(2021, 11, 17), BODY)
    assert (bad_json.item, bad_json.line) == ("line 2", 2) and "not valid JSON" in bad_json.message
    assert (no_text.item, no_text.line) == ("c", 3) and '"text"' in no_text.message
    assert str(no_text).startswith("line 3 (id 'c'): ")
    assert (not_str.item, not_str.line) == ("5", 5)
    assert (empty.item, empty.line) == ("line 6", 6) and empty.message == "empty text"
    assert french.item == "f" and "English" in french.message
    assert a_list.line == 8 and "not a JSON object" in a_list.message
    assert h.published is None and "published 'xyz' is not a date: ignored" in h.notes
    assert NO_DATE_NOTE in h.notes and h.url == "http://e.x/h"


def test_jsonl_text_is_kept_as_given_even_without_title_or_date(tmp_path: Path) -> None:
    text = "Bomb kills six\nNovember 17, 2021\n\n" + BODY
    p = tmp_path / "x.jsonl"
    p.write_text(json.dumps({"id": "x", "text": text}) + "\n")
    (a,) = read_all(p)
    assert a.text == text and a.title is None and a.published is None


def test_jsonl_overlong_line_fails_and_the_rest_go_on(tmp_path: Path) -> None:
    p = tmp_path / "x.jsonl"
    long_item = json.dumps({"id": "big", "text": "word " * 5000})
    p.write_text("\n".join([json.dumps({"id": "a", "text": BODY}), long_item,
                            json.dumps({"id": "c", "text": BODY})]))  # no final newline
    out = read_all(p, max_chars=1000)
    assert [getattr(x, "id", None) or x.item for x in out] == ["a", "line 2", "c"]
    assert isinstance(out[1], InputFailure) and "max_chars" in out[1].message


def test_jsonl_item_over_max_chars_fails(tmp_path: Path) -> None:
    p = tmp_path / "x.jsonl"
    p.write_text(json.dumps({"id": "big", "text": BODY * 3}) + "\n")
    (f,) = read_all(p, max_chars=len(BODY))
    assert isinstance(f, InputFailure) and f.item == "big" and "over the limit" in f.message


def test_jsonl_gz_and_json_list(tmp_path: Path) -> None:
    gz = tmp_path / "x.jsonl.gz"
    with gzip.open(gz, "wt") as f:
        f.write(json.dumps({"id": "g", "text": BODY}) + "\n")
    assert [x.id for x in read_all(gz)] == ["g"]  # type: ignore[union-attr]
    js = tmp_path / "x.json"
    js.write_text(json.dumps([{"id": "1", "text": BODY}, {"id": "2"}]))
    one, two = read_all(js)
    assert isinstance(one, Article) and isinstance(two, InputFailure) and two.item == "2"


def test_jsonl_invalid_utf8_line_is_replaced_with_a_note(tmp_path: Path) -> None:
    p = tmp_path / "x.jsonl"
    p.write_bytes(json.dumps({"id": "u", "text": BODY + " caf"}).encode()[:-2] + b"\xe9\"}\n")
    (a,) = read_all(p)
    assert isinstance(a, Article) and a.text.endswith("caf\ufffd")
    assert any(n.startswith("invalid UTF-8") for n in a.notes)


# --- bad files -------------------------------------------------------------------------------
def test_missing_file_raises_input_error_with_hint(tmp_path: Path) -> None:
    with pytest.raises(InputError) as err:
        read_all(tmp_path / "nope.txt")
    assert "no such file" in err.value.message and err.value.hint


def test_folder_is_read_in_name_order_and_empty_folder_raises(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        read_all(tmp_path)
    (tmp_path / "b.txt").write_text("Second\n\n" + BODY)
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "first", "text": BODY}) + "\n")
    (tmp_path / "README.md").write_text("not an article")
    (tmp_path / ".hidden.txt").write_text(BODY)
    out = read_all(tmp_path)
    assert [getattr(x, "id", None) for x in out][0] == "first" and out[1].title == "Second"  # type: ignore
    assert len(out) == 2


def test_bundled_examples_read_cleanly() -> None:
    examples = Path(ingest.__file__).resolve().parents[1] / "examples"
    out = read_all(examples)
    assert len(out) >= 4 and all(isinstance(x, Article) for x in out), out


@pytest.mark.parametrize("data,message", [
    (b"", "empty text"),
    (b"  \n\n \t\n", "empty text"),
    (b"%PDF-1.4\x00\x00\x01\x02binary", "binary data"),
    (bytes(range(128, 256)) * 40, "binary data"),  # no NUL, but nothing decodes
    ("ASCII text with controls \x01\x02\x03\x04\x05\x06\x07\x08 ".encode() * 20, "binary data"),
    ("Сообщается, что в результате обстрела погибли семь военнослужащих и ещё десять получили "
     "ранения, заявили в министерстве обороны.".encode(), "not in English"),
    ("قال مسؤولون إن سبعة جنود قتلوا وأصيب عشرة آخرون في اشتباكات على الحدود يوم الثلاثاء".encode(),
     "not in English"),
])
def test_bad_text_files_fail(tmp_path: Path, data: bytes, message: str) -> None:
    p = tmp_path / "bad.txt"
    p.write_bytes(data)
    (f,) = read_all(p)
    assert isinstance(f, InputFailure), f
    assert message in f.message and f.item == "bad.txt" and f.hint


def test_invalid_utf8_text_file_is_read_with_replacement_and_note(tmp_path: Path) -> None:
    p = tmp_path / "latin1.txt"
    p.write_bytes(("Bomb kills six\n\n" + BODY + " Caf").encode() + b"\xe9 owner was unhurt.")
    (a,) = read_all(p)
    assert isinstance(a, Article) and "Caf\ufffd owner" in a.text
    assert any("invalid UTF-8: 1 byte" in n for n in a.notes)


def test_utf16_and_bom(tmp_path: Path) -> None:
    p = tmp_path / "u16.txt"
    p.write_bytes(("Bomb kills six\n\n" + BODY).encode("utf-16"))
    q = tmp_path / "bom.txt"
    q.write_bytes(b"\xef\xbb\xbf" + ("Bomb kills six\n\n" + BODY).encode())
    (a,), (b,) = read_all(p), read_all(q)
    assert a.title == b.title == "Bomb kills six" and a.text == b.text == BODY  # type: ignore[union-attr]


def test_huge_file_fails_before_it_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    p = tmp_path / "huge.txt"
    with open(p, "wb") as f:  # a sparse 20 MB file
        f.truncate(20_000_000)

    def must_not_read(*args: object) -> bytes:
        raise AssertionError("the whole file was read")

    monkeypatch.setattr(ingest, "_read_limited", must_not_read)
    (f,) = read_all(p, max_chars=MAX)
    assert isinstance(f, InputFailure) and "20.0 MB" in f.message and "max_chars" in f.message


def test_text_over_max_chars_fails(tmp_path: Path) -> None:
    p = tmp_path / "long.txt"
    p.write_text(BODY)
    (f,) = read_all(p, max_chars=len(BODY) // 2)
    assert isinstance(f, InputFailure) and "over the limit" in f.message


# --- stdin -----------------------------------------------------------------------------------
@pytest.mark.parametrize("data,kinds", [
    (SEED.read_bytes(), ["Article"]),
    ((json.dumps({"id": "a", "text": BODY}) + "\n{oops\n").encode(), ["Article", "InputFailure"]),
    (PAGE.encode(), ["Article"]),
    (b"\x00\x01binary", ["InputFailure"]),
])
def test_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes, kinds: list[str]) -> None:
    monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=io.BytesIO(data)))
    assert [type(x).__name__ for x in read_all("-")] == kinds


# --- checks ----------------------------------------------------------------------------------
@pytest.mark.parametrize("text,english", [
    (BODY, True),
    ("Shots fired.", True),  # too short to tell
    (SEED.read_text(encoding="utf-8"), True),
    ("Al menos siete soldados murieron el martes en enfrentamientos en la frontera con Armenia, informó el "
     "Ministerio de Defensa. Los dos países se acusaron mutuamente de haber iniciado los combates.", False),
    ("Bei Gefechten an der Grenze sind am Dienstag mindestens sieben Soldaten getötet worden, teilte das "
     "Ministerium mit. Die beiden Länder beschuldigten sich gegenseitig, die Kämpfe ausgelöst zu haben.", False),
    ("Sedikitnya tujuh tentara tewas dalam bentrokan di perbatasan pada hari Selasa, kata kementerian "
     "pertahanan. Kedua negara saling menuduh telah memulai pertempuran yang meletus di dekat wilayah itu.", False),
])
def test_is_english(text: str, english: bool) -> None:
    assert is_english(text) is english


def test_check_article_accepts_a_good_article() -> None:
    assert check_article(article_from_text(BODY), max_chars=MAX) is None


def test_corpus_articles_all_read_cleanly() -> None:
    for p in sorted(CORPUS.glob("*.txt")):
        (a,) = read_all(p)
        assert isinstance(a, Article), a
