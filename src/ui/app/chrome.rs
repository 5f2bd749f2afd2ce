//! The page's frame around every view: the header with the main navigation and the language
//! switch, and the footer. The prerendered page draws the same components.

use leptos::prelude::*;

use crate::i18n::use_i18n;
use crate::ui::state::{Navigator, Session};
use crate::ui::text::lang;
use stagefit_core::route::Route;

/// The header with the main navigation; `current` names the part of the app on screen
/// ("assessment", "history" or "workshop").
#[component]
pub fn SiteHeader(current: Signal<&'static str>) -> impl IntoView {
    let i18n = use_i18n();
    let session = expect_context::<Session>();
    let nav = expect_context::<Navigator>();
    let here = move |which: &'static str| (current.get() == which).then_some("page");
    view! {
        <header class="site-header">
            <p class="brand">"Stagefit"</p>
            <nav aria-label=move || crate::tr!(i18n, common.nav_label)>
                <button type="button" class="nav-link" aria-current=move || here("assessment") on:click=move |_| session.start()>
                    {crate::tv!(i18n, common.nav_assessment)}
                </button>
                <button type="button" class="nav-link" aria-current=move || here("history") on:click=move |_| nav.go(Route::History)>
                    {crate::tv!(i18n, common.nav_history)}
                </button>
                <button type="button" class="nav-link" aria-current=move || here("workshop") on:click=move |_| nav.go(Route::Workshops)>
                    {crate::tv!(i18n, common.nav_workshop)}
                </button>
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
