"""Tiering speed on large data, against a bare NumPy baseline measured in the same run.

1. share_table + tier_customers on 10^6 customers
   vs. baseline: np.argsort + np.cumsum + percentage.
2. 10^7 transaction rows aggregated to customers, then shared and tiered
   vs. baseline: np.bincount + the same argsort + cumsum.

Prints the median of several repeats and the ratio (target: within 3×).
Usage: python benchmarks/tiering.py [--repeats 5] [--customers 1000000] [--transactions 10000000]
"""
from __future__ import annotations

import argparse
import statistics
import time

import numpy as np
import pandas as pd

from logicrm_edu import customers_from_transactions, share_table, tier_customers


def median_seconds(fn, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def baseline_tiering(values: np.ndarray) -> np.ndarray:
    order = np.argsort(-values)
    cumulative = np.cumsum(values[order])
    share = cumulative / cumulative[-1] * 100
    return np.searchsorted(share, [80, 95], side="right")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--customers", type=int, default=1_000_000)
    parser.add_argument("--transactions", type=int, default=10_000_000)
    args = parser.parse_args()

    rng = np.random.default_rng(20261122)
    n = args.customers
    # heavy-tailed yearly revenue in 万元 with one decimal, as the course data
    revenue = np.round(rng.lognormal(3.0, 1.4, n), 1)
    customers = pd.DataFrame({"客户": np.arange(1, n + 1), "营业收入": revenue})

    ours = median_seconds(lambda: tier_customers(share_table(customers), cuts=(80, 95)), args.repeats)
    base = median_seconds(lambda: baseline_tiering(revenue), args.repeats)
    print(f"1. {n:,} customers: share_table + tier_customers {ours:.3f} s, "
          f"NumPy argsort + cumsum {base:.3f} s, ratio {ours / base:.2f}x")

    m = args.transactions
    ids = rng.integers(1, n + 1, m)
    amounts = np.round(rng.lognormal(0.5, 1.0, m), 1)
    tx = pd.DataFrame({"客户": ids, "营业收入": amounts})

    def ours_tx():
        tier_customers(share_table(customers_from_transactions(tx)), cuts=(80, 95))

    def base_tx():
        baseline_tiering(np.bincount(ids, weights=amounts))

    ours2 = median_seconds(ours_tx, args.repeats)
    base2 = median_seconds(base_tx, args.repeats)
    print(f"2. {m:,} transactions → customers → tiers: {ours2:.3f} s, "
          f"NumPy bincount + argsort + cumsum {base2:.3f} s, ratio {ours2 / base2:.2f}x")
    print(f"medians of {args.repeats} repeats; target ratio ≤ 3x")


if __name__ == "__main__":
    main()
