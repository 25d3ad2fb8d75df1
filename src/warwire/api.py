"""The one place behaviour lives. The CLI (``cli.py``) and the web app (``web/``) are thin layers
over these functions; only this module touches the store.

- extract: articles → contract ``Result``s (no store)
- evaluate: evaluation items → per-field scores
- corpus: ingest, query, export (the store)
"""
from __future__ import annotations

# --- extract -------------------------------------------------------------------------------

# --- evaluate ------------------------------------------------------------------------------

# --- corpus: ingest, query, export ----------------------------------------------------------
