"""The extract and eval commands as a user meets them: output shape, exit codes, and bad input
reported by item while the rest of the batch goes on."""
import json

import pytest
from typer.testing import CliRunner

from paths import SEED
from warwire.cli import app

runner = CliRunner()


def _run(*args: str, stdin: str | None = None):
    return runner.invoke(app, list(args), input=stdin)


def test_extract_seed_prints_one_contract_object():
    res = _run("extract", str(SEED), "--workers", "1")
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["article"]["title"].startswith("7 Azerbaijani soldiers")
    assert data["events"][0]["event_type"] == "battles"
    assert data["events"][0]["fatalities"]["best"] == 8


def test_jsonl_batch_with_broken_and_empty_items_goes_on(tmp_path):
    src = tmp_path / "batch.jsonl"
    good = {"id": "good", "text": SEED.read_text(encoding="utf-8").split("\n", 3)[3],
            "title": "7 Azerbaijani soldiers killed in clashes with Armenia", "published": "2021-11-17"}
    src.write_text("\n".join([
        json.dumps({"id": "empty", "text": "   "}),
        "{not json",
        json.dumps(good),
        json.dumps({"id": "nodate", "text": "A man was shot dead in Lahore on Tuesday, police said."}),
    ]) + "\n", encoding="utf-8")
    res = _run("extract", str(src), "--jsonl", "--workers", "1")
    assert res.exit_code == 1  # some items failed
    lines = [json.loads(line) for line in res.stdout.splitlines()]
    assert [r["id"] for r in lines] == ["empty", "line 2", "good", "nodate"]
    assert lines[0]["error"] and lines[1]["error"] and not lines[2]["error"]
    assert lines[2]["events"][0]["fatalities"]["best"] == 8
    assert any("no publication date" in w for w in lines[3]["warnings"])
    assert "skipped empty" in res.stderr and "line 2" in res.stderr
    assert "Traceback" not in res.output


def test_missing_file_is_one_failed_item_with_a_message():
    res = _run("extract", "/no/such/article.txt", "--workers", "1")
    assert res.exit_code == 1
    assert "/no/such/article.txt" in res.stderr and "Traceback" not in res.output


@pytest.mark.parametrize("payload, message", [
    (b"\x00\x01\x02binary\x00" * 50, "binary"),
    ("Le président a déclaré mardi que les négociations se poursuivront à Paris la semaine prochaine "
     "avec les représentants des deux pays et des organisations internationales.".encode(), "English"),
])
def test_unusable_articles_are_named_and_skipped(tmp_path, payload, message):
    path = tmp_path / "article.txt"
    path.write_bytes(payload)
    res = _run("extract", str(path), "--workers", "1")
    assert res.exit_code == 1 and message in res.stderr


def test_stdin_and_summary_format():
    res = _run("extract", "-", "--format", "summary", "--workers", "1", stdin=SEED.read_text(encoding="utf-8"))
    assert res.exit_code == 0, res.output
    assert "armed_clash" in res.stdout and "Kalbajar" in res.stdout


def test_bad_format_is_a_usage_error():
    res = _run("extract", str(SEED), "--format", "xml")
    assert res.exit_code == 2 and "--format" in res.stderr


def test_eval_prints_a_table_and_json(tmp_path):
    item = {"id": "a", "text": "Police said two men were shot dead and three others wounded in Houston on "
                               "Friday night.", "published": "2017-04-08",
            "gold": {"date": "2017-04-07", "country": "USA", "admin1": "Texas", "killed": 2, "wounded": 3,
                     "lat": 29.76, "lon": -95.36}}
    src = tmp_path / "gold.jsonl"
    src.write_text(json.dumps(item) + "\n", encoding="utf-8")
    res = _run("eval", str(src), "--json", "--workers", "1")
    assert res.exit_code == 0, res.output
    fields = json.loads(res.stdout)["fields"]
    assert fields["killed"]["correct"] == 1 and fields["injured"]["correct"] == 1
    assert fields["admin1"]["correct"] == 1 and fields["date"]["correct"] == 1
    table = _run("eval", str(src), "--workers", "1")
    assert "killed exact" in table.stdout
