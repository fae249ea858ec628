//! Resources: the paper's resource-depleted-city test (section 3.2 (2)) as a calculator,
//! prefilled from the city's reserves, extraction and production series when it has them, with
//! a chart of the extraction ratio and the reserve-to-production years against the two
//! thresholds; and a lookup of a city's name on the verified resource-exhausted list and in the
//! 2013 plan's Northeast classification (Northeast context dataset, tables N3b and N3d).
//!
//! Length note: about half of this file is the pure part (form parsing, prefill, projection path,
//! chart) and its tests; the views are below it.

use crate::charts::PALETTE;
use crate::components::chart::EChart;
use crate::components::export::{ExportTable, PrintStamp};
use crate::export::Src;
use crate::format::{self, percent};
use crate::state::{City, Workspace};
use charming::component::{Aria, Axis, Grid, Legend, Title};
use charming::element::{
    AxisType, ItemStyle, LineStyle, LineStyleType, MarkLine, MarkLineData, MarkLineVariant,
    NameLocation, Symbol, Tooltip, Trigger,
};
use charming::series::Line;
use charming::Chart;
use leptos::prelude::*;
use renewal_calc::depletion::{
    assess, Condition, DepletionCriterion, DepletionError, DepletionReport, ProductionYear,
    ResourceInput, PAPER_CRITERION,
};
use renewal_data::context::{
    resource_city_status, CityLookup, ExhaustedStatus, LookupOutcome, PlanCategory, PlanStatus,
};
use renewal_data::{IndicatorId, Lang};

/// Tonnes per million tonnes: the workspace stores reserves, extraction and production in
/// tonnes (the catalogue's canonical unit); the form shows Mt.
pub const TONNES_PER_MT: f64 = 1.0e6;

/// How far the chart projects at most, in years after the last observed year.
pub const CHART_HORIZON_YEARS: i32 = 60;

/// The calculator's inputs as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DepletionForm {
    /// Originally proven reserves.
    pub original: String,
    /// Cumulative extraction to the end of the last production year.
    pub cumulative: String,
    /// Production, one `YEAR VALUE` pair a line (or `YEAR=VALUE`, `;`-separated).
    pub production: String,
}

/// What is wrong with the form.
#[derive(Debug, Clone, PartialEq)]
pub enum FormError {
    /// A number field is empty or not a number.
    NotANumber {
        /// Which field.
        field: Field,
        /// What was typed.
        text: String,
    },
    /// A production entry is not `YEAR VALUE`.
    BadProductionEntry {
        /// 1-based entry number.
        entry: usize,
        /// What was typed.
        text: String,
    },
    /// The engine refused the inputs.
    Depletion(DepletionError),
}

/// A field of the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// Original reserves.
    Original,
    /// Cumulative extraction.
    Cumulative,
}

