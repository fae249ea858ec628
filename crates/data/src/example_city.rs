//! A clearly fictional example industrial city, so every view has data on the first visit.
//!
//! "Examplecity (fictional)" / "示例市（虚构）" is **not a real city** and its numbers are **not
//! measurements**. They are invented to look like a mid-sized Northeast China coal-and-steel
//! city, 2014–2022, and were chosen as follows:
//!
//! - Air quality: the annual means of Liaoning and Jilin prefecture-level cities in the MEE's
//!   yearly bulletins fall roughly from PM2.5 55–65 to 30–40 µg/m³ over 2014–2022, SO2 from 40–60
//!   to about 10, CO (95th percentile) from about 2.5 to 1.4 mg/m³, with O3-8h rising slightly; the
//!   example follows that shape, with one bad year (2017) so trends are not perfectly monotone. It
//!   deliberately does not copy the paper's Table 1 (whose values are regional and, per the
//!   reference notes, not internally consistent).
//! - Resources: a coal city in the "declining" class of the 2013 plan: reserves fall each year by
//!   exactly the year's extraction (so reserve-to-production years and the depletion test have a
//!   consistent series), extraction declines from 12 to 8.4 Mt.
//! - Energy: thermal generation dominates but falls from 86 % to 71 %; wind and solar grow at the
//!   Northeast's pace (wind ×1.7 and solar ×9 over 2016–2020 as in the paper's Figure 2 ratios);
//!   wind and solar capacity give capacity factors of 21–24 % and 12–14 %.
//! - Industry: GDP about 1,800–2,200 × 10^8 yuan, secondary share falling from 52 % to 41 %, the
//!   shape of the Northeast's GDP-by-industry series in the context reference.
//! - Population: 3.40 million falling to 3.17 million, births halving, deaths rising, so the
//!   natural growth rate turns negative in 2016 as it did across the Northeast; the rates are
//!   derived from the counts (per mille of the year-end population), so they are consistent.
//!
//! ```
//! use renewal_data::{example_city, IndicatorId, TimeKey};
//! let s = example_city::series();
//! let pm25 = s.iter().find(|s| s.indicator == IndicatorId::Pm25).unwrap();
//! assert_eq!(pm25.points.len(), 9);
//! assert_eq!(example_city::name(renewal_data::Lang::Zh), "示例市（虚构）");
//! ```

use crate::indicator::{IndicatorId as I, CATALOGUE};
use crate::lang::Lang;
use crate::table::{Point, Series};
use crate::time::TimeKey;

/// The city's stable id (the `city` of its series).
pub const CITY_ID: &str = "example-city-fictional";

/// Name in English.
pub const NAME_EN: &str = "Examplecity (fictional)";

/// Name in Chinese.
pub const NAME_ZH: &str = "示例市（虚构）";

/// A sentence saying what the example is, for the page.
pub fn disclaimer(lang: Lang) -> &'static str {
    lang.pick(
        "Examplecity is fictional: its values are invented to resemble a Northeast China industrial city and are not data about any real place.",
        "示例市是虚构城市：其数值为仿照东北工业城市编造的示例，并非任何真实地点的数据。",
    )
}

/// The name in `lang`.
pub fn name(lang: Lang) -> &'static str {
    lang.pick(NAME_EN, NAME_ZH)
}

/// First year of the series.
pub const FIRST_YEAR: i32 = 2014;

