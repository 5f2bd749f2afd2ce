//! The results' words, in the language in use: stage names, verdicts, the worked-out arithmetic,
//! the score sentence, the charts' values and the Markdown summary. The core hands over data
//! (`stagefit_core::explain`, `compare`, `chart`); every sentence here comes from
//! `locales/<language>/results.json`. Each function takes the language, so the same words serve
//! views (which pass the language in use, and follow it when it changes), downloads and the
//! clipboard, and native tests.
//!
//! Question, option, area, advice and goal texts are the bank's, as it gives them.

use stagefit_core::explain::{self, Agreement, ConfidenceNote, Line, ScoreNote, TransitionNote};
use stagefit_core::report::{clean_label, escape_markdown};
use stagefit_core::{
    Assessment, BANK, Band, Confidence, DimensionResult, Finding, PriorityKind, Stage,
    StageInference, chart,
};

use crate::i18n::Locale;

/// A string of `results.json` in `locale`: `s!(locale, results.key)`, with values for its
/// placeholders (`{name}` in the JSON) as `s!(locale, results.key, name = value)`, and for a
/// count first: `s!(locale, results.key, count = n, …)` picks `key.one` or `key.other` by the
/// language's plural rules (the crate's `td_plural!`: French counts 0 as one, English not).
///
/// The placeholders are filled here, not by the crate: `load_locales!` (kept for the reasons in
/// `lib.rs`) cannot turn the crate's own `{{ name }}` interpolations into strings (that needs its
/// `interpolate_display` option, which only a build script can set). `tests::locales_agree`
/// checks that every language has the same keys and the same placeholders.
macro_rules! s {
    ($locale:expr, $($key:ident).+ $(,)?) => {
        crate::ui::lang::ready(crate::i18n::td_string!($locale, $($key).+))
    };
    ($locale:expr, $($key:ident).+, count = $count:expr $(, $name:ident = $value:expr)* $(,)?) => {{
        let locale: crate::i18n::Locale = $locale;
        let count: u64 = $count;
        let template = leptos_i18n::plurals::td_plural! {
            locale,
            count = move || count,
            one => crate::ui::result_text::s!(locale, $($key).+ .one),
            _ => crate::ui::result_text::s!(locale, $($key).+ .other)
        };
        crate::ui::result_text::fill(
            &template,
            &[("count", count.to_string()) $(, (stringify!($name), ($value).to_string()))*],
        )
    }};
    ($locale:expr, $($key:ident).+ $(, $name:ident = $value:expr)+ $(,)?) => {
        crate::ui::result_text::fill(
            &crate::ui::result_text::s!($locale, $($key).+),
            &[$((stringify!($name), ($value).to_string())),*],
        )
    };
}
pub(crate) use s;

/// `template` with each `{name}` replaced by its value in `values`, in one pass, so a value
/// that itself holds braces (a label someone typed) is never read as a placeholder. A `{…}`
/// with no value is kept as it is.
pub fn fill(template: &str, values: &[(&str, String)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            values
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (v, close))
        });
        match value {
            Some((value, close)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The text with its first letter in upper case (any script).
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
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

pub fn stage_name(locale: Locale, stage: Stage) -> String {
    match stage {
        Stage::Early => s!(locale, results.stage.early),
        Stage::Growth => s!(locale, results.stage.growth),
        Stage::Mature => s!(locale, results.stage.mature),
    }
}

/// The stage in running text ("early", "Frühphase", "démarrage").
pub fn stage_word(locale: Locale, stage: Stage) -> String {
    match stage {
        Stage::Early => s!(locale, results.stage_word.early),
        Stage::Growth => s!(locale, results.stage_word.growth),
        Stage::Mature => s!(locale, results.stage_word.mature),
    }
}

/// "an early-stage company", "ein Unternehmen in der Frühphase", …
pub fn company(locale: Locale, stage: Stage) -> String {
    match stage {
        Stage::Early => s!(locale, results.company.early),
        Stage::Growth => s!(locale, results.company.growth),
        Stage::Mature => s!(locale, results.company.mature),
    }
}

/// What the stage is about, in lower case ("scaling a proven product: standardise").
pub fn motto(locale: Locale, stage: Stage) -> String {
    match stage {
        Stage::Early => s!(locale, results.motto.early),
        Stage::Growth => s!(locale, results.motto.growth),
        Stage::Mature => s!(locale, results.motto.mature),
    }
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
    match stage.stage {
        Stage::Early => s!(locale, results.stage_phrase.early),
        Stage::Growth => s!(locale, results.stage_phrase.growth),
        Stage::Mature => s!(locale, results.stage_phrase.mature),
    }
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
            pointing,
            questions,
            agreement,
        } => {
            let agreement = match agreement {
                Agreement::Same => s!(locale, results.agreement.same),
                Agreement::Mostly => s!(locale, results.agreement.mostly),
                Agreement::Different => s!(locale, results.agreement.different),
            };
            s!(
                locale,
                results.confidence_answers,
                confidence = confidence(locale, level),
                pointing = pointing,
                questions = questions,
                agreement = agreement
            )
        }
    }
}

