//! Tests of [`super::later_descriptions`] on sentences written for them.
use super::*;

fn later(paragraphs: &[&str], names: &[&str]) -> Vec<Option<String>> {
    later_descriptions(&Prose::read(paragraphs), names)
}

#[test]
fn a_description_opening_the_next_sentence_is_the_subject_before() {
    let p = ["Ann Lee won the Ohio primary on Tuesday. The Ohio senator thanked her staff."];
    assert_eq!(later(&p, &["Ann Lee"]), vec![Some("Ohio senator".into())]);
    // Across a paragraph break too.
    let p = [
        "Ann Lee won the Ohio primary.",
        "The former secretary of State left early.",
    ];
    assert_eq!(
        later(&p, &["Ann Lee"]),
        vec![Some("former secretary of State".into())]
    );
}

#[test]
fn no_link_when_the_sentence_before_opens_with_no_one() {
    // The subject before is not the person: nobody.
    let p = ["The rally was loud. The candidate spoke for an hour about Ann Lee."];
    assert_eq!(later(&p, &["Ann Lee"]), vec![None]);
}

#[test]
fn a_description_after_a_name_that_is_not_the_subject() {
    let p = ["Aides released an ad aimed at Omar Hale, questioning the Utah governor's record."];
    assert_eq!(
        later(&p, &["Omar Hale"]),
        vec![Some("Utah governor".into())]
    );
    // The subject's own clause describes someone else.
    let p = ["Omar Hale praised the former governor at length."];
    assert_eq!(later(&p, &["Omar Hale"]), vec![None]);
}

#[test]
fn a_description_coordinated_with_a_name_is_someone_else() {
    let p = ["Aides to Omar Hale said the former secretary and Ann Lee had split the vote."];
    assert_eq!(later(&p, &["Omar Hale", "Ann Lee"]), vec![None, None]);
}

#[test]
fn gender_must_agree() {
    let p = ["Ann Lee won the primary. The candidate thanked his staff."];
    assert_eq!(later(&p, &["Ann Lee"]), vec![None]);
    let p = ["John Lee won the primary. The candidate thanked his staff."];
    assert_eq!(later(&p, &["John Lee"]), vec![Some("candidate".into())]);
}

#[test]
fn loose_heads_and_plurals_are_no_titles() {
    let p = ["Ann Lee won the primary. The woman thanked the voters."];
    assert_eq!(later(&p, &["Ann Lee"]), vec![None]);
}

#[test]
fn a_dateline_and_a_possessive_subject_still_open_the_sentence() {
    let p = [
        "OSLO - Ann Lee met the king on Monday.",
        "The Ohio senator said the talks went well.",
    ];
    assert_eq!(later(&p, &["Ann Lee"]), vec![Some("Ohio senator".into())]);
    let p = ["Despite the rain, Omar Hale's rally drew a crowd. The candidate spoke for an hour."];
    assert_eq!(later(&p, &["Omar Hale"]), vec![Some("candidate".into())]);
    let p = ["It was Omar Hale who spoke first. The senator's words set the tone."];
    assert_eq!(later(&p, &["Omar Hale"]), vec![Some("senator".into())]);
}

#[test]
fn a_subject_of_two_people_or_a_namesake_ties_nobody() {
    let p = ["Ann Lee and Omar Hale met on Monday. The senator left early."];
    assert_eq!(later(&p, &["Ann Lee", "Omar Hale"]), vec![None, None]);
    // Another person of the same surname in the sentence before.
    let p = ["Ann Lee brought her brother, George Lee, along. The former president spoke."];
    assert_eq!(later(&p, &["Ann Lee"]), vec![None]);
}

#[test]
fn a_description_in_the_clause_of_the_subject_is_someone_else() {
    // The person's possessive in the subject, one clause: someone else.
    let p = ["Omar Hale's words may have moved the former governor."];
    assert_eq!(later(&p, &["Omar Hale"]), vec![None]);
    // Parted by a subordinate clause: the same person.
    let p = ["Omar Hale's aides hope that the Utah governor can win."];
    assert_eq!(
        later(&p, &["Omar Hale"]),
        vec![Some("Utah governor".into())]
    );
    // A named subject with its verb before the description: the name before it.
    let p = ["Soon after Omar Hale spoke, Ruth Adair asked the front-runner about taxes."];
    assert_eq!(
        later(&p, &["Omar Hale", "Ruth Adair"]),
        vec![Some("front-runner".into()), None]
    );
}

#[test]
fn everyone_named_as_a_subject_leaves_the_subject_before() {
    let p = [
        "Ann Lee promised on Tuesday to drop the phrase.",
        "Ruth Adair, an activist, asked the former senator whether she would keep her word.",
    ];
    assert_eq!(
        later(&p, &["Ann Lee", "Ruth Adair"]),
        vec![Some("former senator".into()), None]
    );
}

#[test]
fn a_description_before_a_name_and_a_comma_is_theirs() {
    let p = ["Voters backed the mayor and the party's 2012 nominee, Ann Lee, last year."];
    assert_eq!(
        later(&p, &["Ann Lee"]),
        vec![Some("party 2012 nominee".into())]
    );
    // "the American envoy, Tom Pike": someone else's title, never the one named before.
    let p = ["With Omar Hale's help, the deal was done, wrote the American envoy, Tom Pike."];
    assert_eq!(later(&p, &["Omar Hale"]), vec![None]);
}

#[test]
fn only_the_first_description_after_a_name_and_no_quote_between() {
    let p = ["Aides see Ann Lee as the candidate most likely to keep the president's promises."];
    assert_eq!(later(&p, &["Ann Lee"]), vec![None]);
    let p = ["Omar Hale spoke first, saying \"we will win\" while the governor waited."];
    assert_eq!(later(&p, &["Omar Hale"]), vec![None]);
}

#[test]
fn a_bare_title_written_before_someone_else_is_theirs() {
    let p = [
        "Gov. Rick Pask vetoed the bill on Monday.",
        "Ann Lee criticised the veto. The governor did not reply.",
    ];
    assert_eq!(later(&p, &["Ann Lee"]), vec![None]);
    // With a modifier the description stays: "the Ohio senator" beside "Sen. Pask".
    let p = [
        "Sen. Rick Pask voted no.",
        "Ann Lee won the primary. The Ohio senator thanked her staff.",
    ];
    assert_eq!(later(&p, &["Ann Lee"]), vec![Some("Ohio senator".into())]);
}
