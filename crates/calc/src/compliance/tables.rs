//! GB 3095 limit values and WHO 2021 guideline values, from `reference/aqi-breakpoints.toml`
//! (`[gb3095_2012.limits]`, `[gb3095_2026.limits_transition]`, `[gb3095_2026.limits_final]`,
//! `[who_2021.*]`). The only place these numbers appear; tested equal to the TOML.

use super::{LimitSet, Metric as M};

/// One GB 3095 limit (µg/m³; CO mg/m³).
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Limit {
    /// The metric.
    pub metric: M,
    /// Grade I limit.
    pub grade_i: f64,
    /// Grade II limit.
    pub grade_ii: f64,
}

const fn l(metric: M, grade_i: f64, grade_ii: f64) -> Limit {
    Limit {
        metric,
        grade_i,
        grade_ii,
    }
}

/// GB 3095-2012 Table 1.
const GB3095_2012: &[Limit] = &[
    l(M::So2Annual, 20.0, 60.0),
    l(M::So2_24h, 50.0, 150.0),
    l(M::So2_1h, 150.0, 500.0),
    l(M::No2Annual, 40.0, 40.0),
    l(M::No2_24h, 80.0, 80.0),
    l(M::No2_1h, 200.0, 200.0),
    l(M::Co_24h, 4.0, 4.0),
    l(M::Co_1h, 10.0, 10.0),
    l(M::O3_8h, 100.0, 160.0),
    l(M::O3_1h, 160.0, 200.0),
    l(M::Pm10Annual, 40.0, 70.0),
    l(M::Pm10_24h, 50.0, 150.0),
    l(M::Pm25Annual, 15.0, 35.0),
    l(M::Pm25_24h, 35.0, 75.0),
];

/// GB 3095-2026 Table 1, transition column (2026-03-01 … 2030-12-31).
const GB3095_2026_TRANSITION: &[Limit] = &[
    l(M::So2Annual, 20.0, 60.0),
    l(M::So2_24h, 50.0, 150.0),
    l(M::So2_1h, 150.0, 500.0),
    l(M::No2Annual, 40.0, 40.0),
    l(M::No2_24h, 80.0, 80.0),
    l(M::No2_1h, 200.0, 200.0),
    l(M::Co_24h, 4.0, 4.0),
    l(M::Co_1h, 10.0, 10.0),
    l(M::O3_8h, 100.0, 160.0),
    l(M::O3_1h, 160.0, 200.0),
    l(M::Pm10Annual, 40.0, 60.0),
    l(M::Pm10_24h, 50.0, 120.0),
    l(M::Pm25Annual, 15.0, 30.0),
    l(M::Pm25_24h, 35.0, 60.0),
];

/// GB 3095-2026 Table 1, final column (from 2031-01-01).
const GB3095_2026_FINAL: &[Limit] = &[
    l(M::So2Annual, 20.0, 20.0),
    l(M::So2_24h, 50.0, 50.0),
    l(M::So2_1h, 150.0, 150.0),
    l(M::No2Annual, 30.0, 30.0),
    l(M::No2_24h, 50.0, 50.0),
    l(M::No2_1h, 200.0, 200.0),
    l(M::Co_24h, 4.0, 4.0),
    l(M::Co_1h, 10.0, 10.0),
    l(M::O3_8h, 100.0, 160.0),
    l(M::O3_1h, 160.0, 200.0),
    l(M::Pm10Annual, 20.0, 50.0),
    l(M::Pm10_24h, 50.0, 100.0),
    l(M::Pm25Annual, 10.0, 25.0),
    l(M::Pm25_24h, 25.0, 50.0),
];

/// The limits of a set.
pub fn limits(set: LimitSet) -> &'static [Limit] {
    match set {
        LimitSet::Gb3095_2012 => GB3095_2012,
        LimitSet::Gb3095_2026Transition => GB3095_2026_TRANSITION,
        LimitSet::Gb3095_2026Final => GB3095_2026_FINAL,
    }
}

/// One WHO 2021 guideline (µg/m³; CO mg/m³).
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct WhoGuideline {
    /// The metric.
    pub metric: M,
    /// Interim targets IT-1 … IT-n (decreasing).
    pub interim: &'static [f64],
    /// Air quality guideline level.
    pub aqg: f64,
}

const fn w(metric: M, interim: &'static [f64], aqg: f64) -> WhoGuideline {
    WhoGuideline {
        metric,
        interim,
        aqg,
    }
}

/// WHO 2021 summary table (SO2 24-h AQG 40, see reference §6 on AirClim's typo).
const WHO_2021: &[WhoGuideline] = &[
    w(M::Pm25Annual, &[35.0, 25.0, 15.0, 10.0], 5.0),
    w(M::Pm25_24h, &[75.0, 50.0, 37.5, 25.0], 15.0),
    w(M::Pm10Annual, &[70.0, 50.0, 30.0, 20.0], 15.0),
    w(M::Pm10_24h, &[150.0, 100.0, 75.0, 50.0], 45.0),
    w(M::O3PeakSeason, &[100.0, 70.0], 60.0),
    w(M::O3_8h, &[160.0, 120.0], 100.0),
    w(M::No2Annual, &[40.0, 30.0, 20.0], 10.0),
    w(M::No2_24h, &[120.0, 50.0], 25.0),
    w(M::So2_24h, &[125.0, 50.0], 40.0),
    w(M::Co_24h, &[7.0], 4.0),
];

/// The WHO 2021 guidelines.
pub fn who_2021() -> &'static [WhoGuideline] {
    WHO_2021
}
