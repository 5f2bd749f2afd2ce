//! Component and platform-edge tests in headless Chromium (wasm-bindgen-test).
//!
//! Each test mounts the real app into its own container and drives it with real DOM events
//! (clicks on radio buttons and buttons), then reads what a person would see.
#![cfg(target_arch = "wasm32")]

use stagefit::{
    platform,
    ui::{App, lang},
};
use wasm_bindgen::{JsCast, closure::Closure};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

mod support;
use support::strings_in;

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Mounts the app in a fresh container; dropping the guard unmounts it and removes the container.
struct Mounted {
    container: Element,
    _handle: leptos::mount::UnmountHandle<leptos::tachys::view::any_view::AnyViewState>,
}

/// Each test starts from an empty browser: nothing saved by an earlier test.
async fn mount() -> Mounted {
    mount_in(lang::Locale::en).await
}

/// `mount`, with the app drawn in `locale`.
async fn mount_in(locale: lang::Locale) -> Mounted {
    strings_in(locale).await;
    stagefit::platform::storage::clear_all().unwrap();
    // Every view has an address: start each test at the landing view's.
    stagefit::platform::replace_fragment("");
    let container = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&container).unwrap();
    let handle = leptos::mount::mount_to(container.clone().unchecked_into(), move || {
        use leptos::prelude::*;
        lang::provide(locale);
        view! { <App /> }.into_any()
    });
    Mounted {
        container,
        _handle: handle,
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.container.remove();
    }
}

impl Mounted {
    fn all(&self, selector: &str) -> Vec<HtmlElement> {
        let list = self.container.query_selector_all(selector).unwrap();
        (0..list.length())
            .filter_map(|i| list.item(i)?.dyn_into().ok())
            .collect()
    }

    fn text(&self, selector: &str) -> String {
        self.container
            .query_selector(selector)
            .unwrap()
            .and_then(|e| e.text_content())
            .unwrap_or_default()
    }

    /// Clicks the button whose visible text is `name`.
    async fn press(&self, name: &str) {
        let button = self
            .all("button")
            .into_iter()
            .find(|b| b.text_content().unwrap_or_default().trim() == name);
        button
            .unwrap_or_else(|| panic!("no button named {name:?}"))
            .click();
        settle().await;
    }

    /// Checks, in every question on screen, the option `pick` chooses among the known options
    /// (one option also where several can be picked).
    async fn answer_step(&self, pick: impl Fn(&str, usize) -> usize) {
        for fieldset in self.all("fieldset[data-question]") {
            let part = fieldset.get_attribute("data-part").unwrap();
            let list = fieldset
                .query_selector_all("input:is([type=radio], [type=checkbox]):not([value=unknown])")
                .unwrap();
            let index = pick(&part, list.length() as usize);
            let input: HtmlInputElement = list.item(index as u32).unwrap().dyn_into().unwrap();
            input.click();
        }
        settle().await;
    }

    /// Answers every step with `pick` until the results show.
    async fn answer_all(&self, pick: impl Fn(&str, usize) -> usize + Copy) {
        for _ in 0..50 {
            self.answer_step(pick).await;
            if self
                .all("button")
                .iter()
                .any(|b| b.text_content().unwrap_or_default().contains("results"))
            {
                self.press("See results").await;
                return;
            }
            self.press("Next").await;
        }
        panic!("never reached the results");
    }
}

/// Lets Leptos apply pending updates, then waits for the next animation frame (focus moves then).
async fn settle() {
    leptos::task::tick().await;
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let callback = Closure::once_into_js(move || {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        });
        let _ = web_sys::window()
            .unwrap()
            .request_animation_frame(callback.unchecked_ref());
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    leptos::task::tick().await;
}

