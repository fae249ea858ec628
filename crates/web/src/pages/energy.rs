//! Energy transition: a city's generation mix, the growth of wind and solar beside the
//! Northeast's growth in the paper's Figure 2, and the CO2 that wind and solar avoid.
//!
//! The maths is `renewal_calc::energy` (paper sections 4.6–4.7); this module only turns the
//! workspace or a pasted table into the engine's records, locates what is wrong in the table
//! (row, column, value, why), and builds the chart. Everything above the view is plain Rust and
//! tested natively.

use crate::charts::{escape_html, PALETTE};
use crate::components::chart::EChart;
use crate::components::export::ExportTable;
use crate::export::Src;
use crate::format::{adaptive, number, percent};
use crate::state::{City, Workspace};
use charming::component::{Aria, Axis, Grid, Legend, Title};
use charming::element::{AxisType, Color, NameLocation, Tooltip, Trigger};
use charming::series::Bar;
use charming::Chart;
use leptos::prelude::*;
use renewal_calc::energy::grid_factor::{
    default_grid_factor, grid_factor, GridFactor, GRID_FACTORS,
};
use renewal_calc::energy::units::{EnergyUnit, Kw, Kwh, PowerUnit, ENERGY_UNITS};
use renewal_calc::energy::{
    self, growth_multiple_and_cagr, EnergyError, EnergyRecord, EnergyReport, EnergySource,
    GrowthComparison, ReferenceGrowth, SOURCE_CLASSES,
};
use renewal_data::baseline::{self, FigureSource};
use renewal_data::number::{scan, Scan};
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
    InputsHeading,
    City,
    NoCity,
    Table,
    TableHint,
    GenUnit,
    CapUnit,
    Factor,
    FactorSource,
    Reset,
    Edited,
    ErrorsHeading,
    Row,
    Column,
    Value,
    Why,
    ColYear,
    ColSource,
    ColGeneration,
    ColCapacity,
    WhyYear,
    WhySource,
    WhyNumber,
    WhyAmbiguous,
    WhyNegative,
    WhyColumns,
    WhyDuplicate,
    WhyCapacityFactor,
    WhyNoRecords,
    WhyFactor,
    Empty,
    MixHeading,
    MixCaption,
    Year,
    Total,
    Renewable,
    NonFossil,
    Fossil,
    WindSolar,
    GrowthHeading,
    GrowthCaption,
    Source,
    Period,
    Multiple,
    Cagr,
    Northeast,
    Difference,
    SamePeriod,
    OtherPeriod,
    NoSeries,
    AllRenewables,
    ChartTitle,
    ChartAxis,
    NortheastSeries,
    SourcesHeading,
    SourcesCaption,
    From,
    To,
    Co2Heading,
    Co2Caption,
    Wind,
    Solar,
    Co2Total,
    FactorUsed,
    MethodHeading,
    Method,
    UnitNote,
}

impl M {
    fn text(self, lang: Lang) -> &'static str {
        let (en, zh) = match self {
            Self::Heading => ("Energy transition", "能源转型"),
            Self::Intro => ("The generation mix of a city by year, how fast its wind and solar generation grew compared with the Northeast in the paper's Figure 2, and the CO2 that wind and solar avoided at a published grid emission factor.", "城市历年发电结构、风电和光伏发电量增速与论文图2中东北地区增速的比较，以及按公开电网排放因子计算的风电、光伏减排二氧化碳量。"),
            Self::InputsHeading => ("Inputs", "输入"),
            Self::City => ("City", "城市"),
            Self::NoCity => ("No city in your data yet: paste a table on the Your data page, or type generation figures below.", "您的数据中尚无城市：请在“我的数据”页面粘贴表格，或在下方输入发电数据。"),
            Self::Table => ("Generation and capacity by source and year", "按电源和年份的发电量与装机容量"),
            Self::TableHint => ("One row per source and year: year, source, generation, capacity (either may be empty), separated by tabs, semicolons or spaces. Decimal commas are read. Sources: coal, gas, oil, hydro, nuclear, wind, solar, biomass, other (or 煤电, 气电, 水电, 核电, 风电, 光伏, 生物质, 其他; thermal/火电 counts as coal). Filled in from the city's data; edit or paste freely.", "每行一个电源和年份：年份、电源、发电量、装机容量（后两者可留空），以制表符、分号或空格分隔，可用逗号作小数点。电源：煤电、气电、油、水电、核电、风电、光伏、生物质、其他（或 coal、gas、wind、solar 等；火电按煤电计）。已按城市数据填好，可直接修改或粘贴。"),
            Self::GenUnit => ("Unit of generation", "发电量单位"),
            Self::CapUnit => ("Unit of capacity", "装机容量单位"),
            Self::Factor => ("Grid emission factor", "电网排放因子"),
            Self::FactorSource => ("Source", "来源"),
            Self::Reset => ("Refill from the city's data", "按城市数据重新填写"),
            Self::Edited => ("Your edits are kept when you change a unit: the numbers are then read in the new unit.", "更改单位时保留您的修改：数字将按新单位解读。"),
            Self::ErrorsHeading => ("Values that could not be used", "无法使用的数值"),
            Self::Row => ("Row", "行"),
            Self::Column => ("Column", "列"),
            Self::Value => ("Value", "数值"),
            Self::Why => ("Why", "原因"),
            Self::ColYear => ("year", "年份"),
            Self::ColSource => ("source", "电源"),
            Self::ColGeneration => ("generation", "发电量"),
            Self::ColCapacity => ("capacity", "装机容量"),
            Self::WhyYear => ("not a year (a whole number such as 2020)", "不是年份（应为 2020 这样的整数）"),
            Self::WhySource => ("not a known source", "无法识别的电源类型"),
            Self::WhyNumber => ("not a number", "不是数字"),
            Self::WhyAmbiguous => ("could be read with either decimal mark; write it without a thousands separator", "小数点与千位分隔符无法确定，请去掉千位分隔符"),
            Self::WhyNegative => ("negative: generation and capacity cannot be below zero", "为负数：发电量和装机容量不能小于零"),
            Self::WhyColumns => ("needs at least a year and a source", "至少需要年份和电源两列"),
            Self::WhyDuplicate => ("this source already has a row for this year", "该电源在这一年已有一行"),
            Self::WhyCapacityFactor => ("generation is more than the capacity could produce running all year (capacity factor above 1): check the units", "发电量超过该装机容量全年满发的电量（容量系数大于1）：请检查单位"),
            Self::WhyNoRecords => ("no row with a year and a source", "没有包含年份和电源的行"),
            Self::WhyFactor => ("the grid factor is not a non-negative number", "电网排放因子不是非负数"),
            Self::Empty => ("Nothing to compute yet: the table has no generation or capacity rows (this city has no energy data). Paste or type them above, or add columns such as 风电发电量 on the Your data page.", "尚无可计算的内容：表格中没有发电量或装机容量行（该城市没有能源数据）。请在上方粘贴或输入，或在“我的数据”页面添加“风电发电量”等列。"),
            Self::MixHeading => ("Generation mix by year", "历年发电结构"),
            Self::MixCaption => ("generation mix", "发电结构"),
            Self::Year => ("Year", "年份"),
            Self::Total => ("Total generation", "发电量合计"),
            Self::Renewable => ("Renewable", "可再生能源"),
            Self::NonFossil => ("Non-fossil", "非化石能源"),
            Self::Fossil => ("Fossil", "化石能源"),
            Self::WindSolar => ("Wind + solar", "风电＋光伏"),
            Self::GrowthHeading => ("Growth of wind and solar compared with the Northeast", "风电、光伏增长与东北地区比较"),
            Self::GrowthCaption => ("growth beside the Northeast (Figure 2)", "增长与东北（图2）对比"),
            Self::Source => ("Source", "电源"),
            Self::Period => ("Period", "时段"),
            Self::Multiple => ("Multiple", "倍数"),
            Self::Cagr => ("CAGR", "年均增长率"),
            Self::Northeast => ("Northeast", "东北"),
            Self::Difference => ("CAGR difference", "增长率之差"),
            Self::SamePeriod => ("The city's years are the paper's (2016–2020): both the multiples and the CAGRs compare directly.", "城市年份与论文相同（2016–2020）：倍数和年均增长率均可直接比较。"),
            Self::OtherPeriod => ("The city's years differ from the paper's 2016–2020: compare the CAGRs, not the multiples.", "城市年份与论文的 2016–2020 年不同：请比较年均增长率，而非倍数。"),
            Self::NoSeries => ("no data", "无数据"),
            Self::AllRenewables => ("All renewables", "全部可再生能源"),
            Self::ChartTitle => ("Average annual growth of generation, %", "发电量年均增长率，%"),
            Self::ChartAxis => ("% per year", "%/年"),
            Self::NortheastSeries => ("Northeast 2016–2020 (paper, Fig. 2)", "东北 2016–2020（论文图2）"),
            Self::SourcesHeading => ("Growth of every source", "各电源的增长"),
            Self::SourcesCaption => ("generation and capacity, first to last reported year", "发电量与装机容量，首个到最后一个报告年份"),
            Self::From => ("From", "起"),
            Self::To => ("To", "止"),
            Self::Co2Heading => ("CO2 avoided by wind and solar", "风电、光伏减排二氧化碳"),
            Self::Co2Caption => ("CO2 avoided", "减排二氧化碳"),
            Self::Wind => ("Wind", "风电"),
            Self::Solar => ("Solar", "光伏"),
            Self::Co2Total => ("Total, t CO2", "合计，吨 CO2"),
            Self::FactorUsed => ("Factor used", "所用因子"),
            Self::MethodHeading => ("Method and sources", "方法与来源"),
            Self::Method => ("Shares are each group's generation divided by the sum of the generation reported in that year (renewable: hydro, wind, solar, biomass; non-fossil adds nuclear; fossil: coal, gas, oil; a total larger than the sources is counted as \"other\"). Growth is the multiple between the first and last reported year and its compound annual rate, CAGR = multiple^(1/years) − 1, compared with the Northeast's solar (20 → 187) and wind (437 → 727) generation between 2016 and 2020 in the paper's Figure 2 (sections 4.6–4.7). CO2 avoided = wind and solar generation × the grid emission factor (tCO2/MWh) of the Ministry of Ecology and Environment and the National Bureau of Statistics; an average factor understates what new wind and solar displace, the fossil-only factor is an upper bound. Engine: renewal_calc::energy.", "占比为各类发电量除以当年已报告发电量之和（可再生能源：水电、风电、光伏、生物质；非化石能源另含核电；化石能源：煤电、气电、油；合计大于各电源之和的部分计为“其他”）。增长为首末报告年份之间的倍数及其复合年均增长率 CAGR = 倍数^(1/年数) − 1，与论文图2（第4.6–4.7节）中东北地区 2016 至 2020 年光伏（20 → 187）和风电（437 → 727）发电量比较。减排量 = 风电与光伏发电量 × 生态环境部、国家统计局公布的电网排放因子（吨CO2/兆瓦时）；平均因子低估新增风光替代的排放，仅化石电源因子为上限。计算引擎：renewal_calc::energy。"),
            Self::UnitNote => ("The paper prints Figure 2 in \"trillion watt hours\", most likely 10^8 kWh (亿千瓦时); growth multiples and CAGRs do not depend on the unit.", "论文图2单位印作“万亿瓦时”，很可能是亿千瓦时；增长倍数和年均增长率与单位无关。"),
        };
        lang.pick(en, zh)
    }
}

