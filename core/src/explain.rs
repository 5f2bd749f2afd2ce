//! The arithmetic behind a result, as data, so every number on screen can be checked by hand:
//! how a dimension's level was averaged, which band and weight applied and why, how many score
//! points the gap cost, how sure the stage reading is, and what the score means. The app words
//! each piece in the language in use (`locales/<language>/results.json`); nothing here is a
//! sentence.

use super::bank::{BANK, Band, Fit};
use super::scoring::{
    Assessment, Confidence, DimensionResult, Finding, Priority, StageInference, Transition,
};
use super::stage::Stage;

/// One line of a dimension's worked-out arithmetic, in reading order.
#[derive(Clone, Debug, PartialEq)]
pub enum Line {
    /// No answer could be scored: "Don't know", or a count of people without the number of
    /// engineers to compare it with. The area has no level and does not count.
    NothingScorable,
    /// All `n` answers were "Don't know": no level, does not count.
    AllUnknown { n: usize },
    /// The level, from one answer.
    LevelOfOne { level: f32 },
    /// The level, as the average of these answers' levels.
    LevelAverage { levels: Vec<u8>, level: f32 },
    /// A count of people on the platform (the option `choice` of `question`) is between `low`
    /// and `high` % of the engineers (both answered as ranges), which counts as level `level`,
    /// the level in that range nearest the band.
    Share {
        question: usize,
        choice: usize,
        low: u16,
        high: u16,
        level: u8,
    },
    /// The answer fits no stage, so it counts one level outside the band.
    FitsNoStage {
        question: usize,
        choice: usize,
        level: u8,
    },
    /// The answer is never ahead of a stage, so it counts at the band's top.
    NeverAhead {
        question: usize,
        choice: usize,
        level: u8,
    },
    /// The band for the stage, or across the line `across` when the company is judged across
    /// two stages; `moved_from` when the strategy moved it.
    Band {
        stage: Stage,
        across: Option<Transition>,
        band: Band,
        moved_from: Option<Band>,
    },
    /// The area's weight of the total; `changed_from` when the strategy changed it; `charged`
    /// when its gap is charged at another weight (ahead of an early-stage company).
    Weight {
        weight: u8,
        total: u32,
        changed_from: Option<u8>,
        charged: Option<u8>,
    },
    /// Within the band: no points lost.
    NoGap,
    /// `gap` levels outside the band (`ahead` or behind), two or more: the whole `charged`
    /// weight of the `total` is lost, `points_lost` score points.
    FullGap {
        gap: f32,
        ahead: bool,
        charged: u8,
        total: u32,
        points_lost: f32,
    },
    /// `gap` levels outside the band, less than two: `gap ÷ full_gap × charged = weight_lost`
    /// of the `total` weight points, `points_lost` score points.
    PartGap {
        gap: f32,
        ahead: bool,
        full_gap: f32,
        charged: u8,
        weight_lost: f32,
        total: u32,
        points_lost: f32,
    },
    /// Near a line, where the score weighs several stages (issue 29): the lines that follow, up
    /// to the next `Weighed` or `Counted`, judge the area at `stage` alone, which counts
    /// `percent` of the score. `answers_away`: 0 for the stage in use, 1 or 2 for a stage that
    /// many neighbouring company answers away, `None` for one across a line the answers are near.
    Weighed {
        stage: Stage,
        percent: u8,
        answers_away: Option<u8>,
    },
    /// The points the area costs when the score weighs several stages: for each stage weighed,
    /// its percent of the score and the points the area costs there; `points` is their
    /// weighted sum.
    Counted { terms: Vec<(u8, f32)>, points: f32 },
}

