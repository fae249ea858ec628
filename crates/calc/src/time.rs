//! Civil (time-zone-free, local) dates and hours, as air-quality data are reported.
//!
//! HJ 663 and HJ 633 work on local calendar days and hours; data arrive without a time zone.
//! These types carry exactly that and nothing more, so the maths needs no date library.

use std::fmt;

/// A calendar date in the proleptic Gregorian calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct CivilDate {
    /// Year, e.g. 2024.
    pub year: i32,
    /// Month, 1..=12.
    pub month: u8,
    /// Day of month, 1..=31 depending on the month.
    pub day: u8,
}

/// A local date and hour. HJ 663 labels an hourly value by the hour it ends or starts; the
/// caller decides, this type only orders and groups.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct CivilHour {
    /// The calendar date.
    pub date: CivilDate,
    /// Hour of day, 0..=23.
    pub hour: u8,
}

/// Why a date or hour is not a real one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TimeError {
    /// The month is not in 1..=12.
    #[error("month {0} is not in 1..=12")]
    Month(u8),
    /// The day does not exist in that month.
    #[error("day {day} does not exist in {year}-{month:02}")]
    Day {
        /// Year.
        year: i32,
        /// Month.
        month: u8,
        /// The offending day.
        day: u8,
    },
    /// The hour is not in 0..=23.
    #[error("hour {0} is not in 0..=23")]
    Hour(u8),
}

/// Whether `year` is a leap year in the Gregorian calendar.
pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Number of days in `month` of `year`; `None` for a month outside 1..=12.
pub fn days_in_month(year: i32, month: u8) -> Option<u8> {
    Some(match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => return None,
    })
}

/// Number of days in `year`.
pub fn days_in_year(year: i32) -> u16 {
    if is_leap_year(year) {
        366
    } else {
        365
    }
}

impl CivilDate {
    /// A validated date.
    ///
    /// # Errors
    /// [`TimeError::Month`] or [`TimeError::Day`] when the date does not exist.
    pub fn new(year: i32, month: u8, day: u8) -> Result<Self, TimeError> {
        let last = days_in_month(year, month).ok_or(TimeError::Month(month))?;
        if day == 0 || day > last {
            return Err(TimeError::Day { year, month, day });
        }
        Ok(Self { year, month, day })
    }

    /// Days since 1970-01-01 (negative before). Howard Hinnant's `days_from_civil` algorithm,
    /// exact for every proleptic Gregorian date.
    pub fn days_since_epoch(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days after 1970-01-01 (inverse of [`CivilDate::days_since_epoch`]).
    pub fn from_days_since_epoch(days: i64) -> Self {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Self { year, month, day }
    }

    /// The next calendar day.
    pub fn succ(self) -> Self {
        Self::from_days_since_epoch(self.days_since_epoch() + 1)
    }

    /// Day of the year, 1-based.
    pub fn ordinal(self) -> u16 {
        let jan1 = Self {
            year: self.year,
            month: 1,
            day: 1,
        };
        (self.days_since_epoch() - jan1.days_since_epoch() + 1) as u16
    }

    /// The year as a real number at the start of this day (2024-07-02 is about 2024.5), for
    /// trend slopes on real time rather than row index.
    pub fn decimal_year(self) -> f64 {
        f64::from(self.year) + f64::from(self.ordinal() - 1) / f64::from(days_in_year(self.year))
    }
}

impl CivilHour {
    /// A validated date and hour.
    ///
    /// # Errors
    /// As [`CivilDate::new`], and [`TimeError::Hour`] for an hour above 23.
    pub fn new(year: i32, month: u8, day: u8, hour: u8) -> Result<Self, TimeError> {
        let date = CivilDate::new(year, month, day)?;
        if hour > 23 {
            return Err(TimeError::Hour(hour));
        }
        Ok(Self { date, hour })
    }

    /// Hours since 1970-01-01T00.
    pub fn hours_since_epoch(self) -> i64 {
        self.date.days_since_epoch() * 24 + i64::from(self.hour)
    }

    /// The hour `hours` hours after 1970-01-01T00.
    pub fn from_hours_since_epoch(hours: i64) -> Self {
        Self {
            date: CivilDate::from_days_since_epoch(hours.div_euclid(24)),
            hour: hours.rem_euclid(24) as u8,
        }
    }
}

impl fmt::Display for CivilDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl fmt::Display for CivilHour {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {:02}:00", self.date, self.hour)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn leap_years_follow_the_gregorian_rule() {
        assert!(is_leap_year(2024));
        assert!(!is_leap_year(2023));
        assert!(!is_leap_year(1900));
        assert!(is_leap_year(2000));
        assert_eq!(days_in_month(2024, 2), Some(29));
        assert_eq!(days_in_month(2023, 2), Some(28));
        assert_eq!(days_in_month(2023, 13), None);
    }

    #[test]
    fn invalid_dates_are_rejected_with_the_reason() {
        assert_eq!(
            CivilDate::new(2023, 2, 29),
            Err(TimeError::Day {
                year: 2023,
                month: 2,
                day: 29
            })
        );
        assert_eq!(CivilDate::new(2023, 0, 1), Err(TimeError::Month(0)));
        assert_eq!(CivilHour::new(2023, 1, 1, 24), Err(TimeError::Hour(24)));
    }

    #[test]
    fn epoch_days_match_known_dates() {
        assert_eq!(CivilDate::new(1970, 1, 1).unwrap().days_since_epoch(), 0);
        // 2000-03-01 is day 11017 (checked with `date -d 2000-03-01 +%s` / 86400).
        assert_eq!(
            CivilDate::new(2000, 3, 1).unwrap().days_since_epoch(),
            11_017
        );
        assert_eq!(CivilDate::new(1969, 12, 31).unwrap().days_since_epoch(), -1);
    }

    #[test]
    fn ordinal_and_decimal_year() {
        let d = CivilDate::new(2024, 12, 31).unwrap();
        assert_eq!(d.ordinal(), 366);
        let mid = CivilDate::new(2023, 7, 2).unwrap();
        assert_eq!(mid.ordinal(), 183);
        assert!((mid.decimal_year() - (2023.0 + 182.0 / 365.0)).abs() < 1e-12);
    }

    #[test]
    fn succ_crosses_month_and_year() {
        assert_eq!(
            CivilDate::new(2024, 2, 28).unwrap().succ(),
            CivilDate::new(2024, 2, 29).unwrap()
        );
        assert_eq!(
            CivilDate::new(2023, 12, 31).unwrap().succ(),
            CivilDate::new(2024, 1, 1).unwrap()
        );
    }

    proptest! {
        #[test]
        fn days_round_trip(days in -1_000_000i64..1_000_000) {
            let d = CivilDate::from_days_since_epoch(days);
            prop_assert!(CivilDate::new(d.year, d.month, d.day).is_ok());
            prop_assert_eq!(d.days_since_epoch(), days);
        }

        #[test]
        fn hours_round_trip(hours in -10_000_000i64..10_000_000) {
            prop_assert_eq!(CivilHour::from_hours_since_epoch(hours).hours_since_epoch(), hours);
        }
    }
}