/// A source's name in `lang` (also how the table is filled in).
pub fn source_label(source: EnergySource, lang: Lang) -> &'static str {
    let (en, zh) = match source {
        EnergySource::Coal => ("coal", "煤电"),
        EnergySource::Gas => ("gas", "气电"),
        EnergySource::Oil => ("oil", "油"),
        EnergySource::Hydro => ("hydro", "水电"),
        EnergySource::Nuclear => ("nuclear", "核电"),
        EnergySource::Wind => ("wind", "风电"),
        EnergySource::Solar => ("solar", "光伏"),
        EnergySource::Biomass => ("biomass", "生物质"),
        _ => ("other", "其他"),
    };
    lang.pick(en, zh)
}

/// A source's name for tables and charts (capitalised in English).
pub fn source_name(source: EnergySource, lang: Lang) -> &'static str {
    let (en, zh) = match source {
        EnergySource::Coal => ("Coal", "煤电"),
        EnergySource::Gas => ("Gas", "气电"),
        EnergySource::Oil => ("Oil", "油电"),
        EnergySource::Hydro => ("Hydro", "水电"),
        EnergySource::Nuclear => ("Nuclear", "核电"),
        EnergySource::Wind => ("Wind", "风电"),
        EnergySource::Solar => ("Solar", "光伏"),
        EnergySource::Biomass => ("Biomass", "生物质"),
        _ => ("Other", "其他"),
    };
    lang.pick(en, zh)
}

/// A unit's name in `lang`.
pub fn energy_unit_label(unit: EnergyUnit, lang: Lang) -> &'static str {
    match unit {
        EnergyUnit::HundredMillionKwh => lang.pick("10^8 kWh (亿千瓦时)", "亿千瓦时"),
        other => other.symbol(),
    }
}

/// A unit's name in `lang`.
pub fn power_unit_label(unit: PowerUnit, lang: Lang) -> &'static str {
    match unit {
        PowerUnit::TenThousandKw => lang.pick("10^4 kW (万千瓦)", "万千瓦"),
        other => other.symbol(),
    }
}

/// Every power unit, smallest first.
pub const POWER_UNITS: [PowerUnit; 4] = [
    PowerUnit::Kw,
    PowerUnit::Mw,
    PowerUnit::TenThousandKw,
    PowerUnit::Gw,
];

// ---------------------------------------------------------------------------------------------
// From the workspace
// ---------------------------------------------------------------------------------------------

/// kWh per GWh and kW per MW: the workspace stores generation in GWh and capacity in MW (the
/// catalogue's canonical units, renewal_data::indicator::CATALOGUE).
const KWH_PER_GWH: f64 = 1e6;
const KW_PER_MW: f64 = 1e3;

/// The generation indicators that are one source each.
const GENERATION: [(IndicatorId, EnergySource); 9] = [
    (IndicatorId::GenerationCoal, EnergySource::Coal),
    (IndicatorId::GenerationGas, EnergySource::Gas),
    (IndicatorId::GenerationOil, EnergySource::Oil),
    (IndicatorId::GenerationHydro, EnergySource::Hydro),
    (IndicatorId::GenerationNuclear, EnergySource::Nuclear),
    (IndicatorId::GenerationWind, EnergySource::Wind),
    (IndicatorId::GenerationSolar, EnergySource::Solar),
    (IndicatorId::GenerationBiomass, EnergySource::Biomass),
    (IndicatorId::GenerationOther, EnergySource::Other),
];

/// The capacity indicators that are one source each.
const CAPACITY: [(IndicatorId, EnergySource); 2] = [
    (IndicatorId::CapacityWind, EnergySource::Wind),
    (IndicatorId::CapacitySolar, EnergySource::Solar),
];

/// The indicators the energy engine can use, for "what is missing" messages.
pub const ENERGY_INDICATORS: [IndicatorId; 4] = [
    IndicatorId::GenerationWind,
    IndicatorId::GenerationSolar,
    IndicatorId::GenerationThermal,
    IndicatorId::GenerationTotal,
];

/// Whether a city has any generation or capacity series.
pub fn has_energy(city: &City) -> bool {
    GENERATION
        .iter()
        .map(|(i, _)| *i)
        .chain(CAPACITY.iter().map(|(i, _)| *i))
        .chain([IndicatorId::GenerationThermal, IndicatorId::GenerationTotal])
        .any(|i| city.series.get(&i).is_some_and(|s| !s.is_empty()))
}

