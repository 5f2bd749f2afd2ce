//! The history of finished assessments: open, rename, delete (with undo), export, import,
//! compare two side by side, and clear everything.

pub mod compare;
pub mod trend;

use leptos::prelude::*;

use crate::i18n::{Locale, use_i18n};
use crate::platform;
use crate::platform::storage::{self, StorageError};
use crate::ui::state::{Navigator, Notice, Session, Store};
use crate::ui::text::messages;
use crate::ui::text::{results as rt, s};
use crate::ui::views::link::RouteLink;
pub use compare::Compare;
use stagefit_core::route::{Pick, Route};
use stagefit_core::snapshot::{self, Snapshot, SnapshotError};
use stagefit_core::workshop;
use stagefit_core::{BANK, assess, report};

/// The assessment's name, or "Untitled assessment".
pub(crate) fn title(locale: Locale, s: &Snapshot) -> String {
    if s.label.is_empty() {
        s!(locale, results.history.untitled)
    } else {
        s.label.clone()
    }
}

/// How many assessments the history shows at first, and how many more each "Show more" adds.
const PAGE: usize = 50;

/// Reads an imported file a part at a time and saves what it holds; says what happened.
async fn import_text(
    i18n: crate::ui::text::messages::I18n,
    locale: Locale,
    store: Store,
    text: &str,
    importing: RwSignal<Option<String>>,
) -> String {
    let nothing = |reason: String| s!(locale, results.history.nothing_imported, reason = reason);
    let entries = match snapshot::import_entries(&BANK, text) {
        Ok(entries) => entries,
        // A workshop's export, brought to History (issue 30): it is imported where it belongs,
        // and the person is told so.
        Err(SnapshotError::WrongShape) if workshop::is_workshops_file(text) => {
            return match store.import_workshops(text) {
                Ok(done) => s!(
                    locale,
                    results.history.workshop_file,
                    report = messages::workshop_import(i18n, &done.report, done.saved)
                ),
                Err(error) => s!(
                    locale,
                    results.history.workshop_file_failed,
                    reason = messages::snapshot_error(i18n, &error)
                ),
            };
        }
        Err(error) => return nothing(messages::snapshot_error(i18n, &error)),
    };
    // Finding the entries is one pass over the whole file (serde_json cannot stop part way):
    // the page draws before the first part is decided, so that pass is a task of its own.
    platform::next_task().await;
    let count = entries.len();
    let saving = |done: usize, total: usize| {
        importing.set(Some(s!(
            locale,
            results.history.saving,
            done = done,
            total = total
        )));
    };
    let (report, notes) = match store.import(&entries, saving).await {
        Ok(done) => done,
        Err(StorageError::Full) => {
            return s!(locale, results.history.storage_full, n = count);
        }
        Err(error) => return nothing(crate::ui::text::messages::storage_error(i18n, &error)),
    };
    let report = crate::ui::text::messages::merge_report(i18n, &report);
    let mut text = s!(locale, results.history.imported, report = report);
    if notes.unreadable > 0 {
        text.push_str(&s!(
            locale,
            results.history.unreadable,
            n = notes.unreadable
        ));
    }
    if notes.newer > 0 {
        text.push_str(&s!(locale, results.history.newer, n = notes.newer));
    }
    text.push('.');
    if let Some(dropped) = crate::ui::text::messages::dropped(i18n, &notes.dropped) {
        text.push(' ');
        text.push_str(&dropped);
    }
    text
}

