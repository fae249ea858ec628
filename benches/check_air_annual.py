#!/usr/bin/env python3
"""Check that benches/air_annual_pandas.py and `renewal air-annual` give the same numbers.

Usage (`cargo xtask bench` runs it; by hand, from the repository root):
    target/release-native/renewal air-annual --standard hj633-2026 FILE.csv > cli.json
    target/bench-venv/bin/python benches/air_annual_pandas.py FILE.csv --daily --out pandas.json
    python3 benches/check_air_annual.py cli.json pandas.json

Compared, for every day: each daily indicator (daily means, MDA8; valid or not, value to a
relative 1e-12), the daily AQI, its category and primary pollutants; for every year: each HJ 663
statistic (valid or not, value to a relative 1e-12, days), valid AQI days, good days and days
per category.

The one difference allowed: a day whose AQI differs because a daily mean sits on a rounding tie
of HJ 633-2026 §4.2.2 (CO to 0.1 mg/m³: x.x5) and the two programs summed its hourly values in a
different order (Rust left to right, pandas with Kahan compensation), so one mean prints as
"1.45" and the other as "1.4499999999999997". Such days are counted and reported, never hidden.
Exit status 0 when everything else is equal, 1 otherwise. Standard library only.
"""

import json
import math
import sys
from decimal import Decimal

REL = 1e-12


def close(a, b):
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=REL, abs_tol=1e-12)


def near_tie(x, decimals):
    """True when x is within 1e-9 of a half-unit at `decimals` decimals."""
    if x is None:
        return False
    scaled = Decimal(repr(x)).scaleb(decimals)
    frac = scaled - scaled.to_integral_value(rounding="ROUND_FLOOR")
    return abs(frac - Decimal("0.5")) < Decimal("1e-9")


def main():
    cli = json.load(open(sys.argv[1]))
    pd_ = json.load(open(sys.argv[2]))
    errors = []
    tie_days = []

    def err(msg):
        if len(errors) < 20:
            print("MISMATCH", msg)
        errors.append(msg)

    days_cli = cli["daily"]
    days_pd = pd_["daily"]
    if len(days_cli) != len(days_pd):
        err(f"{len(days_cli)} days in the CLI output, {len(days_pd)} in pandas")
    for c, p in zip(days_cli, days_pd):
        if c["date"] != p["date"]:
            err(f"date {c['date']} vs {p['date']}")
            continue
        ind = {i["key"]: i["value"] for i in c["indicators"]}
        for k, v in p["indicators"].items():
            if not close(ind.get(k), v):
                err(f"{c['date']} {k}: CLI {ind.get(k)} pandas {v}")
        same = c["aqi"] == p["aqi"] and c["category"] == p["category"] and c["primary"] == p["primary"]
        if not same:
            ties = [k for k, v in ind.items() if near_tie(v, 1 if k.startswith("co") else 0)]
            if ties:
                tie_days.append((c["date"], ties, c["aqi"], p["aqi"]))
            else:
                err(f"{c['date']}: CLI AQI {c['aqi']} {c['category']} {c['primary']} "
                    f"pandas {p['aqi']} {p['category']} {p['primary']}")
    years_cli = {y["year"]: y for y in cli["annual"]}
    years_pd = {y["year"]: y for y in pd_["annual"]}
    if set(years_cli) != set(years_pd):
        err(f"years differ: {sorted(set(years_cli) ^ set(years_pd))}")
    n_stats = 0
    for year, yc in years_cli.items():
        yp = years_pd.get(year)
        if yp is None:
            continue
        sc = {(s["pollutant"], s["statistic"]): s for s in yc["statistics"]}
        for s in yp["statistics"]:
            key = (s["pollutant"], s["statistic"])
            t = sc.get(key)
            n_stats += 1
            if t is None or not close(t["value"], s["value"]) or t["days"] != s["days"]:
                err(f"{year} {key}: CLI {t and (t['value'], t['days'])} pandas {(s['value'], s['days'])}")
        for f in ["valid_aqi_days", "good_days", "days_per_category"]:
            tie_in_year = any(d.startswith(f"{year:04}-") for d, *_ in tie_days)
            if yc[f] != yp[f] and not tie_in_year:
                err(f"{year} {f}: CLI {yc[f]} pandas {yp[f]}")
    print(f"compared {len(days_pd)} days and {n_stats} annual statistics over {len(years_pd)} years")
    print(f"days whose AQI differs only through a rounding tie: {len(tie_days)}")
    for t in tie_days[:10]:
        print("  tie:", t)
    if errors:
        print(f"FAILED: {len(errors)} mismatches")
        sys.exit(1)
    print("OK: same numbers")


if __name__ == "__main__":
    main()
