"""Export: the chosen annotations written in a format, picked by name or by a file's
suffix."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TextIO

from store.db import Store
from store.errors import StoreError
from store.formats.csl import write_csl
from store.formats.csv_table import write_csv
from store.formats.hypothesis import write_hypothesis
from store.formats.markdown import write_markdown
from store.formats.selection import Chosen, Selection
from store.formats.w3c_items import write_json

FORMATS = ("markdown", "json", "csv", "hypothesis", "csl")
SUFFIXES = {".json": "json", ".jsonld": "json", ".csv": "csv"}


def format_of(path: Path) -> str:
    """The format a file name asks for: .json and .csv by name, else markdown."""
    return SUFFIXES.get(path.suffix.lower(), "markdown")


def export(
    store: Store,
    format: str,
    out: TextIO,
    selection: Selection | None = None,
    *,
    csv_raw: bool = False,
    excel: bool = False,
) -> list[str]:
    """Write the chosen annotations to ``out`` in ``format`` (one of ``FORMATS``); what
    the format had to leave out, one line each (Hypothesis: the links).

    CSV cells that would start a formula are neutralised unless ``csv_raw``; ``excel``
    starts the CSV with a BOM. ``csl`` writes the sources, not the annotations.
    """
    writers: dict[str, Callable[[Chosen, TextIO], list[str] | None]] = {
        "markdown": write_markdown,
        "json": write_json,
        "csv": partial(write_csv, raw=csv_raw, excel=excel),
        "hypothesis": write_hypothesis,
        "csl": write_csl,
    }
    if format not in writers:
        raise StoreError(f"no format {format!r}: choose one of {', '.join(FORMATS)}")
    return writers[format](Chosen(store, selection or Selection()), out) or []
