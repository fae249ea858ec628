//! One module per page.

pub mod baseline;
pub mod data;
pub mod overview;
