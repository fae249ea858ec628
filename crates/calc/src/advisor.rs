//! Strategy advisor: from computed diagnostics to the paper's challenges (section 3) and
//! strategies (section 4), saying which number triggered what.
//!
//! # Design
//! Every rule is a data entry in [`RULES`]: the diagnostic it reads, a comparison, a threshold,
//! where the threshold comes from ([`ThresholdSource`]: the paper's own criterion, a standard's
//! limit, or a stated judgement with its reason), the paper's section references, and a short
//! explanation in Chinese and English. The input is a flat map of diagnostic id → value
//! ([`DIAGNOSTICS`] lists the ids, their units and which module computes them), so this module
//! depends on no other module's types: the caller (CLI, app) fills the map from whatever it
//! computed.
//!
//! The paper states only one numeric criterion (the depletion test, section 3.2 (2)). Every
//! other threshold is either a standard's limit (GB 3095) or a judgement, and is labelled so.
//! Section references follow `crates/data/reference/northeast-baselines.md` (B4).

use std::collections::BTreeMap;

/// A diagnostic the advisor understands.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Diagnostic {
    /// Identifier used as the map key.
    pub id: &'static str,
    /// Unit of the value.
    pub unit: &'static str,
    /// What it is, in English.
    pub en: &'static str,
    /// What it is, in Chinese.
    pub zh: &'static str,
    /// Where the calculator computes it.
    pub computed_by: &'static str,
}

const fn diag(
    id: &'static str,
    unit: &'static str,
    en: &'static str,
    zh: &'static str,
    computed_by: &'static str,
) -> Diagnostic {
    Diagnostic {
        id,
        unit,
        en,
        zh,
        computed_by,
    }
}

/// Every diagnostic id the rules read.
pub const DIAGNOSTICS: [Diagnostic; 19] = [
    diag(
        "depletion.extraction_ratio",
        "fraction",
        "cumulative extraction / original proven reserves",
        "累计采出量占原始探明储量的比例",
        "depletion",
    ),
    diag(
        "depletion.reserve_years",
        "years",
        "remaining reserves / current annual production",
        "剩余储量可采年限（储采比）",
        "depletion",
    ),
    diag(
        "air.pm25_annual_ug_m3",
        "µg/m³",
        "PM2.5 annual mean",
        "PM2.5 年平均浓度",
        "air quality (HJ 663 annual statistics)",
    ),
    diag(
        "air.pm10_annual_ug_m3",
        "µg/m³",
        "PM10 annual mean",
        "PM10 年平均浓度",
        "air quality (HJ 663 annual statistics)",
    ),
    diag(
        "air.so2_annual_ug_m3",
        "µg/m³",
        "SO2 annual mean",
        "SO2 年平均浓度",
        "air quality (HJ 663 annual statistics)",
    ),
    diag(
        "air.no2_annual_ug_m3",
        "µg/m³",
        "NO2 annual mean",
        "NO2 年平均浓度",
        "air quality (HJ 663 annual statistics)",
    ),
    diag(
        "energy.renewable_share",
        "fraction",
        "renewable share of generation",
        "可再生能源发电量占比",
        "energy",
    ),
    diag(
        "energy.wind_generation_cagr",
        "fraction per year",
        "wind generation compound annual growth",
        "风电发电量年均增长率",
        "energy",
    ),
    diag(
        "energy.solar_generation_cagr",
        "fraction per year",
        "solar generation compound annual growth",
        "光伏发电量年均增长率",
        "energy",
    ),
    diag(
        "structure.secondary_share",
        "fraction",
        "secondary-industry share of output",
        "第二产业占比",
        "structure",
    ),
    diag(
        "structure.sector_hhi",
        "0-1",
        "Herfindahl–Hirschman index of sector shares",
        "产业结构赫芬达尔指数",
        "structure",
    ),
    diag(
        "structure.high_tech_share",
        "fraction",
        "high-tech share of output",
        "高技术产业占比",
        "structure",
    ),
    diag(
        "exports.primary_materials_share",
        "fraction",
        "primary materials (steel, aluminium, raw materials) share of exports",
        "初级原材料出口占比",
        "structure",
    ),
    diag(
        "exports.hhi",
        "0-1",
        "Herfindahl–Hirschman index of export products",
        "出口产品赫芬达尔指数",
        "structure",
    ),
    diag(
        "population.net_migration_per_1000",
        "‰ of mid-year population",
        "net migration rate (residual method)",
        "净迁移率（千分比，余差法）",
        "population",
    ),
    diag(
        "population.cagr",
        "fraction per year",
        "population compound annual growth",
        "人口年均增长率",
        "population",
    ),
    diag(
        "population.cagr_minus_province",
        "fraction per year",
        "population compound annual growth minus the province's over the same years (province: NBS series revised to the 2020 census)",
        "人口年均增长率减去所在省同期年均增长率（省：按第七次人口普查修订的国家统计局年末常住人口）",
        "population (renewal_data::context::city_population_diagnostics)",
    ),
    diag(
        "population.old_age_dependency_per_100",
        "per 100 aged 15–64",
        "old-age dependency ratio (65+ / 15–64)",
        "老年抚养比",
        "population",
    ),
    diag(
        "population.tertiary_share",
        "fraction",
        "share of residents with tertiary (大专及以上) education",
        "大专及以上受教育人口占比",
        "population",
    ),
];

