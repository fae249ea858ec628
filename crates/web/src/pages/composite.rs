//! Composite index: the cities held (and the Northeast reference where the paper's Table 1
//! allows it) ranked by TOPSIS on the indicators the user picks, with the weighting method,
//! the ranks and closeness, a radar chart of dimension sub-scores, the robustness checks and
//! the whole working table. The logic lives in [`crate::composite`]; this file only shows it.
//!
//! Length note: about a fifth of the file is the two-language message catalogue and most of the
//! rest is markup (five sections of captioned tables); the tables share one `table` helper.

use crate::components::chart::EChart;
use crate::components::export::ExportTable;
use crate::composite::{
    assemble, available, default_criteria, default_direction, default_year, dimension_name,
    equal_weight_texts, parse_manual, radar_chart, radar_data, run, years, Assembly, Criterion,
    NortheastStatus, Outcome, RunError, WeightInputError, Weighting, PERTURBATION,
};
use crate::export::Src;
use crate::format::{adaptive, number, percent};
use crate::route::Page;
use crate::state::Workspace;
use leptos::prelude::*;
use renewal_calc::composite::{
    CompositeError, DimensionOutcome, Direction, LeaveOneOutOutcome, Normalisation, WeightDetail,
};
use renewal_data::{IndicatorId, Lang};
use std::collections::BTreeMap;

/// The page's messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum M {
    Heading,
    Intro,
    Choices,
    Year,
    NoYears,
    IncludeNortheast,
    Normalisation,
    NormVector,
    NormMinMax,
    NormZScore,
    Weighting,
    WEqual,
    WEntropy,
    WCritic,
    WManual,
    Criteria,
    CriteriaHelp,
    Indicator,
    Use,
    DirectionOf,
    WeightOf,
    Benefit,
    Cost,
    Direction,
    ManualHelp,
    NotANumber,
    Negative,
    WeightSum,
    ResultsHidden,
    NoCriteria,
    TooFew,
    Excluded,
    NortheastIncluded,
    NortheastYear,
    NortheastNotInTable,
    Results,
    ResultsCaption,
    Rank,
    Alternative,
    Closeness,
    SubScores,
    SubScoresCaption,
    RadarTitle,
    RadarNeedsThree,
    Dimension,
    ZeroWeight,
    NoSpread,
    Robustness,
    PerturbationText,
    PerturbationCaption,
    BaseRank,
    ShareAtBase,
    MeanRank,
    RankRange,
    MethodsCaption,
    LeaveOneOutCaption,
    LeftOut,
    Spearman,
    Failed,
    WorkingTable,
    RawCaption,
    NormalisedCaption,
    WeightsCaption,
    Weight,
    Entropy,
    Divergence,
    StdDev,
    Information,
    WeightedCaption,
    Ideal,
    AntiIdeal,
    DistancesCaption,
    DPlus,
    DMinus,
    Method,
    MethodText,
    AddData,
    Current,
    BenefitShort,
    CostShort,
    NoValues,
}

