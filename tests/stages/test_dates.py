"""Tests for stages/dates.py: finding and resolving date expressions, and choosing an event date."""
from __future__ import annotations

import datetime as dt
from typing import Any, Optional

import pytest

from warwire.model import Article, DateMention, ParsedText
from warwire.rules import load_yaml
from warwire.stages.dates import STAGE, ArticleDates, choose_event_date, find_dates, is_past_context
from warwire.stages.parse import parse_article

WED = dt.datetime(2021, 11, 17, 14, 3)  # a Wednesday
from paths import SEED  # noqa: E402


def parse(nlp: Any, text: str, published: Optional[dt.datetime] = WED) -> ParsedText:
    return parse_article(Article("t", text, published=published), nlp)


def only(dates: list[DateMention], text: str) -> DateMention:
    found = [d for d in dates if d.text == text]
    assert len(found) == 1, f"{text!r} not found once in {[d.text for d in dates]}"
    return found[0]


D = dt.date
# (sentence, expression as found, start date, precision)
RESOLVE_CASES = [
    ("The clashes were provoked Tuesday by Armenia.", "Tuesday", D(2021, 11, 16), "day"),
    ("Fighting broke out on Tuesday.", "Tuesday", D(2021, 11, 16), "day"),
    ("A man was shot late Sunday.", "late Sunday", D(2021, 11, 14), "day"),
    ("Gunmen attacked the village early Friday morning.", "early Friday morning", D(2021, 11, 12), "day"),
    ("Two were killed Friday night.", "Friday night", D(2021, 11, 12), "day"),
    ("Officials met on Wednesday.", "Wednesday", D(2021, 11, 17), "day"),  # publication weekday
    ("Officials met last Wednesday.", "last Wednesday", D(2021, 11, 10), "day"),
    ("A bomb exploded yesterday.", "yesterday", D(2021, 11, 16), "day"),
    ("Shots rang out last night.", "last night", D(2021, 11, 16), "day"),
    ("Shelling continued overnight.", "overnight", D(2021, 11, 17), "day"),  # dated the morning after
    ("A man was shot on Christmas Eve.", "Christmas Eve", D(2020, 12, 24), "day"),
    ("Two died on Thanksgiving.", "Thanksgiving", D(2020, 11, 26), "day"),
    # movable feasts, counted from Easter (2021: 4 April; the last one before publication)
    ("Four were shot outside a bar early Easter Sunday.", "early Easter Sunday", D(2021, 4, 4), "day"),
    ("Four have been shot since Monday.", "since Monday", D(2021, 11, 15), "day"),
    ("Police said this morning that two died.", "this morning", D(2021, 11, 17), "day"),
    ("The market was hit today.", "today", D(2021, 11, 17), "day"),
    ("A rally is planned tonight.", "tonight", D(2021, 11, 17), "day"),
    ("The attack came Saturday evening.", "Saturday evening", D(2021, 11, 13), "day"),
    ("The raid took place on Nov. 12.", "Nov. 12", D(2021, 11, 12), "day"),
    ("The raid took place on November 12.", "November 12", D(2021, 11, 12), "day"),
    ("The raid took place on 12 November 2021.", "12 November 2021", D(2021, 11, 12), "day"),
    ("The raid took place on 2021-11-12.", "2021-11-12", D(2021, 11, 12), "day"),
    ("The raid took place on the 12th.", "on the 12th", D(2021, 11, 12), "day"),
    ("Troops were ambushed last week.", "last week", D(2021, 11, 8), "week"),
    ("Protests began in March.", "in March", D(2021, 3, 1), "month"),
    ("Protests began in December.", "in December", D(2020, 12, 1), "month"),
    ("The war began in 2020.", "in 2020", D(2020, 1, 1), "year"),
    ("The war ended a year ago.", "a year ago", D(2020, 11, 17), "year"),
    ("The war ended a year ago in November.", "a year ago in November", D(2020, 11, 1), "month"),
    ("Raids went on between Monday and Wednesday.", "between Monday and Wednesday", D(2021, 11, 15), "week"),
    # around midnight: dated by the later day, as coders do
    ("He was shot late Friday or early Saturday.", "late Friday or early Saturday", D(2021, 11, 13), "day"),
    ("Shelling went on Friday night into Saturday morning.", "Friday night into Saturday morning", D(2021, 11, 13), "day"),
    ("Protests were held Friday and Saturday.", "Friday and Saturday", D(2021, 11, 12), "day"),
    ("He died Friday, two days after he was shot.", "Friday, two days after", D(2021, 11, 10), "day"),
    ("The clashes lasted 4-6 November.", "4-6 November", D(2021, 11, 4), "week"),
    ("The clashes lasted from Nov. 4 to Nov. 6.", "from Nov. 4 to Nov. 6", D(2021, 11, 4), "week"),
    ("The attack happened three days ago.", "three days ago", D(2021, 11, 14), "day"),
    ("Police said the shooting happened on 11/12/2021.", "11/12/2021", D(2021, 11, 12), "day"),
]


@pytest.mark.parametrize("text,expr,start,precision", RESOLVE_CASES)
def test_resolves_expressions(nlp: Any, text: str, expr: str, start: dt.date, precision: str) -> None:
    m = only(find_dates(parse(nlp, text)), expr)
    assert m.date_start == start
    assert m.precision == precision
    assert m.rule.startswith("date.")


