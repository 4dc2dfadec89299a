//! Rendering at any size, on the fixture and on hostile text: no panic, and no
//! buffer cell ever holds a control character.

mod tui_fixture;

use dateline::model::Corpus;
use dateline::tui::app::App;
use dateline::tui::text::unsafe_char;
use proptest::prelude::*;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyEvent;
use tui_fixture::*;

/// Key sequences that open every screen.
fn screens() -> Vec<Vec<KeyEvent>> {
    vec![
        vec![],
        vec![ch('l'), ch(']'), ch(']')],
        vec![ch('s')],
        vec![ch('s'), ch('e')],
        vec![ch('t')],
        vec![ch('/'), ch('e')],
        vec![ch('?')],
        vec![ch('G'), ch('l'), ch('G')],
    ]
}

fn assert_clean(buf: &Buffer) {
    for cell in buf.content() {
        assert!(
            !cell.symbol().chars().any(unsafe_char),
            "control character in cell {:?}",
            cell.symbol()
        );
    }
}

fn render_all(corpus: &Corpus, width: u16, height: u16) {
    for keys in screens() {
        let mut app = App::new(corpus.clone());
        let mut term = terminal(width, height);
        draw(&mut term, &mut app);
        for k in keys {
            press(&mut app, k);
        }
        assert_clean(&draw(&mut term, &mut app));
    }
}

#[test]
fn tiny_and_degenerate_sizes_never_panic() {
    let corpora = [corpus(), hostile_corpus(), Corpus::default()];
    for c in &corpora {
        for w in 0..=3 {
            for h in 0..=3 {
                render_all(c, w, h);
            }
        }
        render_all(c, 1, 200);
        render_all(c, 200, 1);
        render_all(c, 40, 8);
        render_all(c, 39, 8);
    }
}

#[test]
fn too_small_screens_say_so() {
    let mut app = App::new(corpus());
    for (w, h) in [(39, 30), (100, 7), (18, 1)] {
        let mut term = terminal(w, h);
        let buf = draw(&mut term, &mut app);
        assert!(row_text(&buf, 0).starts_with("Terminal too"));
        if h > 4 {
            let text = text_of(&buf).replace('\n', " ");
            let need = format!("need at least 40x8, have {w}x{h}");
            assert!(text.contains(&need), "{text}");
        }
    }
}

#[test]
fn hostile_text_reaches_no_cell_as_a_control_character() {
    let mut app = App::new(hostile_corpus());
    let mut term = terminal(120, 40);
    for i in 0..app.corpus.stories.len() {
        app.select_story(i);
        let buf = draw(&mut term, &mut app);
        assert_clean(&buf);
    }
    // The escape sequence's introducer is replaced, not passed through.
    app.select_story(6);
    let buf = draw(&mut term, &mut app);
    assert!(find(&buf, "\u{FFFD}[31mred").is_some());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    #[test]
    fn any_size_renders_every_screen(width in 0u16..=300, height in 0u16..=300, hostile in any::<bool>()) {
        let c = if hostile { hostile_corpus() } else { corpus() };
        render_all(&c, width, height);
    }

    #[test]
    fn arbitrary_text_renders_cleanly(headline in "\\PC{0,80}", body in any::<String>(), width in 40u16..160) {
        let mut c = corpus();
        c.stories[0].headline = headline;
        c.stories[0].paragraphs[0] = body;
        let mut app = App::new(c);
        let mut term = terminal(width, 24);
        assert_clean(&draw(&mut term, &mut app));
        press(&mut app, ch('l'));
        assert_clean(&draw(&mut term, &mut app));
    }
}
