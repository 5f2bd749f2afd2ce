//! The results' words, in the language in use: the model's own words (stages, bands, kinds of
//! priority, findings, positions against a band, confidence), which the workshop's words use
//! too, so each is defined once; verdicts, the worked-out arithmetic, the score sentence, the
//! charts' values and the Markdown summary. The core hands over data
//! (`stagefit_core::explain`, `compare`, `chart`); every sentence here comes from
//! `locales/<language>/results.json`. Each function takes the language, so the same words serve
//! views (which pass the language in use, and follow it when it changes), downloads and the
//! clipboard, and native tests.
//!
//! Question, option, area, advice and goal texts are the bank's, as it gives them.

use std::fmt::Write as _;

use stagefit_core::explain::{self, ConfidenceNote, Line, ScoreNote, TransitionNote};
use stagefit_core::report::{self, clean_label, escape_markdown};
use stagefit_core::workshop::Position;
use stagefit_core::{
    Answers, Assessment, BANK, Band, BankText, Confidence, DimensionResult, Finding, Goal, Plan,
    PriorityKind, ShareRange, Stage, StageInference, Transition, chart, share_words,
};

use crate::i18n::Locale;
use crate::ui::text::bank as bt;
use crate::ui::text::messages::I18n;
use crate::ui::text::{by_stage, fill, s};

/// The text with its first letter in upper case (any script).
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The results view's heading: "Your result" for one's own, and for someone else's from a link
/// "Shared result", with the label it carries where there is one (as text, cleaned as the core
/// cleans labels).
pub fn heading(locale: Locale, shared: bool, label: &str) -> String {
    let label = clean_label(label);
    match (shared, label.is_empty()) {
        (false, _) => s!(locale, results.results.heading),
        (true, true) => s!(locale, results.results.heading_shared),
        (true, false) => s!(locale, results.results.heading_shared_named, label = label),
    }
}

/// A number with exactly `digits` decimals, as the language writes it ("2.5", "2,5"); "?" for
/// what is not a number. Rounded first as the core rounds (`report::tenths`), so a value reads
/// the same on the page, in the charts' data and in the summary.
pub fn decimal(locale: Locale, value: f32, digits: usize) -> String {
    if !value.is_finite() {
        return "?".to_string();
    }
    let rounded: f64 = format!("{value:.digits$}").parse().unwrap_or_default();
    crate::platform::format_fixed(language(locale), rounded, digits as u32)
}

/// A level, gap or point count with one decimal.
pub fn tenths(locale: Locale, value: f32) -> String {
    decimal(locale, value, 1)
}

/// The language's code ("en", "de", "fr").
pub fn language(locale: Locale) -> &'static str {
    use leptos_i18n::Locale as _;
    locale.as_str()
}

/// A moment (milliseconds since 1970) as a date the language reads, by the browser's `Intl`.
pub fn date(locale: Locale, millis: f64) -> String {
    crate::platform::format_date(language(locale), millis, false)
}

/// A moment as a date with its time of day, to tell apart two of the same day.
pub fn date_time(locale: Locale, millis: f64) -> String {
    crate::platform::format_date(language(locale), millis, true)
}

/// The stage's name ("Growth", "Wachstumsphase"). German names carry a soft hyphen, so the
/// headline's large type breaks "Wachstums-phase" on a phone rather than inside a syllable.
pub fn stage_name(locale: Locale, stage: Stage) -> String {
    by_stage!(locale, stage, results.stage)
}

/// The stage in running text ("early", "Frühphase", "démarrage").
pub fn stage_word(locale: Locale, stage: Stage) -> String {
    by_stage!(locale, stage, results.stage_word)
}

/// "an early-stage company", "ein Unternehmen in der Frühphase", …
pub fn company(locale: Locale, stage: Stage) -> String {
    by_stage!(locale, stage, results.company)
}

/// What the stage is about, in lower case ("scaling a proven product: standardise").
pub fn motto(locale: Locale, stage: Stage) -> String {
    by_stage!(locale, stage, results.motto)
}

/// The stage in a running line ("Growth stage"), saying so when it is only assumed ("stage
/// unknown (assumed Growth)"), for lists that show many results at once.
pub fn stage_phrase(locale: Locale, stage: &StageInference) -> String {
    if !stage.known() {
        return s!(
            locale,
            results.stage_phrase_assumed,
            stage = stage_name(locale, stage.stage)
        );
    }
    by_stage!(locale, stage.stage, results.stage_phrase)
}

/// Where the company is, to end a sentence: "at the Early stage".
pub fn stage_at(locale: Locale, stage: Stage) -> String {
    by_stage!(locale, stage, results.stage_at)
}

/// The range of levels that fits a stage, by name: "Early band".
pub fn band_name(locale: Locale, stage: Stage) -> String {
    by_stage!(locale, stage, results.band_name)
}

/// The stage as the headline shows it, and a small note under it: "Stage unknown" with
/// "assumed Growth" when no company answer is known and the person chose no stage, so the
/// assumed middle is never shown as a finding.
pub fn stage_headline(locale: Locale, stage: &StageInference) -> (String, Option<String>) {
    let name = stage_name(locale, stage.stage);
    if stage.known() {
        (name, None)
    } else {
        (
            s!(locale, results.stage_unknown),
            Some(s!(locale, results.assumed, stage = name)),
        )
    }
}

