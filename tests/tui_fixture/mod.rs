//! Hand-built corpora for the reader's tests: stories with times, sections and
//! sources, quotes by several speakers (split, multi-paragraph and partial ones),
//! wide and combining text, a long story, and hostile text.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{FixedOffset, NaiveDate, TimeZone};
use dateline::model::{Corpus, Quote, QuoteSpan, SourceRef, Story, Timestamp, offset};
use dateline::tui::action::Action;
use dateline::tui::app::App;
use dateline::tui::{keymap, ui, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A time without an offset.
pub fn at(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> Timestamp {
    let date = NaiveDate::from_ymd_opt(y, mo, d).expect("valid date");
    Timestamp::naive(date.and_hms_opt(h, mi, 0).expect("valid time"))
}

/// A time with a UTC offset in hours.
pub fn at_offset(y: i32, mo: u32, d: u32, h: u32, mi: u32, hours: i32) -> Timestamp {
    let off = FixedOffset::east_opt(hours * 3600).expect("valid offset");
    let local = at(y, mo, d, h, mi).local;
    Timestamp::with_offset(off.from_local_datetime(&local).single().expect("unique"))
}

/// The character offset of `needle` in `haystack`.
pub fn char_pos(haystack: &str, needle: &str) -> usize {
    let byte = haystack
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in {haystack:?}"));
    haystack[..byte].chars().count()
}

/// A span covering `marked` (quote marks included) in paragraph `p`.
pub fn span(paragraphs: &[String], p: usize, marked: &str) -> QuoteSpan {
    let start = char_pos(&paragraphs[p], marked);
    QuoteSpan {
        paragraph: offset(p),
        start: offset(start),
        end: offset(start + marked.chars().count()),
    }
}

/// A quote made of `spans`.
pub fn quote(
    text: &str,
    speaker: Option<&str>,
    title: Option<&str>,
    partial: bool,
    time: Option<Timestamp>,
    spans: Vec<QuoteSpan>,
) -> Quote {
    let first = spans[0];
    let last = spans[spans.len() - 1];
    Quote {
        text: text.into(),
        speaker: speaker.map(Into::into),
        speaker_title: title.map(Into::into),
        speaker_mention: speaker.map(Into::into),
        cue: Some("said".into()),
        partial,
        paragraph: first.paragraph,
        start: first.start,
        end: last.end,
        timestamp: time,
        spans: spans.into(),
    }
}

/// A story from its parts.
pub fn story(
    id: &str,
    headline: &str,
    section: Option<&str>,
    published: Option<Timestamp>,
    updated: Option<Timestamp>,
    paragraphs: Vec<String>,
    quotes: Vec<Quote>,
) -> Story {
    let source = SourceRef {
        path: format!("pages/{id}.txt"),
        line_start: 3,
        line_end: 3 + paragraphs.len() * 2,
    };
    Story {
        id: id.to_string(),
        headline: headline.to_string(),
        section: section.map(str::to_string),
        byline: None,
        published,
        updated,
        sources: vec![source.clone()],
        source,
        paragraphs,
        quotes,
        origin: None,
    }
}

pub const WANG: &str = "Wang Wen";
pub const LI: &str = "Li Qiang";
pub const CHEN: &str = "Chen Mei";
pub const ADA: &str = "Ada Okafor";

fn paras(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

/// Story 0: trade measures, with a split quote, a multi-paragraph quote and a
/// partial quote.
fn trade() -> Story {
    let p = paras(&[
        "The Ministry of Commerce on Monday announced targeted measures for foreign trade in 2026.",
        "“We will accelerate innovation-driven growth,” said Wang Wen, “and open the market wider.”",
        "Officials described the plan as “high-quality” development for exporters.",
        "“The first part of a long statement runs to the end of this paragraph.",
        "“It continues here and ends now,” Li Qiang said at the briefing.",
        "Exporters welcomed the measures, and trade groups said they would study the details.",
    ]);
    let t = Some(at(2026, 1, 26, 17, 14));
    let quotes = vec![
        quote(
            "We will accelerate innovation-driven growth, and open the market wider.",
            Some(WANG),
            Some("Ministry of Commerce spokesperson"),
            false,
            t,
            vec![
                span(&p, 1, "“We will accelerate innovation-driven growth,”"),
                span(&p, 1, "“and open the market wider.”"),
            ],
        ),
        quote(
            "high-quality",
            None,
            None,
            true,
            t,
            vec![span(&p, 2, "“high-quality”")],
        ),
        quote(
            "The first part of a long statement runs to the end of this paragraph. It continues here and ends now,",
            Some(LI),
            Some("Premier"),
            false,
            t,
            vec![
                QuoteSpan {
                    paragraph: 3,
                    start: 0,
                    end: offset(p[3].chars().count()),
                },
                span(&p, 4, "“It continues here and ends now,”"),
            ],
        ),
    ];
    let mut s = story(
        "a1",
        "Ministry unveils trade measures for 2026",
        Some("Business"),
        t,
        Some(at(2026, 1, 26, 23, 37)),
        p,
        quotes,
    );
    s.sources.push(SourceRef {
        path: "pages/mirror.txt".to_string(),
        line_start: 10,
        line_end: 20,
    });
    s
}

/// Story 1: a port city, with CJK and emoji text and two speakers.
fn port() -> Story {
    let p = paras(&[
        "The port of Xiamen reopened on Sunday after the typhoon 🌀 passed.",
        "“We are back to full capacity,” Chen Mei said. 港口已经全面恢复运营，船只正在进港。",
        "Li Qiang said: “Recovery comes first.”",
        "市长说：“我们会尽快恢复。”",
    ]);
    let t = Some(at_offset(2026, 1, 25, 9, 0, 8));
    let quotes = vec![
        quote(
            "We are back to full capacity,",
            Some(CHEN),
            Some("Mayor of Xiamen"),
            false,
            t,
            vec![span(&p, 1, "“We are back to full capacity,”")],
        ),
        quote(
            "Recovery comes first.",
            Some(LI),
            Some("Premier"),
            false,
            t,
            vec![span(&p, 2, "“Recovery comes first.”")],
        ),
        quote(
            "我们会尽快恢复。",
            Some(CHEN),
            Some("市长"),
            false,
            t,
            vec![span(&p, 3, "“我们会尽快恢复。”")],
        ),
    ];
    story(
        "b2",
        "Port city reopens after typhoon",
        Some("China"),
        t,
        None,
        p,
        quotes,
    )
}

/// Story 2: a long budget story with quotes far apart.
fn budget() -> Story {
    let mut list: Vec<String> = Vec::new();
    for i in 0..60 {
        list.push(format!(
            "Paragraph {i} of the budget debate covers spending on schools, roads and hospitals across the provinces."
        ));
        if i == 5 || i == 30 || i == 55 {
            list.push(format!(
                "“Budget point {i} matters to every family,” Wang Wen told reporters."
            ));
        }
        if i == 40 {
            list.push("“We oppose the cuts,” said Ada Okafor.".to_string());
        }
    }
    let t = Some(at(2026, 1, 24, 8, 30));
    let mut quotes = Vec::new();
    for (pi, para) in list.iter().enumerate() {
        if let Some(start) = para.find("“Budget point") {
            let end = para.find('”').unwrap_or(start) + '”'.len_utf8();
            let marked = &para[start..end];
            quotes.push(quote(
                marked.trim_matches(['“', '”']),
                Some(WANG),
                Some("Ministry of Commerce spokesperson"),
                false,
                t,
                vec![span(&list, pi, marked)],
            ));
        }
        if para.contains("Ada Okafor") {
            quotes.push(quote(
                "We oppose the cuts,",
                Some(ADA),
                Some("opposition leader"),
                false,
                t,
                vec![span(&list, pi, "“We oppose the cuts,”")],
            ));
        }
    }
    story(
        "c3",
        "Legislature debates the annual budget in a marathon session that runs well past midnight",
        Some("Politics"),
        t,
        None,
        list,
        quotes,
    )
}

/// Story 3: undated, with combining marks and emoji sequences, and an
/// unattributed quote.
fn cafe() -> Story {
    let p = paras(&[
        "Cafe\u{301} owners say tourists are back 👍🏽 and families 👩‍👩‍👧 fill the terraces.",
        "“Business has never been better,” one owner said.",
    ]);
    let quotes = vec![quote(
        "Business has never been better,",
        None,
        None,
        false,
        None,
        vec![span(&p, 1, "“Business has never been better,”")],
    )];
    story(
        "d4",
        "Cafe\u{301} owners cheer the return of tourists 👍🏽",
        None,
        None,
        None,
        p,
        quotes,
    )
}

/// The main fixture: four stories, newest first.
pub fn corpus() -> Corpus {
    Corpus {
        stories: vec![trade(), port(), budget(), cafe()],
        ..Corpus::default()
    }
}

/// Text meant to break a reader: long unbroken words, CJK, emoji with skin tones
/// and joiners, combining marks, right-to-left text, and terminal controls.
pub fn hostile_texts() -> Vec<String> {
    vec![
        "Supercalifragilisticexpialidocious".repeat(12),
        "中文新闻标题非常长而且没有任何空格需要按显示宽度正确换行和截断".repeat(3),
        "👩🏽‍💻👨‍👩‍👧‍👦🏳️‍🌈👍🏿".repeat(10),
        "e\u{301}a\u{308}o\u{302}\u{303}\u{304} ".repeat(20),
        "مرحبا بالعالم هذا نص عربي طويل ".repeat(5),
        "שלום עולם \u{202E}reversed\u{202C} text".to_string(),
        "bell\u{7} escape\u{1b}[31mred\u{1b}[0m osc\u{1b}]0;title\u{7} c1\u{9b}2J tab\tnew\nline\r"
            .to_string(),
        "\u{200B}\u{200D}\u{FE0F}".to_string(),
        String::new(),
    ]
}

/// A corpus of stories made of hostile text in every field.
pub fn hostile_corpus() -> Corpus {
    let texts = hostile_texts();
    let stories = texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let p = vec![t.clone(), format!("“{t}” said {t}."), t.clone()];
            let len = p[1].chars().count();
            let q = quote(
                t,
                Some(t),
                Some(t),
                i % 2 == 0,
                Some(at(2026, 1, 1, 0, 0)),
                vec![QuoteSpan {
                    paragraph: 1,
                    start: 0,
                    end: offset((t.chars().count() + 2).min(len)),
                }],
            );
            let mut s = story(
                &format!("h{i}"),
                t,
                Some(t),
                Some(at(2026, 1, 1, 0, 0)),
                None,
                p,
                vec![q],
            );
            s.source.path = t.clone();
            s.sources = vec![s.source.clone()];
            s
        })
        .collect();
    Corpus {
        stories,
        ..Corpus::default()
    }
}

/// A key press with no modifiers.
pub fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

/// A character key press (upper case and symbols arrive with Shift, as terminals send them).
pub fn ch(c: char) -> KeyEvent {
    let mods = if c.is_ascii_uppercase() || "?{}:\"".contains(c) {
        KeyModifiers::SHIFT
    } else {
        KeyModifiers::NONE
    };
    KeyEvent::new(KeyCode::Char(c), mods)
}

/// A key press with Control.
pub fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

/// Feeds a key through the keymap and applies its action; returns the action.
pub fn press(app: &mut App, event: KeyEvent) -> Option<Action> {
    let action = keymap::action_for_key(app, event);
    if let Some(a) = action {
        update::update(app, a);
    }
    action
}

/// Types a string, one key per character.
pub fn type_str(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, ch(c));
    }
}

