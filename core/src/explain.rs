//! Sentences that show the arithmetic behind a result, so every number on screen can be
//! checked by hand: how a dimension's level was averaged, which band and weight applied and
//! why, and how many score points the gap cost.

use super::bank::Band;
use super::report::tenths;
use super::scoring::{Assessment, DimensionResult, Finding, StageInference};
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
pub fn dimension(result: &DimensionResult, stage: Stage, total_weight: u32) -> Vec<String> {
    let mut lines = Vec::new();
    let Some(level) = result.level else {
        lines.push(format!(
            "All {} answers here were \u{201c}Don't know\u{201d}, so this area has no level and does not count towards the score.",
            result.n_questions
        ));
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
    lines.push(weight_line);
    lines.push(match result.finding {
        Finding::Fit | Finding::Unknown => "Gap: none, the level is within the band, so this area costs no points.".to_string(),
        Finding::Over | Finding::Under => format!(
            "Gap: {} {} the band, out of at most {:.0}. Points lost: 100 \u{d7} {} \u{d7} ({} \u{f7} {:.0}) \u{f7} {} = {}.",
            tenths(result.gap.abs()),
            if result.finding == Finding::Over { "above" } else { "below" },
            result.widest,
            result.weight,
            tenths(result.gap.abs()),
            result.widest,
            total_weight,
            tenths(result.points_lost),
        ),
    });
    lines
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
        "{} confidence: {} of {} company questions answered, and {agreement}.",
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

/// The verdict for a score: 85 and above fits well, 60 and above partly fits, below is out of step.
pub fn verdict(score: Option<u8>) -> Verdict {
    let (heading, words, tone) = match score {
        None => ("Not scored yet", "is not scored yet", "none"),
        Some(s) if s >= 85 => ("Fits your stage well", "fits your stage well", "good"),
        Some(s) if s >= 60 => (
            "Partly fits your stage",
            "partly fits your stage",
            "partial",
        ),
        Some(_) => (
            "Out of step with your stage",
            "is out of step with your stage",
            "poor",
        ),
    };
    Verdict {
        heading,
        words,
        tone,
    }
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

/// The note for a company near the line between two stages, or `None`. It mentions areas
/// marked "Prepare" only when there are some to show, and says how many.
pub fn transition(assessment: &Assessment) -> Option<String> {
    let t = assessment.stage.transition?;
    let first = format!(
        "In transition: your answers sit near the line between the {} and {} stages.",
        t.from.id(),
        t.to.id()
    );
    let n_prepare = assessment
        .dimensions
        .iter()
        .filter(|d| d.prepare_for.is_some())
        .count();
    Some(match n_prepare {
        0 => format!(
            "{first} Everything here is measured against the {} stage.",
            assessment.stage.stage.id()
        ),
        1 => format!(
            "{first} One area, marked \u{201c}Prepare\u{201d}, shows what the {} stage will ask for.",
            t.to.id()
        ),
        n => format!(
            "{first} {n} areas, marked \u{201c}Prepare\u{201d}, show what the {} stage will ask for.",
            t.to.id()
        ),
    })
}

/// The sentence under the score that says what it means.
pub fn score(assessment: &Assessment) -> String {
    match assessment.score {
        None => "Every platform answer was \u{201c}Don't know\u{201d}, so there is nothing to score yet.".to_string(),
        Some(score) => {
            let n_off = assessment
                .dimensions
                .iter()
                .filter(|d| matches!(d.finding, Finding::Over | Finding::Under))
                .count();
            format!(
                "Your platform {}. 100 would mean every area sits in the range that suits {}; {} of {} areas are outside it. Being ahead costs as many points as being behind.",
                verdict(Some(score)).words,
                assessment.stage.stage.company(),
                n_off,
                assessment.dimensions.len()
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Answer, Answers, BANK, Part, assess};

    fn mature_company_with_light_platform() -> Assessment {
        let mut answers = Answers::new(&BANK);
        for (index, q) in BANK.questions.iter().enumerate() {
            let answer = match q.part {
                Part::Company => Answer::Chosen((q.options.len() - 1) as u8),
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
        assert_eq!(lines[0], "Level: 0.0 (one answer).");
        assert_eq!(lines[1], "Band for a mature company: 3 to 4.");
        assert!(lines[2].starts_with("Weight: 2 of "), "{}", lines[2]);
        assert!(lines[3].starts_with("Gap: 3.0 below the band, out of at most 3. Points lost: 100 \u{d7} 2 \u{d7} (3.0 \u{f7} 3)"), "{}", lines[3]);
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
            "Level: the average of 2 answers, (0 + 0) \u{f7} 2 = 0.0."
        );
    }

    #[test]
    fn confidence_and_score_sentences_read_well() {
        let a = mature_company_with_light_platform();
        assert_eq!(
            confidence(&a.stage),
            "High confidence: 8 of 8 company questions answered, and they point the same way."
        );
        assert!(score(&a).starts_with("Your platform is out of step with your stage."));
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
            let v = verdict(score);
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
