//! The Industrial City Renewal Calculator in the browser.
//!
//! Leptos components over the `renewal-calc` and `renewal-data` crates. Views hold no maths:
//! they call the engines and the pure chart-option builders in [`charts`], which are plain Rust
//! and tested natively. Only [`components::chart`] touches ECharts, through `charming`.

pub mod charts;
pub mod comparison;
pub mod components;
pub mod composite;
pub mod embed;
pub mod export;
pub mod format;
pub mod i18n;
pub mod pages;
pub mod preview_grid;
pub mod province;
pub mod route;
pub mod share;
pub mod state;
pub mod storage;
pub mod theme;
pub mod upload;

mod app;

pub use app::App;
