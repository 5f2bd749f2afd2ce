//! The app shell: components that hold the ground state (the answers, the label, the current
//! view) in signals and render what the core derives from it.
//!
//! Components never compute a score, a stage or a finding themselves; they call
//! `stagefit_core` through `Memo`s. Browser APIs go through `crate::platform`; saved data
//! goes through `store::Store`. One `Effect` saves the ground state as it changes.

pub mod takeover;

use leptos::prelude::*;

use crate::i18n::use_i18n;
use crate::platform::{self, storage};
use crate::ui::state::Store;
use crate::ui::text::{bank as bank_text, lang, messages, results as result_text};
use crate::ui::views::assess::questionnaire::answer_input;
use crate::ui::views::assess::{Landing, Questionnaire, Review};
use crate::ui::views::history::{Compare, History};
use crate::ui::views::how::HowScoring;
use crate::ui::views::notices;
use crate::ui::views::results::Results;
use crate::ui::views::workshop::{self, Present, WorkshopView, Workshops};
use stagefit_core::link::{self, LinkNotes};
use stagefit_core::route::{self, Route};
use stagefit_core::snapshot::{Draft, Snapshot};
use stagefit_core::{Answers, BANK, assess, report, step_of, steps};

use takeover::Later;
pub use takeover::take_over;

/// Which view the app shows: what the address names, once read (a share link decoded, an
/// assessment found in the history).
#[derive(Clone, Debug, PartialEq, Eq)]
enum Screen {
    /// The introduction, with the first step (or the offer to resume an unfinished assessment).
    Landing,
    Questionnaire,
    Review,
    Results,
    /// Someone else's result, opened from a share link: read-only until saved.
    Shared(LinkNotes),
    History,
    /// Two saved assessments side by side, by id.
    Compare(String, String),
    /// The "how scoring works" page.
    HowScoring,
    /// A link that could not be opened, and why.
    BadLink(BadLink),
    /// The workshops this browser facilitates.
    Workshops,
    /// One workshop, by id.
    Workshop(String),
    /// "Present results" of a workshop, by id; the slide is the `slide` signal, so moving
    /// between slides does not draw the presentation anew.
    Present(String),
}

impl Screen {
    /// The id of the view's heading, where focus goes when the view is opened by an address.
    fn heading(&self) -> &'static str {
        match self {
            Screen::Landing => "landing-heading",
            Screen::Questionnaire => "step-heading",
            Screen::Review => "review-heading",
            Screen::Results | Screen::Shared(_) => "results-heading",
            Screen::History => "history-heading",
            Screen::Compare(..) => "compare-heading",
            Screen::HowScoring => "how-heading",
            Screen::BadLink(_) => "bad-link-heading",
            Screen::Workshops => "workshops-heading",
            Screen::Workshop(_) => "workshop-heading",
            Screen::Present(_) => "present-heading",
        }
    }
}

