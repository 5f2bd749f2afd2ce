//! The platform edge: the only code that calls the browser's own APIs (the document, focus,
//! dialogs, storage, the URL and the clipboard).
//!
//! Every call here can fail (no document, an element that is gone) and every failure is handled
//! by doing nothing visible rather than panicking: the app must keep working.

pub mod storage;

use leptos::prelude::{WindowListenerHandle, window_event_listener};
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

/// Moves focus to the element with this id and scrolls only as far as needed to show the
/// question (fieldset) that holds it: on a phone, the next question comes into view without
/// hiding the choice just made, and a question flagged as missing shows with its message.
pub fn focus_showing(id: &str) {
    let element = document().and_then(|d| d.get_element_by_id(id));
    let Some(element) = element.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) else {
        return;
    };
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = element.focus_with_options(&options);
    let shown = element.closest("fieldset").ok().flatten();
    let scroll = web_sys::ScrollIntoViewOptions::new();
    scroll.set_block(web_sys::ScrollLogicalPosition::Nearest);
    match shown {
        Some(fieldset) => fieldset.scroll_into_view_with_scroll_into_view_options(&scroll),
        None => element.scroll_into_view_with_scroll_into_view_options(&scroll),
    }
}

/// Moves focus to the element with this id once the view has been drawn: views change in the
/// next animation frame, so focusing straight away would find the old view.
pub fn focus_after_render(id: impl Into<String>) {
    let id = id.into();
    leptos::prelude::request_animation_frame(move || focus(&id));
}

/// Like `focus_after_render`, but only when focus was lost: the element that held it was
/// redrawn away (nothing, or the page's body, has focus). Focus the person moved elsewhere stays.
pub fn refocus_after_render(id: impl Into<String>) {
    let id = id.into();
    leptos::prelude::request_animation_frame(move || {
        let lost = document()
            .and_then(|d| Some((d.active_element(), d.body()?)))
            .is_none_or(|(active, body)| active.is_none_or(|a| a == *body));
        if lost {
            focus(&id);
        }
    });
}

/// Opens the `<dialog>` with this id as a modal dialog: the rest of the page goes inert, focus
/// moves into the dialog and Esc closes it (the browser does all three). Returns whether it opened.
pub fn show_dialog(id: &str) -> bool {
    let dialog = document()
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlDialogElement>().ok());
    match dialog {
        Some(dialog) if dialog.open() => true,
        Some(dialog) => dialog.show_modal().is_ok(),
        None => false,
    }
}

/// Closes the `<dialog>` with this id, if it is open; its `close` event follows.
pub fn close_dialog(id: &str) {
    let dialog = document()
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlDialogElement>().ok());
    if let Some(dialog) = dialog {
        dialog.close();
    }
}

/// What the prerendered page (`#prerendered` in `dist/index.html`) holds when the app starts:
/// what a person did on it before the WebAssembly arrived.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Prerendered {
    /// Each checked option as (name, value): a question's id and an option's value.
    pub checked: Vec<(String, String)>,
    /// The control that has focus.
    focus: Option<Control>,
    /// The button pressed before the app started (marked `data-pending` by `index.html`'s first
    /// script).
    pressed: Option<Control>,
    /// Where the page was scrolled to.
    scroll: (f64, f64),
}

/// A control of the prerendered page, found again in the app: by its id where it has one, else
/// by its place among the page's controls (the prerendered page's and the app's are the same
/// components, so the nth is the same control in both, unless the app shows a notice first).
#[derive(Clone, Debug, PartialEq)]
enum Control {
    Id(String),
    Place(u32),
}

/// The controls a `Control::Place` counts, in the page's order.
const CONTROLS: &str = "button, input, select, textarea, a[href], [tabindex]";