/// The engine's records from a city's series, in kWh and kW.
///
/// - Thermal generation (火电) counts as coal in a year that reports no coal, gas or oil
///   generation (in China almost all thermal power is coal-fired); otherwise it is ignored, since
///   it would double-count them.
/// - A total generation larger than the sum of the sources reported that year adds the
///   difference as `Other`, so shares are of the whole total and not only of the sources given
///   (a total without sources gives `Other` only). A smaller total is ignored.
/// - Installed capacity is read for wind and solar; total capacity is not a source.
pub fn city_records(city: &City) -> Vec<EnergyRecord> {
    /// (generation kWh, capacity kW) of each source, by year.
    type Cells = BTreeMap<EnergySource, (Option<f64>, Option<f64>)>;
    let mut by_year: BTreeMap<i32, Cells> = BTreeMap::new();
    for (indicator, source) in GENERATION {
        for (y, v) in city.annual(indicator) {
            by_year.entry(y).or_default().entry(source).or_default().0 = Some(v * KWH_PER_GWH);
        }
    }
    for (y, v) in city.annual(IndicatorId::GenerationThermal) {
        let row = by_year.entry(y).or_default();
        let fossil_given = [EnergySource::Coal, EnergySource::Gas, EnergySource::Oil]
            .iter()
            .any(|s| row.get(s).is_some_and(|c| c.0.is_some()));
        if !fossil_given {
            row.entry(EnergySource::Coal).or_default().0 = Some(v * KWH_PER_GWH);
        }
    }
    for (y, total) in city.annual(IndicatorId::GenerationTotal) {
        let row = by_year.entry(y).or_default();
        let sum: f64 = row.values().filter_map(|c| c.0).sum();
        let rest = total * KWH_PER_GWH - sum;
        // Relative tolerance: a total computed from the parts must not create a tiny "other".
        if rest > 1e-9 * total.abs() * KWH_PER_GWH {
            let other = row.entry(EnergySource::Other).or_default();
            other.0 = Some(other.0.unwrap_or(0.0) + rest);
        }
    }
    for (indicator, source) in CAPACITY {
        for (y, v) in city.annual(indicator) {
            by_year.entry(y).or_default().entry(source).or_default().1 = Some(v * KW_PER_MW);
        }
    }
    by_year
        .into_iter()
        .flat_map(|(year, row)| {
            row.into_iter().map(move |(source, (g, c))| EnergyRecord {
                year,
                source,
                generation: g.map(Kwh),
                capacity: c.map(Kw),
            })
        })
        .collect()
}

/// A value for the table: at most six decimals, without trailing zeros (so 154.8 is not
/// written 154.79999999999998), with a point as in both languages' CLDR symbols.
fn plain(v: f64) -> String {
    let s = format!("{v:.6}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.to_string()
    }
}

/// The records as the editable table: a header, then one tab-separated row per record, in the
/// chosen units and `lang`'s source names.
pub fn table_text(
    records: &[EnergyRecord],
    unit: EnergyUnit,
    cap_unit: PowerUnit,
    lang: Lang,
) -> String {
    let mut out = format!(
        "{}\t{}\t{}\t{}\n",
        M::ColYear.text(lang),
        M::ColSource.text(lang),
        M::ColGeneration.text(lang),
        M::ColCapacity.text(lang)
    );
    for r in records {
        let g = r
            .generation
            .map(|g| plain(unit.from_kwh(g)))
            .unwrap_or_default();
        let c = r
            .capacity
            .map(|c| plain(c.0 / cap_unit.kw_per_unit()))
            .unwrap_or_default();
        out.push_str(&format!(
            "{}\t{}\t{g}\t{c}\n",
            r.year,
            source_label(r.source, lang)
        ));
    }
    out
}

// ---------------------------------------------------------------------------------------------
// The typed table
// ---------------------------------------------------------------------------------------------

/// A column of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    /// Year.
    Year,
    /// Source.
    Source,
    /// Generation.
    Generation,
    /// Installed capacity.
    Capacity,
}

impl Column {
    fn name(self, lang: Lang) -> &'static str {
        match self {
            Self::Year => M::ColYear.text(lang),
            Self::Source => M::ColSource.text(lang),
            Self::Generation => M::ColGeneration.text(lang),
            Self::Capacity => M::ColCapacity.text(lang),
        }
    }
}

/// Why a cell or row cannot be used.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Why {
    /// Not a whole-number year.
    NotAYear,
    /// Not a source name.
    UnknownSource,
    /// Not a number.
    NotANumber,
    /// `1,234`: a decimal comma or a thousands separator.
    Ambiguous,
    /// Below zero.
    Negative,
    /// Fewer than two cells.
    TooFewCells,
    /// The same source twice in one year.
    Duplicate,
    /// Generation / (capacity × hours) above 1.
    CapacityFactor(f64),
    /// No usable row.
    NoRecords,
    /// The grid factor is unusable.
    BadFactor,
}

impl Why {
    /// The reason in `lang`.
    pub fn text(self, lang: Lang) -> String {
        match self {
            Self::NotAYear => M::WhyYear.text(lang).into(),
            Self::UnknownSource => M::WhySource.text(lang).into(),
            Self::NotANumber => M::WhyNumber.text(lang).into(),
            Self::Ambiguous => M::WhyAmbiguous.text(lang).into(),
            Self::Negative => M::WhyNegative.text(lang).into(),
            Self::TooFewCells => M::WhyColumns.text(lang).into(),
            Self::Duplicate => M::WhyDuplicate.text(lang).into(),
            Self::CapacityFactor(cf) => {
                format!(
                    "{} ({})",
                    M::WhyCapacityFactor.text(lang),
                    number(cf, 2, lang)
                )
            }
            Self::NoRecords => M::WhyNoRecords.text(lang).into(),
            Self::BadFactor => M::WhyFactor.text(lang).into(),
        }
    }
}

/// A located problem: the table's row (1-based line, as the user counts it), the column, the
/// text found there and why it cannot be used.
#[derive(Debug, Clone, PartialEq)]
pub struct CellError {
    /// 1-based line of the text area (0 when the problem is not in one row).
    pub row: usize,
    /// The column, when one cell is at fault.
    pub column: Option<Column>,
    /// What was typed.
    pub value: String,
    /// Why.
    pub why: Why,
}

/// The records read from the table, each with its 1-based line.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadTable {
    /// The records.
    pub records: Vec<EnergyRecord>,
    /// The line of each record.
    pub lines: Vec<usize>,
}

fn cells(line: &str) -> Vec<&str> {
    if line.contains('\t') {
        line.split('\t').map(str::trim).collect()
    } else if line.contains(';') {
        line.split(';').map(str::trim).collect()
    } else {
        line.split_whitespace().collect()
    }
}

/// A source name in either language, the engine's spellings, or thermal (counted as coal).
pub fn parse_source(text: &str) -> Option<EnergySource> {
    if let Ok(s) = text.parse::<EnergySource>() {
        return Some(s);
    }
    let t = text.trim().to_lowercase();
    if matches!(
        t.as_str(),
        "thermal" | "火电" | "油电" | "光伏发电" | "太阳能发电"
    ) {
        return Some(match t.as_str() {
            "油电" => EnergySource::Oil,
            "光伏发电" | "太阳能发电" => EnergySource::Solar,
            _ => EnergySource::Coal,
        });
    }
    SOURCE_CLASSES.iter().map(|k| k.source).find(|&s| {
        [Lang::En, Lang::Zh]
            .iter()
            .any(|&l| source_label(s, l).to_lowercase() == t)
    })
}

/// An optional non-negative number, read with either decimal mark when unambiguous
/// (`renewal_data::number::scan`: `42,5` is 42.5, `1,234` could be either and is refused).
fn read_number(text: &str) -> Result<Option<f64>, Why> {
    match scan(text) {
        Scan::Missing => Ok(None),
        Scan::Invalid(_) => Err(Why::NotANumber),
        Scan::Number(r) => match (r.as_point, r.as_comma) {
            (Some(p), Some(c)) if p != c => Err(Why::Ambiguous),
            (Some(v), _) | (None, Some(v)) if v < 0.0 => Err(Why::Negative),
            (Some(v), _) | (None, Some(v)) => Ok(Some(v)),
            (None, None) => Err(Why::NotANumber),
        },
    }
}

