//! Sentences that show the arithmetic behind a result, so every number on screen can be
//! checked by hand: how a dimension's level was averaged, which band and weight applied and
//! why, and how many score points the gap cost.

use super::bank::{BANK, Band, BankText, Fit};
use super::report::tenths;
use super::scoring::{Assessment, DimensionResult, FULL_GAP, Finding, StageInference};
use super::stage::Stage;

fn band_text(band: Band) -> String {
    if band.low == band.high {
        format!("{}", band.low)
    } else {
        format!("{} to {}", band.low, band.high)
    }
}

/// "2 to 3", or "2" for a band of one level.
pub fn band(band: Band) -> String {
    band_text(band)
}

/// The lines that explain one dimension's result, in reading order.
pub fn dimension(
    result: &DimensionResult,
    stage: Stage,
    total_weight: u32,
    text: &dyn BankText,
) -> Vec<String> {
    let mut lines = Vec::new();
    let Some(level) = result.level else {
        let counts_people = BANK
            .questions
            .iter()
            .any(|q| q.dimension == Some(result.dimension) && q.share_of.is_some());
        lines.push(if counts_people {
            "No answer here could be scored: it was \u{201c}Don't know\u{201d}, or a team size without the number of engineers to compare it with. This area has no level and does not count towards the score.".to_string()
        } else {
            format!(
                "All {} answers here were \u{201c}Don't know\u{201d}, so this area has no level and does not count towards the score.",
                result.n_questions
            )
        });
        return lines;
    };
    let levels: Vec<String> = result.answers.iter().map(|a| a.level.to_string()).collect();
    lines.push(if levels.len() == 1 {
        format!("Level: {} (one answer).", tenths(level))
    } else {
        format!(
            "Level: the average of {} answers, ({}) \u{f7} {} = {}.",
            levels.len(),
            levels.join(" + "),
            levels.len(),
            tenths(level)
        )
    });
    for a in &result.answers {
        let Some(q) = BANK.questions.get(a.question) else {
            continue;
        };
        if a.choice >= q.options.len() {
            continue;
        }
        let option = text.option(q, a.choice);
        if let Some(share) = a.share {
            lines.push(format!(
                "\u{201c}{}\u{201d} people on the platform is about {share}% of your engineers: level {}.",
                option, a.value
            ));
        }
        match a.fit {
            Fit::Never => lines.push(format!(
                "\u{201c}{}\u{201d} fits no stage, so it counts one level outside the band: level {}.",
                option, a.level
            )),
            Fit::NotAhead if a.level < a.value => lines.push(format!(
                "\u{201c}{}\u{201d} is never ahead of a stage, so it counts at the band's top: level {}.",
                option, a.level
            )),
            Fit::NotAhead | Fit::Band => {}
        }
    }
    let mut band_line = format!("Band for {}: {}.", stage.company(), band_text(result.band));
    if result.band != result.base_band {
        band_line.push_str(&format!(
            " Your strategy moved it from {}.",
            band_text(result.base_band)
        ));
    }
    lines.push(band_line);
    let mut weight_line = format!("Weight: {} of {} in all.", result.weight, total_weight);
    if result.weight != result.base_weight {
        weight_line.push_str(&format!(
            " Your strategy changed it from {}.",
            result.base_weight
        ));
    }
    if result.charged_weight != result.weight {
        weight_line.push_str(&format!(
            " Ahead of an early-stage company, its gap is charged at {}, as the weightiest early area: building ahead of the company is the costliest mistake at this stage.",
            result.charged_weight
        ));
    }
    lines.push(weight_line);
    let direction = if result.finding == Finding::Over {
        "above"
    } else {
        "below"
    };
    lines.push(match result.finding {
        Finding::Fit | Finding::Unknown => "Gap: none, the level is within the band, so this area costs no points.".to_string(),
        Finding::Over | Finding::Under if result.off >= 1.0 => format!(
            "Gap: {} {direction} the band. Two levels or more outside it lose all of an area's weight: {} of the {} weight points in all. Points lost: {}.",
            tenths(result.gap.abs()),
            result.charged_weight,
            total_weight,
            tenths(result.points_lost),
        ),
        Finding::Over | Finding::Under => format!(
            "Gap: {} {direction} the band. Two levels outside it would lose all of an area's weight, so this one loses {} \u{f7} {FULL_GAP:.0} \u{d7} {} = {} of the {} weight points in all. Points lost: {}.",
            tenths(result.gap.abs()),
            tenths(result.gap.abs()),
            result.charged_weight,
            tenths(result.off * f32::from(result.charged_weight)),
            total_weight,
            tenths(result.points_lost),
        ),
    });
    lines
}

