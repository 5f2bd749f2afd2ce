//! The router: the one place an address becomes a view. The session prepares what a route
//! needs (`Session::open_route`); this table says which view shows it, where focus goes, and
//! what the tab's title says. Each view reads its own parameters (`Navigator::route`).

use leptos::prelude::*;

use super::takeover::{self, Later};
use crate::i18n::use_i18n;
use crate::platform;
use crate::ui::state::{BadLink, Focus, Navigator, Opened, Session, Store, Whose};
use crate::ui::text::{bank as bank_text, s};
use crate::ui::views::assess::{Landing, Questionnaire, Review};
use crate::ui::views::bad_link::BadLinkView;
use crate::ui::views::history::{Compare, History, reading_history};
use crate::ui::views::how::HowScoring;
use crate::ui::views::results::Results;
use crate::ui::views::workshop::{Present, WorkshopView, Workshops};
use stagefit_core::link::LinkNotes;
use stagefit_core::route::{Pick, Route};
use stagefit_core::{BANK, steps};

/// Which view the app shows: what the address names, once read. Views whose parameters change
/// what they draw carry them, so another one is drawn anew; the slide of a presentation is not
/// among them, so moving between slides keeps the presentation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Screen {
    Landing,
    Questionnaire,
    Review,
    Results,
    Shared(LinkNotes),
    History,
    Compare(Pick, Pick),
    HowScoring,
    BadLink(BadLink),
    Workshops,
    Workshop(String),
    Present(String),
}

impl Screen {
    fn of(opened: Opened) -> Screen {
        match opened {
            Opened::Landing => Screen::Landing,
            Opened::Step => Screen::Questionnaire,
            Opened::Review => Screen::Review,
            Opened::Results => Screen::Results,
            Opened::Shared(notes) => Screen::Shared(notes),
            Opened::Bad(why) => Screen::BadLink(why),
            Opened::Elsewhere(route) => match route {
                Route::History => Screen::History,
                Route::Compare(a, b) => Screen::Compare(a, b),
                Route::Workshops => Screen::Workshops,
                Route::Workshop(id) => Screen::Workshop(id),
                Route::Present(id, _) => Screen::Present(id),
                Route::How => Screen::HowScoring,
                // The session opens every other route itself.
                _ => Screen::Landing,
            },
        }
    }

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

    /// The part of the app the header marks as current.
    pub(super) fn section(&self) -> &'static str {
        match self {
            Screen::History | Screen::Compare(..) => "history",
            Screen::Workshops | Screen::Workshop(_) | Screen::Present(_) => "workshop",
            _ => "assessment",
        }
    }
}

/// Registers the router with the navigator: the address the page opened at, then every one
/// after it, becomes a view in `screen`, with focus moved where the move asked (none at start:
/// the takeover keeps it where the person put it on the prerendered page).
pub(super) fn route(nav: Navigator, session: Session, screen: RwSignal<Screen>) {
    nav.open_with(Callback::new(move |(route, focus): (Route, Focus)| {
        let to = Screen::of(session.open_route(route));
        let focus = match focus {
            Focus::Heading => Some(to.heading().to_string()),
            Focus::On(id) => Some(id),
            Focus::Stay => None,
        };
        // Another slide of the same presentation is the same view: it is not drawn anew.
        if !(matches!(to, Screen::Present(_)) && screen.with_untracked(|s| s == &to)) {
            screen.set(to);
        }
        if let Some(focus) = focus {
            platform::focus_after_render(focus);
        }
    }));
}

/// The view for `screen`: the route table.
pub(super) fn view_of(screen: Screen, store: Store) -> AnyView {
    match screen {
        Screen::Landing => view! {
            <Landing>
                <Later part=takeover::QUESTIONS>
                    <Questionnaire embedded=true />
                </Later>
            </Landing>
        }
        .into_any(),
        Screen::Questionnaire => view! { <Questionnaire embedded=false /> }.into_any(),
        Screen::Review => view! { <Review /> }.into_any(),
        Screen::Results => view! { <Results whose=Whose::Own /> }.into_any(),
        Screen::Shared(notes) => view! { <Results whose=Whose::Shared notes /> }.into_any(),
        // Until the history is read (start-up reads it after the first view).
        Screen::History | Screen::Compare(..) if !store.ready().get() => {
            reading_history(screen.heading())
        }
        Screen::History => view! { <History /> }.into_any(),
        Screen::Compare(..) => view! { <Compare /> }.into_any(),
        Screen::HowScoring => view! { <HowScoring /> }.into_any(),
        Screen::BadLink(why) => view! { <BadLinkView why /> }.into_any(),
        Screen::Workshops => view! { <Workshops /> }.into_any(),
        Screen::Workshop(_) => view! { <WorkshopView /> }.into_any(),
        Screen::Present(_) => view! { <Present /> }.into_any(),
    }
}

/// Keeps the tab's title on the view (so the browser's history and tabs say where each entry
/// is) and in the language in use, with the page's description; and moves focus from History's
/// "reading" state to the view's own heading once the history is read.
pub(super) fn follow(screen: RwSignal<Screen>, store: Store, nav: Navigator) {
    Effect::new(move |was: Option<bool>| {
        let ready = store.ready().get();
        if ready && was == Some(false) {
            let on = screen.get_untracked();
            if matches!(on, Screen::History | Screen::Compare(..)) {
                platform::refocus_after_render(on.heading());
            }
        }
        ready
    });
    let i18n = use_i18n();
    let plans = StoredValue::new(steps(&BANK));
    let session = expect_context::<Session>();
    Effect::new(move |_| {
        let locale = i18n.get_locale();
        let view = match screen.get() {
            Screen::Landing => crate::tr!(i18n, common.title.landing),
            Screen::Questionnaire => plans.with_value(|p| {
                p.get(session.step().get())
                    .map_or_else(String::new, |plan| {
                        s!(
                            locale,
                            common.title.step,
                            number = plan.number,
                            total = plan.total,
                            part = bank_text::part_title(i18n, plan.part)
                        )
                    })
            }),
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
                let slide = match nav.route().get() {
                    Route::Present(_, n) => n,
                    _ => 0,
                };
                s!(locale, common.title.present, slide = slide + 1)
            }
        };
        platform::set_title(&s!(locale, common.title.page, view = view));
        platform::set_description(&crate::tr!(i18n, common.description));
    });
}