/// Looks a diagnostic up by id.
pub fn diagnostic(id: &str) -> Option<&'static Diagnostic> {
    DIAGNOSTICS.iter().find(|d| d.id == id)
}

/// A section of the paper that a rule points to.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Section {
    /// Reference as in the paper, e.g. `3.2(2)`.
    pub id: &'static str,
    /// Short title, English.
    pub en: &'static str,
    /// Short title, Chinese.
    pub zh: &'static str,
}

const fn sec(id: &'static str, en: &'static str, zh: &'static str) -> Section {
    Section { id, en, zh }
}

/// The paper's challenges (section 3) and strategies (section 4) the rules refer to.
pub const SECTIONS: [Section; 22] = [
    sec(
        "3.1(1)",
        "Traditional industry: fixed technology, market and thinking",
        "传统产业技术、市场与观念固化",
    ),
    sec(
        "3.1(2)",
        "Transformation system; credit 'crowding out'",
        "转型体制不完善，信贷“挤出效应”",
    ),
    sec("3.1(3)", "Insufficient technology supply", "技术供给不足"),
    sec(
        "3.1(4)",
        "Weak intellectual-property protection",
        "知识产权保护不足",
    ),
    sec(
        "3.2(1)",
        "Dependence on one or a few local resources",
        "过度依赖一种或少数几种资源",
    ),
    sec(
        "3.2(2)",
        "Resource depletion (>70 % extracted or <=5 years left)",
        "资源枯竭（采出超过70%或可采不足5年）",
    ),
    sec(
        "3.2(3)",
        "Environmental pressure; green GDP",
        "环境压力与绿色GDP",
    ),
    sec(
        "3.3(1)",
        "Population outflow; income-seeking migration, '4-2-1' families",
        "人口外流；“四二一”家庭负担",
    ),
    sec(
        "4.1(1)",
        "Overcapacity governance through market mechanisms",
        "以市场机制化解过剩产能",
    ),
    sec(
        "4.1(2)",
        "Upgrading traditional industry",
        "推动传统产业转型升级",
    ),
    sec(
        "4.3(1)",
        "Optimise the export structure away from primary materials",
        "优化出口结构，减少初级原材料出口",
    ),
    sec(
        "4.3(2)",
        "Industrialise science and technology; extend the industrial chain",
        "科技成果产业化，延伸产业链",
    ),
    sec("4.3(3)", "Introduce and train talent", "引进和培养人才"),
    sec(
        "4.4(1)",
        "Ecotourism and green industry",
        "生态旅游与绿色产业",
    ),
    sec(
        "4.4(2)",
        "Northeast Asia transport hub; cooperation with neighbours",
        "东北亚交通枢纽与周边合作",
    ),
    sec(
        "4.4(3)",
        "Digital transformation of traditional industry",
        "传统产业数字化转型",
    ),
    sec(
        "4.4(4)",
        "Emerging industries: high-tech, equipment, biomedicine",
        "发展高新技术、装备制造、生物医药等新兴产业",
    ),
    sec(
        "4.5(1)",
        "Diversify a single industrial structure",
        "改变单一结构，产业多元化",
    ),
    sec(
        "4.5(2)",
        "Ecological governance: emissions, air and water quality",
        "生态治理：减排、改善空气和水质量",
    ),
    sec(
        "4.5(3)",
        "Finance, R&D platforms and training, market expansion",
        "资金、研发平台与培训、市场拓展",
    ),
    sec(
        "4.6",
        "Low-carbon energy: auxiliary service market, regional power circulation",
        "低碳能源：电力辅助服务市场、区域电力循环",
    ),
    sec(
        "4.7",
        "Growth of renewable (wind, solar) generation",
        "可再生能源（风电、光伏）发电增长",
    ),
];

/// Looks a section up by id.
pub fn section(id: &str) -> Option<&'static Section> {
    SECTIONS.iter().find(|s| s.id == id)
}

