//! Where each language's strings are, beside the page: the one place their path is written
//! (`translations-path` in Cargo.toml says the same to the i18n crate).

use crate::i18n::Locale;
use leptos_i18n::Locale as _;

/// One namespace's file of `locale`'s strings, relative to the page.
pub fn file(namespace: &str, locale: Locale) -> String {
    format!("i18n/{namespace}/{}.json", locale.as_str())
}
