//! The question bank: investment dimensions with their expected band per stage, and the
//! questions that measure the company's stage and the platform's investment.
//!
//! The structure lives in `bank.toml`, compiled into the statics below by `build.rs`; the words
//! live in the app's locale files (`locales/<language>/bank.json`), found by `keys` and given by
//! a `BankText`. This module describes the shapes and checks the content, words included; it
//! holds no questions of its own.

use crate::stage::Stage;

/// Which part of the questionnaire a question belongs to (the page contract's `data-part`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// What stage the company is in.
    Company,
    /// What the company is trying to achieve now.
    Strategy,
    /// What the platform currently invests in.
    Platform,
}

impl Part {
    /// The contract's name for the part, as it appears in `data-part`.
    pub fn id(self) -> &'static str {
        match self {
            Part::Company => "company",
            Part::Strategy => "strategy",
            Part::Platform => "platform",
        }
    }
}

/// The range of investment levels (0 to 4) that fits a stage, both ends included.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Band {
    pub low: u8,
    pub high: u8,
}

/// One area a platform invests in, such as the delivery pipeline or observability. Its name,
/// summary, advice and draft goals are words: `BankText` gives them in a language.
#[derive(Debug)]
pub struct Dimension {
    /// Stable identifier, used in `data-dimension`, saved results and links, and the key of
    /// its words in the locale files.
    pub id: &'static str,
    /// Expected band for early, growth and mature companies, in that order.
    pub bands: [Band; 3],
    /// How much the dimension counts at each stage (1 to 3), in the same order.
    pub weights: [u8; 3],
    pub advice: Advice,
}

/// The shape of a dimension's advice: which stages have their own text, and how many key
/// results each draft goal has (the texts are in the locale files).
#[derive(Debug)]
pub struct Advice {
    /// For early, growth and mature: whether the advice when the platform is ahead of that
    /// stage (what to stop or defer) has its own text rather than the dimension's default.
    pub ahead_by_stage: [bool; 3],
    /// The same for the advice when it is behind (what to invest in).
    pub behind_by_stage: [bool; 3],
    /// For each answered level, 0 to 4: whether the advice when ahead has a text of its own for
    /// it, naming only what that level says exists. It comes before the stage's text
    /// (`keys::advice`); `DimensionResult::advice_level` says which level the answers give.
    pub ahead_by_level: [bool; 5],
    /// The same for the advice when behind.
    pub behind_by_level: [bool; 5],
    /// How many key results the draft goal for being ahead has (2 or 3).
    pub key_results_ahead: u8,
    /// And the one for being behind, also used to prepare for the next stage.
    pub key_results_behind: u8,
}

/// Which of a dimension's two draft outcome goals: an objective and key results that describe
/// the state of the world after success ("from X to Y"), never a list of things to ship.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Goal {
    /// For a platform ahead of the stage: spend less where it does not pay yet.
    Ahead,
    /// For a platform behind the stage, or getting ready for the next one.
    Behind,
    /// For re-platforming working services under cost pressure (`findings.replatform.goal`).
    Replatform,
}

/// Which of a dimension's advice texts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AdviceKind {
    /// What to stop or defer when the platform is ahead of the stage.
    Ahead,
    /// What to invest in when it is behind.
    Behind,
    /// What to get ready when the company is about to move into the next stage.
    Prepare,
    /// Under cost pressure, stop moving working services onto a new platform: one text for
    /// every dimension (`findings.replatform.advice`).
    Replatform,
}

/// How a strategy answer changes one dimension: its weight and both ends of its band move by
/// these amounts (kept within the scales).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shift {
    pub dimension: usize,
    pub weight: i8,
    pub band: i8,
}

/// How a platform answer is held against a band.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fit {
    /// By its level, like any other.
    Band,
    /// It fits no stage (goals that count what was shipped, targets a team sets for itself):
    /// it counts one level below the band, or above it where the band starts at 0.
    Never,
    /// It is never ahead (targets derived from business needs): above the band it counts
    /// as the band's top.
    NotAhead,
}

/// A count of people whose level is its share of another question's count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Share {
    /// The question whose chosen option's `people` is the whole (the number of engineers).
    pub question: usize,
    /// The shares, in percent, from which levels 2, 3 and 4 start; any share above zero is
    /// at least level 1, and nobody at all is level 0.
    pub levels: [u8; 3],
}

