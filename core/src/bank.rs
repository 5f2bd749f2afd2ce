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
    /// When the platform is ahead of the stage: what to stop or defer.
    pub ahead: &'static str,
    /// When it is behind: what to invest in.
    pub behind: &'static str,
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
    /// For platform questions, the index of the dimension it measures.
    pub dimension: Option<usize>,
    pub options: &'static [Choice],
}

/// The whole model: a version, the dimensions and the questions.
#[derive(Debug)]
pub struct Bank {
    pub version: u32,
    pub dimensions: &'static [Dimension],
    pub questions: &'static [Question],
}

mod generated {
    use super::{Advice, Band, Choice, Dimension, Okr, Part, Question, Shift};
    include!(concat!(env!("OUT_DIR"), "/bank.rs"));
}

/// The bank compiled into this build of Stagefit.
pub static BANK: Bank = Bank {
    version: generated::BANK_VERSION,
    dimensions: generated::DIMENSIONS,
    questions: generated::QUESTIONS,
};

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
        // invested; a decreasing value would mean the order on screen lies.
        for q in BANK.questions.iter().filter(|q| q.part != Part::Strategy) {
            let values: Vec<u8> = q.options.iter().map(|o| o.value).collect();
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
        for q in BANK.questions {
            assert_eq!(q.part == Part::Platform, q.dimension.is_some(), "{}", q.id);
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
        assert!(count(Part::Company) >= 8, "at least 8 company questions");
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
            for text in [
                a.ahead,
                a.behind,
                a.prepare,
                a.okr_ahead.objective,
                a.okr_behind.objective,
            ] {
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
                    assert!(
                        (-1..=1).contains(&shift.weight) && (-1..=1).contains(&shift.band),
                        "{}",
                        q.id
                    );
                }
            }
        }
    }
}
