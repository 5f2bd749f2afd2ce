//! The question bank: investment dimensions with their expected band per stage, and the
//! questions that measure the company's stage and the platform's investment.
//!
//! The content lives in `bank.toml`, compiled into the statics below by `build.rs`. This module
//! only describes the shapes and checks the content; it holds no questions of its own.

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

    /// The heading a person sees for this part.
    pub fn title(self) -> &'static str {
        match self {
            Part::Company => "Your company",
            Part::Strategy => "Your strategy",
            Part::Platform => "Your platform",
        }
    }
}

/// The range of investment levels (0 to 4) that fits a stage, both ends included.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Band {
    pub low: u8,
    pub high: u8,
}

/// One area a platform invests in, such as the delivery pipeline or observability.
#[derive(Debug)]
pub struct Dimension {
    /// Stable identifier, used in `data-dimension`, saved results and links.
    pub id: &'static str,
    /// A name short enough for a chart label.
    pub short: &'static str,
    pub name: &'static str,
    pub summary: &'static str,
    /// Expected band for early, growth and mature companies, in that order.
    pub bands: [Band; 3],
    /// How much the dimension counts at each stage (1 to 3), in the same order.
    pub weights: [u8; 3],
    pub advice: Advice,
}

/// What to do about a dimension, in each direction, and draft goals for it.
#[derive(Debug)]
pub struct Advice {
    /// When the platform is ahead of the stage: what to stop or defer, per stage (early,
    /// growth, mature), since what to keep depends on the stage.
    pub ahead: [&'static str; 3],
    /// When it is behind: what to invest in, per stage.
    pub behind: [&'static str; 3],
    /// When the company is about to move into the next stage: what to get ready.
    pub prepare: &'static str,
    pub okr_ahead: Okr,
    pub okr_behind: Okr,
}

/// A draft outcome-focused goal: an objective and key results that describe the state of the
/// world after success ("from X to Y"), never a list of things to ship.
#[derive(Debug)]
pub struct Okr {
    pub objective: &'static str,
    pub results: &'static [&'static str],
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

/// One answer a question offers, besides "Don't know".
#[derive(Debug)]
pub struct Choice {
    pub label: &'static str,
    /// For company questions, where the answer points on the stage scale (0 early, 2 growth,
    /// 4 mature); for platform questions, the investment level it shows (0 to 4); unused for
    /// strategy questions.
    pub value: u8,
    /// For strategy answers: what this answer means for the platform (may be empty).
    pub note: &'static str,
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
    /// For ranges of people: a representative count ("60 to 249" is about 120), or 0.
    pub people: f32,
}

/// One question, with its options in the contract's order.
#[derive(Debug)]
pub struct Question {
    /// Stable identifier; never changes meaning once released.
    pub id: &'static str,
    pub part: Part,
    pub prompt: &'static str,
    /// A sentence on why the question matters, shown beside it.
    pub why: &'static str,
    /// For platform questions, the index of the dimension it measures; `None` for one whose
    /// answers each say which dimensions they count towards.
    pub dimension: Option<usize>,
    /// For a count of people scored as a share of another count.
    pub share_of: Option<Share>,
    pub options: &'static [Choice],
}

/// The whole model: a version, the dimensions and the questions.
#[derive(Debug)]
pub struct Bank {
    pub version: u32,
    /// The names of levels 0 to 4, least to most invested, for chart axes.
    pub levels: [&'static str; 5],
    pub dimensions: &'static [Dimension],
    pub questions: &'static [Question],
}

mod generated {
    use super::{Advice, Band, Choice, Dimension, Fit, Okr, Part, Question, Share, Shift};
    include!(concat!(env!("OUT_DIR"), "/bank.rs"));
}

/// The bank compiled into this build of Stagefit.
pub static BANK: Bank = Bank {
    version: generated::BANK_VERSION,
    levels: generated::LEVELS,
    dimensions: generated::DIMENSIONS,
    questions: generated::QUESTIONS,
};

/// The words the app shows on every question besides the bank's own: the label before the
/// "why we ask" sentence, and the "Don't know" option it adds last.
pub const WHY_LABEL: &str = "Why we ask:";
pub const DONT_KNOW: &str = "Don't know";

/// How fast people read running text, in words a minute (adults reading non-fiction silently
/// average about 238: Brysbaert, 2019).
const WORDS_PER_MINUTE: f32 = 238.0;
/// The time to weigh the options and choose one, per question, in seconds.
const SECONDS_TO_CHOOSE: f32 = 5.0;

/// The words a respondent reads in the questionnaire: every legend, option label and "why we
/// ask" sentence, with the app's own "Why we ask:" and "Don't know" on each question.
pub fn reading_words(bank: &Bank) -> usize {
    let words = |text: &str| text.split_whitespace().count();
    bank.questions
        .iter()
        .map(|q| {
            words(q.prompt)
                + words(WHY_LABEL)
                + words(q.why)
                + q.options.iter().map(|o| words(o.label)).sum::<usize>()
                + words(DONT_KNOW)
        })
        .sum()
}

/// About how many minutes the questionnaire takes: reading its words and choosing an answer to
/// each question, rounded to the nearest minute (at least one).
pub fn minutes(bank: &Bank) -> u32 {
    minutes_for(reading_words(bank), bank.questions.len())
}

fn minutes_for(words: usize, questions: usize) -> u32 {
    let minutes = words as f32 / WORDS_PER_MINUTE + questions as f32 * SECONDS_TO_CHOOSE / 60.0;
    (minutes.round() as u32).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

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
        for d in BANK.dimensions {
            assert!(
                d.short.chars().count() <= 14,
                "{}: short name too long for the chart",
                d.id
            );
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
        for q in BANK.questions {
            assert!(!q.prompt.trim().is_empty(), "{} has no prompt", q.id);
            assert!(
                q.why.trim().len() > 20,
                "{} needs a real 'why we ask'",
                q.id
            );
            assert!(q.options.len() >= 2, "{} needs at least two options", q.id);
            for o in q.options {
                assert!(!o.label.trim().is_empty(), "{} has an empty option", q.id);
                assert!(
                    !o.label.eq_ignore_ascii_case("don't know"),
                    "{}: the app adds Don't know itself",
                    q.id
                );
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
        let numbers = |label: &str| -> Vec<u32> {
            label
                .split(|c: char| !c.is_ascii_digit() && c != ',')
                .filter_map(|w| w.replace(',', "").parse().ok())
                .collect()
        };
        for id in ["company.engineers", "company.teams", "platform.team_people"] {
            let q = BANK.questions.iter().find(|q| q.id == id).expect(id);
            let mut last_end = None;
            for o in q.options {
                let n = numbers(o.label);
                let (start, end) = match n.as_slice() {
                    [] => continue,
                    [a] if o.label.starts_with("Fewer") => (0, a - 1),
                    [a] if o.label.starts_with("More than") => (a + 1, u32::MAX),
                    [a] if o.label.contains("or more") => (*a, u32::MAX),
                    [a] => (*a, *a),
                    [a, b] => (*a, *b),
                    _ => panic!("{id}: {:?}", o.label),
                };
                if let Some(last) = last_end {
                    assert_eq!(
                        start,
                        last + 1,
                        "{id}: {:?} overlaps or leaves a hole",
                        o.label
                    );
                }
                last_end = Some(end);
            }
        }
        for q in BANK.questions {
            if let Some(share) = q.share_of {
                let whole = &BANK.questions[share.question];
                assert!(whole.options.iter().all(|o| o.people > 0.0), "{}", q.id);
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
        for d in BANK.dimensions {
            let a = &d.advice;
            for text in a.ahead.into_iter().chain(a.behind).chain([
                a.prepare,
                a.okr_ahead.objective,
                a.okr_behind.objective,
            ]) {
                assert!(text.len() > 20, "{}: advice too short: {text:?}", d.id);
            }
            for okr in [&a.okr_ahead, &a.okr_behind] {
                assert!((2..=3).contains(&okr.results.len()), "{}", d.id);
                for kr in okr.results {
                    // An outcome says where a measure goes, not what gets shipped.
                    let measurable =
                        kr.contains(" to ") || kr.contains('%') || kr.contains("under");
                    assert!(measurable, "{}: key result is not an outcome: {kr:?}", d.id);
                    for output_word in ["Ship ", "Build ", "Launch ", "Complete ", "Implement "] {
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

    #[test]
    fn only_strategy_answers_shift_dimensions_and_they_carry_a_note() {
        for q in BANK.questions {
            for choice in q.options {
                if q.part != Part::Strategy {
                    assert!(
                        choice.shifts.is_empty() && choice.note.is_empty(),
                        "{}",
                        q.id
                    );
                }
                if !choice.shifts.is_empty() {
                    assert!(
                        !choice.note.is_empty(),
                        "{}: a shift needs a note saying why",
                        q.id
                    );
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
    fn issue_13_a_respondent_reads_at_most_1800_words() {
        // A busy CTO answers in one read: legends, options and "why we ask" together.
        let words = reading_words(&BANK);
        assert!(words <= 1800, "{words} words to read");
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
        assert_eq!(
            minutes(&BANK),
            minutes_for(reading_words(&BANK), BANK.questions.len())
        );
    }
}
