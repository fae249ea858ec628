//! Numbers as people type them in spreadsheets: decimal point or comma, thousands separators
//! (comma, point, space, no-break space, apostrophe), full-width digits, a unit after the number,
//! Excel error cells, and the usual "missing" markers.
//!
//! A cell is first [`scan`]ned into sign, digits-and-separators and trailing unit text, without
//! deciding the decimal mark. [`Reading`] then says what the cell would be under each mark, so a
//! column's mark is chosen from the cells that can only be read one way ([`decide_mark`]); a
//! column whose every separated cell could be read both ways ("1,234", "2.500") is genuinely
//! ambiguous and is flagged, never guessed.
//!
//! Non-finite results are refused: `NaN`, `inf` and overflow such as `1e309` are errors, never
//! numbers.
//!
//! Length note: past 600 lines only because of its unit tests at the bottom.

use crate::units::{detect, Unit};

/// Which character separates the integer part from the fraction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum DecimalMark {
    /// `1,234.5` (China, English-speaking countries).
    Point,
    /// `1.234,5` (most of continental Europe).
    Comma,
}

/// Why a cell is not a number.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(tag = "kind", rename_all = "snake_case"))]
#[non_exhaustive]
pub enum NumberError {
    /// The text is not a number in either notation.
    NotANumber,
    /// A spreadsheet error value such as `#DIV/0!`.
    ExcelError {
        /// The error code as written.
        code: String,
    },
    /// NaN, infinity, or a number too large for a double (1e309).
    NotFinite,
    /// A unit after the number that is not in the unit table.
    UnknownUnit {
        /// The unit text as written.
        found: String,
    },
    /// The cell reads differently with a decimal point and a decimal comma, and nothing in the
    /// column or the table settles which.
    AmbiguousDecimalMark {
        /// The value with a decimal point (`1,234` → 1234).
        as_point: f64,
        /// The value with a decimal comma (`1,234` → 1.234).
        as_comma: f64,
    },
    /// The cell can only be read with the other decimal mark than the rest of its column.
    ConflictingDecimalMark {
        /// The mark the column was read with.
        column_mark: DecimalMark,
    },
}

/// Spreadsheet error values (Excel, WPS, LibreOffice, Google Sheets).
pub const EXCEL_ERRORS: &[&str] = &[
    "#DIV/0!",
    "#N/A",
    "#NAME?",
    "#NULL!",
    "#NUM!",
    "#REF!",
    "#VALUE!",
    "#SPILL!",
    "#CALC!",
    "#FIELD!",
    "#BLOCKED!",
    "#CONNECT!",
    "#BUSY!",
    "#UNKNOWN!",
    "#GETTING_DATA",
    "#ERROR!",
    "ERR:502",
    "ERR:503",
    "ERR:504",
    "ERR:508",
    "ERR:511",
    "ERR:522",
    "ERR:523",
    "ERR:532",
];

/// Cell texts that mean "no value" (compared after trimming, case-insensitively). A missing
/// value is not an error: it is counted, not rejected.
pub const MISSING_MARKERS: &[&str] = &[
    "", "-", "--", "---", "—", "——", "–", "na", "n/a", "n.a.", "..", "...", "…", "null", "none",
    "无", "暂无", "缺测", "缺失", "空", "/", "x", "nd",
];

/// Texts that name a non-finite number.
const NON_FINITE: &[&str] = &[
    "nan",
    "-nan",
    "+nan",
    "inf",
    "-inf",
    "+inf",
    "infinity",
    "-infinity",
    "+infinity",
    "∞",
    "-∞",
    "+∞",
    "#inf",
    "1.#inf",
    "-1.#inf",
    "1.#qnan",
];

/// Map full-width ASCII (U+FF01–U+FF5E) and the ideographic space to their ASCII forms, and the
/// typographic minus signs to `-`. Chinese input methods produce these in "full-width" mode.
pub fn fold_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        '\u{2212}' | '\u{FE63}' | '\u{2012}' => '-',
        _ => c,
    }
}

/// A cell split into its parts, before the decimal mark is known.
#[derive(Debug, Clone, PartialEq)]
pub enum Scan {
    /// A missing-value marker or an empty cell.
    Missing,
    /// Not a number at all (or an Excel error, or a non-finite literal).
    Invalid(NumberError),
    /// A number with a possible unit.
    Number(Reading),
}