/// Issue 17: the app draws in the language it starts in, names it on `<html lang>`, and the
/// header's switch redraws it in another and remembers the choice.
#[wasm_bindgen_test]
async fn the_app_speaks_the_language_it_starts_in_and_switches_when_asked() {
    let app = mount_in(lang::Locale::de).await;
    settle().await;
    let page_language = || document().document_element().unwrap().get_attribute("lang");
    assert_eq!(app.text(".site-header nav a"), "Einschätzung");
    assert_eq!(page_language().as_deref(), Some("de"));

    let select: web_sys::HtmlSelectElement = app
        .container
        .query_selector("[data-testid=language]")
        .unwrap()
        .expect("a language switch in the header")
        .dyn_into()
        .unwrap();
    select.set_value("fr");
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    for _ in 0..20 {
        settle().await;
        if app.text(".site-header nav a") == "Évaluation" {
            break;
        }
    }
    assert_eq!(app.text(".site-header nav a"), "Évaluation");
    assert_eq!(page_language().as_deref(), Some("fr"));
    assert_eq!(
        platform::storage::read(platform::storage::LANGUAGE_KEY)
            .unwrap()
            .as_deref(),
        Some("fr")
    );
    platform::set_document_language("en");
}

#[wasm_bindgen_test]
async fn the_questionnaire_reaches_results_computed_from_the_answers() {
    let app = mount().await;
    settle().await;
    assert!(app.text(".progress").starts_with("Step 1 of "));
    app.answer_all(|_, n| (n - 1) / 2).await;
    let stage = app.text("[data-testid=stage]");
    assert!(
        ["Early", "Growth", "Mature"]
            .iter()
            .any(|s| stage.contains(s)),
        "stage {stage:?}"
    );
    let score = app.text("[data-testid=alignment-score]");
    assert!(score.chars().any(|c| c.is_ascii_digit()), "score {score:?}");
    let findings = app.all("[data-dimension][data-finding]");
    assert_eq!(findings.len(), stagefit_core::BANK.dimensions.len());
    assert_eq!(
        document().active_element().map(|e| e.id()),
        Some("results-heading".to_string())
    );
}

/// Another tab moved the same unfinished assessment on before this tab heard of it (its storage
/// event had not arrived), saving it a moment later, or an hour later by a clock that runs
/// ahead: this tab's next answer goes on top of that copy. Neither tab's answers are
/// overwritten, and this tab shows the other's answer too.
#[wasm_bindgen_test]
async fn answers_given_in_another_tab_on_the_same_draft_are_not_overwritten() {
    for later in [1.0, 3_600_000.0] {
        another_tab_answers_the_same_draft(later).await;
    }
}

async fn another_tab_answers_the_same_draft(later: f64) {
    let app = mount().await;
    settle().await;
    let questions = app.all("fieldset[data-question]");
    let id = |i: usize| questions[i].get_attribute("data-question").unwrap();
    let choose = |i: usize, option: usize| {
        let input: HtmlInputElement = document()
            .get_element_by_id(&format!("q-{}-{option}", id(i)))
            .unwrap()
            .dyn_into()
            .unwrap();
        input.click();
    };
    choose(0, 1);
    settle().await;
    // The other tab: the draft as stored, with the second question answered, `later` ms on.
    let stored = platform::storage::read(platform::storage::DRAFT_KEY)
        .unwrap()
        .expect("a draft is saved");
    let mut other: serde_json::Value = serde_json::from_str(&stored).unwrap();
    let snapshot = &mut other["snapshot"];
    snapshot["answers"][id(1)] = serde_json::json!(2);
    let at = snapshot["updated"].as_f64().unwrap() + later;
    snapshot["updated"] = serde_json::json!(at as u64);
    platform::storage::write(platform::storage::DRAFT_KEY, &other.to_string()).unwrap();
    // This tab answers the third question.
    choose(2, 0);
    settle().await;
    settle().await;
    let saved: serde_json::Value = serde_json::from_str(
        &platform::storage::read(platform::storage::DRAFT_KEY)
            .unwrap()
            .unwrap(),
    )
    .unwrap();
    let answers = &saved["snapshot"]["answers"];
    assert_eq!(answers[id(0)], serde_json::json!(1), "{saved}");
    assert_eq!(
        answers[id(1)],
        serde_json::json!(2),
        "the other tab's answer: {saved}"
    );
    assert_eq!(
        answers[id(2)],
        serde_json::json!(0),
        "this tab's answer: {saved}"
    );
    let shown: HtmlInputElement = document()
        .get_element_by_id(&format!("q-{}-2", id(1)))
        .unwrap()
        .dyn_into()
        .unwrap();
    assert!(shown.checked(), "this tab shows the other tab's answer");
    drop(app);
}

