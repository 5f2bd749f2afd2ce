//! Run natively by the post-build hook (`src/web/post_build.py`):
//! - with no argument, prints the landing view and the first questionnaire step as HTML, drawn
//!   by the app's own components (`stagefit::ui::prerender`), for `dist/index.html`;
//! - with `--i18n DIR`, writes each language's strings as the files the wasm fetches
//!   (`DIR/<namespace>/<language>.json`), read by `leptos_i18n`'s own parser from `locales/`, so
//!   their order is the order the generated code indexes them in.

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    {
        let args: Vec<String> = std::env::args().skip(1).collect();
        match args.as_slice() {
            [] => println!("{}", stagefit::ui::prerender()),
            [flag, dir] if flag == "--i18n" => {
                if let Err(error) = write_strings(std::path::Path::new(dir)) {
                    eprintln!("prerender --i18n: {error}");
                    std::process::exit(1);
                }
            }
            _ => {
                eprintln!("usage: prerender [--i18n DIR]");
                std::process::exit(2);
            }
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn write_strings(dir: &std::path::Path) -> Result<(), Box<dyn std::error::Error>> {
    use leptos_i18n_parser::parse_locales::{cfg_file::ConfigFile, locale::BuildersKeys};

    let mut manifest = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let config = ConfigFile::new(&mut manifest)?;
    let parsed = leptos_i18n_parser::parse_locales::parse_locales(Some(manifest), config.into())?;
    let BuildersKeys::NameSpaces { namespaces, .. } = parsed.builder_keys else {
        return Err("the locales are expected in namespaces (Cargo.toml)".into());
    };
    for namespace in namespaces {
        let folder = dir.join(&*namespace.key.name);
        std::fs::create_dir_all(&folder)?;
        for locale in namespace.locales {
            let strings: Vec<&str> = locale.strings.iter().map(|s| &**s).collect();
            let file = folder.join(format!("{}.json", locale.name.name));
            std::fs::write(file, serde_json::to_string(&strings)?)?;
        }
    }
    Ok(())
}
