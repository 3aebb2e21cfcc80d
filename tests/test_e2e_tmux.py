"""The installed ``reader`` in a real terminal (tmux): start, read the screen, type, quit."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from store.text.segment import next_word

READER = Path(sys.executable).parent / "reader"

if shutil.which("tmux") is None and not os.environ.get("CI"):
    pytest.skip("tmux is not installed (CI installs it)", allow_module_level=True)


class Terminal:
    """A tmux session of its own, on a private server, running one command."""

    def __init__(self, command: str, width: int, height: int) -> None:
        self.socket = f"reader-test-{uuid.uuid4().hex[:8]}"
        self._tmux("new-session", "-d", "-s", "t", "-x", str(width), "-y", str(height), command)

    def _tmux(self, *args: str) -> str:
        result = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, timeout=10
        )
        return result.stdout

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", "t")

    def press(self, *keys: str) -> None:
        self._tmux("send-keys", "-t", "t", *keys)

    def wait_for(self, check: Callable[[str], bool], timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if check(screen):
                return screen
            time.sleep(0.1)
        raise AssertionError(f"timed out; the screen was:\n{screen}")

    def close(self) -> None:
        self._tmux("kill-server")


@pytest.fixture
def terminal_for(tmp_path: Path) -> Iterator[Callable[..., Terminal]]:
    opened: list[Terminal] = []

    def start(*args: str, width: int = 160, height: int = 48) -> Terminal:
        environment = (
            f"env -u COLUMNS -u LINES READER_DB={tmp_path / 'reader.db'} TERM=xterm-256color"
        )
        command = " ".join([environment, str(READER), *args, "; echo EXITED $?; sleep 30"])
        terminal = Terminal(command, width, height)
        opened.append(terminal)
        return terminal

    yield start
    for terminal in opened:
        terminal.close()


def status_line(screen: str) -> str:
    """The status line: the one that shows the cursor's row and character."""
    return next((line for line in screen.split("\n") if " row " in line and " char " in line), "")


def test_first_run_in_a_real_terminal(
    terminal_for: Callable[..., Terminal], tmp_path: Path
) -> None:
    term = terminal_for()
    screen = term.wait_for(lambda s: "CBS News" in s and "row 1/" in s)
    header = "\n".join(screen.split("\n")[:3])
    for outlet in ("CNN", "CBS News", "Global News"):
        assert outlet in header
    assert status_line(screen).strip().startswith("CNN")

    term.press("Tab")
    term.wait_for(lambda s: status_line(s).strip().startswith("CBS News"))
    term.press("j", "j", "j")
    term.wait_for(lambda s: "row 4/" in status_line(s))

    term.press("q")
    term.wait_for(lambda s: "EXITED 0" in s)
    with sqlite3.connect(tmp_path / "reader.db") as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 5


def test_bad_file_message_in_a_real_terminal(
    terminal_for: Callable[..., Terminal], tmp_path: Path
) -> None:
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    term = terminal_for(str(tmp_path / "image.txt"), width=120, height=10)
    screen = term.wait_for(lambda s: "EXITED" in s)
    assert "image.txt: " in screen and "not a text file" in screen
    assert "EXITED 1" in screen and "Traceback" not in screen