/// Reads the prerendered page, if there is one. The page hides it (the class `wait` on the root
/// element, set by `index.html`'s first script) when another view's address was opened or an
/// unfinished assessment is saved: then nothing on it can have been answered.
pub fn prerendered() -> Prerendered {
    let mut found = Prerendered::default();
    let Some(window) = web_sys::window() else {
        return found;
    };
    let Some(document) = window.document() else {
        return found;
    };
    let Some(root) = document.get_element_by_id("prerendered") else {
        return found;
    };
    found.scroll = (
        window.scroll_x().unwrap_or(0.0),
        window.scroll_y().unwrap_or(0.0),
    );
    let hidden = document
        .document_element()
        .and_then(|e| e.get_attribute("class"))
        .is_some_and(|c| c.split_whitespace().any(|c| c == "wait"));
    if !hidden && let Ok(inputs) = root.query_selector_all("input:checked") {
        found.checked = (0..inputs.length())
            .filter_map(|i| inputs.item(i)?.dyn_into::<web_sys::HtmlInputElement>().ok())
            .map(|input| (input.name(), input.value()))
            .collect();
    }
    let place = |element: Option<web_sys::Element>| {
        let element = element?;
        if !element.id().is_empty() {
            return Some(Control::Id(element.id()));
        }
        let controls = root.query_selector_all(CONTROLS).ok()?;
        (0..controls.length())
            .find(|&i| {
                controls
                    .item(i)
                    .is_some_and(|c| c.is_same_node(Some(&element)))
            })
            .map(Control::Place)
    };
    found.focus = place(document.active_element());
    if !hidden {
        found.pressed = place(root.query_selector("[data-pending]").ok().flatten());
    }
    found
}

/// Removes the prerendered page once the app is drawn, and puts focus and scroll back where
/// they were on it.
pub fn finish_takeover(prerendered: &Prerendered) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(document) = window.document() else {
        return;
    };
    let Some(root) = document.get_element_by_id("prerendered") else {
        return;
    };
    root.remove();
    let find = |control: &Option<Control>| {
        let element = match control.as_ref()? {
            Control::Id(id) => document.get_element_by_id(id)?,
            Control::Place(n) => document
                .query_selector_all(CONTROLS)
                .ok()?
                .item(*n)?
                .dyn_into()
                .ok()?,
        };
        element.dyn_into::<web_sys::HtmlElement>().ok()
    };
    if let Some(control) = find(&prerendered.focus) {
        let _ = control.focus();
    }
    let (x, y) = prerendered.scroll;
    window.scroll_to_with_x_and_y(x, y);
    // The button pressed before the app started, pressed now that it works.
    if let Some(button) = find(&prerendered.pressed) {
        button.click();
    }
}

/// An element off the page to draw the app in, out of sight, before it goes on the page
/// (`put_on_page`).
pub fn offstage() -> Option<web_sys::HtmlElement> {
    document()?.create_element("div").ok()?.dyn_into().ok()
}

/// Moves what was drawn in `offstage` onto the page, at the end of its body.
pub fn put_on_page(offstage: &web_sys::HtmlElement) {
    let Some(body) = document().and_then(|d| d.body()) else {
        return;
    };
    while let Some(node) = offstage.first_child() {
        if body.append_child(&node).is_err() {
            return;
        }
    }
}

/// Runs `f` in a task of its own once the browser has drawn the page as it is: after the next
/// animation frame (a frame is drawn right after its callbacks), and after whatever the browser
/// has waiting, such as a person's click.
pub fn after_next_paint(f: impl FnOnce() + 'static) {
    leptos::prelude::request_animation_frame(move || {
        leptos::prelude::set_timeout(f, std::time::Duration::ZERO);
    });
}

/// Where the scroll position waits over a reload: the tab's session storage (kept over a reload of
/// the tab, gone with it), as "Y ADDRESS".
const SCROLL_KEY: &str = "stagefit.scroll";

