//! The pasted sheet as a grid (see [`crate::preview_grid`]): each cell shows its text, and a
//! rejected cell is highlighted and says why in words, so the status never rests on colour.

use crate::preview_grid::{CellStatus, PreviewGrid};
use leptos::prelude::*;
use renewal_data::Lang;

#[derive(Clone, Copy)]
enum M {
    Caption,
    Line,
    MoreRows,
    MoreColumns,
    Legend,
    Rejected,
    NotRead,
}

impl M {
    fn text(self, lang: Lang) -> &'static str {
        match self {
            M::Caption => lang.pick(
                "The sheet as read: the first rows, cell by cell",
                "读取结果：前几行，逐个单元格",
            ),
            M::Line => lang.pick("Line", "行"),
            M::MoreRows => lang.pick("more rows not shown", "行未显示"),
            M::MoreColumns => lang.pick("more columns not shown", "列未显示"),
            M::Legend => lang.pick(
                "Values read are plain; rejected cells are marked ✗ with the reason; greyed columns are not read.",
                "已读取的数值正常显示；被拒绝的单元格标有 ✗ 及原因；灰色列未读取。",
            ),
            M::Rejected => lang.pick("rejected", "已拒绝"),
            M::NotRead => lang.pick("not read", "未读取"),
        }
    }
}

/// The grid of the first rows of a pasted sheet. Rows are keyed by their content, so an edit
/// re-renders only the rows it changed.
#[component]
pub fn SheetGrid(grid: Memo<Option<PreviewGrid>>) -> impl IntoView {
    let lang = expect_context::<RwSignal<Lang>>();
    let t = move |m: M| move || m.text(lang.get());
    let columns = move || grid.with(|g| g.as_ref().map(|g| g.columns.clone()).unwrap_or_default());
    let rows = move || {
        grid.with(|g| {
            g.as_ref()
                .map(|g| {
                    g.rows
                        .iter()
                        .map(|r| (format!("{r:?}"), r.clone()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let more = move || grid.with(|g| g.as_ref().map_or((0, 0), |g| (g.more_rows, g.more_columns)));
    view! {
        <p class="sheet-grid__legend">{t(M::Legend)}</p>
        <div class="table-scroll" tabindex="0">
            <table class="data-table sheet-grid">
                <caption>{t(M::Caption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t(M::Line)}</th>
                        <For each=columns key=|c| c.clone() let:((letter, header))>
                            <th scope="col"><span class="sheet-grid__letter">{letter}</span>" "{header}</th>
                        </For>
                    </tr>
                </thead>
                <tbody>
                    <For each=rows key=|(key, _)| key.clone() let:((_, r))>
                        <tr>
                            <th scope="row">{r.line}</th>
                            {r.cells.into_iter().map(|c| cell(c.text, c.status, lang)).collect_view()}
                        </tr>
                    </For>
                </tbody>
            </table>
        </div>
        {move || {
            let (more_rows, more_columns) = more();
            (more_rows > 0 || more_columns > 0).then(|| view! {
                <p class="sheet-grid__more">
                    {move || {
                        let l = lang.get();
                        let mut parts = Vec::new();
                        if more_rows > 0 {
                            parts.push(format!("{} {}", crate::format::number(more_rows as f64, 0, l), M::MoreRows.text(l)));
                        }
                        if more_columns > 0 {
                            parts.push(format!("{more_columns} {}", M::MoreColumns.text(l)));
                        }
                        parts.join(" · ")
                    }}
                </p>
            })
        }}
    }
}

fn cell(text: String, status: CellStatus, lang: RwSignal<Lang>) -> AnyView {
    match status {
        CellStatus::Rejected(reason) => view! {
            <td class="sheet-grid__cell sheet-grid__cell--rejected">
                <code>{text}</code>
                <span class="sheet-grid__reason">
                    "✗ "{move || format!("{}: {}", M::Rejected.text(lang.get()), reason.message(lang.get()))}
                </span>
            </td>
        }
        .into_any(),
        CellStatus::NotRead => view! {
            <td class="sheet-grid__cell sheet-grid__cell--not-read" title=move || M::NotRead.text(lang.get())>{text}</td>
        }
        .into_any(),
        CellStatus::Read => view! { <td class="sheet-grid__cell num">{text}</td> }.into_any(),
        CellStatus::Key | CellStatus::Empty => {
            view! { <td class="sheet-grid__cell">{text}</td> }.into_any()
        }
    }
}
