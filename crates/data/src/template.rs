//! Download templates: for each indicator family a CSV and an XLSX file whose headers (in the
//! chosen language, with the canonical unit) come from the same catalogue the parser recognises,
//! so a filled-in template always maps without corrections.

use crate::indicator::{Family, IndicatorId, CATALOGUE};
use crate::lang::Lang;
use crate::units::Unit;

/// The template's column headers: the time column, then each indicator of `family` with its
/// canonical unit in brackets.
///
/// ```
/// use renewal_data::{template::headers, Family, Lang};
/// let h = headers(Family::AirQuality, Lang::Zh);
/// assert_eq!(h[0], "年份");
/// assert_eq!(h[1], "PM2.5(微克/立方米)");
/// assert_eq!(headers(Family::AirQuality, Lang::En)[5], "CO (mg/m³)");
/// ```
pub fn headers(family: Family, lang: Lang) -> Vec<String> {
    let mut out = vec![lang.pick("Year", "年份").to_string()];
    out.extend(indicators(family).map(|id| header(id, lang)));
    out
}

/// The indicators of a family in catalogue order.
pub fn indicators(family: Family) -> impl Iterator<Item = IndicatorId> {
    CATALOGUE
        .iter()
        .filter(move |s| s.family == family)
        .map(|s| s.id)
}

fn header(id: IndicatorId, lang: Lang) -> String {
    let spec = id.spec();
    let name = id.name(lang);
    if spec.canonical_unit == Unit::Index {
        return name.to_string();
    }
    let unit = spec.canonical_unit.symbol(lang);
    match lang {
        Lang::En => format!("{name} ({unit})"),
        Lang::Zh => format!("{name}({unit})"),
    }
}

/// Quote a CSV field when it needs it (RFC 4180).
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// A CSV template: UTF-8 with BOM (so Excel and WPS open Chinese headers correctly), CRLF line
/// ends, the header row and one row per year in `years` with empty values.
pub fn csv(family: Family, lang: Lang, years: std::ops::RangeInclusive<i32>) -> String {
    let mut s = String::from("\u{FEFF}");
    let h = headers(family, lang);
    let cols = h.len();
    s.push_str(&h.iter().map(|x| csv_field(x)).collect::<Vec<_>>().join(","));
    s.push_str("\r\n");
    for y in years {
        s.push_str(&y.to_string());
        s.push_str(&",".repeat(cols.saturating_sub(1)));
        s.push_str("\r\n");
    }
    s
}

/// Why an XLSX template could not be written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TemplateError {
    /// rust_xlsxwriter reported an error.
    #[error("could not write the XLSX template: {0}")]
    Xlsx(String),
}

/// An XLSX template: the same headers (bold, frozen), years in the first column.
///
/// # Errors
/// [`TemplateError::Xlsx`] if the workbook cannot be assembled (not expected for these inputs).
pub fn xlsx(
    family: Family,
    lang: Lang,
    years: std::ops::RangeInclusive<i32>,
) -> Result<Vec<u8>, TemplateError> {
    use rust_xlsxwriter::{Format, Workbook};
    let err = |e: rust_xlsxwriter::XlsxError| TemplateError::Xlsx(e.to_string());
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name(family.name(lang)).map_err(err)?;
    let bold = Format::new().set_bold();
    for (c, h) in headers(family, lang).iter().enumerate() {
        let col = u16::try_from(c).unwrap_or(u16::MAX);
        ws.write_string_with_format(0, col, h, &bold).map_err(err)?;
        ws.set_column_width(col, 22).map_err(err)?;
    }
    for (r, y) in years.enumerate() {
        let row = u32::try_from(r + 1).unwrap_or(u32::MAX);
        ws.write_number(row, 0, f64::from(y)).map_err(err)?;
    }
    ws.set_freeze_panes(1, 0).map_err(err)?;
    wb.save_to_buffer().map_err(err)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{parse_table, ColumnRole, ParseOptions};

    /// Every family's template, in both languages and both formats, maps every column to the
    /// indicator it was written for, with its canonical unit.
    #[test]
    fn templates_round_trip_through_the_parser() {
        for family in Family::ALL {
            for lang in [Lang::En, Lang::Zh] {
                let bytes = [
                    csv(family, lang, 2014..=2016).into_bytes(),
                    xlsx(family, lang, 2014..=2016).unwrap(),
                ];
                for b in bytes {
                    let t = parse_table(&b, &ParseOptions::default()).unwrap();
                    assert_eq!(t.columns[0].role, ColumnRole::Time);
                    for (col, id) in t.columns.iter().skip(1).zip(indicators(family)) {
                        assert_eq!(col.role, ColumnRole::Indicator(id), "{}", col.header);
                        let canonical = id.spec().canonical_unit;
                        if canonical != Unit::Index {
                            assert_eq!(col.unit, Some(canonical), "{}", col.header);
                        }
                    }
                    assert_eq!(t.summary.data_rows, 3);
                    assert!(t.rejections.is_empty());
                }
            }
        }
    }
}
