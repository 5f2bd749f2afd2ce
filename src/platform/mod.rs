//! The platform edge: the only code that calls the browser's own APIs (the document, focus,
//! and later storage, the URL and the clipboard).
//!
//! Every call here can fail (no document, an element that is gone) and every failure is handled
//! by doing nothing visible rather than panicking: the app must keep working.

use wasm_bindgen::JsCast;

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// Moves keyboard focus to the element with this id, if it exists and can take focus.
pub fn focus(id: &str) {
    let element = document().and_then(|d| d.get_element_by_id(id));
    if let Some(element) = element.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = element.focus();
    }
}

/// Moves focus to the element with this id once the view has been drawn: views change in the
/// next animation frame, so focusing straight away would find the old view.
pub fn focus_after_render(id: impl Into<String>) {
    let id = id.into();
    leptos::prelude::request_animation_frame(move || focus(&id));
}

/// Removes the "Loading" notice that `index.html` shows while the WebAssembly downloads.
pub fn remove_loading_notice() {
    if let Some(notice) = document().and_then(|d| d.get_element_by_id("loading")) {
        notice.remove();
    }
}
