//! Turns answers into an assessment: the company's stage (with confidence, transition and the
//! answers behind it), each dimension's level against the band that stage and strategy call
//! for, one stage-fit score, and the top priorities.
//!
//! The rule that sets Stagefit apart: investing beyond what the stage needs costs the score
//! just as investing too little does. More platform is not better; a platform that fits is.
//!
//! The score: each scored dimension loses `min(|gap| / FULL_GAP, 1)` of its weight, so two
//! levels outside the band lose all of it whatever the band's width; `lost` is the weight lost
//! over the total weight (0 to 1), and the score is `100 × (1 − lost)²`. Squaring keeps one
//! small gap cheap and makes a platform that is off in many places, or far off in its most
//! important ones, read as out of step rather than "partly fitting".
//!
//! Near a line between stages the score weighs the stages on both sides (issue 29): a stage one
//! neighbouring company answer away counts 40 % of the score, two answers away (or across a
//! line the position is near) 20 %, the stage in use the rest. Each stage's score is the one
//! above at that stage's bands alone, so one company answer given otherwise moves the score
//! by at most a fifth of the gap between two stages' scores.

use std::fmt;

use super::answers::{Answer, Answers};
use super::bank::{AdviceKind, Band, Bank, BankText, Choice, Fit, Goal, Part, Question, keys};
use super::stage::{CUTS, Stage};

/// How close to a cut the position must be for the company to count as "in transition".
const TRANSITION_MARGIN: f32 = 0.3;

/// The part of the score a stage one neighbouring company answer away counts for, and a stage
/// two answers away (or across a line the position is within `TRANSITION_MARGIN` of). Each step
/// is a fifth, so one answer given otherwise moves the score by at most 20 points: a stage's
/// part changes by at most a fifth, and either side of a line counts the other 40 %.
const SHARE_ONE_ANSWER_AWAY: f32 = 0.4;
const SHARE_TWO_ANSWERS_AWAY: f32 = 0.2;

/// A gap of this many levels, or more, loses the dimension's whole weight. It is fixed, not
/// the widest gap a band allows, so the same overshoot costs the same in a narrow band as in
/// a wide one.
pub const FULL_GAP: f32 = 2.0;

/// How much to trust the inferred stage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Confidence {
    Low,
    Medium,
    High,
}

impl fmt::Display for Confidence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Confidence::Low => "low",
            Confidence::Medium => "medium",
            Confidence::High => "high",
        })
    }
}

/// One company answer and the stage it points to.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Evidence {
    pub question: usize,
    /// The option chosen, or the first of several picked at once.
    pub choice: usize,
    /// Where the answer points on the 0 to 4 scale: the option's value, or the mean of the
    /// values of several options picked at once.
    pub value: f32,
    pub points_to: Stage,
}

/// A company close to the line between two stages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Transition {
    pub from: Stage,
    pub to: Stage,
}

/// A stage the score weighs, and how much of it (issue 29).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Weighed {
    pub stage: Stage,
    /// The part of the score this stage's judgement counts for (0 to 1); the parts add up to 1.
    pub share: f32,
    /// How many neighbouring company answers away the stage is: 0 for the stage in use, 1 or 2,
    /// or `None` when it counts only because the position lies near the line to it.
    pub answers_away: Option<u8>,
}

/// What the company answers say about the stage.
#[derive(Clone, Debug, PartialEq)]
pub struct StageInference {
    /// The stage the rest of the assessment uses: the person's override if they chose one,
    /// otherwise the inferred stage.
    pub stage: Stage,
    /// The stage the answers point to.
    pub inferred: Stage,
    /// The person chose a stage other than the inferred one.
    pub overridden: bool,
    /// The person chose a stage, even the inferred one.
    pub chosen: bool,
    /// Where the answers put the company on the 0 (early) to 4 (mature) scale, or `None` when
    /// no company answer is known (the inferred stage is then growth, the middle).
    pub position: Option<f32>,
    /// Share of company questions with a real answer (0 to 1).
    pub coverage: f32,
    /// How much the known answers agree (1 all point to the same place, 0 widely spread).
    pub agreement: f32,
    pub confidence: Confidence,
    /// Set when the position lies near the line between two stages.
    pub transition: Option<Transition>,
    /// The stages the score weighs, the stage in use first: it alone when the person chose the
    /// stage or no other stage is within two neighbouring company answers or across a line the
    /// position is near.
    pub weighed: Vec<Weighed>,
    /// The known company answers, in bank order, with where each points.
    pub evidence: Vec<Evidence>,
    pub n_questions: usize,
}

impl StageInference {
    /// Whether any company answer said where the company is, or the person chose the stage.
    /// When not, `stage` is only the assumed middle (growth) and must not be shown as known.
    pub fn known(&self) -> bool {
        self.position.is_some() || self.chosen
    }
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
}

/// One platform answer that set a dimension's level.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LevelAnswer {
    pub question: usize,
    pub choice: usize,
    /// The level the answer counts at against this stage's band (after `fit` and shares).
    pub level: u8,
    /// The level the answer shows on its own: the option's value, or the level of its share.
    pub value: u8,
    /// How the answer is held against the band.
    pub fit: Fit,
    /// For a count of people: the range its share of the engineers can be, since both counts
    /// are answered as ranges.
    pub share: Option<ShareRange>,
}

/// The share of the engineers a count of people can be, when both are answered as ranges
/// ("10 to 29" of "250 to 999" is between 1 % and 12 %): never one figure stated as fact.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ShareRange {
    /// The smallest and largest share, in whole percent (0 to 100).
    pub low: u16,
    pub high: u16,
    /// The levels those shares stand at; the answer counts at the one nearest the band.
    pub levels: [u8; 2],
}

