//! The command line: argument parsing and the scripting commands.
//!
//! [`listing`] writes the `quotes` and `speakers` listings as aligned text or JSON; the
//! commands here only parse, load and hand the corpus to a writer.

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, Subcommand, ValueEnum};

use crate::filter::Filter;
use crate::ingest::{self, LoadOptions, sanitize::sanitize_line};
use crate::model::{Corpus, LoadStats, Warning};
use crate::state::StateSnapshot;

mod jsonl;
pub mod listing;
mod stream;
pub mod table;

pub use listing::TextFormat;

/// dateline: read scraped news pages as clean stories, with every quote and who said it.
#[derive(Debug, Parser)]
#[command(name = "dateline", version, about, long_about = None)]
#[command(subcommand_precedence_over_arg = true)]
#[command(
    after_help = "With no command, opens the reader. With no PATH, uses the bundled sample pages."
)]
pub struct Cli {
    /// Pages to read: files, directories (searched recursively for .txt), or - for stdin.
    /// Paths given before a command are read by it too (`dateline pages/ stats`).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// The reading-state database [default: $XDG_STATE_HOME/dateline/state.sqlite3].
    #[arg(long, global = true, value_name = "PATH")]
    pub state: Option<PathBuf>,
    /// The configuration file [default: $XDG_CONFIG_HOME/dateline/config.toml].
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// Draw the reader in ASCII only (borders, marks, quote glyphs); also the default
    /// when the locale (LC_ALL, LC_CTYPE or LANG) is not UTF-8.
    #[arg(long)]
    pub ascii: bool,
    /// Open the reader without the corpus cache: parse every page, and keep nothing
    /// for the next start (the cache lives beside the reading state).
    #[arg(long)]
    pub no_cache: bool,
    /// What to do instead of opening the reader.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The scripting commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write the stories (and quotes and speakers) as JSON to stdout.
    Export {
        /// json: one document; jsonl: one story per line; csv: one row a story.
        #[arg(long, value_enum, default_value_t = ExportFormat::Json)]
        format: ExportFormat,
        /// Only the stories matching `--filter EXPR`.
        #[command(flatten)]
        filter: FilterArg,
        /// Pages to read: files, directories, or - for stdin.
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// Load everything and print counts and the time taken.
    Stats {
        /// text: one count a line; json: one object.
        #[arg(long, value_enum, default_value_t = TextFormat::Text)]
        format: TextFormat,
        /// Pages to read: files, directories, or - for stdin.
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// List every spoken quote, oldest first (quotes without a time last).
    Quotes {
        /// Only quotes by this speaker: a whole name or a surname, in any case (a surname
        /// several people share means the most quoted of them; the others are named on
        /// stderr).
        #[arg(long, value_name = "NAME", conflicts_with = "speaker_contains")]
        speaker: Option<String>,
        /// Only quotes by speakers whose name holds this text, in any case.
        #[arg(long, value_name = "TEXT")]
        speaker_contains: Option<String>,
        /// List the fragments too (scare quotes, titles, single words), marked as such.
        #[arg(long)]
        fragments: bool,
        /// Only the stories matching `--filter EXPR`.
        #[command(flatten)]
        filter: FilterArg,
        /// text: aligned columns; json: an array of quotes with headline and story id.
        #[arg(long, value_enum, default_value_t = TextFormat::Text)]
        format: TextFormat,
        /// Pages to read: files, directories, or - for stdin.
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// List everyone quoted, most quoted first.
    Speakers {
        /// Only the stories matching `--filter EXPR`.
        #[command(flatten)]
        filter: FilterArg,
        /// text: aligned columns; json: an array of speakers.
        #[arg(long, value_enum, default_value_t = TextFormat::Text)]
        format: TextFormat,
        /// Pages to read: files, directories, or - for stdin.
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// Check the configuration file, or print the default one or its location.
    Config(crate::config::cli::ConfigArgs),
}

/// `--filter EXPR`, as `export`, `quotes` and `speakers` take it.
#[derive(Debug, clap::Args)]
pub struct FilterArg {
    /// Only stories matching this filter (words, "phrases", speaker:, section:,
    /// source:, byline:, since:, until:, unread, starred, has:quotes, - to negate).
    #[arg(long = "filter", value_name = "EXPR", allow_hyphen_values = true)]
    pub expr: Option<String>,
}

/// Output formats of `export`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// One JSON document: `{"stories": [...], "speakers": [...]}`.
    Json,
    /// One story per line.
    Jsonl,
    /// Comma-separated values (RFC 4180): one row a story, its text in the last column.
    Csv,
}

/// What the reader loads: the bundled samples when `paths` is empty; else the paths,
/// through the corpus cache beside the reading state unless `no_cache` (or standard
/// input is among them, or there is no place for the state).
pub fn reader_source(
    paths: &[PathBuf],
    state: Option<&std::path::Path>,
    no_cache: bool,
) -> crate::tui::loading::Source {
    use crate::tui::loading::Source;
    let source = Source::from_paths(paths);
    let Source::Paths(paths) = source else {
        return source;
    };
    if no_cache || paths.iter().any(|p| p.as_os_str() == "-") {
        return Source::Paths(paths);
    }
    match crate::cache::dir_beside(state) {
        Some(dir) => Source::Cached {
            cache: crate::cache::file_for(&dir, &paths),
            paths,
        },
        None => Source::Paths(paths),
    }
}

/// Loads the corpus for `paths` (the bundled samples when empty), printing every
/// warning as one line on stderr. `None` when nothing at all could be loaded.
pub fn load_reporting(paths: &[PathBuf]) -> Option<Corpus> {
    let corpus = if paths.is_empty() {
        crate::samples::load_samples()
    } else {
        ingest::load(paths, &LoadOptions::default())
    };
    report(&corpus.warnings, &corpus.stats).then_some(corpus)
}

/// [`load_reporting`] for `stats`: the counts only, without holding the corpus.
fn load_counts_reporting(paths: &[PathBuf]) -> Option<LoadStats> {
    let (stats, warnings) = if paths.is_empty() {
        let corpus = crate::samples::load_samples();
        (corpus.stats, corpus.warnings)
    } else {
        ingest::load_counts(paths)
    };
    report(&warnings, &stats).then_some(stats)
}

/// Prints the warnings on stderr, one line each; false (with an error line) when no
/// page could be loaded.
fn report(warnings: &[Warning], stats: &LoadStats) -> bool {
    let stderr = io::stderr();
    let mut err = stderr.lock();
    for w in warnings {
        let _ = writeln!(err, "dateline: warning: {}", sanitize_line(&w.to_string()));
    }
    if stats.pages == 0 {
        let _ = writeln!(err, "dateline: error: nothing could be loaded");
        return false;
    }
    true
}

/// Runs the command line; returns the process exit code.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    if let Some(message) = mistyped_command(&cli.paths) {
        eprintln!("{message}");
        return Ok(ExitCode::from(2));
    }
    match cli.command {
        None => {
            // A wrong configuration file stops here, before the terminal changes.
            let config = match crate::config::Config::load_or_default(cli.config.as_deref()) {
                Ok(config) => config,
                Err(e) => {
                    eprintln!("dateline: error: {}", sanitize_line(&e.to_string()));
                    return Ok(ExitCode::FAILURE);
                }
            };
            let source = reader_source(&cli.paths, cli.state.as_deref(), cli.no_cache);
            let options = crate::tui::ReaderOptions {
                state: cli.state,
                config,
                no_color: crate::config::no_color_requested(),
                ascii: crate::tui::glyphs::ascii_wanted(cli.ascii),
            };
            crate::tui::run(source, options)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Export {
            format,
            filter,
            paths,
        }) => {
            let Some(filter) = parse_filter(filter.expr.as_deref()) else {
                return Ok(ExitCode::from(2));
            };
            let paths = [cli.paths, paths].concat();
            if format == ExportFormat::Jsonl && !paths.is_empty() {
                // One story a line: each story's quotes are found as it is written.
                let (stories, warnings, stats) = ingest::load_unquoted(&paths);
                if !report(&warnings, &stats) {
                    return Ok(ExitCode::FAILURE);
                }
                let state = state_for_export(cli.state.as_deref());
                return write_or_pipe_closed(|out| {
                    stream::write_jsonl(stories, &filter, &state, out)
                });
            }
            let Some(mut corpus) = load_reporting(&paths) else {
                return Ok(ExitCode::FAILURE);
            };
            let state = state_for_export(cli.state.as_deref());
            narrow(&mut corpus, &filter, &state);
            write_then_leave(corpus, |corpus, out| {
                export_with_state(corpus, &state, format, out)
            })
        }
        Some(Command::Stats { format, paths }) => {
            let paths = [cli.paths, paths].concat();
            let started = Instant::now();
            let Some(counts) = load_counts_reporting(&paths) else {
                return Ok(ExitCode::FAILURE);
            };
            let elapsed = started.elapsed();
            write_or_pipe_closed(|out| stats(&counts, elapsed.as_secs_f64(), format, out))
        }
        Some(Command::Quotes {
            speaker,
            speaker_contains,
            fragments,
            filter,
            format,
            paths,
        }) => {
            let corpus = match load_filtered(&cli.paths, paths, filter, cli.state.as_deref()) {
                Ok(corpus) => corpus,
                Err(code) => return Ok(code),
            };
            let query = match (speaker, speaker_contains) {
                (Some(name), _) => Some(listing::SpeakerQuery::Name(name)),
                (None, Some(part)) => Some(listing::SpeakerQuery::Contains(part)),
                (None, None) => None,
            };
            let choice = query.map(|q| (listing::choose_speakers(&corpus, &q), q));
            if let Some((choice, query)) = &choice {
                tell_speaker_choice(choice, query);
            }
            let chosen = choice.as_ref().map(|(c, _)| c);
            if listing::quote_items(&corpus, chosen, fragments).is_empty() {
                eprintln!("dateline: no spoken quote to list");
            }
            write_then_leave(corpus, |corpus, out| {
                listing::quotes(corpus, chosen, fragments, format, out)
            })
        }
        Some(Command::Speakers {
            filter,
            format,
            paths,
        }) => {
            let corpus = match load_filtered(&cli.paths, paths, filter, cli.state.as_deref()) {
                Ok(corpus) => corpus,
                Err(code) => return Ok(code),
            };
            write_then_leave(corpus, |corpus, out| listing::speakers(corpus, format, out))
        }
        Some(Command::Config(args)) => crate::config::cli::run(&args, cli.config.as_deref()),
    }
}

/// The corpus of `quotes` and `speakers`: the paths before and after the command loaded,
/// narrowed by `--filter` (the reading state read only when the filter asks about it).
/// The exit code when the filter is malformed (2) or nothing could be loaded.
fn load_filtered(
    before: &[PathBuf],
    after: Vec<PathBuf>,
    filter: FilterArg,
    state: Option<&std::path::Path>,
) -> Result<Corpus, ExitCode> {
    let filter = parse_filter(filter.expr.as_deref()).ok_or(ExitCode::from(2))?;
    let paths = [before.to_vec(), after].concat();
    let mut corpus = load_reporting(&paths).ok_or(ExitCode::FAILURE)?;
    narrow(&mut corpus, &filter, &state_for(&filter, state));
    Ok(corpus)
}

/// The `--filter` expression read, or `None` after its one-line error on stderr.
fn parse_filter(expr: Option<&str>) -> Option<Filter> {
    match Filter::parse(expr.unwrap_or("")) {
        Ok(f) => Some(f),
        Err(e) => {
            eprintln!("dateline: error: {}", sanitize_line(&e.to_string()));
            None
        }
    }
}

/// The reading state, read only when the filter asks about it.
fn state_for(filter: &Filter, path: Option<&std::path::Path>) -> StateSnapshot {
    if !filter.needs_state() {
        return StateSnapshot::default();
    }
    let (state, err) = crate::state::export::read_for_export(path);
    if let Some(e) = err {
        eprintln!(
            "dateline: warning: {}; every story taken as unread and unstarred",
            sanitize_line(&e.to_string())
        );
    }
    state
}

/// Keeps the stories the filter passes, and the speaker directory of those stories:
/// each person's quotes and stories counted again among them, people left without
/// any dropped.
pub fn narrow(corpus: &mut Corpus, filter: &Filter, state: &StateSnapshot) {
    if filter.is_empty() {
        return;
    }
    corpus
        .stories
        .retain(|s| filter.matches(s, state.story(&s.id)));
    let mut counts: std::collections::HashMap<&str, (usize, Vec<&str>)> = Default::default();
    for story in &corpus.stories {
        for q in story.quotes.iter().filter(|q| !q.partial) {
            if let Some(name) = q.speaker.as_deref() {
                let entry = counts.entry(name).or_default();
                entry.0 += 1;
                if entry.1.last() != Some(&story.id.as_str()) {
                    entry.1.push(&story.id);
                }
            }
        }
    }
    let speakers = std::mem::take(&mut corpus.speakers);
    corpus.speakers = speakers
        .into_iter()
        .filter_map(|mut s| {
            let (n, stories) = counts.get(s.name.as_str())?;
            s.quote_count = *n;
            s.stories = stories.iter().map(|id| id.to_string()).collect();
            Some(s)
        })
        .collect();
    corpus
        .speakers
        .sort_by_key(|s| std::cmp::Reverse(s.quote_count));
}

/// Says on stderr what a speaker query found: nobody, or the people with the same
/// surname it passed over.
fn tell_speaker_choice(choice: &listing::SpeakerChoice, query: &listing::SpeakerQuery) {
    let (listing::SpeakerQuery::Name(asked) | listing::SpeakerQuery::Contains(asked)) = query;
    let asked = sanitize_line(asked);
    if choice.chosen.is_empty() {
        eprintln!("dateline: nobody quoted is called '{asked}' (`dateline speakers` lists them)");
    } else if !choice.passed_over.is_empty() {
        let others: Vec<String> = choice
            .passed_over
            .iter()
            .take(5)
            .map(|(name, n)| format!("{} ({n})", sanitize_line(name)))
            .collect();
        eprintln!(
            "dateline: '{asked}' taken as {}; also: {} (give the whole name)",
            sanitize_line(&choice.chosen[0]),
            others.join(", ")
        );
    }
}

/// The command a mistyped word was probably meant to be: within two edits of one.
pub fn near_command(word: &str) -> Option<&'static str> {
    const COMMANDS: [&str; 5] = ["export", "stats", "quotes", "speakers", "config"];
    let word = word.to_lowercase();
    COMMANDS
        .into_iter()
        .map(|c| (strsim::damerau_levenshtein(&word, c), c))
        .filter(|&(d, c)| d > 0 && d <= 2.min(c.len() / 2))
        .min()
        .map(|(_, c)| c)
}

