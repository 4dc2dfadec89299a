//! Tests of the article rules on pages written for them.

use super::*;
use crate::model::Story;

/// The stories the loader makes of a page.
fn stories(page: &str) -> Vec<Story> {
    crate::ingest::parse_text("page.txt", page).stories
}

/// Joins blocks into a page, one blank line between them.
fn page(blocks: &[&str]) -> String {
    blocks.join("\n\n")
}

/// The article every test page carries: heading, byline and stamp, and four
/// prose paragraphs.
const ARTICLE: &[&str] = &[
    "Harbour ferries return after the winter storm",
    "By Ana Lim - Nov 19, 2025, 10:31 pm CST",
    "Ferries between the harbour and the islands ran again on Tuesday after a storm closed the crossing for three days, the operator said in a statement.",
    "Crews checked every berth overnight and found only light damage to the ramps, which were repaired before the first sailing left at six in the morning.",
    "\u{201c}We are glad to have the boats moving again,\u{201d} said the harbour master, who thanked the crews for working through the night in the cold.",
    "The operator said that extra sailings would run until Friday so that the passengers who were stranded by the storm can all get home this week.",
];

/// A page: its title line with the site's name, menus, then the article and
/// what follows it.
fn article_page(after: &[&str]) -> String {
    let mut blocks = vec![
        "Harbour ferries return after the winter storm - Coast Herald",
        "Home",
        "News",
        "Sport",
    ];
    blocks.extend_from_slice(ARTICLE);
    blocks.extend_from_slice(after);
    page(&blocks)
}

fn assert_one_article(stories: &[Story]) {
    let heads: Vec<&str> = stories.iter().map(|s| s.headline.as_str()).collect();
    assert_eq!(stories.len(), 1, "{heads:?}");
    let story = &stories[0];
    assert_eq!(
        story.headline,
        "Harbour ferries return after the winter storm"
    );
    assert_eq!(story.paragraphs.len(), 4, "{:?}", story.paragraphs);
    assert!(story.paragraphs[0].starts_with("Ferries between"));
    assert!(story.paragraphs[3].starts_with("The operator said"));
}

#[test]
fn the_repeated_title_anchors_the_article_with_its_byline_and_stamp() {
    let stories = stories(&article_page(&[]));
    assert_one_article(&stories);
    let story = &stories[0];
    assert_eq!(
        story.published.map(|t| t.to_string()).as_deref(),
        Some("2025-11-19T22:31:00")
    );
}

#[test]
fn a_teaser_rail_between_the_heading_and_the_body_gives_no_stamp() {
    let mut blocks = vec![
        "Harbour ferries return after the winter storm - Coast Herald",
        "Home",
        "News",
        "Sport",
        ARTICLE[0],
        "Nov 19, 2025 10:31",
        "More stories like this one",
        "Ferry fares to rise in the spring",
        "March 3, 2021",
        "Island school gets a new roof",
        "June 9, 2022",
    ];
    blocks.extend_from_slice(&ARTICLE[2..]);
    let stories = stories(&page(&blocks));
    let main = stories
        .iter()
        .find(|s| {
            s.paragraphs
                .iter()
                .any(|p| p.starts_with("Ferries between"))
        })
        .expect("the article");
    assert_eq!(main.headline, ARTICLE[0]);
    assert_eq!(
        main.published.map(|t| t.to_string()).as_deref(),
        Some("2025-11-19T10:31:00")
    );
}

#[test]
fn a_comment_thread_is_dropped() {
    let stories = stories(&article_page(&[
        "3 Comments",
        "Guy Hence says:",
        "I took this ferry last winter and the crossing was closed for a week, so three days is not so bad when you think about it.",
        "It is a disgrace that the operator had no plan for the storm, and the passengers paid for it by sleeping in the terminal for nights on end.",
        "Reply",
        "Mara Quist says:",
        "Glad the crews are safe, that matters more than any timetable and they worked hard through the night to fix the ramps for us all.",
        "Reply",
        "2 days ago at 07:52 am",
        "Does anyone know whether the extra sailings take cars as well, or only foot passengers, because I need to bring the van back?",
        "Leave a Reply",
    ]));
    assert_one_article(&stories);
}

#[test]
fn a_teaser_rail_is_dropped() {
    let stories = stories(&article_page(&[
        "More in News",
        "Council approves new cycle lanes on the seafront",
        "The lanes will open in spring after a year of consultation with residents.",
        "3 hours ago",
        "Library reopens after a two-year refit",
        "Readers queued from early morning to see the new reading room.",
        "5 hours ago",
        "Fishing fleet lands record catch of herring",
        "The fleet's best week in a decade came after a cold autumn.",
        "Yesterday",
    ]));
    assert_one_article(&stories);
}

