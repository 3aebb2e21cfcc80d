"""Time how long a terminal program takes to show something in a real pseudo-terminal.

``launch_seconds`` spawns a command on a fresh pty (as its controlling terminal, in
its own session and process group), reads everything the program writes, and stops
the clock when a marker string shows up in the output with the terminal escape
sequences removed. The program is then killed with SIGKILL (its whole process
group) and reaped. Nothing answers the program's terminal queries, exactly like a
terminal that does not support them.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import fcntl
import os
import re
import select
import signal
import struct
import subprocess
import termios
import time
from collections.abc import Mapping, Sequence

DEFAULT_SIZE = (160, 48)
"""Terminal columns and lines."""

DEFAULT_TIMEOUT = 20.0
"""Seconds to wait for the marker before giving up."""

_READ_BYTES = 65536
_TAIL_CHARS = 4096
"""Plain text kept for error messages; also the longest escape sequence held back."""

_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: cursor moves, colours (SGR), modes
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"  # OSC, ended by BEL or ST
    r"|\x1b[P^_X][^\x1b]*\x1b\\"  # DCS, PM, APC, SOS, ended by ST
    r"|\x1b[ -/]*[0-OQ-WYZ\\`-~]"  # other escapes: ESC 7, ESC =, ESC ( B, ...
)
"""One complete escape sequence."""

_PARTIAL = re.compile(r"\x1b(?:\[[0-?]*[ -/]*|\][^\x07\x1b]*\x1b?|[P^_X][^\x1b]*\x1b?|[ -/]*)\Z")
"""The start of an escape sequence cut off by the end of the text read so far."""


class LaunchError(RuntimeError):
    """The program exited, failed to start, or timed out before showing the marker."""


def split_escapes(text: str) -> tuple[str, str]:
    """Split text into its plain characters and a trailing, incomplete escape sequence.

    The incomplete part (possibly empty) must be prepended to the next text read,
    so a sequence split between two reads is still recognised and removed.
    """
    partial = _PARTIAL.search(text, max(0, len(text) - _TAIL_CHARS))
    cut = partial.start() if partial else len(text)
    plain = _SEQUENCE.sub("", text[:cut]).replace("\x1b", "")
    return plain, text[cut:]


def strip_escapes(text: str) -> str:
    """The text with every CSI, OSC, DCS and two-character escape sequence removed."""
    plain, rest = split_escapes(text)
    return plain + rest.replace("\x1b", "")


class MarkerScanner:
    """Feed output bytes in; tells when the marker has appeared in the plain text."""

    def __init__(self, marker: str) -> None:
        if not marker:
            raise ValueError("the marker must not be empty")
        self.marker = marker
        self._decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self._pending = ""
        self.tail = ""
        """The last few thousand plain characters seen, for error messages."""

    def feed(self, data: bytes) -> bool:
        """Add output bytes; True once the marker has been seen."""
        plain, self._pending = split_escapes(self._pending + self._decoder.decode(data))
        window = self.tail[-(len(self.marker) - 1) :] if len(self.marker) > 1 else ""
        self.tail = (self.tail + plain)[-_TAIL_CHARS:]
        return self.marker in window + plain


def _dropped(variable: str) -> bool:
    return variable.startswith("TEXTUAL") or variable == "PYTHONDONTWRITEBYTECODE"


def terminal_environment(
    size: tuple[int, int] = DEFAULT_SIZE, extra: Mapping[str, str] | None = None
) -> dict[str, str]:
    """The environment for a timed program: ours, minus a few settings, plus the terminal.

    TEXTUAL_* variables (devtools, debug, ...) would change what is timed, and
    PYTHONDONTWRITEBYTECODE would make every start compile the program's modules
    again, so they are dropped; ``extra`` is applied last and wins.
    """
    env = {key: value for key, value in os.environ.items() if not _dropped(key)}
    columns, lines = size
    env.update(TERM="xterm-256color", COLORTERM="truecolor", COLUMNS=str(columns), LINES=str(lines))
    env.update(extra or {})
    return env


def set_window_size(fd: int, size: tuple[int, int]) -> None:
    """Set a terminal's size in characters (columns, lines)."""
    columns, lines = size
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))


def _take_controlling_terminal() -> None:
    """In the child, after setsid: make stdin (the pty) the controlling terminal."""
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


def _spawn(argv: Sequence[str], tty: int, env: Mapping[str, str]) -> subprocess.Popen[bytes]:
    try:
        return subprocess.Popen(
            list(argv),
            stdin=tty,
            stdout=tty,
            stderr=tty,
            env=dict(env),
            start_new_session=True,
            preexec_fn=_take_controlling_terminal,
        )
    except OSError as err:
        raise LaunchError(f"cannot start {argv[0]}: {err.strerror or err}") from None


def _kill(process: subprocess.Popen[bytes]) -> None:
    """SIGKILL the program's process group and reap the program."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def _read(fd: int) -> bytes:
    """Read what is available; b"" once every copy of the other end is closed."""
    try:
        return os.read(fd, _READ_BYTES)
    except OSError as err:
        if err.errno == errno.EIO:  # Linux: the program closed the terminal
            return b""
        raise


def _last_output(scanner: MarkerScanner) -> str:
    lines = [line.strip() for line in scanner.tail.replace("\r", "\n").split("\n")]
    text = " | ".join(line for line in lines if line)
    return text[-400:] or "(nothing)"


def _wait_for_marker(
    fd: int, process: subprocess.Popen[bytes], marker: str, deadline: float
) -> float:
    """Read the program's output until the marker appears; the clock time it did."""
    scanner = MarkerScanner(marker)
    while (remaining := deadline - time.perf_counter()) > 0:
        ready, _, _ = select.select([fd], [], [], remaining)
        if not ready:
            continue
        data = _read(fd)
        if not data:
            status = process.wait()
            raise LaunchError(
                f"exited with status {status} before {marker!r} appeared; "
                f"last output: {_last_output(scanner)}"
            )
        if scanner.feed(data):
            return time.perf_counter()
    raise LaunchError(
        f"{marker!r} did not appear within the time limit; last output: {_last_output(scanner)}"
    )


def launch_seconds(
    argv: Sequence[str],
    marker: str,
    size: tuple[int, int] = DEFAULT_SIZE,
    env: Mapping[str, str] | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> float:
    """Seconds from spawning ``argv`` on a pty to ``marker`` appearing in its output.

    ``env`` holds extra variables laid over ``terminal_environment(size)``.
    Raises LaunchError if the program cannot start, exits, or is too slow.
    """
    controller, tty = os.openpty()
    try:
        set_window_size(tty, size)
        environment = terminal_environment(size, env)
        start = time.perf_counter()
        process = _spawn(argv, tty, environment)
        os.close(tty)
        tty = -1
        try:
            return _wait_for_marker(controller, process, marker, start + timeout) - start
        finally:
            _kill(process)
    finally:
        os.close(controller)
        if tty >= 0:
            os.close(tty)
