//! Tests of the AQI engine: the tables against the reference TOML, every breakpoint boundary
//! (fixture from an independent Python implementation), the worked examples, the rules above
//! the tables, and property tests.
//!
//! Note: this file runs past 600 lines on purpose; it keeps the engine's table-driven cases and
//! rule tests in one place (the python-aqi comparison has its own file).

use super::*;
use proptest::prelude::*;

const REFERENCE_TOML: &str = include_str!("../../reference/aqi-breakpoints.toml");
const BOUNDARY_CASES: &str = include_str!("../../tests/fixtures/aqi_boundaries/cases.csv");

fn reference() -> toml::Table {
    REFERENCE_TOML.parse().expect("reference TOML parses")
}

fn floats(v: &toml::Value) -> Vec<f64> {
    v.as_array()
        .expect("array")
        .iter()
        .map(|x| x.as_float().expect("float"))
        .collect()
}

fn ints(v: &toml::Value) -> Vec<u32> {
    v.as_array()
        .expect("array")
        .iter()
        .map(|x| u32::try_from(x.as_integer().expect("int")).expect("fits"))
        .collect()
}

#[test]
fn tables_equal_the_reference_toml() {
    let r = reference();
    for id in StandardId::ALL {
        let std = standard(id);
        let tables = r[id.id()]["tables"].as_table().expect("tables");
        assert_eq!(tables.len(), std.tables.len(), "{id}: number of tables");
        for (key, t) in tables {
            let k = PollutantKey::from_key(key).unwrap_or_else(|| panic!("unknown key {key}"));
            let ours = std
                .table(k)
                .unwrap_or_else(|| panic!("{id}: no table {key}"));
            assert_eq!(
                ours.unit.symbol(),
                t["unit"].as_str().unwrap(),
                "{id}.{key} unit"
            );
            match ours.shape {
                TableShape::Continuous { bp, iaqi } => {
                    assert_eq!(bp, floats(&t["bp"]).as_slice(), "{id}.{key} bp");
                    assert_eq!(iaqi, ints(&t["iaqi"]).as_slice(), "{id}.{key} iaqi");
                    match t.get("above_top_iaqi") {
                        Some(v) => assert_eq!(
                            ours.above_top,
                            AboveTopRule::Fixed(u32::try_from(v.as_integer().unwrap()).unwrap())
                        ),
                        None if t.get("above_top_rule").is_some() => {
                            assert!(matches!(ours.above_top, AboveTopRule::UseOther(_)))
                        }
                        None => assert_eq!(ours.above_top, AboveTopRule::BeyondIndex),
                    }
                }
                TableShape::Banded {
                    c_lo,
                    c_hi,
                    i_lo,
                    i_hi,
                } => {
                    assert_eq!(c_lo, floats(&t["c_lo"]).as_slice(), "{id}.{key} c_lo");
                    assert_eq!(c_hi, floats(&t["c_hi"]).as_slice(), "{id}.{key} c_hi");
                    assert_eq!(i_lo, ints(&t["i_lo"]).as_slice(), "{id}.{key} i_lo");
                    assert_eq!(i_hi, ints(&t["i_hi"]).as_slice(), "{id}.{key} i_hi");
                    let d = u32::try_from(t["truncate_decimals"].as_integer().unwrap()).unwrap();
                    assert_eq!(
                        ours.rounding,
                        ConcentrationRounding::Truncate { decimals: d }
                    );
                }
            }
        }
        let meta = &r[id.id()];
        assert_eq!(
            std.status,
            match meta["status"].as_str().unwrap() {
                "current" => Status::Current,
                _ => Status::Superseded,
            }
        );
        assert_eq!(
            std.effective,
            meta.get("effective").and_then(|v| v.as_str())
        );
        assert_eq!(
            std.superseded_on,
            meta.get("superseded_on").and_then(|v| v.as_str())
        );
    }
}

