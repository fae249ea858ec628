//! One module per page.

pub mod advisor;
pub mod air_quality;
pub mod baseline;
pub mod composite;
pub mod data;
pub mod data_grid;
pub mod embed;
pub mod energy;
pub mod industry;
pub mod overview;
pub mod population;
pub mod resources;
pub mod upload;
