//! The viewer's entry point (issue 27): a shared result's verdict before the whole app has
//! arrived (`ui::app::viewer`).

fn main() {
    stagefit::ui::start_viewer();
}