/// The note for a company near the line between two stages, or `None`. It promises
/// "Prepare" findings only when there are some to show.
pub fn transition(locale: Locale, assessment: &Assessment) -> Option<String> {
    let note = explain::transition(assessment)?;
    let line = match note {
        TransitionNote::Prepare { line, .. }
        | TransitionNote::NothingToPrepare { line }
        | TransitionNote::Past { line, .. } => line,
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
        TransitionNote::NothingToPrepare { line } => s!(
            locale,
            results.transition.nothing,
            stage = stage_word(locale, line.from),
            to = to
        ),
        TransitionNote::Past { stage, .. } => s!(
            locale,
            results.transition.past,
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

/// "“text”" with the language's quotation marks.
pub fn quoted(locale: Locale, text: &str) -> String {
    s!(locale, results.quoted, text = text)
}

/// "67 out of 100", or "not scored".
pub fn score_text(locale: Locale, score: Option<u8>) -> String {
    match score {
        Some(score) => s!(locale, results.out_of_100, score = score),
        None => s!(locale, results.not_scored),
    }
}

/// A level with one decimal, or "not answered".
pub fn level_text(locale: Locale, level: Option<f32>) -> String {
    level.map_or_else(|| s!(locale, results.not_answered), |l| tenths(locale, l))
}

fn option_label(question: usize, choice: usize) -> &'static str {
    BANK.questions
        .get(question)
        .and_then(|q| q.options.get(choice))
        .map_or("", |o| o.label)
}

/// The lines that explain one dimension's result, in reading order.
pub fn explanation(
    locale: Locale,
    result: &DimensionResult,
    stage: Stage,
    total_weight: u32,
) -> Vec<String> {
    let t = |x: f32| tenths(locale, x);
    explain::dimension(result, stage, total_weight)
        .into_iter()
        .map(|line| match line {
            Line::NothingScorable => s!(locale, results.explain.nothing_scorable),
            Line::AllUnknown { n } => s!(locale, results.explain.all_unknown, count = n as u64),
            Line::LevelOfOne { level } => {
                s!(locale, results.explain.level_single, level = t(level))
            }
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
                percent,
                level,
            } => s!(
                locale,
                results.explain.share,
                option = option_label(question, choice),
                percent = percent,
                level = level
            ),
            Line::FitsNoStage {
                question,
                choice,
                level,
            } => s!(
                locale,
                results.explain.fits_no_stage,
                option = option_label(question, choice),
                level = level
            ),
            Line::NeverAhead {
                question,
                choice,
                level,
            } => s!(
                locale,
                results.explain.never_ahead,
                option = option_label(question, choice),
                level = level
            ),
            Line::Band {
                stage,
                band: b,
                moved_from,
            } => {
                let mut text = s!(
                    locale,
                    results.explain.band,
                    company = company(locale, stage),
                    band = band(locale, b)
                );
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
            Line::Weight {
                weight,
                total,
                changed_from,
                charged,
            } => {
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
            Line::NoGap => s!(locale, results.explain.no_gap),
            Line::FullGap {
                gap,
                ahead,
                charged,
                total,
                points_lost,
            } => {
                let (gap, lost) = (t(gap), t(points_lost));
                if ahead {
                    s!(
                        locale,
                        results.explain.full_gap_above,
                        gap = gap,
                        charged = charged,
                        total = total,
                        lost = lost
                    )
                } else {
                    s!(
                        locale,
                        results.explain.full_gap_below,
                        gap = gap,
                        charged = charged,
                        total = total,
                        lost = lost
                    )
                }
            }
            Line::PartGap {
                gap,
                ahead,
                full_gap,
                charged,
                weight_lost,
                total,
                points_lost,
            } => {
                let (gap, full, weight_lost, lost) = (
                    t(gap),
                    decimal(locale, full_gap, 0),
                    t(weight_lost),
                    t(points_lost),
                );
                if ahead {
                    s!(
                        locale,
                        results.explain.part_gap_above,
                        gap = gap,
                        full = full,
                        charged = charged,
                        weight_lost = weight_lost,
                        total = total,
                        lost = lost
                    )
                } else {
                    s!(
                        locale,
                        results.explain.part_gap_below,
                        gap = gap,
                        full = full,
                        charged = charged,
                        weight_lost = weight_lost,
                        total = total,
                        lost = lost
                    )
                }
            }
        })
        .collect()
}

/// The sentence under the score that says what it means.
pub fn score_note(locale: Locale, assessment: &Assessment) -> String {
    let arithmetic = |a: explain::Arithmetic| {
        s!(
            locale,
            results.score.arithmetic,
            lost = tenths(locale, a.weight_lost),
            total = a.total_weight,
            share = decimal(locale, a.lost, 2),
            score = a.score
        )
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
                let name = BANK.dimensions[p.dimension].name;
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
    use std::fmt::Write as _;
    let mut md = String::new();
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
    let stage = &assessment.stage;
    let name = stage_name(locale, stage.stage);
    // As on screen: a stage no answer pointed to is only assumed, and says so.
    let name = if !stage.known() {
        s!(locale, results.md.assumed, stage = name)
    } else if stage.overridden {
        s!(locale, results.md.chosen, stage = name)
    } else {
        name
    };
    let _ = writeln!(
        md,
        "**{}** {} {}\n",
        s!(locale, results.md.stage_label),
        s!(
            locale,
            results.md.stage,
            stage = name,
            motto = motto(locale, stage.stage)
        ),
        confidence_note(locale, stage)
    );
    let _ = writeln!(
        md,
        "**{}** {}. {}\n",
        s!(locale, results.md.fit_label),
        score_text(locale, assessment.score),
        score_note(locale, assessment)
    );
    for note in &assessment.strategy.notes {
        let _ = writeln!(md, "> {note}\n");
    }
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
            BANK.dimensions[d.dimension].name,
            level_text(locale, d.level),
            band(locale, d.band),
            finding(locale, d.finding)
        );
    }
    let _ = writeln!(
        md,
        "\n## {}\n",
        s!(locale, results.results.priorities_heading)
    );
    if assessment.priorities.is_empty() {
        let _ = writeln!(md, "{}", s!(locale, results.md.nothing_stands_out));
    }
    for (i, p) in assessment.priorities.iter().enumerate() {
        let okr = p.okr(&BANK);
        let _ = writeln!(
            md,
            "{}",
            s!(
                locale,
                results.md.priority,
                n = i + 1,
                kind = kind(locale, p.kind),
                area = BANK.dimensions[p.dimension].name,
                advice = p.advice(&BANK)
            )
        );
        let _ = writeln!(
            md,
            "   - {}",
            s!(locale, results.md.objective, objective = okr.objective)
        );
        for kr in okr.results {
            let _ = writeln!(
                md,
                "   - {}",
                s!(locale, results.md.key_result, result = kr)
            );
        }
    }
    let _ = writeln!(md, "\n_{}_", s!(locale, results.md.draft_goals));
    md
}
