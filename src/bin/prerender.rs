//! Run natively by the post-build hook (`src/web/post_build.py`):
//! - with no argument, prints the landing view and the first questionnaire step as HTML, drawn
//!   by the app's own components (`stagefit::ui::prerender`), for `dist/index.html`;
//! - with `--language LANG`, the same in that language (`--languages` lists them, English first);
//! - with `--i18n DIR`, copies each language's strings, as build.rs wrote them for the wasm to
//!   fetch, into `DIR/<namespace>/<language>.json`.

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
            [flag, dir] if flag == "--i18n" => {
                if let Err(error) = copy_strings(std::path::Path::new(dir)) {
                    eprintln!("prerender --i18n: {error}");
                    std::process::exit(1);
                }
            }
            _ => {
                eprintln!("usage: prerender [--language LANG | --languages | --i18n DIR]");
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