# Text that must yield no date at all.
NOTHING_CASES = [
    "The ceasefire took effect from 18:30 (1430 GMT).",
    "Hostilities erupted earlier in the day along the border.",
    "Police were called to the 2000 block of Main Street.",
    "He may be charged, police said.",
    "A man in his 20s was hit at 7:45 a.m.",
    "The shooting was a year after the floods.",
    "Gunfire broke out at a Christmas party.",
    "A study by USA Today found more deaths.",
]


@pytest.mark.parametrize("text", NOTHING_CASES)
def test_finds_nothing(nlp: Any, text: str) -> None:
    assert find_dates(parse(nlp, text)) == []


def test_month_day_after_publication_rolls_back_a_year(nlp: Any) -> None:
    jan3 = dt.datetime(2022, 1, 3)
    m = only(find_dates(parse(nlp, "The village was shelled on Dec. 30.", jan3)), "Dec. 30")
    assert m.date_start == D(2021, 12, 30)


def test_month_day_in_a_future_sentence_stays_ahead(nlp: Any) -> None:
    m = only(find_dates(parse(nlp, "He will appear in court on Dec. 30.")), "Dec. 30")
    assert m.date_start == D(2021, 12, 30)


def test_without_publication_date_relative_unresolved_absolute_resolved(nlp: Any) -> None:
    dates = find_dates(parse(nlp, "Rebels attacked on Tuesday. On 12 November 2021 troops withdrew.", None))
    assert only(dates, "Tuesday").date_start is None
    assert only(dates, "Tuesday").relative
    assert only(dates, "12 November 2021").date_start == D(2021, 11, 12)


def test_without_publication_date_year_less_dates_take_the_text_year(nlp: Any) -> None:
    dates = find_dates(parse(nlp, "The bombing on April 15, 2013 killed three. A suspect died on April 19.", None))
    assert only(dates, "April 19").date_start == D(2013, 4, 19)


def test_dateparser_reads_leftover_entities(nlp: Any) -> None:
    dates = find_dates(parse(nlp, "The treaty was signed November the 12th, 2021 in Paris."))
    m = only(dates, "November the 12th, 2021")
    assert (m.rule, m.date_start, m.precision) == ("date.dateparser", D(2021, 11, 12), "day")


def test_every_rule_has_an_id_and_resolver() -> None:
    rules = load_yaml("dates.yaml")["rules"]
    ids = [r["id"] for r in rules]
    assert len(ids) == len(set(ids))
    assert all(r.get("resolve") and r.get("pattern") for r in rules)


# ---- choosing the event date -------------------------------------------------------------------
# (text, event sentences or None for all, expected start date, expected rule or None)
CHOOSE_CASES = [
    ("Police said Wednesday that a man was shot and killed late Monday.", None, D(2021, 11, 15), None),
    ("A man was shot Sunday night in Dayton. His funeral will be held on Saturday.", None, D(2021, 11, 14), None),
    ("A man was shot in Dayton. He is due in court on Monday.", None, D(2021, 11, 17), "fallback.published"),
    ("A gunman opened fire at a bar, police said. The suspect was released from prison in 2015.",
     None, D(2021, 11, 17), "fallback.published"),
    ("Two men were killed in a shooting. No arrests have been made.", None, D(2021, 11, 17), "fallback.published"),
    ("A vigil was held Sunday. Two men were killed in a shooting on Friday night.", {1}, D(2021, 11, 12), None),
]


@pytest.mark.parametrize("text,sents,start,rule", CHOOSE_CASES)
def test_choose_event_date(nlp: Any, text: str, sents: Optional[set[int]], start: dt.date,
                           rule: Optional[str]) -> None:
    p = parse(nlp, text)
    chosen = choose_event_date(find_dates(p), p, sents if sents is not None else set(range(len(p.sentences))))
    assert chosen is not None
    assert chosen.date_start == start
    if rule:
        assert chosen.rule == rule
        assert (chosen.start, chosen.end, chosen.text, chosen.precision) == (0, 0, "", "day")


def test_choose_without_anything_and_no_publication_date(nlp: Any) -> None:
    p = parse(nlp, "Two men were killed in a shooting.", None)
    assert choose_event_date(find_dates(p), p, {0}) is None


def test_seed_article(nlp: Any) -> None:
    p = parse(nlp, SEED.read_text(encoding="utf-8"))
    dates = find_dates(p)
    assert not any(d.date_start and d.date_start.year == 1430 for d in dates)
    chosen = choose_event_date(dates, p, set(range(len(p.sentences))))
    assert chosen is not None and chosen.date_start == D(2021, 11, 16) and chosen.text == "Tuesday"
    war = only(dates, "a year ago in November")
    assert war.date_start is not None and war.date_start.year == 2020
    assert is_past_context(war, WED)


PAST_CASES = [
    ("in 2020", "date.in_year", D(2020, 1, 1), D(2020, 12, 31), True),
    ("a year ago", "date.years_ago", D(2020, 11, 17), D(2020, 11, 17), True),
    ("Tuesday", "date.weekday_part", D(2021, 11, 16), D(2021, 11, 16), False),
    ("Dec. 30", "date.month_day", D(2020, 12, 30), D(2020, 12, 30), False),  # published Jan 3
]


@pytest.mark.parametrize("text,rule,start,end,past", PAST_CASES)
def test_is_past_context(text: str, rule: str, start: dt.date, end: dt.date, past: bool) -> None:
    pub = dt.datetime(2021, 1, 3) if text == "Dec. 30" else WED
    m = DateMention(text, 0, len(text), 0, rule, start, end, "day", True)
    assert is_past_context(m, pub) is past


