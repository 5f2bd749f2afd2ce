//! Turns answers into an assessment: the company's stage, each dimension's level against the
//! band that stage calls for, and one stage-fit score.
//!
//! The rule that sets Stagefit apart: investing beyond what the stage needs costs the score
//! just as investing too little does. More platform is not better; a platform that fits is.

use std::fmt;

use super::answers::{Answer, Answers};
use super::bank::{Band, Bank, Part, Question};

/// The three company stages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    Early,
    Growth,
    Mature,
}

impl Stage {
    /// The index used for per-stage data in the bank (bands, weights).
    pub fn index(self) -> usize {
        match self {
            Stage::Early => 0,
            Stage::Growth => 1,
            Stage::Mature => 2,
        }
    }

    /// "an early company", "a growth company", "a mature company".
    pub fn company(self) -> &'static str {
        match self {
            Stage::Early => "an early-stage company",
            Stage::Growth => "a growth-stage company",
            Stage::Mature => "a mature company",
        }
    }

    /// A short description of what the stage is about.
    pub fn motto(self) -> &'static str {
        match self {
            Stage::Early => "searching for product-market fit: move fast",
            Stage::Growth => "scaling a proven product: standardise",
            Stage::Mature => "large and established: optimise",
        }
    }

    /// The stage a position on the 0 (early) to 4 (mature) scale falls in. The scale is cut in
    /// three equal parts.
    fn at(position: f32) -> Stage {
        if position < 4.0 / 3.0 {
            Stage::Early
        } else if position < 8.0 / 3.0 {
            Stage::Growth
        } else {
            Stage::Mature
        }
    }
}

impl fmt::Display for Stage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Stage::Early => "Early",
            Stage::Growth => "Growth",
            Stage::Mature => "Mature",
        })
    }
}

/// What the company answers say about the stage.
#[derive(Clone, Debug, PartialEq)]
pub struct StageInference {
    /// The stage the rest of the assessment uses.
    pub stage: Stage,
    /// Where the answers put the company on the 0 (early) to 4 (mature) scale, or `None` when
    /// every company answer was "Don't know" (the stage is then assumed to be growth).
    pub position: Option<f32>,
    /// How many company questions had a real answer, and how many there are.
    pub n_known: usize,
    pub n_questions: usize,
}

/// Where a dimension sits relative to its band.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Finding {
    /// Ahead of the stage: more invested than the stage calls for.
    Over,
    /// Behind the stage: less invested than the stage calls for.
    Under,
    /// Within the band.
    Fit,
    /// Every answer on this dimension was "Don't know": not scored.
    Unknown,
}

impl Finding {
    /// The page contract's name, as it appears in `data-finding`.
    pub fn id(self) -> &'static str {
        match self {
            Finding::Over => "over",
            Finding::Under => "under",
            Finding::Fit => "fit",
            Finding::Unknown => "unknown",
        }
    }

    /// The word a person reads.
    pub fn label(self) -> &'static str {
        match self {
            Finding::Over => "Ahead of your stage",
            Finding::Under => "Behind your stage",
            Finding::Fit => "Fits your stage",
            Finding::Unknown => "Not enough answers",
        }
    }
}

/// One dimension's result.
#[derive(Clone, Debug, PartialEq)]
pub struct DimensionResult {
    /// Index into the bank's dimensions.
    pub dimension: usize,
    /// The mean level of the answered questions (0 to 4), or `None` if none was answered.
    pub level: Option<f32>,
    pub band: Band,
    pub weight: u8,
    /// Level minus the nearest end of the band: negative when behind, positive when ahead,
    /// zero within the band.
    pub gap: f32,
    pub finding: Finding,
}

/// Everything the results view shows, derived from the answers alone.
#[derive(Clone, Debug, PartialEq)]
pub struct Assessment {
    pub stage: StageInference,
    pub dimensions: Vec<DimensionResult>,
    /// Stage fit from 0 to 100, or `None` when no dimension could be scored.
    pub score: Option<u8>,
}

