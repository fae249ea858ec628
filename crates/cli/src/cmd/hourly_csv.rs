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

//!
//! # Two threads
//! Files over [`PARALLEL_MIN_BYTES`] are read in two parts cut at a newline near the middle,
//! the second on its own thread, and the parts' series are concatenated in file order: the same
//! values in the same order as one pass, so the output is byte-identical and deterministic. A
//! blank line at the end of the first part followed by data in the second is refused, as one
//! pass would.

use renewal_calc::aqi::Pollutant;
use renewal_calc::time::CivilDate;

/// The rows read by the fast path, as columns (what
/// [`renewal_calc::air_statistics::evaluate_hourly_rows`] reads).
pub struct FastHourly {
    /// Each row's hour, shifted, as hours since 1970-01-01T00
    /// ([`renewal_calc::time::CivilHour::hours_since_epoch`]), in file order.
    pub hours: Vec<i64>,
    /// One column per pollutant, in column order: each row's value, NaN for an empty or `NA`
    /// cell (a number read is never NaN).
    pub columns: Vec<(Pollutant, Vec<f64>)>,
}

/// Bodies at least this long are read on two threads (below it a thread costs more than it saves).
pub const PARALLEL_MIN_BYTES: usize = 1 << 20;

/// Exact powers of ten (10^22 is the largest exact in f64).
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// A cell: `Ok(None)` missing, `Ok(Some(v))` a number, `Err(())` not for the fast path.
#[cfg(test)]
fn number(cell: &[u8]) -> Result<Option<f64>, ()> {
    match read_cell(cell, 0) {
        Some((v, end)) if end == cell.len() => Ok(v),
        _ => Err(()),
    }
}

/// The cell of `text` that starts at `start` and ends before the next comma or newline (or at
/// the end), read in one pass: the value (`None` for an empty cell or `NA`) and where the cell
/// ends. `None` when the cell is not for the fast path: anything but digits and one decimal
/// point after a digit, a trailing point (`5.`), exactly three decimals (`1.234`, a possible
/// thousands group: the general reader decides), more than 22 decimals.
fn read_cell(text: &[u8], start: usize) -> Option<(Option<f64>, usize)> {
    let ends_cell = |at: usize| matches!(text.get(at), None | Some(b',' | b'\n'));
    let mut mantissa: u64 = 0;
    let mut end = start;
    // Digits, wrapping (more than 15 are parsed from the text below).
    let digits = |end: &mut usize, mantissa: &mut u64| {
        while let Some(d) = text
            .get(*end)
            .map(|b| b.wrapping_sub(b'0'))
            .filter(|d| *d < 10)
        {
            *mantissa = mantissa.wrapping_mul(10).wrapping_add(u64::from(d));
            *end += 1;
        }
    };
    digits(&mut end, &mut mantissa);
    let int_digits = end - start;
    let mut decimals = 0usize;
    match text.get(end) {
        _ if ends_cell(end) => {
            if int_digits == 0 {
                // An empty cell.
                return Some((None, end));
            }
        }
        Some(b'.') if int_digits > 0 => {
            end += 1;
            let from = end;
            digits(&mut end, &mut mantissa);
            decimals = end - from;
            if !ends_cell(end) || decimals == 0 || decimals == 3 {
                // "1.2.3", "5.", or "1.234" (a possible thousands group).
                return None;
            }
        }
        Some(b'N') if int_digits == 0 => {
            let na = text.get(end + 1) == Some(&b'A') && ends_cell(end + 2);
            return na.then_some((None, end + 2));
        }
        _ => return None,
    }
    if int_digits + decimals <= 15 {
        let p = POW10.get(decimals)?;
        return Some((Some(mantissa as f64 / p), end));
    }
    let text = std::str::from_utf8(text.get(start..end)?).ok()?;
    Some((Some(text.parse::<f64>().ok()?), end))
}

fn two(b: &[u8], at: usize) -> Option<u8> {
    let hi = b.get(at)?.checked_sub(b'0').filter(|d| *d < 10)?;
    let lo = b.get(at + 1)?.checked_sub(b'0').filter(|d| *d < 10)?;
    Some(hi * 10 + lo)
}