def test_stage_declares_its_fields() -> None:
    assert STAGE.reads == ("parsed",) and STAGE.writes == ("dates",)


# ---- conflict reports: coders' summaries and newspaper prose, with and without a publication date --
SUN = dt.datetime(2022, 6, 12, 9, 0)  # a Sunday
# (text, published, expected start, end, precision) of the chosen event date; None: no date at all
CONFLICT_CASES = [
    ("On 3 March 2023, suspected al-Shabaab militants attacked a military base in Lower Shabelle, "
     "killing 5 soldiers.", None, D(2023, 3, 3), D(2023, 3, 3), "day"),
    ("On or around 12 May 2022, unidentified gunmen killed two civilians near Kidal.",
     None, D(2022, 5, 12), D(2022, 5, 12), "day"),
    ("On or around 12 May, unidentified gunmen killed two civilians near Kidal.", None, None, None, None),
    ("On or around 12 May, unidentified gunmen killed two civilians near Kidal.",
     SUN, D(2022, 5, 12), D(2022, 5, 12), "day"),
    ("Between 4-6 June 2022, clashes between the army and ISWAP fighters killed 14 in Borno.",
     None, D(2022, 6, 4), D(2022, 6, 6), "week"),
    ("Between 4 and 6 June, clashes between the army and ISWAP fighters killed 14 in Borno.",
     SUN, D(2022, 6, 4), D(2022, 6, 6), "week"),
    ("Overnight on 14/15 July 2021, an IED exploded near Gao, killing a Malian soldier.",
     None, D(2021, 7, 14), D(2021, 7, 15), "day"),
    ("On 30 April-1 May 2022, fighting between two clans killed 9 in Galmudug.",
     None, D(2022, 4, 30), D(2022, 5, 1), "day"),
    ("Between 28 May and 2 June 2022, army shelling killed 11 civilians in Idlib.",
     None, D(2022, 5, 28), D(2022, 6, 2), "week"),
    ("On 21 August 2020, Taliban fighters attacked a checkpoint in Kunduz. On 22 August, the army "
     "retaliated.", None, D(2020, 8, 21), D(2020, 8, 21), "day"),
    ("On 3rd March 2023 militants stormed a police post in Khyber, killing two constables.",
     None, D(2023, 3, 3), D(2023, 3, 3), "day"),
    ("On 14/07/2021, gunmen abducted 20 villagers in Zamfara state.", None, D(2021, 7, 14), D(2021, 7, 14), "day"),
    ("In March 2023, militants attacked several villages in Cabo Delgado.",
     None, D(2023, 3, 1), D(2023, 3, 31), "month"),
    ("During the week of 6 March 2023, Fulani militia raided villages in Plateau state.",
     None, D(2023, 3, 6), D(2023, 3, 12), "week"),
    ("Property destruction: On 5 January 2020, unknown people set fire to a house in Tillaberi.",
     None, D(2020, 1, 5), D(2020, 1, 5), "day"),
    # newspaper prose with no date and no publication date: the day is unknown
    ("Gunmen killed three people in a village on Sunday, police said.", None, None, None, None),
    ("A suicide bomber struck a mosque in Peshawar on Friday, killing 57 worshippers.", None, None, None, None),
    ("The army said on Monday that it killed 12 militants in an overnight raid in Waziristan.",
     None, None, None, None),
    # the same prose with a publication date
    ("Gunmen killed three people in a village on Sunday, police said.", SUN, D(2022, 6, 12), D(2022, 6, 12), "day"),
    ("A suicide bomber struck a mosque in Peshawar on Friday, killing 57 worshippers.",
     SUN, D(2022, 6, 10), D(2022, 6, 10), "day"),
    ("Police said on Saturday that militants had killed four soldiers on Thursday night in Kurram.",
     SUN, D(2022, 6, 9), D(2022, 6, 9), "day"),
    ("An airstrike late Friday or early Saturday killed seven people in Marib, officials said.",
     SUN, D(2022, 6, 11), D(2022, 6, 11), "day"),
    ("Two soldiers were killed when their patrol was ambushed yesterday near Mopti.",
     SUN, D(2022, 6, 11), D(2022, 6, 11), "day"),
    ("A wounded policeman died on Saturday, four days after gunmen attacked his post in Balochistan.",
     SUN, D(2022, 6, 7), D(2022, 6, 7), "day"),
    ("Clashes erupted in Tripoli on June 8 and continued for days, killing at least 13.",
     SUN, D(2022, 6, 8), D(2022, 6, 8), "day"),
    ("Militants attacked a convoy in Borno state, the army said. The funeral will be held on Tuesday.",
     SUN, D(2022, 6, 12), D(2022, 6, 12), "day"),
]


@pytest.mark.parametrize("text", [
    "Troops killed four men in a raid on the camp. Raids have grown more frequent since "
    "the March 3, 2021, attack on the garrison.",
    "Troops killed four men in a raid on the camp. Raids have grown more frequent since 3 March 2021.",
])
def test_full_date_starting_a_background_period_is_no_incident_day(nlp: Any, text: str) -> None:
    p = parse(nlp, text, None)
    assert choose_event_date(find_dates(p), p, {0, 1}) is None


@pytest.mark.parametrize("text,published,start,end,precision", CONFLICT_CASES)
def test_conflict_report_dates(nlp: Any, text: str, published: Optional[dt.datetime],
                               start: Optional[dt.date], end: Optional[dt.date], precision: Optional[str]) -> None:
    p = parse(nlp, text, published)
    chosen = choose_event_date(find_dates(p), p, {0})
    if start is None:
        assert chosen is None, f"expected no date, got {chosen}"
        return
    assert chosen is not None
    assert (chosen.date_start, chosen.date_end, chosen.precision) == (start, end, precision)


