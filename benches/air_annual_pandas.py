#!/usr/bin/env python3
"""The statistics of `renewal air-annual --standard hj633-2026` (grade II), written in pandas.

The independent implementation of benchmark 1 (BENCHMARKS.md): what a researcher would write
instead of using our CLI. It reads the same hourly CSV (`timestamp,pm25,pm10,so2,no2,co,o3`,
timestamps labelled by the hour they start) and computes, with the rules of
crates/calc/src/air_statistics and crates/calc/src/aqi:

- daily means of pm25 pm10 so2 no2 co: valid with >= 20 hourly values (GB 3095 Table 4);
- O3 8-hour moving means (windows starting 00:00 .. 16:00 of the day, i.e. ending 07:00 ..
  23:00), each valid with >= 6 values; MDA8 = the largest valid window mean, valid with >= 14
  valid windows, or with fewer when it exceeds the GB 3095 grade II O3 8-h limit 160 µg/m³;
- the daily AQI of HJ 633-2026: each concentration rounded half-to-even (µg/m³ to an integer,
  CO mg/m³ to one decimal, §4.2.2) from its shortest decimal text, IAQI by the Table 3
  breakpoints in exact integer arithmetic and rounded up (§4.2.6), O3 8-h above 800 -> 300
  (note c); AQI = max IAQI; with an indicator missing the day counts only if AQI > 100 (§5.3.1);
  primary pollutants = the indicators at the AQI when AQI > 50;
- per calendar year: annual means (so2 no2 pm10 pm25), P98 (so2 no2), P95 (pm10 pm25 co) of the
  daily means and P90 of MDA8, by HJ 663's percentile (linear, numpy's default "type 7"), each
  valid with >= 324 daily values and >= 27 in every month (25 in February); valid AQI days,
  good days (AQI <= 100) and days per category.

Not supported (the generated benchmark data never contain them; the script stops with a message):
indicators beyond the top of their table (no index), HJ 633-2012, hour-end labels.

Usage: air_annual_pandas.py FILE.csv [--daily] [--out OUT.json]
Prints (or writes) one JSON object; `timing` holds seconds spent after the imports.
"""

import time

T_START = time.perf_counter()

import argparse  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
from decimal import ROUND_HALF_EVEN, Decimal  # noqa: E402

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

T_IMPORTED = time.perf_counter()

# HJ 633-2026 Table 3 (same numbers as crates/calc/reference/aqi-breakpoints.toml).
IAQI_8 = [0, 50, 100, 150, 200, 300, 400, 500]
TABLES = {
    # key: (column, breakpoints, IAQI, decimals of §4.2.2 rounding)
    "so2_24h": ("so2", [0, 50, 150, 475, 800, 1600, 2100, 2620], IAQI_8, 0),
    "no2_24h": ("no2", [0, 40, 80, 180, 280, 565, 750, 940], IAQI_8, 0),
    "co_24h": ("co", [0, 2, 4, 14, 24, 36, 48, 60], IAQI_8, 1),
    "pm10_24h": ("pm10", [0, 50, 120, 250, 350, 420, 500, 600], IAQI_8, 0),
    "pm25_24h": ("pm25", [0, 35, 60, 115, 150, 250, 350, 500], IAQI_8, 0),
    "o3_8h": ("o3", [0, 100, 160, 215, 265, 800], [0, 50, 100, 150, 200, 300], 0),
}
O3_8H_ABOVE_TOP = 300  # Table 3 note c
O3_8H_LIMIT = 160.0  # GB 3095 grade II, rescues a thin MDA8 day
CATEGORIES = [  # (id, highest AQI)
    ("cn_excellent", 50),
    ("cn_good", 100),
    ("cn_lightly_polluted", 150),
    ("cn_moderately_polluted", 200),
    ("cn_heavily_polluted", 300),
    ("cn_severely_polluted", None),
]
MIN_HOURS_PER_DAY = 20
MIN_HOURS_PER_8H = 6
MIN_WINDOWS_PER_DAY = 14
MIN_DAYS_PER_YEAR = 324
MIN_DAYS_PER_MONTH = 27
MIN_DAYS_IN_FEBRUARY = 25
ANNUAL = [  # (pollutant, statistic, percentile or None for the mean)
    ("so2", "annual_mean", None),
    ("so2", "p98_of_daily_means", 98),
    ("no2", "annual_mean", None),
    ("no2", "p98_of_daily_means", 98),
    ("pm10", "annual_mean", None),
    ("pm10", "p95_of_daily_means", 95),
    ("pm25", "annual_mean", None),
    ("pm25", "p95_of_daily_means", 95),
    ("co", "p95_of_daily_means", 95),
    ("o3", "p90_of_mda8", 90),
]
DAILY_KEY = {t[0]: k for k, t in TABLES.items()}