pub fn finding(locale: Locale, finding: Finding) -> String {
    match finding {
        Finding::Over => s!(locale, results.finding.over),
        Finding::Under => s!(locale, results.finding.under),
        Finding::Fit => s!(locale, results.finding.fit),
        Finding::Unknown => s!(locale, results.finding.unknown),
    }
}

/// "Invest", "Stop or defer", "Prepare".
pub fn kind(locale: Locale, kind: PriorityKind) -> String {
    match kind {
        PriorityKind::Invest => s!(locale, results.kind.invest),
        PriorityKind::Defer => s!(locale, results.kind.defer),
        PriorityKind::Prepare => s!(locale, results.kind.prepare),
        PriorityKind::Replatform => s!(locale, results.kind.replatform),
    }
}

/// Where someone's level is against the band: "ahead", "within", "behind".
pub fn position_word(locale: Locale, position: Position) -> String {
    match position {
        Position::Ahead => s!(locale, results.position.ahead),
        Position::Within => s!(locale, results.position.within),
        Position::Behind => s!(locale, results.position.behind),
    }
}

/// `position_word` in short, for a lane's label, which has a plot's fixed left margin to
/// itself.
pub fn lane_word(locale: Locale, position: Position) -> String {
    match position {
        Position::Ahead => s!(locale, results.position_short.ahead),
        Position::Within => s!(locale, results.position_short.within),
        Position::Behind => s!(locale, results.position_short.behind),
    }
}

/// Shown under the gauge: "Fits your stage well", …, or "Not scored yet".
pub fn verdict(locale: Locale, verdict: explain::Verdict) -> String {
    match verdict {
        explain::Verdict::None => s!(locale, results.verdict.none),
        explain::Verdict::Good => s!(locale, results.verdict.good),
        explain::Verdict::Partial => s!(locale, results.verdict.partial),
        explain::Verdict::Poor => s!(locale, results.verdict.poor),
    }
}

/// "High confidence", …
pub fn confidence(locale: Locale, confidence: Confidence) -> String {
    match confidence {
        Confidence::Low => s!(locale, results.confidence.low),
        Confidence::Medium => s!(locale, results.confidence.medium),
        Confidence::High => s!(locale, results.confidence.high),
    }
}

/// One sentence on how sure the stage reading is, and why.
pub fn confidence_note(locale: Locale, stage: &StageInference) -> String {
    match explain::confidence(stage) {
        ConfidenceNote::NoAnswers => s!(locale, results.confidence_none),
        ConfidenceNote::Answers {
            confidence: level,
            agreeing,
            pointing,
            questions,
            ..
        } => s!(
            locale,
            results.confidence_answers,
            confidence = confidence(locale, level),
            pointing = pointing,
            questions = questions,
            agreeing = agreeing
        ),
    }
}

/// The note for a company near the line between two stages, or `None`. It promises
/// "Prepare" findings only when there are some to show.
pub fn transition(locale: Locale, assessment: &Assessment) -> Option<String> {
    let note = explain::transition(assessment)?;
    let line = match note {
        TransitionNote::Prepare { line, .. }
        | TransitionNote::NothingToPrepare { line }
        | TransitionNote::Chosen { line, .. } => line,
    };
    let near = s!(
        locale,
        results.transition.near,
        from = stage_word(locale, line.from),
        to = stage_word(locale, line.to)
    );
    let to = stage_word(locale, line.to);
    let rest = match note {
        TransitionNote::Prepare { n, .. } => {
            s!(
                locale,
                results.transition.prepare,
                count = n as u64,
                to = to.clone()
            )
        }
        TransitionNote::NothingToPrepare { .. } => s!(locale, results.transition.nothing, to = to),
        TransitionNote::Chosen { stage, .. } => s!(
            locale,
            results.transition.chosen,
            stage = stage_word(locale, stage)
        ),
    };
    Some(format!("{near} {rest}"))
}

/// "2 to 3", or "2" for a band of one level.
pub fn band(locale: Locale, band: Band) -> String {
    if band.low == band.high {
        band.low.to_string()
    } else {
        s!(locale, results.band_range, low = band.low, high = band.high)
    }
}

/// A band by the bank's level names: "Basic to Standard", even for a band of one level.
pub fn band_range(locale: Locale, band: Band) -> String {
    let words = bt::words_in(locale);
    s!(
        locale,
        results.band_range,
        low = words.level(usize::from(band.low)),
        high = words.level(usize::from(band.high))
    )
}

/// "“text”" with the language's quotation marks.
pub fn quoted(locale: Locale, text: &str) -> String {
    s!(locale, results.quoted, text = text)
}

