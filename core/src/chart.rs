//! The geometry of the results charts, computed here so the UI only draws what it is given:
//! the stage-fit gauge, a radar of each dimension's level against the stage's band, and bars of
//! the signed gaps (ahead to the right, behind to the left). Coordinates are SVG user units.
//!
//! The radar and the bars are sized for their labels at `LABEL_FONT` units: on a 390 px phone
//! they draw at about one unit to the pixel, so labels stay at least 12 px tall there.

use super::report::tenths;
use std::f32::consts::PI;

use super::bank::Bank;
use super::scoring::{Assessment, Finding};

/// The radius of level 4 on the radar.
const RADIUS: f32 = 85.0;

/// The size of chart labels, in user units (the stylesheet draws them at this size).
pub const LABEL_FONT: f32 = 15.0;

/// An estimate of a label's width, to make room for it (never to place it exactly): the
/// system sans-serif fonts draw these labels at about 0.52 em a character, so 0.58 leaves room.
fn label_width(text: &str) -> f32 {
    text.chars().count() as f32 * LABEL_FONT * 0.58
}

/// The stage-fit gauge: a half ring from left (0) to right (100), filled up to the score.
#[derive(Clone, Debug, PartialEq)]
pub struct Gauge {
    pub view_box: &'static str,
    /// The whole half ring, drawn as the empty track.
    pub track: String,
    /// The filled part, from the left end to the score; `None` for no score or a score of 0.
    pub value: Option<String>,
}

const GAUGE_R: f32 = 50.0;
const GAUGE_CX: f32 = 60.0;
const GAUGE_CY: f32 = 60.0;

/// The gauge for a score from 0 to 100 (values above 100 draw as 100).
pub fn gauge(score: Option<u8>) -> Gauge {
    let arc_to = |fraction: f32| {
        let angle = PI * (1.0 - fraction);
        let (sin, cos) = angle.sin_cos();
        format!(
            "M{},{} A{r},{r} 0 0 1 {},{}",
            tenths(GAUGE_CX - GAUGE_R),
            tenths(GAUGE_CY),
            tenths(GAUGE_CX + GAUGE_R * cos),
            tenths(GAUGE_CY - GAUGE_R * sin),
            r = tenths(GAUGE_R),
        )
    };
    Gauge {
        // The stroke is 12 units wide with round ends: 6 units of room on every side.
        view_box: "0 0 120 67",
        track: arc_to(1.0),
        value: score
            .filter(|&s| s > 0)
            .map(|s| arc_to(f32::from(s.min(100)) / 100.0)),
    }
}

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
    pub view_box: String,
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
    // Room for the labels: the box holds the radar and every label's estimated extent.
    let (mut left, mut right) = (-RADIUS - 4.0, RADIUS + 4.0);
    let (mut top, mut bottom) = (-RADIUS - 4.0, RADIUS + 4.0);
    let labels = (0..n)
        .map(|i| {
            let (x, y) = point(i, n, 4.0 + 0.45);
            let text = bank.dimensions[dims[i].dimension].short;
            let width = label_width(text);
            let (anchor, from) = if x > 8.0 {
                ("start", x)
            } else if x < -8.0 {
                ("end", x - width)
            } else {
                ("middle", x - width / 2.0)
            };
            // The baseline sits a third of the font below the point, so the text centres on it.
            let baseline = y + LABEL_FONT / 3.0;
            left = left.min(from - 2.0);
            right = right.max(from + width + 2.0);
            top = top.min(baseline - LABEL_FONT - 2.0);
            bottom = bottom.max(baseline + LABEL_FONT / 3.0 + 2.0);
            RadarLabel {
                text,
                x: tenths(x),
                y: tenths(baseline),
                anchor,
            }
        })
        .collect();
    Radar {
        view_box: format!(
            "{} {} {} {}",
            left.floor(),
            top.floor(),
            (right - left).ceil(),
            (bottom - top).ceil()
        ),
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
    /// "▲ +1.5" (ahead), "▼ −1.0" (behind), "✓ fits" or "not scored", in the column at
    /// `GapBars::value_x`: the triangles say the direction as well as the colour and the fill do.
    pub value: String,
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
    /// Where every row's value starts.
    pub value_x: String,
    pub rows: Vec<GapRow>,
}

const ROW: f32 = 26.0;
const BAR_HEIGHT: f32 = 14.0;
const PER_LEVEL: f32 = 20.0;

/// The marker that goes with a finding wherever it is shown: ▲ ahead, ▼ behind, ✓ fits.
pub fn marker(finding: Finding) -> &'static str {
    match finding {
        Finding::Over => "\u{25b2}",
        Finding::Under => "\u{25bc}",
        Finding::Fit => "\u{2713}",
        Finding::Unknown => "?",
    }
}

