//! Copying text for a person, with a fallback: where the browser refuses the clipboard, the text
//! is selected in the field that shows it (or, for text that has no field yet, shown in one) so
//! that it can be copied by hand. The one place the app copies anything, or hands a link to the
//! system's share sheet.

use leptos::prelude::*;

use crate::platform;

/// What a copy did; worded by the view, in the language in use.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Copied {
    Done,
    /// The clipboard was refused: the text is selected in its field, or, for text with no
    /// field of its own, held here to be shown for copying by hand.
    Refused(Option<String>),
}

/// Copies `text`; refused, it prepares copying by hand as `field` says.
pub fn copy(text: String, field: Fallback, status: RwSignal<Option<Copied>>) {
    leptos::task::spawn_local(async move {
        match platform::copy_text(&text).await {
            Ok(()) => status.set(Some(Copied::Done)),
            Err(_) => match field {
                Fallback::Field(id) => {
                    status.set(Some(Copied::Refused(None)));
                    platform::select_text(id);
                }
                Fallback::Show(id) => {
                    status.set(Some(Copied::Refused(Some(text))));
                    request_animation_frame(move || platform::select_text(id));
                }
            },
        }
    });
}

/// Where copying by hand happens when the clipboard is refused.
#[derive(Clone, Copy, Debug)]
pub enum Fallback {
    /// The text is in this field (its id) already.
    Field(&'static str),
    /// The text is shown in a field of this id that the view draws from `Copied::Refused`.
    Show(&'static str),
}

/// Hands `url`, with a line of `text`, to the system's share sheet (messaging apps, mail) where
/// the browser has one; where it has none, or refuses, `otherwise` runs (the share dialog, a
/// copy). Closing the sheet without choosing does nothing.
pub fn share_or(text: String, url: String, otherwise: impl FnOnce() + 'static) {
    if !platform::can_share() {
        otherwise();
        return;
    }
    leptos::task::spawn_local(async move {
        if platform::share("Stagefit", &text, &url).await == platform::Shared::Failed {
            otherwise();
        }
    });
}
