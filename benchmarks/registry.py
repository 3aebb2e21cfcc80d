"""The one list of benchmarks, their budgets, and how a benchmark is run and judged.

A benchmark is a function taking ``Options`` and returning a ``Measurement``,
registered with the ``@benchmark`` decorator in a module named in ``MODULES``.
To add one: write the decorated function in a module of this package (a new module
must be added to ``MODULES``) and describe it in ``benchmarks/README.md``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Literal

from benchmarks.launch import DEFAULT_SIZE, DEFAULT_TIMEOUT, LaunchError

MODULES = (
    "benchmarks.launches",
    "benchmarks.inprocess",
    "benchmarks.comparing",
    "benchmarks.interchange",
    "benchmarks.spans",
    "benchmarks.ingesting",
    "benchmarks.scale",
    "benchmarks.reanchoring",
)
"""The modules whose import registers benchmarks, in the order they are run."""

Status = Literal["PASS", "FAIL", "ERROR"]
JsonValue = str | int | float | bool | None | list[float] | list[str]


@dataclass(frozen=True)
class Options:
    """Settings shared by every benchmark, from the command line."""

    runs: int = 7
    """Timed runs (or pairs of runs, for a comparison)."""
    warmups: int = 1
    """Untimed runs of each command first."""
    size: tuple[int, int] = DEFAULT_SIZE
    timeout: float = DEFAULT_TIMEOUT
    """Seconds one timed run may take."""
    warmup_timeout: float = 60.0
    """Seconds one warm-up run may take: it may import a large file first."""


@dataclass(frozen=True)
class Measurement:
    """What a benchmark found: the figure judged against the budget, and its context."""

    figure: float
    summary: str
    """One human-readable line: the medians behind the figure, the number of runs."""
    details: dict[str, JsonValue] = field(default_factory=dict)
    """Raw numbers for --json: medians, every sample."""


class BenchmarkError(RuntimeError):
    """The benchmark could not measure (e.g. the program is missing or cannot open a file)."""


Runner = Callable[[Options], Measurement]


@dataclass(frozen=True)
class Benchmark:
    """A registered benchmark: what it measures, its budget, and the function measuring it."""

    name: str
    description: str
    budget: float
    """The figure must be at most this."""
    unit: str
    run: Runner
    gating: bool = True
    """False for an informational benchmark: its result never fails the suite."""
    aim: float | None = None
    """A tighter figure we are aiming for; reported, never enforced."""

    def format(self, value: float) -> str:
        return f"{value:.2f}{self.unit}" if self.unit == "x" else f"{value:.3f} {self.unit}"


REGISTRY: dict[str, Benchmark] = {}


def benchmark(
    name: str, *, budget: float, unit: str = "x", gating: bool = True, aim: float | None = None
) -> Callable[[Runner], Runner]:
    """Register the decorated function as a benchmark; its docstring's first line describes it."""

    def register(run: Runner) -> Runner:
        if name in REGISTRY:
            raise ValueError(f"benchmark {name!r} is registered twice")
        description = (run.__doc__ or name).strip().splitlines()[0]
        REGISTRY[name] = Benchmark(name, description, budget, unit, run, gating, aim)
        return run

    return register


def load() -> dict[str, Benchmark]:
    """Import every benchmark module; the registry, in running order."""
    for module in MODULES:
        importlib.import_module(module)
    return REGISTRY


@dataclass(frozen=True)
class Outcome:
    """A benchmark's result: a measurement judged against its budget, or an error."""

    benchmark: Benchmark
    measurement: Measurement | None = None
    error: str | None = None

    @property
    def status(self) -> Status:
        if self.measurement is None:
            return "ERROR"
        return "PASS" if self.measurement.figure <= self.benchmark.budget else "FAIL"

    @property
    def fails_suite(self) -> bool:
        return self.benchmark.gating and self.status != "PASS"

    def line(self) -> str:
        """One line: name, figure, budget, status, and the medians or the error."""
        bench = self.benchmark
        figure = bench.format(self.measurement.figure) if self.measurement else "-"
        budget = f"budget <= {bench.format(bench.budget)}"
        if bench.aim is not None:
            budget += f" (aim {bench.format(bench.aim)})"
        status = self.status if bench.gating else f"{self.status} (info)"
        note = self.measurement.summary if self.measurement else self.error
        return f"{bench.name:<18} {figure:>9}  {budget:<28} {status:<12} {note}"

    def to_json(self) -> dict[str, JsonValue | dict[str, JsonValue]]:
        bench = self.benchmark
        return {
            "name": bench.name,
            "description": bench.description,
            "status": self.status,
            "figure": self.measurement.figure if self.measurement else None,
            "unit": bench.unit,
            "budget": bench.budget,
            "aim": bench.aim,
            "gating": bench.gating,
            "summary": self.measurement.summary if self.measurement else None,
            "error": self.error,
            "details": self.measurement.details if self.measurement else {},
        }


def run_one(bench: Benchmark, options: Options) -> Outcome:
    """Run a benchmark; any exception becomes an ERROR outcome instead of stopping the suite."""
    try:
        return Outcome(bench, measurement=bench.run(options))
    except Exception as err:
        message = (
            str(err)
            if isinstance(err, BenchmarkError | LaunchError)
            else f"{type(err).__name__}: {err}"
        )
        return Outcome(bench, error=message)


def run_all(benches: Iterable[Benchmark], options: Options) -> Iterable[Outcome]:
    """Run benchmarks one after the other, yielding each outcome as soon as it is known."""
    for bench in benches:
        yield run_one(bench, options)
