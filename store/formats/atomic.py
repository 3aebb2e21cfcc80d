"""Files written whole or not at all: an export never leaves half a file behind."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from store.errors import StoreError


@contextmanager
def write_atomically(path: Path, force: bool = False) -> Iterator[TextIO]:
    """A file that appears at ``path`` whole, or not at all.

    It is written beside ``path`` and renamed over it at the end; an existing
    file is replaced only with ``force``.
    """
    if path.exists() and not force:
        raise StoreError(f"{path}: the file exists; use --force to replace it")
    folder = path.parent if str(path.parent) else Path(".")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=folder)
    except OSError as err:
        raise StoreError(f"{path}: cannot be written ({err.strerror or err})") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            yield out
        os.replace(temporary, path)
    except OSError as err:
        os.unlink(temporary)
        raise StoreError(f"{path}: cannot be written ({err.strerror or err})") from None
    except BaseException:
        os.unlink(temporary)
        raise