#[test]
fn an_author_bio_and_a_subscribe_prompt_are_dropped() {
    let stories = stories(&article_page(&[
        "About the author",
        "Ana Lim is a reporter covering transport and the coast for the Herald. She has written about ferries, ports and shipping since 2015.",
        "Follow Ana Lim on Twitter",
        "Sign up for our morning newsletter",
        "Get the day's news from the coast in your inbox every morning. You can unsubscribe at any time by clicking the link in any email.",
    ]));
    assert_one_article(&stories);
    let all = stories[0].paragraphs.join(" ");
    assert!(!all.contains("is a reporter covering"), "{all}");
}

#[test]
fn an_unlabelled_bio_ends_the_article() {
    let closed = stories(&article_page(&[
        "Ana Lim is a transport reporter for the Coast Herald, covering ferries, ports and the coast road.",
        "Council approves new cycle lanes on the seafront",
        "The lanes will open in spring after a year of consultation with the residents of the town.",
    ]));
    assert_one_article(&closed);
    // A bio the prose goes on after is the article's own sentence.
    let inside = stories(&article_page(&[
        "Ivo Brandt is a freelance journalist who was stranded on the islands for three days by the storm, and who filed his reports by satellite phone.",
        "He said that the islanders had shared their food and their homes with the passengers who could not leave, and that the pub on the quay had stayed open all night for them.",
        "The operator has promised to pay for the rooms of everyone who was stranded on the islands, and said that it would look again at its plans before the next storm comes.",
    ]));
    assert_eq!(inside[0].paragraphs.len(), 7, "{:?}", inside[0].paragraphs);
}

#[test]
fn a_rail_of_teasers_without_a_label_ends_the_article() {
    let stories = stories(&article_page(&[
        "Council approves new cycle lanes on the seafront",
        "Transport",
        "The lanes will open in spring after a year of consultation with residents.",
        "Library reopens after a two-year refit",
        "Culture",
        "Readers queued from early morning to see the new reading room.",
        "Fishing fleet lands record catch of herring",
        "Business",
        "The fleet's best week in a decade came after a cold autumn.",
    ]));
    assert_one_article(&stories);
}

#[test]
fn crossheads_each_over_one_paragraph_stay_in_the_article() {
    let page = page(&[
        "Five deals on ferry passes this winter - Coast Herald",
        "Five deals on ferry passes this winter",
        "By Ana Lim - Nov 19, 2025",
        ARTICLE[2],
        ARTICLE[3],
        ARTICLE[4],
        "Island season pass for $39",
        "The season pass covers every crossing to the islands until March, and it is the cheapest it has been in years, the operator said on Tuesday.",
        "Family day ticket for $25",
        "Two adults and three children can cross as often as they like in one day, with the bikes and the dog carried free of charge on every boat.",
        "Night crossing for $5",
        "The last boat of the night is now the cheapest of the day, which the operator hopes will fill the seats that have stood empty since the summer.",
    ]);
    let stories = stories(&page);
    assert_eq!(stories.len(), 1);
    // The crossheads are kept with their paragraphs.
    assert_eq!(
        stories[0].paragraphs.len(),
        9,
        "{:?}",
        stories[0].paragraphs
    );
}

#[test]
fn prompts_to_the_reader_leave_the_article_but_advice_to_sign_up_stays() {
    let stories = stories(&article_page(&[
        "Sign up for our morning newsletter and get the news from the coast in your inbox.",
        "No spam, we promise. You can unsubscribe at any time.",
        "A ferry leaves the harbour on Tuesday morning after the storm (Coast Photo/Jane Roe, File)",
        "The islanders can sign up for a season pass at the ticket office, which opens again on Monday.",
    ]));
    let all = stories[0].paragraphs.join(" ");
    assert!(!all.contains("newsletter"), "{all}");
    assert!(!all.contains("No spam"), "{all}");
    assert!(!all.contains("Coast Photo"), "{all}");
    assert!(all.contains("can sign up for a season pass"), "{all}");
}

