//! The app taking over the prerendered page (`ui::take_over`), in headless Chromium. On a test
//! page of its own: the app it draws stays on the page, as it does for a visitor.
#![cfg(target_arch = "wasm32")]

use stagefit::{
    platform,
    ui::{lang, take_over},
};
use stagefit_core::BANK;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::HtmlInputElement;

wasm_bindgen_test_configure!(run_in_browser);

mod support;

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn input(id: &str) -> HtmlInputElement {
    document()
        .get_element_by_id(id)
        .unwrap_or_else(|| panic!("no #{id}"))
        .unchecked_into()
}

/// The app is drawn in parts, a task each, off the page. A person answering on the prerendered
/// page meanwhile loses nothing: the app goes on the page with the answer they gave last, and
/// focus on it.
#[wasm_bindgen_test]
async fn an_answer_changed_while_the_app_is_drawn_is_kept_and_keeps_focus() {
    support::strings_in(lang::Locale::en).await;
    platform::storage::clear_all().unwrap();
    platform::replace_fragment("");
    // The first question's first two options, as the prerendered page has them: the app's ids
    // and names.
    let question = BANK.questions[0].id;
    let [first, second] = [0, 1].map(|n| format!("q-{question}-{n}"));
    let prerendered = document().create_element("div").unwrap();
    prerendered.set_id("prerendered");
    prerendered.set_inner_html(&format!(
        r#"<input type="radio" id="{first}" name="{question}" value="0" checked>
           <input type="radio" id="{second}" name="{question}" value="1">"#
    ));
    document()
        .body()
        .unwrap()
        .append_child(&prerendered)
        .unwrap();

    take_over(lang::Locale::en);
    // The app is drawn off the page: the prerendered page is all there is, and still works.
    assert!(document().get_element_by_id("main").is_none());
    let chosen_late = input(&second);
    chosen_late.click();
    chosen_late.focus().unwrap();
    assert!(
        document()
            .active_element()
            .is_some_and(|a| a.is_same_node(Some(&chosen_late)))
    );

    for _ in 0..10 {
        if document().get_element_by_id("prerendered").is_none() {
            break;
        }
        platform::next_task().await;
    }
    assert!(
        document().get_element_by_id("prerendered").is_none(),
        "the app took over"
    );
    assert!(document().get_element_by_id("main").is_some());
    let (first, second) = (input(&first), input(&second));
    assert!(!first.checked(), "the answer given first was changed");
    assert!(second.checked(), "the answer given last is the app's");
    assert!(
        document()
            .active_element()
            .is_some_and(|a| a.is_same_node(Some(&second))),
        "focus is on the app's copy of the answer, not on {:?}",
        document().active_element().map(|a| a.outer_html())
    );
}
