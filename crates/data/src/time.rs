//! Time cells: years, dates and hours as spreadsheets and monitoring exports write them.
//!
//! Accepted forms (time-zone-free local time, as HJ 663 data are reported):
//! - years: `2014`, `2014年`, `2014.0` (a spreadsheet number);
//! - dates: `2024-01-05`, `2024/1/5`, `2024.1.5`, `2024年1月5日`, `20240105`, and day-first or
//!   month-first `5/1/2024` only when one component exceeds 12 (otherwise it is ambiguous and
//!   rejected, never guessed);
//! - hours: any date followed by ` 13:00`, `T13:00`, ` 13:00:00`, ` 13时`, ` 13点`, and the compact
//!   `2024010513`. `24:00` is the end of the day, i.e. 00:00 of the next day (ISO 8601 §4.2.3).
//!   Minutes and seconds must be zero: these are hourly values.

use renewal_calc::time::{CivilDate, CivilHour, TimeError};

/// A row's time: a year, a day or an hour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(tag = "granularity", content = "at", rename_all = "snake_case")
)]
pub enum TimeKey {
    /// A calendar year.
    Year(i32),
    /// A calendar day.
    Date(CivilDate),
    /// A local hour.
    Hour(CivilHour),
}

/// Which of the three a [`TimeKey`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Granularity {
    /// Years.
    Year,
    /// Days.
    Date,
    /// Hours.
    Hour,
}

impl TimeKey {
    /// The granularity.
    pub fn granularity(self) -> Granularity {
        match self {
            Self::Year(_) => Granularity::Year,
            Self::Date(_) => Granularity::Date,
            Self::Hour(_) => Granularity::Hour,
        }
    }

    /// The calendar year.
    pub fn year(self) -> i32 {
        match self {
            Self::Year(y) => y,
            Self::Date(d) => d.year,
            Self::Hour(h) => h.date.year,
        }
    }
}

impl std::fmt::Display for TimeKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Year(y) => write!(f, "{y}"),
            Self::Date(d) => write!(f, "{d}"),
            Self::Hour(h) => write!(f, "{h}"),
        }
    }
}

/// Why a time cell was not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(tag = "kind", rename_all = "snake_case"))]
#[non_exhaustive]
pub enum TimeParseError {
    /// Not in any accepted form.
    NotATime,
    /// The date or hour does not exist (2023-02-29, 25:00).
    Invalid {
        /// Year as written.
        year: i32,
        /// Month as written.
        month: u32,
        /// Day as written.
        day: u32,
        /// Hour as written, if any.
        hour: Option<u32>,
    },
    /// `1/2/2024`: day-first and month-first both give a real date.
    AmbiguousDayMonth,
    /// Minutes or seconds are not zero: not an hourly timestamp.
    NotOnTheHour {
        /// Minutes as written.
        minute: u32,
    },
}

/// At most this many digit runs in a time cell (`2024-01-05 13:00:00` has six).
const MAX_GROUPS: usize = 8;

/// Digit runs and the text between them, without allocating: `nums[i]` is (value, digit count)
/// and `seps[i]` the trimmed text before run `i` (`seps[n]` after the last). `None` for more than
/// [`MAX_GROUPS`] runs.
struct Groups<'a> {
    nums: [(u64, usize); MAX_GROUPS],
    seps: [&'a str; MAX_GROUPS + 1],
    n: usize,
}

fn groups(text: &str) -> Option<Groups<'_>> {
    let mut g = Groups {
        nums: [(0, 0); MAX_GROUPS],
        seps: [""; MAX_GROUPS + 1],
        n: 0,
    };
    let bytes = text.as_bytes();
    let mut sep_start = 0;
    let mut i = 0;
    while i < bytes.len() {
        if bytes.get(i).is_some_and(u8::is_ascii_digit) {
            let run_start = i;
            let (mut v, mut len) = (0u64, 0usize);
            while let Some(b) = bytes.get(i).filter(|b| b.is_ascii_digit()) {
                v = v.saturating_mul(10).saturating_add(u64::from(b - b'0'));
                len += 1;
                i += 1;
            }
            let slot = g.nums.get_mut(g.n)?;
            *slot = (v, len);
            *g.seps.get_mut(g.n)? = text.get(sep_start..run_start)?.trim();
            g.n += 1;
            sep_start = i;
        } else {
            i += 1;
        }
    }
    *g.seps.get_mut(g.n)? = text.get(sep_start..)?.trim();
    Some(g)
}

