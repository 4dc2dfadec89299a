//! News feeds: RSS 2.0 (and 0.9x/1.0), Atom and JSON Feed files, one story per entry.
//!
//! Decides whether a page's text is a feed (told by its content: [`sniff`]) and turns
//! each entry into a [`Story`] with `feed-rs`: its title, link (kept as the story's
//! address), published and updated times, author, categories as the section, and its
//! content (else its summary). HTML content goes through the same HTML-to-paragraphs
//! path as saved pages ([`super::html`]), so entities are decoded and `<script>` /
//! `<style>` never shown; the paragraphs are then plain, sanitised lines and quotes are
//! found in them as in any page. May not touch how pages are laid out or split.
//!
//! A malformed feed gives one warning naming the file and no stories; an entry without
//! any text is skipped with a warning naming the entry.

use super::html;
use super::sanitize::sanitize_line;
use super::{Page, ParsedPage};
use crate::model::{Origin, SourceRef, Story, Timestamp, Warning};

/// Largest feed parsed: feeds are a few hundred kilobytes at most.
pub const MAX_FEED_BYTES: usize = 32 * 1024 * 1024;

/// Whether a page's text is a feed: an XML document whose root is `<rss>`, `<feed>`
/// or `<rdf:RDF>`, or a JSON object naming the JSON Feed version.
pub fn sniff(text: &str) -> bool {
    let start = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    if start.starts_with('{') {
        let head = &start[..floor(start, 4096)];
        return head.contains("jsonfeed.org/version");
    }
    if !start.starts_with('<') {
        return false;
    }
    let head = start[..floor(start, 4096)].to_ascii_lowercase();
    let root = root_element(&head);
    root.starts_with("<rss") || root.starts_with("<feed") || root.starts_with("<rdf:rdf")
}

