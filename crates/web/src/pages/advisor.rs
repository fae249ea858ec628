//! Strategy advisor: the diagnostics of one workspace city, computed by the same engines as the
//! other views and the CLI, run through `renewal_calc::advisor`'s rules; the page shows which
//! number triggered which of the paper's challenges (section 3) and strategies (section 4), the
//! rules checked that did not fire, and the diagnostics that could not be computed and what
//! they need.
//!
//! [`city_diagnostics`] is pure and tested natively; the view only formats its result.

use crate::components::export::ExportTable;
use crate::export::Src;
use crate::format::{adaptive, number, percent};
use crate::pages::energy;
use crate::pages::resources::{calculate, prefill, FormError};
use crate::province::{city_structure, latest_structure_year};
use crate::state::{City, Workspace};
use leptos::prelude::*;
use renewal_calc::advisor::{
    self, advise, Advice, Comparison, Finding, SectionHit, ThresholdSource, DIAGNOSTICS, RULES,
};
use renewal_calc::energy::grid_factor::default_grid_factor;
use renewal_calc::energy::EnergySource;
use renewal_calc::population::{self, PopulationYear};
use renewal_data::{IndicatorId, Lang};
use std::collections::BTreeMap;

// ---------------------------------------------------------------------------------------------
// Messages
// ---------------------------------------------------------------------------------------------

/// The page's messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum M {
    Heading,
    Intro,
    City,
    NoCity,
    Summary,
    NothingTriggered,
    FindingsHeading,
    Value,
    ThresholdFrom,
    Paper,
    Standard,
    Judgement,
    Challenges,
    Strategies,
    Why,
    ChallengesHeading,
    StrategiesHeading,
    TriggeredBy,
    NoSection,
    ClearHeading,
    ClearCaption,
    Diagnostic,
    Year,
    Result,
    NotTriggered,
    MissingHeading,
    MissingIntro,
    AllComputed,
    NeedIndicators,
    NeedProvince,
    NeedSectors,
    NeedExports,
    NeedEngine,
    NeedTwoYears,
    Or,
    MethodHeading,
    Method,
}

impl M {
    fn text(self, lang: Lang) -> &'static str {
        let (en, zh) = match self {
            Self::Heading => ("Strategy advisor", "策略建议"),
            Self::Intro => ("The advisor computes a city's diagnostics from your data with the calculator's engines (air quality, resource depletion, energy, industrial structure, population), compares each with a threshold, and points to the challenges of the paper's section 3 and the strategies of its section 4 that apply. Every finding shows the number that triggered it and where the threshold comes from.", "策略建议根据您的数据，用本计算器的各计算引擎（空气质量、资源枯竭、能源、产业结构、人口）计算城市的诊断指标，与阈值比较，并指出适用的论文第3节挑战和第4节策略。每条结论都列出触发它的数值及阈值来源。"),
            Self::City => ("City", "城市"),
            Self::NoCity => ("No city in your data yet: paste a table on the Your data page.", "您的数据中尚无城市：请在“我的数据”页面粘贴表格。"),
            Self::Summary => ("rules triggered, of the rules that could be checked:", "条规则被触发，可检查的规则共"),
            Self::NothingTriggered => ("No rule was triggered: every diagnostic that could be computed is on the good side of its threshold. That is a result, not missing data; the diagnostics that could not be computed are listed below.", "没有规则被触发：所有能计算的诊断指标都在阈值的良好一侧。这是计算结果，而非缺少数据；无法计算的指标列于下方。"),
            Self::FindingsHeading => ("What triggered", "触发的规则"),
            Self::Value => ("Value", "数值"),
            Self::ThresholdFrom => ("Threshold from", "阈值来源"),
            Self::Paper => ("the paper", "论文"),
            Self::Standard => ("a standard", "标准"),
            Self::Judgement => ("a judgement of this calculator", "本计算器的判断"),
            Self::Challenges => ("Challenges (paper, section 3)", "挑战（论文第3节）"),
            Self::Strategies => ("Strategies (paper, section 4)", "策略（论文第4节）"),
            Self::Why => ("Why", "说明"),
            Self::ChallengesHeading => ("Challenges that apply (paper, section 3)", "适用的挑战（论文第3节）"),
            Self::StrategiesHeading => ("Strategies that apply (paper, section 4)", "适用的策略（论文第4节）"),
            Self::TriggeredBy => ("triggered by", "触发指标"),
            Self::NoSection => ("None.", "无。"),
            Self::ClearHeading => ("Checked and not triggered", "已检查、未触发"),
            Self::ClearCaption => ("diagnostics on the good side of their threshold", "处于阈值良好一侧的诊断指标"),
            Self::Diagnostic => ("Diagnostic", "诊断指标"),
            Self::Year => ("Year(s)", "年份"),
            Self::Result => ("Result", "结果"),
            Self::NotTriggered => ("not triggered", "未触发"),
            Self::MissingHeading => ("Could not be computed", "无法计算"),
            Self::MissingIntro => ("These diagnostics are missing from the city's data; their rules were not checked.", "城市数据中缺少以下诊断指标，相应规则未检查。"),
            Self::AllComputed => ("Every diagnostic could be computed.", "所有诊断指标均已计算。"),
            Self::NeedIndicators => ("needs", "需要"),
            Self::NeedProvince => ("needs the city's province, which your data do not record (compare on the Population page)", "需要城市所在省份，您的数据未记录（可在“人口”页面比较）"),
            Self::NeedSectors => ("needs value added by industrial sector (the three-industry split cannot show concentration: its index is at least 1/3)", "需要按行业的增加值（三次产业划分无法反映集中度：其指数至少为 1/3）"),
            Self::NeedExports => ("needs exports by product", "需要按产品的出口额"),
            Self::NeedEngine => ("the values could not be used", "数值无法使用"),
            Self::NeedTwoYears => ("in two different years", "（至少两个不同年份）"),
            Self::Or => ("or", "或"),
            Self::MethodHeading => ("Method and sources", "方法与来源"),
            Self::Method => ("Diagnostics are computed as the command-line tool computes them (renewal depletion, energy, structure, population): air quality is the latest annual mean in your data; depletion uses the Resources page's reading of reserves and extraction; energy the Energy page's records with the default grid factor; shares are your latest year's; population measures come from renewal_calc::population. Rules and thresholds are the data table renewal_calc::advisor::RULES: the depletion criterion is the paper's own (section 3.2 (2)), air-quality thresholds are GB 3095 limits, the energy thresholds are the Northeast's growth in Figure 2, the others are stated judgements.", "诊断指标的计算方式与命令行工具相同（renewal depletion、energy、structure、population）：空气质量取您数据中最近一年的年均值；资源枯竭采用“资源”页面对储量和开采量的读取；能源采用“能源”页面的记录和默认电网排放因子；各占比取最近一年；人口指标来自 renewal_calc::population。规则与阈值为数据表 renewal_calc::advisor::RULES：资源枯竭判据来自论文本身（第3.2节(2)），空气质量阈值为 GB 3095 限值，能源阈值为图2中东北地区的增速，其余为注明理由的判断。"),
        };
        lang.pick(en, zh)
    }
}

