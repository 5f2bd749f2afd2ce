//! An address that could not be opened: why, and the way on.

use leptos::prelude::*;

use crate::i18n::use_i18n;
use crate::ui::state::{BadLink, Session};
use crate::ui::text::messages;

#[component]
pub fn BadLinkView(why: BadLink) -> impl IntoView {
    let i18n = use_i18n();
    let session = expect_context::<Session>();
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
            <button type="button" class="primary" on:click=move |_| session.start()>{crate::tv!(i18n, assess.bad_link.start_own)}</button>
        </section>
    }
}