impl M {
    fn text(self, lang: Lang) -> &'static str {
        let (en, zh) = match self {
            Self::Heading => ("Composite index", "综合指数"),
            Self::Intro => ("Ranks the cities you hold, and the Northeast where the paper's figures allow it, on several indicators at once with TOPSIS: each alternative's closeness to an ideal that is best on every chosen indicator (1 = the ideal, 0 = worst on everything). Choose the year, the indicators with their direction, and how they are weighted.", "用 TOPSIS 法同时按多个指标对您持有的城市（以及论文数据允许时的东北地区）排序：各备选方案与“各所选指标均最优”的理想解的贴近度（1 为理想解，0 为各项均最差）。请选择年份、指标及其方向和赋权方法。"),
            Self::Choices => ("Indicators and weights", "指标与权重"),
            Self::Year => ("Year", "年份"),
            Self::NoYears => ("No annual values yet: add cities on the Your data page.", "尚无年度数据：请在“我的数据”页面添加城市。"),
            Self::IncludeNortheast => ("Include the Northeast reference (paper, Table 1)", "纳入东北地区参照（论文表1）"),
            Self::Normalisation => ("Normalisation", "标准化方法"),
            Self::NormVector => ("Vector (TOPSIS original)", "向量标准化（TOPSIS 原法）"),
            Self::NormMinMax => ("Min–max", "极差标准化"),
            Self::NormZScore => ("z-score", "z 分数"),
            Self::Weighting => ("Weighting method", "赋权方法"),
            Self::WEqual => ("Equal", "等权"),
            Self::WEntropy => ("Entropy", "熵权法"),
            Self::WCritic => ("CRITIC", "CRITIC 法"),
            Self::WManual => ("Manual", "手动"),
            Self::Criteria => ("Indicators (criteria)", "指标（准则）"),
            Self::CriteriaHelp => ("Indicators with a value in the chosen year for at least one city. Cost: lower is better (air pollutants, fossil generation, resource extraction, deaths…); benefit: higher is better. A city without a value of a ticked indicator in that year is left out.", "所选年份至少一个城市有数值的指标。成本型：越低越好（空气污染物、化石能源发电、资源开采、死亡等）；效益型：越高越好。缺少某个已勾选指标当年数值的城市将被排除。"),
            Self::Indicator => ("Indicator", "指标"),
            Self::Use => ("Use", "纳入"),
            Self::DirectionOf => ("Direction: ", "方向："),
            Self::WeightOf => ("Weight: ", "权重："),
            Self::Benefit => ("benefit (higher is better)", "效益型（越高越好）"),
            Self::Cost => ("cost (lower is better)", "成本型（越低越好）"),
            Self::Direction => ("Direction", "方向"),
            Self::ManualHelp => ("Manual weights must sum to 1 (a decimal comma is accepted).", "手动权重之和须为 1（可用小数逗号）。"),
            Self::NotANumber => ("Weight of {ind}: “{raw}” is not a number.", "{ind} 的权重：“{raw}”不是数字。"),
            Self::Negative => ("Weight of {ind}: {value} is negative; weights are 0 or more.", "{ind} 的权重：{value} 为负数；权重须不小于 0。"),
            Self::WeightSum => ("The weights sum to {sum}, not 1: change them so that they add up to 1 (now {gap}).", "权重之和为 {sum}，不等于 1：请修改使其合计为 1（当前相差 {gap}）。"),
            Self::ResultsHidden => ("Results appear when the weights are valid; nothing you typed is lost.", "权重有效后显示结果；您输入的内容不会丢失。"),
            Self::NoCriteria => ("Tick at least one indicator.", "请至少勾选一个指标。"),
            Self::TooFew => ("Fewer than two alternatives ({got}) for {year}: a composite index ranks alternatives against each other. Add another city with values of the ticked indicators for this year on the Your data page, or tick only the paper's Table 1 pollutants (PM2.5, PM10, SO2, CO, NO2, O3) in a year from 2014 to 2022 so that the Northeast joins as a reference.", "{year} 年的备选方案少于两个（{got} 个）：综合指数是在备选方案之间相互比较排序。请在“我的数据”页面添加另一个具有该年所勾选指标数值的城市，或只勾选论文表1中的污染物（PM2.5、PM10、SO2、CO、NO2、O3）并选择 2014–2022 年之间的年份，使东北地区作为参照加入。"),
            Self::Excluded => ("Left out for lack of values in {year}:", "因 {year} 年缺少数值而排除："),
            Self::NortheastIncluded => ("The Northeast reference is the paper's Table 1 for {year} (annual means as printed).", "东北地区参照取自论文表1的 {year} 年数值（按原文年均值）。"),
            Self::NortheastYear => ("The Northeast reference is not included: the paper's Table 1 covers 2014–2022 only.", "未纳入东北地区参照：论文表1仅覆盖 2014–2022 年。"),
            Self::NortheastNotInTable => ("The Northeast reference is not included: the paper's Table 1 gives only PM2.5, PM10, SO2, CO, NO2 and O3, not {list}.", "未纳入东北地区参照：论文表1只有 PM2.5、PM10、SO2、CO、NO2 和 O3，没有 {list}。"),
            Self::Results => ("Ranks and closeness", "排名与贴近度"),
            Self::ResultsCaption => ("TOPSIS ranks and closeness", "TOPSIS 排名与贴近度"),
            Self::Rank => ("Rank", "排名"),
            Self::Alternative => ("Alternative", "备选方案"),
            Self::Closeness => ("Closeness", "贴近度"),
            Self::SubScores => ("Dimension sub-scores", "维度分项得分"),
            Self::SubScoresCaption => ("Closeness within each dimension (TOPSIS on its indicators only)", "各维度内的贴近度（仅用该维度指标的 TOPSIS）"),
            Self::RadarTitle => ("Sub-scores by dimension (0–1)", "各维度分项得分（0–1）"),
            Self::RadarNeedsThree => ("The radar chart needs indicators from at least three dimensions (air quality, resources, energy, industry, population); the table shows the sub-scores there are.", "雷达图需要至少三个维度（空气质量、资源、能源、产业结构、人口）的指标；下表列出现有的分项得分。"),
            Self::Dimension => ("Dimension", "维度"),
            Self::ZeroWeight => ("no score: all its weights are 0", "无得分：权重均为 0"),
            Self::NoSpread => ("no score: all alternatives are equal on it", "无得分：各备选方案在该维度上相同"),
            Self::Robustness => ("Robustness", "稳健性"),
            Self::PerturbationText => ("Weights perturbed at random {runs} times (each multiplied by a factor between {lo} and {hi}, then rescaled to sum 1; seed {seed}). Mean Spearman correlation with the base ranking: {mean}; lowest: {min}.", "权重随机扰动 {runs} 次（每个权重乘以 {lo} 至 {hi} 之间的因子后重新归一；种子 {seed}）。与基准排名的平均 Spearman 相关系数：{mean}；最低：{min}。"),
            Self::PerturbationCaption => ("Rank stability under weight perturbation", "权重扰动下的排名稳定性"),
            Self::BaseRank => ("Rank", "排名"),
            Self::ShareAtBase => ("Runs at this rank", "保持该排名的比例"),
            Self::MeanRank => ("Mean rank", "平均排名"),
            Self::RankRange => ("Ranks taken", "出现的排名"),
            Self::MethodsCaption => ("Ranks under each weighting method (same normalisation)", "各赋权方法下的排名（标准化方法相同）"),
            Self::LeaveOneOutCaption => ("Ranks with one indicator left out", "去掉一个指标后的排名"),
            Self::LeftOut => ("Left out", "去掉的指标"),
            Self::Spearman => ("Spearman ρ", "Spearman ρ"),
            Self::Failed => ("not computable", "无法计算"),
            Self::WorkingTable => ("Working table", "计算过程表"),
            Self::RawCaption => ("Decision matrix: raw values", "决策矩阵：原始值"),
            Self::NormalisedCaption => ("Normalised values (higher is better on every column)", "标准化值（各列均越高越好）"),
            Self::WeightsCaption => ("Weights", "权重"),
            Self::Weight => ("Weight", "权重"),
            Self::Entropy => ("Entropy e", "熵值 e"),
            Self::Divergence => ("Divergence 1 − e", "差异系数 1 − e"),
            Self::StdDev => ("Standard deviation", "标准差"),
            Self::Information => ("Information C", "信息量 C"),
            Self::WeightedCaption => ("Weighted normalised values, ideal and anti-ideal", "加权标准化值、正理想解与负理想解"),
            Self::Ideal => ("Ideal", "正理想解"),
            Self::AntiIdeal => ("Anti-ideal", "负理想解"),
            Self::DistancesCaption => ("Distances to the ideal and anti-ideal", "与正、负理想解的距离"),
            Self::DPlus => ("D+ (to ideal)", "D+（至正理想解）"),
            Self::DMinus => ("D− (to anti-ideal)", "D−（至负理想解）"),
            Self::Method => ("Method", "方法"),
            Self::MethodText => ("Each indicator is normalised so that higher is better (vector normalisation divides by the column's Euclidean norm, as in TOPSIS; costs become 1 − x/‖x‖), multiplied by its weight, and each alternative's Euclidean distances D+ to the ideal (the best weighted value of every column) and D− to the anti-ideal (the worst) give its closeness C = D− / (D+ + D−) (TOPSIS: Hwang, C.-L. & Yoon, K. 1981, Multiple Attribute Decision Making, Springer). Entropy weights give more weight to indicators whose values differ more between alternatives (Shannon's entropy, 1948, as a measure of contrast, Zeleny 1982); CRITIC weights combine each indicator's standard deviation with its conflict with the others (Diakoulaki, Mavrotas & Papayannakis 1995, Computers & Operations Research 22(7)). Sub-scores are TOPSIS on one dimension's indicators; robustness reruns TOPSIS with perturbed weights (OECD/JRC 2008 Handbook on Constructing Composite Indicators, §7), with each other weighting method, and without each indicator in turn. The computation is renewal_calc::composite, checked against pymcdm.", "先将各指标标准化为越高越好（向量标准化即除以该列的欧氏范数，与 TOPSIS 原法相同；成本型变为 1 − x/‖x‖），乘以权重，再以各备选方案到正理想解（各列最优加权值）的欧氏距离 D+ 和到负理想解（最差值）的距离 D− 计算贴近度 C = D− / (D+ + D−)（TOPSIS：Hwang, C.-L. & Yoon, K. 1981，《Multiple Attribute Decision Making》，Springer）。熵权法对各备选方案间差异越大的指标赋予越大的权重（香农熵，1948，作为对比强度的度量，Zeleny 1982）；CRITIC 法综合各指标的标准差及其与其他指标的冲突性（Diakoulaki、Mavrotas、Papayannakis 1995，《Computers & Operations Research》22(7)）。分项得分为仅用某一维度指标的 TOPSIS；稳健性检验以扰动后的权重（OECD/JRC 2008《综合指标构建手册》第7节）、其他各赋权方法以及逐一去掉各指标后重新计算 TOPSIS。计算由 renewal_calc::composite 完成，并与 pymcdm 对照验证。"),
            Self::AddData => ("Add or edit data", "添加或编辑数据"),
            Self::Current => ("current", "当前"),
            Self::BenefitShort => ("benefit", "效益型"),
            Self::CostShort => ("cost", "成本型"),
            Self::NoValues => ("no values in this year", "该年无数据"),
        };
        lang.pick(en, zh)
    }
}