/// Keeps the page's scroll position over a reload (issue 31). When the page is hidden (a reload,
/// a closed tab, another site), the position and the address go into the tab's session storage;
/// once the app runs at the same address, the page scrolls back there as soon as the view is tall
/// enough, or after two seconds as far as it can. Another address starts at the top.
pub fn keep_scroll_over_reload() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let session = window.session_storage().ok().flatten();
    let here = window.location().href().unwrap_or_default();
    let saved = session.as_ref().and_then(|s| {
        let text = s.get_item(SCROLL_KEY).ok().flatten()?;
        let _ = s.remove_item(SCROLL_KEY);
        let (y, address) = text.split_once(' ')?;
        let y: f64 = y.parse().ok()?;
        (address == here && y.is_finite() && y > 0.0).then_some(y)
    });
    // The page lives as long as the app: the listener is never removed.
    let _ = window_event_listener(leptos::ev::pagehide, |_| {
        let Some(window) = web_sys::window() else {
            return;
        };
        let y = window.scroll_y().unwrap_or(0.0);
        let address = window.location().href().unwrap_or_default();
        if let Ok(Some(session)) = window.session_storage() {
            let _ = session.set_item(SCROLL_KEY, &format!("{y} {address}"));
        }
    });
    let Some(y) = saved else {
        return;
    };
    let tries = std::rc::Rc::new(std::cell::Cell::new(0_u32));
    let handle: std::rc::Rc<std::cell::Cell<Option<leptos::prelude::IntervalHandle>>> =
        std::rc::Rc::new(std::cell::Cell::new(None));
    let stop = handle.clone();
    let tick = move || {
        let Some(window) = web_sys::window() else {
            return;
        };
        let height = document()
            .and_then(|d| d.document_element())
            .map_or(0.0, |e| f64::from(e.scroll_height()));
        let view = window
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(0.0);
        tries.set(tries.get() + 1);
        if height >= y + view || tries.get() >= 40 {
            window.scroll_to_with_x_and_y(0.0, y);
            if let Some(h) = stop.take() {
                h.clear();
            }
        }
    };
    if let Ok(h) =
        leptos::prelude::set_interval_with_handle(tick, std::time::Duration::from_millis(50))
    {
        handle.set(Some(h));
    }
}

/// Lets the page register its service worker now that the app runs (`index.html`'s last script):
/// the files the app fetched at start are in the HTTP cache for the worker to copy.
pub fn keep_offline() {
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Ok(register) = js_sys::Reflect::get(&window, &"stagefitOffline".into())
        && let Some(register) = register.dyn_ref::<js_sys::Function>()
    {
        let _ = register.call0(&window);
    }
}

/// Removes the notices `index.html` shows until the app has started: "Loading" (while the
/// WebAssembly downloads), and "taking long" or "could not start" (which its first script shows
/// on a slow or failed start, and which are wrong once the app is here).
pub fn remove_loading_notice() {
    let Some(document) = document() else {
        return;
    };
    for id in ["loading", "start-slow", "start-failed"] {
        if let Some(notice) = document.get_element_by_id(id) {
            notice.remove();
        }
    }
}

/// The prerendered frame of a shared result (issue 27), emptied for the viewer to draw the
/// verdict in, and no longer busy; none where the page shows no such frame.
pub fn shared_frame() -> Option<web_sys::HtmlElement> {
    let frame = document()?
        .query_selector("#prerendered [data-testid=\"shared-shell\"]")
        .ok()??;
    frame.set_inner_html("");
    let _ = frame.set_attribute("aria-busy", "false");
    frame.dyn_into().ok()
}

/// Tells the page the viewer is done, its verdict drawn or not: the page's loader then asks for
/// the app (`src/web/post_build.py`), which until then left the connection to the viewer.
pub fn viewer_done() {
    if let Some(window) = web_sys::window()
        && let Ok(event) = web_sys::Event::new("stagefit-viewer-done")
    {
        let _ = window.dispatch_event(&event);
    }
}

/// Why text could not be put on the clipboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClipboardError {
    /// The browser offers no clipboard here (an insecure page, an old browser).
    Unavailable,
    /// The browser refused (permission denied, page not focused).
    Refused,
}

/// Puts text on the clipboard.
pub async fn copy_text(text: &str) -> Result<(), ClipboardError> {
    let navigator = web_sys::window()
        .ok_or(ClipboardError::Unavailable)?
        .navigator();
    // `navigator.clipboard` is missing outside secure contexts; calling it then would throw.
    let present = js_sys::Reflect::get(&navigator, &"clipboard".into())
        .map(|c| !c.is_undefined() && !c.is_null());
    if present != Ok(true) {
        return Err(ClipboardError::Unavailable);
    }
    let promise = navigator.clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|_| ClipboardError::Refused)
}

/// Whether the browser offers the system's share sheet (the Web Share API, `navigator.share`):
/// phones and some desktops.
pub fn can_share() -> bool {
    web_sys::window().is_some_and(|w| {
        js_sys::Reflect::get(&w.navigator(), &"share".into()).is_ok_and(|f| f.is_function())
    })
}

/// What the system's share sheet did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shared {
    /// Sent somewhere, or at least handed to the system.
    Done,
    /// The person closed the sheet without choosing anything.
    Cancelled,
    /// There is no share sheet, or it refused (no user gesture, data it cannot share).
    Failed,
}

