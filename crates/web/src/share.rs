//! Share links: the current calculation (language, page and the whole workspace) packed into the
//! URL fragment, so opening the link elsewhere reproduces the numbers and the data never reach a
//! server (browsers do not send the fragment).
//!
//! # Format
//! `s=1.<payload>` in the fragment's query (`#/overview?s=1.…`), where `1` is [`SHARE_VERSION`]
//! and `<payload>` is base64url without padding (RFC 4648 §5) of the raw DEFLATE stream
//! (RFC 1951, miniz_oxide level 9) of the UTF-8 JSON of [`Shared`].
//!
//! # Limits
//! - [`MAX_TOKEN_CHARS`] = 8 000 characters for the token. RFC 9110 §4.1 recommends that every
//!   sender and recipient support URIs of at least 8 000 octets; browsers allow far more (Chromium
//!   2 MB), but a link is pasted into chats, mail and QR codes, and 8 000 is the length the HTTP
//!   specification itself asks everyone to handle. Larger workspaces go in a project file.
//! - [`MAX_JSON_BYTES`] = 1 MiB after inflation. DEFLATE expands at most about 1 032:1, so an
//!   8 000-character token could claim ~6 MB; the inflater stops at the limit (a zip bomb costs
//!   at most 1 MiB of memory) and the link is rejected.
//! - At most [`MAX_CITIES`] cities and [`MAX_NAME_CHARS`] characters per name; no control
//!   characters in names.
//!
//! # Errors
//! Every way a fragment can be wrong is a [`ShareError`] with a message in both languages; a
//! rejected link changes nothing (decoding never touches the workspace).
//!
//! # Edge cases
//! Names are kept exactly, markup included (`<img …>` is a legal name and is rendered as text
//! everywhere); ids are renumbered 0..n on import so a hand-made link cannot repeat an id.

use crate::route::Page;
use crate::state::{City, Saved, Workspace, FORMAT_VERSION};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use renewal_data::Lang;
use serde::{Deserialize, Serialize};

/// The version tag of the token format this build writes and reads.
pub const SHARE_VERSION: u32 = 1;
/// The longest token accepted or produced, in characters (see the module docs).
pub const MAX_TOKEN_CHARS: usize = 8_000;
/// The largest inflated JSON accepted, in bytes.
pub const MAX_JSON_BYTES: usize = 1 << 20;
/// The most cities a link may carry.
pub const MAX_CITIES: usize = 500;
/// The longest city name a link may carry, in characters.
pub const MAX_NAME_CHARS: usize = 200;
/// The key of the token in the fragment's query.
pub const KEY: &str = "s";

/// What a link carries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Shared {
    /// [`SHARE_VERSION`].
    pub v: u32,
    /// Interface language tag (`en`, `zh-CN`).
    pub lang: String,
    /// The page slug.
    pub page: String,
    /// The workspace in its persisted form.
    pub workspace: Saved,
}

/// A decoded link, validated.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    /// The language the sender used.
    pub lang: Lang,
    /// The page the sender was on.
    pub page: Page,
    /// The sender's workspace.
    pub workspace: Workspace,
}

/// Why a link was not produced or not accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ShareError {
    /// The token is longer than [`MAX_TOKEN_CHARS`] (or would be, when sharing).
    TooLong {
        /// Its length in characters.
        chars: usize,
    },
    /// The version tag is missing or not one this build reads.
    Version {
        /// The tag found (truncated).
        found: String,
    },
    /// The payload is not base64url.
    Base64,
    /// The payload is not a DEFLATE stream, or it inflates beyond [`MAX_JSON_BYTES`].
    Deflate,
    /// The inflated bytes are not UTF-8 JSON of the expected shape.
    Json(String),
    /// The content breaks a limit or a rule (reason in English, for the message).
    Invalid(String),
}

