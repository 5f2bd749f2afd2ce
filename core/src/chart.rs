//! The geometry of the results charts, computed here so the UI only draws what it is given:
//! the stage-fit gauge, a radar of each dimension's level against the stage's band, and bars of
//! the signed gaps (ahead to the right, behind to the left). Coordinates are SVG user units.
//!
//! The radar and the bars are sized for their labels at `LABEL_FONT` units: on a 390 px phone
//! they draw at about one unit to the pixel, so labels stay at least 12 px tall there.

use super::report::tenths;
use std::f32::consts::PI;

use super::bank::{Bank, BankText};
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
    pub text: String,
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
pub fn radar(bank: &Bank, text: &dyn BankText, assessment: &Assessment) -> Radar {
    let dims = &assessment.dimensions;
    let n = dims.len();
    let ring = |level: f32| points((0..n).map(|_| level), n);
    let outer = points(dims.iter().map(|d| f32::from(d.band.high)), n);
    let inner = points(dims.iter().map(|d| f32::from(d.band.low)), n);
    // Each label beside its spoke: anchored away from the radar on the sides, centred at the top
    // and the bottom, its baseline a third of the font below the point so the text centres on it.
    let mut placed: Vec<(String, f32, f32, &'static str, f32, f32)> = (0..n)
        .map(|i| {
            let (x, y) = point(i, n, 4.0 + 0.45);
            let text = text.dimension_short(&bank.dimensions[dims[i].dimension]);
            let width = label_width(&text);
            let (anchor, from) = if x > 8.0 {
                ("start", x)
            } else if x < -8.0 {
                ("end", x - width)
            } else {
                ("middle", x - width / 2.0)
            };
            (text, x, y + LABEL_FONT / 3.0, anchor, from, width)
        })
        .collect();
    // A centred label as wide as its neighbours reach would run into them ("Auslieferung" at the
    // top between "Anbieter" and "Eigenbetrieb"): it moves a line further out, clear of both.
    for i in 0..n {
        if placed[i].3 != "middle" || n < 3 {
            continue;
        }
        let (from, to) = (placed[i].4, placed[i].4 + placed[i].5);
        let up = placed[i].2 < 0.0;
        for j in [(i + 1) % n, (i + n - 1) % n] {
            let (other_from, other_to, other_baseline) =
                (placed[j].4, placed[j].4 + placed[j].5, placed[j].2);
            if from < other_to + 4.0 && other_from < to + 4.0 {
                let baseline = &mut placed[i].2;
                *baseline = if up {
                    baseline.min(other_baseline - LABEL_FONT - 2.0)
                } else {
                    baseline.max(other_baseline + LABEL_FONT + 2.0)
                };
            }
        }
    }
    // Room for the labels: the box holds the radar and every label's estimated extent.
    let (mut left, mut right) = (-RADIUS - 4.0, RADIUS + 4.0);
    let (mut top, mut bottom) = (-RADIUS - 4.0, RADIUS + 4.0);
    let labels = placed
        .into_iter()
        .map(|(text, x, baseline, anchor, from, width)| {
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
    pub label: String,
    /// The baseline of the row's text.
    pub text_y: String,
    pub bar_y: String,
    pub bar_x: String,
    pub bar_width: String,
    pub finding: Finding,
    /// The signed gap (ahead positive), which the app writes in the column at
    /// `GapBars::value_x` with the finding's marker ("▲ +1.5", "▼ −1.0", "✓ fits", "not
    /// scored"): the triangles say the direction as well as the colour and the fill do.
    pub gap: f32,
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
/// The value column is wide enough for a signed gap and for each of `value_words` (the words
/// written there in the language in use, such as "✓ fits" and "not scored").
pub fn gap_bars(
    bank: &Bank,
    text: &dyn BankText,
    assessment: &Assessment,
    value_words: &[&str],
) -> GapBars {
    let widest_label = assessment
        .dimensions
        .iter()
        .map(|d| label_width(&text.dimension_short(&bank.dimensions[d.dimension])))
        .fold(0.0, f32::max);
    let zero_x = widest_label + 8.0 + 4.0 * PER_LEVEL;
    let value_x = zero_x + 4.0 * PER_LEVEL + 8.0;
    let widest_value = value_words
        .iter()
        .map(|w| label_width(w))
        .fold(label_width("\u{25bc} \u{2212}0.0"), f32::max);
    let width = value_x + widest_value + 4.0;
    let rows: Vec<GapRow> = assessment
        .dimensions
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let top = 24.0 + i as f32 * ROW;
            let bar = d.gap.abs().min(4.0) * PER_LEVEL;
            let bar_x = if d.gap < 0.0 { zero_x - bar } else { zero_x };
            GapRow {
                label: text.dimension_short(&bank.dimensions[d.dimension]),
                text_y: tenths(top + (ROW + LABEL_FONT * 0.7) / 2.0),
                bar_y: tenths(top + (ROW - BAR_HEIGHT) / 2.0),
                bar_x: tenths(bar_x),
                bar_width: tenths(bar),
                finding: d.finding,
                gap: d.gap,
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
    use crate::{Answer, Answers, BANK, JsonBankText, assess};

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
        let radar = radar(&BANK, &JsonBankText::english(), &all(0));
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
        let radar = radar(
            &BANK,
            &JsonBankText::english(),
            &assess(&BANK, &Answers::new(&BANK)),
        );
        assert!(radar.dots.is_empty());
    }

    #[test]
    fn ahead_goes_right_and_behind_goes_left() {
        // All-first answers: an early company on a minimal platform, behind on delivery.
        let bars = gap_bars(&BANK, &JsonBankText::english(), &all(0), &[]);
        let delivery = &bars.rows[0];
        assert_eq!(delivery.finding, Finding::Under);
        let bar_x: f32 = delivery.bar_x.parse().expect("a number");
        let zero_x: f32 = bars.zero_x.parse().expect("a number");
        assert!(bar_x < zero_x && delivery.gap < 0.0);
        let bars = gap_bars(&BANK, &JsonBankText::english(), &all(3), &[]);
        let ahead = bars
            .rows
            .iter()
            .find(|r| r.finding == Finding::Over)
            .expect("something is ahead");
        assert_eq!(ahead.bar_x, bars.zero_x);
        assert!(ahead.gap > 0.0);
    }

    #[test]
    fn the_value_column_is_as_wide_as_its_longest_word() {
        let a = all(0);
        let english = JsonBankText::english();
        let narrow = view_box(&gap_bars(&BANK, &english, &a, &[]).view_box)[2];
        let wide = view_box(
            &gap_bars(&BANK, &english, &a, &["\u{2713} im Zielkorridor sehr lang"]).view_box,
        )[2];
        assert!(wide > narrow + 50.0, "{narrow} {wide}");
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
        for vb in [
            radar(&BANK, &JsonBankText::english(), &a).view_box,
            gap_bars(&BANK, &JsonBankText::english(), &a, &[]).view_box,
        ] {
            let width = view_box(&vb)[2];
            assert!(width * 12.0 / LABEL_FONT <= 340.0, "{vb}");
        }
    }

    /// The boxes of two radar labels, in every language, never overlap.
    #[test]
    fn radar_labels_do_not_run_into_each_other_in_any_language() {
        for language in ["en", "de", "fr"] {
            let path = format!(
                "{}/../locales/{language}/bank.json",
                env!("CARGO_MANIFEST_DIR")
            );
            let json = std::fs::read_to_string(&path).expect("a locale file");
            let words = JsonBankText::parse(&json).expect("a bank file");
            let radar = radar(&BANK, &words, &all(2));
            let boxes: Vec<(f32, f32, f32, &str)> = radar
                .labels
                .iter()
                .map(|label| {
                    let x: f32 = label.x.parse().expect("x");
                    let y: f32 = label.y.parse().expect("y");
                    let width = label_width(&label.text);
                    let from = match label.anchor {
                        "start" => x,
                        "end" => x - width,
                        _ => x - width / 2.0,
                    };
                    (from, from + width, y, label.text.as_str())
                })
                .collect();
            for (i, a) in boxes.iter().enumerate() {
                for b in &boxes[i + 1..] {
                    let apart_x = a.1 <= b.0 || b.1 <= a.0;
                    let apart_y = (a.2 - b.2).abs() >= LABEL_FONT;
                    assert!(apart_x || apart_y, "{language}: {} runs into {}", a.3, b.3);
                }
            }
        }
    }

    #[test]
    fn radar_labels_fit_inside_the_view_box() {
        let radar = radar(&BANK, &JsonBankText::english(), &all(2));
        let vb = view_box(&radar.view_box);
        for label in &radar.labels {
            let x: f32 = label.x.parse().expect("x");
            let width = label_width(&label.text);
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
            let bars = gap_bars(&BANK, &JsonBankText::english(), &all(platform), &[]);
            let value_x: f32 = bars.value_x.parse().expect("value x");
            for row in &bars.rows {
                let x: f32 = row.bar_x.parse().expect("bar x");
                let width: f32 = row.bar_width.parse().expect("bar width");
                assert!(
                    x >= label_width(&row.label) && x + width < value_x,
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

/// A level's name on a workshop chart's axis.
#[derive(Clone, Debug, PartialEq)]
pub struct AxisLabel {
    pub x: String,
    pub y: String,
    /// SVG `text-anchor`.
    pub anchor: &'static str,
    pub text: String,
    /// The x of the level's grid line.
    pub tick_x: String,
}

/// The level names along an axis from `x(0)` to `x(4)`. Neighbouring names are drawn on two
/// lines (even levels above, odd below) so that the longest names never overlap on a phone;
/// the ends are anchored inwards so they stay inside the chart.
fn level_axis(text: &dyn BankText, x: impl Fn(f32) -> f32, top: f32) -> Vec<AxisLabel> {
    (0..=4_u8)
        .map(|l| {
            let at = x(f32::from(l));
            AxisLabel {
                x: tenths(at),
                y: tenths(top + if l % 2 == 0 { 0.0 } else { LABEL_FONT + 2.0 }),
                anchor: match l {
                    0 => "start",
                    4 => "end",
                    _ => "middle",
                },
                text: text.level(usize::from(l)),
                tick_x: tenths(at),
            }
        })
        .collect()
}

/// One dimension's row in the workshop dot plot.
#[derive(Clone, Debug, PartialEq)]
pub struct SpreadRow {
    pub dimension: usize,
    pub label: String,
    pub text_y: String,
    pub center_y: String,
    /// One circle per half-level where anyone sits: x, radius, how many people.
    pub dots: Vec<(String, String, usize)>,
    /// Where the median sits, if anyone answered, and the ends of its tick.
    pub median_x: Option<String>,
    pub tick_top: String,
    pub tick_bottom: String,
    /// The room's band for this area (the band of the stage the group's result is at): x,
    /// width, and its top and height.
    pub band_x: String,
    pub band_width: String,
    pub band_y: String,
    pub band_height: String,
}

/// The legend of the dot plot: a small and a large dot with the number of people each stands
/// for, the median's mark, and the band's swatch.
#[derive(Clone, Debug, PartialEq)]
pub struct SpreadLegend {
    pub y: String,
    /// The ends of the median's mark and the top of the band's swatch (20 units square).
    pub mark_top: String,
    pub mark_bottom: String,
    pub swatch_y: String,
    /// A dot's radius and the people it stands for: one person, and the most at one place.
    pub small: (String, usize),
    pub large: Option<(String, usize)>,
}

/// The workshop dot plot: for each dimension, where each participant's level lies on 0 to 4.
#[derive(Clone, Debug, PartialEq)]
pub struct SpreadPlot {
    pub view_box: String,
    /// The level names along the top.
    pub axis: Vec<AxisLabel>,
    /// The y range of the grid lines.
    pub grid_top: String,
    pub grid_bottom: String,
    pub rows: Vec<SpreadRow>,
    pub legend: SpreadLegend,
}

const SPREAD_LEFT: f32 = 120.0;
const SPREAD_PER_LEVEL: f32 = 66.0;
const SPREAD_TOP: f32 = 52.0;
const SPREAD_ROW: f32 = 30.0;

/// A dot's radius for `n` people when the most at any one place is `most`: its area grows with
/// the number of people.
fn dot_radius(n: usize, most: usize) -> f32 {
    3.0 + 9.0 * (n as f32 / most.max(1) as f32).sqrt()
}

/// How many people sit at each half level (0, 0.5, ... 4) of a sorted list of levels.
fn half_level_bins(levels: &[f32]) -> [usize; 9] {
    let mut bins = [0_usize; 9];
    for &level in levels {
        bins[((level * 2.0).round().max(0.0) as usize).min(8)] += 1;
    }
    bins
}

/// The dot plot of a workshop aggregate, rows in the order given (most disagreement first).
/// One dot size is used for the whole chart, so a dot means the same number of people in
/// every row, as the legend says. Each row shows the band of the stage the group's result is
/// at, so the dots read as ahead, within or behind.
pub fn spread_plot(
    bank: &Bank,
    text: &dyn BankText,
    aggregate: &super::workshop::Aggregate,
) -> SpreadPlot {
    let x = |level: f32| SPREAD_LEFT + level * SPREAD_PER_LEVEL;
    let bins: Vec<[usize; 9]> = aggregate
        .spreads
        .iter()
        .map(|s| half_level_bins(&s.levels))
        .collect();
    let most = bins
        .iter()
        .flat_map(|b| b.iter().copied())
        .max()
        .unwrap_or(1)
        .max(1);
    let rows: Vec<SpreadRow> = aggregate
        .by_disagreement
        .iter()
        .enumerate()
        .map(|(i, &d)| {
            let spread = &aggregate.spreads[d];
            let center_y = SPREAD_TOP + 14.0 + i as f32 * SPREAD_ROW;
            let dots = bins[d]
                .iter()
                .enumerate()
                .filter(|(_, n)| **n > 0)
                .map(|(b, &n)| (tenths(x(b as f32 / 2.0)), tenths(dot_radius(n, most)), n))
                .collect();
            let band = aggregate.median.dimensions[d].band;
            SpreadRow {
                dimension: d,
                label: text.dimension_short(&bank.dimensions[d]),
                text_y: tenths(center_y + 5.0),
                center_y: tenths(center_y),
                dots,
                median_x: spread.median.map(|m| tenths(x(m))),
                tick_top: tenths(center_y - 13.0),
                tick_bottom: tenths(center_y + 13.0),
                band_x: tenths(x(f32::from(band.low)) - 4.0),
                band_width: tenths(f32::from(band.high - band.low) * SPREAD_PER_LEVEL + 8.0),
                band_y: tenths(center_y - SPREAD_ROW / 2.0 + 1.0),
                band_height: tenths(SPREAD_ROW - 2.0),
            }
        })
        .collect();
    let grid_bottom = SPREAD_TOP + rows.len() as f32 * SPREAD_ROW;
    let legend_y = grid_bottom + 24.0;
    SpreadPlot {
        view_box: format!("0 0 420 {:.0}", legend_y + 16.0),
        axis: level_axis(text, x, 14.0),
        grid_top: tenths(SPREAD_TOP - 2.0),
        grid_bottom: tenths(grid_bottom),
        rows,
        legend: SpreadLegend {
            y: tenths(legend_y),
            mark_top: tenths(legend_y - 11.0),
            mark_bottom: tenths(legend_y + 11.0),
            swatch_y: tenths(legend_y - 10.0),
            small: (tenths(dot_radius(1, most)), 1),
            large: (most > 1).then(|| (tenths(dot_radius(most, most)), most)),
        },
    }
}

/// One dot of an area slide: people at one quarter level, on one position's lane.
#[derive(Clone, Debug, PartialEq)]
pub struct AreaDot {
    pub x: String,
    pub y: String,
    pub r: String,
    pub n: usize,
    pub position: super::workshop::Position,
}

/// A lane of an area slide: everyone ahead, within or behind the band.
#[derive(Clone, Debug, PartialEq)]
pub struct AreaLane {
    pub position: super::workshop::Position,
    pub y: String,
    pub count: usize,
}

/// "Present results": one area, with the room's band and every person's level on a lane for
/// ahead, within or behind it. Drawn for a 1280 by 720 projector.
#[derive(Clone, Debug, PartialEq)]
pub struct AreaPlot {
    pub view_box: &'static str,
    pub axis: Vec<AxisLabel>,
    pub grid_top: String,
    pub grid_bottom: String,
    pub band_x: String,
    pub band_width: String,
    pub band_height: String,
    pub lanes: Vec<AreaLane>,
    pub dots: Vec<AreaDot>,
    pub median_x: Option<String>,
}

const AREA_LEFT: f32 = 210.0;
const AREA_PER_LEVEL: f32 = 180.0;
const AREA_TOP: f32 = 60.0;
const AREA_LANE: f32 = 70.0;

/// The area slide for dimension `d`: each person's level (to the nearest quarter) against the
/// band of the stage the group's result is at.
pub fn area_plot(
    text: &dyn BankText,
    aggregate: &super::workshop::Aggregate,
    people: &[super::workshop::Participant],
    d: usize,
) -> AreaPlot {
    use super::workshop::Position;
    let x = |level: f32| AREA_LEFT + level * AREA_PER_LEVEL;
    let band = aggregate.median.dimensions[d].band;
    let lanes_order = [Position::Ahead, Position::Within, Position::Behind];
    let lane_y = |p: Position| {
        let i = lanes_order.iter().position(|&q| q == p).unwrap_or(1);
        AREA_TOP + AREA_LANE / 2.0 + i as f32 * AREA_LANE
    };
    // People per (quarter level, position).
    let mut bins: std::collections::BTreeMap<(usize, Position), usize> = Default::default();
    for p in people {
        if let Some(level) = p.assessment.dimensions.get(d).and_then(|r| r.level) {
            let quarter = ((level * 4.0).round().max(0.0) as usize).min(16);
            *bins
                .entry((quarter, Position::of(level, band)))
                .or_default() += 1;
        }
    }
    let most = bins.values().copied().max().unwrap_or(1);
    let dots = bins
        .iter()
        .map(|(&(quarter, position), &n)| AreaDot {
            x: tenths(x(quarter as f32 / 4.0)),
            y: tenths(lane_y(position)),
            r: tenths(2.0 * dot_radius(n, most)),
            n,
            position,
        })
        .collect();
    let lanes = lanes_order
        .iter()
        .map(|&position| AreaLane {
            position,
            y: tenths(lane_y(position)),
            count: bins
                .iter()
                .filter(|((_, p), _)| *p == position)
                .map(|(_, n)| n)
                .sum(),
        })
        .collect();
    let grid_bottom = AREA_TOP + 3.0 * AREA_LANE;
    AreaPlot {
        view_box: "0 0 1000 330",
        axis: level_axis(text, x, 22.0)
            .into_iter()
            .map(|mut a| {
                // One line, each name centred on its level: at this size they are far apart.
                a.y = tenths(grid_bottom + 36.0);
                a.anchor = "middle";
                a
            })
            .collect(),
        grid_top: tenths(AREA_TOP),
        grid_bottom: tenths(grid_bottom),
        band_x: tenths(x(f32::from(band.low)) - 12.0),
        band_width: tenths(f32::from(band.high - band.low) * AREA_PER_LEVEL + 24.0),
        band_height: tenths(3.0 * AREA_LANE),
        lanes,
        dots,
        median_x: aggregate.spreads[d].median.map(|m| tenths(x(m))),
    }
}

/// One part of a stacked bar: an answer and how many gave it.
#[derive(Clone, Debug, PartialEq)]
pub struct BarSegment {
    /// The option's index in its question (or the stage's index), for its label and colour.
    pub option: usize,
    pub count: usize,
    /// x and width in a bar 1000 units wide.
    pub x: String,
    pub width: String,
    /// The middle of the segment, where its count is written.
    pub middle: String,
}

/// A bar 1000 units wide split in proportion to `counts`; answers nobody gave take no room.
/// The widths add up to the whole bar.
pub fn stacked_bar(counts: &[usize]) -> Vec<BarSegment> {
    let total: usize = counts.iter().sum();
    if total == 0 {
        return Vec::new();
    }
    let mut before = 0;
    counts
        .iter()
        .enumerate()
        .filter(|(_, n)| **n > 0)
        .map(|(option, &count)| {
            // Ends are placed from the running sum, so rounding never leaves a gap or overlap.
            let from = 1000.0 * before as f32 / total as f32;
            before += count;
            let to = 1000.0 * before as f32 / total as f32;
            BarSegment {
                option,
                count,
                x: tenths(from),
                width: tenths(to - from),
                middle: tenths((from + to) / 2.0),
            }
        })
        .collect()
}

/// A point of the score trend: an assessment's time and score.
#[derive(Clone, Debug, PartialEq)]
pub struct TrendPoint {
    pub x: String,
    pub y: String,
    pub score: u8,
    /// The time it was made (milliseconds since 1970), for its date.
    pub created: f64,
}

/// History's score trend: one line through the scored assessments, oldest on the left.
#[derive(Clone, Debug, PartialEq)]
pub struct Trend {
    pub view_box: &'static str,
    pub line: String,
    pub points: Vec<TrendPoint>,
    /// Grid lines at scores 0, 50 and 100: y and the score.
    pub grid: Vec<(String, u8)>,
    pub left: String,
    pub right: String,
}

const TREND_LEFT: f32 = 44.0;
const TREND_RIGHT: f32 = 400.0;
const TREND_TOP: f32 = 12.0;
const TREND_BOTTOM: f32 = 142.0;

/// The least distance between two neighbouring points of the trend (its dots have a radius of
/// 4), so that points close in time, two of one day in a history of a year, do not cover each
/// other; with many points it is less, so that they all fit.
const TREND_MIN_GAP: f32 = 12.0;

/// Moves the points' x (in time order) apart until neighbours are at least the gap apart, keeping
/// their order and the chart's edges: forwards from the left, then back from the right.
fn spread_apart(xs: &mut [f32], left: f32, right: f32) {
    let n = xs.len();
    if n < 2 {
        return;
    }
    let gap = TREND_MIN_GAP.min((right - left) / (n - 1) as f32);
    for i in 1..n {
        xs[i] = xs[i].max(xs[i - 1] + gap);
    }
    xs[n - 1] = xs[n - 1].min(right);
    for i in (0..n - 1).rev() {
        xs[i] = xs[i].min(xs[i + 1] - gap);
    }
}

/// The score trend of `(created, score)` pairs in any order, or `None` with fewer than two
/// scores. x is proportional to time, with neighbours at least `TREND_MIN_GAP` apart;
/// assessments made at the same moment are spread evenly.
pub fn score_trend(scores: &[(f64, u8)]) -> Option<Trend> {
    if scores.len() < 2 {
        return None;
    }
    let mut sorted = scores.to_vec();
    sorted.sort_by(|a, b| a.0.total_cmp(&b.0));
    let (first, last) = (sorted[0].0, sorted[sorted.len() - 1].0);
    let span = last - first;
    let width = TREND_RIGHT - TREND_LEFT;
    let y =
        |score: u8| TREND_BOTTOM - (TREND_BOTTOM - TREND_TOP) * f32::from(score.min(100)) / 100.0;
    let mut xs: Vec<f32> = (0..sorted.len())
        .map(|i| {
            let share = if span > 0.0 {
                ((sorted[i].0 - first) / span) as f32
            } else {
                i as f32 / (sorted.len() - 1) as f32
            };
            TREND_LEFT + width * share
        })
        .collect();
    spread_apart(&mut xs, TREND_LEFT, TREND_RIGHT);
    let points: Vec<TrendPoint> = sorted
        .iter()
        .zip(xs)
        .map(|(&(created, score), x)| TrendPoint {
            x: tenths(x),
            y: tenths(y(score)),
            score,
            created,
        })
        .collect();
    let line = points
        .iter()
        .enumerate()
        .map(|(i, p)| format!("{}{},{}", if i == 0 { "M" } else { "L" }, p.x, p.y))
        .collect::<Vec<_>>()
        .join(" ");
    Some(Trend {
        view_box: "0 0 420 170",
        line,
        points,
        grid: [0, 50, 100].iter().map(|&s| (tenths(y(s)), s)).collect(),
        left: tenths(TREND_LEFT),
        right: tenths(TREND_RIGHT),
    })
}

#[cfg(test)]
mod workshop_chart_tests {
    use super::*;
    use crate::workshop::{self, Position, Workshop};
    use crate::{Answer, Answers, BANK, JsonBankText, Part, link};

    fn people(rows: &[(u8, u8)]) -> Vec<workshop::Participant> {
        let w = Workshop {
            id: "w".into(),
            name: "W".into(),
            note: String::new(),
            created: 0.0,
            payloads: rows
                .iter()
                .map(|&(c, p)| {
                    let mut a = Answers::new(&BANK);
                    for (i, q) in BANK.questions.iter().enumerate() {
                        let pick = if q.part == Part::Platform { p } else { c };
                        a.set(i, Answer::Chosen(pick.min(q.options.len() as u8 - 1)));
                    }
                    link::encode(&BANK, &a, "")
                })
                .collect(),
            agreed: Default::default(),
            unknown: Default::default(),
        };
        workshop::participants(&BANK, &w)
    }

    fn num(text: &str) -> f32 {
        text.parse().expect("a number")
    }

    #[test]
    fn stacked_bars_fill_the_bar_in_proportion_and_skip_empty_answers() {
        let check = |counts: &[usize], expected: &[(usize, &str, &str)]| {
            let got: Vec<(usize, String, String)> = stacked_bar(counts)
                .into_iter()
                .map(|s| (s.count, s.x, s.width))
                .collect();
            let expected: Vec<(usize, String, String)> = expected
                .iter()
                .map(|&(n, x, w)| (n, x.to_string(), w.to_string()))
                .collect();
            assert_eq!(got, expected, "{counts:?}");
        };
        check(&[], &[]);
        check(&[0, 0], &[]);
        check(&[4, 0, 6], &[(4, "0.0", "400.0"), (6, "400.0", "600.0")]);
        check(
            &[1, 1, 1],
            &[
                (1, "0.0", "333.3"),
                (1, "333.3", "333.3"),
                (1, "666.7", "333.3"),
            ],
        );
        check(&[0, 5], &[(5, "0.0", "1000.0")]);
    }

    #[test]
    fn the_trend_needs_two_scores_and_runs_oldest_to_newest() {
        assert_eq!(score_trend(&[]), None);
        assert_eq!(score_trend(&[(1.0, 50)]), None);
        let t = score_trend(&[(3000.0, 100), (1000.0, 0), (2000.0, 50)]).expect("a trend");
        let scores: Vec<u8> = t.points.iter().map(|p| p.score).collect();
        assert_eq!(scores, [0, 50, 100]);
        assert_eq!(t.line, "M44.0,142.0 L222.0,77.0 L400.0,12.0");
        // Made at the same moment: spread evenly, never divided by zero.
        let same = score_trend(&[(5.0, 10), (5.0, 20)]).expect("a trend");
        assert_eq!(same.line, "M44.0,129.0 L400.0,116.0");
    }

    #[test]
    fn points_of_one_day_in_a_long_history_are_moved_apart_in_order() {
        const DAY: f64 = 86_400_000.0;
        let x = |t: &Trend| -> Vec<f32> { t.points.iter().map(|p| p.x.parse().unwrap()).collect() };
        // A year, then three within an hour of each other: they end the chart, 12 apart.
        let t = score_trend(&[
            (0.0, 40),
            (365.0 * DAY, 50),
            (365.0 * DAY + 60_000.0, 60),
            (365.0 * DAY + 3_600_000.0, 70),
        ])
        .expect("a trend");
        assert_eq!(x(&t), [44.0, 376.0, 388.0, 400.0]);
        // Two close together at the start: the second moves right, the first stays at the edge.
        let t = score_trend(&[(0.0, 40), (1.0, 50), (DAY, 60)]).expect("a trend");
        assert_eq!(x(&t), [44.0, 56.0, 400.0]);
        // More points than fit 12 apart: evenly spread, in time order, within the chart.
        let many: Vec<(f64, u8)> = (0..100)
            .map(|i| (f64::from(i), 50))
            .chain([(1e12, 60)])
            .collect();
        let xs = x(&score_trend(&many).expect("a trend"));
        assert!(xs.windows(2).all(|w| w[1] - w[0] >= 3.4), "{xs:?}");
        assert!(xs[0] >= 44.0 && xs[100] <= 400.0);
    }

    #[test]
    fn the_dot_plot_draws_each_areas_band_and_one_dot_size_for_the_whole_chart() {
        let room = people(&[(0, 0), (0, 0), (4, 4), (2, 2)]);
        let agg = workshop::aggregate(&BANK, &room);
        let plot = spread_plot(&BANK, &JsonBankText::english(), &agg);
        assert_eq!(plot.rows.len(), BANK.dimensions.len());
        let names: Vec<&str> = plot.axis.iter().map(|a| a.text.as_str()).collect();
        assert_eq!(names, ["None", "Minimal", "Basic", "Standard", "Extensive"]);
        for row in &plot.rows {
            let band = agg.median.dimensions[row.dimension].band;
            let from = SPREAD_LEFT + f32::from(band.low) * SPREAD_PER_LEVEL - 4.0;
            assert_eq!(num(&row.band_x), from, "{row:?}");
            assert!(num(&row.band_width) >= 8.0);
        }
        // The largest dot stands for the most people at one place anywhere in the chart.
        let (large, most) = plot.legend.large.clone().expect("two at one place");
        assert_eq!(most, 2);
        let biggest = plot
            .rows
            .iter()
            .flat_map(|r| r.dots.iter())
            .map(|d| num(&d.1))
            .fold(0.0, f32::max);
        assert_eq!(num(&large), biggest);
    }

    #[test]
    fn an_area_slide_puts_each_person_on_the_lane_of_their_position_against_the_band() {
        let room = people(&[(0, 0), (0, 4), (4, 4), (2, 2), (2, 1)]);
        let agg = workshop::aggregate(&BANK, &room);
        for d in 0..BANK.dimensions.len() {
            let plot = area_plot(&JsonBankText::english(), &agg, &room, d);
            let band = agg.median.dimensions[d].band;
            let answered = room
                .iter()
                .filter(|p| p.assessment.dimensions[d].level.is_some());
            for position in [Position::Behind, Position::Within, Position::Ahead] {
                let expected = answered
                    .clone()
                    .filter(|p| {
                        Position::of(p.assessment.dimensions[d].level.unwrap_or(0.0), band)
                            == position
                    })
                    .count();
                let lane = plot
                    .lanes
                    .iter()
                    .find(|l| l.position == position)
                    .expect("lane");
                assert_eq!(lane.count, expected, "area {d} {position:?}");
                let drawn: usize = plot
                    .dots
                    .iter()
                    .filter(|x| x.position == position)
                    .map(|x| x.n)
                    .sum();
                assert_eq!(drawn, expected);
                assert!(
                    plot.dots
                        .iter()
                        .filter(|x| x.position == position)
                        .all(|x| x.y == lane.y)
                );
            }
        }
    }
}