/// What a numeric cell would be under each decimal mark.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    /// The value if the decimal mark is a point; `None` when the text is not valid that way.
    pub as_point: Option<f64>,
    /// The value if the decimal mark is a comma.
    pub as_comma: Option<f64>,
    /// A unit written after the number (`35 μg/m³`, `12%`).
    pub unit: Option<Unit>,
}

impl Reading {
    /// The value under `mark`.
    pub fn value(&self, mark: DecimalMark) -> Option<f64> {
        match mark {
            DecimalMark::Point => self.as_point,
            DecimalMark::Comma => self.as_comma,
        }
    }

    /// What this cell says about the column's decimal mark.
    pub fn evidence(&self) -> Evidence {
        match (self.as_point, self.as_comma) {
            (Some(p), Some(c)) if p == c => Evidence::Neutral,
            (Some(_), Some(_)) => Evidence::Either,
            (Some(_), None) => Evidence::OnlyPoint,
            (None, Some(_)) => Evidence::OnlyComma,
            (None, None) => Evidence::Neutral,
        }
    }

    /// The value under the column's mark, or why not.
    ///
    /// # Errors
    /// [`NumberError::AmbiguousDecimalMark`] when `mark` is `None` and the readings differ;
    /// [`NumberError::ConflictingDecimalMark`] when the cell cannot be read with `mark`.
    pub fn resolve(&self, mark: Option<DecimalMark>) -> Result<f64, NumberError> {
        match mark {
            Some(m) => self
                .value(m)
                .ok_or(NumberError::ConflictingDecimalMark { column_mark: m }),
            None => match (self.as_point, self.as_comma) {
                (Some(p), Some(c)) if p == c => Ok(p),
                (Some(p), Some(c)) => Err(NumberError::AmbiguousDecimalMark {
                    as_point: p,
                    as_comma: c,
                }),
                (Some(v), None) | (None, Some(v)) => Ok(v),
                (None, None) => Err(NumberError::NotANumber),
            },
        }
    }
}

/// What a cell says about its column's decimal mark, without reading the number: the same
/// answer as `scan(raw)` then [`Reading::evidence`] (a property test checks this), but cheap for
/// plain ASCII decimals, which is almost every cell of a machine export.
pub fn evidence_of(raw: &str) -> Option<Evidence> {
    let t = raw.trim();
    let plain = !t.is_empty()
        && t.len() < 24
        && t.bytes()
            .enumerate()
            .all(|(i, b)| b.is_ascii_digit() || b == b'.' || (i == 0 && b == b'-'))
        && t.bytes().any(|b| b.is_ascii_digit())
        && t.bytes().filter(|&b| b == b'.').count() <= 1;
    if plain {
        return Some(match t.split_once('.') {
            None => Evidence::Neutral,
            Some((int, frac)) => {
                let int = int.strip_prefix('-').unwrap_or(int);
                if frac.len() == 3 && (1..=3).contains(&int.len()) && !int.starts_with('0') {
                    Evidence::Either
                } else {
                    Evidence::OnlyPoint
                }
            }
        });
    }
    match scan(raw) {
        Scan::Number(r) => Some(r.evidence()),
        Scan::Missing | Scan::Invalid(_) => None,
    }
}

/// What one cell says about its column's decimal mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Evidence {
    /// Same value either way (`12`, `12 345`).
    Neutral,
    /// Different values either way (`1,234`).
    Either,
    /// Valid only with a decimal point (`12.5`, `1,234.5`).
    OnlyPoint,
    /// Valid only with a decimal comma (`12,5`, `1.234,5`).
    OnlyComma,
}

/// Characters that may group thousands.
fn is_group_char(c: char) -> bool {
    matches!(
        c,
        ',' | '.' | ' ' | '\'' | '\u{00A0}' | '\u{202F}' | '\u{2009}' | '\u{2019}'
    )
}

