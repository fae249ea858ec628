//! Export and print controls that any page adopts with one line.
//!
//! - [`ExportTable`] wraps a `<table>` (in place of `<div class="table-scroll">`) and adds a
//!   "Download CSV" button. The CSV is written by [`crate::export::csv_document`] from the rows
//!   the page passes in `rows` (the same Rust values the view renders); a page that passes no
//!   `rows` gets the cells the table shows (caption as title, `<thead>` as header row).
//! - [`JsonButton`] downloads a page's results as JSON.
//! - [`PrintButton`] opens the browser's print dialog; [`PrintStamp`] is the date line that only
//!   appears on paper.
//!
//! Charts get their PNG and SVG buttons from [`crate::components::chart::EChart`] itself.

use crate::components::download::save_text;
use crate::export::{csv_document, file_stem, iso_date, ExportMeta, TableData, M};
use crate::i18n::Lang;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Today's local date, ISO 8601.
pub fn today() -> String {
    let d = js_sys::Date::new_0();
    iso_date(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
}

/// The text of a cell as shown: a select's chosen option, otherwise the rendered text with
/// runs of white space made one space.
fn cell_text(cell: &web_sys::Element) -> String {
    let text = if let Ok(Some(option)) = cell.query_selector("select option:checked") {
        option.text_content().unwrap_or_default()
    } else {
        cell.dyn_ref::<web_sys::HtmlElement>()
            .map(|e| e.inner_text())
            .or_else(|| cell.text_content())
            .unwrap_or_default()
    };
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn row_texts(row: &web_sys::Element) -> Vec<String> {
    let mut out = Vec::new();
    if let Ok(cells) = row.query_selector_all("th, td") {
        for i in 0..cells.length() {
            if let Some(cell) = cells
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            {
                out.push(cell_text(&cell));
            }
        }
    }
    out
}

fn rows_of(table: &web_sys::Element, selector: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    if let Ok(rows) = table.query_selector_all(selector) {
        for i in 0..rows.length() {
            if let Some(row) = rows
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            {
                out.push(row_texts(&row));
            }
        }
    }
    out
}

/// The caption and cells of the first table inside `container`, as the page shows them.
fn read_table(container: &web_sys::Element) -> Option<(String, TableData)> {
    let table = container.query_selector("table").ok()??;
    let caption = table
        .query_selector("caption")
        .ok()
        .flatten()
        .map(|c| cell_text(&c))
        .unwrap_or_default();
    let mut head = rows_of(&table, ":scope > thead > tr").into_iter();
    let headers = head.next().unwrap_or_default();
    let mut rows: Vec<Vec<String>> = head.collect();
    rows.extend(rows_of(&table, ":scope > tbody > tr"));
    Some((caption, TableData { headers, rows }))
}

/// A data table with a "Download CSV" button. Use it in place of
/// `<div class="table-scroll" tabindex="0">` around a `<table>`.
///
/// `source`: the paper or data set with its table, figure or clause; `standard`: the standard
/// and clause the values are judged by; `units`: the units. `title` defaults to the caption.
/// `rows` gives the CSV's header and rows from the page's own values; without it the table's
/// cells are written as shown.
#[component]
pub fn ExportTable(
    #[prop(into)] source: Signal<String>,
    #[prop(optional, into)] standard: Option<Signal<String>>,
    #[prop(optional, into)] units: Option<Signal<String>>,
    #[prop(optional, into)] title: Option<Signal<String>>,
    #[prop(optional, into)] rows: Option<Callback<Lang, TableData>>,
    /// Names the scrolling region for assistive technology (`role="group"`), when given.
    #[prop(optional, into)]
    label: Option<Signal<String>>,
    children: Children,
) -> impl IntoView {
    let lang = expect_context::<RwSignal<Lang>>();
    let node = NodeRef::<leptos::html::Div>::new();
    let failed = RwSignal::new(false);
    let download = move |_| {
        let l = lang.get_untracked();
        let shown = node.get_untracked().and_then(|el| read_table(&el));
        let caption = shown.as_ref().map(|s| s.0.clone()).unwrap_or_default();
        let table = match rows {
            Some(cb) => cb.run(l),
            None => shown.map(|s| s.1).unwrap_or_default(),
        };
        let meta = ExportMeta {
            title: title.map(|t| t.get_untracked()).unwrap_or(caption),
            source: source.get_untracked(),
            standard: standard.map(|s| s.get_untracked()).unwrap_or_default(),
            units: units.map(|u| u.get_untracked()).unwrap_or_default(),
        };
        let text = csv_document(&meta, &table, l, &today());
        let name = format!("{}.csv", file_stem(&meta.title));
        failed.set(!save_text(&name, "text/csv;charset=utf-8", &text));
    };
    view! {
        <div
            class="table-scroll"
            tabindex="0"
            node_ref=node
            role=label.map(|_| "group")
            aria-label=move || label.map(|l| l.get())
        >
            {children()}
        </div>
        <div class="export-bar">
            <button type="button" class="button button--small" on:click=download>
                {move || M::DownloadCsv.text(lang.get())}
            </button>
            <span class="export-bar__status" role="status">
                {move || failed.get().then(|| M::ExportFailed.text(lang.get()))}
            </span>
        </div>
    }
}

/// A "Download results (JSON)" button: `json` gives the document in the current language,
/// `name` the file name without extension.
#[component]
pub fn JsonButton(
    #[prop(into)] name: Signal<String>,
    #[prop(into)] json: Callback<Lang, String>,
) -> impl IntoView {
    let lang = expect_context::<RwSignal<Lang>>();
    let failed = RwSignal::new(false);
    let download = move |_| {
        let text = json.run(lang.get_untracked());
        let file = format!("{}.json", file_stem(&name.get_untracked()));
        failed.set(!save_text(&file, "application/json", &text));
    };
    view! {
        <button type="button" class="button" on:click=download>
            {move || M::DownloadJson.text(lang.get())}
        </button>
        <span class="export-bar__status" role="status">
            {move || failed.get().then(|| M::ExportFailed.text(lang.get()))}
        </span>
    }
}

/// "Print report": the browser's print dialog, which the print stylesheet turns into a report.
#[component]
pub fn PrintButton() -> impl IntoView {
    let lang = expect_context::<RwSignal<Lang>>();
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! {
        <button type="button" class="button" on:click=print>
            {move || M::PrintReport.text(lang.get())}
        </button>
    }
}

/// The date of printing, shown only on paper (under the page's heading).
#[component]
pub fn PrintStamp() -> impl IntoView {
    let lang = expect_context::<RwSignal<Lang>>();
    let date = today();
    view! {
        <p class="print-only print-stamp">{move || M::Printed.text(lang.get())}": "{date.clone()}</p>
    }
}