/// The lines that explain one dimension's result, in reading order. Near a line, where the
/// score weighs several stages (issue 29), the level, then the band the findings use when it
/// spans a line, then the area judged at each stage weighed (`Line::Weighed` and that stage's
/// band, weight and gap), then the points it costs, weighed (`Line::Counted`).
pub fn dimension(result: &DimensionResult, stage: Stage, total_weight: u32) -> Vec<Line> {
    let Some(level) = result.level else {
        let counts_people = BANK
            .questions
            .iter()
            .any(|q| q.dimension == Some(result.dimension) && q.share_of.is_some());
        return vec![if counts_people {
            Line::NothingScorable
        } else {
            Line::AllUnknown {
                n: result.n_questions,
            }
        }];
    };
    let mut lines = level_lines(result, level);
    if result.by_stage.is_empty() {
        lines.extend(measure_lines(result, stage, total_weight));
        return lines;
    }
    if result.across.is_some() {
        lines.push(band_line(result, stage));
    }
    for part in &result.by_stage {
        lines.push(Line::Weighed {
            stage: part.stage,
            percent: percent(part.share),
            answers_away: part.answers_away,
        });
        // An answer that fits no stage, or a share of people, can count at another level
        // against another stage's band: then that stage's level is shown too.
        if let Some(at) = part.result.level
            && part.result.answers != result.answers
        {
            lines.extend(level_lines(&part.result, at));
        }
        lines.extend(measure_lines(&part.result, part.stage, part.total_weight));
    }
    lines.push(Line::Counted {
        terms: result
            .by_stage
            .iter()
            .map(|p| (percent(p.share), p.result.points_lost))
            .collect(),
        points: result.points_lost,
    });
    lines
}

/// A share of the score (0 to 1) in whole percent.
fn percent(share: f32) -> u8 {
    (100.0 * share).round().clamp(0.0, 100.0) as u8
}

/// How the level came about: one answer or an average, and what an answer counts as.
fn level_lines(result: &DimensionResult, level: f32) -> Vec<Line> {
    let mut lines = Vec::new();
    let levels: Vec<u8> = result.answers.iter().map(|a| a.level).collect();
    lines.push(if levels.len() == 1 {
        Line::LevelOfOne { level }
    } else {
        Line::LevelAverage { levels, level }
    });
    for a in &result.answers {
        if BANK
            .questions
            .get(a.question)
            .and_then(|q| q.options.get(a.choice))
            .is_none()
        {
            continue;
        }
        if let Some(share) = a.share {
            lines.push(Line::Share {
                question: a.question,
                choice: a.choice,
                low: share.low,
                high: share.high,
                level: a.value,
            });
        }
        match a.fit {
            Fit::Never => lines.push(Line::FitsNoStage {
                question: a.question,
                choice: a.choice,
                level: a.level,
            }),
            Fit::NotAhead if a.level < a.value => lines.push(Line::NeverAhead {
                question: a.question,
                choice: a.choice,
                level: a.level,
            }),
            Fit::NotAhead | Fit::Band => {}
        }
    }
    lines
}

fn band_line(result: &DimensionResult, stage: Stage) -> Line {
    Line::Band {
        stage,
        across: result.across,
        band: result.band,
        moved_from: (result.band != result.base_band).then_some(result.base_band),
    }
}

/// What the level is measured against (band, weight) and what its gap costs.
fn measure_lines(result: &DimensionResult, stage: Stage, total_weight: u32) -> Vec<Line> {
    let mut lines = vec![band_line(result, stage)];
    lines.push(Line::Weight {
        weight: result.weight,
        total: total_weight,
        changed_from: (result.weight != result.base_weight).then_some(result.base_weight),
        charged: (result.charged_weight != result.weight).then_some(result.charged_weight),
    });
    let ahead = result.finding == Finding::Over;
    lines.push(match result.finding {
        Finding::Fit | Finding::Unknown => Line::NoGap,
        Finding::Over | Finding::Under if result.off >= 1.0 => Line::FullGap {
            gap: result.gap.abs(),
            ahead,
            charged: result.charged_weight,
            total: total_weight,
            points_lost: result.points_lost,
        },
        Finding::Over | Finding::Under => Line::PartGap {
            gap: result.gap.abs(),
            ahead,
            full_gap: super::scoring::FULL_GAP,
            charged: result.charged_weight,
            weight_lost: result.off * f32::from(result.charged_weight),
            total: total_weight,
            points_lost: result.points_lost,
        },
    });
    lines
}

