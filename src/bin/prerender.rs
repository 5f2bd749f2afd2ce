//! Prints the landing view and the first questionnaire step as HTML, drawn by the app's own
//! components (`stagefit::ui::prerender`). Run natively by the post-build hook
//! (`src/web/post_build.py`), which puts it into `dist/index.html`.

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    println!("{}", stagefit::ui::prerender());
}