/// How a value is compared with the threshold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Comparison {
    /// value > threshold.
    Above,
    /// value >= threshold.
    AtLeast,
    /// value < threshold.
    Below,
    /// value <= threshold.
    AtMost,
}

impl Comparison {
    /// Whether `value` triggers the rule.
    pub fn holds(self, value: f64, threshold: f64) -> bool {
        match self {
            Self::Above => value > threshold,
            Self::AtLeast => value >= threshold,
            Self::Below => value < threshold,
            Self::AtMost => value <= threshold,
        }
    }

    /// The operator as text.
    pub const fn symbol(self) -> &'static str {
        match self {
            Self::Above => ">",
            Self::AtLeast => ">=",
            Self::Below => "<",
            Self::AtMost => "<=",
        }
    }
}

/// Where a threshold comes from.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case", tag = "kind"))]
pub enum ThresholdSource {
    /// A criterion or figure of the paper.
    Paper {
        /// Section or figure.
        reference: &'static str,
    },
    /// A standard's limit value.
    Standard {
        /// Standard and clause.
        reference: &'static str,
    },
    /// A judgement of this calculator, with the reason.
    Judgement {
        /// Why this value.
        reason: &'static str,
    },
}

/// One rule: if the diagnostic compares true with the threshold, the challenges and strategies
/// apply.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Rule {
    /// Identifier.
    pub id: &'static str,
    /// The diagnostic it reads.
    pub diagnostic: &'static str,
    /// Comparison with the threshold.
    pub comparison: Comparison,
    /// The threshold, in the diagnostic's unit.
    pub threshold: f64,
    /// Where the threshold comes from.
    pub threshold_source: ThresholdSource,
    /// The paper's challenges (section 3).
    pub challenges: &'static [&'static str],
    /// The paper's strategies (section 4).
    pub strategies: &'static [&'static str],
    /// Explanation, English.
    pub explanation_en: &'static str,
    /// Explanation, Chinese.
    pub explanation_zh: &'static str,
}

const GB3095_2012_T1: &str = "GB 3095-2012 Table 1, Grade II annual limit (crates/calc/reference/air-quality-standards.md §3.1)";
const GB3095_2026_T1: &str = "GB 3095-2026 Table 1, transition (2026-03-01 … 2030-12-31) Grade II annual limit (air-quality-standards.md §3.2)";
const AIR_CHALLENGES: &[&str] = &["3.2(3)"];
const AIR_STRATEGIES: &[&str] = &["4.5(2)", "4.4(1)"];
const DEPLETION_CHALLENGES: &[&str] = &["3.2(1)", "3.2(2)"];
const DEPLETION_STRATEGIES: &[&str] = &["4.5(1)", "4.4(4)", "4.5(3)"];
const ENERGY_STRATEGIES: &[&str] = &["4.6", "4.7"];
const HHI_JUDGEMENT: &str = "0.25 (2,500 points) is the 'highly concentrated' bound of the US DOJ/FTC 2010 Horizontal Merger Guidelines, borrowed here for sectors: a judgement, not a standard for regional economies";