/// A first argument that is no file, no directory and no command but close to one:
/// the message and exit status 2, as for any other usage error.
fn mistyped_command(paths: &[PathBuf]) -> Option<String> {
    let first = paths.first()?;
    let word = first.to_str()?;
    if word == "-" || first.exists() || word.contains(std::path::MAIN_SEPARATOR) {
        return None;
    }
    let meant = near_command(word)?;
    Some(format!(
        "dateline: error: '{}' is neither a file nor a command; did you mean '{meant}'?",
        sanitize_line(word)
    ))
}

/// The reading state for `export` (read and starred marks), from the database at
/// `path` or the default one; a state that cannot be read is told on stderr and the
/// export goes on without it.
fn state_for_export(path: Option<&std::path::Path>) -> StateSnapshot {
    let (state, err) = crate::state::export::read_for_export(path);
    if let Some(e) = err {
        eprintln!(
            "dateline: warning: {}; exporting without it",
            sanitize_line(&e.to_string())
        );
    }
    state
}

/// Writes from the corpus on stdout (as [`write_or_pipe_closed`]), then lets go of the
/// corpus without freeing it: the command is about to exit, and freeing a large corpus
/// one allocation at a time takes a noticeable share of the run (about 0.1 s for
/// 10,000 pages); the operating system takes the memory back at once.
fn write_then_leave(
    corpus: Corpus,
    f: impl FnOnce(&Corpus, &mut dyn Write) -> io::Result<()>,
) -> anyhow::Result<ExitCode> {
    let code = write_or_pipe_closed(|out| f(&corpus, out));
    std::mem::forget(corpus);
    code
}

