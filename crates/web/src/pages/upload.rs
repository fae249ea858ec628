//! The Data view's upload: the chosen file (CSV, TSV, XLSX, XLS, ODS; any encoding the data
//! crate decodes) goes to the upload worker ([`crate::upload`]), which reads it and computes the
//! daily AQI and HJ 663 statistics off the main thread. The page shows a progress bar and a
//! Cancel button, then the preview; nothing changes until the user accepts it.
//!
//! The page's share of the work is small by construction: the file's bytes are read by the
//! browser (`File.arrayBuffer()`, asynchronous) and *transferred* to the worker (no copy), and the
//! answer is a compact JSON message (the preview, annual values, daily AQI), never the rows.

use crate::pages::data::RoleSelect;
use crate::state::Workspace;
use crate::upload::{Bi, Phase, Progress, ToPage, UploadResult, MAX_REJECTIONS_SHOWN, WORKER_URL};
use leptos::prelude::*;
use renewal_data::{Lang, ParseOptions};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// This view's strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum M {
    Heading,
    Label,
    Note,
    ProgressLabel,
    Cancel,
    Cancelled,
    Decoding,
    Reading,
    Interpreting,
    Statistics,
    Starting,
    Failed,
    PreviewHeading,
    Rows,
    Indicators,
    Accepted,
    Rejected,
    Source,
    MappingCaption,
    Column,
    Header,
    ReadAs,
    Unit,
    RejectedCaption,
    Cell,
    Original,
    Reason,
    FirstShown,
    Of,
    AirDays,
    AirNone,
    Accept,
    Added,
    Seconds,
    CityLabel,
    MyCity,
}

impl M {
    /// The text in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        let zh = matches!(lang, Lang::Zh);
        let (en, cn) = match self {
            Self::Heading => ("Upload a file", "上传文件"),
            Self::Label => ("Choose a CSV, TSV or Excel (XLSX) file", "选择 CSV、TSV 或 Excel（XLSX）文件"),
            Self::Note => ("The file is read in the background, in your browser: large files (a year or more of hourly data) do not freeze the page, and nothing is sent anywhere. XLS and ODS workbooks and GBK/GB18030 text are read too.", "文件在浏览器后台读取：大文件（一年或更长的小时数据）不会卡住页面，也不会上传到任何地方。也可读取 XLS、ODS 工作簿和 GBK/GB18030 编码的文本。"),
            Self::ProgressLabel => ("Reading the file", "正在读取文件"),
            Self::Cancel => ("Cancel upload", "取消上传"),
            Self::Cancelled => ("Upload cancelled. Nothing was changed.", "已取消上传，未做任何更改。"),
            Self::Decoding => ("opening the file", "打开文件"),
            Self::Reading => ("splitting rows", "拆分行"),
            Self::Interpreting => ("reading columns and values", "识别列和数值"),
            Self::Statistics => ("computing daily AQI and annual statistics", "计算日 AQI 和年统计"),
            Self::Starting => ("starting", "启动中"),
            Self::Failed => ("Nothing was read from the file:", "未能从文件中读取数据："),
            Self::PreviewHeading => ("How the uploaded file was read", "上传文件的读取结果"),
            Self::Rows => ("rows", "行"),
            Self::Indicators => ("indicators recognised", "个指标被识别"),
            Self::Accepted => ("values accepted", "个数值被接受"),
            Self::Rejected => ("rejected", "个被拒绝"),
            Self::Source => ("Read as", "读取方式"),
            Self::MappingCaption => ("Columns of the uploaded file and what they were read as", "上传文件的列及其识别结果"),
            Self::Column => ("Column", "列"),
            Self::Header => ("Header", "表头"),
            Self::ReadAs => ("Read as", "识别为"),
            Self::Unit => ("Unit", "单位"),
            Self::RejectedCaption => ("Rejected cells of the uploaded file", "上传文件中被拒绝的单元格"),
            Self::Cell => ("Cell", "单元格"),
            Self::Original => ("Original text", "原始文本"),
            Self::Reason => ("Reason", "原因"),
            Self::FirstShown => ("Rejected cells listed: the first", "列出的被拒绝单元格：前"),
            Self::Of => ("of", "个，共"),
            Self::AirDays => ("Hourly or daily air-quality data: daily AQI and HJ 663 annual statistics computed for", "小时或日空气质量数据：已计算日 AQI 和 HJ 663 年统计，天数"),
            Self::AirNone => ("No hourly or daily air-quality data: only annual values are added.", "没有小时或日空气质量数据：只添加年度数值。"),
            Self::Accept => ("Add the uploaded file to my data", "将上传的文件添加到我的数据"),
            Self::Added => ("Added from the file:", "已从文件添加："),
            Self::Seconds => ("s", "秒"),
            Self::CityLabel => ("City name for the file's rows that name none", "文件中未注明城市的行所属城市"),
            Self::MyCity => ("My city", "我的城市"),
        };
        if zh {
            cn
        } else {
            en
        }
    }
}

