//! The page loader: the seed page's exact results, each segmentation, classification,
//! splitting and merging rule on pages written for these tests, and the bundled samples.

use dateline::ingest::{self, ParsedPage, dedupe};
use dateline::model::{SourceRef, Story, Timestamp};

const SEED_NAME: &str = "000_f7038c5fbcec46f4.txt";
const SEED: &str = include_str!("../assets/samples/000_f7038c5fbcec46f4.txt");

fn ts(s: &str) -> Option<Timestamp> {
    Some(Timestamp::parse(s).expect("valid timestamp in test"))
}

fn parse(text: &str) -> ParsedPage {
    ingest::parse_text("page.txt", text)
}

fn headlines(page: &ParsedPage) -> Vec<&str> {
    page.stories.iter().map(|s| s.headline.as_str()).collect()
}

/// The seed's lines `from..=to` that are not blank, as paragraphs.
fn seed_lines(from: usize, to: usize) -> Vec<String> {
    SEED.lines()
        .enumerate()
        .filter(|(i, l)| (from..=to).contains(&(i + 1)) && !l.trim().is_empty())
        .map(|(_, l)| l.trim().to_string())
        .collect()
}

// ---------------------------------------------------------------- the seed page

#[test]
fn seed_page_gives_exactly_two_stories() {
    let corpus = ingest::load_pages([(SEED_NAME.to_string(), SEED.as_bytes().to_vec())]);
    assert_eq!(corpus.stories.len(), 2);
    let trade = &corpus.stories[0];
    assert_eq!(
        trade.headline,
        "China unveils key measures for high-quality foreign trade growth in 2026"
    );
    assert_eq!(trade.section.as_deref(), Some("China"));
    assert_eq!(trade.published, ts("2026-01-26T17:14:00"));
    assert_eq!(trade.updated, ts("2026-01-26T23:37:00"));
    assert_eq!(trade.paragraphs, seed_lines(15, 33));
    assert_eq!(trade.paragraphs.len(), 10);
    assert!(trade.paragraphs[0].starts_with("China's Ministry of Commerce on Monday announced"));
    assert!(trade.paragraphs[9].ends_with("said the senior official."));

    let climate = &corpus.stories[1];
    assert_eq!(
        climate.headline,
        "UN discourages any efforts to retreat from climate commitments: spokesman"
    );
    assert_eq!(climate.published, None);
    assert_eq!(climate.updated, None);
    assert_eq!(climate.paragraphs, seed_lines(39, 53));
    assert_eq!(climate.paragraphs.len(), 8);
    assert!(climate.paragraphs[0].starts_with("The United Nations (UN) discourages"));
    assert!(climate.paragraphs[7].starts_with("The United Nations confirmed on January 28, 2025"));
}

#[test]
fn seed_page_paragraphs_hold_no_chrome() {
    let page = ingest::parse_text(SEED_NAME, SEED);
    for story in &page.stories {
        for p in &story.paragraphs {
            for chrome in ["Skip to Content", "Recommended Articles", "Last Updated"] {
                assert!(!p.contains(chrome), "{p}");
            }
            assert_ne!(p, "China");
            assert!(
                !page.stories.iter().any(|s| &s.headline == p),
                "caption kept: {p}"
            );
        }
    }
    // The title, its caption copy and two image captions; the second headline's copy.
    assert_eq!(page.headlines_removed, 4);
    assert_eq!(page.paragraphs_removed, 0);
    assert_eq!(page.stories[0].source.line_start, 3);
    assert_eq!(page.stories[0].source.line_end, 33);
    assert_eq!(page.stories[1].source.line_start, 39);
    assert_eq!(page.stories[1].source.line_end, 55);
    assert_eq!(
        page.stories[0].sources,
        vec![page.stories[0].source.clone()]
    );
}

#[test]
fn seed_page_snapshot() {
    // Parsed and merged only (no quotes), so the snapshot is the loader's alone.
    let (stories, merged) = dedupe::merge(ingest::parse_text(SEED_NAME, SEED).stories);
    assert_eq!(merged, 0);
    insta::assert_yaml_snapshot!("seed_stories", stories);
}

