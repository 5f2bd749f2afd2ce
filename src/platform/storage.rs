//! Browser storage, files and time: the only code that touches localStorage, storage events,
//! downloads and uploaded files.
//!
//! localStorage can be missing, blocked (reading `window.localStorage` throws), full, or
//! changed by another tab. Every call here returns a `StorageError` instead of panicking, and
//! nothing here ever deletes a value it could not read: `keep_aside` copies it under another key
//! first. Reads, writes and removals go through gloo-storage's `LocalStorage` (reads as text,
//! through its `raw()` handle); but its `raw()`
//! throws when the browser refuses storage, which is one of the cases the app must survive, so
//! every function here first asks `local()`, the one availability probe, and reaches gloo only
//! when storage is there.

use gloo_storage::{LocalStorage, Storage as _, errors::StorageError as GlooError};
use leptos::prelude::{WindowListenerHandle, window_event_listener};
use serde_json::value::RawValue;
use stagefit_core::snapshot::fingerprint;
use wasm_bindgen::JsCast;

/// Every key Stagefit writes starts with this.
pub const PREFIX: &str = "stagefit.";
/// The assessment in progress.
pub const DRAFT_KEY: &str = "stagefit.draft";
/// Finished assessments in history format 1 (one array); read, then split into format 2.
pub const HISTORY_KEY: &str = "stagefit.history";
/// History format 2: each finished assessment under this prefix and its id.
pub const ASSESSMENT_PREFIX: &str = "stagefit.assessment.";
/// Workshops this browser facilitates.
pub const WORKSHOPS_KEY: &str = "stagefit.workshops";
/// Present only while an import is writing: how far it got (`state::history`), so a reload part
/// way is told on the next load.
pub const IMPORT_KEY: &str = "stagefit.import";
/// The language the person chose (`en`, `de`, `fr`); absent until they choose one.
pub const LANGUAGE_KEY: &str = "stagefit.language";
const ASIDE_PREFIX: &str = "stagefit.unreadable.";

/// Why storage did not do what was asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// The browser gives this page no storage (private mode, blocked cookies, an old browser).
    Unavailable,
    /// Storage is full.
    Full,
    /// Any other refusal.
    Failed,
}

impl std::fmt::Display for StorageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            StorageError::Unavailable => "this browser does not let the page store anything",
            StorageError::Full => "the browser's storage for this page is full",
            StorageError::Failed => "the browser refused to store it",
        })
    }
}

fn local() -> Result<web_sys::Storage, StorageError> {
    let window = web_sys::window().ok_or(StorageError::Unavailable)?;
    match window.local_storage() {
        Ok(Some(storage)) => Ok(storage),
        _ => Err(StorageError::Unavailable),
    }
}

/// Whether storage can be used: `Ok`, or `Full` when it can be read but holds no room for
/// more (issue 18: full is not off), or `Unavailable`.
pub fn probe() -> Result<(), StorageError> {
    let storage = local()?;
    let probe = "stagefit.probe";
    let result = storage
        .set_item(probe, "1")
        .map_err(|error| match refusal(&error_name(&error)) {
            StorageError::Full => StorageError::Full,
            _ => StorageError::Unavailable,
        });
    let _ = storage.remove_item(probe);
    result
}