def test_title_names_the_day(nlp: Any) -> None:
    """Two days in the text; the title says which one the shooting was."""
    text = "Police were called Friday to a house where a man had been shot. Another man was shot Saturday nearby."
    p = parse_article(Article("t", text, published=SUN, title="Man shot Saturday night in Dayton"), nlp)
    chosen = choose_event_date(find_dates(p), p, {0, 1})
    assert chosen is not None and chosen.date_start == D(2022, 6, 11)


# ---- classes of error fixed in session 2 ---------------------------------------------------------
# (text, published, event sentences or None for all, expected start date or None for no date)
FRI = dt.datetime(2021, 3, 5, 8, 0)  # a Friday
CHOOSE_MORE_CASES = [
    # a clock time beside a day marks when the reported thing happened
    ("A man was found wounded in a car on Sunday. Officers say he was shot at about 11:30 p.m. Saturday.",
     WED, None, D(2021, 11, 13)),
    # ... but not when it is the time of a death
    ("A boy was shot by a friend on Monday night. He died at 9:30 a.m. on Tuesday at the hospital.",
     WED, None, D(2021, 11, 15)),
    # the nearest verb decides a death, even with the shooting named further up
    ("A man was shot Friday and died at 9 a.m. Saturday.", WED, None, D(2021, 11, 12)),
    # ... also when the parse hangs the day from the clock time ("at 12:40 p.m. Saturday")
    ("A boy was pronounced dead at 12:40 p.m. Saturday at a children's hospital. Relatives said the "
     "shooting happened Friday night at his home.", WED, None, D(2021, 11, 12)),
    # a coarse date gives way to a day within it
    ("Two soldiers were killed in an ambush near the border last week. Their convoy had left the base "
     "on Thursday.", WED, {0}, D(2021, 11, 11)),
    ("A teenager was wounded in a hunting accident over the weekend. His family drove him to a clinic "
     "on Sunday.", WED, {0}, D(2021, 11, 14)),
    # a day written before an incident noun belongs to the incident
    ("Schools stayed closed on Monday. Residents mourned the victims of Saturday's attack.",
     WED, None, D(2021, 11, 13)),
    ("Schools reopened on Monday, months after the May 7, 2021, shooting of four pupils.",
     WED, None, D(2021, 5, 7)),
    # an arrest dated by its count back to the violence, a clause apart
    ("A man was arrested Friday and charged with murder, three days after a shooting in Dayton.",
     WED, None, D(2021, 11, 9)),
    # a weekday that dates its own violence keeps its day; the count dates an earlier incident
    ("Five people were wounded Saturday in a drive-by shooting, a week after two men were shot nearby.",
     WED, None, D(2021, 11, 13)),
    # the article's own stamp is older than the metadata date: it anchors "early Sunday"
    ("Posted: Sunday, March 10, 2013\n\nFive people were shot early Sunday at a party in Kansas City.",
     dt.datetime(2013, 3, 26), {1}, D(2013, 3, 10)),
    # a dateline with a full date anchors a report that has no publication date
    ("SAVANNAH, GA (October 16, 2015): Police are investigating a shooting that occurred just after "
     "7:00 p.m. Thursday.", None, None, D(2015, 10, 15)),
    ("SANAA, 5 March 2021 (Reuters) - Late on Thursday, an airstrike hit a market in Saada province, "
     "killing 11 people, medics said.", None, None, D(2021, 3, 4)),
    # a wire report resolves "on Tuesday" against its publication date
    ("KABUL, Afghanistan (AP) — A roadside bomb killed four soldiers on Tuesday in Helmand province.",
     FRI, None, D(2021, 3, 2)),
    # coders' summaries: a written date is taken, with or without a publication date
    ("On 14 March 2021, militants attacked a police checkpoint in Kurram, killing three officers.",
     None, None, D(2021, 3, 14)),
    ("Clashes on the night of 3-4 May left six dead in Jonglei, local officials said.",
     dt.datetime(2022, 5, 9), None, D(2022, 5, 3)),
    # ... and no date at all when none is written and there is no publication date
    ("Clashes on the night of 3-4 May left six dead in Jonglei, local officials said.", None, None, None),
    ("Unidentified armed men abducted four farmers near Tillaberi. The fate of the abductees is unknown.",
     None, None, None),
    ("Late on Thursday, an airstrike hit a market in Saada province, killing 11 people.", None, None, None),
    # a person "fired" on a weekday lost a job: no date of the shooting
    ("A worker returned to the plant Friday morning and opened fire, killing a manager. Police said "
     "the man had been fired Tuesday after a dispute with coworkers.", dt.datetime(2021, 3, 6), None,
     D(2021, 3, 5)),
    # ... but shots "fired" on a weekday are the shooting
    ("Police said dozens of shots were fired Thursday night near the park. No one was hit.",
     dt.datetime(2021, 3, 6), None, D(2021, 3, 4)),
]


@pytest.mark.parametrize("text,published,sents,start", CHOOSE_MORE_CASES)
def test_choose_event_date_more(nlp: Any, text: str, published: Optional[dt.datetime],
                                sents: Optional[set[int]], start: Optional[dt.date]) -> None:
    p = parse(nlp, text, published)
    chosen = choose_event_date(find_dates(p), p, sents if sents is not None else set(range(len(p.sentences))))
    if start is None:
        assert chosen is None, f"expected no date, got {chosen}"
        return
    assert chosen is not None and chosen.date_start == start, chosen