/// Reads the typed table. A first line whose first cell is not a year is a header. Empty lines
/// are skipped.
///
/// # Errors
/// Every bad cell, located (row, column, value, why); nothing is read partially.
pub fn read_table(
    text: &str,
    unit: EnergyUnit,
    cap_unit: PowerUnit,
) -> Result<ReadTable, Vec<CellError>> {
    let mut records = Vec::new();
    let mut lines = Vec::new();
    let mut errors = Vec::new();
    let mut first = true;
    for (i, line) in text.lines().enumerate() {
        let row = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        let c = cells(line);
        let year_text = c.first().copied().unwrap_or_default();
        let year = year_text
            .parse::<i32>()
            .ok()
            .filter(|y| (1000..=9999).contains(y));
        if first {
            first = false;
            if year.is_none() {
                continue;
            }
        }
        if c.len() < 2 {
            errors.push(CellError {
                row,
                column: None,
                value: line.trim().to_string(),
                why: Why::TooFewCells,
            });
            continue;
        }
        let mut bad = |column, value: &str, why| {
            errors.push(CellError {
                row,
                column: Some(column),
                value: value.to_string(),
                why,
            })
        };
        if year.is_none() {
            bad(Column::Year, year_text, Why::NotAYear);
        }
        let source_text = c.get(1).copied().unwrap_or_default();
        let source = parse_source(source_text);
        if source.is_none() {
            bad(Column::Source, source_text, Why::UnknownSource);
        }
        let mut value = |column, k: usize| {
            let t = c.get(k).copied().unwrap_or_default();
            read_number(t).map_err(|why| bad(column, t, why)).ok()
        };
        let g = value(Column::Generation, 2);
        let cap = value(Column::Capacity, 3);
        if let (Some(year), Some(source), Some(g), Some(cap)) = (year, source, g, cap) {
            records.push(EnergyRecord {
                year,
                source,
                generation: g.map(|v| unit.to_kwh(v)),
                capacity: cap.map(|v| cap_unit.to_kw(v)),
            });
            lines.push(row);
        }
    }
    if errors.is_empty() {
        Ok(ReadTable { records, lines })
    } else {
        Err(errors)
    }
}

/// What the page shows for a valid table.
#[derive(Debug, Clone, PartialEq)]
pub struct EnergyResult {
    /// The engine's report.
    pub report: EnergyReport,
    /// Wind and solar beside the Northeast.
    pub comparison: Vec<GrowthComparison>,
    /// Growth of all renewable generation, first to last year: (from year, to year, multiple,
    /// CAGR).
    pub renewables: Option<(i32, i32, Option<f64>, Option<f64>)>,
}

/// The Northeast's 2016→2020 solar and wind generation from the paper's Figure 2.
pub fn northeast_reference() -> Vec<ReferenceGrowth> {
    baseline::GENERATION_2016_2020
        .iter()
        .map(|p| ReferenceGrowth {
            source: match p.source {
                FigureSource::Solar => EnergySource::Solar,
                FigureSource::Wind => EnergySource::Wind,
            },
            from_year: 2016,
            to_year: 2020,
            from_value: p.y2016,
            to_value: p.y2020,
        })
        .collect()
}

/// The engine's error located in the table.
fn locate(e: &EnergyError, table: &ReadTable, text: &str) -> CellError {
    let line_text = |row: usize| {
        text.lines()
            .nth(row.saturating_sub(1))
            .unwrap_or_default()
            .trim()
            .to_string()
    };
    let row_of = |year: i32, source: EnergySource| {
        table
            .records
            .iter()
            .zip(&table.lines)
            .find(|(r, _)| r.year == year && r.source == source)
            .map(|(_, &l)| l)
            .unwrap_or(0)
    };
    match e {
        EnergyError::Duplicate { index, .. } => {
            let row = table.lines.get(*index).copied().unwrap_or(0);
            CellError {
                row,
                column: Some(Column::Source),
                value: line_text(row),
                why: Why::Duplicate,
            }
        }
        EnergyError::CapacityFactorAboveOne {
            year,
            energy_source,
            capacity_factor,
        } => {
            let row = row_of(*year, *energy_source);
            let value = cells(&line_text(row))
                .get(3)
                .map(|s| s.to_string())
                .unwrap_or_default();
            CellError {
                row,
                column: Some(Column::Capacity),
                value,
                why: Why::CapacityFactor(*capacity_factor),
            }
        }
        EnergyError::BadValue { index, value, .. } => CellError {
            row: table.lines.get(*index).copied().unwrap_or(0),
            column: None,
            value: value.to_string(),
            why: Why::NotANumber,
        },
        EnergyError::BadGridFactor(v) => CellError {
            row: 0,
            column: None,
            value: v.to_string(),
            why: Why::BadFactor,
        },
        _ => CellError {
            row: 0,
            column: None,
            value: String::new(),
            why: Why::NoRecords,
        },
    }
}

/// Whether the outcome is only "no rows": an empty table (a city without energy data) is not an
/// error to flag, just nothing to compute yet.
pub fn is_empty(outcome: &Result<EnergyResult, Vec<CellError>>) -> bool {
    matches!(outcome, Err(e) if e.len() == 1 && e.iter().all(|c| c.why == Why::NoRecords))
}

/// Reads the table and runs the engine.
///
/// # Errors
/// The located problems of [`read_table`], or the engine's refusal located in the table.
pub fn compute(
    text: &str,
    unit: EnergyUnit,
    cap_unit: PowerUnit,
    factor: &GridFactor,
) -> Result<EnergyResult, Vec<CellError>> {
    let table = read_table(text, unit, cap_unit)?;
    let report = energy::assess(&table.records, factor.t_co2_per_mwh)
        .map_err(|e| vec![locate(&e, &table, text)])?;
    Ok(result_of(report))
}

/// The comparison and the all-renewables growth of a report.
pub fn result_of(report: EnergyReport) -> EnergyResult {
    let comparison = energy::compare_growth(&report, &northeast_reference());
    let renewables = match (report.years.first(), report.years.last()) {
        (Some(a), Some(b)) if b.year > a.year => {
            let years = u32::try_from(b.year - a.year).unwrap_or(0);
            let (m, c) = growth_multiple_and_cagr(a.renewable_kwh, b.renewable_kwh, years);
            Some((a.year, b.year, m, c))
        }
        _ => None,
    };
    EnergyResult {
        report,
        comparison,
        renewables,
    }
}

/// The diagnostics `renewal advise` reads, as `renewal energy` prints them: the renewable share
/// of the last year and the wind and solar generation CAGRs.
pub fn diagnostics(report: &EnergyReport) -> BTreeMap<&'static str, f64> {
    let mut d = BTreeMap::new();
    if let Some(share) = report.years.last().and_then(|y| y.renewable_share) {
        d.insert("energy.renewable_share", share);
    }
    for g in &report.generation_growth {
        let key = match g.source {
            EnergySource::Wind => "energy.wind_generation_cagr",
            EnergySource::Solar => "energy.solar_generation_cagr",
            _ => continue,
        };
        if let Some(c) = g.cagr {
            d.insert(key, c);
        }
    }
    d
}

/// The texts of the growth chart.
#[derive(Debug, Clone)]
pub struct ChartText {
    /// Title.
    pub title: String,
    /// Value axis name.
    pub axis: String,
    /// The Northeast series' name.
    pub northeast: String,
}

/// Average annual growth (CAGR, % per year) of wind and solar generation: the city's bars beside
/// the Northeast's 2016–2020 bars. CAGRs rather than multiples, because the city's period may
/// differ from the paper's. The city name is escaped here.
pub fn growth_chart(
    city: &str,
    rows: &[(String, Option<f64>, Option<f64>)],
    t: &ChartText,
) -> Chart {
    let pct = |v: Option<f64>| v.map(|c| (c * 1000.0).round() / 10.0);
    Chart::new()
        .title(Title::new().text(t.title.as_str()).left("center"))
        .color(PALETTE.iter().map(|c| Color::from(*c)).collect())
        .aria(Aria::new().enabled(true))
        .tooltip(Tooltip::new().trigger(Trigger::Axis))
        .legend(Legend::new().bottom(0))
        .grid(
            Grid::new()
                .left(8)
                .right(16)
                .top(72)
                .bottom(56)
                .contain_label(true),
        )
        .x_axis(
            Axis::new()
                .type_(AxisType::Category)
                .data(rows.iter().map(|r| escape_html(&r.0)).collect::<Vec<_>>()),
        )
        .y_axis(
            Axis::new()
                .type_(AxisType::Value)
                .name(t.axis.as_str())
                .name_location(NameLocation::End),
        )
        .series(
            Bar::new()
                .name(escape_html(city))
                .data(rows.iter().map(|r| pct(r.1)).collect::<Vec<_>>()),
        )
        .series(
            Bar::new()
                .name(escape_html(&t.northeast))
                .data(rows.iter().map(|r| pct(r.2)).collect::<Vec<_>>()),
        )
}