/// What the transition note says, for a company near the line between two stages. Either side
/// of the line, the findings use the bands of both stages (`scoring::judged_across`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TransitionNote {
    /// `n` areas are marked "Prepare" for the later stage (`n` ≥ 1).
    Prepare { line: Transition, n: usize },
    /// No area that fits today falls short of the later stage.
    NothingToPrepare { line: Transition },
    /// The person chose the stage: the findings use the bands of `stage` alone.
    Chosen { line: Transition, stage: Stage },
}

/// The note for a company near the line between two stages, or `None`. It promises
/// "Prepare" findings only when there are some to show.
pub fn transition(assessment: &Assessment) -> Option<TransitionNote> {
    let line = assessment.stage.transition?;
    let stage = assessment.stage.stage;
    let n = assessment
        .dimensions
        .iter()
        .filter(|d| d.prepare_for.is_some())
        .count();
    Some(if assessment.stage.chosen {
        TransitionNote::Chosen { line, stage }
    } else if n > 0 {
        TransitionNote::Prepare { line, n }
    } else {
        TransitionNote::NothingToPrepare { line }
    })
}

/// How much the known company answers agree, from how many point to the same stage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Agreement {
    /// All of them point to the same stage.
    Same,
    /// At least two thirds of them do.
    Mostly,
    /// Fewer than two thirds do.
    Different,
}

/// How sure the stage reading is, and why.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConfidenceNote {
    /// Every company answer was "Don't know": the middle stage is assumed.
    NoAnswers,
    /// `pointing` of `questions` company answers point to a stage, `agreeing` of them to the
    /// same one; the confidence follows from these counts alone
    /// (`scoring::confidence_from_counts`).
    Answers {
        confidence: Confidence,
        agreeing: usize,
        pointing: usize,
        questions: usize,
        agreement: Agreement,
    },
}

/// How sure the stage reading is, and why.
pub fn confidence(stage: &StageInference) -> ConfidenceNote {
    if stage.position.is_none() {
        return ConfidenceNote::NoAnswers;
    }
    let pointing = stage.evidence.len();
    let agreeing = super::scoring::most_pointing(&stage.evidence);
    let agreement = if agreeing == pointing {
        Agreement::Same
    } else if 3 * agreeing >= 2 * pointing {
        Agreement::Mostly
    } else {
        Agreement::Different
    };
    ConfidenceNote::Answers {
        confidence: stage.confidence,
        agreeing,
        pointing,
        questions: stage.n_questions,
        agreement,
    }
}

/// What a score means; the app words it, and its tone colours the gauge (the words always go
/// with the colour, so colour is never the only cue).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Nothing to score yet.
    None,
    /// Fits the stage well.
    Good,
    /// Partly fits the stage.
    Partial,
    /// Out of step with the stage.
    Poor,
}

impl Verdict {
    /// "good", "partial", "poor" or "none", for class names.
    pub fn tone(self) -> &'static str {
        match self {
            Verdict::None => "none",
            Verdict::Good => "good",
            Verdict::Partial => "partial",
            Verdict::Poor => "poor",
        }
    }
}

/// The verdict for a score: "fits well" only from 85 with at most two areas off; "out of step"
/// below 60 or when most scored areas are off (never "partly fits" then); "partly fits" between.
pub fn verdict(score: Option<u8>, n_off: usize, n_scored: usize) -> Verdict {
    match score {
        None => Verdict::None,
        Some(s) if s >= 85 && n_off <= 2 => Verdict::Good,
        Some(s) if s < 60 || 2 * n_off > n_scored => Verdict::Poor,
        Some(_) => Verdict::Partial,
    }
}

/// The verdict for an assessment: its score, and how many of its scored areas are off.
pub fn verdict_of(assessment: &Assessment) -> Verdict {
    let scored = assessment.dimensions.iter().filter(|d| d.level.is_some());
    let n_off = scored
        .clone()
        .filter(|d| matches!(d.finding, Finding::Over | Finding::Under))
        .count();
    verdict(assessment.score, n_off, scored.count())
}

