//! Tests of the context dataset: every generated table against the reference CSVs read at test
//! time, the breaks, the guarded trend functions, the comparisons and the name matching.
//! (Past 600 lines on purpose: one test per reference table, kept together with the engine tests.)

use super::*;
use proptest::prelude::*;
use std::collections::HashMap;

type Row = HashMap<String, String>;

fn csv_rows(table: TableId) -> Vec<Row> {
    let path = format!(
        "{}/reference/northeast-context/{}",
        env!("CARGO_MANIFEST_DIR"),
        table.csv_file()
    );
    let mut reader = csv::Reader::from_path(&path).expect("the reference CSV is in the repository");
    let headers = reader.headers().expect("a header row").clone();
    reader
        .records()
        .map(|r| {
            let r = r.expect("a well-formed row");
            headers
                .iter()
                .zip(r.iter())
                .map(|(h, v)| (h.to_string(), v.trim().to_string()))
                .collect()
        })
        .collect()
}

fn num(row: &Row, column: &str) -> Option<f64> {
    let raw = row.get(column).map(String::as_str).unwrap_or("");
    (!raw.is_empty()).then(|| raw.parse().expect("a number in the reference"))
}

fn region_of(row: &Row) -> Region {
    let name = &row["province"];
    Region::parse(name.trim_end_matches(" (3 provinces)")).expect("a known region")
}

fn conf(raw: &str) -> Confidence {
    match raw {
        "high" => Confidence::High,
        "medium-high" => Confidence::MediumHigh,
        "medium" => Confidence::Medium,
        "low" => Confidence::Low,
        _ => Confidence::NotVerified,
    }
}

#[test]
fn census_population_matches_the_csv_row_by_row() {
    let rows = csv_rows(TableId::N1a);
    assert_eq!(rows.len(), census_population().len());
    for (row, c) in rows.iter().zip(census_population()) {
        assert_eq!(c.region, region_of(row));
        assert_eq!(
            c.persons as f64,
            num(row, "resident_population_persons").unwrap_or(-1.0)
        );
        assert_eq!(c.share_of_national_pct, num(row, "share_of_national_pct"));
        assert_eq!(c.basis, row["basis"]);
        assert_eq!(c.provenance.source, row["source"]);
        assert_eq!(c.provenance.table, TableId::N1a);
    }
    // The two 2010 Jilin versions are both kept (quick count vs province-bulletin base).
    let jl2010: Vec<u64> = census_population()
        .iter()
        .filter(|c| c.region == Region::Jilin && c.census_year == 2010)
        .map(|c| c.persons)
        .collect();
    assert_eq!(jl2010, vec![27_462_297, 27_452_815]);
}

#[test]
fn census_change_matches_the_csv_row_by_row() {
    let rows = csv_rows(TableId::N1b);
    assert_eq!(rows.len(), census_change().len());
    for (row, c) in rows.iter().zip(census_change()) {
        assert_eq!(c.region, region_of(row));
        assert_eq!(
            Some(c.pop_2010_persons as f64),
            num(row, "pop_2010_persons")
        );
        assert_eq!(Some(c.change_persons as f64), num(row, "change_persons"));
        assert_eq!(Some(c.change_pct), num(row, "change_pct"));
        assert_eq!(
            Some(c.avg_annual_change_pct),
            num(row, "avg_annual_change_pct")
        );
        assert_eq!(c.provenance.source, row["source"]);
        // change = 2020 − 2010 holds in every row.
        assert_eq!(
            c.pop_2020_persons as i64 - c.pop_2010_persons as i64,
            c.change_persons
        );
    }
    assert!(census_change()
        .iter()
        .any(|c| c.region == Region::Northeast && c.provenance.derived));
}