#[component]
pub fn History() -> impl IntoView {
    let i18n = use_i18n();
    let store = expect_context::<Store>();
    let session = expect_context::<Session>();
    let nav = expect_context::<Navigator>();
    let selected = RwSignal::new(Vec::<String>::new());
    let renaming: Renaming = RwSignal::new(None);
    let compare_error = RwSignal::new(false);
    let confirm_clear = RwSignal::new(false);
    let compare = move |_| {
        let ids = selected.get_untracked();
        let present: Vec<String> = ids
            .into_iter()
            .filter(|id| {
                store
                    .history()
                    .with_untracked(|h| h.iter().any(|s| &s.id == id))
            })
            .collect();
        if let [a, b] = present.as_slice() {
            compare_error.set(false);
            nav.go(Route::Compare(
                Pick::current(a.clone()),
                Pick::current(b.clone()),
            ));
        } else {
            compare_error.set(true);
            platform::focus_after_render("compare-error");
        }
    };
    let export_all = move |_| {
        let text = store.export_history();
        let name = format!(
            "stagefit-history-{}.json",
            report::date_text(storage::now())
        );
        if storage::download(&name, &text, "application/json").is_err() {
            store.notify(Notice::NotSaved(s!(
                i18n.get_locale(),
                results.history.download_refused
            )));
        }
    };
    // Read and saved a part at a time, so a big file never holds the page; what is happening
    // is said in `importing` (a status region) until it ends.
    let importing = RwSignal::new(None::<String>);
    let import = move |ev: leptos::ev::Event| {
        leptos::task::spawn_local(async move {
            let Some(text) = storage::chosen_file_text(ev).await else {
                store.notify(Notice::Info(s!(
                    i18n.get_locale(),
                    results.history.file_unreadable
                )));
                return;
            };
            importing.set(Some(s!(i18n.get_locale(), results.history.reading)));
            platform::next_task().await;
            let locale = i18n.get_locale_untracked();
            let message = import_text(i18n, locale, store, &text, importing).await;
            importing.set(None);
            store.notify(Notice::Info(message));
        });
    };
    // A long history is shown a page at a time (the page contract allows it), so opening it
    // and changing it stay quick.
    let shown = RwSignal::new(PAGE);
    let more = move || store.history().with(Vec::len).saturating_sub(shown.get());

    view! {
        <section class="history" aria-labelledby="history-heading">
            <h1 id="history-heading" tabindex="-1">{crate::tv!(i18n, results.history.heading)}</h1>
            <p>{crate::tv!(i18n, results.history.intro)}</p>
            <trend::ScoreTrend />
            {move || store.history().with(Vec::is_empty).then(|| view! {
                <div class="empty">
                    <p>{crate::tv!(i18n, results.history.empty)}</p>
                    <button type="button" class="primary" on:click=move |_| session.start()>{crate::tv!(i18n, results.history.start)}</button>
                </div>
            })}
            <ul class="history-list">
                // Keyed by identity, current version, versions and name: a renamed entry (here
                // or in another tab), one with a new version or a version deleted, is drawn anew;
                // the others are kept as they are (and not scored again). Not by time: a merge
                // with another tab's copy may move it, and must not close a rename being typed.
                <For
                    each=move || store.history().with(|h| h.iter().take(shown.get()).cloned().collect::<Vec<_>>())
                    key=|s| (s.id.clone(), s.number(), s.version_count(), s.label.clone())
                    children=move |snapshot| view! { <HistoryItem snapshot selected renaming /> }
                />
            </ul>
            {move || (more() > 0).then(|| view! {
                <p class="history-more">
                    {move || s!(i18n.get_locale(), results.history.showing, shown = shown.get(), total = store.history().with(Vec::len))}
                    " "
                    <button type="button" class="secondary small" on:click=move |_| shown.update(|n| *n += PAGE)>
                        {move || s!(i18n.get_locale(), results.history.show_more, n = more().min(PAGE))}
                    </button>
                </p>
            })}
            <p class="import-progress" role="status">{move || importing.get()}</p>
            <div class="actions">
                <button type="button" class="secondary" on:click=compare>{crate::tv!(i18n, results.history.compare)}</button>
                <button type="button" class="secondary" on:click=export_all>{crate::tv!(i18n, results.history.export_all)}</button>
                <label class="file-button secondary">
                    {crate::tv!(i18n, results.history.import)}
                    <input type="file" accept=".json,application/json" class="visually-hidden" on:change=import />
                </label>
            </div>
            <p id="compare-error" class="field-error" tabindex="-1" role="alert">
                {move || compare_error.get().then(|| s!(i18n.get_locale(), results.history.compare_error))}
            </p>
            <div class="danger-zone">
                <h2>{crate::tv!(i18n, results.history.clear_heading)}</h2>
                <p>{crate::tv!(i18n, results.history.clear_intro)}</p>
                {move || if confirm_clear.get() {
                    view! {
                        <div class="confirm" role="group" aria-labelledby="confirm-clear">
                            <p id="confirm-clear"><strong>{crate::tv!(i18n, results.history.clear_confirm)}</strong></p>
                            <button type="button" class="danger" on:click=move |_| { store.clear_all(); confirm_clear.set(false); }>
                                {crate::tv!(i18n, results.history.clear_yes)}
                            </button>
                            " "
                            <button type="button" class="secondary" on:click=move |_| confirm_clear.set(false)>{crate::tv!(i18n, results.history.cancel)}</button>
                        </div>
                    }.into_any()
                } else {
                    view! {
                        <button type="button" class="danger" on:click=move |_| confirm_clear.set(true)>{crate::tv!(i18n, results.history.clear)}</button>
                    }.into_any()
                }}
            </div>
        </section>
    }
}

