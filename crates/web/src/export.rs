//! Exports as plain data: CSV of a table with a metadata header, JSON of results, and file names.
//!
//! Nothing here touches the browser, so every byte of an export is tested natively; the buttons
//! in [`crate::components::export`] and [`crate::components::chart`] only add the date and hand
//! the text to the browser.
//!
//! # Standard
//! - CSV: RFC 4180 ("Common Format and MIME Type for CSV Files"), section 2: fields separated by
//!   commas, records by CRLF; a field containing a comma, a double quote, CR or LF is enclosed in
//!   double quotes, and a double quote inside it is doubled.
//! - The file starts with the UTF-8 byte order mark (U+FEFF) so that Excel reads it as UTF-8
//!   and shows Chinese instead of mojibake (Excel otherwise assumes the system's ANSI code page).
//! - CSV injection: OWASP, "CSV Injection" (owasp.org/www-community/attacks/CSV_Injection):
//!   a cell beginning with `=`, `+`, `-`, `@`, tab (0x09) or carriage return (0x0D) may be run as
//!   a formula by a spreadsheet; the defence is to prefix it with a single quote `'`, and to
//!   quote every field that needs it. Plain numbers (`-1.5`, `+2`, `1e-3`) are left alone: they
//!   cannot carry a formula and a prefixed number would no longer be a number.
//! - The metadata lines come first and begin with `#`, one field each (quoted only where RFC
//!   4180 requires it), so `pandas.read_csv(..., comment="#")` and R's `read.csv(comment.char =
//!   "#")` skip them.

use crate::i18n::{tag, Lang};

/// The version of the exports' layout (the CSV metadata and the results JSON). Raised when a
/// field is renamed or removed; adding a field does not change it.
pub const EXPORT_FORMAT_VERSION: u32 = 1;

/// The app's version, as built.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The messages of the export and print controls, in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum M {
    DownloadCsv,
    DownloadJson,
    DownloadPng,
    DownloadSvg,
    PrintReport,
    Printed,
    Title,
    Source,
    Standard,
    Units,
    Exported,
    AppVersion,
    Language,
    ExportFailed,
    ChartExportLabel,
    TableExportLabel,
}

impl M {
    /// The message in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        let (en, zh) = self.pair();
        match lang {
            Lang::En => en,
            Lang::Zh => zh,
        }
    }

    fn pair(self) -> (&'static str, &'static str) {
        match self {
            M::DownloadCsv => ("Download CSV", "下载 CSV"),
            M::DownloadJson => ("Download results (JSON)", "下载结果（JSON）"),
            M::DownloadPng => ("PNG", "PNG"),
            M::DownloadSvg => ("SVG", "SVG"),
            M::PrintReport => ("Print report", "打印报告"),
            M::Printed => ("Printed", "打印日期"),
            M::Title => ("Title", "标题"),
            M::Source => ("Source", "来源"),
            M::Standard => ("Standard", "标准"),
            M::Units => ("Units", "单位"),
            M::Exported => ("Exported", "导出日期"),
            M::AppVersion => ("App version", "应用版本"),
            M::Language => ("Language", "语言"),
            M::ExportFailed => ("The browser refused the download.", "浏览器拒绝了下载。"),
            M::ChartExportLabel => ("Download the chart", "下载图表"),
            M::TableExportLabel => ("Download the table", "下载表格"),
        }
    }
}

/// Where the numbers of a view's tables come from, for the CSV's `#` source line, for views
/// whose tables do not name one themselves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Src {
    UserData,
    Context,
    ResourceTest,
    ResourceLists,
    Compliance,
    Pm25,
    Audit,
    UnitFactors,
    Energy,
    Composite,
    Advisor,
    DailyAir,
}

