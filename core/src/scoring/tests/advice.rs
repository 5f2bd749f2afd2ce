//! Advice from the answer given (issue 29): which of an area's texts is read for which answers,
//! that every text the bank lists is read by some answers, and that a text read when the
//! platform is ahead names no practice the respondent did not say.

use std::collections::{BTreeMap, BTreeSet};

use super::*;

/// One way an area can be ahead or behind: the answers to its own questions (option indexes, in
/// bank order), an answer elsewhere that counts towards it, the stage, and the key read.
struct Reach {
    own: Vec<(usize, usize)>,
    counted: Option<(usize, usize)>,
    stage: Stage,
    kind: AdviceKind,
    key: String,
}

/// Every way area `d` can be ahead or behind of a stage chosen outright: each combination of
/// answers to its own questions, with and without each answer elsewhere that counts towards it,
/// under every goal (goals move bands). A company in transition is judged across two stages'
/// bands, which only narrows where an area is ahead or behind, so these cover it.
fn reached(d: usize) -> Vec<Reach> {
    let own: Vec<usize> = (0..BANK.questions.len())
        .filter(|&q| BANK.questions[q].dimension == Some(d))
        .collect();
    let counting: Vec<(usize, usize)> = BANK
        .questions
        .iter()
        .enumerate()
        .filter(|(_, q)| q.part == Part::Platform && q.dimension.is_none())
        .flat_map(|(i, q)| {
            (0..q.options.len())
                .filter(move |&o| q.options[o].counts.contains(&d))
                .map(move |o| (i, o))
        })
        .collect();
    let mut combos: Vec<Vec<(usize, usize)>> = vec![vec![]];
    for &q in &own {
        combos = combos
            .into_iter()
            .flat_map(|c| {
                (0..BANK.questions[q].options.len()).map(move |o| {
                    let mut c = c.clone();
                    c.push((q, o));
                    c
                })
            })
            .collect();
    }
    let focus = question("strategy.focus");
    let goals = std::iter::once(None).chain((0..BANK.questions[focus].options.len()).map(Some));
    let mut out = Vec::new();
    for combo in &combos {
        for counted in std::iter::once(None).chain(counting.iter().copied().map(Some)) {
            for stage in Stage::ALL {
                for goal in goals.clone() {
                    let mut a = answers(stage.index() as f32 * 2.0, fitting(stage));
                    for &(q, o) in combo.iter().chain(counted.iter()) {
                        a.set(q, Answer::Chosen(o as u8));
                    }
                    if let Some(g) = goal {
                        a.set(focus, Answer::Chosen(g as u8));
                    }
                    a.stage_override = Some(stage);
                    let r = &assess(&BANK, &a).dimensions[d];
                    let kind = match r.finding {
                        Finding::Over => AdviceKind::Ahead,
                        Finding::Under => AdviceKind::Behind,
                        _ => continue,
                    };
                    let level = r.advice_level(kind);
                    out.push(Reach {
                        own: combo.clone(),
                        counted,
                        stage,
                        kind,
                        key: keys::advice(&BANK.dimensions[d], kind, stage, level),
                    });
                }
            }
        }
    }
    out
}

fn said(english: &JsonBankText, reach: &Reach) -> String {
    let mut said: Vec<String> = reach
        .own
        .iter()
        .map(|&(q, o)| english.option(&BANK.questions[q], o))
        .collect();
    if let Some((q, o)) = reach.counted {
        said.push(format!(
            "{}: {}",
            BANK.questions[q].id,
            english.option(&BANK.questions[q], o)
        ));
    }
    said.join(" | ")
}