/// One dimension's result, with every number that went into it.
#[derive(Clone, Debug, PartialEq)]
pub struct DimensionResult {
    /// Index into the bank's dimensions.
    pub dimension: usize,
    /// The answers that set the level ("Don't know" left out).
    pub answers: Vec<LevelAnswer>,
    /// How many questions measure this dimension.
    pub n_questions: usize,
    /// The mean level of the answers (0 to 4), or `None` if none was known.
    pub level: Option<f32>,
    /// The lowest and highest level the answers to the questions that measure this area show
    /// on their own (each option's value; work under way counted from elsewhere left out), or
    /// the level a plan sets; `None` when none is known. The advice is chosen by it
    /// (`advice_level`), so it names only what was answered (issue 29).
    pub answered: Option<[u8; 2]>,
    /// The band and weight the stage gives, before the strategy moves them.
    pub base_band: Band,
    pub base_weight: u8,
    /// When the company is judged across a line between stages (`judged_across`), that line:
    /// the band is then the one both stages' bands span, and the weight the larger.
    pub across: Option<Transition>,
    /// The band and weight used, after the strategy.
    pub band: Band,
    pub weight: u8,
    /// The weight its gap is charged at. It is `weight`, except that at the early stage an area
    /// that is ahead is charged as the weightiest early area: building ahead of an early company
    /// is the chapter's central mistake, whatever the area. The total the score divides by
    /// stays the sum of `weight`s, so moving an answer further from its band never raises it.
    pub charged_weight: u8,
    /// Level minus the nearest end of the band: negative when behind, positive when ahead.
    pub gap: f32,
    /// The part of its weight this dimension loses: `min(|gap| / FULL_GAP, 1)`.
    pub off: f32,
    /// Score points this dimension costs (0 when it fits or is not scored). When the score
    /// weighs several stages, the points it costs at each (`by_stage`), each times its share.
    pub points_lost: f32,
    pub finding: Finding,
    /// When the company is about to move into the next stage and this dimension sits below
    /// that stage's band: the band to prepare for.
    pub prepare_for: Option<Band>,
    /// When the score weighs several stages (`StageInference::weighed`): this dimension judged
    /// at each of them alone, in the same order. Empty otherwise.
    pub by_stage: Vec<StageResult>,
}

/// A dimension judged at one stage alone, as part of a score that weighs several stages.
#[derive(Clone, Debug, PartialEq)]
pub struct StageResult {
    pub stage: Stage,
    /// The part of the score this stage counts for.
    pub share: f32,
    /// As in `Weighed`: 0 for the stage in use, 1 or 2, `None` across a line the answers are near.
    pub answers_away: Option<u8>,
    /// The sum of the scored dimensions' weights at that stage.
    pub total_weight: u32,
    /// The dimension at that stage's band and weight alone; its `points_lost` are the points
    /// it costs that stage's score, before the share.
    pub result: DimensionResult,
}

/// One stage's score, as part of a score that weighs several stages.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StageScore {
    pub stage: Stage,
    pub share: f32,
    pub answers_away: Option<u8>,
    /// The sum of the scored dimensions' weights at that stage, the weight lost over it, and the
    /// score `100 × (1 − lost)²`, not rounded.
    pub total_weight: u32,
    pub lost: f32,
    pub score: f32,
}

impl DimensionResult {
    /// The answered level whose advice of `kind` fits this area's answers: a text may only name
    /// what every answer says (issue 29). Advice when ahead names what is there, so it is chosen
    /// by the level every answer reaches (the lowest); advice when behind names what is missing,
    /// so by the level no answer goes beyond (the highest). With one question both are its
    /// answer. Other advice does not depend on the level: `None`.
    pub fn advice_level(&self, kind: AdviceKind) -> Option<u8> {
        let [lowest, highest] = self.answered?;
        match kind {
            AdviceKind::Ahead => Some(lowest),
            AdviceKind::Behind => Some(highest),
            AdviceKind::Prepare | AdviceKind::Replatform => None,
        }
    }

    /// The level and band of this dimension at each stage the score weighs, in order (issue
    /// 29): its own when the score weighs one stage. Near a line an area has a band at each.
    pub fn weighed_bands(&self) -> Vec<(Option<f32>, Band)> {
        if self.by_stage.is_empty() {
            vec![(self.level, self.band)]
        } else {
            self.by_stage
                .iter()
                .map(|s| (s.result.level, s.result.band))
                .collect()
        }
    }

    /// How many of the scored weight points in the whole assessment this dimension holds.
    pub fn share_of_weight(&self, total_weight: u32) -> f32 {
        if total_weight == 0 || self.level.is_none() {
            0.0
        } else {
            f32::from(self.weight) / total_weight as f32
        }
    }
}

/// What the strategy answers mean for the platform.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct StrategyEffect {
    /// Notes to show the person, one per strategy answer that has one.
    pub notes: Vec<StrategyNote>,
    /// Per dimension, how the strategy moved its weight and band.
    pub weight_shift: Vec<i8>,
    pub band_shift: Vec<i8>,
}

/// A strategy answer's note on what it means for the platform: the question and option whose
/// note it is (`BankText::note` gives its words).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StrategyNote {
    pub question: usize,
    pub option: usize,
}