/// The stage as the headline shows it, and a small note under it: "Stage unknown" with
/// "assumed Growth" when no company answer is known and the person chose no stage, so the
/// assumed middle is never shown as a finding.
pub fn stage_headline(stage: &StageInference) -> (String, Option<String>) {
    if stage.known() {
        (stage.stage.to_string(), None)
    } else {
        (
            "Stage unknown".to_string(),
            Some(format!("assumed {}", stage.stage)),
        )
    }
}

/// The stage in a running line ("Growth stage"), saying so when it is only assumed ("stage
/// unknown (assumed Growth)"), for lists that show many results at once.
pub fn stage_phrase(stage: &StageInference) -> String {
    match stage_headline(stage) {
        (known, None) => format!("{known} stage"),
        (_, Some(assumed)) => format!("stage unknown ({assumed})"),
    }
}

/// The note for a company near the line between two stages, or `None`. It promises
/// "Prepare" findings only when there are some to show.
pub fn transition(assessment: &Assessment) -> Option<String> {
    let t = assessment.stage.transition?;
    let stage = assessment.stage.stage;
    let near = format!(
        "In transition: your answers sit near the line between {} and {}.",
        t.from.id(),
        t.to.id()
    );
    let n_prepare = assessment
        .dimensions
        .iter()
        .filter(|d| d.prepare_for.is_some())
        .count();
    Some(if stage == t.from && n_prepare > 0 {
        format!(
            "{near} {} marked \u{201c}Prepare\u{201d} show what the {} stage will ask for.",
            if n_prepare == 1 {
                "One area".to_string()
            } else {
                format!("{n_prepare} areas")
            },
            t.to.id()
        )
    } else if stage == t.from {
        format!(
            "{near} The findings use the {} bands; no area that fits today falls short of what the {} stage will ask for.",
            stage.id(),
            t.to.id()
        )
    } else {
        format!("{near} The findings use the {} bands.", stage.id())
    })
}

/// One sentence on how sure the stage reading is, and why.
pub fn confidence(stage: &StageInference) -> String {
    if stage.position.is_none() {
        return "Low confidence: every company answer was \u{201c}Don't know\u{201d}, so this assumes the middle stage.".to_string();
    }
    let agreement = if stage.agreement >= 0.8 {
        "they point the same way"
    } else if stage.agreement >= 0.6 {
        "they mostly agree"
    } else {
        "they point in different directions"
    };
    format!(
        "{} confidence: {} of {} company answers point to a stage, and {agreement}.",
        capitalise(&stage.confidence.to_string()),
        stage.evidence.len(),
        stage.n_questions
    )
}

/// The text with its first letter in upper case.
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_ascii_uppercase())
        .into_iter()
        .chain(chars)
        .collect()
}

/// What a score means in words, and its tone for the gauge's colour (the words always go with
/// the colour, so colour is never the only cue).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Verdict {
    /// Shown under the gauge: "Fits your stage well", "Partly fits your stage", "Out of step with
    /// your stage" or "Not scored yet".
    pub heading: &'static str,
    /// The same, read after "Your platform": "fits your stage well", "partly fits your stage", …
    pub words: &'static str,
    /// "good", "partial", "poor" or "none", for class names.
    pub tone: &'static str,
}