/// One answer a question offers, besides "Don't know". Its words are found by its question's
/// id and its place among the options.
#[derive(Debug)]
pub struct Choice {
    /// For company questions, where the answer points on the stage scale (0 early, 2 growth,
    /// 4 mature); for platform questions, the investment level it shows (0 to 4); unused for
    /// strategy questions.
    pub value: u8,
    /// For strategy answers: whether the answer has a note on what it means for the platform.
    pub note: bool,
    /// For strategy answers: how it shifts dimensions' weights and bands.
    pub shifts: &'static [Shift],
    /// A real answer that points nowhere on the stage scale and shows no investment level
    /// ("no single pain stands out"): it counts towards nothing.
    pub neutral: bool,
    /// For platform answers: how the answer is held against the band.
    pub fit: Fit,
    /// For platform questions that measure no single dimension: the dimensions this answer
    /// counts towards, at its `value` (an investment under way counts where it builds).
    pub counts: &'static [usize],
    /// For ranges of people: the range ("60 to 249"), or `None`.
    pub people: Option<People>,
    /// The answer says the company is under cost pressure (cutting costs, protecting margins, a
    /// turnaround): no priority then asks to grow the platform team before cost and
    /// consolidation.
    pub cost_pressure: bool,
    /// The answer says the company is cutting costs (a cost-cutting or turnaround goal); it is
    /// also cost pressure.
    pub cost_cutting: bool,
    /// Re-platforming services that work: while cutting costs, a finding of its own.
    pub replatform: bool,
    /// In a question with several answers at once, an answer only ever given on its own
    /// ("nothing big", "no single pain stands out"): picking it clears the others.
    pub alone: bool,
}

/// A range of people an answer stands for, both ends included; `high` is `None` for an open
/// range ("100 or more").
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct People {
    pub low: f32,
    pub high: Option<f32>,
}

/// One question, with its options in the contract's order.
#[derive(Debug)]
pub struct Question {
    /// Stable identifier; never changes meaning once released. The key of its words (the
    /// question, why we ask it, its options) in the locale files.
    pub id: &'static str,
    pub part: Part,
    /// For platform questions, the index of the dimension it measures; `None` for one whose
    /// answers each say which dimensions they count towards.
    pub dimension: Option<usize>,
    /// For a count of people scored as a share of another count.
    pub share_of: Option<Share>,
    /// How many options may be picked at once: 1 for one answer (radios), more for several
    /// (checkboxes, issue 29).
    pub most: u8,
    pub options: &'static [Choice],
}

impl Question {
    /// Whether a person may pick several options at once.
    pub fn several(&self) -> bool {
        self.most > 1
    }

    /// Whether a person may pick every option at once but one given alone: "all that apply",
    /// rather than "up to N".
    pub fn all_apply(&self) -> bool {
        self.several() && usize::from(self.most) + 1 >= self.options.len()
    }

    /// Whether `mask` (bit N for option N) is a set of options this question accepts: at least
    /// one, only options it has, at most `most`, and an answer given alone only alone.
    pub fn accepts(&self, mask: u16) -> bool {
        let count = mask.count_ones();
        let known = self.options.len() >= 16 || mask >> self.options.len() == 0;
        let alone_ok = count == 1
            || self
                .options
                .iter()
                .enumerate()
                .all(|(i, o)| !o.alone || mask & (1 << i) == 0);
        count >= 1 && count <= u32::from(self.most) && known && alone_ok
    }
}

/// The whole model: a version, the dimensions and the questions.
#[derive(Debug)]
pub struct Bank {
    pub version: u32,
    pub dimensions: &'static [Dimension],
    pub questions: &'static [Question],
}

mod generated {
    use super::{Advice, Band, Choice, Dimension, Fit, Part, People, Question, Share, Shift};
    include!(concat!(env!("OUT_DIR"), "/bank.rs"));
}

/// The bank compiled into this build of Stagefit.
pub static BANK: Bank = Bank {
    version: generated::BANK_VERSION,
    dimensions: generated::DIMENSIONS,
    questions: generated::QUESTIONS,
};

/// The bank's words in one language. The bank itself holds ids and numbers; every sentence a
/// person reads (questions, "why we ask", answers, notes, names, advice, draft goals, level
/// names) is in the app's locale files, `locales/<language>/bank.json`, at the key that
/// `keys` derives from the ids. The app gives them from its translations; tests and the bench
/// read the English file with `JsonBankText`.
pub trait BankText {
    /// The text at `key` (a path in bank.json, such as `questions.company.engineers.prompt`)
    /// in the language in use; empty when there is none.
    fn text(&self, key: &str) -> String;

