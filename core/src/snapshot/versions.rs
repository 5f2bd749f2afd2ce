//! Versions and plans of one saved assessment (issue 26). Changing an answer of a saved
//! assessment makes a new version; the earlier ones are kept with it, under the same key, so
//! nothing a person saw is overwritten. A plan is a named set of what-if moves saved beside the
//! versions; it never changes the answers.
//!
//! On storage they are fields of the stored snapshot, which keeps format 1 at its top level (the
//! current version), so an older build still reads the current answers and, as it keeps fields
//! it does not know, writes the versions and plans back untouched:
//!
//! - `v`: the current version's number (absent: 1);
//! - `versions`: the earlier versions, oldest first, each `{v, bank, updated, stage, answers}`;
//! - `plans`: `{id, name, created, v, moves: [{area, level}], strategy: {question id: answer}}`.

use serde_json::{Map, Number, Value};

use super::{Snapshot, place, whole, whole_millis};
use crate::answers::{Answer, Answers};
use crate::bank::Bank;
use crate::compare::{self, Change, Measure};
use crate::plan::{Move, Plan};
use crate::report::clean_label;
use crate::scoring::{Assessment, Priority};
use crate::stage::Stage;

/// One earlier version of an assessment: what was answered then.
#[derive(Clone, Debug, PartialEq)]
pub struct Version {
    /// Its number, from 1; versions of one assessment never share a number.
    pub number: u32,
    pub answers: Answers,
    /// When it was saved (information for people, never used to order writes).
    pub updated: f64,
}

/// A what-if plan saved with an assessment: moves of areas to other levels and strategy
/// answers, in the order the person made them. It never changes the answers.
#[derive(Clone, Debug, PartialEq)]
pub struct SavedPlan {
    /// Unique within its assessment.
    pub id: String,
    pub name: String,
    pub created: f64,
    /// The version it was made on.
    pub version: u32,
    /// (area index in the bank's dimensions, target level 0 to 4), in order.
    pub moves: Vec<(usize, u8)>,
    /// (question index, answer) for strategy questions answered otherwise in the plan.
    pub strategy: Vec<(usize, Answer)>,
}

impl SavedPlan {
    /// The plan as the planner works on it.
    pub fn plan(&self) -> Plan {
        Plan {
            name: self.name.clone(),
            moves: self
                .moves
                .iter()
                .map(|&(dimension, level)| Move { dimension, level })
                .collect(),
            strategy: self.strategy.clone(),
        }
    }

    /// `plan` saved as `id` at `created`, made on version `version`; its moves and strategy
    /// answers one per area and question (`Plan::normalised`), its name cleaned.
    pub fn of(bank: &Bank, id: String, plan: &Plan, created: f64, version: u32) -> SavedPlan {
        let plan = plan.normalised(bank);
        SavedPlan {
            id,
            name: clean_label(&plan.name),
            created,
            version,
            moves: plan.moves.iter().map(|m| (m.dimension, m.level)).collect(),
            strategy: plan.strategy,
        }
    }
}

/// Most versions kept per assessment: the oldest go first beyond it, so one key stays small
/// enough for storage and the history quick to read.
pub const MAX_VERSIONS: usize = 50;

/// Most plans kept per assessment.
pub const MAX_PLANS: usize = 20;

impl Snapshot {
    /// The current version's number.
    pub fn number(&self) -> u32 {
        self.earlier
            .last()
            .map_or(1, |v| v.number + 1)
            .max(self.current)
    }

    /// How many versions there are, the current one included.
    pub fn version_count(&self) -> usize {
        self.earlier.len() + 1
    }

    /// The version before the current one, if any.
    pub fn previous(&self) -> Option<&Version> {
        self.earlier.last()
    }

    /// A new version with `answers`, saved at `now`: the current one is kept as an earlier
    /// version. The same answers make no new version.
    pub fn with_version(&self, answers: Answers, now: f64) -> Snapshot {
        if answers == self.answers {
            return self.clone();
        }
        let mut next = self.clone();
        next.earlier.push(Version {
            number: self.number(),
            answers: self.answers.clone(),
            updated: self.updated,
        });
        if next.earlier.len() > MAX_VERSIONS - 1 {
            let extra = next.earlier.len() - (MAX_VERSIONS - 1);
            next.earlier.drain(..extra);
        }
        next.current = self.number() + 1;
        next.answers = answers;
        next.updated = now;
        next
    }

    /// Undoes the last change: the version before becomes current again and the current one
    /// goes. `None` when there is no earlier version.
    pub fn undo(&self) -> Option<Snapshot> {
        let mut next = self.clone();
        let previous = next.earlier.pop()?;
        next.answers = previous.answers;
        next.updated = previous.updated;
        next.current = previous.number;
        Some(next)
    }