#[test]
fn widgets_and_captions_around_the_heading_are_never_the_headline() {
    let page = page(&[
        "Harbour ferries return after the winter storm | Coast Herald",
        "Home",
        "Harbour ferries return after the winter storm",
        "Copy Link URL Copied!",
        "Share on: Facebook Twitter Reddit",
        "A ferry leaves the harbour on Tuesday morning. (Coast Herald/Jane Roe)",
        "Ana Lim @analim / Nov 19, 2025 10:31 pm EST",
        ARTICLE[2],
        ARTICLE[3],
        ARTICLE[4],
        ARTICLE[5],
    ]);
    let stories = stories(&page);
    assert_eq!(stories.len(), 1);
    assert_eq!(
        stories[0].headline,
        "Harbour ferries return after the winter storm"
    );
    assert_eq!(
        stories[0].published.map(|t| t.to_string()).as_deref(),
        Some("2025-11-19T22:31:00-05:00")
    );
}

#[test]
fn the_heading_over_the_byline_anchors_before_a_closer_copy_of_the_title() {
    // A recipe card further down repeats the title more closely than the
    // article's heading, but only the heading has a byline and a date under it.
    let page = page(&[
        "Spiced Pear Jam Recipe | Coast Kitchen",
        "Home",
        "Homemade spiced pear jam recipe for the holidays",
        "by Ana Lim December 6, 2025",
        ARTICLE[2],
        ARTICLE[3],
        ARTICLE[4],
        ARTICLE[5],
        "Spiced Pear Jam",
        "Print",
        "Core, peel and cube the pears and put them in a pot with the juice of a lemon.",
        "Boil the jam until it is thick enough to stick to the spoon, then fill the jars.",
    ]);
    let stories = stories(&page);
    assert_eq!(
        stories[0].headline,
        "Homemade spiced pear jam recipe for the holidays"
    );
    assert!(stories[0].paragraphs[0].starts_with("Ferries between"));
    assert_eq!(
        stories[0].published.map(|t| t.to_string()).as_deref(),
        Some("2025-12-06T00:00:00")
    );
    assert_eq!(stories[0].byline.as_deref(), Some("Ana Lim"));
}

#[test]
fn a_byline_and_stamp_line_the_split_left_in_the_body_is_the_header() {
    let page = page(&[
        "Harbour ferries return after the winter storm - Coast Herald",
        "Home",
        "Harbour ferries return after the winter storm",
        "Ivo Brandt - Nov 19, 2025, 10:31 pm CST 0",
        ARTICLE[2],
        ARTICLE[3],
        ARTICLE[4],
        ARTICLE[5],
    ]);
    let stories = stories(&page);
    assert_eq!(stories.len(), 1);
    assert_eq!(stories[0].byline.as_deref(), Some("Ivo Brandt"));
    assert_eq!(
        stories[0].paragraphs.len(),
        4,
        "{:?}",
        stories[0].paragraphs
    );
    assert_eq!(
        stories[0].published.map(|t| t.to_string()).as_deref(),
        Some("2025-11-19T22:31:00")
    );
}

#[test]
fn a_second_real_story_stays_with_its_own_headline() {
    let stories = stories(&article_page(&[
        "Bakery wins the county prize for a third year",
        "Nov 20, 2025",
        "The bakery on the quay won the county prize for its bread again on Saturday, the third year in a row that its loaves have taken the cup.",
        "Judges praised the crust and the crumb of the sourdough, and said that the rye had improved since last year, when it came a close second.",
        "The owner said she would spend the prize money on a second oven, so that the shop can bake through the night before the summer season.",
        "The prize will be handed over at the county show in June, where the bakery will also sell its bread from a stall beside the main ring.",
        "Last year the cup went to a baker from the hills, who said on Saturday that she would be back next year with a new loaf.",
        "Recommended Articles",
    ]));
    let heads: Vec<&str> = stories.iter().map(|s| s.headline.as_str()).collect();
    assert_eq!(
        heads,
        [
            "Harbour ferries return after the winter storm",
            "Bakery wins the county prize for a third year"
        ]
    );
    assert_eq!(stories[1].paragraphs.len(), 5);
    assert_eq!(
        stories[1].published.map(|t| t.to_string()).as_deref(),
        Some("2025-11-20T00:00:00")
    );
}

#[test]
fn an_article_broken_by_an_inline_link_is_joined() {
    let page = article_page(&[
        "Related",
        "Storm closes ferry crossing for third day",
        "The crossing will stay shut until the wind drops, the operator said on Monday night, and no sailings are planned before Tuesday at the earliest, when the forecast is better.",
        "Passengers who were stranded on the islands were offered rooms in the hotels near the pier, which the operator said it would pay for until the boats can take them home again.",
    ]);
    let stories = stories(&page);
    assert_eq!(stories.len(), 1);
    let paragraphs = &stories[0].paragraphs;
    assert!(
        paragraphs
            .iter()
            .any(|p| p.starts_with("The crossing will stay shut"))
    );
    assert!(
        paragraphs
            .iter()
            .any(|p| p.starts_with("Passengers who were stranded"))
    );
}