/// The value of a given answer, or `None` for unanswered, "Don't know" or an option index the
/// question does not have.
fn value(question: &Question, answer: Answer) -> Option<u8> {
    match answer {
        Answer::Chosen(index) => question.options.get(usize::from(index)).map(|o| o.value),
        Answer::Unanswered | Answer::Unknown => None,
    }
}

fn mean(values: &[u8]) -> Option<f32> {
    if values.is_empty() {
        None
    } else {
        Some(values.iter().map(|&v| f32::from(v)).sum::<f32>() / values.len() as f32)
    }
}

/// Assesses a set of answers against a bank.
pub fn assess(bank: &Bank, answers: &Answers) -> Assessment {
    let stage = infer_stage(bank, answers);
    let dimensions: Vec<DimensionResult> = (0..bank.dimensions.len())
        .map(|index| measure(bank, answers, index, stage.stage))
        .collect();
    let score = score(&dimensions);
    Assessment {
        stage,
        dimensions,
        score,
    }
}

fn infer_stage(bank: &Bank, answers: &Answers) -> StageInference {
    let company: Vec<(&Question, Answer)> = bank
        .questions
        .iter()
        .zip(answers.iter())
        .filter(|(q, _)| q.part == Part::Company)
        .collect();
    let known: Vec<u8> = company.iter().filter_map(|(q, a)| value(q, *a)).collect();
    let position = mean(&known);
    StageInference {
        stage: position.map_or(Stage::Growth, Stage::at),
        position,
        n_known: known.len(),
        n_questions: company.len(),
    }
}

fn measure(bank: &Bank, answers: &Answers, index: usize, stage: Stage) -> DimensionResult {
    let dimension = &bank.dimensions[index];
    let band = dimension.bands[stage.index()];
    let levels: Vec<u8> = bank
        .questions
        .iter()
        .zip(answers.iter())
        .filter(|(q, _)| q.dimension == Some(index))
        .filter_map(|(q, a)| value(q, a))
        .collect();
    let level = mean(&levels);
    let (gap, finding) = match level {
        None => (0.0, Finding::Unknown),
        Some(level) if level < f32::from(band.low) => (level - f32::from(band.low), Finding::Under),
        Some(level) if level > f32::from(band.high) => {
            (level - f32::from(band.high), Finding::Over)
        }
        Some(_) => (0.0, Finding::Fit),
    };
    DimensionResult {
        dimension: index,
        level,
        band,
        weight: dimension.weights[stage.index()],
        gap,
        finding,
    }
}

