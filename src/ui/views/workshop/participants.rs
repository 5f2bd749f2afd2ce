//! The list of a workshop's participants, each with Remove.

use leptos::prelude::*;

use crate::i18n::use_i18n;
use crate::ui::text::results::stage_phrase;
use stagefit_core::workshop::{self};

/// How many participants the list shows at first, and adds with each "Show more".
const PAGE: usize = 100;

#[component]
pub(super) fn Participants(
    people: RwSignal<Vec<workshop::Participant>>,
    on_remove: Callback<String>,
) -> impl IntoView {
    // Drawn only once opened, and a page at a time: 2,000 rows laid out on every change made
    // the room slow to update (issue 18).
    let i18n = use_i18n();
    let open = RwSignal::new(false);
    let shown = RwSignal::new(PAGE);
    let total = Memo::new(move |_| people.with(Vec::len));
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
                            let payload = p.payload.clone();
                            view! {
                                <li>
                                    <bdi>{name.clone()}</bdi>
                                    {line}
                                    <button type="button" class="link-button small" on:click=move |_| on_remove.run(payload.clone())>
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
            </Show>
        </div>
    }
}