/// The words of a phase.
pub fn phase_text(p: Phase) -> M {
    match p {
        Phase::Decoding => M::Decoding,
        Phase::Reading => M::Reading,
        Phase::Interpreting => M::Interpreting,
        Phase::Statistics => M::Statistics,
    }
}

/// Where an upload stands.
#[derive(Debug, Clone, PartialEq)]
pub enum UploadState {
    /// No upload.
    Idle,
    /// The worker is busy (`None`: not started yet).
    Working(Option<Progress>),
    /// The result, with the seconds it took.
    Done(std::sync::Arc<UploadResult>, f64),
    /// Nothing could be read.
    Failed(Bi),
    /// The user cancelled.
    Cancelled,
}

/// A running worker and the handlers that must live as long as it.
struct Job {
    worker: web_sys::Worker,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

impl Drop for Job {
    fn drop(&mut self) {
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        self.worker.terminate();
    }
}

/// The running job, and a counter that makes a superseded or cancelled start give up.
#[derive(Default)]
struct Jobs {
    generation: std::cell::Cell<u64>,
    job: RefCell<Option<Job>>,
}

impl Jobs {
    /// Stop the running job and make pending starts give up.
    fn stop(&self) -> u64 {
        self.job.borrow_mut().take();
        let g = self.generation.get() + 1;
        self.generation.set(g);
        g
    }
}

type JobSlot = Rc<Jobs>;

/// How long a finished worker is kept before it is terminated (see `start`).
const STOP_AFTER_MS: i32 = 2_000;

fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Read `file` in a new worker with `opts`, reporting to `state`. Any earlier job is stopped.
fn start(file: web_sys::File, opts: ParseOptions, state: RwSignal<UploadState>, slot: JobSlot) {
    let generation = slot.stop();
    state.set(UploadState::Working(None));
    let started = now_ms();
    leptos::task::spawn_local(async move {
        let Ok(buffer) = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await else {
            state.set(UploadState::Failed(Bi::of(|_| "file".into())));
            return;
        };
        // Cancelled while the browser read the file.
        if slot.generation.get() != generation {
            return;
        }
        let worker = match web_sys::Worker::new(WORKER_URL) {
            Ok(w) => w,
            Err(e) => {
                let why = e.as_string().unwrap_or_else(|| "Worker".into());
                state.set(UploadState::Failed(Bi::of(|_| why.clone())));
                return;
            }
        };
        let opts_json = serde_json::to_string(&opts).unwrap_or_default();
        let mut pending = Some(buffer);
        let reply_to = worker.clone();
        let done_slot = Rc::clone(&slot);
        let on_message =
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
                let Some(text) = ev.data().as_string() else {
                    return;
                };
                let Ok(msg) = serde_json::from_str::<ToPage>(&text) else {
                    return;
                };
                match msg {
                    ToPage::Ready => {
                        if let Some(buffer) = pending.take() {
                            let message =
                                js_sys::Array::of2(&JsValue::from_str(&opts_json), &buffer);
                            let transfer = js_sys::Array::of1(&buffer);
                            if reply_to
                                .post_message_with_transfer(&message, &transfer)
                                .is_err()
                            {
                                state.set(UploadState::Failed(Bi::of(|_| "postMessage".into())));
                            }
                        }
                    }
                    ToPage::Progress(p) => state.set(UploadState::Working(Some(p))),
                    ToPage::Done(r) => {
                        let seconds = (now_ms() - started) / 1000.0;
                        let r = std::sync::Arc::from(r);
                        // Render the preview in a task of its own: this one already parsed the
                        // message (measured: parse and render together were one 67 ms task).
                        let show = Closure::once_into_js(move || {
                            state.set(UploadState::Done(r, seconds));
                        });
                        if let Some(w) = web_sys::window() {
                            let _ = w.set_timeout_with_callback(show.unchecked_ref());
                        }
                        // Stop the worker once the preview is on screen, not now: freeing a
                        // worker that read a large file (its wasm memory, hundreds of MB) took
                        // a core while the page rendered the preview on the other, and the
                        // render became a long task (issue 8: 58-87 ms wall for 21 ms of CPU).
                        let slot = Rc::clone(&done_slot);
                        let stop = Closure::once_into_js(move || {
                            if slot.generation.get() == generation {
                                slot.job.borrow_mut().take();
                            }
                        });
                        if let Some(w) = web_sys::window() {
                            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(
                                stop.unchecked_ref(),
                                STOP_AFTER_MS,
                            );
                        }
                    }
                    ToPage::Failed(e) => state.set(UploadState::Failed(e)),
                }
            });
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
            let why = ev
                .dyn_ref::<web_sys::ErrorEvent>()
                .map(|e| e.message())
                .filter(|m| !m.is_empty())
                .unwrap_or_else(|| "the background reader could not start".into());
            state.set(UploadState::Failed(Bi::of(|_| why.clone())));
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        *slot.job.borrow_mut() = Some(Job {
            worker,
            _on_message: on_message,
            _on_error: on_error,
        });
    });
}