/// A terminal of the given size for rendering tests.
pub fn terminal(width: u16, height: u16) -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(width, height)).expect("test terminal")
}

/// Draws the app once on `terminal` and returns the buffer.
pub fn draw(terminal: &mut Terminal<TestBackend>, app: &mut App) -> Buffer {
    terminal
        .draw(|frame| ui::draw(frame, app))
        .expect("draw")
        .buffer
        .clone()
}

/// The text of row `y` of a buffer (wide characters once).
/// The whole buffer as text, one line per row, trailing spaces trimmed.
pub fn text_of(buf: &Buffer) -> String {
    (0..buf.area.height)
        .map(|y| row_text(buf, y).trim_end().to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

pub fn row_text(buf: &Buffer, y: u16) -> String {
    let mut out = String::new();
    let mut skip = 0;
    for x in 0..buf.area.width {
        if skip > 0 {
            skip -= 1;
            continue;
        }
        let cell = &buf[(x, y)];
        let symbol = cell.symbol();
        out.push_str(symbol);
        skip = dateline::tui::text::width(symbol).saturating_sub(1);
    }
    out
}

/// The position of the first cell whose row text contains `needle` at that column.
pub fn find(buf: &Buffer, needle: &str) -> Option<(u16, u16)> {
    for y in 0..buf.area.height {
        let mut line = String::new();
        let mut columns = Vec::new();
        for x in 0..buf.area.width {
            let symbol = buf[(x, y)].symbol();
            for _ in symbol.chars() {
                columns.push(x);
            }
            line.push_str(symbol);
        }
        if let Some(byte) = line.find(needle) {
            let chars = line[..byte].chars().count();
            return Some((columns[chars], y));
        }
    }
    None
}

/// The position of the first occurrence of `needle` inside `area` of a buffer.
pub fn find_in(buf: &Buffer, area: ratatui::layout::Rect, needle: &str) -> Option<(u16, u16)> {
    for y in area.top()..area.bottom().min(buf.area.height) {
        let mut line = String::new();
        let mut columns = Vec::new();
        for x in area.left()..area.right().min(buf.area.width) {
            let symbol = buf[(x, y)].symbol();
            for _ in symbol.chars() {
                columns.push(x);
            }
            line.push_str(symbol);
        }
        if let Some(byte) = line.find(needle) {
            let chars = line[..byte].chars().count();
            return Some((columns[chars], y));
        }
    }
    None
}

/// Writes `count` generated pages under `dir`, returning the directory.
pub fn write_pages(dir: &Path, count: usize, seed: u64) -> PathBuf {
    for page in dateline::synth::generate(count, seed) {
        let path = dir.join(&page.name);
        fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        fs::write(path, page.text).expect("write");
    }
    dir.to_path_buf()
}
