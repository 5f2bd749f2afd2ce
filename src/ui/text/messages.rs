//! The words for what the core and the platform edge report as data: why a link or saved data
//! could not be read, why the browser stored nothing, what reading older data left out, what an
//! import did. The core returns enums and counts; this module says them in the language in use.
//!
//! Each takes the language context rather than looking it up, so that tasks started after an
//! `await` (imports, downloads), which run outside any view, can use them too.
//!
//! Placeholders (`{name}`) and plural forms (`one`/`other` subkeys, picked by each language's
//! rules) are filled by `text::s!`, as everywhere the app words a string with values.

use leptos_i18n::I18nContext;

use crate::i18n::Locale;
use crate::platform::storage::StorageError;
use crate::ui::text::s;
use stagefit_core::link::LinkError;
use stagefit_core::snapshot::{Dropped, MergeReport, SnapshotError};
use stagefit_core::workshop::WorkshopImport;

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
    match error {
        SnapshotError::NotJson => crate::tr!(i18n, assess.data_error.not_json),
        SnapshotError::WrongShape => crate::tr!(i18n, assess.data_error.wrong_shape),
        SnapshotError::NewerVersion(version) => {
            s!(
                i18n.get_locale(),
                assess.data_error.newer_version,
                version = version
            )
        }
        SnapshotError::NewerBank(version) => {
            s!(
                i18n.get_locale(),
                assess.data_error.newer_bank,
                version = version
            )
        }
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

/// The sentences about answers that reading left out: an older questionnaire's, and (issue 30)
/// those that were no answer at all, which no older version wrote; `None` when none were.
pub fn dropped(i18n: I18n, dropped: &Dropped) -> Option<String> {
    let locale = i18n.get_locale();
    let older = (dropped.answers > 0)
        .then(|| s!(locale, assess.dropped.any, count = dropped.answers as u64));
    let damaged = (dropped.damaged > 0).then(|| {
        s!(
            locale,
            assess.dropped.damaged_any,
            count = dropped.damaged as u64
        )
    });
    match (older, damaged) {
        (Some(older), Some(damaged)) => Some(format!("{older} {damaged}")),
        (older, damaged) => older.or(damaged),
    }
}

/// What an import did: "3 added, 1 updated to a newer copy, 2 already there and skipped" (the
/// updated part only when some were).
pub fn merge_report(i18n: I18n, report: &MergeReport) -> String {
    let locale = i18n.get_locale();
    let mut parts = vec![s!(locale, assess.merge.added, count = report.added as u64)];
    if report.updated > 0 {
        parts.push(s!(
            locale,
            assess.merge.updated,
            count = report.updated as u64
        ));
    }
    parts.push(s!(
        locale,
        assess.merge.skipped,
        count = report.skipped as u64
    ));
    parts.join(", ")
}

/// What importing a workshops file did (issue 30): "Imported: 1 workshop added, 2 new results
/// added to workshops already here." (each part only when it happened), or, when nothing could
/// be stored, that the file was read but not kept.
pub fn workshop_import(i18n: I18n, report: &WorkshopImport, saved: bool) -> String {
    let locale = i18n.get_locale();
    if !saved {
        return s!(locale, workshop.import_not_saved);
    }
    let counts = [
        (
            report.added,
            s!(locale, workshop.imported_added, count = report.added as u64),
        ),
        (
            report.results_added,
            s!(
                locale,
                workshop.imported_results,
                count = report.results_added as u64
            ),
        ),
        (
            report.unchanged,
            s!(
                locale,
                workshop.imported_unchanged,
                count = report.unchanged as u64
            ),
        ),
        (
            report.unreadable,
            s!(
                locale,
                workshop.imported_unreadable,
                count = report.unreadable as u64
            ),
        ),
    ];
    let parts: Vec<String> = counts
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .map(|(_, text)| text)
        .collect();
    let report = if parts.is_empty() {
        s!(locale, workshop.imported_none)
    } else {
        parts.join(", ")
    };
    s!(locale, workshop.imported, report = report)
}
