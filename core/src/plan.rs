//! The what-if planner: a named plan moves areas to other investment levels (and may give other
//! strategy answers), and this module works out what the assessment would then be, the score
//! after each move, the moves that would raise the fit most, what moving an area past its band
//! would cost, and, on a later version of the assessment, which planned moves were made.
//!
//! A plan is ground state, like the answers: what it projects is always recomputed, never
//! stored. It never changes the answers it is given. A projection is a real assessment
//! (`scoring::assess_with`) with some areas' levels set, not answers made up to reach them, so
//! the findings, priorities and score follow the chapter's rule as they do for real answers:
//! ahead of the stage is a cost, not a goal, and a plan that moves an area past its band scores
//! lower for it.

use super::answers::{Answer, Answers};
use super::bank::{Bank, Goal, Part};
use super::scoring::{Assessment, assess, assess_with};

/// The highest investment level; a move to a higher one counts as a move to this.
pub const TOP_LEVEL: u8 = 4;

/// One planned move: the level (0 to 4) one area is to sit at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Move {
    /// Index into the bank's dimensions.
    pub dimension: usize,
    /// The area's target level, 0 to 4; a higher one counts as 4.
    pub level: u8,
}

/// A named what-if plan, saved with an assessment (an assessment may have several).
///
/// The moves apply in order; a later move of the same area replaces the earlier one, so the
/// plan's end state is each area at the level of its last move (`normalised` keeps only that).
/// `strategy` gives other answers to questions of the strategy part (question index, answer),
/// applied before any move, a later one for the same question replacing an earlier one;
/// entries for questions of other parts, or for areas the bank does not have, change nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Plan {
    pub name: String,
    pub moves: Vec<Move>,
    pub strategy: Vec<(usize, Answer)>,
}

impl Plan {
    /// The same plan with one move per area and one answer per strategy question: each in the
    /// place where it first appears, with the level or answer of its last appearance (a later
    /// move replaces an earlier one in place, so the order the person planned in is kept).
    /// Levels above 4 become 4; moves of areas the bank does not have and answers to questions
    /// outside the strategy part are dropped. It projects exactly as the plan does.
    pub fn normalised(&self, bank: &Bank) -> Plan {
        let mut moves: Vec<Move> = Vec::new();
        for mv in &self.moves {
            if mv.dimension >= bank.dimensions.len() {
                continue;
            }
            let mv = Move {
                dimension: mv.dimension,
                level: mv.level.min(TOP_LEVEL),
            };
            match moves.iter_mut().find(|m| m.dimension == mv.dimension) {
                Some(earlier) => *earlier = mv,
                None => moves.push(mv),
            }
        }
        let mut strategy: Vec<(usize, Answer)> = Vec::new();
        for &(question, answer) in &self.strategy {
            if !is_strategy(bank, question) {
                continue;
            }
            match strategy.iter_mut().find(|(q, _)| *q == question) {
                Some(earlier) => earlier.1 = answer,
                None => strategy.push((question, answer)),
            }
        }
        Plan {
            name: self.name.clone(),
            moves,
            strategy,
        }
    }

    /// The plan with `mv` added as its last move.
    pub fn with(&self, mv: Move) -> Plan {
        let mut plan = self.clone();
        plan.moves.push(mv);
        plan
    }
}

/// The score after one move of a plan, its moves applied in order.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Step {
    pub mv: Move,
    /// The area's level just before this move (after the strategy and the earlier moves), or
    /// `None` when it was not scored.
    pub from: Option<f32>,
    /// The projected score after this move and every one before it.
    pub score: Option<u8>,
}

/// A move the planner suggests, or shows the cost of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Suggestion {
    pub mv: Move,
    /// The projected score with the move added to the plan.
    pub score: Option<u8>,
    /// The score with the move minus the score without it, in points.
    pub change: i16,
}

fn is_strategy(bank: &Bank, question: usize) -> bool {
    bank.questions
        .get(question)
        .is_some_and(|q| q.part == Part::Strategy)
}