#[wasm_bindgen_test]
async fn an_early_company_with_a_heavy_platform_is_ahead_everywhere() {
    let app = mount().await;
    settle().await;
    app.answer_all(|part, n| if part == "company" { 0 } else { n - 1 })
        .await;
    assert!(app.text("[data-testid=stage]").contains("Early"));
    let over = app.all("[data-finding=over]").len();
    assert_eq!(over, stagefit_core::BANK.dimensions.len());
}

#[wasm_bindgen_test]
async fn next_with_missing_answers_says_what_is_missing_and_stays() {
    let app = mount().await;
    settle().await;
    let n = app.all("fieldset[data-question]").len();
    app.press("Next").await;
    assert!(
        app.text("[role=alert]")
            .contains(&format!("{n} questions still need an answer"))
    );
    assert!(app.text(".progress").starts_with("Step 1 of "));
    let focused = document()
        .active_element()
        .and_then(|e| e.closest("fieldset").ok().flatten());
    assert_eq!(
        focused.and_then(|f| f.get_attribute("data-question")),
        app.all("fieldset[data-question]")[0].get_attribute("data-question")
    );
    app.answer_step(|_, _| 0).await;
    assert_eq!(app.text("[role=alert]"), "");
    app.press("Next").await;
    assert!(app.text(".progress").starts_with("Step 2 of "));
    // Focus moves with the flow: onto the new step's first question.
    let focused = document()
        .active_element()
        .and_then(|e| e.closest("fieldset").ok().flatten());
    assert_eq!(
        focused.and_then(|f| f.get_attribute("data-question")),
        app.all("fieldset[data-question]")[0].get_attribute("data-question")
    );
    assert_eq!(platform::fragment(), "#/step/2");
}

#[wasm_bindgen_test]
async fn a_number_key_chooses_that_option_and_moves_to_the_next_question() {
    let app = mount().await;
    settle().await;
    let fieldsets = app.all("fieldset[data-question]");
    let first: HtmlInputElement = fieldsets[0]
        .query_selector("input")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    first.focus().unwrap();
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("2");
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    first.dispatch_event(&event).unwrap();
    settle().await;
    let second: HtmlInputElement = fieldsets[0]
        .query_selector_all("input")
        .unwrap()
        .item(1)
        .unwrap()
        .dyn_into()
        .unwrap();
    assert!(second.checked(), "the second option is chosen");
    let focused = document()
        .active_element()
        .and_then(|e| e.closest("fieldset").ok().flatten());
    assert_eq!(
        focused.and_then(|f| f.get_attribute("data-question")),
        fieldsets[1].get_attribute("data-question"),
        "focus moved on to the next question"
    );
}

#[wasm_bindgen_test]
fn platform_focus_ignores_missing_elements_and_focuses_present_ones() {
    platform::focus("no-such-element");
    let button = document().create_element("button").unwrap();
    button.set_id("focus-target");
    document().body().unwrap().append_child(&button).unwrap();
    platform::focus("focus-target");
    assert_eq!(
        document().active_element().map(|e| e.id()),
        Some("focus-target".to_string())
    );
    button.remove();
}

