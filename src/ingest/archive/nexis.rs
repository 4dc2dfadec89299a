//! LexisNexis / Nexis Uni text exports.
//!
//! The layout (as in the public sample of the LexisNexisTools package): a request
//! header, then for each document a marker line (`1 of 21 DOCUMENTS`, `Dokument 1 von
//! 21`, `Document 1 de 21`), the publication, a dated line (`October 12, 2016
//! Wednesday`) with edition lines under it, the headline, field lines (`BYLINE:`,
//! `SECTION:`, `LENGTH:`, `DATELINE:`, `HIGHLIGHT:`, ... or their German, French and
//! Spanish names), the body hard-wrapped with blank lines between paragraphs, closing
//! fields (`LOAD-DATE:`, `LANGUAGE:`, `PUBLICATION-TYPE:`) and a copyright line.
//!
//! Nexis Uni's text layout has no markers: each document ends with an `End of Document`
//! line, opens with its headline (then the publication, the dated line and a copyright
//! line), writes its field names in mixed case (`Length:`, `Byline:`, `Load-Date:`) and
//! sets its body off with a `Body` line and a `Classification` heading after it.
//!
//! Decides which lines of a document are which; never lets a field line, the request
//! header or a copyright line into the text.

use super::dates::date_line;
use super::{Document, Group, groups, is_copyright};

/// How far into a file its first marker line is looked for.
const SNIFF_BYTES: usize = 256 * 1024;
/// Longest field name (`PUBLICATION-TYPE`, `CORRECTION-DATE`) in bytes.
const MAX_KEY_BYTES: usize = 32;

/// What a field line gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Headline,
    Byline,
    Section,
    Length,
    Url,
    Summary,
    /// A closing field: the body has ended.
    End,
    /// Any other field, left out.
    Other,
    /// `BODY:`, opening the text (older exports): the line is no text, its value is.
    Body,
}

impl Role {
    /// Whether lines after the field's own line (before a blank one) continue it.
    fn runs_on(self) -> bool {
        matches!(
            self,
            Role::Headline | Role::Byline | Role::Summary | Role::Other
        )
    }
}

/// The role of a field name, written in capitals.
fn role_of(key: &str) -> Option<Role> {
    Some(match key {
        "HEADLINE" | "TITLE" | "TITEL" | "TITRE" | "TITULAR" | "TÍTULO" | "TITULO"
        | "ÜBERSCHRIFT" => Role::Headline,
        "BYLINE" | "AUTHOR" | "AUTHORS" | "AUTOR" | "AUTOREN" | "AUTEUR" | "AUTEURS"
        | "SIGNATURE" | "FIRMA" => Role::Byline,
        "SECTION" | "RUBRIK" | "RESSORT" | "RUBRIQUE" | "SECCIÓN" | "SECCION" => Role::Section,
        "LENGTH" | "LÄNGE" | "LAENGE" | "LONGUEUR" | "LONGITUD" | "EXTENSIÓN" | "EXTENSION" => {
            Role::Length
        }
        "URL" | "LINK" => Role::Url,
        "BODY" | "TEXT" => Role::Body,
        "HIGHLIGHT" | "HIGHLIGHTS" | "ABSTRACT" | "ZUSAMMENFASSUNG" | "RÉSUMÉ" | "RESUME"
        | "RESUMEN" => Role::Summary,
        "LOAD-DATE" | "LANGUAGE" | "SPRACHE" | "LANGUE" | "IDIOMA" | "PUBLICATION-TYPE"
        | "PUBLIKATIONSTYP" | "TYPE-PUBLICATION" | "TIPO-PUBLICACIÓN" | "DOCUMENT-TYPE"
        | "DOKUMENTTYP" | "JOURNAL-CODE" => Role::End,
        "DATELINE" | "GRAPHIC" | "GRAFIK" | "GRAPHIQUE" | "GRÁFICO" | "UPDATE" | "NOTES"
        | "CORRECTION" | "CORRECTION-DATE" | "SUBJECT" | "PERSON" | "ORGANIZATION" | "COMPANY"
        | "GEOGRAPHIC" | "TICKER" | "INDUSTRY" | "CITY" | "STATE" | "COUNTRY" | "SERIES"
        | "TYPE" | "EDITION" | "AUSGABE" | "ÉDITION" | "EDICIÓN" | "DISTRIBUTION" | "ACC-NO"
        | "DOCUMENT-ID" | "LOAD-DATUM" | "QUELLE" | "SOURCE" => Role::Other,
        _ => return None,
    })
}