#[test]
fn issue_29_every_advice_text_the_bank_lists_is_read_by_some_answers() {
    // A stage's or a level's own text that no answers reach would be words nobody reads, and
    // usually a sign that a level's text took its place everywhere. Run with --nocapture to
    // see, for each text, the stages and answers that read it.
    let english = JsonBankText::english();
    let mut read: BTreeSet<String> = BTreeSet::new();
    for d in 0..BANK.dimensions.len() {
        let mut by_key: BTreeMap<String, BTreeMap<String, BTreeSet<Stage>>> = BTreeMap::new();
        for reach in reached(d) {
            let direction = match reach.kind {
                AdviceKind::Ahead => ".ahead",
                _ => ".behind",
            };
            assert!(reach.key.contains(direction), "{}", reach.key);
            by_key
                .entry(reach.key.clone())
                .or_default()
                .entry(said(&english, &reach))
                .or_default()
                .insert(reach.stage);
            read.insert(reach.key);
        }
        for (key, answers) in by_key {
            println!("{key}");
            for (said, stages) in answers {
                println!("    {stages:?}: {said}");
            }
        }
    }
    for d in BANK.dimensions {
        for (kind, by_stage, by_level) in [
            (
                AdviceKind::Ahead,
                d.advice.ahead_by_stage,
                d.advice.ahead_by_level,
            ),
            (
                AdviceKind::Behind,
                d.advice.behind_by_stage,
                d.advice.behind_by_level,
            ),
        ] {
            for stage in Stage::ALL.into_iter().filter(|s| by_stage[s.index()]) {
                let key = keys::advice(d, kind, stage, None);
                assert!(read.contains(&key), "{key} is read by no answers");
            }
            for level in (0..=4).filter(|&l| by_level[usize::from(l)]) {
                let key = keys::advice(d, kind, Stage::Early, Some(level));
                assert!(read.contains(&key), "{key} is read by no answers");
            }
        }
    }
}

/// Practices an advice text may name only when the respondent said them: a word (matched at
/// the start of a word, in any case) and the options, "question id: start of label", that say
/// it. Options on a scale that only build on a lower one ("as above, plus") are listed too.
const NAMED: &[(&str, &[&str])] = &[
    (
        "portal",
        &[
            "platform.provisioning: Anything on demand",
            "platform.under_way: A developer portal",
        ],
    ),
    (
        "board",
        &[
            "platform.tech_choices: An architecture board",
            "platform.path_to_production: A change board",
        ],
    ),
    ("canary", &["platform.path_to_production: A self-service"]),
    (
        "policy check",
        &["platform.path_to_production: A self-service"],
    ),
    (
        "rollout",
        &[
            "platform.path_to_production: Shared pipelines roll out",
            "platform.path_to_production: A self-service",
        ],
    ),
    (
        "error budget",
        &["platform.monitoring: SLOs and error budgets"],
    ),
    ("drill", &["platform.incidents: As above, with runbooks"]),
    (
        "runbook",
        &[
            "platform.incidents: Ranked by customer",
            "platform.incidents: As above, with runbooks",
        ],
    ),
    (
        "golden path",
        &[
            "platform.golden_paths: Golden paths",
            "platform.under_way: Service templates or golden paths",
        ],
    ),
    ("adoption", &["platform.golden_paths: Golden paths"]),
    (
        "template",
        &[
            "platform.golden_paths: Maintained templates",
            "platform.golden_paths: Golden paths",
            "platform.under_way: Service templates",
            "platform.security: Templates make",
        ],
    ),
    ("unit-cost", &["platform.cost: Cost per unit"]),
    ("unit cost", &["platform.cost: Cost per unit"]),
    ("lifecycle", &["platform.consolidation: Every system has"]),
    ("sunset", &["platform.consolidation: Every system has"]),
    (
        "leadership",
        &["platform.coordination: A platform leadership"],
    ),
    (
        "certification",
        &["platform.security: Continuous compliance"],
    ),
    (
        "continuous compliance",
        &["platform.security: Continuous compliance"],
    ),
    (
        "exit plan",
        &[
            "platform.build_buy: A formal review",
            "platform.vendors: Critical infrastructure could move",
        ],
    ),
    (
        "internal cloud",
        &[
            "platform.infrastructure: Nearly everything in-house",
            "platform.under_way: A new container orchestrator",
        ],
    ),
];