#[test]
fn revised_population_matches_the_csv_for_every_region_and_year() {
    let rows = csv_rows(TableId::N1c);
    assert_eq!(rows.len() * 4, population_revised().len());
    let columns = [
        (Region::Liaoning, "liaoning_10k"),
        (Region::Jilin, "jilin_10k"),
        (Region::Heilongjiang, "heilongjiang_10k"),
        (Region::Northeast, "northeast_sum_10k_computed"),
    ];
    for row in &rows {
        let year: i32 = row["year"].parse().expect("a year");
        for (region, column) in columns {
            let p = population_revised()
                .iter()
                .find(|p| p.region == region && p.year == year)
                .expect("every cell generated");
            assert_eq!(Some(p.population_10k), num(row, column));
            assert_eq!(p.series, Series::Revised);
            assert_eq!(p.provenance.source, row["source"]);
            assert_eq!(p.provenance.derived, region == Region::Northeast);
        }
    }
}

#[test]
fn as_published_population_matches_the_csv_and_tags_each_basis() {
    let rows = csv_rows(TableId::N1d);
    assert_eq!(rows.len(), population_as_published().len());
    for (row, p) in rows.iter().zip(population_as_published()) {
        assert_eq!(p.region, region_of(row));
        assert_eq!(Some(p.population_10k), num(row, "population_10k"));
        assert_eq!(p.series, Series::AsFirstPublished);
        let pre = row["vintage"].contains("pre-2020-census");
        assert_eq!(p.basis == Basis::PopulationPreCensus2020, pre);
        assert_eq!(p.provenance.source, row["source"]);
    }
}

#[test]
fn gdp_matches_the_csv_with_confidence_and_basis_per_row() {
    let rows = csv_rows(TableId::N2);
    assert_eq!(rows.len(), gdp_by_industry().len());
    for (row, g) in rows.iter().zip(gdp_by_industry()) {
        assert_eq!(g.region, region_of(row));
        assert_eq!(g.gdp_total_100m_yuan, num(row, "gdp_total_100m_yuan"));
        assert_eq!(g.primary_100m_yuan, num(row, "primary_100m_yuan"));
        assert_eq!(g.secondary_100m_yuan, num(row, "secondary_100m_yuan"));
        assert_eq!(g.tertiary_100m_yuan, num(row, "tertiary_100m_yuan"));
        assert_eq!(g.secondary_share_pct, num(row, "secondary_share_pct"));
        assert_eq!(g.tertiary_share_pct, num(row, "tertiary_share_pct"));
        assert_eq!(g.provenance.confidence, conf(&row["confidence"]));
        assert_eq!(g.provenance.source, row["source"]);
        let post = row["vintage"].contains("post-2018-census");
        assert_eq!(g.basis == Basis::GdpPostEconomicCensus2018, post);
        // Each year's basis follows the 4th economic census: post from 2019 on, pre up to 2018.
        assert_eq!(post, g.year >= 2019, "{} {}", g.vintage, g.year);
        // The reference says the levels add up where all four are given.
        if let (Some(t), Some(a), Some(b), Some(c)) = (
            g.gdp_total_100m_yuan,
            g.primary_100m_yuan,
            g.secondary_100m_yuan,
            g.tertiary_100m_yuan,
        ) {
            assert!(
                (a + b + c - t).abs() < 1.0,
                "{} {}",
                g.region.name_en(),
                g.year
            );
        }
    }
}

#[test]
fn natural_growth_and_derived_migration_match_the_csv() {
    let rows = csv_rows(TableId::N4);
    assert_eq!(rows.len(), natural_growth().len());
    for (row, n) in rows.iter().zip(natural_growth()) {
        assert_eq!(
            Some(n.natural_growth_rate_permille),
            num(row, "natural_growth_rate_permille")
        );
        assert_eq!(Some(n.birth_rate_permille), num(row, "birth_rate_permille"));
        assert_eq!(n.provenance.source, row["source"]);
        let expected = if n.region == Region::Heilongjiang {
            Confidence::High
        } else {
            Confidence::Medium
        };
        assert_eq!(n.provenance.confidence, expected);
    }
    let rows = csv_rows(TableId::N4b);
    assert_eq!(rows.len(), net_migration_derived().len());
    for (row, m) in rows.iter().zip(net_migration_derived()) {
        assert_eq!(
            Some(m.net_migration_10k_derived),
            num(row, "net_migration_10k_derived")
        );
        assert_eq!(Some(m.pop_start_10k), num(row, "pop_start_10k"));
        assert_eq!(
            m.series == Series::Revised,
            row["population_basis"].contains("N1c")
        );
        assert!(m.provenance.derived);
        assert_eq!(m.provenance.confidence, Confidence::Low);
        assert!(m.provenance.source.starts_with("DERIVED"));
    }
}