    /// Removes the version `number`; removing the current one makes the one before current.
    /// `None` when it is the only version, or there is no such version.
    pub fn without_version(&self, number: u32) -> Option<Snapshot> {
        if number == self.number() {
            return self.undo();
        }
        let mut next = self.clone();
        let at = next.earlier.iter().position(|v| v.number == number)?;
        next.earlier.remove(at);
        Some(next)
    }

    /// The version `number` as an assessment of its own (same id, label and plans), to show or
    /// compare: the current one for its own number.
    pub fn at_version(&self, number: u32) -> Option<Snapshot> {
        if number == self.number() {
            return Some(self.clone());
        }
        let v = self.earlier.iter().find(|v| v.number == number)?;
        let mut at = self.clone();
        at.answers = v.answers.clone();
        at.updated = v.updated;
        at.current = v.number;
        at.earlier.retain(|e| e.number < number);
        Some(at)
    }

    /// Every version, oldest first: (number, answers, saved at).
    pub fn versions(&self) -> impl DoubleEndedIterator<Item = (u32, &Answers, f64)> + '_ {
        self.earlier
            .iter()
            .map(|v| (v.number, &v.answers, v.updated))
            .chain(std::iter::once((
                self.number(),
                &self.answers,
                self.updated,
            )))
    }

    /// Saves `plan` (a new one, or in place of the plan with its id), keeping at most
    /// `MAX_PLANS` (the oldest go).
    pub fn with_plan(&self, plan: SavedPlan) -> Snapshot {
        let mut next = self.clone();
        match next.plans.iter().position(|p| p.id == plan.id) {
            Some(i) => next.plans[i] = plan,
            None => next.plans.push(plan),
        }
        if next.plans.len() > MAX_PLANS {
            let extra = next.plans.len() - MAX_PLANS;
            next.plans.drain(..extra);
        }
        next
    }

    /// Removes the plan `id`.
    pub fn without_plan(&self, id: &str) -> Snapshot {
        let mut next = self.clone();
        next.plans.retain(|p| p.id != id);
        next
    }

    /// A plan id not used by this assessment's plans.
    pub fn free_plan_id(&self) -> String {
        (1..)
            .map(|n| format!("p{n}"))
            .find(|id| !self.plans.iter().any(|p| &p.id == id))
            .unwrap_or_default()
    }
}

/// What changed from one version to the next, as the results show it: the score, each area whose
/// finding moved, and the priorities that left or entered.
#[derive(Clone, Debug, PartialEq)]
pub struct VersionChange {
    /// The score before and after.
    pub score: (Option<u8>, Option<u8>),
    /// Areas whose finding changed (ahead, within, behind, unknown), in bank order.
    pub areas: Vec<Change>,
    /// Priorities of the earlier version that are no longer among the top ones.
    pub left: Vec<Priority>,
    /// Priorities that are new among the top ones.
    pub entered: Vec<Priority>,
}

impl VersionChange {
    /// The signed change of the score, when both are scored.
    pub fn points(&self) -> Option<i16> {
        match self.score {
            (Some(a), Some(b)) => Some(i16::from(b) - i16::from(a)),
            _ => None,
        }
    }
}

/// What changed from `before` to `after` (two versions of one assessment, in that order).
pub fn version_change(before: &Assessment, after: &Assessment) -> VersionChange {
    let same = |p: &Priority, q: &Priority| p.dimension == q.dimension && p.kind == q.kind;
    let areas = compare::changes(before, after)
        .into_iter()
        .filter(|c| match (c.measure, c.before, c.after) {
            (
                Measure::Area(_),
                compare::Value::Area { finding: a, .. },
                compare::Value::Area { finding: b, .. },
            ) => a != b,
            _ => false,
        })
        .collect();
    VersionChange {
        score: (before.score, after.score),
        areas,
        left: before
            .priorities
            .iter()
            .filter(|p| !after.priorities.iter().any(|q| same(p, q)))
            .copied()
            .collect(),
        entered: after
            .priorities
            .iter()
            .filter(|q| !before.priorities.iter().any(|p| same(p, q)))
            .copied()
            .collect(),
    }
}

/// Answers as stored: by question id, an option's index, a list of them (several at once) or
/// `"unknown"`.
pub(super) fn answers_json(bank: &Bank, answers: &Answers) -> Map<String, Value> {
    let mut out = Map::new();
    for (q, a) in bank.questions.iter().zip(answers.iter()) {
        let value = match a {
            Answer::Unanswered => continue,
            Answer::Unknown => Value::from("unknown"),
            Answer::Chosen(i) => Value::from(i),
            Answer::Several(_) => Value::from(a.picked().collect::<Vec<_>>()),
        };
        out.insert(q.id.to_string(), value);
    }
    out
}