// ---------------------------------------------------------------------------------------------
// Diagnostics from the workspace
// ---------------------------------------------------------------------------------------------

/// What a diagnostic that could not be computed needs.
#[derive(Debug, Clone, PartialEq)]
pub enum Need {
    /// Any one of these indicators (e.g. production or extraction) together with the others
    /// listed in `all`.
    Indicators {
        /// Needed together.
        all: Vec<IndicatorId>,
        /// At least one of these as well (empty when none).
        any: Vec<IndicatorId>,
        /// Whether two different years are needed (growth rates).
        two_years: bool,
    },
    /// The city's province (not recorded in the workspace).
    Province,
    /// Value added by sector, beyond the three industries.
    SectorBreakdown,
    /// Exports by product.
    ExportBreakdown,
    /// The data are there but an engine refused them; its message (English).
    Engine(String),
}

fn need(all: &[IndicatorId]) -> Need {
    Need::Indicators {
        all: all.to_vec(),
        any: Vec::new(),
        two_years: false,
    }
}

fn need_growth(all: &[IndicatorId]) -> Need {
    Need::Indicators {
        all: all.to_vec(),
        any: Vec::new(),
        two_years: true,
    }
}

/// The diagnostics of one city.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CityDiagnostics {
    /// Diagnostic id -> value, as `renewal advise` reads them.
    pub values: BTreeMap<String, f64>,
    /// The year (from, to; equal for one year) each value is about.
    pub years: BTreeMap<&'static str, (i32, i32)>,
    /// The diagnostics that could not be computed, in [`DIAGNOSTICS`] order, and what they need.
    pub missing: Vec<(&'static str, Need)>,
}

impl CityDiagnostics {
    fn set(&mut self, id: &'static str, value: f64, years: (i32, i32)) {
        self.values.insert(id.to_string(), value);
        self.years.insert(id, years);
    }

    fn miss(&mut self, id: &'static str, why: Need) {
        self.missing.push((id, why));
    }
}

const AIR: [(&str, IndicatorId); 4] = [
    ("air.pm25_annual_ug_m3", IndicatorId::Pm25),
    ("air.pm10_annual_ug_m3", IndicatorId::Pm10),
    ("air.so2_annual_ug_m3", IndicatorId::So2),
    ("air.no2_annual_ug_m3", IndicatorId::No2),
];

fn depletion(city: &City, d: &mut CityDiagnostics) {
    const RATIO: &str = "depletion.extraction_ratio";
    const YEARS: &str = "depletion.reserve_years";
    let needs = || Need::Indicators {
        all: vec![IndicatorId::ResourceReserves],
        any: vec![
            IndicatorId::ResourceProduction,
            IndicatorId::ResourceExtraction,
        ],
        two_years: false,
    };
    let Some(form) = prefill(city) else {
        d.miss(RATIO, needs());
        d.miss(YEARS, needs());
        return;
    };
    match calculate(&form) {
        Ok((input, report)) => {
            let from = input
                .production
                .first()
                .map_or(report.as_of_year, |p| p.year);
            d.set(RATIO, report.extraction_ratio, (from, report.as_of_year));
            match report.reserve_to_production_years {
                Some(rp) => d.set(YEARS, rp, (report.as_of_year, report.as_of_year)),
                None => d.miss(YEARS, need(&[IndicatorId::ResourceProduction])),
            }
        }
        Err(e) => {
            let why = match e {
                FormError::Depletion(e) => e.to_string(),
                other => format!("{other:?}"),
            };
            d.miss(RATIO, Need::Engine(why.clone()));
            d.miss(YEARS, Need::Engine(why));
        }
    }
}