/// Opens the system's share sheet with a link and a line of text about it. Called through
/// `js_sys` so that it needs no web-sys feature of its own.
pub async fn share(title: &str, text: &str, url: &str) -> Shared {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return Shared::Failed;
    };
    let Ok(share) = js_sys::Reflect::get(&navigator, &"share".into())
        .and_then(|f| f.dyn_into::<js_sys::Function>())
    else {
        return Shared::Failed;
    };
    let data = js_sys::Object::new();
    for (key, value) in [("title", title), ("text", text), ("url", url)] {
        let _ = js_sys::Reflect::set(&data, &key.into(), &value.into());
    }
    let Ok(promise) = share
        .call1(&navigator, &data)
        .and_then(|p| p.dyn_into::<js_sys::Promise>())
    else {
        return Shared::Failed;
    };
    match wasm_bindgen_futures::JsFuture::from(promise).await {
        Ok(_) => Shared::Done,
        Err(error) => {
            let name = js_sys::Reflect::get(&error, &"name".into())
                .ok()
                .and_then(|n| n.as_string());
            if name.as_deref() == Some("AbortError") {
                Shared::Cancelled
            } else {
                Shared::Failed
            }
        }
    }
}

/// Whether a click on a link is a plain one, which the app handles itself: the main button, no
/// modifier key (those ask the browser for a new tab or window).
pub fn plain_click(event: &web_sys::MouseEvent) -> bool {
    event.button() == 0
        && !(event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key())
}

/// Selects the text of a text area or text input, so a person can copy it by hand when the
/// clipboard is refused.
pub fn select_text(id: &str) {
    let Some(element) = document().and_then(|d| d.get_element_by_id(id)) else {
        return;
    };
    // Text areas hold summaries, text inputs hold links: both can be selected.
    match element.dyn_into::<web_sys::HtmlTextAreaElement>() {
        Ok(area) => {
            let _ = area.focus();
            area.select();
        }
        Err(element) => {
            if let Ok(input) = element.dyn_into::<web_sys::HtmlInputElement>() {
                let _ = input.focus();
                input.select();
            }
        }
    }
}

/// Opens the browser's print dialog (where a person can also save as PDF).
pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// Today's date in the browser's time zone, as YYYY-MM-DD.
pub fn today() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    )
}

/// Whether every one of these URLs (relative to the page) answers with a success: the files
/// exist and the network or the offline cache has them. The responses stay in the HTTP cache.
pub async fn all_fetchable(urls: &[String]) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let requests = urls.iter().map(|url| {
        let promise = window.fetch_with_str(url);
        async move {
            wasm_bindgen_futures::JsFuture::from(promise)
                .await
                .ok()
                .and_then(|r| r.dyn_into::<web_sys::Response>().ok())
                .is_some_and(|r| r.ok())
        }
    });
    futures::future::join_all(requests)
        .await
        .into_iter()
        .all(|ok| ok)
}

/// The text of a file relative to the page, or `None` when neither the network nor the
/// offline cache gives it.
pub async fn fetch_text(url: &str) -> Option<String> {
    let promise = web_sys::window()?.fetch_with_str(url);
    let response: web_sys::Response = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .ok()?
        .dyn_into()
        .ok()?;
    if !response.ok() {
        return None;
    }
    wasm_bindgen_futures::JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()
}

/// The folder the page was served from, without the trailing slash (`https://host/stagefit`
/// for `https://host/stagefit/#/results`), which the app's own files are relative to.
pub fn page_folder() -> String {
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let href = href.split(['#', '?']).next().unwrap_or_default();
    href.rsplit_once('/')
        .map_or("", |(folder, _)| folder)
        .to_string()
}

/// The page's language (`<html lang>`): on a shared result's address, the one the page's first
/// scripts chose by the app's rule (`lang::initial`) and drew the frame in.
pub fn document_language() -> Option<String> {
    document()?.document_element()?.get_attribute("lang")
}

/// Names the page's language (`<html lang>`), which screen readers and translators go by.
pub fn set_document_language(language: &str) {
    if let Some(root) = document().and_then(|d| d.document_element()) {
        let _ = root.set_attribute("lang", language);
    }
}

/// The languages the browser prefers, most preferred first (`navigator.languages`).
pub fn preferred_languages() -> Vec<String> {
    web_sys::window()
        .map(|w| {
            w.navigator()
                .languages()
                .iter()
                .filter_map(|l| l.as_string())
                .collect()
        })
        .unwrap_or_default()
}

