"""The comparison gives the same result from one run to the next (the cache and the
ids of the suggestions the user decided on count on it)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_the_comparison_is_the_same_from_one_run_to_the_next() -> None:
    """Whatever the string hashing of the run (``PYTHONHASHSEED``): no set's order
    decides which wordings are compared first."""
    check = (
        "import hashlib, json\n"
        "from benchmarks.corpus import event_articles\n"
        "from store import open_store\n"
        "from store.db.comparing import compare\n"
        "from store.formats.comparison import to_json\n"
        "store = open_store(':memory:')\n"
        "for title, outlet, text in event_articles(120, 800):\n"
        "    store.add_article(text, title=title, outlet=outlet)\n"
        "print(hashlib.sha256(json.dumps(to_json(compare(store))).encode()).hexdigest())\n"
    )
    root = Path(__file__).resolve().parent.parent
    runs = {
        subprocess.run(
            [sys.executable, "-c", check],
            capture_output=True,
            text=True,
            check=True,
            cwd=root,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(runs) == 1
