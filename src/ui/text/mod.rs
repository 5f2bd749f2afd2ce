//! Every word the app shows, in the language in use: the language itself (`lang`), the bank's
//! words (`bank`), the results' (`results`), the workshop's (`workshop`), what the core and
//! storage report (`messages`). Nothing here reads or writes stored state.

pub mod bank;
pub mod lang;
pub mod messages;
pub mod results;
pub mod workshop;

/// A translated string with values in a view, like `tf!`, but each value is taken once, where
/// the macro is written (a view drawn again as a whole gives it new ones), so a value may be
/// built from locals that the view goes on using: `tf_once!(i18n, workshop.key, name = value,
/// count = n)`. The text still follows the language in use; a count given first picks the
/// plural form.
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