# (text, published, expression, start date)
RESOLVE_MORE_CASES = [
    # "two days earlier" counts back from the last day named, not from publication
    ("The bodies were found on 12 June 2022. Villagers said the attackers came two days earlier.",
     WED, "two days earlier", D(2022, 6, 10)),
    # a weekday written with a year-less date that lies ahead keeps it ahead
    ("The hearing is Monday, Nov. 22.", WED, "Monday, Nov. 22", D(2021, 11, 22)),
    # ... while one that does not match is read as last year's, as before
    ("The raid was on Wednesday, Dec. 2.", WED, "Wednesday, Dec. 2", D(2020, 12, 2)),
    ("Late on Thursday, an airstrike hit a market.", FRI, "Late on Thursday", D(2021, 3, 4)),
    ("Clashes on the night of 3-4 May left six dead.", dt.datetime(2022, 5, 9), "3-4 May", D(2022, 5, 3)),
    # a night across two named days is dated by the later one, as with "late Friday or early Saturday"
    ("Fighting raged overnight Saturday to Sunday near the city.", dt.datetime(2022, 3, 7),
     "overnight Saturday to Sunday", D(2022, 3, 6)),
    ("Shelling went on during the night of Friday to Saturday.", dt.datetime(2022, 3, 7),
     "during the night of Friday to Saturday", D(2022, 3, 5)),
]


@pytest.mark.parametrize("text,published,expr,start", RESOLVE_MORE_CASES)
def test_resolves_more(nlp: Any, text: str, published: dt.datetime, expr: str, start: dt.date) -> None:
    assert only(find_dates(parse(nlp, text, published)), expr).date_start == start


def test_days_earlier_without_a_day_before_is_dropped(nlp: Any) -> None:
    assert [d.text for d in find_dates(parse(nlp, "The attackers came two days earlier."))] == []


# ---- session 2, conflict reports without a publication date ----------------------------------------
# (text, published, event sentences or None for all, expected start date or None for no date)
LEAD_CASES = [
    # the lead's written date dates the violence; a "today" in a later reaction does not undo it
    ("On 9 January 2022 near Mogadishu, a suicide bomber blew himself up at a checkpoint. The mayor "
     "condemned today's attack on the soldiers.", None, None, D(2022, 1, 9)),
    # ... also when the event is told in later sentences that name no day of their own
    ("On 2 February 2021, gunmen raided a village in Katsina state. The village lies near a forest. "
     "Residents said today that the attackers burned homes and killed 11 people.", None, {2}, D(2021, 2, 2)),
    # ... but not when those sentences carry their own day, which cannot be resolved
    ("On 2 February 2021, gunmen raided a village in Katsina state. On Sunday, a bomb killed four "
     "traders at a market.", None, {1}, None),
    # a lead date that is when something was said does not date the violence
    ("The governor said on 2 February 2021 that security would be tightened. Gunmen later killed 11 "
     "villagers in an attack on Sunday.", None, {1}, None),
    # coders' summaries, with and without a publication date
    ("Around 3 March 2021 (month of), unidentified gunmen killed a village chief near Menaka.",
     None, None, D(2021, 3, 3)),
    ("Around 3 March 2021 (month of), unidentified gunmen killed a village chief near Menaka.",
     SUN, None, D(2021, 3, 3)),
    ("On 5-6 May 2020, clashes between two clans killed 11 people in Hiraan.", None, None, D(2020, 5, 5)),
    ("On 5-6 May 2020, clashes between two clans killed 11 people in Hiraan.", SUN, None, D(2020, 5, 5)),
    ("During the night of 3 to 4 May 2020, gunmen raided a village in Zamfara, killing 8.", None, None, D(2020, 5, 3)),
    ("During the night of 3 to 4 May, gunmen raided a village in Zamfara, killing 8.", None, None, None),
    ("During the night of 3 to 4 May, gunmen raided a village in Zamfara, killing 8.", SUN, None, D(2022, 5, 3)),
    # day-month and month-day order alike; no year and no publication date: no date
    ("On 3 March 2021, militants attacked a base in Lower Juba.", None, None, D(2021, 3, 3)),
    ("On March 3, 2021, militants attacked a base in Lower Juba.", None, None, D(2021, 3, 3)),
    ("On 3 March, militants attacked a base in Lower Juba.", None, None, None),
    ("On March 3, militants attacked a base in Lower Juba.", SUN, None, D(2022, 3, 3)),
    # wire datelines: with a year they anchor "on Tuesday"; without one, the publication date gives
    # the year; without either there is no date
    ("KABUL, March 3, 2021 (Reuters) - A roadside bomb killed four soldiers on Tuesday in Helmand.",
     None, None, D(2021, 3, 2)),
    ("KABUL, 3 March 2021 (Reuters) - A roadside bomb killed four soldiers on Tuesday in Helmand.",
     SUN, None, D(2021, 3, 2)),
    ("KABUL, March 3 (Reuters) - A roadside bomb killed four soldiers on Tuesday in Helmand.",
     SUN, None, D(2022, 3, 1)),
    ("KABUL, March 3 (Reuters) - A roadside bomb killed four soldiers on Tuesday in Helmand.", None, None, None),
    # an agency in brackets may end a dateline without a dash, as Indian and Pakistani wires write it
    ("Srinagar, Mar 3, 2021 (PTI) Militants killed two policemen in Pulwama on Tuesday, officials said.",
     None, None, D(2021, 3, 2)),
    ("Srinagar, Mar 3 (PTI) Militants killed two policemen in Pulwama on Tuesday, officials said.",
     SUN, None, D(2022, 3, 1)),
    # a day in a later sentence that dates an earlier incident is no lead date
    ("An airstrike on Sunday killed 12 civilians in Saada. The strike came a week after a similar raid "
     "on 21 February 2021.", None, None, None),
    # "overnight" before written days is dated by them, not by publication
    ("Overnight 3-4 March 2021, gunmen abducted 30 students from a school in Kagara.", SUN, None, D(2021, 3, 3)),
    # a weekday with the date in brackets is that date, not a weekday before publication
    ("Gunmen abducted 30 students in Kagara on Wednesday (3 March 2021).", SUN, None, D(2021, 3, 3)),
    ("On 3.3.2021, gunmen abducted 30 students from a school in Kagara.", None, None, D(2021, 3, 3)),
    ("On 1, 2 and 3 March 2021, gunmen abducted 30 students from schools in Niger state.", None, None, D(2021, 3, 1)),
    # "blew himself up", "detonated" tell of the violence as "exploded" does
    ("A bomber blew himself up at a checkpoint in Quetta on Tuesday. Police found a second device on "
     "Wednesday.", SUN, None, D(2022, 6, 7)),
    # an update's year-less stamp lies after publication: it anchors nothing
    ("UPDATE (Wednesday, April 5): Jurors could not agree.\n\nFour men were shot on Sunday in a parking lot.",
     dt.datetime(2016, 2, 29), {1}, D(2016, 2, 28)),
]


