//! The shell: it provides the state every view reads (the store, the navigator, the session),
//! registers the router, and draws the page's frame around the view the address names. It
//! holds no rule of its own: the router maps addresses to views, the session
//! (`crate::ui::state::Session`) changes and saves the assessment in progress.

use leptos::prelude::*;

use super::chrome::{SiteFooter, SiteHeader};
use super::router::{self, Screen};
use super::takeover::{self, Later};
use crate::ui::state::{Navigator, Session, Store};
use crate::ui::views::notices::Notices;
use crate::ui::views::workshop::RoomCache;
use stagefit_core::Answers;

/// The whole app. `early` holds the answers given on the prerendered page before the app
/// started (none in tests); the takeover sets it again with any given while it was drawn.
#[component]
pub fn App(#[prop(optional)] early: Option<RwSignal<Answers>>) -> impl IntoView {
    let store = Store::load(takeover::on_page());
    let nav = Navigator::new();
    let session = Session::new(store, nav, early);
    provide_context(store);
    provide_context(nav);
    provide_context(session);
    // A workshop's participants, read once and shared by its view and "Present results".
    provide_context(RoomCache::new());

    let screen = RwSignal::new(Screen::Landing);
    router::route(nav, session, screen);
    session.keep_saved();
    router::follow(screen, store, nav);

    view! {
        <Later part=takeover::FRAME>
            <SiteHeader current=Signal::derive(move || screen.with(Screen::section)) />
            <Notices />
        </Later>
        <main id="main" data-history=move || if store.ready().get() { "ready" } else { "reading" }>
            <Later part=takeover::MAIN>
                {move || router::view_of(screen.get(), store)}
            </Later>
        </main>
        <Later part=takeover::FRAME>
            <SiteFooter />
        </Later>
    }
}