/// The options an answer picked, each quoted, in one line ("“A”, “B”"); empty for none.
pub fn picked_quoted(i18n: I18n, question: usize, answer: stagefit_core::Answer) -> String {
    let locale = i18n.get_locale();
    bt::picked_texts(i18n, question, answer)
        .iter()
        .map(|t| quoted(locale, t))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A signed whole change, as "+9", "\u{2212}3" (a true minus sign) or "0".
pub fn signed(change: i16) -> String {
    match change {
        0 => "0".to_string(),
        d if d < 0 => format!("\u{2212}{}", d.unsigned_abs()),
        d => format!("+{d}"),
    }
}

/// "67 out of 100", or "not scored".
pub fn score_text(locale: Locale, score: Option<u8>) -> String {
    match score {
        Some(score) => s!(locale, results.out_of_100, score = score),
        None => s!(locale, results.not_scored),
    }
}

/// The one line that goes with a shared link into a chat or a mail: the score and the stage
/// ("Stagefit result: 67 out of 100, for a growth-stage company.").
pub fn share_line(locale: Locale, score: Option<u8>, stage: Stage) -> String {
    s!(
        locale,
        results.share.summary,
        score = score_text(locale, score),
        company = company(locale, stage)
    )
}

/// A level with one decimal, or "not answered".
pub fn level_text(locale: Locale, level: Option<f32>) -> String {
    level.map_or_else(|| s!(locale, results.not_answered), |l| tenths(locale, l))
}

fn option_label(locale: Locale, question: usize, choice: usize) -> String {
    BANK.questions
        .get(question)
        .filter(|q| choice < q.options.len())
        .map_or_else(String::new, |q| bt::words_in(locale).option(q, choice))
}

/// The lines that explain one dimension's result, in reading order: how its level came about,
/// the band it is measured against, its weight, and what its gap cost.
pub fn explanation(
    locale: Locale,
    result: &DimensionResult,
    stage: Stage,
    total_weight: u32,
) -> Vec<String> {
    explain::dimension(result, stage, total_weight)
        .into_iter()
        .map(|line| explanation_line(locale, line))
        .collect()
}

/// One line of `explanation`: how the level came about (from no scorable answer, one answer,
/// an average, or what one answer counts as), what it is measured against (`band_line`,
/// `weight_line`), and what its gap cost.
fn explanation_line(locale: Locale, line: Line) -> String {
    let t = |x: f32| tenths(locale, x);
    let option = |question: usize, choice: usize| option_label(locale, question, choice);
    match line {
        Line::NothingScorable => s!(locale, results.explain.nothing_scorable),
        Line::AllUnknown { n } => s!(locale, results.explain.all_unknown, count = n as u64),
        Line::LevelOfOne { level } => s!(locale, results.explain.level_single, level = t(level)),
        Line::LevelAverage { levels, level } => {
            let terms: Vec<String> = levels.iter().map(u8::to_string).collect();
            s!(
                locale,
                results.explain.level_average,
                n = levels.len(),
                terms = terms.join(" + "),
                level = t(level)
            )
        }
        Line::Share {
            question,
            choice,
            low,
            high,
            level,
        } => {
            let range = ShareRange {
                low,
                high,
                levels: [level, level],
            };
            s!(
                locale,
                results.explain.share,
                option = option(question, choice),
                share = share_words(Some(range), &bt::words_in(locale)),
                level = level
            )
        }
        Line::FitsNoStage {
            question,
            choice,
            level,
        } => s!(
            locale,
            results.explain.fits_no_stage,
            option = option(question, choice),
            level = level
        ),
        Line::NeverAhead {
            question,
            choice,
            level,
        } => s!(
            locale,
            results.explain.never_ahead,
            option = option(question, choice),
            level = level
        ),
        Line::Band {
            stage,
            across,
            band: b,
            moved_from,
        } => band_line(locale, stage, across, b, moved_from),
        Line::Weight {
            weight,
            total,
            changed_from,
            charged,
        } => weight_line(locale, weight, total, changed_from, charged),
        Line::NoGap => s!(locale, results.explain.no_gap),
        Line::FullGap {
            gap,
            ahead,
            charged,
            total,
            points_lost,
        } => {
            let template = if ahead {
                s!(locale, results.explain.full_gap_above)
            } else {
                s!(locale, results.explain.full_gap_below)
            };
            fill(
                &template,
                &[
                    ("gap", t(gap)),
                    ("charged", charged.to_string()),
                    ("total", total.to_string()),
                    ("lost", t(points_lost)),
                ],
            )
        }
        Line::Weighed {
            stage,
            percent,
            answers_away,
        } => weighed_line(locale, stage, percent, answers_away),
        Line::Counted { terms, points } => s!(
            locale,
            results.explain.counted,
            terms = weighed_terms(locale, &terms),
            lost = t(points)
        ),
        Line::PartGap {
            gap,
            ahead,
            full_gap,
            charged,
            weight_lost,
            total,
            points_lost,
        } => {
            let template = if ahead {
                s!(locale, results.explain.part_gap_above)
            } else {
                s!(locale, results.explain.part_gap_below)
            };
            fill(
                &template,
                &[
                    ("gap", t(gap)),
                    ("full", decimal(locale, full_gap, 0)),
                    ("charged", charged.to_string()),
                    ("weight_lost", t(weight_lost)),
                    ("total", total.to_string()),
                    ("lost", t(points_lost)),
                ],
            )
        }
    }
}

/// A stage the score weighs near a line (issue 29), how far it is and how much it counts:
/// "For a mature company, one answer away (40% of the score):".
fn weighed_line(locale: Locale, stage: Stage, percent: u8, answers_away: Option<u8>) -> String {
    let company = company(locale, stage);
    let percent = s!(locale, results.percent, percent = percent);
    match answers_away {
        Some(0) => s!(
            locale,
            results.explain.weighed.own,
            company = company,
            percent = percent
        ),
        Some(1) => s!(
            locale,
            results.explain.weighed.one_away,
            company = company,
            percent = percent
        ),
        Some(_) => s!(
            locale,
            results.explain.weighed.two_away,
            company = company,
            percent = percent
        ),
        None => s!(
            locale,
            results.explain.weighed.near,
            company = company,
            percent = percent
        ),
    }
}

/// Each stage's percent of the score times a value, added up: "60% × 4.1 + 40% × 0.0".
fn weighed_terms(locale: Locale, terms: &[(u8, f32)]) -> String {
    terms
        .iter()
        .map(|&(percent, value)| {
            s!(
                locale,
                results.term,
                percent = s!(locale, results.percent, percent = percent),
                value = tenths(locale, value)
            )
        })
        .collect::<Vec<_>>()
        .join(" + ")
}

/// The band for the stage, and where the strategy moved it from.
fn band_line(
    locale: Locale,
    stage: Stage,
    across: Option<Transition>,
    b: Band,
    moved_from: Option<Band>,
) -> String {
    let mut text = match across {
        Some(line) => s!(
            locale,
            results.explain.band_across,
            from = stage_word(locale, line.from),
            to = stage_word(locale, line.to),
            band = band(locale, b)
        ),
        None => s!(
            locale,
            results.explain.band,
            company = company(locale, stage),
            band = band(locale, b)
        ),
    };
    if let Some(from) = moved_from {
        text.push(' ');
        text.push_str(&s!(
            locale,
            results.explain.band_moved,
            band = band(locale, from)
        ));
    }
    text
}

/// The area's weight of the total, what the strategy changed it from, and the weight its gap
/// is charged at when that differs.
fn weight_line(
    locale: Locale,
    weight: u8,
    total: u32,
    changed_from: Option<u8>,
    charged: Option<u8>,
) -> String {
    let mut text = s!(
        locale,
        results.explain.weight,
        weight = weight,
        total = total
    );
    if let Some(from) = changed_from {
        text.push(' ');
        text.push_str(&s!(locale, results.explain.weight_changed, weight = from));
    }
    if let Some(charged) = charged {
        text.push(' ');
        text.push_str(&s!(
            locale,
            results.explain.weight_charged,
            weight = charged
        ));
    }
    text
}

/// The sentence under the score that says what it means.
pub fn score_note(locale: Locale, assessment: &Assessment) -> String {
    let arithmetic = |a: explain::Arithmetic| match explain::weighing(assessment) {
        Some((parts, score)) => weighing_text(locale, &parts, score),
        None => s!(
            locale,
            results.score.arithmetic,
            lost = tenths(locale, a.weight_lost),
            total = a.total_weight,
            share = decimal(locale, a.lost, 2),
            score = a.score
        ),
    };
    match explain::score(assessment) {
        ScoreNote::Nothing => s!(locale, results.score.nothing),
        ScoreNote::Zero {
            stage,
            far,
            scored,
            nearer,
            first,
            arithmetic: a,
        } => {
            let company = company(locale, stage);
            let mut parts = vec![if nearer == 0 {
                s!(
                    locale,
                    results.score.zero,
                    company = company,
                    far = far,
                    scored = scored
                )
            } else {
                s!(
                    locale,
                    results.score.zero_and_nearer,
                    company = company,
                    far = far,
                    scored = scored,
                    nearer = nearer
                )
            }];
            if let Some(p) = first {
                let name = bt::words_in(locale).dimension_name(&BANK.dimensions[p.dimension]);
                // German writes nouns with a capital: an area's name keeps its case there.
                let area = if language(locale) == "de" {
                    name.to_string()
                } else {
                    name.to_lowercase()
                };
                parts.push(s!(
                    locale,
                    results.score.first,
                    kind = kind(locale, p.kind),
                    area = area
                ));
            }
            parts.push(arithmetic(a));
            parts.join(" ")
        }
        ScoreNote::Scored {
            stage,
            verdict,
            off,
            scored,
            arithmetic: a,
        } => {
            let lead = match verdict {
                explain::Verdict::Good => s!(locale, results.score.lead.good),
                explain::Verdict::Partial => s!(locale, results.score.lead.partial),
                explain::Verdict::Poor | explain::Verdict::None => {
                    s!(locale, results.score.lead.poor)
                }
            };
            let meaning = s!(
                locale,
                results.score.scored,
                company = company(locale, stage),
                off = off,
                scored = scored
            );
            format!("{lead} {meaning} {}", arithmetic(a))
        }
    }
}

/// How a score that weighs several stages near a line follows from each stage's (issue 29):
/// each stage's own arithmetic, then their weighted sum.
fn weighing_text(locale: Locale, parts: &[explain::WeighedScore], score: u8) -> String {
    let mut text: Vec<String> = parts
        .iter()
        .map(|p| {
            format!(
                "{} {}",
                weighed_line(locale, p.stage, p.percent, p.answers_away),
                s!(
                    locale,
                    results.score.at_stage,
                    lost = tenths(locale, p.weight_lost),
                    total = p.total_weight,
                    share = decimal(locale, p.lost, 2),
                    score = tenths(locale, p.score)
                )
            )
        })
        .collect();
    let terms: Vec<(u8, f32)> = parts.iter().map(|p| (p.percent, p.score)).collect();
    text.push(s!(
        locale,
        results.score.weighed,
        terms = weighed_terms(locale, &terms),
        score = score
    ));
    text.join(" ")
}

/// The words the gap chart's value column may hold besides signed numbers, for its width.
pub fn gap_words(locale: Locale) -> [String; 2] {
    [
        format!(
            "{} {}",
            chart::marker(Finding::Fit),
            s!(locale, results.charts.fits)
        ),
        s!(locale, results.not_scored),
    ]
}

/// A gap chart row's value: "▲ +1.5" (ahead), "▼ −1.0" (behind), "✓ fits" or "not scored".
pub fn gap_value(locale: Locale, finding: Finding, gap: f32) -> String {
    let marker = chart::marker(finding);
    match finding {
        Finding::Over => format!("{marker} +{}", tenths(locale, gap)),
        Finding::Under => format!("{marker} \u{2212}{}", tenths(locale, gap.abs())),
        Finding::Fit => format!("{marker} {}", s!(locale, results.charts.fits)),
        Finding::Unknown => s!(locale, results.not_scored),
    }
}

/// The Markdown summary of an assessment, in `locale`. `label` is the person's name for it
/// (may be empty); `date` is shown as given; `link` is the result's share link, so whoever
/// reads the summary can open the whole result (left out when empty). Everything that came from
/// outside (the label) is escaped.
pub fn markdown(
    locale: Locale,
    assessment: &Assessment,
    label: &str,
    date: &str,
    link: &str,
) -> String {
    let mut md = String::new();
    markdown_heading(&mut md, locale, label, date, link);
    markdown_stage_and_fit(&mut md, locale, assessment);
    markdown_areas(&mut md, locale, assessment);
    markdown_priorities(&mut md, locale, assessment);
    md
}

/// The summary with the assessment's saved what-if plans after it, each an ordered list of
/// moves with the score after each and the draft goals of the areas moved.
pub fn markdown_with_plans(
    locale: Locale,
    assessment: &Assessment,
    answers: &Answers,
    plans: &[Plan],
    label: &str,
    date: &str,
    link: &str,
) -> String {
    let mut md = markdown(locale, assessment, label, date, link);
    for plan in plans {
        md.push('\n');
        md.push_str(&report::plan_markdown(
            &BANK,
            answers,
            plan,
            &bt::words_in(locale),
            &PlanMd(locale),
        ));
    }
    md
}

/// The Markdown summary's words for a plan, in `locale`.
pub struct PlanMd(pub Locale);

impl report::PlanWords for PlanMd {
    fn title(&self, name: &str) -> String {
        s!(self.0, results.md.plan.title, name = name)
    }
    fn untitled(&self) -> String {
        s!(self.0, results.md.plan.untitled)
    }
    fn now(&self, score: &str) -> String {
        s!(self.0, results.md.plan.now, score = score)
    }
    fn strategy(&self, question: &str, answer: &str) -> String {
        s!(
            self.0,
            results.md.plan.strategy,
            question = question,
            answer = answer
        )
    }
    fn with_strategy(&self, score: &str) -> String {
        s!(self.0, results.md.plan.with_strategy, score = score)
    }
    fn step(&self, area: &str, from: &str, to: &str, score: &str) -> String {
        s!(
            self.0,
            results.md.plan.step,
            area = area,
            from = from,
            to = to,
            score = score
        )
    }
    fn step_unscored(&self, area: &str, to: &str, score: &str) -> String {
        s!(
            self.0,
            results.md.plan.step_unscored,
            area = area,
            to = to,
            score = score
        )
    }
    fn no_moves(&self) -> String {
        s!(self.0, results.md.plan.no_moves)
    }
    fn goals(&self) -> String {
        s!(self.0, results.md.plan.goals)
    }
    fn goal(&self, area: &str, goal: Goal) -> String {
        match goal {
            Goal::Behind => s!(self.0, results.md.plan.raised, area = area),
            Goal::Ahead | Goal::Replatform => s!(self.0, results.md.plan.lowered, area = area),
        }
    }
    fn objective(&self, objective: &str) -> String {
        s!(self.0, results.md.objective, objective = objective)
    }
    fn key_result(&self, result: &str) -> String {
        s!(self.0, results.md.key_result, result = result)
    }
    fn draft_goals(&self) -> String {
        s!(self.0, results.md.draft_goals)
    }
    fn level(&self, level: f32) -> String {
        tenths(self.0, level)
    }
    fn score(&self, score: Option<u8>) -> String {
        score_text(self.0, score)
    }
}

/// The summary's title (the label, escaped), its date and the link to the whole result.
fn markdown_heading(md: &mut String, locale: Locale, label: &str, date: &str, link: &str) {
    let label = clean_label(label);
    let title = if label.is_empty() {
        s!(locale, results.md.untitled)
    } else {
        escape_markdown(&label)
    };
    let _ = writeln!(md, "# {}\n", s!(locale, results.md.title, title = title));
    let _ = writeln!(md, "_{date}_\n");
    if !link.is_empty() {
        // An autolink: the underscores a link may hold are not read as emphasis.
        let _ = writeln!(
            md,
            "{}\n",
            s!(locale, results.md.open, link = format!("<{link}>"))
        );
    }
}

/// The company's stage with how sure it is, the stage fit with what it means, and the
/// strategy's notes.
fn markdown_stage_and_fit(md: &mut String, locale: Locale, assessment: &Assessment) {
    let stage = &assessment.stage;
    // Plain text: no soft hyphens in what is pasted elsewhere.
    let name = stage_name(locale, stage.stage).replace('\u{ad}', "");
    // As on screen: a stage no answer pointed to is only assumed, and says so.
    let name = if !stage.known() {
        s!(locale, results.md.assumed, stage = name)
    } else if stage.overridden {
        s!(locale, results.md.chosen, stage = name)
    } else {
        name
    };
    // A stage no answer pointed to has no motto: it would read as a finding (issue 29).
    let headline = if stage.known() {
        s!(
            locale,
            results.md.stage,
            stage = name,
            motto = motto(locale, stage.stage)
        )
    } else {
        s!(locale, results.md.stage_unknown, stage = name)
    };
    let _ = writeln!(
        md,
        "**{}** {} {}\n",
        s!(locale, results.md.stage_label),
        headline,
        confidence_note(locale, stage)
    );
    let _ = writeln!(
        md,
        "**{}** {}. {}\n",
        s!(locale, results.md.fit_label),
        score_text(locale, assessment.score),
        score_note(locale, assessment)
    );
    let words = bt::words_in(locale);
    for note in &assessment.strategy.notes {
        let text = words.note(&BANK.questions[note.question], note.option);
        let _ = writeln!(md, "> {text}\n");
    }
}

/// Every area as a table row: its level, the band that fits the stage, and the finding.
fn markdown_areas(md: &mut String, locale: Locale, assessment: &Assessment) {
    let words = bt::words_in(locale);
    let _ = writeln!(
        md,
        "| {} | {} | {} | {} |",
        s!(locale, results.md.col_area),
        s!(locale, results.md.col_level),
        s!(locale, results.md.col_band),
        s!(locale, results.md.col_finding)
    );
    let _ = writeln!(md, "|---|---|---|---|");
    for d in &assessment.dimensions {
        let marker = match d.finding {
            Finding::Unknown => String::new(),
            f => format!("{} ", chart::marker(f)),
        };
        let _ = writeln!(
            md,
            "| {} | {} | {} | {marker}{} |",
            words.dimension_name(&BANK.dimensions[d.dimension]),
            level_text(locale, d.level),
            band(locale, d.band),
            finding(locale, d.finding)
        );
    }
}

/// The top priorities, each with its advice and its draft goal.
fn markdown_priorities(md: &mut String, locale: Locale, assessment: &Assessment) {
    let words = bt::words_in(locale);
    let _ = writeln!(
        md,
        "\n## {}\n",
        s!(locale, results.results.priorities_heading)
    );
    if assessment.priorities.is_empty() {
        let _ = writeln!(md, "{}", s!(locale, results.md.nothing_stands_out));
    }
    for (i, p) in assessment.priorities.iter().enumerate() {
        let d = &BANK.dimensions[p.dimension];
        let (objective, key_results) = (p.objective(&BANK, &words), p.key_results(&BANK, &words));
        let _ = writeln!(
            md,
            "{}",
            s!(
                locale,
                results.md.priority,
                n = i + 1,
                kind = kind(locale, p.kind),
                area = words.dimension_name(d),
                advice = p.advice(&BANK, &words)
            )
        );
        let _ = writeln!(
            md,
            "   - {}",
            s!(locale, results.md.objective, objective = objective)
        );
        for kr in key_results {
            let _ = writeln!(
                md,
                "   - {}",
                s!(locale, results.md.key_result, result = kr)
            );
        }
    }
    let _ = writeln!(md, "\n_{}_", s!(locale, results.md.draft_goals));
}

#[cfg(test)]
mod tests {
    use super::*;
    use stagefit_core::{Answer, Answers, Part, assess};
    use std::collections::BTreeMap;

    const FILES: [(&str, &str); 3] = [
        ("en", include_str!("../../../locales/en/results.json")),
        ("de", include_str!("../../../locales/de/results.json")),
        ("fr", include_str!("../../../locales/fr/results.json")),
    ];

    /// Every string of a locale file by its dotted key.
    fn strings(text: &str) -> BTreeMap<String, String> {
        fn walk(prefix: &str, value: &serde_json::Value, out: &mut BTreeMap<String, String>) {
            match value {
                serde_json::Value::Object(map) => {
                    for (k, v) in map {
                        let key = if prefix.is_empty() {
                            k.clone()
                        } else {
                            format!("{prefix}.{k}")
                        };
                        walk(&key, v, out);
                    }
                }
                serde_json::Value::String(s) => {
                    out.insert(prefix.to_string(), s.clone());
                }
                other => panic!("{prefix}: not a string: {other}"),
            }
        }
        let value: serde_json::Value = serde_json::from_str(text).expect("valid JSON");
        let mut out = BTreeMap::new();
        walk("", &value, &mut out);
        out
    }

    /// Every language's keys and placeholders agree (`tests/locales.rs`); here, that results.json
    /// only uses what `s!` fills.
    #[test]
    fn results_use_only_the_apps_placeholders_and_plurals() {
        for (lang, text) in &FILES {
            for (key, value) in strings(text) {
                // The crate's own interpolation syntax is not filled here (see `s!`); `<` starts
                // one of its components.
                assert!(
                    !value.contains("{{") && !value.contains('<'),
                    "{lang} {key}: {value}"
                );
                // A plural has both forms, and nothing else is named like one.
                if key.ends_with(".one") {
                    let other = format!("{}.other", key.trim_end_matches(".one"));
                    assert!(strings(text).contains_key(&other), "{lang} {key}");
                }
                assert!(
                    !key.ends_with("_one") && !key.ends_with("_other"),
                    "{lang} {key}: the crate reads this suffix as a plural"
                );
            }
        }
    }

    /// Issue 17: no German or French sentence is left in English. Those that read the same
    /// are names, numbers or punctuation only.
    #[test]
    fn german_and_french_are_translated() {
        let en = strings(FILES[0].1);
        let same_allowed = [
            "placeholder",
            "labelled",
            "trend.point",
            "md.priority",
            "md.stage",
            "md.stage_unknown",
            "md.title",
            "history.imported",
            "trend.col_date",
            // French writes these as English does.
            "compare.points.other",
            "history.versions",
            "history.version",
            "change.area",
            // "60% × 4.1": a percent times a number reads the same in every language.
            "term",
        ];
        for (lang, text) in &FILES[1..] {
            for (key, value) in strings(text) {
                if same_allowed.contains(&key.as_str()) {
                    continue;
                }
                assert_ne!(value, en[&key], "{lang} {key} is still English");
            }
        }
    }

    #[test]
    fn french_puts_a_narrow_space_before_high_punctuation() {
        for (key, value) in strings(FILES[2].1) {
            for mark in [':', ';', '?', '!', '»'] {
                for (i, _) in value.match_indices(mark) {
                    let before = value[..i].chars().last();
                    assert!(
                        matches!(before, Some('\u{202f}' | '\u{a0}') | None)
                            || (mark == ':' && before.is_some_and(|c| c.is_ascii_digit()))
                            || (mark == ':' && value[..i].ends_with("http")),
                        "fr {key}: {value}"
                    );
                }
            }
        }
    }

    #[test]
    fn numbers_have_a_decimal_comma_in_german_and_french() {
        assert_eq!(tenths(Locale::en, 2.25), "2.2");
        assert_eq!(tenths(Locale::de, 2.5), "2,5");
        assert_eq!(tenths(Locale::fr, 3.0), "3,0");
        assert_eq!(tenths(Locale::en, f32::NAN), "?");
    }

    fn growth_company_on_a_light_platform() -> Assessment {
        assess(&BANK, &growth_company_answers())
    }

    fn growth_company_answers() -> Answers {
        let mut answers = Answers::new(&BANK);
        for (index, q) in BANK.questions.iter().enumerate() {
            let answer = match q.part {
                Part::Company => Answer::Chosen(2),
                Part::Strategy => Answer::Unknown,
                Part::Platform => Answer::Chosen(0),
            };
            answers.set(index, answer);
        }
        answers
    }

    #[test]
    fn a_running_line_says_when_the_stage_is_only_assumed() {
        let none = assess(&BANK, &Answers::new(&BANK));
        assert_eq!(
            stage_phrase(Locale::en, &none.stage),
            "stage unknown (assumed Growth)"
        );
        assert_eq!(
            stage_phrase(Locale::de, &none.stage),
            "Phase unbekannt (angenommen: Wachstums\u{ad}phase)"
        );
        let mut a = Answers::new(&BANK);
        let q = BANK
            .questions
            .iter()
            .position(|q| q.part == Part::Company)
            .unwrap();
        a.set(q, Answer::Chosen(0));
        assert_eq!(
            stage_phrase(Locale::en, &assess(&BANK, &a).stage),
            "Early stage"
        );
        let (big, small) = stage_headline(Locale::en, &none.stage);
        assert_eq!(
            (big.as_str(), small.as_deref()),
            ("Stage unknown", Some("assumed Growth"))
        );
    }

    #[test]
    fn the_arithmetic_reads_as_before_in_english() {
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
        let a = assess(&BANK, &answers);
        let lines = explanation(Locale::en, &a.dimensions[0], a.stage.stage, a.total_weight);
        assert_eq!(lines[0], "Level: 0.0 (one answer).");
        assert_eq!(lines[1], "Band for a mature company: 3 to 4.");
        assert!(lines[2].starts_with("Weight: 2 of "), "{}", lines[2]);
        assert!(
            lines[3].starts_with("Gap: 3.0 below the band. Two levels or more outside it lose all of an area's weight: 2 of the "),
            "{}",
            lines[3]
        );
        let de = explanation(Locale::de, &a.dimensions[0], a.stage.stage, a.total_weight);
        assert_eq!(
            de[1],
            "Zielkorridor für ein etabliertes Unternehmen: 3 bis 4."
        );
        assert_eq!(
            confidence_note(Locale::en, &a.stage),
            "High confidence: 7 of 7 company answers point to a stage, 7 of them to the same one."
        );
        let text = score_note(Locale::en, &a);
        assert!(
            text.starts_with("Your platform is as far from what suits a mature company as the score can show: 13 of 14 areas are two levels or more outside their range. The first thing to do: Invest ("),
            "{text}"
        );
        assert!(text.ends_with("= 0."), "{text}");
    }

    #[test]
    fn issue_29_a_score_near_a_line_reads_as_the_stages_it_weighs() {
        // Company answers at their third option, the pains at the fourth ("getting ready for
        // enterprise customers, audits or regulators"): growth, two answers from mature.
        let mut answers = growth_company_answers();
        let pains = BANK.questions.iter().position(|q| q.id == "company.pains");
        answers.set(pains.unwrap_or(0), Answer::Chosen(3));
        let a = assess(&BANK, &answers);
        assert_eq!(a.stage.weighed.len(), 2);
        let lines = explanation(Locale::en, &a.dimensions[0], a.stage.stage, a.total_weight);
        assert_eq!(lines[0], "Level: 0.0 (one answer).");
        assert_eq!(
            lines[1],
            "For a growth-stage company, the stage your answers give (80% of the score):"
        );
        assert_eq!(lines[2], "Band for a growth-stage company: 2 to 3.");
        assert_eq!(
            lines[5],
            "For a mature company, two answers away (20% of the score):"
        );
        assert_eq!(lines[6], "Band for a mature company: 3 to 4.");
        let last = lines.last().map_or("", String::as_str);
        assert!(
            last.starts_with("Points lost, weighing the stages: 80% × ")
                && last.contains(" + 20% × "),
            "{last}"
        );
        let text = score_note(Locale::en, &a);
        assert!(
            text.contains(
                "For a mature company, two answers away (20% of the score): weight lost "
            ),
            "{text}"
        );
        let score = a.score.unwrap_or(0);
        assert!(
            text.ends_with(&format!(
                "Your answers sit near a line between stages, so the score weighs them: 80% × {} + 20% × {} = {score}.",
                tenths(Locale::en, a.by_stage[0].score),
                tenths(Locale::en, a.by_stage[1].score),
            )),
            "{text}"
        );
        let fr = explanation(Locale::fr, &a.dimensions[0], a.stage.stage, a.total_weight);
        assert_eq!(
            fr[5],
            "Pour une entreprise mature, à deux réponses près (20\u{a0}% du score)\u{202f}:"
        );
    }

    #[test]
    fn the_summary_has_headline_stage_score_table_and_priorities() {
        let md = markdown(
            Locale::en,
            &growth_company_on_a_light_platform(),
            "Platform team",
            "2026-11-26",
            "https://example.org/stagefit/#r=EBTl_kIpylOUpylOAAAY",
        );
        let lines: Vec<&str> = md.lines().collect();
        assert_eq!(lines[0], "# Stagefit: Platform team");
        // Regression (issue 14): the summary carries the link to the whole result.
        assert!(md.contains(
            "\nOpen the full result: <https://example.org/stagefit/#r=EBTl_kIpylOUpylOAAAY>\n"
        ));
        assert!(md.contains("**Company stage:** Growth: scaling a proven product: standardise."));
        assert!(md.contains("**Stage fit:** "));
        assert!(md.contains("| Area | Level (0 to 4) | Fits this stage | Finding |"));
        assert_eq!(md.matches("\n| ").count(), 1 + BANK.dimensions.len());
        assert!(md.contains("## Top priorities\n\n1. **Invest: "));
        assert!(md.matches("   - Key result: ").count() >= 6);
        assert!(md.ends_with(
            "_Draft goals: replace the example numbers with your own baseline and target._\n"
        ));
    }

    #[test]
    fn the_summary_is_written_in_the_language_in_use() {
        let a = growth_company_on_a_light_platform();
        let de = markdown(Locale::de, &a, "", "26.11.2026", "");
        assert!(
            de.starts_with("# Stagefit: Passung der Plattform zur Phase\n"),
            "{de}"
        );
        assert!(de.contains(
            "**Phase des Unternehmens:** Wachstumsphase: ein bewährtes Produkt skalieren"
        ));
        assert!(de.contains("| Bereich | Stufe (0 bis 4) |"));
        assert!(de.contains("## Wichtigste Prioritäten\n\n1. **Investieren: "));
        let fr = markdown(Locale::fr, &a, "", "26 nov. 2026", "");
        assert!(
            fr.contains("**Stade de l’entreprise\u{202f}:** Croissance\u{202f}: faire croître"),
            "{fr}"
        );
        assert!(fr.contains("   - Résultat clé\u{202f}: "));
    }

    #[test]
    fn issue_13_a_summary_with_no_known_company_answer_says_the_stage_is_assumed() {
        let mut answers = Answers::new(&BANK);
        for index in 0..BANK.questions.len() {
            answers.set(index, Answer::Unknown);
        }
        let md = markdown(Locale::en, &assess(&BANK, &answers), "", "d", "");
        assert!(
            md.contains("**Company stage:** unknown, assumed Growth. "),
            "{md}"
        );
        // Issue 29: a stage nobody said has no motto.
        assert!(!md.contains("scaling a proven product"), "{md}");
    }

    #[test]
    fn hostile_labels_cannot_inject_markdown_or_html() {
        let md = markdown(
            Locale::en,
            &growth_company_on_a_light_platform(),
            "<script>alert(1)</script> | [x](javascript:y) {title}",
            "d",
            "",
        );
        assert!(!md.contains("Open the full result"));
        let first = md.lines().next().unwrap_or_default();
        assert_eq!(
            first,
            "# Stagefit: \\<script\\>alert(1)\\</script\\> \\| \\[x\\](javascript:y) {title}"
        );
    }
}
