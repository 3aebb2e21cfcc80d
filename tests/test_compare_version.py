"""The version of the cached quotations follows the finder's code and the lexicon:
a change to either makes every cached quotation be found again, with no number to
bump by hand; and working it out costs the start-up nothing."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from store import Store
from store.compare import lexicon
from store.compare.version import cache_version, finder_files, version_of
from store.db.comparing import cached_quotes, compare


def copies(tmp_path: Path) -> list[Path]:
    """The finder's files, copied (each in a folder of its own: two are __init__.py)."""
    out = []
    for n, path in enumerate(finder_files()):
        folder = tmp_path / str(n)
        folder.mkdir()
        out.append(Path(shutil.copy(path, folder / path.name)))
    return out


def test_the_version_is_a_63_bit_integer_of_the_finder_and_the_lexicon() -> None:
    names = {path.name for path in finder_files()}
    assert {"quotes.py", "speakers.py", "en.json"} <= names
    assert 0 <= cache_version() < 2**63
    assert cache_version() == version_of(finder_files())


def test_changing_a_lexicon_entry_changes_the_version(tmp_path: Path) -> None:
    files = copies(tmp_path)
    before = version_of(files)
    assert version_of(files) == before
    data = next(path for path in files if path.name == "en.json")
    document = json.loads(data.read_text(encoding="utf-8"))
    document["lists"]["speech_verbs"]["words"].append("murmured")
    data.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    assert version_of(files) != before


def test_changing_the_finder_s_code_changes_the_version(tmp_path: Path) -> None:
    files = copies(tmp_path)
    before = version_of(files)
    quotes = next(path for path in files if path.name == "quotes.py")
    quotes.write_text(quotes.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert version_of(files) != before


def test_quotations_cached_by_another_version_are_found_again(store: Store) -> None:
    text = "Town news\n\n“We will rebuild the bridge before winter,” said Ana Varga.\n"
    article, _ = store.add_article(text, title="One", outlet="One")
    with store.transaction() as conn:
        conn.execute(
            "INSERT INTO compare_cache (article_id, version, quotes) VALUES (?, ?, ?)",
            (article, 6, json.dumps([[0, 4, "Town", "", True, False]])),
        )
    assert cached_quotes(store) == {}
    compare(store)
    ((version,),) = store.conn.execute("SELECT version FROM compare_cache").fetchall()
    assert version == cache_version()
    (quote,) = cached_quotes(store)[article]
    assert quote.exact.startswith("We will rebuild") and quote.speaker == "Ana Varga"


def test_starting_the_app_neither_hashes_nor_loads_the_engine() -> None:
    check = (
        "import sys, tui.cli, tui.app\n"
        "print(sorted(m for m in sys.modules if m.startswith('store.compare')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", check], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
    assert lexicon.LANGUAGES == ("en",)