@pytest.mark.parametrize("text,published,sents,start", LEAD_CASES)
def test_lead_and_wire_dates(nlp: Any, text: str, published: Optional[dt.datetime],
                             sents: Optional[set[int]], start: Optional[dt.date]) -> None:
    test_choose_event_date_more(nlp, text, published, sents, start)


# A weekday written with a full date is that date, before or after it, with or without commas;
# without a publication date a bare weekday takes the day of a written date shortly before it that
# falls on it. (text, published, expression, start date or None)
WEEKDAY_DATE_CASES = [
    ("Gunmen fired on worshippers on Friday, 14 July 2017, in Kano.", None, "Friday, 14 July 2017", D(2017, 7, 14)),
    ("Gunmen fired on worshippers on Friday 14 July 2017 in Kano.", None, "Friday 14 July 2017", D(2017, 7, 14)),
    ("Gunmen fired on worshippers on Friday, July 14, 2017, in Kano.", None, "Friday, July 14, 2017", D(2017, 7, 14)),
    ("Gunmen fired on worshippers on Friday the 14th of July 2017.", None, "Friday the 14th of July 2017",
     D(2017, 7, 14)),
    ("Gunmen fired on worshippers on 14 July 2017, a Friday, in Kano.", None, "14 July 2017, a Friday", D(2017, 7, 14)),
    ("Gunmen fired on worshippers on 14 July 2017 (Friday) in Kano.", None, "14 July 2017 (Friday)", D(2017, 7, 14)),
    ("Gunmen fired on worshippers on July 14, which was a Friday.", WED, "July 14, which was a Friday", D(2021, 7, 14)),
    ("Gunmen fired on worshippers on 14 July, a Friday.", None, "14 July, a Friday", None),
    # a year elsewhere in the text gives the year
    ("The bombing of 12 July 2017 was the first. Gunmen fired on worshippers on Friday 14 July.",
     None, "Friday 14 July", D(2017, 7, 14)),
    # a bare weekday after a written date on that weekday
    ("On 13 March 2015 a bomb hit a bus station in Maiduguri. Witnesses said the blast on Friday "
     "afternoon killed ten people.", None, "Friday afternoon", D(2015, 3, 13)),
    # ... nor when it is another week's ("the following Friday")
    ("On 13 March 2015 a bomb hit a bus station in Maiduguri. A second blast the following Friday "
     "killed ten people.", None, "Friday", None),
    # ... not when the weekdays differ
    ("On 12 March 2015 a bomb hit a bus station in Maiduguri. A second blast on Friday afternoon "
     "killed ten people.", None, "Friday afternoon", None),
]


@pytest.mark.parametrize("text,published,expr,start", WEEKDAY_DATE_CASES)
def test_weekday_with_a_written_date(nlp: Any, text: str, published: Optional[dt.datetime], expr: str,
                                     start: Optional[dt.date]) -> None:
    dates = find_dates(parse(nlp, text, published))
    assert only(dates, expr).date_start == start
    if start is not None:  # the weekday is part of the date, not a mention of its own
        assert not [d for d in dates if d.text != expr and d.date_start is None and d.relative]


# A weekday inside a name ("Bloody Sunday", "Good Friday") names no day.
@pytest.mark.parametrize("text", [
    "Marchers remembered the victims of Bloody Sunday in Derry.",
    "The Good Friday Agreement ended most of the fighting.",
    "Shoppers crowded the stores on Black Friday.",
])
def test_named_days_are_no_dates(nlp: Any, text: str) -> None:
    assert find_dates(parse(nlp, text)) == []


