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
            let verdict = if score >= 85 {
                "Your platform fits your stage well."
            } else if score >= 60 {
                "Your platform partly fits your stage."
            } else {
                "Your platform is out of step with your stage."
            };
            format!(
                "{verdict} 100 would mean every area sits in the range that suits {}; {} of {} areas are outside it. Being ahead costs as many points as being behind.",
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
}