#[test]
fn derived_rows_agree_with_the_tables_they_come_from() {
    // N1c's Northeast column is the sum of the three provinces.
    for year in 2014..=2022 {
        let of = |r: Region| {
            population_revised()
                .iter()
                .find(|p| p.region == r && p.year == year)
                .map_or(f64::NAN, |p| p.population_10k)
        };
        let sum = of(Region::Liaoning) + of(Region::Jilin) + of(Region::Heilongjiang);
        assert_eq!(sum, of(Region::Northeast), "{year}");
    }
    // N4b recomputed from N1c/N1d and N4 with the residual formula it states, through
    // renewal_calc::population (an implementation independent of the reference's arithmetic);
    // the reference rounds to 0.01.
    use renewal_calc::population::{assess, PopulationYear};
    for m in net_migration_derived() {
        let population = match m.series {
            Series::Revised => population_revised(),
            Series::AsFirstPublished => population_as_published(),
        };
        let at = |year: i32| {
            population
                .iter()
                .find(|p| p.region == m.region && p.year == year)
                .map(|p| p.population_10k)
        };
        assert_eq!(
            at(m.year - 1),
            Some(m.pop_start_10k),
            "{:?} {}",
            m.region,
            m.year
        );
        assert_eq!(at(m.year), Some(m.pop_end_10k), "{:?} {}", m.region, m.year);
        let ngr = natural_growth()
            .iter()
            .find(|n| n.region == m.region && n.year == m.year)
            .map(|n| n.natural_growth_rate_permille);
        assert_eq!(ngr, Some(m.natural_growth_rate_permille));
        let year = |year, population, ngr| PopulationYear {
            year,
            population,
            natural_growth_rate_permille: ngr,
            ..PopulationYear::default()
        };
        let report = assess(&[
            year(m.year - 1, m.pop_start_10k, None),
            year(m.year, m.pop_end_10k, ngr),
        ])
        .expect("two valid years");
        let computed = report.intervals[0].net_migration.expect("a rate was given");
        assert!(
            (computed - m.net_migration_10k_derived).abs() <= 0.005 + 1e-9,
            "{:?} {}: {computed} vs {}",
            m.region,
            m.year,
            m.net_migration_10k_derived
        );
    }
}

#[test]
fn resource_tables_match_the_csv() {
    let rows = csv_rows(TableId::N3a);
    assert_eq!(rows.len(), exhausted_batches().len());
    for (row, b) in rows.iter().zip(exhausted_batches()) {
        assert_eq!(
            Some(f64::from(b.cities_in_batch)),
            num(row, "cities_in_batch")
        );
        assert_eq!(b.batch_label, row["batch"]);
        assert_eq!(b.provenance.confidence, conf(&row["confidence"]));
    }
    let rows = csv_rows(TableId::N3b);
    assert_eq!(rows.len(), exhausted_cities().len());
    for (row, c) in rows.iter().zip(exhausted_cities()) {
        assert_eq!(c.city_zh, row["city_zh"]);
        assert_eq!(c.city_en, row["city_en"]);
        assert_eq!(c.batch.to_string(), row["batch"]);
        assert_eq!(c.provenance.confidence, conf(&row["confidence"]));
        assert_eq!(c.provenance.source, row["source"]);
    }
    let rows = csv_rows(TableId::N3c);
    assert_eq!(rows.len(), plan_2013_counts().len());
    for (row, c) in rows.iter().zip(plan_2013_counts()) {
        assert_eq!(c.count.map(f64::from), num(row, "count"));
        assert_eq!(c.provenance.confidence, conf(&row["confidence"]));
    }
    let rows = csv_rows(TableId::N3d);
    assert_eq!(rows.len(), plan_2013_northeast().len());
    for (row, c) in rows.iter().zip(plan_2013_northeast()) {
        assert_eq!(c.city_zh, row["city_zh"]);
        assert_eq!(c.category_as_printed, row["plan_category"]);
        assert_eq!(c.provenance.confidence, conf(&row["confidence"]));
        assert_eq!(
            c.categories.len(),
            if row["plan_category"].contains(" or ") {
                2
            } else {
                1
            }
        );
    }
}

