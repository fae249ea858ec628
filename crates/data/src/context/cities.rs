//! Resource-city lookup by name (Chinese or English, common variants) against the verified
//! resource-exhausted list (N3b) and the 2013 plan's Northeast classification (N3d).
//!
//! A name that matches nothing is "not on the verified list", never "not depleted": the members
//! of batches 1 and 3 were not verified. A name shared by several places (Yichun: 伊春, Heilongjiang,
//! and 宜春, Jiangxi) returns every candidate.

use super::tables::{PlanCategory, Provenance, EXHAUSTED_CITIES, PLAN_2013_NORTHEAST};

/// Extra names under which a city is known, keyed by its Chinese name in the reference. Chosen by
/// this calculator (official short forms, pinyin spellings, later names), not from the reference.
const ALIASES: [(&str, &[&str]); 14] = [
    (
        "大兴安岭地区",
        &[
            "大兴安岭",
            "Daxinganling",
            "Daxing'anling",
            "Greater Khingan",
            "Greater Hinggan",
            "Da Hinggan Ling",
        ],
    ),
    ("延边朝鲜族自治州", &["延边", "延边州", "Yanbian"]),
    ("阿尔山市", &["Aershan", "Arxan"]),
    ("霍林郭勒市", &["Holingol", "Huolingele"]),
    ("呼伦贝尔市", &["Hulunbeier", "Hulun Buir"]),
    ("锡林浩特市", &["Xilinhaote"]),
    ("九台市", &["九台区", "Jiutai District"]),
    ("葫芦岛市南票区", &["南票区", "南票", "Nanpiao"]),
    (
        "葫芦岛市杨家杖子开发区",
        &["杨家杖子", "杨家杖子开发区", "Yangjiazhangzi"],
    ),
    ("辽阳市弓长岭区", &["弓长岭区", "弓长岭", "Gongchangling"]),
    ("吉林市", &["Jilin Shi"]),
    ("七台河市", &["Qitai He"]),
    ("双鸭山市", &["Shuang Ya Shan"]),
    ("牡丹江市", &["Mu Dan Jiang"]),
];

/// Places outside the Northeast that share a romanised name with a city of the dataset. Listed by
/// this calculator so that an English name is never matched to the wrong city silently.
const HOMONYMS: [(&str, &str, &str); 4] = [
    ("宜春市", "Yichun", "Jiangxi"),
    ("富顺县", "Fushun", "Sichuan"),
    ("绩溪县", "Jixi", "Anhui"),
    ("丰城市", "Fengcheng", "Jiangxi"),
];

/// Province words that may qualify a name ("Yichun, Heilongjiang", "黑龙江省伊春市"), longest
/// first, with the province as the tables write it.
const QUALIFIERS: [(&str, &str); 16] = [
    ("heilongjiangprovince", "Heilongjiang"),
    ("heilongjiang", "Heilongjiang"),
    ("黑龙江省", "Heilongjiang"),
    ("黑龙江", "Heilongjiang"),
    ("liaoningprovince", "Liaoning"),
    ("liaoning", "Liaoning"),
    ("辽宁省", "Liaoning"),
    ("辽宁", "Liaoning"),
    ("jilinprovince", "Jilin"),
    ("吉林省", "Jilin"),
    ("jiangxi", "Jiangxi"),
    ("江西", "Jiangxi"),
    ("sichuan", "Sichuan"),
    ("四川", "Sichuan"),
    ("anhui", "Anhui"),
    ("innermongolia", "Inner Mongolia"),
];

const SUFFIXES: [&str; 9] = [
    "city",
    "shi",
    "prefecture",
    "district",
    "league",
    "市",
    "地区",
    "区",
    "省",
];

/// What a lookup found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum LookupOutcome {
    /// One place matched.
    Matched,
    /// Several places share the name: see every candidate.
    Ambiguous,
    /// No match: not on the verified list (which does not mean not depleted).
    NotOnVerifiedList,
}

/// The city's place on the resource-exhausted list.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case", tag = "status"))]
pub enum ExhaustedStatus {
    /// On the verified Northeast list (N3b).
    Listed {
        /// Batch (1, 2 or 3).
        batch: u8,
        /// Year, where known.
        year: Option<i32>,
        /// Year as written.
        year_label: &'static str,
        /// Resource type, where the source names it.
        resource_type_as_stated: Option<&'static str>,
        /// Provenance.
        provenance: Provenance,
    },
    /// Not among the verified rows; batches 1 and 3 were not verified.
    NotOnVerifiedList {
        /// Why absence means nothing.
        note: &'static str,
    },
}