/// The rules, grouped by family.
pub const RULES: [Rule; 20] = [
    Rule {
        id: "depletion_extraction_ratio",
        diagnostic: "depletion.extraction_ratio",
        comparison: Comparison::Above,
        threshold: 0.70,
        threshold_source: ThresholdSource::Paper { reference: "section 3.2 (2): more than 70 % of the original measured reserves" },
        challenges: DEPLETION_CHALLENGES,
        strategies: DEPLETION_STRATEGIES,
        explanation_en: "More than 70 % of the proven reserves have been extracted: by the paper's test the city is resource-depleted; diversify away from the resource.",
        explanation_zh: "累计采出已超过原始探明储量的70%，按论文标准属资源枯竭型城市，应推动产业多元化。",
    },
    Rule {
        id: "depletion_reserve_years",
        diagnostic: "depletion.reserve_years",
        comparison: Comparison::AtMost,
        threshold: 5.0,
        threshold_source: ThresholdSource::Paper { reference: "section 3.2 (2): current mining capacity sustains mining for 5 years or less" },
        challenges: DEPLETION_CHALLENGES,
        strategies: DEPLETION_STRATEGIES,
        explanation_en: "The remaining reserves last 5 years or less at current production: by the paper's test the city is resource-depleted.",
        explanation_zh: "按当前产量剩余储量可采不足5年，按论文标准属资源枯竭型城市。",
    },
    Rule {
        id: "air_pm25_gb3095_2012",
        diagnostic: "air.pm25_annual_ug_m3",
        comparison: Comparison::Above,
        threshold: 35.0,
        threshold_source: ThresholdSource::Standard { reference: GB3095_2012_T1 },
        challenges: AIR_CHALLENGES,
        strategies: AIR_STRATEGIES,
        explanation_en: "The PM2.5 annual mean exceeds the GB 3095-2012 Grade II limit of 35 µg/m³.",
        explanation_zh: "PM2.5年均浓度超过GB 3095-2012二级标准限值35 µg/m³。",
    },
    Rule {
        id: "air_pm25_gb3095_2026_transition",
        diagnostic: "air.pm25_annual_ug_m3",
        comparison: Comparison::Above,
        threshold: 30.0,
        threshold_source: ThresholdSource::Standard { reference: GB3095_2026_T1 },
        challenges: AIR_CHALLENGES,
        strategies: AIR_STRATEGIES,
        explanation_en: "The PM2.5 annual mean exceeds the GB 3095-2026 transition Grade II limit of 30 µg/m³ (in force from 2026-03-01).",
        explanation_zh: "PM2.5年均浓度超过GB 3095-2026过渡期二级限值30 µg/m³（2026年3月1日起实施）。",
    },
    Rule {
        id: "air_pm10_gb3095_2012",
        diagnostic: "air.pm10_annual_ug_m3",
        comparison: Comparison::Above,
        threshold: 70.0,
        threshold_source: ThresholdSource::Standard { reference: GB3095_2012_T1 },
        challenges: AIR_CHALLENGES,
        strategies: AIR_STRATEGIES,
        explanation_en: "The PM10 annual mean exceeds the GB 3095-2012 Grade II limit of 70 µg/m³.",
        explanation_zh: "PM10年均浓度超过GB 3095-2012二级标准限值70 µg/m³。",
    },
    Rule {
        id: "air_so2_gb3095_2012",
        diagnostic: "air.so2_annual_ug_m3",
        comparison: Comparison::Above,
        threshold: 60.0,
        threshold_source: ThresholdSource::Standard { reference: GB3095_2012_T1 },
        challenges: AIR_CHALLENGES,
        strategies: AIR_STRATEGIES,
        explanation_en: "The SO2 annual mean exceeds the GB 3095-2012 Grade II limit of 60 µg/m³ (coal combustion).",
        explanation_zh: "SO2年均浓度超过GB 3095-2012二级标准限值60 µg/m³（燃煤排放）。",
    },
    Rule {
        id: "air_no2_gb3095_2012",
        diagnostic: "air.no2_annual_ug_m3",
        comparison: Comparison::Above,
        threshold: 40.0,
        threshold_source: ThresholdSource::Standard { reference: GB3095_2012_T1 },
        challenges: AIR_CHALLENGES,
        strategies: AIR_STRATEGIES,
        explanation_en: "The NO2 annual mean exceeds the GB 3095-2012 Grade II limit of 40 µg/m³.",
        explanation_zh: "NO2年均浓度超过GB 3095-2012二级标准限值40 µg/m³。",
    },
    Rule {
        id: "energy_renewable_share_low",
        diagnostic: "energy.renewable_share",
        comparison: Comparison::Below,
        threshold: 0.30,
        threshold_source: ThresholdSource::Judgement { reason: "less than about a third of generation from renewables marks a coal-dominated mix; a round figure chosen by this calculator, not by the paper or a standard" },
        challenges: AIR_CHALLENGES,
        strategies: ENERGY_STRATEGIES,
        explanation_en: "Less than 30 % of generation is renewable: expand wind and solar and join the regional power market (paper 4.6–4.7).",
        explanation_zh: "可再生能源发电占比低于30%，应扩大风电、光伏并参与区域电力市场（论文4.6–4.7）。",
    },
    Rule {
        id: "energy_wind_growth_below_northeast",
        diagnostic: "energy.wind_generation_cagr",
        comparison: Comparison::Below,
        // (727 / 437)^(1/4) − 1 = 0.135 699: the paper's Figure 2, wind 2016 → 2020.
        threshold: 0.135_699,
        threshold_source: ThresholdSource::Paper { reference: "section 4.7 / Figure 2: Northeast wind generation 437 → 727, 2016 → 2020 (CAGR 13.57 %/yr)" },
        challenges: &[],
        strategies: ENERGY_STRATEGIES,
        explanation_en: "Wind generation grows more slowly than the Northeast did in 2016–2020 (13.6 %/yr).",
        explanation_zh: "风电发电量增速低于东北地区2016–2020年水平（年均13.6%）。",
    },
    Rule {
        id: "energy_solar_growth_below_northeast",
        diagnostic: "energy.solar_generation_cagr",
        comparison: Comparison::Below,
        // (187 / 20)^(1/4) − 1 = 0.748 650: the paper's Figure 2, solar 2016 → 2020.
        threshold: 0.748_650,
        threshold_source: ThresholdSource::Paper { reference: "section 4.7 / Figure 2: Northeast solar generation 20 → 187, 2016 → 2020 (CAGR 74.9 %/yr)" },
        challenges: &[],
        strategies: ENERGY_STRATEGIES,
        explanation_en: "Solar generation grows more slowly than the Northeast did in 2016–2020 (74.9 %/yr).",
        explanation_zh: "光伏发电量增速低于东北地区2016–2020年水平（年均74.9%）。",
    },
    Rule {
        id: "structure_secondary_heavy",
        diagnostic: "structure.secondary_share",
        comparison: Comparison::AtLeast,
        threshold: 0.45,
        threshold_source: ThresholdSource::Judgement { reason: "45 % or more of output from secondary industry marks an industry-heavy economy (Liaoning printed 50.2 % in 2014, Jilin 51.4 % in 2015: northeast-context.md N2); a judgement of this calculator" },
        challenges: &["3.1(1)", "3.1(2)"],
        strategies: &["4.1(1)", "4.1(2)", "4.5(1)", "4.4(3)"],
        explanation_en: "Secondary industry makes up 45 % or more of output: transform traditional industry and resolve overcapacity (paper 3.1, 4.1).",
        explanation_zh: "第二产业占比达到45%以上，应推动传统产业转型、化解过剩产能（论文3.1、4.1）。",
    },
    Rule {
        id: "structure_concentrated",
        diagnostic: "structure.sector_hhi",
        comparison: Comparison::AtLeast,
        threshold: 0.25,
        threshold_source: ThresholdSource::Judgement { reason: HHI_JUDGEMENT },
        challenges: &["3.2(1)"],
        strategies: &["4.5(1)", "4.4(4)"],
        explanation_en: "Output is concentrated in few sectors (HHI >= 0.25): diversify the single structure (paper 4.5 (1)).",
        explanation_zh: "产出集中于少数行业（HHI≥0.25），应改变单一结构、推动产业多元化（论文4.5(1)）。",
    },
    Rule {
        id: "structure_high_tech_low",
        diagnostic: "structure.high_tech_share",
        comparison: Comparison::Below,
        threshold: 0.15,
        threshold_source: ThresholdSource::Judgement { reason: "less than 15 % of output from high-tech sectors; a round judgement of this calculator (the paper notes high-tech manufacturing growing, section 4.2, without a figure)" },
        challenges: &["3.1(3)", "3.1(4)"],
        strategies: &["4.4(4)", "4.3(2)", "4.5(3)"],
        explanation_en: "High-tech sectors make up less than 15 % of output: develop emerging industries and R&D platforms (paper 4.4 (4), 4.5 (3)).",
        explanation_zh: "高技术产业占比低于15%，应发展新兴产业、建设研发平台（论文4.4(4)、4.5(3)）。",
    },
    Rule {
        id: "exports_primary_materials_high",
        diagnostic: "exports.primary_materials_share",
        comparison: Comparison::AtLeast,
        threshold: 0.30,
        threshold_source: ThresholdSource::Judgement { reason: "the paper calls the primary-materials export scale 'relatively large' without a figure (4.3 (1)); 30 % is this calculator's judgement" },
        challenges: &["3.2(1)"],
        strategies: &["4.3(1)", "4.3(2)"],
        explanation_en: "Primary materials (steel, aluminium, raw materials) make up 30 % or more of exports: shift towards higher value added (paper 4.3 (1)).",
        explanation_zh: "钢铁、铝等初级原材料占出口30%以上，应优化出口结构、提高附加值（论文4.3(1)）。",
    },
    Rule {
        id: "exports_concentrated",
        diagnostic: "exports.hhi",
        comparison: Comparison::AtLeast,
        threshold: 0.25,
        threshold_source: ThresholdSource::Judgement { reason: HHI_JUDGEMENT },
        challenges: &["3.2(1)"],
        strategies: &["4.3(1)", "4.4(2)"],
        explanation_en: "Exports are concentrated in few products (HHI >= 0.25): the export structure is single (paper 4.3 (1)).",
        explanation_zh: "出口集中于少数产品（HHI≥0.25），出口结构单一（论文4.3(1)）。",
    },
    Rule {
        id: "population_net_out_migration",
        diagnostic: "population.net_migration_per_1000",
        comparison: Comparison::Below,
        threshold: 0.0,
        threshold_source: ThresholdSource::Judgement { reason: "any net out-migration is the outflow the paper describes (3.3); the sign, not a size, is the criterion" },
        challenges: &["3.3(1)"],
        strategies: &["4.3(3)", "4.5(3)"],
        explanation_en: "More people leave than arrive (net migration below zero): attract and train talent, raise local incomes (paper 3.3, 4.3 (3)).",
        explanation_zh: "人口净流出（净迁移率为负），应引进和培养人才、提高本地收入（论文3.3、4.3(3)）。",
    },
    Rule {
        id: "population_shrinking",
        diagnostic: "population.cagr",
        comparison: Comparison::Below,
        threshold: 0.0,
        threshold_source: ThresholdSource::Judgement { reason: "a shrinking population; the sign is the criterion" },
        challenges: &["3.3(1)"],
        strategies: &["4.3(3)"],
        explanation_en: "The population is shrinking.",
        explanation_zh: "人口总量在减少。",
    },
    Rule {
        id: "population_shrinking_faster_than_province",
        diagnostic: "population.cagr_minus_province",
        comparison: Comparison::Below,
        threshold: 0.0,
        threshold_source: ThresholdSource::Judgement { reason: "the city's population grows more slowly (or shrinks faster) than its province's over the same consistent years; the sign is the criterion. Province baseline: northeast-context.md N1c (NBS year-end resident population revised to the 2020 census), via renewal_data::context" },
        challenges: &["3.3(1)"],
        strategies: &["4.3(3)", "4.5(3)"],
        explanation_en: "The population grows more slowly (or shrinks faster) than the province's over the same years: the outflow the paper describes is stronger here (paper 3.3).",
        explanation_zh: "人口增速低于（或减少快于）所在省同期水平，人口外流比全省更为突出（论文3.3）。",
    },
    Rule {
        id: "population_old_age_dependency_high",
        diagnostic: "population.old_age_dependency_per_100",
        comparison: Comparison::AtLeast,
        threshold: 20.0,
        threshold_source: ThresholdSource::Judgement { reason: "20 persons aged 65+ per 100 of working age: a round judgement of this calculator for the '4-2-1' support burden the paper describes (3.3)" },
        challenges: &["3.3(1)"],
        strategies: &["4.3(3)"],
        explanation_en: "Twenty or more people aged 65+ per 100 of working age: the '4-2-1' burden pushes young workers to higher-income regions (paper 3.3).",
        explanation_zh: "老年抚养比达到20以上，“四二一”家庭负担加重，促使青年劳动力外流（论文3.3）。",
    },
    Rule {
        id: "population_tertiary_share_low",
        diagnostic: "population.tertiary_share",
        comparison: Comparison::Below,
        threshold: 0.15,
        threshold_source: ThresholdSource::Judgement { reason: "fewer than 15,000 tertiary-educated per 100,000 residents; a round judgement of this calculator" },
        challenges: &["3.1(3)"],
        strategies: &["4.3(3)"],
        explanation_en: "Less than 15 % of residents have tertiary education: introduce and train mid- to high-end talent (paper 4.3 (3)).",
        explanation_zh: "大专及以上学历人口占比低于15%，应引进和培养中高端人才（论文4.3(3)）。",
    },
];