/// The largest char boundary at or below `at`.
fn floor(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The text from the root element's opening tag on, past the prolog, comments,
/// processing instructions and doctype.
fn root_element(head: &str) -> &str {
    let mut rest = head;
    loop {
        rest = rest.trim_start();
        let end = if rest.starts_with("<?") {
            rest.find("?>").map(|e| e + 2)
        } else if rest.starts_with("<!--") {
            rest.find("-->").map(|e| e + 3)
        } else if rest.starts_with("<!") {
            rest.find('>').map(|e| e + 1)
        } else {
            return rest;
        };
        match end {
            Some(end) => rest = &rest[end..],
            None => return "",
        }
    }
}

/// Parses a page that is a feed into its entries' stories; `None` when it is not one.
/// A `.json` file that is JSON but no feed gives one warning naming it (rather than
/// being passed over without a word, or read as text).
pub fn parse(page: &Page) -> Option<ParsedPage> {
    if sniff(&page.text) {
        return Some(parse_feed(page));
    }
    let json_name = page.path.to_ascii_lowercase().ends_with(".json");
    let start = page
        .text
        .trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    if json_name && (start.starts_with('{') || start.starts_with('[')) {
        let mut parsed = ParsedPage::default();
        parsed.warnings.push(Warning {
            path: page.path.clone(),
            message: "JSON but not a JSON Feed (no jsonfeed.org version), passed over".into(),
        });
        return Some(parsed);
    }
    None
}

/// Parses a page known to be a feed.
pub fn parse_feed(page: &Page) -> ParsedPage {
    let mut parsed = ParsedPage::default();
    let warn = |message: String| Warning {
        path: page.path.clone(),
        message,
    };
    if page.text.len() > MAX_FEED_BYTES {
        parsed.warnings.push(warn(format!(
            "feed too large ({} MiB, limit {} MiB), skipped",
            page.text.len().div_ceil(1024 * 1024),
            MAX_FEED_BYTES / (1024 * 1024)
        )));
        return parsed;
    }
    // The text is UTF-8 already: the prolog's encoding must not decode it again.
    let body = strip_declaration(&page.text);
    let feed = match feed_rs::parser::parse(body.as_bytes()) {
        Ok(feed) => feed,
        Err(e) => {
            let reason = sanitize_line(&e.to_string()).into_owned();
            let reason: String = reason.chars().take(120).collect();
            parsed
                .warnings
                .push(warn(format!("feed not readable ({reason}), skipped")));
            return parsed;
        }
    };
    let publication = feed
        .title
        .as_ref()
        .map(|t| text_line(&t.content))
        .filter(|t| !t.is_empty());
    let lines = page.text.lines().count().max(1);
    let zones = written_times(&page.text);
    for (n, entry) in feed.entries.into_iter().enumerate() {
        match story(
            &page.path,
            lines,
            &page.text,
            publication.clone(),
            entry,
            &zones,
        ) {
            Some(story) => parsed.stories.push(story),
            None => parsed
                .warnings
                .push(warn(format!("entry {}: no text, skipped", n + 1))),
        }
    }
    if parsed.stories.is_empty() && parsed.warnings.is_empty() {
        parsed.warnings.push(warn("feed without entries".into()));
    }
    parsed
}

/// The text without a leading `<?xml ...?>` declaration.
fn strip_declaration(text: &str) -> &str {
    let start = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    match start.strip_prefix("<?xml") {
        Some(rest) => rest.find("?>").map_or(start, |end| &rest[end + 2..]),
        None => start,
    }
}

/// One entry's story, or `None` when it has no text at all.
fn story(
    path: &str,
    lines: usize,
    text: &str,
    publication: Option<String>,
    entry: feed_rs::model::Entry,
    zones: &WrittenTimes,
) -> Option<Story> {
    let body = entry
        .content
        .as_ref()
        .and_then(|c| c.body.as_deref())
        .filter(|b| !b.trim().is_empty())
        .or_else(|| entry.summary.as_ref().map(|s| s.content.as_str()));
    let paragraphs = body.map(fragment_paragraphs).unwrap_or_default();
    let headline = entry
        .title
        .as_ref()
        .map(|t| html_line(&t.content, t.content_type.as_str().contains("html")))
        .unwrap_or_default();
    if paragraphs.is_empty() && headline.is_empty() {
        return None;
    }
    let headline = if headline.is_empty() {
        super::page::first_sentence(&paragraphs[0])
    } else {
        headline
    };
    let url = entry
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .or(entry.links.first())
        .map(|l| l.href.trim().to_string())
        .filter(|u| u.starts_with("http://") || u.starts_with("https://"))
        .map(|u| sanitize_line(&u).into_owned());
    let line_start = entry_line(text, &entry.id, url.as_deref()).unwrap_or(1);
    let source = SourceRef {
        path: path.to_string(),
        line_start,
        line_end: lines.max(line_start),
    };
    let summary = match (&entry.content, &entry.summary) {
        (Some(_), Some(s)) => Some(fragment_paragraphs(&s.content).join(" ")),
        _ => None,
    }
    .filter(|s| !s.is_empty());
    Some(Story {
        id: String::new(),
        headline,
        section: entry
            .categories
            .first()
            .map(|c| text_line(c.label.as_deref().unwrap_or(&c.term)))
            .filter(|s| !s.is_empty()),
        byline: entry
            .authors
            .first()
            .and_then(|a| a.name.as_deref().map(text_line))
            .filter(|a| !a.is_empty()),
        published: entry.published.map(|t| zones.timestamp(t)),
        updated: entry.updated.map(|t| zones.timestamp(t)),
        sources: vec![source.clone()],
        source,
        paragraphs,
        quotes: Vec::new(),
        origin: Origin {
            publication,
            url,
            summary,
            ..Origin::default()
        }
        .boxed(),
    })
}

/// The times a feed writes, with the zone each is written in, by the instant they
/// name: feed-rs gives every time in UTC, and the zone the feed gave is taken back
/// from here.
#[derive(Debug, Default)]
struct WrittenTimes(std::collections::HashMap<i64, chrono::FixedOffset>);

impl WrittenTimes {
    /// The time `at` in the zone the feed wrote it in (UTC when it is not found).
    fn timestamp(&self, at: chrono::DateTime<chrono::Utc>) -> Timestamp {
        let zoned = match self.0.get(&at.timestamp()) {
            Some(zone) => at.with_timezone(zone),
            None => at.into(),
        };
        Timestamp::with_offset(zoned)
    }
}

/// Every time written in a date element of an RSS or Atom feed (`<pubDate>`,
/// `<published>`, `<updated>`, `<dc:date>`...) or a JSON Feed's `date_published` /
/// `date_modified`, in RFC 2822 or RFC 3339, with its zone.
fn written_times(text: &str) -> WrittenTimes {
    static DATES: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r#"(?i)<(?:pubdate|published|updated|issued|modified|created|dc:date|dcterms:\w+)\b[^>]{0,200}>\s*([^<]{1,80}?)\s*</|"date_(?:published|modified)"\s*:\s*"([^"]{1,80})""#,
        )
        .expect("a valid pattern")
    });
    let mut zones = std::collections::HashMap::new();
    for caps in DATES.captures_iter(text) {
        let Some(value) = caps.get(1).or_else(|| caps.get(2)) else {
            continue;
        };
        let value = value.as_str().trim();
        let parsed = chrono::DateTime::parse_from_rfc3339(value)
            .or_else(|_| chrono::DateTime::parse_from_rfc2822(value));
        if let Ok(at) = parsed {
            zones.entry(at.timestamp()).or_insert(*at.offset());
        }
    }
    WrittenTimes(zones)
}

