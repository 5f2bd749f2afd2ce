//! The question bank's words in the language in use.
//!
//! The bank (`stagefit_core::BANK`) holds ids, values and bands; every word of it (questions,
//! "why we ask", options, strategy notes, dimension names and summaries, advice, draft goals,
//! level names) is in `locales/<language>/bank.json` under the key `stagefit_core::keys`
//! derives from the ids. Which key is wanted is only known at run time, so the words are looked
//! up by key: build.rs writes each language's texts in the order of the sorted keys
//! (`i18n/bank/<language>.json`) and the keys themselves (`generated::KEYS`); `load` fetches a
//! language's file with the rest of its strings. `BankWords` gives the words to the core
//! (charts, explanations, the Markdown summaries) as a `BankText`; the functions below give
//! them to views by index. In a view, call them inside a closure so the text follows the
//! language.

use std::cell::RefCell;
use std::rc::Rc;

use leptos_i18n::I18nContext;
use stagefit_core::{
    AdviceKind, Answer, BANK, BankText, Part, Priority, Stage, StrategyNote, keys,
};

use crate::i18n::Locale;

/// The app's language context.
pub type I18n = I18nContext<Locale>;

mod generated {
    include!(concat!(env!("OUT_DIR"), "/bank_keys.rs"));
}

thread_local! {
    /// Each language's words, in the order of `generated::KEYS`, once they have been read.
    static LOADED: RefCell<Vec<(Locale, Rc<[String]>)>> = const { RefCell::new(Vec::new()) };
}

/// The file of `locale`'s words, relative to the page.
pub fn file(locale: Locale) -> String {
    super::files::file("bank", locale)
}

fn loaded(locale: Locale) -> Option<Rc<[String]>> {
    LOADED.with_borrow(|loaded| {
        loaded
            .iter()
            .find(|(l, _)| *l == locale)
            .map(|(_, words)| Rc::clone(words))
    })
}

/// Takes a language's file as its words, when it is one: a JSON list of exactly as many texts
/// as there are keys (a file from another build, cut short or altered is refused).
fn accept(locale: Locale, json: &str) -> bool {
    match serde_json::from_str::<Vec<String>>(json) {
        Ok(words) if words.len() == generated::KEYS.len() => {
            LOADED.with_borrow_mut(|loaded| loaded.push((locale, words.into())));
            true
        }
        _ => false,
    }
}

/// Reads `locale`'s words unless they are here already: in the browser from the page's folder
/// (the network or the offline cache), natively from the file build.rs wrote. False when they
/// could not be had.
pub async fn load(locale: Locale) -> bool {
    if loaded(locale).is_some() {
        return true;
    }
    #[cfg(target_arch = "wasm32")]
    {
        crate::platform::fetch_text(&file(locale))
            .await
            .is_some_and(|json| accept(locale, &json))
    }
    #[cfg(not(target_arch = "wasm32"))]
    read_built(locale)
}

/// Natively (the prerender, the tests) the words are read from the file build.rs wrote.
#[cfg(not(target_arch = "wasm32"))]
fn read_built(locale: Locale) -> bool {
    std::fs::read_to_string(std::path::Path::new(env!("OUT_DIR")).join(file(locale)))
        .is_ok_and(|json| accept(locale, &json))
}

/// The text at `key` in `locale`, or `None` for a key the bank file does not have (or a
/// language not read yet: `lang::load` reads it before anything is drawn in it).
fn lookup(locale: Locale, key: &str) -> Option<String> {
    let place = generated::KEYS.binary_search(&key).ok()?;
    #[cfg(not(target_arch = "wasm32"))]
    if loaded(locale).is_none() {
        read_built(locale);
    }
    loaded(locale).and_then(|words| words.get(place).cloned())
}

/// The bank's words in one language, for the core's functions that write them into charts,
/// explanations and summaries.
#[derive(Clone, Copy)]
pub struct BankWords(pub Locale);

impl BankText for BankWords {
    fn text(&self, key: &str) -> String {
        // Every key the bank asks for is in the file (a native test holds it); were one not,
        // its path shows, which a reader can report, rather than nothing at all.
        lookup(self.0, key).unwrap_or_else(|| key.to_string())
    }
}

/// The bank's words in the language `i18n` is in (read inside a closure, they follow it).
pub fn words(i18n: I18n) -> BankWords {
    BankWords(i18n.get_locale())
}

/// The bank's words in `locale`.
pub fn words_in(locale: Locale) -> BankWords {
    BankWords(locale)
}

/// A question (its index in `BANK.questions`), as its fieldset's legend reads.
pub fn question_text(i18n: I18n, question: usize) -> String {
    words(i18n).question(&BANK.questions[question])
}