impl Src {
    /// The source in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        let (en, zh) = match self {
            Src::UserData => (
                "Your data as read by the calculator (nothing leaves the browser)",
                "计算器读取的您的数据（数据不离开浏览器）",
            ),
            Src::Context => (
                "Northeast context dataset: provincial statistical yearbooks and censuses; each value's table, source and confidence are in the Sources column",
                "东北背景数据集：各省统计年鉴与人口普查；每个数值的表、来源与可信度见“来源”列",
            ),
            Src::ResourceTest => (
                "Miao, Xiong, Feng, He, section 3.2 (2): resource-depleted-city test (extraction ratio and reserve-to-production years)",
                "Miao、Xiong、Feng、He，第 3.2 节 (2)：资源枯竭型城市判定（开采率与储采比年数）",
            ),
            Src::ResourceLists => (
                "Verified resource-exhausted city list and the 2013 national plan for resource-based cities (Northeast context dataset, tables N3b and N3d)",
                "资源枯竭城市名单与 2013 年全国资源型城市可持续发展规划（东北背景数据集表 N3b、N3d）",
            ),
            Src::Compliance => (
                "GB 3095-2012 Table 1 (annual limits, grades I and II) and WHO global air quality guidelines 2021",
                "GB 3095-2012 表 1（年均限值，一级与二级）与世卫组织 2021 年全球空气质量指南",
            ),
            Src::Pm25 => (
                "Miao, Xiong, Feng, He, Table 1 (Northeast PM2.5) and your data",
                "Miao、Xiong、Feng、He，表 1（东北 PM2.5）与您的数据",
            ),
            Src::Audit => (
                "Miao, Xiong, Feng, He, Table 1, recomputed with HJ 633-2012",
                "Miao、Xiong、Feng、He，表 1，按 HJ 633-2012 重新计算",
            ),
            Src::UnitFactors => (
                "Ideal-gas conversion between mass and volume concentrations at 25 °C and 1 atm; molar volume and molecular weights from the calculator's unit table",
                "按 25 °C、1 个标准大气压的理想气体换算质量浓度与体积浓度；摩尔体积与分子量取自计算器单位表",
            ),
            Src::Energy => (
                "Your data; Northeast growth from Miao, Xiong, Feng, He, Figure 2 (sections 4.6-4.7); CO2 with the grid emission factor named in the view",
                "您的数据；东北增长取自 Miao、Xiong、Feng、He，图 2（第 4.6–4.7 节）；CO2 按视图中所列电网排放因子计算",
            ),
            Src::Composite => (
                "TOPSIS (Hwang & Yoon 1981) with the weights chosen in the view, over your data and, where allowed, the paper's Table 1",
                "TOPSIS（Hwang 与 Yoon 1981），权重按视图所选，基于您的数据及（在允许时）论文表 1",
            ),
            Src::Advisor => (
                "The calculator's rules from Miao, Xiong, Feng, He (sections named per rule), applied to your data",
                "计算器依据 Miao、Xiong、Feng、He 制定的规则（各规则注明章节），应用于您的数据",
            ),
            Src::DailyAir => (
                "Your uploaded data: daily AQI by HJ 633-2012, annual statistics by HJ 663-2013, limits of GB 3095-2012",
                "您上传的数据：日 AQI 按 HJ 633-2012，年度统计按 HJ 663-2013，限值依 GB 3095-2012",
            ),
        };
        match lang {
            Lang::En => en,
            Lang::Zh => zh,
        }
    }
}

/// What a CSV says about where its numbers come from. Every field is shown as one `#` line;
/// empty fields are left out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportMeta {
    /// The table's title (its caption).
    pub title: String,
    /// The paper or data set, with the table, figure or clause.
    pub source: String,
    /// The standard the values are judged against, with the clause.
    pub standard: String,
    /// The units of the values.
    pub units: String,
}

/// A table as rows of cell texts: the header row, then the body.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TableData {
    /// The column headers.
    pub headers: Vec<String>,
    /// The rows, each as long as `headers` or shorter.
    pub rows: Vec<Vec<String>>,
}

/// Whether `s` is a plain decimal number: optional sign, digits with at most one decimal
/// point, optional exponent. No `inf`, `NaN`, spaces or thousands separators.
pub fn is_plain_number(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    if matches!(b.first(), Some(b'+' | b'-')) {
        i = 1;
    }
    let mut digits = 0;
    let mut dot = false;
    while let Some(&c) = b.get(i) {
        match c {
            b'0'..=b'9' => digits += 1,
            b'.' if !dot => dot = true,
            _ => break,
        }
        i += 1;
    }
    if digits == 0 {
        return false;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let start = i;
        while matches!(b.get(i), Some(b'0'..=b'9')) {
            i += 1;
        }
        if i == start {
            return false;
        }
    }
    i == b.len()
}