/// Full-width digits and punctuation to ASCII; borrowed when there is nothing to fold.
fn fold(text: &str) -> std::borrow::Cow<'_, str> {
    if text.is_ascii() {
        std::borrow::Cow::Borrowed(text)
    } else {
        std::borrow::Cow::Owned(text.chars().map(crate::number::fold_width).collect())
    }
}

fn to_u32(v: u64) -> u32 {
    u32::try_from(v).unwrap_or(u32::MAX)
}

fn make_date(y: u64, m: u64, d: u64) -> Result<CivilDate, TimeParseError> {
    let year = i32::try_from(y).map_err(|_| TimeParseError::NotATime)?;
    let invalid = TimeParseError::Invalid {
        year,
        month: to_u32(m),
        day: to_u32(d),
        hour: None,
    };
    let (Ok(month), Ok(day)) = (u8::try_from(m), u8::try_from(d)) else {
        return Err(invalid);
    };
    CivilDate::new(year, month, day).map_err(|_: TimeError| invalid)
}

fn make_hour(
    date: CivilDate,
    h: u64,
    minute: u64,
    second: u64,
) -> Result<CivilHour, TimeParseError> {
    if minute != 0 || second != 0 {
        return Err(TimeParseError::NotOnTheHour {
            minute: to_u32(minute),
        });
    }
    match h {
        0..=23 => Ok(CivilHour {
            date,
            hour: u8::try_from(h).unwrap_or(0),
        }),
        // ISO 8601: 24:00 is the end of the day.
        24 => Ok(CivilHour {
            date: date.succ(),
            hour: 0,
        }),
        _ => Err(TimeParseError::Invalid {
            year: date.year,
            month: u32::from(date.month),
            day: u32::from(date.day),
            hour: Some(to_u32(h)),
        }),
    }
}

const DATE_SEPS: &[&str] = &["-", "/", ".", "年", "月"];
const TIME_SEPS: &[&str] = &[":", "时", "點", "点", "h"];