#[test]
fn every_table_statement_opens_like_the_reference_confidence_line() {
    let md = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/reference/northeast-context.md"
    ))
    .expect("the reference is in the repository");
    for table in TableId::ALL {
        let statement = table.confidence_statement();
        let opening: String = statement.chars().take(12).collect();
        assert!(
            md.contains(&format!("Confidence: {opening}")),
            "{table:?}: {opening:?} is not a confidence line of the reference"
        );
    }
}

#[test]
fn population_break_is_flagged_in_the_as_published_series_only() {
    let published = series(
        Region::Heilongjiang,
        Indicator::Population,
        Series::AsFirstPublished,
    )
    .unwrap();
    assert_eq!(published.breaks.len(), 1);
    let k = published.breaks[0];
    assert_eq!(
        (k.id, k.last_year_before, k.first_year_after),
        (BreakId::PopulationCensus2020, 2019, 2020)
    );
    assert_eq!(published.segments.len(), 2);
    assert_eq!(
        (
            published.segments[0].from_year,
            published.segments[0].to_year
        ),
        (2015, 2019)
    );
    let revised = series(Region::Heilongjiang, Indicator::Population, Series::Revised).unwrap();
    assert!(revised.breaks.is_empty());
    assert_eq!(revised.segments.len(), 1);
}

#[test]
fn gdp_break_is_flagged_between_2018_and_2019() {
    let gdp = series(
        Region::Heilongjiang,
        Indicator::Gdp,
        Series::AsFirstPublished,
    )
    .unwrap();
    assert_eq!(gdp.breaks.len(), 1);
    assert_eq!(gdp.breaks[0].id, BreakId::GdpEconomicCensus2018);
    assert_eq!(gdp.point(2018).map(|p| p.value), Some(16361.6));
    assert_eq!(gdp.point(2019).map(|p| p.value), Some(13612.7));
    // The consistent (revised) GDP series keeps only the post-census basis.
    let revised = series(Region::Heilongjiang, Indicator::Gdp, Series::Revised).unwrap();
    assert!(revised.breaks.is_empty());
    assert_eq!(revised.points.first().map(|p| p.year), Some(2019));
}

#[test]
fn no_change_or_trend_is_computed_across_a_break_without_the_flag() {
    let gdp = series(Region::Jilin, Indicator::Gdp, Series::AsFirstPublished).unwrap();
    let refused = gdp.consistent_change(2018, 2021);
    assert_eq!(
        refused,
        Err(ContextError::CrossesBreak {
            from: 2018,
            to: 2021,
            id: BreakId::GdpEconomicCensus2018
        })
    );
    let flagged = gdp.change_flagged(2018, 2021).unwrap();
    assert!(!flagged.comparable);
    assert_eq!(flagged.crosses[0].id, BreakId::GdpEconomicCensus2018);
    assert_eq!(flagged.change.absolute, 13235.52 - 15074.0);
    let pop = series(
        Region::Heilongjiang,
        Indicator::Population,
        Series::AsFirstPublished,
    )
    .unwrap();
    assert!(matches!(
        pop.consistent_mann_kendall(2015, 2022, 0.05),
        Err(ContextError::CrossesBreak { .. })
    ));
    assert!(pop.consistent_mann_kendall(2015, 2019, 0.05).is_ok());
    // Within one segment: (3751.3 / 3812)^(1/4) − 1 = −0.004004844 (hand computation).
    let c = pop.consistent_change(2015, 2019).unwrap();
    assert!((c.change.cagr.unwrap() + 0.004_004_844).abs() < 1e-9);
}

