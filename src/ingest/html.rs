//! Saved HTML pages: one story per page, its text taken by a main-content extractor.
//!
//! Decides whether a page's text is HTML (told by its content, never by its name:
//! [`sniff`]), and turns such a page into one [`Story`]: the article's paragraphs
//! (found by `dom_smoothie`, a port of Mozilla's Readability), its headline, byline,
//! section, published and updated times and address. What the page states about
//! itself in `<meta>` tags and JSON-LD is preferred: dates from
//! `article:published_time` / `datePublished` / `dateModified`, then `<time datetime>`,
//! and a text stamp under the headline only when the markup gives none.
//! `<script>`, `<style>` and other non-text elements are never part of the text.
//!
//! Paragraphs come out as plain, sanitised lines, so quotes and speakers are found in
//! them exactly as in text pages. May not touch the text-page layout rules
//! ([`super::page`]): an HTML page is never read as text.
//!
//! Hostile pages: a page larger than [`MAX_HTML_BYTES`] or nested deeper than
//! [`MAX_DEPTH`] is skipped with one warning naming the file; the parser never
//! panics on malformed markup.

use chrono::{DateTime, NaiveDate, NaiveDateTime};
use dom_query::Document;

use super::sanitize::sanitize_line;
use super::{Page, ParsedPage};
use crate::model::{Origin, SourceRef, Story, Timestamp, Warning};

/// Largest page parsed as HTML: a saved article is a few megabytes at most.
pub const MAX_HTML_BYTES: usize = 16 * 1024 * 1024;

/// Deepest element nesting accepted (real pages stay under a few hundred).
pub const MAX_DEPTH: usize = 2_000;

/// Elements whose text is never shown, removed before any text is taken.
const NEVER_TEXT: &str = "script, style, noscript, template, svg, iframe, object, head";

/// Whether a page's text is an HTML document, told by how it starts.
pub fn sniff(text: &str) -> bool {
    let start = skip_prolog(text);
    let head: String = start
        .chars()
        .take(15)
        .flat_map(char::to_lowercase)
        .collect();
    if head.starts_with("<!doctype html") || head.starts_with("<html") {
        return true;
    }
    if !start.starts_with('<') || head.starts_with("<?xml") && !has_html_tag(start) {
        return false;
    }
    has_html_tag(start)
}

/// Whether an `<html`, `<head` or `<body` tag opens within the first kilobytes.
fn has_html_tag(text: &str) -> bool {
    let window = &text.as_bytes()[..text.len().min(4096)];
    let lower = window.to_ascii_lowercase();
    [&b"<html"[..], b"<head", b"<body"]
        .iter()
        .any(|tag| memchr::memmem::find(&lower, tag).is_some())
        && memchr::memmem::find(&lower, b"<rss").is_none()
        && memchr::memmem::find(&lower, b"<feed").is_none()
}

/// The text past any leading whitespace, byte-order mark and comments.
fn skip_prolog(text: &str) -> &str {
    let mut rest = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    while let Some(after) = rest.strip_prefix("<!--") {
        match after.find("-->") {
            Some(end) => rest = after[end + 3..].trim_start(),
            None => return "",
        }
    }
    rest
}

/// What a page says about its article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Article {
    /// The headline, site suffix dropped.
    pub headline: String,
    /// The byline, without a leading `By`.
    pub byline: Option<String>,
    /// The section (`article:section`).
    pub section: Option<String>,
    /// First published.
    pub published: Option<Timestamp>,
    /// Last updated.
    pub updated: Option<Timestamp>,
    /// The canonical address (`<link rel=canonical>`, else `og:url`).
    pub url: Option<String>,
    /// The site's name (`og:site_name`).
    pub publication: Option<String>,
    /// The article's paragraphs, plain and sanitised.
    pub paragraphs: Vec<String>,
}

/// Parses a page that is HTML into its one story; `None` when the page is not HTML.
pub fn parse(page: &Page) -> Option<ParsedPage> {
    if !sniff(&page.text) {
        return None;
    }
    Some(parse_html(page))
}

/// Parses a page known to be HTML into its one story (or a warning).
pub fn parse_html(page: &Page) -> ParsedPage {
    let mut parsed = ParsedPage::default();
    match article(&page.text) {
        Ok(article) => parsed.stories.push(story(page, article)),
        Err(message) => parsed.warnings.push(Warning {
            path: page.path.clone(),
            message,
        }),
    }
    parsed
}

