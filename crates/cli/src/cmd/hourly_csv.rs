//! The fast path of `renewal air-annual` (and `renewal report`) for the commonest large input: a
//! plain UTF-8, comma-separated hourly file as monitoring platforms export it
//! (`timestamp,pm25,pm10,so2,no2,co,o3`, ISO timestamps, plain decimals, `NA` or empty cells).
//!
//! It reads the bytes once, line by line, straight into the per-pollutant series: no grid, no
//! per-cell `String`, no per-cell unit or decimal-mark detection. It accepts only what it can
//! read exactly as the general reader ([`super::table_input::Table`], i.e. the data crate) would,
//! and gives up (`None`) on anything else — quotes, another delimiter, a BOM-less non-UTF-8
//! byte, a header that is not the bare pollutant keys, a timestamp not `YYYY-MM-DD HH:MM[:SS]`
//! with a whole hour, a number with a sign, exponent, thousands separator or exactly three
//! decimals (which the data crate may read as a thousands group), a missing marker other than
//! empty or `NA`, a short row. The caller then reads the file the general way, so the result
//! never depends on which path ran; `tests` below checks the two paths agree.
//!
//! # Number parsing
//! A decimal `d…d.d…d` with at most 15 significant digits is `m / 10^k` with `m` and `10^k`
//! exact in f64 (k ≤ 22), so one IEEE division gives the correctly rounded value, the same as
//! `str::parse::<f64>` (Clinger 1990, the "fast path"); longer numbers use `str::parse`.

use renewal_calc::air_statistics::HourlyValue;
use renewal_calc::aqi::Pollutant;
use renewal_calc::time::{CivilDate, CivilHour};

/// The series read by the fast path and the number of data rows.
pub struct FastHourly {
    /// One series per column, in column order.
    pub series: Vec<(Pollutant, Vec<HourlyValue>)>,
    /// Data rows read.
    pub rows: usize,
}

/// Exact powers of ten (10^22 is the largest exact in f64).
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// A cell: `Ok(None)` missing, `Ok(Some(v))` a number, `Err(())` not for the fast path.
fn number(cell: &[u8]) -> Result<Option<f64>, ()> {
    if cell.is_empty() || cell == b"NA" {
        return Ok(None);
    }
    let mut mantissa: u64 = 0;
    let mut digits = 0u32;
    let mut frac: Option<u32> = None;
    for &b in cell {
        match b {
            b'0'..=b'9' => {
                mantissa = mantissa.wrapping_mul(10).wrapping_add(u64::from(b - b'0'));
                digits += 1;
                if let Some(f) = frac.as_mut() {
                    *f += 1;
                }
            }
            b'.' if frac.is_none() && digits > 0 => frac = Some(0),
            _ => return Err(()),
        }
    }
    let k = frac.unwrap_or(0);
    if frac == Some(0) || k == 3 {
        // "5." or "1.234" (a possible thousands group): the general reader decides.
        return Err(());
    }
    if digits <= 15 {
        let p = POW10.get(k as usize).ok_or(())?;
        return Ok(Some(mantissa as f64 / p));
    }
    let text = std::str::from_utf8(cell).map_err(|_| ())?;
    text.parse::<f64>().map(Some).map_err(|_| ())
}

fn two(b: &[u8], at: usize) -> Option<u8> {
    let hi = b.get(at)?.checked_sub(b'0').filter(|d| *d < 10)?;
    let lo = b.get(at + 1)?.checked_sub(b'0').filter(|d| *d < 10)?;
    Some(hi * 10 + lo)
}

/// `YYYY-MM-DD HH:MM` or `YYYY-MM-DDTHH:MM`, optionally `:SS`, minutes and seconds zero.
fn timestamp(cell: &[u8]) -> Option<CivilHour> {
    if !(cell.len() == 16 || (cell.len() == 19 && cell.get(16) == Some(&b':'))) {
        return None;
    }
    let sep_ok = cell.get(4) == Some(&b'-')
        && cell.get(7) == Some(&b'-')
        && matches!(cell.get(10), Some(b' ' | b'T'))
        && cell.get(13) == Some(&b':');
    if !sep_ok {
        return None;
    }
    let year = i32::from(two(cell, 0)?) * 100 + i32::from(two(cell, 2)?);
    let (month, day, hour) = (two(cell, 5)?, two(cell, 8)?, two(cell, 11)?);
    if two(cell, 14)? != 0 || (cell.len() == 19 && two(cell, 17)? != 0) || hour > 23 {
        return None;
    }
    CivilDate::new(year, month, day).ok()?;
    CivilHour::new(year, month, day, hour).ok()
}

