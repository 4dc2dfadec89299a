//! The README tells the truth about the keys: its key table is the reader's own.

#[test]
fn the_readme_key_table_is_the_readers_key_table() {
    let readme = include_str!("../README.md");
    let table = dateline::tui::keymap::key_table_markdown();
    assert!(
        readme.contains(table.trim_end()),
        "README.md's key table differs from keymap::key_table_markdown(); paste this:\n{table}"
    );
}