/// For an area that is one of the top priorities, its rank (1 for the first), so the page can
/// point to its card instead of repeating its advice.
pub fn priority_rank(assessment: &Assessment, dimension: usize) -> Option<usize> {
    assessment
        .priorities
        .iter()
        .position(|p| p.dimension == dimension)
        .map(|rank| rank + 1)
}

/// How the score follows from the weight lost: `100 × (1 − lost)² = score`, where `lost` is
/// `weight_lost` of `total_weight`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Arithmetic {
    pub weight_lost: f32,
    pub total_weight: u32,
    pub lost: f32,
    pub score: u8,
}

/// What the score means, with its arithmetic.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ScoreNote {
    /// Every platform answer was "Don't know": nothing to score.
    Nothing,
    /// A score of 0: `far` of `scored` areas are two levels or more outside their band, and
    /// `nearer` more are less far; `first` is the first thing to do.
    Zero {
        stage: Stage,
        far: usize,
        scored: usize,
        nearer: usize,
        first: Option<Priority>,
        arithmetic: Arithmetic,
    },
    /// Any other score: the verdict, and `off` of `scored` areas outside their band.
    Scored {
        stage: Stage,
        verdict: Verdict,
        off: usize,
        scored: usize,
        arithmetic: Arithmetic,
    },
}

/// One stage's score in a score that weighs several (issue 29): `weight_lost` of
/// `total_weight`, `lost` of the whole, so `100 × (1 − lost)² = score` (not rounded); it counts
/// `percent` of the score. `answers_away` as in `Line::Weighed`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct WeighedScore {
    pub stage: Stage,
    pub percent: u8,
    pub answers_away: Option<u8>,
    pub weight_lost: f32,
    pub total_weight: u32,
    pub lost: f32,
    pub score: f32,
}

/// How a score that weighs several stages follows from theirs: the sum of each stage's percent
/// times its score, rounded, is `score`. `None` when the score weighs one stage (its
/// arithmetic is `ScoreNote`'s) or nothing is scored.
pub fn weighing(assessment: &Assessment) -> Option<(Vec<WeighedScore>, u8)> {
    let score = assessment.score?;
    if assessment.by_stage.is_empty() {
        return None;
    }
    let parts = assessment
        .by_stage
        .iter()
        .map(|s| WeighedScore {
            stage: s.stage,
            percent: percent(s.share),
            answers_away: s.answers_away,
            weight_lost: s.lost * s.total_weight as f32,
            total_weight: s.total_weight,
            lost: s.lost,
            score: s.score,
        })
        .collect();
    Some((parts, score))
}

