//! The geometry of the results charts, computed here so the UI only draws what it is given:
//! a radar of each dimension's level against the stage's band, and bars of the signed gaps
//! (ahead to the right, behind to the left). Coordinates are SVG user units.

use super::report::tenths;
use std::f32::consts::PI;

use super::bank::Bank;
use super::scoring::{Assessment, Finding};

/// The radius of level 4 on the radar.
const RADIUS: f32 = 110.0;

/// A label placed around the radar.
#[derive(Clone, Debug, PartialEq)]
pub struct RadarLabel {
    pub text: &'static str,
    pub x: String,
    pub y: String,
    /// SVG `text-anchor`: "start", "middle" or "end".
    pub anchor: &'static str,
}

/// Everything needed to draw the radar.
#[derive(Clone, Debug, PartialEq)]
pub struct Radar {
    pub view_box: &'static str,
    /// `points` attributes of the level 1 to 4 rings.
    pub rings: Vec<String>,
    /// The outer end of each spoke.
    pub spokes: Vec<(String, String)>,
    pub labels: Vec<RadarLabel>,
    /// A path (even-odd fill) covering the stage's band on every axis.
    pub band_path: String,
    /// `points` of the platform's levels (unscored dimensions at the centre).
    pub level_points: String,
    /// A dot for every scored level.
    pub dots: Vec<(String, String)>,
}

fn point(index: usize, n: usize, level: f32) -> (f32, f32) {
    let angle = -PI / 2.0 + 2.0 * PI * index as f32 / n as f32;
    let r = RADIUS * level / 4.0;
    let (sin, cos) = angle.sin_cos();
    (r * cos, r * sin)
}

/// A point as the text of its SVG coordinates.
fn text_point((x, y): (f32, f32)) -> (String, String) {
    (tenths(x), tenths(y))
}

fn points(levels: impl Iterator<Item = f32>, n: usize) -> String {
    let mut out = String::new();
    for (i, level) in levels.enumerate() {
        let (x, y) = point(i, n, level);
        if i > 0 {
            out.push(' ');
        }
        out.push_str(&tenths(x));
        out.push(',');
        out.push_str(&tenths(y));
    }
    out
}

/// The radar for an assessment.
pub fn radar(bank: &Bank, assessment: &Assessment) -> Radar {
    let dims = &assessment.dimensions;
    let n = dims.len();
    let ring = |level: f32| points((0..n).map(|_| level), n);
    let outer = points(dims.iter().map(|d| f32::from(d.band.high)), n);
    let inner = points(dims.iter().map(|d| f32::from(d.band.low)), n);
    let labels = (0..n)
        .map(|i| {
            let (x, y) = point(i, n, 4.0 + 0.45);
            let anchor = if x > 8.0 {
                "start"
            } else if x < -8.0 {
                "end"
            } else {
                "middle"
            };
            RadarLabel {
                text: bank.dimensions[dims[i].dimension].short,
                x: tenths(x),
                y: tenths(y + 4.0),
                anchor,
            }
        })
        .collect();
    Radar {
        view_box: "-215 -140 430 280",
        rings: (1..=4).map(|l| ring(l as f32)).collect(),
        spokes: (0..n).map(|i| text_point(point(i, n, 4.0))).collect(),
        labels,
        band_path: format!("M{outer}Z M{inner}Z"),
        level_points: points(dims.iter().map(|d| d.level.unwrap_or(0.0)), n),
        dots: dims
            .iter()
            .enumerate()
            .filter_map(|(i, d)| d.level.map(|l| text_point(point(i, n, l))))
            .collect(),
    }
}

/// One row of the gap bars.
#[derive(Clone, Debug, PartialEq)]
pub struct GapRow {
    pub label: &'static str,
    /// The baseline of the row's text.
    pub text_y: String,
    pub bar_y: String,
    pub bar_x: String,
    pub bar_width: String,
    pub finding: Finding,
    /// "+1.5", "−1.0", "fits" or "not scored", placed beside the bar.
    pub value: String,
    pub value_x: String,
    pub value_anchor: &'static str,
}

/// Everything needed to draw the gap bars.
#[derive(Clone, Debug, PartialEq)]
pub struct GapBars {
    pub view_box: String,
    /// Where "within the band" is: the vertical zero line.
    pub zero_x: String,
    /// Where the zero line ends at the bottom.
    pub zero_bottom: String,
    /// Where the "behind" and "ahead" captions end and start.
    pub behind_x: String,
    pub ahead_x: String,
    pub rows: Vec<GapRow>,
}

const ROW: f32 = 24.0;
const ZERO_X: f32 = 250.0;
const PER_LEVEL: f32 = 34.0;