fn norm_key(n: Normalisation) -> &'static str {
    n.key()
}

fn norm_from_key(k: &str) -> Normalisation {
    match k {
        "minmax" => Normalisation::MinMax,
        "zscore" => Normalisation::ZScore,
        _ => Normalisation::Vector,
    }
}

fn weighting_name(w: Weighting, lang: Lang) -> &'static str {
    match w {
        Weighting::Equal => M::WEqual.text(lang),
        Weighting::Entropy => M::WEntropy.text(lang),
        Weighting::Critic => M::WCritic.text(lang),
        Weighting::Manual => M::WManual.text(lang),
    }
}

fn direction_name(d: Direction, lang: Lang) -> &'static str {
    if d.higher_is_better() {
        M::Benefit.text(lang)
    } else {
        M::Cost.text(lang)
    }
}

/// An indicator's display name with its unit.
fn with_unit(id: IndicatorId, lang: Lang) -> String {
    format!(
        "{}{}{}{}",
        id.name(lang),
        lang.pick(" (", "（"),
        id.spec().canonical_unit.symbol(lang),
        lang.pick(")", "）")
    )
}

/// An engine error in words, naming the indicator and alternative it concerns.
fn engine_error(e: &CompositeError, names: &[String], lang: Lang) -> String {
    let ind = |name: &str| {
        IndicatorId::from_id(name)
            .map(|i| i.name(lang).to_string())
            .unwrap_or_else(|| name.to_string())
    };
    let alt = |row: usize| names.get(row).cloned().unwrap_or_default();
    match e {
        CompositeError::ConstantColumn { indicator, .. } => lang
            .pick(
                "{ind} has the same value for every alternative, so this normalisation cannot rescale it: untick it or choose vector normalisation.",
                "{ind} 在所有备选方案中数值相同，该标准化方法无法处理：请取消勾选或改用向量标准化。",
            )
            .replace("{ind}", &ind(indicator)),
        CompositeError::ZeroColumn { indicator, .. } => lang
            .pick("{ind} is 0 for every alternative: untick it.", "{ind} 在所有备选方案中均为 0：请取消勾选。")
            .replace("{ind}", &ind(indicator)),
        CompositeError::NegativeForEntropy { indicator, row, value, .. } => lang
            .pick(
                "Entropy weights need values of 0 or more: {ind} is {value} for {alt}. Choose another weighting method.",
                "熵权法要求数值不小于 0：{alt} 的 {ind} 为 {value}。请改用其他赋权方法。",
            )
            .replace("{ind}", &ind(indicator))
            .replace("{alt}", &alt(*row))
            .replace("{value}", &adaptive(*value, lang)),
        CompositeError::DuplicateAlternative { row, .. } => lang
            .pick("Two alternatives are named “{alt}”: rename one on the Your data page.", "两个备选方案同名“{alt}”：请在“我的数据”页面重命名其一。")
            .replace("{alt}", &alt(*row)),
        CompositeError::DegenerateWeights => lang
            .pick("This weighting method finds no difference between the alternatives on any indicator: choose another.", "该赋权方法在任何指标上都找不到备选方案间的差异：请改用其他方法。")
            .to_string(),
        CompositeError::IdealEqualsAntiIdeal => lang
            .pick("All alternatives are identical on the weighted indicators: there is nothing to rank.", "所有备选方案在加权指标上完全相同：无法排序。")
            .to_string(),
        CompositeError::ZeroWeightSum => lang
            .pick("The weights are all 0.", "权重全部为 0。")
            .to_string(),
        other => lang
            .pick("The index could not be computed: {why}", "无法计算综合指数：{why}")
            .replace("{why}", &other.to_string()),
    }
}

