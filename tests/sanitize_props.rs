//! Properties of the sanitiser, on generated text: nothing that drives a terminal
//! survives, it is idempotent, ordinary text passes unchanged, and escape sequences
//! vanish whole.

use dateline::ingest::sanitize::{MAX_MARKS, sanitize, sanitize_cow, sanitize_line};
use proptest::prelude::*;
use std::borrow::Cow;

/// Pieces that exercise the escape parser: introducers, terminators, parameters,
/// controls, marks, wide characters and plain letters.
fn hostile_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("\x1b".to_string()),
        Just("\x1b[".to_string()),
        Just("\x1b]".to_string()),
        Just("\x1bP".to_string()),
        Just("\x1b_".to_string()),
        Just("\x1b(".to_string()),
        Just("\x1b\\".to_string()),
        Just("\x07".to_string()),
        Just("\u{9b}".to_string()),
        Just("\u{9d}".to_string()),
        Just("\u{9c}".to_string()),
        Just("\u{90}".to_string()),
        Just("\t".to_string()),
        Just("\r".to_string()),
        Just("\n".to_string()),
        Just("\x18".to_string()),
        Just("\u{301}".to_string()),
        Just("\u{200d}".to_string()),
        Just("\u{fe0f}".to_string()),
        Just("\u{202e}".to_string()),
        Just("\u{2067}".to_string()),
        Just("\u{feff}".to_string()),
        Just("\u{e0041}".to_string()),
        "[0-9;?:]{0,4}",
        "[a-zA-Z@~ ]{0,3}",
        Just("市长".to_string()),
        Just("😀".to_string()),
        any::<char>().prop_map(String::from),
    ]
}

fn hostile_text() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::collection::vec(hostile_piece(), 0..40).prop_map(|v| v.concat()),
        any::<String>(),
    ]
}

/// Ordinary printable text as found in news pages: letters, digits, punctuation,
/// quotes and dashes, accented letters, CJK, Hangul, emoji, spaces and newlines.
fn printable_text() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9 .,;:!?'\"()\\-—–“”‘’«»…€£$%&/éèçñüÅøßąžЖжΩλ市长说中国日本語한국어😀🎉👍\n]{0,80}"
}

/// One complete escape sequence of each kind, with random parameters and payload.
fn escape_sequence() -> impl Strategy<Value = String> {
    let payload = "[a-zA-Z0-9;:/.=?é市 ]{0,12}";
    let terminator = prop_oneof![
        Just("\x07".to_string()),
        Just("\x1b\\".to_string()),
        Just("\u{9c}".to_string()),
    ];
    prop_oneof![
        ("[0-9;:<=>?]{0,8}", "[ -/]{0,2}", "[@-~]").prop_map(|(p, i, f)| format!("\x1b[{p}{i}{f}")),
        ("[0-9;]{0,8}", "[@-~]").prop_map(|(p, f)| format!("\u{9b}{p}{f}")),
        (
            prop::sample::select(vec!["\x1b]", "\x1bP", "\x1bX", "\x1b^", "\x1b_"]),
            payload,
            terminator.clone()
        )
            .prop_map(|(intro, body, end)| format!("{intro}{body}{end}")),
        (
            prop::sample::select(vec!["\u{9d}", "\u{90}", "\u{98}", "\u{9e}", "\u{9f}"]),
            payload,
            terminator
        )
            .prop_map(|(intro, body, end)| format!("{intro}{body}{end}")),
        "[0-9=>@-OQ-WYZ`-~]".prop_map(|c| format!("\x1b{c}")),
        ("[ -/]{1,2}", "[0-~]").prop_map(|(i, f)| format!("\x1b{i}{f}")),
    ]
}

/// Whether `c` may appear in sanitised text.
fn allowed(c: char) -> bool {
    c == '\n'
        || !(c.is_control()
            || matches!(
                c,
                '\u{061c}'
                    | '\u{200e}'
                    | '\u{200f}'
                    | '\u{202a}'..='\u{202e}'
                    | '\u{2066}'..='\u{2069}'
                    | '\u{feff}'
                    | '\u{e0000}'..='\u{e007f}'
            ))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn output_holds_no_control_but_newline(text in hostile_text()) {
        let clean = sanitize(&text);
        prop_assert!(clean.chars().all(allowed), "{clean:?}");
        prop_assert!(!clean.contains('\t') && !clean.contains('\r'));
    }

    #[test]
    fn sanitising_twice_equals_once(text in hostile_text()) {
        let once = sanitize(&text);
        let twice = sanitize_cow(&once);
        prop_assert!(matches!(twice, Cow::Borrowed(_)), "second pass changed {once:?}");
        prop_assert_eq!(twice.as_ref(), once.as_str());
    }

    #[test]
    fn marks_never_stack_past_the_cap(base in "[a-z]", marks in prop::collection::vec(0x300u32..0x370, 0..40)) {
        let text: String = base.chars().chain(marks.iter().filter_map(|&m| char::from_u32(m))).collect();
        let clean = sanitize(&text);
        prop_assert_eq!(clean.chars().count(), 1 + marks.len().min(MAX_MARKS));
    }

    #[test]
    fn printable_text_passes_unchanged(text in printable_text()) {
        let clean = sanitize_cow(&text);
        prop_assert!(matches!(clean, Cow::Borrowed(_)));
        prop_assert_eq!(clean.as_ref(), text.as_str());
    }

    #[test]
    fn escape_sequences_vanish_whole(
        before in printable_text(),
        sequence in escape_sequence(),
        after in printable_text(),
    ) {
        let text = format!("{before}{sequence}{after}");
        prop_assert_eq!(sanitize(&text), format!("{before}{after}"));
    }

    #[test]
    fn line_form_holds_one_line(text in hostile_text()) {
        let line = sanitize_line(&text);
        prop_assert!(!line.contains('\n'));
        prop_assert!(line.chars().all(allowed));
    }
}