// ---------------------------------------------------------------- classification

const WIRE: &str = "\
Skip to main content

Markets

Copper hits two-year high on supply worries

By Kenji Sato, Bloomberg

2026-04-02T07:15:00-04:00

Share this

Copper prices rose to their highest level in two years on Thursday as mine closures in two producing countries tightened supply.

Advertisement

\"The market had been ignoring supply risk for months,\" said Rafael Mendes, head of metals research at Atlas Capital.

Traders said stockpiles in exchange warehouses had fallen by a quarter since January.

Read more:

Sign up for our daily markets newsletter

© 2026 Example Wire Service. All rights reserved.
";

#[test]
fn wire_page_keeps_body_and_drops_chrome() {
    let page = parse(WIRE);
    assert_eq!(
        headlines(&page),
        vec!["Copper hits two-year high on supply worries"]
    );
    let story = &page.stories[0];
    assert_eq!(story.byline.as_deref(), Some("Kenji Sato, Bloomberg"));
    assert_eq!(story.section.as_deref(), Some("Markets"));
    assert_eq!(story.published, ts("2026-04-02T07:15:00-04:00"));
    assert_eq!(
        story
            .published
            .and_then(|t| t.offset)
            .map(|o| o.local_minus_utc()),
        Some(-4 * 3600)
    );
    assert_eq!(story.paragraphs.len(), 3);
    assert!(story.paragraphs[0].starts_with("Copper prices rose"));
    assert!(story.paragraphs[2].starts_with("Traders said"));
}

#[test]
fn by_prefix_is_removed_from_byline() {
    let page = parse(
        "Tram line extension opens to passengers\n\nBy Grace O'Neill and Victor Hale\n\nThe first trams ran on the new eastern extension on Saturday morning.\n",
    );
    assert_eq!(
        page.stories[0].byline.as_deref(),
        Some("Grace O'Neill and Victor Hale")
    );
    assert_eq!(page.stories[0].paragraphs.len(), 1);
}

#[test]
fn a_byline_with_its_stamp_and_no_separator_stays_under_the_headline() {
    let page = parse(
        "Tram line extension opens to passengers\n\nBy Grace O'Neill Updated Jun 13, 2026, 10:28am EST\n\nThe first trams ran on the new eastern extension on Saturday morning.\n\nRiders said the trip into town took half the time it took by bus.\n",
    );
    assert_eq!(
        headlines(&page),
        vec!["Tram line extension opens to passengers"]
    );
    let story = &page.stories[0];
    assert_eq!(story.byline.as_deref(), Some("Grace O'Neill"));
    assert_eq!(story.updated, ts("2026-06-13T10:28:00-05:00"));
    assert_eq!(story.paragraphs.len(), 2);
}

#[test]
fn cookie_notice_menu_and_footer_are_chrome() {
    let page = parse(
        "This site uses cookies. By continuing to browse the site you are agreeing to our use of cookies.\n\
Home\nNews\nSport\nWeather\n\
Schools to get new science labs\n\
Every secondary school in the county will get a refurbished science lab by 2028, the education board said on Friday.\n\
The programme will cost about 30 million pounds.\n\
Follow us on Instagram\n\
Privacy policy\n\
Copyright 2026 County Times. All rights reserved.\n",
    );
    assert_eq!(headlines(&page), vec!["Schools to get new science labs"]);
    assert_eq!(
        page.stories[0].paragraphs,
        vec![
            "Every secondary school in the county will get a refurbished science lab by 2028, the education board said on Friday.",
            "The programme will cost about 30 million pounds.",
        ]
    );
}

#[test]
fn long_sentence_mentioning_chrome_words_is_body() {
    let para = "Publishers said readers who sign up for newsletters and accept cookies are far more likely to subscribe, according to the survey of 40 newsrooms.";
    let page = parse(&format!(
        "Survey finds newsletters drive subscriptions\n\n{para}\n"
    ));
    assert_eq!(page.stories[0].paragraphs, vec![para]);
}