#[test]
fn population_change_uses_the_revised_series_by_default() {
    // (3099 / 3608)^(1/8) − 1 = −0.018829729; Northeast (9644 / 10608)^(1/8) − 1 = −0.011838427.
    let o = CompareOptions::default();
    let hlj = population_change(Region::Heilongjiang, 2014, 2022, &o).unwrap();
    assert!((hlj.cagr.unwrap() + 0.018_829_729).abs() < 1e-9);
    assert_eq!(hlj.change_10k, -509.0);
    assert_eq!(hlj.confidence, Confidence::High);
    assert!(!hlj.low_confidence);
    let ne = population_change(Region::Northeast, 2014, 2022, &o).unwrap();
    assert!((ne.cagr.unwrap() + 0.011_838_427).abs() < 1e-9);
    assert!(ne.provenance.iter().all(|p| p.derived));
    let published = CompareOptions {
        series: Series::AsFirstPublished,
        ..o
    };
    assert!(matches!(
        population_change(Region::Heilongjiang, 2015, 2021, &published),
        Err(ContextError::CrossesBreak {
            id: BreakId::PopulationCensus2020,
            ..
        })
    ));
}

#[test]
fn net_migration_is_left_out_by_default_and_marked_when_included() {
    let o = CompareOptions::default();
    let refused = net_migration_rate(Region::Liaoning, 2015, &o);
    assert!(matches!(
        refused,
        Err(ContextError::LowConfidence {
            confidence: Confidence::Low,
            ..
        })
    ));
    let include = CompareOptions {
        include_low_confidence: true,
        ..o
    };
    // −18.17 / ((4358 + 4338) / 2) × 1000 = −4.178932843.
    let ln = net_migration_rate(Region::Liaoning, 2015, &include).unwrap();
    assert!((ln.rate_per_1000 + 4.178_932_843).abs() < 1e-8);
    assert!(ln.low_confidence && ln.derived);
    // Northeast 2018: −16.70 − 42.90 − 69.68 = −129.28 over (10237 + 10102) / 2 → −12.712522740.
    let ne = net_migration_rate(Region::Northeast, 2018, &include).unwrap();
    assert!((ne.rate_per_1000 + 12.712_522_740).abs() < 1e-8);
}

#[test]
fn industry_shares_carry_their_gdp_basis() {
    let o = CompareOptions::default();
    let hlj = industry_shares(Region::Heilongjiang, 2019, &o).unwrap();
    assert_eq!(
        (hlj.secondary_share_pct, hlj.tertiary_share_pct),
        (26.6, 50.0)
    );
    assert_eq!(hlj.basis, Basis::GdpPostEconomicCensus2018);
    let ln = industry_shares(Region::Liaoning, 2014, &o).unwrap();
    assert_eq!(
        (ln.secondary_share_pct, ln.tertiary_share_pct),
        (50.2, 41.8)
    );
    assert_eq!(ln.basis, Basis::GdpPreEconomicCensus2018);
    assert_eq!(
        industry_shares(Region::Liaoning, 2019, &o),
        Err(ContextError::YearNotInSeries { year: 2019 })
    );
    // No year has the levels of all three provinces, so no Northeast share is derived.
    assert!(industry_shares(Region::Northeast, 2021, &o).is_err());
    let table = compare_regions(2014, 2022, 2019, 2021, &o);
    assert_eq!(table.len(), 4);
    assert!(table.iter().take(3).all(|r| r.population_change.is_ok()));
}