/// Runs a writer on buffered stdout; a closed pipe (`| head`) ends quietly.
fn write_or_pipe_closed(
    f: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> anyhow::Result<ExitCode> {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match f(&mut out).and_then(|()| out.flush()) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => Err(e.into()),
    }
}

/// Writes the corpus as JSON or JSON lines (every story unread and unstarred).
pub fn export(corpus: &Corpus, format: ExportFormat, out: &mut dyn Write) -> io::Result<()> {
    export_with_state(corpus, &Default::default(), format, out)
}

/// Writes the corpus as JSON or JSON lines, every story with `"read"` and `"starred"`
/// from `state`.
pub fn export_with_state(
    corpus: &Corpus,
    state: &crate::state::StateSnapshot,
    format: ExportFormat,
    out: &mut dyn Write,
) -> io::Result<()> {
    use crate::state::export::{CorpusExport, StoryExport};
    match format {
        ExportFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &CorpusExport::new(corpus, state))?;
            writeln!(out)
        }
        ExportFormat::Jsonl => {
            // Each line is made in one buffer and written whole (see `jsonl` for how).
            let mut line = Vec::new();
            for story in &corpus.stories {
                line.clear();
                jsonl::write(&StoryExport::new(story, state), &mut line)?;
                line.push(b'\n');
                out.write_all(&line)?;
            }
            Ok(())
        }
        ExportFormat::Csv => table::stories(corpus, state, out),
    }
}

