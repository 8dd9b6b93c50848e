"""Benchmark: how fast the data loader refuses YAML made to blow it up.

Prints, for each hostile file, the time the loader takes to refuse it (median
of several runs), against a budget, and a verdict. A benchmark, not a test:
these machines are shared and noisy, so it prints figures and never fails.

    .venv/bin/python bench/hostile_yaml.py [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from macros.guidebook.yamlsource import parse_yaml

BUDGET_MS = 50.0  # per file; before the fix a 428-byte billion laughs ran 39-88 s and reached 4 GB

LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + n)}: &{chr(98 + n)} [{', '.join([f'*{chr(97 + n)}'] * 9)}]\n" for n in range(8)
)
CASES = {
    f"billion laughs ({len(LAUGHS)} bytes)": LAUGHS,
    "recursive alias": "a: &a [*a]\n",
    "nesting 5,000 deep": "x: " + "[" * 5000 + "]" * 5000 + "\n",
    "merge key": "base: {a: 1}\nx:\n  <<: {b: 2}\n",
    "python tag": "x: !!python/object/apply:os.system ['id']\n",
    "200 KB of one value": "x: " + "y" * 200_000 + "\n",
}


def time_refusal(text: str, runs: int) -> tuple[float, str]:
    times, message = [], ""
    for _ in range(runs):
        start = time.perf_counter()
        _, problems = parse_yaml(text, "bench.yml")
        times.append((time.perf_counter() - start) * 1000)
        message = str(problems[0]) if problems else "NOT REFUSED"
    return statistics.median(times), message


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    worst = 0.0
    for name, text in CASES.items():
        ms, message = time_refusal(text, args.runs)
        worst = max(worst, ms)
        print(f"{name:28} {ms:8.2f} ms  {message[:90]}")
    verdict = "within budget" if worst <= BUDGET_MS else "OVER BUDGET"
    print(f"worst {worst:.2f} ms; budget {BUDGET_MS:.0f} ms per file: {verdict}")


if __name__ == "__main__":
    main()