impl ShareError {
    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Self::TooLong { chars }, Lang::En) => format!(
                "This data is too large for a link ({chars} characters; the limit is {MAX_TOKEN_CHARS}). Use “Export project (JSON)” on the Your data page and send that file instead."
            ),
            (Self::TooLong { chars }, Lang::Zh) => format!(
                "数据太大，无法放入链接（{chars} 个字符，上限 {MAX_TOKEN_CHARS}）。请在“我的数据”页面使用“导出项目（JSON）”，并发送该文件。"
            ),
            (Self::Version { found }, Lang::En) => format!(
                "This shared link has an unknown format (“{found}”); it may come from a newer version of the calculator. Nothing was changed."
            ),
            (Self::Version { found }, Lang::Zh) => format!(
                "该分享链接格式未知（“{found}”），可能来自更新版本的计算器。未做任何更改。"
            ),
            (Self::Base64, Lang::En) => "This shared link is damaged (not valid base64url); it may have been cut off. Nothing was changed.".into(),
            (Self::Base64, Lang::Zh) => "该分享链接已损坏（不是有效的 base64url），可能被截断。未做任何更改。".into(),
            (Self::Deflate, Lang::En) => format!(
                "This shared link is damaged or expands beyond {} MiB. Nothing was changed.", MAX_JSON_BYTES >> 20
            ),
            (Self::Deflate, Lang::Zh) => format!(
                "该分享链接已损坏，或解压后超过 {} MiB。未做任何更改。", MAX_JSON_BYTES >> 20
            ),
            (Self::Json(why), Lang::En) => format!(
                "This shared link does not hold data of this calculator ({why}). Nothing was changed."
            ),
            (Self::Json(why), Lang::Zh) => format!(
                "该分享链接不包含本计算器的数据（{why}）。未做任何更改。"
            ),
            (Self::Invalid(why), Lang::En) => format!(
                "This shared link was refused: {why}. Nothing was changed."
            ),
            (Self::Invalid(why), Lang::Zh) => format!(
                "已拒绝该分享链接：{why}。未做任何更改。"
            ),
        }
    }
}

/// The token (`1.<payload>`) for `workspace` seen in `lang` on `page`.
///
/// # Errors
/// [`ShareError::TooLong`] when the token would exceed [`MAX_TOKEN_CHARS`].
pub fn encode(workspace: &Workspace, lang: Lang, page: Page) -> Result<String, ShareError> {
    let shared = Shared {
        v: SHARE_VERSION,
        lang: crate::i18n::tag(lang).to_string(),
        page: page.slug().to_string(),
        workspace: workspace.to_saved(),
    };
    let json = serde_json::to_vec(&shared).map_err(|e| ShareError::Json(e.to_string()))?;
    let deflated = miniz_oxide::deflate::compress_to_vec(&json, 9);
    let token = format!("{SHARE_VERSION}.{}", URL_SAFE_NO_PAD.encode(deflated));
    if token.len() > MAX_TOKEN_CHARS {
        return Err(ShareError::TooLong { chars: token.len() });
    }
    Ok(token)
}

/// Inflate a token's payload to its JSON text, with every size guard.
///
/// # Errors
/// See [`ShareError`].
pub fn inflate(token: &str) -> Result<String, ShareError> {
    let chars = token.chars().count();
    if chars > MAX_TOKEN_CHARS {
        return Err(ShareError::TooLong { chars });
    }
    let (tag, payload) = token.split_once('.').unwrap_or((token, ""));
    if tag != SHARE_VERSION.to_string() {
        return Err(ShareError::Version {
            found: tag.chars().take(12).collect(),
        });
    }
    let deflated = URL_SAFE_NO_PAD
        .decode(payload.trim_end_matches('='))
        .map_err(|_| ShareError::Base64)?;
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&deflated, MAX_JSON_BYTES)
        .map_err(|_| ShareError::Deflate)?;
    String::from_utf8(json).map_err(|_| ShareError::Json("not UTF-8".into()))
}

