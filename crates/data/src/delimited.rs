//! Delimited text (pasted from Excel/WPS/Sheets, or a CSV/TSV file) into a grid of cells.
//!
//! - Encoding: UTF-8 with or without BOM; UTF-16 with BOM (Excel's "Unicode text"); anything
//!   else that is not valid UTF-8 is decoded as GB18030 (the superset of GBK that Chinese Excel
//!   and WPS write CSV in), and the table says so.
//! - Delimiter: tab, comma, semicolon or pipe, chosen by which one splits the first rows into the
//!   most rows of one consistent width (quotes respected, because the `csv` crate reads them).
//! - Quotes, doubled quotes, newlines inside quoted fields, CRLF and lone CR are the `csv`
//!   crate's; rows of different lengths are kept (the caller reports them).

use crate::grid::{Grid, Row, RowCells};

/// How the bytes were decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum TextEncoding {
    /// UTF-8 without BOM.
    Utf8,
    /// UTF-8 with a byte-order mark (Excel's "CSV UTF-8").
    Utf8Bom,
    /// UTF-16 little-endian with BOM (Excel's "Unicode text").
    Utf16Le,
    /// UTF-16 big-endian with BOM.
    Utf16Be,
    /// Not UTF-8: read as GB18030 (GBK).
    Gb18030,
}

/// Decode bytes to text.
///
/// ```
/// use renewal_data::delimited::{decode, TextEncoding};
/// assert_eq!(decode(b"\xEF\xBB\xBFyear"), ("year".to_string(), TextEncoding::Utf8Bom));
/// // "年" in GBK is 0xC4 0xEA.
/// assert_eq!(decode(b"\xC4\xEA"), ("年".to_string(), TextEncoding::Gb18030));
/// ```
pub fn decode(bytes: &[u8]) -> (String, TextEncoding) {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return (
            String::from_utf8_lossy(rest).into_owned(),
            TextEncoding::Utf8Bom,
        );
    }
    if bytes.starts_with(b"\xFF\xFE") {
        let (text, _, _) = encoding_rs::UTF_16LE.decode(bytes);
        return (text.into_owned(), TextEncoding::Utf16Le);
    }
    if bytes.starts_with(b"\xFE\xFF") {
        let (text, _, _) = encoding_rs::UTF_16BE.decode(bytes);
        return (text.into_owned(), TextEncoding::Utf16Be);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), TextEncoding::Utf8),
        Err(_) => {
            let (text, _) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
            (text.into_owned(), TextEncoding::Gb18030)
        }
    }
}

/// Delimiters tried, in order of preference when they score the same.
pub const CANDIDATE_DELIMITERS: [u8; 4] = [b'\t', b',', b';', b'|'];

/// How many records the sniffer looks at.
const SNIFF_RECORDS: usize = 50;

fn reader(text: &str, delimiter: u8) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes())
}

/// Choose the delimiter: the candidate for which the most of the first rows have the same number
/// of fields, that number being at least 2. `None` when no candidate splits anything (one column).
///
/// ```
/// use renewal_data::delimited::sniff_delimiter;
/// assert_eq!(sniff_delimiter("year;pm25\n2014;35,5\n2015;40,1\n"), Some(b';'));
/// assert_eq!(sniff_delimiter("year\tpm25\n2014\t35.5\n"), Some(b'\t'));
/// ```
pub fn sniff_delimiter(text: &str) -> Option<u8> {
    let mut best: Option<(usize, u8)> = None;
    for d in CANDIDATE_DELIMITERS {
        let mut counts: Vec<usize> = Vec::new();
        for rec in reader(text, d).records().take(SNIFF_RECORDS) {
            match rec {
                Ok(r) => counts.push(r.len()),
                Err(_) => break,
            }
        }
        let mut tally: Vec<(usize, usize)> = Vec::new();
        for &c in counts.iter().filter(|&&c| c >= 2) {
            match tally.iter_mut().find(|(w, _)| *w == c) {
                Some((_, n)) => *n += 1,
                None => tally.push((c, 1)),
            }
        }
        // Score: rows of the most common width; wider wins a tie between widths.
        let score = tally
            .iter()
            .max_by_key(|(w, n)| (*n, *w))
            .map_or(0, |(_, n)| *n);
        if score > 0 && best.is_none_or(|(s, _)| score > s) {
            best = Some((score, d));
        }
    }
    best.map(|(_, d)| d)
}

/// Read all records of `text` with `delimiter`. Row numbers are the 1-based line where each
/// record starts, as an editor shows it: blank lines are skipped but keep their numbers, and a
/// quoted cell with line breaks makes the next record start further down.
pub fn read_grid(text: &str, delimiter: u8) -> Grid {
    let mut rows = Vec::new();
    let mut rdr = reader(text, delimiter);
    let mut record = csv::StringRecord::new();
    let bytes = text.as_bytes();
    // Line counting is incremental: `counted` bytes have been scanned, `line` is the line there.
    let (mut counted, mut line) = (0usize, 1usize);
    // Text is valid UTF-8 and the reader is flexible, so errors should not occur; stop at one
    // rather than loop.
    while let Ok(true) = rdr.read_record(&mut record) {
        // The reader reports the byte after the previous record's first terminator
        // character; the record itself starts after any further CR/LF.
        let mut start = record
            .position()
            .map_or(counted, |p| usize::try_from(p.byte()).unwrap_or(counted));
        while matches!(bytes.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        let start = start.max(counted);
        line += count_line_breaks(
            bytes.get(counted..start).unwrap_or(&[]),
            bytes.get(counted.wrapping_sub(1)).copied(),
        );
        counted = start;
        // Hand the record over and start the next one at this one's size, so reading does not
        // grow a fresh buffer field by field.
        let next = csv::StringRecord::with_capacity(record.as_slice().len(), record.len());
        rows.push(Row {
            line,
            cells: RowCells::Text(std::mem::replace(&mut record, next)),
        });
    }
    Grid { rows }
}

/// Line breaks in `chunk`: LF, CRLF and lone CR each count once. `before` is the byte preceding
/// the chunk (a CR there pairs with a leading LF).
fn count_line_breaks(chunk: &[u8], before: Option<u8>) -> usize {
    let mut n = 0;
    let mut prev = before;
    for &b in chunk {
        match b {
            b'\n' if prev == Some(b'\r') => {}
            b'\n' | b'\r' => n += 1,
            _ => {}
        }
        prev = Some(b);
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_newlines_and_crlf_keep_one_record_per_row() {
        let g = read_grid("a,b\r\n\"x\r\ny\",2\r\n3,4\r\n", b',');
        assert_eq!(g.rows.len(), 3);
        assert_eq!(g.rows[1].text(0), Some("x\r\ny"));
        assert_eq!(g.rows[1].line, 2);
        assert_eq!(g.rows[2].line, 4);
        let g = read_grid("a,b\n\n\n1,2\r\r3,4\n", b',');
        let lines: Vec<usize> = g.rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, [1, 4, 6]);
    }

    #[test]
    fn title_rows_do_not_fool_the_sniffer() {
        let t = "某市空气质量\n年份,PM2.5,PM10\n2014,50,80\n2015,45,70\n";
        assert_eq!(sniff_delimiter(t), Some(b','));
        assert_eq!(sniff_delimiter("just one column\n1\n2\n"), None);
    }

    #[test]
    fn utf16_is_decoded() {
        let bytes = [0xFF, 0xFE, b'y', 0, b'e', 0, b'a', 0, b'r', 0];
        assert_eq!(decode(&bytes), ("year".into(), TextEncoding::Utf16Le));
    }
}