fn stage_json(stage: Option<Stage>) -> Value {
    stage.map_or(Value::Null, |s| Value::from(s.id()))
}

fn read_stage(value: Option<&Value>) -> Result<Option<Stage>, ()> {
    match value {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => match s.as_str() {
            "" => Ok(None),
            "early" => Ok(Some(Stage::Early)),
            "growth" => Ok(Some(Stage::Growth)),
            "mature" => Ok(Some(Stage::Mature)),
            _ => Err(()),
        },
        Some(_) => Err(()),
    }
}

fn read_answers(bank: &Bank, value: Option<&Value>) -> Option<Answers> {
    let mut answers = Answers::new(bank);
    for (id, answer) in value?.as_object()? {
        if let Some((i, a)) = place(bank, id, answer) {
            answers.set(i, a);
        }
    }
    Some(answers)
}

fn number(value: Option<&Value>, max: u32) -> Option<u32> {
    value.and_then(Value::as_number).and_then(|n| whole(n, max))
}

fn time(value: Option<&Value>) -> Option<f64> {
    value
        .and_then(Value::as_f64)
        .filter(|t| whole_millis(*t).is_some())
}

/// The versions and plans of a stored snapshot's extra fields, taken out of them; what cannot
/// be read stays in `extra`, so it is written back as it was.
pub(super) fn take(
    bank: &Bank,
    extra: &mut Map<String, Value>,
) -> (u32, Vec<Version>, Vec<SavedPlan>) {
    let current = number(extra.get("v"), u32::MAX).filter(|n| *n >= 1);
    if current.is_some() {
        extra.remove("v");
    }
    let mut earlier = Vec::new();
    if let Some(Value::Array(list)) = extra.get("versions") {
        let read: Option<Vec<Version>> = list.iter().map(|v| read_version(bank, v)).collect();
        if let Some(mut read) = read {
            read.sort_by_key(|v| v.number);
            read.dedup_by_key(|v| v.number);
            earlier = read;
            extra.remove("versions");
        }
    }
    let mut plans = Vec::new();
    if let Some(Value::Array(list)) = extra.get("plans") {
        let read: Option<Vec<SavedPlan>> = list.iter().map(|p| read_plan(bank, p)).collect();
        if let Some(read) = read {
            plans = read;
            extra.remove("plans");
        }
    }
    let current = current.unwrap_or(1);
    // The current number is above every earlier one, whatever a hand-edited file says.
    let current = earlier
        .last()
        .map_or(current, |v| current.max(v.number + 1));
    (current, earlier, plans)
}

fn read_version(bank: &Bank, value: &Value) -> Option<Version> {
    let number = number(value.get("v"), u32::MAX).filter(|n| *n >= 1)?;
    // A version of a newer bank is not this build's to read: the whole list stays as it was.
    if number_field(value, "bank").is_some_and(|b| b > bank.version) {
        return None;
    }
    let mut answers = read_answers(bank, value.get("answers"))?;
    answers.stage_override = read_stage(value.get("stage")).ok()?;
    Some(Version {
        number,
        answers,
        updated: time(value.get("updated"))?,
    })
}

fn number_field(value: &Value, field: &str) -> Option<u32> {
    number(value.get(field), u32::MAX)
}

fn read_plan(bank: &Bank, value: &Value) -> Option<SavedPlan> {
    let id = value
        .get("id")?
        .as_str()
        .filter(|id| !id.is_empty() && id.len() <= 64)?;
    let name = clean_label(value.get("name")?.as_str()?);
    let mut moves = Vec::new();
    for m in value.get("moves")?.as_array()? {
        let area = m.get("area")?.as_str()?;
        let level = number(m.get("level"), 4)? as u8;
        // A move of an area this build does not know is left out of the plan.
        if let Some(d) = bank.dimensions.iter().position(|d| d.id == area) {
            moves.push((d, level));
        }
    }
    let mut strategy = Vec::new();
    if let Some(map) = value.get("strategy").and_then(Value::as_object) {
        for (id, answer) in map {
            if let Some(placed) = place(bank, id, answer) {
                strategy.push(placed);
            }
        }
    }
    Some(SavedPlan {
        id: id.to_string(),
        name,
        created: time(value.get("created"))?,
        version: number_field(value, "v").unwrap_or(1),
        moves,
        strategy,
    })
}

