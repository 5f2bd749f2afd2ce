//! Native tests of the workshop's words: the English stays what it was, every language has
//! every key with the same placeholders, and the Markdown summary is written in the language
//! in use. (The workshop views themselves are tested in the browser and end to end.)

use super::*;
use crate::i18n::use_i18n;
use stagefit_core::{Answer, Answers, Part, link};

fn payload(company: u8, platform: u8, label: &str) -> String {
    let mut answers = Answers::new(&BANK);
    for (i, q) in BANK.questions.iter().enumerate() {
        let c = match q.part {
            Part::Company => company,
            Part::Strategy => 0,
            Part::Platform => platform,
        };
        answers.set(i, Answer::Chosen(c.min(q.options.len() as u8 - 1)));
    }
    link::encode(&BANK, &answers, label)
}

fn room() -> (Workshop, workshop::Aggregate) {
    let mut w = Workshop {
        id: "w1".to_string(),
        name: "Platform day".to_string(),
        note: String::new(),
        created: 0.0,
        payloads: Vec::new(),
        agreed: Default::default(),
        unknown: Default::default(),
    };
    let text = [(0, 0), (4, 4), (2, 1), (2, 3)]
        .map(|(c, p)| format!("#r={} ", payload(c, p, "")))
        .concat();
    workshop::gather(&BANK, &mut w, &text);
    // A link made with bank version 1: some of its answers are dropped, and the summary says so.
    w.payloads.push("EBTlLkIpylOUpylOAAAY".to_string());
    let people = workshop::participants(&BANK, &w);
    let agg = workshop::aggregate(&BANK, &people);
    (w, agg)
}

/// A plain number writer, standing in for the browser's `Intl`.
fn plain(value: f64, digits: u32) -> String {
    format!("{value:.*}", digits as usize)
}

/// The text of a view drawn in `locale` (tags and the renderer's markers left out), as the
/// prerender draws: once, with the language's strings built in.
fn drawn<V: IntoView + 'static>(locale: Locale, view: impl FnOnce() -> V) -> String {
    use leptos::tachys::view::RenderHtml;

    crate::ui::text::lang::once_in(locale, || {
        let html = view().into_view().to_html();
        // Text only: drop every tag and comment marker.
        let mut text = String::new();
        let mut in_tag = false;
        for c in html.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => text.push(c),
                _ => {}
            }
        }
        text
    })
}

fn gathered(locale: Locale, r: GatherReport) -> String {
    drawn(locale, move || gather_line(use_i18n(), &r))
}

#[test]
fn the_gather_report_reads_as_before_in_english() {
    let en = |r: GatherReport| gathered(Locale::en, r);
    assert_eq!(
        en(GatherReport {
            added: 3,
            duplicates: 1,
            unreadable: 1,
            other_workshop: 1,
            other_links: 1,
            ..Default::default()
        }),
        "3 added, 1 duplicate skipped, 1 unreadable, 1 from another workshop, not added; 1 other link(s) ignored."
    );
    assert_eq!(
        en(GatherReport {
            newer: 1,
            ..Default::default()
        }),
        "0 added, 1 made by a newer version of Stagefit, not added (reload this page to update Stagefit, then add it again)."
    );
    assert_eq!(
        en(GatherReport {
            added: 1,
            newer: 2,
            ..Default::default()
        }),
        "1 added, 2 made by a newer version of Stagefit, not added (reload this page to update Stagefit, then add them again)."
    );
    assert_eq!(
        en(GatherReport::default()),
        "No Stagefit result links found in that text."
    );
    assert_eq!(
        en(GatherReport {
            other_links: 2,
            ..Default::default()
        }),
        "No Stagefit result links found in that text; 2 other link(s) ignored."
    );
}

#[test]
fn counts_follow_each_languages_plural_rules() {
    let participants = |locale, n: usize| {
        drawn(locale, move || {
            crate::tf_once!(use_i18n(), workshop.participants, count = n)
        })
    };
    assert_eq!(participants(Locale::en, 1), "1 participant");
    assert_eq!(participants(Locale::en, 0), "0 participants");
    assert_eq!(participants(Locale::de, 1), "1 Person");
    assert_eq!(participants(Locale::de, 2), "2 Personen");
    // French counts 0 as singular.
    assert_eq!(participants(Locale::fr, 0), "0 participant·e");
    assert_eq!(participants(Locale::fr, 2), "2 participant·es");
    let fr = gathered(
        Locale::fr,
        GatherReport {
            added: 2,
            newer: 1,
            ..Default::default()
        },
    );
    assert!(fr.starts_with("2 ajoutés, 1 créé avec"), "{fr}");
    assert!(fr.contains("ajoutez-le"), "{fr}");
    let de = gathered(
        Locale::de,
        GatherReport {
            added: 1,
            other_links: 3,
            ..Default::default()
        },
    );
    assert_eq!(de, "1 hinzugefügt; 3 andere Links ignoriert.");
}