#[wasm_bindgen_test]
async fn choosing_the_stage_yourself_changes_the_stage_and_the_score() {
    let app = mount().await;
    settle().await;
    // An early company with a mature platform: low fit until the person says "mature".
    app.answer_all(|part, n| if part == "company" { 0 } else { (n - 1).min(3) })
        .await;
    assert!(app.text("[data-testid=stage]").contains("Early"));
    let before = app.text("[data-testid=alignment-score]");
    let mature: HtmlInputElement = app.all("#stage-mature")[0].clone().dyn_into().unwrap();
    mature.click();
    settle().await;
    assert!(app.text("[data-testid=stage]").contains("Mature"));
    assert_ne!(app.text("[data-testid=alignment-score]"), before);
    let inferred: HtmlInputElement = app.all("#stage-inferred")[0].clone().dyn_into().unwrap();
    inferred.click();
    settle().await;
    assert_eq!(app.text("[data-testid=alignment-score]"), before);
}

#[wasm_bindgen_test]
async fn results_show_priorities_with_draft_goals_and_the_arithmetic() {
    let app = mount().await;
    settle().await;
    app.answer_all(|part, n| if part == "company" { n - 1 } else { 0 })
        .await;
    let priorities = app.all(".priority");
    assert_eq!(priorities.len(), 3);
    for p in &priorities {
        let text = p.text_content().unwrap_or_default();
        // The card's sentence is the goal's objective; the card opens to its key results.
        assert!(
            text.contains("Draft goal for the objective above"),
            "{text}"
        );
        assert!(text.matches("Key result: ").count() >= 2, "{text}");
    }
    assert!(app.text(".finding .why-details").contains("Points lost: "));
}

mod storage_edge {
    //! The platform edge's storage calls against the real localStorage of headless Chromium.
    use stagefit::platform::storage::{self, StorageError};
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn values_are_written_read_and_removed() {
        assert_eq!(storage::probe(), Ok(()));
        storage::write("stagefit.test.a", "one").unwrap();
        assert_eq!(
            storage::read("stagefit.test.a"),
            Ok(Some("one".to_string()))
        );
        storage::remove("stagefit.test.a").unwrap();
        assert_eq!(storage::read("stagefit.test.a"), Ok(None));
    }

    #[wasm_bindgen_test]
    fn unreadable_values_are_copied_aside_unchanged() {
        storage::write("stagefit.test.b", "{broken").unwrap();
        let aside = storage::keep_aside("stagefit.test.b", "{broken").unwrap();
        assert!(aside.starts_with("stagefit.unreadable.test.b."), "{aside}");
        assert_eq!(storage::read(&aside), Ok(Some("{broken".to_string())));
        assert_eq!(
            storage::read("stagefit.test.b"),
            Ok(Some("{broken".to_string()))
        );
        storage::remove(&aside).unwrap();
        storage::remove("stagefit.test.b").unwrap();
    }

    /// Issue 18: a value met again (on every load) is kept aside once, not once each time.
    #[wasm_bindgen_test]
    fn an_unreadable_value_is_kept_aside_once_per_distinct_value() {
        let count = || {
            storage::keys()
                .iter()
                .filter(|k| k.starts_with("stagefit.unreadable.test.d."))
                .count()
        };
        let first = storage::keep_aside("stagefit.test.d", "{broken").unwrap();
        let again = storage::keep_aside("stagefit.test.d", "{broken").unwrap();
        assert_eq!(first, again);
        assert_eq!(count(), 1);
        let other = storage::keep_aside("stagefit.test.d", "{other").unwrap();
        assert_ne!(first, other);
        assert_eq!(count(), 2);
        storage::remove(&first).unwrap();
        storage::remove(&other).unwrap();
    }

