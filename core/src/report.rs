//! The helpers the Markdown summary and the lists are written with, as data functions: the one
//! rule for labels people type, escaping for Markdown, one decimal as people see it, calendar
//! days for file names; and a what-if plan's part of the summary (`plan_markdown`). The
//! summary's words are the app's (`results.json`), in the language in use: the core lays the
//! summary out and never holds a sentence of its own.

use std::fmt::Write as _;

use crate::answers::{Answer, Answers};
use crate::bank::{Bank, BankText, Goal};
use crate::plan::{self, Plan};
use crate::scoring::assess;

/// The longest label kept, in characters.
pub const LABEL_MAX: usize = 80;

/// Whether a character shows nothing by itself: Unicode's Default_Ignorable_Code_Point
/// (DerivedCoreProperties.txt: soft hyphen, zero-width spaces and joiners, direction marks,
/// the word joiner and invisible operators, Hangul fillers, variation selectors, the byte
/// order mark, tags) and the blank Braille pattern, which fonts draw as nothing and which is
/// handed around as an "invisible name". A short table from the standard rather than a
/// Unicode-properties crate: nothing else here needs one.
fn invisible(c: char) -> bool {
    matches!(
        c,
        '\u{ad}'
            | '\u{34f}'
            | '\u{61c}'
            | '\u{115f}'..='\u{1160}'
            | '\u{17b4}'..='\u{17b5}'
            | '\u{180b}'..='\u{180f}'
            | '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{206f}'
            | '\u{2800}'
            | '\u{3164}'
            | '\u{fe00}'..='\u{fe0f}'
            | '\u{feff}'
            | '\u{ffa0}'
            | '\u{fff0}'..='\u{fff8}'
            | '\u{1bca0}'..='\u{1bca3}'
            | '\u{1d173}'..='\u{1d17a}'
            | '\u{e0000}'..='\u{e0fff}'
    )
}

