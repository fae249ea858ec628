//! The rectangle-ish grid every input becomes before it is interpreted: rows of cells, each row
//! remembering the line (or spreadsheet row) it came from.

/// One cell of a workbook: its text, or a number that needs no decimal-mark guessing.
#[derive(Debug, Clone, PartialEq)]
pub enum TypedCell {
    /// Text (also errors like `#DIV/0!`, booleans, and dates written as ISO text).
    Text(String),
    /// A number stored as a number.
    Number(f64),
}

/// A row's cells: delimited text keeps the `csv` crate's compact record.
#[derive(Debug, Clone)]
pub enum RowCells {
    /// From delimited text.
    Text(csv::StringRecord),
    /// From a workbook.
    Typed(Vec<TypedCell>),
}

/// A cell as the interpreter sees it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum CellRef<'a> {
    /// Text as written.
    Text(&'a str),
    /// A workbook number.
    Number(f64),
}

impl CellRef<'_> {
    /// The original text for reports (a number is printed in full precision).
    pub fn raw(self) -> String {
        match self {
            Self::Text(t) => t.to_string(),
            Self::Number(n) => format!("{n}"),
        }
    }

    /// Whether the cell is empty or only whitespace.
    pub fn is_blank(self) -> bool {
        matches!(self, Self::Text(t) if t.trim().is_empty())
    }
}

/// One row.
#[derive(Debug, Clone)]
pub struct Row {
    /// 1-based line of the text, or 1-based row of the sheet.
    pub line: usize,
    /// Its cells.
    pub cells: RowCells,
}

impl Row {
    /// Number of cells.
    pub fn len(&self) -> usize {
        match &self.cells {
            RowCells::Text(r) => r.len(),
            RowCells::Typed(v) => v.len(),
        }
    }

    /// Whether the row has no cells.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Cell `i`, if the row is that long.
    pub fn get(&self, i: usize) -> Option<CellRef<'_>> {
        match &self.cells {
            RowCells::Text(r) => r.get(i).map(CellRef::Text),
            RowCells::Typed(v) => v.get(i).map(|c| match c {
                TypedCell::Text(t) => CellRef::Text(t),
                TypedCell::Number(n) => CellRef::Number(*n),
            }),
        }
    }

    /// Cell `i` as text, if it is text.
    pub fn text(&self, i: usize) -> Option<&str> {
        match self.get(i)? {
            CellRef::Text(t) => Some(t),
            CellRef::Number(_) => None,
        }
    }

    /// Whether every cell is blank.
    pub fn is_blank(&self) -> bool {
        (0..self.len()).all(|i| self.get(i).is_none_or(CellRef::is_blank))
    }

    /// Number of non-blank cells.
    pub fn filled(&self) -> usize {
        (0..self.len())
            .filter(|&i| self.get(i).is_some_and(|c| !c.is_blank()))
            .count()
    }
}

/// All rows of one table.
#[derive(Debug, Clone, Default)]
pub struct Grid {
    /// Rows in input order.
    pub rows: Vec<Row>,
}

/// Spreadsheet column letters for a 0-based index: 0 → A, 25 → Z, 26 → AA.
///
/// ```
/// assert_eq!(renewal_data::grid::column_letter(0), "A");
/// assert_eq!(renewal_data::grid::column_letter(27), "AB");
/// ```
pub fn column_letter(index: usize) -> String {
    let mut n = index + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        out.push(char::from(b'A' + u8::try_from(rem).unwrap_or(0)));
        n = (n - 1) / 26;
    }
    out.iter().rev().collect()
}