/// The role and the value of a field line (`BYLINE: By Jane Doe`), or `None` for any
/// other line. Field names in capitals are known names or names with a hyphen
/// (`CORRECTION-DATE:`); in mixed case (`Load-Date:`) only known names.
fn field(line: &str) -> Option<(Role, &str)> {
    if line.starts_with(char::is_whitespace) {
        return None;
    }
    let colon = line
        .get(..MAX_KEY_BYTES.min(line.len()) + 1)
        .unwrap_or(line);
    let colon = colon.find(':')?;
    let (key, rest) = (&line[..colon], &line[colon + 1..]);
    if !(rest.is_empty() || rest.starts_with(char::is_whitespace)) {
        return None;
    }
    if key.chars().filter(|c| c.is_alphabetic()).count() < 2
        || !key
            .chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == ' ')
    {
        return None;
    }
    let upper = key.to_uppercase();
    let role = match role_of(&upper) {
        // `Body` and `Text` open prose too often to be taken in mixed case.
        Some(Role::Body) if upper != key => return None,
        Some(role) => role,
        None if upper == key && key.contains('-') && !key.contains(' ') => Role::Other,
        None => return None,
    };
    Some((role, rest.trim()))
}

/// The number of a marker line and the count it gives (`3 of 21 DOCUMENTS` → 3, 21).
pub fn marker(line: &str) -> Option<(usize, usize)> {
    let mut words = line.split_whitespace();
    let w: [&str; 4] = [words.next()?, words.next()?, words.next()?, words.next()?];
    if words.next().is_some() {
        return None;
    }
    let between = |s: &str| matches!(s, "of" | "von" | "de" | "sur");
    let (n, m) = if between(w[1]) && is_documents(w[3]) {
        (w[0], w[2])
    } else if between(w[2]) && is_documents(w[0]) {
        (w[1], w[3])
    } else {
        return None;
    };
    let n: usize = n.parse().ok()?;
    let m: usize = m.parse().ok()?;
    (n >= 1 && n <= m).then_some((n, m))
}

/// `DOCUMENTS`, `Dokument`, `Documento` and their forms.
fn is_documents(w: &str) -> bool {
    matches!(
        w.to_lowercase().as_str(),
        "document" | "documents" | "dokument" | "dokumente" | "dokumenten" | "documento"
    )
}

/// True for the line closing a Nexis Uni document.
fn is_end_of_document(line: &str) -> bool {
    let line = line.trim();
    [
        "End of Document",
        "Ende des Dokuments",
        "Fin du document",
        "Fin del documento",
    ]
    .iter()
    .any(|end| line.eq_ignore_ascii_case(end))
}

/// True when the text is a LexisNexis export: a marker line, and a field line after it;
/// or a field line, and an `End of Document` line after it.
pub fn sniff(text: &str) -> bool {
    let head = &text[..super::floor_boundary(text, SNIFF_BYTES)];
    // A marker's word and an end line both hold `document` or `dokument` in some case
    // (its `k` may be the Kelvin sign, which `to_lowercase` makes a `k`): all of them
    // hold `ument` in some ASCII case.
    let mut uments = Vec::new();
    super::each_any_case(head, "ument", |at| {
        uments.push(at);
        true
    });
    if uments.is_empty() {
        return false;
    }
    // So a line without `ument` is neither, and is read only for a field; and a field
    // matters only after a marker, or while none has been seen. A line without a colon
    // is no field either: only the lines holding `ument` or a colon are read.
    let (mut seen_marker, mut seen_field) = (false, false);
    let mut next = uments.iter().copied().peekable();
    for (start, line) in lines_holding(head, &uments, b':') {
        while next.next_if(|&at| at < start).is_some() {}
        let ument = next.peek().is_some_and(|&at| at < start + line.len());
        let known = (seen_marker || !seen_field)
            && field(line).is_some_and(|(role, _)| role != Role::Other);
        if seen_marker && known || seen_field && ument && is_end_of_document(line) {
            return true;
        }
        seen_marker |= ument && marker(line).is_some();
        seen_field |= known;
    }
    false
}

