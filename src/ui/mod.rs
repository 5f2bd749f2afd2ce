//! The Leptos UI: components that hold the ground state (the answers, the label, the current
//! view) in signals and render what the core derives from it.
//!
//! Components never compute a score, a stage or a finding themselves; they call
//! `stagefit_core` through `Memo`s. Browser APIs go through `crate::platform`; saved data
//! goes through `store::Store`. One `Effect` saves the ground state as it changes.

mod charts;
mod history;
mod how;
mod landing;
mod notices;
mod questionnaire;
mod results;
mod store;
mod workshop;

use leptos::prelude::*;

use crate::platform::{self, storage};
use stagefit_core::link::{self, LinkNotes};
use stagefit_core::snapshot::{Draft, Snapshot};
use stagefit_core::workshop as workshop_core;
use stagefit_core::{Answers, BANK, assess, report};

pub use history::{Compare, History};
pub use how::HowScoring;
pub use landing::Landing;
pub use questionnaire::Questionnaire;
pub use results::Results;
pub use store::{Notice, Store};
pub use workshop::{WorkshopView, Workshops};

/// Which view the app shows.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Screen {
    Landing,
    Questionnaire,
    Results,
    History,
    /// Two saved assessments side by side, by id.
    Compare(String, String),
    /// The "how scoring works" page.
    HowScoring,
    /// Someone else's result, opened from a share link: read-only until saved.
    Shared(LinkNotes),
    /// A share link or workshop invitation that could not be read: what to tell the person.
    BadLink(String),
    /// The workshops this browser facilitates.
    Workshops,
    /// One workshop, by id.
    Workshop(String),
}

/// The identity of the assessment on screen: saved under this id, created at this time.
#[derive(Clone, Debug, PartialEq)]
struct Identity {
    id: String,
    created: f64,
}

impl Identity {
    fn new() -> Identity {
        let created = storage::now();
        Identity {
            id: storage::new_id(created),
            created,
        }
    }
}