/// Values 2014–2022, in each indicator's canonical unit (see [`CATALOGUE`]).
const VALUES: &[(I, [f64; 9])] = &[
    // µg/m³ (CO mg/m³).
    (
        I::Pm25,
        [62.0, 57.0, 50.0, 52.0, 44.0, 41.0, 38.0, 35.0, 33.0],
    ),
    (
        I::Pm10,
        [105.0, 98.0, 88.0, 90.0, 76.0, 72.0, 66.0, 61.0, 58.0],
    ),
    (
        I::So2,
        [58.0, 46.0, 37.0, 33.0, 24.0, 18.0, 14.0, 12.0, 11.0],
    ),
    (
        I::No2,
        [38.0, 37.0, 35.0, 36.0, 33.0, 32.0, 30.0, 29.0, 27.0],
    ),
    (I::Co, [2.6, 2.4, 2.2, 2.2, 1.9, 1.7, 1.6, 1.5, 1.4]),
    (
        I::O3,
        [
            138.0, 142.0, 145.0, 152.0, 150.0, 156.0, 148.0, 146.0, 151.0,
        ],
    ),
    // Tonnes. Extraction first; reserves are derived from it below.
    (
        I::ResourceExtraction,
        [
            12.0e6, 11.8e6, 11.2e6, 10.9e6, 10.3e6, 9.8e6, 9.3e6, 8.9e6, 8.4e6,
        ],
    ),
    (
        I::ResourceProduction,
        [
            11.6e6, 11.3e6, 10.8e6, 10.5e6, 9.9e6, 9.5e6, 9.0e6, 8.6e6, 8.1e6,
        ],
    ),
    // GWh.
    (
        I::GenerationThermal,
        [
            15_480.0, 15_210.0, 14_890.0, 14_700.0, 14_310.0, 13_960.0, 13_520.0, 13_350.0,
            13_080.0,
        ],
    ),
    (
        I::GenerationHydro,
        [
            520.0, 480.0, 510.0, 470.0, 530.0, 500.0, 540.0, 560.0, 520.0,
        ],
    ),
    (
        I::GenerationWind,
        [
            1_240.0, 1_420.0, 1_650.0, 1_900.0, 2_180.0, 2_470.0, 2_810.0, 3_050.0, 3_300.0,
        ],
    ),
    (
        I::GenerationSolar,
        [
            40.0, 70.0, 120.0, 260.0, 450.0, 680.0, 1_080.0, 1_350.0, 1_620.0,
        ],
    ),
    (
        I::GenerationBiomass,
        [
            150.0, 160.0, 175.0, 190.0, 205.0, 215.0, 230.0, 245.0, 260.0,
        ],
    ),
    // MW.
    (
        I::CapacityWind,
        [
            650.0, 760.0, 880.0, 1_000.0, 1_130.0, 1_260.0, 1_420.0, 1_560.0, 1_700.0,
        ],
    ),
    (
        I::CapacitySolar,
        [
            40.0, 65.0, 110.0, 230.0, 390.0, 580.0, 910.0, 1_120.0, 1_330.0,
        ],
    ),
    // 10^8 yuan.
    (
        I::ValueAddedPrimary,
        [
            140.0, 143.0, 145.0, 148.0, 150.0, 154.0, 160.0, 164.0, 168.0,
        ],
    ),
    (
        I::ValueAddedSecondary,
        [
            936.0, 905.0, 866.0, 860.0, 850.0, 846.0, 835.0, 880.0, 900.0,
        ],
    ),
    (
        I::ValueAddedTertiary,
        [
            724.0, 772.0, 815.0, 860.0, 905.0, 950.0, 985.0, 1_060.0, 1_120.0,
        ],
    ),
    (
        I::Exports,
        [
            182.0, 170.0, 158.0, 171.0, 185.0, 179.0, 168.0, 204.0, 215.0,
        ],
    ),
    // %.
    (
        I::HighTechShare,
        [4.1, 4.4, 4.9, 5.3, 5.8, 6.4, 7.0, 7.8, 8.5],
    ),
    (
        I::PrimaryProductsExportShare,
        [36.0, 35.0, 34.0, 33.5, 32.0, 31.0, 30.5, 29.0, 28.0],
    ),
    // Persons (year-end resident population, births and deaths in the year).
    (
        I::Population,
        [
            3_400_000.0,
            3_385_000.0,
            3_366_000.0,
            3_344_000.0,
            3_318_000.0,
            3_290_000.0,
            3_258_000.0,
            3_215_000.0,
            3_172_000.0,
        ],
    ),
    (
        I::Births,
        [
            24_500.0, 23_100.0, 22_400.0, 21_000.0, 19_200.0, 17_600.0, 15_100.0, 13_900.0,
            12_800.0,
        ],
    ),
    (
        I::Deaths,
        [
            23_800.0, 24_200.0, 24_900.0, 25_300.0, 25_900.0, 26_500.0, 27_400.0, 28_800.0,
            30_600.0,
        ],
    ),
    (
        I::Age0To14Share,
        [11.6, 11.4, 11.2, 11.0, 10.8, 10.6, 10.4, 10.1, 9.8],
    ),
    (
        I::Age65PlusShare,
        [11.2, 11.8, 12.5, 13.3, 14.1, 14.9, 15.9, 16.7, 17.6],
    ),
    (
        I::TertiaryEducatedShare,
        [13.2, 13.8, 14.5, 15.1, 15.8, 16.5, 17.9, 18.5, 19.2],
    ),
];

/// Reserves at the start of the first year, tonnes.
const RESERVES_2014_T: f64 = 420.0e6;

fn values(id: I) -> Option<[f64; 9]> {
    VALUES.iter().find(|(i, _)| *i == id).map(|(_, v)| *v)
}

fn zip_with(a: [f64; 9], b: [f64; 9], f: impl Fn(f64, f64) -> f64) -> [f64; 9] {
    let mut out = [0.0; 9];
    for (o, (x, y)) in out.iter_mut().zip(a.iter().zip(b.iter())) {
        *o = f(*x, *y);
    }
    out
}

