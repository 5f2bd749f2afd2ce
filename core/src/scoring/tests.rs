//! Native tests of the scoring model: the chapter's own cases, one-line data-driven cases, and
//! properties over random answers.

use proptest::prelude::*;

use super::*;
use crate::BANK;

fn question(id: &str) -> usize {
    BANK.questions
        .iter()
        .position(|q| q.id == id)
        .unwrap_or_else(|| panic!("no question {id}"))
}

fn dimension(id: &str) -> usize {
    BANK.dimensions
        .iter()
        .position(|d| d.id == id)
        .unwrap_or_else(|| panic!("no dimension {id}"))
}

/// The option of question `index` whose value is closest to `value` (the first on ties).
fn closest(index: usize, value: f32) -> Answer {
    let options = BANK.questions[index].options;
    let best = (0..options.len())
        .min_by(|&a, &b| {
            let d = |i: usize| (f32::from(options[i].value) - value).abs();
            d(a).total_cmp(&d(b))
        })
        .unwrap_or(0);
    Answer::Chosen(best as u8)
}

/// Every company question answered at the option closest to `value` on the stage scale, the
/// strategy unanswered, every platform question at the level `level(dimension id)` gives.
fn answers(company: f32, level: impl Fn(&str) -> f32) -> Answers {
    let mut answers = Answers::new(&BANK);
    for (index, q) in BANK.questions.iter().enumerate() {
        match (q.part, q.dimension) {
            (Part::Company, _) => answers.set(index, closest(index, company)),
            (Part::Platform, Some(d)) => {
                answers.set(index, closest(index, level(BANK.dimensions[d].id)))
            }
            _ => {}
        }
    }
    answers
}

/// A platform in the middle of every band of `stage`: what fits that stage.
fn fitting(stage: Stage) -> impl Fn(&str) -> f32 {
    move |id| {
        let band = BANK.dimensions[dimension(id)].bands[stage.index()];
        (f32::from(band.low) + f32::from(band.high)) / 2.0
    }
}

fn finding(result: &Assessment, id: &str) -> Finding {
    result.dimensions[dimension(id)].finding
}

/// Checks the stage and the findings listed (others are not checked) for one set of answers.
fn check(answers: &Answers, stage: Stage, findings: &[(&str, Finding)]) -> Assessment {
    let result = assess(&BANK, answers);
    assert_eq!(result.stage.stage, stage);
    for &(id, expected) in findings {
        assert_eq!(finding(&result, id), expected, "{id} in {result:#?}");
    }
    result
}

#[test]
fn company_answers_alone_set_the_stage() {
    for (value, stage) in [
        (0.0, Stage::Early),
        (1.0, Stage::Early),
        (2.0, Stage::Growth),
        (4.0, Stage::Mature),
    ] {
        let result = assess(&BANK, &answers(value, |_| 0.0));
        assert_eq!(result.stage.inferred, stage, "company answers at {value}");
        assert_eq!(
            result.stage.confidence,
            Confidence::High,
            "all answers agree at {value}"
        );
    }
}

#[test]
fn chapter_an_early_company_with_a_sophisticated_platform_is_ahead() {
    let result = check(
        &answers(0.0, |_| 4.0),
        Stage::Early,
        &[
            ("golden_paths", Finding::Over),
            ("self_service", Finding::Over),
            ("infrastructure", Finding::Over),
            ("platform_org", Finding::Over),
            ("reliability", Finding::Over),
        ],
    );
    assert!(
        result.score.is_some_and(|s| s < 30),
        "score {:?}",
        result.score
    );
    assert!(
        result
            .priorities
            .iter()
            .all(|p| p.kind == PriorityKind::Defer)
    );
}

#[test]
fn chapter_a_growth_company_on_an_early_platform_is_behind_on_standardisation() {
    let result = check(
        &answers(2.0, fitting(Stage::Early)),
        Stage::Growth,
        &[
            ("golden_paths", Finding::Under),
            ("self_service", Finding::Under),
            ("reliability", Finding::Under),
            ("infrastructure", Finding::Fit),
        ],
    );
    assert!(
        result.score.is_some_and(|s| s < 80),
        "score {:?}",
        result.score
    );
    assert_eq!(result.priorities.len(), 3);
    assert!(
        result
            .priorities
            .iter()
            .all(|p| p.kind == PriorityKind::Invest)
    );
}