fn number(text: &str) -> Option<f64> {
    let t = text.trim().replace([' ', '\u{a0}', '_'], "");
    let t = if t.contains('.') {
        t.replace(',', "")
    } else {
        t.replace(',', ".")
    };
    t.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// Reads the production entries: `2020 50`, `2020=50`, `2020: 50`, `2020,50` or tab-separated,
/// one a line or separated by `;`.
///
/// # Errors
/// [`FormError::BadProductionEntry`] with the entry's number and text.
pub fn parse_production(text: &str) -> Result<Vec<ProductionYear>, FormError> {
    let mut out = Vec::new();
    for (i, entry) in text
        .split(['\n', ';'])
        .map(str::trim)
        .filter(|e| !e.is_empty())
        .enumerate()
    {
        let bad = || FormError::BadProductionEntry {
            entry: i + 1,
            text: entry.to_string(),
        };
        let (y, v) = entry
            .split_once(['=', ':', '\t', ' ', ','])
            .ok_or_else(bad)?;
        let year: i32 = y.trim().parse().map_err(|_| bad())?;
        let production = number(v).ok_or_else(bad)?;
        out.push(ProductionYear { year, production });
    }
    Ok(out)
}

/// The engine's input from the form.
///
/// # Errors
/// A field that is not a number, a production entry that is not `YEAR VALUE`.
pub fn read_form(form: &DepletionForm) -> Result<ResourceInput, FormError> {
    let num = |field, text: &str| {
        number(text).ok_or_else(|| FormError::NotANumber {
            field,
            text: text.to_string(),
        })
    };
    Ok(ResourceInput {
        original_reserves: num(Field::Original, &form.original)?,
        cumulative_extraction: num(Field::Cumulative, &form.cumulative)?,
        remaining_reserves: None,
        production: parse_production(&form.production)?,
    })
}

/// Runs the paper's test on the form.
///
/// # Errors
/// As [`read_form`], and [`FormError::Depletion`] for inputs the engine refuses.
pub fn calculate(form: &DepletionForm) -> Result<(ResourceInput, DepletionReport), FormError> {
    let input = read_form(form)?;
    let report = assess(&input, &PAPER_CRITERION).map_err(FormError::Depletion)?;
    Ok((input, report))
}

fn mt(v: f64) -> String {
    let s = format!("{:.3}", v / TONNES_PER_MT);
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// The form prefilled from a city, in Mt: production from its production series (else its
/// extraction); original reserves = its first reserves value; cumulative extraction = the sum
/// of its extraction (else production) from that year to the last production year. `None` when
/// the city has no reserves or no production/extraction.
///
/// This treats the first year of the series as the start of mining: if extraction began
/// earlier, the user must enter the true original reserves and cumulative extraction (the page
/// says so).
pub fn prefill(city: &City) -> Option<DepletionForm> {
    let production = {
        let p = city.annual(IndicatorId::ResourceProduction);
        if p.is_empty() {
            city.annual(IndicatorId::ResourceExtraction)
        } else {
            p
        }
    };
    let (first_year, original) = *city.annual(IndicatorId::ResourceReserves).first()?;
    let last_year = production.last()?.0;
    let extraction = {
        let e = city.annual(IndicatorId::ResourceExtraction);
        if e.is_empty() {
            production.clone()
        } else {
            e
        }
    };
    let cumulative: f64 = extraction
        .iter()
        .filter(|(y, _)| *y >= first_year && *y <= last_year)
        .map(|(_, v)| v)
        .sum();
    Some(DepletionForm {
        original: mt(original),
        cumulative: mt(cumulative),
        production: production
            .iter()
            .filter(|(y, _)| *y >= first_year)
            .map(|(y, v)| format!("{y} {}", mt(*v)))
            .collect::<Vec<_>>()
            .join("\n"),
    })
}

/// One year of the chart.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PathPoint {
    /// Year.
    pub year: i32,
    /// Cumulative extraction / original reserves at the end of the year, %.
    pub extraction_ratio_pct: f64,
    /// Remaining reserves / the year's production; `None` when production is zero.
    pub reserve_years: Option<f64>,
    /// Whether the year is projected (constant production) rather than observed.
    pub projected: bool,
}

/// The observed years (cumulative extraction rolled back by each later year's production) and
/// the projection at constant production up to exhaustion or [`CHART_HORIZON_YEARS`].
///
/// # Formula
/// ```text
/// C_y (observed)  = C − Σ_{k listed, k > y} P_k
/// C_{T+j}         = min(C + j·P_T, R0)
/// ratio = C_y / R0 × 100;   R/P = (R0 − C_y) / P_y
/// ```
pub fn depletion_path(input: &ResourceInput, report: &DepletionReport) -> Vec<PathPoint> {
    let r0 = report.original_reserves;
    if r0 <= 0.0 {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (i, p) in input.production.iter().enumerate() {
        let later: f64 = input
            .production
            .iter()
            .skip(i + 1)
            .map(|q| q.production)
            .sum();
        let c = (report.cumulative_extraction - later).max(0.0);
        out.push(PathPoint {
            year: p.year,
            extraction_ratio_pct: 100.0 * c / r0,
            reserve_years: (p.production > 0.0).then(|| (r0 - c) / p.production),
            projected: false,
        });
    }
    let p = report.current_production;
    if p > 0.0 {
        let mut c = report.cumulative_extraction;
        for j in 1..=CHART_HORIZON_YEARS {
            c = (c + p).min(r0);
            out.push(PathPoint {
                year: report.as_of_year + j,
                extraction_ratio_pct: 100.0 * c / r0,
                reserve_years: Some((r0 - c) / p),
                projected: true,
            });
            if c >= r0 {
                break;
            }
        }
    }
    out
}

/// The chart: extraction ratio (left axis, %) and reserve-to-production years (right axis),
/// observed solid and projected dashed, with the criterion's two thresholds as marked lines.
pub fn depletion_chart(
    labels: &ChartLabels,
    path: &[PathPoint],
    criterion: &DepletionCriterion,
) -> Chart {
    let years: Vec<String> = path.iter().map(|p| p.year.to_string()).collect();
    let pick = |projected: bool, value: &dyn Fn(&PathPoint) -> Option<f64>| -> Vec<Option<f64>> {
        // The projected line starts at the last observed point so the two meet.
        let last_observed = path.iter().rposition(|p| !p.projected);
        path.iter()
            .enumerate()
            .map(|(i, p)| {
                let keep = if projected {
                    p.projected || Some(i) == last_observed
                } else {
                    !p.projected
                };
                keep.then(|| value(p))
                    .flatten()
                    .map(|v| (v * 100.0).round() / 100.0)
            })
            .collect()
    };
    let ratio = |p: &PathPoint| Some(p.extraction_ratio_pct);
    let years_left = |p: &PathPoint| p.reserve_years;
    let threshold = |value: f64, name: &str, axis_colour: &str| {
        MarkLine::new()
            .symbol(vec![Symbol::None, Symbol::None])
            .line_style(
                LineStyle::new()
                    .color(axis_colour)
                    .type_(LineStyleType::Dashed),
            )
            .data(vec![MarkLineVariant::Simple(
                MarkLineData::new().y_axis(value).name(name),
            )])
    };
    let (c_ratio, c_years) = (PALETTE[1], PALETTE[0]);
    let line = |name: &str, colour: &str, dashed: bool, axis: f64, data: Vec<Option<f64>>| {
        let style = LineStyle::new().color(colour);
        Line::new()
            .name(name)
            .connect_nulls(false)
            .y_axis_index(axis)
            .item_style(ItemStyle::new().color(colour))
            .line_style(if dashed {
                style.type_(LineStyleType::Dashed)
            } else {
                style
            })
            .show_symbol(!dashed)
            .data(data)
    };
    Chart::new()
        .title(Title::new().text(labels.title.as_str()).left("center"))
        .aria(Aria::new().enabled(true))
        .tooltip(Tooltip::new().trigger(Trigger::Axis))
        .legend(Legend::new().bottom(0))
        .grid(Grid::new().left(56).right(64).top(56).bottom(88))
        .x_axis(Axis::new().type_(AxisType::Category).data(years))
        .y_axis(
            Axis::new()
                .type_(AxisType::Value)
                .min(0)
                .max(100)
                .name(labels.ratio_axis.as_str())
                .name_location(NameLocation::End),
        )
        .y_axis(
            Axis::new()
                .type_(AxisType::Value)
                .min(0)
                .name(labels.years_axis.as_str())
                .name_location(NameLocation::End)
                .position("right"),
        )
        .series(
            line(
                &labels.ratio_observed,
                c_ratio,
                false,
                0.0,
                pick(false, &ratio),
            )
            .mark_line(threshold(
                criterion.extraction_ratio_above * 100.0,
                &labels.ratio_threshold,
                c_ratio,
            )),
        )
        .series(line(
            &labels.ratio_projected,
            c_ratio,
            true,
            0.0,
            pick(true, &ratio),
        ))
        .series(
            line(
                &labels.years_observed,
                c_years,
                false,
                1.0,
                pick(false, &years_left),
            )
            .mark_line(threshold(
                criterion.reserve_years_at_most,
                &labels.years_threshold,
                c_years,
            )),
        )
        .series(line(
            &labels.years_projected,
            c_years,
            true,
            1.0,
            pick(true, &years_left),
        ))
}

/// The chart's words, in the reader's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChartLabels {
    /// Title.
    pub title: String,
    /// Left axis.
    pub ratio_axis: String,
    /// Right axis.
    pub years_axis: String,
    /// Series names.
    pub ratio_observed: String,
    /// Series names.
    pub ratio_projected: String,
    /// Series names.
    pub years_observed: String,
    /// Series names.
    pub years_projected: String,
    /// Threshold names.
    pub ratio_threshold: String,
    /// Threshold names.
    pub years_threshold: String,
}

/// A category of the 2013 plan in `lang`.
pub fn category_name(c: PlanCategory, lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => c.name_zh(),
        Lang::En => match c {
            PlanCategory::Growing => "growing",
            PlanCategory::Mature => "mature",
            PlanCategory::Declining => "declining",
            PlanCategory::Regenerating => "regenerating",
        },
    }
}

