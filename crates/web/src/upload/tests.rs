use super::*;
use renewal_data::parse_table;

fn run(bytes: &[u8]) -> (UploadResult, Vec<Progress>) {
    let mut seen = Vec::new();
    let r = process(bytes, &ParseOptions::default(), &mut |p| seen.push(p)).unwrap();
    (r, seen)
}

/// `hours` hourly rows from 2021-01-01 00:00, PM2.5 = 20 + 10 × (day mod 10) all day, the other
/// five constant; row `bad` (0-based data row) has PM2.5 "12a".
fn hourly_csv(hours: usize, bad: Option<usize>) -> String {
    let mut s = String::from("time,pm25,pm10,so2,no2,co,o3\n");
    let start = CivilDate::new(2021, 1, 1).unwrap().days_since_epoch();
    for i in 0..hours {
        let d = CivilDate::from_days_since_epoch(start + (i / 24) as i64);
        let pm25 = 20 + 10 * ((i / 24) % 10);
        let pm25 = if Some(i) == bad {
            "12a".to_string()
        } else {
            pm25.to_string()
        };
        s.push_str(&format!(
            "{:04}-{:02}-{:02} {:02}:00,{pm25},50,10,40,1.0,60\n",
            d.year,
            d.month,
            d.day,
            i % 24
        ));
    }
    s
}

#[test]
fn chunked_reading_gives_what_parse_table_gives_and_reports_lines() {
    // 120,000 rows: three chunks of 50,000 lines; a bad cell in the third chunk keeps its row.
    let csv = hourly_csv(120_000, Some(110_000));
    let (r, seen) = run(csv.as_bytes());
    let direct = parse_table(csv.as_bytes(), &ParseOptions::default()).unwrap();
    assert_eq!(r.preview, preview(&direct));
    // Header is line 1, data row i is line i + 2.
    assert_eq!(r.preview.rejections.len(), 1);
    assert_eq!(r.preview.rejections_total, 1);
    assert_eq!(r.preview.rejections[0].cell, "B110002");
    assert_eq!(r.preview.data_rows, 120_000);
    let reading: Vec<u64> = seen
        .iter()
        .filter(|p| p.phase == Phase::Reading)
        .map(|p| p.done)
        .collect();
    assert_eq!(reading, vec![50_000, 100_000, 120_001]);
    // Fractions never go backwards and end at 1.
    let f: Vec<f64> = seen.iter().map(|p| p.fraction()).collect();
    assert!(f.windows(2).all(|w| w[0] <= w[1]), "{f:?}");
    assert_eq!(f.last().copied(), Some(1.0));
}

#[test]
fn a_year_of_hourly_data_gives_the_hj663_annual_mean_and_daily_aqi() {
    // 2021: 365 days, PM2.5 day d = 20 + 10 (d mod 10). 36 cycles of 20..110 sum 36 × 650 =
    // 23,400, plus days 360..364 = 20+30+40+50+60 = 200: mean 23,600 / 365 = 64.657…
    let csv = hourly_csv(365 * 24, None);
    let (r, _) = run(csv.as_bytes());
    assert_eq!(r.air_error, None);
    assert_eq!(r.air.len(), 1);
    let rec = &r.air[0].record;
    assert!(rec.hourly);
    assert_eq!(rec.first_day, "2021-01-01");
    assert_eq!(rec.daily_aqi.len(), 365);
    let y = &rec.years[0];
    assert_eq!(y.year, 2021);
    let mean = y
        .stats
        .iter()
        .find(|s| s.pollutant == "pm25" && s.stat == Stat::AnnualMean)
        .and_then(|s| s.value)
        .unwrap();
    assert!((mean - 23_600.0 / 365.0).abs() < 0.01, "{mean}");
    // Day 2 (d = 1): PM2.5 30 → IAQI 50 × 30/35 = 42.9 → 43; PM10 50 → 50; NO2 40 → 50;
    // SO2 10 → 10/150 × 50 = 3.3; CO 1 → 25; O3 60 (1 h: 18.75; 8 h: 30). AQI 50.
    assert_eq!(rec.daily_aqi[1], Some(50));
    // Day 7 (d = 6): PM2.5 80 → 100 + (80 − 75) × 50/40 = 106.25 → 107 (HJ 633 rounds IAQI up).
    assert_eq!(rec.daily_aqi[6], Some(107));
    // The annual values go to the workspace through the record, not as annual series.
    assert!(r.annual.is_empty());
}