/// Writes `value` as `language` writes numbers (decimal commas in German and French), with at
/// most `max_fraction` digits after the point, by the browser's own `Intl.NumberFormat`.
pub fn format_number(language: &str, value: f64, max_fraction: u32) -> String {
    intl_number(language, value, None, max_fraction).unwrap_or_else(|| value.to_string())
}

/// Writes `value` with exactly `fraction` digits after the point ("3.0", "3,0"), as `language`
/// writes numbers, by the browser's `Intl.NumberFormat`.
#[cfg(target_arch = "wasm32")]
pub fn format_fixed(language: &str, value: f64, fraction: u32) -> String {
    intl_number(language, value, Some(fraction), fraction)
        .unwrap_or_else(|| format!("{value:.*}", fraction as usize))
}

/// `Intl.NumberFormat(language, {minimumFractionDigits, maximumFractionDigits}).format(value)`.
fn intl_number(
    language: &str,
    value: f64,
    min_fraction: Option<u32>,
    max_fraction: u32,
) -> Option<String> {
    let key = format!("{language}/{min_fraction:?}/{max_fraction}");
    let format = cached_format(&NUMBER_FORMATS, key, || {
        let options = js_sys::Object::new();
        let digits = min_fraction
            .map(|min| ("minimumFractionDigits", min))
            .into_iter()
            .chain([("maximumFractionDigits", max_fraction)]);
        for (key, value) in digits {
            let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
        }
        let locales = js_sys::Array::of1(&language.into());
        js_sys::Intl::NumberFormat::new(&locales, &options).format()
    });
    format
        .call1(&wasm_bindgen::JsValue::NULL, &value.into())
        .ok()
        .and_then(|s| s.as_string())
}

type Formats = std::cell::RefCell<std::collections::HashMap<String, js_sys::Function>>;

thread_local! {
    /// The browser's number and date formatters, made once per language and options: making
    /// one costs far more than using it, and History's trend formats a date per assessment.
    static NUMBER_FORMATS: Formats = Formats::default();
    static DATE_FORMATS: Formats = Formats::default();
}

/// The `format` function of the formatter for `key`, made by `make` the first time.
fn cached_format(
    cache: &'static std::thread::LocalKey<Formats>,
    key: String,
    make: impl FnOnce() -> js_sys::Function,
) -> js_sys::Function {
    cache.with(|formats| formats.borrow_mut().entry(key).or_insert_with(make).clone())
}

/// `format_fixed` where there is no browser (native tests): a point in English, a comma in
/// German and French, no grouping.
#[cfg(not(target_arch = "wasm32"))]
pub fn format_fixed(language: &str, value: f64, fraction: u32) -> String {
    let text = format!("{value:.*}", fraction as usize);
    if language == "en" {
        text
    } else {
        text.replace('.', ",")
    }
}

/// Writes a moment (milliseconds since 1970) as `language` writes a date, with the time when
/// `with_time`, by the browser's own `Intl.DateTimeFormat`.
pub fn format_date(language: &str, millis: f64, with_time: bool) -> String {
    let format = cached_format(&DATE_FORMATS, format!("{language}/{with_time}"), || {
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"medium".into());
        if with_time {
            let _ = js_sys::Reflect::set(&options, &"timeStyle".into(), &"short".into());
        }
        let locales = js_sys::Array::of1(&language.into());
        js_sys::Intl::DateTimeFormat::new(&locales, &options).format()
    });
    format
        .call1(
            &wasm_bindgen::JsValue::NULL,
            &js_sys::Date::new(&millis.into()),
        )
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default()
}

/// The URL fragment (`#…`), or an empty string.
pub fn fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The page's address without query or fragment: what share links are built on.
/// The full address of `route` in this app, as a person would share it: the page's address and
/// the route's fragment (`core::route::fragment`, the one writer of fragments).
pub fn address_of(route: &stagefit_core::route::Route) -> String {
    format!("{}{}", page_url(), stagefit_core::route::fragment(route))
}

pub fn page_url() -> String {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return String::new();
    };
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    format!("{origin}{path}")
}

/// Puts `fragment` (with its `#`) in the address bar as a new history entry, so the browser's
/// Back returns to the address before it. Setting it this way fires no `hashchange`: the app
/// has already shown the view.
pub fn push_fragment(fragment: &str) {
    set_fragment(fragment, false);
}

