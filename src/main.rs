//! The browser entry point: mounts the app.

fn main() {
    stagefit::ui::start();
}
