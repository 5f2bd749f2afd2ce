//! Where the app is: the address, read as a `Route`, and every move to another one.
//!
//! Every move goes through `Navigator::go`, which writes the address (`core::route::fragment`,
//! the one writer of fragments) as a new entry of the browser's history and hands the route to
//! the opener the router registered, so the view changes in the same task. Back, Forward and a
//! link pasted into the address bar come in through `hashchange` and reach the same opener.
//! Views never write the address themselves.

use leptos::prelude::*;

use crate::platform;
use stagefit_core::route::{self, Route};

/// Where focus goes once a view is opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Focus {
    /// The view's heading: a move between views, or an address the browser moved to.
    Heading,
    /// This element (its id): a step's first answer, the answer to change.
    On(String),
    /// Where it is: the page as it opened (the takeover keeps focus where the person put it).
    Stay,
}

/// What opens a route: the router's, registered once by the app (`Navigator::open_with`).
type Opener = Callback<(Route, Focus)>;

#[derive(Clone, Copy)]
pub struct Navigator {
    /// The route last opened: views read their own parameters from it.
    route: RwSignal<Route>,
    opener: StoredValue<Option<Opener>>,
    /// Whether this page has moved between views itself, so the browser's Back stays in the app.
    moved_in_app: StoredValue<bool>,
}

impl Navigator {
    /// A navigator that opens nothing until the router registers itself (the prerender never
    /// does: its page does not move).
    pub fn new() -> Navigator {
        Navigator {
            route: RwSignal::new(Route::Start),
            opener: StoredValue::new(None),
            moved_in_app: StoredValue::new(false),
        }
    }

    /// The route the address names now.
    fn addressed() -> Route {
        route::parse(&platform::fragment())
    }

    /// The route last opened, followed: a view reads its own parameters from it.
    pub fn route(&self) -> ReadSignal<Route> {
        self.route.read_only()
    }

    fn open(&self, route: Route, focus: Focus) {
        self.route.set(route.clone());
        if let Some(open) = self.opener.get_value() {
            open.run((route, focus));
        }
    }

    /// Registers the router: it opens the current address now, then each one the browser moves
    /// to (Back, Forward, an address typed or pasted), for as long as the app lives.
    pub fn open_with(&self, opener: Opener) {
        self.opener.set_value(Some(opener));
        self.open(Navigator::addressed(), Focus::Stay);
        let this = *self;
        let listener = platform::on_fragment_change(move |fragment| {
            this.open(route::parse(&fragment), Focus::Heading);
        });
        on_cleanup(move || listener.remove());
    }

    /// Goes to `route` as a new entry in the browser's history; focus goes to the view's heading.
    pub fn go(&self, route: Route) {
        self.go_focus(route, Focus::Heading);
    }

    /// `go`, with focus where `focus` says once the view is drawn.
    pub fn go_focus(&self, route: Route, focus: Focus) {
        let fragment = route::fragment(&route);
        if fragment != platform::fragment() {
            platform::push_fragment(&fragment);
            self.moved_in_app.set_value(true);
        }
        self.open(route, focus);
    }

    /// Writes `route` as the address without a new history entry and without opening it: the
    /// view on screen already shows it (an invitation read, which a reload must not read again).
    pub fn replace(&self, route: &Route) {
        platform::replace_fragment(&route::fragment(route));
    }

    /// Writes `route` as the address without a new history entry, for the view on screen, which
    /// shows it already (a slide past the last, corrected to the last: issue 30): what reads the
    /// route, such as the tab's title, follows; nothing is opened again.
    pub fn correct(&self, route: Route) {
        platform::replace_fragment(&route::fragment(&route));
        self.route.set(route);
    }

    /// Back to the view that opened this one when the app moved here itself; else to `fallback`
    /// (the page was opened at this address).
    pub fn back_or(&self, fallback: Route) {
        if self.moved_in_app.get_value() {
            platform::go_back();
        } else {
            self.go(fallback);
        }
    }
}

impl Default for Navigator {
    fn default() -> Navigator {
        Navigator::new()
    }
}
