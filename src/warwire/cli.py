"""The ``warwire`` command: thin typer commands over ``api.py``, each with an example in its help.
Library errors (``WarwireError``) become one-line messages here, never tracebacks."""
from __future__ import annotations

# --- extract / eval ------------------------------------------------------------------------

# --- corpus: ingest, export, events ---------------------------------------------------------