/// What kind of step a priority asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PriorityKind {
    /// The platform is behind the stage here: invest.
    Invest,
    /// The platform is ahead of the stage here: stop or defer.
    Defer,
    /// The company is about to enter the next stage: get ready.
    Prepare,
    /// Under cost pressure, services that work are being moved onto a new platform: stop it
    /// (issue 29). Its dimension is the one the work counts towards.
    Replatform,
}

impl PriorityKind {
    /// "invest", "defer" or "prepare", for class names.
    pub fn id(self) -> &'static str {
        match self {
            PriorityKind::Invest => "invest",
            PriorityKind::Defer => "stop-or-defer",
            PriorityKind::Prepare => "prepare",
            PriorityKind::Replatform => "stop-replatforming",
        }
    }
}

/// One of the top priorities.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Priority {
    pub dimension: usize,
    pub kind: PriorityKind,
    /// The stage the advice is for (what to keep or add depends on it).
    pub stage: Stage,
    /// For an area counted in people, the share of the engineers the answers allow: a key
    /// result that names the share (`{share}`) shows this range, as the explanation does.
    pub share: Option<ShareRange>,
    /// The answered level its advice is chosen by (`DimensionResult::advice_level`).
    pub level: Option<u8>,
}

impl Priority {
    /// Which of its dimension's advice this priority gives (for its stage).
    pub fn advice_kind(&self) -> AdviceKind {
        match self.kind {
            PriorityKind::Invest => AdviceKind::Behind,
            PriorityKind::Defer => AdviceKind::Ahead,
            PriorityKind::Prepare => AdviceKind::Prepare,
            PriorityKind::Replatform => AdviceKind::Replatform,
        }
    }

    /// The advice for this priority, for its stage, in the language `text` gives.
    pub fn advice(&self, bank: &Bank, text: &dyn BankText) -> String {
        text.advice(
            &bank.dimensions[self.dimension],
            self.advice_kind(),
            self.stage,
            self.level,
        )
    }

    /// The objective of this priority's draft goal, in the language `text` gives.
    pub fn objective(&self, bank: &Bank, text: &dyn BankText) -> String {
        text.objective(&bank.dimensions[self.dimension], self.goal())
    }

    /// The key results of this priority's draft goal, with `{share}` replaced by the share the
    /// answers allow ("between 4 % and 8 %"), or by "today's share" when it is not known: never a
    /// figure the answers did not give (issue 29).
    pub fn key_results(&self, bank: &Bank, text: &dyn BankText) -> Vec<String> {
        key_results(bank, text, self.dimension, self.goal(), self.share)
    }

    /// Which draft outcome goal fits this priority: preparing means investing ahead of need.
    pub fn goal(&self) -> Goal {
        match self.kind {
            PriorityKind::Defer => Goal::Ahead,
            PriorityKind::Invest | PriorityKind::Prepare => Goal::Behind,
            PriorityKind::Replatform => Goal::Replatform,
        }
    }
}

/// Everything the results view shows, derived from the answers alone.
#[derive(Clone, Debug, PartialEq)]
pub struct Assessment {
    pub stage: StageInference,
    pub strategy: StrategyEffect,
    pub dimensions: Vec<DimensionResult>,
    /// Stage fit from 0 to 100, or `None` when no dimension could be scored.
    pub score: Option<u8>,
    /// The sum of the weights of the scored dimensions (the score's denominator), as the
    /// findings judge them.
    pub total_weight: u32,
    /// The weight lost over the total weight, 0 (all fit) to 1 (all two levels or more off), as
    /// the findings judge them: the score when it weighs one stage.
    pub lost: f32,
    /// When the score weighs several stages: each stage's score and share, in the order of
    /// `StageInference::weighed`; the score is their weighted mean, rounded. Empty otherwise.
    pub by_stage: Vec<StageScore>,
    /// Up to three priorities, most important first.
    pub priorities: Vec<Priority>,
    /// How many platform questions had a real answer, of how many.
    pub n_platform_known: usize,
    pub n_platform_questions: usize,
}

/// The chosen option's index and value, or `None` for unanswered, "Don't know", a neutral
/// answer (it counts towards nothing), an option index the question does not have, or several
/// options at once (`picks` reads those).
fn chosen(question: &Question, answer: Answer) -> Option<(usize, u8)> {
    match answer {
        Answer::Chosen(_) => picks(question, answer).next(),
        Answer::Unanswered | Answer::Unknown | Answer::Several(_) => None,
    }
}

/// Every option picked that counts, with its value: the chosen option, or each of several
/// options at once (issue 29); neutral answers and options the question does not have are
/// left out.
fn picks(question: &Question, answer: Answer) -> impl Iterator<Item = (usize, u8)> + '_ {
    answer.picked().filter_map(|index| {
        question
            .options
            .get(index)
            .filter(|o| !o.neutral)
            .map(|o| (index, o.value))
    })
}

/// Every option picked, neutral ones included, as the bank describes it.
fn picked_options(question: &Question, answer: Answer) -> impl Iterator<Item = (usize, &Choice)> {
    answer
        .picked()
        .filter_map(|index| question.options.get(index).map(|o| (index, o)))
}