/// The name being typed for a row (its id and the text so far): held by the list, so a row drawn
/// anew while it is typed (another tab renamed or changed that assessment) keeps the form open
/// with what was typed.
type Renaming = RwSignal<Option<(String, String)>>;

#[component]
fn HistoryItem(
    snapshot: Snapshot,
    selected: RwSignal<Vec<String>>,
    renaming: Renaming,
) -> impl IntoView {
    let i18n = use_i18n();
    let store = expect_context::<Store>();
    let session = expect_context::<Session>();
    let assessment = assess(&BANK, &snapshot.answers);
    let is_renaming = {
        let id = snapshot.id.clone();
        move || renaming.with(|r| r.as_ref().is_some_and(|(r, _)| r == &id))
    };
    let typed = move || renaming.with(|r| r.as_ref().map(|(_, t)| t.clone()).unwrap_or_default());
    let start_rename = {
        let id = snapshot.id.clone();
        let label = snapshot.label.clone();
        move |_| renaming.set(Some((id.clone(), label.clone())))
    };
    let id = snapshot.id.clone();
    let check_id = format!("select-{id}");
    let label_for = check_id.clone();
    let rename_id = format!("rename-{id}");
    let rename_for = rename_id.clone();
    let name = {
        let snapshot = snapshot.clone();
        move || title(i18n.get_locale(), &snapshot)
    };
    let created = snapshot.created;
    let summary = move || {
        let locale = i18n.get_locale();
        s!(
            locale,
            results.history.entry,
            date = rt::date(locale, created),
            stage = rt::stage_phrase(locale, &assessment.stage),
            score = rt::score_text(locale, assessment.score)
        )
    };
    let is_selected = {
        let id = id.clone();
        move || selected.with(|s| s.contains(&id))
    };
    let toggle = {
        let id = id.clone();
        move |_| {
            selected.update(|s| {
                if let Some(i) = s.iter().position(|x| x == &id) {
                    s.remove(i);
                } else {
                    s.push(id.clone());
                }
            })
        }
    };
    // A link to the result's address; a plain click opens it with its answers loaded.
    let open_route = Route::Results(snapshot.id.clone());
    let open = {
        let s = snapshot.clone();
        Callback::new(move |()| session.open(s.clone()))
    };
    let save_rename = {
        let id = id.clone();
        move || {
            let label =
                renaming.with_untracked(|r| r.as_ref().map(|(_, t)| report::clean_label(t)));
            renaming.set(None);
            if let Some(label) = label {
                store.rename(&id, label);
            }
        }
    };
    let export = {
        let s = snapshot.clone();
        move |_| {
            let name = format!("stagefit-{}-{}.json", report::date_text(s.created), s.id);
            let _ = storage::download(
                &name,
                &snapshot::encode_snapshot(&BANK, &s),
                "application/json",
            );
        }
    };
    let delete = {
        let id = id.clone();
        move |_| {
            store.delete(&id);
            platform::focus_after_render("history-heading");
        }
    };
    view! {
        <li class="history-item" data-testid="history-entry" data-snapshot=id.clone()>
            <div class="history-select">
                <input type="checkbox" id=check_id prop:checked=is_selected on:change=toggle />
                <label for=label_for><span class="visually-hidden">{crate::tv!(i18n, results.history.select)} " "</span>{name}</label>
            </div>
            <p class="history-summary">{summary}</p>
            {(snapshot.version_count() > 1).then(|| view! { <VersionList snapshot=snapshot.clone() /> })}
            {move || if is_renaming() {
                let save = save_rename.clone();
                let save_key = save_rename.clone();
                view! {
                    <div class="rename">
                        <label for=rename_for.clone()>{crate::tv!(i18n, results.history.new_name)}</label>
                        <input
                            id=rename_id.clone()
                            type="text"
                            maxlength=report::LABEL_MAX
                            prop:value=typed
                            on:input=move |ev| renaming.update(|r| if let Some((_, t)) = r { *t = event_target_value(&ev) })
                            on:keydown=move |ev| if ev.key() == "Enter" { save_key() }
                        />
                        <button type="button" class="secondary small" on:click=move |_| save()>{crate::tv!(i18n, results.history.save_name)}</button>
                        <button type="button" class="link-button small" on:click=move |_| renaming.set(None)>{crate::tv!(i18n, results.history.cancel)}</button>
                    </div>
                }.into_any()
            } else {
                view! {
                    <div class="history-actions">
                        <RouteLink route=open_route.clone() class="button secondary small" on_open=open>{crate::tv!(i18n, results.history.open)}</RouteLink>
                        <button type="button" class="secondary small" on:click=start_rename.clone()>{crate::tv!(i18n, results.history.rename)}</button>
                        <button type="button" class="secondary small" on:click=export.clone()>{crate::tv!(i18n, results.history.export)}</button>
                        <button type="button" class="secondary small" on:click=delete.clone()>{crate::tv!(i18n, results.history.delete)}</button>
                    </div>
                }.into_any()
            }}
        </li>
    }
}