/// The verdict for a score: "fits well" only from 85 with at most two areas off; "out of step"
/// below 60 or when most scored areas are off (never "partly fits" then); "partly fits" between.
pub fn verdict(score: Option<u8>, n_off: usize, n_scored: usize) -> Verdict {
    let (heading, words, tone) = match score {
        None => ("Not scored yet", "is not scored yet", "none"),
        Some(s) if s >= 85 && n_off <= 2 => {
            ("Fits your stage well", "fits your stage well", "good")
        }
        Some(s) if s < 60 || 2 * n_off > n_scored => (
            "Out of step with your stage",
            "is out of step with your stage",
            "poor",
        ),
        Some(_) => (
            "Partly fits your stage",
            "partly fits your stage",
            "partial",
        ),
    };
    Verdict {
        heading,
        words,
        tone,
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

/// For an area that is one of the top priorities, where its advice is, so the page need not
/// repeat it: "Top priority 2: its advice and draft goal are in the card above."
pub fn priority_pointer(assessment: &Assessment, dimension: usize) -> Option<String> {
    let rank = assessment
        .priorities
        .iter()
        .position(|p| p.dimension == dimension)?;
    Some(format!(
        "Top priority {}: its advice and draft goal are in the card above.",
        rank + 1
    ))
}

/// The sentence under the score that says what it means.
pub fn score(assessment: &Assessment, text: &dyn BankText) -> String {
    match assessment.score {
        None => "Every platform answer was \u{201c}Don't know\u{201d}, so there is nothing to score yet.".to_string(),
        Some(score) => {
            let n_off = assessment
                .dimensions
                .iter()
                .filter(|d| matches!(d.finding, Finding::Over | Finding::Under))
                .count();
            let n_scored = assessment
                .dimensions
                .iter()
                .filter(|d| d.level.is_some())
                .count();
            let company = assessment.stage.stage.company();
            let arithmetic = format!(
                "Weight lost: {} of {}, so the score is 100 \u{d7} (1 \u{2212} {:.2})\u{b2} = {score}.",
                tenths(assessment.lost * assessment.total_weight as f32),
                assessment.total_weight,
                assessment.lost,
            );
            if score == 0 {
                let first = assessment.priorities.first().map_or(String::new(), |p| {
                    format!(
                        " The first thing to do: {} ({}).",
                        p.kind.label(),
                        text.dimension_name(&BANK.dimensions[p.dimension]).to_lowercase()
                    )
                });
                let n_far = assessment
                    .dimensions
                    .iter()
                    .filter(|d| d.level.is_some() && d.off >= 1.0)
                    .count();
                let rest = match n_off.saturating_sub(n_far) {
                    0 => String::new(),
                    n => format!(", and {n} more less far"),
                };
                return format!(
                    "Your platform is as far from what suits {company} as the score can show: {n_far} of {n_scored} areas are two levels or more outside their range{rest}.{first} {arithmetic}"
                );
            }
            let verdict = verdict(Some(score), n_off, n_scored).words;
            format!(
                "Your platform {verdict}. 100 would mean every area sits in the range that suits {company}; {n_off} of {n_scored} areas are outside it. Being ahead costs as many points as being behind. {arithmetic}"
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Answer, Answers, BANK, Part, Stage, assess};

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
    fn a_running_line_says_when_the_stage_is_only_assumed() {
        let none = assess(&BANK, &Answers::new(&BANK));
        assert_eq!(stage_phrase(&none.stage), "stage unknown (assumed Growth)");
        let mut a = Answers::new(&BANK);
        let q = BANK
            .questions
            .iter()
            .position(|q| q.part == Part::Company)
            .unwrap();
        a.set(q, Answer::Chosen(0));
        assert_eq!(stage_phrase(&assess(&BANK, &a).stage), "Early stage");
    }

    #[test]
    fn a_gap_is_explained_with_its_arithmetic() {
        let a = mature_company_with_light_platform();
        let delivery = &a.dimensions[0];
        let lines = dimension(
            delivery,
            a.stage.stage,
            a.total_weight,
            &crate::JsonBankText::english(),
        );
        assert_eq!(lines[0], "Level: 0.0 (one answer).");
        assert_eq!(lines[1], "Band for a mature company: 3 to 4.");
        assert!(lines[2].starts_with("Weight: 2 of "), "{}", lines[2]);
        assert!(
            lines[3].starts_with(
                "Gap: 3.0 below the band. Two levels or more outside it lose all of an area's weight: 2 of the "
            ),
            "{}",
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
        let lines = dimension(
            reliability,
            a.stage.stage,
            a.total_weight,
            &crate::JsonBankText::english(),
        );
        assert_eq!(
            lines[0],
            "Level: the average of 2 answers, (0 + 0) \u{f7} 2 = 0.0."
        );
    }

    #[test]
    fn confidence_and_score_sentences_read_well() {
        let a = mature_company_with_light_platform();
        assert_eq!(
            confidence(&a.stage),
            "High confidence: 7 of 7 company answers point to a stage, and they point the same way."
        );
        let text = score(&a, &crate::JsonBankText::english());
        assert!(
            text.starts_with("Your platform is as far from what suits a mature company as the score can show: 13 of 14 areas are two levels or more outside their range. The first thing to do: Invest ("),
            "{text}"
        );
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
            .position(|q| q.id == "platform.deploy");
        answers.set(delivery.unwrap_or(0), Answer::Chosen(0));
        let a = assess(&BANK, &answers);
        let lines = dimension(
            &a.dimensions[0],
            a.stage.stage,
            a.total_weight,
            &crate::JsonBankText::english(),
        );
        assert_eq!(
            lines[3],
            format!(
                "Gap: 1.0 below the band. Two levels outside it would lose all of an area's weight, so this one loses 1.0 \u{f7} 2 \u{d7} 3 = 1.5 of the 3 weight points in all. Points lost: {}.",
                tenths(a.dimensions[0].points_lost)
            )
        );
    }

    #[test]
    fn issue_13_no_known_company_answer_reads_stage_unknown_with_the_assumption_in_small_text() {
        let check = |answers: &Answers, expected: (&str, Option<&str>)| {
            let (big, small) = stage_headline(&assess(&BANK, answers).stage);
            assert_eq!((big.as_str(), small.as_deref()), expected);
        };
        let mut answers = Answers::new(&BANK);
        for index in 0..BANK.questions.len() {
            answers.set(index, Answer::Unknown);
        }
        check(&answers, ("Stage unknown", Some("assumed Growth")));
        answers.stage_override = Some(Stage::Growth);
        check(&answers, ("Growth", None));
        answers.stage_override = None;
        answers.set(0, Answer::Chosen(0));
        check(&answers, ("Early", None));
    }

    #[test]
    fn issue_13_in_transition_promises_prepare_findings_only_when_there_are_some() {
        for company in [0.0_f32, 1.0, 1.2, 1.4, 1.6, 2.4, 2.6, 2.8, 3.0] {
            for platform in [0_usize, 1, 2, 3, 4] {
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
                let a = assess(&BANK, &answers);
                let n_prepare = a
                    .dimensions
                    .iter()
                    .filter(|d| d.prepare_for.is_some())
                    .count();
                match transition(&a) {
                    Some(text) => assert_eq!(text.contains("Prepare"), n_prepare > 0, "{text}"),
                    None => assert_eq!(n_prepare, 0),
                }
            }
        }
    }

    #[test]
    fn issue_13_fits_well_needs_85_and_at_most_two_areas_off() {
        fn check(score: u8, n_off: usize, n_scored: usize, expected: &str) {
            assert!(
                verdict(Some(score), n_off, n_scored)
                    .words
                    .contains(expected),
                "{score} {n_off}/{n_scored}"
            );
        }
        check(100, 0, 14, "fits your stage well");
        check(85, 2, 14, "fits your stage well");
        check(90, 3, 14, "partly fits");
        check(84, 1, 14, "partly fits");
        check(70, 8, 14, "out of step");
        check(59, 1, 14, "out of step");
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
        let text = score(&a, &crate::JsonBankText::english());
        assert!(text.starts_with("Your platform is as far from what suits an early-stage company as the score can show"), "{text}");
        assert!(
            text.contains("The first thing to do: Stop or defer ("),
            "{text}"
        );
    }

    #[test]
    fn verdicts_have_words_for_every_score() {
        for (score, heading, tone) in [
            (None, "Not scored yet", "none"),
            (Some(0), "Out of step with your stage", "poor"),
            (Some(59), "Out of step with your stage", "poor"),
            (Some(60), "Partly fits your stage", "partial"),
            (Some(84), "Partly fits your stage", "partial"),
            (Some(85), "Fits your stage well", "good"),
            (Some(100), "Fits your stage well", "good"),
        ] {
            let v = verdict(score, 0, 14);
            assert_eq!((v.heading, v.tone), (heading, tone), "{score:?}");
            assert!(v.words.ends_with(&v.heading[1..]), "{score:?}");
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
            let note = priority_pointer(&a, p.dimension).expect("a priority");
            assert!(
                note.starts_with(&format!("Top priority {}: ", rank + 1)),
                "{note}"
            );
        }
        let other = (0..a.dimensions.len())
            .find(|d| a.priorities.iter().all(|p| p.dimension != *d))
            .expect("an area that is not a priority");
        assert_eq!(priority_pointer(&a, other), None);
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
                assert_eq!(n > 0, note.contains("Prepare"), "{note}");
                if n > 1 {
                    assert!(note.contains(&format!("{n} areas")), "{note}");
                }
                seen_with |= n > 0;
                seen_without |= n == 0;
            }
        }
        assert!(seen_with && seen_without, "both cases are covered");
    }
}