/// The answers with the plan's strategy answers in place of the given ones.
fn with_strategy(bank: &Bank, answers: &Answers, plan: &Plan) -> Answers {
    let mut answers = answers.clone();
    for &(question, answer) in &plan.strategy {
        if is_strategy(bank, question) {
            answers.set(question, answer);
        }
    }
    answers
}

/// The level each area is set to by `moves`, the last move of an area counting.
fn levels(bank: &Bank, moves: &[Move]) -> Vec<Option<u8>> {
    let mut levels = vec![None; bank.dimensions.len()];
    for mv in moves {
        if let Some(slot) = levels.get_mut(mv.dimension) {
            *slot = Some(mv.level.min(TOP_LEVEL));
        }
    }
    levels
}

/// The assessment as if each area the plan moves sat at its move's level (the last move of an
/// area counting) and the plan's strategy answers had been given. The level set is the level
/// the area counts at against its band: an area's answers stay as its evidence, but its level,
/// gap, finding, points, priority and the score follow the move, whatever the answers' `Fit`
/// or shares of people would have made of them; an area with no known answer is scored at the
/// level it is moved to. With no moves and no strategy answers it is exactly `assess`.
pub fn project(bank: &Bank, answers: &Answers, plan: &Plan) -> Assessment {
    assess_with(
        bank,
        &with_strategy(bank, answers, plan),
        &levels(bank, &plan.moves),
    )
}

/// The projected score after each move, the moves applied one after another in order and the
/// strategy answers from the start: the last step's score is `project`'s. A move of an area
/// the bank does not have changes nothing and is listed with the score before it.
pub fn steps(bank: &Bank, answers: &Answers, plan: &Plan) -> Vec<Step> {
    let answers = with_strategy(bank, answers, plan);
    let mut set = vec![None; bank.dimensions.len()];
    let mut now = assess_with(bank, &answers, &set);
    let mut steps = Vec::with_capacity(plan.moves.len());
    for &mv in &plan.moves {
        let from = now.dimensions.get(mv.dimension).and_then(|d| d.level);
        if let Some(slot) = set.get_mut(mv.dimension) {
            *slot = Some(mv.level.min(TOP_LEVEL));
            now = assess_with(bank, &answers, &set);
        }
        steps.push(Step {
            mv,
            from,
            score: now.score,
        });
    }
    steps
}

fn change(before: Option<u8>, after: Option<u8>) -> i16 {
    match (before, after) {
        (Some(b), Some(a)) => i16::from(a) - i16::from(b),
        _ => 0,
    }
}

/// The `n` moves that raise the projected score most when added to `plan_so_far`, best first,
/// only those that raise it. Every scored area (in the projection of the plan so far) is tried
/// at every level 0 to 4 other than the one it sits at, and each area is suggested once, at
/// its best level: a person moves an area to one level, and three levels of one area would
/// crowd the others out. Ties go to the smaller move (levels moved), then to the area that
/// comes first in the bank, then (within one area) to the lower level. A platform so far off
/// its stage that the score is 0 may get no suggestion at all: the weight it loses can exceed
/// the whole, so one area brought into its band still leaves every point lost.
pub fn suggest(bank: &Bank, answers: &Answers, plan_so_far: &Plan, n: usize) -> Vec<Suggestion> {
    let now = project(bank, answers, plan_so_far);
    let mut best: Vec<(Suggestion, f32)> = Vec::new();
    for d in &now.dimensions {
        let Some(level) = d.level else { continue };
        let mut area: Option<(Suggestion, f32)> = None;
        for target in 0..=TOP_LEVEL {
            if f32::from(target) == level {
                continue;
            }
            let mv = Move {
                dimension: d.dimension,
                level: target,
            };
            let score = project(bank, answers, &plan_so_far.with(mv)).score;
            let candidate = Suggestion {
                mv,
                score,
                change: change(now.score, score),
            };
            let distance = (f32::from(target) - level).abs();
            // Levels are tried from the lowest, so a tie in change and distance keeps it.
            let better = area.is_none_or(|(kept, kept_distance)| {
                candidate.change > kept.change
                    || (candidate.change == kept.change && distance < kept_distance)
            });
            if better {
                area = Some((candidate, distance));
            }
        }
        best.extend(area.filter(|(s, _)| s.change > 0));
    }
    // The areas were tried in bank order and the sort is stable: equal ones stay in it.
    best.sort_by(|(a, da), (b, db)| b.change.cmp(&a.change).then(da.total_cmp(db)));
    best.into_iter().take(n).map(|(s, _)| s).collect()
}

