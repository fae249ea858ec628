//! The paste/upload fixture corpus (issue 5): every malformed or awkward input in
//! `tests/fixtures/paste/` with its expected parse result or located rejection.
//!
//! Expected values are hand-computed from the fixture text (see `make_fixtures.py` there);
//! unit conversions show their arithmetic. Rows and columns are 1-based as the source shows them.

use renewal_calc::time::{CivilDate, CivilHour};
use renewal_data::indicator::IndicatorId as I;
use renewal_data::layout::Layout;
use renewal_data::number::{DecimalMark, MarkDecision};
use renewal_data::table::{ColumnOverride, Source};
use renewal_data::time::Granularity;
use renewal_data::{
    parse_table, ColumnRole, ParseOptions, ParsedTable, RejectKind, TableError, TableIssue,
    TimeKey, Unit,
};

type Outcome = Result<ParsedTable, TableError>;

fn load(name: &str, opts: &ParseOptions) -> Outcome {
    let path = format!("{}/tests/fixtures/paste/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    parse_table(&bytes, opts)
}

fn ok(o: &Outcome) -> &ParsedTable {
    o.as_ref().expect("parsed")
}

fn y(year: i32) -> TimeKey {
    TimeKey::Year(year)
}

fn h(year: i32, month: u8, day: u8, hour: u8) -> TimeKey {
    TimeKey::Hour(CivilHour::new(year, month, day, hour).unwrap())
}

fn d(year: i32, month: u8, day: u8) -> TimeKey {
    TimeKey::Date(CivilDate::new(year, month, day).unwrap())
}

/// The value, asserted within 1e-9 relative.
fn val(t: &ParsedTable, city: Option<&str>, id: I, time: TimeKey, expected: f64) {
    let got = t
        .value(city, id, time)
        .unwrap_or_else(|| panic!("no value for {city:?} {id:?} {time}"));
    assert!(
        (got - expected).abs() <= 1e-9 * expected.abs().max(1.0),
        "{city:?} {id:?} {time}: got {got}, expected {expected}"
    );
}

fn no_val(t: &ParsedTable, city: Option<&str>, id: I, time: TimeKey) {
    assert_eq!(t.value(city, id, time), None, "{id:?} {time}");
}

/// The rejection at (row, column).
fn rej(t: &ParsedTable, row: usize, column: usize) -> &RejectKind {
    &t.rejections
        .iter()
        .find(|r| r.row == row && r.column == column)
        .unwrap_or_else(|| {
            panic!(
                "no rejection at row {row} col {column}: {:#?}",
                t.rejections
            )
        })
        .reason
}

fn counts(t: &ParsedTable, accepted: usize, rejected: usize) {
    assert_eq!(
        (t.summary.cells_accepted, t.summary.cells_rejected),
        (accepted, rejected),
        "accepted/rejected; rejections: {:#?}",
        t.rejections
    );
    assert_eq!(t.rejections.len(), rejected);
}

fn has_issue(t: &ParsedTable, f: impl Fn(&TableIssue) -> bool) {
    assert!(t.issues.iter().any(f), "issues: {:?}", t.issues);
}

type Check = fn(Outcome);

/// (fixture, check). One line of intent per case; the check asserts values and locations.
const CASES: &[(&str, Check)] = &[
    ("empty.txt", |o| {
        assert_eq!(o.unwrap_err(), TableError::Empty)
    }),
    ("whitespace_only.txt", |o| {
        assert_eq!(o.unwrap_err(), TableError::Empty)
    }),
    ("only_header.tsv", |o| {
        let t = ok(&o);
        counts(t, 0, 0);
        has_issue(t, |i| *i == TableIssue::OnlyHeader);
        assert_eq!(t.columns[1].role, ColumnRole::Indicator(I::Pm25));
    }),
    ("excel_basic_zh.tsv", |o| {
        let t = ok(&o);
        counts(t, 18, 0);
        val(t, None, I::Pm25, y(2014), 58.0);
        val(t, None, I::Co, y(2015), 1.7);
        val(t, None, I::O3, y(2016), 131.0);
        assert_eq!(t.columns[5].unit, Some(Unit::MgM3));
        assert_eq!(t.summary.granularity, Some(Granularity::Year));
        assert_eq!(
            t.source,
            Source::Text {
                encoding: renewal_data::delimited::TextEncoding::Utf8,
                delimiter: Some('\t')
            }
        );
    }),
    ("title_rows_above_header.tsv", |o| {
        let t = ok(&o);
        assert_eq!(t.summary.header_row, Some(3));
        assert_eq!(t.summary.rows_above_header, 1);
        val(t, None, I::Pm25, y(2016), 45.0);
        counts(t, 3, 0);
    }),
    ("merged_city_cells.tsv", |o| {
        let t = ok(&o);
        val(t, Some("甲市"), I::Pm25, y(2015), 53.0);
        val(t, Some("乙市"), I::Pm25, y(2015), 38.0);
        assert_eq!(t.summary.city_cells_filled_down, 2);
        assert_eq!(t.summary.cities, ["甲市", "乙市"]);
    }),
    ("excel_errors.tsv", |o| {
        let t = ok(&o);
        counts(t, 4, 4);
        let code = |c: &str| RejectKind::ExcelError { code: c.into() };
        assert_eq!(rej(t, 2, 2), &code("#DIV/0!"));
        assert_eq!(rej(t, 3, 3), &code("#N/A"));
        assert_eq!(rej(t, 4, 2), &code("#VALUE!"));
        assert_eq!(rej(t, 4, 3), &code("#REF!"));
        val(t, None, I::Pm10, y(2014), 96.0);
        val(t, None, I::Pm25, y(2017), 41.0);
    }),
    ("ragged_rows.csv", |o| {
        let t = ok(&o);
        has_issue(t, |i| *i == TableIssue::RaggedRows { short: 1, long: 1 });
        assert_eq!(rej(t, 3, 4), &RejectKind::BeyondLastColumn);
        assert_eq!(t.rejections[0].raw, "999");
        val(t, None, I::Pm25, y(2014), 58.0);
        no_val(t, None, I::Pm10, y(2014));
        val(t, None, I::Pm10, y(2015), 88.0);
    }),
    ("overflow_1e309.csv", |o| {
        let t = ok(&o);
        assert_eq!(rej(t, 2, 2), &RejectKind::NotFinite);
        val(t, None, I::Pm25, y(2015), 1e308);
    }),
    ("nan_inf.csv", |o| {
        let t = ok(&o);
        counts(t, 1, 3);
        assert_eq!(rej(t, 2, 2), &RejectKind::NotFinite);
        assert_eq!(rej(t, 2, 3), &RejectKind::NotFinite);
        assert_eq!(rej(t, 3, 2), &RejectKind::NotFinite);
        val(t, None, I::Pm10, y(2015), 80.0);
    }),
    ("full_width_digits.tsv", |o| {
        let t = ok(&o);
        val(t, None, I::Pm25, y(2014), 58.0);
        val(t, None, I::Pm25, y(2015), 53.5);
    }),
    ("mixed_units_one_column.csv", |o| {
        let t = ok(&o);
        val(t, None, I::Co, y(2014), 1.2);
        // 1100 µg/m³ = 1.1 mg/m³.
        val(t, None, I::Co, y(2015), 1.1);
        // 0.9 ppm × 28.010 / 24.45 = 1.031043 mg/m³ (reference §2.5).
        val(t, None, I::Co, y(2016), 0.9 * 28.010 / 24.45);
        assert_eq!(
            rej(t, 5, 2),
            &RejectKind::UnitMismatch {
                found: Unit::Kwh,
                expected: Unit::MgM3
            }
        );
    }),
    ("decimal_comma_semicolon.csv", |o| {
        // "Jahr" is not in the synonym table: no time column until the user maps it.
        let t = ok(&o);
        has_issue(t, |i| *i == TableIssue::NoTimeColumn);
        counts(t, 0, 0);
        let opts = ParseOptions::default().with_override(ColumnOverride {
            column: 1,
            role: Some(ColumnRole::Time),
            unit: None,
            decimal_mark: None,
        });
        let o = load("decimal_comma_semicolon.csv", &opts);
        let t = ok(&o);
        val(t, None, I::Pm25, y(2014), 35.5);
        val(t, None, I::Pm10, y(2014), 60.2);
        val(t, None, I::Pm10, y(2015), 58.0);
        assert_eq!(t.columns[1].decimal_mark, Some(DecimalMark::Comma));
        assert_eq!(
            t.columns[0].confidence,
            renewal_data::indicator::Confidence::User
        );
    }),
    ("thousands_comma.csv", |o| {
        let t = ok(&o);
        val(t, None, I::Population, y(2014), 1_234_567.0);
        val(t, None, I::Gdp, y(2014), 4512.5);
        val(t, None, I::Gdp, y(2015), 4600.25);
    }),
    ("thousands_point_decimal_comma.csv", |o| {
        let t = ok(&o);
        val(t, None, I::Population, y(2014), 1_234_567.0);
        val(t, None, I::Population, y(2015), 1_230_001.0);
        val(t, None, I::Gdp, y(2014), 4512.5);
    }),
    ("thousands_space.tsv", |o| {
        let t = ok(&o);
        val(t, None, I::Population, y(2014), 1_234_567.0);
        val(t, None, I::Population, y(2015), 1_230_001.0);
        val(t, None, I::Gdp, y(2015), 4600.25);
    }),
    ("thousands_apostrophe.csv", |o| {
        let t = ok(&o);
        val(t, None, I::Population, y(2014), 1_234_567.0);
        val(t, None, I::Gdp, y(2014), 4512.5);
    }),
    ("ambiguous_decimal.tsv", |o| {
        let t = ok(&o);
        counts(t, 1, 2);
        assert_eq!(
            rej(t, 2, 2),
            &RejectKind::AmbiguousDecimalMark {
                as_point: 1234.0,
                as_comma: 1.234
            }
        );
        has_issue(t, |i| {
            matches!(
                i,
                TableIssue::AmbiguousDecimalMark {
                    column: 2,
                    cells: 2,
                    ..
                }
            )
        });
        assert_eq!(t.columns[1].mark_decision, Some(MarkDecision::Ambiguous));
        val(t, None, I::Gdp, y(2016), 3500.0);
        // The user settles it.
        let opts = ParseOptions {
            decimal_mark: Some(DecimalMark::Point),
            ..ParseOptions::default()
        };
        let o = load("ambiguous_decimal.tsv", &opts);
        let t = ok(&o);
        counts(t, 3, 0);
        val(t, None, I::Gdp, y(2015), 2345.0);
    }),
    ("ambiguous_settled_by_table.csv", |o| {
        let t = ok(&o);
        counts(t, 4, 0);
        val(t, None, I::Gdp, y(2014), 1234.0);
        val(t, None, I::Pm25, y(2014), 35.5);
        assert_eq!(t.columns[1].mark_decision, Some(MarkDecision::Table));
    }),
    ("conflicting_marks.tsv", |o| {
        let t = ok(&o);
        counts(t, 2, 1);
        assert_eq!(
            rej(t, 3, 2),
            &RejectKind::ConflictingDecimalMark {
                column_mark: DecimalMark::Point
            }
        );
    }),
    ("bom_utf8.csv", |o| {
        let t = ok(&o);
        val(t, None, I::Pm25, y(2014), 58.0);
        assert!(matches!(
            t.source,
            Source::Text {
                encoding: renewal_data::delimited::TextEncoding::Utf8Bom,
                ..
            }
        ));
    }),
    ("crlf.csv", |o| {
        let t = ok(&o);
        val(t, None, I::Pm25, y(2015), 53.0);
        counts(t, 2, 0);
    }),
    ("quoted_newlines.csv", |o| {
        let t = ok(&o);
        assert_eq!(t.columns[1].role, ColumnRole::Indicator(I::Pm25));
        assert_eq!(t.columns[1].unit, Some(Unit::UgM3));
        val(t, None, I::Pm25, y(2015), 53.0);
        assert_eq!(t.summary.unknown_columns.len(), 1);
        assert_eq!(t.summary.unknown_columns[0].header, "note");
        assert_eq!(t.summary.unknown_columns[0].cells, 2);
    }),
    ("chinese_headers_units.tsv", |o| {
        let t = ok(&o);
        // 120.5 万人 = 1,205,000 persons; 35.2 亿千瓦时 = 3,520 GWh; 3,500,000 万元 = 350 亿元.
        val(t, None, I::Population, y(2020), 1_205_000.0);
        val(t, None, I::GenerationTotal, y(2020), 3520.0);
        val(t, None, I::ValueAddedSecondary, y(2020), 350.0);
        val(t, None, I::GenerationWind, y(2020), 12.5);
        val(t, None, I::GenerationSolar, y(2020), 3.4);
    }),
    ("long_layout.csv", |o| {
        let t = ok(&o);
        assert_eq!(t.layout, Layout::Long);
        val(t, Some("甲市"), I::Pm25, y(2020), 35.0);
        val(t, Some("甲市"), I::Population, y(2020), 1_205_000.0);
        val(t, Some("乙市"), I::Pm25, y(2020), 40.0);
        // 1.5 亿千瓦时 = 150 GWh.
        val(t, Some("乙市"), I::GenerationWind, y(2020), 150.0);
        assert_eq!(
            rej(t, 6, 3),
            &RejectKind::UnknownIndicator {
                name: "风速".into()
            }
        );
        counts(t, 4, 1);
    }),
    ("several_cities_wide.csv", |o| {
        let t = ok(&o);
        assert_eq!(t.summary.cities, ["Anshan", "Fushun", "Benxi"]);
        val(t, Some("Fushun"), I::Pm25, y(2015), 55.0);
        val(t, Some("Benxi"), I::So2, y(2014), 35.0);
        counts(t, 10, 0);
    }),
    ("duplicate_years.csv", |o| {
        let t = ok(&o);
        assert_eq!(
            rej(t, 4, 3),
            &RejectKind::DuplicateTime {
                time: y(2014),
                first_row: 2
            }
        );
        val(t, Some("A"), I::Pm25, y(2014), 58.0);
        val(t, Some("B"), I::Pm25, y(2014), 40.0);
        counts(t, 3, 1);
    }),
    ("percent_over_100.csv", |o| {
        let t = ok(&o);
        assert_eq!(rej(t, 3, 2), &RejectKind::PercentAbove100 { value: 105.0 });
        val(t, None, I::HighTechShare, y(2016), 100.0);
        val(t, None, I::HighTechShare, y(2014), 12.5);
    }),
    ("negative_concentration.csv", |o| {
        let t = ok(&o);
        assert_eq!(
            rej(t, 2, 2),
            &RejectKind::NegativeConcentration { value: -5.0 }
        );
        assert_eq!(
            rej(t, 3, 3),
            &RejectKind::NegativeConcentration { value: -0.1 }
        );
        val(t, None, I::So2, y(2014), 20.0);
        counts(t, 2, 2);
    }),
    ("year_out_of_range.csv", |o| {
        let t = ok(&o);
        assert_eq!(
            rej(t, 2, 1),
            &RejectKind::YearOutOfRange {
                year: 1850,
                min: 1900,
                max: 2100
            }
        );
        assert!(matches!(
            rej(t, 4, 1),
            RejectKind::YearOutOfRange { year: 2500, .. }
        ));
        val(t, None, I::Pm25, y(2014), 53.0);
        counts(t, 1, 2);
    }),
    ("hourly_iso.csv", |o| {
        let t = ok(&o);
        assert_eq!(t.summary.granularity, Some(Granularity::Hour));
        val(t, None, I::Pm25, h(2024, 1, 5, 2), 85.0);
        val(t, None, I::Co, h(2024, 1, 5, 2), 1.6);
        counts(t, 18, 0);
    }),
    ("hourly_chinese.tsv", |o| {
        let t = ok(&o);
        val(t, None, I::Pm25, h(2024, 1, 5, 13), 80.0);
        val(t, None, I::Pm25, h(2024, 1, 5, 14), 82.0);
        // 24:00 is the end of the 5th: 00:00 on the 6th.
        val(t, None, I::Pm25, h(2024, 1, 6, 0), 85.0);
    }),
    ("daily_dates.csv", |o| {
        let t = ok(&o);
        assert_eq!(t.summary.granularity, Some(Granularity::Date));
        val(t, None, I::Pm25, d(2024, 1, 5), 80.0);
        val(t, None, I::Pm25, d(2024, 1, 6), 82.0);
        val(t, None, I::Pm25, d(2024, 1, 7), 85.0);
    }),
    ("date_and_hour_columns.csv", |o| {
        let t = ok(&o);
        val(t, None, I::Pm25, h(2024, 1, 5, 0), 80.0);
        val(t, None, I::Pm25, h(2024, 1, 5, 1), 82.0);
        val(t, None, I::Pm25, h(2024, 1, 6, 0), 85.0);
        assert_eq!(t.columns[1].role, ColumnRole::Hour);
    }),
    ("not_on_the_hour.csv", |o| {
        let t = ok(&o);
        assert_eq!(rej(t, 3, 1), &RejectKind::NotOnTheHour { minute: 30 });
        val(t, None, I::Pm25, h(2024, 1, 5, 13), 80.0);
    }),
    ("ambiguous_day_month.csv", |o| {
        let t = ok(&o);
        assert_eq!(rej(t, 2, 1), &RejectKind::AmbiguousDayMonth);
        val(t, None, I::Pm25, d(2024, 2, 13), 81.0);
    }),
    ("mixed_granularity.csv", |o| {
        let t = ok(&o);
        assert_eq!(
            rej(t, 3, 1),
            &RejectKind::MixedGranularity {
                found: Granularity::Date,
                expected: Granularity::Year
            }
        );
        val(t, None, I::Pm25, y(2016), 45.0);
    }),
    ("unknown_columns.csv", |o| {
        let t = ok(&o);
        let u: Vec<(usize, &str, usize)> = t
            .summary
            .unknown_columns
            .iter()
            .map(|c| (c.column, c.header.as_str(), c.cells))
            .collect();
        assert_eq!(u, [(3, "备注", 1), (4, "wind speed", 2)]);
        counts(t, 2, 0);
    }),
    ("unknown_unit_header.csv", |o| {
        let t = ok(&o);
        assert_eq!(t.columns[1].role, ColumnRole::Indicator(I::Pm25));
        assert_eq!(t.columns[1].unknown_unit_text.as_deref(), Some("furlongs"));
        let furlongs = RejectKind::UnknownUnit {
            found: "furlongs".into(),
        };
        assert_eq!(rej(t, 2, 2), &furlongs);
        assert_eq!(rej(t, 3, 2), &furlongs);
        counts(t, 0, 2);
    }),
    ("unit_mismatch_header.csv", |o| {
        let t = ok(&o);
        assert_eq!(
            rej(t, 2, 2),
            &RejectKind::UnitMismatch {
                found: Unit::Kwh,
                expected: Unit::UgM3
            }
        );
        has_issue(t, |i| {
            matches!(i, TableIssue::ColumnUnitMismatch { column: 2, .. })
        });
    }),
    ("ppb_gases.csv", |o| {
        let t = ok(&o);
        // µg/m³ = ppb × MW / 24.45 (reference §2.5).
        val(t, None, I::So2, y(2014), 75.0 * 64.066 / 24.45); // 196.52
        val(t, None, I::No2, y(2014), 100.0 * 46.0055 / 24.45); // 188.16
        val(t, None, I::O3, y(2014), 70.0 * 47.997 / 24.45); // 137.41
        val(t, None, I::Co, y(2014), 9.0 * 28.010 / 24.45); // 10.31 mg/m³
    }),
    ("missing_markers.tsv", |o| {
        let t = ok(&o);
        counts(t, 2, 0);
        assert_eq!(t.summary.cells_missing, 6);
        val(t, None, I::No2, y(2015), 34.0);
    }),
    ("gbk_encoded.csv", |o| {
        let t = ok(&o);
        has_issue(t, |i| *i == TableIssue::DecodedAsGb18030);
        val(t, None, I::Pm25, y(2014), 58.0);
    }),
    ("utf16_excel_unicode_text.txt", |o| {
        let t = ok(&o);
        val(t, None, I::Pm25, y(2014), 58.0);
        assert!(matches!(
            t.source,
            Source::Text {
                encoding: renewal_data::delimited::TextEncoding::Utf16Le,
                ..
            }
        ));
    }),
    ("pipe_delimited.txt", |o| {
        let t = ok(&o);
        val(t, None, I::Pm10, y(2014), 96.0);
    }),
    ("years_across_yearbook.csv", |o| {
        let t = ok(&o);
        assert_eq!(t.layout, Layout::YearsAcross);
        // 119.8 万人 = 1,198,000 persons.
        val(t, None, I::Population, y(2015), 1_198_000.0);
        val(t, None, I::Gdp, y(2015), 1550.5);
        assert_eq!(
            rej(t, 4, 1),
            &RejectKind::UnknownIndicator {
                name: "风速".into()
            }
        );
        counts(t, 6, 1);
    }),
    ("repeated_header_blocks.tsv", |o| {
        let t = ok(&o);
        counts(t, 2, 0);
        assert_eq!(t.summary.data_rows, 2);
        val(t, None, I::Pm25, y(2015), 53.0);
    }),
    ("footnote_rows.tsv", |o| {
        let t = ok(&o);
        counts(t, 2, 0);
        assert_eq!(t.summary.data_rows, 2);
    }),
    ("no_time_column.csv", |o| {
        let t = ok(&o);
        has_issue(t, |i| *i == TableIssue::NoTimeColumn);
        counts(t, 0, 0);
        let opts = ParseOptions {
            default_year: Some(2020),
            ..ParseOptions::default()
        };
        let o = load("no_time_column.csv", &opts);
        val(ok(&o), None, I::Pm25, y(2020), 58.0);
    }),
    ("single_column.txt", |o| {
        let t = ok(&o);
        has_issue(t, |i| *i == TableIssue::NoIndicatorColumns);
        assert!(matches!(
            t.source,
            Source::Text {
                delimiter: None,
                ..
            }
        ));
    }),
    ("missing_time_cell.csv", |o| {
        let t = ok(&o);
        assert_eq!(rej(t, 3, 1), &RejectKind::MissingTime);
        val(t, None, I::Pm25, y(2016), 45.0);
        counts(t, 2, 1);
    }),
    ("not_a_number_text.csv", |o| {
        let t = ok(&o);
        assert_eq!(rej(t, 2, 2), &RejectKind::NotANumber);
        assert_eq!(rej(t, 2, 3), &RejectKind::NotANumber);
        val(t, None, I::Pm10, y(2015), 88.0);
    }),
    ("percent_sign_values.csv", |o| {
        let t = ok(&o);
        val(t, None, I::HighTechShare, y(2014), 12.5);
        val(t, None, I::HighTechShare, y(2015), 13.0);
        assert_eq!(
            rej(t, 3, 3),
            &RejectKind::UnitMismatch {
                found: Unit::Percent,
                expected: Unit::UgM3
            }
        );
    }),
    ("units_without_brackets.csv", |o| {
        let t = ok(&o);
        assert_eq!(t.columns[1].unit, Some(Unit::UgM3));
        assert_eq!(t.columns[2].unit, Some(Unit::MgM3));
        val(t, None, I::Co, y(2014), 1.9);
    }),
    ("subscript_headers.tsv", |o| {
        let t = ok(&o);
        val(t, None, I::Pm25, y(2014), 58.0);
        val(t, None, I::O3, y(2014), 120.0);
        val(t, None, I::No2, y(2014), 36.0);
    }),
    ("population_rates.csv", |o| {
        let t = ok(&o);
        val(t, None, I::NaturalGrowthRate, y(2014), -2.5);
        assert_eq!(rej(t, 2, 3), &RejectKind::Negative { value: -10.0 });
        // 1.2 万人 = 12,000 persons.
        val(t, None, I::Births, y(2014), 12_000.0);
        val(t, None, I::Deaths, y(2015), 5000.0);
    }),
    ("energy_units.csv", |o| {
        let t = ok(&o);
        val(t, None, I::GenerationWind, y(2020), 1200.0);
        // 1.5 TWh = 1,500 GWh; 3.2 亿千瓦时 = 320 GWh; 150 万千瓦 = 1,500 MW; 0.8 GW = 800 MW.
        val(t, None, I::GenerationSolar, y(2020), 1500.0);
        val(t, None, I::GenerationHydro, y(2020), 320.0);
        val(t, None, I::CapacityWind, y(2020), 1500.0);
        val(t, None, I::CapacitySolar, y(2020), 800.0);
    }),
    ("sqlite_garbage.bin", |o| {
        // Arbitrary bytes: no panic, and nothing accepted.
        if let Ok(t) = o {
            assert_eq!(t.summary.cells_accepted, 0);
        }
    }),
    ("two_row_header_units.tsv", |o| {
        // Units in the row under the header (merged header cells in the sheet).
        let t = ok(&o);
        counts(t, 3, 0);
        assert_eq!(t.summary.data_rows, 1);
        assert_eq!(t.columns[3].unit, Some(Unit::Person1e4));
        val(t, None, I::Co, y(2014), 1.9);
        val(t, None, I::Population, y(2014), 1_205_000.0);
    }),
    ("blank_lines_inside.csv", |o| {
        let t = ok(&o);
        counts(t, 2, 0);
        val(t, None, I::Pm25, y(2015), 53.0);
    }),
    ("workbook_offset_errors.xlsx", |o| {
        let t = ok(&o);
        assert_eq!(
            t.source,
            Source::Workbook {
                sheet: "数据".into()
            }
        );
        // The table starts at B4 under a title in B2; locations are the sheet's own.
        assert_eq!(t.summary.header_row, Some(4));
        assert_eq!(t.summary.rows_above_header, 1);
        val(t, None, I::Pm25, y(2014), 58.5);
        val(t, None, I::Population, y(2015), 1_198_000.0);
        assert_eq!(
            rej(t, 6, 3),
            &RejectKind::ExcelError {
                code: "#DIV/0!".into()
            }
        );
        assert_eq!(t.rejections[0].column_letter, "C");
        assert_eq!(
            rej(t, 7, 3),
            &RejectKind::ExcelError {
                code: "#N/A".into()
            }
        );
        // A text "1,234" among real numbers: nothing in the sheet says which mark.
        assert!(matches!(
            rej(t, 7, 4),
            RejectKind::AmbiguousDecimalMark { .. }
        ));
    }),
    ("workbook_hourly_dates.xlsx", |o| {
        let t = ok(&o);
        val(t, None, I::Pm25, h(2024, 1, 5, 13), 80.0);
        val(t, None, I::Pm25, h(2024, 1, 5, 14), 82.0);
        assert_eq!(rej(t, 4, 1), &RejectKind::NotOnTheHour { minute: 30 });
    }),
    ("libreoffice.ods", |o| {
        let t = ok(&o);
        val(t, None, I::Pm25, y(2014), 58.0);
        assert_eq!(
            rej(t, 3, 3),
            &RejectKind::NegativeConcentration { value: -1.0 }
        );
    }),
];

#[test]
fn every_fixture_parses_as_expected() {
    let mut failed = Vec::new();
    for (name, check) in CASES {
        let o = load(name, &ParseOptions::default());
        if std::panic::catch_unwind(|| check(o)).is_err() {
            failed.push(*name);
        }
    }
    assert!(
        failed.is_empty(),
        "failed fixtures (messages above): {failed:?}"
    );
}

#[test]
fn the_corpus_has_at_least_40_cases_and_every_fixture_is_covered() {
    assert!(CASES.len() >= 40, "{} cases", CASES.len());
    let dir = format!("{}/tests/fixtures/paste", env!("CARGO_MANIFEST_DIR"));
    for entry in std::fs::read_dir(dir).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        if name.ends_with(".py") || name.ends_with(".md") {
            continue;
        }
        assert!(
            CASES.iter().any(|(n, _)| *n == name),
            "fixture {name} has no case"
        );
    }
}

#[test]
fn rejection_messages_are_located_in_both_languages() {
    let o = load("excel_errors.tsv", &ParseOptions::default());
    let t = ok(&o);
    let r = &t.rejections[0];
    assert_eq!(
        r.message(renewal_data::Lang::En),
        "row 2, column B (PM2.5): \"#DIV/0!\": spreadsheet error #DIV/0!"
    );
    assert_eq!(
        r.message(renewal_data::Lang::Zh),
        "第 2 行 B 列（PM2.5）：“#DIV/0!”：表格错误值 #DIV/0!"
    );
}

#[test]
fn a_header_row_chosen_by_the_user_is_used_or_refused() {
    // Row 3 is the real header; row 2 is the blank line under the title.
    let opts = ParseOptions {
        header_row: Some(3),
        ..ParseOptions::default()
    };
    let o = load("title_rows_above_header.tsv", &opts);
    val(ok(&o), None, I::Pm25, y(2014), 58.0);
    let opts = ParseOptions {
        header_row: Some(2),
        ..ParseOptions::default()
    };
    assert_eq!(
        load("title_rows_above_header.tsv", &opts).unwrap_err(),
        TableError::NoSuchHeaderRow { row: 2 }
    );
}
