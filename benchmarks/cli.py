"""The one-shot command line against its floor, side by side in one run:

    python benchmarks/cli.py [--runs 15] [--json]

`meshbot ask "does linkerd support retries"` against `python -c "import pydantic, yaml,
rapidfuzz"` (the libraries any answer needs), alternating fresh processes. Reports the
median wall time and peak RSS of each, and their ratios.

Each command is started by a small fresh Python that forks and execs it and reads its
ru_maxrss: a child forked straight from this process would count this process's memory
(the kernel keeps the highest RSS of the image the child replaced).
"""

from __future__ import annotations

import argparse
import compileall
import json
import statistics
import subprocess
import sys
from pathlib import Path

BIN = Path(sys.executable).parent
PACKAGE = Path(__file__).resolve().parent.parent / "bot"
QUESTION = "does linkerd support retries"
COMMANDS = {
    "meshbot_ask": [str(BIN / "meshbot"), "ask", QUESTION],
    "imports": [sys.executable, "-c", "import pydantic, yaml, rapidfuzz"],
}


MEASURE = """
import os, sys, time
started = time.perf_counter()
pid = os.fork()
if pid == 0:
    os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
    os.execv(sys.argv[1], sys.argv[1:])
_, status, usage = os.wait4(pid, 0)
elapsed_ms = (time.perf_counter() - started) * 1000
print(elapsed_ms, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status))
"""


def run_once(args: list[str]) -> tuple[float, float]:
    """Wall time (ms) and peak RSS (MB) of one fresh process."""
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, *args], capture_output=True, text=True, check=True
    )
    elapsed, peak, code = done.stdout.split()
    if code != "0":
        raise RuntimeError(f"{args} failed: {done.stderr[-500:]}")
    return float(elapsed), float(peak)


def compile_byte_code() -> None:
    """Write the package's byte-code, as installing the wheel does. Where
    PYTHONDONTWRITEBYTECODE is set (this machine's shells, the Docker image), an editable
    install would otherwise compile every module from source in every process (~60 ms)."""
    compileall.compile_dir(PACKAGE, quiet=1)


def cli_bench(runs: int) -> dict[str, dict[str, float]]:
    compile_byte_code()
    for args in COMMANDS.values():  # warm the file cache
        run_once(args)
    samples: dict[str, list[tuple[float, float]]] = {name: [] for name in COMMANDS}
    for _ in range(runs):
        for name, args in COMMANDS.items():
            samples[name].append(run_once(args))
    out = {
        name: {
            "time_ms": statistics.median(t for t, _ in values),
            "peak_rss_mb": statistics.median(m for _, m in values),
        }
        for name, values in samples.items()
    }
    ask, floor = out["meshbot_ask"], out["imports"]
    out["ratios"] = {
        "time": ask["time_ms"] / floor["time_ms"],
        "peak_rss": ask["peak_rss_mb"] / floor["peak_rss_mb"],
    }
    return out


def print_cli(report: dict[str, dict[str, float]]) -> None:
    print(f'One-shot CLI: meshbot ask "{QUESTION}" vs import pydantic, yaml, rapidfuzz')
    for name in COMMANDS:
        r = report[name]
        print(f"  {name:<12} {r['time_ms']:7.0f} ms  peak RSS {r['peak_rss_mb']:5.1f} MB")
    ratios = report["ratios"]
    print(f"  ratios       time {ratios['time']:.2f}x  peak RSS {ratios['peak_rss']:.2f}x")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    report = cli_bench(args.runs)
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print_cli(report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