// ---------------------------------------------------------------------------------------------
// The view
// ---------------------------------------------------------------------------------------------

fn factor_description(f: &GridFactor, lang: Lang) -> String {
    format!(
        "{} tCO2/MWh — {}; {}; {}: {}",
        number(f.t_co2_per_mwh, 4, lang),
        f.region,
        f.scope,
        f.data_year,
        f.series
    )
}

/// The first visible city with energy data, else the first visible city.
fn default_city(ws: &Workspace) -> Option<u32> {
    ws.visible()
        .find(|c| has_energy(c))
        .or_else(|| ws.visible().next())
        .map(|c| c.id)
}

/// The energy page.
#[component]
pub fn EnergyPage() -> impl IntoView {
    let lang = expect_context::<RwSignal<Lang>>();
    let workspace = expect_context::<RwSignal<Workspace>>();
    let t = move |m: M| move || m.text(lang.get());

    let city_id = RwSignal::new(workspace.with_untracked(default_city));
    let unit = RwSignal::new(EnergyUnit::HundredMillionKwh);
    let cap_unit = RwSignal::new(PowerUnit::Mw);
    let factor_id = RwSignal::new(default_grid_factor().id);
    let edited = RwSignal::new(false);
    let fill = move || {
        let records = workspace.with_untracked(|ws| {
            city_id
                .get_untracked()
                .and_then(|id| ws.city(id))
                .map(city_records)
                .unwrap_or_default()
        });
        table_text(
            &records,
            unit.get_untracked(),
            cap_unit.get_untracked(),
            lang.get_untracked(),
        )
    };
    let text = RwSignal::new(fill());
    let refill = move || {
        edited.set(false);
        text.set(fill());
    };
    // Source names follow the language while the table is the city's own.
    Effect::new(move |prev: Option<Lang>| {
        let l = lang.get();
        if prev.is_some_and(|p| p != l) && !edited.get_untracked() {
            text.set(fill());
        }
        l
    });

    let factor = move || grid_factor(factor_id.get()).unwrap_or_else(default_grid_factor);
    let result = Memo::new(move |_| compute(&text.get(), unit.get(), cap_unit.get(), factor()));
    let has_years =
        Memo::new(move |_| result.with(|r| r.as_ref().is_ok_and(|r| !r.report.years.is_empty())));
    let city_name = move || {
        workspace.with(|ws| {
            city_id
                .get()
                .and_then(|id| ws.city(id))
                .map(|c| c.name.clone())
                .unwrap_or_default()
        })
    };

    view! {
        <section class="page energy-page" aria-labelledby="energy-heading">
            <h2 id="energy-heading">{t(M::Heading)}</h2>
            <p class="lead">{t(M::Intro)}</p>
            <section class="card" aria-labelledby="energy-inputs">
                <h3 id="energy-inputs">{t(M::InputsHeading)}</h3>
                <div class="energy-form">
                    {move || {
                        let cities: Vec<(u32, String)> = workspace
                            .with(|ws| ws.visible().map(|c| (c.id, c.name.clone())).collect());
                        if cities.is_empty() {
                            return view! { <p class="note">{t(M::NoCity)}</p> }.into_any();
                        }
                        view! {
                            <div class="energy-field">
                                <label for="energy-city">{t(M::City)}</label>
                                <select
                                    id="energy-city"
                                    on:change=move |ev| {
                                        city_id.set(event_target_value(&ev).parse().ok());
                                        refill();
                                    }
                                >
                                    {cities
                                        .into_iter()
                                        .map(|(id, name)| {
                                            view! {
                                                <option value=id.to_string() selected=move || city_id.get() == Some(id)>
                                                    {name}
                                                </option>
                                            }
                                        })
                                        .collect_view()}
                                </select>
                            </div>
                        }
                        .into_any()
                    }}
                    <div class="energy-field">
                        <label for="energy-unit">{t(M::GenUnit)}</label>
                        <select
                            id="energy-unit"
                            on:change=move |ev| {
                                let v = event_target_value(&ev);
                                if let Some(u) = ENERGY_UNITS.into_iter().find(|u| u.symbol() == v) {
                                    unit.set(u);
                                    if !edited.get_untracked() {
                                        text.set(fill());
                                    }
                                }
                            }
                        >
                            {ENERGY_UNITS
                                .into_iter()
                                .map(|u| view! {
                                    <option value=u.symbol() selected=move || unit.get() == u>
                                        {move || energy_unit_label(u, lang.get())}
                                    </option>
                                })
                                .collect_view()}
                        </select>
                    </div>
                    <div class="energy-field">
                        <label for="energy-cap-unit">{t(M::CapUnit)}</label>
                        <select
                            id="energy-cap-unit"
                            on:change=move |ev| {
                                let v = event_target_value(&ev);
                                if let Some(u) = POWER_UNITS.into_iter().find(|u| u.symbol() == v) {
                                    cap_unit.set(u);
                                    if !edited.get_untracked() {
                                        text.set(fill());
                                    }
                                }
                            }
                        >
                            {POWER_UNITS
                                .into_iter()
                                .map(|u| view! {
                                    <option value=u.symbol() selected=move || cap_unit.get() == u>
                                        {move || power_unit_label(u, lang.get())}
                                    </option>
                                })
                                .collect_view()}
                        </select>
                    </div>
                    <div class="energy-field energy-field--wide">
                        <label for="energy-factor">{t(M::Factor)}</label>
                        <select
                            id="energy-factor"
                            aria-describedby="energy-factor-source"
                            on:change=move |ev| {
                                let v = event_target_value(&ev);
                                if let Some(f) = grid_factor(&v) {
                                    factor_id.set(f.id);
                                }
                            }
                        >
                            {GRID_FACTORS
                                .iter()
                                .map(|f| {
                                    let id = f.id;
                                    view! {
                                        <option value=id selected=move || factor_id.get() == id>
                                            {move || format!("{} tCO2/MWh — {}, {}", number(f.t_co2_per_mwh, 4, lang.get()), f.region, f.data_year)}
                                        </option>
                                    }
                                })
                                .collect_view()}
                        </select>
                        <p id="energy-factor-source" class="provenance">
                            {t(M::FactorSource)}": "<span lang="en">{move || factor_description(factor(), lang.get())}</span>
                        </p>
                    </div>
                </div>
                <div class="paste-box">
                    <label for="energy-table">{t(M::Table)}</label>
                    <p id="energy-table-hint" class="muted">{t(M::TableHint)}</p>
                    <textarea
                        id="energy-table"
                        rows="10"
                        spellcheck="false"
                        aria-describedby="energy-table-hint"
                        aria-invalid=move || result.with(|r| r.is_err() && !is_empty(r)).to_string()
                        prop:value=move || text.get()
                        on:input=move |ev| {
                            edited.set(true);
                            text.set(event_target_value(&ev));
                        }
                    ></textarea>
                    <div class="paste-box__actions">
                        <button type="button" class="button" on:click=move |_| refill()>{t(M::Reset)}</button>
                    </div>
                    {move || edited.get().then(|| view! { <p class="muted">{t(M::Edited)}</p> })}
                </div>
                {move || {
                    if result.with(is_empty) {
                        return Some(view! { <p class="note">{t(M::Empty)}</p> }.into_any());
                    }
                    result.with(|r| r.as_ref().err().cloned()).map(|errors| errors_view(errors, lang.get()).into_any())
                }}
            </section>
            // Three blocks, so that the growth chart stays mounted while the figures change: a
            // chart re-created on every edit cost an ECharts init and a first draw each time
            // (benchmark 4).
            {move || result.with(|r| r.as_ref().ok().map(|r| mix_view(r, city_name(), unit.get(), lang.get())))}
            <Show when=move || has_years.get()>
                <section class="card" aria-labelledby="energy-growth">
                    <h3 id="energy-growth">{t(M::GrowthHeading)}</h3>
                    <figure class="chart-figure chart-figure--short">
                        <EChart
                            options=move || {
                                let l = lang.get();
                                let city = city_name();
                                result.with(|r| match r {
                                    Ok(r) => growth_chart_of(r, &city, l),
                                    Err(_) => charming::Chart::new(),
                                })
                            }
                            label=Signal::derive(move || M::ChartTitle.text(lang.get()).to_string())
                        />
                    </figure>
                    {move || result.with(|r| r.as_ref().ok().map(|r| growth_tables_view(r, city_name(), unit.get(), lang.get())))}
                </section>
            </Show>
            {move || {
                has_years
                    .get()
                    .then(|| result.with(|r| r.as_ref().ok().map(|r| co2_view(r, city_name(), unit.get(), factor(), lang.get()))))
            }}
            <section class="card" aria-labelledby="energy-method">
                <h3 id="energy-method">{t(M::MethodHeading)}</h3>
                <p>{t(M::Method)}</p>
                <p class="provenance">{t(M::UnitNote)}</p>
                <p class="provenance">
                    {move || lang.get().pick(baseline::PAPER_CITATION, baseline::PAPER_CITATION_ZH)}
                    ", "
                    {move || lang.get().pick("sections 4.6–4.7, Figure 2.", "第4.6–4.7节，图2。")}
                </p>
            </section>
        </section>
    }
}