/// Decode and validate a token.
///
/// # Errors
/// See [`ShareError`]; on error nothing has been changed anywhere.
pub fn decode(token: &str) -> Result<Loaded, ShareError> {
    let json = inflate(token)?;
    #[derive(Deserialize)]
    struct VersionOnly {
        v: u32,
    }
    let v: VersionOnly = serde_json::from_str(&json).map_err(|e| ShareError::Json(short(&e)))?;
    if v.v != SHARE_VERSION {
        return Err(ShareError::Version {
            found: v.v.to_string(),
        });
    }
    let shared: Shared = serde_json::from_str(&json).map_err(|e| ShareError::Json(short(&e)))?;
    if shared.workspace.version > FORMAT_VERSION {
        return Err(ShareError::Version {
            found: format!("workspace {}", shared.workspace.version),
        });
    }
    let cities = validate(shared.workspace.cities)?;
    // Daily air-quality records travel with their city; records of no city are dropped.
    let mut air = shared.workspace.air;
    air.retain(|id, _| cities.iter().any(|c| c.id == *id));
    let saved = Saved {
        version: FORMAT_VERSION,
        cities,
        air,
    };
    let text = serde_json::to_string(&saved).map_err(|e| ShareError::Json(short(&e)))?;
    let workspace = Workspace::from_json(&text).map_err(|e| ShareError::Json(format!("{e:?}")))?;
    Ok(Loaded {
        lang: crate::i18n::from_tag(&shared.lang).unwrap_or_default(),
        page: Page::from_hash(&shared.page),
        workspace,
    })
}

fn short(e: &serde_json::Error) -> String {
    e.to_string().chars().take(120).collect()
}

/// The limits on cities and names; ids renumbered in order.
fn validate(cities: Vec<City>) -> Result<Vec<City>, ShareError> {
    if cities.len() > MAX_CITIES {
        return Err(ShareError::Invalid(format!(
            "{} cities (at most {MAX_CITIES})",
            cities.len()
        )));
    }
    let mut out = Vec::with_capacity(cities.len());
    for (i, mut c) in cities.into_iter().enumerate() {
        let n = c.name.chars().count();
        if c.name.trim().is_empty() || n > MAX_NAME_CHARS {
            return Err(ShareError::Invalid(format!(
                "city {} has a name of {n} characters (1 to {MAX_NAME_CHARS})",
                i + 1
            )));
        }
        if c.name.chars().any(char::is_control) {
            return Err(ShareError::Invalid(format!(
                "city {} has control characters in its name",
                i + 1
            )));
        }
        if c.series
            .values()
            .flat_map(|s| s.values())
            .any(|v| !v.is_finite())
        {
            return Err(ShareError::Invalid(format!(
                "city {} has a value that is not a finite number",
                i + 1
            )));
        }
        c.id = u32::try_from(i).unwrap_or(u32::MAX);
        out.push(c);
    }
    Ok(out)
}

/// The value of `key` in the query part of a fragment (`#/page?a=1&s=…`), undecoded (tokens and
/// the values this app writes are URL-safe).
pub fn fragment_param<'a>(hash: &'a str, key: &str) -> Option<&'a str> {
    let (_, query) = hash.split_once('?')?;
    query.split('&').find_map(|pair| {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        (k == key).then_some(v)
    })
}

/// The fragment of a share link: the page with the token.
pub fn share_fragment(page: Page, token: &str) -> String {
    format!("{}?{KEY}={token}", page.hash())
}

/// Whether loading a link may replace the workspace without asking: nothing of the user's own
/// would be lost (only the built-in example, or nothing).
pub fn is_pristine(ws: &Workspace) -> bool {
    ws.cities.iter().all(|c| c.example)
}