/// The page's messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum M {
    Heading,
    Intro,
    CalculatorHeading,
    CityLabel,
    NoCityData,
    Prefilled,
    Original,
    Cumulative,
    Production,
    ProductionHint,
    ResultsCaption,
    ExtractionRatio,
    ReserveYears,
    Verdict,
    Depleted,
    NotDepleted,
    FiredRatio,
    FiredYears,
    NoneFired,
    Crossings,
    ConstantProduction,
    Trend,
    RatioCrossing,
    YearsCrossing,
    DepletedFrom,
    Exhausted,
    AlreadyMet,
    NotWithin,
    ChartTitle,
    RatioAxis,
    YearsAxis,
    RatioObserved,
    RatioProjected,
    YearsObserved,
    YearsProjected,
    RatioThreshold,
    YearsThreshold,
    PathCaption,
    Year,
    Projected,
    Observed,
    LookupHeading,
    LookupLabel,
    LookupPlaceholder,
    Matched,
    Ambiguous,
    NotOnList,
    NotOnListNote,
    ExhaustedList,
    Plan2013,
    Batch,
    NotClassified,
    NotClassifiedNote,
    Outside,
    Source,
    Confidence,
    ResourceType,
    AsPrinted,
    Status,
    Kind,
    Method,
}

impl M {
    fn text(self, lang: Lang) -> &'static str {
        let (en, zh) = match self {
            Self::Heading => ("Resources", "资源"),
            Self::Intro => ("The paper (section 3.2 (2)) calls a city resource-depleted when cumulative extraction exceeds 70 % of the originally proven reserves, or when the remaining reserves sustain mining at the current capacity for 5 years or less. The calculator applies that test (renewal_calc::depletion) and projects when each threshold is crossed at constant production and on the least-squares production trend.", "论文第3.2节(2)将累计开采量超过原始探明储量70%，或按当前能力剩余储量仅能维持开采5年及以下的城市称为资源枯竭型城市。本计算器按此标准判定（renewal_calc::depletion），并按产量不变和最小二乘产量趋势推算各阈值被越过的年份。"),
            Self::CalculatorHeading => ("Depletion calculator", "资源枯竭计算器"),
            Self::CityLabel => ("Prefill from", "预填数据来源"),
            Self::NoCityData => ("— none (type your own) —", "— 不预填（自行输入） —"),
            Self::Prefilled => ("Prefilled from the city's data in Mt: original reserves = its first reserves value, cumulative extraction = its extraction summed from that year. If mining began earlier, enter the true original reserves and cumulative extraction.", "已按城市数据预填（单位：百万吨）：原始储量 = 第一年的储量，累计开采量 = 自该年起开采量之和。若开采早于该年，请输入真实的原始储量和累计开采量。"),
            Self::Original => ("Originally proven reserves", "原始探明储量"),
            Self::Cumulative => ("Cumulative extraction (to the end of the last production year)", "累计开采量（至最后一个产量年份年末）"),
            Self::Production => ("Annual production, one “year value” per line", "年产量，每行一个“年份 数值”"),
            Self::ProductionHint => ("All quantities in one unit of your choice (prefilled in Mt).", "所有数量使用同一单位（预填为百万吨）。"),
            Self::ResultsCaption => ("Depletion test, as of", "枯竭判定，截至"),
            Self::ExtractionRatio => ("Extraction ratio (cumulative / original)", "开采率（累计/原始）"),
            Self::ReserveYears => ("Reserve-to-production years", "储采比（年）"),
            Self::Verdict => ("Paper's test", "论文判定"),
            Self::Depleted => ("resource-depleted", "资源枯竭"),
            Self::NotDepleted => ("not depleted by the paper's test", "按论文标准未枯竭"),
            Self::FiredRatio => ("extraction ratio above 70 %", "开采率超过70%"),
            Self::FiredYears => ("reserves for 5 years or less", "剩余储量仅够5年及以下"),
            Self::NoneFired => ("neither condition holds", "两项条件均不满足"),
            Self::Crossings => ("Projected crossing years", "推算越过阈值的年份"),
            Self::ConstantProduction => ("Constant production", "产量不变"),
            Self::Trend => ("Production trend (least squares)", "产量趋势（最小二乘）"),
            Self::RatioCrossing => ("Extraction ratio above 70 %", "开采率超过70%"),
            Self::YearsCrossing => ("Reserves for 5 years or less", "储采比不超过5年"),
            Self::DepletedFrom => ("Depleted from", "枯竭起始年"),
            Self::Exhausted => ("Reserves exhausted", "储量耗尽"),
            Self::AlreadyMet => ("already met", "已满足"),
            Self::NotWithin => ("not within the projection", "推算期内不会发生"),
            Self::ChartTitle => ("Extraction ratio and reserve-to-production years", "开采率与储采比"),
            Self::RatioAxis => ("extraction ratio, %", "开采率，%"),
            Self::YearsAxis => ("years", "年"),
            Self::RatioObserved => ("extraction ratio", "开采率"),
            Self::RatioProjected => ("extraction ratio, projected", "开采率（推算）"),
            Self::YearsObserved => ("reserve-to-production years", "储采比"),
            Self::YearsProjected => ("reserve-to-production years, projected", "储采比（推算）"),
            Self::RatioThreshold => ("70 % threshold", "70% 阈值"),
            Self::YearsThreshold => ("5-year threshold", "5年阈值"),
            Self::PathCaption => ("Extraction ratio and reserve-to-production years by year (projection at constant production)", "各年开采率与储采比（按产量不变推算）"),
            Self::Year => ("Year", "年份"),
            Self::Projected => ("projected", "推算"),
            Self::Observed => ("observed", "实际"),
            Self::LookupHeading => ("Is the city on the resource-exhausted list?", "该城市是否在资源枯竭型城市名单中？"),
            Self::LookupLabel => ("City name (Chinese or English)", "城市名称（中文或英文）"),
            Self::LookupPlaceholder => ("e.g. 阜新 or Fuxin", "例如 阜新 或 Fuxin"),
            Self::Matched => ("Found in the dataset.", "在数据集中找到。"),
            Self::Ambiguous => ("Several places share this name; all are listed. Add the province (e.g. “Yichun, Heilongjiang”) or use the Chinese name.", "多个地方同名，已全部列出。请加上省份（如“黑龙江伊春”）或使用中文名称。"),
            Self::NotOnList => ("Not on the verified list.", "不在已核实的名单中。"),
            Self::NotOnListNote => ("The dataset holds only the verified Northeast members of the resource-exhausted list (batch 2, 2009; Hegang in batch 3 at low confidence); the Northeast members of batches 1 (2008) and 3 (2011/2012) were not verified. This does not mean the city is not resource-exhausted.", "数据集仅收录资源枯竭型城市名单中经核实的东北成员（第二批，2009年；鹤岗列入第三批，可信度低）；第一批（2008年）和第三批（2011/2012年）的东北成员未经核实。这并不表示该城市不是资源枯竭型城市。"),
            Self::ExhaustedList => ("Resource-exhausted list", "资源枯竭型城市名单"),
            Self::Plan2013 => ("2013 national plan for resource-based cities", "2013年全国资源型城市可持续发展规划"),
            Self::Batch => ("batch", "批次"),
            Self::NotClassified => ("not in the verified Northeast classification", "不在已核实的东北分类中"),
            Self::NotClassifiedNote => ("Counties and districts among the plan's 67 declining units were not verified; this does not mean the city is not resource-based.", "规划中67个衰退型单元里的县和区未经核实；这并不表示该城市不是资源型城市。"),
            Self::Outside => ("Outside Northeast China: not covered by this dataset.", "不在东北地区：本数据集未覆盖。"),
            Self::Source => ("Source", "来源"),
            Self::Confidence => ("confidence", "可信度"),
            Self::ResourceType => ("resource", "资源类型"),
            Self::AsPrinted => ("as printed", "原文"),
            Self::Status => ("Status", "状态"),
            Self::Kind => ("List", "名单"),
            Self::Method => ("at constant production", "按产量不变"),
        };
        lang.pick(en, zh)
    }
}

