//! Numbers as each language writes them: the decimal mark, the grouping separator and the
//! percent pattern come from a table of Unicode CLDR number symbols, not from literals in views.
//!
//! # Source
//! Unicode CLDR 46, `main/en/numbers.json` and `main/zh/numbers.json` (latn digits):
//! decimal ".", group ",", percent pattern `#,##0%`, minimumGroupingDigits 1 in both. Simplified
//! Chinese and English therefore print the same digits; the table keeps that a fact checked by
//! tests rather than an accident, and is where another language would differ.
//!
//! Non-finite values (a ratio against a zero baseline, an empty series) print as an em dash, the
//! convention for "no value" in both languages' statistical tables.

use crate::i18n::Lang;

/// The number symbols of one language (CLDR `symbols-numberSystem-latn`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumberSymbols {
    /// Decimal mark.
    pub decimal: char,
    /// Thousands grouping separator.
    pub group: char,
    /// Whether the percent sign follows the number (`12%`) or precedes it.
    pub percent_after: bool,
}

/// CLDR 46 number symbols for English.
pub const EN: NumberSymbols = NumberSymbols {
    decimal: '.',
    group: ',',
    percent_after: true,
};

/// CLDR 46 number symbols for Simplified Chinese.
pub const ZH: NumberSymbols = NumberSymbols {
    decimal: '.',
    group: ',',
    percent_after: true,
};

/// The symbols a language uses.
pub const fn symbols(lang: Lang) -> NumberSymbols {
    match lang {
        Lang::En => EN,
        Lang::Zh => ZH,
    }
}

/// What is printed for a value that does not exist (NaN, ±∞).
pub const NO_VALUE: &str = "—";

/// `v` with exactly `decimals` decimals, grouped in thousands, in `lang`'s symbols.
///
/// Rounding is Rust's `format!` rounding of the binary value (round-half-to-even on the exact
/// binary expansion), the same as the CLI's output, so the page and a report agree digit for
/// digit. `-0` after rounding prints as `0`.
pub fn number(v: f64, decimals: usize, lang: Lang) -> String {
    if !v.is_finite() {
        return NO_VALUE.to_string();
    }
    let s = format!("{:.*}", decimals, v.abs());
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let sym = symbols(lang);
    let mut out = String::with_capacity(s.len() + s.len() / 3 + 1);
    let negative = v < 0.0 && s.bytes().any(|b| b.is_ascii_digit() && b != b'0');
    if negative {
        out.push('-');
    }
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(sym.group);
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push(sym.decimal);
        out.push_str(frac);
    }
    out
}

/// `v` with as many decimals as its size needs: none from 100, one from 10, two below (so CO in
/// mg/m³ keeps its precision while PM10 in µg/m³ does not print noise).
pub fn adaptive(v: f64, lang: Lang) -> String {
    let a = v.abs();
    let decimals = if a >= 100.0 {
        0
    } else if a >= 10.0 {
        1
    } else {
        2
    };
    number(v, decimals, lang)
}

/// `v` with at most `max_decimals` decimals and no trailing zeros (`12.5`, `170`, `0.333`), for
/// values whose precision is their own (a concentration typed by the user, a breakpoint).
pub fn compact(v: f64, max_decimals: usize, lang: Lang) -> String {
    let n = number(v, max_decimals, lang);
    let mark = symbols(lang).decimal;
    if max_decimals == 0 || !n.contains(mark) {
        return n;
    }
    let n = n.trim_end_matches('0').trim_end_matches(mark);
    if n == "-0" {
        "0".to_string()
    } else {
        n.to_string()
    }
}

/// `v` with an explicit sign, as changes and slopes are written: `+` before a positive value,
/// `-` before a negative one, and no sign when it rounds to zero (`0.00`, not `+0.00`).
pub fn signed(v: f64, decimals: usize, lang: Lang) -> String {
    let n = number(v, decimals, lang);
    if v > 0.0 && n.bytes().any(|b| (b'1'..=b'9').contains(&b)) {
        format!("+{n}")
    } else {
        n
    }
}

/// A two-sided p-value as readers expect it: three decimals, and `p < 0.001` below that.
pub fn p_value(p: f64, lang: Lang) -> String {
    if p < 0.001 {
        format!("p < {}", number(0.001, 3, lang))
    } else {
        format!("p = {}", number(p, 3, lang))
    }
}