/// The share of the engineers a count of people can be, and the levels it can stand at: 0 for
/// nobody, then 1 to 4 from the share levels up; `None` when the number of engineers is not
/// known. The platform's people are among the engineers, so no share is above 100 %.
fn share_range(
    bank: &Bank,
    answers: &Answers,
    question: &Question,
    choice: usize,
) -> Option<ShareRange> {
    let share = question.share_of?;
    let people = question.options.get(choice)?.people?;
    let whole = bank.questions.get(share.question)?;
    let (engineers, _) = chosen(whole, answers.get(share.question))?;
    let engineers = whole.options[engineers].people?;
    if engineers.low <= 0.0 {
        return None;
    }
    // Fewest people among the most engineers, most people among the fewest; an open range of
    // engineers ("1,000 or more") allows a share as close to zero as you like.
    let low = engineers
        .high
        .map_or(0.0, |most| 100.0 * people.low / most.max(people.low));
    let high = match people.high {
        Some(most) => (100.0 * most / engineers.low).min(100.0),
        None => 100.0,
    };
    let level = |percent: f32| -> u8 {
        if percent <= 0.0 && people.low <= 0.0 {
            0
        } else {
            1 + share
                .levels
                .iter()
                .filter(|&&from| percent >= f32::from(from))
                .count() as u8
        }
    };
    let nobody = people.low <= 0.0 && people.high == Some(0.0);
    let levels = if nobody {
        [0, 0]
    } else {
        [level(low).max(1), level(high).max(1)]
    };
    Some(ShareRange {
        low: low.round() as u16,
        high: high.round() as u16,
        levels,
    })
}

/// The key results of a dimension's draft goal, with `{share}` replaced by `share` in words
/// (`share_words`).
pub fn key_results(
    bank: &Bank,
    text: &dyn BankText,
    dimension: usize,
    goal: Goal,
    share: Option<ShareRange>,
) -> Vec<String> {
    let share = share_words(share, text);
    text.key_results(&bank.dimensions[dimension], goal)
        .into_iter()
        .map(|kr| kr.replace("{share}", &share))
        .collect()
}

/// The share of the engineers an area counted in people can be, from its answers.
pub fn share_of(d: &DimensionResult) -> Option<ShareRange> {
    d.answers.iter().find_map(|a| a.share)
}

/// A share range in words, in the language `text` gives: "between 4 % and 8 %", "about 0 %"
/// when both ends are the same, or the words for a share that is not known.
pub fn share_words(share: Option<ShareRange>, text: &dyn BankText) -> String {
    match share {
        None => text.text(keys::SHARE_UNKNOWN),
        Some(s) if s.low == s.high => text
            .text(keys::SHARE_ABOUT)
            .replace("{low}", &s.low.to_string()),
        Some(s) => text
            .text(keys::SHARE_BETWEEN)
            .replace("{low}", &s.low.to_string())
            .replace("{high}", &s.high.to_string()),
    }
}

/// The level in `levels` (lowest, highest) nearest to `band`: a range the answers allow is read
/// in the company's favour, never as a gap it may not have.
fn nearest_to_band(levels: [u8; 2], band: Band) -> u8 {
    if levels[1] < band.low {
        levels[1]
    } else if levels[0] > band.high {
        levels[0]
    } else {
        levels[0].max(band.low).min(levels[1])
    }
}

/// The level an answer counts at against `band`: answers that fit no stage count one level
/// outside it (below, or above where the band starts at 0); answers that are never ahead count
/// at most at its top.
fn counted_level(value: u8, fit: Fit, band: Band) -> u8 {
    match fit {
        Fit::Band => value,
        Fit::Never if band.low > 0 => band.low - 1,
        Fit::Never => (band.high + 1).min(4),
        Fit::NotAhead => value.min(band.high),
    }
}

fn mean(values: impl Iterator<Item = u8>) -> Option<f32> {
    mean_of(values.map(f32::from))
}

fn mean_of(values: impl Iterator<Item = f32>) -> Option<f32> {
    let (sum, n) = values.fold((0.0_f32, 0_u32), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| sum / n as f32)
}

/// Assesses a set of answers against a bank.
pub fn assess(bank: &Bank, answers: &Answers) -> Assessment {
    assess_with(bank, answers, &[])
}

/// Assesses a set of answers as if some areas sat at other levels: `levels[d]`, when set, is
/// the level (0 to 4, higher counts as 4) dimension `d` counts at against its band, whatever its
/// answers say. An area so set keeps its answers as evidence, but its level, gap, finding,
/// points and priority, and the score, follow the level set; an area nobody could describe is
/// scored at it. Since the level set is the one the area counts at, answers that fit no stage or
/// are never ahead (`Fit`) and shares of people play no part in it. An index past the end, or
/// an empty list, sets nothing: `assess` is this with no levels set. The what-if planner
/// (`plan::project`) calls it; the saved answers are never touched.
pub(crate) fn assess_with(bank: &Bank, answers: &Answers, levels: &[Option<u8>]) -> Assessment {
    let stage = infer_stage(bank, answers);
    let strategy = strategy_effect(bank, answers);
    let judge = |(lowest, highest): (Stage, Stage)| -> (Vec<DimensionResult>, u32, f32) {
        let mut dimensions: Vec<DimensionResult> = (0..bank.dimensions.len())
            .map(|index| {
                let set = levels.get(index).copied().flatten();
                measure(bank, answers, index, (lowest, highest), &strategy, set)
            })
            .collect();
        let (total_weight, lost) = charge(&mut dimensions);
        (dimensions, total_weight, lost)
    };
    let (mut dimensions, total_weight, lost) = judge(judged_across(&stage));
    let mut score = (total_weight > 0).then(|| score_from_lost(lost));
    let mut by_stage = Vec::new();
    if stage.weighed.len() > 1 {
        // Each stage judged alone; the score and every dimension's points are their weighted
        // mean (issue 29). The findings stay those of the line the company is judged across.
        for d in &mut dimensions {
            d.points_lost = 0.0;
        }
        let mut blended = 0.0;
        for w in &stage.weighed {
            let (at, total_weight, lost) = judge((w.stage, w.stage));
            let at_stage = 100.0 * (1.0 - lost).powi(2);
            blended += w.share * at_stage;
            by_stage.push(StageScore {
                stage: w.stage,
                share: w.share,
                answers_away: w.answers_away,
                total_weight,
                lost,
                score: at_stage,
            });
            for (d, result) in dimensions.iter_mut().zip(at) {
                d.points_lost += w.share * result.points_lost;
                d.by_stage.push(StageResult {
                    stage: w.stage,
                    share: w.share,
                    answers_away: w.answers_away,
                    total_weight,
                    result,
                });
            }
        }
        score = score.map(|_| blended.round().clamp(0.0, 100.0) as u8);
    }
    let priorities = priorities(
        bank,
        &dimensions,
        &strategy,
        stage.stage,
        pressure(bank, answers),
    );
    let platform: Vec<(&Question, Answer)> = bank
        .questions
        .iter()
        .zip(answers.iter())
        .filter(|(q, _)| q.part == Part::Platform)
        .collect();
    Assessment {
        stage,
        strategy,
        dimensions,
        score,
        total_weight,
        lost,
        by_stage,
        priorities,
        n_platform_known: platform
            .iter()
            .filter(|(q, a)| picks(q, *a).next().is_some())
            .count(),
        n_platform_questions: platform.len(),
    }
}