/// Split a cell into number and unit, and read the number both ways.
///
/// ```
/// use renewal_data::number::{scan, Scan, DecimalMark};
/// let Scan::Number(r) = scan("1.234,5") else { panic!() };
/// assert_eq!(r.as_comma, Some(1234.5));
/// assert_eq!(r.as_point, None);
/// let Scan::Number(r) = scan("３５．５") else { panic!() };
/// assert_eq!(r.value(DecimalMark::Point), Some(35.5));
/// ```
pub fn scan(raw: &str) -> Scan {
    let trimmed = raw.trim();
    // Fast path: plain ASCII decimals, which is almost every cell of a machine export.
    if !trimmed.is_empty()
        && trimmed.len() < 24
        && trimmed
            .bytes()
            .enumerate()
            .all(|(i, b)| b.is_ascii_digit() || b == b'.' || (i == 0 && b == b'-'))
        && trimmed.bytes().filter(|&b| b == b'.').count() <= 1
        && trimmed.bytes().any(|b| b.is_ascii_digit())
    {
        if let Ok(v) = trimmed.parse::<f64>() {
            // With a decimal comma, a point is a thousands separator: only "d.ddd", "dd.ddd",
            // "ddd.ddd" (first group without a leading zero) read that way.
            let as_comma = match trimmed.split_once('.') {
                None => Some(v),
                Some((int, frac)) => {
                    let int = int.strip_prefix('-').unwrap_or(int);
                    if frac.len() == 3 && (1..=3).contains(&int.len()) && !int.starts_with('0') {
                        read_with(trimmed, DecimalMark::Comma)
                    } else {
                        None
                    }
                }
            };
            return Scan::Number(Reading {
                as_point: Some(v),
                as_comma,
                unit: None,
            });
        }
    }
    let folded: String = trimmed.chars().map(fold_width).collect();
    let text = folded.trim();
    let lower = text.to_lowercase();
    if MISSING_MARKERS.contains(&lower.as_str()) {
        return Scan::Missing;
    }
    if text.starts_with('#') || text.starts_with("Err:") {
        let upper = text.to_uppercase();
        if let Some(code) = EXCEL_ERRORS.iter().find(|e| **e == upper) {
            return Scan::Invalid(NumberError::ExcelError {
                code: (*code).to_string(),
            });
        }
    }
    if NON_FINITE.contains(&lower.as_str()) {
        return Scan::Invalid(NumberError::NotFinite);
    }
    // Split the numeric prefix from a unit suffix.
    let mut end = 0;
    let mut seen_digit = false;
    let mut prev_e = false;
    for (i, c) in text.char_indices() {
        let ok = c.is_ascii_digit()
            || is_group_char(c)
            || ((c == '-' || c == '+') && (i == 0 || prev_e))
            || ((c == 'e' || c == 'E') && seen_digit && !prev_e);
        if !ok {
            break;
        }
        seen_digit |= c.is_ascii_digit();
        prev_e = c == 'e' || c == 'E';
        end = i + c.len_utf8();
    }
    // A trailing "e" belongs to the unit, not an exponent.
    let mut num = text.get(..end).unwrap_or("").trim_end();
    if num.ends_with(['e', 'E']) {
        num = num.get(..num.len() - 1).unwrap_or("");
    }
    let num = num.trim_end_matches(is_group_char_space);
    if !num.bytes().any(|b| b.is_ascii_digit()) {
        return Scan::Invalid(NumberError::NotANumber);
    }
    let rest = text.get(num.len()..).unwrap_or("").trim();
    let unit = if rest.is_empty() {
        None
    } else {
        match detect(rest) {
            Some(u) => Some(u),
            None => {
                return Scan::Invalid(if rest.chars().any(char::is_alphabetic) || rest.len() > 1 {
                    NumberError::UnknownUnit {
                        found: rest.to_string(),
                    }
                } else {
                    NumberError::NotANumber
                })
            }
        }
    };
    let as_point = read_with(num, DecimalMark::Point);
    let as_comma = read_with(num, DecimalMark::Comma);
    if as_point.is_none() && as_comma.is_none() {
        // Distinguish overflow (1e309) from garbage.
        if overflowed(num) {
            return Scan::Invalid(NumberError::NotFinite);
        }
        return Scan::Invalid(NumberError::NotANumber);
    }
    Scan::Number(Reading {
        as_point,
        as_comma,
        unit,
    })
}

fn is_group_char_space(c: char) -> bool {
    c.is_whitespace()
}

/// Whether `num` is syntactically a float that overflows (so the cell is `NotFinite`, not
/// `NotANumber`).
fn overflowed(num: &str) -> bool {
    let plain: String = num
        .chars()
        .filter(|c| !is_group_char(*c) || *c == '.')
        .collect();
    plain.parse::<f64>().is_ok_and(|v| v.is_infinite())
}

