"""Command line: ``python -m benchmarks [NAME ...] [--runs N] [--json] [--list]``.

Runs every registered benchmark (or the named ones), prints one line per benchmark
(name, figure, budget, PASS/FAIL/ERROR, medians) as each finishes, or with --json
one JSON document at the end. Exits 1 if a gating benchmark fails or errs.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from benchmarks.registry import Benchmark, Options, Outcome, load, run_all


def positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def parse_args(argv: Sequence[str] | None, names: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks", description="Check reader's performance budgets."
    )
    parser.add_argument("names", nargs="*", metavar="NAME", help=f"one of: {', '.join(names)}")
    parser.add_argument(
        "--runs", type=positive_int, default=Options.runs, help="timed runs (pairs) per benchmark"
    )
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--list", action="store_true", help="list the benchmarks and exit")
    args = parser.parse_args(argv)
    unknown = [name for name in args.names if name not in names]
    if unknown:
        parser.error(f"unknown benchmark {', '.join(unknown)}; choose from {', '.join(names)}")
    return args


def list_benchmarks(benches: Sequence[Benchmark]) -> None:
    for bench in benches:
        kind = "" if bench.gating else " (informational)"
        print(f"{bench.name:<18} budget <= {bench.format(bench.budget)}{kind}: {bench.description}")


def report(outcomes: list[Outcome], as_json: bool) -> None:
    if as_json:
        print(json.dumps([outcome.to_json() for outcome in outcomes], indent=2))


def main(argv: Sequence[str] | None = None) -> int:
    registry = load()
    args = parse_args(argv, list(registry))
    selected = [registry[name] for name in args.names or registry]
    if args.list:
        list_benchmarks(selected)
        return 0
    outcomes: list[Outcome] = []
    for outcome in run_all(selected, Options(runs=args.runs)):
        outcomes.append(outcome)
        if not args.json:
            print(outcome.line(), flush=True)
    report(outcomes, args.json)
    return 1 if any(outcome.fails_suite for outcome in outcomes) else 0


if __name__ == "__main__":
    sys.exit(main())
