//! One module per page.

pub mod baseline;