/// A fraction (0.123) as a percentage (`12.3%`) with `decimals` decimals.
pub fn percent(fraction: f64, decimals: usize, lang: Lang) -> String {
    if !fraction.is_finite() {
        return NO_VALUE.to_string();
    }
    let n = number(fraction * 100.0, decimals, lang);
    if symbols(lang).percent_after {
        format!("{n}%")
    } else {
        format!("%{n}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_thousands_in_both_languages() {
        assert_eq!(number(1_234_567.891, 2, Lang::En), "1,234,567.89");
        assert_eq!(number(1_234_567.891, 2, Lang::Zh), "1,234,567.89");
        assert_eq!(number(999.0, 0, Lang::En), "999");
        assert_eq!(number(1000.0, 0, Lang::En), "1,000");
        assert_eq!(number(100_000.0, 1, Lang::Zh), "100,000.0");
    }

    #[test]
    fn negative_values_keep_their_sign_and_negative_zero_does_not() {
        assert_eq!(number(-12_345.5, 1, Lang::En), "-12,345.5");
        assert_eq!(number(-0.004, 2, Lang::En), "0.00");
        assert_eq!(number(-0.0, 0, Lang::Zh), "0");
    }

    #[test]
    fn rounding_is_the_binary_value_rounded_like_format() {
        // 0.125 is exact in binary: ties to even gives 0.12; 2.675 is 2.67499999… in binary.
        assert_eq!(number(0.125, 2, Lang::En), "0.12");
        assert_eq!(number(2.675, 2, Lang::En), "2.67");
        assert_eq!(number(999.96, 1, Lang::En), "1,000.0");
    }

    #[test]
    fn non_finite_values_print_as_no_value() {
        assert_eq!(number(f64::NAN, 1, Lang::En), NO_VALUE);
        assert_eq!(number(f64::INFINITY, 1, Lang::Zh), NO_VALUE);
        assert_eq!(percent(f64::NEG_INFINITY, 1, Lang::En), NO_VALUE);
    }

    #[test]
    fn adaptive_decimals_follow_magnitude() {
        assert_eq!(adaptive(1234.4, Lang::En), "1,234");
        assert_eq!(adaptive(35.04, Lang::En), "35.0");
        assert_eq!(adaptive(1.234, Lang::Zh), "1.23");
        assert_eq!(adaptive(-15.25, Lang::En), "-15.2");
    }

    #[test]
    fn compact_drops_trailing_zeros_only_after_the_decimal_mark() {
        assert_eq!(compact(12.5, 3, Lang::En), "12.5");
        assert_eq!(compact(170.0, 3, Lang::Zh), "170");
        assert_eq!(compact(1.0 / 3.0, 3, Lang::En), "0.333");
        assert_eq!(compact(2_620.0, 3, Lang::En), "2,620");
        assert_eq!(compact(-0.0001, 3, Lang::En), "0");
        assert_eq!(compact(100.0, 0, Lang::En), "100");
    }

    #[test]
    fn signed_marks_positive_values_and_leaves_zero_unsigned() {
        assert_eq!(signed(13.4, 1, Lang::En), "+13.4");
        assert_eq!(signed(-1.9667, 2, Lang::Zh), "-1.97");
        assert_eq!(signed(0.001, 2, Lang::En), "0.00");
        assert_eq!(signed(1234.5, 0, Lang::En), "+1,234");
        assert_eq!(signed(f64::NAN, 2, Lang::En), NO_VALUE);
    }

    #[test]
    fn p_values_have_three_decimals_and_a_floor() {
        assert_eq!(p_value(0.0894, Lang::En), "p = 0.089");
        assert_eq!(p_value(0.0004, Lang::Zh), "p < 0.001");
        assert_eq!(p_value(0.001, Lang::En), "p = 0.001");
    }

    #[test]
    fn percent_multiplies_by_one_hundred() {
        assert_eq!(percent(0.1234, 1, Lang::En), "12.3%");
        assert_eq!(percent(0.1234, 1, Lang::Zh), "12.3%");
        assert_eq!(percent(12.5, 0, Lang::En), "1,250%");
    }
}