/// Why the diagnostics cannot be evaluated.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum AdviceError {
    /// The id is not in [`DIAGNOSTICS`].
    #[error("unknown diagnostic {id:?}")]
    UnknownDiagnostic {
        /// The id given.
        id: String,
    },
    /// The value is NaN or infinite.
    #[error("diagnostic {id}: value {value} is not a finite number")]
    NotFinite {
        /// The id.
        id: String,
        /// The value.
        value: f64,
    },
}

/// A rule that fired, with the number that fired it.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Finding {
    /// The rule.
    pub rule: &'static Rule,
    /// The diagnostic's value.
    pub value: f64,
}

/// A rule that was evaluated and did not fire.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Check {
    /// Rule id.
    pub rule: &'static str,
    /// The diagnostic.
    pub diagnostic: &'static str,
    /// Its value.
    pub value: f64,
    /// The comparison that did not hold.
    pub comparison: Comparison,
    /// The threshold.
    pub threshold: f64,
}

/// A section and the rules that point to it.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct SectionHit {
    /// The section.
    pub section: &'static Section,
    /// Ids of the rules that fired for it.
    pub triggered_by: Vec<&'static str>,
}

/// The advice.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Advice {
    /// Rules that fired, in [`RULES`] order.
    pub findings: Vec<Finding>,
    /// Challenges (section 3) with the rules that point to them, in section order.
    pub challenges: Vec<SectionHit>,
    /// Strategies (section 4) with the rules that point to them, in section order.
    pub strategies: Vec<SectionHit>,
    /// Rules evaluated that did not fire.
    pub not_triggered: Vec<Check>,
    /// Rules whose diagnostic was not given.
    pub not_evaluated: Vec<&'static str>,
}