#[test]
fn an_xlsx_written_by_openpyxl_is_read_with_its_units_and_sheet() {
    let bytes = include_bytes!("../../tests/fixtures/upload/hourly_3days.xlsx");
    let (r, seen) = run(bytes);
    assert!(
        r.preview.source.en.contains("小时数据"),
        "{:?}",
        r.preview.source
    );
    assert_eq!(r.preview.data_rows, 72);
    assert_eq!(r.preview.cells_accepted, 72 * 6);
    assert_eq!(r.preview.indicators.len(), 6);
    assert!(seen.iter().any(|p| p.phase == Phase::Statistics));
    let rec = &r.air[0].record;
    assert_eq!(rec.first_day, "2023-05-01");
    // Fixture README: day 1 PM2.5 80 → 107; day 2 PM2.5 30 → 50 (PM10, NO2); day 3 PM2.5 160 →
    // 200 + (160 − 150) × 100/100 = 210.
    assert_eq!(rec.daily_aqi, vec![Some(107), Some(50), Some(210)]);
}

#[test]
fn gb18030_text_is_decoded_and_noted() {
    // "年份,PM2.5\n2020,35\n" with 年份 in GB18030 (C4EA B7DD).
    let mut bytes = vec![0xC4, 0xEA, 0xB7, 0xDD];
    bytes.extend_from_slice(b",PM2.5\n2020,35\n");
    let (r, _) = run(&bytes);
    assert_eq!(r.annual.len(), 1);
    assert_eq!(r.annual[0].points, vec![(2020, 35.0)]);
    assert!(
        r.preview.issues.iter().any(|i| i.en.contains("GB18030")),
        "{:?}",
        r.preview.issues
    );
    assert!(r.air.is_empty());
}

#[test]
fn a_duplicate_hour_is_rejected_by_the_reader_and_one_hour_gives_no_valid_day() {
    let csv = "time,pm25\n2021-01-01 00:00,10\n2021-01-01 00:00,12\n";
    let (r, _) = run(csv.as_bytes());
    assert_eq!(r.preview.rejections.len(), 1);
    assert_eq!(r.preview.rejections[0].cell, "B3");
    assert!(r.preview.rejections[0].reason.en.contains("duplicate"));
    assert_eq!(r.air_error, None);
    // One hour of 24: below HJ 663's 20 hours, so the day has no valid AQI.
    assert_eq!(r.air[0].record.daily_aqi, vec![None]);
}

#[test]
fn only_the_first_rejections_are_sent_but_all_are_counted() {
    let mut csv = String::from("year,pm25\n");
    for y in 1901..2000 {
        csv.push_str(&format!("{y},bad\n"));
    }
    let (r, _) = run(csv.as_bytes());
    assert_eq!(r.preview.rejections.len(), MAX_REJECTIONS_SHOWN);
    assert_eq!(r.preview.rejections_total, 99);
    assert_eq!(r.preview.rejections[0].cell, "B2");
}

#[test]
fn empty_input_fails_with_a_message_in_both_languages() {
    let e = process(b"  \n", &ParseOptions::default(), &mut |_| {}).unwrap_err();
    assert!(!e.en.is_empty() && !e.zh.is_empty());
}

#[test]
fn only_the_latest_days_are_kept_and_the_rest_counted() {
    let csv = hourly_csv((MAX_DAYS_KEPT + 10) * 24, None);
    let (r, _) = run(csv.as_bytes());
    let rec = &r.air[0].record;
    assert_eq!(rec.daily_aqi.len(), MAX_DAYS_KEPT);
    assert_eq!(rec.days_dropped, 10);
    let first = CivilDate::new(2021, 1, 1).unwrap().days_since_epoch() + 10;
    assert_eq!(
        rec.first_day,
        day_text(CivilDate::from_days_since_epoch(first))
    );
    assert_eq!(rec.days().len(), MAX_DAYS_KEPT);
    assert!(rec.years.len() > 30);
}

#[test]
fn messages_round_trip_as_json() {
    let csv = hourly_csv(48, None);
    let (r, _) = run(csv.as_bytes());
    let msg = ToPage::Done(Box::new(r));
    let back: ToPage = serde_json::from_str(&serde_json::to_string(&msg).unwrap()).unwrap();
    assert_eq!(back, msg);
}