#[test]
fn an_unrepeated_title_with_a_site_suffix_heads_the_page_s_main_story() {
    let page = page(&[
        "Harbour ferries return after the winter storm - Coast Herald",
        "Home",
        "Ferries are back",
        ARTICLE[2],
        ARTICLE[3],
        ARTICLE[4],
        ARTICLE[5],
        "Sign up for our newsletter",
        "Get the news in your inbox.",
    ]);
    let stories = stories(&page);
    assert_eq!(stories.len(), 1);
    assert_eq!(
        stories[0].headline,
        "Harbour ferries return after the winter storm"
    );
}

#[test]
fn a_page_without_a_title_line_is_left_as_split() {
    // A first line that is the site's name anchors nothing: both briefs stay.
    let page = page(&[
        "Coast Herald",
        "Bakery wins the county prize",
        "March 3, 2026",
        "The bakery on the quay won the county prize again.",
        "Library reopens after a refit",
        "March 4, 2026",
        "Readers queued from early morning to see the new room.",
    ]);
    assert_eq!(stories(&page).len(), 2);
}

#[test]
fn a_page_opening_with_its_headline_keeps_its_lead() {
    // The lead shares most of the headline's words: it is prose, no anchor.
    let lead = stories("Ferry strike called off\n\nFerry crews called off their strike.\n");
    assert_eq!(lead.len(), 1);
    assert_eq!(lead[0].headline, "Ferry strike called off");
    assert_eq!(lead[0].paragraphs, ["Ferry crews called off their strike."]);
    // A headline over its stamp, repeated as a caption after the body.
    let page = page(&[
        "Rail fares frozen for a year",
        "April 1, 2026",
        "Rail fares will be frozen until next April, the transport ministry said.",
        "Rail fares frozen for a year",
        "Coastguard rescues three fishermen off the cape",
        "March 30, 2026",
        "Three men were winched to safety by a helicopter crew on Sunday night.",
    ]);
    let split = stories(&page);
    assert_eq!(split.len(), 2);
    assert_eq!(split[0].headline, "Rail fares frozen for a year");
    assert_eq!(split[0].paragraphs.len(), 1);
}

#[test]
fn the_parts_of_a_list_article_without_a_heading_are_joined() {
    let page = page(&[
        "Three harbour walks to try this winter - Coast Herald",
        "Home",
        "The quay loop",
        "Nov 19, 2025",
        ARTICLE[2],
        ARTICLE[3],
        "The lighthouse path",
        "Nov 19, 2025",
        ARTICLE[4],
        ARTICLE[5],
        "The path climbs to the old lighthouse on the point, where the keepers' cottages are now a small museum that opens at weekends through the winter.",
        "More in Travel",
        "Five cafes on the seafront",
        "Where to eat after a walk.",
    ]);
    let stories = stories(&page);
    assert_eq!(
        stories.len(),
        1,
        "{:?}",
        stories.iter().map(|s| &s.headline).collect::<Vec<_>>()
    );
    assert_eq!(
        stories[0].headline,
        "Three harbour walks to try this winter"
    );
    // The second section has the most prose; the first joins it.
    assert_eq!(stories[0].paragraphs.len(), 5);
    assert!(stories[0].paragraphs[0].starts_with("Ferries between"));
}

#[test]
fn labels_comments_and_named_stamps_are_told() {
    for label in [
        "Related",
        "Most read",
        "More in Minnesota Wild",
        "34 Comments",
        "Leave a Reply",
        "Tags:",
        "You may also like",
        "Trending now",
    ] {
        assert!(is_furniture_label(label), "{label}");
    }
    for line in [
        "Harbour ferries return",
        "More ferries are running",
        "Comments on the plan closed",
    ] {
        assert!(!is_furniture_label(line), "{line}");
    }
    assert!(is_comment_header("Guy Hence says:"));
    assert!(!is_comment_header(
        "House where Hitler was born will become a police station, Austria says"
    ));
    assert!(is_named_stamp("Cherie McCluney August 17, 2019 - 2:19 pm"));
    assert!(is_named_stamp("2 days ago at 07:52 am"));
    assert!(!is_named_stamp(
        "\u{2014} Jane Roe (@janeroe) November 18, 2019"
    ));
}