/// An assessment's versions, newest first, behind "N versions": each with its date and score,
/// a comparison with the current one and its own delete.
#[component]
fn VersionList(snapshot: Snapshot) -> impl IntoView {
    let i18n = use_i18n();
    let store = expect_context::<Store>();
    let nav = expect_context::<Navigator>();
    let count = snapshot.version_count();
    let current = snapshot.number();
    let id = snapshot.id.clone();
    let rows: Vec<(u32, f64, Option<u8>)> = snapshot
        .versions()
        .map(|(n, answers, when)| (n, when, assess(&BANK, answers).score))
        .rev()
        .collect();
    view! {
        <details class="versions">
            <summary data-testid="version-count">{move || s!(i18n.get_locale(), results.history.versions, n = count)}</summary>
            <ol class="version-list">
                {rows.into_iter().map(|(n, when, score)| {
                    let (compare_id, delete_id) = (id.clone(), id.clone());
                    let row = move || {
                        let locale = i18n.get_locale();
                        s!(locale, results.history.version_row, n = n, date = rt::date(locale, when), score = rt::score_text(locale, score))
                    };
                    view! {
                        <li data-version=n>
                            <span>{row}</span>
                            {(n == current).then(|| view! { " " {crate::tv!(i18n, results.history.version_current)} })}
                            " "
                            {(n != current).then(|| view! {
                                <button type="button" class="link-button small" on:click=move |_| {
                                    nav.go(Route::Compare(Pick::at(compare_id.clone(), n), Pick::current(compare_id.clone())));
                                }>{crate::tv!(i18n, results.history.compare_version)}</button>
                                " "
                            })}
                            <button type="button" class="link-button small" on:click=move |_| {
                                store.delete_version(&delete_id, n);
                                platform::focus_after_render("history-heading");
                            }>{crate::tv!(i18n, results.history.delete_version)}<span class="visually-hidden">" " {move || s!(i18n.get_locale(), results.history.version, n = n)}</span></button>
                        </li>
                    }
                }).collect_view()}
            </ol>
        </details>
    }
}

/// What History and Compare show while the history is still being read at start-up: their
/// heading (focus may go there, `heading` is its id) and a status. Once it is read, the view
/// itself replaces it.
pub fn reading_history(heading: &'static str) -> AnyView {
    let i18n = use_i18n();
    let title = if heading == "history-heading" {
        crate::tr!(i18n, common.history)
    } else {
        crate::tr!(i18n, common.compare_title)
    };
    view! {
        <section aria-labelledby=heading>
            <h1 id=heading tabindex="-1">{title}</h1>
            <p role="status">{crate::tv!(i18n, common.reading_history)}</p>
        </section>
    }
    .into_any()
}