/// Writes the load counts.
pub fn stats(
    s: &LoadStats,
    seconds: f64,
    format: TextFormat,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        TextFormat::Csv => table::stats(&table::stats_rows(s, seconds), out),
        TextFormat::Json => {
            let mut value = serde_json::to_value(s)?;
            value["seconds"] = serde_json::json!(seconds);
            serde_json::to_writer_pretty(&mut *out, &value)?;
            writeln!(out)
        }
        TextFormat::Text => {
            let rows = [
                ("files", s.files),
                ("pages", s.pages),
                ("stories", s.stories),
                ("repeated headlines removed", s.headlines_removed),
                ("repeated paragraphs removed", s.paragraphs_removed),
                ("duplicate stories merged", s.duplicates_merged),
                ("paragraphs", s.paragraphs),
                ("quotes", s.quotes),
                ("speakers", s.speakers),
                ("warnings", s.warnings),
            ];
            for (label, n) in rows {
                writeln!(out, "{label:<28} {n}")?;
            }
            writeln!(out, "{:<28} {:.1} MB", "read", s.bytes as f64 / 1e6)?;
            writeln!(out, "{:<28} {:.3} s", "time", seconds)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::near_command;

    #[test]
    fn near_commands() {
        assert_eq!(near_command("stat"), Some("stats"));
        assert_eq!(near_command("Qoutes"), Some("quotes"));
        assert_eq!(near_command("exprot"), Some("export"));
        assert_eq!(near_command("stats"), None, "a command itself is no typo");
        assert_eq!(near_command("pages"), None);
        assert_eq!(near_command("x"), None);
    }
}
