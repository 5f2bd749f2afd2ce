//! Writes each language's strings as the files the wasm fetches (`$OUT_DIR/i18n/<namespace>/
//! <language>.json`), read from `locales/` by `leptos_i18n`'s own parser with the settings in
//! Cargo.toml, so their order is the order the generated code (`crate::i18n`) indexes them in.
//! The post-build hook copies them into dist/ (`prerender --i18n`); the browser tests serve them
//! to the app from the test itself.

use std::path::PathBuf;

use leptos_i18n_parser::parse_locales::{cfg_file::ConfigFile, locale::BuildersKeys};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=Cargo.toml");
    println!("cargo::rerun-if-changed=locales");
    let mut manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR")?);
    let config = ConfigFile::new(&mut manifest)?;
    let parsed = leptos_i18n_parser::parse_locales::parse_locales(Some(manifest), config.into())?;
    if let Some(files) = &parsed.tracked_files {
        for file in files {
            println!("cargo::rerun-if-changed={file}");
        }
    }
    let BuildersKeys::NameSpaces { namespaces, .. } = parsed.builder_keys else {
        return Err("the locales are expected in namespaces (Cargo.toml)".into());
    };
    let out = PathBuf::from(std::env::var("OUT_DIR")?).join("i18n");
    for namespace in namespaces {
        let folder = out.join(&*namespace.key.name);
        std::fs::create_dir_all(&folder)?;
        for locale in namespace.locales {
            let strings: Vec<&str> = locale.strings.iter().map(|s| &**s).collect();
            let file = folder.join(format!("{}.json", locale.name.name));
            std::fs::write(file, serde_json::to_string(&strings)?)?;
        }
    }
    Ok(())
}