/// A label as typed, made safe to keep and show anywhere: bidirectional embeddings, overrides
/// and isolates dropped (an unclosed one would reorder the text shown after the label), control
/// characters dropped, runs of white space folded to one space, trimmed, and cut to
/// `LABEL_MAX` characters. A label with nothing visible left (only invisible characters, such
/// as zero-width spaces) is empty, so "give it a name" checks cannot be passed with one
/// (issue 18).
pub fn clean_label(raw: &str) -> String {
    let kept: String = raw
        .chars()
        .filter(|c| !matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'))
        .collect();
    let folded: Vec<&str> = kept
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect();
    let cut: String = folded.join(" ").chars().take(LABEL_MAX).collect();
    // Cutting can leave a space at the end; trimming keeps cleaning idempotent.
    let cut = cut.trim_end();
    if cut.chars().all(|c| c == ' ' || invisible(c)) {
        return String::new();
    }
    cut.to_string()
}

/// A level, gap or chart coordinate as people see it: one decimal, rounded to nearest with
/// ties to even (the standard formatter's rule), so "2.25" shows as "2.2" everywhere, on the
/// page, in the Markdown summary and in the charts alike. A value that is not a number (which no
/// assessment produces) shows as "?" rather than "NaN".
pub fn tenths(x: f32) -> String {
    if x.is_finite() {
        format!("{x:.1}")
    } else {
        "?".to_string()
    }
}

/// A date as YYYY-MM-DD (UTC) from milliseconds since 1970, for lists and file names.
pub fn date_text(ms: f64) -> String {
    // Days to civil date, after Howard Hinnant's algorithm; valid for every date a browser gives.
    let days = (ms / 86_400_000.0).floor() as i64;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// Escapes the characters that Markdown or a chat would otherwise read as formatting or HTML.
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '<' | '>' | '!' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The words of a plan's part of the Markdown summary, in one language. The app gives them from
/// `locales/<language>/results.json` (`md.plan.*`; the summary's own `md.objective`,
/// `md.key_result` and `md.draft_goals`; `out_of_100` and `not_scored`), with numbers written as
/// the language writes them. Each value given is already text: names from the bank's words, a
/// plan's name escaped, numbers from `level` and `score`.
pub trait PlanWords {
    /// The heading, from the plan's name ("What-if plan: {name}").
    fn title(&self, name: &str) -> String;
    /// The name of a plan that has none.
    fn untitled(&self) -> String;
    /// The score before the plan ("Stage fit now: {score}.").
    fn now(&self, score: &str) -> String;
    /// A strategy answer the plan gives instead of the one given: the question and the answer.
    fn strategy(&self, question: &str, answer: &str) -> String;
    /// The score with the plan's strategy answers, before any move.
    fn with_strategy(&self, score: &str) -> String;
    /// One move: the area, its level before, the level it moves to, the score after it.
    fn step(&self, area: &str, from: &str, to: &str, score: &str) -> String;
    /// One move of an area that was not scored before it.
    fn step_unscored(&self, area: &str, to: &str, score: &str) -> String;
    /// What a plan with no moves says instead of the list.
    fn no_moves(&self) -> String;
    /// The heading of the draft goals of the areas moved.
    fn goals(&self) -> String;
    /// An area moved, with which way: `Goal::Behind` raised, `Goal::Ahead` lowered.
    fn goal(&self, area: &str, goal: Goal) -> String;
    /// "Objective: {objective}", as in the summary's priorities.
    fn objective(&self, objective: &str) -> String;
    /// "Key result: {result}", as in the summary's priorities.
    fn key_result(&self, result: &str) -> String;
    /// The note that the goals are drafts, as in the summary's priorities.
    fn draft_goals(&self) -> String;
    /// A level (0 to 4) with one decimal, as the language writes it.
    fn level(&self, level: f32) -> String;
    /// A score out of 100, or the words for none.
    fn score(&self, score: Option<u8>) -> String;
}

/// A what-if plan as a section of the Markdown summary: its name (escaped, or the words for no
/// name) as a heading, the score now, the strategy answers it gives instead of the ones given
/// (when there are any) and the score with them, its moves as an ordered list, each with the
/// area's level before, the level it moves to and the projected score after it (the moves of
/// `Plan::normalised`, one per area, applied in order), then the draft outcome goal of each area
/// moved (`plan::goals`: the goal for being behind where the area moves up, for being ahead
/// where it moves down) with its key results. Words come from `text` (the bank's) and `words`
/// (the summary's). It is meant to follow the summary of the assessment the plan belongs to.
pub fn plan_markdown(
    bank: &Bank,
    answers: &Answers,
    plan: &Plan,
    text: &dyn BankText,
    words: &dyn PlanWords,
) -> String {
    let plan = plan.normalised(bank);
    let mut md = String::new();
    let name = clean_label(&plan.name);
    let name = if name.is_empty() {
        words.untitled()
    } else {
        escape_markdown(&name)
    };
    let _ = writeln!(md, "## {}\n", words.title(&name));
    let now = assess(bank, answers).score;
    let _ = writeln!(md, "{}\n", words.now(&words.score(now)));
    let mut strategy = false;
    for &(question, answer) in &plan.strategy {
        if answer == answers.get(question) {
            continue;
        }
        strategy = true;
        let q = &bank.questions[question];
        let label = match answer {
            Answer::Chosen(option) if usize::from(option) < q.options.len() => {
                text.option(q, usize::from(option))
            }
            // No answer and "Don't know" both leave the question out of scoring.
            _ => text.dont_know(),
        };
        let _ = writeln!(md, "{}\n", words.strategy(&text.question(q), &label));
    }
    if strategy {
        let before_moves = Plan {
            moves: Vec::new(),
            ..plan.clone()
        };
        let score = plan::project(bank, answers, &before_moves).score;
        let _ = writeln!(md, "{}\n", words.with_strategy(&words.score(score)));
    }
    if plan.moves.is_empty() {
        let _ = writeln!(md, "{}", words.no_moves());
        return md;
    }
    for (i, step) in plan::steps(bank, answers, &plan).iter().enumerate() {
        let area = text.dimension_name(&bank.dimensions[step.mv.dimension]);
        let to = words.level(f32::from(step.mv.level));
        let score = words.score(step.score);
        let line = match step.from {
            Some(from) => words.step(&area, &words.level(from), &to, &score),
            None => words.step_unscored(&area, &to, &score),
        };
        let _ = writeln!(md, "{}. {line}", i + 1);
    }
    let goals = plan::goals(bank, answers, &plan);
    if goals.is_empty() {
        return md;
    }
    let today = crate::assess(bank, answers);
    let _ = writeln!(md, "\n### {}\n", words.goals());
    for (dimension, goal) in goals {
        let d = &bank.dimensions[dimension];
        let _ = writeln!(md, "- **{}**", words.goal(&text.dimension_name(d), goal));
        let _ = writeln!(md, "   - {}", words.objective(&text.objective(d, goal)));
        let share = crate::scoring::share_of(&today.dimensions[dimension]);
        for result in crate::scoring::key_results(bank, text, dimension, goal, share) {
            let _ = writeln!(md, "   - {}", words.key_result(&result));
        }
    }
    let _ = writeln!(md, "\n_{}_", words.draft_goals());
    md
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_as_calendar_days() {
        for (ms, text) in [
            (0.0, "1970-01-01"),
            (951_782_400_000.0, "2000-02-29"),
            (1_764_115_200_000.0, "2025-11-26"),
            (1_795_651_199_000.0, "2026-11-25"),
        ] {
            assert_eq!(date_text(ms), text, "{ms}");
        }
    }

    #[test]
    fn labels_are_cleaned() {
        for (raw, clean) in [
            ("  Platform   team\tQ3 ", "Platform team Q3"),
            ("a\u{0}b\u{7}c\nd", "a b c d"),
            ("", ""),
            // Bidirectional overrides and isolates would reorder what is shown after a label.
            ("\u{202e}evil", "evil"),
            (
                "Ana \u{202e}gnp.exe\u{2066}x\u{2069} \u{202a}",
                "Ana gnp.exex",
            ),
            (
                "\u{5e9}\u{5dc}\u{5d5}\u{5dd} \u{200f}",
                "\u{5e9}\u{5dc}\u{5d5}\u{5dd} \u{200f}",
            ),
        ] {
            assert_eq!(clean_label(raw), clean, "{raw:?}");
        }
        assert_eq!(clean_label(&"x".repeat(500)).chars().count(), LABEL_MAX);
        let long = format!("{} tail", "y".repeat(LABEL_MAX - 1));
        assert_eq!(clean_label(&long), clean_label(&clean_label(&long)));
    }

    /// Issue 18: a name made only of invisible characters counts as empty; one with something
    /// visible keeps its invisible characters (joiners inside emoji, marks in Persian text).
    #[test]
    fn issue_18_a_label_of_only_invisible_characters_is_empty() {
        fn check(raw: &str, clean: &str) {
            assert_eq!(clean_label(raw), clean, "{raw:?}");
            assert_eq!(clean_label(clean), clean, "{raw:?}: cleaning twice");
        }
        check("\u{200b}", "");
        check("\u{200b}\u{200c}\u{200d}\u{2060}\u{feff}", "");
        check(" \u{200b} \u{00ad} \u{2800} ", "");
        check("\u{3164}\u{115f}\u{ffa0}", "");
        check("\u{200e}\u{200f}\u{61c}", "");
        check("\u{fe0f}\u{e0041}\u{e007f}", "");
        check("\u{200b}\u{202e}\u{2066}", "");
        check("\u{200b}Ana", "\u{200b}Ana");
        check("\u{1f469}\u{200d}\u{1f4bb}", "\u{1f469}\u{200d}\u{1f4bb}");
        check("\u{2764}\u{fe0f}", "\u{2764}\u{fe0f}");
        check(
            "\u{645}\u{6cc}\u{200c}\u{62e}\u{648}\u{627}\u{647}\u{645}",
            "\u{645}\u{6cc}\u{200c}\u{62e}\u{648}\u{627}\u{647}\u{645}",
        );
        // A label cut at its limit with only invisible characters left after the cut: the cut
        // keeps what was visible before it.
        check(
            &format!("a{}", "\u{200b}".repeat(100)),
            &format!("a{}", "\u{200b}".repeat(79)),
        );
    }

    /// The summary's words read from a language's `results.json`, as the app gives them, with
    /// `{name}` placeholders filled in one pass and a decimal comma in German and French.
    struct JsonPlanWords {
        json: serde_json::Value,
        comma: bool,
    }

    impl JsonPlanWords {
        fn of(language: &str) -> JsonPlanWords {
            let text = match language {
                "en" => include_str!("../../locales/en/results.json"),
                "de" => include_str!("../../locales/de/results.json"),
                "fr" => include_str!("../../locales/fr/results.json"),
                _ => panic!("no language {language}"),
            };
            JsonPlanWords {
                json: serde_json::from_str(text).expect("results.json is JSON"),
                comma: language != "en",
            }
        }

        fn at(&self, path: &str, values: &[(&str, &str)]) -> String {
            let template = path
                .split('.')
                .fold(&self.json, |v, key| &v[key])
                .as_str()
                .unwrap_or_else(|| panic!("results.json has no {path}"));
            let mut out = String::new();
            let mut rest = template;
            while let Some(open) = rest.find('{') {
                out.push_str(&rest[..open]);
                let close = rest[open..].find('}').expect("a closed placeholder") + open;
                let name = &rest[open + 1..close];
                let (_, value) = values
                    .iter()
                    .find(|(n, _)| *n == name)
                    .unwrap_or_else(|| panic!("{path}: no value for {name}"));
                out.push_str(value);
                rest = &rest[close + 1..];
            }
            out.push_str(rest);
            out
        }
    }

    impl PlanWords for JsonPlanWords {
        fn title(&self, name: &str) -> String {
            self.at("md.plan.title", &[("name", name)])
        }
        fn untitled(&self) -> String {
            self.at("md.plan.untitled", &[])
        }
        fn now(&self, score: &str) -> String {
            self.at("md.plan.now", &[("score", score)])
        }
        fn strategy(&self, question: &str, answer: &str) -> String {
            self.at(
                "md.plan.strategy",
                &[("question", question), ("answer", answer)],
            )
        }
        fn with_strategy(&self, score: &str) -> String {
            self.at("md.plan.with_strategy", &[("score", score)])
        }
        fn step(&self, area: &str, from: &str, to: &str, score: &str) -> String {
            self.at(
                "md.plan.step",
                &[("area", area), ("from", from), ("to", to), ("score", score)],
            )
        }
        fn step_unscored(&self, area: &str, to: &str, score: &str) -> String {
            self.at(
                "md.plan.step_unscored",
                &[("area", area), ("to", to), ("score", score)],
            )
        }
        fn no_moves(&self) -> String {
            self.at("md.plan.no_moves", &[])
        }
        fn goals(&self) -> String {
            self.at("md.plan.goals", &[])
        }
        fn goal(&self, area: &str, goal: Goal) -> String {
            match goal {
                Goal::Behind => self.at("md.plan.raised", &[("area", area)]),
                Goal::Ahead | Goal::Replatform => self.at("md.plan.lowered", &[("area", area)]),
            }
        }
        fn objective(&self, objective: &str) -> String {
            self.at("md.objective", &[("objective", objective)])
        }
        fn key_result(&self, result: &str) -> String {
            self.at("md.key_result", &[("result", result)])
        }
        fn draft_goals(&self) -> String {
            self.at("md.draft_goals", &[])
        }
        fn level(&self, level: f32) -> String {
            let text = tenths(level);
            if self.comma {
                text.replace('.', ",")
            } else {
                text
            }
        }
        fn score(&self, score: Option<u8>) -> String {
            match score {
                Some(score) => self.at("out_of_100", &[("score", &score.to_string())]),
                None => self.at("not_scored", &[]),
            }
        }
    }

    fn bank_words(language: &str) -> crate::JsonBankText {
        let json = match language {
            "en" => include_str!("../../locales/en/bank.json"),
            "de" => include_str!("../../locales/de/bank.json"),
            "fr" => include_str!("../../locales/fr/bank.json"),
            _ => panic!("no language {language}"),
        };
        crate::JsonBankText::parse(json).expect("bank.json is JSON")
    }

    fn index_of(id: &str) -> usize {
        crate::BANK
            .dimensions
            .iter()
            .position(|d| d.id == id)
            .unwrap_or_else(|| panic!("no dimension {id}"))
    }

    /// A growth company on a light platform (every platform answer at its second option, the
    /// company's at their third) and a plan that turns to cutting costs, builds golden paths up
    /// and gives up running infrastructure of its own.
    fn growth_on_a_light_platform() -> (Answers, Plan) {
        use crate::{BANK, Part};
        let mut answers = Answers::new(&BANK);
        for (i, q) in BANK.questions.iter().enumerate() {
            let pick = match q.part {
                Part::Company => 2,
                Part::Strategy => q.options.len() as u8 - 1,
                Part::Platform => 1,
            };
            answers.set(i, Answer::Chosen(pick.min(q.options.len() as u8 - 1)));
        }
        let focus = BANK
            .questions
            .iter()
            .position(|q| q.id == "strategy.focus")
            .expect("a focus question");
        let plan = Plan {
            name: "Q3: catch up *where it pays*".to_string(),
            moves: vec![
                crate::Move {
                    dimension: index_of("golden_paths"),
                    level: 2,
                },
                crate::Move {
                    dimension: index_of("infrastructure"),
                    level: 0,
                },
                crate::Move {
                    dimension: index_of("observability"),
                    level: 3,
                },
            ],
            strategy: vec![(focus, Answer::Chosen(4))],
        };
        (answers, plan)
    }

    #[test]
    fn issue_26_a_plan_reads_as_its_changes_in_order_with_the_score_after_each_then_the_goals() {
        let (answers, plan) = growth_on_a_light_platform();
        let text = bank_words("en");
        let md = plan_markdown(
            &crate::BANK,
            &answers,
            &plan,
            &text,
            &JsonPlanWords::of("en"),
        );
        let changes = "\
## What-if plan: Q3: catch up \\*where it pays\\*

Stage fit now: 32 out of 100.

With another strategy answer: What is the company's main goal for the next 12 to 18 months? \
“Cutting costs or reaching profitability”

Stage fit with these strategy answers, before any change: 32 out of 100.

1. Golden paths and templates: from level 1.0 to level 2.0, stage fit after: 37 out of 100
2. Infrastructure sourcing: from level 1.0 to level 0.0, stage fit after: 37 out of 100
3. Observability: from level 1.0 to level 3.0, stage fit after: 43 out of 100

### Draft goals for the areas changed

";
        // The goals are the bank's own words: an area moved up gets the goal for being behind,
        // one moved down the goal for being ahead.
        let mut goals = String::new();
        for (id, goal, line) in [
            (
                "golden_paths",
                Goal::Behind,
                "Golden paths and templates (level raised)",
            ),
            (
                "infrastructure",
                Goal::Ahead,
                "Infrastructure sourcing (level lowered)",
            ),
            (
                "observability",
                Goal::Behind,
                "Observability (level raised)",
            ),
        ] {
            let d = &crate::BANK.dimensions[index_of(id)];
            goals.push_str(&format!("- **{line}**\n"));
            goals.push_str(&format!("   - Objective: {}\n", text.objective(d, goal)));
            for result in text.key_results(d, goal) {
                goals.push_str(&format!("   - Key result: {result}\n"));
            }
        }
        let note =
            "\n_Draft goals: replace the example numbers with your own baseline and target._\n";
        assert_eq!(md, format!("{changes}{goals}{note}"));
    }

    #[test]
    fn a_plan_is_written_in_the_language_in_use() {
        let (answers, plan) = growth_on_a_light_platform();
        for (language, change, raised) in [
            (
                "de",
                "1. Golden Paths und Vorlagen: von Stufe 1,0 auf Stufe 2,0",
                "(Stufe angehoben)",
            ),
            (
                "fr",
                "1. Chemins balisés et modèles, du niveau 1,0 au niveau 2,0",
                "(niveau relevé)",
            ),
        ] {
            let md = plan_markdown(
                &crate::BANK,
                &answers,
                &plan,
                &bank_words(language),
                &JsonPlanWords::of(language),
            );
            assert!(md.contains(change), "{language}: {md}");
            assert!(md.contains(raised), "{language}: {md}");
            assert!(
                !md.contains('{') && !md.contains("level"),
                "{language}: {md}"
            );
        }
    }

    #[test]
    fn a_plan_s_name_is_text_and_a_plan_without_changes_says_so() {
        let (answers, _) = growth_on_a_light_platform();
        let words = JsonPlanWords::of("en");
        let text = bank_words("en");
        let check = |plan: &Plan, expected: &str| {
            let md = plan_markdown(&crate::BANK, &answers, plan, &text, &words);
            assert_eq!(md, expected, "{plan:?}");
        };
        let empty = "\n\nStage fit now: 32 out of 100.\n\nNo changes planned yet.\n";
        check(
            &Plan::default(),
            &format!("## What-if plan: Unnamed plan{empty}"),
        );
        check(
            &Plan {
                name: " \u{200b}\u{202e} ".to_string(),
                ..Plan::default()
            },
            &format!("## What-if plan: Unnamed plan{empty}"),
        );
        check(
            &Plan {
                name: "<b>[x](y)</b> # {name}".to_string(),
                ..Plan::default()
            },
            &format!("## What-if plan: \\<b\\>\\[x\\](y)\\</b\\> \\# {{name}}{empty}"),
        );
        // A strategy answer the plan gives as it was given is not a change; moves of areas the
        // bank does not have are left out; a move to where the area is has no goal.
        let focus = (0..crate::BANK.questions.len())
            .find(|&q| crate::BANK.questions[q].id == "strategy.focus")
            .expect("a focus question");
        let same = Plan {
            name: "Same".to_string(),
            moves: vec![
                crate::Move {
                    dimension: crate::BANK.dimensions.len(),
                    level: 3,
                },
                crate::Move {
                    dimension: index_of("delivery"),
                    level: 1,
                },
            ],
            strategy: vec![(focus, answers.get(focus))],
        };
        check(
            &same,
            "## What-if plan: Same\n\nStage fit now: 32 out of 100.\n\n\
             1. Delivery pipeline: from level 1.0 to level 1.0, stage fit after: 32 out of 100\n",
        );
    }

    #[test]
    fn an_area_not_scored_before_is_set_to_its_level() {
        let answers = Answers::new(&crate::BANK);
        let plan = Plan {
            name: "From scratch".to_string(),
            moves: vec![crate::Move {
                dimension: index_of("delivery"),
                level: 2,
            }],
            strategy: Vec::new(),
        };
        let text = bank_words("en");
        let md = plan_markdown(
            &crate::BANK,
            &answers,
            &plan,
            &text,
            &JsonPlanWords::of("en"),
        );
        let d = &crate::BANK.dimensions[index_of("delivery")];
        let start = "## What-if plan: From scratch\n\nStage fit now: not scored.\n\n\
            1. Delivery pipeline: not scored, set to level 2.0, stage fit after: 100 out of 100\n\n\
            ### Draft goals for the areas changed\n\n\
            - **Delivery pipeline (level raised)**\n";
        assert!(md.starts_with(start), "{md}");
        assert!(md.contains(&text.objective(d, Goal::Behind)));
    }
}
