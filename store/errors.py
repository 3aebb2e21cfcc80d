"""Errors the store raises for the user to read.

Every error names the file it is about and says what is wrong in one line, so the
command line and the app can show ``str(error)`` as it is, never a traceback.
"""

from __future__ import annotations


class ReaderError(Exception):
    """A problem the user can act on; ``str()`` is the whole message."""


class IngestError(ReaderError):
    """A file could not be read as an article."""


class StoreError(ReaderError):
    """The database could not be opened, read or written."""
