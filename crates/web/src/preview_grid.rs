//! The pasted sheet as the user sees it in Excel, cell by cell, marked with what the parse made of
//! each cell: a value read, a rejected cell (with its reason), a city or time cell, a column that
//! is not read. Datawrapper's paste step shows the same thing; it is how a user finds the one cell
//! that went wrong without reading a list of coordinates.
//!
//! Pure: the grid comes from the text and the [`ParsedTable`] already computed for the preview,
//! re-reading only the lines shown (a pasted year of hourly data is not split twice).

use renewal_data::delimited::read_grid;
use renewal_data::grid::CellRef;
use renewal_data::table::{ParsedTable, Source};
use renewal_data::{ColumnRole, RejectKind};

/// Rows of data shown under the header; the rest are counted.
pub const MAX_ROWS: usize = 12;
/// Columns shown; wider sheets are counted (an hourly sheet rarely has more than 10).
pub const MAX_COLUMNS: usize = 16;

/// What the parse made of one cell.
#[derive(Debug, Clone, PartialEq)]
pub enum CellStatus {
    /// A value read into the indicator's series.
    Read,
    /// A value cell that was rejected, and why.
    Rejected(RejectKind),
    /// A city, time or other structural cell.
    Key,
    /// A cell of a column that is not read (unrecognised or ignored).
    NotRead,
    /// Empty.
    Empty,
}

/// One cell as shown.
#[derive(Debug, Clone, PartialEq)]
pub struct PreviewCell {
    /// The text as written in the sheet.
    pub text: String,
    /// What it became.
    pub status: CellStatus,
}

/// One data row.
#[derive(Debug, Clone, PartialEq)]
pub struct PreviewRow {
    /// Line of the text (1-based), as the rejection messages number it.
    pub line: usize,
    /// Its cells, one per shown column.
    pub cells: Vec<PreviewCell>,
}

/// The top of the sheet, from the header down.
#[derive(Debug, Clone, PartialEq)]
pub struct PreviewGrid {
    /// Column letters and headers as written.
    pub columns: Vec<(String, String)>,
    /// The first [`MAX_ROWS`] data rows.
    pub rows: Vec<PreviewRow>,
    /// Data rows not shown.
    pub more_rows: usize,
    /// Columns not shown.
    pub more_columns: usize,
}

/// The preview grid of pasted `text` given its parse; `None` for a workbook (no text to show).
pub fn build(text: &str, table: &ParsedTable) -> Option<PreviewGrid> {
    let Source::Text { delimiter, .. } = &table.source else {
        return None;
    };
    let delimiter = delimiter
        .and_then(|c| u8::try_from(u32::from(c)).ok())
        .unwrap_or(b'\t');
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    // Only the lines shown are split again: the header, a units row and MAX_ROWS data rows, plus
    // a margin for blank lines. Counting the rest is a cheap scan of newlines.
    let head_lines = table.header_line + MAX_ROWS + 1 + usize::from(table.units_line.is_some());
    let cut = text
        .match_indices('\n')
        .nth(head_lines + 8)
        .map_or(text.len(), |(i, _)| i);
    let head = text.get(..cut).unwrap_or(text);
    let grid = read_grid(head, delimiter);
    let data_lines_total = text
        .lines()
        .skip(table.header_line)
        .filter(|l| !l.trim().is_empty())
        .count()
        .saturating_sub(usize::from(table.units_line.is_some()));

    let width = table.columns.len();
    let shown_cols = width.min(MAX_COLUMNS);
    let columns = table
        .columns
        .iter()
        .take(shown_cols)
        .map(|c| (c.letter.clone(), c.header.clone()))
        .collect();
    let rows: Vec<PreviewRow> = grid
        .rows
        .iter()
        .filter(|r| r.line > table.header_line && Some(r.line) != table.units_line)
        .filter(|r| !r.is_blank())
        .take(MAX_ROWS)
        .map(|r| PreviewRow {
            line: r.line,
            cells: (0..shown_cols)
                .map(|i| {
                    let text = match r.get(i) {
                        Some(CellRef::Text(t)) => t.to_string(),
                        Some(c) => c.raw(),
                        None => String::new(),
                    };
                    let status = status(table, r.line, i, &text);
                    PreviewCell { text, status }
                })
                .collect(),
        })
        .collect();
    Some(PreviewGrid {
        columns,
        more_rows: data_lines_total.saturating_sub(rows.len()),
        more_columns: width.saturating_sub(shown_cols),
        rows,
    })
}