def round_half_even(x, decimals):
    """Round like the calc crate: half to even on the shortest decimal text of each float.

    For 0 decimals numpy's rint (half-even on the binary value) gives the same result, since a
    float exactly at k + 0.5 prints as "k.5" and any other float prints on its own side of it.
    For 1 decimal the ties (x.x5) are not floats, so the few values near one go through Decimal.
    """
    if decimals == 0:
        return np.rint(x)
    scaled = x * 10**decimals
    out = np.rint(scaled) / 10**decimals
    near = np.abs(scaled - np.floor(scaled) - 0.5) < 1e-6
    for i in np.flatnonzero(near & ~np.isnan(x)):
        q = Decimal(repr(float(x[i]))).quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_EVEN)
        out[i] = float(q)
    return out


def iaqi(key, conc):
    """IAQI of HJ 633-2026 for an array of concentrations (NaN -> NaN)."""
    _, bp, ia, decimals = TABLES[key]
    scale = 10**decimals
    valid = ~np.isnan(conc)
    c = np.zeros(conc.shape, dtype=np.int64)
    c[valid] = np.rint(round_half_even(conc[valid], decimals) * scale).astype(np.int64)
    bp_s = np.array(bp, dtype=np.int64) * scale
    above = valid & (c > bp_s[-1])
    if above.any() and key != "o3_8h":
        sys.exit(f"{key}: a daily value is above the table (beyond the index): not supported")
    # Bands are (bp[k], bp[k+1]], the first one closed: searchsorted 'left' finds k + 1.
    band = np.clip(np.searchsorted(bp_s, c, side="left") - 1, 0, len(bp) - 2)
    lo, hi = bp_s[band], bp_s[band + 1]
    i_lo = np.array(ia, dtype=np.int64)[band]
    i_hi = np.array(ia, dtype=np.int64)[band + 1]
    den = hi - lo
    num = i_lo * den + (i_hi - i_lo) * (c - lo)
    out = (-((-num) // den)).astype(np.float64)  # ceil in integers
    out[above] = O3_8H_ABOVE_TOP
    out[~valid] = np.nan
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("file")
    ap.add_argument("--daily", action="store_true", help="include the per-day results")
    ap.add_argument("--out", help="write the JSON here instead of stdout")
    args = ap.parse_args()

    t0 = time.perf_counter()
    df = pd.read_csv(args.file, na_values=["NA", "-"])
    df.columns = [c.strip().lstrip("\ufeff").lower() for c in df.columns]
    stamp = pd.to_datetime(df.iloc[:, 0], format="%Y-%m-%d %H:%M")
    hour = stamp.to_numpy().astype("datetime64[h]").astype(np.int64)
    if pd.Series(hour).duplicated().any():
        sys.exit("an hour appears more than once")
    pollutants = [c for c in df.columns[1:]]
    values = df[pollutants].astype(np.float64)
    if (values < 0).any().any():
        sys.exit("negative concentration")
    t_read = time.perf_counter()

    # Every day from the first to the last day with a value of any pollutant.
    has_value = values.notna().any(axis=1).to_numpy()
    first_day = hour[has_value].min() // 24
    last_day = hour[has_value].max() // 24
    days = np.arange(first_day, last_day + 1)
    # Dense hourly frame over those days (absent rows -> NaN).
    dense = (
        values.set_axis(hour)
        .reindex(np.arange(first_day * 24, (last_day + 1) * 24))
    )
    day_of_hour = dense.index.to_numpy() // 24

    daily = pd.DataFrame(index=days)
    counts = pd.DataFrame(index=days)
    for p in pollutants:
        if p == "o3":
            # 8-hour windows ending at hour e hold hours e-7 .. e; keep those ending 07..23.
            roll = dense["o3"].rolling(8, min_periods=MIN_HOURS_PER_8H).mean()
            win = roll.to_numpy().reshape(-1, 24)[:, 7:24]  # (days, 17 windows)
            n_valid = np.sum(~np.isnan(win), axis=1)
            with np.errstate(all="ignore"):
                mx = np.where(n_valid > 0, np.nanmax(np.where(np.isnan(win), -np.inf, win), axis=1), np.nan)
            ok = (n_valid >= MIN_WINDOWS_PER_DAY) | (mx > O3_8H_LIMIT)
            daily["o3"] = np.where(ok, mx, np.nan)
            counts["o3"] = n_valid
        else:
            g = dense[p].groupby(day_of_hour)
            n = g.count()
            m = g.mean()
            daily[p] = m.where(n >= MIN_HOURS_PER_DAY).reindex(days).to_numpy()
            counts[p] = n.reindex(days, fill_value=0).to_numpy()
    t_daily = time.perf_counter()

    # Daily AQI.
    keys = [DAILY_KEY[p] for p in ["so2", "no2", "co", "pm10", "pm25", "o3"]]
    sub = pd.DataFrame(index=days)
    for k in keys:
        col = TABLES[k][0]
        conc = daily[col].to_numpy() if col in daily else np.full(len(days), np.nan)
        sub[k] = iaqi(k, conc)
    subs = sub.to_numpy()
    n_present = np.sum(~np.isnan(subs), axis=1)
    with np.errstate(all="ignore"):
        aqi = np.where(n_present > 0, np.nanmax(np.where(np.isnan(subs), -np.inf, subs), axis=1), np.nan)
    complete = n_present == len(keys)
    aqi_valid = (n_present > 0) & (complete | (aqi > 100))
    aqi = np.where(aqi_valid, aqi, np.nan)
    bounds = [b for _, b in CATEGORIES[:-1]]
    cat_idx = np.searchsorted(np.array(bounds), aqi, side="left")  # AQI <= bound
    category = np.where(aqi_valid, cat_idx, -1)
    t_aqi = time.perf_counter()

    # Annual statistics.
    dates = pd.to_datetime(days, unit="D")
    year = dates.year.to_numpy()
    month = dates.month.to_numpy()
    annual = []
    for y in np.unique(year):
        in_year = year == y
        stats = []
        for p, stat, q in ANNUAL:
            if p not in daily:
                continue
            v = daily[p].to_numpy()
            sel = in_year & ~np.isnan(v)
            vals = v[sel]
            per_month = np.bincount(month[sel], minlength=13)[1:]
            needed = np.array([MIN_DAYS_IN_FEBRUARY if m == 2 else MIN_DAYS_PER_MONTH for m in range(1, 13)])
            ok = len(vals) >= MIN_DAYS_PER_YEAR and bool(np.all(per_month >= needed))
            if ok:
                value = float(np.mean(vals)) if q is None else float(np.percentile(vals, q))
            else:
                value = None
            stats.append({"pollutant": p, "statistic": stat, "value": value, "days": int(len(vals))})
        cats = category[in_year]
        aq = aqi[in_year]
        valid_days = int(np.sum(cats >= 0))
        good = int(np.sum(aq <= 100))
        annual.append({
            "year": int(y),
            "statistics": stats,
            "valid_aqi_days": valid_days,
            "good_days": good,
            "good_days_ratio": good / valid_days if valid_days else None,
            "days_per_category": [
                {"category": cid, "days": int(np.sum(cats == i))} for i, (cid, _) in enumerate(CATEGORIES)
            ],
        })
    t_annual = time.perf_counter()

    out = {
        "standard": "cn_hj633_2026",
        "rows_read": int(len(df)),
        "annual": annual,
        "timing": {
            "import_s": T_IMPORTED - T_START,
            "read_s": t_read - t0,
            "daily_s": t_daily - t_read,
            "aqi_s": t_aqi - t_daily,
            "annual_s": t_annual - t_aqi,
            "compute_s": t_annual - t0,
        },
    }
    if args.daily:
        date_text = dates.strftime("%Y-%m-%d")
        rows = []
        for i, d in enumerate(date_text):
            a = aqi[i]
            primary = []
            if not np.isnan(a) and a > 50:
                primary = [k for j, k in enumerate(keys) if subs[i, j] == a]
            rows.append({
                "date": d,
                "aqi": None if np.isnan(a) else int(a),
                "category": CATEGORIES[category[i]][0] if category[i] >= 0 else None,
                "primary": primary,
                "indicators": {
                    k: (None if np.isnan(daily[TABLES[k][0]].iat[i]) else float(daily[TABLES[k][0]].iat[i]))
                    for k in keys if TABLES[k][0] in daily
                },
            })
        out["daily"] = rows
    text = json.dumps(out)
    if args.out:
        with open(args.out, "w") as f:
            f.write(text)
    else:
        print(text)


if __name__ == "__main__":
    main()
