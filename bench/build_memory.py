"""Run a build and measure it: its time, the peak memory of its largest process, and the peak of all its
processes together.

The largest process: the kernel's high-water mark of each process of the build (VmHWM in /proc, read every
SAMPLE_SECONDS while it runs, so a PDF process forked by multiprocessing's forkserver, which the build never
waits for, counts too), and the maximum resident set size in the rusage that wait4 returns for the build.
The build's processes together: their resident memory summed, sampled every SAMPLE_SECONDS: the build and
the PDF processes it runs at the same time, the figure a machine must hold.
"""
from __future__ import annotations

import os
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

SAMPLE_SECONDS = 0.1


@dataclass(frozen=True)
class Run:
    returncode: int
    output: str
    seconds: float
    largest_mb: float  # the largest single process (ru_maxrss)
    together_mb: float  # every process of the build at once, sampled


def _children() -> dict[int, list[int]]:
    found: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            found.setdefault(int(fields[1]), []).append(int(entry))
    return found


def _memory_kb(pid: int) -> tuple[int, int]:
    """(resident now, its high-water mark) of a process, in KB; (0, 0) once it is gone."""
    found = {"VmRSS:": 0, "VmHWM:": 0}
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.split(":")[0] + ":" in found:
                found[line.split()[0]] = int(line.split()[1])
    except OSError:
        pass
    return found["VmRSS:"], found["VmHWM:"]


def tree_memory_kb(root: int) -> tuple[int, int]:
    """The resident memory of `root` and all its descendants together, and the largest high-water mark
    among them, in KB."""
    children, pids = _children(), [root]
    for pid in pids:
        pids.extend(children.get(pid, []))
    sizes = [_memory_kb(pid) for pid in pids]
    return sum(now for now, _ in sizes), max((mark for _, mark in sizes), default=0)


def run_measured(args: list[str], cwd: Path, env: dict[str, str]) -> Run:
    """Run `args` as a build; its output, exit code, seconds and peak memory."""
    with tempfile.TemporaryFile(mode="w+") as log:
        start = time.perf_counter()
        process = subprocess.Popen(args, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT, text=True)
        together, largest = [0], [0]
        done = threading.Event()

        def sample() -> None:
            while not done.wait(SAMPLE_SECONDS):
                now, mark = tree_memory_kb(process.pid)
                together[0], largest[0] = max(together[0], now), max(largest[0], mark)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        done.set()
        sampler.join()
        process.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        return Run(process.returncode, log.read(), seconds, max(usage.ru_maxrss, largest[0]) / 1024, together[0] / 1024)