fn status(table: &ParsedTable, line: usize, column_index: usize, text: &str) -> CellStatus {
    let column = column_index + 1;
    // Rejections are sorted by (row, column): a binary search, not a scan per cell.
    if let Ok(i) = table
        .rejections
        .binary_search_by_key(&(line, column), |r| (r.row, r.column))
    {
        if let Some(r) = table.rejections.get(i) {
            return CellStatus::Rejected(r.reason.clone());
        }
    }
    if text.trim().is_empty() {
        return CellStatus::Empty;
    }
    match table.columns.get(column_index).map(|c| c.role) {
        Some(ColumnRole::Indicator(_) | ColumnRole::Value) => CellStatus::Read,
        Some(ColumnRole::Unknown | ColumnRole::Ignore) | None => CellStatus::NotRead,
        Some(_) => CellStatus::Key,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use renewal_data::{parse_text, ParseOptions};

    fn grid(text: &str) -> PreviewGrid {
        let t = parse_text(text, &ParseOptions::default()).unwrap();
        build(text, &t).unwrap()
    }

    #[test]
    fn each_cell_says_what_it_became() {
        let g = grid("城市\t年份\tPM2.5\t备注\n沈阳\t2019\t42,5\tok\n沈阳\t2020\tabc\t\n");
        assert_eq!(g.columns[2], ("C".to_string(), "PM2.5".to_string()));
        let first = &g.rows[0];
        assert_eq!(first.line, 2);
        assert_eq!(first.cells[0].status, CellStatus::Key);
        assert_eq!(first.cells[1].status, CellStatus::Key);
        assert_eq!(first.cells[2].text, "42,5");
        assert_eq!(first.cells[2].status, CellStatus::Read);
        assert_eq!(first.cells[3].status, CellStatus::NotRead);
        let second = &g.rows[1];
        assert_eq!(second.line, 3);
        assert_eq!(
            second.cells[2].status,
            CellStatus::Rejected(RejectKind::NotANumber)
        );
        assert_eq!(second.cells[3].status, CellStatus::Empty);
        assert_eq!((g.more_rows, g.more_columns), (0, 0));
    }

    #[test]
    fn title_lines_and_a_units_row_are_not_data() {
        let g = grid("Annual report\nYear,PM2.5,CO\n,μg/m³,mg/m³\n2019,42,1.2\n2020,40,#DIV/0!\n");
        assert_eq!(g.rows.len(), 2);
        assert_eq!(g.rows[0].line, 4);
        assert!(matches!(
            g.rows[1].cells[2].status,
            CellStatus::Rejected(RejectKind::ExcelError { .. })
        ));
    }

    #[test]
    fn long_sheets_show_the_top_and_count_the_rest() {
        let mut text = String::from("Year,PM2.5\n");
        for y in 1950..2050 {
            text.push_str(&format!("{y},{}\n", y - 1900));
        }
        let g = grid(&text);
        assert_eq!(g.rows.len(), MAX_ROWS);
        assert_eq!(g.rows[0].cells[1].text, "50");
        assert_eq!(g.more_rows, 100 - MAX_ROWS);
    }

    #[test]
    fn wide_sheets_show_the_first_columns_and_count_the_rest() {
        let header: Vec<String> = (0..20).map(|i| format!("x{i}")).collect();
        let row: Vec<String> = (0..20).map(|i| i.to_string()).collect();
        let text = format!("Year,{}\n2020,{}\n", header.join(","), row.join(","));
        let g = grid(&text);
        assert_eq!(g.columns.len(), MAX_COLUMNS);
        assert_eq!(g.more_columns, 21 - MAX_COLUMNS);
    }
}
