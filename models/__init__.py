"""Newsdesk without a screen: ingest, analysis, store and export.

Nothing in this package imports Qt; the command line and the tests drive it directly.
"""

__version__ = "0.1.0"