#[test]
fn categories_equal_the_reference_toml() {
    let r = reference();
    for (name, ours) in [
        ("cn_categories", CN_CATEGORIES),
        ("us_categories", US_CATEGORIES),
    ] {
        let theirs = r[name].as_array().unwrap();
        assert_eq!(theirs.len(), ours.len());
        for (t, c) in theirs.iter().zip(ours) {
            let rgb = ints(&t["rgb"]);
            assert_eq!(
                vec![u32::from(c.rgb.0), u32::from(c.rgb.1), u32::from(c.rgb.2)],
                rgb
            );
            assert_eq!(c.rgb.hex(), t["hex"].as_str().unwrap());
            let cmyk: Vec<u32> = c.cmyk.iter().map(|&x| u32::from(x)).collect();
            assert_eq!(cmyk, ints(&t["cmyk"]));
            assert_eq!(i64::from(c.aqi_min), t["aqi_min"].as_integer().unwrap());
            let max = t["aqi_max"].as_integer().unwrap();
            // The TOML closes the open top with 500 (China) or i32::MAX (US): ours is `None`.
            if c.level < 6 {
                assert_eq!(c.aqi_max.map(i64::from), Some(max));
            } else {
                assert_eq!(c.aqi_max, None);
            }
            let en = t.get("name_en").or_else(|| t.get("name")).unwrap();
            assert_eq!(c.name.en, en.as_str().unwrap());
            if let Some(zh) = t.get("name_zh") {
                assert_eq!(c.name.zh, zh.as_str().unwrap());
            }
            if let Some(cvd) = t.get("colorvision_assist_rgb") {
                let v = ints(cvd);
                let ours = c.colour_vision_rgb;
                assert_eq!(
                    vec![u32::from(ours.0), u32::from(ours.1), u32::from(ours.2)],
                    v
                );
            }
        }
    }
}

#[test]
fn tables_are_well_formed() {
    for id in StandardId::ALL {
        for t in standard(id).tables {
            let bands = t.shape.bands();
            assert!(!bands.is_empty(), "{id}.{}", t.key);
            match t.shape {
                TableShape::Continuous { bp, iaqi } => assert_eq!(bp.len(), iaqi.len()),
                TableShape::Banded {
                    c_lo,
                    c_hi,
                    i_lo,
                    i_hi,
                } => {
                    assert!(
                        c_lo.len() == c_hi.len()
                            && c_hi.len() == i_lo.len()
                            && i_lo.len() == i_hi.len()
                    );
                }
            }
            for b in &bands {
                assert!(b.c_lo < b.c_hi && b.i_lo < b.i_hi, "{id}.{} {b:?}", t.key);
            }
            for w in bands.windows(2) {
                assert!(
                    w[0].c_hi <= w[1].c_lo && w[0].i_hi <= w[1].i_lo,
                    "{id}.{}",
                    t.key
                );
                // Banded tables close their gaps after truncation: next c_lo = c_hi + one step.
                if let ConcentrationRounding::Truncate { decimals } = t.rounding {
                    let step = 10f64.powi(-(decimals as i32));
                    assert!(
                        (w[1].c_lo - w[0].c_hi - step).abs() < step / 100.0,
                        "{id}.{}",
                        t.key
                    );
                    assert_eq!(w[1].i_lo, w[0].i_hi + 1);
                }
            }
            assert!(!t.clause.is_empty());
        }
    }
}

#[test]
fn every_breakpoint_boundary_matches_the_independent_implementation() {
    let mut n = 0;
    for line in BOUNDARY_CASES.lines().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        let id: StandardId = f[0].parse().unwrap();
        let key = PollutantKey::from_key(f[1]).unwrap();
        let c: f64 = f[2].parse().unwrap();
        let s = iaqi(id, key, c).unwrap();
        let got = match (s.iaqi, s.status) {
            (_, SubIndexStatus::BeyondIndex) => "beyond".to_owned(),
            (_, SubIndexStatus::BelowTable) => "below".to_owned(),
            (_, SubIndexStatus::RatedByOther { .. }) => "other".to_owned(),
            (Some(v), _) => v.to_string(),
            (None, st) => format!("{st:?}"),
        };
        assert_eq!(got, f[3], "{line}");
        n += 1;
    }
    assert!(n > 1000, "only {n} cases");
}