/// The city's category in the 2013 plan.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case", tag = "status"))]
pub enum PlanStatus {
    /// In the reference's Northeast classification (N3d).
    Classified {
        /// The category; two when the sources disagree.
        categories: &'static [PlanCategory],
        /// As written.
        category_as_printed: &'static str,
        /// The row's note.
        note: Option<&'static str>,
        /// Provenance.
        provenance: Provenance,
    },
    /// Not in the verified classification.
    NotInVerifiedClassification {
        /// Why absence means nothing.
        note: &'static str,
    },
}

/// One candidate city with its resource status.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct CityStatus {
    /// Chinese name as in the reference.
    pub city_zh: &'static str,
    /// English name.
    pub city_en: &'static str,
    /// Province as written.
    pub province: &'static str,
    /// Administrative level.
    pub admin_level: &'static str,
    /// Whether the place is in the Northeast context dataset at all.
    pub in_dataset: bool,
    /// Resource-exhausted list.
    pub resource_exhausted: ExhaustedStatus,
    /// 2013 plan.
    pub plan_2013: PlanStatus,
}

/// The answer to a name.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct CityLookup {
    /// The name as given.
    pub query: String,
    /// The normalised key it was matched on.
    pub key: String,
    /// What was found.
    pub outcome: LookupOutcome,
    /// The candidates (one when matched, several when ambiguous, none otherwise).
    pub candidates: Vec<CityStatus>,
    /// What the outcome means.
    pub note: &'static str,
}

/// Why "not on the list" is not "not depleted".
pub const NOT_ON_VERIFIED_LIST: &str = "Not on the verified list. The dataset holds only the verified Northeast members of the resource-exhausted list (batch 2, 2009; Hegang in batch 3 at low confidence); the Northeast members of batches 1 (2008) and 3 (2011/2012) were not verified. This does not mean the city is not resource-exhausted.";

const NOT_CLASSIFIED: &str = "Not in the verified Northeast classification of the 2013 plan (prefecture-level cities, and county-level cities from an unattributed transcription); counties and districts among the 67 declining units were not verified. This does not mean the city is not resource-based.";

const OUTSIDE: &str = "Outside Northeast China: not covered by this dataset.";

const AMBIGUOUS: &str = "Several places share this name; qualify it with the province (e.g. \"Yichun, Heilongjiang\") or use the Chinese name.";

const MATCHED: &str = "Matched one place of the dataset.";

/// Collapses case, spaces, punctuation and the suffixes 市/地区/区/city/shi/prefecture/district/league.
fn compact(name: &str) -> String {
    name.to_lowercase()
        .chars()
        .filter(|c| {
            !(c.is_whitespace()
                || matches!(
                    c,
                    '-' | '\''
                        | '’'
                        | '‘'
                        | '.'
                        | '·'
                        | '('
                        | ')'
                        | '（'
                        | '）'
                        | ','
                        | '，'
                        | '"'
                        | '、'
                ))
        })
        .collect()
}

fn strip_suffixes(mut key: String) -> String {
    loop {
        let before = key.len();
        for suffix in SUFFIXES {
            if key.len() > suffix.len() && key.ends_with(suffix) {
                key.truncate(key.len() - suffix.len());
            }
        }
        if key.len() == before {
            return key;
        }
    }
}

/// The key a name is matched on.
pub fn name_key(name: &str) -> String {
    strip_suffixes(compact(name))
}

fn keys_of(names: &[&str]) -> Vec<String> {
    let mut keys = Vec::new();
    for name in names {
        let parts = [Some(*name), name.split([',', '(']).next()];
        for part in parts.into_iter().flatten() {
            let k = name_key(part);
            if !k.is_empty() && !keys.contains(&k) {
                keys.push(k);
            }
        }
    }
    keys
}