/// Puts `fragment` in the address bar in place of the current one (no new history entry): for
/// an address the app corrects, such as an invitation it has read.
pub fn replace_fragment(fragment: &str) {
    set_fragment(fragment, true);
}

fn set_fragment(fragment: &str, replace: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let path = location.pathname().unwrap_or_default();
    let search = location.search().unwrap_or_default();
    let url = format!("{path}{search}{fragment}");
    if let Ok(history) = window.history() {
        let _ = if replace {
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        } else {
            history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        };
    }
}

/// Goes back one entry in the browser's history, as its Back button does.
pub fn go_back() {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.back();
    }
}

/// Names the tab (and the entry in the browser's history) after the view.
pub fn set_title(title: &str) {
    if let Some(document) = document() {
        document.set_title(title);
    }
}

/// Sets the page's description (`<meta name="description">`), which search engines and link
/// previews show, in the language in use.
pub fn set_description(description: &str) {
    if let Some(meta) =
        document().and_then(|d| d.query_selector("meta[name=description]").ok().flatten())
    {
        let _ = meta.set_attribute("content", description);
    }
}

/// Calls `on_change` whenever the fragment changes (a pasted link, Back and Forward), until the
/// returned handle is removed.
pub fn on_fragment_change(on_change: impl Fn(String) + 'static) -> WindowListenerHandle {
    window_event_listener(leptos::ev::hashchange, move |_| on_change(fragment()))
}

/// Calls `on_key` with the key's name (`ArrowRight`, `Escape`...) for every key pressed without
/// Ctrl, Alt or Meta, until the returned handle is removed. When `on_key` returns true the key
/// is the app's: the browser's own action (scrolling on arrow keys) is prevented. Keys a form
/// field uses itself (`key_is_the_fields`: the arrow keys choose among issue 28's agreed
/// answers) do not reach `on_key`.
pub fn on_key(on_key: impl Fn(&str) -> bool + 'static) -> WindowListenerHandle {
    window_event_listener(leptos::ev::keydown, move |event| {
        if event.ctrl_key() || event.alt_key() || event.meta_key() {
            return;
        }
        if key_is_the_fields(&event) {
            return;
        }
        if on_key(&event.key()) {
            event.prevent_default();
        }
    })
}

/// Whether the key belongs to the form field it was pressed in: in a text field every key but
/// Esc; on a radio button or checkbox the arrow keys and Space (which choose), so Page Up, Page
/// Down, Home and End still move between slides from there.
fn key_is_the_fields(event: &web_sys::KeyboardEvent) -> bool {
    let Some(field) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return false;
    };
    let key = event.key();
    match field.tag_name().as_str() {
        "INPUT"
            if matches!(
                field.get_attribute("type").as_deref(),
                Some("radio" | "checkbox")
            ) =>
        {
            key.starts_with("Arrow") || key == " "
        }
        "INPUT" | "TEXTAREA" | "SELECT" => key != "Escape",
        _ => false,
    }
}

/// Asks the browser to show the page full screen (it may refuse: no user action, a frame, a
/// setting); nothing happens then, and the view still fills the window.
pub fn enter_full_screen() {
    if let Some(root) = document().and_then(|d| d.document_element()) {
        let _ = root.request_fullscreen();
    }
}

/// Leaves full screen, if the page is shown full screen.
pub fn leave_full_screen() {
    if let Some(document) = document()
        && document.fullscreen_element().is_some()
    {
        document.exit_fullscreen();
    }
}

/// Calls `on_exit` when the page stops being shown full screen (the browser takes Esc for
/// that itself, so the page never sees that key), until the returned handle is removed.
pub fn on_full_screen_exit(on_exit: impl Fn() + 'static) -> WindowListenerHandle {
    leptos::prelude::window_event_listener_untyped("fullscreenchange", move |_| {
        if document().is_some_and(|d| d.fullscreen_element().is_none()) {
            on_exit();
        }
    })
}

/// Waits for the browser's next task (a `setTimeout` of 0), so that long work done in steps
/// lets the page draw and answer input in between. Without a window it returns at once.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let queued =
            web_sys::window().is_some_and(|w| w.set_timeout_with_callback(&resolve).is_ok());
        if !queued {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