/// Read `num` (digits, group characters, sign, exponent) with decimal mark `mark`; `None` if the
/// text is not a well-formed number that way, or not finite.
fn read_with(num: &str, mark: DecimalMark) -> Option<f64> {
    let (dec, other) = match mark {
        DecimalMark::Point => ('.', ','),
        DecimalMark::Comma => (',', '.'),
    };
    let (sign, body) = match num.strip_prefix('-') {
        Some(b) => ("-", b),
        None => ("", num.strip_prefix('+').unwrap_or(num)),
    };
    let (mantissa, exponent) = match body.find(['e', 'E']) {
        Some(i) => (body.get(..i)?, Some(body.get(i + 1..)?)),
        None => (body, None),
    };
    if let Some(e) = exponent {
        let digits = e.strip_prefix(['-', '+']).unwrap_or(e);
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
    }
    if mantissa.matches(dec).count() > 1 {
        return None;
    }
    let (int, frac) = match mantissa.split_once(dec) {
        Some((i, f)) => (i, Some(f)),
        None => (mantissa, None),
    };
    if let Some(f) = frac {
        if !f.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
    }
    // Thousands groups: one separator kind; first group 1–3 digits, the others exactly 3.
    let seps: Vec<char> = int.chars().filter(|c| !c.is_ascii_digit()).collect();
    let mut int_digits = String::with_capacity(int.len());
    if seps.is_empty() {
        int_digits.push_str(int);
    } else {
        let sep = seps.first().copied()?;
        if !is_group_char(sep) || sep == dec || seps.iter().any(|c| *c != sep) {
            return None;
        }
        // A lone "other" mark is a thousands separator only in a grouped position; a space-like
        // group char too. Exponents with grouping are not numbers.
        let _ = other;
        if exponent.is_some() {
            return None;
        }
        let mut groups = int.split(sep);
        let first = groups.next()?;
        if first.is_empty() || first.len() > 3 || !first.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        if first.starts_with('0') {
            return None;
        }
        int_digits.push_str(first);
        for g in groups {
            if g.len() != 3 || !g.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            int_digits.push_str(g);
        }
    }
    if int_digits.is_empty() && frac.is_none_or(str::is_empty) {
        return None;
    }
    let mut ascii = String::with_capacity(num.len() + 2);
    ascii.push_str(sign);
    ascii.push_str(if int_digits.is_empty() {
        "0"
    } else {
        &int_digits
    });
    if let Some(f) = frac {
        if !f.is_empty() {
            ascii.push('.');
            ascii.push_str(f);
        }
    }
    if let Some(e) = exponent {
        ascii.push('e');
        ascii.push_str(e);
    }
    let v: f64 = ascii.parse().ok()?;
    v.is_finite().then_some(v)
}

/// Evidence counts for one column (or a whole table).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct MarkEvidence {
    /// Cells readable only with a decimal point.
    pub only_point: usize,
    /// Cells readable only with a decimal comma.
    pub only_comma: usize,
    /// Cells readable both ways with different values.
    pub either: usize,
}

impl MarkEvidence {
    /// Count one cell.
    pub fn add(&mut self, e: Evidence) {
        match e {
            Evidence::OnlyPoint => self.only_point += 1,
            Evidence::OnlyComma => self.only_comma += 1,
            Evidence::Either => self.either += 1,
            Evidence::Neutral => {}
        }
    }

    /// Add another count.
    pub fn merge(&mut self, o: MarkEvidence) {
        self.only_point += o.only_point;
        self.only_comma += o.only_comma;
        self.either += o.either;
    }
}

/// How a column's decimal mark was settled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum MarkDecision {
    /// The user chose it.
    User,
    /// Cells of this column can only be read this way.
    Column,
    /// The column alone is ambiguous; other columns of the same table settle it.
    Table,
    /// No cell needs a decision (integers only).
    NotNeeded,
    /// Genuinely ambiguous: the ambiguous cells are rejected until the user chooses.
    Ambiguous,
}

