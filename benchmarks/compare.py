"""Paired launch timings: a program against a baseline, as a ratio of medians.

Runs alternate (baseline, subject, baseline, subject, ...) so that slow drifts of
the machine (other load, CPU frequency) hit both sides alike; untimed warm-up runs
of each come first, so both start with warm disk caches and compiled bytecode.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable
from dataclasses import dataclass, field

from benchmarks.launch import LaunchError, launch_seconds
from benchmarks.registry import Measurement, Options


@dataclass(frozen=True)
class Command:
    """A program to launch and the text that shows it is ready."""

    label: str
    argv: list[str]
    marker: str
    env: dict[str, str] = field(default_factory=dict)
    """Extra environment variables."""


CommandSource = Callable[[], Command]
"""Called before every run, so each run may get fresh arguments (e.g. a new database)."""


def fixed(command: Command) -> CommandSource:
    """A source giving the same command every run."""
    return lambda: command


def time_launch(command: Command, options: Options, timeout: float) -> float:
    """Seconds until the command shows its marker; errors name the command."""
    try:
        return launch_seconds(
            command.argv, command.marker, size=options.size, env=command.env, timeout=timeout
        )
    except LaunchError as err:
        raise LaunchError(f"{command.label}: {err}") from None


@dataclass(frozen=True)
class Comparison:
    """Launch times of a subject and of the baseline, taken in pairs."""

    baseline_label: str
    subject_label: str
    subject_marker: str
    baseline: list[float]
    subject: list[float]

    @property
    def ratio(self) -> float:
        return statistics.median(self.subject) / statistics.median(self.baseline)

    def measurement(self) -> Measurement:
        """The ratio of medians, with both medians and their ranges as the summary."""
        summary = (
            f"{_describe(self.subject_label, self.subject)}, "
            f"{_describe(self.baseline_label, self.baseline)} ({len(self.subject)} pairs)"
        )
        details: dict[str, float | str | list[float] | None] = {
            "baseline": self.baseline_label,
            "subject": self.subject_label,
            "subject_marker": self.subject_marker,
            "baseline_median_s": statistics.median(self.baseline),
            "subject_median_s": statistics.median(self.subject),
            "ratio": self.ratio,
            "baseline_s": self.baseline,
            "subject_s": self.subject,
        }
        return Measurement(self.ratio, summary, dict(details))


def _describe(label: str, times: list[float]) -> str:
    return f"{label} {statistics.median(times):.3f} s [{min(times):.3f}-{max(times):.3f}]"


def compare_launches(
    baseline: CommandSource, subject: CommandSource, options: Options
) -> Comparison:
    """Warm up each command, then time ``options.runs`` alternating pairs."""
    if options.runs < 1:
        raise ValueError("at least one run is needed")
    for _ in range(options.warmups):
        time_launch(baseline(), options, options.warmup_timeout)
        time_launch(subject(), options, options.warmup_timeout)
    pairs = [(baseline(), subject()) for _ in range(options.runs)]
    base_times = [0.0] * options.runs
    subject_times = [0.0] * options.runs
    for run, (base, other) in enumerate(pairs):
        base_times[run] = time_launch(base, options, options.timeout)
        subject_times[run] = time_launch(other, options, options.timeout)
    base, other = pairs[0]
    return Comparison(base.label, other.label, other.marker, base_times, subject_times)