#[test]
fn captions_and_photo_credits_are_dropped() {
    let page = parse(
        "Lighthouse restored after decade of neglect\n\n\
The lighthouse on Gull Point has been restored by volunteers after ten years of neglect.\n\n\
Photo: The restored lamp room at sunset. (Ines Costa)\n\n\
Image caption: Volunteers spent 4,000 hours on the work\n\n\
It will open to visitors from May.\n",
    );
    assert_eq!(page.stories[0].paragraphs.len(), 2);
    assert!(
        page.stories[0]
            .paragraphs
            .iter()
            .all(|p| !p.contains("Photo"))
    );
}

#[test]
fn stamp_lines_are_not_body() {
    let page = parse(
        "Museum reopens after flood repairs\n\nPublished: 9 March 2026\nUpdated: 10 March 2026 11:20\n\nThe city museum reopened on Monday after eight months of repairs.\n",
    );
    let story = &page.stories[0];
    assert_eq!(story.published, ts("2026-03-09T00:00:00"));
    assert_eq!(story.updated, ts("2026-03-10T11:20:00"));
    assert_eq!(story.paragraphs.len(), 1);
}

// ---------------------------------------------------------------- segmentation

#[test]
fn one_paragraph_per_line_without_blank_lines() {
    let page = parse(
        "Night bus routes cut as driver shortage bites\n\
Four night bus routes will be withdrawn from next month because the operator cannot hire enough drivers.\n\
The operator said it had 60 vacancies and had raised starting pay twice this year.\n\
\"We are doing everything we can,\" a spokeswoman said.\n",
    );
    assert_eq!(page.stories.len(), 1);
    assert_eq!(page.stories[0].paragraphs.len(), 3);
}

#[test]
fn hard_wrapped_paragraphs_are_joined_whole() {
    let page = parse(
        "Orchard owners count cost of late frost\n\n\
Apple growers across the valley say a late frost last week destroyed up\n\
to half of this year's blossom, the worst damage since records began in\n\
1961.\n\n\
\"We lost the crop in a single night,\" said grower Hannah Cole, whose\n\
family has farmed the valley for four generations.\n",
    );
    assert_eq!(
        page.stories[0].paragraphs,
        vec![
            "Apple growers across the valley say a late frost last week destroyed up to half of this year's blossom, the worst damage since records began in 1961.",
            "\"We lost the crop in a single night,\" said grower Hannah Cole, whose family has farmed the valley for four generations.",
        ]
    );
}

// ---------------------------------------------------------------- deduplication within a page

#[test]
fn headline_repeated_as_captions_appears_once() {
    let page = parse(
        "Glacier retreat speeds up, survey finds\n\nScience\n\nGlacier retreat speeds up, survey finds\n\n\
March 2, 2026\n\nThe Alder glacier lost more ice last year than in any year since measurements began.\n\n\
Glacier retreat speeds up, survey finds\n\nScientists blamed a warm autumn and low snowfall.\n",
    );
    assert_eq!(
        headlines(&page),
        vec!["Glacier retreat speeds up, survey finds"]
    );
    assert_eq!(page.headlines_removed, 2);
    assert_eq!(page.stories[0].section.as_deref(), Some("Science"));
}

#[test]
fn paragraph_repeated_within_page_appears_once() {
    let para = "\"The numbers speak for themselves,\" said Omar Haddad, the festival's director.";
    let page = parse(&format!(
        "Festival sells out in record time\n\nTickets for the summer festival sold out in 40 minutes.\n\n{para}\n\nA second date has been added.\n\n{para}\n"
    ));
    let story = &page.stories[0];
    assert_eq!(
        story
            .paragraphs
            .iter()
            .filter(|p| p.as_str() == para)
            .count(),
        1
    );
    assert_eq!(story.paragraphs.len(), 3);
    assert_eq!(page.paragraphs_removed, 1);
}

// ---------------------------------------------------------------- splitting into stories