/// The lines of `text` (as [`str::lines`] gives them, with their byte offsets) that
/// hold one of the places `at` (in order) or the byte `byte`, in order, each once. The
/// places are taken in order and each line's ends searched for only between the last
/// line taken and the place, so a line full of `byte` costs no more than its length.
fn lines_holding<'a>(text: &'a str, at: &[usize], byte: u8) -> Vec<(usize, &'a str)> {
    let bytes = text.as_bytes();
    let mut places: Vec<usize> = memchr::memchr_iter(byte, bytes).collect();
    places.extend_from_slice(at);
    places.sort_unstable();
    let mut lines = Vec::new();
    // Where the last line taken ends (its `\n`, or the end of the text).
    let mut end: Option<usize> = None;
    for place in places {
        if end.is_some_and(|e| place <= e) {
            continue;
        }
        let from = end.map_or(0, |e| e + 1);
        let start = memchr::memrchr(b'\n', &bytes[from..place]).map_or(from, |nl| from + nl + 1);
        // A line ends before its `\n`, and before a `\r` ahead of that `\n`.
        let line = match memchr::memchr(b'\n', &bytes[place..]) {
            Some(nl) => {
                end = Some(place + nl);
                let line = &text[start..place + nl];
                line.strip_suffix('\r').unwrap_or(line)
            }
            None => {
                end = Some(bytes.len());
                &text[start..]
            }
        };
        lines.push((start, line));
    }
    lines
}

/// The documents of a LexisNexis export, in file order.
pub fn read(text: &str) -> Vec<Document> {
    let lines: Vec<(usize, &str)> = text.lines().enumerate().map(|(i, l)| (i + 1, l)).collect();
    let starts: Vec<(usize, (usize, usize))> = lines
        .iter()
        .enumerate()
        .filter_map(|(i, &(_, line))| marker(line).map(|m| (i, m)))
        .collect();
    if starts.is_empty() {
        return read_uni(&lines);
    }
    let mut docs: Vec<Document> = Vec::with_capacity(starts.len());
    let mut trailers = 0;
    for (k, &(at, (number, _))) in starts.iter().enumerate() {
        let end = starts.get(k + 1).map_or(lines.len(), |&(next, _)| next);
        let (doc, closed) = read_document(number, &lines[at..end], false);
        trailers += usize::from(closed);
        let last = k + 1 == starts.len();
        docs.push(doc);
        if last
            && !closed
            && trailers > 0
            && let Some(doc) = docs.last_mut()
        {
            doc.problems.push("cut short (no closing fields)".into());
        }
    }
    if let (Some(&(_, (_, count))), Some(doc)) = (starts.first(), docs.last_mut())
        && doc.number < count
    {
        doc.problems.push(format!(
            "the file ends before documents {}-{count}",
            doc.number + 1
        ));
    }
    docs
}

/// The documents of a Nexis Uni export, each closed by an `End of Document` line.
fn read_uni(lines: &[(usize, &str)]) -> Vec<Document> {
    let mut docs = Vec::new();
    let mut from = 0;
    for (i, &(_, line)) in lines.iter().enumerate() {
        if is_end_of_document(line) {
            let (doc, _) = read_document(docs.len() + 1, &lines[from..i], true);
            docs.push(doc);
            from = i + 1;
        }
    }
    let rest = &lines[from.min(lines.len())..];
    if rest.iter().any(|&(_, l)| field(l).is_some()) {
        let (mut doc, _) = read_document(docs.len() + 1, rest, true);
        doc.problems
            .push("cut short (no End of Document line)".into());
        docs.push(doc);
    }
    docs
}

