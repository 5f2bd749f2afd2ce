//! The locale files agree: every language has every key of every namespace, with the same
//! interpolations and the same elements in it, and no string is left empty. `leptos_i18n` only
//! warns about a key missing in a language (and shows English there); this makes it fail.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde_json::Value;

/// The plural categories a key may end in (`key_one`, `key_other`…), CLDR's names; the app's
/// own plurals (`ui::text::s!`) are objects of them instead (`"key": {"one": …, "other": …}`).
const PLURALS: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// What a string must agree on across languages: its values (the crate's `{{ name }}`, kept as
/// `name`, and the app's own `{name}` placeholders, filled by `ui::text::fill`, kept as
/// `{name}`) and its `<elements>`.
#[derive(Debug, Default, PartialEq, Eq, Clone)]
struct Shape {
    variables: BTreeSet<String>,
    elements: BTreeSet<String>,
    plural_forms: BTreeSet<String>,
}

fn between<'a>(text: &'a str, open: &str, close: &str) -> Vec<&'a str> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(open) {
        let after = &rest[start + open.len()..];
        let Some(end) = after.find(close) else { break };
        found.push(after[..end].trim());
        rest = &after[end + close.len()..];
    }
    found
}

fn shape_of(text: &str) -> Shape {
    let mut shape = Shape::default();
    for variable in between(text, "{{", "}}") {
        shape.variables.insert(variable.to_string());
    }
    let mut rest = text.to_string();
    for variable in between(text, "{{", "}}") {
        rest = rest.replacen(&format!("{{{{ {variable} }}}}"), "", 1);
    }
    for placeholder in between(&rest, "{", "}") {
        if !placeholder.is_empty()
            && placeholder
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_')
        {
            shape.variables.insert(format!("{{{placeholder}}}"));
        }
    }
    for tag in between(text, "<", ">") {
        let name = tag.trim_start_matches('/').trim_end_matches('/');
        let name = name.split_whitespace().next().unwrap_or("");
        if !name.is_empty() {
            shape.elements.insert(name.to_string());
        }
    }
    shape
}

/// Every string of a file by its key path, plural forms folded into their key.
fn strings(value: &Value, path: &str, out: &mut BTreeMap<String, Shape>, empty: &mut Vec<String>) {
    match value {
        Value::Object(map)
            if map.contains_key("other") && map.keys().all(|k| PLURALS.contains(&k.as_str())) =>
        {
            for (form, value) in map {
                let text = value
                    .as_str()
                    .unwrap_or_else(|| panic!("{path}.{form}: not a text"));
                strings(
                    &Value::String(text.to_string()),
                    &format!("{path}_{form}"),
                    out,
                    empty,
                );
            }
        }
        Value::Object(map) => {
            for (key, value) in map {
                let full = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                strings(value, &full, out, empty);
            }
        }
        Value::String(text) => {
            if text.trim().is_empty() {
                empty.push(path.to_string());
            }
            let (key, form) = match path.rsplit_once('_') {
                Some((key, form)) if PLURALS.contains(&form) => (key.to_string(), Some(form)),
                _ => (path.to_string(), None),
            };
            let entry = out.entry(key).or_default();
            let shape = shape_of(text);
            entry.variables.extend(shape.variables);
            entry.elements.extend(shape.elements);
            if let Some(form) = form {
                entry.plural_forms.insert(form.to_string());
            }
        }
        other => panic!("{path}: only strings and objects belong in a locale file, not {other}"),
    }
}

/// Every language with a folder in `locales/` (so an added one is checked without being listed).
fn languages() -> Vec<String> {
    let mut names: Vec<String> =
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("locales"))
            .expect("locales/")
            .filter_map(|e| e.ok())
            .filter(|e| e.path().is_dir())
            .filter_map(|e| e.file_name().into_string().ok())
            .collect();
    names.sort();
    assert!(
        names.len() >= 3 && names.iter().any(|n| n == "en"),
        "{names:?}"
    );
    names
}

fn namespaces() -> Vec<String> {
    let mut names: Vec<String> =
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("locales/en"))
            .expect("locales/en")
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter_map(|n| n.strip_suffix(".json").map(str::to_string))
            .collect();
    names.sort();
    names
}

