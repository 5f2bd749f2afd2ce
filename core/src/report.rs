//! The Markdown summary people paste into a chat or a wiki: headline, the share link, stage,
//! score, a table of findings, the priorities and their draft goals. Also the one rule for
//! labels people type.

use std::fmt::Write as _;

use super::bank::{Bank, BankText};
use super::explain;
use super::scoring::{Assessment, Finding, Priority};

/// The longest label kept, in characters.
pub const LABEL_MAX: usize = 80;

/// Whether a character shows nothing by itself: Unicode's Default_Ignorable_Code_Point
/// (DerivedCoreProperties.txt: soft hyphen, zero-width spaces and joiners, direction marks,
/// the word joiner and invisible operators, Hangul fillers, variation selectors, the byte
/// order mark, tags) and the blank Braille pattern, which fonts draw as nothing and which is
/// handed around as an "invisible name". A short table from the standard rather than a
/// Unicode-properties crate: nothing else here needs one.
fn invisible(c: char) -> bool {
    matches!(
        c,
        '\u{ad}'
            | '\u{34f}'
            | '\u{61c}'
            | '\u{115f}'..='\u{1160}'
            | '\u{17b4}'..='\u{17b5}'
            | '\u{180b}'..='\u{180f}'
            | '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{206f}'
            | '\u{2800}'
            | '\u{3164}'
            | '\u{fe00}'..='\u{fe0f}'
            | '\u{feff}'
            | '\u{ffa0}'
            | '\u{fff0}'..='\u{fff8}'
            | '\u{1bca0}'..='\u{1bca3}'
            | '\u{1d173}'..='\u{1d17a}'
            | '\u{e0000}'..='\u{e0fff}'
    )
}