/// The workspace with `incoming`'s cities added after `current`'s ("load alongside").
pub fn alongside(current: &Workspace, incoming: &Workspace) -> Workspace {
    // Ids are renumbered in order; each city's daily air-quality record follows its new id.
    let mut cities = Vec::new();
    let mut air = std::collections::BTreeMap::new();
    for (ws, c) in current
        .cities
        .iter()
        .map(|c| (current, c))
        .chain(incoming.cities.iter().map(|c| (incoming, c)))
    {
        let id = u32::try_from(cities.len()).unwrap_or(u32::MAX);
        if let Some(record) = ws.air.get(&c.id) {
            air.insert(id, record.clone());
        }
        let mut c = c.clone();
        c.id = id;
        cities.push(c);
    }
    let saved = Saved {
        version: FORMAT_VERSION,
        cities,
        air,
    };
    serde_json::to_string(&saved)
        .ok()
        .and_then(|t| Workspace::from_json(&t).ok())
        .unwrap_or_else(|| current.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use renewal_data::{parse_text, IndicatorId, ParseOptions};

    fn workspace(text: &str) -> Workspace {
        let mut ws = Workspace::default();
        ws.accept(
            &parse_text(text, &ParseOptions::default()).unwrap(),
            "My city",
        );
        ws
    }

    fn token_of(json: &[u8]) -> String {
        format!(
            "1.{}",
            URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(json, 6))
        )
    }

    #[test]
    fn a_link_reproduces_language_page_and_values() {
        let ws = workspace(
            "city,year,PM2.5,PM10\n沈阳,2021,40,70\n沈阳,2022,35.5,66\nAnshan,2022,38,75\n",
        );
        let token = encode(&ws, Lang::Zh, Page::Air).unwrap();
        assert!(token.starts_with("1."));
        let back = decode(&token).unwrap();
        assert_eq!(back.lang, Lang::Zh);
        assert_eq!(back.page, Page::Air);
        assert_eq!(back.workspace.cities, ws.cities);
        assert_eq!(
            back.workspace.cities[0].latest(IndicatorId::Pm25),
            Some((2022, 35.5))
        );
    }

    #[test]
    fn the_fragment_carries_the_token_after_the_page() {
        let f = share_fragment(Page::Overview, "1.abc");
        assert_eq!(f, "#/overview?s=1.abc");
        assert_eq!(Page::from_hash(&f), Page::Overview);
        assert_eq!(fragment_param(&f, KEY), Some("1.abc"));
        assert_eq!(
            fragment_param("#/embed/overview?lang=zh&s=1.x", "lang"),
            Some("zh")
        );
        assert_eq!(fragment_param("#/overview", KEY), None);
    }

    #[test]
    fn hostile_tokens_are_rejected_with_the_reason() {
        assert_eq!(
            decode("2.abc"),
            Err(ShareError::Version { found: "2".into() })
        );
        assert!(matches!(decode("nodot"), Err(ShareError::Version { .. })));
        assert_eq!(decode("1.***"), Err(ShareError::Base64));
        assert_eq!(decode("1.AAAA"), Err(ShareError::Deflate));
        assert!(matches!(
            decode(&token_of(b"not json")),
            Err(ShareError::Json(_))
        ));
        assert!(matches!(
            decode(&token_of(
                br#"{"v":1,"lang":"en","page":"x","workspace":{"version":1,"cities":"no"}}"#
            )),
            Err(ShareError::Json(_))
        ));
        assert_eq!(
            decode(&token_of(br#"{"v":7}"#)),
            Err(ShareError::Version { found: "7".into() })
        );
        let long = format!("1.{}", "A".repeat(MAX_TOKEN_CHARS));
        assert!(matches!(decode(&long), Err(ShareError::TooLong { .. })));
        assert!(ShareError::Base64
            .message(Lang::Zh)
            .contains("未做任何更改"));
    }

    #[test]
    fn a_zip_bomb_stops_at_the_limit() {
        // 4 MiB of spaces deflates to a few kB: a small token claiming far more than the limit.
        let bomb = vec![b' '; 4 << 20];
        let token = token_of(&bomb);
        assert!(token.len() < MAX_TOKEN_CHARS, "{}", token.len());
        assert_eq!(decode(&token), Err(ShareError::Deflate));
    }

    #[test]
    fn names_with_markup_stay_text_but_control_characters_and_limits_are_refused() {
        let ws = workspace("city,year,PM2.5\n<img src=x onerror=alert(1)>,2022,35\n");
        let back = decode(&encode(&ws, Lang::En, Page::Overview).unwrap()).unwrap();
        assert_eq!(
            back.workspace.cities[0].name,
            "<img src=x onerror=alert(1)>"
        );

        let json = |name: &str| {
            format!(
                r#"{{"v":1,"lang":"en","page":"overview","workspace":{{"version":1,"cities":[{{"id":0,"name":{},"hidden":false,"example":false,"series":{{}}}}]}}}}"#,
                serde_json::to_string(name).unwrap()
            )
        };
        assert!(matches!(
            decode(&token_of(json("a\u{0}b").as_bytes())),
            Err(ShareError::Invalid(_))
        ));
        assert!(matches!(
            decode(&token_of(json("  ").as_bytes())),
            Err(ShareError::Invalid(_))
        ));
        assert!(matches!(
            decode(&token_of(json(&"x".repeat(MAX_NAME_CHARS + 1)).as_bytes())),
            Err(ShareError::Invalid(_))
        ));
    }

    #[test]
    fn too_large_a_workspace_asks_for_a_project_file() {
        // Incompressible data: 400 cities of pseudo-random values.
        let mut text = String::from("city,year,PM2.5,PM10,SO2,NO2\n");
        let mut x: u64 = 1;
        for c in 0..400 {
            for y in 2000..2010 {
                let mut v = || {
                    x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                    (x >> 40) as f64 / 1000.0
                };
                text.push_str(&format!("C{c},{y},{},{},{},{}\n", v(), v(), v(), v()));
            }
        }
        let err = encode(&workspace(&text), Lang::En, Page::Overview).unwrap_err();
        assert!(matches!(err, ShareError::TooLong { chars } if chars > MAX_TOKEN_CHARS));
        assert!(err.message(Lang::En).contains("Export project (JSON)"));
    }

    #[test]
    fn ids_are_renumbered_and_alongside_keeps_both() {
        let a = workspace("city,year,PM2.5\nA,2022,30\n");
        let b = workspace("city,year,PM2.5\nB,2022,40\nC,2022,50\n");
        let both = alongside(&a, &b);
        let names: Vec<&str> = both.cities.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["A", "B", "C"]);
        let ids: Vec<u32> = both.cities.iter().map(|c| c.id).collect();
        assert_eq!(ids, [0, 1, 2]);
        assert!(is_pristine(&Workspace::with_example(Lang::En)));
        assert!(!is_pristine(&a));
    }

    #[test]
    fn daily_air_records_follow_their_city_when_loaded_alongside() {
        let record = |first_day: &str| crate::upload::AirRecord {
            hourly: true,
            first_day: first_day.into(),
            daily_aqi: vec![Some(50), None],
            days_dropped: 0,
            years: Vec::new(),
        };
        let mut a = workspace("city,year,PM2.5\nA,2022,30\n");
        let mut b = workspace("city,year,PM2.5\nB,2022,40\nC,2022,50\n");
        let (a_id, c_id) = (a.cities[0].id, b.cities[1].id);
        a.air.insert(a_id, record("2022-01-01"));
        b.air.insert(c_id, record("2023-06-01"));
        let both = alongside(&a, &b);
        // A keeps id 0; C (second of the incoming) becomes id 2; B has no record.
        assert_eq!(
            both.air.get(&0).map(|r| r.first_day.as_str()),
            Some("2022-01-01")
        );
        assert_eq!(
            both.air.get(&2).map(|r| r.first_day.as_str()),
            Some("2023-06-01")
        );
        assert_eq!(both.air.len(), 2);
    }

    proptest! {
        #[test]
        fn round_trip(names in proptest::collection::vec("[^\\p{Cc}]{1,40}", 0..6),
                      values in proptest::collection::vec(0.0f64..1.0e6, 1..20)) {
            let mut ws = Workspace::default();
            for n in &names {
                if n.trim().is_empty() { continue; }
                let mut text = String::from("city\tyear\tPM2.5\n");
                for (i, v) in values.iter().enumerate() {
                    text.push_str(&format!("{}\t{}\t{v}\n", n.replace(['\t', '\n', '\r', '"'], " "), 2000 + i));
                }
                if let Ok(t) = parse_text(&text, &ParseOptions::default()) {
                    ws.accept(&t, "x");
                }
            }
            let token = encode(&ws, Lang::En, Page::Data).unwrap();
            let back = decode(&token).unwrap();
            prop_assert_eq!(back.workspace.cities, ws.cities);
            prop_assert_eq!(back.page, Page::Data);
        }

        #[test]
        fn arbitrary_tokens_never_panic(s in "\\PC{0,300}") {
            let _ = decode(&s);
            let _ = decode(&format!("1.{s}"));
        }

        #[test]
        fn arbitrary_deflate_payloads_never_panic_and_stay_bounded(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
            let token = format!("1.{}", URL_SAFE_NO_PAD.encode(&bytes));
            if let Ok(json) = inflate(&token) {
                prop_assert!(json.len() <= MAX_JSON_BYTES);
            }
            let _ = decode(&token);
        }
    }
}