/// The signed gap bars for an assessment: labels on the left, bars around the zero line (a gap
/// is at most 4 levels either way), values in a column on the right.
pub fn gap_bars(bank: &Bank, assessment: &Assessment) -> GapBars {
    let widest_label = assessment
        .dimensions
        .iter()
        .map(|d| label_width(bank.dimensions[d.dimension].short))
        .fold(0.0, f32::max);
    let zero_x = widest_label + 8.0 + 4.0 * PER_LEVEL;
    let value_x = zero_x + 4.0 * PER_LEVEL + 8.0;
    let width = value_x + label_width("\u{25bc} \u{2212}0.0") + 4.0;
    let rows: Vec<GapRow> = assessment
        .dimensions
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let top = 24.0 + i as f32 * ROW;
            let bar = d.gap.abs().min(4.0) * PER_LEVEL;
            let bar_x = if d.gap < 0.0 { zero_x - bar } else { zero_x };
            let value = match d.finding {
                Finding::Over => format!("{} +{}", marker(d.finding), tenths(d.gap)),
                Finding::Under => format!("{} \u{2212}{}", marker(d.finding), tenths(d.gap.abs())),
                Finding::Fit => format!("{} fits", marker(d.finding)),
                Finding::Unknown => "not scored".to_string(),
            };
            GapRow {
                label: bank.dimensions[d.dimension].short,
                text_y: tenths(top + (ROW + LABEL_FONT * 0.7) / 2.0),
                bar_y: tenths(top + (ROW - BAR_HEIGHT) / 2.0),
                bar_x: tenths(bar_x),
                bar_width: tenths(bar),
                finding: d.finding,
                value,
            }
        })
        .collect();
    let height = 24.0 + rows.len() as f32 * ROW + 6.0;
    GapBars {
        view_box: format!("0 0 {width:.0} {height:.0}"),
        zero_x: tenths(zero_x),
        zero_bottom: tenths(height - 4.0),
        behind_x: tenths(zero_x - 6.0),
        ahead_x: tenths(zero_x + 6.0),
        value_x: tenths(value_x),
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
        let zero_x: f32 = bars.zero_x.parse().expect("a number");
        assert!(bar_x < zero_x && delivery.value.starts_with("\u{25bc} \u{2212}"));
        let bars = gap_bars(&BANK, &all(3));
        let ahead = bars
            .rows
            .iter()
            .find(|r| r.finding == Finding::Over)
            .expect("something is ahead");
        assert_eq!(ahead.bar_x, bars.zero_x);
        assert!(ahead.value.starts_with("\u{25b2} +"));
    }

    /// The four numbers of a view box.
    fn view_box(text: &str) -> Vec<f32> {
        text.split(' ')
            .map(|n| n.parse().expect("a number"))
            .collect()
    }

    #[test]
    fn the_charts_are_narrow_enough_for_a_phone() {
        // A 390 px phone leaves about 340 px for a chart: at 420 units or less, labels of
        // LABEL_FONT units still draw at 12 px or more.
        let a = all(1);
        for vb in [radar(&BANK, &a).view_box, gap_bars(&BANK, &a).view_box] {
            let width = view_box(&vb)[2];
            assert!(width * 12.0 / LABEL_FONT <= 340.0, "{vb}");
        }
    }

    #[test]
    fn radar_labels_fit_inside_the_view_box() {
        let radar = radar(&BANK, &all(2));
        let vb = view_box(&radar.view_box);
        for label in &radar.labels {
            let x: f32 = label.x.parse().expect("x");
            let width = label_width(label.text);
            let (from, to) = match label.anchor {
                "start" => (x, x + width),
                "end" => (x - width, x),
                _ => (x - width / 2.0, x + width / 2.0),
            };
            assert!(from >= vb[0] && to <= vb[0] + vb[2], "{}", label.text);
        }
    }

    #[test]
    fn bars_stay_between_the_labels_and_the_values() {
        for platform in 0..5 {
            let bars = gap_bars(&BANK, &all(platform));
            let value_x: f32 = bars.value_x.parse().expect("value x");
            for row in &bars.rows {
                let x: f32 = row.bar_x.parse().expect("bar x");
                let width: f32 = row.bar_width.parse().expect("bar width");
                assert!(
                    x >= label_width(row.label) && x + width < value_x,
                    "{row:?}"
                );
            }
        }
    }

    #[test]
    fn the_gauge_fills_in_proportion_to_the_score() {
        let check = |score: Option<u8>, value: Option<&str>| {
            let g = gauge(score);
            assert_eq!(g.track, "M10.0,60.0 A50.0,50.0 0 0 1 110.0,60.0");
            assert_eq!(g.value.as_deref(), value, "{score:?}");
        };
        check(None, None);
        check(Some(0), None);
        check(Some(50), Some("M10.0,60.0 A50.0,50.0 0 0 1 60.0,10.0"));
        check(Some(100), Some("M10.0,60.0 A50.0,50.0 0 0 1 110.0,60.0"));
        check(Some(250), Some("M10.0,60.0 A50.0,50.0 0 0 1 110.0,60.0"));
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