/// The upload card of the Data view.
#[component]
pub fn UploadCard() -> impl IntoView {
    let lang = expect_context::<RwSignal<Lang>>();
    let workspace = expect_context::<RwSignal<Workspace>>();
    let t = move |m: M| move || m.text(lang.get());
    let state = RwSignal::new(UploadState::Idle);
    let options = RwSignal::new(ParseOptions::default());
    let city = RwSignal::new(String::new());
    let status = RwSignal::new(None::<String>);
    let slot = StoredValue::new_local(JobSlot::default());
    let file = StoredValue::new_local(None::<web_sys::File>);

    let on_change = {
        move |ev: leptos::ev::Event| {
            let Some(input) = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            else {
                return;
            };
            let Some(f) = input.files().and_then(|l| l.get(0)) else {
                return;
            };
            input.set_value("");
            status.set(None);
            options.set(ParseOptions::default());
            file.set_value(Some(f.clone()));
            start(f, ParseOptions::default(), state, slot.get_value());
        }
    };
    // A column's role changed in the preview: read the same file again with the override.
    Effect::new(move |prev: Option<()>| {
        let opts = options.get();
        if prev.is_some() && !opts.overrides.is_empty() {
            if let Some(f) = file.get_value() {
                start(f, opts, state, slot.get_value());
            }
        }
    });
    let cancel = move |_| {
        slot.get_value().stop();
        state.set(UploadState::Cancelled);
    };
    let accept = move |_| {
        let UploadState::Done(result, _) = state.get_untracked() else {
            return;
        };
        let l = lang.get_untracked();
        let fallback = city.with_untracked(|n| {
            if n.trim().is_empty() {
                M::MyCity.text(l).to_string()
            } else {
                n.trim().to_string()
            }
        });
        if let Some(r) = workspace.try_update(|ws| ws.accept_upload(&result, &fallback)) {
            let names = r
                .added
                .iter()
                .chain(&r.updated)
                .cloned()
                .collect::<Vec<_>>()
                .join(", ");
            status.set(Some(format!("{} {names}", M::Added.text(l))));
            state.set(UploadState::Idle);
        }
    };

    view! {
        <div class="card upload-card">
            <h3 id="upload-heading">{t(M::Heading)}</h3>
            <p>
                <label for="upload">{t(M::Label)}</label>
                " "
                <input
                    id="upload"
                    type="file"
                    accept=".csv,.tsv,.txt,.xlsx,.xls,.ods,text/csv,text/tab-separated-values,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel,application/vnd.oasis.opendocument.spreadsheet"
                    on:change=on_change
                />
            </p>
            <p class="lead">{t(M::Note)}</p>
            {move || match state.get() {
                UploadState::Working(p) => {
                    let pct = p.map_or(0.0, |p| p.fraction() * 100.0);
                    let phase = p.map_or(M::Starting, |p| phase_text(p.phase));
                    view! {
                        <div class="upload-progress">
                            <label for="upload-progress">{t(M::ProgressLabel)}</label>
                            <progress id="upload-progress" max="100" value=format!("{pct:.0}")>{format!("{pct:.0} %")}</progress>
                            <span class="upload-progress__text" aria-live="polite">
                                {format!("{pct:.0} % · ")}{move || phase.text(lang.get())}
                            </span>
                            <button type="button" class="button" on:click=cancel>{t(M::Cancel)}</button>
                        </div>
                    }
                    .into_any()
                }
                UploadState::Cancelled => view! { <p class="status" role="status">{t(M::Cancelled)}</p> }.into_any(),
                UploadState::Failed(e) => view! {
                    <p class="preview--error" role="alert">{t(M::Failed)}" "{move || e.get(lang.get()).to_string()}</p>
                }
                .into_any(),
                UploadState::Done(r, seconds) => view! {
                    <UploadPreviewView result=r seconds=seconds options=options/>
                    <label for="upload-city">{t(M::CityLabel)}</label>
                    <input
                        id="upload-city"
                        type="text"
                        placeholder=move || M::MyCity.text(lang.get())
                        prop:value=move || city.get()
                        on:input=move |ev| city.set(event_target_value(&ev))
                    />
                    <div class="paste-box__actions">
                        <button type="button" class="button button--primary" on:click=accept>{t(M::Accept)}</button>
                    </div>
                }
                .into_any(),
                UploadState::Idle => ().into_any(),
            }}
            <p class="status" role="status">{move || status.get()}</p>
        </div>
    }
}