/// Choose a column's decimal mark from its own evidence, then the table's.
///
/// # Edge cases
/// When the column has cells of both kinds the majority wins (ties go to the point) and the
/// minority cells are rejected as `ConflictingDecimalMark`, located, rather than misread.
pub fn decide_mark(
    column: MarkEvidence,
    table: MarkEvidence,
    user: Option<DecimalMark>,
) -> (Option<DecimalMark>, MarkDecision) {
    if let Some(m) = user {
        return (Some(m), MarkDecision::User);
    }
    let by_counts = |e: MarkEvidence| {
        if e.only_point == 0 && e.only_comma == 0 {
            None
        } else if e.only_comma > e.only_point {
            Some(DecimalMark::Comma)
        } else {
            Some(DecimalMark::Point)
        }
    };
    if let Some(m) = by_counts(column) {
        return (Some(m), MarkDecision::Column);
    }
    if column.either == 0 {
        return (None, MarkDecision::NotNeeded);
    }
    match by_counts(table) {
        Some(m) => (Some(m), MarkDecision::Table),
        None => (None, MarkDecision::Ambiguous),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(raw: &str, point: Option<f64>, comma: Option<f64>) {
        match scan(raw) {
            Scan::Number(r) => {
                assert_eq!((r.as_point, r.as_comma), (point, comma), "{raw}");
            }
            other => panic!("{raw}: {other:?}"),
        }
    }

    fn check_invalid(raw: &str, expected: NumberError) {
        assert_eq!(scan(raw), Scan::Invalid(expected), "{raw}");
    }

    #[test]
    fn separators_are_read_both_ways() {
        check("12", Some(12.0), Some(12.0));
        check("12.5", Some(12.5), None);
        check("12,5", None, Some(12.5));
        check("1,234", Some(1234.0), Some(1.234));
        check("1.234", Some(1.234), Some(1234.0));
        check("1,234.5", Some(1234.5), None);
        check("1.234,5", None, Some(1234.5));
        check("1 234,5", None, Some(1234.5));
        check("1 234.5", Some(1234.5), None);
        check("1'234.5", Some(1234.5), None);
        check("1\u{202F}234,5", None, Some(1234.5));
        check("12,345,678", Some(12_345_678.0), None);
        check("0.987", Some(0.987), None);
        check("-3.5", Some(-3.5), None);
        check("−3,5", None, Some(-3.5));
        check("1.2e3", Some(1200.0), None);
        check("1E-3", Some(0.001), Some(0.001));
        check(".5", Some(0.5), None);
    }

    #[test]
    fn full_width_digits_and_units_are_read() {
        check("３５", Some(35.0), Some(35.0));
        let Scan::Number(r) = scan("35 μg/m³") else {
            panic!()
        };
        assert_eq!(r.unit, Some(Unit::UgM3));
        let Scan::Number(r) = scan("12.5%") else {
            panic!()
        };
        assert_eq!((r.as_point, r.unit), (Some(12.5), Some(Unit::Percent)));
    }

    #[test]
    fn bad_cells_say_why() {
        check_invalid(
            "#DIV/0!",
            NumberError::ExcelError {
                code: "#DIV/0!".into(),
            },
        );
        check_invalid(
            "#n/a",
            NumberError::ExcelError {
                code: "#N/A".into(),
            },
        );
        check_invalid("NaN", NumberError::NotFinite);
        check_invalid("inf", NumberError::NotFinite);
        check_invalid("1e309", NumberError::NotFinite);
        check_invalid("abc", NumberError::NotANumber);
        check_invalid("1,2,3", NumberError::NotANumber);
        check_invalid(
            "35 furlongs",
            NumberError::UnknownUnit {
                found: "furlongs".into(),
            },
        );
        assert_eq!(scan("  "), Scan::Missing);
        assert_eq!(scan("—"), Scan::Missing);
        assert_eq!(scan("缺测"), Scan::Missing);
    }

    #[test]
    fn column_mark_prefers_unambiguous_cells_and_flags_the_rest() {
        let e = |p, c, x| MarkEvidence {
            only_point: p,
            only_comma: c,
            either: x,
        };
        assert_eq!(
            decide_mark(e(0, 3, 2), e(0, 0, 0), None),
            (Some(DecimalMark::Comma), MarkDecision::Column)
        );
        assert_eq!(
            decide_mark(e(0, 0, 2), e(5, 0, 0), None),
            (Some(DecimalMark::Point), MarkDecision::Table)
        );
        assert_eq!(
            decide_mark(e(0, 0, 2), e(0, 0, 4), None),
            (None, MarkDecision::Ambiguous)
        );
        assert_eq!(
            decide_mark(e(0, 0, 0), e(0, 0, 0), None),
            (None, MarkDecision::NotNeeded)
        );
    }
}