#[test]
fn two_stories_with_leading_headlines_and_own_stamps() {
    let page = parse(
        "City approves bike lanes on the ring road\n\n5 May 2026 09:00\n\n\
The council approved protected bike lanes on the ring road on Tuesday.\n\n\
Work will start in the autumn.\n\n\
Zoo welcomes twin snow leopard cubs\n\n6 May 2026 14:30\n\n\
Two snow leopard cubs were born at the city zoo last month, keepers said.\n",
    );
    assert_eq!(
        headlines(&page),
        vec![
            "City approves bike lanes on the ring road",
            "Zoo welcomes twin snow leopard cubs"
        ]
    );
    assert_eq!(page.stories[0].published, ts("2026-05-05T09:00:00"));
    assert_eq!(page.stories[1].published, ts("2026-05-06T14:30:00"));
    assert_eq!(page.stories[0].paragraphs.len(), 2);
    assert_eq!(page.stories[1].paragraphs.len(), 1);
    assert_eq!(
        (
            page.stories[0].source.line_start,
            page.stories[0].source.line_end
        ),
        (1, 7)
    );
    assert_eq!(
        (
            page.stories[1].source.line_start,
            page.stories[1].source.line_end
        ),
        (9, 13)
    );
}

#[test]
fn trailing_headline_after_body_and_no_borrowed_stamp() {
    let page = parse(
        "Rail fares frozen for a year\n\nApril 1, 2026\n\nRail fares will be frozen until next April, the transport ministry said.\n\n\
Rail fares frozen for a year\n\n\
Fishermen rescued after boat capsizes off the cape were all reported in good health by the coastguard.\n\n\
Three men were winched to safety by a helicopter crew on Sunday night.\n\n\
Coastguard rescues three fishermen off the cape\n\nCoastguard rescues three fishermen off the cape\n\nMore stories\n",
    );
    assert_eq!(
        headlines(&page),
        vec![
            "Rail fares frozen for a year",
            "Coastguard rescues three fishermen off the cape"
        ]
    );
    assert_eq!(page.stories[0].published, ts("2026-04-01T00:00:00"));
    assert_eq!(page.stories[1].published, None);
    assert_eq!(page.stories[1].updated, None);
    assert_eq!(page.stories[1].paragraphs.len(), 2);
    assert_eq!(page.headlines_removed, 2);
}

#[test]
fn teasers_without_body_are_not_stories() {
    let page = parse(
        "Bridge closed for repairs until June\n\nThe Old Town bridge will be closed to traffic until June for structural repairs.\n\n\
Related\n\nHow the bridge was built in 1902\n\nTraffic plan for the holiday weekend\n",
    );
    assert_eq!(
        headlines(&page),
        vec!["Bridge closed for repairs until June"]
    );
}

#[test]
fn listing_page_of_headlines_and_times_has_no_stories() {
    let page = parse(
        "Top stories\n\nElection results due tonight\n21:10\n\nStorm warning for the north coast\n2 hours ago\n\n\
Stocks close higher on tech rally\n3 hours ago\n\nTeachers accept new pay offer\nYesterday\n",
    );
    assert!(page.stories.is_empty(), "{:?}", headlines(&page));
}

#[test]
fn plain_article_is_one_story() {
    let page = parse(
        "Volunteers plant 10,000 trees along the motorway\n\n\
Volunteers planted 10,000 saplings along the motorway verge over the weekend.\n\n\
\"It will take twenty years to look like a wood,\" said organiser Beth Lowe.\n",
    );
    assert_eq!(page.stories.len(), 1);
    assert_eq!(
        page.stories[0].headline,
        "Volunteers plant 10,000 trees along the motorway"
    );
    assert_eq!(page.stories[0].paragraphs.len(), 2);
    assert_eq!(page.stories[0].section, None);
    assert_eq!(page.stories[0].byline, None);
}

#[test]
fn body_without_headline_keeps_text_with_made_up_headline() {
    let first = "Water supplies were restored to 12,000 homes on Thursday. Engineers worked through the night.";
    let page = parse(&format!(
        "{first}\n\nThe utility apologised for the disruption.\n"
    ));
    assert_eq!(page.stories.len(), 1);
    assert_eq!(
        page.stories[0].headline,
        "Water supplies were restored to 12,000 homes on Thursday"
    );
    assert_eq!(page.stories[0].paragraphs[0], first);
    assert_eq!(page.stories[0].paragraphs.len(), 2);
}

