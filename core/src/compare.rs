//! What changed between two assessments: for the score and each area, the change and its
//! direction (better, worse, moved within the band, unchanged), in words the compare view shows
//! as they are. It never decides which assessment is older: the caller passes them in order.

use super::bank::{Bank, BankText};
use super::report::tenths;
use super::scoring::{Assessment, DimensionResult, Finding};

/// Which way a measure moved from the earlier assessment to the later one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Direction {
    /// The score rose, or an area came closer to its band (or into it).
    Better,
    /// The score fell, or an area moved further from its band (or out of it).
    Worse,
    /// Within the band both times, at a different level: neither better nor worse.
    WithinBand,
    /// The same as before (or as far from the band as before, on the other side).
    Same,
    /// One of the two could not be scored, so there is nothing to compare.
    Unknown,
}

impl Direction {
    /// The word shown beside the change, with a marker so colour never carries it alone.
    pub fn label(self) -> &'static str {
        match self {
            Direction::Better => "\u{2197} better",
            Direction::Worse => "\u{2198} worse",
            Direction::WithinBand => "\u{2194} moved within the band",
            Direction::Same => "= unchanged",
            Direction::Unknown => "? not comparable",
        }
    }

    /// A class name for the stylesheet.
    pub fn class(self) -> &'static str {
        match self {
            Direction::Better => "better",
            Direction::Worse => "worse",
            Direction::WithinBand => "within",
            Direction::Same => "same",
            Direction::Unknown => "unknown",
        }
    }
}

/// One measure compared: its name, its value before and after, the change and its direction.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Change {
    pub measure: String,
    pub before: String,
    pub after: String,
    /// The signed change in words ("+12 points", "−0.5 level"), or empty when there is none.
    pub change: String,
    pub direction: Direction,
}

fn signed(delta: f32, unit: &str) -> String {
    if delta > 0.0 {
        format!("+{} {unit}", tenths(delta))
    } else {
        format!("\u{2212}{} {unit}", tenths(-delta))
    }
}

fn score_text(a: &Assessment) -> String {
    a.score
        .map_or("not scored".to_string(), |s| format!("{s} out of 100"))
}

fn area_text(d: &DimensionResult) -> String {
    let marker = match d.finding {
        Finding::Over => "\u{25b2}",
        Finding::Under => "\u{25bc}",
        Finding::Fit => "\u{2713}",
        Finding::Unknown => "?",
    };
    let level = d.level.map_or("not answered".to_string(), tenths);
    format!("{level} \u{b7} {marker} {}", d.finding.label())
}

/// The direction of an area's move, from how far each level is from its own band (the band can
/// move when the stage or the strategy does).
fn area_direction(before: &DimensionResult, after: &DimensionResult) -> Direction {
    let (Some(from), Some(to)) = (before.level, after.level) else {
        return Direction::Unknown;
    };
    let (was, is) = (before.gap.abs(), after.gap.abs());
    if is < was {
        Direction::Better
    } else if is > was {
        Direction::Worse
    } else if from != to && before.finding == Finding::Fit && after.finding == Finding::Fit {
        Direction::WithinBand
    } else {
        Direction::Same
    }
}

