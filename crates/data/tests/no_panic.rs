//! Property tests: no parser panics on arbitrary input, and what is accepted is sound.
//!
//! Case counts of a default run: 1,000 arbitrary byte strings and 1,000 spreadsheet-like texts
//! through `parse_table`, 300 byte strings behind a ZIP signature through the workbook path,
//! 5,000 strings in each of two alphabets through the cell parsers (`scan`, `parse_time`,
//! `parse_hour_of_day`, `detect`, `recognise`), 5,000 decimals checking the evidence shortcut,
//! and 300 valid tables that must round-trip: 17,600 inputs. `INGEST_PROPTEST_SCALE=N`
//! multiplies every count.

use proptest::prelude::*;
use renewal_data::indicator::{recognise, Bounds};
use renewal_data::number::scan;
use renewal_data::time::{parse_hour_of_day, parse_time};
use renewal_data::units::detect;
use renewal_data::{parse_table, ParseOptions, ParsedTable};

/// Pieces spreadsheets are made of, so random tables look like real ones often enough to reach
/// the deep paths (units, dates, decimal marks, long layout).
const PIECES: &[&str] = &[
    "\t",
    ",",
    ";",
    "|",
    "\n",
    "\r\n",
    "\r",
    "\"",
    "\"\"",
    " ",
    "年份",
    "Year",
    "城市",
    "指标",
    "数值",
    "单位",
    "PM2.5",
    "PM₂.₅",
    "SO2 (ppb)",
    "CO (mg/m³)",
    "常住人口(万人)",
    "发电量（亿千瓦时）",
    "高技术产业占比(%)",
    "2014",
    "2015",
    "2024-01-05 13:00",
    "2024年1月5日",
    "1/2/2024",
    "24:00",
    "1,234",
    "1.234,5",
    "1 234",
    "1'234.5",
    "-",
    "NA",
    "#DIV/0!",
    "NaN",
    "1e309",
    "-5",
    "105",
    "３５",
    "35 μg/m³",
    "12%",
    "ppm",
    "\u{feff}",
    "注：",
    "999999999999999999999",
    "0",
    ".",
    "e",
];

fn table_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..80).prop_map(|v| v.concat())
}

fn check_sound(t: &ParsedTable) {
    assert_eq!(t.summary.cells_rejected, t.rejections.len());
    let accepted: usize = t.series.iter().map(|s| s.points.len()).sum();
    assert_eq!(accepted, t.summary.cells_accepted);
    for s in &t.series {
        let spec = s.indicator.spec();
        for p in &s.points {
            assert!(p.value.is_finite());
            match spec.bounds {
                Bounds::Concentration | Bounds::NonNegative => assert!(p.value >= 0.0),
                Bounds::Percent => assert!((0.0..=100.0 + 1e-9).contains(&p.value)),
                _ => {}
            }
        }
    }
    for r in &t.rejections {
        assert!(r.row >= 1 && r.column >= 1);
        assert!(!r.message(renewal_data::Lang::Zh).is_empty());
    }
}

/// `base` × `INGEST_PROPTEST_SCALE` (default 1).
fn cases(base: u32) -> ProptestConfig {
    let scale: u32 = std::env::var("INGEST_PROPTEST_SCALE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    ProptestConfig::with_cases(base.saturating_mul(scale))
}

proptest! {
    #![proptest_config(cases(1_000))]

    #[test]
    fn parse_table_never_panics_on_bytes(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        if let Ok(t) = parse_table(&bytes, &ParseOptions::default()) {
            check_sound(&t);
        }
    }

    #[test]
    fn parse_table_never_panics_on_spreadsheet_like_text(text in table_text()) {
        if let Ok(t) = parse_table(text.as_bytes(), &ParseOptions::default()) {
            check_sound(&t);
        }
    }
}

proptest! {
    #![proptest_config(cases(300))]

    #[test]
    fn workbook_path_never_panics(tail in prop::collection::vec(any::<u8>(), 0..400)) {
        let mut bytes = b"PK\x03\x04".to_vec();
        bytes.extend(tail);
        let _ = parse_table(&bytes, &ParseOptions::default());
    }
}

proptest! {
    #![proptest_config(cases(5_000))]

    #[test]
    fn cell_parsers_never_panic(s in "\\PC{0,24}") {
        let _ = scan(&s);
        let _ = parse_time(&s);
        let _ = parse_hour_of_day(&s);
        let _ = detect(&s);
        let _ = recognise(&s);
    }

    #[test]
    fn cell_parsers_never_panic_on_number_like_text(s in "[-+0-9.,'eE %:/年月日时 ]{0,24}") {
        let _ = scan(&s);
        let _ = parse_time(&s);
        let _ = parse_hour_of_day(&s);
    }
}

proptest! {
    #![proptest_config(cases(300))]

    /// Valid wide tables come back exactly: every value written with Rust's shortest round-trip
    /// formatting (optionally with a decimal comma and `;`) is accepted unchanged.
    #[test]
    fn valid_wide_tables_round_trip(
        values in prop::collection::vec((0.0f64..1e6, 0.0f64..100.0), 1..40),
        comma in any::<bool>(),
    ) {
        let (sep, fmt): (&str, fn(f64) -> String) = if comma {
            (";", |v| format!("{v}").replace('.', ","))
        } else {
            (",", |v| format!("{v}"))
        };
        let mut text = format!("year{sep}PM2.5{sep}high-tech share (%)\n");
        for (i, (a, b)) in values.iter().enumerate() {
            text.push_str(&format!("{}{sep}{}{sep}{}\n", 1950 + i, fmt(*a), fmt(*b)));
        }
        let opts = ParseOptions {
            decimal_mark: Some(if comma {
                renewal_data::number::DecimalMark::Comma
            } else {
                renewal_data::number::DecimalMark::Point
            }),
            ..ParseOptions::default()
        };
        let t = parse_table(text.as_bytes(), &opts).unwrap();
        prop_assert!(t.rejections.is_empty(), "{:?}", t.rejections);
        for (i, (a, b)) in values.iter().enumerate() {
            let y = renewal_data::TimeKey::Year(1950 + i as i32);
            prop_assert_eq!(t.value(None, renewal_data::IndicatorId::Pm25, y), Some(*a));
            prop_assert_eq!(t.value(None, renewal_data::IndicatorId::HighTechShare, y), Some(*b));
        }
    }
}

proptest! {
    #![proptest_config(cases(5_000))]

    /// The cheap evidence check agrees with reading the number.
    #[test]
    fn evidence_shortcut_agrees_with_scan(s in "-?[0-9]{0,7}(\\.[0-9]{0,4}){0,2}") {
        let slow = match scan(&s) {
            renewal_data::number::Scan::Number(r) => Some(r.evidence()),
            _ => None,
        };
        prop_assert_eq!(renewal_data::number::evidence_of(&s), slow);
    }
}
