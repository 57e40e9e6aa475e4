//! One module per section of the app.

pub mod data;
pub mod goals;
pub mod leverage;
pub mod next_step;
pub mod one_page;
pub mod options;
pub mod progress;
pub mod shared;
pub mod vision;