fn errors_view(errors: Vec<CellError>, lang: Lang) -> impl IntoView {
    let t = move |m: M| m.text(lang);
    view! {
        <div class="table-scroll energy-errors" tabindex="0" role="alert">
            <table class="data-table">
                <caption>{t(M::ErrorsHeading)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t(M::Row)}</th>
                        <th scope="col">{t(M::Column)}</th>
                        <th scope="col">{t(M::Value)}</th>
                        <th scope="col">{t(M::Why)}</th>
                    </tr>
                </thead>
                <tbody>
                    {errors
                        .into_iter()
                        .map(|e| {
                            let row = if e.row == 0 { "—".to_string() } else { e.row.to_string() };
                            let column = e.column;
                            let why = e.why;
                            view! {
                                <tr class="rejections__row">
                                    <th scope="row">{row}</th>
                                    <td>{column.map(|c| c.name(lang)).unwrap_or("—")}</td>
                                    <td><code>{e.value}</code></td>
                                    <td>{why.text(lang)}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}

fn share(v: Option<f64>, lang: Lang) -> String {
    v.map(|s| percent(s, 1, lang))
        .unwrap_or_else(|| crate::format::NO_VALUE.to_string())
}

fn multiple(v: Option<f64>, lang: Lang) -> String {
    v.map(|m| format!("×{}", number(m, 2, lang)))
        .unwrap_or_else(|| crate::format::NO_VALUE.to_string())
}

/// The generation mix of the city's years (or the note that there are none).
fn mix_view(r: &EnergyResult, city: String, unit: EnergyUnit, lang: Lang) -> impl IntoView {
    let t = move |m: M| m.text(lang);
    if r.report.years.is_empty() {
        return view! { <p class="note">{t(M::Empty)}</p> }.into_any();
    }
    let unit_label = energy_unit_label(unit, lang);
    let years = r.report.years.clone();
    view! {
        <section class="card" aria-labelledby="energy-mix">
            <h3 id="energy-mix">{t(M::MixHeading)}</h3>
            <ExportTable source=Src::Energy.text(lang).to_string()>
                <table class="data-table">
                    <caption>{format!("{city}: {}", M::MixCaption.text(lang))}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t(M::Year)}</th>
                            <th scope="col" class="num">{t(M::Total)}" "<span class="unit">"("{unit_label}")"</span></th>
                            <th scope="col" class="num">{t(M::Renewable)}</th>
                            <th scope="col" class="num">{t(M::NonFossil)}</th>
                            <th scope="col" class="num">{t(M::Fossil)}</th>
                            <th scope="col" class="num">{t(M::WindSolar)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {years
                            .into_iter()
                            .map(|y| view! {
                                <tr>
                                    <th scope="row">{y.year}</th>
                                    <td class="num">{adaptive(unit.from_kwh(Kwh(y.total_generation_kwh)), lang)}</td>
                                    <td class="num">{share(y.renewable_share, lang)}</td>
                                    <td class="num">{share(y.non_fossil_share, lang)}</td>
                                    <td class="num">{share(y.fossil_share, lang)}</td>
                                    <td class="num">{share(y.wind_solar_share, lang)}</td>
                                </tr>
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </ExportTable>
        </section>
    }
    .into_any()
}

/// The growth chart's options: the city's CAGR per source beside the Northeast's (Figure 2).
fn growth_chart_of(r: &EnergyResult, city: &str, l: Lang) -> charming::Chart {
    let rows: Vec<(String, Option<f64>, Option<f64>)> = r
        .comparison
        .iter()
        .map(|c| {
            (
                source_name(c.source, l).to_string(),
                c.city.and_then(|g| g.cagr),
                c.reference_cagr,
            )
        })
        .collect();
    growth_chart(
        city,
        &rows,
        &ChartText {
            title: M::ChartTitle.text(l).into(),
            axis: M::ChartAxis.text(l).into(),
            northeast: M::NortheastSeries.text(l).into(),
        },
    )
}

/// The growth tables under the chart: per source beside the Northeast, and every series.
fn growth_tables_view(
    r: &EnergyResult,
    caption_city: String,
    unit: EnergyUnit,
    lang: Lang,
) -> impl IntoView {
    let t = move |m: M| m.text(lang);
    let comparison = r.comparison.clone();
    let growth_rows = r.report.generation_growth.clone();
    let capacity_rows = r.report.capacity_growth.clone();
    let renewables = r.renewables;
    let other_period = r
        .comparison
        .iter()
        .any(|c| c.city.is_some() && !c.same_period);
    view! {
            <ExportTable source=Src::Energy.text(lang).to_string()>
                <table class="data-table">
                    <caption>{format!("{caption_city}: {}", M::GrowthCaption.text(lang))}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t(M::Source)}</th>
                            <th scope="col">{t(M::Period)}</th>
                            <th scope="col" class="num">{t(M::Multiple)}</th>
                            <th scope="col" class="num">{t(M::Cagr)}</th>
                            <th scope="col" class="num">{t(M::Northeast)}" "{t(M::Multiple)}</th>
                            <th scope="col" class="num">{t(M::Northeast)}" "{t(M::Cagr)}</th>
                            <th scope="col" class="num">{t(M::Difference)}" "<span class="unit">{lang.pick("(points)", "（百分点）")}</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        {comparison
                            .into_iter()
                            .map(|c| {
                                let period = match c.city {
                                    Some(g) => format!("{}–{}", g.from_year, g.to_year),
                                    None => M::NoSeries.text(lang).to_string(),
                                };
                                view! {
                                    <tr>
                                        <th scope="row">{source_name(c.source, lang)}</th>
                                        <td>{period}</td>
                                        <td class="num">{multiple(c.city.and_then(|g| g.multiple), lang)}</td>
                                        <td class="num">{share(c.city.and_then(|g| g.cagr), lang)}</td>
                                        <td class="num">{multiple(c.reference_multiple, lang)}</td>
                                        <td class="num">{share(c.reference_cagr, lang)}</td>
                                        <td class="num">{c.cagr_difference.map(|d| format!("{}{}", if d > 0.0 { "+" } else { "" }, number(d * 100.0, 1, lang))).unwrap_or_else(|| crate::format::NO_VALUE.into())}</td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                        {renewables.map(|(a, b, m, c)| view! {
                            <tr>
                                <th scope="row">{t(M::AllRenewables)}</th>
                                <td>{format!("{a}–{b}")}</td>
                                <td class="num">{multiple(m, lang)}</td>
                                <td class="num">{share(c, lang)}</td>
                                <td class="num">"—"</td>
                                <td class="num">"—"</td>
                                <td class="num">"—"</td>
                            </tr>
                        })}
                    </tbody>
                </table>
            </ExportTable>
            <p class="provenance">
                {if other_period { M::OtherPeriod.text(lang) } else { M::SamePeriod.text(lang) }}
            </p>
            <details class="context-notes">
                <summary>{t(M::SourcesHeading)}</summary>
                <ExportTable source=Src::Energy.text(lang).to_string()>
                    <table class="data-table">
                        <caption>{t(M::SourcesCaption)}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{t(M::Source)}</th>
                                <th scope="col">{t(M::Period)}</th>
                                <th scope="col" class="num">{t(M::From)}</th>
                                <th scope="col" class="num">{t(M::To)}</th>
                                <th scope="col" class="num">{t(M::Multiple)}</th>
                                <th scope="col" class="num">{t(M::Cagr)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {growth_rows
                                .into_iter()
                                .map(|g| (g, false))
                                .chain(capacity_rows.into_iter().map(|g| (g, true)))
                                .map(|(g, cap)| {
                                    let value = move |v: f64, l: Lang| {
                                        if cap {
                                            format!("{} MW", adaptive(v / 1e3, l))
                                        } else {
                                            format!("{} {}", adaptive(unit.from_kwh(Kwh(v)), l), energy_unit_label(unit, l))
                                        }
                                    };
                                    view! {
                                        <tr>
                                            <th scope="row">{format!("{} — {}", source_name(g.source, lang), if cap { M::ColCapacity.text(lang) } else { M::ColGeneration.text(lang) })}</th>
                                            <td>{format!("{}–{}", g.from_year, g.to_year)}</td>
                                            <td class="num">{value(g.from_value, lang)}</td>
                                            <td class="num">{value(g.to_value, lang)}</td>
                                            <td class="num">{multiple(g.multiple, lang)}</td>
                                            <td class="num">{share(g.cagr, lang)}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                </ExportTable>
            </details>
    }
}

/// CO2 avoided by wind and solar, with the grid factor used.
fn co2_view(
    r: &EnergyResult,
    city: String,
    unit: EnergyUnit,
    factor: &'static GridFactor,
    lang: Lang,
) -> impl IntoView {
    let t = move |m: M| m.text(lang);
    let unit_label = energy_unit_label(unit, lang);
    let co2 = r.report.co2_avoided.clone();
    let co2_caption = format!("{city}: {}", M::Co2Caption.text(lang));
    view! {
        <section class="card" aria-labelledby="energy-co2">
            <h3 id="energy-co2">{t(M::Co2Heading)}</h3>
            <p>
                {t(M::FactorUsed)}": "
                <strong>{format!("{} tCO2/MWh", number(factor.t_co2_per_mwh, 4, lang))}</strong>
                " ("<span lang="en">{factor.region}", "{factor.data_year}", "{factor.series}</span>")"
            </p>
            <ExportTable source=Src::Energy.text(lang).to_string()>
                <table class="data-table">
                    <caption>{co2_caption}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t(M::Year)}</th>
                            <th scope="col" class="num">{t(M::Wind)}" "<span class="unit">"("{unit_label}")"</span></th>
                            <th scope="col" class="num">{t(M::Solar)}" "<span class="unit">"("{unit_label}")"</span></th>
                            <th scope="col" class="num">{t(M::Co2Total)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {co2
                            .into_iter()
                            .map(|c| view! {
                                <tr>
                                    <th scope="row">{c.year}</th>
                                    <td class="num">{adaptive(unit.from_kwh(Kwh(c.wind_kwh)), lang)}</td>
                                    <td class="num">{adaptive(unit.from_kwh(Kwh(c.solar_kwh)), lang)}</td>
                                    <td class="num">{number(c.total_t_co2, 0, lang)}</td>
                                </tr>
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </ExportTable>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
    }

    fn city(series: &[(IndicatorId, &[(i32, f64)])]) -> City {
        City {
            id: 1,
            name: "<b>Town</b>".into(),
            hidden: false,
            example: false,
            series: series
                .iter()
                .map(|(i, pts)| (*i, pts.iter().copied().collect()))
                .collect(),
        }
    }

    fn default_factor() -> &'static GridFactor {
        default_grid_factor()
    }

    #[test]
    fn decimal_commas_units_and_headers_are_read() {
        let text = "年份\t电源\t发电量\t装机容量\n2016\t风电\t20,5\t\n2020\twind\t41\t1500\n";
        let t = read_table(text, EnergyUnit::HundredMillionKwh, PowerUnit::Mw).unwrap();
        assert_eq!(t.lines, vec![2, 3]);
        assert_eq!(t.records[0].source, EnergySource::Wind);
        // 20,5 亿千瓦时 = 20.5 × 10^8 kWh.
        assert!(close(t.records[0].generation.unwrap().0, 20.5e8));
        assert_eq!(t.records[0].capacity, None);
        // 1500 MW = 1.5 × 10^6 kW.
        assert!(close(t.records[1].capacity.unwrap().0, 1.5e6));
    }

    #[test]
    fn bad_cells_are_located_with_the_text_and_the_reason() {
        let text = "year source generation\n2020 wind abc\n20x0 fusion 5\n2021 solar -3\n2022 solar 1,234\n2023\n";
        let errors = read_table(text, EnergyUnit::Gwh, PowerUnit::Mw).unwrap_err();
        let got: Vec<(usize, Option<Column>, &str, Why)> = errors
            .iter()
            .map(|e| (e.row, e.column, e.value.as_str(), e.why))
            .collect();
        assert_eq!(
            got,
            vec![
                (2, Some(Column::Generation), "abc", Why::NotANumber),
                (3, Some(Column::Year), "20x0", Why::NotAYear),
                (3, Some(Column::Source), "fusion", Why::UnknownSource),
                (4, Some(Column::Generation), "-3", Why::Negative),
                (5, Some(Column::Generation), "1,234", Why::Ambiguous),
                (6, None, "2023", Why::TooFewCells),
            ]
        );
        assert!(Why::Ambiguous.text(Lang::Zh).contains("千位"));
    }

    #[test]
    fn engine_errors_are_located_in_the_table() {
        let f = default_factor();
        let dup = "2020\twind\t10\n2020\t风电\t12\n";
        let e = compute(dup, EnergyUnit::Gwh, PowerUnit::Mw, f).unwrap_err();
        assert_eq!(e[0].row, 2);
        assert_eq!(e[0].why, Why::Duplicate);
        // 10 GWh from 1 MW: 10^7 kWh / (10^3 kW × 8784 h) = 1.138… (2020 is a leap year).
        let cf = "2020\twind\t10\t1\n";
        let e = compute(cf, EnergyUnit::Gwh, PowerUnit::Mw, f).unwrap_err();
        assert_eq!(
            (e[0].row, e[0].column, e[0].value.as_str()),
            (1, Some(Column::Capacity), "1")
        );
        match e[0].why {
            Why::CapacityFactor(v) => assert!(close(v, 1e7 / (1e3 * 8784.0))),
            other => panic!("{other:?}"),
        }
        let empty = compute("year\tsource\n", EnergyUnit::Gwh, PowerUnit::Mw, f);
        assert!(is_empty(&empty));
        assert!(!is_empty(&compute(dup, EnergyUnit::Gwh, PowerUnit::Mw, f)));
    }

    #[test]
    fn shares_growth_and_co2_by_hand() {
        // 2016: coal 80, wind 10, solar 10 (GWh); 2020: coal 70, wind 20, solar 30.
        // Renewable share 2020 = 50 / 120 = 0.416667. Wind ×2 over 4 years: CAGR = 2^(1/4) − 1
        // = 0.189207; solar ×3: 3^(1/4) − 1 = 0.316074. Northeast (Figure 2): wind 727/437 =
        // 1.663616, CAGR 0.135699; solar 187/20 = 9.35, CAGR 0.748650.
        // CO2 2020 = (20 + 30) GWh × 1000 MWh/GWh × 0.5122 t/MWh = 25,610 t.
        let text = "2016 coal 80\n2016 wind 10\n2016 solar 10\n2020 coal 70\n2020 wind 20\n2020 solar 30\n";
        let r = compute(text, EnergyUnit::Gwh, PowerUnit::Mw, default_factor()).unwrap();
        let last = r.report.years.last().unwrap();
        assert!(close(last.renewable_share.unwrap(), 50.0 / 120.0));
        let wind = r
            .comparison
            .iter()
            .find(|c| c.source == EnergySource::Wind)
            .unwrap();
        assert!(close(
            wind.city.unwrap().cagr.unwrap(),
            2f64.powf(0.25) - 1.0
        ));
        assert!((wind.reference_cagr.unwrap() - 0.135_699).abs() < 1e-6);
        assert!(wind.same_period);
        let solar = r
            .comparison
            .iter()
            .find(|c| c.source == EnergySource::Solar)
            .unwrap();
        assert!((solar.reference_multiple.unwrap() - 9.35).abs() < 1e-12);
        assert!(close(
            solar.cagr_difference.unwrap(),
            (3f64.powf(0.25) - 1.0) - (9.35f64.powf(0.25) - 1.0)
        ));
        assert!(close(r.report.co2_avoided[1].total_t_co2, 25_610.0));
        // All renewables: 20 -> 50, ×2.5.
        let (a, b, m, _) = r.renewables.unwrap();
        assert_eq!((a, b), (2016, 2020));
        assert!(close(m.unwrap(), 2.5));
        let d = diagnostics(&r.report);
        assert!(close(d["energy.renewable_share"], 50.0 / 120.0));
        assert!(close(
            d["energy.solar_generation_cagr"],
            3f64.powf(0.25) - 1.0
        ));
    }

    #[test]
    fn city_series_become_records_with_thermal_as_coal_and_the_rest_of_the_total_as_other() {
        let c = city(&[
            (
                IndicatorId::GenerationThermal,
                &[(2020, 100.0), (2021, 90.0)],
            ),
            (IndicatorId::GenerationCoal, &[(2021, 80.0)]),
            (IndicatorId::GenerationWind, &[(2020, 20.0), (2021, 25.0)]),
            (
                IndicatorId::GenerationTotal,
                &[(2020, 150.0), (2021, 105.0)],
            ),
            (IndicatorId::CapacityWind, &[(2021, 10.0)]),
        ]);
        assert!(has_energy(&c));
        let r = city_records(&c);
        let get = |y, s| r.iter().find(|x| x.year == y && x.source == s).copied();
        // 2020: thermal 100 is coal (no coal given); total 150 − (100 + 20) = 30 GWh other.
        assert!(close(
            get(2020, EnergySource::Coal).unwrap().generation.unwrap().0,
            100e6
        ));
        assert!(close(
            get(2020, EnergySource::Other)
                .unwrap()
                .generation
                .unwrap()
                .0,
            30e6
        ));
        // 2021: coal 80 given, thermal ignored; total 105 = 80 + 25 leaves no other.
        assert!(close(
            get(2021, EnergySource::Coal).unwrap().generation.unwrap().0,
            80e6
        ));
        assert!(get(2021, EnergySource::Other).is_none());
        assert!(close(
            get(2021, EnergySource::Wind).unwrap().capacity.unwrap().0,
            10e3
        ));
        assert!(!has_energy(&city(&[(IndicatorId::Pm25, &[(2020, 30.0)])])));
    }

    #[test]
    fn the_filled_table_reads_back_to_the_same_records_in_both_languages() {
        let ws = Workspace::with_example(Lang::En);
        let records = city_records(&ws.cities[0]);
        assert!(!records.is_empty());
        for lang in [Lang::En, Lang::Zh] {
            let text = table_text(
                &records,
                EnergyUnit::HundredMillionKwh,
                PowerUnit::TenThousandKw,
                lang,
            );
            let back = read_table(
                &text,
                EnergyUnit::HundredMillionKwh,
                PowerUnit::TenThousandKw,
            )
            .unwrap()
            .records;
            assert_eq!(back.len(), records.len());
            for (a, b) in back.iter().zip(&records) {
                assert_eq!((a.year, a.source), (b.year, b.source));
                let rel = |x: Option<f64>, y: Option<f64>| match (x, y) {
                    (Some(x), Some(y)) => (x - y).abs() <= 1e-6 * y.abs().max(1.0),
                    (None, None) => true,
                    _ => false,
                };
                assert!(rel(a.generation.map(|g| g.0), b.generation.map(|g| g.0)));
                assert!(rel(a.capacity.map(|g| g.0), b.capacity.map(|g| g.0)));
            }
        }
        // The example's 2022 wind: 3,300 GWh = 33 亿千瓦时.
        let text = table_text(
            &records,
            EnergyUnit::HundredMillionKwh,
            PowerUnit::Mw,
            Lang::Zh,
        );
        assert!(text.contains("2022\t风电\t33\t1700\n"), "{text}");
    }

    #[test]
    fn a_sheet_pasted_in_the_data_view_reaches_the_engine_in_canonical_units() {
        // The e2e sheet: Chinese headers, 亿千瓦时, decimal commas. 12,5 亿千瓦时 = 1,250 GWh.
        let sheet =
            "城市\t年份\t风电发电量（亿千瓦时）\t光伏发电量（亿千瓦时）\t火电发电量（亿千瓦时）\n\
                     鞍山\t2016\t12,5\t1,6\t180,2\n鞍山\t2020\t20,3\t8,4\t170,0\n";
        let table =
            renewal_data::parse_text(sheet, &renewal_data::ParseOptions::default()).unwrap();
        let mut ws = Workspace::default();
        ws.accept(&table, "x");
        let c = &ws.cities[0];
        assert!(close(
            c.latest(IndicatorId::GenerationWind).unwrap().1,
            2030.0
        ));
        let text = table_text(
            &city_records(c),
            EnergyUnit::HundredMillionKwh,
            PowerUnit::Mw,
            Lang::En,
        );
        assert!(text.contains("2020\twind\t20.3\t\n"), "{text}");
        let r = compute(
            &text,
            EnergyUnit::HundredMillionKwh,
            PowerUnit::Mw,
            default_factor(),
        )
        .unwrap();
        // 2020: renewable = (20.3 + 8.4) / (20.3 + 8.4 + 170) = 28.7 / 198.7.
        assert!(close(
            r.report.years[1].renewable_share.unwrap(),
            28.7 / 198.7
        ));
        // CO2 2020 = 28.7 × 10^8 kWh / 1000 × 0.5122 t/MWh = 1,470,014 t.
        assert!((r.report.co2_avoided[1].total_t_co2 - 1_470_014.0).abs() < 1e-6);
        // Wind CAGR = (20.3 / 12.5)^(1/4) − 1.
        let wind = r
            .comparison
            .iter()
            .find(|c| c.source == EnergySource::Wind)
            .unwrap();
        assert!(close(
            wind.city.unwrap().cagr.unwrap(),
            (20.3f64 / 12.5).powf(0.25) - 1.0
        ));
    }

    #[test]
    fn source_names_in_both_languages_and_thermal() {
        for k in SOURCE_CLASSES {
            for l in [Lang::En, Lang::Zh] {
                assert_eq!(parse_source(source_label(k.source, l)), Some(k.source));
            }
        }
        assert_eq!(parse_source("火电"), Some(EnergySource::Coal));
        assert_eq!(parse_source("Thermal"), Some(EnergySource::Coal));
        assert_eq!(parse_source("WIND"), Some(EnergySource::Wind));
        assert_eq!(parse_source("fusion"), None);
    }

    #[test]
    fn growth_chart_escapes_the_city_and_shows_percent_per_year() {
        let rows = vec![
            ("wind".to_string(), Some(0.189_207), Some(0.135_699)),
            ("solar".to_string(), None, Some(0.7486)),
        ];
        let t = ChartText {
            title: "T".into(),
            axis: "%".into(),
            northeast: "Northeast".into(),
        };
        let v: Value =
            serde_json::from_str(&growth_chart("<b>Town</b>", &rows, &t).to_string()).unwrap();
        assert_eq!(v["series"][0]["name"], "&lt;b&gt;Town&lt;/b&gt;");
        assert_eq!(v["series"][0]["data"][0], 18.9);
        assert!(v["series"][0]["data"][1].is_null());
        assert_eq!(v["series"][1]["data"][1], 74.9);
        assert_eq!(v["xAxis"]["data"][1], "solar");
        assert!(!v.to_string().contains("function"));
    }
}