/// Charges each scored dimension its points lost, and returns the sum of their weights and the
/// weight lost over it. Since 100 − 100 × (1 − lost)² = 100 × lost × (2 − lost), each
/// dimension's points are its part of `lost` times 100 × (2 − lost): they add up to what the
/// score lost.
fn charge(dimensions: &mut [DimensionResult]) -> (u32, f32) {
    let total_weight: u32 = dimensions
        .iter()
        .filter(|d| d.level.is_some())
        .map(|d| u32::from(d.weight))
        .sum();
    let parts: Vec<(u8, u8, f32)> = dimensions
        .iter()
        .filter(|d| d.level.is_some())
        .map(|d| (d.weight, d.charged_weight, d.gap))
        .collect();
    let lost = lost_share(&parts);
    for d in dimensions.iter_mut() {
        if total_weight > 0 {
            d.points_lost =
                100.0 * f32::from(d.charged_weight) * d.off / total_weight as f32 * (2.0 - lost);
        }
    }
    (total_weight, lost)
}

/// The weight lost over the total weight (0 to 1), from each scored dimension's weight, the
/// weight its gap is charged at, and its gap: a dimension loses `min(|gap| / FULL_GAP, 1)` of
/// its charged weight.
pub(crate) fn lost_share(parts: &[(u8, u8, f32)]) -> f32 {
    let total: f32 = parts.iter().map(|&(w, _, _)| f32::from(w)).sum();
    if total <= 0.0 {
        return 0.0;
    }
    let lost: f32 = parts
        .iter()
        .map(|&(_, charged, gap)| f32::from(charged) * (gap.abs() / FULL_GAP).min(1.0))
        .sum();
    (lost / total).clamp(0.0, 1.0)
}

/// The weight of the area that matters most at the early stage.
fn heaviest_early_weight(bank: &Bank) -> u8 {
    bank.dimensions
        .iter()
        .map(|d| d.weights[Stage::Early.index()])
        .max()
        .unwrap_or(1)
}

/// The score for a share of weight lost: `100 × (1 − lost)²`, rounded.
pub(crate) fn score_from_lost(lost: f32) -> u8 {
    (100.0 * (1.0 - lost.clamp(0.0, 1.0)).powi(2)).round() as u8
}

/// The company answers that point somewhere on the stage scale: (question, first option
/// picked, value). Several answers to one question count as one answer at the mean of their
/// values (issue 29), so no question weighs more than another.
fn company_values(bank: &Bank, answers: &Answers) -> Vec<(usize, usize, f32)> {
    bank.questions
        .iter()
        .enumerate()
        .filter(|(_, q)| q.part == Part::Company)
        .filter_map(|(index, q)| {
            let answer = answers.get(index);
            let (first, _) = picks(q, answer).next()?;
            Some((index, first, value_of(q, answer)?))
        })
        .collect()
}

/// Where one company answer points on the stage scale: its option's value, or the mean of the
/// values of several picked at once; `None` when it points nowhere.
fn value_of(question: &Question, answer: Answer) -> Option<f32> {
    mean(picks(question, answer).map(|(_, v)| v))
}