/// A run of lines of a document: a field with its value, or text.
enum Unit<'a> {
    Field(Role, String),
    Text(Vec<&'a str>),
}

/// Cuts a document's groups into fields and runs of text.
fn units<'a>(groups: &[Group<'a>]) -> Vec<Unit<'a>> {
    let mut out = Vec::new();
    for group in groups {
        let mut open_field = false;
        for (i, &line) in group.lines.iter().enumerate() {
            let line = match field(line) {
                Some((Role::Body, "")) => {
                    open_field = false;
                    continue;
                }
                Some((Role::Body, value)) => {
                    open_field = false;
                    value
                }
                _ => line,
            };
            if let Some((role, value)) = field(line) {
                out.push(Unit::Field(role, value.to_string()));
                open_field = role.runs_on();
                continue;
            }
            match out.last_mut() {
                Some(Unit::Field(_, value)) if open_field && i > 0 => {
                    if !value.is_empty() {
                        value.push(' ');
                    }
                    value.push_str(line.trim());
                }
                Some(Unit::Text(lines)) if i > 0 => lines.push(line),
                _ => out.push(Unit::Text(vec![line])),
            }
        }
    }
    out
}

/// True for a run of text that is only the heading `word` (Nexis Uni's `Body`).
fn is_heading(lines: &[&str], word: &str) -> bool {
    matches!(lines, [line] if line.trim() == word)
}

/// True for a line set off by indentation (the centred lines of the header).
fn indented(line: &str) -> bool {
    line.starts_with("  ")
}

/// Reads one document from its marker line on (or, in a Nexis Uni export, where there
/// is no marker and the headline comes first, from its first line: `title_first`); also
/// tells whether it had its closing fields or copyright line.
fn read_document(number: usize, lines: &[(usize, &str)], title_first: bool) -> (Document, bool) {
    let mut doc = Document {
        number,
        lines: (
            lines.first().map_or(0, |l| l.0),
            lines.last().map_or(0, |l| l.0),
        ),
        ..Document::default()
    };
    let groups = groups(lines.iter().skip(usize::from(!title_first)).copied());
    // The last group holding text: the document's true last line.
    if let Some(last) = groups.last() {
        doc.lines.1 = last.last();
    }
    let units = units(&groups);
    let first_field = units
        .iter()
        .position(|u| matches!(u, Unit::Field(..)))
        .unwrap_or(units.len());
    if first_field == units.len() {
        doc.problems.push("no field lines".into());
    }
    let skip_title = usize::from(title_first && first_field > 0);
    let no_fields = first_field == units.len();
    let header_end = skip_title + header(&units[skip_title..first_field], no_fields, &mut doc);
    if let (true, Some(Unit::Text(title))) = (title_first, units.first()) {
        doc.headline = Some(super::join_wrapped(title));
    }
    // A headline field is surer than the header's runs of text.
    let mut headline_field = false;
    let mut closed = false;
    let mut ended = false;
    for unit in &units[header_end..] {
        match unit {
            Unit::Field(role, value) => {
                let slot = match role {
                    Role::Headline if !headline_field && !value.is_empty() => {
                        headline_field = true;
                        doc.headline = Some(value.clone());
                        continue;
                    }
                    Role::Headline => &mut doc.headline,
                    Role::Byline => &mut doc.byline,
                    Role::Section => &mut doc.section,
                    Role::Length => &mut doc.length,
                    Role::Url => &mut doc.url,
                    Role::Summary => &mut doc.summary,
                    Role::End => {
                        closed = true;
                        ended |= !doc.paragraphs.is_empty();
                        continue;
                    }
                    Role::Other | Role::Body => continue,
                };
                if slot.is_none() && !value.is_empty() {
                    *slot = Some(value.clone());
                }
            }
            Unit::Text(lines) if is_heading(lines, "Body") => {}
            Unit::Text(lines) if is_heading(lines, "Classification") => {
                closed = true;
                ended |= !doc.paragraphs.is_empty();
            }
            Unit::Text(lines) => {
                if lines.len() <= 3 && lines.iter().any(|l| is_copyright(l)) {
                    closed = true;
                    continue;
                }
                if ended {
                    continue;
                }
                doc.paragraphs.push(super::join_wrapped(lines));
            }
        }
    }
    if doc.headline.as_deref().is_none_or(str::is_empty) {
        doc.problems.push("no headline".into());
    }
    if doc.published.is_none() {
        doc.problems.push("no dated line".into());
    }
    (doc, closed)
}

