//! The career plan and everything that can be done to it, as plain Rust.
//!
//! Nothing here touches the browser or the reactive system: the pages call
//! these functions and the host test suite exercises them directly.

pub mod calendar;
pub mod example;
pub mod find;
pub mod format;
pub mod goals;
pub mod merge;
pub mod method;
pub mod migrate;
pub mod objects;
pub mod plan;
pub mod rank;
pub mod readable;
pub mod reader;
pub mod review;
pub mod safekeeping;
pub mod share;
pub mod stamps;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties;
