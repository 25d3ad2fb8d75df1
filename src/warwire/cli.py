"""The ``warwire`` command: thin typer commands over ``api.py``, each with an example in its help.
Library errors (``WarwireError``) become one-line messages here, never tracebacks."""
from __future__ import annotations

import json
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from . import api
from .errors import InputError, WarwireError
from .settings import load_settings

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="warwire: news reports of armed conflict and political violence in, event data out.")
err = Console(stderr=True)
out = Console(width=None if sys.stdout.isatty() else 120)  # tables unwrapped in pipes and files


@contextmanager
def _friendly_errors() -> Iterator[None]:
    """Library errors become one line on stderr and exit code 2; never a traceback."""
    try:
        yield
    except WarwireError as exc:
        err.print(f"[bold red]warwire:[/] {exc.message}", highlight=False)
        if exc.hint:
            err.print(f"  hint: {exc.hint}", highlight=False)
        raise typer.Exit(2) from None
    except KeyboardInterrupt:
        err.print("warwire: interrupted")
        raise typer.Exit(130) from None


@contextmanager
def _open_output(output: Optional[Path]) -> Iterator:
    """The file to write (closed afterwards), or standard output (left open)."""
    if output is None:
        yield sys.stdout
        return
    try:
        handle = open(output, "w", encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot write {output}: {exc.strerror}", "choose another --output path") from exc
    with handle:
        yield handle


def _progress(enabled: bool) -> Progress:
    return Progress(TextColumn("[progress.description]{task.description}"), BarColumn(),
                    MofNCompleteColumn(), TextColumn("{task.fields[status]}"), TimeRemainingColumn(),
                    console=err, disable=not enabled, transient=True)


# --- extract / eval ------------------------------------------------------------------------
@app.command()
def extract(
    paths: list[str] = typer.Argument(..., help="article files (text, HTML), JSONL of items, folders; - reads stdin"),
    jsonl: bool = typer.Option(False, "--jsonl", help="one compact result per line, in input order"),
    fmt: str = typer.Option("json", "--format", help="json | jsonl | summary (a readable table)"),
    workers: Optional[int] = typer.Option(None, help="worker processes (default: one per core)"),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="write here instead of stdout"),
    progress: Optional[bool] = typer.Option(None, help="progress bar on stderr (default: when a terminal)"),
    config: Optional[Path] = typer.Option(None, help="settings file (TOML)"),
) -> None:
    """Extract events from articles and print them as contract JSON.

    Example: warwire extract article.txt

    Example: warwire extract articles.jsonl --jsonl -o events.jsonl

    Example: warwire extract src/warwire/examples --format summary
    """
    if fmt not in ("json", "jsonl", "summary"):
        err.print(f"warwire: --format must be json, jsonl or summary, not {fmt!r}")
        raise typer.Exit(2)
    jsonl = jsonl or fmt == "jsonl"
    with _friendly_errors():
        settings = load_settings(config)
        failed = 0
        show = err.is_terminal if progress is None else progress
        with _progress(show) as bar, _open_output(output) as sink:
            task = bar.add_task("extracting", total=None, status="")
            # Wide enough for the summary table when writing to a file or a pipe.
            summary_console = Console(file=sink, width=None if sink.isatty() else 180)
            for result in api.extract_paths(paths, settings, workers):
                if result.error:
                    failed += 1
                    err.print(f"warwire: skipped {result.id}: {result.error}", highlight=False, markup=False)
                bar.update(task, advance=1, status=f"{failed} failed" if failed else "")
                if fmt == "summary":
                    _print_summary(result, summary_console)
                    continue
                data = result.model_dump(mode="json")
                sink.write(json.dumps(data, ensure_ascii=False) if jsonl
                           else json.dumps(data, ensure_ascii=False, indent=2))
                sink.write("\n")
        if failed:
            err.print(f"warwire: {failed} item(s) failed", highlight=False)
            raise typer.Exit(1)


def _figure(est) -> str:
    if est.best is None:
        return "-"
    if est.low == est.high == est.best:
        return str(est.best)
    return f"{est.best} ({est.low}–{'?' if est.high is None else est.high})"


