"""Rules and lexicons as data. Each file in this folder is YAML or TSV; every rule has an ``id``
that the output names when the rule fires. ``load_yaml``/``load_tsv`` read them (cached)."""
from __future__ import annotations

import csv
import functools
from importlib import resources as importlib_resources
from typing import Any

import yaml

from ..errors import ConfigError


def read_text(name: str) -> str:
    """The text of rule file ``name`` as packaged."""
    try:
        return importlib_resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ConfigError(f"rule file {name!r} is missing from the package",
                          "reinstall warwire") from exc


@functools.lru_cache(maxsize=None)
def load_yaml(name: str) -> Any:
    """Parse rule file ``name`` (e.g. ``"casualties.yaml"``)."""
    try:
        return yaml.safe_load(read_text(name))
    except yaml.YAMLError as exc:
        raise ConfigError(f"rule file {name!r} is not valid YAML: {exc}") from exc


@functools.lru_cache(maxsize=None)
def load_tsv(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a tab-separated rule file with a header line; lines starting with # are comments."""
    lines = [ln for ln in read_text(name).splitlines() if ln.strip() and not ln.startswith("#")]
    return tuple(dict(row) for row in csv.DictReader(lines, delimiter="\t"))