/// For each stage, the fewest neighbouring company answers (`Answer::neighbours`, one answer
/// changed at a time) that would put the company in it: 0 for its own stage, then 1 or 2, `None`
/// beyond. An answer set with no company answer that points anywhere is read as growth, as the
/// stage is then assumed to be, so one answer that leaves none (a neutral answer) is one towards
/// growth. The position is the mean of the answers' values, so a changed answer changes a sum
/// and a count: no answer set is built (a room of 2,000 assesses each person).
fn answers_away(bank: &Bank, answers: &Answers) -> [Option<u8>; 3] {
    // Each company question's value now, and the values of its neighbouring answers, one and
    // two changes away.
    struct Company {
        now: Option<f32>,
        one: Vec<Option<f32>>,
        two: Vec<Option<f32>>,
    }
    let company: Vec<Company> = bank
        .questions
        .iter()
        .enumerate()
        .filter(|(_, q)| q.part == Part::Company)
        .map(|(index, q)| {
            let answer = answers.get(index);
            let next = answer.neighbours(q);
            Company {
                now: value_of(q, answer),
                one: next.iter().map(|&n| value_of(q, n)).collect(),
                two: next
                    .iter()
                    .flat_map(|n| n.neighbours(q))
                    .map(|n| value_of(q, n))
                    .collect(),
            }
        })
        .collect();
    let (sum, count) = company
        .iter()
        .filter_map(|c| c.now)
        .fold((0.0_f32, 0_u32), |(s, n), v| (s + v, n + 1));
    let mut away: [Option<u8>; 3] = [None; 3];
    // The stage once some questions' values are replaced: (old, new) pairs.
    let mut reach = |changes: &[(Option<f32>, Option<f32>)], steps: u8| {
        let (mut s, mut n) = (sum, count as i64);
        for &(old, new) in changes {
            if let Some(v) = old {
                s -= v;
                n -= 1;
            }
            if let Some(v) = new {
                s += v;
                n += 1;
            }
        }
        let stage = if n > 0 {
            Stage::at(s / n as f32)
        } else {
            Stage::Growth
        };
        let slot = &mut away[stage.index()];
        *slot = Some(slot.map_or(steps, |k| k.min(steps)));
    };
    reach(&[], 0);
    for (i, c) in company.iter().enumerate() {
        for &w in &c.one {
            reach(&[(c.now, w)], 1);
            for d in &company[i + 1..] {
                for &x in &d.one {
                    reach(&[(c.now, w), (d.now, x)], 2);
                }
            }
        }
        for &w in &c.two {
            reach(&[(c.now, w)], 2);
        }
    }
    away
}

/// Whether the position lies within `TRANSITION_MARGIN` of the line between two neighbouring
/// stages.
fn near_line(position: f32, one: Stage, other: Stage) -> bool {
    one.index().abs_diff(other.index()) == 1
        && (position - CUTS[one.min(other).index()]).abs() < TRANSITION_MARGIN
}

/// The line a company is near, if any: from its stage to every stage one plausible answer away,
/// and to the next stage where the position lies within `TRANSITION_MARGIN` of a cut. A
/// company whose stage one neighbouring answer changes is read across both stages (issue 29).
fn transition_of(position: f32, away: [Option<u8>; 3]) -> Option<Transition> {
    let stage = Stage::at(position);
    let near = |other: Stage| {
        away[other.index()].is_some_and(|n| n <= 1) || near_line(position, stage, other)
    };
    let lowest = Stage::ALL.into_iter().find(|&s| s == stage || near(s))?;
    let highest = Stage::ALL
        .into_iter()
        .rev()
        .find(|&s| s == stage || near(s))?;
    (lowest != highest).then_some(Transition {
        from: lowest,
        to: highest,
    })
}

/// The stages the score weighs (issue 29): every other stage one neighbouring company answer
/// away counts `SHARE_ONE_ANSWER_AWAY` of the score, two answers away or across a line the
/// position is near `SHARE_TWO_ANSWERS_AWAY`, and the stage in use the rest. One answer given
/// otherwise changes each stage's count of answers away by at most one, so each share moves by
/// at most a fifth, and either side of a line counts the other 40 %.
fn weighed(stage: Stage, position: Option<f32>, away: [Option<u8>; 3]) -> Vec<Weighed> {
    let mut list = vec![Weighed {
        stage,
        share: 1.0,
        answers_away: Some(0),
    }];
    for other in Stage::ALL.into_iter().filter(|&s| s != stage) {
        let answers_away = away[other.index()];
        let share = match answers_away {
            Some(1) => SHARE_ONE_ANSWER_AWAY,
            Some(2) => SHARE_TWO_ANSWERS_AWAY,
            _ if position.is_some_and(|p| near_line(p, stage, other)) => SHARE_TWO_ANSWERS_AWAY,
            _ => continue,
        };
        list[0].share -= share;
        list.push(Weighed {
            stage: other,
            share,
            answers_away: answers_away.filter(|&n| n <= 2),
        });
    }
    list
}

/// How many known company answers point to the stage most of them point to.
pub(crate) fn most_pointing(evidence: &[Evidence]) -> usize {
    Stage::ALL
        .iter()
        .map(|&s| evidence.iter().filter(|e| e.points_to == s).count())
        .max()
        .unwrap_or(0)
}

/// The one confidence rule (issue 29): it follows only from the counts the explanation shows,
/// how many of the company questions have an answer that points to a stage (`pointing` of
/// `questions`) and how many of those point to the same stage (`agreeing`), so the same counts
/// always give the same label.
/// - High: at least three quarters answered, and all of them point to the same stage.
/// - Medium: at least half answered, and at least two thirds of them point to the same stage.
/// - Low: anything less.
pub fn confidence_from_counts(agreeing: usize, pointing: usize, questions: usize) -> Confidence {
    if pointing == 0 || questions == 0 {
        Confidence::Low
    } else if agreeing == pointing && 4 * pointing >= 3 * questions {
        Confidence::High
    } else if 3 * agreeing >= 2 * pointing && 2 * pointing >= questions {
        Confidence::Medium
    } else {
        Confidence::Low
    }
}

