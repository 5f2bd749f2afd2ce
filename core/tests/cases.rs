//! The company cases of `cases.toml`, written from the platform-alignment chapter (issue 13):
//! each is assessed natively and compared with what the chapter says should come out (stage,
//! transition, direction of the main gaps, top priority, score range). The test prints the
//! table of expected against obtained results; run it with
//! `cargo test -p stagefit-core --test cases -- --nocapture` to see it.
//!
//! It reads only the public API, as the app does, and never changes a case to fit the model.
//! Native only: its TOML reader is a native dev-dependency, as the other test tools are.
#![cfg(not(target_arch = "wasm32"))]

use serde::Deserialize;
use stagefit_core::{
    Answer, Answers, Assessment, BANK, BankText, Finding, JsonBankText, Part, assess,
};

const CASES: &str = include_str!("cases.toml");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    case: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    description: String,
    /// "early", "growth", "mature", or "unknown" when no company answer is known.
    stage: String,
    #[serde(default)]
    transition: bool,
    /// "none", "ahead" or "behind".
    gaps: String,
    /// The acceptable top priorities: "invest <dimension>", "stop-or-defer <dimension>", "none".
    priority: Vec<String>,
    #[serde(default)]
    score: Option<[u8; 2]>,
    /// "short id: start of the option's label", "short id: unknown", or "all: unknown"; several
    /// answers at once are "short id: start of one label + start of another".
    answers: Vec<String>,
}

/// What one case gave.
struct Obtained {
    stage: String,
    transition: bool,
    gaps: String,
    priority: String,
    score: Option<u8>,
}

fn answers_of(case: &Case) -> Result<Answers, String> {
    let mut answers = Answers::new(&BANK);
    for line in &case.answers {
        let (id, label) = line
            .split_once(": ")
            .ok_or_else(|| format!("{line:?} is not 'id: label'"))?;
        if id == "all" && label == "unknown" {
            for index in 0..BANK.questions.len() {
                answers.set(index, Answer::Unknown);
            }
            continue;
        }
        let index = BANK
            .questions
            .iter()
            .position(|q| q.id.split_once('.').is_some_and(|(_, short)| short == id))
            .ok_or_else(|| format!("no question {id}"))?;
        let answer = if label == "unknown" {
            Answer::Unknown
        } else {
            let q = &BANK.questions[index];
            let english = JsonBankText::english();
            let mut mask = 0_u16;
            for label in label.split(" + ") {
                let matching: Vec<usize> = (0..q.options.len())
                    .filter(|&o| english.option(q, o).starts_with(label))
                    .collect();
                match matching.as_slice() {
                    [one] => mask |= 1 << one,
                    [] => return Err(format!("{id} has no option starting {label:?}")),
                    _ => return Err(format!("{id}: {label:?} matches several options")),
                }
            }
            let answer = Answer::picks(mask);
            if !answer.fits(q) {
                return Err(format!("{id} does not take {label:?} at once"));
            }
            answer
        };
        answers.set(index, answer);
    }
    // A case answers every question, as a person finishing the questionnaire does.
    if let Some(q) = (0..BANK.questions.len()).find(|&i| !answers.get(i).is_given()) {
        return Err(format!("{} is not answered", BANK.questions[q].id));
    }
    Ok(answers)
}

fn obtained(a: &Assessment) -> Obtained {
    let points = |finding| -> f32 {
        a.dimensions
            .iter()
            .filter(|d| d.finding == finding)
            .map(|d| d.points_lost)
            .sum()
    };
    let (ahead, behind) = (points(Finding::Over), points(Finding::Under));
    let gaps = if ahead == 0.0 && behind == 0.0 {
        "none"
    } else if ahead > behind {
        "ahead"
    } else {
        "behind"
    };
    Obtained {
        stage: if a.stage.known() {
            a.stage.stage.id().to_string()
        } else {
            "unknown".to_string()
        },
        transition: a.stage.transition.is_some(),
        gaps: gaps.to_string(),
        priority: a.priorities.first().map_or("none".to_string(), |p| {
            format!("{} {}", p.kind.id(), BANK.dimensions[p.dimension].id)
        }),
        score: a.score,
    }
}

