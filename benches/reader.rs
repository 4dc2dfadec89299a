//! The reader at 100,000 stories: key update plus render, search per keystroke, and
//! opening the speakers panel and the quotes timeline, through ratatui's TestBackend.
//!
//! `cargo bench --bench reader` (building the 100,000-story corpus takes a while, once).

use std::hint::black_box;
use std::sync::OnceLock;

use criterion::{Criterion, criterion_group, criterion_main};
use dateline::model::Corpus;
use dateline::tui::action::Action;
use dateline::tui::app::{App, Focus};
use dateline::tui::prepare::Prepared;
use dateline::tui::{ui, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// Stories in the big corpus.
const STORIES: usize = 100_000;

fn corpus() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(|| dateline::synth::corpus(STORIES, 7))
}

/// A reader on the big corpus, drawn once on a 120x40 screen.
fn reader() -> (App, Terminal<TestBackend>) {
    let mut app = App::from_prepared(
        Prepared::build(corpus().clone()),
        &dateline::config::Config::default(),
        false,
    );
    let mut term = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    draw(&mut term, &mut app);
    (app, term)
}

fn draw(term: &mut Terminal<TestBackend>, app: &mut App) {
    term.draw(|f| ui::draw(f, app)).expect("draw");
}

/// One key: update, then draw the frame.
fn key(term: &mut Terminal<TestBackend>, app: &mut App, action: Action) {
    update::update(app, action);
    draw(term, app);
}

fn keys(c: &mut Criterion) {
    let (mut app, mut term) = reader();
    let mut group = c.benchmark_group("reader_key_100k");
    group.bench_function("move_down_up", |b| {
        let mut down = true;
        b.iter(|| {
            key(
                &mut term,
                &mut app,
                if down { Action::Down } else { Action::Up },
            );
            down = !down;
        })
    });
    group.bench_function("scroll_page", |b| {
        app.focus = Focus::Reader;
        let mut down = true;
        b.iter(|| {
            key(
                &mut term,
                &mut app,
                if down {
                    Action::PageDown
                } else {
                    Action::PageUp
                },
            );
            down = !down;
        })
    });
    group.bench_function("open_story", |b| {
        let mut n = 0usize;
        b.iter(|| {
            app.focus = Focus::List;
            // A different story each time, so its layout is not cached yet.
            app.select_story(n % STORIES);
            n += 7919;
            key(&mut term, &mut app, Action::Open);
        })
    });
    group.bench_function("next_quote", |b| {
        app.select_story(10);
        b.iter(|| {
            if app
                .current_quote
                .is_some_and(|q| q + 1 >= app.corpus.stories[app.selected].quotes.len())
            {
                app.current_quote = None;
                app.scroll = 0;
            }
            key(&mut term, &mut app, Action::NextQuote);
        })
    });
    group.bench_function("next_quote_same_speaker", |b| {
        app.select_story(10);
        app.current_quote = None;
        app.scroll = 0;
        b.iter(|| {
            key(&mut term, &mut app, Action::NextBySpeaker);
            if app
                .message
                .as_deref()
                .is_some_and(|m| m.starts_with("No later"))
            {
                app.select_story(10);
                app.current_quote = None;
                app.scroll = 0;
            }
        })
    });
    group.finish();
}

fn search(c: &mut Criterion) {
    let (mut app, mut term) = reader();
    let mut group = c.benchmark_group("reader_search_100k");
    group.sample_size(20);
    // Typing a whole query as fast as keys come: each key gets one search step
    // (SEARCH_STEP) and a frame; the rest of a long search runs between keys.
    for (name, query) in [("minister", "minister"), ("rare", "zqx"), ("common_e", "e")] {
        group.bench_function(format!("type_{name}_{}_keys", query.len()), |b| {
            b.iter(|| {
                key(&mut term, &mut app, Action::StartSearch);
                for ch in query.chars() {
                    key(&mut term, &mut app, Action::Type(ch));
                }
                black_box(app.search.hits.len());
                key(&mut term, &mut app, Action::Close);
            })
        });
    }
    group.finish();
    // One key, after the query before it was searched to the end (the user paused):
    // the first answer (update + frame), and the search run to its end.
    let mut group = c.benchmark_group("reader_search_key_100k");
    // Setting up each key (typing the query before it) is not timed but takes a while:
    // short warm-up and measurement keep the group to a few minutes.
    group.sample_size(10);
    group.warm_up_time(std::time::Duration::from_millis(100));
    group.measurement_time(std::time::Duration::from_millis(500));
    let query = "minister";
    for typed in 1..=query.len() {
        let (before, last) = query.split_at(typed - 1);
        let last = last.chars().next().expect("a key");
        for finish in [false, true] {
            let what = if finish { "complete" } else { "first_answer" };
            group.bench_function(format!("{what}_{before}[{last}]"), |b| {
                b.iter_custom(|iters| {
                    let mut spent = std::time::Duration::ZERO;
                    for _ in 0..iters {
                        key(&mut term, &mut app, Action::Close);
                        key(&mut term, &mut app, Action::StartSearch);
                        for ch in before.chars() {
                            key(&mut term, &mut app, Action::Type(ch));
                        }
                        app.finish_search();
                        let started = std::time::Instant::now();
                        key(&mut term, &mut app, Action::Type(last));
                        if finish {
                            app.finish_search();
                        }
                        spent += started.elapsed();
                        black_box(app.search.hits.len());
                    }
                    spent
                })
            });
        }
    }
    group.finish();
}

fn overlays(c: &mut Criterion) {
    let (mut app, mut term) = reader();
    let mut group = c.benchmark_group("reader_overlays_100k");
    group.bench_function("open_speakers_panel", |b| {
        b.iter(|| {
            key(&mut term, &mut app, Action::ToggleSpeakers);
            key(&mut term, &mut app, Action::Close);
        })
    });
    group.bench_function("open_quotes_timeline", |b| {
        b.iter(|| {
            key(&mut term, &mut app, Action::ToggleTimeline);
            key(&mut term, &mut app, Action::Close);
        })
    });
    group.finish();
    let mut group = c.benchmark_group("reader_build");
    group.sample_size(10);
    let small = dateline::synth::corpus(10_000, 3);
    group.bench_function("prepare_10k_stories", |b| {
        b.iter(|| black_box(Prepared::build(small.clone())))
    });
    group.finish();
}

criterion_group!(benches, keys, search, overlays);
criterion_main!(benches);