/// Whether `text` holds `word` at the start of one of its words ("board", not "dashboard").
fn names(text: &str, word: &str) -> bool {
    let text = text.to_lowercase();
    text.match_indices(word).any(|(at, _)| {
        text[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
    })
}

#[test]
fn issue_29_advice_when_ahead_names_no_practice_the_respondent_did_not_say() {
    // The issue's examples: a portal named to a company whose provider's console gives
    // self-service, and technology boards named to a dozen engineers with none.
    let english = JsonBankText::english();
    let chosen = |reach: &Reach, option: &str| {
        let (id, label) = option.split_once(": ").expect("id: label");
        reach.own.iter().chain(reach.counted.iter()).any(|&(q, o)| {
            BANK.questions[q].id == id && english.option(&BANK.questions[q], o).starts_with(label)
        })
    };
    let mut failures = BTreeSet::new();
    for d in 0..BANK.dimensions.len() {
        for reach in reached(d) {
            if reach.kind != AdviceKind::Ahead {
                continue;
            }
            let text = english.text(&reach.key);
            for (word, options) in NAMED {
                if names(&text, word) && !options.iter().any(|o| chosen(&reach, o)) {
                    failures.insert(format!(
                        "{} ({:?}) names {word:?} to: {}",
                        reach.key,
                        reach.stage,
                        said(&english, &reach)
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
    assert!(names("An architecture board", "board"));
    assert!(!names("Central logs and dashboards", "board"));
}

#[test]
fn issue_29_the_advice_level_is_the_lowest_answer_when_ahead_and_the_highest_when_behind() {
    // Never a mean: the mean of a board (4) and "whatever is quickest" (0) is a written list
    // (2), which nobody answered.
    let levels = |given: &[(&str, &str)], id: &str| {
        let mut a = answers(0.0, fitting(Stage::Early));
        for &(q, label) in given {
            a = with(a, q, label);
        }
        let r = &assess(&BANK, &a).dimensions[dimension(id)];
        (
            r.advice_level(AdviceKind::Ahead),
            r.advice_level(AdviceKind::Behind),
        )
    };
    let board_quickest = [
        ("platform.tech_choices", "An architecture board"),
        ("platform.build_buy", "Whatever is quickest"),
    ];
    assert_eq!(levels(&board_quickest, "tech_strategy"), (Some(0), Some(4)));
    let deliberate = [
        ("platform.tech_choices", "A strategy of what"),
        ("platform.build_buy", "We compare total cost"),
    ];
    assert_eq!(levels(&deliberate, "tech_strategy"), (Some(3), Some(3)));
    // Work under way counts towards the finding, never towards what the advice names.
    let tool = [
        ("platform.path_to_production", "One shared pipeline"),
        ("platform.under_way", "Our own deploy tool"),
    ];
    assert_eq!(levels(&tool, "delivery"), (Some(2), Some(2)));
    let mut a = answers(0.0, fitting(Stage::Early));
    a.set(question("platform.path_to_production"), Answer::Unknown);
    a = with(a, "platform.under_way", "Our own deploy tool");
    let r = &assess(&BANK, &a).dimensions[dimension("delivery")];
    assert_eq!(r.finding, Finding::Over);
    assert_eq!(r.advice_level(AdviceKind::Ahead), None);
    assert_eq!(r.advice_level(AdviceKind::Prepare), None);
    // A level the planner sets is the level the advice is for.
    let mut set = vec![None; BANK.dimensions.len()];
    set[dimension("delivery")] = Some(4);
    let planned = assess_with(&BANK, &answers(0.0, fitting(Stage::Early)), &set);
    let r = &planned.dimensions[dimension("delivery")];
    assert_eq!(r.advice_level(AdviceKind::Ahead), Some(4));
    let p = planned
        .priorities
        .iter()
        .find(|p| p.dimension == dimension("delivery"))
        .expect("delivery is ahead");
    assert_eq!(p.level, Some(4));
}

#[test]
fn issue_29_advice_read_at_growth_speaks_to_a_growing_company() {
    // "Growth stage (standardize). The company has found product-market fit and is scaling":
    // advice read at growth, at whatever level, avoids the early stage's small-team words.
    let english = JsonBankText::english();
    for d in 0..BANK.dimensions.len() {
        for reach in reached(d) {
            if reach.kind != AdviceKind::Ahead || reach.stage != Stage::Growth {
                continue;
            }
            let text = english.text(&reach.key);
            for phrase in [
                "small team",
                "handful of engineers",
                "few engineers",
                "small bill",
                "early company",
                "young company",
            ] {
                assert!(!text.contains(phrase), "{}: {phrase}", reach.key);
            }
        }
    }
}

/// Checks which advice text an area gets for some answers, on a platform otherwise fitting
/// `stage` (and a company at that stage), with the stage chosen outright.
fn check(stage: Stage, given: &[(&str, &str)], id: &str, expected: &str) {
    let mut a = answers(stage.index() as f32 * 2.0, fitting(stage));
    for &(q, label) in given {
        a = with(a, q, label);
    }
    a.stage_override = Some(stage);
    let result = assess(&BANK, &a);
    let r = &result.dimensions[dimension(id)];
    let kind = match r.finding {
        Finding::Over => AdviceKind::Ahead,
        Finding::Under => AdviceKind::Behind,
        other => panic!("{id} is {other:?} for {given:?}"),
    };
    let key = keys::advice(
        &BANK.dimensions[dimension(id)],
        kind,
        stage,
        r.advice_level(kind),
    );
    assert_eq!(key, format!("dimensions.{id}.{expected}"), "{given:?}");
    // A priority gives the same text as the area's own finding.
    if let Some(p) = result
        .priorities
        .iter()
        .find(|p| p.dimension == dimension(id))
    {
        let english = JsonBankText::english();
        assert_eq!(p.advice(&BANK, &english), english.text(&key));
    }
}

#[test]
fn issue_29_the_advice_follows_the_answer_given() {
    use Stage::{Early, Growth, Mature};
    let area = |id: &'static str| {
        move |stage: Stage, expected: &str, given: &[(&str, &str)]| {
            check(stage, given, id, expected)
        }
    };
    // Self-service from a provider's console is no portal; a portal answered is.
    let self_service = area("self_service");
    let console = ("platform.provisioning", "They create common resources");
    let portal = ("platform.under_way", "A developer portal");
    let code = ("platform.provisioning", "They run shared infrastructure");
    let on_demand = ("platform.provisioning", "Anything on demand");
    self_service(Early, "ahead_level3", &[console]);
    self_service(Growth, "ahead_level3", &[console, portal]);
    self_service(Early, "ahead_level2", &[code]);
    self_service(Early, "ahead", &[on_demand]);
    self_service(Growth, "ahead_growth", &[on_demand]);
    // Golden paths: a written setup is no template; a catalogue at growth is named.
    let golden_paths = area("golden_paths");
    let written = ("platform.golden_paths", "A written recommended");
    let paths = ("platform.golden_paths", "Golden paths");
    golden_paths(Early, "ahead_level2", &[written]);
    golden_paths(Mature, "behind_level2", &[written]);
    golden_paths(Growth, "ahead_growth", &[paths]);
    // Technology strategy: a board is named only to those who answered one, with a formal
    // review; a strategy is not asked of those who have one.
    let tech = area("tech_strategy");
    let board = ("platform.tech_choices", "An architecture board");
    let list = ("platform.tech_choices", "A written list");
    let strategy = ("platform.tech_choices", "A strategy of what");
    let conventions = ("platform.tech_choices", "A few conventions");
    let free = ("platform.tech_choices", "Every team chooses");
    let review = ("platform.build_buy", "A formal review");
    let quickest = ("platform.build_buy", "Whatever is quickest");
    let total_cost = ("platform.build_buy", "We compare total cost");
    let price = ("platform.build_buy", "We compare features and price");
    tech(Early, "ahead_level4", &[board, review]);
    tech(Growth, "ahead_level4", &[board, review]);
    tech(Growth, "ahead_level3", &[strategy, review]);
    tech(Early, "ahead", &[board, quickest]);
    tech(Early, "ahead", &[list, price]);
    tech(Early, "ahead_level2", &[list, total_cost]);
    tech(Growth, "behind", &[free, quickest]);
    tech(Growth, "behind_level1", &[conventions, quickest]);
    tech(Mature, "behind_level1", &[free, price]);
    tech(Mature, "behind_level2", &[list, quickest]);
    tech(Mature, "behind_level3", &[strategy, quickest]);
    tech(Mature, "behind_level3", &[free, total_cost]);
    // Delivery ahead only through a deploy tool being built: the default, which names no
    // rollouts or policy checks; the pipeline itself where the answer describes it.
    let delivery = area("delivery");
    let one = ("platform.path_to_production", "One shared pipeline");
    let gradual = ("platform.path_to_production", "Shared pipelines roll out");
    let platform = ("platform.path_to_production", "A self-service delivery");
    let by_hand = ("platform.path_to_production", "Someone deploys by hand");
    let change_board = ("platform.path_to_production", "A change board");
    let tool = ("platform.under_way", "Our own deploy tool");
    delivery(Early, "ahead", &[one, tool]);
    delivery(Early, "ahead_level3", &[gradual]);
    delivery(Growth, "ahead_level3", &[gradual, tool]);
    delivery(Growth, "ahead_level4", &[platform]);
    for stage in Stage::ALL {
        delivery(stage, "behind", &[by_hand]);
        delivery(stage, "behind_level1", &[change_board]);
    }
    delivery(Mature, "behind_level2", &[one]);
    // Infrastructure on managed services, ahead only through what is being built.
    let infrastructure = area("infrastructure");
    let managed = ("platform.infrastructure", "Managed services");
    let mostly = ("platform.infrastructure", "Mostly managed");
    let own = ("platform.infrastructure", "Mostly built and run by us");
    let orchestrator = ("platform.under_way", "A new container orchestrator");
    infrastructure(Early, "ahead_level0", &[managed, orchestrator]);
    infrastructure(Growth, "ahead_level1", &[mostly, orchestrator]);
    infrastructure(Growth, "ahead", &[own]);
    // Observability: error budgets are named only to those who answered them.
    let observability = area("observability");
    let uptime = ("platform.monitoring", "Uptime checks");
    let central = ("platform.monitoring", "Central logs");
    let critical = ("platform.monitoring", "As above, plus reliability targets");
    let budgets = ("platform.monitoring", "SLOs and error budgets");
    let stack = ("platform.under_way", "Our own metrics");
    observability(Early, "ahead_level1", &[uptime, stack]);
    observability(Early, "ahead_level3", &[critical]);
    observability(Early, "ahead", &[budgets]);
    observability(Growth, "ahead_growth", &[budgets]);
    observability(Mature, "behind_level2", &[central]);
    // Security: templates without continuous compliance; a checklist is not "each person's care".
    let security = area("security");
    let templates = ("platform.security", "Templates make");
    let checklist = ("platform.security", "A checklist");
    let scanning = ("platform.security", "Shared tools scan");
    security(Early, "ahead_level3", &[templates]);
    security(Growth, "behind_level1", &[checklist]);
    security(Mature, "behind_level2", &[scanning]);
    // Cost, consolidation and vendors: each level names its own practice.
    let cost = area("cost");
    let split = ("platform.cost", "Costs are split");
    let per_customer = ("platform.cost", "Teams see their costs");
    cost(Early, "ahead_level2", &[split]);
    cost(Growth, "ahead_level3", &[per_customer]);
    cost(Mature, "behind_level2", &[split]);
    let consolidation = area("consolidation");
    let listed = ("platform.consolidation", "We list them");
    let programme = ("platform.consolidation", "A funded migration");
    consolidation(Early, "ahead_level2", &[listed]);
    consolidation(Growth, "ahead_level3", &[programme]);
    let vendors = area("vendors");
    let yearly = ("platform.vendors", "We review major");
    let negotiate = ("platform.vendors", "We negotiate");
    vendors(Early, "ahead_level2", &[yearly]);
    vendors(Growth, "ahead_level3", &[negotiate]);
    // Coordination assumes no platform teams it was not told of.
    let coordination = area("coordination");
    let roadmap = ("platform.coordination", "A shared roadmap");
    let leadership = ("platform.coordination", "A platform leadership");
    coordination(Early, "ahead_level2", &[roadmap]);
    coordination(Growth, "ahead_level4", &[leadership]);
    // Goals: outcome goals are not called lists of deliverables.
    let goals = area("goals");
    let outcomes = ("platform.goals", "Outcomes for engineers");
    let tied = ("platform.goals", "Outcomes tied");
    let linked = ("platform.reporting", "Platform metrics linked");
    let business = ("platform.reporting", "Regular updates in business");
    goals(Early, "ahead_level3", &[outcomes, business]);
    goals(Growth, "ahead_level4", &[tied, linked]);
}