/// Why the question is asked.
pub fn why_text(i18n: I18n, question: usize) -> String {
    words(i18n).why(&BANK.questions[question])
}

/// One of a question's options (not "Don't know").
pub fn option_text(i18n: I18n, question: usize, option: usize) -> String {
    words(i18n).option(&BANK.questions[question], option)
}

/// The options an answer picked (one, or several at once), each in its words, in the bank's
/// order; none for no answer, "Don't know" or an option the question does not have.
pub fn picked_texts(i18n: I18n, question: usize, answer: Answer) -> Vec<String> {
    let q = &BANK.questions[question];
    if !answer.fits(q) {
        return Vec::new();
    }
    answer
        .picked()
        .map(|o| option_text(i18n, question, o))
        .collect()
}

/// A strategy answer's note on what it means for the platform.
pub fn note_text(i18n: I18n, note: StrategyNote) -> String {
    words(i18n).note(&BANK.questions[note.question], note.option)
}

/// The label before the "why we ask" sentence.
pub fn why_label(i18n: I18n) -> String {
    words(i18n).why_label()
}

/// The "Don't know" option every question ends with.
pub fn dont_know(i18n: I18n) -> String {
    words(i18n).dont_know()
}

/// The heading of a part of the questionnaire ("Your company").
pub fn part_title(i18n: I18n, part: Part) -> String {
    words(i18n).part_title(part)
}

/// The name of an investment level, 0 to 4.
pub fn level_name(i18n: I18n, level: usize) -> String {
    words(i18n).level(level)
}

/// A dimension's (its index in `BANK.dimensions`) full name.
pub fn dimension_name(i18n: I18n, dimension: usize) -> String {
    words(i18n).dimension_name(&BANK.dimensions[dimension])
}

/// A dimension's name for chart labels.
pub fn dimension_short(i18n: I18n, dimension: usize) -> String {
    words(i18n).dimension_short(&BANK.dimensions[dimension])
}

/// What a dimension covers, in one sentence.
pub fn dimension_summary(i18n: I18n, dimension: usize) -> String {
    words(i18n).dimension_summary(&BANK.dimensions[dimension])
}

/// A dimension's advice of one kind, for a stage and the level its answers give
/// (`DimensionResult::advice_level`).
pub fn advice_text(
    i18n: I18n,
    dimension: usize,
    kind: AdviceKind,
    stage: Stage,
    level: Option<u8>,
) -> String {
    words(i18n).advice(&BANK.dimensions[dimension], kind, stage, level)
}

/// A priority's advice, for its stage.
pub fn priority_advice(i18n: I18n, priority: &Priority) -> String {
    priority.advice(&BANK, &words(i18n))
}

/// A priority's draft goal: its objective and key results, a share of the engineers shown as
/// the range the answers allow.
pub fn priority_goal(i18n: I18n, priority: &Priority) -> (String, Vec<String>) {
    let words = words(i18n);
    (
        priority.objective(&BANK, &words),
        priority.key_results(&BANK, &words),
    )
}

/// Every key the bank asks for that the generated lookup does not have (none, in a build
/// whose tests pass).
pub fn keys_without_text() -> Vec<String> {
    keys::all(&BANK)
        .into_iter()
        .filter(|key| !generated::KEYS.contains(&key.as_str()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_id_of_the_bank_has_its_text_in_the_lookup() {
        // A question, option, note, dimension, stage's advice or key result added to the bank
        // without its words in locales/en/bank.json fails here (and in the core's test of
        // every locale file); so does a key the core derives differently from the file's.
        assert_eq!(keys_without_text(), Vec::<String>::new());
        let needed = keys::all(&BANK);
        for key in generated::KEYS {
            assert!(
                needed.iter().any(|k| k == key),
                "locales/en/bank.json: {key} is read by no id of the bank"
            );
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn the_lookup_gives_each_language_its_words() {
        use crate::i18n::use_i18n;
        use crate::ui::text::lang::once_in;
        for (locale, dont_know) in [
            (Locale::en, "Don't know"),
            (Locale::de, "Weiß nicht"),
            (Locale::fr, "Je ne sais pas"),
        ] {
            once_in(locale, || {
                let i18n = use_i18n();
                assert_eq!(super::dont_know(i18n), dont_know);
                assert_eq!(lookup(locale, "questions.company.engineers.nothing"), None);
                let engineers = BANK
                    .questions
                    .iter()
                    .position(|q| q.id == "company.engineers")
                    .expect("the head-count question");
                assert_ne!(question_text(i18n, engineers), "");
            });
        }
    }
}
