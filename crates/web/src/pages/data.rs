//! "Your data": paste or upload a table, see how it was read (mapping, units, every rejected
//! cell with its reason), accept it into the workspace, and manage the cities held.
//!
//! Parsing runs on every edit of the paste box but changes nothing until "Add to my data" is
//! pressed, so a bad paste never replaces good data. The paste box's text is kept in storage.
//! Uploaded files are read off the main thread ([`crate::pages::upload`]).

use crate::components::download::{read_chosen_file, save_text};
use crate::components::export::{ExportTable, PrintStamp};
use crate::export::Src;
use crate::i18n::{Lang, Msg};
use crate::pages::data_grid::SheetGrid;
use crate::preview_grid;
use crate::state::Workspace;
use crate::storage;
use leptos::prelude::*;
use renewal_data::indicator::CATALOGUE;
use renewal_data::{parse_text, ColumnRole, Family, ParseOptions, ParsedTable, TableError};

/// The outcome of reading the paste box.
type Preview = Option<Result<ParsedTable, TableError>>;

fn read(text: &str, opts: &ParseOptions) -> Preview {
    (!text.trim().is_empty()).then(|| parse_text(text, opts))
}

/// The data page.
#[component]
pub fn DataPage() -> impl IntoView {
    let lang = expect_context::<RwSignal<Lang>>();
    let workspace = expect_context::<RwSignal<Workspace>>();
    let t = move |m: Msg| move || m.text(lang.get());

    let text = RwSignal::new(storage::load_draft());
    let options = RwSignal::new(ParseOptions::default());
    let default_city = RwSignal::new(String::new());
    let status = RwSignal::new(None::<String>);
    Effect::new(move |_| text.with(|t| storage::save_draft(t)));
    let preview = Memo::new(move |_| text.with(|t| options.with(|o| read(t, o))));
    // The preview stays mounted while edits keep it a table, so an edit re-renders only the
    // rows and cells it changed (benchmark 4), not the whole grid and every column's select.
    let shape = Memo::new(move |_| {
        preview.with(|p| match p {
            None => Shape::Empty,
            Some(Err(_)) => Shape::Error,
            Some(Ok(_)) => Shape::Table,
        })
    });

    let accept = move |_| {
        let Some(Ok(table)) = preview.get_untracked() else {
            return;
        };
        let lang = lang.get_untracked();
        let fallback = default_city.with_untracked(|n| {
            if n.trim().is_empty() {
                Msg::MyCity.text(lang).to_string()
            } else {
                n.trim().to_string()
            }
        });
        let report = workspace.try_update(|ws| ws.accept(&table, &fallback));
        if let Some(r) = report {
            let names = r
                .added
                .iter()
                .chain(&r.updated)
                .cloned()
                .collect::<Vec<_>>()
                .join(", ");
            status.set(Some(format!(
                "{} {} ({names})",
                Msg::Accepted.text(lang),
                r.values
            )));
        }
    };

    view! {
        <section class="page" aria-labelledby="data-heading">
            <h2 id="data-heading">{t(Msg::DataHeading)}</h2>
            <PrintStamp/>
            <p class="lead">{t(Msg::DataIntro)}</p>
            <div class="card paste-box">
                <label for="paste">{t(Msg::PasteLabel)}</label>
                <textarea
                    id="paste"
                    rows="10"
                    spellcheck="false"
                    prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev))
                ></textarea>
                <label for="default-city">{t(Msg::DefaultCityLabel)}</label>
                <input
                    id="default-city"
                    type="text"
                    placeholder=move || Msg::MyCity.text(lang.get())
                    prop:value=move || default_city.get()
                    on:input=move |ev| default_city.set(event_target_value(&ev))
                />
                <div class="paste-box__actions">
                    <button
                        type="button"
                        class="button button--primary"
                        disabled=move || !matches!(preview.get(), Some(Ok(ref t)) if t.summary.cells_accepted > 0)
                        on:click=accept
                    >
                        {t(Msg::AcceptData)}
                    </button>
                    <button type="button" class="button" on:click=move |_| text.set(String::new())>{t(Msg::ClearPaste)}</button>
                </div>
                <p class="status" role="status">{move || status.get()}</p>
            </div>
            {move || match shape.get() {
                Shape::Empty => ().into_any(),
                Shape::Error => view! {
                    <div class="card preview preview--error" role="alert">
                        <p>{t(Msg::NothingRead)}" "{move || preview.with(|p| match p {
                            Some(Err(e)) => e.to_string(),
                            _ => String::new(),
                        })}</p>
                    </div>
                }
                .into_any(),
                Shape::Table => view! { <PreviewView preview=preview text=text options=options/> }.into_any(),
            }}
            <crate::pages::upload::UploadCard/>
            <CityList/>
            <FilesCard/>
        </section>
    }
}

