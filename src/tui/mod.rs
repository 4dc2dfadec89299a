//! The interactive reader: thin glue over the pure core.
//!
//! - [`action`]: everything a user can do, as data;
//! - [`keymap`]: key and mouse events to actions (pure);
//! - [`app`]: the reader's state; [`update`]: applying an action to it (pure);
//! - [`ui`]: drawing the state, one module per pane;
//! - [`run`]: the event loop; [`terminal`]: the terminal session and its restoration
//!   (on quit, error, panic, signals); [`event`]: the events that drive the loop.

pub mod action;
pub mod app;
pub mod event;
pub mod keymap;
pub mod run;
pub mod terminal;
pub mod ui;
pub mod update;

pub use run::run;