fn form_error(e: &FormError, lang: Lang) -> String {
    match (e, lang) {
        (FormError::NotANumber { field, text }, _) => {
            let f = match field {
                Field::Original => M::Original.text(lang),
                Field::Cumulative => M::Cumulative.text(lang),
            };
            match lang {
                Lang::En => format!("{f}: “{text}” is not a number."),
                Lang::Zh => format!("{f}：“{text}”不是数字。"),
            }
        }
        (FormError::BadProductionEntry { entry, text }, Lang::En) => {
            format!("Production entry {entry} (“{text}”) is not “year value”.")
        }
        (FormError::BadProductionEntry { entry, text }, Lang::Zh) => {
            format!("第 {entry} 条产量（“{text}”）不是“年份 数值”格式。")
        }
        (FormError::Depletion(d), _) => d.to_string(),
    }
}

fn crossing_text(c: Option<renewal_calc::depletion::Crossing>, lang: Lang) -> String {
    match c {
        Some(c) if c.already_met => format!("{} ({})", c.year, M::AlreadyMet.text(lang)),
        Some(c) => c.year.to_string(),
        None => M::NotWithin.text(lang).to_string(),
    }
}

/// The resources page.
#[component]
pub fn ResourcesPage() -> impl IntoView {
    let lang = expect_context::<RwSignal<Lang>>();
    let t = move |m: M| move || m.text(lang.get());
    view! {
        <section class="page" aria-labelledby="resources-heading">
            <h2 id="resources-heading">{t(M::Heading)}</h2>
            <PrintStamp/>
            <p class="lead">{t(M::Intro)}</p>
            <Calculator/>
            <LookupSection/>
        </section>
    }
}