/// What moving `dimension` one level above the top of its band would do to the plan's projected
/// score (a change of zero or less: ahead of the stage is a cost). Near a line, where the score
/// weighs several stages (issue 29), that is one level above the top of every band it weighs.
/// `None` when the area is not scored, when a band already reaches 4 (there is no level past
/// it), or when the area already sits at or above that level (its finding shows the cost
/// already).
pub fn past_band(
    bank: &Bank,
    answers: &Answers,
    plan: &Plan,
    dimension: usize,
) -> Option<Suggestion> {
    let now = project(bank, answers, plan);
    let area = now.dimensions.get(dimension)?;
    area.level?;
    let bands = area.weighed_bands();
    let top = bands.iter().map(|(_, b)| b.high).max()?;
    if top >= TOP_LEVEL {
        return None;
    }
    let target = top + 1;
    if bands
        .iter()
        .any(|(level, _)| level.is_some_and(|l| l >= f32::from(target)))
    {
        return None;
    }
    let mv = Move {
        dimension,
        level: target,
    };
    let score = project(bank, answers, &plan.with(mv)).score;
    Some(Suggestion {
        mv,
        score,
        change: change(now.score, score),
    })
}

/// How close to a move's level an area must come for the move to count as made.
pub const MADE_WITHIN: f32 = 0.5;

/// For each of the plan's moves, in order, whether the later answers made it. An area's level
/// is the one `assess` gives (the level it counts at). A move is made when, in `assess(after)`,
/// its area sits within half a level of the move's level (`MADE_WITHIN`, both ends included),
/// or went at least as far as the move in the move's direction from where it sat in
/// `assess(before)` (a move up to 2 from 1 is made at 2.4 and at 3; a move down to 1 from 3 is
/// made at 1.5 and at 0). An area not scored afterwards made no move; one not scored before
/// has no direction, so only the first rule applies. Each move is judged on its own, even one a
/// later move of the same area replaces. The plan's strategy answers play no part: the later
/// answers are what the company said.
pub fn made(plan: &Plan, bank: &Bank, before: &Answers, after: &Answers) -> Vec<bool> {
    let (was, is) = (assess(bank, before), assess(bank, after));
    let level = |a: &Assessment, d: usize| a.dimensions.get(d).and_then(|r| r.level);
    plan.moves
        .iter()
        .map(|mv| {
            let target = f32::from(mv.level.min(TOP_LEVEL));
            let Some(now) = level(&is, mv.dimension) else {
                return false;
            };
            if (now - target).abs() <= MADE_WITHIN {
                return true;
            }
            match level(&was, mv.dimension) {
                Some(from) if target > from => now >= target,
                Some(from) if target < from => now <= target,
                _ => false,
            }
        })
        .collect()
}

/// The areas the plan moves and the draft outcome goal that fits each, in the order of the
/// normalised plan: `Goal::Behind` for an area moved up (investing more), `Goal::Ahead` for one
/// moved down (spending less where it does not pay yet). Up and down are from the area's level
/// with the plan's strategy and no move; an area with no level is taken as moved up (the plan
/// builds it), and a move to the level the area sits at has no goal.
pub fn goals(bank: &Bank, answers: &Answers, plan: &Plan) -> Vec<(usize, Goal)> {
    let plan = plan.normalised(bank);
    let start = assess(bank, &with_strategy(bank, answers, &plan));
    plan.moves
        .iter()
        .filter_map(|mv| {
            let target = f32::from(mv.level);
            let goal = match start.dimensions[mv.dimension].level {
                None => Goal::Behind,
                Some(from) if target > from => Goal::Behind,
                Some(from) if target < from => Goal::Ahead,
                Some(_) => return None,
            };
            Some((mv.dimension, goal))
        })
        .collect()
}

// Native only: the property tests use proptest, which is not built for wasm32.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