    /// The label before the "why we ask" sentence.
    fn why_label(&self) -> String {
        self.text(keys::WHY_LABEL)
    }
    /// The "Don't know" option the app adds last to every question.
    fn dont_know(&self) -> String {
        self.text(keys::DONT_KNOW)
    }
    /// The heading a person sees for a part of the questionnaire.
    fn part_title(&self, part: Part) -> String {
        self.text(&keys::part(part))
    }
    /// The name of a level, 0 to 4, for chart axes.
    fn level(&self, level: usize) -> String {
        self.text(&keys::level(level))
    }
    /// A dimension's name short enough for a chart label.
    fn dimension_short(&self, d: &Dimension) -> String {
        self.text(&keys::dimension(d, "short"))
    }
    fn dimension_name(&self, d: &Dimension) -> String {
        self.text(&keys::dimension(d, "name"))
    }
    fn dimension_summary(&self, d: &Dimension) -> String {
        self.text(&keys::dimension(d, "summary"))
    }
    /// The question itself (the fieldset's legend).
    fn question(&self, q: &Question) -> String {
        self.text(&keys::question(q, "prompt"))
    }
    /// A sentence on why the question matters.
    fn why(&self, q: &Question) -> String {
        self.text(&keys::question(q, "why"))
    }
    /// The label of one of the question's options (not "Don't know").
    fn option(&self, q: &Question, option: usize) -> String {
        self.text(&keys::option(q, option))
    }
    /// What a strategy answer means for the platform; empty for an option without a note.
    fn note(&self, q: &Question, option: usize) -> String {
        match q.options.get(option) {
            Some(choice) if choice.note => self.text(&keys::note(q, option)),
            _ => String::new(),
        }
    }
    /// A dimension's advice of one kind, for a stage and the level its answers give (`None`
    /// when they give none): see `keys::advice`.
    fn advice(&self, d: &Dimension, kind: AdviceKind, stage: Stage, level: Option<u8>) -> String {
        self.text(&keys::advice(d, kind, stage, level))
    }
    /// The objective of one of a dimension's draft goals.
    fn objective(&self, d: &Dimension, goal: Goal) -> String {
        self.text(&keys::objective(d, goal))
    }
    /// The key results of one of a dimension's draft goals, in order.
    fn key_results(&self, d: &Dimension, goal: Goal) -> Vec<String> {
        keys::key_results(d, goal)
            .iter()
            .map(|key| self.text(key))
            .collect()
    }
}

/// Where each of the bank's words is found in `bank.json`: a path of ids, the one place that
/// says so. The app's generated lookup and the tests that check the locale files use these.
pub mod keys {
    use super::{AdviceKind, Bank, Dimension, Goal, Part, Question, Stage};

    pub const WHY_LABEL: &str = "why_label";
    /// The finding for re-platforming working services under cost pressure: its advice, and
    /// its draft goal with two key results (issue 29).
    pub const REPLATFORM_ADVICE: &str = "findings.replatform.advice";
    /// A share of the engineers as a range ("between {low} % and {high} %"), as one figure
    /// when both ends are the same, and when it is not known.
    pub const SHARE_BETWEEN: &str = "share.between";
    pub const SHARE_ABOUT: &str = "share.about";
    pub const SHARE_UNKNOWN: &str = "share.unknown";
    const REPLATFORM_GOAL: &str = "findings.replatform.goal";
    const REPLATFORM_KEY_RESULTS: u8 = 2;
    pub const DONT_KNOW: &str = "dont_know";

    pub fn part(part: Part) -> String {
        format!("parts.{}", part.id())
    }

    pub fn level(level: usize) -> String {
        format!("levels.level{level}")
    }

    /// A dimension's `short`, `name` or `summary`.
    pub fn dimension(d: &Dimension, field: &str) -> String {
        format!("dimensions.{}.{field}", d.id)
    }

    /// A question's `prompt` or `why`. Question ids hold their part (`company.engineers`), so
    /// the questions of a part sit together in the file.
    pub fn question(q: &Question, field: &str) -> String {
        format!("questions.{}.{field}", q.id)
    }

    pub fn option(q: &Question, option: usize) -> String {
        format!("questions.{}.option{option}", q.id)
    }

    pub fn note(q: &Question, option: usize) -> String {
        format!("questions.{}.note{option}", q.id)
    }

    /// The advice of one kind for a stage and an answered level (issue 29): the level's own
    /// text where the bank lists that level (`ahead_level3`), else the stage's own text where
    /// it lists that stage (`ahead_growth`), else the dimension's default (`ahead`). What was
    /// answered comes first, since a text may only name what the answers say exists.
    pub fn advice(d: &Dimension, kind: AdviceKind, stage: Stage, level: Option<u8>) -> String {
        let (name, by_stage, by_level) = match kind {
            AdviceKind::Ahead => ("ahead", d.advice.ahead_by_stage, d.advice.ahead_by_level),
            AdviceKind::Behind => ("behind", d.advice.behind_by_stage, d.advice.behind_by_level),
            AdviceKind::Prepare => return dimension(d, "prepare"),
            AdviceKind::Replatform => return REPLATFORM_ADVICE.to_string(),
        };
        match level {
            Some(level) if by_level.get(usize::from(level)) == Some(&true) => {
                dimension(d, &format!("{name}_level{level}"))
            }
            _ if by_stage[stage.index()] => dimension(d, &format!("{name}_{}", stage.id())),
            _ => dimension(d, name),
        }
    }

