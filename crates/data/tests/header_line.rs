//! The parse says where the header (and a units row) was found, so the preview grid can show the
//! sheet from there.

use renewal_data::{parse_text, ParseOptions};

#[test]
fn header_after_title_lines_is_reported_with_its_line() {
    let text = "沈阳市环境质量年报\n单位：见表头\n年份\tPM2.5\tPM10\n2019\t42\t80\n2020\t40\t75\n";
    let t = parse_text(text, &ParseOptions::default()).unwrap();
    assert_eq!(t.header_line, 3);
    assert_eq!(t.units_line, None);
}

#[test]
fn a_units_row_under_the_header_is_reported() {
    let text = "Year,PM2.5,CO\n,μg/m³,mg/m³\n2019,42,1.2\n";
    let t = parse_text(text, &ParseOptions::default()).unwrap();
    assert_eq!(t.header_line, 1);
    assert_eq!(t.units_line, Some(2));
}
