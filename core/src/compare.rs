//! What changed between two assessments: for the score and each area, the change and its
//! direction (better, worse, moved within the band, unchanged), as data the compare view words
//! in the language in use. It never decides which assessment is older: the caller passes them in order.

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
    /// The marker shown with the direction's words, so colour never carries it alone.
    pub fn marker(self) -> &'static str {
        match self {
            Direction::Better => "\u{2197}",
            Direction::Worse => "\u{2198}",
            Direction::WithinBand => "\u{2194}",
            Direction::Same => "=",
            Direction::Unknown => "?",
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

/// What is compared: the score, or one area (its index in the bank's dimensions).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Measure {
    Score,
    Area(usize),
}

/// One side of a comparison: a score (or none), or an area's level (or none) and finding.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Value {
    Score(Option<u8>),
    Area {
        level: Option<f32>,
        finding: Finding,
    },
}

/// The signed change, or none.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Delta {
    None,
    /// Score points, never 0.
    Points(i16),
    /// Levels, never 0.
    Level(f32),
}

/// One measure compared: its value before and after, the change and its direction. The app
/// words it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Change {
    pub measure: Measure,
    pub before: Value,
    pub after: Value,
    pub change: Delta,
    pub direction: Direction,
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
pub fn changes(before: &Assessment, after: &Assessment) -> Vec<Change> {
    let (direction, change) = match (before.score, after.score) {
        (Some(x), Some(y)) => (
            match y.cmp(&x) {
                std::cmp::Ordering::Greater => Direction::Better,
                std::cmp::Ordering::Less => Direction::Worse,
                std::cmp::Ordering::Equal => Direction::Same,
            },
            match i16::from(y) - i16::from(x) {
                0 => Delta::None,
                d => Delta::Points(d),
            },
        ),
        _ => (Direction::Unknown, Delta::None),
    };
    let mut all = vec![Change {
        measure: Measure::Score,
        before: Value::Score(before.score),
        after: Value::Score(after.score),
        change,
        direction,
    }];
    all.extend(
        before
            .dimensions
            .iter()
            .zip(&after.dimensions)
            .map(|(p, q)| Change {
                measure: Measure::Area(p.dimension),
                before: area_value(p),
                after: area_value(q),
                change: match (p.level, q.level) {
                    (Some(x), Some(y)) if x != y => Delta::Level(y - x),
                    _ => Delta::None,
                },
                direction: area_direction(p, q),
            }),
    );
    all
}

fn area_value(d: &DimensionResult) -> Value {
    Value::Area {
        level: d.level,
        finding: d.finding,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{BANK, assess};

    /// Every platform answer at `platform` (an option index, clamped), company answers at
    /// `company`.
    fn answered(company: u8, platform: u8) -> Assessment {
        assess(&BANK, &crate::answered_all(company, platform))
    }

    fn check(before: &Assessment, after: &Assessment, measure: Measure, expected: Direction) {
        let all = changes(before, after);
        let row = all
            .iter()
            .find(|c| c.measure == measure)
            .expect("a row for every measure");
        assert_eq!(row.direction, expected, "{row:?}");
    }

    #[test]
    fn the_same_assessment_is_unchanged_everywhere() {
        let a = answered(0, 2);
        for c in changes(&a, &a) {
            assert!(
                matches!(c.direction, Direction::Same | Direction::Unknown),
                "{c:?}"
            );
            assert_eq!(c.change, Delta::None, "{c:?}");
        }
    }

    #[test]
    fn the_score_moves_with_its_sign() {
        let (x, y) = (answered(0, 4), answered(0, 0));
        let (sx, sy) = (x.score.expect("scored"), y.score.expect("scored"));
        assert!(sy > sx, "{sx} {sy}");
        check(&x, &y, Measure::Score, Direction::Better);
        check(&y, &x, Measure::Score, Direction::Worse);
        let row = &changes(&x, &y)[0];
        assert_eq!(row.change, Delta::Points(i16::from(sy) - i16::from(sx)));
        assert_eq!(row.before, Value::Score(Some(sx)));
    }

    #[test]
    fn an_area_is_better_when_closer_to_its_band_and_worse_when_further() {
        // An early company: far ahead everywhere, then closer.
        let (far, near) = (answered(0, 4), answered(0, 0));
        for (p, q) in far.dimensions.iter().zip(&near.dimensions) {
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
            check(&far, &near, Measure::Area(p.dimension), expected);
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
        let name = Measure::Area(0);
        if before.dimensions[0].band.low != before.dimensions[0].band.high {
            check(&before, &after, name, Direction::WithinBand);
        }
        let unknown = {
            let mut u = after.clone();
            u.dimensions[0].level = None;
            u
        };
        check(&before, &unknown, name, Direction::Unknown);
    }
}