#[test]
fn chapter_a_mature_company_with_redundant_systems_and_no_cost_measure_is_behind_on_optimising() {
    let mut a = answers(4.0, fitting(Stage::Mature));
    a.set(question("platform.cost"), Answer::Chosen(0));
    a.set(question("platform.consolidation"), Answer::Chosen(0));
    let result = check(
        &a,
        Stage::Mature,
        &[
            ("cost", Finding::Under),
            ("consolidation", Finding::Under),
            ("delivery", Finding::Fit),
        ],
    );
    let top: Vec<&str> = result
        .priorities
        .iter()
        .take(2)
        .map(|p| BANK.dimensions[p.dimension].id)
        .collect();
    assert!(
        top.contains(&"cost") && top.contains(&"consolidation"),
        "{top:?}"
    );
}

#[test]
fn chapter_a_platform_that_fits_its_stage_scores_85_or_more() {
    for stage in Stage::ALL {
        let company = [0.0, 2.0, 4.0][stage.index()];
        let result = check(&answers(company, fitting(stage)), stage, &[]);
        assert!(
            result.score.is_some_and(|s| s >= 85),
            "{stage}: {:?}",
            result.score
        );
        assert!(
            result.dimensions.iter().all(|d| d.finding == Finding::Fit),
            "{stage}"
        );
    }
}

#[test]
fn strategy_shifts_weights_bands_and_priorities() {
    // Moving upmarket raises the bar for security: a growth company at growth level on security
    // becomes behind there.
    let mut a = answers(2.0, fitting(Stage::Growth));
    let plain = assess(&BANK, &a);
    assert_eq!(finding(&plain, "security"), Finding::Fit);
    let focus = question("strategy.focus");
    let upmarket = BANK.questions[focus]
        .options
        .iter()
        .position(|o| o.label.contains("upmarket"));
    a.set(focus, Answer::Chosen(upmarket.unwrap() as u8));
    let shifted = assess(&BANK, &a);
    let security = &shifted.dimensions[dimension("security")];
    assert_eq!(security.band.low, security.base_band.low + 1);
    assert_eq!(security.weight, security.base_weight + 1);
    assert!(!shifted.strategy.notes.is_empty());
    // Enterprise customers raise the bar for reliability too; both now lead the priorities.
    let mut top: Vec<&str> = shifted
        .priorities
        .iter()
        .take(2)
        .map(|p| BANK.dimensions[p.dimension].id)
        .collect();
    top.sort_unstable();
    assert_eq!(top, ["reliability", "security"]);
}

#[test]
fn a_recent_change_of_direction_adds_a_realignment_note() {
    let mut a = answers(2.0, fitting(Stage::Growth));
    let changed = question("strategy.changed");
    a.set(changed, Answer::Chosen(2));
    let result = assess(&BANK, &a);
    assert!(
        result
            .strategy
            .notes
            .iter()
            .any(|n| n.contains("sunk cost"))
    );
}

#[test]
fn the_override_replaces_the_inferred_stage_and_the_score_follows() {
    let mut a = answers(0.0, fitting(Stage::Mature));
    let inferred = assess(&BANK, &a);
    assert_eq!(inferred.stage.stage, Stage::Early);
    a.stage_override = Some(Stage::Mature);
    let overridden = assess(&BANK, &a);
    assert_eq!(
        (overridden.stage.stage, overridden.stage.inferred),
        (Stage::Mature, Stage::Early)
    );
    assert!(overridden.stage.overridden);
    assert!(overridden.score > inferred.score);
    assert_eq!(overridden.score, Some(100));
}

#[test]
fn near_a_stage_line_the_company_is_in_transition_and_gets_prepare_advice() {
    // Company answers averaging just under the early/growth line, platform at the top of the
    // early bands: fits today, below where growth will need it.
    let mut a = answers(1.0, |id| {
        f32::from(BANK.dimensions[dimension(id)].bands[0].low)
    });
    for id in ["company.growth", "company.budget"] {
        a.set(question(id), closest(question(id), 2.0));
    }
    let result = assess(&BANK, &a);
    assert_eq!(result.stage.stage, Stage::Early);
    assert_eq!(
        result.stage.transition,
        Some(Transition {
            from: Stage::Early,
            to: Stage::Growth
        })
    );
    assert!(
        result
            .priorities
            .iter()
            .any(|p| p.kind == PriorityKind::Prepare),
        "{:?}",
        result.priorities
    );
}