/// One worked example: standard, key, concentration, expected index, source.
struct Example(StandardId, PollutantKey, f64, u32, &'static str);

const WORKED_EXAMPLES: &[Example] = &[
    Example(StandardId::UsEpa2024, PollutantKey::O3_8h, 0.078, 126,
        "TAD 2024 worked example; (150-101)/(0.085-0.071)*(0.078-0.071)+101 = 125.5 exactly -> 126 (reference §2.3)"),
    // Kept and marked: the TAD prints 148 for this example, but its own equation gives
    // (200-151)... no: band 0.125-0.164 -> 101-150: 49/0.039*0.037+101 = 147.487 -> 147.
    Example(StandardId::UsEpa2024, PollutantKey::O3_1h, 0.162, 147,
        "TAD 2024 1-h O3 example, printed 148; the equation gives 147.49 -> 147 (reference §2.3, §6)"),
    Example(StandardId::CnHj633_2012, PollutantKey::Pm25_24h, 170.0, 220,
        "reference B1: 2014 PM2.5 = 170 gives IAQI 220 (150-250 -> 200-300: 200 + 100*20/100)"),
    // Hand-checked: PM2.5 75 is IAQI 100 under 2012 and (60..115 -> 100..150) 100 + 50*15/55 =
    // 113.6 -> 114 under 2026, the change of the 2026 table (reference §0).
    Example(StandardId::CnHj633_2012, PollutantKey::Pm25_24h, 75.0, 100, "HJ 633-2012 Table 1, IAQI 100 column"),
    Example(StandardId::CnHj633_2026, PollutantKey::Pm25_24h, 75.0, 114, "HJ 633-2026 Table 3, hand-computed"),
    Example(StandardId::CnHj633_2026, PollutantKey::Pm10_24h, 120.0, 100, "HJ 633-2026 Table 3, IAQI 100 column"),
    // US 2024 PM2.5 35.0: 51 + 49/26.3*(35.0-9.1) = 99.25 -> 99.
    Example(StandardId::UsEpa2024, PollutantKey::Pm25_24h, 35.0, 99, "TAD 2024 Table 6, hand-computed"),
    // US 2024 PM2.5 above 500 extrapolates: 301 + 199/99.9*(500.0-225.5) = 847.8 -> 848.
    Example(StandardId::UsEpa2024, PollutantKey::Pm25_24h, 500.0, 848, "TAD 2024 footnote 4, hand-computed"),
];

#[test]
fn worked_examples_give_the_expected_index() {
    for Example(id, key, c, expected, source) in WORKED_EXAMPLES {
        let s = iaqi(*id, *key, *c).unwrap();
        assert_eq!(s.iaqi, Some(*expected), "{id} {key} {c}: {source}");
    }
}

fn check(
    id: StandardId,
    inputs: &[(PollutantKey, f64)],
    aqi_: Option<u32>,
    primary: &[PollutantKey],
) -> AqiResult {
    let r = aqi(id, inputs).unwrap();
    assert_eq!(r.aqi, aqi_, "{id} {inputs:?}: {r:?}");
    assert_eq!(r.primary, primary, "{id} {inputs:?}");
    r
}

use PollutantKey as K;

#[test]
fn china_2026_rounds_concentrations_half_to_even_before_lookup() {
    // 34.5 -> 34 (even): ceil(34 * 50/35) = ceil(48.57) = 49. 35.5 -> 36: ceil(50 + 25/25*1)... =
    // 50 + 40/25*... : segment 35..60 -> 50..100, 50 + 50/25*1 = 52.
    assert_eq!(
        iaqi(StandardId::CnHj633_2026, K::Pm25_24h, 34.5)
            .unwrap()
            .iaqi,
        Some(49)
    );
    assert_eq!(
        iaqi(StandardId::CnHj633_2026, K::Pm25_24h, 35.5)
            .unwrap()
            .iaqi,
        Some(52)
    );
    // CO 2.05 -> 2.0 (half-even) -> 50; 2.15 -> 2.2 -> 50 + 50/2*0.2 = 55.
    assert_eq!(
        iaqi(StandardId::CnHj633_2026, K::Co_24h, 2.05)
            .unwrap()
            .iaqi,
        Some(50)
    );
    assert_eq!(
        iaqi(StandardId::CnHj633_2026, K::Co_24h, 2.15)
            .unwrap()
            .iaqi,
        Some(55)
    );
    // 2012 uses the value as given: 35.5 -> 50 + 50/40*0.5 = 50.625 -> 51.
    assert_eq!(
        iaqi(StandardId::CnHj633_2012, K::Pm25_24h, 35.5)
            .unwrap()
            .iaqi,
        Some(51)
    );
}

#[test]
fn china_rounds_the_index_up_and_us_to_nearest() {
    // 2012 SO2 24-h 75: 50 + 50*25/100 = 62.5 -> 63 (up); US PM10 100: 51 + 49/99*45 = 73.27 -> 73.
    assert_eq!(
        iaqi(StandardId::CnHj633_2012, K::So2_24h, 75.0)
            .unwrap()
            .iaqi,
        Some(63)
    );
    assert_eq!(
        iaqi(StandardId::UsEpa2024, K::Pm10_24h, 100.0)
            .unwrap()
            .iaqi,
        Some(73)
    );
    // US NO2 1-h 77: 51 + 49/46*23 = 75.5 exactly -> 76 (half up, exact arithmetic).
    assert_eq!(
        iaqi(StandardId::UsEpa2024, K::No2_1h, 77.0).unwrap().iaqi,
        Some(76)
    );
}

#[test]
fn us_truncates_before_lookup_so_125_5_is_not_125() {
    // 125.45 truncates to 125.4 (top of 151-200); 125.5 is the first value of 201-300.
    assert_eq!(
        iaqi(StandardId::UsEpa2024, K::Pm25_24h, 125.45)
            .unwrap()
            .iaqi,
        Some(200)
    );
    assert_eq!(
        iaqi(StandardId::UsEpa2024, K::Pm25_24h, 125.5)
            .unwrap()
            .iaqi,
        Some(201)
    );
    assert_eq!(
        iaqi(StandardId::UsEpa2024, K::Pm25_24h, 125.5)
            .unwrap()
            .concentration_used,
        Some(125.5)
    );
}

#[test]
fn china_2012_switches_so2_1h_above_800_to_the_24h_index() {
    let r = check(
        StandardId::CnHj633_2012,
        &[(K::So2_1h, 900.0), (K::So2_24h, 200.0)],
        Some(108),
        &[K::So2_24h],
    );
    // 24-h 200: 100 + 50*50/325 = 107.7 -> 108.
    assert_eq!(
        r.sub_indices[0].status,
        SubIndexStatus::RatedByOther { other: K::So2_24h }
    );
    // Without the 24-h mean the SO2 index is beyond the 1-h table.
    let r = check(
        StandardId::CnHj633_2012,
        &[(K::So2_1h, 900.0)],
        None,
        &[K::So2_1h],
    );
    assert_eq!(r.beyond_index, vec![K::So2_1h]);
    assert_eq!(r.aqi_at_least, Some(200));
}

#[test]
fn china_2026_fixes_so2_1h_at_200_and_o3_8h_at_300_above_800() {
    check(
        StandardId::CnHj633_2026,
        &[(K::So2_1h, 900.0)],
        Some(200),
        &[K::So2_1h],
    );
    check(
        StandardId::CnHj633_2026,
        &[(K::O3_8h, 801.0)],
        Some(300),
        &[K::O3_8h],
    );
    // 2012: O3 8-h above 800 is rated by the 1-h mean: 1000 -> 400.
    check(
        StandardId::CnHj633_2012,
        &[(K::O3_8h, 801.0), (K::O3_1h, 1000.0)],
        Some(400),
        &[K::O3_1h],
    );
}

#[test]
fn china_beyond_the_table_is_explicit_never_clamped() {
    let r = check(
        StandardId::CnHj633_2012,
        &[(K::Pm25_24h, 500.1), (K::Pm10_24h, 100.0)],
        None,
        &[K::Pm25_24h],
    );
    assert_eq!(r.beyond_index, vec![K::Pm25_24h]);
    assert_eq!(r.aqi_at_least, Some(500));
    assert_eq!(r.category, Some(CategoryId::CnSeverelyPolluted));
    // Huge and exactly-top values.
    let r = aqi(StandardId::CnHj633_2026, &[(K::Pm25_24h, 1e300)]).unwrap();
    assert_eq!(r.beyond_index, vec![K::Pm25_24h]);
    check(
        StandardId::CnHj633_2026,
        &[(K::Pm25_24h, 500.0)],
        Some(500),
        &[K::Pm25_24h],
    );
}

#[test]
fn primary_pollutant_only_above_50_with_ties_listed() {
    // PM2.5 35 -> 50 and PM10 50 -> 50: AQI 50, no primary pollutant.
    check(
        StandardId::CnHj633_2012,
        &[(K::Pm25_24h, 35.0), (K::Pm10_24h, 50.0)],
        Some(50),
        &[],
    );
    // PM2.5 75 -> 100 and PM10 150 -> 100: both primary.
    check(
        StandardId::CnHj633_2012,
        &[(K::Pm25_24h, 75.0), (K::Pm10_24h, 150.0)],
        Some(100),
        &[K::Pm25_24h, K::Pm10_24h],
    );
    // US names the main pollutant at any AQI.
    check(
        StandardId::UsEpa2024,
        &[(K::Pm25_24h, 5.0)],
        Some(28),
        &[K::Pm25_24h],
    );
}

#[test]
fn us_so2_rule_uses_24h_or_fixes_200() {
    // 1-h 400 ppb, 24-h 200 ppb (< 305): AQI exactly 200.
    let r = check(
        StandardId::UsEpa2024,
        &[(K::So2_1h, 400.0), (K::So2_24h, 200.0)],
        Some(200),
        &[K::So2_1h],
    );
    assert_eq!(r.sub_indices[0].status, SubIndexStatus::FixedByRule);
    assert_eq!(r.sub_indices[1].status, SubIndexStatus::BelowTable);
    // 24-h 400 ppb: 201 + 99/299*95 = 232.45 -> 232.
    check(
        StandardId::UsEpa2024,
        &[(K::So2_1h, 700.0), (K::So2_24h, 400.0)],
        Some(232),
        &[K::So2_24h],
    );
    // 1-h >= 305 without the 24-h mean: beyond (at least 200), never guessed.
    let r = check(
        StandardId::UsEpa2024,
        &[(K::So2_1h, 305.0)],
        None,
        &[K::So2_1h],
    );
    assert_eq!(r.aqi_at_least, Some(200));
    assert_eq!(r.category, None);
}

#[test]
fn us_o3_uses_the_higher_of_8h_and_1h_and_1h_below_0_125_is_disregarded() {
    // 8-h 0.078 -> 126, 1-h 0.162 -> 147: AQI 147 from 1-h.
    check(
        StandardId::UsEpa2024,
        &[(K::O3_8h, 0.078), (K::O3_1h, 0.162)],
        Some(147),
        &[K::O3_1h],
    );
    let r = check(
        StandardId::UsEpa2024,
        &[(K::O3_8h, 0.078), (K::O3_1h, 0.100)],
        Some(126),
        &[K::O3_8h],
    );
    assert_eq!(r.sub_indices[1].status, SubIndexStatus::BelowTable);
    // 8-h above 0.200 has no index: 1-h 0.500 -> 301 + 199/0.199*0.095 = 396.
    check(
        StandardId::UsEpa2024,
        &[(K::O3_8h, 0.250), (K::O3_1h, 0.500)],
        Some(396),
        &[K::O3_1h],
    );
}

#[test]
fn us_2024_extrapolates_above_500_and_2018_does_not() {
    check(
        StandardId::UsEpa2024,
        &[(K::Pm25_24h, 500.0)],
        Some(848),
        &[K::Pm25_24h],
    );
    let r = check(
        StandardId::UsEpa2018,
        &[(K::Pm25_24h, 600.0)],
        None,
        &[K::Pm25_24h],
    );
    assert_eq!(r.beyond_index, vec![K::Pm25_24h]);
    assert_eq!(r.category, Some(CategoryId::UsHazardous));
    // 2018 Hazardous sub-bands: PM2.5 300.0 -> 301 + 99/99.9*49.5 = 350.05 -> 350;
    // 2024: 301 + 199/99.9*74.5 = 449.4 -> 449.
    check(
        StandardId::UsEpa2018,
        &[(K::Pm25_24h, 300.0)],
        Some(350),
        &[K::Pm25_24h],
    );
    check(
        StandardId::UsEpa2024,
        &[(K::Pm25_24h, 300.0)],
        Some(449),
        &[K::Pm25_24h],
    );
}

#[test]
fn bad_input_is_an_error_with_the_key() {
    assert_eq!(
        aqi(StandardId::CnHj633_2012, &[(K::Co_8h, 1.0)]),
        Err(AqiError::PollutantNotInStandard {
            key: K::Co_8h,
            standard: StandardId::CnHj633_2012
        })
    );
    assert_eq!(
        aqi(StandardId::CnHj633_2012, &[(K::Pm25_24h, -1.0)]),
        Err(AqiError::NegativeConcentration {
            key: K::Pm25_24h,
            value: -1.0
        })
    );
    assert_eq!(
        aqi(StandardId::UsEpa2024, &[(K::Pm25_24h, f64::NAN)]),
        Err(AqiError::NotFinite { key: K::Pm25_24h })
    );
    assert_eq!(aqi(StandardId::UsEpa2024, &[]), Err(AqiError::NoPollutants));
    assert_eq!(
        aqi(
            StandardId::UsEpa2024,
            &[(K::Pm25_24h, 1.0), (K::Pm25_24h, 2.0)]
        ),
        Err(AqiError::DuplicateKey { key: K::Pm25_24h })
    );
}

#[test]
fn sensitive_groups_are_named_above_100() {
    let r = aqi(
        StandardId::CnHj633_2026,
        &[(K::Pm25_24h, 75.0), (K::Co_24h, 1.0)],
    )
    .unwrap();
    assert_eq!(r.sensitive_groups.len(), 1);
    assert_eq!(r.sensitive_groups[0].pollutant, Pollutant::Pm25);
    assert!(r.sensitive_groups[0].groups.zh.contains("青少年儿童"));
}

#[test]
fn categories_cover_each_scale_without_gaps() {
    for fam in [Family::China, Family::Us] {
        let cats = categories(fam);
        for w in cats.windows(2) {
            assert_eq!(w[0].aqi_max.map(|m| m + 1), Some(w[1].aqi_min));
        }
        assert_eq!(category(fam, 0).level, 1);
        assert_eq!(category(fam, 50).level, 1);
        assert_eq!(category(fam, 51).level, 2);
        assert_eq!(category(fam, 300).level, 5);
        assert_eq!(category(fam, 301).level, 6);
        assert_eq!(category(fam, 100_000).level, 6);
    }
    assert_eq!(
        CategoryId::from_id("cn_lightly_polluted"),
        Some(CategoryId::CnLightlyPolluted)
    );
}

fn range_of(rows: &[InverseRow], key: PollutantKey) -> InverseOutcome {
    rows.iter().find(|r| r.key == key).unwrap().outcome
}

#[test]
fn inverse_gives_the_concentration_range_of_an_index() {
    // US 2024 PM2.5 AQI 151: [55.5, g(151.5)) = [55.5, 56.21) -> truncated values 55.5..=56.2.
    let rows = inverse(StandardId::UsEpa2024, 151).unwrap();
    let InverseOutcome::Range(r) = range_of(&rows, K::Pm25_24h) else {
        panic!()
    };
    assert_eq!((r.min, r.max, r.grid_step), (55.5, Some(56.2), Some(0.1)));
    // China 2012 PM2.5 AQI 100: (G(99), G(100)] = (74.2, 75].
    let rows = inverse(StandardId::CnHj633_2012, 100).unwrap();
    let InverseOutcome::Range(r) = range_of(&rows, K::Pm25_24h) else {
        panic!()
    };
    assert!((r.min - 74.2).abs() < 1e-12 && !r.min_inclusive);
    assert_eq!(r.max, Some(75.0));
    // China 2026 CO (0.1 mg/m3 grid): 0.1 mg/m3 = 2.5 IAQI, so IAQI 4 is unreachable.
    let rows = inverse(StandardId::CnHj633_2026, 4).unwrap();
    assert_eq!(range_of(&rows, K::Co_24h), InverseOutcome::Unreachable);
    // 2026 SO2 1-h 200: G(199) = 650 + 150*49/50 = 797, so rounded 798 and up, unbounded.
    let rows = inverse(StandardId::CnHj633_2026, 200).unwrap();
    let InverseOutcome::Range(r) = range_of(&rows, K::So2_1h) else {
        panic!()
    };
    assert_eq!((r.min, r.max), (798.0, None));
    // Beyond the scale.
    assert_eq!(
        inverse(StandardId::CnHj633_2012, 501),
        Err(AqiError::IndexOutOfScale {
            aqi: 501,
            standard: StandardId::CnHj633_2012
        })
    );
    let rows = inverse(StandardId::UsEpa2024, 600).unwrap();
    assert!(matches!(
        range_of(&rows, K::Pm25_24h),
        InverseOutcome::Range(_)
    ));
    assert_eq!(range_of(&rows, K::O3_8h), InverseOutcome::BeyondTable);
    assert_eq!(range_of(&rows, K::So2_1h), InverseOutcome::BeyondTable);
    let rows = inverse(StandardId::UsEpa2024, 50).unwrap();
    assert_eq!(range_of(&rows, K::O3_1h), InverseOutcome::BelowTable);
}

#[test]
fn inverse_of_a_category_spans_its_bands() {
    let rows = inverse_category(StandardId::CnHj633_2026, CategoryId::CnGood).unwrap();
    let InverseOutcome::Range(r) = range_of(&rows, K::Pm25_24h) else {
        panic!()
    };
    // Rounded PM2.5 36..=60 gives 51..=100 under 2026.
    assert_eq!((r.min, r.max), (36.0, Some(60.0)));
    let rows = inverse_category(StandardId::UsEpa2024, CategoryId::UsHazardous).unwrap();
    let InverseOutcome::Range(r) = range_of(&rows, K::Pm25_24h) else {
        panic!()
    };
    assert_eq!((r.min, r.max), (225.5, None));
    assert!(inverse_category(StandardId::UsEpa2024, CategoryId::CnGood).is_err());
}

fn any_case() -> impl Strategy<Value = (StandardId, PollutantKey, f64)> {
    let ids = prop::sample::select(StandardId::ALL.to_vec());
    ids.prop_flat_map(|id| {
        let keys: Vec<PollutantKey> = standard(id).tables.iter().map(|t| t.key).collect();
        (Just(id), prop::sample::select(keys)).prop_flat_map(|(id, key)| {
            let top = standard(id).table(key).map_or(1.0, |t| t.top());
            (Just(id), Just(key), 0.0..top * 1.2)
        })
    })
}

fn any_input() -> impl Strategy<Value = (PollutantKey, f64)> {
    let values = prop_oneof![
        0.0f64..5000.0,
        Just(f64::NAN),
        Just(f64::INFINITY),
        Just(-1.0),
        Just(1e12),
        Just(f64::MAX),
        Just(5e-324),
        any::<f64>(),
    ];
    (prop::sample::select(PollutantKey::ALL.to_vec()), values)
}

proptest! {
    #[test]
    fn aqi_never_panics_and_never_clamps(
        id in prop::sample::select(StandardId::ALL.to_vec()),
        inputs in prop::collection::vec(any_input(), 0..6),
    ) {
        if let Ok(r) = aqi(id, &inputs) {
            // A known AQI is the largest sub-index; beyond-index leaves it unknown.
            let max = r.sub_indices.iter().filter_map(|s| s.iaqi).max();
            if r.beyond_index.is_empty() {
                prop_assert_eq!(r.aqi, max);
            } else {
                prop_assert_eq!(r.aqi, None);
                prop_assert!(r.aqi_at_least.is_some());
            }
        }
    }

    #[test]
    fn iaqi_never_falls_as_concentration_rises((id, key, c) in any_case(), dc in 0.0f64..50.0) {
        let a = iaqi(id, key, c).unwrap();
        let b = iaqi(id, key, c + dc).unwrap();
        if let (Some(x), Some(y)) = (a.iaqi, b.iaqi) {
            prop_assert!(x <= y, "{id} {key}: {c} -> {x}, {} -> {y}", c + dc);
        }
        // Once beyond, never back inside.
        if a.status == SubIndexStatus::BeyondIndex {
            prop_assert_eq!(b.status, SubIndexStatus::BeyondIndex);
        }
    }

    #[test]
    fn inverse_of_a_forward_result_contains_the_concentration((id, key, c) in any_case()) {
        let s = iaqi(id, key, c).unwrap();
        if let (Some(n), Some(used)) = (s.iaqi, s.concentration_used) {
            if matches!(s.status, SubIndexStatus::Interpolated { .. } | SubIndexStatus::Extrapolated | SubIndexStatus::FixedByRule) {
                let rows = inverse(id, n).unwrap();
                let InverseOutcome::Range(r) = range_of(&rows, key) else {
                    return Err(TestCaseError::fail(format!("{id} {key} {c} -> {n}: no range")));
                };
                prop_assert!(r.contains(used), "{id} {key} {c} (used {used}) -> {n}: {r:?}");
            }
        }
    }
}

#[test]
fn standard_ids_serialise_as_the_toml_ids() {
    for id in StandardId::ALL {
        assert_eq!(
            serde_json::to_value(id).unwrap(),
            serde_json::json!(id.id())
        );
        assert_eq!(id.cli_name().parse::<StandardId>(), Ok(id));
        assert_eq!(id.id().parse::<StandardId>(), Ok(id));
    }
    for k in PollutantKey::ALL {
        assert_eq!(serde_json::to_value(k).unwrap(), serde_json::json!(k.key()));
    }
    for u in [
        ConcentrationUnit::UgM3,
        ConcentrationUnit::MgM3,
        ConcentrationUnit::Ppm,
        ConcentrationUnit::Ppb,
    ] {
        assert_eq!(
            serde_json::to_value(u).unwrap(),
            serde_json::json!(u.symbol())
        );
    }
}

#[test]
fn the_revision_in_force_follows_the_date_and_its_table() {
    use crate::time::CivilDate;
    let d = |y, m, dd| CivilDate::new(y, m, dd).unwrap();
    assert_eq!(
        StandardId::in_force_on(Family::China, d(2015, 12, 31)),
        None
    );
    assert_eq!(
        StandardId::in_force_on(Family::China, d(2026, 2, 28)),
        Some(StandardId::CnHj633_2012)
    );
    assert_eq!(
        StandardId::in_force_on(Family::China, d(2026, 3, 1)),
        Some(StandardId::CnHj633_2026)
    );
    assert_eq!(
        StandardId::in_force_on(Family::Us, d(2024, 5, 5)),
        Some(StandardId::UsEpa2018)
    );
    assert_eq!(
        StandardId::in_force_on(Family::Us, d(2024, 5, 6)),
        Some(StandardId::UsEpa2024)
    );
    // The switch dates are the tables' own `effective` dates.
    for id in [StandardId::CnHj633_2026, StandardId::UsEpa2024] {
        let e = standard(id).effective.unwrap();
        let (y, rest) = e.split_once('-').unwrap();
        let (m, dd) = rest.split_once('-').unwrap();
        let date = d(y.parse().unwrap(), m.parse().unwrap(), dd.parse().unwrap());
        assert_eq!(StandardId::in_force_on(id.family(), date), Some(id));
        let before = CivilDate::from_days_since_epoch(date.days_since_epoch() - 1);
        assert_ne!(StandardId::in_force_on(id.family(), before), Some(id));
    }
}