/// Read a time cell.
///
/// # Errors
/// [`TimeParseError`] saying why; see the module doc for the accepted forms.
///
/// ```
/// use renewal_data::time::{parse_time, TimeKey};
/// use renewal_calc::time::{CivilDate, CivilHour};
/// assert_eq!(parse_time("2014"), Ok(TimeKey::Year(2014)));
/// assert_eq!(parse_time("2024年1月5日"), Ok(TimeKey::Date(CivilDate::new(2024, 1, 5).unwrap())));
/// assert_eq!(parse_time("2024/1/5 13:00"), Ok(TimeKey::Hour(CivilHour::new(2024, 1, 5, 13).unwrap())));
/// ```
pub fn parse_time(text: &str) -> Result<TimeKey, TimeParseError> {
    let folded = fold(text.trim());
    let g = groups(&folded).ok_or(TimeParseError::NotATime)?;
    let n = g.n;
    let sep = |i: usize| g.seps.get(i).copied().unwrap_or("");
    let num = |i: usize| g.nums.get(i).copied().unwrap_or((0, 0));
    if !sep(0).is_empty() {
        return Err(TimeParseError::NotATime);
    }
    match n {
        1 => {
            let (v, n) = num(0);
            let tail = sep(1);
            match (n, tail) {
                (4, "" | "年") => i32::try_from(v)
                    .map(TimeKey::Year)
                    .map_err(|_| TimeParseError::NotATime),
                (8, "") => make_date(v / 10_000, v / 100 % 100, v % 100).map(TimeKey::Date),
                (10, "") => {
                    let d = make_date(v / 1_000_000, v / 10_000 % 100, v / 100 % 100)?;
                    make_hour(d, v % 100, 0, 0).map(TimeKey::Hour)
                }
                (12, "") => {
                    let d = make_date(v / 100_000_000, v / 1_000_000 % 100, v / 10_000 % 100)?;
                    make_hour(d, v / 100 % 100, v % 100, 0).map(TimeKey::Hour)
                }
                _ => Err(TimeParseError::NotATime),
            }
        }
        // A year from a spreadsheet number: "2014.0".
        2 if num(0).1 == 4 && sep(1) == "." && num(1).0 == 0 && sep(2).is_empty() => {
            i32::try_from(num(0).0)
                .map(TimeKey::Year)
                .map_err(|_| TimeParseError::NotATime)
        }
        3..=6 => {
            let date_sep_ok = |s: &str| DATE_SEPS.contains(&s);
            if !date_sep_ok(sep(1)) || !date_sep_ok(sep(2)) {
                return Err(TimeParseError::NotATime);
            }
            let (a, b, c) = (num(0), num(1), num(2));
            let date = if a.1 == 4 {
                make_date(a.0, b.0, c.0)?
            } else if c.1 == 4 && a.1 <= 2 && b.1 <= 2 && !sep(1).contains('年') {
                match (a.0 > 12, b.0 > 12) {
                    (true, false) => make_date(c.0, b.0, a.0)?,
                    (false, true) => make_date(c.0, a.0, b.0)?,
                    (false, false) if a.0 == b.0 => make_date(c.0, a.0, b.0)?,
                    (false, false) => return Err(TimeParseError::AmbiguousDayMonth),
                    (true, true) => {
                        return Err(TimeParseError::Invalid {
                            year: i32::try_from(c.0).unwrap_or(0),
                            month: to_u32(b.0),
                            day: to_u32(a.0),
                            hour: None,
                        })
                    }
                }
            } else {
                return Err(TimeParseError::NotATime);
            };
            let after_date = sep(3);
            if n == 3 {
                return match after_date {
                    "" | "日" | "号" => Ok(TimeKey::Date(date)),
                    _ => Err(TimeParseError::NotATime),
                };
            }
            // Between date and hour: a space (trimmed away), "T", "日", "号".
            let between = after_date
                .trim_start_matches(['日', '号'])
                .trim()
                .trim_start_matches(['T', 't']);
            if !between.is_empty() {
                return Err(TimeParseError::NotATime);
            }
            let h = num(3);
            let (mut minute, mut second) = (0, 0);
            let after_hour = sep(4);
            if n >= 5 {
                if !TIME_SEPS.contains(&after_hour) {
                    return Err(TimeParseError::NotATime);
                }
                minute = num(4).0;
            }
            if n == 6 {
                if !matches!(sep(5), ":" | "分") {
                    return Err(TimeParseError::NotATime);
                }
                second = num(5).0;
            }
            let tail = sep(n);
            let tail_ok = match n {
                4 => matches!(tail, "" | "时" | "点" | "點" | "h" | ":00"),
                5 => matches!(tail, "" | "分"),
                _ => matches!(tail, "" | "秒"),
            };
            if !tail_ok || h.1 > 2 {
                return Err(TimeParseError::NotATime);
            }
            make_hour(date, h.0, minute, second).map(TimeKey::Hour)
        }
        _ => Err(TimeParseError::NotATime),
    }
}

/// Read an hour-of-day cell (`13`, `13:00`, `13时`) for a table with separate date and hour
/// columns; 24 is allowed (end of day).
///
/// # Errors
/// [`TimeParseError::NotATime`] or [`TimeParseError::NotOnTheHour`].
pub fn parse_hour_of_day(text: &str) -> Result<u8, TimeParseError> {
    let folded = fold(text.trim());
    let g = groups(&folded).ok_or(TimeParseError::NotATime)?;
    let seps = &g.seps;
    let ok_tail = |s: &str| matches!(s, "" | "时" | "点" | "點" | "h" | ":00");
    match g.nums.get(..g.n).unwrap_or(&[]) {
        [(h, 1..=2)]
            if seps.first().is_some_and(|s| s.is_empty())
                && seps.get(1).is_some_and(|s| ok_tail(s)) =>
        {
            u8::try_from(*h)
                .ok()
                .filter(|h| *h <= 24)
                .ok_or(TimeParseError::NotATime)
        }
        [(h, 1..=2), (m, 2)] if seps.get(1).is_some_and(|s| *s == ":") => {
            if *m != 0 {
                return Err(TimeParseError::NotOnTheHour { minute: to_u32(*m) });
            }
            u8::try_from(*h)
                .ok()
                .filter(|h| *h <= 24)
                .ok_or(TimeParseError::NotATime)
        }
        // "2014.0"-style numbers from a workbook.
        [(h, 1..=2), (0, 1)] if seps.get(1).is_some_and(|s| *s == ".") => u8::try_from(*h)
            .ok()
            .filter(|h| *h <= 24)
            .ok_or(TimeParseError::NotATime),
        _ => Err(TimeParseError::NotATime),
    }
}