/// Every series of the example city: the tabled values plus those derived from them (reserves
/// from extraction, totals from parts, rates from counts, the 15–64 share as the remainder).
pub fn series() -> Vec<Series> {
    let mut all: Vec<(I, [f64; 9])> = VALUES.to_vec();
    let get = |id| values(id).unwrap_or([0.0; 9]);
    // Reserves fall by each year's extraction.
    let mut reserves = [0.0; 9];
    let mut r = RESERVES_2014_T;
    for (slot, e) in reserves.iter_mut().zip(get(I::ResourceExtraction)) {
        *slot = r;
        r -= e;
    }
    all.push((I::ResourceReserves, reserves));
    let gen_parts = [
        I::GenerationThermal,
        I::GenerationHydro,
        I::GenerationWind,
        I::GenerationSolar,
        I::GenerationBiomass,
    ];
    let total = gen_parts
        .iter()
        .fold([0.0; 9], |acc, id| zip_with(acc, get(*id), |a, b| a + b));
    all.push((I::GenerationTotal, total));
    // Installed capacity: the thermal fleet (4,200 MW) and hydro (180 MW) plus wind and solar.
    let ws = zip_with(get(I::CapacityWind), get(I::CapacitySolar), |a, b| a + b);
    all.push((I::CapacityTotal, ws.map(|x| x + 4_200.0 + 180.0)));
    let gdp = zip_with(
        zip_with(
            get(I::ValueAddedPrimary),
            get(I::ValueAddedSecondary),
            |a, b| a + b,
        ),
        get(I::ValueAddedTertiary),
        |a, b| a + b,
    );
    all.push((I::Gdp, gdp));
    let pop = get(I::Population);
    let per_mille =
        |counts: [f64; 9]| zip_with(counts, pop, |c, p| (c / p * 10_000.0).round() / 10.0);
    let br = per_mille(get(I::Births));
    let dr = per_mille(get(I::Deaths));
    all.push((I::BirthRate, br));
    all.push((I::DeathRate, dr));
    all.push((
        I::NaturalGrowthRate,
        zip_with(br, dr, |b, d| ((b - d) * 10.0).round() / 10.0),
    ));
    all.push((
        I::Age15To64Share,
        zip_with(get(I::Age0To14Share), get(I::Age65PlusShare), |a, b| {
            ((100.0 - a - b) * 10.0).round() / 10.0
        }),
    ));
    // Catalogue order, so views list them as the templates do.
    all.sort_by_key(|(id, _)| CATALOGUE.iter().position(|s| s.id == *id));
    all.into_iter()
        .map(|(id, v)| Series {
            city: Some(CITY_ID.to_string()),
            indicator: id,
            unit: id.spec().canonical_unit,
            points: (FIRST_YEAR..)
                .zip(v)
                .map(|(y, value)| Point {
                    time: TimeKey::Year(y),
                    value,
                })
                .collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indicator::Family;

    fn at(s: &[Series], id: I, year: i32) -> f64 {
        s.iter()
            .find(|x| x.indicator == id)
            .and_then(|x| x.points.iter().find(|p| p.time == TimeKey::Year(year)))
            .map(|p| p.value)
            .unwrap()
    }

    #[test]
    fn every_family_has_nine_years_of_valid_values() {
        let s = series();
        for f in Family::ALL {
            let n = s.iter().filter(|x| x.indicator.spec().family == f).count();
            assert!(n >= 3, "{f:?}: {n}");
        }
        for x in &s {
            assert_eq!(x.points.len(), 9, "{:?}", x.indicator);
            for p in &x.points {
                assert!(p.value.is_finite());
                if x.unit == crate::Unit::Percent {
                    assert!((0.0..=100.0).contains(&p.value));
                }
            }
        }
    }

    #[test]
    fn derived_series_are_consistent() {
        let s = series();
        // Reserves: 420 Mt at the start of 2014, minus 12.0 Mt extracted in 2014 = 408 Mt in 2015.
        assert_eq!(at(&s, I::ResourceReserves, 2015), 408.0e6);
        // GDP 2014 = 140 + 936 + 724 = 1,800 × 10^8 yuan.
        assert_eq!(at(&s, I::Gdp, 2014), 1800.0);
        // Birth rate 2014 = 24,500 / 3,400,000 × 1000 = 7.205… → 7.2 ‰; death rate 7.0 ‰.
        assert_eq!(at(&s, I::BirthRate, 2014), 7.2);
        assert_eq!(at(&s, I::DeathRate, 2014), 7.0);
        assert_eq!(at(&s, I::NaturalGrowthRate, 2014), 0.2);
        assert!(at(&s, I::NaturalGrowthRate, 2016) < 0.0);
        // 15–64 share 2014 = 100 − 11.6 − 11.2 = 77.2 %.
        assert_eq!(at(&s, I::Age15To64Share, 2014), 77.2);
        // Wind capacity factor 2020 = 2,810 GWh / (1,420 MW × 8.784 h/1000) ≈ 22.5 %.
        let cf = at(&s, I::GenerationWind, 2020) / (at(&s, I::CapacityWind, 2020) * 8.784);
        assert!((0.20..0.25).contains(&cf), "{cf}");
    }
}
