"""Run a build and measure it: its time, the peak memory of its largest process, and the peak of all its
processes together.

The largest process is the kernel's figure (the maximum resident set size in the rusage that wait4 returns
for the build, which covers every process it waited for: WeasyPrint's too). The build's processes
together are sampled from /proc every SAMPLE_SECONDS: the build and the PDF processes it runs at the same
time, the figure a machine must hold.
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


def _resident_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree_resident_kb(root: int) -> int:
    """The resident memory of `root` and all its descendants, in KB."""
    children, pids = _children(), [root]
    for pid in pids:
        pids.extend(children.get(pid, []))
    return sum(_resident_kb(pid) for pid in pids)


def run_measured(args: list[str], cwd: Path, env: dict[str, str]) -> Run:
    """Run `args` as a build; its output, exit code, seconds and peak memory."""
    with tempfile.TemporaryFile(mode="w+") as log:
        start = time.perf_counter()
        process = subprocess.Popen(args, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT, text=True)
        peak = [0]
        done = threading.Event()

        def sample() -> None:
            while not done.wait(SAMPLE_SECONDS):
                peak[0] = max(peak[0], tree_resident_kb(process.pid))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        done.set()
        sampler.join()
        process.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        return Run(process.returncode, log.read(), seconds, usage.ru_maxrss / 1024, peak[0] / 1024)