/// What the paste box holds, as far as the page's layout is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Empty,
    Error,
    Table,
}

/// `f` of the parsed table, when the paste box holds one.
fn with_table<R>(preview: Memo<Preview>, f: impl Fn(&ParsedTable) -> R) -> Option<R> {
    preview.with(|p| match p {
        Some(Ok(table)) => Some(f(table)),
        _ => None,
    })
}

/// One column's row of the mapping table. The key is what the row's select and unit show, so
/// an edit that only changes the counts keeps the select (and its 45 options) in place.
#[derive(Debug, Clone)]
struct MappingRow {
    key: String,
    mapping: renewal_data::ColumnMapping,
}

#[component]
fn PreviewView(
    preview: Memo<Preview>,
    text: RwSignal<String>,
    options: RwSignal<ParseOptions>,
) -> impl IntoView {
    let lang = expect_context::<RwSignal<Lang>>();
    let t = move |m: Msg| move || m.text(lang.get());
    let summary = Memo::new(move |_| with_table(preview, |t| t.summary.clone()));
    let grid = Memo::new(move |_| {
        preview.with(|p| match p {
            Some(Ok(table)) => text.with_untracked(|s| preview_grid::build(s, table)),
            _ => None,
        })
    });
    let has_grid = Memo::new(move |_| grid.with(Option::is_some));
    let columns =
        Memo::new(move |_| with_table(preview, |t| t.columns.clone()).unwrap_or_default());
    let mapping_rows = move || {
        columns.with(|cs| {
            cs.iter()
                .map(|c| MappingRow {
                    key: format!(
                        "{}|{}|{:?}|{:?}|{:?}",
                        c.column, c.header, c.role, c.unit, c.unknown_unit_text
                    ),
                    mapping: c.clone(),
                })
                .collect::<Vec<_>>()
        })
    };
    let count = move |column: usize, rejected: bool| {
        move || {
            columns.with(|cs| {
                cs.iter().find(|c| c.column == column).map_or(0, |c| {
                    if rejected {
                        c.rejected
                    } else {
                        c.accepted
                    }
                })
            })
        }
    };
    let issues = move || with_table(preview, |t| t.issues.clone()).unwrap_or_default();
    let rejections =
        Memo::new(move |_| with_table(preview, |t| t.rejections.clone()).unwrap_or_default());
    let any_rejected = Memo::new(move |_| rejections.with(|r| !r.is_empty()));
    view! {
        <div class="card preview">
            <h3>{t(Msg::PreviewHeading)}</h3>
            <p class="preview__summary">
                {move || {
                    let l = lang.get();
                    summary.with(|s| s.as_ref().map(|s| format!(
                        "{} {} · {} {} · {} {} · {} {}",
                        s.data_rows, Msg::Rows.text(l),
                        s.indicators_recognised.len(), Msg::IndicatorsRecognised.text(l),
                        s.cells_accepted, Msg::CellsAccepted.text(l),
                        s.cells_rejected, Msg::CellsRejected.text(l),
                    )))
                }}
            </p>
            <ul class="preview__issues">
                <For each=issues key=|i| format!("{i:?}") let:i>
                    <li>{move || i.message(lang.get())}</li>
                </For>
            </ul>
            {move || has_grid.get().then(|| view! { <SheetGrid grid=grid/> })}
            <ExportTable source=Signal::derive(move || Src::UserData.text(lang.get()).to_string())>
                <table class="data-table">
                    <caption>{t(Msg::MappingCaption)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t(Msg::Column)}</th>
                            <th scope="col">{t(Msg::Header)}</th>
                            <th scope="col">{t(Msg::ReadAs)}</th>
                            <th scope="col">{t(Msg::Unit)}</th>
                            <th scope="col" class="num">{t(Msg::CellsAccepted)}</th>
                            <th scope="col" class="num">{t(Msg::CellsRejected)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=mapping_rows key=|r| r.key.clone() let:row>
                            {
                                let c = row.mapping;
                                view! {
                                    <tr>
                                        <th scope="row">{c.letter.clone()}</th>
                                        <td>{c.header.clone()}</td>
                                        <td><RoleSelect column=c.column header=c.header.clone() role=c.role options=options/></td>
                                        <td>{move || c.unit.map(|u| u.symbol(lang.get()).to_string()).or_else(|| c.unknown_unit_text.clone()).unwrap_or_default()}</td>
                                        <td class="num">{count(c.column, false)}</td>
                                        <td class="num">{count(c.column, true)}</td>
                                    </tr>
                                }
                            }
                        </For>
                    </tbody>
                </table>
            </ExportTable>
            <Show when=move || any_rejected.get()>
                <ExportTable source=Signal::derive(move || Src::UserData.text(lang.get()).to_string())>
                    <table class="data-table rejections">
                        <caption>{t(Msg::RejectedCaption)}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{t(Msg::Cell)}</th>
                                <th scope="col">{t(Msg::Header)}</th>
                                <th scope="col">{t(Msg::OriginalText)}</th>
                                <th scope="col">{t(Msg::Reason)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            <For each=move || rejections.get() key=|r| format!("{r:?}") let:r>
                                {
                                    let cell = format!("{}{}", r.column_letter, r.row);
                                    let header = r.header.clone();
                                    let raw = r.raw.clone();
                                    view! {
                                        <tr class="rejections__row">
                                            <th scope="row">{cell}</th>
                                            <td>{header}</td>
                                            <td><code>{raw}</code></td>
                                            <td>{move || r.message(lang.get())}</td>
                                        </tr>
                                    }
                                }
                            </For>
                        </tbody>
                    </table>
                </ExportTable>
            </Show>
        </div>
    }
}

/// The select that changes how one column is read (also used by the upload preview).
///
/// Its options (the roles and the 40-odd indicators of the catalogue) are the same for every
/// column, so they are built once per language as a template and cloned natively into each
/// select, rather than built element by element for each column: a preview of seven columns
/// built 300 options in the same task as the rest of the preview (upload long tasks, issue 8).
#[component]
pub fn RoleSelect(
    column: usize,
    header: String,
    role: ColumnRole,
    options: RwSignal<ParseOptions>,
) -> impl IntoView {
    let lang = expect_context::<RwSignal<Lang>>();
    let node = NodeRef::<leptos::html::Select>::new();
    let on_change = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let role = value_role(&value);
        options.update(|o| {
            *o = std::mem::take(o).with_override(renewal_data::ColumnOverride {
                column,
                role,
                unit: None,
                decimal_mark: None,
            });
        });
    };
    Effect::new(move |_| {
        let l = lang.get();
        if let Some(select) = node.get() {
            if let Err(e) = role_options::fill(&select, role, l) {
                web_sys::console::error_2(&"column roles could not be listed".into(), &e);
            }
        }
    });
    let label = move || format!("{} {}", Msg::ReadAs.text(lang.get()), header);
    view! { <select node_ref=node aria-label=label on:change=on_change></select> }
}

/// The options of [`RoleSelect`], from a per-language template.
mod role_options {
    use super::{other_role_value, role_value, Lang, Msg, CATALOGUE};
    use renewal_data::ColumnRole;
    use std::cell::RefCell;
    use wasm_bindgen::{JsCast, JsValue};

    thread_local! {
        static TEMPLATE: RefCell<Option<(Lang, web_sys::DocumentFragment)>> = const { RefCell::new(None) };
    }

    fn option(
        document: &web_sys::Document,
        value: &str,
        text: &str,
    ) -> Result<web_sys::Node, JsValue> {
        let o = document.create_element("option")?;
        o.set_attribute("value", value)?;
        o.set_text_content(Some(text));
        Ok(o.into())
    }

    /// Time, city, ignore and every indicator, in `lang`.
    fn template(
        document: &web_sys::Document,
        lang: Lang,
    ) -> Result<web_sys::DocumentFragment, JsValue> {
        TEMPLATE.with(|slot| {
            if let Some((l, t)) = slot.borrow().as_ref() {
                if *l == lang {
                    return Ok(t.clone());
                }
            }
            let fragment = document.create_document_fragment();
            for (value, text) in [
                ("time", Msg::RoleTime.text(lang)),
                ("city", Msg::RoleCity.text(lang)),
                ("ignore", Msg::RoleIgnore.text(lang)),
            ] {
                fragment.append_child(&option(document, value, text)?)?;
            }
            for spec in CATALOGUE {
                fragment.append_child(&option(document, spec.id.as_str(), spec.id.name(lang))?)?;
            }
            *slot.borrow_mut() = Some((lang, fragment.clone()));
            Ok(fragment)
        })
    }

    /// Replace `select`'s options with those for a column read as `role`, and select it.
    pub fn fill(
        select: &web_sys::HtmlSelectElement,
        role: ColumnRole,
        lang: Lang,
    ) -> Result<(), JsValue> {
        let document = select
            .owner_document()
            .ok_or_else(|| JsValue::from_str("no document"))?;
        select.set_text_content(None);
        if matches!(role, ColumnRole::Unknown) {
            select.append_child(&option(&document, "unknown", Msg::RoleUnknown.text(lang))?)?;
        }
        let copy = template(&document, lang)?.clone_node_with_deep(true)?;
        select.append_child(&copy.unchecked_into())?;
        if let Some(other) = other_role_value(role) {
            select.append_child(&option(&document, &other, &other)?)?;
        }
        select.set_value(&role_value(role));
        Ok(())
    }
}

fn role_value(role: ColumnRole) -> String {
    match role {
        ColumnRole::Time => "time".into(),
        ColumnRole::City => "city".into(),
        ColumnRole::Ignore => "ignore".into(),
        ColumnRole::Unknown => "unknown".into(),
        ColumnRole::Indicator(id) => id.as_str().into(),
        other => format!("{other:?}"),
    }
}

/// Roles of the long layout and the hour column, which the select shows as they were detected.
fn other_role_value(role: ColumnRole) -> Option<String> {
    matches!(
        role,
        ColumnRole::Hour | ColumnRole::IndicatorName | ColumnRole::Value | ColumnRole::UnitName
    )
    .then(|| format!("{role:?}"))
}

fn value_role(value: &str) -> Option<ColumnRole> {
    Some(match value {
        "time" => ColumnRole::Time,
        "city" => ColumnRole::City,
        "ignore" => ColumnRole::Ignore,
        "unknown" => return None,
        "Hour" => ColumnRole::Hour,
        "IndicatorName" => ColumnRole::IndicatorName,
        "Value" => ColumnRole::Value,
        "UnitName" => ColumnRole::UnitName,
        id => ColumnRole::Indicator(renewal_data::IndicatorId::from_id(id)?),
    })
}

#[component]
fn CityList() -> impl IntoView {
    let lang = expect_context::<RwSignal<Lang>>();
    let workspace = expect_context::<RwSignal<Workspace>>();
    let t = move |m: Msg| move || m.text(lang.get());
    let clear = move |_| {
        let confirmed = web_sys::window()
            .and_then(|w| {
                w.confirm_with_message(Msg::ClearConfirm.text(lang.get_untracked()))
                    .ok()
            })
            .unwrap_or(false);
        if confirmed {
            storage::clear();
            workspace.set(Workspace::with_example(lang.get_untracked()));
        }
    };
    view! {
        <div class="card">
            <h3>{t(Msg::CitiesHeading)}</h3>
            <ul class="city-list">
                <For
                    each=move || workspace.with(|ws| ws.cities.iter().map(|c| (c.id, c.name.clone(), c.hidden)).collect::<Vec<_>>())
                    key=|c| c.clone()
                    let:((id, name, hidden))
                >
                    <li class="city-list__item">
                        <label>
                            <span class="visually-hidden">{t(Msg::CityName)}</span>
                            <input
                                type="text"
                                value=name.clone()
                                on:change=move |ev| {
                                    let v = event_target_value(&ev);
                                    workspace.update(|ws| { ws.rename(id, &v); });
                                }
                            />
                        </label>
                        <label>
                            <input
                                type="checkbox"
                                prop:checked=hidden
                                on:change=move |ev| workspace.update(|ws| ws.set_hidden(id, event_target_checked(&ev)))
                            />
                            {t(Msg::Hide)}
                        </label>
                        <button type="button" class="button" on:click=move |_| workspace.update(|ws| ws.remove(id))>
                            {t(Msg::Delete)}<span class="visually-hidden">" "{name.clone()}</span>
                        </button>
                    </li>
                </For>
            </ul>
            <button type="button" class="button button--danger" on:click=clear>{t(Msg::ClearMyData)}</button>
        </div>
    }
}

/// Download templates, export and import the project.
#[component]
fn FilesCard() -> impl IntoView {
    let lang = expect_context::<RwSignal<Lang>>();
    let workspace = expect_context::<RwSignal<Workspace>>();
    let t = move |m: Msg| move || m.text(lang.get());
    let message = RwSignal::new(None::<String>);
    let import = move |ev: leptos::ev::Event| {
        leptos::task::spawn_local(async move {
            let Some((name, content)) = read_chosen_file(&ev).await else {
                return;
            };
            let l = lang.get_untracked();
            match Workspace::from_json(&content) {
                Ok(ws) => {
                    workspace.set(ws);
                    message.set(Some(format!("{} {name}", Msg::ProjectImported.text(l))));
                }
                Err(e) => message.set(Some(e.message(l))),
            }
        });
    };
    let export = move |_| {
        let json = workspace.with_untracked(|ws| ws.to_json());
        save_text("renewal-project.json", "application/json", &json);
    };
    view! {
        <div class="card files">
            <h3>{t(Msg::FilesHeading)}</h3>
            <p>{t(Msg::TemplatesLabel)}</p>
            <ul class="template-list">
                {Family::ALL
                    .into_iter()
                    .map(|family| {
                        let download = move |_| {
                            let l = lang.get_untracked();
                            let csv = renewal_data::template::csv(family, l, 2014..=2022);
                            save_text(&format!("template-{}.csv", family.id()), "text/csv", &csv);
                        };
                        view! {
                            <li><button type="button" class="button" on:click=download>{move || family.name(lang.get())}" (CSV)"</button></li>
                        }
                    })
                    .collect_view()}
            </ul>
            <p class="files__project">
                <button type="button" class="button" on:click=export>{t(Msg::ExportProject)}</button>
                " "
                <label for="import">{t(Msg::ImportProject)}</label>
                " "
                <input id="import" type="file" accept=".json,application/json" on:change=import/>
            </p>
            <p class="status" role="status">{move || message.get()}</p>
        </div>
    }
}