def _print_summary(result, console: Console) -> None:
    """One article as a readable table: its events, where, when, who, how many."""
    title = result.article.title or result.id
    if result.error:
        console.print(f"[bold]{title}[/]: [red]{result.error}[/]", highlight=False)
        return
    table = Table(title=f"{title}  ({result.article.published or 'no date'})", title_justify="left")
    for col in ("#", "event", "date", "place", "actors", "killed", "injured", "other"):
        table.add_column(col, overflow="fold")
    for n, ev in enumerate(result.events):
        loc = ev.location
        place = ", ".join(x for x in (loc.name, loc.admin1, loc.country) if x) or "-"
        if loc.precision:
            place += f" (p{loc.precision})"
        others = [f"{c.best} {c.category} ({c.country or '?'})" for c in ev.casualties
                  if c.category not in ("killed", "injured") and c.best is not None]
        table.add_row(str(n), ev.sub_event_type + (" (historical)" if ev.historical else ""),
                      ev.date.start or "-", place,
                      "; ".join(f"{a.name} ({a.role})" for a in ev.actors) or "-",
                      _figure(ev.fatalities), _figure(ev.injured), "; ".join(others) or "-")
    if not result.events:
        table.add_row("-", "no violent or political event", "", "", "", "", "", "")
    console.print(table)
    for warning in result.warnings:
        console.print(f"  note: {warning}", highlight=False)


@app.command("eval")
def eval_command(
    path: str = typer.Argument(..., help="JSONL of evaluation items (contract.md)"),
    as_json: bool = typer.Option(False, "--json", help="print the scores as JSON"),
    dedup: bool = typer.Option(False, "--dedup", help="score deduplication (B-cubed) instead"),
    limit: Optional[int] = typer.Option(None, help="score only the first N items"),
    workers: Optional[int] = typer.Option(None, help="worker processes (default: one per core)"),
    config: Optional[Path] = typer.Option(None, help="settings file (TOML)"),
) -> None:
    """Score the extraction against gold, field by field (main event vs gold).

    Example: warwire eval ../shared/data/gvc-dev.jsonl
    """
    import time

    with _friendly_errors():
        settings = load_settings(config)
        if dedup:
            report = api.evaluate_dedup_path(path, settings, workers, limit)
            if as_json:
                out.print_json(data=report)
            else:
                table = Table(title=f"deduplication, B-cubed ({report.get('articles', '?')} articles)")
                for key in ("precision", "recall", "f1"):
                    table.add_column(key, justify="right")
                table.add_row(*(f"{report[k]:.3f}" for k in ("precision", "recall", "f1")))
                out.print(table)
            return
        started = time.perf_counter()
        with _progress(err.is_terminal) as bar:
            task = bar.add_task("scoring", total=limit, status="")
            report = api.evaluate(path, settings, workers, limit,
                                  on_result=lambda r: bar.update(task, advance=1))
        seconds = time.perf_counter() - started
        if as_json:
            out.print_json(data={**report.as_dict(), "seconds": round(seconds, 1)})
            return
        from .evaluation import FIELD_LABELS

        table = Table(title=f"{path}: {report.items} items, {report.failed} failed, "
                            f"{report.no_event} without event, {seconds:.0f} s")
        table.add_column("field")
        table.add_column("scored", justify="right")
        table.add_column("correct", justify="right")
        table.add_column("accuracy", justify="right")
        for name, fs in report.fields.items():
            if fs.scored:
                table.add_row(FIELD_LABELS[name], str(fs.scored), str(fs.correct), f"{fs.accuracy:.1%}")
        out.print(table)


@app.command("settings")
def settings_command(config: Optional[Path] = typer.Option(None, help="settings file (TOML)")) -> None:
    """Show the settings in force and where each can be changed.

    Example: WARWIRE_WORKERS=1 warwire settings
    """
    from dataclasses import asdict

    from .settings import SETTING_HELP

    with _friendly_errors():
        current = asdict(load_settings(config))
    table = Table(title="settings (warwire.toml [warwire] table, or WARWIRE_<NAME>)")
    for col in ("name", "value", "help"):
        table.add_column(col)
    for name, value in current.items():
        table.add_row(name, repr(value), SETTING_HELP.get(name, ""))
    out.print(table)