#[test]
fn city_diagnostic_is_city_cagr_minus_province_cagr() {
    // City 100 → 90 over 2015–2020: 0.9^(1/5) − 1 = −0.020851638; HLJ revised 3529 → 3171:
    // (3171/3529)^(1/5) − 1 = −0.021166292; difference +0.000314654.
    let city = [(2015, 100.0), (2017, 95.0), (2020, 90.0), (2030, 80.0)];
    let d = city_population_diagnostics(&city, Region::Heilongjiang, &CompareOptions::default())
        .unwrap();
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].id, CAGR_MINUS_PROVINCE);
    assert_eq!((d[0].from_year, d[0].to_year), (2015, 2020));
    assert!((d[0].value - 0.000_314_654).abs() < 1e-9);
    assert!(renewal_calc::advisor::diagnostic(d[0].id).is_some());
    assert_eq!(
        city_population_diagnostics(
            &[(2015, -1.0), (2020, 5.0)],
            Region::Jilin,
            &CompareOptions::default()
        ),
        Err(ContextError::InvalidCityValue {
            index: 0,
            year: 2015,
            value: -1.0
        })
    );
    assert_eq!(
        city_population_diagnostics(
            &[(2000, 1.0), (2001, 2.0)],
            Region::Jilin,
            &CompareOptions::default()
        ),
        Err(ContextError::NoCommonPeriod {
            province: Region::Jilin
        })
    );
}

fn check(name: &str, outcome: LookupOutcome, zh: &[&str]) {
    let found = resource_city_status(name);
    assert_eq!(found.outcome, outcome, "{name}");
    let got: Vec<&str> = found.candidates.iter().map(|c| c.city_zh).collect();
    assert_eq!(got, zh, "{name}");
}

#[test]
fn city_names_match_in_chinese_english_and_common_variants() {
    for name in [
        "阜新",
        "阜新市",
        "Fuxin",
        "Fuxin City",
        "fuxin shi",
        " FUXIN ",
        "辽宁省阜新市",
        "Fuxin, Liaoning",
    ] {
        check(name, LookupOutcome::Matched, &["阜新市"]);
    }
    for name in [
        "大兴安岭",
        "大兴安岭地区",
        "Da Hinggan Ling Prefecture",
        "Daxing'anling",
        "Greater Khingan",
    ] {
        check(name, LookupOutcome::Matched, &["大兴安岭地区"]);
    }
    check("伊春", LookupOutcome::Matched, &["伊春市"]);
    check("九台区", LookupOutcome::Matched, &["九台市"]);
    check(
        "Nanpiao District",
        LookupOutcome::Matched,
        &["葫芦岛市南票区"],
    );
}

#[test]
fn ambiguous_romanisations_return_every_candidate() {
    check("Yichun", LookupOutcome::Ambiguous, &["伊春市", "宜春市"]);
    check(
        "yichun shi",
        LookupOutcome::Ambiguous,
        &["伊春市", "宜春市"],
    );
    check("Yichun, Heilongjiang", LookupOutcome::Matched, &["伊春市"]);
    check("Yichun (Jiangxi)", LookupOutcome::Matched, &["宜春市"]);
    check("Fushun", LookupOutcome::Ambiguous, &["抚顺市", "富顺县"]);
    check("抚顺", LookupOutcome::Matched, &["抚顺市"]);
}

