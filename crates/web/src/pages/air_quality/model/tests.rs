use super::*;
use renewal_calc::aqi::{CategoryId, InverseOutcome};
use serde_json::Value;

fn texts(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[test]
fn fields_are_read_as_numbers_or_located_errors_never_as_zero() {
    assert_eq!(parse_concentration(""), Ok(None));
    assert_eq!(parse_concentration("   "), Ok(None));
    assert_eq!(parse_concentration(" 170 "), Ok(Some(170.0)));
    assert_eq!(parse_concentration("12,5"), Ok(Some(12.5)));
    assert_eq!(parse_concentration("１７０"), Ok(Some(170.0)));
    assert_eq!(parse_concentration("0"), Ok(Some(0.0)));
    assert_eq!(
        parse_concentration("abc"),
        Err(FieldError::NotANumber("abc".into()))
    );
    assert_eq!(
        parse_concentration("inf"),
        Err(FieldError::NotANumber("inf".into()))
    );
    assert_eq!(
        parse_concentration("NaN"),
        Err(FieldError::NotANumber("NaN".into()))
    );
    assert_eq!(
        parse_concentration("1,234.5"),
        Err(FieldError::NotANumber("1,234.5".into()))
    );
    assert_eq!(parse_concentration("-3"), Err(FieldError::Negative(-3.0)));
    assert_eq!(parse_concentration("1e999"), Err(FieldError::NotFinite));
    assert_eq!(
        FieldError::Negative(-3.0).message(Lang::Zh),
        "-3 为负数；浓度不能为负"
    );
}

#[test]
fn hj633_2012_pm25_170_is_220_heavily_polluted() {
    // HJ 633-2012 Table 1, PM2.5 24-h band 150–250 µg/m³ -> IAQI 200–300:
    // 200 + (300 - 200) / (250 - 150) × (170 - 150) = 220.
    let id = StandardId::CnHj633_2012;
    let Calculation::Done(r) = calculate(id, &texts(&[("pm25_24h:ug/m3", "170")])) else {
        panic!("no result")
    };
    assert_eq!(r.aqi, Some(220));
    assert_eq!(r.category, Some(CategoryId::CnHeavilyPolluted));
    assert_eq!(r.primary, vec![PollutantKey::Pm25_24h]);
    let cat = CategoryId::CnHeavilyPolluted.category();
    assert_eq!(pick(cat.name, Lang::Zh), "重度污染");
    // HJ 633-2012 Table 3: heavily polluted is purple, RGB (153, 0, 76).
    assert_eq!(cat.rgb, renewal_calc::aqi::Rgb(153, 0, 76));
}

#[test]
fn us_epa_2024_pm25_35_5_is_101() {
    // EPA-454/B-24-002 Table 6: PM2.5 35.5–55.4 µg/m³ -> 101–150, so 35.5 is the band's floor.
    let Calculation::Done(r) =
        calculate(StandardId::UsEpa2024, &texts(&[("pm25_24h:ug/m3", "35.5")]))
    else {
        panic!("no result")
    };
    assert_eq!(r.aqi, Some(101));
    assert_eq!(r.category, Some(CategoryId::UsUnhealthyForSensitiveGroups));
    // Pre-2024 table: 35.5–55.4 -> 101–150 as well.
    let Calculation::Done(r) =
        calculate(StandardId::UsEpa2018, &texts(&[("pm25_24h:ug/m3", "35.5")]))
    else {
        panic!("no result")
    };
    assert_eq!(r.aqi, Some(101));
}

#[test]
fn a_bad_field_stops_the_calculation_and_names_the_field() {
    let t = texts(&[("pm25_24h:ug/m3", "170"), ("pm10_24h:ug/m3", "x1")]);
    assert_eq!(
        calculate(StandardId::CnHj633_2012, &t),
        Calculation::Invalid(vec![(
            PollutantKey::Pm10_24h,
            FieldError::NotANumber("x1".into())
        )])
    );
    assert_eq!(
        calculate(StandardId::CnHj633_2012, &BTreeMap::new()),
        Calculation::Empty
    );
}

#[test]
fn gas_values_do_not_follow_a_change_of_unit_but_pm_does() {
    let cn: Vec<String> = fields(StandardId::CnHj633_2012)
        .into_iter()
        .map(Field::slot)
        .collect();
    let us: Vec<String> = fields(StandardId::UsEpa2024)
        .into_iter()
        .map(Field::slot)
        .collect();
    assert!(cn.contains(&"pm25_24h:ug/m3".to_string()));
    assert!(us.contains(&"pm25_24h:ug/m3".to_string()));
    assert!(cn.contains(&"so2_1h:ug/m3".to_string()));
    assert!(us.contains(&"so2_1h:ppb".to_string()));
    assert!(!us.contains(&"so2_1h:ug/m3".to_string()));
    // HJ 633 has no 8-hour CO.
    assert!(!cn.iter().any(|s| s.starts_with("co_8h")));
    assert_eq!(key_label(PollutantKey::O3_8h, Lang::En), "O3, 8-hour mean");
    assert_eq!(standard_from_id("us_epa_2024"), StandardId::UsEpa2024);
    assert_eq!(standard_from_id("<x>"), StandardId::CnHj633_2012);
}

#[test]
fn the_inverse_of_220_contains_170_and_is_shown_as_an_inequality() {
    let rows = inverse_of(StandardId::CnHj633_2012, "220").unwrap();
    let pm = rows
        .iter()
        .find(|r| r.key == PollutantKey::Pm25_24h)
        .unwrap();
    let InverseOutcome::Range(range) = pm.outcome else {
        panic!("{:?}", pm.outcome)
    };
    assert!(range.contains(170.0));
    // IAQI rounds up, so 219 < IAQI ≤ 220 <=> 169 < c ≤ 170.
    assert_eq!(fmt_range(&range, Lang::En), "169 < c ≤ 170");
    assert!(matches!(
        inverse_of(StandardId::CnHj633_2012, "abc"),
        Err(InverseError::NotAWholeNumber(_))
    ));
    assert!(matches!(
        inverse_of(StandardId::CnHj633_2012, "-1"),
        Err(InverseError::NotAWholeNumber(_))
    ));
    assert!(matches!(
        inverse_of(StandardId::CnHj633_2012, "501"),
        Err(InverseError::Engine(_))
    ));
    assert_eq!(fmt_value(12.5, Lang::En), "12.5");
    assert_eq!(fmt_value(170.0, Lang::Zh), "170");
    assert_eq!(fmt_value(1.0 / 3.0, Lang::En), "0.333");
    assert_eq!(fmt_value(1_200.0, Lang::En), "1,200");
}

#[test]
fn units_convert_at_25_c_and_1_atm() {
    // SO2: 1 ppb = 64.066 / 24.45 = 2.62029 µg/m³; CO: 1 ppm = 28.010 / 24.45 = 1.14560 mg/m³.
    assert!((convert(Gas::So2, Direction::VolumeToMass, 1.0) - 2.620_286).abs() < 1e-5);
    assert!((convert(Gas::So2, Direction::MassToVolume, 2.620_286) - 1.0).abs() < 1e-5);
    assert!((convert(Gas::Co, Direction::VolumeToMass, 1.0) - 1.145_603).abs() < 1e-5);
    // NO2 100 µg/m³ = 100 × 24.45 / 46.0055 = 53.146 ppb.
    assert!((convert(Gas::No2, Direction::MassToVolume, 100.0) - 53.146_03).abs() < 1e-3);
    assert_eq!(gas_units(Gas::Co), ("mg/m³", "ppm"));
}

#[test]
fn example_city_pm25_33_meets_2012_but_not_2026_and_reaches_who_it1() {
    let ws = crate::state::Workspace::with_example(Lang::En);
    let rows = compliance(&city_annual(&ws.cities[0]));
    let pm = rows.iter().find(|r| r.pollutant == "PM2.5").unwrap();
    assert_eq!((pm.year, pm.value), (2022, 33.0));
    let by = |a: Against| pm.checks.iter().find(|c| c.against == a).unwrap();
    assert_eq!(by(Against::Gb2012).limit, Some(35.0));
    assert_eq!(by(Against::Gb2012).pass, Some(true));
    assert_eq!(by(Against::Gb2026Transition).limit, Some(30.0));
    assert_eq!(by(Against::Gb2026Transition).pass, Some(false));
    assert!((by(Against::Gb2026Transition).ratio.unwrap() - 1.1).abs() < 1e-12);
    assert_eq!(by(Against::Gb2026Final).limit, Some(25.0));
    assert_eq!(by(Against::Who2021).limit, Some(5.0));
    assert_eq!(by(Against::Who2021).pass, Some(false));
    // Interim targets 35, 25, 15, 10: 33 meets only IT-1.
    assert_eq!(by(Against::Who2021).who_interim, Some(Some(1)));
    // The WHO column speaks only on the WHO row.
    assert_eq!(who_text(by(Against::Gb2012), Lang::En), "");
    assert_eq!(who_text(by(Against::Who2021), Lang::En), "interim target 1");
    // SO2 has no WHO annual guideline.
    let so2 = rows.iter().find(|r| r.pollutant == "SO2").unwrap();
    assert_eq!(so2.value, 11.0);
    assert_eq!(so2.checks[3].limit, None);
    assert_eq!(so2.checks[3].pass, None);
    assert_eq!(who_text(&so2.checks[3], Lang::En), "");
    // SO2 11 meets GB 3095-2012 II (60), and its WHO-less row still says so in words.
    assert_eq!(so2.checks[0].pass, Some(true));
}

#[test]
fn northeast_2022_pm25_23_meets_every_gb_limit_and_who_it2() {
    let rows = compliance(&baseline_annual());
    assert_eq!(rows.len(), 4);
    let pm = &rows[0];
    assert_eq!((pm.pollutant, pm.year, pm.value), ("PM2.5", 2022, 23.0));
    assert!(pm.checks[..3].iter().all(|c| c.pass == Some(true)));
    assert_eq!(pm.checks[3].who_interim, Some(Some(2)));
    // NO2 14 against WHO AQG 10: exceeds, meets IT-3 (20).
    let no2 = &rows[3];
    assert_eq!(no2.checks[3].pass, Some(false));
    assert_eq!(no2.checks[3].who_interim, Some(Some(3)));
}

#[test]
fn the_pm25_chart_overlays_the_city_on_table_1_with_escaped_names() {
    let mut ws = crate::state::Workspace::with_example(Lang::En);
    ws.cities[0].name = "<b>X</b>".into();
    let t = pm25_table(&ws.cities);
    assert_eq!(t.years, (2014..=2022).collect::<Vec<_>>());
    assert_eq!(t.northeast[0], Some(170.0));
    assert_eq!(t.cities[0].1[8], Some(33.0));
    let v: Value = serde_json::from_str(&pm25_chart(&t, Lang::Zh).to_string()).unwrap();
    assert_eq!(v["series"][0]["name"], "东北地区");
    assert_eq!(v["series"][0]["data"][8], 23.0);
    assert_eq!(v["series"][1]["name"], "&lt;b&gt;X&lt;/b&gt;");
    assert_eq!(v["series"][1]["data"][0], 62.0);
    assert!(!v.to_string().contains("function"));
}

#[test]
fn a_city_year_outside_table_1_extends_the_axis_with_gaps() {
    let mut ws = crate::state::Workspace::with_example(Lang::En);
    ws.cities[0]
        .series
        .entry(IndicatorId::Pm25)
        .or_default()
        .insert(2024, 30.0);
    let t = pm25_table(&ws.cities);
    assert_eq!(t.years.last(), Some(&2024));
    assert_eq!(t.northeast.last(), Some(&None));
    let v: Value = serde_json::from_str(&pm25_chart(&t, Lang::En).to_string()).unwrap();
    assert!(v["series"][0]["data"][9].is_null());
}

#[test]
fn the_audit_recomputes_2014_as_220_against_the_printed_183() {
    // 2014: PM2.5 170 -> 220 (above); PM10 194 -> 100 + 50 × 44/100 = 122; NO2 121 -> 120.5 ->
    // 121; O3 205 (8-h) -> 100 + 50 × 45/55 = 140.9 -> 141. Max 220, from PM2.5.
    let a = paper_audit().unwrap();
    let row = &a.rows[0];
    assert_eq!(row.year, 2014);
    let r = &row.recomputed[0];
    assert_eq!(r.standard, StandardId::CnHj633_2012);
    assert_eq!(r.aqi, Some(220));
    assert_eq!(r.aqi_matches, Some(false));
    assert_eq!(r.aqi_difference, Some(37));
    assert_eq!(r.primary, vec![PollutantKey::Pm25_24h]);
    assert_eq!(r.category_matches, Some(true));
    assert_eq!(a.rows.len(), 9);
}