#[component]
fn Calculator() -> impl IntoView {
    let lang = expect_context::<RwSignal<Lang>>();
    let workspace = expect_context::<RwSignal<Workspace>>();
    let t = move |m: M| move || m.text(lang.get());
    let candidates = move || {
        workspace.with(|ws| {
            ws.visible()
                .filter(|c| prefill(c).is_some())
                .map(|c| (c.id, c.name.clone()))
                .collect::<Vec<_>>()
        })
    };
    let initial =
        workspace.with_untracked(|ws| ws.visible().find_map(|c| prefill(c).map(|f| (c.id, f))));
    let source = RwSignal::new(initial.as_ref().map(|(id, _)| *id));
    let form = RwSignal::new(initial.map(|(_, f)| f).unwrap_or_default());
    let choose = move |ev: leptos::ev::Event| {
        let id = event_target_value(&ev).parse::<u32>().ok();
        source.set(id);
        if let Some(f) =
            id.and_then(|id| workspace.with_untracked(|ws| ws.city(id).and_then(prefill)))
        {
            form.set(f);
        }
    };
    let result = Memo::new(move |_| form.with(calculate));
    let field = move |id: &'static str,
                      label: M,
                      get: fn(&DepletionForm) -> String,
                      set: fn(&mut DepletionForm, String)| {
        view! {
            <label for=id>{t(label)}</label>
            <input
                id=id
                type="text"
                inputmode="decimal"
                prop:value=move || form.with(get)
                on:input=move |ev| { let v = event_target_value(&ev); form.update(|f| set(f, v)); }
            />
        }
    };
    view! {
        <section class="card" aria-labelledby="depletion-heading">
            <h3 id="depletion-heading">{t(M::CalculatorHeading)}</h3>
            <div class="depletion-form">
                <label for="depletion-city">{t(M::CityLabel)}</label>
                <select id="depletion-city" on:change=choose>
                    <option value="" selected=move || source.get().is_none()>{t(M::NoCityData)}</option>
                    {move || candidates().into_iter().map(|(id, name)| view! {
                        <option value=id.to_string() selected=move || source.get() == Some(id)>{name}</option>
                    }).collect_view()}
                </select>
                {field("depletion-original", M::Original, |f| f.original.clone(), |f, v| f.original = v)}
                {field("depletion-cumulative", M::Cumulative, |f| f.cumulative.clone(), |f, v| f.cumulative = v)}
                <label for="depletion-production">{t(M::Production)}</label>
                <textarea
                    id="depletion-production"
                    rows="6"
                    spellcheck="false"
                    prop:value=move || form.with(|f| f.production.clone())
                    on:input=move |ev| { let v = event_target_value(&ev); form.update(|f| f.production = v); }
                ></textarea>
                <p class="provenance">{t(M::ProductionHint)}" "{move || source.get().is_some().then(|| M::Prefilled.text(lang.get()))}</p>
            </div>
            {move || match result.get() {
                Err(e) => view! { <p class="form-error" role="alert">{form_error(&e, lang.get())}</p> }.into_any(),
                Ok((input, report)) => view! { <DepletionResults input=input report=report/> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn DepletionResults(input: ResourceInput, report: DepletionReport) -> impl IntoView {
    let lang = expect_context::<RwSignal<Lang>>();
    let t = move |m: M| move || m.text(lang.get());
    let path = depletion_path(&input, &report);
    let path_table = path.clone();
    let r = report.clone();
    let verdict = move || {
        let l = lang.get();
        let fired: Vec<&str> = r
            .test
            .fired
            .iter()
            .map(|c| match c {
                Condition::ExtractionRatio => M::FiredRatio.text(l),
                Condition::ReserveYears => M::FiredYears.text(l),
            })
            .collect();
        let word = if r.test.depleted {
            M::Depleted.text(l)
        } else {
            M::NotDepleted.text(l)
        };
        let why = if fired.is_empty() {
            M::NoneFired.text(l).to_string()
        } else {
            fired.join("; ")
        };
        format!("{word} ({why})")
    };
    let status_class = if report.test.depleted {
        "status status--poor"
    } else {
        "status status--good"
    };
    let projections = {
        let mut v = vec![(M::ConstantProduction, report.constant_production.clone())];
        if let Some(p) = report.production_trend.clone() {
            v.push((M::Trend, p));
        }
        v
    };
    let labels = move |l: Lang| ChartLabels {
        title: M::ChartTitle.text(l).into(),
        ratio_axis: M::RatioAxis.text(l).into(),
        years_axis: M::YearsAxis.text(l).into(),
        ratio_observed: M::RatioObserved.text(l).into(),
        ratio_projected: M::RatioProjected.text(l).into(),
        years_observed: M::YearsObserved.text(l).into(),
        years_projected: M::YearsProjected.text(l).into(),
        ratio_threshold: M::RatioThreshold.text(l).into(),
        years_threshold: M::YearsThreshold.text(l).into(),
    };
    let criterion = report.test.criterion;
    view! {
        <ExportTable source=Signal::derive(move || Src::ResourceTest.text(lang.get()).to_string())>
            <table class="data-table">
                <caption>{t(M::ResultsCaption)}" "{report.as_of_year}</caption>
                <tbody>
                    <tr><th scope="row">{t(M::ExtractionRatio)}</th><td class="num">{move || percent(report.extraction_ratio, 1, lang.get())}</td></tr>
                    <tr><th scope="row">{t(M::ReserveYears)}</th><td class="num">{move || report.reserve_to_production_years.map(|y| format::number(y, 1, lang.get())).unwrap_or_else(|| "∞".into())}</td></tr>
                    <tr><th scope="row">{t(M::Verdict)}</th><td><span class=status_class>{verdict}</span></td></tr>
                </tbody>
            </table>
        </ExportTable>
        <ExportTable source=Signal::derive(move || Src::ResourceTest.text(lang.get()).to_string())>
            <table class="data-table">
                <caption>{t(M::Crossings)}</caption>
                <thead>
                    <tr>
                        <th scope="col"></th>
                        <th scope="col" class="num">{t(M::RatioCrossing)}</th>
                        <th scope="col" class="num">{t(M::YearsCrossing)}</th>
                        <th scope="col" class="num">{t(M::DepletedFrom)}</th>
                        <th scope="col" class="num">{t(M::Exhausted)}</th>
                    </tr>
                </thead>
                <tbody>
                    {projections.into_iter().map(|(m, p)| {
                        let (a, b, c, d) = (p.extraction_ratio_crossing, p.reserve_years_crossing, p.depleted_from, p.exhausted);
                        view! {
                        <tr>
                            <th scope="row">{t(m)}</th>
                            <td class="num">{move || crossing_text(a, lang.get())}</td>
                            <td class="num">{move || crossing_text(b, lang.get())}</td>
                            <td class="num">{move || crossing_text(c, lang.get())}</td>
                            <td class="num">{move || crossing_text(d, lang.get())}</td>
                        </tr>
                    }}).collect_view()}
                </tbody>
            </table>
        </ExportTable>
        <figure class="chart-figure">
            <EChart
                options=move || depletion_chart(&labels(lang.get()), &path, &criterion)
                label=Signal::derive(move || M::ChartTitle.text(lang.get()).to_string())
            />
        </figure>
        <details class="context-notes">
            <summary>{t(M::PathCaption)}</summary>
            <ExportTable source=Signal::derive(move || Src::ResourceTest.text(lang.get()).to_string())>
                <table class="data-table">
                    <caption>{t(M::PathCaption)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t(M::Year)}</th>
                            <th scope="col" class="num">{t(M::RatioAxis)}</th>
                            <th scope="col" class="num">{t(M::YearsObserved)}</th>
                            <th scope="col">{t(M::Status)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {path_table.into_iter().map(|p| view! {
                            <tr>
                                <th scope="row">{p.year}</th>
                                <td class="num">{move || format::number(p.extraction_ratio_pct, 1, lang.get())}</td>
                                <td class="num">{move || p.reserve_years.map(|y| format::number(y, 1, lang.get()))}</td>
                                <td>{move || if p.projected { M::Projected.text(lang.get()) } else { M::Observed.text(lang.get()) }}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </ExportTable>
        </details>
        <p class="provenance">{criterion.source}" · "{t(M::Method)}</p>
    }
}

#[component]
fn LookupSection() -> impl IntoView {
    let lang = expect_context::<RwSignal<Lang>>();
    let t = move |m: M| move || m.text(lang.get());
    let query = RwSignal::new(String::new());
    let result =
        Memo::new(move |_| query.with(|q| (!q.trim().is_empty()).then(|| resource_city_status(q))));
    view! {
        <section class="card" aria-labelledby="lookup-heading">
            <h3 id="lookup-heading">{t(M::LookupHeading)}</h3>
            <label for="lookup-name">{t(M::LookupLabel)}</label>
            <input
                id="lookup-name"
                class="lookup-input"
                type="search"
                placeholder=move || M::LookupPlaceholder.text(lang.get())
                prop:value=move || query.get()
                on:input=move |ev| query.set(event_target_value(&ev))
            />
            <div role="status" class="lookup-result">
                {move || result.get().map(|l| lookup_view(l, lang))}
            </div>
        </section>
    }
}

fn lookup_view(l: CityLookup, lang: RwSignal<Lang>) -> impl IntoView {
    let t = move |m: M| move || m.text(lang.get());
    let headline = match l.outcome {
        LookupOutcome::Matched => M::Matched,
        LookupOutcome::Ambiguous => M::Ambiguous,
        LookupOutcome::NotOnVerifiedList => M::NotOnList,
    };
    let none = l.candidates.is_empty();
    view! {
        <p class="lookup-result__headline"><strong>{t(headline)}</strong></p>
        {none.then(|| view! { <p class="note">{t(M::NotOnListNote)}</p> })}
        {l.candidates.into_iter().map(|c| {
            let name = format!("{} · {}", c.city_zh, c.city_en);
            let exhausted = match c.resource_exhausted {
                ExhaustedStatus::Listed { batch, year_label, resource_type_as_stated, provenance, .. } => view! {
                    <td>
                        <strong>{move || format!("{} {batch}, {year_label}", M::Batch.text(lang.get()))}</strong>
                        {resource_type_as_stated.map(|r| view! { " · "{t(M::ResourceType)}": "{r} })}
                        {provenance.confidence.is_low().then_some(" ⚠")}
                        <p class="source__citation">{t(M::Source)}": "{provenance.source}" ("{t(M::Confidence)}" "{move || crate::province::confidence_word(provenance.confidence, lang.get())}")"</p>
                    </td>
                }.into_any(),
                ExhaustedStatus::NotOnVerifiedList { .. } if !c.in_dataset => view! { <td>{t(M::Outside)}</td> }.into_any(),
                ExhaustedStatus::NotOnVerifiedList { .. } => view! {
                    <td><strong>{t(M::NotOnList)}</strong><p class="source__citation">{t(M::NotOnListNote)}</p></td>
                }.into_any(),
            };
            let plan = match c.plan_2013 {
                PlanStatus::Classified { categories, category_as_printed, note, provenance } => view! {
                    <td>
                        <strong>{move || categories.iter().map(|k| category_name(*k, lang.get())).collect::<Vec<_>>().join(" / ")}</strong>
                        " ("{t(M::AsPrinted)}": "{category_as_printed}")"
                        {note.map(|n| view! { <p lang="en">{n}</p> })}
                        <p class="source__citation">{t(M::Source)}": "{provenance.source}" ("{t(M::Confidence)}" "{move || crate::province::confidence_word(provenance.confidence, lang.get())}")"</p>
                    </td>
                }.into_any(),
                PlanStatus::NotInVerifiedClassification { .. } if !c.in_dataset => view! { <td>{t(M::Outside)}</td> }.into_any(),
                PlanStatus::NotInVerifiedClassification { .. } => view! {
                    <td><strong>{t(M::NotClassified)}</strong><p class="source__citation">{t(M::NotClassifiedNote)}</p></td>
                }.into_any(),
            };
            let caption = name.clone();
            view! {
                <ExportTable source=Signal::derive(move || Src::ResourceLists.text(lang.get()).to_string())>
                    <table class="data-table lookup-table">
                        <caption>{caption}" ("{c.province}")"</caption>
                        <thead><tr><th scope="col">{t(M::Kind)}</th><th scope="col">{t(M::Status)}</th></tr></thead>
                        <tbody>
                            <tr><th scope="row">{t(M::ExhaustedList)}</th>{exhausted}</tr>
                            <tr><th scope="row">{t(M::Plan2013)}</th>{plan}</tr>
                        </tbody>
                    </table>
                </ExportTable>
            }
        }).collect_view()}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn form(original: &str, cumulative: &str, production: &str) -> DepletionForm {
        DepletionForm {
            original: original.into(),
            cumulative: cumulative.into(),
            production: production.into(),
        }
    }

    #[test]
    fn production_entries_accept_the_usual_separators() {
        let p = parse_production("2018 40\n2019=45; 2020:50\n2021\t52,5").unwrap();
        let years: Vec<i32> = p.iter().map(|x| x.year).collect();
        assert_eq!(years, vec![2018, 2019, 2020, 2021]);
        assert_eq!(p[3].production, 52.5);
        assert_eq!(
            parse_production("2018 40\nabc"),
            Err(FormError::BadProductionEntry {
                entry: 2,
                text: "abc".into()
            })
        );
    }

    #[test]
    fn the_papers_test_fires_on_the_extraction_ratio() {
        // 1000 original, 750 extracted: ratio 0.75 > 0.70; R/P = 250 / 50 = 5 <= 5: both fire.
        let (_, r) = calculate(&form("1000", "750", "2019 45\n2020 50")).unwrap();
        assert_eq!(r.extraction_ratio, 0.75);
        assert_eq!(r.reserve_to_production_years, Some(5.0));
        assert!(r.test.depleted);
        assert_eq!(
            r.test.fired,
            vec![Condition::ExtractionRatio, Condition::ReserveYears]
        );
    }

    #[test]
    fn bad_fields_are_named() {
        assert!(matches!(
            calculate(&form("", "1", "2020 1")),
            Err(FormError::NotANumber {
                field: Field::Original,
                ..
            })
        ));
        assert!(matches!(
            calculate(&form("10", "20", "2020 1")),
            Err(FormError::Depletion(
                DepletionError::ExtractionAboveReserves { .. }
            ))
        ));
    }

    #[test]
    fn path_crosses_seventy_percent_in_the_engines_crossing_year() {
        // 1000 original, 600 extracted by 2020 at 50 a year: 2021 650, 2022 700 (= 70 %, not
        // above), 2023 750 > 700: the engine's crossing year is 2023; exhausted after 8 years.
        let (input, r) = calculate(&form("1000", "600", "2019 45\n2020 50")).unwrap();
        let path = depletion_path(&input, &r);
        assert_eq!(path[0].year, 2019);
        assert_eq!(path[0].extraction_ratio_pct, 55.0); // 600 - 50
        assert_eq!(path[1].reserve_years, Some(8.0));
        let first_above = path
            .iter()
            .find(|p| p.extraction_ratio_pct > 70.0)
            .unwrap()
            .year;
        let crossing = r
            .constant_production
            .extraction_ratio_crossing
            .unwrap()
            .year;
        assert_eq!((first_above, crossing), (2023, 2023));
        // R/P <= 5 first in 2023 (1000 - 750) / 50 = 5, as the engine says.
        let rp = path
            .iter()
            .find(|p| p.reserve_years.is_some_and(|y| y <= 5.0))
            .unwrap()
            .year;
        assert_eq!(
            rp,
            r.constant_production.reserve_years_crossing.unwrap().year
        );
        assert_eq!(path.last().unwrap().year, 2028);
        assert_eq!(path.last().unwrap().extraction_ratio_pct, 100.0);
    }

    #[test]
    fn chart_draws_both_thresholds_from_the_criterion() {
        let (input, r) = calculate(&form("1000", "600", "2019 45\n2020 50")).unwrap();
        let labels = ChartLabels {
            title: "t".into(),
            ratio_axis: "%".into(),
            years_axis: "years".into(),
            ratio_observed: "a".into(),
            ratio_projected: "b".into(),
            years_observed: "c".into(),
            years_projected: "d".into(),
            ratio_threshold: "70 %".into(),
            years_threshold: "5 years".into(),
        };
        let chart = depletion_chart(&labels, &depletion_path(&input, &r), &PAPER_CRITERION);
        let v: serde_json::Value = serde_json::from_str(&chart.to_string()).unwrap();
        let s = v["series"].as_array().unwrap();
        assert_eq!(s[0]["markLine"]["data"][0]["yAxis"], 70.0);
        assert_eq!(s[2]["markLine"]["data"][0]["yAxis"], 5.0);
        assert_eq!(s[2]["yAxisIndex"], 1.0);
        // Observed 2019-2020, projected from 2020 (shared point) on.
        assert_eq!(s[0]["data"][1], 60.0);
        assert!(s[0]["data"][2].is_null());
        assert_eq!(s[1]["data"][1], 60.0);
        assert!(s[1]["data"][0].is_null());
        assert!(!chart.to_string().contains("function"));
    }

    #[test]
    fn prefill_takes_reserves_extraction_and_production_from_the_example_city() {
        let ws = crate::state::Workspace::with_example(Lang::En);
        let f = prefill(&ws.cities[0]).unwrap();
        // Reserves 420 Mt in 2014; extraction 2014-2022 sums to 92.6 Mt; production 2022 8.1 Mt.
        assert_eq!(f.original, "420");
        assert_eq!(f.cumulative, "92.6");
        assert!(f.production.starts_with("2014 11.6\n"));
        assert!(f.production.ends_with("2022 8.1"));
        let (_, r) = calculate(&f).unwrap();
        assert!((r.extraction_ratio - 92.6 / 420.0).abs() < 1e-12);
        assert!((r.reserve_to_production_years.unwrap() - (420.0 - 92.6) / 8.1).abs() < 1e-9);
        assert!(!r.test.depleted);
        let empty = City {
            id: 1,
            name: "x".into(),
            hidden: false,
            example: false,
            series: BTreeMap::new(),
        };
        assert_eq!(prefill(&empty), None);
    }

    #[test]
    fn fuxin_is_classified_declining_but_not_on_the_verified_exhausted_list() {
        for name in ["阜新", "Fuxin", "fuxin shi"] {
            let l = resource_city_status(name);
            assert_eq!(l.outcome, LookupOutcome::Matched, "{name}");
            let c = &l.candidates[0];
            assert_eq!(c.city_zh, "阜新市");
            assert!(matches!(
                c.resource_exhausted,
                ExhaustedStatus::NotOnVerifiedList { .. }
            ));
            assert!(matches!(
                c.plan_2013,
                PlanStatus::Classified {
                    categories: [PlanCategory::Declining],
                    ..
                }
            ));
        }
        let fushun = resource_city_status("抚顺");
        assert!(matches!(
            fushun.candidates[0].resource_exhausted,
            ExhaustedStatus::Listed {
                batch: 2,
                year: Some(2009),
                ..
            }
        ));
        assert_eq!(
            resource_city_status("Yichun").outcome,
            LookupOutcome::Ambiguous
        );
        assert_eq!(category_name(PlanCategory::Declining, Lang::Zh), "衰退型");
    }
}