    fn goal(d: &Dimension, goal: Goal) -> String {
        match goal {
            Goal::Ahead => dimension(d, "goal_ahead"),
            Goal::Behind => dimension(d, "goal_behind"),
            Goal::Replatform => REPLATFORM_GOAL.to_string(),
        }
    }

    pub fn objective(d: &Dimension, g: Goal) -> String {
        format!("{}.objective", goal(d, g))
    }

    pub fn key_results(d: &Dimension, g: Goal) -> Vec<String> {
        let n = match g {
            Goal::Ahead => d.advice.key_results_ahead,
            Goal::Behind => d.advice.key_results_behind,
            Goal::Replatform => REPLATFORM_KEY_RESULTS,
        };
        (1..=n)
            .map(|i| format!("{}.result{i}", goal(d, g)))
            .collect()
    }

    /// Every key the bank needs a text for, each once: a locale file holds exactly these.
    pub fn all(bank: &Bank) -> Vec<String> {
        let mut all: Vec<String> = vec![WHY_LABEL.to_string(), DONT_KNOW.to_string()];
        all.extend([Part::Company, Part::Strategy, Part::Platform].map(part));
        all.extend((0..5).map(level));
        all.push(REPLATFORM_ADVICE.to_string());
        all.extend([SHARE_BETWEEN, SHARE_ABOUT, SHARE_UNKNOWN].map(String::from));
        if let Some(d) = bank.dimensions.first() {
            all.push(objective(d, Goal::Replatform));
            all.extend(key_results(d, Goal::Replatform));
        }
        for d in bank.dimensions {
            for field in ["short", "name", "summary"] {
                all.push(dimension(d, field));
            }
            for kind in [AdviceKind::Ahead, AdviceKind::Behind, AdviceKind::Prepare] {
                for stage in Stage::ALL {
                    for level in std::iter::once(None).chain((0..=4).map(Some)) {
                        let key = advice(d, kind, stage, level);
                        if !all.contains(&key) {
                            all.push(key);
                        }
                    }
                }
            }
            for g in [Goal::Ahead, Goal::Behind] {
                all.push(objective(d, g));
                all.extend(key_results(d, g));
            }
        }
        for q in bank.questions {
            all.push(question(q, "prompt"));
            all.push(question(q, "why"));
            for (i, choice) in q.options.iter().enumerate() {
                all.push(option(q, i));
                if choice.note {
                    all.push(note(q, i));
                }
            }
        }
        all
    }
}

/// The bank's words read from a locale file's JSON, for the bench and the native tests (the app
/// gives its translations instead).
pub struct JsonBankText(serde_json::Value);

impl JsonBankText {
    /// Reads a `bank.json`; `None` when it is not JSON.
    pub fn parse(json: &str) -> Option<JsonBankText> {
        serde_json::from_str(json).ok().map(JsonBankText)
    }

    /// The English words, as built into this crate (`locales/en/bank.json`).
    pub fn english() -> JsonBankText {
        JsonBankText::parse(include_str!("../../locales/en/bank.json"))
            .expect("locales/en/bank.json is JSON")
    }

    /// Every key with a text, as dotted paths (for the tests that compare locale files).
    pub fn keys(&self) -> Vec<String> {
        fn walk(value: &serde_json::Value, prefix: &str, out: &mut Vec<String>) {
            match value {
                serde_json::Value::Object(map) => {
                    for (name, inner) in map {
                        let path = if prefix.is_empty() {
                            name.clone()
                        } else {
                            format!("{prefix}.{name}")
                        };
                        walk(inner, &path, out);
                    }
                }
                _ => out.push(prefix.to_string()),
            }
        }
        let mut out = Vec::new();
        walk(&self.0, "", &mut out);
        out
    }
}

impl BankText for JsonBankText {
    fn text(&self, key: &str) -> String {
        key.split('.')
            .try_fold(&self.0, |value, name| value.get(name))
            .and_then(|value| value.as_str())
            .unwrap_or_default()
            .to_string()
    }
}

/// How fast people read running text, in words a minute (adults reading non-fiction silently
/// average about 238: Brysbaert, 2019).
const WORDS_PER_MINUTE: f32 = 238.0;
/// The time to weigh the options and choose one, per question, in seconds.
const SECONDS_TO_CHOOSE: f32 = 5.0;