def test_move_and_select_in_a_real_terminal(
    terminal_for: Callable[..., Terminal], tmp_path: Path
) -> None:
    text = (
        "Moves\n\nSen. Al Franken, D-Minn., asked about the U.S. contacts. "
        'Sessions said: "I did not have communications with the Russians." '
        "The hearing ended.\n\nA second paragraph follows."
    )
    path = tmp_path / "moves.txt"
    path.write_text(text, encoding="utf-8")
    term = terminal_for(str(path), width=80, height=24)
    term.wait_for(lambda s: "row 1/" in status_line(s))

    term.press("}", "}")  # paragraphs: the first one's text, then the second one's
    term.wait_for(lambda s: f"char {text.index('A second')}/" in status_line(s))
    term.press("{")  # back to the first paragraph
    first = text.index("Sen.")
    term.wait_for(lambda s: f"char {first}/" in status_line(s))
    term.press(")")
    second = text.index("Sessions said")
    term.wait_for(lambda s: f"char {second}/" in status_line(s))

    term.press("s")
    sentence = 'Sessions said: "I did not have communications with the Russians."'
    term.wait_for(lambda s: f"selected {len(sentence)} chars" in status_line(s))
    # Escape on its own: ESC and a key sent together read as alt+key.
    term.press("Escape")
    term.wait_for(lambda s: "selected" not in status_line(s))
    term.press("g", "v", "w", "w")
    two_words = next_word(text, next_word(text, 0))
    term.wait_for(lambda s: f"selected {two_words} chars" in status_line(s))
    term.press("Escape")
    term.wait_for(lambda s: "selected" not in status_line(s))
    term.press("p")
    paragraph = text[first : text.index("\n\nA second")]
    screen = term.wait_for(lambda s: f"selected {len(paragraph)} chars" in status_line(s))
    assert "Sen. Al Franken, D-Minn., asked about the U.S. contacts." in screen
    term.press("q")
    term.wait_for(lambda s: "EXITED 0" in s)


def test_a_tag_survives_kill_9(terminal_for: Callable[..., Terminal], tmp_path: Path) -> None:
    term = terminal_for()
    term.wait_for(lambda s: "row 1/" in status_line(s))
    term.press("1")
    term.wait_for(lambda s: "Tagged quote." in s)
    pane_pid = term._tmux("display-message", "-p", "-t", "t", "#{pane_pid}").strip()
    found = subprocess.run(
        ["pgrep", "-f", "-P", pane_pid, "reader"], capture_output=True, text=True
    ).stdout.split()
    assert found, "reader is not running under the pane's shell"
    for pid in found:
        os.kill(int(pid), signal.SIGKILL)
    term.wait_for(lambda s: "EXITED 137" in s)
    with sqlite3.connect(tmp_path / "reader.db") as conn:
        tagged = conn.execute(
            "SELECT a.exact, t.name FROM annotations a JOIN annotation_tags at"
            " ON at.annotation_id = a.id JOIN tags t ON t.id = at.tag_id"
        ).fetchall()
    assert len(tagged) == 1 and tagged[0][1] == "quote"
    assert tagged[0][0] == "trump sessions swear in handshake"  # the first line of CNN's text


def test_two_pages_by_url_side_by_side(
    terminal_for: Callable[..., Terminal], tmp_path: Path
) -> None:
    from benchmarks.page_server import PageServer
    from store.ingest import read_source

    with PageServer() as server:
        urls = server.add_pages()[:2]
        expected = [read_source(url) for url in urls]
        term = terminal_for(*urls, width=160, height=48)
        screen = term.wait_for(lambda s: "row 1/" in status_line(s), timeout=40)
    heading = "\n".join(screen.split("\n")[:4])
    for document in expected:
        assert document.outlet and document.outlet[:15] in heading
        assert document.title[:15] in heading
    assert expected[0].text.split()[0] in screen
    term.press("q")
    term.wait_for(lambda s: "EXITED 0" in s)


# -- a user's first day: nothing typed is lost, the workspace comes back ------------------


def reader_pids(term: Terminal) -> list[int]:
    """The reader processes under the pane's shell."""
    pane_pid = term._tmux("display-message", "-p", "-t", "t", "#{pane_pid}").strip()
    found = subprocess.run(
        ["pgrep", "-f", "-P", pane_pid, "reader"], capture_output=True, text=True
    ).stdout.split()
    assert found, "reader is not running under the pane's shell"
    return [int(pid) for pid in found]


