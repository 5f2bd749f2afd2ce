//! What the wasm-bindgen tests share: the app's strings, served to the test page.
#![cfg(target_arch = "wasm32")]

use stagefit::ui::lang;
use wasm_bindgen::{JsValue, prelude::wasm_bindgen};

// The test page has no dist/ to fetch the app's strings from: `fetch` answers for them with the
// files build.rs wrote for dist/, built into the test.
#[wasm_bindgen(inline_js = r#"
export function serve_strings(files) {
  if (window.__stagefitStrings) return;
  window.__stagefitStrings = true;
  const real = window.fetch.bind(window);
  window.fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input.url;
    const m = /i18n\/(\w+)\/(\w+)\.json$/.exec(url);
    if (m && files[m[1] + '/' + m[2]] !== undefined) {
      return Promise.resolve(new Response(files[m[1] + '/' + m[2]], { headers: { 'content-type': 'application/json' } }));
    }
    return real(input, init);
  };
}
"#)]
extern "C" {
    fn serve_strings(files: &JsValue);
}

macro_rules! strings {
    ($($namespace:literal),*) => {{
        let files = js_sys::Object::new();
        $(
            for (language, text) in [
                ("en", include_str!(concat!(env!("OUT_DIR"), "/i18n/", $namespace, "/en.json"))),
                ("de", include_str!(concat!(env!("OUT_DIR"), "/i18n/", $namespace, "/de.json"))),
                ("fr", include_str!(concat!(env!("OUT_DIR"), "/i18n/", $namespace, "/fr.json"))),
            ] {
                let key = format!("{}/{language}", $namespace);
                js_sys::Reflect::set(&files, &key.into(), &text.into()).unwrap();
            }
        )*
        JsValue::from(files)
    }};
}

/// Makes the app's strings in `locale` available, as the start does before it draws.
pub async fn strings_in(locale: lang::Locale) {
    serve_strings(&strings!("common", "assess", "results", "workshop", "bank"));
    lang::load(locale).await;
}