/// Writes the versions and plans into a stored snapshot's fields (nothing for an assessment
/// with one version and no plans, so it is stored as it always was).
pub(super) fn put(bank: &Bank, s: &Snapshot, fields: &mut Map<String, Value>) {
    if s.earlier.is_empty() && s.plans.is_empty() && s.current <= 1 {
        return;
    }
    fields.insert("v".to_string(), Value::from(s.number()));
    if !s.earlier.is_empty() {
        let list = s
            .earlier
            .iter()
            .map(|v| {
                let mut m = Map::new();
                m.insert("v".to_string(), Value::from(v.number));
                m.insert("bank".to_string(), Value::from(bank.version));
                m.insert(
                    "updated".to_string(),
                    whole_millis(v.updated).map_or(Value::Null, Value::Number),
                );
                m.insert("stage".to_string(), stage_json(v.answers.stage_override));
                m.insert(
                    "answers".to_string(),
                    Value::Object(answers_json(bank, &v.answers)),
                );
                Value::Object(m)
            })
            .collect();
        fields.insert("versions".to_string(), Value::Array(list));
    }
    if !s.plans.is_empty() {
        let list = s.plans.iter().map(|p| plan_json(bank, p)).collect();
        fields.insert("plans".to_string(), Value::Array(list));
    }
}