/// A cell made inert for spreadsheets (OWASP "CSV Injection"): a leading `'` when the cell
/// begins with `=`, `+`, `-`, `@`, tab or CR and is not a plain number.
pub fn defuse(cell: &str) -> String {
    let risky = matches!(
        cell.as_bytes().first(),
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r')
    );
    if risky && !is_plain_number(cell) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

/// One field as RFC 4180 writes it: quoted when it holds a comma, a quote, CR or LF, with
/// inner quotes doubled.
pub fn quote(field: &str) -> String {
    if field.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

fn push_record<'a>(out: &mut String, fields: impl IntoIterator<Item = &'a str>) {
    let mut first = true;
    for f in fields {
        if !first {
            out.push(',');
        }
        first = false;
        out.push_str(&quote(&defuse(f)));
    }
    out.push_str("\r\n");
}

/// A metadata value on one line: line breaks become spaces.
fn one_line(s: &str) -> String {
    s.split(['\r', '\n'])
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The whole CSV file: BOM, `#` metadata lines (title, source, standard, units, export date,
/// app version, language), the header row and the rows.
///
/// `date` is the local calendar date of the export, ISO 8601 (`YYYY-MM-DD`); the caller reads
/// the clock so this stays pure.
///
/// # Edge cases
/// - Rows shorter than the header are written as they are (RFC 4180 asks for equal lengths,
///   which every table of the app has; a short row is not padded with invented empty cells).
/// - Metadata values are made single-line, and each `#` line is one field: a comma in a title
///   quotes the line instead of splitting it into cells.
pub fn csv_document(meta: &ExportMeta, table: &TableData, lang: Lang, date: &str) -> String {
    let mut out = String::from("\u{feff}");
    let lines = [
        (M::Title, meta.title.as_str()),
        (M::Source, meta.source.as_str()),
        (M::Standard, meta.standard.as_str()),
        (M::Units, meta.units.as_str()),
        (M::Exported, date),
        (M::AppVersion, APP_VERSION),
        (M::Language, tag(lang)),
    ];
    for (label, value) in lines {
        if value.trim().is_empty() {
            continue;
        }
        let line = format!("# {}: {}", label.text(lang), one_line(value));
        out.push_str(&quote(&line));
        out.push_str("\r\n");
    }
    push_record(&mut out, table.headers.iter().map(String::as_str));
    for row in &table.rows {
        push_record(&mut out, row.iter().map(String::as_str));
    }
    out
}

/// A number for an export: up to `decimals` decimals, trailing zeros removed, no `-0`.
/// Non-finite values (which no engine returns for valid input) are written as an empty cell.
pub fn number(v: f64, decimals: usize) -> String {
    if !v.is_finite() {
        return String::new();
    }
    let s = format!("{v:.decimals$}");
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    };
    if s == "-0" {
        "0".to_string()
    } else {
        s
    }
}

/// A file name from a title: letters (any script), digits, `-` and `_` kept, runs of anything
/// else become one `-`, at most 80 characters, never empty, never a hidden or path-like name.
pub fn file_stem(title: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in title.chars() {
        if c.is_alphanumeric() || c == '_' {
            out.push(c);
            dash = false;
        } else if !dash && !out.is_empty() {
            out.push('-');
            dash = true;
        }
        if out.chars().count() >= 80 {
            break;
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        "export".to_string()
    } else {
        out
    }
}

/// The local date as ISO 8601 from its parts (month 1–12).
pub fn iso_date(year: i32, month: u32, day: u32) -> String {
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(headers: &[&str], rows: &[&[&str]]) -> TableData {
        TableData {
            headers: headers.iter().map(|s| s.to_string()).collect(),
            rows: rows
                .iter()
                .map(|r| r.iter().map(|s| s.to_string()).collect())
                .collect(),
        }
    }

    #[test]
    fn numbers_are_recognised_strictly() {
        for s in ["0", "-1.5", "+2", "1e-3", "-2.5E+10", ".5", "5.", "170"] {
            assert!(is_plain_number(s), "{s}");
        }
        for s in [
            "", "-", "+", ".", "1e", "-1.5x", "--1", "1 2", "-inf", "NaN", "1,5", "=1", "1.2.3",
        ] {
            assert!(!is_plain_number(s), "{s}");
        }
    }

    #[test]
    fn formulas_are_prefixed_and_numbers_are_not() {
        assert_eq!(
            defuse("=HYPERLINK(\"http://x\")"),
            "'=HYPERLINK(\"http://x\")"
        );
        assert_eq!(defuse("+1+cmd"), "'+1+cmd");
        assert_eq!(defuse("-2+3"), "'-2+3");
        assert_eq!(defuse("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(defuse("\tx"), "'\tx");
        assert_eq!(defuse("\rx"), "'\rx");
        assert_eq!(defuse("-1.5"), "-1.5");
        assert_eq!(defuse("+2"), "+2");
        assert_eq!(defuse("沈阳"), "沈阳");
        assert_eq!(defuse("a=b"), "a=b");
        assert_eq!(
            defuse("<img src=x onerror=alert(1)>"),
            "<img src=x onerror=alert(1)>"
        );
    }

    #[test]
    fn fields_are_quoted_as_rfc_4180_says() {
        assert_eq!(quote("plain"), "plain");
        assert_eq!(quote("a,b"), "\"a,b\"");
        assert_eq!(quote("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(quote("two\nlines"), "\"two\nlines\"");
        assert_eq!(quote("cr\r"), "\"cr\r\"");
        assert_eq!(quote(""), "");
    }

    #[test]
    fn document_has_bom_metadata_header_and_rows() {
        let meta = ExportMeta {
            title: "Table 1, Northeast".into(),
            source: "Paper, Table 1".into(),
            standard: String::new(),
            units: "µg/m³".into(),
        };
        let t = table(
            &["City", "PM2.5"],
            &[&["=HYPERLINK(\"http://x\")", "-1.5"], &["沈阳", "36.4"]],
        );
        let csv = csv_document(&meta, &t, Lang::En, "2026-11-28");
        let expected = format!(
            "\u{feff}\"# Title: Table 1, Northeast\"\r\n\
             \"# Source: Paper, Table 1\"\r\n\
             # Units: µg/m³\r\n\
             # Exported: 2026-11-28\r\n\
             # App version: {APP_VERSION}\r\n\
             # Language: en\r\n\
             City,PM2.5\r\n\
             \"'=HYPERLINK(\"\"http://x\"\")\",-1.5\r\n\
             沈阳,36.4\r\n"
        );
        assert_eq!(csv, expected);
        assert!(csv.as_bytes().starts_with(&[0xEF, 0xBB, 0xBF]));
    }

    #[test]
    fn chinese_labels_and_single_line_metadata() {
        let meta = ExportMeta {
            title: "沈阳\n=evil".into(),
            ..ExportMeta::default()
        };
        let csv = csv_document(&meta, &table(&["年份"], &[]), Lang::Zh, "2026-01-02");
        let mut lines = csv.trim_start_matches('\u{feff}').split("\r\n");
        assert_eq!(lines.next(), Some("# 标题: 沈阳 =evil"));
        assert_eq!(lines.next(), Some("# 导出日期: 2026-01-02"));
        assert_eq!(
            lines.next(),
            Some(format!("# 应用版本: {APP_VERSION}").as_str())
        );
        assert_eq!(lines.next(), Some("# 语言: zh-CN"));
        assert_eq!(lines.next(), Some("年份"));
    }

    #[test]
    fn a_csv_reader_reads_back_what_was_written() {
        // An independent reader (the csv crate, as renewal-data uses it) must get every cell
        // back, with the apostrophe as the only change.
        let cells = [
            "a,b",
            "q\"uote",
            "line\nbreak",
            "=1+1",
            "-3",
            "@x",
            "",
            "中文",
        ];
        let t = table(&["h"; 8], &[&cells]);
        let csv = csv_document(&ExportMeta::default(), &t, Lang::En, "2026-11-28");
        let body: String = csv
            .trim_start_matches('\u{feff}')
            .split_inclusive("\r\n")
            .filter(|l| !l.starts_with('#'))
            .collect();
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .from_reader(body.as_bytes());
        let row = reader.records().next().unwrap().unwrap();
        let got: Vec<&str> = row.iter().collect();
        assert_eq!(
            got,
            [
                "a,b",
                "q\"uote",
                "line\nbreak",
                "'=1+1",
                "-3",
                "'@x",
                "",
                "中文"
            ]
        );
    }

    #[test]
    fn export_numbers_are_short_and_exact_enough() {
        assert_eq!(number(13.400000000000002, 4), "13.4");
        assert_eq!(number(1.5826086956521739, 4), "1.5826");
        assert_eq!(number(170.0, 4), "170");
        assert_eq!(number(-0.00001, 4), "0");
        assert_eq!(number(f64::NAN, 4), "");
        assert_eq!(number(2.583, 4), "2.583");
    }

    #[test]
    fn file_stems_are_safe() {
        assert_eq!(
            file_stem("PM2.5 in Shenyang, 2014–2022"),
            "PM2-5-in-Shenyang-2014-2022"
        );
        assert_eq!(file_stem("../../etc/passwd"), "etc-passwd");
        assert_eq!(
            file_stem("<img src=x onerror=alert(1)>"),
            "img-src-x-onerror-alert-1"
        );
        assert_eq!(file_stem("东北地区六项污染物"), "东北地区六项污染物");
        assert_eq!(file_stem("..."), "export");
        assert_eq!(file_stem(&"a".repeat(200)).len(), 80);
    }

    #[test]
    fn dates_are_iso() {
        assert_eq!(iso_date(2026, 1, 2), "2026-01-02");
    }

    #[test]
    fn every_message_has_both_languages() {
        use M::*;
        for m in [
            DownloadCsv,
            DownloadJson,
            DownloadPng,
            DownloadSvg,
            PrintReport,
            Printed,
            Title,
            Source,
            Standard,
            Units,
            Exported,
            AppVersion,
            Language,
            ExportFailed,
            ChartExportLabel,
            TableExportLabel,
        ] {
            let (en, zh) = m.pair();
            assert!(!en.is_empty() && !zh.is_empty());
        }
    }
}