fn energy_diagnostics(city: &City, d: &mut CityDiagnostics) {
    const SHARE: &str = "energy.renewable_share";
    const WIND: &str = "energy.wind_generation_cagr";
    const SOLAR: &str = "energy.solar_generation_cagr";
    let records = energy::city_records(city);
    let report = if records.is_empty() {
        None
    } else {
        match renewal_calc::energy::assess(&records, default_grid_factor().t_co2_per_mwh) {
            Ok(r) => Some(r),
            Err(e) => {
                for id in [SHARE, WIND, SOLAR] {
                    d.miss(id, Need::Engine(e.to_string()));
                }
                return;
            }
        }
    };
    let values = report.as_ref().map(energy::diagnostics).unwrap_or_default();
    let last = report
        .as_ref()
        .and_then(|r| r.years.last())
        .map_or(0, |y| y.year);
    match values.get(SHARE) {
        Some(&v) => d.set(SHARE, v, (last, last)),
        None => d.miss(
            SHARE,
            Need::Indicators {
                all: Vec::new(),
                any: vec![
                    IndicatorId::GenerationTotal,
                    IndicatorId::GenerationThermal,
                    IndicatorId::GenerationHydro,
                    IndicatorId::GenerationWind,
                    IndicatorId::GenerationSolar,
                ],
                two_years: false,
            },
        ),
    }
    for (id, source, indicator) in [
        (WIND, EnergySource::Wind, IndicatorId::GenerationWind),
        (SOLAR, EnergySource::Solar, IndicatorId::GenerationSolar),
    ] {
        let growth = report
            .as_ref()
            .and_then(|r| r.generation_growth.iter().find(|g| g.source == source));
        match (values.get(id), growth) {
            (Some(&v), Some(g)) => d.set(id, v, (g.from_year, g.to_year)),
            _ => d.miss(id, need_growth(&[indicator])),
        }
    }
}

fn latest_share(city: &City, indicator: IndicatorId) -> Option<(i32, f64)> {
    city.latest(indicator).map(|(y, v)| (y, v / 100.0))
}

fn structure(city: &City, d: &mut CityDiagnostics) {
    const SECONDARY: &str = "structure.secondary_share";
    let three = [
        IndicatorId::ValueAddedPrimary,
        IndicatorId::ValueAddedSecondary,
        IndicatorId::ValueAddedTertiary,
    ];
    match latest_structure_year(city).and_then(|y| city_structure(city, y)) {
        Some(Ok(s)) => {
            let total: f64 = s.value_added.iter().sum();
            let secondary = s.value_added.get(1).copied().unwrap_or(0.0);
            d.set(SECONDARY, secondary / total, (s.year, s.year));
        }
        Some(Err(e)) => d.miss(SECONDARY, Need::Engine(e.to_string())),
        None => d.miss(SECONDARY, need(&three)),
    }
    d.miss("structure.sector_hhi", Need::SectorBreakdown);
    for (id, indicator) in [
        ("structure.high_tech_share", IndicatorId::HighTechShare),
        (
            "exports.primary_materials_share",
            IndicatorId::PrimaryProductsExportShare,
        ),
    ] {
        match latest_share(city, indicator) {
            Some((y, v)) => d.set(id, v, (y, y)),
            None => d.miss(id, need(&[indicator])),
        }
    }
    d.miss("exports.hhi", Need::ExportBreakdown);
}

/// The population rows: counts in persons; the age groups and the tertiary-educated from their
/// shares (%) × population; the 15–64 share, when absent, as 100 − (0–14) − (65+).
pub fn population_rows(city: &City) -> Vec<PopulationYear> {
    let at = |id: IndicatorId, y: i32| city.series.get(&id).and_then(|s| s.get(&y)).copied();
    city.annual(IndicatorId::Population)
        .into_iter()
        .map(|(year, population)| {
            let persons = |share: Option<f64>| share.map(|s| s / 100.0 * population);
            let a0 = at(IndicatorId::Age0To14Share, year);
            let a65 = at(IndicatorId::Age65PlusShare, year);
            let a15 = at(IndicatorId::Age15To64Share, year).or(match (a0, a65) {
                (Some(a), Some(b)) => Some(100.0 - a - b),
                _ => None,
            });
            PopulationYear {
                year,
                population,
                births: at(IndicatorId::Births, year),
                deaths: at(IndicatorId::Deaths, year),
                natural_growth_rate_permille: at(IndicatorId::NaturalGrowthRate, year),
                age_0_14: persons(a0),
                age_15_64: persons(a15),
                age_65_plus: persons(a65),
                tertiary_educated: persons(at(IndicatorId::TertiaryEducatedShare, year)),
            }
        })
        .collect()
}

