//! The interactive reader: thin glue over the pure core.
//!
//! - [`action`](mod@action): everything a user can do, as data (below the reader, in
//!   [`crate::action`], so the configuration can name actions);
//! - [`keymap`]: key and mouse events to actions (pure), from one key table;
//! - [`app`]: the reader's state; [`update`]: applying an action to it (pure);
//!   [`flow`]: moving from story to story and quote to quote while reading;
//! - [`marks`]: marking stories read and starred, and the unread-only view (on
//!   [`app::App`]); [`memory`]: read and starred stories and last positions, kept in the state
//!   store, and the unread-only list (handed pieces of the state by [`app`]);
//!   [`order`]: the configured story order;
//! - [`loading`]: loading in the background, stories streamed to the list;
//!   [`progress`]: how far it has got, for the status bar;
//! - [`prepare`]: the indexes built once per corpus; [`rows`]: the list, speaker and
//!   timeline rows they hold; [`search`]: incremental search and its matches;
//!   [`query`]: a search written in the filter syntax, which narrows the list;
//! - [`timeline`]: the quotes timeline as shown (spoken quotes or all, a speaker, a
//!   search) and the fragments switch;
//! - [`share`]: what leaves the reader: a link to the system opener, a quote to the
//!   clipboard (OSC 52);
//! - [`wrap`]: wrapped story layouts cached per (story, width);
//! - [`text`]: cleaning and measuring page text for the terminal;
//! - [`ui`]: drawing the state, one module per pane; [`glyphs`]: ASCII stand-ins
//!   for terminals that are not UTF-8;
//! - [`run`](mod@run): the event loop; [`terminal`]: the terminal session and its restoration
//!   (on quit, error, panic, signals); [`event`]: the events that drive the loop.

pub mod app;
pub mod event;
pub mod flow;
pub mod glyphs;
pub mod keymap;
pub mod loading;
pub mod marks;
pub mod memory;
pub mod order;
pub mod prepare;
pub mod progress;
pub mod query;
pub mod rows;
pub mod run;
pub mod search;
pub mod share;
pub mod shelf;
pub mod terminal;
pub mod text;
pub mod timeline;
pub mod ui;
pub mod update;
pub mod wrap;

pub use crate::action;
pub use run::{ReaderOptions, run};