fn error_name(error: &wasm_bindgen::JsValue) -> String {
    js_sys::Reflect::get(error, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default()
}

/// The value under `key`, exactly as stored, if any. Read through gloo's handle on storage as
/// text: the callers decode it themselves, and need the exact text to keep it aside when it
/// cannot be read (issue 18: a history of 1,000 keys is read at every load, once per key).
pub fn read(key: &str) -> Result<Option<String>, StorageError> {
    local()?;
    LocalStorage::raw()
        .get_item(key)
        .map_err(|_| StorageError::Failed)
}

/// Stores `value` under `key`, unchanged. The app's own data is JSON and goes through gloo's
/// `set`; a value kept aside may be any text, which gloo would store as a quoted JSON string,
/// so that text goes through gloo's handle on storage as it is.
pub fn write(key: &str, value: &str) -> Result<(), StorageError> {
    local()?;
    match RawValue::from_string(value.to_owned()) {
        Ok(json) => LocalStorage::set(key, &json).map_err(|error| match error {
            GlooError::JsError(error) => refusal(&error.name),
            _ => StorageError::Failed,
        }),
        Err(_) => LocalStorage::raw()
            .set_item(key, value)
            .map_err(|error| refusal(&error_name(&error))),
    }
}

/// What a refused write means, by the name of the browser's exception.
fn refusal(name: &str) -> StorageError {
    match name {
        "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => StorageError::Full,
        _ => StorageError::Failed,
    }
}

/// Removes `key`.
pub fn remove(key: &str) -> Result<(), StorageError> {
    local()?;
    LocalStorage::delete(key);
    Ok(())
}

/// The language the person chose, as stored, made plain: without the spaces or capitals a hand
/// edit or another tool may have left (issue 30: a stored `" fr"` started the app in English),
/// and its primary subtag only (`fr-CA` is `fr`). `None` when none is stored.
pub fn language() -> Option<String> {
    read(LANGUAGE_KEY)
        .ok()
        .flatten()
        .map(|stored| language_code(&stored))
}

/// `language`'s rule on a stored text.
pub fn language_code(stored: &str) -> String {
    let code = stored.trim().to_ascii_lowercase();
    match code.split_once(['-', '_']) {
        Some((primary, _)) => primary.to_string(),
        None => code,
    }
}

/// Copies an unreadable value under a new key, so the original can later be replaced without
/// losing it. Returns the new key. The key is named after the value's content, so a value met
/// again (on every load, say) is kept aside once, not once each time (issue 18).
pub fn keep_aside(key: &str, value: &str) -> Result<String, StorageError> {
    let suffix = key.strip_prefix(PREFIX).unwrap_or(key);
    let aside = format!("{ASIDE_PREFIX}{suffix}.{}", fingerprint(value));
    if read(&aside)?.as_deref() != Some(value) {
        write(&aside, value)?;
    }
    Ok(aside)
}

/// Moves an unreadable value aside: copies it, then removes the original. Returns the new key.
pub fn move_aside(key: &str, value: &str) -> Result<String, StorageError> {
    let aside = keep_aside(key, value)?;
    remove(key)?;
    Ok(aside)
}

/// Every key Stagefit has stored.
pub fn keys() -> Vec<String> {
    if local().is_err() {
        return Vec::new();
    }
    let storage = LocalStorage::raw();
    (0..LocalStorage::length())
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| k.starts_with(PREFIX))
        .collect()
}

/// Removes everything Stagefit stored, the values kept aside included.
pub fn clear_all() -> Result<(), StorageError> {
    for key in keys() {
        remove(&key)?;
    }
    Ok(())
}

/// Calls `on_change(key)` whenever another tab changes a Stagefit key (`None`: all were
/// cleared), until the returned handle is removed.
pub fn on_change(on_change: impl Fn(Option<String>) + 'static) -> WindowListenerHandle {
    window_event_listener(leptos::ev::storage, move |event| match event.key() {
        Some(key) if key.starts_with(PREFIX) => on_change(Some(key)),
        Some(_) => {}
        None => on_change(None),
    })
}

/// The current time in whole milliseconds since 1970.
pub fn now() -> f64 {
    js_sys::Date::now().floor()
}

/// A new identity for an assessment: its creation time and a random part.
pub fn new_id(created: f64) -> String {
    let random = (js_sys::Math::random() * 65536.0) as u32;
    format!("{:x}-{random:04x}", created as u64)
}

/// Offers `text` as a file download named `name`.
pub fn download(name: &str, text: &str, mime: &str) -> Result<(), StorageError> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(StorageError::Failed)?;
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| StorageError::Failed)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| StorageError::Failed)?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into().ok())
        .ok_or(StorageError::Failed)?;
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// The text of the file just chosen in the file input that fired `event`; the input is then
/// cleared, so choosing the same file again fires again.
pub async fn chosen_file_text(event: web_sys::Event) -> Option<String> {
    let input: web_sys::HtmlInputElement = event.target()?.dyn_into().ok()?;
    let file = input.files()?.get(0)?;
    let text = wasm_bindgen_futures::JsFuture::from(file.text()).await.ok();
    input.set_value("");
    text?.as_string()
}

#[cfg(test)]
mod tests {
    use super::language_code;

    /// Issue 30: a stored language reads as the language it names, however it was spelled.
    #[test]
    fn issue_30_a_stored_language_is_read_as_the_language_it_names() {
        for (stored, code) in [
            ("fr", "fr"),
            (" fr", "fr"),
            ("fr\n", "fr"),
            ("\tDE ", "de"),
            ("FR", "fr"),
            ("fr-CA", "fr"),
            ("de_AT", "de"),
            ("", ""),
            ("klingon", "klingon"),
        ] {
            assert_eq!(language_code(stored), code, "{stored:?}");
        }
    }
}