#[component]
fn UploadPreviewView(
    result: std::sync::Arc<UploadResult>,
    seconds: f64,
    options: RwSignal<ParseOptions>,
) -> impl IntoView {
    let lang = expect_context::<RwSignal<Lang>>();
    let t = move |m: M| move || m.text(lang.get());
    let p = result.preview.clone();
    let summary = {
        let p = p.clone();
        move || {
            let l = lang.get();
            format!(
                "{} {} · {} {} · {} {} · {} {} · {seconds:.1} {}",
                crate::format::number(p.data_rows as f64, 0, l),
                M::Rows.text(l),
                p.indicators.len(),
                M::Indicators.text(l),
                crate::format::number(p.cells_accepted as f64, 0, l),
                M::Accepted.text(l),
                crate::format::number(p.cells_rejected as f64, 0, l),
                M::Rejected.text(l),
                M::Seconds.text(l),
            )
        }
    };
    let source = p.source.clone();
    let air_days: usize = result.air.iter().map(|a| a.record.daily_aqi.len()).sum();
    let air_error = result.air_error.clone();
    let total_rejected = p.rejections_total;
    let shown_all = total_rejected <= p.rejections.len();
    view! {
        <section class="preview" aria-labelledby="upload-preview-heading">
            <h3 id="upload-preview-heading">{t(M::PreviewHeading)}</h3>
            <p class="preview__summary upload-summary">{summary}</p>
            <p>{t(M::Source)}": "{move || source.get(lang.get()).to_string()}</p>
            <p class="upload-air">
                {move || {
                    let l = lang.get();
                    if air_days > 0 {
                        format!("{} {}", M::AirDays.text(l), crate::format::number(air_days as f64, 0, l))
                    } else {
                        M::AirNone.text(l).to_string()
                    }
                }}
            </p>
            {air_error.map(|e| view! { <p class="note" role="alert">{move || e.get(lang.get()).to_string()}</p> })}
            <ul class="preview__issues">
                {p.issues.iter().cloned().map(|i| view! { <li>{move || i.get(lang.get()).to_string()}</li> }).collect_view()}
            </ul>
            <div class="table-scroll" tabindex="0">
                <table class="data-table">
                    <caption>{t(M::MappingCaption)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t(M::Column)}</th>
                            <th scope="col">{t(M::Header)}</th>
                            <th scope="col">{t(M::ReadAs)}</th>
                            <th scope="col">{t(M::Unit)}</th>
                            <th scope="col" class="num">{t(M::Accepted)}</th>
                            <th scope="col" class="num">{t(M::Rejected)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {p.columns.iter().map(|c| {
                            let unit = c.unit;
                            let unknown = c.unknown_unit_text.clone();
                            view! {
                                <tr>
                                    <th scope="row">{c.letter.clone()}</th>
                                    <td>{c.header.clone()}</td>
                                    <td><RoleSelect column=c.column header=c.header.clone() role=c.role options=options/></td>
                                    <td>{move || unit.map(|u| u.symbol(lang.get()).to_string()).or_else(|| unknown.clone()).unwrap_or_default()}</td>
                                    <td class="num">{c.accepted}</td>
                                    <td class="num">{c.rejected}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            {(!p.rejections.is_empty()).then(|| view! {
                <div class="table-scroll" tabindex="0">
                    <table class="data-table rejections">
                        <caption>{t(M::RejectedCaption)}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{t(M::Cell)}</th>
                                <th scope="col">{t(M::Header)}</th>
                                <th scope="col">{t(M::Original)}</th>
                                <th scope="col">{t(M::Reason)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {p.rejections.iter().cloned().map(|r| view! {
                                <tr class="rejections__row">
                                    <th scope="row">{r.cell.clone()}</th>
                                    <td>{r.header.clone()}</td>
                                    <td><code>{r.raw.clone()}</code></td>
                                    <td>{move || r.reason.get(lang.get()).to_string()}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                {(!shown_all).then(|| view! {
                    <p class="note">
                        {move || {
                            let l = lang.get();
                            format!("{} {MAX_REJECTIONS_SHOWN} {} {}", M::FirstShown.text(l), M::Of.text(l), crate::format::number(total_rejected as f64, 0, l))
                        }}
                    </p>
                })}
            })}
        </section>
    }
}
