//! Tests of [`super::Prose::describe`] on sentences written for them.

use super::*;

fn describe(paragraphs: &[&str], name: &str) -> Option<String> {
    Prose::read(paragraphs).describe(name)
}

#[test]
fn a_title_in_front_of_the_name() {
    let p = [
        "The city council met on Monday.",
        "Harbour Commission chairman Olaf Brandt voted against the plan.",
    ];
    assert_eq!(
        describe(&p, "Olaf Brandt").as_deref(),
        Some("Harbour Commission chairman")
    );
    let p = ["Former secretary of state Ruth Adair spoke first."];
    assert_eq!(
        describe(&p, "Ruth Adair").as_deref(),
        Some("Former secretary of state")
    );
    let p = ["Acme Corp. chief executive Dana Poll said little."];
    assert_eq!(
        describe(&p, "Dana Poll").as_deref(),
        Some("Acme Corp. chief executive")
    );
}

#[test]
fn an_appositive_after_the_name() {
    let p = ["Ruth Adair, the state's attorney general, filed the suit."];
    assert_eq!(
        describe(&p, "Ruth Adair").as_deref(),
        Some("state's attorney general")
    );
    let p = ["Ruth Adair, a Democrat from Ohio, disagreed."];
    assert_eq!(
        describe(&p, "Ruth Adair").as_deref(),
        Some("Democrat from Ohio")
    );
    let p = ["Ruth Adair, 61, a retired teacher, came early."];
    assert_eq!(
        describe(&p, "Ruth Adair").as_deref(),
        Some("retired teacher")
    );
    // A verb after the comma is no appositive.
    let p = ["Ruth Adair, said the mayor, was late."];
    assert_eq!(describe(&p, "Ruth Adair"), None);
}

#[test]
fn a_predicate_names_what_the_person_is() {
    let p = ["Adair is the director of research at a bank in Leeds."];
    assert_eq!(
        describe(&p, "Ruth Adair").as_deref(),
        Some("director of research at a bank in Leeds")
    );
    let p = ["Ruth Adair, who was the party's treasurer, left in May."];
    assert_eq!(
        describe(&p, "Ruth Adair").as_deref(),
        Some("party's treasurer")
    );
    let p = ["Adair is a fan of the team."];
    assert_eq!(
        describe(&p, "Ruth Adair").as_deref(),
        Some("fan of the team")
    );
    let p = ["Adair is a little tired."];
    assert_eq!(describe(&p, "Ruth Adair"), None);
}

#[test]
fn party_and_state_in_brackets() {
    let p = ["Rep. Tom Velde (R-Ohio) objected."];
    assert_eq!(describe(&p, "Tom Velde").as_deref(), Some("Rep."));
    let p = ["Tom Velde (R-Ohio) objected."];
    assert_eq!(describe(&p, "Tom Velde").as_deref(), Some("R-Ohio"));
}

#[test]
fn another_person_of_the_same_surname_is_not_read() {
    let p = [
        "Retired judge Paul Adair praised his niece.",
        "Ruth Adair said nothing. Adair, the county sheriff, left.",
    ];
    // The surname alone is shared: only her full name counts.
    assert_eq!(describe(&p, "Ruth Adair"), None);
    let p = [
        "Retired judge Paul Adair came.",
        "Ruth Adair, the county sheriff, left.",
    ];
    assert_eq!(
        describe(&p, "Ruth Adair").as_deref(),
        Some("county sheriff")
    );
}

#[test]
fn words_inside_quote_marks_describe_nobody() {
    let p = ["“Adair is the best mayor we have had,” a neighbour said."];
    assert_eq!(describe(&p, "Ruth Adair"), None);
}

#[test]
fn lists_clauses_and_verbs_are_no_descriptions() {
    let p = ["Adair, Brandt and other members are in a fight behind chairman Olaf Brandt."];
    assert_eq!(describe(&p, "Ruth Adair"), None);
    let p = ["Adair is one of six Labour mayors running in towns the party lost."];
    assert_eq!(describe(&p, "Ruth Adair"), None);
    let p = ["Adair, Brandt wage budget warfare"];
    assert_eq!(describe(&p, "Ruth Adair"), None);
    let p = ["He said he would coach Adair next year."];
    assert_eq!(describe(&p, "Ruth Adair"), None);
}

#[test]
fn a_title_or_appositive_wins_over_an_earlier_predicate() {
    let p = [
        "Adair was the first mayor to cycle to work.",
        "Transport minister Ruth Adair said so.",
    ];
    assert_eq!(
        describe(&p, "Ruth Adair").as_deref(),
        Some("Transport minister")
    );
}

