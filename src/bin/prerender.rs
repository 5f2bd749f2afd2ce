//! Run natively by the post-build hook (`src/web/post_build.py`):
//! - with no argument, prints the landing view and the first questionnaire step as HTML, drawn
//!   by the app's own components (`stagefit::ui::prerender`), for `dist/index.html`;
//! - with `--language LANG`, the same in that language (`--languages` lists them, English first);
//! - with `--shells LANG`, the frames the page shows for a shared result's and a join link's
//!   address before the app runs (`stagefit::ui::prerender_shells`), as JSON;
//! - with `--i18n DIR`, copies each language's strings, as build.rs wrote them for the wasm to
//!   fetch, into `DIR/<namespace>/<language>.json`;
//! - with `--icons DIR`, draws the app's one icon (`src/web/icon.svg`) as the PNG files the web
//!   app manifest names (`icons::SIZES`), into `DIR`.

#[cfg(not(target_arch = "wasm32"))]
use leptos_i18n::Locale as _;

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    {
        let args: Vec<String> = std::env::args().skip(1).collect();
        match args.as_slice() {
            [] => println!("{}", stagefit::ui::prerender()),
            [flag] if flag == "--languages" => {
                let names: Vec<&str> = stagefit::ui::text::lang::LANGUAGES
                    .iter()
                    .map(|(locale, _)| locale.as_str())
                    .collect();
                println!("{}", names.join(" "));
            }
            [flag, language] if flag == "--language" => match language.parse() {
                Ok(locale) => println!("{}", stagefit::ui::prerender_in(locale)),
                Err(_) => {
                    eprintln!("prerender: no language {language}");
                    std::process::exit(2);
                }
            },
            [flag, language] if flag == "--shells" => match language.parse() {
                Ok(locale) => {
                    let shells = stagefit::ui::prerender_shells(locale);
                    let json = serde_json::json!({
                        "shared": shells.shared,
                        "joining": shells.joining,
                        "name_max": shells.name_max,
                        "resume": shells.resume,
                        "latest": shells.latest,
                        "banks": shells.banks,
                        "questions": shells.questions,
                        "steps": shells.steps,
                    });
                    println!("{json}");
                }
                Err(_) => {
                    eprintln!("prerender: no language {language}");
                    std::process::exit(2);
                }
            },
            [flag, dir] if flag == "--i18n" => {
                if let Err(error) = copy_strings(std::path::Path::new(dir)) {
                    eprintln!("prerender --i18n: {error}");
                    std::process::exit(1);
                }
            }
            [flag, dir] if flag == "--icons" => {
                if let Err(error) = icons::write(std::path::Path::new(dir)) {
                    eprintln!("prerender --icons: {error}");
                    std::process::exit(1);
                }
            }
            _ => {
                eprintln!(
                    "usage: prerender [--language LANG | --languages | --shells LANG | --i18n DIR | --icons DIR]"
                );
                std::process::exit(2);
            }
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn copy_strings(to: &std::path::Path) -> std::io::Result<()> {
    let from = std::path::Path::new(env!("OUT_DIR")).join("i18n");
    for namespace in std::fs::read_dir(&from)? {
        let namespace = namespace?;
        let folder = to.join(namespace.file_name());
        std::fs::create_dir_all(&folder)?;
        for file in std::fs::read_dir(namespace.path())? {
            let file = file?;
            std::fs::copy(file.path(), folder.join(file.file_name()))?;
        }
    }
    Ok(())
}

/// The icons an installed app needs, drawn from the one icon the project has. Browsers ask for
/// 192 and 512 px (Chromium's install check wants one of at least 144 px), iOS for 180 px
/// (`apple-touch-icon`); a "maskable" one lets Android cut it to its own shape, so its picture
/// keeps to the middle 80 % (the safe zone) on a background that fills the square.
#[cfg(not(target_arch = "wasm32"))]
mod icons {
    use resvg::{tiny_skia, usvg};
    use std::path::Path;

    const ICON: &str = include_str!("../web/icon.svg");
    /// The icon's own blue, behind the maskable one's picture up to the edges.
    const BACKGROUND: &str = "#1d4ed8";
    /// File name, size in pixels, and whether it is the maskable one.
    pub const SIZES: [(&str, u32, bool); 4] = [
        ("icon-180.png", 180, false),
        ("icon-192.png", 192, false),
        ("icon-512.png", 512, false),
        ("icon-maskable-512.png", 512, true),
    ];

    /// The maskable picture: the icon at 80 % in the middle of a full square of its colour.
    fn maskable() -> String {
        format!(
            "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'>\
             <rect width='32' height='32' fill='{BACKGROUND}'/>\
             <g transform='translate(3.2 3.2) scale(0.8)'>{ICON}</g></svg>"
        )
    }

    pub fn write(to: &Path) -> Result<(), String> {
        std::fs::create_dir_all(to).map_err(|e| e.to_string())?;
        let options = usvg::Options::default();
        for (name, size, mask) in SIZES {
            let svg = if mask { maskable() } else { ICON.to_string() };
            let tree = usvg::Tree::from_str(&svg, &options).map_err(|e| e.to_string())?;
            let mut pixmap = tiny_skia::Pixmap::new(size, size).ok_or("no pixmap")?;
            let scale = size as f32 / tree.size().width();
            resvg::render(
                &tree,
                tiny_skia::Transform::from_scale(scale, scale),
                &mut pixmap.as_mut(),
            );
            pixmap
                .save_png(to.join(name))
                .map_err(|e| format!("{name}: {e}"))?;
        }
        Ok(())
    }
}