    /// Issue 18: storage used up by other keys is full, not off: it still reads.
    #[wasm_bindgen_test]
    fn storage_filled_by_others_is_full_not_off() {
        let local = web_sys::window().unwrap().local_storage().unwrap().unwrap();
        storage::write("stagefit.test.e", "kept").unwrap();
        let chunk = "x".repeat(512 * 1024);
        let mut n = 0;
        while local.set_item(&format!("someone.fill.{n}"), &chunk).is_ok() {
            n += 1;
        }
        let mut small = chunk.len();
        while small > 1 {
            small /= 2;
            let _ = local.set_item(&format!("someone.fill.small.{small}"), &chunk[..small]);
        }
        let probe = storage::probe();
        let read = storage::read("stagefit.test.e");
        for key in (0..n)
            .map(|i| format!("someone.fill.{i}"))
            .collect::<Vec<_>>()
        {
            local.remove_item(&key).unwrap();
        }
        let mut small = chunk.len();
        while small > 1 {
            small /= 2;
            local
                .remove_item(&format!("someone.fill.small.{small}"))
                .unwrap();
        }
        storage::remove("stagefit.test.e").unwrap();
        assert_eq!(probe, Err(StorageError::Full));
        assert_eq!(read, Ok(Some("kept".to_string())));
    }

    #[wasm_bindgen_test]
    fn a_write_beyond_the_quota_is_reported_as_full_and_changes_nothing() {
        storage::write("stagefit.test.c", "before").unwrap();
        let huge = "x".repeat(12 * 1024 * 1024);
        assert_eq!(
            storage::write("stagefit.test.c", &huge),
            Err(StorageError::Full)
        );
        assert_eq!(
            storage::read("stagefit.test.c"),
            Ok(Some("before".to_string()))
        );
        storage::remove("stagefit.test.c").unwrap();
    }

    #[wasm_bindgen_test]
    fn clear_all_removes_only_stagefit_keys() {
        let local = web_sys::window().unwrap().local_storage().unwrap().unwrap();
        local.set_item("someone.else", "keep").unwrap();
        storage::write("stagefit.test.d", "go").unwrap();
        storage::clear_all().unwrap();
        assert_eq!(storage::keys(), Vec::<String>::new());
        assert_eq!(
            local.get_item("someone.else").unwrap(),
            Some("keep".to_string())
        );
        local.remove_item("someone.else").unwrap();
    }

    #[wasm_bindgen_test]
    fn ids_are_unique_and_times_are_whole_milliseconds() {
        let now = storage::now();
        assert_eq!(now, now.floor());
        assert_ne!(storage::new_id(now), storage::new_id(now));
    }
}

mod start_up {
    //! Issue 18: the history is read after start-up, a part at a time.
    use leptos::prelude::*;
    use stagefit::platform::storage;
    use stagefit::ui::Store;
    use wasm_bindgen_test::wasm_bindgen_test;

    /// Leptos starts its task executor when an app is mounted (`main` mounts one first).
    async fn executor() {
        drop(super::mount().await);
    }

    fn entry(i: usize) -> String {
        format!(
            r#"{{"format":"stagefit-snapshot","version":1,"bank":2,"id":"b-{i}","label":"B {i}","created":{t},"updated":{t},"stage":null,"answers":{{}}}}"#,
            t = 1_760_000_000_000_u64 + i as u64 * 1000
        )
    }

    #[wasm_bindgen_test]
    async fn the_history_is_read_after_start_up_and_a_backup_or_a_result_meanwhile_is_whole() {
        executor().await;
        storage::clear_all().unwrap();
        for i in 0..120 {
            storage::write(&format!("stagefit.assessment.b-{i}"), &entry(i)).unwrap();
        }
        let owner = Owner::new();
        let store = owner.with(|| Store::load(async {}));
        // Start-up has read none of it yet.
        assert!(!store.ready().get_untracked());
        assert!(store.history().with_untracked(Vec::is_empty));
        // A backup taken now (the storage-full notice offers one) holds every assessment, and a
        // result opened by its address is found by its own key.
        let backup = store.export_history();
        assert_eq!(backup.matches("\"stagefit-snapshot\"").count(), 120);
        assert_eq!(store.find("b-7").map(|s| s.label), Some("B 7".to_string()));
        assert_eq!(store.find("b-none"), None);
        for _ in 0..500 {
            if store.ready().get_untracked() {
                break;
            }
            stagefit::platform::next_task().await;
        }
        assert!(store.ready().get_untracked());
        assert_eq!(store.history().with_untracked(Vec::len), 120);
        assert_eq!(store.history().with_untracked(|h| h[0].id.clone()), "b-119");
        drop(owner);
        storage::clear_all().unwrap();
    }

