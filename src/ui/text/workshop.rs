//! The workshop's words, in the language in use: numbers as the language writes them, what
//! gathering links did, one line about an area where the room disagrees, and the Markdown
//! summary of a workshop. Sentences come from `locales/<language>/workshop.json`; the model's
//! words (stages, bands, kinds of priority, positions against a band) are the results' (`rt`),
//! so the results and the workshop say them alike; area, level, question and answer texts are
//! the bank's. The views in `views/workshop` draw with these; nothing here reads or writes
//! stored state.

use std::fmt::Write as _;

use leptos::prelude::*;
use leptos_i18n::Locale as _;

use crate::i18n::Locale;
use crate::platform;
use crate::ui::text::bank as bt;
use crate::ui::text::results as rt;
use crate::ui::text::{fill, s};
use stagefit_core::workshop::{self, GatherReport, Workshop};
use stagefit_core::{BANK, BankText, report};

/// A number as the language writes it (decimal comma in German and French), with at most
/// `digits` decimals; the browser's `Intl` does the writing.
pub fn number(l: Locale, value: f32, digits: u32) -> String {
    platform::format_number(l.as_str(), f64::from(value), digits)
}

/// What adding pasted text did, in one line: each count the core made, with what to do about
/// links from a newer version.
pub fn gather_line(
    i18n: leptos_i18n::I18nContext<Locale>,
    r: &GatherReport,
) -> impl IntoView + use<> {
    let counts = (!r.found_nothing()).then(|| {
        view! {
            {crate::tf_once!(i18n, workshop.gather_added, count = r.added)}
            {(r.duplicates > 0).then(|| crate::tf_once!(i18n, workshop.gather_duplicates, count = r.duplicates))}
            {(r.unreadable > 0).then(|| crate::tf_once!(i18n, workshop.gather_unreadable, count = r.unreadable))}
            {(r.other_workshop > 0).then(|| crate::tf_once!(i18n, workshop.gather_other_workshop, count = r.other_workshop))}
            {(r.newer > 0).then(|| crate::tf_once!(i18n, workshop.gather_newer, count = r.newer))}
        }
    });
    view! {
        {r.found_nothing().then_some(crate::tv!(i18n, workshop.gather_nothing))}
        {counts}
        {(r.other_links > 0).then(|| crate::tf_once!(i18n, workshop.gather_other_links, count = r.other_links))}
        {crate::tv!(i18n, workshop.gather_end)}
    }
}

/// One line about an area where the room disagrees: its name, the lowest and highest level,
/// and how many are ahead, behind or fit.
pub fn disagreement_line(l: Locale, a: &workshop::Aggregate, d: usize) -> impl IntoView + use<> {
    let i18n = crate::i18n::use_i18n();
    let s = &a.spreads[d];
    let level = |v: Option<&f32>| v.map_or("?".to_string(), |v| number(l, *v, 1));
    crate::tf_once!(
        i18n,
        workshop.disagreement_line,
        area = bt::words_in(l).dimension_name(&BANK.dimensions[d]),
        lowest = level(s.levels.first()),
        highest = level(s.levels.last()),
        ahead = s.over,
        behind = s.under,
        fit = s.fit
    )
}

/// A Markdown summary of a workshop for a wiki or a chat, in `l`. `date` is shown as given;
/// `number` writes a number with at most so many decimals (the browser's `Intl` in the app,
/// a plain formatter in tests, which run where there is no browser).
pub fn markdown(
    l: Locale,
    workshop: &Workshop,
    agg: &workshop::Aggregate,
    date: &str,
    number: &dyn Fn(f64, u32) -> String,
) -> String {
    let mut md = String::new();
    markdown_heading(&mut md, l, workshop, agg, date);
    markdown_decision(&mut md, l, workshop, agg);
    markdown_disagreement(&mut md, l, agg, number);
    markdown_priorities(&mut md, l, agg);
    markdown_questions(&mut md, l, workshop, agg);
    md
}

/// The summary's title, date and note, then who took part, the stages seen and the room's
/// result.
fn markdown_heading(
    md: &mut String,
    l: Locale,
    workshop: &Workshop,
    agg: &workshop::Aggregate,
    date: &str,
) {
    let name = report::escape_markdown(&workshop.name);
    let title = s!(l, workshop.md_title, name = name);
    let _ = writeln!(md, "# {title}\n\n_{date}_\n");
    if !workshop.note.is_empty() {
        let _ = writeln!(md, "{}\n", report::escape_markdown(&workshop.note));
    }
    let _ = writeln!(
        md,
        "**{}** {}\n",
        s!(l, workshop.md_participants),
        agg.n_participants
    );
    if agg.dropped > 0 {
        // Not a plural: each language words the count as a total.
        let template = s!(l, workshop.md_dropped);
        let line = fill(&template, &[("count", agg.dropped.to_string())]);
        let _ = writeln!(md, "_{line}_\n");
    }
    let stages: Vec<String> = (0..3)
        .map(|i| {
            let stage = rt::stage_word(l, workshop::stage_at(i));
            s!(
                l,
                workshop.md_stage_count,
                stage = stage,
                count = agg.stages[i]
            )
        })
        .collect();
    let _ = writeln!(
        md,
        "**{}** {}\n",
        s!(l, workshop.md_stages),
        stages.join(", ")
    );
    let score = agg.median.score.map_or_else(
        || s!(l, workshop.not_scored),
        |score| s!(l, workshop.md_score, score = score),
    );
    // Plain text: no soft hyphens in what is pasted elsewhere.
    let stage = rt::stage_phrase(l, &agg.median.stage).replace('\u{ad}', "");
    let median = s!(l, workshop.md_median_line, stage = stage, score = score);
    let _ = writeln!(md, "**{}** {median}\n", s!(l, workshop.md_median));
}

