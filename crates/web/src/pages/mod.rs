//! One module per page.

pub mod air_quality;
pub mod baseline;
pub mod data;
pub mod overview;