/// Reads the header (the text before the first field line: publication, dated line,
/// edition lines, headline) into `doc`; returns where the rest of the document starts
/// (past the header, or, in a document without fields, past its headline).
///
/// Under the dated line come edition lines (`Late Edition - Final`, `Edition 1;`), then
/// the headline: when more runs of text follow the dated line's own, the lines under it
/// are all edition lines; else its lines flush left and not edition lines start the
/// headline. Runs of text that are only edition lines or a copyright line are no
/// headline; runs flush left are preferred to centred ones.
fn header(units: &[Unit<'_>], no_fields: bool, doc: &mut Document) -> usize {
    let texts: Vec<&Vec<&str>> = units
        .iter()
        .filter_map(|u| match u {
            Unit::Text(lines) => Some(lines),
            Unit::Field(..) => None,
        })
        .collect();
    let dated = texts.iter().enumerate().find_map(|(u, lines)| {
        lines
            .iter()
            .enumerate()
            .find_map(|(l, line)| date_line(line).map(|at| (u, l, at)))
    });
    let mut headline: Vec<&str> = Vec::new();
    let mut after = 0;
    match dated {
        Some((u, l, at)) => {
            doc.published = Some(at);
            let before: Vec<&str> = texts[..u]
                .iter()
                .flat_map(|lines| lines.iter().copied())
                .chain(texts[u][..l].iter().copied())
                .collect();
            if !before.is_empty() {
                doc.publication = Some(super::join_wrapped(&before));
            }
            let under = &texts[u][l + 1..];
            // Without fields, the runs after the dated line's own are the body.
            if (texts.len() == u + 1 || no_fields)
                && let Some(start) = under
                    .iter()
                    .position(|line| !indented(line) && !is_edition(line))
            {
                headline.extend(&under[start..]);
            }
            after = u + 1;
        }
        None if texts.len() > 1 => {
            doc.publication = Some(super::join_wrapped(texts[0]));
            after = 1;
        }
        None => {}
    }
    let rest: Vec<(usize, &Vec<&str>)> = texts
        .iter()
        .copied()
        .enumerate()
        .skip(after)
        .filter(|(_, lines)| {
            !lines.iter().all(|l| is_edition(l)) && !lines.iter().any(|l| is_copyright(l))
        })
        .collect();
    let flush: Vec<(usize, &Vec<&str>)> = rest
        .iter()
        .copied()
        .filter(|(_, lines)| !lines.iter().all(|l| indented(l)))
        .collect();
    let chosen = if flush.is_empty() { rest } else { flush };
    if no_fields {
        // Without fields the body follows the headline: one run of text only.
        if headline.is_empty()
            && let Some(&(at, first)) = chosen.first()
        {
            doc.headline = Some(super::join_wrapped(first));
            return at + 1;
        }
        if !headline.is_empty() {
            doc.headline = Some(super::join_wrapped(&headline));
        }
        return after;
    }
    for (_, lines) in chosen {
        headline.extend(lines.iter().copied());
    }
    if !headline.is_empty() {
        doc.headline = Some(super::join_wrapped(&headline));
    }
    units.len()
}

/// True for an edition line under the dated line (`Late Edition - Final`, `Edition 1;`,
/// `Ausgabe 3`, `Scotland` centred).
fn is_edition(line: &str) -> bool {
    let lower = line.trim().to_lowercase();
    ["edition", "ausgabe", "édition", "edición", "edicion"]
        .iter()
        .any(|w| lower.contains(w))
        || (lower.ends_with(';') || lower.contains("final"))
            && lower.split_whitespace().count() <= 3
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sniffer as first written: every line read for a marker, a field and an end.
    fn sniff_every_line(text: &str) -> bool {
        let (mut seen_marker, mut seen_field) = (false, false);
        for line in text.lines() {
            let known = field(line).is_some_and(|(role, _)| role != Role::Other);
            if seen_marker && known || seen_field && is_end_of_document(line) {
                return true;
            }
            seen_marker |= marker(line).is_some();
            seen_field |= known;
        }
        false
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]
        /// The lines holding a place or a byte are those `lines` gives that hold it.
        #[test]
        fn lines_holding_places_or_a_byte_are_whole_lines(
            text in "[a-c:\r\n]{0,40}",
            places in proptest::collection::vec(0usize..40, 0..4),
        ) {
            // Places stand on a line's text, never on its `\r` or `\n`.
            let mut places: Vec<usize> = places
                .into_iter()
                .filter(|&p| p < text.len() && !matches!(text.as_bytes()[p], b'\r' | b'\n'))
                .collect();
            places.sort_unstable();
            let expected: Vec<(usize, &str)> = text
                .lines()
                .map(|line| (line.as_ptr() as usize - text.as_ptr() as usize, line))
                .filter(|&(start, line)| {
                    line.contains(':') || places.iter().any(|&p| p >= start && p < start + line.len())
                })
                .collect();
            proptest::prop_assert_eq!(lines_holding(&text, &places, b':'), expected);
        }

        /// Reading only the lines holding `ument` for markers and ends, and fields only
        /// while they can matter, tells the same as reading every line for all three.
        #[test]
        fn sniffing_skips_no_line_that_matters(
            lines in proptest::collection::vec(proptest::prop_oneof![
                proptest::strategy::Just("2 of 9 DOCUMENTS".to_string()),
                proptest::strategy::Just("Do\u{212a}ument 1 von 2".to_string()),
                proptest::strategy::Just("  End of Document ".to_string()),
                proptest::strategy::Just("LENGTH: 607 words".to_string()),
                proptest::strategy::Just("BYLINE: Ann Lee".to_string()),
                proptest::strategy::Just("LOAD-DATE: May 2, 2016".to_string()),
                proptest::strategy::Just("The argument went on: nobody left.".to_string()),
                "[a-zA-Z :0-9-]{0,30}",
            ], 0..12)
        ) {
            let text = lines.join("\n");
            proptest::prop_assert_eq!(sniff(&text), sniff_every_line(&text));
        }
    }

    #[test]
    fn a_marker_then_a_field_or_a_field_then_an_end_is_an_export() {
        assert!(sniff(
            "Intro\n1 of 2 DOCUMENTS\nThe Paper\nLENGTH: 60 words"
        ));
        assert!(sniff("LENGTH: 60 words\nText.\nEnd of Document"));
        assert!(!sniff("End of Document\nLENGTH: 60 words"));
        assert!(!sniff("LENGTH: 60 words\n1 of 2 DOCUMENTS"));
        assert!(!sniff("A monument, an argument: a document of nothing."));
    }

    #[test]
    fn markers_in_three_languages() {
        assert_eq!(marker("        3 of 21 DOCUMENTS"), Some((3, 21)));
        assert_eq!(marker("Dokument 2 von 5"), Some((2, 5)));
        assert_eq!(marker("Document 1 de 1"), Some((1, 1)));
        assert_eq!(marker("1 of 1 DOCUMENT"), Some((1, 1)));
        assert_eq!(marker("4 of 3 DOCUMENTS"), None);
        assert_eq!(marker("one of 3 documents"), None);
        assert_eq!(marker("Read 1 of 3 documents"), None);
    }

    #[test]
    fn field_lines_known_or_hyphenated() {
        assert_eq!(
            field("LENGTH: 607 words"),
            Some((Role::Length, "607 words"))
        );
        assert_eq!(
            field("LÄNGE: 300 Wörter"),
            Some((Role::Length, "300 Wörter"))
        );
        assert_eq!(
            field("Load-Date: May 1, 2016"),
            Some((Role::End, "May 1, 2016"))
        );
        assert_eq!(
            field("CORRECTION-APPENDED: yes"),
            Some((Role::Other, "yes"))
        );
        assert_eq!(field("HIGHLIGHT:"), Some((Role::Summary, "")));
        for line in [
            "WASHINGTON: The Senate voted.",
            "  BYLINE: indented",
            "Time: 10:00",
            "URL:http",
        ] {
            assert_eq!(field(line), None, "{line}");
        }
    }

    fn one(text: &str) -> Document {
        let mut docs = read(text);
        assert_eq!(docs.len(), 1, "{docs:?}");
        docs.remove(0)
    }

    #[test]
    fn edition_lines_flush_left_or_centred_are_no_headline() {
        for (pad, gap) in [("", "\n"), ("        ", "\n"), ("", ""), ("      ", "")] {
            let doc = one(&format!(
                "{pad}1 of 1 DOCUMENT\n\n{pad}The Herald\n\n{pad}May 3, 2026 Sunday\n\
                 {pad}Late Edition - Final\n{gap}Board backs the quay\n\nLENGTH: 9 words\n\n\
                 The board voted.\n\nLOAD-DATE: May 4, 2026\n"
            ));
            assert_eq!(
                doc.headline.as_deref(),
                Some("Board backs the quay"),
                "{pad:?} {gap:?}"
            );
            assert_eq!(doc.publication.as_deref(), Some("The Herald"));
            assert_eq!(doc.paragraphs, ["The board voted."]);
            assert!(doc.problems.is_empty(), "{:?}", doc.problems);
        }
    }

    #[test]
    fn a_headline_field_wins_and_a_highlight_is_a_summary() {
        let doc = one(
            "1 of 1 DOCUMENTS\n\nThe Herald\n\nMay 3, 2026\n\nHEADLINE: Board backs the quay\n\n\
             HIGHLIGHT: The vote was close\nand long.\n\nURL: https://herald.example/q\n\n\
             The board voted.\n",
        );
        assert_eq!(doc.headline.as_deref(), Some("Board backs the quay"));
        assert_eq!(doc.summary.as_deref(), Some("The vote was close and long."));
        assert_eq!(doc.url.as_deref(), Some("https://herald.example/q"));
        assert_eq!(doc.paragraphs, ["The board voted."]);
    }

    #[test]
    fn a_document_without_fields_keeps_its_headline_and_body() {
        let doc = one(
            "1 of 1 DOCUMENTS\n\nThe Herald\n\nMay 3, 2026\n\nBoard backs the quay\n\nThe board voted.\n",
        );
        assert_eq!(doc.headline.as_deref(), Some("Board backs the quay"));
        assert_eq!(doc.paragraphs, ["The board voted."]);
        assert_eq!(doc.problems, ["no field lines"]);
    }

    #[test]
    fn a_body_field_opens_the_text() {
        for body in [
            "BODY:\n\nThe board voted.",
            "BODY:\nThe board voted.",
            "BODY: The board voted.",
        ] {
            let doc = one(&format!(
                "1 of 1 DOCUMENTS\n\nThe Herald\n\nMay 3, 2026\n\nBoard backs the quay\n\n\
                 LENGTH: 9 words\n\n{body}\n\nLOAD-DATE: May 4, 2026\n"
            ));
            assert_eq!(doc.paragraphs, ["The board voted."], "{body:?}");
        }
    }
}