/// Reads `bytes` if it is a plain hourly CSV; `None` when the general reader must be used.
/// `shift_hours` is added to every timestamp (−1 for hour-end labels). `years`: the range the
/// general reader accepts (`parse_table`'s year range; `None` for `air-annual`'s reader, which
/// has none); a timestamp outside it sends the file to the general reader, which rejects it.
pub fn read(bytes: &[u8], shift_hours: i64, years: Option<(i32, i32)>) -> Option<FastHourly> {
    if bytes.contains(&b'"') || bytes.contains(&b'\r') || bytes.contains(&b'\t') {
        return None;
    }
    let mut lines = bytes.split(|b| *b == b'\n');
    let header = std::str::from_utf8(lines.next()?).ok()?;
    if header.starts_with('#') || header.contains(';') {
        return None;
    }
    // The first column is the time whatever its name, as in the general reader.
    let mut names = header.split(',');
    names.next()?;
    let pollutants: Vec<Pollutant> = names
        .map(|n| {
            let n = n.trim().to_lowercase();
            Pollutant::from_key(n.strip_suffix("_1h").unwrap_or(&n))
        })
        .collect::<Option<_>>()?;
    if pollutants.is_empty() {
        return None;
    }
    let estimate = bytes.len() / (16 + 4 * pollutants.len()).max(1);
    let mut series: Vec<Vec<HourlyValue>> = pollutants
        .iter()
        .map(|_| Vec::with_capacity(estimate))
        .collect();
    let mut rows = 0usize;
    let mut last_was_blank = false;
    for line in lines {
        if line.is_empty() {
            last_was_blank = true;
            continue;
        }
        if last_was_blank {
            // A blank line inside the data: leave the rules for it to the general reader.
            return None;
        }
        let mut cells = line.split(|b| *b == b',');
        let stamp = timestamp(cells.next()?)?;
        if years.is_some_and(|(lo, hi)| !(lo..=hi).contains(&stamp.date.year)) {
            return None;
        }
        let hour = if shift_hours == 0 {
            stamp
        } else {
            CivilHour::from_hours_since_epoch(stamp.hours_since_epoch() + shift_hours)
        };
        for s in series.iter_mut() {
            if let Some(v) = number(cells.next()?).ok()? {
                s.push(HourlyValue {
                    hour,
                    concentration: v,
                });
            }
        }
        if cells.next().is_some() {
            return None;
        }
        rows += 1;
    }
    if rows == 0 {
        return None;
    }
    Some(FastHourly {
        series: pollutants.into_iter().zip(series).collect(),
        rows,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_match_the_standard_parser() {
        for s in [
            "0",
            "7",
            "91",
            "1.3",
            "0.05",
            "12.5",
            "149",
            "123456789012345",
            "0.1",
        ] {
            assert_eq!(
                number(s.as_bytes()),
                Ok(Some(s.parse::<f64>().unwrap())),
                "{s}"
            );
        }
        assert_eq!(number(b"1234567890.1234567"), Ok(Some(1234567890.1234567)));
        assert_eq!(number(b""), Ok(None));
        assert_eq!(number(b"NA"), Ok(None));
        for s in ["-1", "1e3", "1.234", "5.", ".5", "1,5", "n/a", " 1"] {
            assert_eq!(number(s.as_bytes()), Err(()), "{s}");
        }
    }

    #[test]
    fn timestamps_are_whole_iso_hours() {
        assert_eq!(
            timestamp(b"2000-01-01 13:00"),
            Some(CivilHour::new(2000, 1, 1, 13).unwrap())
        );
        assert_eq!(
            timestamp(b"2024-02-29T23:00:00"),
            Some(CivilHour::new(2024, 2, 29, 23).unwrap())
        );
        for s in [
            "2023-02-29 01:00",
            "2000-01-01 13:30",
            "2000-01-01 24:00",
            "2000/01/01 13:00",
        ] {
            assert_eq!(timestamp(s.as_bytes()), None, "{s}");
        }
    }

    #[test]
    fn the_fast_path_gives_up_on_what_it_cannot_read_exactly() {
        let ok = "timestamp,pm25,co\n2000-01-01 00:00,91,1.3\n2000-01-01 01:00,NA,\n";
        let r = read(ok.as_bytes(), 0, None).unwrap();
        assert_eq!(r.rows, 2);
        assert_eq!(r.series[0].1.len(), 1);
        assert_eq!(r.series[1].1[0].concentration, 1.3);
        // Years: none for air-annual's reader, parse_table's range for the report.
        let late = "timestamp,pm25\n2105-01-01 00:00,91\n";
        assert!(read(late.as_bytes(), 0, None).is_some());
        assert!(read(late.as_bytes(), 0, Some((1900, 2100))).is_none());
        for bad in [
            "timestamp;pm25\n2000-01-01 00:00;91\n",
            "timestamp,PM2.5 (μg/m³)\n2000-01-01 00:00,91\n",
            "timestamp,pm25\n2000-01-01 00:00,-3\n",
            "timestamp,pm25\n2000-01-01 00:00,91,4\n",
            "timestamp,pm25,pm10\n2000-01-01 00:00,91\n",
            "timestamp,pm25\n\"2000-01-01 00:00\",91\n",
            "timestamp,pm25\n2000-01-01 00:00,91\n\n2000-01-01 01:00,3\n",
        ] {
            assert!(read(bad.as_bytes(), 0, None).is_none(), "{bad}");
        }
    }
}