/// Timestamps `YYYY-MM-DD HH:MM` or `YYYY-MM-DDTHH:MM`, optionally `:SS`, minutes and seconds
/// zero, as hour numbers. Consecutive rows mostly share their date: its ten bytes are compared
/// with the previous row's and the date is validated and converted only when they differ.
struct Stamps {
    date: [u8; 10],
    /// Days since the epoch and year of `date`; `None` before the first row.
    day: Option<(i64, i32)>,
}

impl Stamps {
    fn new() -> Self {
        Self {
            date: [0; 10],
            day: None,
        }
    }

    /// The hour number and the year of a timestamp cell; `None` if it is not one.
    fn read(&mut self, cell: &[u8]) -> Option<(i64, i32)> {
        if !(cell.len() == 16 || (cell.len() == 19 && cell.get(16) == Some(&b':'))) {
            return None;
        }
        let sep_ok = matches!(cell.get(10), Some(b' ' | b'T')) && cell.get(13) == Some(&b':');
        if !sep_ok {
            return None;
        }
        let hour = two(cell, 11)?;
        if two(cell, 14)? != 0 || (cell.len() == 19 && two(cell, 17)? != 0) || hour > 23 {
            return None;
        }
        let date = cell.get(..10)?;
        let (day, year) = match self.day {
            Some(d) if date == self.date => d,
            _ => {
                let d = date_of(date)?;
                self.date.copy_from_slice(date);
                self.day = Some(d);
                d
            }
        };
        Some((day * 24 + i64::from(hour), year))
    }
}

/// `YYYY-MM-DD`, a valid date: its day number and year.
fn date_of(cell: &[u8]) -> Option<(i64, i32)> {
    if cell.get(4) != Some(&b'-') || cell.get(7) != Some(&b'-') {
        return None;
    }
    let year = i32::from(two(cell, 0)?) * 100 + i32::from(two(cell, 2)?);
    let (month, day) = (two(cell, 5)?, two(cell, 8)?);
    let d = CivilDate::new(year, month, day).ok()?;
    Some((d.days_since_epoch(), year))
}

/// What one part of the body held.
struct Part {
    rows: usize,
    /// The part ends with a blank line (data after it, in the next part, is refused).
    ends_blank: bool,
}

/// Reads the lines of `part` (a whole number of lines, without the newline that ends the last
/// one) into row slots: row `r` is `hours[r]` and `values[k][r]` (a slot per line, so the
/// slices are as long as the part has lines); `values.len()` cells after the timestamp on
/// every line.
fn read_part(
    part: &[u8],
    shift_hours: i64,
    years: Option<(i32, i32)>,
    hours: &mut [i64],
    values: &mut [&mut [f64]],
) -> Option<Part> {
    let columns = values.len();
    let mut stamps = Stamps::new();
    let mut rows = 0usize;
    let mut last_was_blank = false;
    let len = part.len();
    let mut i = 0usize;
    loop {
        // At the start of a line. The text after the last newline is a (blank) line of its own.
        if i == len {
            last_was_blank = true;
            break;
        }
        if part.get(i) == Some(&b'\n') {
            last_was_blank = true;
            i += 1;
            continue;
        }
        if last_was_blank {
            // A blank line inside the data: leave the rules for it to the general reader.
            return None;
        }
        // The time cell is 16 or 19 bytes (`Stamps::read` checks every byte of it) and a comma
        // follows it: a line with the time only is too short.
        let line = part.get(i..)?;
        let stamp = match (line.get(16), line.get(19)) {
            (Some(b','), _) => 16,
            (Some(b':'), Some(b',')) => 19,
            _ => return None,
        };
        let (hour, year) = stamps.read(line.get(..stamp)?)?;
        if years.is_some_and(|(lo, hi)| !(lo..=hi).contains(&year)) {
            return None;
        }
        *hours.get_mut(rows)? = hour + shift_hours;
        let mut at = i + stamp + 1;
        for (k, column) in values.iter_mut().enumerate() {
            let (value, end) = read_cell(part, at)?;
            let last = k + 1 == columns;
            match part.get(end) {
                // The last cell ends the line; every other one is followed by a comma.
                Some(b',') if last => return None,
                Some(b',') => {}
                _ if !last => return None,
                _ => {}
            }
            *column.get_mut(rows)? = value.unwrap_or(f64::NAN);
            at = end + 1;
        }
        rows += 1;
        if at > len {
            // The last line had no newline: no blank line follows it.
            break;
        }
        i = at;
    }
    Some(Part {
        rows,
        ends_blank: last_was_blank,
    })
}