/// The weighted share of the largest possible gap that the actual gaps use up, turned into a
/// score: 100 when every scored dimension is within its band, 0 when every one is as far from
/// its band as the scale allows. Ahead and behind count the same.
fn score(dimensions: &[DimensionResult]) -> Option<u8> {
    let scored: Vec<&DimensionResult> = dimensions.iter().filter(|d| d.level.is_some()).collect();
    if scored.is_empty() {
        return None;
    }
    let total_weight: f32 = scored.iter().map(|d| f32::from(d.weight)).sum();
    let lost: f32 = scored
        .iter()
        .map(|d| {
            let widest = f32::from(d.band.low.max(4 - d.band.high));
            let share = if widest > 0.0 {
                (d.gap.abs() / widest).min(1.0)
            } else {
                0.0
            };
            f32::from(d.weight) * share
        })
        .sum();
    let fit = 100.0 * (1.0 - lost / total_weight);
    Some(fit.round().clamp(0.0, 100.0) as u8)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::BANK;

    /// Answers every company question with the option at `company` (clamped to the last one)
    /// and every platform question with the option at `platform`; `None` means "Don't know".
    fn answers(company: Option<usize>, platform: Option<usize>) -> Answers {
        let mut answers = Answers::new(&BANK);
        for (index, q) in BANK.questions.iter().enumerate() {
            let pick = if q.part == Part::Company {
                company
            } else {
                platform
            };
            let answer = match pick {
                None => Answer::Unknown,
                Some(i) => Answer::Chosen(i.min(q.options.len() - 1) as u8),
            };
            answers.set(index, answer);
        }
        answers
    }

    /// Asserts the stage, the score range and the count of each finding for one answer pattern.
    fn check(
        company: Option<usize>,
        platform: Option<usize>,
        stage: Stage,
        score: (u8, u8),
        findings: &str,
    ) {
        let result = assess(&BANK, &answers(company, platform));
        assert_eq!(
            result.stage.stage, stage,
            "stage for {company:?}/{platform:?}"
        );
        let actual = result.score.unwrap_or(0);
        assert!(
            (score.0..=score.1).contains(&actual),
            "score {actual} not in {score:?} for {company:?}/{platform:?}"
        );
        let count = |f| result.dimensions.iter().filter(|d| d.finding == f).count();
        let summary = format!(
            "over={} under={} fit={} unknown={}",
            count(Finding::Over),
            count(Finding::Under),
            count(Finding::Fit),
            count(Finding::Unknown)
        );
        assert_eq!(summary, findings, "findings for {company:?}/{platform:?}");
    }

    #[test]
    fn answer_patterns_give_the_expected_stage_score_and_findings() {
        // An early company with a heavily built platform is ahead everywhere it can be.
        check(
            Some(0),
            Some(4),
            Stage::Early,
            (0, 40),
            "over=6 under=0 fit=0 unknown=0",
        );
        // An early company with a light platform: behind only where even a startup needs a
        // simple pipeline and basic monitoring.
        check(
            Some(0),
            Some(0),
            Stage::Early,
            (60, 90),
            "over=0 under=2 fit=4 unknown=0",
        );
        check(
            Some(0),
            Some(1),
            Stage::Early,
            (100, 100),
            "over=0 under=0 fit=6 unknown=0",
        );
        // A mature company on an early-stage platform is behind nearly everywhere.
        check(
            Some(9),
            Some(0),
            Stage::Mature,
            (0, 30),
            "over=0 under=5 fit=1 unknown=0",
        );
        check(
            Some(9),
            Some(4),
            Stage::Mature,
            (80, 95),
            "over=1 under=0 fit=5 unknown=0",
        );
        check(
            Some(9),
            Some(3),
            Stage::Mature,
            (100, 100),
            "over=0 under=0 fit=6 unknown=0",
        );
        // A growth company with a middling platform.
        check(
            Some(2),
            Some(2),
            Stage::Growth,
            (95, 100),
            "over=0 under=0 fit=6 unknown=0",
        );
        // Nothing known: the stage is assumed, nothing is scored, nothing fails.
        check(
            None,
            None,
            Stage::Growth,
            (0, 0),
            "over=0 under=0 fit=0 unknown=6",
        );
    }

    #[test]
    fn all_unknown_gives_no_score_and_no_position() {
        let result = assess(&BANK, &answers(None, None));
        assert_eq!(result.score, None);
        assert_eq!(result.stage.position, None);
        assert_eq!(result.stage.n_known, 0);
    }

    #[test]
    fn unanswered_and_out_of_range_choices_are_left_out() {
        let mut answers = Answers::new(&BANK);
        answers.set(0, Answer::Chosen(200));
        let result = assess(&BANK, &answers);
        assert_eq!(result.stage.n_known, 0);
        assert_eq!(result.score, None);
    }

    #[test]
    fn being_ahead_costs_as_much_as_being_behind() {
        // Same distance from the band on either side gives the same score.
        let d = |gap: f32| DimensionResult {
            dimension: 0,
            level: Some(2.0 + gap),
            band: Band { low: 2, high: 2 },
            weight: 2,
            gap,
            finding: Finding::Fit,
        };
        assert_eq!(score(&[d(1.0)]), score(&[d(-1.0)]));
        assert_eq!(score(&[d(0.0)]), Some(100));
        assert_eq!(score(&[d(2.0)]), Some(0));
    }
}