/// Combine a date and an hour of day (24 → next day 00).
///
/// # Errors
/// None in practice for `hour <= 24`; an hour above 24 is [`TimeParseError::Invalid`].
pub fn date_at_hour(date: CivilDate, hour: u8) -> Result<CivilHour, TimeParseError> {
    make_hour(date, u64::from(hour), 0, 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u8, day: u8) -> TimeKey {
        TimeKey::Date(CivilDate::new(y, m, day).unwrap())
    }
    fn h(y: i32, m: u8, day: u8, hour: u8) -> TimeKey {
        TimeKey::Hour(CivilHour::new(y, m, day, hour).unwrap())
    }
    fn check(text: &str, expected: Result<TimeKey, TimeParseError>) {
        assert_eq!(parse_time(text), expected, "{text}");
    }

    #[test]
    fn years_dates_and_hours_in_common_forms() {
        check("2014", Ok(TimeKey::Year(2014)));
        check("2014年", Ok(TimeKey::Year(2014)));
        check("2014.0", Ok(TimeKey::Year(2014)));
        check("２０１４", Ok(TimeKey::Year(2014)));
        check("2024-01-05", Ok(d(2024, 1, 5)));
        check("2024/1/5", Ok(d(2024, 1, 5)));
        check("2024.1.5", Ok(d(2024, 1, 5)));
        check("2024年1月5日", Ok(d(2024, 1, 5)));
        check("20240105", Ok(d(2024, 1, 5)));
        check("25/12/2023", Ok(d(2023, 12, 25)));
        check("12/25/2023", Ok(d(2023, 12, 25)));
        check("2024/1/5 13:00", Ok(h(2024, 1, 5, 13)));
        check("2024-01-05T13:00", Ok(h(2024, 1, 5, 13)));
        check("2024-01-05 13:00:00", Ok(h(2024, 1, 5, 13)));
        check("2024年1月5日 13时", Ok(h(2024, 1, 5, 13)));
        check("2024年1月5日13时", Ok(h(2024, 1, 5, 13)));
        check("2024010513", Ok(h(2024, 1, 5, 13)));
        check("2024-01-05 24:00", Ok(h(2024, 1, 6, 0)));
        check("2024-12-31 24:00", Ok(h(2025, 1, 1, 0)));
    }

    #[test]
    fn impossible_or_ambiguous_times_are_refused() {
        check("1/2/2024", Err(TimeParseError::AmbiguousDayMonth));
        check(
            "2023-02-29",
            Err(TimeParseError::Invalid {
                year: 2023,
                month: 2,
                day: 29,
                hour: None,
            }),
        );
        check(
            "2024-01-05 13:30",
            Err(TimeParseError::NotOnTheHour { minute: 30 }),
        );
        check(
            "2024-01-05 25:00",
            Err(TimeParseError::Invalid {
                year: 2024,
                month: 1,
                day: 5,
                hour: Some(25),
            }),
        );
        check("abc", Err(TimeParseError::NotATime));
        check("2014a", Err(TimeParseError::NotATime));
        check("", Err(TimeParseError::NotATime));
        check("99999999999999999999999", Err(TimeParseError::NotATime));
    }

    #[test]
    fn hour_columns() {
        assert_eq!(parse_hour_of_day("13"), Ok(13));
        assert_eq!(parse_hour_of_day("13:00"), Ok(13));
        assert_eq!(parse_hour_of_day("13时"), Ok(13));
        assert_eq!(parse_hour_of_day("0"), Ok(0));
        assert_eq!(parse_hour_of_day("25"), Err(TimeParseError::NotATime));
        assert_eq!(
            parse_hour_of_day("13:15"),
            Err(TimeParseError::NotOnTheHour { minute: 15 })
        );
    }
}
