//! The configuration file (placeholder while being written).

pub mod xdg;