fn plan_json(bank: &Bank, p: &SavedPlan) -> Value {
    let mut m = Map::new();
    m.insert("id".to_string(), Value::from(p.id.as_str()));
    m.insert("name".to_string(), Value::from(p.name.as_str()));
    m.insert(
        "created".to_string(),
        whole_millis(p.created).map_or(Value::Null, Value::Number),
    );
    m.insert("v".to_string(), Value::from(p.version));
    let moves = p
        .moves
        .iter()
        .filter_map(|&(d, level)| {
            let area = bank.dimensions.get(d)?.id;
            let mut m = Map::new();
            m.insert("area".to_string(), Value::from(area));
            m.insert("level".to_string(), Value::Number(Number::from(level)));
            Some(Value::Object(m))
        })
        .collect();
    m.insert("moves".to_string(), Value::Array(moves));
    let mut strategy = Answers::new(bank);
    for &(q, a) in &p.strategy {
        strategy.set(q, a);
    }
    m.insert(
        "strategy".to_string(),
        Value::Object(answers_json(bank, &strategy)),
    );
    Value::Object(m)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use proptest::prelude::*;

    use super::super::{SnapshotV1, decode_snapshot, encode_entry, parse, schema};
    use super::*;
    use crate::{BANK, assess};

    fn answered(company: u8, platform: u8) -> Answers {
        crate::answered_all(company, platform)
    }

    fn saved() -> Snapshot {
        Snapshot::new(
            "a1".to_string(),
            "Team".to_string(),
            answered(1, 1),
            1_000.0,
            2_000.0,
        )
    }

    fn plan(id: &str) -> SavedPlan {
        SavedPlan {
            id: id.to_string(),
            name: "Next quarter".to_string(),
            created: 3_000.0,
            version: 2,
            moves: vec![(0, 2), (3, 1)],
            strategy: vec![],
        }
    }

    fn round_trip(s: &Snapshot) -> Snapshot {
        let text = encode_entry(&BANK, s, None);
        decode_snapshot(&BANK, &text).expect("reads back").0
    }

    #[test]
    fn a_change_keeps_the_earlier_version_and_undo_brings_it_back() {
        let first = saved();
        let second = first.with_version(answered(1, 3), 5_000.0);
        assert_eq!((first.number(), second.number()), (1, 2));
        assert_eq!(second.version_count(), 2);
        assert_eq!(second.previous().map(|v| &v.answers), Some(&first.answers));
        assert_eq!(second.undo(), Some(first.clone()));
        // The same answers make no version.
        assert_eq!(first.with_version(first.answers.clone(), 9.0), first);
        assert_eq!(first.undo(), None);
    }

    #[test]
    fn versions_and_plans_round_trip_and_a_plain_entry_is_stored_as_before() {
        let plain = saved();
        let text = encode_entry(&BANK, &plain, None);
        assert!(
            !text.contains("\"versions\"") && !text.contains("\"v\""),
            "{text}"
        );
        let rich = plain
            .with_version(answered(1, 3), 5_000.0)
            .with_version(answered(2, 3), 6_000.0)
            .with_plan(plan("p1"));
        assert_eq!(round_trip(&rich), rich);
        assert_eq!(round_trip(&rich).number(), 3);
    }

    #[test]
    fn an_older_build_keeps_the_versions_and_plans_as_fields_it_does_not_know() {
        let rich = saved()
            .with_version(answered(1, 3), 5_000.0)
            .with_plan(plan("p1"));
        let text = encode_entry(&BANK, &rich, None);
        let v1: SnapshotV1 = schema(&parse(&text).unwrap()).unwrap();
        for field in ["v", "versions", "plans"] {
            assert!(v1.extra.contains_key(field), "{field} in {text}");
        }
        // What an older build writes back (its current answers changed, the rest kept) reads
        // here with every version.
        let mut older = v1;
        older.answers = Map::new();
        let back = super::super::json(&older).to_string();
        let read = decode_snapshot(&BANK, &back).unwrap().0;
        assert_eq!(read.earlier, rich.earlier);
        assert_eq!(read.plans, rich.plans);
    }

    #[test]
    fn deleting_one_version_keeps_the_others() {
        let s = saved()
            .with_version(answered(1, 2), 5_000.0)
            .with_version(answered(1, 3), 6_000.0);
        let without_first = s.without_version(1).unwrap();
        assert_eq!(without_first.version_count(), 2);
        assert_eq!(without_first.answers, s.answers);
        let without_current = s.without_version(3).unwrap();
        assert_eq!(without_current.answers, answered(1, 2));
        assert_eq!(without_current.number(), 2);
        assert_eq!(saved().without_version(1), None);
        assert_eq!(s.without_version(9), None);
        let at = s.at_version(2).unwrap();
        assert_eq!((at.answers.clone(), at.number()), (answered(1, 2), 2));
    }

    #[test]
    fn unreadable_versions_or_plans_are_written_back_as_they_were() {
        let text = encode_entry(&BANK, &saved(), None);
        let mut value = parse(&text).unwrap();
        let odd = serde_json::json!([{"v": "two", "answers": 3}]);
        value["versions"] = odd.clone();
        value["plans"] = serde_json::json!([{"name": 5}]);
        let stored = value.to_string();
        let (read, _) = decode_snapshot(&BANK, &stored).unwrap();
        assert!(read.earlier.is_empty() && read.plans.is_empty());
        let again = parse(&encode_entry(&BANK, &read, Some(&stored))).unwrap();
        assert_eq!(again["versions"], odd);
        assert_eq!(again["plans"], value["plans"]);
    }

    #[test]
    fn versions_beyond_the_most_kept_drop_the_oldest() {
        let mut s = saved();
        for n in 0..(MAX_VERSIONS + 5) {
            let mut answers = answered(1, 1);
            answers.set(0, Answer::Chosen((n % 3) as u8));
            answers.set(1, Answer::Chosen((n / 3 % 3) as u8));
            answers.set(2, Answer::Chosen((n / 9 % 3) as u8));
            s = s.with_version(answers, n as f64);
        }
        assert!(s.version_count() <= MAX_VERSIONS);
        assert!(s.earlier.windows(2).all(|w| w[0].number < w[1].number));
    }

    #[test]
    fn the_change_names_the_score_areas_and_priorities_that_moved() {
        let before = assess(&BANK, &answered(0, 0));
        let after = assess(&BANK, &answered(0, 4));
        let change = version_change(&before, &after);
        assert_eq!(
            change.points(),
            Some(i16::from(after.score.unwrap()) - i16::from(before.score.unwrap()))
        );
        assert!(!change.areas.is_empty());
        assert!(!change.entered.is_empty() || !change.left.is_empty());
        let none = version_change(&before, &before);
        assert_eq!(none.points(), Some(0));
        assert!(none.areas.is_empty() && none.left.is_empty() && none.entered.is_empty());
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(crate::fuzz_cases(256)))]

        #[test]
        fn any_chain_of_changes_round_trips_and_undoes_step_by_step(
            picks in proptest::collection::vec((0_usize..27, 0_u8..4), 1..8),
        ) {
            let mut chain = vec![saved()];
            for (n, (q, o)) in picks.into_iter().enumerate() {
                let last = chain.last().unwrap();
                let mut answers = last.answers.clone();
                let q = q % BANK.questions.len();
                let o = o.min((BANK.questions[q].options.len() - 1) as u8);
                answers.set(q, Answer::Chosen(o));
                let next = last.with_version(answers, 10_000.0 + n as f64);
                if next != *last {
                    chain.push(next);
                }
            }
            let newest = chain.last().unwrap().clone();
            prop_assert_eq!(round_trip(&newest), newest.clone());
            let mut back = newest;
            for earlier in chain.iter().rev().skip(1) {
                back = back.undo().unwrap();
                prop_assert_eq!(&back, earlier);
            }
        }
    }
}