fn population_diagnostics(city: &City, d: &mut CityDiagnostics) {
    const MIGRATION: &str = "population.net_migration_per_1000";
    const CAGR: &str = "population.cagr";
    const DEPENDENCY: &str = "population.old_age_dependency_per_100";
    const TERTIARY: &str = "population.tertiary_share";
    let rows = population_rows(city);
    let report = if rows.is_empty() {
        None
    } else {
        match population::assess(&rows) {
            Ok(r) => Some(r),
            Err(e) => {
                for id in [MIGRATION, CAGR, DEPENDENCY, TERTIARY] {
                    d.miss(id, Need::Engine(e.to_string()));
                }
                d.miss("population.cagr_minus_province", Need::Province);
                return;
            }
        }
    };
    let migration = report.as_ref().and_then(|r| {
        r.intervals.iter().rev().find_map(|i| {
            i.net_migration_per_1000
                .map(|m| (m, i.from_year, i.to_year))
        })
    });
    match migration {
        Some((m, a, b)) => d.set(MIGRATION, m, (a, b)),
        None => d.miss(
            MIGRATION,
            Need::Indicators {
                all: vec![IndicatorId::Population],
                any: vec![
                    IndicatorId::NaturalGrowthRate,
                    IndicatorId::Births,
                    IndicatorId::Deaths,
                ],
                two_years: true,
            },
        ),
    }
    match report
        .as_ref()
        .and_then(|r| r.overall.cagr.map(|c| (c, &r.overall)))
    {
        Some((c, o)) => d.set(CAGR, c, (o.from_year, o.to_year)),
        None => d.miss(CAGR, need_growth(&[IndicatorId::Population])),
    }
    d.miss("population.cagr_minus_province", Need::Province);
    let latest = |pick: fn(&population::YearStructure) -> Option<f64>| {
        report.as_ref().and_then(|r| {
            r.years
                .iter()
                .rev()
                .find_map(|y| pick(y).map(|v| (y.year, v)))
        })
    };
    match latest(|y| y.old_age_dependency_per_100) {
        Some((y, v)) => d.set(DEPENDENCY, v, (y, y)),
        None => d.miss(
            DEPENDENCY,
            need(&[
                IndicatorId::Population,
                IndicatorId::Age0To14Share,
                IndicatorId::Age65PlusShare,
            ]),
        ),
    }
    match latest(|y| y.tertiary_share) {
        Some((y, v)) => d.set(TERTIARY, v, (y, y)),
        None => d.miss(
            TERTIARY,
            need(&[IndicatorId::Population, IndicatorId::TertiaryEducatedShare]),
        ),
    }
}

/// Every diagnostic of [`DIAGNOSTICS`] for `city`: computed, or listed as missing with what it
/// needs. Air quality is the latest annual mean the city holds; the others as the CLI's
/// subcommands compute them (see the module's method text).
pub fn city_diagnostics(city: &City) -> CityDiagnostics {
    let mut d = CityDiagnostics::default();
    depletion(city, &mut d);
    for (id, indicator) in AIR {
        match city.latest(indicator) {
            Some((y, v)) => d.set(id, v, (y, y)),
            None => d.miss(id, need(&[indicator])),
        }
    }
    energy_diagnostics(city, &mut d);
    structure(city, &mut d);
    population_diagnostics(city, &mut d);
    // Keep the catalogue's order for the page.
    let order = |id: &str| {
        DIAGNOSTICS
            .iter()
            .position(|x| x.id == id)
            .unwrap_or(usize::MAX)
    };
    d.missing.sort_by_key(|(id, _)| order(id));
    d
}

/// The advice for a city: its diagnostics and the rules' verdicts.
///
/// # Errors
/// The advisor's refusal (an unknown id or a non-finite value: a bug here, not user input), as
/// its message.
pub fn city_advice(city: &City) -> Result<(CityDiagnostics, Advice), String> {
    let d = city_diagnostics(city);
    let advice = advise(&d.values).map_err(|e| e.to_string())?;
    Ok((d, advice))
}

// ---------------------------------------------------------------------------------------------
// Words and numbers
// ---------------------------------------------------------------------------------------------

/// A diagnostic's name in `lang`.
pub fn diagnostic_name(id: &str, lang: Lang) -> String {
    let name = advisor::diagnostic(id).map_or(id, |d| lang.pick(d.en, d.zh));
    // The engine's English names are lower case (they read inside a sentence); as a heading or
    // a table's first cell they start with a capital.
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A value in its diagnostic's unit, for the page: fractions as percentages, growth as % per
/// year, concentrations in µg/m³, and so on.
pub fn format_value(id: &str, v: f64, lang: Lang) -> String {
    let unit = advisor::diagnostic(id).map(|d| d.unit).unwrap_or_default();
    match unit {
        "fraction" => percent(v, 1, lang),
        "fraction per year" => format!("{}{}", percent(v, 2, lang), lang.pick(" per year", "/年")),
        "µg/m³" => format!("{} µg/m³", adaptive(v, lang)),
        "years" => format!("{} {}", number(v, 1, lang), lang.pick("years", "年")),
        "0-1" => number(v, 3, lang),
        "per 100 aged 15–64" => format!(
            "{} {}",
            number(v, 1, lang),
            lang.pick("per 100 aged 15–64", "（每百名15–64岁人口）")
        ),
        u if u.starts_with('‰') => format!("{}‰", number(v, 2, lang)),
        _ => adaptive(v, lang),
    }
}

/// The comparison in words.
pub fn comparison_words(c: Comparison, lang: Lang) -> &'static str {
    match c {
        Comparison::Above => lang.pick("above", "高于"),
        Comparison::AtLeast => lang.pick("at or above", "不低于"),
        Comparison::Below => lang.pick("below", "低于"),
        Comparison::AtMost => lang.pick("at or below", "不高于"),
    }
}