# --- serve ---------------------------------------------------------------------------------
@app.command()
def serve(
    db: Optional[str] = typer.Option(None, "--db", help="event store URL (default: the db setting)"),
    host: str = typer.Option("127.0.0.1", help="address to listen on (loopback by default)"),
    port: int = typer.Option(8000, help="port to listen on"),
    tiles: str = typer.Option("", help="online tile layer URL template ({z}/{x}/{y}); default: none, "
                                       "the map uses the shipped country outlines only"),
    config: Optional[Path] = typer.Option(None, help="settings file (TOML)"),
) -> None:
    """Serve the event dashboard (map, timeline, table, event and article pages) and its JSON API.

    Example: warwire serve --db sqlite:///warwire.db

    Example: warwire serve --port 8080   (then open http://127.0.0.1:8080/events)
    """
    import uvicorn

    from .web import create_app

    with _friendly_errors():
        settings = load_settings(config)
        web_app = create_app(db or settings.db, settings, tile_url=tiles)
    err.print(f"warwire: serving {db or settings.db} on http://{host}:{port}/events", highlight=False)
    uvicorn.run(web_app, host=host, port=port, log_level="warning")


# --- gazetteer -----------------------------------------------------------------------------
gazetteer_app = typer.Typer(no_args_is_help=True, help="The place-name index (gazetteer).")
app.add_typer(gazetteer_app, name="gazetteer")


@gazetteer_app.command("import")
def gazetteer_import(
    dump: Path = typer.Argument(..., help="folder with allCountries.txt, admin1CodesASCII.txt, "
                                          "admin2Codes.txt (GeoNames dump, unzipped)"),
    out: Path = typer.Option(Path("gazetteer"), "--out", help="folder to write gazetteer.sqlite into"),
) -> None:
    """Import a full GeoNames dump into an index; set gazetteer_path to its folder to use it.

    Example: warwire gazetteer import ~/geonames --out ~/wwgaz && export WARWIRE_GAZETTEER_PATH=~/wwgaz
    """
    with _friendly_errors():
        info = api.import_gazetteer(str(dump), str(out))
    out_console = Console()
    out_console.print(json.dumps(info, indent=2))


def main() -> None:
    app()

# --- corpus: ingest, export, events ---------------------------------------------------------
def _event_filter(since: Optional[str], until: Optional[str], country: Optional[str],
                  event_type: Optional[str], min_fatalities: Optional[int],
                  actor: Optional[str] = None) -> "EventFilter":  # noqa: F821
    import datetime as dt

    from .errors import InputError
    from .api import EventFilter

    def day(value: Optional[str], name: str) -> Optional[dt.date]:
        if not value:
            return None
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise InputError(f"{name} must be a date like 2021-11-16, not {value!r}") from None

    return EventFilter(date_from=day(since, "--since"), date_to=day(until, "--until"),
                       country=country.upper() if country else None, event_type=event_type,
                       min_fatalities=min_fatalities, actor=(actor or "").strip() or None)


_SINCE = typer.Option(None, "--since", help="events from this date on (YYYY-MM-DD)")
_UNTIL = typer.Option(None, "--until", help="events up to this date (YYYY-MM-DD)")
_COUNTRY = typer.Option(None, "--country", help="ISO alpha-3 country code, e.g. SYR")
_TYPE = typer.Option(None, "--event-type", help="e.g. battles, violence_against_civilians")
_MIN_FAT = typer.Option(None, "--min-fatalities", help="at least this many killed (best estimate)")
_ACTOR = typer.Option(None, "--actor", help="part of an actor's name, any case, e.g. 'forces of syria'")
_DB = typer.Option(None, "--db", help="store URL (default: the db setting, sqlite:///warwire.db)")


