//! The helpers the Markdown summary and the lists are written with, as data functions: the one
//! rule for labels people type, escaping for Markdown, one decimal as people see it, calendar
//! days for file names. The summary's words are the app's (`results.json`), in the language in
//! use.

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