/// The signed gap bars for an assessment.
pub fn gap_bars(bank: &Bank, assessment: &Assessment) -> GapBars {
    let rows: Vec<GapRow> = assessment
        .dimensions
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let top = 24.0 + i as f32 * ROW;
            let width = d.gap.abs() * PER_LEVEL;
            let (bar_x, value_x, value_anchor) = if d.gap < 0.0 {
                (ZERO_X - width, ZERO_X - width - 4.0, "end")
            } else {
                (ZERO_X, ZERO_X + width + 4.0, "start")
            };
            let value = match d.finding {
                Finding::Over => format!("+{}", tenths(d.gap)),
                Finding::Under => format!("\u{2212}{}", tenths(d.gap.abs())),
                Finding::Fit => "fits".to_string(),
                Finding::Unknown => "not scored".to_string(),
            };
            GapRow {
                label: bank.dimensions[d.dimension].short,
                text_y: tenths(top + 16.0),
                bar_y: tenths(top + 5.0),
                bar_x: tenths(bar_x),
                bar_width: tenths(width),
                finding: d.finding,
                value,
                value_x: tenths(value_x),
                value_anchor,
            }
        })
        .collect();
    let height = 24.0 + rows.len() as f32 * ROW + 6.0;
    GapBars {
        view_box: format!("0 0 420 {height:.0}"),
        zero_x: tenths(ZERO_X),
        zero_bottom: tenths(height - 4.0),
        behind_x: tenths(ZERO_X - 8.0),
        ahead_x: tenths(ZERO_X + 8.0),
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Answer, Answers, BANK, assess};

    /// Company answers at their first option, platform answers at option `platform`.
    fn all(platform: u8) -> Assessment {
        let mut answers = Answers::new(&BANK);
        for (index, q) in BANK.questions.iter().enumerate() {
            let choice = if q.part == crate::Part::Platform {
                platform
            } else {
                0
            };
            answers.set(index, Answer::Chosen(choice));
        }
        assess(&BANK, &answers)
    }

    #[test]
    fn the_radar_has_one_spoke_and_label_per_dimension() {
        let radar = radar(&BANK, &all(0));
        assert_eq!(radar.spokes.len(), BANK.dimensions.len());
        assert_eq!(radar.labels.len(), BANK.dimensions.len());
        assert_eq!(radar.rings.len(), 4);
        assert_eq!(radar.dots.len(), BANK.dimensions.len());
        // The first spoke points straight up.
        let (x, y) = &radar.spokes[0];
        let (x, y): (f32, f32) = (x.parse().expect("x"), y.parse().expect("y"));
        assert!(x.abs() < 0.01 && (y + RADIUS).abs() < 0.01, "{x},{y}");
        assert_eq!(radar.labels[0].anchor, "middle");
    }

    #[test]
    fn unscored_dimensions_have_no_dot() {
        let radar = radar(&BANK, &assess(&BANK, &Answers::new(&BANK)));
        assert!(radar.dots.is_empty());
    }

    #[test]
    fn ahead_goes_right_and_behind_goes_left() {
        // All-first answers: an early company on a minimal platform, behind on delivery.
        let bars = gap_bars(&BANK, &all(0));
        let delivery = &bars.rows[0];
        assert_eq!(delivery.finding, Finding::Under);
        let bar_x: f32 = delivery.bar_x.parse().expect("a number");
        assert!(bar_x < ZERO_X && delivery.value.starts_with('\u{2212}'));
        let bars = gap_bars(&BANK, &all(3));
        let ahead = bars
            .rows
            .iter()
            .find(|r| r.finding == Finding::Over)
            .expect("something is ahead");
        assert_eq!(ahead.bar_x, tenths(ZERO_X));
        assert!(ahead.value.starts_with('+'));
    }
}

/// One dimension's row in the workshop dot plot.
#[derive(Clone, Debug, PartialEq)]
pub struct SpreadRow {
    pub label: &'static str,
    pub text_y: String,
    pub center_y: String,
    /// One circle per half-level where anyone sits: x, radius, how many people.
    pub dots: Vec<(String, String, usize)>,
    /// Where the median sits, if anyone answered, and the ends of its tick.
    pub median_x: Option<String>,
    pub tick_top: String,
    pub tick_bottom: String,
}

/// The workshop dot plot: for each dimension, where each participant's level lies on 0 to 4.
#[derive(Clone, Debug, PartialEq)]
pub struct SpreadPlot {
    pub view_box: String,
    /// The x of levels 0 to 4, for the scale.
    pub ticks: Vec<(String, u8)>,
    pub axis_y: String,
    pub rows: Vec<SpreadRow>,
}

const SPREAD_LEFT: f32 = 120.0;
const SPREAD_PER_LEVEL: f32 = 66.0;

/// The dot plot of a workshop aggregate, rows in the order given (most disagreement first).
pub fn spread_plot(bank: &Bank, aggregate: &super::workshop::Aggregate) -> SpreadPlot {
    let x = |level: f32| SPREAD_LEFT + level * SPREAD_PER_LEVEL;
    let rows: Vec<SpreadRow> = aggregate
        .by_disagreement
        .iter()
        .enumerate()
        .map(|(i, &d)| {
            let spread = &aggregate.spreads[d];
            let center_y = 34.0 + i as f32 * 30.0;
            let mut bins = [0_usize; 9];
            for &level in &spread.levels {
                bins[((level * 2.0).round() as usize).min(8)] += 1;
            }
            let most = bins.iter().copied().max().unwrap_or(1).max(1) as f32;
            let dots = bins
                .iter()
                .enumerate()
                .filter(|(_, n)| **n > 0)
                .map(|(b, &n)| {
                    let radius = 3.0 + 9.0 * (n as f32 / most).sqrt();
                    (tenths(x(b as f32 / 2.0)), tenths(radius), n)
                })
                .collect();
            SpreadRow {
                label: bank.dimensions[d].short,
                text_y: tenths(center_y + 4.0),
                center_y: tenths(center_y),
                dots,
                median_x: spread.median.map(|m| tenths(x(m))),
                tick_top: tenths(center_y - 11.0),
                tick_bottom: tenths(center_y + 11.0),
            }
        })
        .collect();
    let height = 34.0 + rows.len() as f32 * 30.0;
    SpreadPlot {
        view_box: format!("0 0 420 {height:.0}"),
        ticks: (0..=4).map(|l| (tenths(x(f32::from(l))), l)).collect(),
        axis_y: tenths(14.0),
        rows,
    }
}