# ---- what the words around a day tell (an incident verb, a caption, a quote, a death, a heading) ----
# (text, published, event sentences or None for all, expected start date or None for no date)
DAY_CONTEXT_CASES = [
    # "opened fire" names the incident: its "open" does not make the day belong to something else
    ("The police chief met reporters on Wednesday. Video shows the gunman opened fire on Tuesday "
     "evening outside a laundromat.", WED, None, D(2021, 11, 16)),
    ("Residents gathered on Wednesday at the market where militants had opened fire on Monday, "
     "killing six traders.", WED, None, D(2021, 11, 15)),
    # a verbless piece of a sentence split at an abbreviation ("Birch Ave. | in the north end on
    # Saturday night.") is no stamp: its day is the incident's
    ("Officers found a man shot in the 2600 block of Birch Ave. in the north end on Saturday night. "
     "Police said Tuesday that he died.", WED, None, D(2021, 11, 13)),
    # a photo caption's day is when the picture was taken, often the morning after
    ("Police tape surrounds the house where two men were found shot on Tuesday. (Photo: Jane Roe, "
     "Daily Star)\n\nThe shooting happened late Monday, police said.", WED, None, D(2021, 11, 15)),
    # "Sunday's tragic events", "Friday's tragedy" name the incident
    ("The town came together Tuesday to remember the victims of Sunday's tragic events. Three people "
     "were killed when a gunman opened fire at a birthday party.", WED, None, D(2021, 11, 14)),
    ("Parents picked up their children early on Tuesday, still shaken by Friday's tragedy, in which a "
     "gunman wounded two students.", WED, None, D(2021, 11, 12)),
    # a relative day inside a quotation was said some time, not written on the day of publication
    ("\"They shot him right there last night,\" his mother said of her son, who was killed Sunday "
     "outside his home.", WED, None, D(2021, 11, 14)),
    ("\u201cMy cousin got shot today,\u201d a relative told reporters about the man wounded Monday "
     "evening near the park.", WED, None, D(2021, 11, 15)),
    # the words just before a day decide a death whatever the parse hangs the day from
    ("A girl was taken off life support at the hospital Monday around noon, her aunt said. Relatives "
     "said she was wounded on Friday as she sat on a porch.", WED, None, D(2021, 11, 12)),
    # "overnight" describing a noun says when in the day; the day written beside it says which day
    ("Security forces killed three militants in an overnight raid that ended early Tuesday in Kupwara "
     "district, police said.", WED, None, D(2021, 11, 16)),
    ("Two soldiers died in an overnight rebel attack on Monday near the border, the army said on "
     "Wednesday.", WED, None, D(2021, 11, 15)),
    # ... while "shot overnight" alone is dated the morning after, as before
    ("Two men were shot overnight outside a bar on Main Street, police said Wednesday.", WED, None,
     D(2021, 11, 17)),
    # without a publication date, a report's date heading is its best date, not a stamp to skip
    ("21 August 2020: Taliban fighters attacked a police post in Kunduz, killing 4 officers.",
     None, None, D(2020, 8, 21)),
    ("Date: 12 October 2020. Location: Kunduz. Gunmen attacked a checkpoint, killing four police officers.",
     None, None, D(2020, 10, 12)),
    # "took place" tells of the incident like "happened"
    ("Investigators interviewed witnesses on Monday and said the stabbing took place on Sunday evening "
     "near the river.", WED, None, D(2021, 11, 14)),
    # a day the parse hangs from the nouns of a place ("near the end of the route") still belongs to
    # the verb above them: the nearest verb governing it decides
    ("Detectives canvassed the neighborhood on Tuesday. A teenager was shot in the shoulder near the "
     "end of the parade route Saturday night.", WED, None, D(2021, 11, 13)),
    ("Volunteers handed out flyers on Tuesday. A man was shot in the hand near the entrance of the old "
     "train station Sunday night.", WED, None, D(2021, 11, 14)),
    # "afternoon" holds no clock time ("noon"): a count "by mid-afternoon Sunday" dates no incident
    ("A boy was shot and killed Saturday night while he played in his yard. By mid-afternoon Sunday, "
     "at least nine people had been shot across the city.", WED, None, D(2021, 11, 13)),
    ("A girl was shot in the arm Monday night on her porch. By early afternoon Tuesday, eleven people "
     "had been shot in the city since the weekend.", WED, None, D(2021, 11, 15)),
    # a sentence cut at a clock time's "p.m." / "a.m." leaves a verbless piece ("Sunday.") that is
    # no stamp: it tells of the incident like the rest of its sentence
    ("Deputies were called to a trailer park on Pine Road at around 10:45 p.m. Sunday. A woman had been "
     "shot in the arm, the sheriff said Tuesday.", WED, None, D(2021, 11, 14)),
    ("The campers had gone to bed early. But Sunday morning at 6:40 a.m. the ranger got a call about "
     "shots near the lake. Officials said Tuesday that two men were wounded.", WED, None, D(2021, 11, 14)),
    # a video's blurb, marked "(Published <date>)", tells its story in the words of a later bulletin
    ("Two men were hurt in a shooting early Wednesday outside a bowling alley. Ann Lee reports. "
     "(Published Wednesday, Nov. 17, 2021)\n\nTwo men were hurt in a shooting outside a bowling alley "
     "late Tuesday night, police said.", WED, None, D(2021, 11, 16)),
    ("A woman was shot in her car on Tuesday morning. Ben Ortiz has the story. (Published Tuesday, "
     "Nov. 16, 2021)\n\nA woman was shot in her car on the highway late Monday night, troopers said.",
     WED, None, D(2021, 11, 15)),
    # of two days that score alike, the one the text names again is the event's (not the first)
    ("A man was shot Friday night and a woman was shot Saturday night in the same block. The "
     "Saturday night shooting happened outside a corner store.", WED, None, D(2021, 11, 13)),
    ("A boy was wounded on Sunday and a girl was wounded on Monday at the same park. Monday's "
     "shooting left the girl in critical condition.", WED, None, D(2021, 11, 15)),
]