@app.command()
def ingest(
    sources: list[str] = typer.Argument(..., help="files, folders, JSONL, HTML, RSS/Atom feeds (files or URLs), WARC files"),
    db: Optional[str] = _DB,
    workers: Optional[int] = typer.Option(None, help="worker processes (default: one per core)"),
    progress: Optional[bool] = typer.Option(None, help="progress bar on stderr (default: when a terminal)"),
    as_json: bool = typer.Option(False, "--json", help="print the ingest report as JSON"),
    config: Optional[Path] = typer.Option(None, help="settings file (TOML)"),
    cluster: Optional[str] = typer.Option(None, "--cluster", help="run on Dask: tcp://HOST:PORT (a running scheduler) or local:N (N local worker processes)"),
    parquet: Optional[Path] = typer.Option(None, "--parquet", help="also write the stored events as a Parquet dataset partitioned by event date into DIR"),
) -> None:
    """Extract events from articles and store them, merging reports of one event.

    Re-ingesting an article changes nothing (it is reported as already known). Writes are
    transactional per batch: an interrupted ingest can simply be run again.

    Example: warwire ingest news/ feed.xml crawl.warc.gz --db sqlite:///events.db

    Example: warwire ingest https://example.org/world/rss --db postgresql://localhost/warwire

    Example: warwire ingest crawl/ --cluster local:2 --parquet events/   (Dask, two local workers)
    """
    import time

    from rich.progress import TaskProgressColumn, TimeElapsedColumn

    with _friendly_errors():
        settings = load_settings(config, db=db)
        show = err.is_terminal if progress is None else progress
        bar = Progress(TextColumn("[progress.description]{task.description}"), BarColumn(),
                       MofNCompleteColumn(), TaskProgressColumn(),
                       TextColumn("{task.fields[status]}"),
                       TextColumn("{task.fields[rate]}"), TimeElapsedColumn(),
                       TimeRemainingColumn(), console=err, disable=not show, transient=False)
        started = time.perf_counter()
        with bar:
            task = bar.add_task("ingesting", total=None, status="", rate="")

            def tick(p: "IngestProgress") -> None:  # noqa: F821
                rate = p.done / max(time.perf_counter() - started, 1e-6)
                bar.update(task, completed=p.done, total=p.total,
                           status=f"{p.events} events · {p.known} known · {p.failures} failed",
                           rate=f"{rate:.1f} art/s")

            if cluster:
                report = _ingest_on_cluster(sources, cluster, db, parquet, settings, bar, task, started)
            else:
                report = api.ingest(sources, settings.db, settings, progress=tick, workers=workers)
                if parquet is not None:
                    api.write_parquet_dataset(settings.db, str(parquet))
    for msg in report.failure_messages[:20]:
        err.print(f"warwire: skipped {msg}", highlight=False, markup=False)
    if report.failures > 20:
        err.print(f"warwire: ... and {report.failures - 20} more skipped", highlight=False)
    if as_json:
        out.print_json(data=report.model_dump())
        return
    err.print(f"{report.articles_new} new articles, {report.articles_known} already known, "
              f"{report.failures} failed; {report.events_found} events read: "
              f"{report.events_new} new, {report.events_merged} merged into stored events "
              f"({report.seconds:.1f} s)", highlight=False)
    if report.failures and not report.articles_new and not report.articles_known:
        raise typer.Exit(1)


def _ingest_on_cluster(sources: list[str], cluster: str, db: Optional[str], parquet: Optional[Path],
                       settings: "Settings", bar: Progress, task: "TaskID", started: float  # noqa: F821
                       ) -> "ClusterReport":  # noqa: F821
    """``ingest --cluster``: progress shows partitions, articles, failures and the rate; the Dask
    dashboard link is printed first. The store is written unless only --parquet was given."""
    shown: list[str] = []

    def tick(p: "ClusterProgress") -> None:  # noqa: F821
        if p.dashboard and not shown:
            shown.append(p.dashboard)
            err.print(f"warwire: Dask dashboard {p.dashboard} ({p.workers} workers, "
                      f"{p.partitions_total} partitions)", highlight=False, markup=False)
        bar.update(task, completed=p.done, total=p.total,
                   status=f"partitions {p.partitions_done}/{p.partitions_total} · "
                          f"{p.extracted} extracted · {p.events} events · {p.failures} failed",
                   rate=f"{p.rate:.1f} art/s")

    store_db = settings.db if (db or parquet is None) else None
    return api.ingest_distributed(sources, cluster, db=store_db,
                                  parquet=str(parquet) if parquet is not None else None,
                                  settings=settings, progress=tick)