/// What the score means, for the sentence under it.
pub fn score(assessment: &Assessment) -> ScoreNote {
    let Some(score) = assessment.score else {
        return ScoreNote::Nothing;
    };
    let off = assessment
        .dimensions
        .iter()
        .filter(|d| matches!(d.finding, Finding::Over | Finding::Under))
        .count();
    let scored = assessment
        .dimensions
        .iter()
        .filter(|d| d.level.is_some())
        .count();
    let stage = assessment.stage.stage;
    let arithmetic = Arithmetic {
        weight_lost: assessment.lost * assessment.total_weight as f32,
        total_weight: assessment.total_weight,
        lost: assessment.lost,
        score,
    };
    if score == 0 {
        let far = assessment
            .dimensions
            .iter()
            .filter(|d| d.level.is_some() && d.off >= 1.0)
            .count();
        return ScoreNote::Zero {
            stage,
            far,
            scored,
            nearer: off.saturating_sub(far),
            first: assessment.priorities.first().copied(),
            arithmetic,
        };
    }
    ScoreNote::Scored {
        stage,
        verdict: verdict(Some(score), off, scored),
        off,
        scored,
        arithmetic,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Answer, Answers, BANK, Part, PriorityKind, Stage, assess};

    fn mature_company_with_light_platform() -> Assessment {
        let mut answers = Answers::new(&BANK);
        for (index, q) in BANK.questions.iter().enumerate() {
            let answer = match q.part {
                Part::Company => {
                    Answer::Chosen(q.options.iter().rposition(|o| !o.neutral).unwrap_or(0) as u8)
                }
                Part::Strategy => Answer::Unknown,
                Part::Platform => Answer::Chosen(0),
            };
            answers.set(index, answer);
        }
        assess(&BANK, &answers)
    }

    #[test]
    fn a_gap_is_explained_with_its_arithmetic() {
        let a = mature_company_with_light_platform();
        let delivery = &a.dimensions[0];
        let lines = dimension(delivery, a.stage.stage, a.total_weight);
        assert_eq!(lines[0], Line::LevelOfOne { level: 0.0 });
        assert_eq!(
            lines[1],
            Line::Band {
                stage: Stage::Mature,
                across: None,
                band: Band { low: 3, high: 4 },
                moved_from: None
            }
        );
        assert!(
            matches!(
                lines[2],
                Line::Weight {
                    weight: 2,
                    changed_from: None,
                    charged: None,
                    ..
                }
            ),
            "{:?}",
            lines[2]
        );
        assert!(
            matches!(
                lines[3],
                Line::FullGap {
                    gap: 3.0,
                    ahead: false,
                    charged: 2,
                    ..
                }
            ),
            "{:?}",
            lines[3]
        );
    }

    #[test]
    fn an_average_shows_its_terms() {
        let a = mature_company_with_light_platform();
        let reliability = a
            .dimensions
            .iter()
            .find(|d| BANK.dimensions[d.dimension].id == "reliability")
            .unwrap();
        let lines = dimension(reliability, a.stage.stage, a.total_weight);
        assert_eq!(
            lines[0],
            Line::LevelAverage {
                levels: vec![0, 0],
                level: 0.0
            }
        );
    }

    #[test]
    fn confidence_and_score_say_why() {
        let a = mature_company_with_light_platform();
        assert_eq!(
            confidence(&a.stage),
            ConfidenceNote::Answers {
                confidence: Confidence::High,
                agreeing: 7,
                pointing: 7,
                questions: 7,
                agreement: Agreement::Same
            }
        );
        let ScoreNote::Zero {
            stage,
            far,
            scored,
            nearer,
            first,
            arithmetic,
        } = score(&a)
        else {
            panic!("a score of 0: {:?}", score(&a));
        };
        assert_eq!((stage, far, scored, nearer), (Stage::Mature, 13, 14, 0));
        assert_eq!(first.map(|p| p.kind), Some(PriorityKind::Invest));
        assert_eq!(arithmetic.score, 0);
        assert_eq!(arithmetic.total_weight, a.total_weight);
        let none = assess(&BANK, &Answers::new(&BANK));
        assert_eq!(confidence(&none.stage), ConfidenceNote::NoAnswers);
        assert_eq!(score(&none), ScoreNote::Nothing);
    }

    #[test]
    fn a_gap_of_one_level_loses_half_the_weight_and_says_so() {
        let mut answers = Answers::new(&BANK);
        for (index, q) in BANK.questions.iter().enumerate() {
            if q.part == Part::Company {
                answers.set(index, Answer::Chosen(0));
            }
        }
        let delivery = BANK
            .questions
            .iter()
            .position(|q| q.id == "platform.path_to_production");
        answers.set(delivery.unwrap_or(0), Answer::Chosen(0));
        let a = assess(&BANK, &answers);
        let lines = dimension(&a.dimensions[0], a.stage.stage, a.total_weight);
        assert_eq!(
            lines[3],
            Line::PartGap {
                gap: 1.0,
                ahead: false,
                full_gap: 2.0,
                charged: 3,
                weight_lost: 1.5,
                total: 3,
                points_lost: a.dimensions[0].points_lost,
            }
        );
    }

    /// Every company answer at the first option whose value reaches `company`, every platform
    /// answer at option `platform` (or the last), the strategy unanswered.
    fn at(company: f32, platform: usize) -> Assessment {
        let mut answers = Answers::new(&BANK);
        for (index, q) in BANK.questions.iter().enumerate() {
            let pick = match q.part {
                Part::Company => q
                    .options
                    .iter()
                    .position(|o| f32::from(o.value) >= company)
                    .unwrap_or(0),
                Part::Platform => platform.min(q.options.len() - 1),
                Part::Strategy => continue,
            };
            answers.set(index, Answer::Chosen(pick as u8));
        }
        assess(&BANK, &answers)
    }

    #[test]
    fn issue_13_in_transition_promises_prepare_findings_only_when_there_are_some() {
        for company in [0.0_f32, 1.0, 1.2, 1.4, 1.6, 2.4, 2.6, 2.8, 3.0] {
            for platform in [0_usize, 1, 2, 3, 4] {
                let a = at(company, platform);
                let n_prepare = a
                    .dimensions
                    .iter()
                    .filter(|d| d.prepare_for.is_some())
                    .count();
                match transition(&a) {
                    Some(TransitionNote::Prepare { n, .. }) => assert_eq!(n, n_prepare),
                    Some(_) | None => assert_eq!(n_prepare, 0),
                }
            }
        }
    }

    #[test]
    fn issue_29_near_a_line_each_area_is_explained_at_every_stage_the_score_weighs() {
        let mut weighed = 0;
        for company in [0.0_f32, 1.0, 1.2, 1.4, 1.6, 2.0, 2.4, 2.6, 2.8, 3.0] {
            for platform in [0_usize, 1, 2, 3, 4] {
                let a = at(company, platform);
                let Some((parts, score)) = weighing(&a) else {
                    assert!(a.by_stage.is_empty() || a.score.is_none());
                    continue;
                };
                weighed += 1;
                // The stages' percents make the whole, and their weighted scores the score.
                assert_eq!(parts.iter().map(|p| u32::from(p.percent)).sum::<u32>(), 100);
                let sum: f32 = parts
                    .iter()
                    .map(|p| f32::from(p.percent) * p.score / 100.0)
                    .sum();
                assert!(
                    (sum - f32::from(score)).abs() <= 0.5 + 1e-3,
                    "{sum} {score}"
                );
                // The areas' points add up to what the score lost, before rounding (unless a
                // stage loses more weight than the whole, as ahead of an early company can).
                if parts.iter().all(|p| p.lost < 1.0) {
                    let lost: f32 = a.dimensions.iter().map(|d| d.points_lost).sum();
                    assert!((100.0 - lost - sum).abs() < 0.01, "{lost} {sum}");
                }
                for d in a.dimensions.iter().filter(|d| d.level.is_some()) {
                    let lines = dimension(d, a.stage.stage, a.total_weight);
                    let stages: Vec<Stage> = lines
                        .iter()
                        .filter_map(|l| match l {
                            Line::Weighed { stage, .. } => Some(*stage),
                            _ => None,
                        })
                        .collect();
                    let expected: Vec<Stage> = a.stage.weighed.iter().map(|w| w.stage).collect();
                    assert_eq!(stages, expected);
                    let Some(Line::Counted { terms, points }) = lines.last() else {
                        panic!("{lines:?}");
                    };
                    assert_eq!(*points, d.points_lost);
                    let sum: f32 = terms.iter().map(|&(p, x)| f32::from(p) * x / 100.0).sum();
                    assert!((sum - points).abs() < 0.01, "{terms:?} {points}");
                    // In transition the findings' band, spanning the line, comes first.
                    let first_weighed = lines
                        .iter()
                        .position(|l| matches!(l, Line::Weighed { .. }))
                        .unwrap_or(0);
                    let across = lines[..first_weighed].iter().any(|l| {
                        matches!(
                            l,
                            Line::Band {
                                across: Some(_),
                                ..
                            }
                        )
                    });
                    assert_eq!(across, a.stage.transition.is_some());
                }
            }
        }
        assert!(weighed >= 5, "{weighed} weighed assessments");
    }

    #[test]
    fn issue_13_fits_well_needs_85_and_at_most_two_areas_off() {
        for (score, n_off, n_scored, expected) in [
            (100, 0, 14, Verdict::Good),
            (85, 2, 14, Verdict::Good),
            (90, 3, 14, Verdict::Partial),
            (84, 1, 14, Verdict::Partial),
            (70, 8, 14, Verdict::Poor),
            (59, 1, 14, Verdict::Poor),
        ] {
            assert_eq!(
                verdict(Some(score), n_off, n_scored),
                expected,
                "{score} {n_off}/{n_scored}"
            );
        }
    }

    #[test]
    fn issue_13_a_score_of_0_says_how_far_off_and_the_first_thing_to_do() {
        let mut answers = Answers::new(&BANK);
        for (index, q) in BANK.questions.iter().enumerate() {
            let pick = match q.part {
                Part::Company => 0,
                Part::Platform => q.options.len() - 1,
                Part::Strategy => continue,
            };
            answers.set(index, Answer::Chosen(pick as u8));
        }
        let mut a = assess(&BANK, &answers);
        // Make every scored area two levels off, as far as the score can show.
        for d in &mut a.dimensions {
            d.finding = Finding::Over;
        }
        a.score = Some(0);
        let ScoreNote::Zero { stage, first, .. } = score(&a) else {
            panic!("{:?}", score(&a));
        };
        assert_eq!(stage, Stage::Early);
        assert_eq!(first.map(|p| p.kind), Some(PriorityKind::Defer));
    }

    #[test]
    fn verdicts_and_tones_for_every_score() {
        for (score, verdict_expected, tone) in [
            (None, Verdict::None, "none"),
            (Some(0), Verdict::Poor, "poor"),
            (Some(59), Verdict::Poor, "poor"),
            (Some(60), Verdict::Partial, "partial"),
            (Some(84), Verdict::Partial, "partial"),
            (Some(85), Verdict::Good, "good"),
            (Some(100), Verdict::Good, "good"),
        ] {
            let v = verdict(score, 0, 14);
            assert_eq!((v, v.tone()), (verdict_expected, tone), "{score:?}");
        }
    }

    /// Answers every company question with `company` and every platform question with
    /// `platform`; strategy unknown.
    fn answered(company: u8, platform: u8) -> Assessment {
        let mut answers = Answers::new(&BANK);
        for (index, q) in BANK.questions.iter().enumerate() {
            let answer = match q.part {
                Part::Company => Answer::Chosen(company.min((q.options.len() - 1) as u8)),
                Part::Strategy => Answer::Unknown,
                Part::Platform => Answer::Chosen(platform),
            };
            answers.set(index, answer);
        }
        assess(&BANK, &answers)
    }

    #[test]
    fn priorities_are_pointed_to_by_rank() {
        let a = mature_company_with_light_platform();
        assert_eq!(a.priorities.len(), 3);
        for (rank, p) in a.priorities.iter().enumerate() {
            assert_eq!(priority_rank(&a, p.dimension), Some(rank + 1));
        }
        let other = (0..a.dimensions.len())
            .find(|d| a.priorities.iter().all(|p| p.dimension != *d))
            .expect("an area that is not a priority");
        assert_eq!(priority_rank(&a, other), None);
    }

    // Regression (issue 14): the note promised "Prepare" findings that were not on the page.
    #[test]
    fn the_transition_note_promises_only_the_prepare_areas_there_are() {
        assert_eq!(transition(&mature_company_with_light_platform()), None);
        let mut seen_with = false;
        let mut seen_without = false;
        for company in 0..5 {
            for platform in 0..5 {
                let a = answered(company, platform);
                let Some(note) = transition(&a) else { continue };
                let n = a
                    .dimensions
                    .iter()
                    .filter(|d| d.prepare_for.is_some())
                    .count();
                match note {
                    TransitionNote::Prepare { n: said, .. } => assert_eq!(said, n),
                    TransitionNote::NothingToPrepare { .. } => assert_eq!(n, 0),
                    TransitionNote::Chosen { stage, .. } => {
                        assert_eq!(stage, a.stage.stage);
                        assert!(a.stage.chosen);
                    }
                }
                seen_with |= n > 0;
                seen_without |= n == 0;
            }
        }
        assert!(seen_with && seen_without, "both cases are covered");
    }
}
