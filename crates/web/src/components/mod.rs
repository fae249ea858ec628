//! Shared pieces of the interface.

pub mod chart;
pub mod download;
pub mod export;
pub mod language_switch;
pub mod offline_status;
pub mod share;
pub mod theme;
