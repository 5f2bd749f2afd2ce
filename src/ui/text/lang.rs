//! Languages: which one is in use, getting its strings before anything is drawn, and the
//! switch. The macros that turn a key into words are in `text` (its module documentation).
//!
//! Every sentence lives in `locales/<language>/<namespace>.json`, read by `leptos_i18n`
//! (`crate::i18n`, generated from those files at compile time: a key missing or misspelt in the
//! code does not compile). In the browser only the language in use is fetched, one small JSON
//! file per namespace; `load` fetches them before the app is drawn or switches language, so
//! that every string is there when a view asks for it and nothing flickers.

use leptos::prelude::*;
use leptos_i18n::Locale as _;

pub use crate::i18n::Locale;
use crate::i18n::{td_string, use_i18n};
use crate::platform::{self, storage};
use crate::ui::text::bank;

// `LANGUAGES`: the languages Stagefit speaks, each named in itself, in Cargo.toml's order.
include!(concat!(env!("OUT_DIR"), "/languages.rs"));

/// The language to start in: the one the person chose before, else the first of the browser's
/// preferred languages that Stagefit speaks, else English.
pub fn initial() -> Locale {
    choose(
        storage::language().as_deref(),
        &platform::preferred_languages(),
    )
}

/// The language the page is drawn in: the viewer draws in it (the page chose it by `initial`'s
/// rule), so it needs no language matching of its own; English for a page that names none.
pub fn of_page() -> Locale {
    platform::document_language()
        .and_then(|l| l.parse::<Locale>().ok())
        .unwrap_or(Locale::en)
}

/// `initial`'s rule, on plain data: a stored choice wins when it names a language Stagefit
/// speaks; otherwise the browser's preferences, matched by the crate (`de-AT` is German).
pub fn choose(stored: Option<&str>, preferred: &[String]) -> Locale {
    stored
        .and_then(|s| s.parse::<Locale>().ok())
        .unwrap_or_else(|| Locale::find_locale(preferred))
}

/// The files of `locale`'s strings, as the crate fetches them (`translations-path` in Cargo.toml).
fn files(locale: Locale) -> Vec<String> {
    ["common", "assess", "results", "workshop", "bank"]
        .iter()
        .map(|namespace| file(namespace, locale))
        .collect()
}

pub use super::files::file;

/// Whether `locale`'s strings can be had (the network or the offline cache has all its files).
/// The crate, once asked, has no way back from a file that fails: the switch asks this first.
/// (The start does not: it would download each file twice where a host sends no cache headers;
/// a start whose strings fail ends in the page's own "could not start" notice, with Reload.)
pub async fn available(locale: Locale) -> bool {
    platform::all_fetchable(&files(locale)).await
}

/// Fetches every namespace of `locale` (in the browser; natively the strings are built in).
/// Once it returns, each string of that language is at hand at once. False when the bank's words
/// could not be had (the crate's own files have no such answer: see `available`).
pub async fn load(locale: Locale) -> bool {
    from_page_folder();
    // Asking for one string of a namespace fetches the whole namespace; the bank's words are
    // the app's own lookup (`bank_text`), fetched alongside.
    futures::future::join(futures_join(locale), bank::load(locale))
        .await
        .1
}

/// Fetches only what a result's verdict reads (the results' words and the bank's), for the
/// viewer (`ui::app::viewer`); the app fetches the rest when it starts. False as `load`.
pub async fn load_results(locale: Locale) -> bool {
    from_page_folder();
    #[cfg(target_arch = "wasm32")]
    let words = td_string!(locale, results.stage_unknown);
    #[cfg(not(target_arch = "wasm32"))]
    let words = async {};
    futures::future::join(words, bank::load(locale)).await.1
}

/// The crate asks for its files at the site's root (`/i18n/…`); the app may be served from a
/// sub-path (`/stagefit/`), so its requests start from the page's folder.
fn from_page_folder() {
    #[cfg(target_arch = "wasm32")]
    if leptos::server_fn::client::get_server_url().is_empty() {
        // Set once for the page's life, so kept for it.
        let folder: &'static str = Box::leak(platform::page_folder().into_boxed_str());
        let _ = leptos::server_fn::client::try_set_server_url(folder);
    }
}

#[cfg(target_arch = "wasm32")]
async fn futures_join(locale: Locale) {
    futures::future::join4(
        td_string!(locale, common.language),
        td_string!(locale, assess.landing.resume),
        td_string!(locale, results.stage_unknown),
        td_string!(locale, workshop.list_title),
    )
    .await;
}

#[cfg(not(target_arch = "wasm32"))]
async fn futures_join(locale: Locale) {
    let _ = td_string!(locale, common.language);
}

