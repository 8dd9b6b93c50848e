"""Benchmark: how long `make check` takes, the whole command as an editor runs it (Python's start, the
imports, every data file checked). Prints the median of several runs against the 5-second budget; a
benchmark, not a test: these machines are shared and noisy, so it prints figures and never fails.

    .venv/bin/python bench/check.py [--runs 5]
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUDGET_S = 5.0


def one_run() -> tuple[float, int]:
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "macros.guidebook"], cwd=ROOT, capture_output=True, check=False)
    return time.perf_counter() - started, result.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    runs = [one_run() for _ in range(parser.parse_args().runs)]
    seconds = statistics.median(s for s, _ in runs)
    codes = {code for _, code in runs}
    verdict = "within" if seconds <= BUDGET_S else "OVER"
    print(f"make check (python -m macros.guidebook): median {seconds:.2f} s of {len(runs)} runs, "
          f"exit status {sorted(codes)}; budget {BUDGET_S:.0f} s: {verdict}")


if __name__ == "__main__":
    main()