/// The negation, for rules that did not fire.
pub fn negated_words(c: Comparison, lang: Lang) -> &'static str {
    match c {
        Comparison::Above => lang.pick("not above", "不高于"),
        Comparison::AtLeast => lang.pick("below", "低于"),
        Comparison::Below => lang.pick("not below", "不低于"),
        Comparison::AtMost => lang.pick("above", "高于"),
    }
}

fn years_text(y: Option<(i32, i32)>) -> String {
    match y {
        Some((a, b)) if a == b => a.to_string(),
        Some((a, b)) => format!("{a}–{b}"),
        None => crate::format::NO_VALUE.into(),
    }
}

/// What a missing diagnostic needs, in words.
pub fn need_text(n: &Need, lang: Lang) -> String {
    match n {
        Need::Indicators {
            all,
            any,
            two_years,
        } => {
            let names = |ids: &[IndicatorId], sep: &str| {
                ids.iter()
                    .map(|i| i.name(lang))
                    .collect::<Vec<_>>()
                    .join(sep)
            };
            let mut parts = Vec::new();
            if !all.is_empty() {
                parts.push(names(all, lang.pick(", ", "、")));
            }
            if !any.is_empty() {
                let or = format!(" {} ", M::Or.text(lang));
                parts.push(names(any, &or));
            }
            let joiner = lang.pick(" and ", "以及");
            let mut s = format!("{} {}", M::NeedIndicators.text(lang), parts.join(joiner));
            if *two_years {
                s.push(' ');
                s.push_str(M::NeedTwoYears.text(lang));
            }
            s
        }
        Need::Province => M::NeedProvince.text(lang).into(),
        Need::SectorBreakdown => M::NeedSectors.text(lang).into(),
        Need::ExportBreakdown => M::NeedExports.text(lang).into(),
        Need::Engine(why) => format!("{}: {why}", M::NeedEngine.text(lang)),
    }
}

fn source_kind(s: &ThresholdSource, lang: Lang) -> (&'static str, &'static str) {
    match s {
        ThresholdSource::Paper { reference } => (M::Paper.text(lang), reference),
        ThresholdSource::Standard { reference } => (M::Standard.text(lang), reference),
        ThresholdSource::Judgement { reason } => (M::Judgement.text(lang), reason),
    }
}

/// Sections as "4.6 Title; 4.7 Title", or "None." when the rule points to none.
fn sections_text(ids: &[&str], lang: Lang) -> String {
    if ids.is_empty() {
        return M::NoSection.text(lang).into();
    }
    ids.iter()
        .map(|s| section_title(s, lang))
        .collect::<Vec<_>>()
        .join(lang.pick("; ", "；"))
}

fn section_title(id: &str, lang: Lang) -> String {
    advisor::section(id)
        .map(|s| format!("{id} {}", lang.pick(s.en, s.zh)))
        .unwrap_or_else(|| id.to_string())
}

// ---------------------------------------------------------------------------------------------
// The view
// ---------------------------------------------------------------------------------------------

/// The advisor page.
#[component]
pub fn AdvisorPage() -> impl IntoView {
    let lang = expect_context::<RwSignal<Lang>>();
    let workspace = expect_context::<RwSignal<Workspace>>();
    let t = move |m: M| move || m.text(lang.get());
    let city_id = RwSignal::new(workspace.with_untracked(|ws| ws.visible().next().map(|c| c.id)));
    let city = move || {
        workspace.with(|ws| {
            city_id
                .get()
                .and_then(|id| ws.city(id))
                .or_else(|| ws.visible().next())
                .cloned()
        })
    };
    view! {
        <section class="page advisor-page" aria-labelledby="advisor-heading">
            <h2 id="advisor-heading">{t(M::Heading)}</h2>
            <p class="lead">{t(M::Intro)}</p>
            {move || {
                let cities: Vec<(u32, String)> = workspace
                    .with(|ws| ws.visible().map(|c| (c.id, c.name.clone())).collect());
                if cities.is_empty() {
                    return view! { <p class="note">{t(M::NoCity)}</p> }.into_any();
                }
                view! {
                    <div class="card context-controls">
                        <label for="advisor-city">{t(M::City)}</label>
                        <select id="advisor-city" on:change=move |ev| city_id.set(event_target_value(&ev).parse().ok())>
                            {cities
                                .into_iter()
                                .map(|(id, name)| view! {
                                    <option value=id.to_string() selected=move || city_id.get() == Some(id)>{name}</option>
                                })
                                .collect_view()}
                        </select>
                    </div>
                }
                .into_any()
            }}
            {move || city().map(|c| match city_advice(&c) {
                Ok((d, advice)) => advice_view(c.name.clone(), d, advice, lang.get()).into_any(),
                Err(e) => view! { <p class="form-error" role="alert" lang="en">{e}</p> }.into_any(),
            })}
            <section class="card" aria-labelledby="advisor-method">
                <h3 id="advisor-method">{t(M::MethodHeading)}</h3>
                <p>{t(M::Method)}</p>
                <p class="provenance">
                    {move || lang.get().pick(renewal_data::baseline::PAPER_CITATION, renewal_data::baseline::PAPER_CITATION_ZH)}
                    {move || lang.get().pick(", sections 3 and 4.", "，第3、4节。")}
                </p>
            </section>
        </section>
    }
}