/// The words a respondent reads in the questionnaire, in the language `text` gives: every
/// legend, option label and "why we ask" sentence, with the app's own "Why we ask:" and "Don't
/// know" on each question.
pub fn reading_words(bank: &Bank, text: &dyn BankText) -> usize {
    let app = words(&text.why_label()) + words(&text.dont_know());
    bank.questions
        .iter()
        .map(|q| {
            words(&text.question(q))
                + words(&text.why(q))
                + (0..q.options.len())
                    .map(|o| words(&text.option(q, o)))
                    .sum::<usize>()
                + app
        })
        .sum()
}

/// About how many minutes the questionnaire takes: reading its words (in the language `text`
/// gives) and choosing an answer to each question, rounded to the nearest minute (at least one).
pub fn minutes(bank: &Bank, text: &dyn BankText) -> u32 {
    minutes_for(reading_words(bank, text), bank.questions.len())
}

/// The words in a text: what whitespace separates, leaving out marks that stand alone (French
/// sets `?`, `:` and `;` apart with a no-break space, which is whitespace too).
pub fn words(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

fn minutes_for(words: usize, questions: usize) -> u32 {
    let minutes = words as f32 / WORDS_PER_MINUTE + questions as f32 * SECONDS_TO_CHOOSE / 60.0;
    (minutes.round() as u32).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    /// Every locale's bank file, by language: every folder in `locales/`, read when the tests
    /// run, so a language added there is checked without being listed here.
    fn locales() -> Vec<(String, JsonBankText)> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../locales");
        let mut languages: Vec<String> = std::fs::read_dir(&root)
            .unwrap_or_else(|e| panic!("{}: {e}", root.display()))
            .filter_map(|entry| entry.ok())
            .filter(|entry| entry.path().is_dir())
            .filter_map(|entry| entry.file_name().into_string().ok())
            .collect();
        languages.sort();
        assert!(
            languages.len() >= 3 && languages.iter().any(|lang| lang == "en"),
            "{languages:?}"
        );
        languages
            .into_iter()
            .map(|lang| {
                let path = root.join(&lang).join("bank.json");
                let json = std::fs::read_to_string(&path)
                    .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                let text = JsonBankText::parse(&json)
                    .unwrap_or_else(|| panic!("locales/{lang}/bank.json is not JSON"));
                (lang, text)
            })
            .collect()
    }

    #[test]
    fn every_locale_has_a_text_for_every_id_of_the_bank_and_nothing_else() {
        // The bank holds ids; a question, option, note, dimension, stage's advice or key result
        // without its words in any language fails here, and so do words no id reads any more.
        let needed = keys::all(&BANK);
        let unique: HashSet<&String> = needed.iter().collect();
        assert_eq!(unique.len(), needed.len(), "a key is derived twice");
        for (lang, text) in locales() {
            let have: HashSet<String> = text.keys().into_iter().collect();
            for key in &needed {
                assert!(have.contains(key), "locales/{lang}/bank.json has no {key}");
                assert!(
                    !text.text(key).trim().is_empty(),
                    "locales/{lang}/bank.json: {key} is empty"
                );
                // The bank's texts interpolate nothing but a share's ends and the share in a key
                // result; a stray placeholder would show as is.
                let t = text.text(key);
                assert!(!t.contains("{{"), "{lang}: {key}");
                let rest = t
                    .replace("{low}", "")
                    .replace("{high}", "")
                    .replace("{share}", "");
                assert!(
                    !rest.contains('{'),
                    "{lang}: {key}: a placeholder nothing fills"
                );
            }
            for key in &have {
                assert!(
                    unique.contains(key),
                    "locales/{lang}/bank.json: {key} is read by no id of the bank"
                );
            }
        }
    }

    #[test]
    fn issue_29_advice_is_the_answered_level_s_text_then_the_stage_s_then_the_default() {
        // A dimension whose ahead advice has its own text at growth and at levels 3 and 4,
        // and whose behind advice has one at level 1 only.
        let band = Band { low: 0, high: 4 };
        let d = Dimension {
            id: "x",
            bands: [band; 3],
            weights: [1; 3],
            advice: Advice {
                ahead_by_stage: [false, true, false],
                behind_by_stage: [false; 3],
                ahead_by_level: [false, false, false, true, true],
                behind_by_level: [false, true, false, false, false],
                key_results_ahead: 2,
                key_results_behind: 2,
            },
        };
        let check = |kind, stage, level, expected: &str| {
            assert_eq!(
                keys::advice(&d, kind, stage, level),
                format!("dimensions.x.{expected}"),
                "{kind:?} {stage:?} {level:?}"
            );
        };
        check(AdviceKind::Ahead, Stage::Early, None, "ahead");
        check(AdviceKind::Ahead, Stage::Growth, None, "ahead_growth");
        check(AdviceKind::Ahead, Stage::Early, Some(2), "ahead");
        check(AdviceKind::Ahead, Stage::Growth, Some(2), "ahead_growth");
        check(AdviceKind::Ahead, Stage::Early, Some(3), "ahead_level3");
        check(AdviceKind::Ahead, Stage::Growth, Some(4), "ahead_level4");
        check(AdviceKind::Ahead, Stage::Mature, Some(4), "ahead_level4");
        check(AdviceKind::Behind, Stage::Growth, Some(1), "behind_level1");
        check(AdviceKind::Behind, Stage::Growth, Some(3), "behind");
        check(AdviceKind::Behind, Stage::Mature, None, "behind");
        check(AdviceKind::Prepare, Stage::Growth, Some(3), "prepare");
        // A level past the scale has no text of its own.
        check(AdviceKind::Ahead, Stage::Early, Some(9), "ahead");
    }

    #[test]
    fn french_bank_texts_set_marks_apart_with_a_narrow_no_break_space() {
        // French puts a narrow no-break space (U+202F) before ; : ? ! and », after «; a plain
        // space would let the mark wrap onto a line of its own.
        let text = JsonBankText::parse(include_str!("../../locales/fr/bank.json")).unwrap();
        for key in text.keys() {
            let t = text.text(&key);
            let chars: Vec<char> = t.chars().collect();
            for (i, &c) in chars.iter().enumerate() {
                if matches!(c, ';' | ':' | '?' | '!' | '»') {
                    assert_eq!(
                        i.checked_sub(1).map(|b| chars[b]),
                        Some('\u{202f}'),
                        "{key}: {t}"
                    );
                }
                if c == '«' {
                    assert_eq!(chars.get(i + 1), Some(&'\u{202f}'), "{key}: {t}");
                }
            }
        }
    }

    #[test]
    fn a_missing_text_is_found() {
        // The check above on a bank file with one option's words left out.
        let text = JsonBankText::english();
        let mut json: serde_json::Value =
            serde_json::from_str(include_str!("../../locales/en/bank.json")).unwrap();
        json["questions"]["company"]["engineers"]
            .as_object_mut()
            .unwrap()
            .remove("option2");
        let cut = JsonBankText(json);
        let have: HashSet<String> = cut.keys().into_iter().collect();
        let missing: Vec<String> = keys::all(&BANK)
            .into_iter()
            .filter(|k| !have.contains(k))
            .collect();
        assert_eq!(missing, ["questions.company.engineers.option2"]);
        assert_eq!(
            text.option(&BANK.questions[0], 2),
            "60 to 249",
            "the English file gives the words by id"
        );
        assert_eq!(cut.option(&BANK.questions[0], 2), "");
    }

    #[test]
    fn question_ids_are_unique_and_prefixed_by_their_part() {
        let mut seen = HashSet::new();
        for q in BANK.questions {
            assert!(seen.insert(q.id), "duplicate question id {}", q.id);
            assert!(
                q.id.starts_with(&format!("{}.", q.part.id())),
                "{} should start with its part",
                q.id
            );
        }
    }

    #[test]
    fn chart_labels_are_short() {
        for (lang, text) in locales() {
            for d in BANK.dimensions {
                let short = text.dimension_short(d);
                assert!(
                    short.chars().count() <= 14,
                    "{lang}: {}: short name {short:?} too long for the chart",
                    d.id
                );
            }
        }
    }

    #[test]
    fn dimension_ids_are_unique() {
        let mut seen = HashSet::new();
        for d in BANK.dimensions {
            assert!(seen.insert(d.id), "duplicate dimension id {}", d.id);
        }
    }

    #[test]
    fn every_question_has_help_text_and_at_least_two_options() {
        for (lang, text) in locales() {
            let dont_know = text.dont_know().to_lowercase();
            for q in BANK.questions {
                assert!(
                    !text.question(q).trim().is_empty(),
                    "{} has no prompt",
                    q.id
                );
                assert!(
                    text.why(q).trim().len() > 20,
                    "{lang}: {} needs a real 'why we ask'",
                    q.id
                );
                assert!(q.options.len() >= 2, "{} needs at least two options", q.id);
                for o in 0..q.options.len() {
                    let label = text.option(q, o);
                    assert!(!label.trim().is_empty(), "{} has an empty option", q.id);
                    assert!(
                        label.to_lowercase() != dont_know,
                        "{lang}: {}: the app adds Don't know itself",
                        q.id
                    );
                }
            }
        }
    }

    #[test]
    fn options_are_ordered_as_the_page_contract_says() {
        // Company options run from early to mature, platform options from least to most
        // invested; a decreasing value would mean the order on screen lies. Neutral answers
        // point nowhere: they come last in company questions and first in platform ones.
        for q in BANK.questions.iter().filter(|q| q.part != Part::Strategy) {
            let neutral: Vec<bool> = q.options.iter().map(|o| o.neutral).collect();
            let mut sorted = neutral.clone();
            match q.part {
                Part::Company => sorted.sort(),
                _ => sorted.sort_by(|a, b| b.cmp(a)),
            }
            assert_eq!(neutral, sorted, "{}: neutral answers out of place", q.id);
            let values: Vec<u8> = q
                .options
                .iter()
                .filter(|o| !o.neutral)
                .map(|o| o.value)
                .collect();
            assert!(
                values.windows(2).all(|w| w[0] <= w[1]),
                "{} options are out of order: {values:?}",
                q.id
            );
            assert!(
                values.first() < values.last(),
                "{} options do not span a range: {values:?}",
                q.id
            );
        }
    }

    #[test]
    fn platform_questions_measure_a_dimension_and_others_do_not() {
        // A platform question measures one dimension, or every answer that is not neutral says
        // which dimensions it counts towards; no other question touches a dimension.
        for q in BANK.questions {
            let counted = q.options.iter().all(|o| o.neutral || !o.counts.is_empty());
            let counts_somewhere = q.options.iter().any(|o| !o.counts.is_empty());
            match (q.part, q.dimension) {
                (Part::Platform, Some(_)) => assert!(!counts_somewhere, "{}", q.id),
                (Part::Platform, None) => assert!(counted && counts_somewhere, "{}", q.id),
                _ => assert!(q.dimension.is_none() && !counts_somewhere, "{}", q.id),
            }
        }
    }

    #[test]
    fn ranges_of_people_never_overlap_and_shares_read_the_head_count() {
        // Issue 13: "60 to 250" and "250 to 1,000" both held 250. Every range is "A to B",
        // "fewer than A", "A or more" or "more than A", and each starts after the last ends.
        let text = JsonBankText::english();
        let numbers = |label: &str| -> Vec<u32> {
            label
                .split(|c: char| !c.is_ascii_digit() && c != ',')
                .filter_map(|w| w.replace(',', "").parse().ok())
                .collect()
        };
        for id in ["company.engineers", "company.teams", "platform.team_people"] {
            let q = BANK.questions.iter().find(|q| q.id == id).expect(id);
            let mut last_end = None;
            for o in 0..q.options.len() {
                let label = text.option(q, o);
                let n = numbers(&label);
                let (start, end) = match n.as_slice() {
                    [] => continue,
                    [a] if label.starts_with("Fewer") => (0, a - 1),
                    [a] if label.starts_with("More than") => (a + 1, u32::MAX),
                    [a] if label.contains("or more") => (*a, u32::MAX),
                    [a] => (*a, *a),
                    [a, b] => (*a, *b),
                    _ => panic!("{id}: {label:?}"),
                };
                if let Some(last) = last_end {
                    assert_eq!(start, last + 1, "{id}: {label:?} overlaps or leaves a hole");
                }
                last_end = Some(end);
            }
        }
        for q in BANK.questions {
            if let Some(share) = q.share_of {
                let whole = &BANK.questions[share.question];
                assert!(
                    whole
                        .options
                        .iter()
                        .all(|o| o.people.is_some_and(|p| p.low > 0.0)),
                    "{}",
                    q.id
                );
            }
        }
    }

    #[test]
    fn answers_that_fit_no_stage_are_not_at_the_ends_of_the_scale() {
        // An answer that fits no stage counts one level outside the band; that is only
        // possible if no band spans the whole scale.
        for q in BANK.questions {
            if q.options.iter().any(|o| o.fit == Fit::Never) {
                let d = &BANK.dimensions[q.dimension.expect("a measured dimension")];
                for band in d.bands {
                    assert!(band.low > 0 || band.high < 4, "{}", d.id);
                }
            }
        }
    }

    #[test]
    fn every_dimension_has_a_question_and_a_band_in_every_stage() {
        for (index, d) in BANK.dimensions.iter().enumerate() {
            assert!(
                BANK.questions.iter().any(|q| q.dimension == Some(index)),
                "{} has no question",
                d.id
            );
            for band in d.bands {
                assert!(
                    band.low <= band.high && band.high <= 4,
                    "{} has a bad band",
                    d.id
                );
            }
        }
    }

    #[test]
    fn the_bank_covers_company_strategy_and_platform_broadly() {
        let count = |part| BANK.questions.iter().filter(|q| q.part == part).count();
        // Seven since version 2: the number of platform teams left the company questions, since
        // a stage read from the platform itself would hide a platform built ahead of it.
        assert!(count(Part::Company) >= 7, "at least 7 company questions");
        assert!(
            count(Part::Strategy) >= 2,
            "the goal and whether it changed"
        );
        assert!(
            count(Part::Platform) >= 15,
            "at least 15 platform questions"
        );
        assert!(BANK.dimensions.len() >= 10, "at least 10 dimensions");
    }

    #[test]
    fn every_dimension_has_advice_in_every_direction_and_outcome_goals() {
        for (lang, text) in locales() {
            for d in BANK.dimensions {
                let mut texts: Vec<String> = Vec::new();
                for stage in Stage::ALL {
                    for kind in [AdviceKind::Ahead, AdviceKind::Behind, AdviceKind::Prepare] {
                        for level in std::iter::once(None).chain((0..=4).map(Some)) {
                            texts.push(text.advice(d, kind, stage, level));
                        }
                    }
                }
                texts.push(text.objective(d, Goal::Ahead));
                texts.push(text.objective(d, Goal::Behind));
                for t in texts {
                    assert!(t.len() > 20, "{lang}: {}: advice too short: {t:?}", d.id);
                }
                for goal in [Goal::Ahead, Goal::Behind] {
                    let results = text.key_results(d, goal);
                    assert!((2..=3).contains(&results.len()), "{}", d.id);
                    if lang != "en" {
                        continue;
                    }
                    for kr in results {
                        // An outcome says where a measure goes, not what gets shipped.
                        let measurable =
                            kr.contains(" to ") || kr.contains('%') || kr.contains("under");
                        assert!(measurable, "{}: key result is not an outcome: {kr:?}", d.id);
                        for output_word in ["Ship ", "Build ", "Launch ", "Complete ", "Implement "]
                        {
                            assert!(
                                !kr.starts_with(output_word),
                                "{}: key result is an output: {kr:?}",
                                d.id
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn only_strategy_answers_shift_dimensions_and_they_carry_a_note() {
        for q in BANK.questions {
            for choice in q.options {
                if q.part != Part::Strategy {
                    assert!(choice.shifts.is_empty() && !choice.note, "{}", q.id);
                }
                if !choice.shifts.is_empty() {
                    assert!(choice.note, "{}: a shift needs a note saying why", q.id);
                }
                for shift in choice.shifts {
                    assert!(shift.dimension < BANK.dimensions.len());
                    // Weight may rise by up to 3, so a goal can make one area the most
                    // important (moving upmarket and security); bands move one level at most.
                    assert!(
                        (-3..=3).contains(&shift.weight) && (-1..=1).contains(&shift.band),
                        "{}",
                        q.id
                    );
                }
            }
        }
    }

    #[test]
    fn issue_13_a_respondent_reads_at_most_1800_words_in_every_language() {
        // A busy CTO answers in one read: legends, options and "why we ask" together. The
        // ceiling holds in every language a respondent may read, not only in English, where
        // the copy is written (issue 29: French had drifted to about 2,080 words while English
        // stayed under). A translation says the same in the words its language needs, and may
        // not add to it: at most a quarter more words than the English.
        const CEILING: usize = 1800;
        let english = reading_words(&BANK, &JsonBankText::english());
        for (lang, text) in locales() {
            let words = reading_words(&BANK, &text);
            assert!(
                words <= CEILING,
                "{lang}: {words} words to read, more than {CEILING}"
            );
            assert!(
                words * 4 <= english * 5,
                "{lang}: {words} words to read, against {english} in English"
            );
        }
    }

    #[test]
    fn a_mark_on_its_own_is_not_a_word() {
        assert_eq!(words("Pourquoi cette question\u{a0}:"), 3);
        assert_eq!(words("Demand is proven; we race to keep up"), 8);
        assert_eq!(words("1\u{202f}000 ou plus \u{2014} ?"), 4);
    }

    #[test]
    fn the_time_estimate_follows_the_words_and_the_questions() {
        fn check(words: usize, questions: usize, expected: u32) {
            assert_eq!(
                minutes_for(words, questions),
                expected,
                "{words} words, {questions} questions"
            );
        }
        check(0, 0, 1);
        check(238, 0, 1);
        check(2380, 0, 10);
        check(0, 12, 1);
        check(1622, 27, 9);
        check(2066, 27, 11);
        let text = JsonBankText::english();
        assert_eq!(
            minutes(&BANK, &text),
            minutes_for(reading_words(&BANK, &text), BANK.questions.len())
        );
    }
}