/// The composite page.
#[component]
pub fn CompositePage() -> impl IntoView {
    let lang = expect_context::<RwSignal<Lang>>();
    let workspace = expect_context::<RwSignal<Workspace>>();
    let t = move |m: M| move || m.text(lang.get());

    let chosen_year = RwSignal::new(None::<i32>);
    let with_northeast = RwSignal::new(true);
    let normalisation = RwSignal::new(Normalisation::Vector);
    let weighting = RwSignal::new(Weighting::Equal);
    let ticked = RwSignal::new(BTreeMap::<IndicatorId, bool>::new());
    let directions = RwSignal::new(BTreeMap::<IndicatorId, Direction>::new());
    let manual_texts = RwSignal::new(BTreeMap::<IndicatorId, String>::new());

    // The year shown: the chosen one while the workspace still has it, else the default.
    let year = Memo::new(move |_| {
        workspace.with(|ws| {
            let ys = years(ws);
            chosen_year
                .get()
                .filter(|y| ys.contains(y))
                .or_else(|| default_year(ws))
        })
    });
    // Every indicator on offer with whether it is used and its direction.
    let offered = Memo::new(move |_| {
        let Some(y) = year.get() else {
            return Vec::new();
        };
        workspace.with(|ws| {
            let defaults = default_criteria(ws, y);
            let ticked = ticked.get();
            let dirs = directions.get();
            available(ws, y)
                .into_iter()
                .map(|id| {
                    let used = ticked
                        .get(&id)
                        .copied()
                        .unwrap_or_else(|| defaults.contains(&id));
                    let dir = dirs
                        .get(&id)
                        .copied()
                        .unwrap_or_else(|| default_direction(id));
                    (id, used, dir)
                })
                .collect::<Vec<_>>()
        })
    });
    let criteria = Memo::new(move |_| {
        offered
            .get()
            .into_iter()
            .filter(|(_, used, _)| *used)
            .map(|(id, _, direction)| Criterion { id, direction })
            .collect::<Vec<_>>()
    });
    let weight_text = move |id: IndicatorId| {
        let ids: Vec<IndicatorId> = criteria.get().iter().map(|c| c.id).collect();
        let defaults = equal_weight_texts(ids.len());
        manual_texts
            .with(|m| m.get(&id).cloned())
            .unwrap_or_else(|| {
                ids.iter()
                    .position(|i| *i == id)
                    .and_then(|p| defaults.get(p).cloned())
                    .unwrap_or_default()
            })
    };
    let manual = Memo::new(move |_| {
        let texts: Vec<String> = criteria.get().iter().map(|c| weight_text(c.id)).collect();
        parse_manual(&texts)
    });
    let assembly = Memo::new(move |_| {
        let y = year.get()?;
        let l = lang.get();
        let c = criteria.get();
        let n = with_northeast.get();
        Some(workspace.with(|ws| assemble(ws, y, &c, n, l)))
    });
    let outcome = Memo::new(move |_| {
        let a = assembly.get()?;
        let w = weighting.get();
        let weights = if w == Weighting::Manual {
            manual.get().ok()?
        } else {
            Vec::new()
        };
        Some(run(&a, w, &weights, normalisation.get()))
    });

    view! {
        <section class="page composite-page" aria-labelledby="composite-heading">
            <h2 id="composite-heading">{t(M::Heading)}</h2>
            <p class="lead">{t(M::Intro)}</p>
            <section class="card" aria-labelledby="composite-choices">
                <h3 id="composite-choices">{t(M::Choices)}</h3>
                {move || {
                    let ys = workspace.with(years);
                    if ys.is_empty() {
                        return view! {
                            <p>{t(M::NoYears)}" "<a href=Page::Data.hash()>{t(M::AddData)}</a></p>
                        }
                        .into_any();
                    }
                    view! {
                        <div class="composite-form">
                            <div class="air-field">
                                <label for="composite-year">{t(M::Year)}</label>
                                <select
                                    id="composite-year"
                                    on:change=move |ev| chosen_year.set(event_target_value(&ev).parse().ok())
                                >
                                    {ys.into_iter().map(|y| view! {
                                        <option value=y.to_string() selected=move || year.get() == Some(y)>{y}</option>
                                    }).collect_view()}
                                </select>
                            </div>
                            <div class="air-field">
                                <label for="composite-normalisation">{t(M::Normalisation)}</label>
                                <select
                                    id="composite-normalisation"
                                    on:change=move |ev| normalisation.set(norm_from_key(&event_target_value(&ev)))
                                >
                                    {[(Normalisation::Vector, M::NormVector), (Normalisation::MinMax, M::NormMinMax), (Normalisation::ZScore, M::NormZScore)]
                                        .into_iter()
                                        .map(|(n, m)| view! {
                                            <option value=norm_key(n) selected=move || normalisation.get() == n>{t(m)}</option>
                                        })
                                        .collect_view()}
                                </select>
                            </div>
                            <div class="air-field">
                                <label for="composite-weighting">{t(M::Weighting)}</label>
                                <select
                                    id="composite-weighting"
                                    on:change=move |ev| {
                                        if let Some(w) = Weighting::from_key(&event_target_value(&ev)) {
                                            weighting.set(w);
                                        }
                                    }
                                >
                                    {Weighting::ALL.into_iter().map(|w| view! {
                                        <option value=w.key() selected=move || weighting.get() == w>{move || weighting_name(w, lang.get())}</option>
                                    }).collect_view()}
                                </select>
                            </div>
                            <label class="context-controls__check composite-form__check">
                                <input
                                    type="checkbox"
                                    prop:checked=move || with_northeast.get()
                                    on:change=move |ev| with_northeast.set(event_target_checked(&ev))
                                />
                                {t(M::IncludeNortheast)}
                            </label>
                        </div>
                        <CriteriaTable offered=offered weighting=weighting weight_text=weight_text manual_texts=manual_texts ticked=ticked directions=directions/>
                    }
                    .into_any()
                }}
                {move || {
                    let l = lang.get();
                    let names: Vec<String> = criteria.get().iter().map(|c| c.id.name(l).to_string()).collect();
                    match (weighting.get(), manual.get()) {
                        (Weighting::Manual, Err(errors)) => view! {
                            <div class="composite-errors" role="alert">
                                <ul>
                                    {errors.iter().map(|e| {
                                        let s = weight_error(e, &names, l);
                                        view! { <li class="form-error">{s}</li> }
                                    }).collect_view()}
                                </ul>
                                <p>{M::ResultsHidden.text(l)}</p>
                            </div>
                        }.into_any(),
                        (Weighting::Manual, Ok(_)) => view! { <p class="muted">{M::ManualHelp.text(l)}</p> }.into_any(),
                        _ => ().into_any(),
                    }
                }}
            </section>
            {move || assembly.get().map(|a| view! { <AlternativesNote assembly=a/> })}
            {move || {
                let l = lang.get();
                let a = assembly.get()?;
                Some(match outcome.get()? {
                    Err(RunError::NoCriteria) => view! { <p class="note" role="status">{M::NoCriteria.text(l)}</p> }.into_any(),
                    Err(RunError::TooFewAlternatives { got }) => view! {
                        <p class="note" role="status">
                            {M::TooFew.text(l).replace("{got}", &got.to_string()).replace("{year}", &a.year.to_string())}
                            " "<a href=Page::Data.hash()>{M::AddData.text(l)}</a>
                        </p>
                    }.into_any(),
                    Err(RunError::Engine(e)) => view! { <p class="note form-error" role="status">{engine_error(&e, &a.names, l)}</p> }.into_any(),
                    Ok(o) => view! { <Results assembly=a outcome=o/> }.into_any(),
                })
            }}
            <section class="card" aria-labelledby="composite-method">
                <h3 id="composite-method">{t(M::Method)}</h3>
                <p>{t(M::MethodText)}</p>
            </section>
        </section>
    }
}