#[test]
fn crosshead_inside_article_does_not_split_it() {
    let page = parse(
        "Town votes to ban cars from the market square\n\nMay 2, 2026\n\n\
Cars will be banned from the market square from July.\n\nWhat happens next\n\n\
Delivery vans will still be allowed before 10am.\n",
    );
    assert_eq!(page.stories.len(), 1);
    assert_eq!(page.stories[0].paragraphs.len(), 3);
}

#[test]
fn empty_and_chrome_only_pages_have_no_stories() {
    assert!(parse("").stories.is_empty());
    assert!(parse("\n\n   \n").stories.is_empty());
    assert!(
        parse("Home\nNews\nSport\n\nAdvertisement\n\nSubscribe\n")
            .stories
            .is_empty()
    );
}

// ---------------------------------------------------------------- merging across pages

fn story(path: &str, headline: &str, paragraphs: &[&str], updated: Option<&str>) -> Story {
    let source = SourceRef {
        path: path.to_string(),
        line_start: 1,
        line_end: paragraphs.len() + 1,
    };
    Story {
        id: String::new(),
        headline: headline.to_string(),
        section: None,
        byline: None,
        published: ts("2026-06-01T08:00:00"),
        updated: updated.and_then(ts),
        sources: vec![source.clone()],
        source,
        paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
        quotes: Vec::new(),
        origin: None,
    }
}

const BODY: &[&str] = &[
    "The regional airport will add six new routes this summer, including daily flights to Lisbon and Vienna.",
    "\"We expect passenger numbers to pass two million for the first time,\" said chief executive Nora Field.",
    "The airport handled 1.6 million passengers last year, up from 1.1 million in 2023.",
    "Local hotels said bookings for July were already ahead of last year.",
];

#[test]
fn rescrape_with_newer_update_is_merged_keeping_newest() {
    let old = story(
        "a/old.txt",
        "Airport adds six routes",
        BODY,
        Some("2026-06-01T09:00:00"),
    );
    let mut added = BODY.to_vec();
    added.push("The first new flight, to Vienna, leaves on 2 June.");
    let new = story(
        "b/new.txt",
        "Airport adds six routes",
        &added,
        Some("2026-06-01T15:00:00"),
    );
    let (merged, count) = dedupe::merge(vec![old, new]);
    assert_eq!(count, 1);
    assert_eq!(merged.len(), 1);
    assert_eq!(merged[0].source.path, "b/new.txt");
    assert_eq!(merged[0].paragraphs.len(), 5);
    assert_eq!(merged[0].updated, ts("2026-06-01T15:00:00"));
    let paths: Vec<&str> = merged[0].sources.iter().map(|s| s.path.as_str()).collect();
    assert_eq!(paths, vec!["a/old.txt", "b/new.txt"]);
}

#[test]
fn a_cut_edition_keeps_the_fuller_version_and_a_small_cut_keeps_the_newest() {
    let mut full = BODY.to_vec();
    full.push("\"We have hired forty more staff for the security lanes,\" Field added.");
    full.push("Two of the six routes start in May, the rest in June and July.");
    // The newer version drops two of six paragraphs: a cut edition.
    let older = story("a/full.txt", "Airport adds six routes", &full, None);
    let cut = story(
        "b/cut.txt",
        "Airport adds routes",
        BODY,
        Some("2026-06-02T10:00:00"),
    );
    let (merged, count) = dedupe::merge(vec![older, cut]);
    assert_eq!(count, 1);
    assert_eq!(merged[0].source.path, "a/full.txt");
    assert_eq!(merged[0].paragraphs.len(), 6);
    assert_eq!(merged[0].sources.len(), 2);
    // A newer version a few words shorter (a line tightened) is still the one kept.
    let mut tightened = full.clone();
    tightened[5] = "Two routes start in May, the rest in June and July.";
    let older = story("a/full.txt", "Airport adds six routes", &full, None);
    let newer = story(
        "b/tight.txt",
        "Airport adds six routes",
        &tightened,
        Some("2026-06-02T10:00:00"),
    );
    let (merged, _) = dedupe::merge(vec![older, newer]);
    assert_eq!(merged[0].source.path, "b/tight.txt");
}