/// What the room decided (issue 28): its own result (agreed answers, the median elsewhere) and
/// the answers it agreed on.
fn markdown_decision(md: &mut String, l: Locale, workshop: &Workshop, agg: &workshop::Aggregate) {
    let result = workshop::room_result(&BANK, agg, &workshop.agreed);
    let score = result.score.map_or_else(
        || s!(l, workshop.not_scored),
        |score| s!(l, workshop.md_score, score = score),
    );
    let stage = rt::stage_phrase(l, &result.stage).replace('\u{ad}', "");
    let line = s!(l, workshop.md_median_line, stage = stage, score = score);
    let _ = writeln!(md, "**{}** {line}\n", s!(l, workshop.md_room_result));
    let words = bt::words_in(l);
    let _ = writeln!(md, "## {}\n", s!(l, workshop.md_agreed_title));
    let agreed = workshop::agreed_answers(&BANK, &workshop.agreed);
    if agreed.is_empty() {
        let _ = writeln!(md, "{}\n", s!(l, workshop.md_agreed_none));
    }
    for (q, o) in &agreed {
        let question = &BANK.questions[*q];
        let _ = writeln!(
            md,
            "- {}: **{}**",
            words.question(question),
            words.option(question, usize::from(*o))
        );
    }
    if !agreed.is_empty() {
        md.push('\n');
    }
}

/// The areas by disagreement, as a table: median level, spread, and how many are ahead,
/// behind or fit.
fn markdown_disagreement(
    md: &mut String,
    l: Locale,
    agg: &workshop::Aggregate,
    number: &dyn Fn(f64, u32) -> String,
) {
    let _ = writeln!(md, "## {}\n", s!(l, workshop.disagree_title));
    let _ = writeln!(
        md,
        "| {} | {} | {} | {} | {} | {} |",
        s!(l, workshop.col_area),
        s!(l, workshop.md_col_median),
        s!(l, workshop.col_spread),
        s!(l, workshop.md_col_ahead),
        s!(l, workshop.md_col_behind),
        s!(l, workshop.md_col_fits)
    );
    let _ = writeln!(md, "|---|---|---|---|---|---|");
    for &d in &agg.by_disagreement {
        let s = &agg.spreads[d];
        let median = s.median.map_or_else(
            || s!(l, workshop.md_not_answered),
            |m| number(f64::from(m), 1),
        );
        let _ = writeln!(
            md,
            "| {} | {median} | {} | {} | {} | {} |",
            bt::words_in(l).dimension_name(&BANK.dimensions[d]),
            number(f64::from(s.deviation), 2),
            s.over,
            s.under,
            s.fit
        );
    }
}

/// The room's priorities, each with its advice.
fn markdown_priorities(md: &mut String, l: Locale, agg: &workshop::Aggregate) {
    let words = bt::words_in(l);
    let _ = writeln!(md, "\n## {}\n", s!(l, workshop.md_priorities));
    for (i, p) in agg.median.priorities.iter().enumerate() {
        let heading = s!(
            l,
            workshop.md_priority,
            kind = rt::kind(l, p.kind),
            area = words.dimension_name(&BANK.dimensions[p.dimension])
        );
        let _ = writeln!(md, "{}. **{heading}.** {}", i + 1, p.advice(&BANK, &words));
    }
}

/// The questions to discuss, each as a table of how many people gave each answer (issue 28:
/// counts per option, not a line of text), the room's agreed answer marked.
fn markdown_questions(md: &mut String, l: Locale, workshop: &Workshop, agg: &workshop::Aggregate) {
    let words = bt::words_in(l);
    let _ = writeln!(md, "\n## {}", s!(l, workshop.questions_title));
    for d in &agg.divergent {
        let q = &BANK.questions[d.question];
        let agreed = workshop::agreed_option(&BANK, &workshop.agreed, d.question);
        let _ = writeln!(md, "\n### {}\n", words.question(q));
        let _ = writeln!(
            md,
            "| {} | {} |\n|---|---:|",
            s!(l, workshop.md_col_answer),
            s!(l, workshop.md_col_people)
        );
        for (o, n) in d.counts.iter().enumerate().take(q.options.len()) {
            let mark = if agreed == u8::try_from(o).ok() {
                format!(" (**{}**)", s!(l, workshop.md_agreed_mark))
            } else {
                String::new()
            };
            let answer = words.option(q, o).replace('|', "\\|");
            let _ = writeln!(md, "| {answer}{mark} | {n} |");
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