/// Reads `bytes` if it is a plain hourly CSV; `None` when the general reader must be used.
/// `shift_hours` is added to every timestamp (−1 for hour-end labels). `years`: the range the
/// general reader accepts (`parse_table`'s year range; `None` for `air-annual`'s reader, which
/// has none); a timestamp outside it sends the file to the general reader, which rejects it.
pub fn read(bytes: &[u8], shift_hours: i64, years: Option<(i32, i32)>) -> Option<FastHourly> {
    let halve = |len: usize| (len >= PARALLEL_MIN_BYTES).then_some(len / 2);
    read_split(bytes, shift_hours, years, &halve)
}

/// [`read`], cutting the body in two at the first newline at or after `cut_near(body length)`
/// (no cut for `None`, or when no newline follows).
fn read_split(
    bytes: &[u8],
    shift_hours: i64,
    years: Option<(i32, i32)>,
    cut_near: &dyn Fn(usize) -> Option<usize>,
) -> Option<FastHourly> {
    let (header, body) = match bytes.iter().position(|b| *b == b'\n') {
        Some(n) => (bytes.get(..n)?, bytes.get(n + 1..)?),
        // A header and no line after it: no data.
        None => return None,
    };
    // Quotes, carriage returns and tabs send the file to the general reader; in the body the
    // cell and time readers refuse them (they accept digits, `.`, `NA`, `-`, `:`, ` `, `T`).
    let header = std::str::from_utf8(header).ok()?;
    if header.starts_with('#') || header.contains([';', '"', '\r', '\t']) {
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
    let columns = pollutants.len();
    if columns == 0 {
        return None;
    }
    // A slot per line (the lines after the last data row are blank); zeroed memory costs
    // nothing until a row is written to it, each part writing its own slots.
    let lines = |text: &[u8]| {
        // Counted per 255 bytes in a u8, which the compiler turns into wide compares.
        text.chunks(255).fold(1usize, |n, chunk| {
            let c = chunk
                .iter()
                .fold(0u8, |c, b| c.wrapping_add(u8::from(*b == b'\n')));
            n + usize::from(c)
        })
    };
    let cut = cut_near(body.len()).and_then(|at| split_point(body, at));
    let first_lines = cut.and_then(|n| body.get(..n)).map(lines);
    let slots = match (cut, first_lines) {
        (Some(n), Some(first)) => first + body.get(n + 1..).map_or(1, lines),
        _ => lines(body),
    };
    let mut hours = vec![0i64; slots];
    let mut values: Vec<Vec<f64>> = (0..columns).map(|_| vec![0.0; slots]).collect();
    let rows = match cut.zip(first_lines) {
        None => {
            let mut v: Vec<&mut [f64]> = values.iter_mut().map(|c| c.as_mut_slice()).collect();
            read_part(body, shift_hours, years, &mut hours, &mut v)?.rows
        }
        Some((n, first_lines)) => {
            let (first, second) = (body.get(..n)?, body.get(n + 1..)?);
            let (h1, h2) = hours.split_at_mut(first_lines);
            let (mut v1, mut v2): (Vec<&mut [f64]>, Vec<&mut [f64]>) = values
                .iter_mut()
                .map(|c| c.split_at_mut(first_lines))
                .unzip();
            let (a, b) = std::thread::scope(|s| {
                let b = s.spawn(|| read_part(second, shift_hours, years, h2, &mut v2));
                let a = read_part(first, shift_hours, years, h1, &mut v1);
                let b = b.join().unwrap_or_else(|e| std::panic::resume_unwind(e));
                (a, b)
            });
            let (a, b) = (a?, b?);
            if a.ends_blank && b.rows > 0 {
                return None;
            }
            // Without blank lines at its end the first part filled all its slots, so the
            // second part's rows follow its rows.
            a.rows + b.rows
        }
    };
    if rows == 0 {
        return None;
    }
    hours.truncate(rows);
    for c in &mut values {
        c.truncate(rows);
    }
    Some(FastHourly {
        hours,
        columns: pollutants.into_iter().zip(values).collect(),
    })
}

/// The position of the first newline at or after `at`, where the body is cut in two.
fn split_point(body: &[u8], at: usize) -> Option<usize> {
    Some(at + body.get(at..)?.iter().position(|b| *b == b'\n')?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use renewal_calc::time::CivilHour;

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
        assert_eq!(
            number(b"0.12345678901234567890123"),
            Ok(Some("0.12345678901234567890123".parse::<f64>().unwrap()))
        );
        assert_eq!(number(b"12.25"), Ok(Some(12.25)));
        for s in [
            "-1", "1e3", "1.234", "5.", ".5", "1,5", "n/a", " 1", "1.2.3", "NA5", "5NA", "N",
            "NaN", "..", "1..2", "1.2 ",
        ] {
            assert_eq!(number(s.as_bytes()), Err(()), "{s}");
        }
    }

    fn stamp(cell: &str) -> Option<(i64, i32)> {
        Stamps::new().read(cell.as_bytes())
    }

    fn hour(y: i32, m: u8, d: u8, h: u8) -> Option<(i64, i32)> {
        Some((CivilHour::new(y, m, d, h).unwrap().hours_since_epoch(), y))
    }

    #[test]
    fn timestamps_are_whole_iso_hours() {
        assert_eq!(stamp("2000-01-01 13:00"), hour(2000, 1, 1, 13));
        assert_eq!(stamp("2024-02-29T23:00:00"), hour(2024, 2, 29, 23));
        assert_eq!(stamp("1969-12-31 23:00"), Some((-1, 1969)));
        for s in [
            "2023-02-29 01:00",
            "2000-01-01 13:30",
            "2000-01-01 24:00",
            "2000/01/01 13:00",
            "2000-01-01 13:00:01",
            "2000-01-01 13:00 ",
            "2000-01-01+13:00",
        ] {
            assert_eq!(stamp(s), None, "{s}");
        }
        // The date cache: the same date bytes reuse the date; the rest of the cell is still
        // checked on every row, and a new date is validated again.
        let mut s = Stamps::new();
        assert_eq!(s.read(b"2000-01-01 13:00"), hour(2000, 1, 1, 13));
        assert_eq!(s.read(b"2000-01-01 13:30"), None);
        assert_eq!(s.read(b"2000-01-01 25:00"), None);
        assert_eq!(s.read(b"2000-01-01T14:00:00"), hour(2000, 1, 1, 14));
        assert_eq!(s.read(b"2023-02-29 01:00"), None);
        assert_eq!(s.read(b"2000-01-01 15:00"), hour(2000, 1, 1, 15));
        assert_eq!(s.read(b"2000-01-02 00:00"), hour(2000, 1, 2, 0));
    }

    /// Each column's (hour, value) pairs, and the rows.
    type Pairs = (Vec<Vec<(i64, f64)>>, usize);

    /// The reader before the two-thread cut (one pass, line by line, `split` on newlines and
    /// commas), kept to check the cut against.
    fn one_pass(bytes: &[u8], shift_hours: i64) -> Option<Pairs> {
        if bytes.contains(&b'"') || bytes.contains(&b'\r') || bytes.contains(&b'\t') {
            return None;
        }
        let mut lines = bytes.split(|b| *b == b'\n');
        let header = std::str::from_utf8(lines.next()?).ok()?;
        let columns = header.split(',').count() - 1;
        let mut series = vec![Vec::new(); columns];
        let (mut rows, mut last_was_blank) = (0, false);
        for line in lines {
            if line.is_empty() {
                last_was_blank = true;
                continue;
            }
            if last_was_blank {
                return None;
            }
            let mut cells = line.split(|b| *b == b',');
            let (h, _) = Stamps::new().read(cells.next()?)?;
            for s in series.iter_mut() {
                if let Some(v) = number(cells.next()?).ok()? {
                    s.push((h + shift_hours, v));
                }
            }
            if cells.next().is_some() {
                return None;
            }
            rows += 1;
        }
        (rows > 0).then_some((series, rows))
    }

    /// Each column's values present with their hours, and the rows: the shape of `one_pass`.
    fn pairs(r: FastHourly) -> Pairs {
        let series = r
            .columns
            .iter()
            .map(|(_, c)| {
                r.hours
                    .iter()
                    .zip(c)
                    .filter(|(_, v)| !v.is_nan())
                    .map(|(h, v)| (*h, *v))
                    .collect()
            })
            .collect();
        (series, r.hours.len())
    }

    #[test]
    fn every_cut_gives_what_one_pass_gives() {
        let files = [
            // A day boundary in the middle, NA and empty cells, a trailing newline.
            "timestamp,pm25,co\n2000-01-01 22:00,91,1.3\n2000-01-01 23:00,NA,\n2000-01-02 00:00,7,0.4\n2000-01-02 01:00,,2.5\n",
            // No newline after the last row.
            "timestamp,pm25,co\n2000-01-01 22:00,91,1.3\n2000-01-02 00:00,7,0.4",
            // One row, with and without its newline.
            "timestamp,o3\n2024-02-29 23:00,160\n",
            "timestamp,o3\n2024-02-29 23:00,160",
            // Blank lines at the end are allowed; inside the data they are not.
            "timestamp,pm25\n2000-01-01 00:00,1\n2000-01-01 01:00,2\n\n\n",
            "timestamp,pm25\n2000-01-01 00:00,1\n\n2000-01-01 01:00,2\n",
            "timestamp,pm25\n2000-01-01 00:00,1\n2000-01-01 01:00,2\n\n2000-01-01 02:00,3",
            "timestamp,pm25\n\n2000-01-01 00:00,1\n",
            // A short row, an extra cell, a bad number or time late in the file.
            "timestamp,pm25,co\n2000-01-01 00:00,1,2\n2000-01-01 01:00,2\n",
            "timestamp,pm25,co\n2000-01-01 00:00,1,2\n2000-01-01 01:00,2,3,4\n",
            "timestamp,pm25,co\n2000-01-01 00:00,1,2\n2000-01-01 01:00,2,1.234\n",
            "timestamp,pm25,co\n2000-01-01 00:00,1,2\n2000-01-01 01:30,2,1\n",
            "timestamp,pm25\n2000-01-01 00:00\n",
            // Only a header, or a header and blank lines.
            "timestamp,pm25",
            "timestamp,pm25\n",
            "timestamp,pm25\n\n",
        ];
        for file in files {
            let body = file.find('\n').map_or(0, |n| file.len() - n - 1);
            let expected = one_pass(file.as_bytes(), -1);
            for at in 0..=body + 1 {
                let got = read_split(file.as_bytes(), -1, None, &|_| Some(at)).map(pairs);
                assert_eq!(got, expected, "{file:?} cut near {at}");
            }
            let unsplit = read_split(file.as_bytes(), -1, None, &|_| None).map(pairs);
            assert_eq!(unsplit, expected, "{file:?}");
        }
    }

    #[test]
    fn a_large_file_is_cut_on_a_newline_into_two_parts_in_order() {
        // Over PARALLEL_MIN_BYTES: read on two threads; the series stay in file order.
        let mut file = String::from("timestamp,pm25,o3\n");
        let mut hours = 0i64;
        let base = CivilHour::new(2001, 3, 1, 0).unwrap().hours_since_epoch();
        while file.len() < 2 * PARALLEL_MIN_BYTES {
            let h = renewal_calc::time::CivilHour::from_hours_since_epoch(base + hours);
            file.push_str(&format!("{h},{},NA\n", hours % 500));
            hours += 1;
        }
        let r = read(file.as_bytes(), 0, None).unwrap();
        assert_eq!(r.hours.len() as i64, hours);
        let pm: Vec<(i64, f64)> = (0..hours).map(|i| (base + i, (i % 500) as f64)).collect();
        assert!(r.columns[1].1.iter().all(|v| v.is_nan()));
        let (series, rows) = pairs(r);
        assert_eq!(series[0], pm);
        assert_eq!(Some((vec![pm, vec![]], rows)), one_pass(file.as_bytes(), 0));
    }

    #[test]
    fn the_fast_path_gives_up_on_what_it_cannot_read_exactly() {
        let ok = "timestamp,pm25,co\n2000-01-01 00:00,91,1.3\n2000-01-01 01:00,NA,\n";
        let r = read(ok.as_bytes(), 0, None).unwrap();
        assert_eq!(r.hours.len(), 2);
        assert_eq!(r.columns[0].1[0], 91.0);
        assert!(r.columns[0].1[1].is_nan());
        assert_eq!(r.columns[1].1[0], 1.3);
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