@app.command("export")
def export_command(
    fmt: str = typer.Option("jsonl", "--format", "-f", help="jsonl | acled | ucdp | geojson | parquet"),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="file to write (default stdout; parquet needs one)"),
    db: Optional[str] = _DB,
    since: Optional[str] = _SINCE, until: Optional[str] = _UNTIL,
    country: Optional[str] = _COUNTRY, event_type: Optional[str] = _TYPE,
    min_fatalities: Optional[int] = _MIN_FAT, actor: Optional[str] = _ACTOR,
    config: Optional[Path] = typer.Option(None, help="settings file (TOML)"),
) -> None:
    """Export stored events: JSONL (contract events with their sources), ACLED-style CSV,
    UCDP-GED-style CSV, GeoJSON or Parquet.

    Example: warwire export --format acled --country SYR --since 2019-01-01 -o syria.csv

    Example: warwire export --format parquet -o events.parquet --db postgresql://localhost/warwire
    """
    with _friendly_errors():
        settings = load_settings(config, db=db)
        filters = _event_filter(since, until, country, event_type, min_fatalities, actor)
        n = api.export(settings.db, fmt, filters, str(output) if output else None)
    if output:
        err.print(f"{n} events written to {output}", highlight=False)


@app.command("events")
def events_command(
    db: Optional[str] = _DB,
    since: Optional[str] = _SINCE, until: Optional[str] = _UNTIL,
    country: Optional[str] = _COUNTRY, event_type: Optional[str] = _TYPE,
    min_fatalities: Optional[int] = _MIN_FAT, actor: Optional[str] = _ACTOR,
    limit: int = typer.Option(50, help="rows to show"),
    offset: int = typer.Option(0, help="rows to skip"),
    config: Optional[Path] = typer.Option(None, help="settings file (TOML)"),
) -> None:
    """List stored events, newest first.

    Example: warwire events --country USA --min-fatalities 3 --limit 20

    Example: warwire events --actor "military forces of syria"
    """
    with _friendly_errors():
        settings = load_settings(config, db=db)
        filters = _event_filter(since, until, country, event_type, min_fatalities, actor)
        events, total = api.query_events(settings.db, filters, limit=limit, offset=offset)
    table = Table(title=f"{total} events" + (f" (showing {offset + 1}-{offset + len(events)})"
                                             if total > len(events) else ""))
    for col, just in (("id", "left"), ("date", "left"), ("type", "left"), ("place", "left"),
                      ("killed", "right"), ("injured", "right"), ("sources", "right")):
        table.add_column(col, justify=just,  # type: ignore[arg-type]
                         no_wrap=col in ("id", "date", "sources"))

    def est(e: "Estimate") -> str:  # noqa: F821
        if e.best is None:
            return ""
        if e.low is not None and e.high is not None and (e.low, e.high) != (e.best, e.best):
            return f"{e.best} ({e.low}-{e.high})"
        return str(e.best) if e.high is not None or e.low is None else f"{e.best} (≥{e.low})"

    for ev in events:
        place = ", ".join(dict.fromkeys(x for x in (ev.location.name, ev.location.admin1,
                                                    ev.location.country) if x))
        table.add_row(ev.id, ev.date.start or "",
                      f"{ev.event_type}/{ev.sub_event_type}" + (" (historical)" if ev.historical else ""),
                      place, est(ev.fatalities), est(ev.injured), str(len(ev.sources)))
    # piped or in `make demo`'s log: wide enough that ids and dates are never cut
    (out if out.is_terminal else Console(width=max(out.width, 140))).print(table)