fn infer_stage(bank: &Bank, answers: &Answers) -> StageInference {
    let n_questions = bank
        .questions
        .iter()
        .filter(|q| q.part == Part::Company)
        .count();
    let evidence: Vec<Evidence> = company_values(bank, answers)
        .into_iter()
        .map(|(question, choice, value)| Evidence {
            question,
            choice,
            value,
            points_to: Stage::at(value),
        })
        .collect();
    let position = mean_of(evidence.iter().map(|e| e.value));
    let coverage = if n_questions == 0 {
        0.0
    } else {
        evidence.len() as f32 / n_questions as f32
    };
    // The spread of the answers around their mean, on a scale whose widest spread is 2.
    let agreement = match position {
        None => 0.0,
        Some(mean) => {
            let variance = evidence
                .iter()
                .map(|e| (e.value - mean).powi(2))
                .sum::<f32>()
                / evidence.len() as f32;
            (1.0 - variance.sqrt() / 2.0).clamp(0.0, 1.0)
        }
    };
    let confidence = confidence_from_counts(most_pointing(&evidence), evidence.len(), n_questions);
    let inferred = position.map_or(Stage::Growth, Stage::at);
    let away = answers_away(bank, answers);
    let transition = position.and_then(|p| transition_of(p, away));
    let stage = answers.stage_override.unwrap_or(inferred);
    let weighed = if answers.stage_override.is_none() {
        weighed(inferred, position, away)
    } else {
        vec![Weighed {
            stage,
            share: 1.0,
            answers_away: Some(0),
        }]
    };
    StageInference {
        stage,
        inferred,
        overridden: answers.stage_override.is_some_and(|s| s != inferred),
        chosen: answers.stage_override.is_some(),
        position,
        coverage,
        agreement,
        confidence,
        transition,
        weighed,
        evidence,
        n_questions,
    }
}

fn strategy_effect(bank: &Bank, answers: &Answers) -> StrategyEffect {
    let mut effect = StrategyEffect {
        notes: Vec::new(),
        weight_shift: vec![0; bank.dimensions.len()],
        band_shift: vec![0; bank.dimensions.len()],
    };
    for (index, q) in bank.questions.iter().enumerate() {
        if q.part != Part::Strategy {
            continue;
        }
        let Some((choice, _)) = chosen(q, answers.get(index)) else {
            continue;
        };
        let option = choice;
        let choice = &q.options[choice];
        if choice.note {
            effect.notes.push(StrategyNote {
                question: index,
                option,
            });
        }
        for shift in choice.shifts {
            if let Some(w) = effect.weight_shift.get_mut(shift.dimension) {
                *w = w.saturating_add(shift.weight);
            }
            if let Some(b) = effect.band_shift.get_mut(shift.dimension) {
                *b = b.saturating_add(shift.band);
            }
        }
    }
    effect
}

/// Moves a band by `by` levels, keeping it on the 0 to 4 scale without changing its width.
fn shift_band(band: Band, by: i8) -> Band {
    let width = band.high - band.low;
    let low = (i16::from(band.low) + i16::from(by)).clamp(0, i16::from(4 - width)) as u8;
    Band {
        low,
        high: low + width,
    }
}

/// The stages whose bands a company's findings use: its own stage, or, for a company in
/// transition that did not choose its stage, every stage from one side of the line to the
/// other. Both sides of a line are found alike, so one plausible answer given otherwise
/// changes the stage's name, not the findings (issue 29); the score weighs the stages instead
/// (`StageInference::weighed`), so it moves, but by 20 points at most.
pub fn judged_across(stage: &StageInference) -> (Stage, Stage) {
    match stage.transition {
        Some(t) if !stage.chosen => (t.from, t.to),
        _ => (stage.stage, stage.stage),
    }
}

/// One dimension judged against the band the stages from `lowest` to `highest` span (one stage
/// when they are the same), after the strategy.
fn measure(
    bank: &Bank,
    answers: &Answers,
    index: usize,
    (lowest, highest): (Stage, Stage),
    strategy: &StrategyEffect,
    set: Option<u8>,
) -> DimensionResult {
    let dimension = &bank.dimensions[index];
    let at = |s: Stage| shift_band(dimension.bands[s.index()], strategy.band_shift[index]);
    let across = |band: &dyn Fn(Stage) -> Band| Band {
        low: band(lowest).low.min(band(highest).low),
        high: band(lowest).high.max(band(highest).high),
    };
    let base_band = across(&|s| dimension.bands[s.index()]);
    let band = across(&at);
    let base_weight = Stage::ALL
        .iter()
        .filter(|s| (lowest..=highest).contains(s))
        .map(|s| dimension.weights[s.index()])
        .max()
        .unwrap_or(1);
    let weight =
        (i16::from(base_weight) + i16::from(strategy.weight_shift[index])).clamp(1, 4) as u8;
    let questions: Vec<(usize, &Question)> = bank
        .questions
        .iter()
        .enumerate()
        .filter(|(_, q)| q.dimension == Some(index))
        .collect();
    // The questions that measure this dimension, then answers elsewhere that count towards it
    // (work under way counts where it builds).
    let level_answers: Vec<LevelAnswer> = bank
        .questions
        .iter()
        .enumerate()
        .filter(|(_, q)| q.part == Part::Platform)
        .flat_map(|(question, q)| picks(q, answers.get(question)).map(move |p| (question, q, p)))
        .filter_map(|(question, q, (choice, value))| {
            let option = &q.options[choice];
            let counts = q.dimension == Some(index)
                || (q.dimension.is_none() && option.counts.contains(&index));
            if !counts {
                return None;
            }
            let (value, share) = match q.share_of {
                Some(_) => {
                    let range = share_range(bank, answers, q, choice)?;
                    (nearest_to_band(range.levels, band), Some(range))
                }
                None => (value, None),
            };
            Some(LevelAnswer {
                question,
                choice,
                level: counted_level(value, option.fit, band),
                value,
                fit: option.fit,
                share,
            })
        })
        .collect();
    // A level set by a plan replaces the answers' mean; the answers stay as the evidence.
    let level = match set {
        Some(set) => Some(f32::from(set.min(4))),
        None => mean(level_answers.iter().map(|a| a.level)),
    };
    let own = || {
        level_answers
            .iter()
            .filter(|a| bank.questions[a.question].dimension == Some(index))
            .map(|a| a.value)
    };
    let answered = match (set, own().min(), own().max()) {
        (Some(set), _, _) => Some([set.min(4); 2]),
        (None, Some(lowest), Some(highest)) => Some([lowest, highest]),
        _ => None,
    };
    let (gap, finding) = match level {
        None => (0.0, Finding::Unknown),
        Some(level) if level < f32::from(band.low) => (level - f32::from(band.low), Finding::Under),
        Some(level) if level > f32::from(band.high) => {
            (level - f32::from(band.high), Finding::Over)
        }
        Some(_) => (0.0, Finding::Fit),
    };
    let charged_weight = if lowest == Stage::Early && finding == Finding::Over {
        weight.max(heaviest_early_weight(bank))
    } else {
        weight
    };
    // Across a line between stages, an area that fits but sits below what the later stage
    // asks for gets ready for it; a company that chose its own stage is judged by that alone.
    let prepare_for = match level {
        Some(level) if lowest != highest => {
            let next = at(highest);
            (finding == Finding::Fit && level < f32::from(next.low)).then_some(next)
        }
        _ => None,
    };
    DimensionResult {
        dimension: index,
        answers: level_answers,
        n_questions: questions.len(),
        level,
        answered,
        base_band,
        base_weight,
        across: (lowest != highest).then_some(Transition {
            from: lowest,
            to: highest,
        }),
        band,
        weight,
        charged_weight,
        gap,
        off: (gap.abs() / FULL_GAP).min(1.0),
        points_lost: 0.0,
        finding,
        prepare_for,
        by_stage: Vec::new(),
    }
}

