"""warwire: news reports of armed conflict and political violence in, event data out.

The library's entry points live in ``warwire.api`` (extract, ingest, export, eval); the
``warwire`` command (``warwire.cli``) and the web app (``warwire.web``) are thin over it.
"""
from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("warwire")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"