#[test]
fn evidence_lists_each_known_company_answer_and_where_it_points() {
    let mut a = answers(0.0, |_| 0.0);
    a.set(question("company.engineers"), Answer::Unknown);
    a.set(question("company.teams"), Answer::Chosen(4));
    let result = assess(&BANK, &a);
    assert_eq!(result.stage.evidence.len(), result.stage.n_questions - 1);
    let teams = result
        .stage
        .evidence
        .iter()
        .find(|e| e.question == question("company.teams"));
    assert_eq!(teams.map(|e| e.points_to), Some(Stage::Mature));
    assert!(result.stage.agreement < 1.0);
}

#[test]
fn all_dont_know_gives_a_low_confidence_result_not_an_error() {
    let mut a = Answers::new(&BANK);
    for index in 0..BANK.questions.len() {
        a.set(index, Answer::Unknown);
    }
    let result = assess(&BANK, &a);
    assert_eq!(result.stage.confidence, Confidence::Low);
    assert_eq!(result.stage.position, None);
    assert_eq!(result.score, None);
    assert!(result.priorities.is_empty());
    assert!(
        result
            .dimensions
            .iter()
            .all(|d| d.finding == Finding::Unknown)
    );
}

#[test]
fn points_lost_add_up_to_the_score() {
    let result = assess(&BANK, &answers(2.0, |_| 4.0));
    let lost: f32 = result.dimensions.iter().map(|d| d.points_lost).sum();
    assert_eq!(result.score, Some((100.0 - lost).round() as u8));
}

#[test]
fn every_priority_has_advice_and_an_outcome_goal() {
    for company in [0.0, 2.0, 4.0] {
        for platform in [0.0, 4.0] {
            let result = assess(&BANK, &answers(company, |_| platform));
            assert!(result.priorities.len() <= 3);
            for p in &result.priorities {
                assert!(!p.advice(&BANK).is_empty());
                assert!((2..=3).contains(&p.okr(&BANK).results.len()));
            }
        }
    }
}

/// Any answers at all: each question unanswered, "Don't know" or any option index (in range or
/// not), with or without an override.
fn any_answers() -> impl Strategy<Value = Answers> {
    let n = BANK.questions.len();
    (
        proptest::collection::vec(
            prop_oneof![Just(None), Just(Some(255_u8)), (0_u8..6).prop_map(Some)],
            n,
        ),
        proptest::option::of(0_usize..3),
    )
        .prop_map(|(raw, stage)| {
            let mut a = Answers::new(&BANK);
            for (index, r) in raw.into_iter().enumerate() {
                a.set(
                    index,
                    match r {
                        None => Answer::Unanswered,
                        Some(255) => Answer::Unknown,
                        Some(i) => Answer::Chosen(i),
                    },
                );
            }
            a.stage_override = stage.map(|i| Stage::ALL[i]);
            a
        })
}

proptest! {
    #[test]
    fn the_score_is_always_within_0_and_100(a in any_answers()) {
        let result = assess(&BANK, &a);
        if let Some(score) = result.score {
            prop_assert!(score <= 100);
        }
        prop_assert!(result.priorities.len() <= 3);
    }

    #[test]
    fn moving_one_investment_further_from_its_band_never_raises_the_score(
        a in any_answers(),
        pick in 0_usize..64,
        step in prop_oneof![Just(-1_i32), Just(1_i32)],
    ) {
        let platform: Vec<usize> = (0..BANK.questions.len())
            .filter(|&i| BANK.questions[i].part == Part::Platform)
            .collect();
        let index = platform[pick % platform.len()];
        let Answer::Chosen(choice) = a.get(index) else { return Ok(()) };
        let moved = i32::from(choice) + step;
        if moved < 0 || moved as usize >= BANK.questions[index].options.len()
            || usize::from(choice) >= BANK.questions[index].options.len() {
            return Ok(());
        }
        let before = assess(&BANK, &a);
        let mut b = a.clone();
        b.set(index, Answer::Chosen(moved as u8));
        let after = assess(&BANK, &b);
        let d = BANK.questions[index].dimension.unwrap_or(0);
        if after.dimensions[d].gap.abs() >= before.dimensions[d].gap.abs() {
            prop_assert!(after.score <= before.score, "{:?} -> {:?}", before.score, after.score);
        }
    }
}