    #[wasm_bindgen_test]
    async fn a_read_under_way_stops_when_the_app_is_gone() {
        executor().await;
        storage::clear_all().unwrap();
        for i in 0..50 {
            storage::write(&format!("stagefit.assessment.b-{i}"), &entry(i)).unwrap();
        }
        let owner = Owner::new();
        owner.with(|| Store::load(async {}));
        drop(owner);
        // The read resumes after the owner is gone: it stops, without a panic.
        for _ in 0..5 {
            stagefit::platform::next_task().await;
        }
        storage::clear_all().unwrap();
    }
}

mod url_edge {
    //! The platform edge's URL calls: reading, pushing and replacing the fragment.
    use stagefit::platform;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn the_fragment_is_read_pushed_and_replaced_without_touching_path_or_query() {
        let window = web_sys::window().unwrap();
        let location = window.location();
        let path = location.pathname().unwrap();
        location.set_hash("r=EBTlLkIpylOUpylOAAAY").unwrap();
        assert_eq!(platform::fragment(), "#r=EBTlLkIpylOUpylOAAAY");
        assert!(platform::page_url().ends_with(&path));
        let entries = window.history().unwrap().length().unwrap();
        platform::push_fragment("#/history");
        assert_eq!(platform::fragment(), "#/history");
        assert_eq!(window.history().unwrap().length().unwrap(), entries + 1);
        platform::replace_fragment("#/how");
        assert_eq!(platform::fragment(), "#/how");
        assert_eq!(window.history().unwrap().length().unwrap(), entries + 1);
        platform::replace_fragment("");
        assert_eq!(platform::fragment(), "");
        assert_eq!(location.pathname().unwrap(), path);
    }
}

#[wasm_bindgen_test]
fn platform_select_text_selects_text_inputs_and_text_areas() {
    // Regression (issue 6): the copy-link fallback selected nothing in a text input.
    for tag in ["input", "textarea"] {
        let element: HtmlElement = document().create_element(tag).unwrap().dyn_into().unwrap();
        element.set_id("select-me");
        document().body().unwrap().append_child(&element).unwrap();
        if let Some(input) = element.dyn_ref::<HtmlInputElement>() {
            input.set_value("https://example.org/#r=abc");
        } else if let Some(area) = element.dyn_ref::<web_sys::HtmlTextAreaElement>() {
            area.set_value("# Summary");
        }
        platform::select_text("select-me");
        assert_eq!(
            document().active_element().map(|e| e.id()),
            Some("select-me".to_string()),
            "{tag}"
        );
        element.remove();
    }
}

#[wasm_bindgen_test]
fn platform_dialogs_open_as_modal_and_close() {
    // Issue 14: the share dialog opens through the platform edge.
    assert!(!platform::show_dialog("no-such-dialog"));
    platform::close_dialog("no-such-dialog");
    let dialog: web_sys::HtmlDialogElement = document()
        .create_element("dialog")
        .unwrap()
        .dyn_into()
        .unwrap();
    dialog.set_id("test-dialog");
    document().body().unwrap().append_child(&dialog).unwrap();
    assert!(platform::show_dialog("test-dialog"));
    assert!(dialog.open());
    assert!(dialog.matches(":modal").unwrap());
    // Opening an open dialog again is harmless.
    assert!(platform::show_dialog("test-dialog"));
    platform::close_dialog("test-dialog");
    assert!(!dialog.open());
    dialog.remove();
}

