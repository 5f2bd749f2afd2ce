//! The list of a workshop's participants, each with Remove, and a way to remove several at once.

use std::collections::HashSet;

use leptos::prelude::*;

use crate::i18n::use_i18n;
use crate::platform;
use crate::ui::text::results::stage_phrase;
use stagefit_core::workshop::{self};

/// How many participants the list shows at first, and adds with each "Show more".
const PAGE: usize = 100;

/// The id of the Remove button of the row at `index`, where focus goes after a removal.
fn remove_button(index: usize) -> String {
    format!("participant-remove-{index}")
}

#[component]
pub(super) fn Participants(
    people: RwSignal<Vec<workshop::Participant>>,
    /// Removes these payloads; the view offers Undo.
    on_remove: Callback<Vec<String>>,
    /// Whether the list is open: kept by the workshop view, so a removal (which draws the
    /// workshop anew) leaves it open (issue 28).
    open: RwSignal<bool>,
    /// Where focus goes when no row is left after a removal.
    fallback_focus: &'static str,
) -> impl IntoView {
    // Drawn only once opened, and a page at a time: 2,000 rows laid out on every change made
    // the room slow to update (issue 18).
    let i18n = use_i18n();
    let shown = RwSignal::new(PAGE);
    let selected = RwSignal::new(HashSet::<String>::new());
    let total = Memo::new(move |_| people.with(Vec::len));
    // Removes, then puts focus on the row that took the first removed one's place (the next
    // row), or on the one before when it was the last.
    let remove = move |gone: Vec<String>, first: usize| {
        if gone.is_empty() {
            return;
        }
        let left = total.get_untracked().saturating_sub(gone.len());
        selected.update(|s| s.retain(|p| !gone.contains(p)));
        on_remove.run(gone);
        if left == 0 {
            platform::focus_after_render(fallback_focus);
        } else {
            platform::focus_after_render(remove_button(first.min(left - 1)));
        }
    };
    let remove_selected = move |_| {
        let gone: Vec<String> = selected.get_untracked().into_iter().collect();
        let first = people.with_untracked(|p| p.iter().position(|x| gone.contains(&x.payload)));
        remove(gone, first.unwrap_or(0));
    };
    view! {
        // Hidden, in print too, while there is nobody to list.
        <div class="participants no-print" hidden=move || total.get() == 0>
            <button type="button" class="link-button" aria-expanded=move || open.get().to_string() aria-controls="participant-list"
                on:click=move |_| open.update(|o| *o = !*o)>
                {move || if open.get() {
                    crate::tv!(i18n, workshop.participants_hide).into_any()
                } else {
                    crate::tf_once!(i18n, workshop.participants_show, number = total.get()).into_any()
                }}
            </button>
            <Show when=move || open.get()>
                <ul id="participant-list">
                    // Keyed by payload: removing one person removes one row. An anonymous
                    // participant's name is their place in the list, which follows the index.
                    <ForEnumerate
                        each=move || people.with(|p| p.iter().take(shown.get()).cloned().collect::<Vec<_>>())
                        key=|p| p.payload.clone()
                        children=move |i, p| {
                            let label = p.shared.label.clone();
                            let name = move || if label.is_empty() {
                                crate::tf!(i18n, workshop.anonymous, number = i.get() + 1).into_any()
                            } else {
                                label.clone().into_any()
                            };
                            let score = p.assessment.score;
                            let stage = p.assessment.stage.clone();
                            let line = move || {
                                let phrase = stage_phrase(i18n.get_locale(), &stage);
                                match score {
                                    Some(score) => crate::tf_once!(i18n, workshop.participant_scored, stage = phrase, score = score).into_any(),
                                    None => crate::tf_once!(i18n, workshop.participant_unscored, stage = phrase).into_any(),
                                }
                            };
                            let payload = StoredValue::new(p.payload.clone());
                            let is_selected = move || selected.with(|s| payload.with_value(|p| s.contains(p)));
                            let toggle = move |_| selected.update(|s| {
                                let p = payload.get_value();
                                if !s.remove(&p) {
                                    s.insert(p);
                                }
                            });
                            view! {
                                <li>
                                    // The checkbox is named by the participant's name alone, so
                                    // the row reads as before: "NAME: stage…" (issue 28).
                                    <label class="participant-pick">
                                        <input type="checkbox" prop:checked=is_selected on:change=toggle />
                                        <bdi>{name.clone()}</bdi>
                                    </label>
                                    {line}
                                    <button type="button" class="link-button small" id=move || remove_button(i.get())
                                        on:click=move |_| remove(vec![payload.get_value()], i.get_untracked())>
                                        {crate::tv!(i18n, workshop.remove)} " " <span class="visually-hidden">{name.clone()}</span>
                                    </button>
                                </li>
                            }
                        }
                    />
                </ul>
                {move || (total.get() > shown.get()).then(|| view! {
                    <button type="button" class="secondary small" on:click=move |_| shown.update(|n| *n += PAGE)>
                        {move || crate::tf_once!(
                            i18n,
                            workshop.show_more,
                            more = PAGE.min(total.get().saturating_sub(shown.get())),
                            total = total.get()
                        )}
                    </button>
                })}
                <button type="button" class="secondary small" disabled=move || selected.with(HashSet::is_empty) on:click=remove_selected>
                    {move || crate::tf_once!(i18n, workshop.remove_selected, count = selected.with(HashSet::len))}
                </button>
            </Show>
        </div>
    }
}