/// The story of an HTML page's article.
fn story(page: &Page, article: Article) -> Story {
    let lines = page.text.lines().count().max(1);
    let source = SourceRef {
        path: page.path.clone(),
        line_start: 1,
        line_end: lines,
    };
    Story {
        id: String::new(),
        headline: article.headline,
        section: article.section,
        byline: article.byline,
        published: article.published,
        updated: article.updated,
        sources: vec![source.clone()],
        source,
        paragraphs: article.paragraphs,
        quotes: Vec::new(),
        origin: Origin {
            publication: article.publication,
            url: article.url,
            ..Origin::default()
        }
        .boxed(),
    }
}

/// Reads an HTML document's article, or says in a few words why it has none.
pub fn article(html: &str) -> Result<Article, String> {
    if html.len() > MAX_HTML_BYTES {
        return Err(format!(
            "HTML page too large ({} MiB, limit {} MiB), skipped",
            html.len().div_ceil(1024 * 1024),
            MAX_HTML_BYTES / (1024 * 1024)
        ));
    }
    if nesting_depth(html) > MAX_DEPTH {
        return Err(format!(
            "HTML nested too deeply (more than {MAX_DEPTH} levels), skipped"
        ));
    }
    let config = dom_smoothie::Config {
        text_mode: dom_smoothie::TextMode::Formatted,
        ..Default::default()
    };
    let mut reader = dom_smoothie::Readability::new(html, None, Some(config))
        .map_err(|e| format!("HTML not readable: {e}"))?;
    let marked = Marked::of(&reader.doc);
    let json_ld = reader.parse_json_ld();
    let meta = reader.get_article_metadata(json_ld);
    let body = match reader.parse() {
        Ok(found) => paragraphs(&found.text_content),
        Err(_) => Vec::new(),
    };
    let body = if body.is_empty() {
        whole_text(html)
    } else {
        body
    };
    if body.is_empty() {
        return Err("HTML page without any text, skipped".into());
    }
    let published = parse_time(meta.published_time.as_deref())
        .or(marked.published)
        .or(marked.time);
    let updated = parse_time(meta.modified_time.as_deref()).or(marked.updated);
    let mut article = Article {
        headline: headline(&marked, &meta.title, meta.site_name.as_deref()),
        byline: meta
            .byline
            .as_deref()
            .map(clean)
            .map(|b| super::archive::byline(&b))
            .filter(|b| !b.is_empty() && b.chars().count() <= 120),
        section: marked.section,
        published,
        updated,
        url: marked
            .canonical
            .or(meta.url.filter(|u| is_address(u)).map(|u| clean(&u))),
        publication: meta
            .site_name
            .as_deref()
            .map(clean)
            .filter(|s| !s.is_empty()),
        paragraphs: body,
    };
    if article.published.is_none() && article.updated.is_none() {
        stamp_in_text(&mut article);
    }
    drop_chrome(&mut article);
    if article.headline.is_empty() {
        article.headline = super::page::first_sentence(&article.paragraphs[0]);
    }
    Ok(article)
}

/// When the markup gives no time, a stamp line among the first paragraphs.
fn stamp_in_text(article: &mut Article) {
    let found = article
        .paragraphs
        .iter()
        .take(4)
        .enumerate()
        .find_map(|(n, p)| super::timestamp::parse_stamp(p).map(|s| (n, s)));
    if let Some((n, stamp)) = found {
        article.published = stamp.published;
        article.updated = stamp.updated;
        if article.paragraphs.len() > 1 {
            article.paragraphs.remove(n);
        }
    }
}

/// The paragraphs at the text's edges that the text-page classifier calls chrome
/// (share buttons, sign-up prompts, "Advertisement") leave the text, as do a byline
/// or stamp line among the first paragraphs (giving the byline when the markup names
/// none). At least one paragraph stays.
fn drop_chrome(article: &mut Article) {
    use super::classify::{BlockKind, classify_block};
    let count = article.paragraphs.len();
    let mut kept = Vec::with_capacity(count);
    for (n, paragraph) in article.paragraphs.iter().enumerate() {
        let edge = n < 3 || n + 3 >= count;
        let class = classify_block(paragraph);
        match class.kind {
            BlockKind::Chrome if edge => continue,
            BlockKind::Byline | BlockKind::Timestamp if n < 3 => {
                if article.byline.is_none() {
                    article.byline = class.byline;
                }
                continue;
            }
            _ => kept.push(paragraph.clone()),
        }
    }
    if !kept.is_empty() {
        article.paragraphs = kept;
    }
}

