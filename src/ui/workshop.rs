//! Workshop mode, facilitator side: create a workshop, invite the room with a join link and a
//! large QR code, gather participants' result links from pasted text or files, and see where
//! the room disagrees. Participants' side lives in `results.rs` (`SendToFacilitator`).

use leptos::prelude::*;

use crate::platform::{self, storage};
use crate::ui::store::{Notice, Store};
use stagefit_core::report::tenths;
use stagefit_core::workshop::{self, Workshop};
use stagefit_core::{BANK, chart, explain, link, qr, report, snapshot};

/// The list of workshops and the form to create one.
#[component]
pub fn Workshops(store: Store, on_open: Callback<String>) -> impl IntoView {
    let name = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let missing = RwSignal::new(false);
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let clean = report::clean_label(&name.get_untracked());
        if clean.is_empty() {
            missing.set(true);
            platform::focus("workshop-name");
            return;
        }
        let created = storage::now();
        let w = Workshop {
            id: storage::new_id(created),
            name: clean,
            note: report::clean_label(&note.get_untracked()),
            created,
            payloads: Vec::new(),
        };
        let id = w.id.clone();
        store.update_workshops(|list| list.insert(0, w));
        on_open.run(id);
    };
    view! {
        <section class="workshops" aria-labelledby="workshops-heading">
            <h1 id="workshops-heading" tabindex="-1">"Workshop"</h1>
            <p>
                "Run Stagefit with a group: everyone answers on their own phone, sends you their result "
                "link, and you see where the room agrees and, more usefully, where it does not. There is "
                "no server: links travel through your usual chat."
            </p>
            <form class="create-workshop" on:submit=create novalidate>
                <h2>"New workshop"</h2>
                <label for="workshop-name">"Name"</label>
                <input
                    id="workshop-name"
                    type="text"
                    maxlength=report::LABEL_MAX
                    aria-describedby="workshop-name-error"
                    prop:value=move || name.get()
                    on:input=move |ev| { name.set(event_target_value(&ev)); missing.set(false); }
                />
                <p id="workshop-name-error" class="field-error" role="alert">
                    {move || missing.get().then_some("Give the workshop a name, so participants know where their result goes.")}
                </p>
                <label for="workshop-note">"Scope (optional)"</label>
                <input
                    id="workshop-note"
                    type="text"
                    maxlength=report::LABEL_MAX
                    placeholder="For example: one platform, or all platform teams"
                    prop:value=move || note.get()
                    on:input=move |ev| note.set(event_target_value(&ev))
                />
                <button type="submit" class="primary">"Create workshop"</button>
            </form>
            <h2>"Your workshops"</h2>
            {move || (store.workshops.with(Vec::is_empty) && store.workshops_unreadable.with(Vec::is_empty)).then(|| view! { <p>"None yet."</p> })}
            <ul class="history-list">
                {move || store.workshops.get().into_iter().map(|w| {
                    let id = w.id.clone();
                    view! {
                        <li class="history-item">
                            <p class="history-select">{w.name.clone()}</p>
                            <p class="history-summary">
                                {format!("{} \u{b7} {} participant(s)", report::date_text(w.created), w.payloads.len())}
                            </p>
                            <button type="button" class="secondary small" on:click=move |_| on_open.run(id.clone())>
                                "Open " <span class="visually-hidden">{w.name.clone()}</span>
                            </button>
                        </li>
                    }
                }).collect_view()}
                // Issue 18: a workshop this build cannot read is listed, with a way forward.
                {move || store.workshops_unreadable.get().into_iter().map(|text| {
                    let download = {
                        let text = text.clone();
                        move |_| {
                            let name = format!("stagefit-unreadable-workshop-{}.json", report::date_text(storage::now()));
                            let _ = storage::download(&name, &text, "application/json");
                        }
                    };
                    view! {
                        <li class="history-item" data-testid="unreadable-workshop">
                            <p class="history-select">"A saved workshop that cannot be read"</p>
                            <p class="history-summary">
                                "It is damaged or from a newer version of Stagefit (reload the page to update). It is kept unchanged: download it to keep a copy, or remove it."
                            </p>
                            <button type="button" class="secondary small" on:click=download>"Download it"</button>
                            " "
                            <button type="button" class="secondary small" on:click=move |_| store.remove_unreadable_workshop(&text)>"Remove it"</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

/// One workshop: invite, gather, aggregate.
#[component]
pub fn WorkshopView(store: Store, id: String, on_back: Callback<()>) -> impl IntoView {
    let id = StoredValue::new(id);
    let current = Memo::new(move |_| {
        store
            .workshops
            .with(|list| list.iter().find(|w| id.with_value(|i| &w.id == i)).cloned())
    });
    let people = Memo::new(move |_| {
        current.with(|w| {
            w.as_ref()
                .map(|w| workshop::participants(&BANK, w))
                .unwrap_or_default()
        })
    });
    let aggregate = Memo::new(move |_| people.with(|p| workshop::aggregate(&BANK, p)));
    let pasted = RwSignal::new(String::new());
    let report_line = RwSignal::new(String::new());
    let presenting = RwSignal::new(false);
    let confirm_delete = RwSignal::new(false);

    let add = move |_| {
        let text = pasted.get_untracked();
        let mut outcome = None;
        store.update_workshops(|list| {
            if let Some(w) = list.iter_mut().find(|w| id.with_value(|i| &w.id == i)) {
                outcome = Some(workshop::gather(&BANK, w, &text));
            }
        });
        if let Some(r) = outcome {
            report_line.set(format!("{r}."));
            if r.added > 0 || r.duplicates > 0 {
                pasted.set(String::new());
            }
        }
    };
    let import = move |ev: leptos::ev::Event| {
        leptos::task::spawn_local(async move {
            let text = storage::chosen_file_text(ev).await.unwrap_or_default();
            // A history export or a single assessment becomes result links; a chat export is
            // searched for links like pasted text.
            let text = match snapshot::decode_import(&BANK, &text) {
                Ok((list, _)) => list
                    .iter()
                    .map(|s| format!("#r={} ", link::encode(&BANK, &s.answers, &s.label)))
                    .collect::<String>(),
                Err(_) => text,
            };
            pasted.set(text);
            add(());
        });
    };
    let remove = move |payload: String| {
        store.update_workshops(|list| {
            if let Some(w) = list.iter_mut().find(|w| id.with_value(|i| &w.id == i)) {
                w.payloads.retain(|p| p != &payload);
            }
        });
        report_line.set("Participant removed.".to_string());
    };
    let join_url = Memo::new(move |_| {
        current.with(|w| {
            w.as_ref()
                .map(|w| {
                    format!(
                        "{}#{}",
                        platform::page_url(),
                        workshop::join_fragment(&w.id, &w.name)
                    )
                })
                .unwrap_or_default()
        })
    });
    let export_json = move |_| {
        if let Some(w) = current.get_untracked() {
            let name = format!("stagefit-workshop-{}.json", report::date_text(w.created));
            let _ = storage::download(
                &name,
                &workshop::encode_workshops(std::slice::from_ref(&w)),
                "application/json",
            );
        }
    };
    let export_md = move |_| {
        if let Some(w) = current.get_untracked() {
            let md =
                aggregate.with_untracked(|a| workshop::markdown(&BANK, &w, a, &platform::today()));
            let name = format!("stagefit-workshop-{}.md", report::date_text(w.created));
            if storage::download(&name, &md, "text/markdown").is_err() {
                store.notify(Notice::NotSaved(
                    "The browser refused the download.".to_string(),
                ));
            }
        }
    };
    let delete = move |_| {
        store.update_workshops(|list| list.retain(|w| id.with_value(|i| &w.id != i)));
        on_back.run(());
    };

    move || {
        let Some(w) = current.get() else {
            return view! {
                <section aria-labelledby="workshop-heading">
                    <h1 id="workshop-heading" tabindex="-1">"Workshop not found"</h1>
                    <p>"This workshop is not saved in this browser (it may have been deleted in another tab)."</p>
                    <button type="button" class="secondary" on:click=move |_| on_back.run(())>"All workshops"</button>
                </section>
            }
            .into_any();
        };
        view! {
            <section class="workshop" aria-labelledby="workshop-heading">
                <h1 id="workshop-heading" tabindex="-1">{w.name.clone()}</h1>
                {(!w.note.is_empty()).then(|| view! { <p class="lead">{w.note.clone()}</p> })}
                <div class="presenter" class:presenting=move || presenting.get()>
                    <h2>"Invite the room"</h2>
                    <p class="presenter-name">{format!("Join \u{201c}{}\u{201d}", w.name)}</p>
                    <p>"Scan the code or open the link on your phone, answer, then send your result link to the chat."</p>
                    {move || qr(&join_url.get()).map(|code| view! {
                        <svg class="qr qr-large" viewBox=format!("0 0 {} {}", code.size, code.size) role="img"
                            aria-label="QR code of the join link" shape-rendering="crispEdges">
                            <rect width="100%" height="100%" fill="#fff" />
                            <path d=code.path fill="#000" />
                        </svg>
                    })}
                    <label for="join-link">"Join link"</label>
                    <input id="join-link" class="join-link" type="text" readonly prop:value=move || join_url.get() />
                    <button type="button" class="secondary no-print" on:click=move |_| presenting.update(|p| *p = !*p)>
                        {move || if presenting.get() { "Close the room view" } else { "Show for the room" }}
                    </button>
                </div>
                <h2>"Gather results"</h2>
                <label for="workshop-input">"Paste participants' result links (a whole chat transcript works)"</label>
                <textarea id="workshop-input" data-testid="workshop-input" rows="5"
                    prop:value=move || pasted.get() on:input=move |ev| pasted.set(event_target_value(&ev))></textarea>
                <div class="actions">
                    <button type="button" class="primary" on:click=move |_| add(())>"Add results"</button>
                    <label class="file-button secondary">
                        "Import exported files"
                        <input type="file" accept=".json,.txt,application/json,text/plain" class="visually-hidden" on:change=import />
                    </label>
                </div>
                <p class="copy-status" role="status">{move || report_line.get()}</p>
                <p class="participant-count" data-testid="participant-count">
                    {move || match aggregate.with(|a| a.n_participants) {
                        1 => "1 participant".to_string(),
                        n => format!("{n} participants"),
                    }}
                </p>
                <Participants people on_remove=Callback::new(remove) />
                <RoomView aggregate />
                <div class="actions no-print">
                    <button type="button" class="secondary" on:click=export_json>"Export workshop (JSON)"</button>
                    <button type="button" class="secondary" on:click=export_md>"Export summary (Markdown)"</button>
                    <button type="button" class="secondary" on:click=move |_| platform::print()>"Print"</button>
                    <button type="button" class="secondary" on:click=move |_| on_back.run(())>"All workshops"</button>
                </div>
                <div class="danger-zone no-print">
                    {move || if confirm_delete.get() {
                        view! {
                            <p><strong>"Delete this workshop and its gathered results from this browser?"</strong></p>
                            <button type="button" class="danger" on:click=delete>"Yes, delete the workshop"</button>
                            " "
                            <button type="button" class="secondary" on:click=move |_| confirm_delete.set(false)>"Cancel"</button>
                        }.into_any()
                    } else {
                        view! { <button type="button" class="danger" on:click=move |_| confirm_delete.set(true)>"Delete workshop\u{2026}"</button> }.into_any()
                    }}
                </div>
            </section>
        }
        .into_any()
    }
}

#[component]
fn Participants(
    people: Memo<Vec<workshop::Participant>>,
    on_remove: Callback<String>,
) -> impl IntoView {
    view! {
        <details class="participants">
            <summary>"Participants"</summary>
            <ul>
                // Keyed by place and payload: an anonymous participant's name is their place in
                // the list, so rows after a removed one are drawn anew; the rows before it stay.
                <For
                    each=move || people.get().into_iter().enumerate()
                    key=|(i, p)| (*i, p.payload.clone())
                    children=move |(i, p)| {
                        let name = if p.shared.label.is_empty() { format!("Anonymous participant {}", i + 1) } else { p.shared.label.clone() };
                        let score = p.assessment.score.map_or("not scored".to_string(), |s| format!("{s}"));
                        let payload = p.payload.clone();
                        view! {
                            <li>
                                <bdi>{name.clone()}</bdi>
                                {format!(": {}, stage fit {score} ", explain::stage_phrase(&p.assessment.stage))}
                                <button type="button" class="link-button small" on:click=move |_| on_remove.run(payload.clone())>
                                    "Remove " <span class="visually-hidden">{name.clone()}</span>
                                </button>
                            </li>
                        }
                    }
                />
            </ul>
        </details>
    }
}

/// The room at a glance: stages, the spread per area, the group's result, discussion prompts.
#[component]
fn RoomView(aggregate: Memo<workshop::Aggregate>) -> impl IntoView {
    move || {
        let a = aggregate.get();
        if a.n_participants == 0 {
            return view! { <p>"No results yet. Paste the room's links above."</p> }.into_any();
        }
        let plot = chart::spread_plot(&BANK, &a);
        let stage_items = (0..3)
            .map(|i| {
                let stage = workshop::stage_at(i);
                view! { <li>{format!("{stage}: {}", a.stages[i])}</li> }
            })
            .collect_view();
        let median_score = a
            .median
            .score
            .map_or("not scored".to_string(), |s| format!("{s} out of 100"));
        let disagreement: Vec<String> = a
            .by_disagreement
            .iter()
            .take(5)
            .map(|&d| {
                let s = &a.spreads[d];
                format!(
                    "{}: levels from {} to {}, {} ahead, {} behind, {} fit",
                    BANK.dimensions[d].name,
                    s.levels.first().map_or("?".to_string(), |l| tenths(*l)),
                    s.levels.last().map_or("?".to_string(), |l| tenths(*l)),
                    s.over,
                    s.under,
                    s.fit
                )
            })
            .collect();
        view! {
            <div class="room">
                <h2>"Stages the room sees"</h2>
                <ul class="stage-counts">{stage_items}</ul>
                <h2>"The group's result"</h2>
                <p>{format!("Taking the median answer to every question: {}, stage fit {median_score}.", explain::stage_phrase(&a.median.stage))}</p>
                <ol>
                    {a.median.priorities.iter().map(|p| view! {
                        <li>{format!("{}: {}", p.kind.label(), BANK.dimensions[p.dimension].name)}</li>
                    }).collect_view()}
                </ol>
                <figure class="chart">
                    <figcaption id="spread-title">"Where each person places the platform, by area (most disagreement first)"</figcaption>
                    <svg class="spread" viewBox=plot.view_box role="img" aria-labelledby="spread-title" aria-describedby="spread-desc">
                        <desc id="spread-desc">{format!("Dot plot of {} participants' levels from 0 to 4 per area. Largest disagreement: {}. The table below lists every value.", a.n_participants, disagreement.first().cloned().unwrap_or_default())}</desc>
                        {plot.ticks.into_iter().map(|(x, l)| view! {
                            <text class="axis-label" x=x y=plot.axis_y.clone() text-anchor="middle">{l}</text>
                        }).collect_view()}
                        {plot.rows.into_iter().map(|r| view! {
                            <text class="row-label" x="0" y=r.text_y>{r.label}</text>
                            {r.median_x.map(|m| view! { <line class="median" x1=m.clone() x2=m y1=r.tick_top y2=r.tick_bottom /> })}
                            {r.dots.into_iter().map(|(x, radius, n)| view! {
                                <circle class="dot" cx=x cy=r.center_y.clone() r=radius><title>{format!("{n} people")}</title></circle>
                            }).collect_view()}
                        }).collect_view()}
                    </svg>
                </figure>
                <details class="chart-data">
                    <summary>"Show the spread as a table"</summary>
                    <div class="table-scroll">
                        <table>
                            <caption>"Levels per area across the room"</caption>
                            <thead><tr>
                                <th scope="col">"Area"</th><th scope="col">"Answered"</th><th scope="col">"Lowest"</th>
                                <th scope="col">"Median"</th><th scope="col">"Highest"</th><th scope="col">"Spread"</th>
                                <th scope="col">"Ahead / behind / fit"</th>
                            </tr></thead>
                            <tbody>
                                {a.by_disagreement.iter().map(|&d| {
                                    let s = &a.spreads[d];
                                    let f = |v: Option<&f32>| v.map_or("\u{2014}".to_string(), |l| tenths(*l));
                                    view! {
                                        <tr>
                                            <th scope="row">{BANK.dimensions[d].name}</th>
                                            <td>{s.levels.len()}</td>
                                            <td>{f(s.levels.first())}</td>
                                            <td>{f(s.median.as_ref())}</td>
                                            <td>{f(s.levels.last())}</td>
                                            <td>{format!("{:.2}", s.deviation)}</td>
                                            <td>{format!("{} / {} / {}", s.over, s.under, s.fit)}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                </details>
                <h2>"Where the room disagrees most"</h2>
                <ol>{disagreement.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ol>
                <h2>"Questions to discuss"</h2>
                <p>"The room answered these most differently. Ask people on each side why."</p>
                <ul class="prompts">
                    {a.divergent.iter().map(|d| {
                        let q = &BANK.questions[d.question];
                        let spread: Vec<String> = q.options.iter().zip(&d.counts).filter(|(_, n)| **n > 0)
                            .map(|(o, n)| format!("{n} \u{d7} \u{201c}{}\u{201d}", o.label)).collect();
                        view! { <li><strong>{q.prompt}</strong> " " {spread.join("; ")}</li> }
                    }).collect_view()}
                </ul>
                <p class="summary">"The group's result takes each question's middle answer; stage overrides are left out."</p>
            </div>
        }
        .into_any()
    }
}