fn weight_error(e: &WeightInputError, names: &[String], lang: Lang) -> String {
    let name = |i: usize| names.get(i).cloned().unwrap_or_default();
    match e {
        WeightInputError::NotANumber { index, raw } => M::NotANumber
            .text(lang)
            .replace("{ind}", &name(*index))
            .replace("{raw}", raw),
        WeightInputError::Negative { index, value } => M::Negative
            .text(lang)
            .replace("{ind}", &name(*index))
            .replace("{value}", &adaptive(*value, lang)),
        WeightInputError::Sum { sum } => M::WeightSum
            .text(lang)
            .replace("{sum}", &number(*sum, 3, lang))
            .replace(
                "{gap}",
                &format!(
                    "{}{}",
                    if *sum > 1.0 { "+" } else { "" },
                    number(sum - 1.0, 3, lang)
                ),
            ),
    }
}

#[component]
fn CriteriaTable<F>(
    offered: Memo<Vec<(IndicatorId, bool, Direction)>>,
    weighting: RwSignal<Weighting>,
    weight_text: F,
    manual_texts: RwSignal<BTreeMap<IndicatorId, String>>,
    ticked: RwSignal<BTreeMap<IndicatorId, bool>>,
    directions: RwSignal<BTreeMap<IndicatorId, Direction>>,
) -> impl IntoView
where
    F: Fn(IndicatorId) -> String + Copy + Send + Sync + 'static,
{
    let lang = expect_context::<RwSignal<Lang>>();
    let t = move |m: M| move || m.text(lang.get());
    view! {
        <p class="muted">{t(M::CriteriaHelp)}</p>
        <div class="table-scroll" tabindex="0" role="group" aria-labelledby="composite-criteria-caption">
            <table class="data-table composite-criteria">
                <caption id="composite-criteria-caption">{t(M::Criteria)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t(M::Use)}</th>
                        <th scope="col">{t(M::Direction)}</th>
                        {move || (weighting.get() == Weighting::Manual).then(|| view! { <th scope="col">{t(M::Weight)}</th> })}
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        let manual = weighting.get() == Weighting::Manual;
                        offered.get().into_iter().map(move |(id, used, dir)| {
                        let l = lang.get();
                        let check_id = format!("composite-use-{}", id.as_str());
                        let check_for = check_id.clone();
                        let dir_id = format!("composite-dir-{}", id.as_str());
                        let dir_for = dir_id.clone();
                        let weight_id = format!("composite-weight-{}", id.as_str());
                        let weight_for = weight_id.clone();
                        let name = id.name(l).to_string();
                        let unit = id.spec().canonical_unit.symbol(l);
                        view! {
                            <tr>
                                <td>
                                    <label class="context-controls__check" for=check_for>
                                        <input
                                            type="checkbox"
                                            id=check_id
                                            prop:checked=used
                                            on:change=move |ev| {
                                                let on = event_target_checked(&ev);
                                                ticked.update(|m| { m.insert(id, on); });
                                            }
                                        />
                                        {name.clone()}<span class="unit">{format!("{}{unit}{}", l.pick(" (", "（"), l.pick(")", "）"))}</span>
                                    </label>
                                </td>
                                <td>
                                    <label class="visually-hidden" for=dir_for>{format!("{}{}", M::DirectionOf.text(l), name)}</label>
                                    <select
                                        id=dir_id
                                        on:change=move |ev| {
                                            let d = if event_target_value(&ev) == "cost" { Direction::Cost } else { Direction::Benefit };
                                            directions.update(|m| { m.insert(id, d); });
                                        }
                                    >
                                        <option value="benefit" selected=dir.higher_is_better()>{M::BenefitShort.text(l)}</option>
                                        <option value="cost" selected=!dir.higher_is_better()>{M::CostShort.text(l)}</option>
                                    </select>
                                </td>
                                {manual.then(|| view! {
                                    <td>
                                        <label class="visually-hidden" for=weight_for>{format!("{}{}", M::WeightOf.text(l), name)}</label>
                                        <input
                                            id=weight_id
                                            class="composite-weight"
                                            type="text"
                                            inputmode="decimal"
                                            disabled=!used
                                            prop:value=move || weight_text(id)
                                            on:input=move |ev| {
                                                let v = event_target_value(&ev);
                                                manual_texts.update(|m| { m.insert(id, v); });
                                            }
                                        />
                                    </td>
                                })}
                            </tr>
                        }
                    }).collect_view()
                    }}
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn AlternativesNote(assembly: Assembly) -> impl IntoView {
    let lang = expect_context::<RwSignal<Lang>>();
    move || {
        let l = lang.get();
        let year = assembly.year.to_string();
        let northeast = match &assembly.northeast {
            NortheastStatus::Included => {
                Some(M::NortheastIncluded.text(l).replace("{year}", &year))
            }
            NortheastStatus::YearOutside => Some(M::NortheastYear.text(l).to_string()),
            NortheastStatus::NotInTable(ids) => Some(
                M::NortheastNotInTable.text(l).replace(
                    "{list}",
                    &ids.iter()
                        .map(|i| i.name(l))
                        .collect::<Vec<_>>()
                        .join(l.pick(", ", "、")),
                ),
            ),
            NortheastStatus::Off => None,
        };
        let excluded = assembly.excluded.clone();
        view! {
            {northeast.map(|s| view! { <p class="provenance">{s}</p> })}
            {(!excluded.is_empty()).then(|| view! {
                <div class="provenance">
                    <p>{M::Excluded.text(l).replace("{year}", &year)}</p>
                    <ul>
                        {excluded.into_iter().map(|e| {
                            let missing = if e.missing.is_empty() {
                                M::NoValues.text(l).to_string()
                            } else {
                                e.missing.iter().map(|i| i.name(l)).collect::<Vec<_>>().join(l.pick(", ", "、"))
                            };
                            view! { <li>{format!("{}: {}", e.name, missing)}</li> }
                        }).collect_view()}
                    </ul>
                </div>
            })}
        }
    }
}

