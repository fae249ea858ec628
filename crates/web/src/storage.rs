//! Browser storage of the workspace and of the paste being worked on.
//!
//! Storage can be missing or refuse writes (a sandboxed or partitioned iframe, private mode, a
//! full quota): every call here degrades to "not saved" and the app keeps working in memory.

use crate::state::Workspace;
use renewal_data::Lang;

const WORKSPACE_KEY: &str = "renewal.workspace";
const DRAFT_KEY: &str = "renewal.draft";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The saved workspace, or the first-visit workspace when there is none or it cannot be read.
pub fn load_workspace(lang: Lang) -> Workspace {
    storage()
        .and_then(|s| s.get_item(WORKSPACE_KEY).ok().flatten())
        .and_then(|json| Workspace::from_json(&json).ok())
        .unwrap_or_else(|| Workspace::with_example(lang))
}

/// Save the workspace; false when storage refused it.
pub fn save_workspace(ws: &Workspace) -> bool {
    storage().is_some_and(|s| s.set_item(WORKSPACE_KEY, &ws.to_json()).is_ok())
}

/// The text in the paste box, kept so nothing typed is lost on reload.
pub fn load_draft() -> String {
    storage()
        .and_then(|s| s.get_item(DRAFT_KEY).ok().flatten())
        .unwrap_or_default()
}

/// Keep the paste box's text.
pub fn save_draft(text: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(DRAFT_KEY, text);
    }
}

/// Forget everything the user entered ("clear my data").
pub fn clear() {
    if let Some(s) = storage() {
        let _ = s.remove_item(WORKSPACE_KEY);
        let _ = s.remove_item(DRAFT_KEY);
    }
}