/// Why an address could not be opened: said on the view, in the language in use.
#[derive(Clone, Debug, PartialEq, Eq)]
enum BadLink {
    /// It names an assessment this browser has not saved.
    NotSaved,
    /// A share link that could not be read.
    Unreadable(link::LinkError),
    /// A workshop invitation that does not say which workshop.
    BadJoin,
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

/// The whole app: navigation, notices about saved data, and the current view. `early` holds the
/// answers given on the prerendered page before the app started (none in tests); the takeover
/// sets it again with any given while the app was being drawn.
#[component]
pub fn App(#[prop(optional)] early: Option<RwSignal<Answers>>) -> impl IntoView {
    let store = Store::load();
    // A workshop's participants, read once and shared by its view and "Present results".
    provide_context(workshop::RoomCache::new());
    let screen = RwSignal::new(Screen::Landing);
    let answers = early.unwrap_or_else(|| RwSignal::new(Answers::new(&BANK)));
    let step = RwSignal::new(0_usize);
    let label = RwSignal::new(String::new());
    let identity = RwSignal::new(Identity::new());
    let assessment = Memo::new(move |_| answers.with(|a| assess(&BANK, a)));
    // Someone else's result, from a share link: kept apart from the person's own answers, so
    // Back from it returns to their own assessment unchanged.
    let shared_answers = RwSignal::new(Answers::new(&BANK));
    let shared_label = RwSignal::new(String::new());
    let shared_assessment = Memo::new(move |_| shared_answers.with(|a| assess(&BANK, a)));
    // The workshop this person was invited to through a join link: (id, name).
    let joining = RwSignal::new(None::<(String, String)>);
    // The slide "Present results" shows, counted from 0.
    let slide = RwSignal::new(0_usize);
    let plans = StoredValue::new(steps(&BANK));
    let last_step = plans.with_value(|p| p.len().saturating_sub(1));

    // Where focus goes on a step: its first question's answer (arrow keys then move within the
    // question, digits choose, Tab goes on).
    let focus_on_step = move |n: usize| {
        plans
            .with_value(|p| p.get(n).and_then(|plan| plan.questions.first().copied()))
            .map_or_else(|| "step-heading".to_string(), |q| answer_input(answers, q))
    };
    // Whether this page has moved between views itself, so the browser's Back stays in the app.
    let moved_in_app = StoredValue::new(false);
    let load = move |s: Snapshot| {
        answers.set(s.answers);
        label.set(s.label);
        identity.set(Identity {
            id: s.id,
            created: s.created,
        });
    };
    // The questionnaire and review work on the person's own assessment. Opened by an address
    // (a reload, Back into them) with nothing answered yet, they take up the unfinished one.
    let take_up_draft = move || {
        if answers.with_untracked(|a| !a.iter().any(|a| a.is_given()))
            && let Some(draft) = store.draft.get_untracked()
            && identity.with_untracked(|i| i.id != draft.snapshot.id)
        {
            load(draft.snapshot);
        }
    };

    // The one place an address becomes a view: reads `route`, prepares the state it needs, and
    // says which view to show.
    let show = move |route: Route| -> Screen {
        match route {
            Route::Start => {
                step.set(0);
                Screen::Landing
            }
            Route::Step(n) => {
                take_up_draft();
                step.set(n.min(last_step));
                if n == 0 {
                    Screen::Landing
                } else {
                    Screen::Questionnaire
                }
            }
            Route::Review => {
                take_up_draft();
                Screen::Review
            }
            Route::Results(id) => {
                if identity.with_untracked(|i| i.id != id) {
                    let saved = store.find(&id).or_else(|| {
                        store
                            .draft
                            .get_untracked()
                            .map(|d| d.snapshot)
                            .filter(|s| s.id == id)
                    });
                    match saved {
                        Some(s) => load(s),
                        None => return Screen::BadLink(BadLink::NotSaved),
                    }
                }
                Screen::Results
            }
            Route::History => Screen::History,
            Route::Compare(a, b) => Screen::Compare(a, b),
            Route::Workshops => Screen::Workshops,
            Route::Workshop(id) => Screen::Workshop(id),
            Route::Present(id, n) => {
                slide.set(n);
                Screen::Present(id)
            }
            Route::How => Screen::HowScoring,
            Route::Shared { payload, .. } => match link::decode(&BANK, &payload) {
                Ok((shared, notes)) => {
                    shared_answers.set(shared.answers);
                    shared_label.set(shared.label);
                    Screen::Shared(notes)
                }
                Err(error) => Screen::BadLink(BadLink::Unreadable(error)),
            },
            Route::Join { id, name } => {
                joining.set(Some((id, name)));
                // The invitation is read: the address becomes the start, so a reload does not
                // join again and Back does not return to it.
                platform::replace_fragment(&route::fragment(&Route::Start));
                step.set(0);
                Screen::Landing
            }
            Route::BadJoin => Screen::BadLink(BadLink::BadJoin),
        }
    };
    // Shows a view. Another slide of the same presentation is the same view: only `slide`
    // changes, so the presentation is not drawn anew.
    let set_screen = move |to: Screen| {
        if !(matches!(to, Screen::Present(_)) && screen.with_untracked(|s| s == &to)) {
            screen.set(to);
        }
    };
    // Goes to `route` as a new entry in the browser's history, then moves focus to `focus` (or
    // to the view's heading).
    let navigate = move |route: Route, focus: Option<String>| {
        let fragment = route::fragment(&route);
        if fragment != platform::fragment() {
            platform::push_fragment(&fragment);
            moved_in_app.set_value(true);
        }
        let to = show(route);
        let focus = focus.unwrap_or_else(|| to.heading().to_string());
        set_screen(to);
        platform::focus_after_render(focus);
    };
    // Opened by an address: at start, and on Back, Forward or a link pasted into the address bar.
    let open_address = move |fragment: String| {
        let to = show(route::parse(&fragment));
        let focus = to.heading();
        set_screen(to);
        platform::focus_after_render(focus);
    };
    screen.set(show(route::parse(&platform::fragment())));
    let listener = platform::on_fragment_change(open_address);
    on_cleanup(move || listener.remove());

    // Starts afresh, discarding any unfinished assessment: only the landing view calls this
    // directly, after asking; everywhere else goes through `start` below.
    let begin_new = Callback::new(move |()| {
        store.clear_draft();
        answers.set(Answers::new(&BANK));
        label.set(String::new());
        identity.set(Identity::new());
        navigate(Route::Start, None);
    });
    // "Start" from anywhere. A finished assessment on screen is left as it is saved: the start
    // is a fresh, empty one. An unfinished one saved is never dropped here: the landing view
    // offers to resume it or (after asking) to discard it.
    let start = Callback::new(move |()| {
        let finished = identity.with_untracked(|i| store.find(&i.id).is_some());
        if finished {
            answers.set(Answers::new(&BANK));
            label.set(String::new());
            identity.set(Identity::new());
        }
        navigate(Route::Start, None);
    });
    let resume = Callback::new(move |()| {
        if let Some(draft) = store.draft.get_untracked() {
            let to = draft.step.min(last_step);
            load(draft.snapshot);
            navigate(Route::Step(to), Some(focus_on_step(to)));
        }
    });
    let go_step = Callback::new(move |n: usize| {
        navigate(Route::Step(n), Some(focus_on_step(n)));
    });
    let finish = Callback::new(move |()| {
        let id = identity.with_untracked(|i| i.id.clone());
        navigate(Route::Results(id), None);
    });
    let review = Callback::new(move |()| navigate(Route::Review, None));
    // Opens the step that asks `question`, with focus on its answer: from the review or the
    // results, one answer is changed and "See results" is one action away.
    let change_answer = Callback::new(move |question: usize| {
        let to = plans.with_value(|p| step_of(p, question)).unwrap_or(0);
        navigate(Route::Step(to), Some(answer_input(answers, question)));
    });
    let open = Callback::new(move |s: Snapshot| {
        let id = s.id.clone();
        load(s);
        navigate(Route::Results(id), None);
    });
    let compare =
        Callback::new(move |(a, b): (String, String)| navigate(Route::Compare(a, b), None));
    // "How scoring works" returns to whichever view opened it, through the browser's history.
    let how = Callback::new(move |()| navigate(Route::How, None));
    let how_back = Callback::new(move |()| {
        if moved_in_app.get_value() {
            platform::go_back();
        } else {
            navigate(Route::Start, None);
        }
    });
    let to_history = Callback::new(move |()| navigate(Route::History, None));
    let to_workshops = Callback::new(move |()| navigate(Route::Workshops, None));
    let open_workshop = Callback::new(move |id: String| navigate(Route::Workshop(id), None));
    let present_at =
        Callback::new(move |(id, n): (String, usize)| navigate(Route::Present(id, n), None));
    let save_shared = Callback::new(move |()| {
        answers.set(shared_answers.get_untracked());
        label.set(shared_label.get_untracked());
        identity.set(Identity::new());
        finish.run(());
    });

    // The landing view offers to resume an unfinished assessment that is not the one on screen.
    // A memo, so saving the draft on every answer does not redraw the landing view's step.
    let offer_resume = Memo::new(move |_| {
        store.draft.with(|d| {
            d.as_ref()
                .is_some_and(|d| identity.with(|i| i.id != d.snapshot.id))
        })
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
            // Never while the landing view offers to resume another: that draft is kept.
            Screen::Landing | Screen::Questionnaire | Screen::Review
                if snapshot.answers.iter().any(|a| a.is_given()) && !offer_resume.get() =>
            {
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
                let unchanged = store
                    .find(&snapshot.id)
                    .is_some_and(|s| s.answers == snapshot.answers && s.label == snapshot.label);
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
            && matches!(
                screen.get_untracked(),
                Screen::Landing | Screen::Questionnaire | Screen::Review
            )
            && identity.with_untracked(|i| i.id == draft.snapshot.id)
            && answers.with_untracked(|a| a != &draft.snapshot.answers)
        {
            answers.set(draft.snapshot.answers);
            label.set(draft.snapshot.label);
        }
    });
    // The history read at start-up replaces the "reading" state of History or Compare: focus
    // that was on its heading goes to the view's own heading.
    Effect::new(move |was: Option<bool>| {
        let ready = store.ready.get();
        if ready && was == Some(false) {
            let on = screen.get_untracked();
            if matches!(on, Screen::History | Screen::Compare(..)) {
                platform::refocus_after_render(on.heading());
            }
        }
        ready
    });
    // The tab's title names the view, so the browser's history and tabs say where each entry is;
    // it and the page's description follow the language.
    let i18n = use_i18n();
    Effect::new(move |_| {
        let view = match screen.get() {
            Screen::Landing => crate::tr!(i18n, common.title.landing),
            Screen::Questionnaire => {
                let n = step.get();
                plans.with_value(|p| {
                    p.get(n).map_or_else(String::new, |plan| {
                        result_text::s!(
                            i18n.get_locale(),
                            common.title.step,
                            number = plan.number,
                            total = plan.total,
                            part = bank_text::part_title(i18n, plan.part)
                        )
                    })
                })
            }
            Screen::Review => crate::tr!(i18n, common.title.review),
            Screen::Results => crate::tr!(i18n, common.title.results),
            Screen::Shared(_) => crate::tr!(i18n, common.title.shared),
            Screen::History => crate::tr!(i18n, common.history),
            Screen::Compare(..) => crate::tr!(i18n, common.compare_title),
            Screen::HowScoring => crate::tr!(i18n, common.title.how),
            Screen::BadLink(_) => crate::tr!(i18n, common.title.bad_link),
            Screen::Workshops => crate::tr!(i18n, common.title.workshops),
            Screen::Workshop(_) => crate::tr!(i18n, common.title.workshop),
            Screen::Present(_) => {
                result_text::s!(
                    i18n.get_locale(),
                    common.title.present,
                    slide = slide.get() + 1
                )
            }
        };
        platform::set_title(&result_text::s!(
            i18n.get_locale(),
            common.title.page,
            view = view
        ));
        platform::set_description(&crate::tr!(i18n, common.description));
    });

    let nav_current = move || match screen.get() {
        Screen::History | Screen::Compare(..) => "history",
        Screen::Workshops | Screen::Workshop(_) | Screen::Present(_) => "workshop",
        _ => "assessment",
    };

    view! {
        <SiteHeader current=Signal::derive(nav_current) on_start=start on_history=to_history on_workshops=to_workshops />
        <notices::Notices store />
        <main id="main" data-history=move || if store.ready.get() { "ready" } else { "reading" }>
            <Later part=takeover::MAIN>{move || match screen.get() {
                Screen::Landing => view! {
                    <Landing store joining offer_resume=offer_resume.into() on_start=begin_new on_resume=resume on_how=how>
                        <Later part=takeover::QUESTIONS>
                            <Questionnaire answers step embedded=true on_go=go_step on_finish=finish on_review=review />
                        </Later>
                    </Landing>
                }.into_any(),
                Screen::HowScoring => view! { <HowScoring on_back=how_back /> }.into_any(),
                Screen::Questionnaire => view! {
                    <Questionnaire answers step embedded=false on_go=go_step on_finish=finish on_review=review />
                }.into_any(),
                Screen::Review => view! {
                    <Review answers on_change=change_answer on_finish=finish on_back=go_step />
                }.into_any(),
                Screen::Results => view! {
                    <Results
                        assessment
                        answers
                        label
                        on_edit=review
                        on_restart=start
                        on_how=how
                        shared=None
                        joining
                        on_save_shared=save_shared
                        on_change_answer=change_answer
                    />
                }.into_any(),
                Screen::Shared(notes) => view! {
                    // Someone else's result: read-only, and not sent to a workshop.
                    <Results
                        assessment=shared_assessment
                        answers=shared_answers
                        label=shared_label
                        on_edit=review
                        on_restart=start
                        on_how=how
                        shared=Some(notes)
                        joining=RwSignal::new(None)
                        on_save_shared=save_shared
                        on_change_answer=change_answer
                    />
                }.into_any(),
                // Until the history is read (start-up reads it after the first view).
                Screen::History | Screen::Compare(..) if !store.ready.get() => {
                    reading_history(screen.get_untracked())
                }
                Screen::History => view! { <History store on_open=open on_compare=compare on_start=start /> }.into_any(),
                Screen::Compare(a, b) => view! { <Compare store a b on_back=to_history /> }.into_any(),
                Screen::Workshops => view! { <Workshops store on_open=open_workshop /> }.into_any(),
                Screen::Workshop(id) => {
                    let at = id.clone();
                    view! {
                        <WorkshopView store id on_back=to_workshops on_present=Callback::new(move |()| present_at.run((at.clone(), 0))) />
                    }.into_any()
                }
                Screen::Present(id) => {
                    let (go_id, back_id) = (id.clone(), id.clone());
                    view! {
                        <Present
                            store
                            id
                            slide=slide.read_only()
                            on_go=Callback::new(move |n| present_at.run((go_id.clone(), n)))
                            on_leave=Callback::new(move |()| open_workshop.run(back_id.clone()))
                        />
                    }.into_any()
                }
                Screen::BadLink(why) => view! { <BadLinkView why on_start=start /> }.into_any(),
            }}</Later>
        </main>
        <SiteFooter />
    }
}

/// An address that could not be opened: why, and the way on.
#[component]
fn BadLinkView(why: BadLink, on_start: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let reason = match why {
        BadLink::NotSaved => crate::tv!(i18n, assess.bad_link.not_saved).into_any(),
        BadLink::Unreadable(error) => crate::tf!(
            i18n,
            assess.bad_link.unreadable,
            reason = messages::link_error(i18n, &error)
        )
        .into_any(),
        BadLink::BadJoin => crate::tv!(i18n, assess.bad_link.bad_join).into_any(),
    };
    view! {
        <section class="bad-link" aria-labelledby="bad-link-heading">
            <h1 id="bad-link-heading" tabindex="-1">{crate::tv!(i18n, common.title.bad_link)}</h1>
            <p>{reason}</p>
            <p>{crate::tv!(i18n, assess.bad_link.way_forward)}</p>
            <button type="button" class="primary" on:click=move |_| on_start.run(())>{crate::tv!(i18n, assess.bad_link.start_own)}</button>
        </section>
    }
}

/// The header with the main navigation; `current` names the part of the app on screen
/// ("assessment", "history" or "workshop").
#[component]
fn SiteHeader(
    current: Signal<&'static str>,
    on_start: Callback<()>,
    on_history: Callback<()>,
    on_workshops: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let here = move |which: &'static str| (current.get() == which).then_some("page");
    view! {
        <header class="site-header">
            <p class="brand">"Stagefit"</p>
            <nav aria-label=move || crate::tr!(i18n, common.nav_label)>
                <button type="button" class="nav-link" aria-current=move || here("assessment") on:click=move |_| on_start.run(())>
                    {crate::tv!(i18n, common.nav_assessment)}
                </button>
                <button type="button" class="nav-link" aria-current=move || here("history") on:click=move |_| on_history.run(())>
                    {crate::tv!(i18n, common.nav_history)}
                </button>
                <button type="button" class="nav-link" aria-current=move || here("workshop") on:click=move |_| on_workshops.run(())>
                    {crate::tv!(i18n, common.nav_workshop)}
                </button>
            </nav>
            <lang::LanguageSwitch />
        </header>
    }
}

#[component]
fn SiteFooter() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <footer class="site-footer">
            <p>{crate::tv!(i18n, common.footer)}</p>
        </footer>
    }
}