def stored(path: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(path) as conn:
        return conn.execute(sql).fetchall()


def test_a_note_typed_at_once_is_saved_whole(
    terminal_for: Callable[..., Terminal], tmp_path: Path
) -> None:
    """s, m, the note and ctrl+s arriving together (as from a paste or a fast typist):
    every character is in the saved note, not an empty one."""
    term = terminal_for()
    term.wait_for(lambda s: "row 1/" in status_line(s))
    note = "Sessions never met Kislyak as a surrogate, he says; check the CBS account"
    term.press("sm" + note, "C-s")
    term.wait_for(lambda s: "Note saved." in s)
    assert stored(tmp_path / "reader.db", "SELECT note FROM annotations") == [(note,)]
    term.press("q")
    term.wait_for(lambda s: "EXITED 0" in s)


def test_a_draft_survives_kill_9_and_m_offers_it_back(
    terminal_for: Callable[..., Terminal], tmp_path: Path
) -> None:
    db = tmp_path / "reader.db"
    term = terminal_for()
    term.wait_for(lambda s: "row 1/" in status_line(s))
    term.press("m")
    term.wait_for(lambda s: "ctrl+s saves" in s)
    draft = "Half a thought about the Kislyak meeting"
    term.press(draft)
    term.wait_for(lambda s: draft in s)
    deadline = time.monotonic() + 5
    while not stored(db, "SELECT text FROM drafts") and time.monotonic() < deadline:
        time.sleep(0.1)  # kept about a second after the typing
    assert stored(db, "SELECT text FROM drafts") == [(draft,)]
    for pid in reader_pids(term):
        os.kill(pid, signal.SIGKILL)
    term.wait_for(lambda s: "EXITED 137" in s)
    assert stored(db, "SELECT count(*) FROM annotations") == [(0,)], "never saved"

    again = terminal_for()
    again.wait_for(lambda s: "row 1/" in status_line(s))
    again.press("m")
    screen = again.wait_for(lambda s: "Recovered draft" in s)
    assert draft in screen
    again.press("C-s")
    again.wait_for(lambda s: "Note saved." in s)
    assert stored(db, "SELECT note FROM annotations") == [(draft,)]
    assert stored(db, "SELECT count(*) FROM drafts") == [(0,)]
    again.press("q")
    again.wait_for(lambda s: "EXITED 0" in s)


def test_the_workspace_comes_back_after_a_restart(
    terminal_for: Callable[..., Terminal], tmp_path: Path
) -> None:
    """Six paragraphs down in the second column, moved left, quit: the next start has
    the same column first, focused, on the same row."""
    term = terminal_for(width=160, height=48)
    term.wait_for(lambda s: status_line(s).strip().startswith("CNN"))
    term.press("Tab")
    term.wait_for(lambda s: status_line(s).strip().startswith("CBS News"))
    term.press("}", "}", "}", "}", "}", "}", "<")
    screen = term.wait_for(
        lambda s: status_line(s).strip().startswith("CBS News") and "row 1/" not in status_line(s)
    )
    time.sleep(0.3)
    screen = term.screen()
    where = status_line(screen).split("row ")[1].split()[0]
    header = screen.split("\n")[1]
    assert header.index("CBS News") < header.index("CNN")
    term.press("q")
    term.wait_for(lambda s: "EXITED 0" in s)

    again = terminal_for(width=160, height=48)
    screen = again.wait_for(lambda s: f"row {where} " in status_line(s))
    assert status_line(screen).strip().startswith("CBS News")
    header = screen.split("\n")[1]
    assert header.index("CBS News") < header.index("CNN"), "the columns in the order left"
    again.press("q")
    again.wait_for(lambda s: "EXITED 0" in s)

    fresh = terminal_for("--fresh", width=160, height=48)
    screen = fresh.wait_for(lambda s: "row 1/" in status_line(s))
    assert status_line(screen).strip().startswith("CNN")
    fresh.press("q")
    fresh.wait_for(lambda s: "EXITED 0" in s)
