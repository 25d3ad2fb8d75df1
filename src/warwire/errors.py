"""One family of errors: every failure warwire reports carries a code, a message and a hint.

Library code raises these; only ``cli.py`` and ``web/`` turn them into user-facing messages.
"""
from __future__ import annotations


class WarwireError(Exception):
    """Base error: ``code`` is stable (for machines), ``message`` says what was wrong and where,
    ``hint`` says what to do."""

    code = "error"

    def __init__(self, message: str, hint: str = "", *, item: str | None = None):
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.item = item

    def __str__(self) -> str:
        where = f"{self.item}: " if self.item else ""
        tail = f" ({self.hint})" if self.hint else ""
        return f"{where}{self.message}{tail}"


class InputError(WarwireError):
    """An input article or file is unusable (empty, binary, too large, broken JSON...)."""

    code = "input"


class ConfigError(WarwireError):
    """A setting, rule file or resource (model, gazetteer) is missing or wrong."""

    code = "config"


class StoreError(WarwireError):
    """The event store cannot be read or written (locked, unreachable, wrong schema)."""

    code = "store"