/// What History and Compare show while the history is still being read at start-up: their
/// heading (focus may go there) and a status. Once it is read, the view itself replaces it.
fn reading_history(screen: Screen) -> AnyView {
    let i18n = use_i18n();
    let heading = screen.heading();
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

/// Mounts the app on the page; called once by `main`.
///
/// The page already shows the landing view and the first step, prerendered at build time by
/// these same components (`prerender`), and a person may have answered, moved focus and
/// scrolled before the app started. The app starts with those answers and takes the page over
/// without a flash (`takeover`).
pub fn start() {
    wasm_bindgen_futures::spawn_local(async move {
        // Instantiating the wasm is a task of its own; asking for the strings (the crate builds a
        // request per namespace) is the next one, so neither holds the page up for long.
        platform::next_task().await;
        let mut locale = lang::initial();
        if !lang::load(locale).await {
            // Its files did not come (a connection lost on a first visit): English, if its
            // files come; else the page's own "could not start" notice, with Reload.
            if locale == lang::Locale::en || !lang::load(lang::Locale::en).await {
                wasm_bindgen::throw_str("Stagefit's words could not be fetched");
            }
            locale = lang::Locale::en;
        }
        // The takeover starts in a task of its own. And the prerendered page is drawn first: where the wasm comes
        // quickly (from a cache, a fast network) the page would otherwise first be drawn by the app,
        // as late as the wasm, and its largest text would count as painted then.
        platform::after_next_paint(move || take_over(locale));
    });
}

/// The landing view with the first step and the page's header and footer, as HTML, drawn by the
/// app's own components as a new visitor first sees them. The build puts it in `dist/index.html`
/// (`src/bin/prerender.rs`, run by `src/web/post_build.py`), so the first question can be
/// answered before the wasm has arrived; `start` takes it over.
#[cfg(not(target_arch = "wasm32"))]
pub fn prerender() -> String {
    prerender_in(lang::Locale::en)
}

/// `prerender`, in `locale`: the page carries each other language's copy too, and swaps it in
/// before it is first drawn for a visitor who reads that language (`src/web/post_build.py`).
#[cfg(not(target_arch = "wasm32"))]
pub fn prerender_in(locale: lang::Locale) -> String {
    use leptos::tachys::view::RenderHtml;

    lang::once_in(locale, || {
        let store = Store::empty();
        let answers = RwSignal::new(Answers::new(&BANK));
        let step = RwSignal::new(0_usize);
        let nothing = Callback::new(|()| {});
        let view = view! {
            <SiteHeader current=Signal::stored("assessment") on_start=nothing on_history=nothing on_workshops=nothing />
            <main id="main">
                <Landing store joining=RwSignal::new(None) offer_resume=Signal::stored(false) on_start=nothing on_resume=nothing on_how=nothing>
                    <Questionnaire answers step embedded=true on_go=Callback::new(|_| {}) on_finish=nothing on_review=nothing />
                </Landing>
            </main>
            <SiteFooter />
        };
        view.to_html()
    })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    /// The prerendered page is the page contract's markup for the first step, and needs nothing
    /// the page's policy refuses.
    #[test]
    fn the_prerendered_page_is_the_first_step_as_the_contract_says() {
        for (locale, _) in lang::LANGUAGES {
            the_first_step_as_the_contract_says(&prerender_in(locale));
        }
        assert!(prerender().contains(">Next</button>"));
        // Each language's copy is in its own words.
        let next: Vec<String> = lang::LANGUAGES
            .iter()
            .map(|(locale, _)| {
                let html = prerender_in(*locale);
                let end = html.find("</button>").expect("a button");
                html[..end]
                    .rsplit('>')
                    .next()
                    .unwrap_or_default()
                    .to_string()
            })
            .collect();
        let distinct: std::collections::BTreeSet<&String> = next.iter().collect();
        assert_eq!(distinct.len(), next.len(), "{next:?}");
    }

    fn the_first_step_as_the_contract_says(html: &str) {
        let first = steps(&BANK).into_iter().next().expect("a first step");
        for q in first.questions {
            let question = &BANK.questions[q];
            let open = format!(
                "data-question=\"{}\" data-part=\"{}\"",
                question.id,
                question.part.id()
            );
            let start = html
                .find(&open)
                .unwrap_or_else(|| panic!("{open} is on the page"));
            let fieldset = &html[start..start + html[start..].find("</fieldset>").unwrap()];
            let values: Vec<&str> = fieldset
                .split("value=\"")
                .skip(1)
                .map(|v| &v[..v.find('"').unwrap()])
                .collect();
            let mut expected: Vec<String> =
                (0..question.options.len()).map(|i| i.to_string()).collect();
            expected.push("unknown".to_string());
            assert_eq!(
                values, expected,
                "{}: options in order, \"Don't know\" last",
                question.id
            );
            for i in 0..=question.options.len() {
                assert!(fieldset.contains(&format!("<label for=\"q-{}-{i}\">", question.id)));
            }
        }
        assert!(html.contains("id=\"step-primary\""));
        assert!(html.contains("<h1 id=\"landing-heading\""));
        assert!(
            !html.contains(" style="),
            "an inline style would be refused by the page's policy"
        );
        assert!(
            !html.contains("<script"),
            "no script in the prerendered page"
        );
    }
}
