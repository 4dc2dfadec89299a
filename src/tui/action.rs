//! Everything a user can do in the reader, as data.

/// One thing the user asked for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Leave the reader.
    Quit,
    /// Go back one level (closes an overlay; quits from the main screen).
    Back,
    /// Move the selection (or scroll) down one row.
    Down,
    /// Move the selection (or scroll) up one row.
    Up,
}