@pytest.mark.parametrize("text,published,sents,start", DAY_CONTEXT_CASES)
def test_day_context_decides_the_date(nlp: Any, text: str, published: Optional[dt.datetime],
                              sents: Optional[set[int]], start: Optional[dt.date]) -> None:
    test_choose_event_date_more(nlp, text, published, sents, start)


# A video playlist's titles beside the story ("1:16 Sunday Interview: ..."), each opening with the
# clip's length, date nothing of the story; nor is "2:31 May 9 ..." the 31st of May.
def test_playlist_titles_date_nothing(nlp: Any) -> None:
    text = ("A man was shot in the leg on Tuesday night outside a bar, police said.\n\n"
            "1:16 Sunday Interview: a baker on growing a family business\n\n"
            "2:31 May 9 protest at the library ends in arrests")
    p = parse(nlp, text)
    dates = find_dates(p)
    assert "31 May" not in [d.text for d in dates]
    chosen = choose_event_date(dates, p, set(range(len(p.sentences))))
    assert chosen is not None and chosen.date_start == D(2021, 11, 16)
    alone = choose_event_date([only(dates, "Sunday")], p, {1})
    assert alone is not None and alone.rule == "fallback.published"


# When the text dates nothing, the one day the title names (not after publication) dates the event
# before the publication date does; two days in the title, or none, leave the publication date.
@pytest.mark.parametrize("title,start,rule", [
    ("Girl wounded by stray bullet on New Year's Eve", D(2021, 12, 31), "fallback.title"),
    ("Girl wounded by stray bullet Friday night", D(2021, 12, 31), "fallback.title"),
    ("Girl wounded by stray bullet", D(2022, 1, 3), "fallback.published"),
    ("Two wounded Thursday, one Friday in stray-bullet shootings", D(2022, 1, 3), "fallback.published"),
])
def test_title_day_as_fallback(nlp: Any, title: str, start: dt.date, rule: str) -> None:
    text = "A 12-year-old girl was struck by a stray bullet while standing in her yard, deputies said."
    p = parse_article(Article("t", text, published=dt.datetime(2022, 1, 3, 9), title=title), nlp)
    chosen = choose_event_date(find_dates(p), p, {0})
    assert chosen is not None and (chosen.date_start, chosen.rule) == (start, rule)


# What the article gives all its events (anchor, title days, contexts) is read once and handed to
# each event's choice: the choice is the same as when it reads them itself.
@pytest.mark.parametrize("text,published,sents", [
    ("Two men were shot Saturday night outside a bar. A third man was wounded early Sunday across "
     "town. Police said Monday that both shootings remain under investigation.", WED, [{0}, {1}, {2}]),
    ("On 3 March 2021 gunmen attacked a checkpoint in Kunduz, killing four police officers. On "
     "Sunday, a roadside bomb wounded two soldiers nearby.", None, [{0}, {1}, {0, 1}]),
])
def test_article_dates_read_once_choose_the_same(nlp: Any, text: str, published: Optional[dt.datetime],
                                                 sents: list[set[int]]) -> None:
    parsed = parse(nlp, text, published)
    dates = find_dates(parsed)
    article = ArticleDates(dates, parsed)
    for event_sentences in sents:
        assert choose_event_date(dates, parsed, event_sentences, article) == \
            choose_event_date(dates, parsed, event_sentences)


# (text, published, expected start date, rule of the chosen mention)
NIGHT_CASES = [
    # "overnight" is dated the morning after ... unless the text names the evening's day for the
    # violence (an incident word or a clock time beside it)
    ("Two brothers were shot overnight outside a pool hall. The first shots were fired at about "
     "11:20 p.m. Tuesday on Elm Street.", WED, D(2021, 11, 16), "date.weekday_part"),
    ("A cab driver was robbed and wounded overnight. He was shot late Tuesday night near the bus "
     "depot, the sheriff said.", WED, D(2021, 11, 16), "date.weekday_part"),
    # "last night" may have run past midnight: a named morning of publication day tells so
    ("A teenager was wounded last night at a house party. Deputies said he was shot around 1:15 a.m. "
     "Wednesday in the backyard.", WED, D(2021, 11, 17), "date.weekday_part"),
    # a day named for something else leaves the night as it was
    ("Two brothers were shot overnight outside a pool hall. The gunman was still at large Tuesday, "
     "officers said.", WED, D(2021, 11, 17), "date.overnight"),
    ("A teenager was wounded last night at a house party. The family spoke to reporters on "
     "Wednesday morning.", WED, D(2021, 11, 16), "date.last_night"),
    # "yesterday" names a day, not a night: a clock time the next morning does not move it
    ("A grocer was shot yesterday at his store. Another man was found shot at 2 a.m. Wednesday "
     "three miles away.", WED, D(2021, 11, 16), "date.yesterday"),
]


@pytest.mark.parametrize("text,published,start,rule", NIGHT_CASES)
def test_a_named_day_tells_which_day_of_the_night(nlp: Any, text: str, published: dt.datetime,
                                                  start: dt.date, rule: str) -> None:
    p = parse(nlp, text, published)
    chosen = choose_event_date(find_dates(p), p, {0})
    assert chosen is not None and (chosen.date_start, chosen.rule) == (start, rule), chosen