#[test]
fn statuses_say_batch_year_classification_and_never_not_depleted() {
    let fushun = resource_city_status("抚顺市");
    let c = &fushun.candidates[0];
    assert!(matches!(
        c.resource_exhausted,
        ExhaustedStatus::Listed {
            batch: 2,
            year: Some(2009),
            ..
        }
    ));
    assert!(matches!(
        c.plan_2013,
        PlanStatus::Classified {
            categories: [PlanCategory::Declining],
            ..
        }
    ));
    // Fuxin is classified declining by the plan but not on the verified exhausted rows.
    let fuxin = resource_city_status("Fuxin");
    assert!(matches!(
        fuxin.candidates[0].resource_exhausted,
        ExhaustedStatus::NotOnVerifiedList { .. }
    ));
    let hegang = resource_city_status("鹤岗");
    match hegang.candidates[0].resource_exhausted {
        ExhaustedStatus::Listed {
            batch, provenance, ..
        } => {
            assert_eq!((batch, provenance.confidence), (3, Confidence::Low));
        }
        other => panic!("Hegang should be listed, got {other:?}"),
    }
    let unknown = resource_city_status("Shenyang");
    assert_eq!(unknown.outcome, LookupOutcome::NotOnVerifiedList);
    assert!(unknown.candidates.is_empty());
    assert!(unknown.note.starts_with("Not on the verified list"));
    assert!(!unknown.note.to_lowercase().contains("not depleted"));
    let songyuan = resource_city_status("Songyuan");
    assert!(matches!(
        songyuan.candidates[0].plan_2013,
        PlanStatus::Classified {
            categories: [_, _],
            ..
        }
    ));
}

#[test]
fn every_city_of_the_dataset_is_found_by_its_own_names() {
    for c in known_cities() {
        for name in [c.city_zh, c.city_en] {
            let found = resource_city_status(name);
            assert!(
                found.candidates.iter().any(|k| k.city_zh == c.city_zh),
                "{name}"
            );
        }
    }
}

fn any_series() -> impl Strategy<Value = ContextSeries> {
    let regions = prop::sample::select(Region::ALL.to_vec());
    let indicators = prop::sample::select(vec![
        Indicator::Population,
        Indicator::Gdp,
        Indicator::SecondaryIndustry,
        Indicator::SecondaryShare,
        Indicator::TertiaryShare,
        Indicator::NaturalGrowthRate,
        Indicator::NetMigration,
    ]);
    let kinds = prop::sample::select(vec![Series::Revised, Series::AsFirstPublished]);
    (regions, indicators, kinds).prop_filter_map("has data", |(r, i, s)| series(r, i, s).ok())
}

proptest! {
    #[test]
    fn consistent_change_succeeds_exactly_when_no_break_is_spanned(
        s in any_series(), a in 0usize..12, b in 0usize..12,
    ) {
        let n = s.points.len();
        let (from, to) = (s.points[a % n].year, s.points[b % n].year);
        prop_assume!(from < to);
        let crossing = !s.breaks_between(from, to).is_empty();
        let result = s.consistent_change(from, to);
        prop_assert_eq!(result.is_err(), crossing);
        let flagged = s.change_flagged(from, to).unwrap();
        prop_assert_eq!(flagged.comparable, !crossing);
        if let Ok(c) = result {
            prop_assert_eq!(c.change, flagged.change);
        }
    }

    #[test]
    fn segments_cover_every_point_once_and_breaks_sit_between_them(s in any_series()) {
        prop_assert_eq!(s.segments.iter().map(|g| g.points).sum::<usize>(), s.points.len());
        prop_assert_eq!(s.breaks.len() + 1, s.segments.len());
    }

    #[test]
    fn name_lookup_never_panics_and_ignores_case_and_spaces(name in "\\PC{0,24}") {
        let a = resource_city_status(&name);
        let b = resource_city_status(&format!("  {}  ", name.to_uppercase()));
        if name.chars().all(|c| c.to_uppercase().count() == 1 && c.to_lowercase().count() == 1) {
            prop_assert_eq!(a.outcome, b.outcome);
        }
    }

    #[test]
    fn city_diagnostic_never_panics(values in prop::collection::vec((2010i32..2030, -10.0f64..1e6), 0..8)) {
        let _ = city_population_diagnostics(&values, Region::Liaoning, &CompareOptions::default());
    }
}