/// What the markup itself marks, read before the extractor rewrites the document.
#[derive(Default)]
struct Marked {
    /// `<link rel=canonical>` or `og:url`, when absolute.
    canonical: Option<String>,
    /// `article:section`.
    section: Option<String>,
    /// The first `<h1>`'s text.
    h1: Option<String>,
    /// `og:title`.
    og_title: Option<String>,
    /// `<meta itemprop=datePublished>` and the like.
    published: Option<Timestamp>,
    /// `<meta itemprop=dateModified>` and the like.
    updated: Option<Timestamp>,
    /// The first `<time datetime>`.
    time: Option<Timestamp>,
}

impl Marked {
    fn of(doc: &Document) -> Marked {
        let attr = |sel: &str, name: &str| {
            doc.select(sel)
                .iter()
                .filter_map(|n| n.attr(name))
                .map(|v| clean(&v))
                .find(|v| !v.is_empty())
        };
        let canonical = attr("link[rel=canonical]", "href")
            .filter(|u| is_address(u))
            .or_else(|| attr("meta[property='og:url']", "content").filter(|u| is_address(u)));
        let h1 = doc
            .select("h1")
            .iter()
            .map(|n| clean(&n.text()))
            .find(|t| !t.is_empty());
        let time = |sels: &[&str]| {
            sels.iter().find_map(|sel| {
                let (sel, name) = sel.split_once('@').unwrap_or((sel, "content"));
                parse_time(attr(sel, name).as_deref())
            })
        };
        Marked {
            canonical,
            section: attr("meta[property='article:section']", "content"),
            h1,
            og_title: attr("meta[property='og:title']", "content"),
            published: time(&[
                "meta[itemprop=datePublished]",
                "meta[name=pubdate]",
                "meta[name='publish-date']",
                "meta[name=date]",
                "meta[name='dc.date']",
                "meta[name='DC.date.issued']",
                "[itemprop=datePublished]@datetime",
            ]),
            updated: time(&[
                "meta[property='article:modified_time']",
                "meta[itemprop=dateModified]",
                "[itemprop=dateModified]@datetime",
            ]),
            time: time(&["time[datetime]@datetime"]),
        }
    }
}

/// The headline: `og:title` or the extractor's title (JSON-LD `headline`, `<title>`),
/// the site's name dropped, or the `<h1>` when the title is a variant of it.
fn headline(marked: &Marked, title: &str, site: Option<&str>) -> String {
    let title = clean(title);
    let title = match &marked.og_title {
        Some(og) if title.is_empty() => og.clone(),
        _ => title,
    };
    let title = drop_site(&title, site);
    match &marked.h1 {
        Some(h1) if title.is_empty() => h1.clone(),
        Some(h1) if title.len() > h1.len() && title.starts_with(h1.as_str()) => h1.clone(),
        _ => title,
    }
}

/// A title without a trailing ` | Site` / ` - Site` part naming the site.
fn drop_site(title: &str, site: Option<&str>) -> String {
    for sep in [" | ", " - ", " – ", " — ", " :: ", " · "] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            let tail_words = tail.split_whitespace().count();
            let names_site = site.is_some_and(|s| {
                let s = s.to_lowercase();
                let t = tail.to_lowercase();
                s.contains(&t) || t.contains(&s)
            });
            if (names_site || tail_words <= 3) && head.split_whitespace().count() >= 3 {
                return drop_site(head.trim(), site);
            }
        }
    }
    title.to_string()
}

/// Whether a string is an absolute web address.
fn is_address(url: &str) -> bool {
    (url.starts_with("https://") || url.starts_with("http://"))
        && !url.contains(char::is_whitespace)
}

/// One line of text: whitespace collapsed, controls removed.
fn clean(text: &str) -> String {
    let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
    sanitize_line(&joined).into_owned()
}

/// The paragraphs of extracted text: blocks split at blank lines, the lines of a
/// block (`<br>`, list items) kept as paragraphs of their own.
pub fn paragraphs(text: &str) -> Vec<String> {
    text.split('\n')
        .map(clean)
        .filter(|p| !p.is_empty())
        .collect()
}