/// Every Northeast place of N3b and N3d, merged by Chinese name.
pub fn known_cities() -> Vec<CityStatus> {
    let mut out: Vec<CityStatus> = Vec::new();
    for c in EXHAUSTED_CITIES {
        out.push(CityStatus {
            city_zh: c.city_zh,
            city_en: c.city_en,
            province: c.province,
            admin_level: c.admin_level,
            in_dataset: true,
            resource_exhausted: ExhaustedStatus::Listed {
                batch: c.batch,
                year: c.year,
                year_label: c.year_label,
                resource_type_as_stated: c.resource_type_as_stated,
                provenance: c.provenance,
            },
            plan_2013: PlanStatus::NotInVerifiedClassification {
                note: NOT_CLASSIFIED,
            },
        });
    }
    for p in PLAN_2013_NORTHEAST {
        let status = PlanStatus::Classified {
            categories: p.categories,
            category_as_printed: p.category_as_printed,
            note: p.note,
            provenance: p.provenance,
        };
        match out.iter_mut().find(|c| c.city_zh == p.city_zh) {
            Some(existing) => existing.plan_2013 = status,
            None => out.push(CityStatus {
                city_zh: p.city_zh,
                city_en: p.city_en,
                province: p.province,
                admin_level: p.admin_level,
                in_dataset: true,
                resource_exhausted: ExhaustedStatus::NotOnVerifiedList {
                    note: NOT_ON_VERIFIED_LIST,
                },
                plan_2013: status,
            }),
        }
    }
    out
}

fn homonyms() -> impl Iterator<Item = CityStatus> {
    HOMONYMS.iter().map(|&(zh, en, province)| CityStatus {
        city_zh: zh,
        city_en: en,
        province,
        admin_level: "",
        in_dataset: false,
        resource_exhausted: ExhaustedStatus::NotOnVerifiedList { note: OUTSIDE },
        plan_2013: PlanStatus::NotInVerifiedClassification { note: OUTSIDE },
    })
}

fn city_keys(c: &CityStatus) -> Vec<String> {
    let mut names = vec![c.city_zh, c.city_en];
    if let Some((_, extra)) = ALIASES.iter().find(|(zh, _)| *zh == c.city_zh) {
        names.extend(extra.iter().copied());
    }
    keys_of(&names)
}

/// Looks a city up by name on the verified resource-exhausted list and in the 2013 plan's
/// Northeast classification.
///
/// # Matching
/// Case, spaces and punctuation are ignored, and the suffixes 市, 地区, 区, "city", "shi",
/// "prefecture", "district", "league" are dropped, so 阜新 / 阜新市 / Fuxin / Fuxin City /
/// fuxin shi are one key. Known aliases (大兴安岭, Daxing'anling; 九台区 …) are in `ALIASES`. A
/// province word ("Yichun, Heilongjiang", 黑龙江省伊春市) narrows the candidates.
///
/// # Edge cases
/// No match gives [`LookupOutcome::NotOnVerifiedList`] with [`NOT_ON_VERIFIED_LIST`], never a
/// "not depleted"; a name shared with a place outside the Northeast gives
/// [`LookupOutcome::Ambiguous`] with all candidates.
///
/// ```
/// use renewal_data::context::{resource_city_status, LookupOutcome};
/// let fuxin = resource_city_status("fuxin shi");
/// assert_eq!(fuxin.outcome, LookupOutcome::Matched);
/// assert_eq!(fuxin.candidates[0].city_zh, "阜新市");
/// assert_eq!(resource_city_status("Yichun").outcome, LookupOutcome::Ambiguous);
/// ```
pub fn resource_city_status(name: &str) -> CityLookup {
    let mut key = compact(name);
    let mut province: Option<&str> = None;
    for (word, label) in QUALIFIERS {
        if key.len() > word.len() {
            if let Some(at) = key.find(word) {
                key.replace_range(at..at + word.len(), "");
                province = Some(label);
                break;
            }
        }
    }
    let key = strip_suffixes(key);
    let candidates: Vec<CityStatus> = if key.is_empty() {
        Vec::new()
    } else {
        known_cities()
            .into_iter()
            .chain(homonyms())
            .filter(|c| city_keys(c).contains(&key))
            .filter(|c| province.is_none_or(|p| c.province.contains(p)))
            .collect()
    };
    let (outcome, note) = match candidates.len() {
        0 => (LookupOutcome::NotOnVerifiedList, NOT_ON_VERIFIED_LIST),
        1 => (LookupOutcome::Matched, MATCHED),
        _ => (LookupOutcome::Ambiguous, AMBIGUOUS),
    };
    CityLookup {
        query: name.to_string(),
        key,
        outcome,
        candidates,
        note,
    }
}
