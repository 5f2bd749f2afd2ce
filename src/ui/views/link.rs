//! A move to another view as a real link: an anchor whose `href` is the view's address
//! (`core::route::fragment`), so a new tab, a long press on a phone or "Copy link" open the same
//! view; a plain click is still the app's own move (`Navigator::go`, or the action given), with
//! focus going where the app sends it.

use leptos::prelude::*;

use crate::platform;
use crate::ui::state::Navigator;
use stagefit_core::route::{self, Route};

/// A link to `route`. `on_open`, when given, is what a plain click does instead of going to the
/// route (the header's Assessment starts afresh after a finished assessment, say); `current` is
/// its `aria-current`.
#[component]
pub fn RouteLink(
    route: Route,
    #[prop(optional)] class: &'static str,
    #[prop(optional, into)] current: Option<Signal<Option<&'static str>>>,
    #[prop(optional, into)] on_open: Option<Callback<()>>,
    children: Children,
) -> impl IntoView {
    let nav = expect_context::<Navigator>();
    let href = route::fragment(&route);
    let open = move |ev: leptos::ev::MouseEvent| {
        // With a modifier key or another button, the browser does what the person asked for
        // (a new tab, a new window, a download).
        if !platform::plain_click(&ev) {
            return;
        }
        ev.prevent_default();
        match on_open {
            Some(open) => open.run(()),
            None => nav.go(route.clone()),
        }
    };
    view! {
        <a href=href class=class aria-current=move || current.and_then(|c| c.get()) on:click=open>
            {children()}
        </a>
    }
}