/// A captioned table: a header row (first cell is the row-header column's title) and rows of
/// a row header and cells (numbers right-aligned).
fn table(caption: String, head: Vec<String>, rows: Vec<(String, Vec<String>)>) -> impl IntoView {
    let label = caption.clone();
    let lang = expect_context::<RwSignal<Lang>>();
    view! {
        <ExportTable
            source=Signal::derive(move || Src::Composite.text(lang.get()).to_string())
            label=label
        >
            <table class="data-table composite-table">
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        {head.into_iter().enumerate().map(|(i, h)| {
                            let class = if i == 0 { "" } else { "num" };
                            view! { <th scope="col" class=class>{h}</th> }
                        }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|(h, cells)| view! {
                        <tr>
                            <th scope="row">{h}</th>
                            {cells.into_iter().map(|c| view! { <td class="num">{c}</td> }).collect_view()}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </ExportTable>
    }
}

#[component]
fn Results(assembly: Assembly, outcome: Outcome) -> impl IntoView {
    let lang = expect_context::<RwSignal<Lang>>();
    let a = StoredValue::new(assembly);
    let o = StoredValue::new(outcome);
    let radar_options = move || {
        let l = lang.get();
        let data = radar_data(
            &a.with_value(|a| a.names.clone()),
            &o.with_value(|o| o.result.clone()),
        );
        radar_chart(M::RadarTitle.text(l), &data, l)
    };
    move || {
        let l = lang.get();
        let a = a.get_value();
        let o = o.get_value();
        let tbl = &o.result.table;
        let names = &a.names;
        let year = a.year;
        let crit_heads: Vec<String> = a.criteria.iter().map(|c| with_unit(c.id, l)).collect();
        let crit_names: Vec<String> = a
            .criteria
            .iter()
            .map(|c| c.id.name(l).to_string())
            .collect();

        // Results, best first.
        let mut order: Vec<usize> = (0..names.len()).collect();
        order.sort_by_key(|&i| tbl.rank.get(i).copied().unwrap_or(usize::MAX));
        let result_rows: Vec<(String, Vec<String>)> = order
            .iter()
            .map(|&i| {
                (
                    names.get(i).cloned().unwrap_or_default(),
                    vec![
                        tbl.rank.get(i).map(|r| r.to_string()).unwrap_or_default(),
                        tbl.closeness
                            .get(i)
                            .map(|c| number(*c, 3, l))
                            .unwrap_or_default(),
                    ],
                )
            })
            .collect();

        // Sub-scores.
        let radar = radar_data(names, &o.result);
        let mut sub_head = vec![M::Dimension.text(l).to_string()];
        sub_head.extend(names.iter().cloned());
        let sub_rows: Vec<(String, Vec<String>)> = o
            .result
            .dimensions
            .iter()
            .map(|d| {
                let label = format!(
                    "{}{}{}{}",
                    dimension_name(d.dimension, l),
                    l.pick(" (", "（"),
                    d.indicators
                        .iter()
                        .filter_map(|k| IndicatorId::from_id(k))
                        .map(|i| i.name(l))
                        .collect::<Vec<_>>()
                        .join(l.pick(", ", "、")),
                    l.pick(")", "）")
                );
                let cells = match &d.outcome {
                    DimensionOutcome::Scored {
                        closeness, rank, ..
                    } => closeness
                        .iter()
                        .zip(rank)
                        .map(|(c, r)| format!("{} (#{r})", number(*c, 3, l)))
                        .collect(),
                    DimensionOutcome::ZeroWeight => {
                        vec![M::ZeroWeight.text(l).to_string(); names.len()]
                    }
                    _ => vec![M::NoSpread.text(l).to_string(); names.len()],
                };
                (label, cells)
            })
            .collect();

        // Robustness.
        let perturbation = match &o.perturbation {
            Ok(p) => {
                let text = M::PerturbationText
                    .text(l)
                    .replace("{runs}", &PERTURBATION.runs.to_string())
                    .replace("{lo}", &number(1.0 - PERTURBATION.amplitude, 1, l))
                    .replace("{hi}", &number(1.0 + PERTURBATION.amplitude, 1, l))
                    .replace("{seed}", &PERTURBATION.seed.to_string())
                    .replace("{mean}", &number(p.spearman_mean, 3, l))
                    .replace("{min}", &number(p.spearman_min, 3, l));
                let rows = p
                    .alternatives
                    .iter()
                    .enumerate()
                    .map(|(i, s)| {
                        let lo = s.rank_share.first().map_or(s.base_rank, |r| r.rank);
                        let hi = s.rank_share.last().map_or(s.base_rank, |r| r.rank);
                        (
                            names.get(i).cloned().unwrap_or_default(),
                            vec![
                                s.base_rank.to_string(),
                                percent(s.share_at_base_rank, 1, l),
                                number(s.mean_rank, 2, l),
                                if lo == hi {
                                    lo.to_string()
                                } else {
                                    format!("{lo}–{hi}")
                                },
                            ],
                        )
                    })
                    .collect();
                Some((text, rows))
            }
            Err(_) => None,
        };
        let mut method_head = vec![
            M::Alternative.text(l).to_string(),
            format!(
                "{}{}{}{}",
                weighting_name(current_weighting(tbl), l),
                l.pick(" (", "（"),
                M::Current.text(l),
                l.pick(")", "）")
            ),
        ];
        method_head.extend(
            o.methods
                .iter()
                .map(|m| weighting_name(m.weighting, l).to_string()),
        );
        let method_rows: Vec<(String, Vec<String>)> = names
            .iter()
            .enumerate()
            .map(|(i, n)| {
                let mut cells = vec![tbl.rank.get(i).map(|r| r.to_string()).unwrap_or_default()];
                cells.extend(o.methods.iter().map(|m| match &m.ranks {
                    Ok(r) => r.get(i).map(|r| r.to_string()).unwrap_or_default(),
                    Err(_) => M::Failed.text(l).to_string(),
                }));
                (n.clone(), cells)
            })
            .collect();
        // Why a method has no ranks, under the table.
        let method_notes: Vec<String> = o
            .methods
            .iter()
            .filter_map(|m| {
                let e = m.ranks.as_ref().err()?;
                Some(format!(
                    "{}{}{}",
                    weighting_name(m.weighting, l),
                    l.pick(": ", "："),
                    engine_error(e, names, l)
                ))
            })
            .collect();
        let mut loo_head = vec![M::LeftOut.text(l).to_string()];
        loo_head.extend(names.iter().cloned());
        loo_head.push(M::Spearman.text(l).to_string());
        let loo_rows: Vec<(String, Vec<String>)> = o
            .leave_one_out
            .iter()
            .map(|x| {
                let label = IndicatorId::from_id(&x.indicator)
                    .map(|i| i.name(l).to_string())
                    .unwrap_or_else(|| x.indicator.clone());
                let cells = match &x.outcome {
                    LeaveOneOutOutcome::Ranked { rank, spearman, .. } => {
                        let mut c: Vec<String> = rank.iter().map(|r| r.to_string()).collect();
                        c.push(number(*spearman, 3, l));
                        c
                    }
                    LeaveOneOutOutcome::Failed { error } => {
                        let mut c = vec![M::Failed.text(l).to_string(); names.len()];
                        c.push(engine_error(error, names, l));
                        c
                    }
                };
                (label, cells)
            })
            .collect();

        // Working table.
        let matrix_rows =
            |m: &Vec<Vec<f64>>, f: &dyn Fn(f64) -> String| -> Vec<(String, Vec<String>)> {
                names
                    .iter()
                    .zip(m)
                    .map(|(n, row)| (n.clone(), row.iter().map(|v| f(*v)).collect()))
                    .collect()
            };
        let mut alt_head = vec![M::Alternative.text(l).to_string()];
        alt_head.extend(crit_heads.iter().cloned());
        let mut alt_head_plain = vec![M::Alternative.text(l).to_string()];
        alt_head_plain.extend(crit_names.iter().cloned());
        let raw_rows = matrix_rows(&tbl.raw, &|v| adaptive(v, l));
        let norm_rows = matrix_rows(&tbl.normalised, &|v| number(v, 4, l));
        let mut weighted_rows = matrix_rows(&tbl.weighted, &|v| number(v, 4, l));
        weighted_rows.push((
            M::Ideal.text(l).to_string(),
            tbl.ideal.iter().map(|v| number(*v, 4, l)).collect(),
        ));
        weighted_rows.push((
            M::AntiIdeal.text(l).to_string(),
            tbl.anti_ideal.iter().map(|v| number(*v, 4, l)).collect(),
        ));
        let (detail_heads, detail_cols): (Vec<&str>, Vec<Vec<f64>>) = match &tbl.weight_detail {
            WeightDetail::Entropy(e) => (
                vec![M::Entropy.text(l), M::Divergence.text(l)],
                vec![e.entropy.clone(), e.divergence.clone()],
            ),
            WeightDetail::Critic(c) => (
                vec![M::StdDev.text(l), M::Information.text(l)],
                vec![c.std_dev.clone(), c.information.clone()],
            ),
            _ => (Vec::new(), Vec::new()),
        };
        let mut weight_head = vec![
            M::Indicator.text(l).to_string(),
            M::Direction.text(l).to_string(),
            M::Dimension.text(l).to_string(),
        ];
        weight_head.extend(detail_heads.iter().map(|s| s.to_string()));
        weight_head.push(M::Weight.text(l).to_string());
        let weight_rows: Vec<(String, Vec<String>)> = a
            .criteria
            .iter()
            .enumerate()
            .map(|(j, c)| {
                let mut cells = vec![
                    direction_name(c.direction, l).to_string(),
                    dimension_name(crate::composite::dimension_of(c.id), l).to_string(),
                ];
                cells.extend(
                    detail_cols
                        .iter()
                        .map(|col| col.get(j).map(|v| number(*v, 4, l)).unwrap_or_default()),
                );
                cells.push(
                    tbl.weights
                        .get(j)
                        .map(|w| number(*w, 4, l))
                        .unwrap_or_default(),
                );
                (c.id.name(l).to_string(), cells)
            })
            .collect();
        let dist_rows: Vec<(String, Vec<String>)> = names
            .iter()
            .enumerate()
            .map(|(i, n)| {
                (
                    n.clone(),
                    vec![
                        tbl.d_plus
                            .get(i)
                            .map(|v| number(*v, 4, l))
                            .unwrap_or_default(),
                        tbl.d_minus
                            .get(i)
                            .map(|v| number(*v, 4, l))
                            .unwrap_or_default(),
                        tbl.closeness
                            .get(i)
                            .map(|v| number(*v, 4, l))
                            .unwrap_or_default(),
                        tbl.rank.get(i).map(|v| v.to_string()).unwrap_or_default(),
                    ],
                )
            })
            .collect();
        let cap = |m: M| format!("{}{}{year}", m.text(l), l.pick(", ", "，"));
        let show_radar = radar.dimensions.len() >= 3;

        view! {
            <section class="card" aria-labelledby="composite-results">
                <h3 id="composite-results">{M::Results.text(l)}</h3>
                {table(cap(M::ResultsCaption), vec![M::Alternative.text(l).into(), M::Rank.text(l).into(), M::Closeness.text(l).into()], result_rows)}
            </section>
            <section class="card" aria-labelledby="composite-subscores">
                <h3 id="composite-subscores">{M::SubScores.text(l)}</h3>
                {if show_radar {
                    view! {
                        <figure class="chart-figure">
                            <EChart options=radar_options label=Signal::derive(move || M::RadarTitle.text(lang.get()).to_string())/>
                        </figure>
                    }.into_any()
                } else {
                    view! { <p class="note">{M::RadarNeedsThree.text(l)}</p> }.into_any()
                }}
                {table(cap(M::SubScoresCaption), sub_head, sub_rows)}
            </section>
            <section class="card" aria-labelledby="composite-robustness">
                <h3 id="composite-robustness">{M::Robustness.text(l)}</h3>
                {perturbation.map(|(text, rows)| view! {
                    <p>{text}</p>
                    {table(cap(M::PerturbationCaption), vec![M::Alternative.text(l).into(), M::BaseRank.text(l).into(), M::ShareAtBase.text(l).into(), M::MeanRank.text(l).into(), M::RankRange.text(l).into()], rows)}
                })}
                {table(cap(M::MethodsCaption), method_head, method_rows)}
                {(!method_notes.is_empty()).then(|| view! {
                    <ul class="provenance">
                        {method_notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}
                    </ul>
                })}
                {(!loo_rows.is_empty()).then(|| table(cap(M::LeaveOneOutCaption), loo_head, loo_rows))}
            </section>
            <section class="card" aria-labelledby="composite-working">
                <h3 id="composite-working">{M::WorkingTable.text(l)}</h3>
                {table(cap(M::RawCaption), alt_head, raw_rows)}
                {table(cap(M::NormalisedCaption), alt_head_plain.clone(), norm_rows)}
                {table(cap(M::WeightsCaption), weight_head, weight_rows)}
                {table(cap(M::WeightedCaption), alt_head_plain, weighted_rows)}
                {table(cap(M::DistancesCaption), vec![M::Alternative.text(l).into(), M::DPlus.text(l).into(), M::DMinus.text(l).into(), M::Closeness.text(l).into(), M::Rank.text(l).into()], dist_rows)}
            </section>
        }
    }
}

/// The weighting method a working table was computed with.
fn current_weighting(tbl: &renewal_calc::composite::WorkingTable) -> Weighting {
    use renewal_calc::composite::WeightScheme;
    match tbl.weight_scheme {
        WeightScheme::Equal => Weighting::Equal,
        WeightScheme::Entropy { .. } => Weighting::Entropy,
        WeightScheme::Critic => Weighting::Critic,
        _ => Weighting::Manual,
    }
}
