//! XLSX, XLS and ODS workbooks through `calamine`, into the same grid as pasted text.
//!
//! The first sheet that has any cell is read (or the sheet the user names). Numbers stay
//! numbers (no decimal-mark guessing), dates become ISO text (`2024-01-05`, `2024-01-05 13:00`)
//! for [`crate::time`], error cells become their code (`#DIV/0!`) so they are rejected with that
//! code, and row and column numbers are the sheet's own (a table starting at C3 reports C3).

use std::io::Cursor;

use calamine::{open_workbook_auto_from_rs, Data, Reader};

use crate::grid::{Grid, Row, RowCells, TypedCell};

/// Why a workbook could not be read at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum WorkbookError {
    /// Not a workbook calamine can open (or a damaged one).
    #[error("not a readable XLSX/XLS/ODS workbook: {message}")]
    Unreadable {
        /// calamine's message.
        message: String,
    },
    /// The named sheet does not exist.
    #[error("no sheet named {name:?}")]
    NoSuchSheet {
        /// The name asked for.
        name: String,
    },
    /// Every sheet is empty.
    #[error("the workbook has no cells")]
    NoCells,
}

/// Whether `bytes` look like a workbook (ZIP for XLSX/ODS, OLE2 for XLS) rather than text.
pub fn looks_like_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")
}

/// Read one sheet of a workbook into a grid; returns the sheet's name too.
///
/// # Errors
/// [`WorkbookError`] when the workbook or the sheet cannot be read.
pub fn read_workbook(bytes: &[u8], sheet: Option<&str>) -> Result<(Grid, String), WorkbookError> {
    let mut wb =
        open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| WorkbookError::Unreadable {
            message: e.to_string(),
        })?;
    let names = wb.sheet_names();
    let candidates: Vec<String> = match sheet {
        Some(name) => {
            if !names.iter().any(|n| n == name) {
                return Err(WorkbookError::NoSuchSheet {
                    name: name.to_string(),
                });
            }
            vec![name.to_string()]
        }
        None => names,
    };
    for name in candidates {
        let range = wb
            .worksheet_range(&name)
            .map_err(|e| WorkbookError::Unreadable {
                message: e.to_string(),
            })?;
        let Some((start_row, start_col)) = range.start() else {
            continue;
        };
        let pad = usize::try_from(start_col).unwrap_or(0);
        let mut rows = Vec::new();
        for (i, r) in range.rows().enumerate() {
            let mut cells = Vec::with_capacity(pad + r.len());
            cells.extend(std::iter::repeat_n(TypedCell::Text(String::new()), pad));
            cells.extend(r.iter().map(cell));
            rows.push(Row {
                line: usize::try_from(start_row).unwrap_or(0) + i + 1,
                cells: RowCells::Typed(cells),
            });
        }
        return Ok((Grid { rows }, name));
    }
    Err(WorkbookError::NoCells)
}

fn cell(d: &Data) -> TypedCell {
    match d {
        Data::Int(i) => TypedCell::Number(*i as f64),
        Data::Float(f) => TypedCell::Number(*f),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => TypedCell::Text(s.clone()),
        Data::Bool(b) => TypedCell::Text(if *b { "TRUE" } else { "FALSE" }.to_string()),
        Data::Error(e) => TypedCell::Text(e.to_string()),
        Data::Empty => TypedCell::Text(String::new()),
        Data::DateTime(dt) => {
            let serial = dt.as_f64();
            let (y, mo, d, h, mi, s, _) = dt.to_ymd_hms_milli();
            let text = if dt.is_duration() || (0.0..1.0).contains(&serial) {
                format!("{h:02}:{mi:02}:{s:02}")
            } else if h == 0 && mi == 0 && s == 0 {
                format!("{y:04}-{mo:02}-{d:02}")
            } else if s == 0 {
                format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}")
            } else {
                format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}:{s:02}")
            };
            TypedCell::Text(text)
        }
    }
}