/// The score and every area, from `before` to `after`.
pub fn changes(
    bank: &Bank,
    text: &dyn BankText,
    before: &Assessment,
    after: &Assessment,
) -> Vec<Change> {
    let score = match (before.score, after.score) {
        (Some(x), Some(y)) => Change {
            measure: "Stage fit".to_string(),
            before: score_text(before),
            after: score_text(after),
            change: match i16::from(y) - i16::from(x) {
                0 => String::new(),
                d if d > 0 => format!("+{d} points"),
                d => format!("\u{2212}{} points", -d),
            },
            direction: match y.cmp(&x) {
                std::cmp::Ordering::Greater => Direction::Better,
                std::cmp::Ordering::Less => Direction::Worse,
                std::cmp::Ordering::Equal => Direction::Same,
            },
        },
        _ => Change {
            measure: "Stage fit".to_string(),
            before: score_text(before),
            after: score_text(after),
            change: String::new(),
            direction: Direction::Unknown,
        },
    };
    let mut all = vec![score];
    all.extend(
        before
            .dimensions
            .iter()
            .zip(&after.dimensions)
            .map(|(p, q)| {
                let change = match (p.level, q.level) {
                    (Some(x), Some(y)) if x != y => signed(y - x, "level"),
                    _ => String::new(),
                };
                Change {
                    measure: text.dimension_name(&bank.dimensions[p.dimension]),
                    before: area_text(p),
                    after: area_text(q),
                    change,
                    direction: area_direction(p, q),
                }
            }),
    );
    all
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Answer, Answers, BANK, BankText, JsonBankText, Part, assess};

    /// Every platform answer at `platform` (an option index, clamped), company answers at
    /// `company`.
    fn answered(company: u8, platform: u8) -> Assessment {
        let mut answers = Answers::new(&BANK);
        for (i, q) in BANK.questions.iter().enumerate() {
            let pick = if q.part == Part::Platform {
                platform
            } else {
                company
            };
            let last = (q.options.len() - 1) as u8;
            answers.set(i, Answer::Chosen(pick.min(last)));
        }
        assess(&BANK, &answers)
    }

    fn check(before: &Assessment, after: &Assessment, measure: &str, expected: Direction) {
        let all = changes(&BANK, &JsonBankText::english(), before, after);
        let row = all.iter().find(|c| c.measure == measure).expect(measure);
        assert_eq!(row.direction, expected, "{row:?}");
    }

    #[test]
    fn the_same_assessment_is_unchanged_everywhere() {
        let a = answered(0, 2);
        for c in changes(&BANK, &JsonBankText::english(), &a, &a) {
            assert!(
                matches!(c.direction, Direction::Same | Direction::Unknown),
                "{c:?}"
            );
            assert_eq!(c.change, "", "{c:?}");
        }
    }

    #[test]
    fn the_score_moves_with_its_sign() {
        let (x, y) = (answered(0, 4), answered(0, 0));
        let (sx, sy) = (x.score.expect("scored"), y.score.expect("scored"));
        assert!(sy > sx, "{sx} {sy}");
        check(&x, &y, "Stage fit", Direction::Better);
        check(&y, &x, "Stage fit", Direction::Worse);
        let row = &changes(&BANK, &JsonBankText::english(), &x, &y)[0];
        assert_eq!(row.change, format!("+{} points", sy - sx));
    }

    #[test]
    fn an_area_is_better_when_closer_to_its_band_and_worse_when_further() {
        // An early company: far ahead everywhere, then closer.
        let (far, near) = (answered(0, 4), answered(0, 0));
        for (p, q) in far.dimensions.iter().zip(&near.dimensions) {
            let name = JsonBankText::english().dimension_name(&BANK.dimensions[p.dimension]);
            let expected = if q.level.is_none() || p.level.is_none() {
                Direction::Unknown
            } else if q.gap.abs() < p.gap.abs() {
                Direction::Better
            } else if q.gap.abs() > p.gap.abs() {
                Direction::Worse
            } else if p.level != q.level && p.finding == Finding::Fit && q.finding == Finding::Fit {
                Direction::WithinBand
            } else {
                Direction::Same
            };
            check(&far, &near, &name, expected);
        }
    }

    #[test]
    fn a_move_inside_the_band_is_neither_better_nor_worse() {
        let mut before = answered(2, 2);
        let mut after = before.clone();
        let d = &mut before.dimensions[0];
        d.level = Some(f32::from(d.band.low));
        d.gap = 0.0;
        d.finding = Finding::Fit;
        let e = &mut after.dimensions[0];
        e.level = Some(f32::from(e.band.high) + 0.0);
        e.gap = 0.0;
        e.finding = Finding::Fit;
        let name = JsonBankText::english().dimension_name(&BANK.dimensions[0]);
        if before.dimensions[0].band.low != before.dimensions[0].band.high {
            check(&before, &after, &name, Direction::WithinBand);
        }
        let unknown = {
            let mut u = after.clone();
            u.dimensions[0].level = None;
            u
        };
        check(&before, &unknown, &name, Direction::Unknown);
    }
}
