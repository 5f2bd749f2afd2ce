//! Every word the app shows, in the language in use: the language itself (`lang`), the bank's
//! words (`bank`), the results' (`results`: also the model's own words, stages, bands, kinds of
//! priority, positions and confidence, which the workshop uses too), the workshop's
//! (`workshop`), what the core and storage report (`messages`). Nothing here reads or writes
//! stored state, and nothing here imports the app, the views or the state: text depends only on
//! the platform edge and the core.
//!
//! # The text macros
//!
//! Every sentence lives in `locales/<language>/<namespace>.json`; a key is written as a path,
//! `results.stage.early`, checked when the crate compiles. One family of macros turns a key into
//! words, and they all fill values the same way:
//!
//! | macro | gives | for |
//! |---|---|---|
//! | `s!(locale, ns.key, name = value)` | `String` | a language given by value (downloads, tests, functions of this module) |
//! | `tr!(i18n, ns.key, name = value)` | `String` | the language in use, outside a view (attributes, titles, notices) |
//! | `tv!(i18n, ns.key)` | a view | a plain string in a view, redrawn when the language changes |
//! | `tf!(i18n, ns.key, name = value)` | a view | a string with values, read each time it is drawn (a signal read in a value is followed) |
//! | `tf_once!(i18n, ns.key, name = value)` | a view | as `tf!`, with each value taken once, where the macro is written |
//! | `by_stage!(locale, stage, ns.key)` | `String` | the text at `key.early`, `key.growth` or `key.mature` |
//!
//! Values: a placeholder is `{name}` in the JSON and `name = value` in the macro (any
//! `Display` value, written as text, never as markup), filled in one pass by `fill`. A count
//! given first (`count = n`) picks `key.one` or `key.other` by the language's plural rules
//! (the crate's `td_plural!`: French counts 0 as one, English does not) and fills `{count}`.
//!
//! The placeholders are filled here, not by the crate: `load_locales!` (kept for the reasons in
//! `lib.rs`) cannot turn the crate's own `{{ name }}` interpolations into strings (that needs
//! its `interpolate_display` option, which only a build script can set). `tests/locales.rs`
//! checks that every language has the same keys and the same placeholders.
//!
//! `s!` and `by_stage!` are imported as `crate::ui::text::{s, by_stage}`; the view macros are
//! exported at the crate's root (`crate::tv!`).

pub mod bank;
pub mod files;
pub mod lang;
pub mod messages;
pub mod results;
pub mod workshop;

use leptos::prelude::*;

use crate::i18n::Locale;

/// A string in `locale`, as a `String`; see the module's table.
macro_rules! s {
    ($locale:expr, $($key:ident).+ $(,)?) => {
        $crate::ui::text::ready($crate::i18n::td_string!($locale, $($key).+))
    };
    ($locale:expr, $($key:ident).+, count = $count:expr $(, $name:ident = $value:expr)* $(,)?) => {{
        let locale: $crate::i18n::Locale = $locale;
        let count: u64 = $count;
        let template = $crate::ui::text::plural(
            locale,
            count,
            |l| $crate::ui::text::s!(l, $($key).+ .one),
            |l| $crate::ui::text::s!(l, $($key).+ .other),
        );
        $crate::ui::text::fill(
            &template,
            &[("count", count.to_string()) $(, (stringify!($name), ($value).to_string()))*],
        )
    }};
    ($locale:expr, $($key:ident).+ $(, $name:ident = $value:expr)+ $(,)?) => {
        $crate::ui::text::fill(
            &$crate::ui::text::s!($locale, $($key).+),
            &[$((stringify!($name), ($value).to_string())),*],
        )
    };
}
pub(crate) use s;

/// The text at `key.early`, `key.growth` or `key.mature`, whichever `stage` is:
/// `by_stage!(locale, stage, results.motto)`.
macro_rules! by_stage {
    ($locale:expr, $stage:expr, $($key:ident).+) => {
        match $stage {
            stagefit_core::Stage::Early => $crate::ui::text::s!($locale, $($key).+ .early),
            stagefit_core::Stage::Growth => $crate::ui::text::s!($locale, $($key).+ .growth),
            stagefit_core::Stage::Mature => $crate::ui::text::s!($locale, $($key).+ .mature),
        }
    };
}
pub(crate) use by_stage;

/// A string in the language in use, outside a view, as a `String`: `tr!(i18n, results.copied)`;
/// values as for `s!`. Read in a reactive context, it follows the language.
#[macro_export]
macro_rules! tr {
    ($i18n:expr, $($rest:tt)*) => {
        $crate::ui::text::s!($i18n.get_locale(), $($rest)*)
    };
}

/// A plain string in a view that follows the language in use: `tv!(i18n, results.share.copy)`.
///
/// The crate's own `t!` makes each call site an async value (a future and a reactive wrapper,
/// about 2.5 KB of wasm each), because with `dynamic_load` a string may not have arrived yet. Here
/// every string of a language is fetched before anything is drawn in it (`lang::load`), so the
/// string is ready at once. Each call site only names its key (a plain `fn`), and `text` makes
/// the one kind of reactive view for them all, redrawn when the language changes: the renderer's
/// code is compiled once, not once per string.
#[macro_export]
macro_rules! tv {
    ($i18n:expr, $($key:ident).+ $(,)?) => {
        $crate::ui::text::text($i18n, |locale| $crate::ui::text::s!(locale, $($key).+))
    };
}