#[test]
fn fixed_typo_is_merged_and_sources_not_duplicated() {
    let mut fixed = BODY.to_vec();
    fixed[2] = "The airport handled 1.6 million passengers last year, up from 1.1 milion in 2023.";
    let a = story("x.txt", "Airport adds six routes", BODY, None);
    let b = story(
        "y.txt",
        "Airport adds six new routes",
        &fixed,
        Some("2026-06-02T10:00:00"),
    );
    let a_again = story("x.txt", "Airport adds six routes", BODY, None);
    let (merged, count) = dedupe::merge(vec![a, b, a_again]);
    assert_eq!(count, 2);
    assert_eq!(merged.len(), 1);
    assert_eq!(merged[0].headline, "Airport adds six new routes");
    assert_eq!(merged[0].sources.len(), 2);
}

#[test]
fn stories_sharing_only_a_headline_are_not_merged() {
    let a = story("a.txt", "Council meeting tonight", &BODY[..2], None);
    let b = story(
        "b.txt",
        "Council meeting tonight",
        &[
            "Councillors will debate the parking strategy and a proposal to close two public toilets in the park.",
        ],
        None,
    );
    let (merged, count) = dedupe::merge(vec![a, b]);
    assert_eq!(count, 0);
    assert_eq!(merged.len(), 2);
    assert_ne!(merged[0].id, merged[1].id);
}

#[test]
fn ids_are_stable_hex_and_survive_moves_and_rescrapes() {
    let is_id = |id: &str| id.len() == 16 && id.chars().all(|c| c.is_ascii_hexdigit());
    let (first, _) = dedupe::merge(vec![story(
        "one/a.txt",
        "Airport adds six routes",
        BODY,
        None,
    )]);
    let (moved, _) = dedupe::merge(vec![story(
        "two/b.txt",
        "Airport adds six routes",
        BODY,
        None,
    )]);
    let (rescraped, _) = dedupe::merge(vec![
        story("one/a.txt", "Airport adds six routes", BODY, None),
        story(
            "c.txt",
            "Airport adds six routes",
            &BODY[..3],
            Some("2026-06-03T10:00:00"),
        ),
    ]);
    assert!(is_id(&first[0].id));
    assert_eq!(first[0].id, moved[0].id);
    assert_eq!(rescraped.len(), 1);
    assert_eq!(first[0].id, rescraped[0].id);
}

#[test]
fn many_stories_with_shared_boilerplate_stay_apart_and_ids_unique() {
    let boiler = "This article is part of our coverage of the regional elections, supported by readers like you.";
    let stories: Vec<Story> = (0..3000)
        .map(|n| {
            let a = format!(
                "Candidate {n} outlined plans for housing number {n} and transport in district {n}."
            );
            let b = format!(
                "Supporters of candidate {n} gathered in hall {} on the evening of the rally.",
                n * 7
            );
            let headline = if n % 2 == 0 {
                "Election diary".to_string()
            } else {
                format!("Election diary {n}")
            };
            story(&format!("p{n}.txt"), &headline, &[&a, &b, boiler], None)
        })
        .collect();
    let mut twice = stories.clone();
    twice.extend(stories.iter().take(500).cloned());
    let (merged, count) = dedupe::merge(twice);
    assert_eq!(count, 500);
    assert_eq!(merged.len(), 3000);
    let ids: std::collections::HashSet<&str> = merged.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids.len(), 3000);
}

// ---------------------------------------------------------------- the bundled samples

fn sample(name: &str) -> &'static str {
    dateline::samples::SAMPLES
        .iter()
        .find(|(n, _)| n.ends_with(name))
        .map(|(_, text)| *text)
        .unwrap_or_else(|| panic!("sample {name} is bundled"))
}

