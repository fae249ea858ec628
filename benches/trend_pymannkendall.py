#!/usr/bin/env python3
"""pyMannKendall on a `year,value` file, timed in-process (benchmark 2 of BENCHMARKS.md).

Usage: trend_pymannkendall.py FILE --mode original|mk|sens [--head N]

- original: `pymannkendall.original_test(x)` (Mann–Kendall and, inside it, `sens_slope`);
- mk:       the Mann–Kendall part of `original_test` alone (S, Var(S), z, p: the same private
            functions it calls, in the same order), for n where `sens_slope` does not fit in memory
            (it materialises all n(n-1)/2 pairwise slopes: 40 GB at n = 100,000);
- sens:     `pymannkendall.sens_slope(x)` alone.
--head N keeps the first N values (the benchmark's series are prefixes of one another).
Prints one JSON object: n, mode, seconds (the call only, after reading), and the results.
"""

import argparse
import json
import time

import numpy as np
import pymannkendall as mk
from pymannkendall import pymannkendall as impl


def read(path, head):
    data = np.loadtxt(path, delimiter=",", skiprows=1)
    x = data[:, 1]
    return x[:head] if head else x


def mk_only(x_old, alpha=0.05):
    """original_test without its sens_slope call (pymannkendall 1.4.3, lines 248-256)."""
    x, c = getattr(impl, "__preprocessing")(x_old)
    x, n = getattr(impl, "__missing_values_analysis")(x, method="skip")
    s = getattr(impl, "__mk_score")(x, n)
    var_s = getattr(impl, "__variance_s")(x, n)
    tau = s / (0.5 * n * (n - 1))
    z = getattr(impl, "__z_score")(s, var_s)
    p, h, trend = getattr(impl, "__p_value")(z, alpha)
    return {"trend": trend, "s": float(s), "var_s": float(var_s), "z": float(z), "p": float(p), "tau": float(tau)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("file")
    ap.add_argument("--mode", choices=["original", "mk", "sens"], required=True)
    ap.add_argument("--head", type=int, default=0)
    args = ap.parse_args()
    x = read(args.file, args.head)
    t0 = time.perf_counter()
    if args.mode == "original":
        r = mk.original_test(x)
        out = {"trend": r.trend, "s": float(r.s), "var_s": float(r.var_s), "z": float(r.z),
               "p": float(r.p), "tau": float(r.Tau), "slope": float(r.slope), "intercept": float(r.intercept)}
    elif args.mode == "mk":
        out = mk_only(x)
    else:
        r = mk.sens_slope(x)
        out = {"slope": float(r.slope), "intercept": float(r.intercept)}
    seconds = time.perf_counter() - t0
    print(json.dumps({"n": len(x), "mode": args.mode, "seconds": seconds, **out}))


if __name__ == "__main__":
    main()