fn advice_view(city: String, d: CityDiagnostics, advice: Advice, lang: Lang) -> impl IntoView {
    let t = move |m: M| m.text(lang);
    let fired = advice.findings.len();
    let checked = fired + advice.not_triggered.len();
    let years = d.years.clone();
    let findings = advice.findings.clone();
    let clear = advice.not_triggered.clone();
    let missing = d.missing.clone();
    let challenges = advice.challenges.clone();
    let strategies = advice.strategies.clone();
    view! {
        <p class="advisor-summary" role="status">
            <strong>{city.clone()}": "</strong>
            {match lang {
                Lang::Zh => format!("{fired} {} {checked} 条。", M::Summary.text(Lang::Zh)),
                _ => format!("{fired} {} {checked}.", M::Summary.text(Lang::En)),
            }}
        </p>
        {(fired == 0).then(|| view! { <p class="advisor-clear">{t(M::NothingTriggered)}</p> })}
        {(fired > 0).then(|| {
            let years = years.clone();
            view! {
                <section class="card" aria-labelledby="advisor-findings">
                    <h3 id="advisor-findings">{t(M::FindingsHeading)}</h3>
                    <ul class="advisor-findings">
                        {findings.into_iter().map(|f| { let y = years.get(f.rule.diagnostic).copied(); finding_view(f, y, lang) }).collect_view()}
                    </ul>
                </section>
                <section class="card" aria-labelledby="advisor-challenges">
                    <h3 id="advisor-challenges">{t(M::ChallengesHeading)}</h3>
                    {sections_view(challenges, lang)}
                    <h3 id="advisor-strategies">{t(M::StrategiesHeading)}</h3>
                    {sections_view(strategies, lang)}
                </section>
            }
        })}
        <section class="card" aria-labelledby="advisor-clear">
            <h3 id="advisor-clear">{t(M::ClearHeading)}</h3>
            {if clear.is_empty() {
                view! { <p>{t(M::NoSection)}</p> }.into_any()
            } else {
                view! {
                    <ExportTable source=Src::Advisor.text(lang).to_string()>
                        <table class="data-table">
                            <caption>{format!("{city}: {}", M::ClearCaption.text(lang))}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{t(M::Diagnostic)}</th>
                                    <th scope="col">{t(M::Year)}</th>
                                    <th scope="col" class="num">{t(M::Value)}</th>
                                    <th scope="col">{t(M::Result)}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {clear.into_iter().map(|c| {
                                    let y = years_text(years.get(c.diagnostic).copied());
                                    view! {
                                        <tr>
                                            <th scope="row">{diagnostic_name(c.diagnostic, lang)}</th>
                                            <td>{y}</td>
                                            <td class="num">{format_value(c.diagnostic, c.value, lang)}</td>
                                            <td>{{
                                                let l = lang;
                                                format!("{} ({} {})", M::NotTriggered.text(l), negated_words(c.comparison, l), format_value(c.diagnostic, c.threshold, l))
                                            }}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </ExportTable>
                }.into_any()
            }}
        </section>
        <section class="card" aria-labelledby="advisor-missing">
            <h3 id="advisor-missing">{t(M::MissingHeading)}</h3>
            {if missing.is_empty() {
                view! { <p>{t(M::AllComputed)}</p> }.into_any()
            } else {
                view! {
                    <p>{t(M::MissingIntro)}</p>
                    <ul class="advisor-missing">
                        {missing.into_iter().map(|(id, n)| view! {
                            <li><strong>{diagnostic_name(id, lang)}</strong>": "{need_text(&n, lang)}</li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

fn finding_view(f: Finding, years: Option<(i32, i32)>, lang: Lang) -> impl IntoView {
    let t = move |m: M| m.text(lang);
    let rule = f.rule;
    let id = rule.diagnostic;
    view! {
        <li class="advisor-finding">
            <h4>{diagnostic_name(id, lang)}</h4>
            <dl class="advisor-dl">
                <dt>{t(M::Value)}</dt>
                <dd>
                    <strong>{format_value(id, f.value, lang)}</strong>
                    " ("{years_text(years)}"), "
                    {comparison_words(rule.comparison, lang)}" "
                    {format_value(id, rule.threshold, lang)}
                    " "<code class="advisor-rule">{format!("{} {} {}", rule.diagnostic, rule.comparison.symbol(), rule.threshold)}</code>
                </dd>
                <dt>{t(M::ThresholdFrom)}</dt>
                <dd>
                    {source_kind(&rule.threshold_source, lang).0}": "
                    <span lang="en">{source_kind(&rule.threshold_source, Lang::En).1}</span>
                </dd>
                <dt>{t(M::Challenges)}</dt>
                <dd>{sections_text(rule.challenges, lang)}</dd>
                <dt>{t(M::Strategies)}</dt>
                <dd>{sections_text(rule.strategies, lang)}</dd>
                <dt>{t(M::Why)}</dt>
                <dd>{lang.pick(rule.explanation_en, rule.explanation_zh).to_string()}</dd>
            </dl>
        </li>
    }
}

fn sections_view(hits: Vec<SectionHit>, lang: Lang) -> impl IntoView {
    let t = move |m: M| m.text(lang);
    if hits.is_empty() {
        return view! { <p>{t(M::NoSection)}</p> }.into_any();
    }
    view! {
        <ul class="advisor-sections">
            {hits.into_iter().map(|h| {
                let id = h.section.id;
                let rules = h.triggered_by.clone();
                view! {
                    <li>
                        <strong>{section_title(id, lang)}</strong>
                        " — "{t(M::TriggeredBy)}": "
                        {{
                            let l = lang;
                            rules
                                .iter()
                                .filter_map(|r| RULES.iter().find(|x| x.id == *r))
                                .map(|r| diagnostic_name(r.diagnostic, l))
                                .collect::<Vec<_>>()
                                .join(l.pick("; ", "；"))
                        }}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
    }

    fn city(series: &[(IndicatorId, &[(i32, f64)])]) -> City {
        City {
            id: 1,
            name: "Town".into(),
            hidden: false,
            example: false,
            series: series
                .iter()
                .map(|(i, pts)| (*i, pts.iter().copied().collect()))
                .collect(),
        }
    }

    #[test]
    fn every_diagnostic_is_either_computed_or_listed_as_missing() {
        for c in [
            Workspace::with_example(Lang::En).cities[0].clone(),
            city(&[]),
            city(&[(IndicatorId::Pm25, &[(2022, 40.0)])]),
        ] {
            let d = city_diagnostics(&c);
            for diag in DIAGNOSTICS {
                let computed = d.values.contains_key(diag.id);
                let missing = d.missing.iter().any(|(id, _)| *id == diag.id);
                assert!(
                    computed != missing,
                    "{}: computed {computed}, missing {missing}",
                    diag.id
                );
            }
        }
    }

    #[test]
    fn an_empty_city_needs_everything_and_triggers_nothing() {
        let (d, advice) = city_advice(&city(&[])).unwrap();
        assert!(d.values.is_empty());
        assert_eq!(d.missing.len(), DIAGNOSTICS.len());
        assert!(advice.findings.is_empty());
        let pm = d
            .missing
            .iter()
            .find(|(id, _)| *id == "air.pm25_annual_ug_m3")
            .unwrap();
        assert_eq!(need_text(&pm.1, Lang::En), "needs PM2.5");
        let dep = d
            .missing
            .iter()
            .find(|(id, _)| *id == "depletion.extraction_ratio")
            .unwrap();
        assert_eq!(
            need_text(&dep.1, Lang::En),
            "needs Resource reserves and Resource production or Resource extraction"
                .replace(
                    "Resource reserves",
                    IndicatorId::ResourceReserves.name(Lang::En)
                )
                .replace(
                    "Resource production",
                    IndicatorId::ResourceProduction.name(Lang::En)
                )
                .replace(
                    "Resource extraction",
                    IndicatorId::ResourceExtraction.name(Lang::En)
                )
        );
        let wind = d
            .missing
            .iter()
            .find(|(id, _)| *id == "energy.wind_generation_cagr")
            .unwrap();
        assert!(need_text(&wind.1, Lang::Zh).contains("风电发电量"));
        assert!(need_text(&wind.1, Lang::Zh).contains("两个不同年份"));
    }

    #[test]
    fn a_city_inside_every_threshold_triggers_nothing() {
        // PM2.5 30 µg/m³ is not above 30 (GB 3095-2026 transition) nor 35 (GB 3095-2012).
        let c = city(&[(IndicatorId::Pm25, &[(2021, 50.0), (2022, 30.0)])]);
        let (d, advice) = city_advice(&c).unwrap();
        assert_eq!(d.values["air.pm25_annual_ug_m3"], 30.0);
        assert_eq!(d.years["air.pm25_annual_ug_m3"], (2022, 2022));
        assert!(advice.findings.is_empty());
        assert_eq!(advice.not_triggered.len(), 2);
    }

    #[test]
    fn the_fictional_example_city_by_hand() {
        let c = Workspace::with_example(Lang::En).cities[0].clone();
        let (d, advice) = city_advice(&c).unwrap();
        let v = |id: &str| d.values[id];
        // Air: 2022 annual means of the example (PM2.5 33, PM10 58, SO2 11, NO2 27).
        assert_eq!(v("air.pm25_annual_ug_m3"), 33.0);
        assert_eq!(v("air.no2_annual_ug_m3"), 27.0);
        // Energy 2022 (GWh): thermal 13,080 (as coal), hydro 520, wind 3,300, solar 1,620,
        // biomass 260; renewable share = (520 + 3300 + 1620 + 260) / 18,780 = 5,700 / 18,780.
        assert!(close(v("energy.renewable_share"), 5700.0 / 18780.0));
        // Wind 1,240 -> 3,300 over 2014–2022: (3300/1240)^(1/8) − 1 = 0.130… ; solar 40 -> 1,620:
        // (40.5)^(1/8) − 1 = 0.588…
        assert!(close(
            v("energy.wind_generation_cagr"),
            (3300.0f64 / 1240.0).powf(0.125) - 1.0
        ));
        assert!(close(
            v("energy.solar_generation_cagr"),
            40.5f64.powf(0.125) - 1.0
        ));
        assert_eq!(d.years["energy.wind_generation_cagr"], (2014, 2022));
        // Structure 2022: secondary 900 / (168 + 900 + 1120) = 900 / 2188.
        assert!(close(v("structure.secondary_share"), 900.0 / 2188.0));
        assert!(close(v("structure.high_tech_share"), 0.085));
        assert!(close(v("exports.primary_materials_share"), 0.28));
        // Population: 3,400,000 -> 3,172,000 over 8 years: CAGR = (3172/3400)^(1/8) − 1.
        assert!(close(
            v("population.cagr"),
            (3172.0f64 / 3400.0).powf(0.125) - 1.0
        ));
        // 2022 old-age dependency = 17.6 / (100 − 9.8 − 17.6) × 100 = 17.6 / 72.6 × 100.
        assert!(close(
            v("population.old_age_dependency_per_100"),
            17.6 / 72.6 * 100.0
        ));
        assert!(close(v("population.tertiary_share"), 0.192));
        // Net migration 2021→2022: change −43,000 minus natural increase (12,800 − 30,600 =
        // −17,800) = −25,200, per 1,000 of the mid-year population (3,215,000 + 3,172,000) / 2.
        assert!(close(
            v("population.net_migration_per_1000"),
            -25_200.0 / 3_193_500.0 * 1000.0
        ));
        // Depletion: extraction 2014–2022 sums to 92.6 Mt of 420 Mt: 0.2205 (below 0.70).
        assert!((v("depletion.extraction_ratio") - 92.6 / 420.0).abs() < 1e-6);

        let fired: Vec<&str> = advice.findings.iter().map(|f| f.rule.id).collect();
        // Triggered: wind 13.0 % < 13.57 % and solar 58.8 % < 74.87 % (Northeast, Figure 2);
        // renewable share 30.4 % is not < 30 %;
        // high-tech 8.5 % < 15 %; primary exports 28 % < 30 % (not triggered); shrinking and
        // out-migration; PM2.5 33 > 30 (2026 transition), not > 35.
        assert!(
            fired.contains(&"energy_wind_growth_below_northeast"),
            "{fired:?}"
        );
        assert!(fired.contains(&"energy_solar_growth_below_northeast"));
        assert!(!fired.contains(&"energy_renewable_share_low"));
        assert!(fired.contains(&"structure_high_tech_low"));
        assert!(!fired.contains(&"exports_primary_materials_high"));
        assert!(fired.contains(&"population_shrinking"));
        assert!(fired.contains(&"population_net_out_migration"));
        assert!(fired.contains(&"air_pm25_gb3095_2026_transition"));
        assert!(!fired.contains(&"air_pm25_gb3095_2012"));
        assert!(!fired.contains(&"depletion_extraction_ratio"));
        // Old-age dependency 24.2 per 100 >= 20.
        assert!(fired.contains(&"population_old_age_dependency_high"));
        assert!(advice.strategies.iter().any(|h| h.section.id == "4.6"));
        assert!(
            advice.challenges.iter().any(|h| h.section.id == "3.3(1)"),
            "{:?}",
            advice.challenges
        );
        // What cannot come from a workspace: the province, sector and export breakdowns.
        let missing: Vec<&str> = d.missing.iter().map(|(id, _)| *id).collect();
        assert_eq!(
            missing,
            vec![
                "structure.sector_hhi",
                "exports.hhi",
                "population.cagr_minus_province"
            ]
        );
    }

    #[test]
    fn values_are_formatted_in_their_units() {
        assert_eq!(
            format_value("energy.renewable_share", 0.30351, Lang::En),
            "30.4%"
        );
        assert_eq!(
            format_value("energy.wind_generation_cagr", 0.135_699, Lang::Zh),
            "13.57%/年"
        );
        assert_eq!(
            format_value("air.pm25_annual_ug_m3", 33.0, Lang::En),
            "33.0 µg/m³"
        );
        assert_eq!(
            format_value("depletion.reserve_years", 4.25, Lang::En),
            "4.2 years"
        );
        assert_eq!(
            format_value("population.net_migration_per_1000", -7.891, Lang::En),
            "-7.89‰"
        );
        assert_eq!(format_value("exports.hhi", 0.25, Lang::En), "0.250");
        assert_eq!(comparison_words(Comparison::Below, Lang::Zh), "低于");
        assert_eq!(
            diagnostic_name("energy.wind_generation_cagr", Lang::En),
            "Wind generation compound annual growth"
        );
        assert_eq!(
            diagnostic_name("population.cagr", Lang::Zh),
            "人口年均增长率"
        );
        assert_eq!(sections_text(&[], Lang::Zh), "无。");
        assert_eq!(sections_text(&["4.6"], Lang::En).get(..4), Some("4.6 "));
        assert_eq!(negated_words(Comparison::AtLeast, Lang::En), "below");
    }
}