#[test]
fn samples_load_to_expected_stories() {
    let corpus = dateline::samples::load_samples();
    let mut found: Vec<&str> = corpus.stories.iter().map(|s| s.headline.as_str()).collect();
    found.sort_unstable();
    assert_eq!(
        found,
        vec![
            "Campaigners vow to fight closure of Mill Street library",
            "China unveils key measures for high-quality foreign trade growth in 2026",
            "Dock workers strike halts container traffic at Port Halden",
            "Farmers' market to move to the old railway yard",
            "Heatwave pushes city power demand to record high",
            "River clean-up removes four tonnes of plastic in a single weekend",
            "UN discourages any efforts to retreat from climate commitments: spokesman",
        ]
    );
    assert_eq!(corpus.stats.duplicates_merged, 1);
    let strike = corpus
        .stories
        .iter()
        .find(|s| s.headline.starts_with("Dock workers"))
        .expect("strike story");
    assert_eq!(strike.sources.len(), 2);
    assert!(
        strike
            .source
            .path
            .ends_with("011_harbour_wire_port_strike_rescrape.txt")
    );
    assert_eq!(strike.updated, ts("2026-03-03T16:05:00+08:00"));
    assert_eq!(strike.paragraphs.len(), 8);
    assert_eq!(strike.byline.as_deref(), Some("Ana Lim, Reuters"));
    assert_eq!(strike.section.as_deref(), Some("Business"));
}

#[test]
fn sample_listing_page_has_no_stories() {
    assert!(
        ingest::parse_text("listing", sample("030_listing_latest_news.txt"))
            .stories
            .is_empty()
    );
}

#[test]
fn sample_uk_page_joins_wrapped_paragraphs_and_reads_two_line_stamp() {
    let page = ingest::parse_text("uk", sample("020_uk_paper_library.txt"));
    assert_eq!(page.stories.len(), 1);
    let s = &page.stories[0];
    assert_eq!(s.section.as_deref(), Some("Local"));
    assert_eq!(s.byline.as_deref(), Some("Helen Marsh"));
    assert_eq!(s.published, ts("2026-02-14T08:15:00+00:00"));
    assert_eq!(s.updated, ts("2026-02-14T19:02:00+00:00"));
    assert_eq!(s.paragraphs.len(), 7);
    assert!(s.paragraphs[2].contains("older residents have,\" said Joan Pike, who chairs"));
}

#[test]
fn sample_pages_snapshots() {
    for (name, text) in dateline::samples::SAMPLES {
        if name.ends_with(SEED_NAME) {
            continue;
        }
        let (stories, _) = dedupe::merge(ingest::parse_text(name, text).stories);
        let short = name.trim_start_matches("samples/").trim_end_matches(".txt");
        insta::assert_yaml_snapshot!(format!("sample_{short}"), stories);
    }
}

#[test]
fn name_over_role_line_question_headline_and_image_credits() {
    let page = parse(
        "Home\nNews\nSport\n\nCan the old mill be saved?\n\n5 hours ago\n\nShare\nSave\n\n\
Lucy Grant\nArts correspondent, Valley News\n\n\
Image source, Valley Heritage Trust\nImage caption, The mill in 1950\n\n\
A campaign to save the town's 200-year-old mill has raised half of the money it needs.\n\n\
\"We have six months to find the rest,\" said trust chairman Idris Bell.\n\n\
More on this story\n\nWhy old buildings matter\n2 days ago\n",
    );
    assert_eq!(headlines(&page), vec!["Can the old mill be saved?"]);
    let story = &page.stories[0];
    assert_eq!(story.byline.as_deref(), Some("Lucy Grant"));
    assert_eq!(story.section, None);
    assert_eq!(story.published, None);
    assert_eq!(story.paragraphs.len(), 2);
}

// ---------------------------------------------------------------- real site shapes