/// The top three: dimensions off their band, by the points they cost, then by how much the
/// strategy stresses them, then by weight; where fewer than three are off, dimensions to
/// prepare for the next stage fill the list.
/// What the answers say about cost: whether the company is under cost pressure (an answer
/// marked `cost_pressure`), and, when it is cutting costs (`cost_cutting`), the dimension that
/// re-platforming working services (an answer marked `replatform`) counts towards.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Pressure {
    cost: bool,
    replatforming: Option<usize>,
}

fn pressure(bank: &Bank, answers: &Answers) -> Pressure {
    let given = || {
        bank.questions
            .iter()
            .zip(answers.iter())
            .flat_map(|(q, a)| picked_options(q, a).map(move |(_, o)| (q, o)))
    };
    let cost = given().any(|(_, o)| o.cost_pressure);
    let cutting = given().any(|(_, o)| o.cost_cutting);
    let replatforming = given()
        .filter(|(_, o)| o.replatform)
        .find_map(|(q, o)| q.dimension.or(o.counts.first().copied()));
    Pressure {
        cost,
        replatforming: replatforming.filter(|_| cutting),
    }
}

/// Under cost pressure, growing the platform team comes after cost and consolidation: the
/// chapter's cost-cutting platform consolidates and retires before it adds people.
fn grows_the_team(dimension: &str, kind: PriorityKind) -> bool {
    dimension == "platform_org" && kind == PriorityKind::Invest
}

fn priorities(
    bank: &Bank,
    dimensions: &[DimensionResult],
    strategy: &StrategyEffect,
    stage: Stage,
    pressure: Pressure,
) -> Vec<Priority> {
    let mut off: Vec<&DimensionResult> = dimensions
        .iter()
        .filter(|d| matches!(d.finding, Finding::Over | Finding::Under))
        .collect();
    off.sort_by(|a, b| {
        b.points_lost
            .total_cmp(&a.points_lost)
            .then(strategy.weight_shift[b.dimension].cmp(&strategy.weight_shift[a.dimension]))
            .then(b.weight.cmp(&a.weight))
            .then(a.dimension.cmp(&b.dimension))
    });
    let mut list: Vec<Priority> = off
        .into_iter()
        .map(|d| {
            let (kind, advice) = if d.finding == Finding::Under {
                (PriorityKind::Invest, AdviceKind::Behind)
            } else {
                (PriorityKind::Defer, AdviceKind::Ahead)
            };
            Priority {
                dimension: d.dimension,
                kind,
                stage,
                share: share_of(d),
                level: d.advice_level(advice),
            }
        })
        .collect();
    let mut prepare: Vec<&DimensionResult> = dimensions
        .iter()
        .filter(|d| d.prepare_for.is_some())
        .collect();
    let distance = |d: &DimensionResult| {
        let next = d.prepare_for.map_or(0.0, |b| f32::from(b.low));
        (next - d.level.unwrap_or(next)) * f32::from(d.weight)
    };
    prepare.sort_by(|a, b| {
        distance(b)
            .total_cmp(&distance(a))
            .then(a.dimension.cmp(&b.dimension))
    });
    list.extend(prepare.into_iter().map(|d| Priority {
        dimension: d.dimension,
        kind: PriorityKind::Prepare,
        stage,
        share: share_of(d),
        level: None,
    }));
    if pressure.cost {
        // A stable sort: everything else keeps its order, growing the team goes last.
        list.sort_by_key(|p| grows_the_team(bank.dimensions[p.dimension].id, p.kind));
    }
    if let Some(dimension) = pressure.replatforming {
        list.insert(
            0,
            Priority {
                dimension,
                kind: PriorityKind::Replatform,
                stage,
                share: None,
                level: None,
            },
        );
    }
    list.truncate(3);
    list
}

// Native only: the property tests use proptest, which is not built for wasm32.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