/// Evaluates every rule against the diagnostics.
///
/// # Errors
/// An id not in [`DIAGNOSTICS`] (a typo would otherwise silently skip a rule) or a non-finite
/// value.
///
/// ```
/// use std::collections::BTreeMap;
/// use renewal_calc::advisor::advise;
/// let d = BTreeMap::from([("depletion.extraction_ratio".to_string(), 0.75)]);
/// let a = advise(&d).unwrap();
/// assert_eq!(a.findings[0].rule.id, "depletion_extraction_ratio");
/// assert!(a.challenges.iter().any(|c| c.section.id == "3.2(2)"));
/// assert!(a.strategies.iter().any(|s| s.section.id == "4.5(1)"));
/// ```
pub fn advise(diagnostics: &BTreeMap<String, f64>) -> Result<Advice, AdviceError> {
    for (id, &value) in diagnostics {
        if diagnostic(id).is_none() {
            return Err(AdviceError::UnknownDiagnostic { id: id.clone() });
        }
        if !value.is_finite() {
            return Err(AdviceError::NotFinite {
                id: id.clone(),
                value,
            });
        }
    }
    let mut findings = Vec::new();
    let mut not_triggered = Vec::new();
    let mut not_evaluated = Vec::new();
    for rule in &RULES {
        match diagnostics.get(rule.diagnostic) {
            None => not_evaluated.push(rule.id),
            Some(&value) if rule.comparison.holds(value, rule.threshold) => {
                findings.push(Finding { rule, value });
            }
            Some(&value) => not_triggered.push(Check {
                rule: rule.id,
                diagnostic: rule.diagnostic,
                value,
                comparison: rule.comparison,
                threshold: rule.threshold,
            }),
        }
    }
    let hits = |pick: fn(&Rule) -> &'static [&'static str]| -> Vec<SectionHit> {
        SECTIONS
            .iter()
            .filter_map(|s| {
                let triggered_by: Vec<&'static str> = findings
                    .iter()
                    .filter(|f| pick(f.rule).contains(&s.id))
                    .map(|f| f.rule.id)
                    .collect();
                (!triggered_by.is_empty()).then_some(SectionHit {
                    section: s,
                    triggered_by,
                })
            })
            .collect()
    };
    Ok(Advice {
        challenges: hits(|r| r.challenges),
        strategies: hits(|r| r.strategies),
        findings,
        not_triggered,
        not_evaluated,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(pairs: &[(&str, f64)]) -> Advice {
        let map = pairs.iter().map(|&(k, v)| (k.to_string(), v)).collect();
        advise(&map).unwrap()
    }

    fn fired(a: &Advice) -> Vec<&'static str> {
        a.findings.iter().map(|f| f.rule.id).collect()
    }

    #[test]
    fn rule_table_is_well_formed() {
        for (i, r) in RULES.iter().enumerate() {
            assert!(
                diagnostic(r.diagnostic).is_some(),
                "{}: unknown diagnostic",
                r.id
            );
            for s in r.challenges {
                assert!(s.starts_with('3') && section(s).is_some(), "{}: {s}", r.id);
            }
            for s in r.strategies {
                assert!(s.starts_with('4') && section(s).is_some(), "{}: {s}", r.id);
            }
            assert!(!r.strategies.is_empty(), "{}", r.id);
            assert!(!r.explanation_en.is_empty() && !r.explanation_zh.is_empty());
            assert!(r.threshold.is_finite());
            for other in RULES.iter().skip(i + 1) {
                assert_ne!(r.id, other.id);
            }
        }
        // Every diagnostic is read by some rule.
        for d in &DIAGNOSTICS {
            assert!(
                RULES.iter().any(|r| r.diagnostic == d.id),
                "{} unused",
                d.id
            );
        }
    }

    #[test]
    fn issue_9_city_shrinking_faster_than_province_fires_on_a_negative_difference() {
        // −0.002/yr relative to the province fires; +0.0003/yr does not.
        let a = run(&[("population.cagr_minus_province", -0.002)]);
        assert_eq!(fired(&a), vec!["population_shrinking_faster_than_province"]);
        assert!(a.challenges.iter().any(|c| c.section.id == "3.3(1)"));
        let b = run(&[("population.cagr_minus_province", 0.000_3)]);
        assert!(fired(&b).is_empty());
        assert_eq!(
            b.not_triggered[0].rule,
            "population_shrinking_faster_than_province"
        );
    }

    #[test]
    fn every_b4_section_is_reachable() {
        // B4 lists 3.1-3.3 and 4.1, 4.3-4.7; 4.2 is an "achievements" section with no strategy.
        for id in [
            "3.1(1)", "3.1(3)", "3.2(1)", "3.2(2)", "3.2(3)", "3.3(1)", "4.1(1)", "4.1(2)",
            "4.3(1)", "4.3(2)", "4.3(3)", "4.4(1)", "4.4(2)", "4.4(3)", "4.4(4)", "4.5(1)",
            "4.5(2)", "4.5(3)", "4.6", "4.7",
        ] {
            assert!(
                RULES
                    .iter()
                    .any(|r| r.challenges.contains(&id) || r.strategies.contains(&id)),
                "{id} unreachable"
            );
        }
    }

    #[test]
    fn paper_thresholds_match_the_criterion_and_figure_2() {
        let t = |id: &str| RULES.iter().find(|r| r.id == id).map(|r| r.threshold);
        assert_eq!(
            t("depletion_extraction_ratio"),
            Some(crate::depletion::PAPER_CRITERION.extraction_ratio_above)
        );
        assert_eq!(
            t("depletion_reserve_years"),
            Some(crate::depletion::PAPER_CRITERION.reserve_years_at_most)
        );
        let wind = (727.0f64 / 437.0).powf(0.25) - 1.0;
        let solar = (187.0f64 / 20.0).powf(0.25) - 1.0;
        assert!((t("energy_wind_growth_below_northeast").unwrap() - wind).abs() < 1e-6);
        assert!((t("energy_solar_growth_below_northeast").unwrap() - solar).abs() < 1e-6);
    }

    #[test]
    fn depletion_fires_3_2_2_and_4_5_1() {
        let a = run(&[
            ("depletion.extraction_ratio", 0.71),
            ("depletion.reserve_years", 12.0),
        ]);
        assert_eq!(fired(&a), vec!["depletion_extraction_ratio"]);
        assert_eq!(a.findings[0].value, 0.71);
        assert_eq!(a.not_triggered[0].rule, "depletion_reserve_years");
        let ch: Vec<_> = a.challenges.iter().map(|c| c.section.id).collect();
        assert_eq!(ch, vec!["3.2(1)", "3.2(2)"]);
        assert!(a.strategies.iter().any(|s| s.section.id == "4.5(1)"));
        // Exactly 70 % does not fire; exactly 5 years does.
        let b = run(&[
            ("depletion.extraction_ratio", 0.70),
            ("depletion.reserve_years", 5.0),
        ]);
        assert_eq!(fired(&b), vec!["depletion_reserve_years"]);
    }

    #[test]
    fn pm25_at_the_limit_does_not_fire_above_it_does() {
        // 35 is not above 35 (GB 3095-2012) but is above 30 (GB 3095-2026 transition).
        assert_eq!(
            fired(&run(&[("air.pm25_annual_ug_m3", 35.0)])),
            vec!["air_pm25_gb3095_2026_transition"]
        );
        let a = run(&[("air.pm25_annual_ug_m3", 54.0)]);
        assert_eq!(
            fired(&a),
            vec!["air_pm25_gb3095_2012", "air_pm25_gb3095_2026_transition"]
        );
        let s = a
            .strategies
            .iter()
            .find(|s| s.section.id == "4.5(2)")
            .unwrap();
        assert_eq!(
            s.triggered_by,
            vec!["air_pm25_gb3095_2012", "air_pm25_gb3095_2026_transition"]
        );
    }

    #[test]
    fn population_outflow_points_to_talent() {
        let a = run(&[
            ("population.net_migration_per_1000", -2.36),
            ("population.tertiary_share", 0.2),
        ]);
        assert_eq!(fired(&a), vec!["population_net_out_migration"]);
        assert!(a.challenges.iter().any(|c| c.section.id == "3.3(1)"));
        assert!(a.strategies.iter().any(|s| s.section.id == "4.3(3)"));
        assert_eq!(a.not_evaluated.len(), RULES.len() - 2);
    }

    #[test]
    fn unknown_or_bad_diagnostics_are_errors() {
        let map = BTreeMap::from([("air.pm25".to_string(), 40.0)]);
        assert_eq!(
            advise(&map),
            Err(AdviceError::UnknownDiagnostic {
                id: "air.pm25".into()
            })
        );
        let map = BTreeMap::from([("population.cagr".to_string(), f64::NAN)]);
        assert!(matches!(advise(&map), Err(AdviceError::NotFinite { .. })));
    }

    #[test]
    fn no_diagnostics_means_nothing_evaluated() {
        let a = run(&[]);
        assert!(a.findings.is_empty() && a.challenges.is_empty());
        assert_eq!(a.not_evaluated.len(), RULES.len());
    }
}