/// The whole app: navigation, notices about saved data, and the current view.
#[component]
pub fn App() -> impl IntoView {
    let store = Store::load();
    let screen = RwSignal::new(Screen::Landing);
    let answers = RwSignal::new(Answers::new(&BANK));
    let step = RwSignal::new(0_usize);
    let label = RwSignal::new(String::new());
    let identity = RwSignal::new(Identity::new());
    let assessment = Memo::new(move |_| answers.with(|a| assess(&BANK, a)));
    // The workshop this person was invited to through a join link: (id, name).
    let joining = RwSignal::new(None::<(String, String)>);

    let go = move |to: Screen, focus: &'static str| {
        screen.set(to);
        platform::focus_after_render(focus);
    };
    let load = move |s: Snapshot| {
        answers.set(s.answers);
        label.set(s.label);
        identity.set(Identity {
            id: s.id,
            created: s.created,
        });
    };
    // Starts afresh, discarding any unfinished assessment: only the landing view calls this
    // directly, after asking; everywhere else goes through `start` below.
    let begin_new = Callback::new(move |()| {
        store.clear_draft();
        answers.set(Answers::new(&BANK));
        label.set(String::new());
        identity.set(Identity::new());
        step.set(0);
        go(Screen::Questionnaire, "step-heading");
    });
    let resume = Callback::new(move |()| {
        if let Some(draft) = store.draft.get_untracked() {
            step.set(draft.step);
            load(draft.snapshot);
        }
        go(Screen::Questionnaire, "step-heading");
    });
    let finish = Callback::new(move |()| go(Screen::Results, "results-heading"));
    let leave = Callback::new(move |()| go(Screen::Landing, "landing-heading"));
    let edit = Callback::new(move |()| go(Screen::Questionnaire, "step-heading"));
    let open = Callback::new(move |s: Snapshot| {
        load(s);
        step.set(0);
        go(Screen::Results, "results-heading");
    });
    let compare =
        Callback::new(move |(a, b): (String, String)| go(Screen::Compare(a, b), "compare-heading"));
    // "How scoring works" returns to whichever view opened it, shared results included.
    let before_how = RwSignal::new(Screen::Landing);
    let how = Callback::new(move |()| {
        before_how.set(screen.get_untracked());
        go(Screen::HowScoring, "how-heading");
    });
    let how_back = Callback::new(move |()| {
        let back = before_how.get_untracked();
        let focus = match back {
            Screen::Results | Screen::Shared(_) => "results-heading",
            _ => "landing-heading",
        };
        go(back, focus);
    });
    let to_history = Callback::new(move |()| go(Screen::History, "history-heading"));
    let to_workshops = Callback::new(move |()| go(Screen::Workshops, "workshops-heading"));
    let open_workshop =
        Callback::new(move |id: String| go(Screen::Workshop(id), "workshop-heading"));
    // A share link in the fragment opens that result read-only; anything else in the URL is
    // ignored and the app opens as usual.
    let open_fragment = move |fragment: String| {
        if let Some(invite) = workshop_core::parse_join(&fragment) {
            joining.set(Some(invite));
            platform::clear_fragment();
            go(Screen::Landing, "landing-heading");
            return;
        }
        if workshop_core::looks_like_join(&fragment) {
            go(
                Screen::BadLink(
                    "This workshop invitation is incomplete or damaged, so Stagefit cannot tell which workshop it is for.".to_string(),
                ),
                "bad-link-heading",
            );
            return;
        }
        let Some(payload) = link::payload_in_fragment(&fragment) else {
            return;
        };
        // A result sent to a workshop carries "&w=ID" after the payload.
        let payload = payload.split('&').next().unwrap_or(payload);
        match link::decode(&BANK, payload) {
            Ok((shared, notes)) => {
                answers.set(shared.answers);
                label.set(shared.label);
                identity.set(Identity::new());
                go(Screen::Shared(notes), "results-heading");
            }
            Err(error) => go(
                Screen::BadLink(format!(
                    "Stagefit could not read the result in this link: {error}."
                )),
                "bad-link-heading",
            ),
        }
    };
    open_fragment(platform::fragment());
    let listener = platform::on_fragment_change(open_fragment);
    on_cleanup(move || listener.remove());
    let save_shared = Callback::new(move |()| {
        platform::clear_fragment();
        identity.set(Identity::new());
        go(Screen::Results, "results-heading");
    });
    // "Start" from anywhere but the landing view: with an unfinished assessment saved, go to the
    // landing view, which offers to resume it or (after asking) to discard it; never drop it here.
    let start = Callback::new(move |()| {
        platform::clear_fragment();
        if store.draft.with_untracked(Option::is_some) && screen.get_untracked() != Screen::Landing
        {
            go(Screen::Landing, "landing-heading");
        } else {
            begin_new.run(());
        }
    });

    // Saves the ground state as it changes: the questionnaire keeps a draft to resume; a
    // finished assessment (on the results view) is kept in the history.
    Effect::new(move |_| {
        let snapshot = Snapshot {
            id: identity.with(|i| i.id.clone()),
            // As typed, the label may still hold stray spaces or controls: keep it clean.
            label: report::clean_label(&label.get()),
            answers: answers.get(),
            created: identity.with(|i| i.created),
            updated: storage::now(),
        };
        let step = step.get();
        match screen.get() {
            Screen::Questionnaire if snapshot.answers.iter().any(|a| a.is_given()) => {
                let draft = Draft { snapshot, step };
                store.save_draft(&draft);
                store.draft.set(Some(draft));
            }
            Screen::Results => {
                // Finishing the unfinished assessment ends its draft; viewing another result
                // leaves the draft alone.
                if store
                    .draft
                    .with_untracked(|d| d.as_ref().is_some_and(|d| d.snapshot.id == snapshot.id))
                {
                    store.clear_draft();
                }
                let unchanged = store.history.with_untracked(|h| {
                    h.iter().any(|s| {
                        s.id == snapshot.id
                            && s.answers == snapshot.answers
                            && s.label == snapshot.label
                    })
                });
                if !unchanged {
                    store.upsert(snapshot);
                }
            }
            _ => {}
        }
    });
    // Another tab moved the same unfinished assessment on: show its answers here too.
    Effect::new(move |_| {
        if let Some(draft) = store.draft.get()
            && screen.get_untracked() == Screen::Questionnaire
            && identity.with_untracked(|i| i.id == draft.snapshot.id)
            && answers.with_untracked(|a| a != &draft.snapshot.answers)
        {
            answers.set(draft.snapshot.answers);
            label.set(draft.snapshot.label);
        }
    });

    let nav_current = move |which: &'static str| {
        let on = match screen.get() {
            Screen::History | Screen::Compare(..) => which == "history",
            Screen::Workshops | Screen::Workshop(_) => which == "workshop",
            _ => which == "assessment",
        };
        if on { Some("page") } else { None }
    };

    view! {
        <header class="site-header">
            <p class="brand">"Stagefit"</p>
            <nav aria-label="Main">
                <button type="button" class="nav-link" aria-current=move || nav_current("assessment") on:click=move |_| leave.run(())>
                    "Assessment"
                </button>
                <button type="button" class="nav-link" aria-current=move || nav_current("history") on:click=move |_| to_history.run(())>
                    "History"
                </button>
                <button type="button" class="nav-link" aria-current=move || nav_current("workshop") on:click=move |_| to_workshops.run(())>
                    "Workshop"
                </button>
            </nav>
        </header>
        <notices::Notices store />
        <main id="main">
            {move || match screen.get() {
                Screen::Landing => {
                    view! { <Landing store joining on_start=begin_new on_resume=resume on_how=how /> }.into_any()
                }
                Screen::HowScoring => view! { <HowScoring on_back=how_back /> }.into_any(),
                Screen::Questionnaire => {
                    view! { <Questionnaire answers step on_finish=finish on_leave=leave /> }.into_any()
                }
                screen @ (Screen::Results | Screen::Shared(_)) => {
                    // A shared result is someone else's: read-only, and not sent to a workshop.
                    let (shared, joining) = match screen {
                        Screen::Shared(notes) => (Some(notes), RwSignal::new(None)),
                        _ => (None, joining),
                    };
                    view! {
                        <Results
                            assessment
                            answers
                            label
                            on_edit=edit
                            on_restart=start
                            on_how=how
                            shared
                            joining
                            on_save_shared=save_shared
                            on_change_answer=Callback::new(move |_q: usize| edit.run(()))
                        />
                    }
                        .into_any()
                }
                Screen::History => view! { <History store on_open=open on_compare=compare on_start=start /> }.into_any(),
                Screen::Compare(a, b) => view! { <Compare store a b on_back=to_history /> }.into_any(),
                Screen::Workshops => view! { <Workshops store on_open=open_workshop /> }.into_any(),
                Screen::Workshop(id) => view! { <WorkshopView store id on_back=to_workshops /> }.into_any(),
                Screen::BadLink(reason) => {
                    view! {
                        <section class="bad-link" aria-labelledby="bad-link-heading">
                            <h1 id="bad-link-heading" tabindex="-1">"This link could not be opened"</h1>
                            <p>{reason}</p>
                            <p>"Ask for the link again, or start an assessment of your own. Nothing saved in this browser was changed."</p>
                            <button type="button" class="primary" on:click=move |_| start.run(())>"Start my own assessment"</button>
                        </section>
                    }
                        .into_any()
                }
            }}
        </main>
        <footer class="site-footer">
            <p>"Stagefit runs entirely in your browser. Nothing you enter is sent anywhere; your answers are saved only in this browser."</p>
        </footer>
    }
}

/// Mounts the app on the page; called once by `main`.
pub fn start() {
    platform::remove_loading_notice();
    leptos::mount::mount_to_body(App);
}
