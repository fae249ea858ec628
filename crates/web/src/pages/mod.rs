//! One module per page.

pub mod air_quality;
pub mod baseline;
pub mod data;
pub mod industry;
pub mod overview;
pub mod population;
pub mod resources;
pub mod upload;