/// The text of a whole document without its non-text elements, for a page the
/// extractor finds no article in (a short page, a fragment, a feed entry's content).
pub fn whole_text(html: &str) -> Vec<String> {
    let doc = Document::from(html);
    doc.select(NEVER_TEXT).remove();
    let body = doc.select("body");
    if body.exists() {
        paragraphs(&body.formatted_text())
    } else {
        paragraphs(&doc.formatted_text())
    }
}

/// Parses a date as pages and feeds write it: RFC 3339 (with or without seconds,
/// fractions, a colon in the offset), RFC 2822, or a bare date.
pub fn parse_time(text: Option<&str>) -> Option<Timestamp> {
    let text = text?.trim();
    if text.is_empty() || text.len() > 64 {
        return None;
    }
    if let Some(at) = Timestamp::parse(text) {
        return Some(at);
    }
    if let Ok(at) = DateTime::parse_from_rfc2822(text) {
        return Some(Timestamp::with_offset(at));
    }
    for format in [
        "%Y-%m-%dT%H:%M:%S%.f%z",
        "%Y-%m-%dT%H:%M:%S%z",
        "%Y-%m-%dT%H:%M%z",
        "%Y-%m-%d %H:%M:%S%z",
        "%Y-%m-%d %H:%M:%S %z",
    ] {
        if let Ok(at) = DateTime::parse_from_str(text, format) {
            return Some(Timestamp::with_offset(at));
        }
    }
    let plain = text.trim_end_matches('Z');
    for format in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(at) = NaiveDateTime::parse_from_str(plain, format) {
            return Some(Timestamp::naive(at));
        }
    }
    let day = text.get(..10).unwrap_or(text);
    NaiveDate::parse_from_str(day, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(Timestamp::naive)
}

/// How deep elements nest, counted on the tags alone (void elements and
/// self-closing tags add nothing): a cheap guard run before parsing.
fn nesting_depth(html: &str) -> usize {
    const VOID: &[&str] = &[
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr", "p", "li", "option", "td", "tr", "th",
    ];
    let bytes = html.as_bytes();
    let (mut depth, mut deepest) = (0usize, 0usize);
    for at in memchr::memchr_iter(b'<', bytes) {
        let rest = &bytes[at + 1..];
        match rest.first() {
            Some(b'/') => depth = depth.saturating_sub(1),
            Some(c) if c.is_ascii_alphabetic() => {
                let name_len = rest
                    .iter()
                    .take(16)
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .count();
                let name = std::str::from_utf8(&rest[..name_len])
                    .unwrap_or("")
                    .to_ascii_lowercase();
                if VOID.contains(&name.as_str()) {
                    continue;
                }
                depth += 1;
                deepest = deepest.max(depth);
            }
            _ => {}
        }
    }
    deepest
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_is_told_by_its_start() {
        assert!(sniff("<!DOCTYPE html><html><body>x</body></html>"));
        assert!(sniff("\n  <!-- saved --> <html lang=en>"));
        assert!(sniff("<div>x</div><body>y</body>"));
        assert!(!sniff("Headline\n\nBody text with <html> in it."));
        assert!(!sniff("<?xml version=\"1.0\"?><rss version=\"2.0\"></rss>"));
    }

    #[test]
    fn dates_in_their_usual_forms() {
        let t = |s: &str| parse_time(Some(s)).map(|t| t.to_string());
        assert_eq!(
            t("2024-03-05T10:20:30Z").as_deref(),
            Some("2024-03-05T10:20:30+00:00")
        );
        assert_eq!(
            t("2024-03-05T10:20:30.123+0100").as_deref(),
            Some("2024-03-05T10:20:30+01:00")
        );
        assert_eq!(
            t("Tue, 05 Mar 2024 10:20:30 GMT").as_deref(),
            Some("2024-03-05T10:20:30+00:00")
        );
        assert_eq!(t("2024-03-05").as_deref(), Some("2024-03-05T00:00:00"));
        assert_eq!(t("yesterday"), None);
    }

    #[test]
    fn site_names_leave_titles() {
        assert_eq!(
            drop_site("Rains return to the valley | The Daily Post", None),
            "Rains return to the valley"
        );
        assert_eq!(
            drop_site("Rains return - a long road ahead for the farmers", None),
            "Rains return - a long road ahead for the farmers"
        );
    }

    #[test]
    fn nesting_is_measured_on_tags() {
        assert_eq!(nesting_depth("<div><p>a<br><div>b</div></div>"), 2);
        let deep = "<div>".repeat(5000);
        assert!(nesting_depth(&deep) > MAX_DEPTH);
    }
}
