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
from .errors import WarwireError
from .settings import load_settings

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="warwire: news reports of armed conflict and political violence in, event data out.")
err = Console(stderr=True)
out = Console()


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
        sink = open(output, "w", encoding="utf-8") if output else sys.stdout
        failed = 0
        show = err.is_terminal if progress is None else progress
        with _progress(show) as bar, sink:
            task = bar.add_task("extracting", total=None, status="")
            for result in api.extract_paths(paths, settings, workers):
                if result.error:
                    failed += 1
                    err.print(f"warwire: skipped {result.id}: {result.error}", highlight=False, markup=False)
                bar.update(task, advance=1, status=f"{failed} failed" if failed else "")
                if fmt == "summary":
                    _print_summary(result, Console(file=sink) if output else out)
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
        table.add_row(str(n), f"{ev.sub_event_type}{' [historical]' if ev.historical else ''}",
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


def main() -> None:
    app()

# --- corpus: ingest, export, events ---------------------------------------------------------