#[test]
fn standfirst_under_headline_is_never_the_headline() {
    let page = parse(
        "Ferry operator cancels winter timetable after engine failures\n\n\
Islanders say the decision leaves them cut off for weeks and demand the government step in\n\n\
Mairi Campbell Transport correspondent\n\
Tue 3 Nov 2026 07.05 GMT\n\n\
The island ferry operator has cancelled its winter timetable after two of its four ships broke down.\n\n\
\"We have been abandoned,\" said councillor Ewan Ross.\n",
    );
    assert_eq!(
        headlines(&page),
        vec!["Ferry operator cancels winter timetable after engine failures"]
    );
    let story = &page.stories[0];
    assert_eq!(story.byline.as_deref(), Some("Mairi Campbell"));
    assert_eq!(story.paragraphs.len(), 2);
}

#[test]
fn short_kicker_above_headline_leaves_the_headline() {
    let page = parse(
        "Analysis\n\nWhy the island ferries keep breaking down every winter\n\nBy Ewan Ross\n\n\
Three of the four ships in the fleet are more than thirty years old.\n",
    );
    assert_eq!(
        headlines(&page),
        vec!["Why the island ferries keep breaking down every winter"]
    );
}

#[test]
fn live_blog_entries_stay_one_story() {
    let page = parse(
        "Live: storm updates as the coast braces for high tides\n\nBy Lena Ortiz\n\n\
09:40 BST\nThe coastguard has closed the harbour to small boats.\n\n\
09:15 BST\nSchools in three towns will stay closed today.\n\n\
08:50 BST\nWinds of 80mph were recorded overnight on the headland.\n",
    );
    assert_eq!(page.stories.len(), 1, "{:?}", headlines(&page));
    assert_eq!(page.stories[0].paragraphs.len(), 3);
    assert_eq!(page.stories[0].byline.as_deref(), Some("Lena Ortiz"));
}

#[test]
fn end_marker_ends_the_story_and_metadata_is_not_joined_to_headline() {
    let page = parse(
        "Rice harvest reaches record high in southern provinces\n\
Source: Example Agency\n\
Editor: Sun Wei\n\
2026-10-02 09:12:00\n\n\
The rice harvest in the southern provinces reached a record 52 million tonnes this year, officials said.\n\n\
Better seeds and irrigation were credited for the rise.\n\n\
(END)\n\n\
Subscribers can read the full statistics in the monthly bulletin sent on Fridays.\n",
    );
    assert_eq!(
        headlines(&page),
        vec!["Rice harvest reaches record high in southern provinces"]
    );
    let story = &page.stories[0];
    assert_eq!(story.section, None);
    assert_eq!(story.published, ts("2026-10-02T09:12:00"));
    assert_eq!(story.paragraphs.len(), 2);
}

#[test]
fn legal_footer_and_more_from_teasers_are_not_a_story() {
    let page = parse(
        "Library to open on Sundays\n\nThe central library will open on Sundays from March, the council said.\n\n\
More from Valley Radio\n\nSchool bus routes change next term\n\n\
Copyright 2026 Valley Radio. All rights reserved. Valley Radio is not responsible for the content of external sites. Read about our approach to external linking.\n",
    );
    assert_eq!(headlines(&page), vec!["Library to open on Sundays"]);
    assert_eq!(page.stories[0].paragraphs.len(), 1);
}

/// `stats` counts without holding the corpus: the counts must be exactly those of a
/// full load, on generated pages (re-scrapes, several stories a page, quotes) plus
/// pages in other shapes and a broken one.
#[test]
fn counting_without_holding_the_corpus_gives_the_full_load_counts() {
    let dir = tempfile::tempdir().expect("temp dir");
    dateline::synth::write(dir.path(), 60, 11).expect("write pages");
    std::fs::write(dir.path().join("binary.txt"), [0u8, 159, 146, 150, 0, 1]).expect("write");
    let paths = vec![
        dir.path().to_path_buf(),
        std::path::PathBuf::from("tests/data/pages"),
    ];
    let corpus = ingest::load(&paths, &ingest::LoadOptions::default());
    let (counts, warnings) = ingest::load_counts(&paths);
    assert!(corpus.stats.quotes > 100 && corpus.stats.speakers > 20);
    assert!(corpus.stats.duplicates_merged > 0);
    assert!(!warnings.is_empty(), "the binary page is reported");
    assert_eq!(counts, corpus.stats);
    assert_eq!(warnings, corpus.warnings);
}
