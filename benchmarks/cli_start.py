"""How fast ``logicrm`` answers, against a bare Python start measured in the same run.

1. ``logicrm --help`` (the command line loads only click and the message catalogue)
2. ``logicrm tier --help`` (a command's help: still no pandas)
3. ``python -c "import pandas, matplotlib.pyplot"`` (what --help cost before commands
   imported their libraries lazily)
   vs. baseline: ``python -c pass``.

Prints the median of several runs of each, interleaved so load affects all alike
(target: ``logicrm --help`` under 0.5 s).
Usage: python benchmarks/cli_start.py [--repeats 15]
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

LOGICRM = str(Path(sys.executable).with_name("logicrm"))
RUNS = {
    "python -c pass": [sys.executable, "-c", "pass"],
    "logicrm --help": [LOGICRM, "--help"],
    "logicrm tier --help": [LOGICRM, "tier", "--help"],
    "import pandas + pyplot": [sys.executable, "-c", "import pandas, matplotlib.pyplot"],
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=15)
    args = parser.parse_args()
    times: dict[str, list[float]] = {name: [] for name in RUNS}
    for _ in range(args.repeats):
        for name, argv in RUNS.items():
            start = time.perf_counter()
            subprocess.run(argv, check=True, capture_output=True)
            times[name].append(time.perf_counter() - start)
    base = statistics.median(times["python -c pass"])
    for name, runs in times.items():
        median = statistics.median(runs)
        print(f"{name:24s} median {median * 1000:7.1f} ms  ({median / base:4.1f}× python -c pass)")


if __name__ == "__main__":
    main()