/// One row of the table, and whether the case came out as expected.
fn check(case: &Case) -> (String, bool) {
    let answers = match answers_of(case) {
        Ok(answers) => answers,
        Err(e) => return (format!("| {} | bad case: {e} | | | | |", case.name), false),
    };
    let got = obtained(&assess(&BANK, &answers));
    let score_ok = match (case.score, got.score) {
        (Some([low, high]), Some(s)) => (low..=high).contains(&s),
        (None, None) => true,
        _ => false,
    };
    let marks = [
        got.stage == case.stage && got.transition == case.transition,
        got.gaps == case.gaps,
        case.priority.contains(&got.priority),
        score_ok,
    ];
    let mark = |ok: bool| if ok { "" } else { " ✗" };
    let transition = |t: bool| if t { ", in transition" } else { "" };
    let row = format!(
        "| {} | {}{} / {}{}{} | {} / {}{} | {} / {}{} | {} / {}{} |",
        case.name,
        case.stage,
        transition(case.transition),
        got.stage,
        transition(got.transition),
        mark(marks[0]),
        case.gaps,
        got.gaps,
        mark(marks[1]),
        case.priority.join(" or "),
        got.priority,
        mark(marks[2]),
        case.score
            .map_or("none".to_string(), |[l, h]| format!("{l}-{h}")),
        got.score.map_or("none".to_string(), |s| s.to_string()),
        mark(marks[3]),
    );
    (row, marks.iter().all(|&ok| ok))
}

fn cases() -> Vec<Case> {
    match toml::from_str::<File>(CASES) {
        Ok(file) => file.case,
        Err(e) => panic!("cases.toml: {e}"),
    }
}

#[test]
fn the_company_cases_come_out_as_the_chapter_says() {
    let cases = cases();
    println!("| case | stage (expected / obtained) | main gaps | top priority | score |");
    println!("|---|---|---|---|---|");
    let mut failed = Vec::new();
    for case in &cases {
        let (row, ok) = check(case);
        println!("{row}");
        if !ok {
            failed.push(case.name.clone());
        }
    }
    assert!(
        failed.is_empty(),
        "cases that did not come out as expected: {failed:?}"
    );
}

#[test]
fn the_cases_cover_every_stage_each_way_every_strategy_a_transition_and_dont_know() {
    let cases = cases();
    assert!(cases.len() >= 12);
    for case in &cases {
        let lines = case.description.lines().count();
        assert!(
            (1..=2).contains(&lines),
            "{}: a two-line description",
            case.name
        );
    }
    for stage in ["early", "growth", "mature"] {
        for gaps in ["none", "ahead", "behind"] {
            assert!(
                cases.iter().any(|c| c.stage == stage && c.gaps == gaps),
                "no {stage} case with gaps {gaps}"
            );
        }
    }
    let focus = BANK
        .questions
        .iter()
        .find(|q| q.id == "strategy.focus")
        .expect("the strategy question");
    let english = JsonBankText::english();
    for option in 0..focus.options.len() {
        let name = english.option(focus, option);
        let used = cases.iter().any(|c| {
            c.answers.iter().any(|a| {
                a.strip_prefix("focus: ")
                    .is_some_and(|label| name.starts_with(label))
            })
        });
        assert!(used, "no case with the strategy {name:?}");
    }
    assert!(
        cases.iter().any(|c| c.transition),
        "a company in transition"
    );
    assert!(
        cases.iter().any(|c| c.answers == ["all: unknown"]),
        "a case answering Don't know throughout"
    );
    assert!(BANK.questions.iter().any(|q| q.part == Part::Company));
}