/// The line where an entry starts, found by its id or link.
fn entry_line(text: &str, id: &str, url: Option<&str>) -> Option<usize> {
    [Some(id), url]
        .into_iter()
        .flatten()
        .filter(|s| s.len() > 3)
        .find_map(|s| text.find(s))
        .map(|at| text[..at].matches('\n').count() + 1)
}

/// An entry's HTML (or plain) text as paragraphs, by the path saved pages take.
pub fn fragment_paragraphs(body: &str) -> Vec<String> {
    if body.contains('<') || body.contains('&') {
        html::whole_text(body)
    } else {
        body.split("\n\n")
            .map(text_line)
            .filter(|p| !p.is_empty())
            .collect()
    }
}

/// A title or name as one plain line: the markup of an HTML title dropped, entities
/// left in any title (escaped twice by its feed) decoded.
fn text_line(text: &str) -> String {
    html_line(text, false)
}

/// [`text_line`] for a text that is HTML when `is_html`.
fn html_line(text: &str, is_html: bool) -> String {
    let text = if is_html && text.contains('<') {
        html::whole_text(text).join(" ")
    } else if text.contains('&') {
        html::whole_text(&text.replace('<', "&lt;")).join(" ")
    } else {
        text.to_string()
    };
    let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
    sanitize_line(&joined).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feeds_are_told_by_their_root() {
        assert!(sniff(
            "<?xml version=\"1.0\"?>\n<!-- x --><rss version=\"2.0\">"
        ));
        assert!(sniff("<feed xmlns=\"http://www.w3.org/2005/Atom\">"));
        assert!(sniff(
            "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": []}"
        ));
        assert!(!sniff("<?xml version=\"1.0\"?><svg></svg>"));
        assert!(!sniff("{\"items\": []}"));
        assert!(!sniff("Headline\n\nText about <rss> feeds."));
    }

    #[test]
    fn entry_text_loses_markup_and_entities() {
        assert_eq!(
            fragment_paragraphs("<p>Tom &amp; Jerry</p><script>x()</script><p>Two</p>"),
            vec!["Tom & Jerry".to_string(), "Two".to_string()]
        );
        assert_eq!(text_line("A &lt;b&gt; title"), "A <b> title");
    }
}