/// A string with values in a view, kept up to date like `tv!`'s:
/// `tf!(i18n, assess.step.progress, number = n, total = t)`; with a count first
/// (`tf!(i18n, workshop.people, count = n)`, a `u64`) the plural form. The values are read each
/// time the text is drawn, so a signal read in them is followed.
#[macro_export]
macro_rules! tf {
    ($i18n:expr, $($rest:tt)*) => {
        $crate::ui::text::text_with(
            $i18n,
            ::std::boxed::Box::new(move |locale| $crate::ui::text::s!(locale, $($rest)*)),
        )
    };
}

/// `tf!`, but each value is taken once, where the macro is written (a view drawn again as a
/// whole gives new ones), so a value may be built from locals that the view goes on using:
/// `tf_once!(i18n, workshop.key, name = value)`. The text still follows the language in use;
/// a count given first (of any unsigned type) picks the plural form.
#[macro_export]
macro_rules! tf_once {
    ($i18n:expr, $ns:ident . $key:ident, count = $count:expr $(, $name:ident = $value:expr)* $(,)?) => {{
        let count = ($count) as u64;
        $(#[allow(clippy::redundant_locals)] let $name = $value;)*
        $crate::tf!($i18n, $ns.$key, count = count $(, $name = $name)*)
    }};
    ($i18n:expr, $ns:ident . $key:ident $(, $name:ident = $value:expr)* $(,)?) => {{
        $(#[allow(clippy::redundant_locals)] let $name = $value;)*
        $crate::tf!($i18n, $ns.$key $(, $name = $name)*)
    }};
}

/// The plural form of a string for `count` in `locale` (the crate's `td_plural!`, by each
/// language's rules), `one` or `other` being its two forms. One function for every `s!` with a
/// count, so the rules are compiled once rather than at each of its call sites.
pub fn plural(
    locale: Locale,
    count: u64,
    one: fn(Locale) -> String,
    other: fn(Locale) -> String,
) -> String {
    leptos_i18n::plurals::td_plural! {
        locale,
        count = move || count,
        one => one(locale),
        _ => other(locale)
    }
}

/// A string that is ready: in the browser the crate hands strings over as futures, which are
/// ready at once because `lang::load` fetched the language first. Natively they are plain
/// values.
#[cfg(target_arch = "wasm32")]
pub fn ready<F>(string: F) -> String
where
    F: std::future::Future,
    F::Output: std::fmt::Display,
{
    use futures::FutureExt;
    string
        .now_or_never()
        .map(|s| s.to_string())
        .unwrap_or_default()
}

#[cfg(not(target_arch = "wasm32"))]
pub fn ready<S: std::fmt::Display>(string: S) -> String {
    string.to_string()
}

/// The view `tv!` makes: the string `text` gives for the language in use, kept up to date.
/// (A plain `fn` rather than `text_with`'s box: measured, the boxes' vtables made the wasm
/// 3 KB gzip heavier.)
pub fn text(
    i18n: leptos_i18n::I18nContext<Locale>,
    text: fn(Locale) -> String,
) -> impl IntoView + use<> {
    move || text(i18n.get_locale())
}

/// The view `tf!` makes: `text`'s, for a string that captures its values.
pub fn text_with(
    i18n: leptos_i18n::I18nContext<Locale>,
    text: Box<dyn Fn(Locale) -> String + Send + Sync>,
) -> impl IntoView + use<> {
    move || text(i18n.get_locale())
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled_once_and_never_from_a_value() {
        let values = [("a", "{b}".to_string()), ("b", "x".to_string())];
        assert_eq!(fill("{a} and {b} and {c}", &values), "{b} and x and {c}");
        assert_eq!(fill("{", &values), "{");
        assert_eq!(fill("no }{ braces {a", &values), "no }{ braces {a");
        assert_eq!(
            fill(
                "Step {number} of {total}: {part}",
                &[
                    ("number", 2.to_string()),
                    ("total", 5.to_string()),
                    ("part", "<b>x</b>".to_string())
                ]
            ),
            "Step 2 of 5: <b>x</b>"
        );
        assert_eq!(fill("{{ kept }} {gone}", &[]), "{{ kept }} {gone}");
    }

    #[test]
    fn plurals_follow_each_language() {
        let n = |locale, count: u64| s!(locale, results.shared.added, count = count);
        assert!(
            n(Locale::de, 1).starts_with("1 Frage ist"),
            "{}",
            n(Locale::de, 1)
        );
        assert!(n(Locale::de, 2).starts_with("2 Fragen sind"));
        assert!(
            n(Locale::fr, 0).starts_with("0 question a"),
            "{}",
            n(Locale::fr, 0)
        );
        assert!(n(Locale::fr, 2).starts_with("2 questions ont"));
    }
}
