//! The words for what the core and the platform edge report as data: why a link or saved data
//! could not be read, why the browser stored nothing, what reading older data left out, what an
//! import did. The core returns enums and counts; this module says them in the language in use.
//!
//! Each takes the language context rather than looking it up, so that tasks started after an
//! `await` (imports, downloads), which run outside any view, can use them too.
//!
//! Views interpolate with `t!` (`{{ name }}` in the locale files, checked by the crate). Strings
//! needed as a `String` (titles, these messages) cannot: the crate's `t_string!` interpolates
//! only with its `interpolate_display` option, which `load_locales!` does not take. Those keys
//! write their placeholders `{name}`, filled by `fill`, and their plural forms as `one`/`other`
//! subkeys chosen by `plural` (each language's rules, through the crate); a test checks that
//! every language has the same placeholders.

use std::fmt::Display;

use leptos_i18n::I18nContext;

use crate::i18n::Locale;
use crate::platform::storage::StorageError;
use stagefit_core::link::LinkError;
use stagefit_core::snapshot::{Dropped, MergeReport, SnapshotError};

/// The language context: `use_i18n()` in a component, copied into tasks.
pub type I18n = I18nContext<Locale>;

/// Why a share link could not be read, to follow "…could not read the result in this link: ".
pub fn link_error(i18n: I18n, error: &LinkError) -> String {
    match error {
        LinkError::Empty => crate::tr!(i18n, assess.link_error.empty),
        LinkError::TooLong => crate::tr!(i18n, assess.link_error.too_long),
        LinkError::NotBase64 => crate::tr!(i18n, assess.link_error.not_base64),
        LinkError::Truncated => crate::tr!(i18n, assess.link_error.truncated),
        LinkError::Altered => crate::tr!(i18n, assess.link_error.altered),
        LinkError::Newer => crate::tr!(i18n, assess.link_error.newer),
    }
}

/// Why saved or imported data could not be read, to follow "…could not be read: ".
pub fn snapshot_error(i18n: I18n, error: &SnapshotError) -> String {
    match *error {
        SnapshotError::NotJson => crate::tr!(i18n, assess.data_error.not_json),
        SnapshotError::WrongShape => crate::tr!(i18n, assess.data_error.wrong_shape),
        SnapshotError::NewerVersion(version) => fill(
            crate::tr!(i18n, assess.data_error.newer_version),
            &[("version", &version)],
        ),
        SnapshotError::NewerBank(version) => fill(
            crate::tr!(i18n, assess.data_error.newer_bank),
            &[("version", &version)],
        ),
    }
}

/// Why the browser stored nothing, to follow "Could not save: ".
pub fn storage_error(i18n: I18n, error: &StorageError) -> String {
    match error {
        StorageError::Unavailable => crate::tr!(i18n, assess.storage_error.unavailable),
        StorageError::Full => crate::tr!(i18n, assess.storage_error.full),
        StorageError::Failed => crate::tr!(i18n, assess.storage_error.failed),
    }
}

/// The sentence about answers that reading older data left out; `None` when none were.
pub fn dropped(i18n: I18n, dropped: &Dropped) -> Option<String> {
    let count = dropped.answers;
    (count > 0).then(|| {
        plural(
            i18n,
            count,
            crate::tr!(i18n, assess.dropped.any.one),
            crate::tr!(i18n, assess.dropped.any.other),
        )
    })
}

/// What an import did: "3 added, 1 updated to a newer copy, 2 already there and skipped" (the
/// updated part only when some were).
pub fn merge_report(i18n: I18n, report: &MergeReport) -> String {
    let mut parts = vec![plural(
        i18n,
        report.added,
        crate::tr!(i18n, assess.merge.added.one),
        crate::tr!(i18n, assess.merge.added.other),
    )];
    if report.updated > 0 {
        parts.push(plural(
            i18n,
            report.updated,
            crate::tr!(i18n, assess.merge.updated.one),
            crate::tr!(i18n, assess.merge.updated.other),
        ));
    }
    parts.push(plural(
        i18n,
        report.skipped,
        crate::tr!(i18n, assess.merge.skipped.one),
        crate::tr!(i18n, assess.merge.skipped.other),
    ));
    parts.join(", ")
}

/// `template` with each `{name}` replaced by its value. Values are inserted as they are: the
/// result is always shown as text, never as markup.
pub fn fill(template: String, values: &[(&str, &dyn Display)]) -> String {
    let values: Vec<(&str, String)> = values.iter().map(|(n, v)| (*n, v.to_string())).collect();
    crate::ui::result_text::fill(&template, &values)
}

/// The form of `one` or `other` that `count` takes in the language in use (French says
/// "0 ajoutée", English "0 added"), with `{count}` filled in.
pub fn plural(i18n: I18n, count: usize, one: String, other: String) -> String {
    let locale = i18n.get_locale_untracked();
    let form = leptos_i18n::td_plural! {
        locale,
        count = move || count as u64,
        one => one,
        _ => other
    };
    fill(form, &[("count", &count)])
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::fill;

    #[test]
    fn fill_replaces_each_placeholder_and_leaves_the_rest() {
        assert_eq!(
            fill(
                "Step {number} of {total}: {part}".into(),
                &[("number", &2), ("total", &5), ("part", &"<b>x</b>")]
            ),
            "Step 2 of 5: <b>x</b>"
        );
        assert_eq!(fill("{{ kept }} {gone}".into(), &[]), "{{ kept }} {gone}");
    }
}
