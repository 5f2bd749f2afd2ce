//! The page's frame around every view: the header with the main navigation (links to each part's
//! address) and the language switch, and the footer. The prerendered page draws the same components.

use leptos::prelude::*;

use crate::i18n::use_i18n;
use crate::ui::state::Session;
use crate::ui::text::lang;
use crate::ui::views::link::RouteLink;
use stagefit_core::route::Route;

/// The header with the main navigation; `current` names the part of the app on screen
/// ("assessment", "history" or "workshop").
#[component]
pub fn SiteHeader(current: Signal<&'static str>) -> impl IntoView {
    let i18n = use_i18n();
    let session = expect_context::<Session>();
    let here = move |which: &'static str| {
        Signal::derive(move || (current.get() == which).then_some("page"))
    };
    view! {
        <header class="site-header">
            <p class="brand">"Stagefit"</p>
            <nav aria-label=move || crate::tr!(i18n, common.nav_label)>
                <RouteLink route=Route::Start class="nav-link" current=here("assessment") on_open=Callback::new(move |()| session.start())>
                    {crate::tv!(i18n, common.nav_assessment)}
                </RouteLink>
                <RouteLink route=Route::History class="nav-link" current=here("history")>
                    {crate::tv!(i18n, common.nav_history)}
                </RouteLink>
                <RouteLink route=Route::Workshops class="nav-link" current=here("workshop")>
                    {crate::tv!(i18n, common.nav_workshop)}
                </RouteLink>
            </nav>
            <lang::LanguageSwitch />
        </header>
    }
}

#[component]
pub fn SiteFooter() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <footer class="site-footer">
            <p>{crate::tv!(i18n, common.footer)}</p>
        </footer>
    }
}