/// A label as typed, made safe to keep and show anywhere: bidirectional embeddings, overrides
/// and isolates dropped (an unclosed one would reorder the text shown after the label), control
/// characters dropped, runs of white space folded to one space, trimmed, and cut to
/// `LABEL_MAX` characters. A label with nothing visible left (only invisible characters, such
/// as zero-width spaces) is empty, so "give it a name" checks cannot be passed with one
/// (issue 18).
pub fn clean_label(raw: &str) -> String {
    let kept: String = raw
        .chars()
        .filter(|c| !matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'))
        .collect();
    let folded: Vec<&str> = kept
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect();
    let cut: String = folded.join(" ").chars().take(LABEL_MAX).collect();
    // Cutting can leave a space at the end; trimming keeps cleaning idempotent.
    let cut = cut.trim_end();
    if cut.chars().all(|c| c == ' ' || invisible(c)) {
        return String::new();
    }
    cut.to_string()
}

/// A level, gap or chart coordinate as people see it: one decimal, rounded to nearest with
/// ties to even (the standard formatter's rule), so "2.25" shows as "2.2" everywhere, on the
/// page, in the Markdown summary and in the charts alike. A value that is not a number (which no
/// assessment produces) shows as "?" rather than "NaN".
pub fn tenths(x: f32) -> String {
    if x.is_finite() {
        format!("{x:.1}")
    } else {
        "?".to_string()
    }
}

/// A date as YYYY-MM-DD (UTC) from milliseconds since 1970, for lists and file names.
pub fn date_text(ms: f64) -> String {
    // Days to civil date, after Howard Hinnant's algorithm; valid for every date a browser gives.
    let days = (ms / 86_400_000.0).floor() as i64;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// Escapes the characters that Markdown or a chat would otherwise read as formatting or HTML.
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '<' | '>' | '!' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// One numbered priority with its advice, as a Markdown list item.
pub fn priority_line(
    bank: &Bank,
    text: &dyn BankText,
    index: usize,
    priority: &Priority,
) -> String {
    format!(
        "{}. **{}: {}.** {}",
        index + 1,
        priority.kind.label(),
        text.dimension_name(&bank.dimensions[priority.dimension]),
        priority.advice(bank, text)
    )
}

/// The Markdown summary of an assessment. `label` is the person's name for it (may be empty);
/// `date` is shown as given; `link` is the result's share link, so whoever reads the summary
/// can open the whole result (left out when empty).
pub fn markdown(
    bank: &Bank,
    text: &dyn BankText,
    assessment: &Assessment,
    label: &str,
    date: &str,
    link: &str,
) -> String {
    let mut md = String::new();
    let label = clean_label(label);
    let title = if label.is_empty() {
        "Platform stage fit".to_string()
    } else {
        escape_markdown(&label)
    };
    let _ = writeln!(md, "# Stagefit: {title}\n");
    let _ = writeln!(md, "_{date}_\n");
    if !link.is_empty() {
        // An autolink: the underscores a link may hold are not read as emphasis.
        let _ = writeln!(md, "Open the full result: <{link}>\n");
    }
    let stage = &assessment.stage;
    // As on screen: a stage no answer pointed to is only assumed, and says so.
    let assumed = if stage.known() {
        ""
    } else {
        "unknown, assumed "
    };
    let _ = writeln!(
        md,
        "**Company stage:** {assumed}{}{}: {}. {}\n",
        stage.stage,
        if stage.overridden {
            " (chosen by you)"
        } else {
            ""
        },
        stage.stage.motto(),
        explain::confidence(stage)
    );
    let score = assessment
        .score
        .map_or("not scored".to_string(), |s| format!("{s} out of 100"));
    let _ = writeln!(
        md,
        "**Stage fit:** {score}. {}\n",
        explain::score(assessment, text)
    );
    for note in &assessment.strategy.notes {
        let note = text.note(&bank.questions[note.question], note.option);
        let _ = writeln!(md, "> {note}\n");
    }
    let _ = writeln!(md, "| Area | Level (0 to 4) | Fits this stage | Finding |");
    let _ = writeln!(md, "|---|---|---|---|");
    for d in &assessment.dimensions {
        let level = d.level.map_or("not answered".to_string(), tenths);
        let marker = match d.finding {
            Finding::Unknown => String::new(),
            finding => format!("{} ", super::chart::marker(finding)),
        };
        let _ = writeln!(
            md,
            "| {} | {level} | {} | {marker}{} |",
            text.dimension_name(&bank.dimensions[d.dimension]),
            explain::band(d.band),
            d.finding.label()
        );
    }
    let _ = writeln!(md, "\n## Top priorities\n");
    if assessment.priorities.is_empty() {
        let _ = writeln!(
            md,
            "Nothing stands out: every area answered fits the stage."
        );
    }
    for (i, p) in assessment.priorities.iter().enumerate() {
        let dimension = &bank.dimensions[p.dimension];
        let _ = writeln!(md, "{}", priority_line(bank, text, i, p));
        let _ = writeln!(
            md,
            "   - Objective: {}",
            text.objective(dimension, p.goal())
        );
        for kr in text.key_results(dimension, p.goal()) {
            let _ = writeln!(md, "   - Key result: {kr}");
        }
    }
    let _ = writeln!(
        md,
        "\n_Draft goals: replace the example numbers with your own baseline and target._"
    );
    md
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Answer, Answers, BANK, Part, assess};

    fn growth_company_on_a_light_platform() -> Assessment {
        let mut answers = Answers::new(&BANK);
        for (index, q) in BANK.questions.iter().enumerate() {
            let answer = match q.part {
                Part::Company => Answer::Chosen(2),
                Part::Strategy => Answer::Unknown,
                Part::Platform => Answer::Chosen(0),
            };
            answers.set(index, answer);
        }
        assess(&BANK, &answers)
    }

    #[test]
    fn dates_read_as_calendar_days() {
        for (ms, text) in [
            (0.0, "1970-01-01"),
            (951_782_400_000.0, "2000-02-29"),
            (1_764_115_200_000.0, "2025-11-26"),
            (1_795_651_199_000.0, "2026-11-25"),
        ] {
            assert_eq!(date_text(ms), text, "{ms}");
        }
    }

    #[test]
    fn labels_are_cleaned() {
        for (raw, clean) in [
            ("  Platform   team\tQ3 ", "Platform team Q3"),
            ("a\u{0}b\u{7}c\nd", "a b c d"),
            ("", ""),
            // Bidirectional overrides and isolates would reorder what is shown after a label.
            ("\u{202e}evil", "evil"),
            (
                "Ana \u{202e}gnp.exe\u{2066}x\u{2069} \u{202a}",
                "Ana gnp.exex",
            ),
            (
                "\u{5e9}\u{5dc}\u{5d5}\u{5dd} \u{200f}",
                "\u{5e9}\u{5dc}\u{5d5}\u{5dd} \u{200f}",
            ),
        ] {
            assert_eq!(clean_label(raw), clean, "{raw:?}");
        }
        assert_eq!(clean_label(&"x".repeat(500)).chars().count(), LABEL_MAX);
        let long = format!("{} tail", "y".repeat(LABEL_MAX - 1));
        assert_eq!(clean_label(&long), clean_label(&clean_label(&long)));
    }

    /// Issue 18: a name made only of invisible characters counts as empty; one with something
    /// visible keeps its invisible characters (joiners inside emoji, marks in Persian text).
    #[test]
    fn issue_18_a_label_of_only_invisible_characters_is_empty() {
        fn check(raw: &str, clean: &str) {
            assert_eq!(clean_label(raw), clean, "{raw:?}");
            assert_eq!(clean_label(clean), clean, "{raw:?}: cleaning twice");
        }
        check("\u{200b}", "");
        check("\u{200b}\u{200c}\u{200d}\u{2060}\u{feff}", "");
        check(" \u{200b} \u{00ad} \u{2800} ", "");
        check("\u{3164}\u{115f}\u{ffa0}", "");
        check("\u{200e}\u{200f}\u{61c}", "");
        check("\u{fe0f}\u{e0041}\u{e007f}", "");
        check("\u{200b}\u{202e}\u{2066}", "");
        check("\u{200b}Ana", "\u{200b}Ana");
        check("\u{1f469}\u{200d}\u{1f4bb}", "\u{1f469}\u{200d}\u{1f4bb}");
        check("\u{2764}\u{fe0f}", "\u{2764}\u{fe0f}");
        check(
            "\u{645}\u{6cc}\u{200c}\u{62e}\u{648}\u{627}\u{647}\u{645}",
            "\u{645}\u{6cc}\u{200c}\u{62e}\u{648}\u{627}\u{647}\u{645}",
        );
        // A label cut at its limit with only invisible characters left after the cut: the cut
        // keeps what was visible before it.
        check(
            &format!("a{}", "\u{200b}".repeat(100)),
            &format!("a{}", "\u{200b}".repeat(79)),
        );
    }

    #[test]
    fn the_summary_has_headline_stage_score_table_and_priorities() {
        let md = markdown(
            &BANK,
            &crate::JsonBankText::english(),
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
    }

    #[test]
    fn issue_13_a_summary_with_no_known_company_answer_says_the_stage_is_assumed() {
        let mut answers = crate::Answers::new(&BANK);
        for index in 0..BANK.questions.len() {
            answers.set(index, crate::Answer::Unknown);
        }
        let md = markdown(
            &BANK,
            &crate::JsonBankText::english(),
            &crate::assess(&BANK, &answers),
            "",
            "d",
            "",
        );
        assert!(
            md.contains("**Company stage:** unknown, assumed Growth: scaling a proven product"),
            "{md}"
        );
    }

    #[test]
    fn hostile_labels_cannot_inject_markdown_or_html() {
        let md = markdown(
            &BANK,
            &crate::JsonBankText::english(),
            &growth_company_on_a_light_platform(),
            "<script>alert(1)</script> | [x](javascript:y)",
            "d",
            "",
        );
        assert!(!md.contains("Open the full result"));
        let first = md.lines().next().unwrap_or_default();
        assert_eq!(
            first,
            "# Stagefit: \\<script\\>alert(1)\\</script\\> \\| \\[x\\](javascript:y)"
        );
    }
}