/// Gives the views below the language to draw in, starting with `locale`, and keeps the page's
/// `<html lang>` on the language in use (screen readers pronounce by it).
pub fn provide(locale: Locale) {
    provide_with(locale, Default::default());
}

/// Runs `f` once with the views' language context for `locale`, as the prerender draws the page
/// natively: nothing is updated afterwards (reading signals outside a reactive context is meant
/// here), and the tasks the context starts are dropped. The prerender and the native tests that
/// draw views all go through this.
#[cfg(not(target_arch = "wasm32"))]
pub fn once_in<T>(locale: Locale, f: impl FnOnce() -> T) -> T {
    use leptos::reactive::diagnostics::SpecialNonReactiveZone;

    /// Takes the tasks the views start (the language context's effects) and never runs them.
    struct DrawnOnce;
    impl any_spawner::CustomExecutor for DrawnOnce {
        fn spawn(&self, _: any_spawner::PinnedFuture<()>) {}
        fn spawn_local(&self, _: any_spawner::PinnedLocalFuture<()>) {}
        fn poll_local(&self) {}
    }
    // A process has one executor: already set when something was drawn before, to this one.
    let _ = any_spawner::Executor::init_custom_executor(DrawnOnce);
    Owner::new().with(|| {
        let _once = SpecialNonReactiveZone::enter();
        // Natively there are no browser languages to look at.
        provide_with(
            locale,
            leptos_use::UseLocalesOptions::default().ssr_lang_header_getter(|| None),
        );
        f()
    })
}

/// `provide`, with where the crate would look for the browser's languages.
fn provide_with(locale: Locale, browser: leptos_i18n::context::UseLocalesOptions) {
    let i18n = leptos_i18n::context::init_i18n_subcontext_with_options::<Locale>(
        Some(Signal::stored(locale)),
        None,
        None,
        Some(browser),
    );
    provide_context(i18n);
    Effect::new(move || platform::set_document_language(i18n.get_locale().as_str()));
}

/// The language switch: a labelled list of the languages, each in its own name. Choosing one
/// fetches it, then redraws every view in it and remembers it for the next visit.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    // A language whose strings could not be fetched (offline before it was ever read).
    let failed = RwSignal::new(None::<Locale>);
    // The language the list shows: the one chosen while it loads, then the one in use. When it
    // cannot be had, the list goes back to the language the page is still in (issue 30: offline,
    // it stayed on the new language while the page did not change).
    let shown = RwSignal::new(i18n.get_locale_untracked());
    let on_change = move |ev: leptos::ev::Event| {
        let Ok(locale) = event_target_value(&ev).parse::<Locale>() else {
            return;
        };
        shown.set(locale);
        leptos::task::spawn_local(async move {
            if !available(locale).await || !load(locale).await {
                failed.set(Some(locale));
                shown.set(i18n.get_locale_untracked());
                return;
            }
            failed.set(None);
            i18n.set_locale(locale);
            let _ = storage::write(storage::LANGUAGE_KEY, locale.as_str());
        });
    };
    let name_of = |locale: Locale| {
        LANGUAGES
            .iter()
            .find(|(l, _)| *l == locale)
            .map_or("", |(_, n)| *n)
    };
    view! {
        <label class="language-switch">
            <span class="visually-hidden">{crate::tv!(i18n, common.language)}</span>
            <select data-testid="language" on:change=on_change prop:value=move || shown.get().as_str()>
                {LANGUAGES
                    .iter()
                    .map(|(locale, name)| {
                        let locale = *locale;
                        view! {
                            <option value=locale.as_str() lang=locale.as_str() selected=move || i18n.get_locale() == locale>
                                {*name}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </label>
        {move || {
            failed
                .get()
                .map(|locale| {
                    view! {
                        <p class="language-failed" role="alert">
                            {crate::tf!(
                                i18n,
                                common.language_failed,
                                language = name_of(locale),
                                current = name_of(i18n.get_locale())
                            )}
                        </p>
                    }
                })
        }}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stored_choice_wins_then_the_browser_then_english() {
        let browser = |l: &[&str]| l.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(choose(Some("fr"), &browser(&["de-DE"])), Locale::fr);
        assert_eq!(choose(None, &browser(&["de-AT", "en"])), Locale::de);
        assert_eq!(choose(None, &browser(&["es", "fr-CA"])), Locale::fr);
        assert_eq!(choose(None, &browser(&["es", "it"])), Locale::en);
        assert_eq!(choose(Some("klingon"), &browser(&["fr"])), Locale::fr);
        assert_eq!(choose(None, &[]), Locale::en);
        // Issue 30: the stored choice as the platform edge reads it, made plain.
        let stored = storage::language_code(" fr");
        assert_eq!(choose(Some(&stored), &browser(&["en"])), Locale::fr);
    }
}