#[test]
fn the_markdown_summary_is_written_in_the_language_in_use() {
    let (w, agg) = room();
    let md = markdown(Locale::en, &w, &agg, "2026-11-26", &plain);
    assert!(
        md.starts_with("# Stagefit workshop: Platform day\n\n_2026-11-26_\n"),
        "{md}"
    );
    assert!(md.contains("**Participants:** 5\n"), "{md}");
    assert!(
        md.contains("_6 answers from links made with an older question bank were left out"),
        "{md}"
    );
    assert!(md.contains("**Stages seen:** early "), "{md}");
    assert!(md.contains("## Where the room disagrees most\n\n| Area | Median level | Spread | Ahead | Behind | Fits |"), "{md}");
    // Issue 28: each question to discuss as a table of counts per answer, never "4 × …".
    assert!(md.contains("## Questions to discuss\n\n### "), "{md}");
    assert!(md.contains("| Answer | People |\n|---|---:|\n"), "{md}");
    assert!(!md.contains(" × "), "{md}");
    assert!(md.contains("**The room's own result:** "), "{md}");
    assert!(md.contains("## Agreed answers\n\nNone recorded.\n"), "{md}");

    let de = markdown(Locale::de, &w, &agg, "26.11.2026", &plain);
    assert!(
        de.starts_with("# Stagefit-Workshop: Platform day\n\n_26.11.2026_\n"),
        "{de}"
    );
    assert!(de.contains("**Teilnehmende:** 5\n"), "{de}");
    assert!(de.contains("| Antwort | Personen |"), "{de}");
    let fr = markdown(Locale::fr, &w, &agg, "26 nov. 2026", &plain);
    assert!(
        fr.starts_with("# Atelier Stagefit\u{202f}: Platform day\n"),
        "{fr}"
    );
    assert!(fr.contains("| Réponse | Personnes |"), "{fr}");
    // A name is text, never Markdown, in every language.
    let mut odd = w.clone();
    odd.name = "*bold* [x](y)".to_string();
    let md = markdown(Locale::de, &odd, &agg, "", &plain);
    assert!(md.contains(r"\*bold\* \[x\](y)"), "{md}");
}

#[test]
fn french_puts_a_narrow_space_before_double_punctuation() {
    let value: serde_json::Value =
        serde_json::from_str(include_str!("../../../../locales/fr/workshop.json")).expect("JSON");
    for (key, text) in value.as_object().expect("an object") {
        let text = text.as_str().unwrap_or_default();
        for (i, c) in text.char_indices() {
            if matches!(c, ';' | ':' | '!' | '?' | '»') && i > 0 {
                let before = text[..i].chars().next_back();
                assert!(
                    matches!(before, Some('\u{a0}' | '\u{202f}')),
                    "{key}: no non-breaking space before {c:?} in {text:?}"
                );
            }
        }
    }
}

#[test]
fn each_count_of_answers_keeps_its_own_answers_words() {
    // Regression: the summary numbered the answers after leaving out those nobody gave, so a
    // question whose first answer nobody chose showed each count with the answer before it.
    let (w, mut agg) = room();
    let question = BANK
        .questions
        .iter()
        .position(|q| q.options.len() >= 3)
        .expect("a question with three answers");
    agg.divergent = vec![workshop::Divergence {
        question,
        counts: vec![0, 2, 3],
        deviation: 1.0,
    }];
    // Issue 28: the room's agreed answer is marked in the table and listed.
    let mut w = w;
    workshop::record_agreed(&BANK, &mut w, question, Some(2));
    let md = markdown(Locale::en, &w, &agg, "", &plain);
    let words = crate::ui::text::bank::words_in(Locale::en);
    let q = &BANK.questions[question];
    let table = format!(
        "### {}\n\n| Answer | People |\n|---|---:|\n| {} | 0 |\n| {} | 2 |\n| {} (**agreed**) | 3 |\n",
        words.question(q),
        words.option(q, 0),
        words.option(q, 1),
        words.option(q, 2)
    );
    assert!(md.contains(&table), "{md}");
    let agreed = format!(
        "## Agreed answers\n\n- {}: **{}**\n",
        words.question(q),
        words.option(q, 2)
    );
    assert!(md.contains(&agreed), "{md}");
}