fn read(language: &str, namespace: &str) -> (BTreeMap<String, Shape>, Vec<String>) {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("locales/{language}/{namespace}.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let value: Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut out = BTreeMap::new();
    let mut empty = Vec::new();
    strings(&value, "", &mut out, &mut empty);
    (out, empty)
}

#[test]
fn every_language_has_every_key_with_the_same_interpolations() {
    let mut problems = Vec::new();
    for namespace in namespaces() {
        let (english, _) = read("en", &namespace);
        for language in languages() {
            let language = language.as_str();
            let (strings, empty) = read(language, &namespace);
            for key in empty {
                problems.push(format!("{language}/{namespace}: {key} is empty"));
            }
            for key in english.keys().filter(|k| !strings.contains_key(*k)) {
                problems.push(format!("{language}/{namespace}: {key} is missing"));
            }
            for key in strings.keys().filter(|k| !english.contains_key(*k)) {
                problems.push(format!("{language}/{namespace}: {key} is not in English"));
            }
            for (key, shape) in &strings {
                let Some(source) = english.get(key) else {
                    continue;
                };
                if shape.variables != source.variables {
                    problems.push(format!(
                        "{language}/{namespace}: {key} interpolates {:?}, English {:?}",
                        shape.variables, source.variables
                    ));
                }
                if shape.elements != source.elements {
                    problems.push(format!(
                        "{language}/{namespace}: {key} has elements {:?}, English {:?}",
                        shape.elements, source.elements
                    ));
                }
                if source.plural_forms.is_empty() != shape.plural_forms.is_empty()
                    || (!shape.plural_forms.is_empty() && !shape.plural_forms.contains("other"))
                {
                    problems.push(format!(
                        "{language}/{namespace}: {key} has plural forms {:?}, English {:?}; every plural needs \"other\"",
                        shape.plural_forms, source.plural_forms
                    ));
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "the locale files disagree:\n{}",
        problems.join("\n")
    );
}

#[test]
fn every_language_has_every_namespace() {
    for language in languages() {
        for namespace in namespaces() {
            read(&language, &namespace);
        }
    }
}

#[test]
fn the_checks_see_what_they_check() {
    let shape = shape_of("{{ count }} of <b>{{ total }}</b> answered<br/>");
    assert_eq!(shape.variables, ["count", "total"].map(String::from).into());
    let app = shape_of("{count} of {total}, {{ name }}: {} {not a name}");
    assert_eq!(
        app.variables,
        ["{count}", "{total}", "name"].map(String::from).into()
    );
    assert_eq!(shape.elements, ["b", "br"].map(String::from).into());
}

/// A JSON file of `locales/<language>/`, as a value.
fn json(language: &str, namespace: &str) -> Value {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("locales/{language}/{namespace}.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Each area's labels in a language: (area id, which label, its text), for its `short` (the
/// charts' label) and its `name` (the cards' and tables' heading).
fn area_labels(language: &str) -> Vec<(String, &'static str, String)> {
    let bank = json(language, "bank");
    let areas = bank["dimensions"]
        .as_object()
        .unwrap_or_else(|| panic!("{language}/bank.json has no dimensions"));
    let mut labels = Vec::new();
    for (id, area) in areas {
        for which in ["short", "name"] {
            let text = area[which].as_str().unwrap_or_default().to_string();
            labels.push((id.clone(), which, text));
        }
    }
    labels
}

/// Labels a language writes exactly as English does because the word is its own, not
/// borrowed (GLOSSARY.md): language, text.
const OWN_WORDS_SPELT_AS_IN_ENGLISH: [(&str, &str); 1] = [("fr", "Coordination")];

/// The charts label areas by their short names: no language other than English may show an
/// English one (German charts said "Delivery", "Observability" and "Reliability" beside German
/// cards).
#[test]
fn every_area_label_is_in_the_language_in_use() {
    let english = area_labels("en");
    let mut problems = Vec::new();
    for language in languages().into_iter().filter(|l| l != "en") {
        for (id, which, text) in area_labels(&language) {
            let source = english
                .iter()
                .find(|(i, w, _)| *i == id && *w == which)
                .map(|(_, _, source)| source);
            let own = OWN_WORDS_SPELT_AS_IN_ENGLISH.contains(&(language.as_str(), text.as_str()));
            if source == Some(&text) && !own {
                problems.push(format!(
                    "{language}: dimensions.{id}.{which} is English: {text}"
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// How sure the stage reading is must not be said with an area's word: German "Hohe
/// Sicherheit" and French "Fiabilité élevée" read as the security and reliability areas.
#[test]
fn the_confidence_labels_name_no_area() {
    let mut problems = Vec::new();
    for language in languages() {
        let results = json(&language, "results");
        let mut labels: Vec<(String, String)> = ["low", "medium", "high"]
            .iter()
            .map(|level| {
                let text = results["confidence"][level].as_str().unwrap_or_default();
                (format!("confidence.{level}"), text.to_string())
            })
            .collect();
        for key in ["confidence_none", "confidence_answers"] {
            let text = results[key].as_str().unwrap_or_default();
            labels.push((key.to_string(), text.to_string()));
        }
        assert!(
            labels.iter().all(|(_, text)| !text.is_empty()),
            "{language}"
        );
        for (key, text) in &labels {
            let text = text.to_lowercase();
            for (id, which, area) in area_labels(&language) {
                if text.contains(&area.to_lowercase()) {
                    problems.push(format!(
                        "{language}: results.{key} holds dimensions.{id}.{which} \"{area}\""
                    ));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