#[wasm_bindgen_test]
async fn platform_next_task_waits_for_a_timer_queued_before_it() {
    // Issue 18: a big room is read in steps, each after the browser's next task.
    let ran = std::rc::Rc::new(std::cell::Cell::new(false));
    let flag = ran.clone();
    let callback = Closure::once_into_js(move || flag.set(true));
    web_sys::window()
        .unwrap()
        .set_timeout_with_callback(callback.unchecked_ref())
        .unwrap();
    assert!(!ran.get());
    platform::next_task().await;
    assert!(
        ran.get(),
        "the timer queued first ran before next_task returned"
    );
}

#[wasm_bindgen_test]
fn platform_on_key_names_the_key_and_prevents_only_what_it_handles() {
    // Issue 15: "Present results" moves with the arrow keys; other keys keep their meaning.
    let seen = std::rc::Rc::new(std::cell::RefCell::new(Vec::<String>::new()));
    let log = seen.clone();
    let handle = platform::on_key(move |key| {
        log.borrow_mut().push(key.to_string());
        key == "ArrowRight"
    });
    let press = |key: &str, ctrl: bool| {
        let init = web_sys::KeyboardEventInit::new();
        init.set_key(key);
        init.set_ctrl_key(ctrl);
        init.set_cancelable(true);
        let event =
            web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
        web_sys::window().unwrap().dispatch_event(&event).unwrap();
        event.default_prevented()
    };
    assert!(press("ArrowRight", false));
    assert!(!press("x", false));
    assert!(!press("ArrowRight", true), "Ctrl+Arrow is the browser's");
    assert_eq!(*seen.borrow(), ["ArrowRight", "x"]);
    handle.remove();
    assert!(!press("ArrowRight", false));
}

#[wasm_bindgen_test]
async fn a_room_of_six_hundred_is_read_in_steps_and_counted_whole() {
    // Issue 18: more links than one step holds are read over several browser tasks; the count
    // shows once all are read, and agrees with the list of workshops.
    use stagefit_core::workshop::{Workshop, encode_workshops};
    use stagefit_core::{Answer, Answers, BANK};
    let payloads = (0..600)
        .map(|p| {
            let mut answers = Answers::new(&BANK);
            for (i, q) in BANK.questions.iter().enumerate() {
                answers.set(i, Answer::Chosen(((p + i) % q.options.len()) as u8));
            }
            stagefit_core::link::encode(&BANK, &answers, &format!("P{p}"))
        })
        .collect();
    let room = Workshop {
        id: "room-600".to_string(),
        name: "Big room".to_string(),
        note: String::new(),
        created: 0.0,
        payloads,
        agreed: Default::default(),
        unknown: Default::default(),
    };
    stagefit::platform::storage::clear_all().unwrap();
    stagefit::platform::storage::write("stagefit.workshops", &encode_workshops(&[room])).unwrap();
    stagefit::platform::replace_fragment("#/workshops");
    let container = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&container).unwrap();
    strings_in(lang::Locale::en).await;
    let _handle = leptos::mount::mount_to(container.clone().unchecked_into(), || {
        use leptos::prelude::*;
        lang::provide(lang::Locale::en);
        view! { <App /> }.into_any()
    });
    settle().await;
    let text = |selector: &str| {
        container
            .query_selector(selector)
            .unwrap()
            .and_then(|e| e.text_content())
            .unwrap_or_default()
    };
    assert!(
        text(".history-item").contains("600 participants"),
        "{}",
        text(".history-item")
    );
    let open: HtmlElement = container
        .query_selector(".history-item a")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    open.click();
    settle().await;
    for _ in 0..10 {
        platform::next_task().await;
    }
    settle().await;
    assert_eq!(
        text("[data-testid=\"participant-count\"]"),
        "600 participants"
    );
    container.remove();
}