#[test]
fn a_description_set_before_the_name_and_a_comma() {
    let p = ["The plan failed, a spokeswoman, Ruth Adair, said on Friday."];
    assert_eq!(describe(&p, "Ruth Adair").as_deref(), Some("spokeswoman"));
    // Governed by a preposition, it is someone else.
    let p = ["After talks with the mayor, Ruth Adair, a nurse, left."];
    assert_eq!(describe(&p, "Ruth Adair").as_deref(), Some("nurse"));
    let p = ["After talks with the mayor, Ruth Adair, left."];
    assert_eq!(describe(&p, "Ruth Adair"), None);
}

#[test]
fn who_was_gives_a_title_without_an_article() {
    let p = ["Ruth Adair, who was Senate majority leader under a Labour government, agreed."];
    assert_eq!(
        describe(&p, "Ruth Adair").as_deref(),
        Some("Senate majority leader under a Labour government")
    );
    let p = ["Ruth Adair, a fellow at a research institute who studies bees, agreed."];
    assert_eq!(
        describe(&p, "Ruth Adair").as_deref(),
        Some("fellow at a research institute")
    );
}

#[test]
fn speech_in_two_apostrophes_describes_nobody_and_ends_a_phrase() {
    let p = ["''I thank Mayor Adair,'' a neighbour said."];
    assert_eq!(describe(&p, "Ruth Adair"), None);
    // The phrase stops at the quote, and "founder of" is cut short: no title.
    let p = ["Adair was the founder of ''Bakers for Peace'' and left in May."];
    assert_eq!(describe(&p, "Ruth Adair"), None);
}

#[test]
fn a_relation_before_a_name_is_no_title() {
    let p = ["The mayor was the best friend Ruth Adair ever had."];
    assert_eq!(describe(&p, "Ruth Adair"), None);
    let p = ["Hospital supporter Ruth Adair agreed."];
    assert_eq!(
        describe(&p, "Ruth Adair").as_deref(),
        Some("Hospital supporter")
    );
    let p = ["Ruth Adair, a friend of the mayor, agreed."];
    assert_eq!(
        describe(&p, "Ruth Adair").as_deref(),
        Some("friend of the mayor")
    );
}

#[test]
fn a_post_held_named_after_as_with_a_word_of_time() {
    let p = ["Critics looked again at Ruth Adair's tenure as harbour commissioner."];
    assert_eq!(
        describe(&p, "Ruth Adair").as_deref(),
        Some("harbour commissioner")
    );
    let p = ["For six years as schools superintendent, Omar Hale closed no school."];
    assert_eq!(
        describe(&p, "Omar Hale").as_deref(),
        Some("schools superintendent")
    );
    let p = ["Ruth Adair's letters from her years as port director were released."];
    assert_eq!(describe(&p, "Ruth Adair").as_deref(), Some("port director"));
    let p = ["Ruth Adair's time as secretary of state already drew fire."];
    assert_eq!(
        describe(&p, "Ruth Adair").as_deref(),
        Some("secretary of state")
    );
    let p = ["As she was becoming chair of Omar Hale's campaign, Ruth Adair kept quiet."];
    assert_eq!(
        describe(&p, "Ruth Adair").as_deref(),
        Some("chair of Omar Hale's campaign")
    );
    let p = ["While serving as county sheriff, Omar Hale ran twice."];
    assert_eq!(describe(&p, "Omar Hale").as_deref(), Some("county sheriff"));
    // A post hoped for, another person's pronoun, or a name between: no title.
    let p = ["As mayor, Omar Hale would cut the rates."];
    assert_eq!(describe(&p, "Omar Hale"), None);
    let p = ["Ruth Adair's letters from his years as port director were released."];
    assert_eq!(describe(&p, "Ruth Adair"), None);
    let p = ["Ruth Adair's letters to Omar Hale from her years as port director were read."];
    assert_eq!(describe(&p, "Ruth Adair"), None);
    let p = ["Ruth Adair thinks of Omar Hale as a rival."];
    assert_eq!(describe(&p, "Ruth Adair"), None);
}

#[test]
fn an_honorific_tells_which_of_two_namesakes() {
    let p = [
        "Ruth Adair and her husband, Tom Adair, both spoke.",
        "Mrs. Adair's years as port director drew praise.",
    ];
    assert_eq!(describe(&p, "Ruth Adair").as_deref(), Some("port director"));
    assert_eq!(describe(&p, "Tom Adair"), None);
    // Without an honorific, or with one that fits both, the surname names neither.
    let p = [
        "Ruth Adair and her husband, Tom Adair, both spoke.",
        "Adair's years as port director drew praise.",
    ];
    assert_eq!(describe(&p, "Ruth Adair"), None);
    let p = [
        "Ruth Adair and her sister, Mary Adair, both spoke.",
        "Ms. Adair's years as port director drew praise.",
    ];
    assert_eq!(describe(&p, "Ruth Adair"), None);
}
