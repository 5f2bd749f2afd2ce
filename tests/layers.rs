//! The UI's layers, drawn from the code's own imports: `app -> views -> widgets -> state, text
//! -> platform -> core`, never back up, and no cycle between the UI's files. A newcomer can then
//! say where a concern lives from the tree alone, and a change that reaches up (a store importing
//! the start-up, a text module reading state) fails here, not in review.
//!
//! Every path the code names is read with `syn`: `use` trees, paths in code, and paths inside
//! macros (the views' `view!`), as `crate::ui::…`, `super::…` or `self::…`.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use proc_macro2::{TokenStream, TokenTree};
use syn::visit::Visit;

/// Each layer, and the layers it may use. `platform` and the core sit below them all.
const LAYERS: [(&str, &[&str]); 5] = [
    ("app", &["views", "widgets", "state", "text"]),
    ("views", &["widgets", "state", "text"]),
    ("widgets", &["state", "text"]),
    ("state", &[]),
    ("text", &[]),
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("a readable folder") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module a file is, as its path below `ui` (`["views", "workshop"]` for
/// `views/workshop/mod.rs`), and whether it is a folder's `mod.rs` (whose `self` is itself).
fn module_of(ui: &Path, file: &Path) -> Vec<String> {
    let relative = file.strip_prefix(ui).expect("below src/ui");
    let mut parts: Vec<String> = relative
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// Collects every module path a file names, resolved to a path below `ui`.
struct Paths<'a> {
    module: &'a [String],
    found: BTreeSet<Vec<String>>,
}

impl Paths<'_> {
    /// A path as written (`["crate", "ui", "state", "Store"]`, `["super", "takeover"]`),
    /// resolved below `ui` when it points there; other crates' paths are not the UI's.
    fn add(&mut self, path: &[String]) {
        let below_ui: Vec<String> = match path.first().map(String::as_str) {
            Some("crate") if path.get(1).is_some_and(|p| p == "ui") => path[2..].to_vec(),
            Some("super") => {
                let mut base = self.module[..self.module.len().saturating_sub(1)].to_vec();
                let mut rest = &path[1..];
                while rest.first().is_some_and(|p| p == "super") {
                    base.pop();
                    rest = &rest[1..];
                }
                base.extend(rest.iter().cloned());
                base
            }
            Some("self") => {
                let mut base = self.module.to_vec();
                base.extend(path[1..].iter().cloned());
                base
            }
            _ => return,
        };
        if !below_ui.is_empty() {
            self.found.insert(below_ui);
        }
    }

    fn use_tree(&mut self, prefix: &mut Vec<String>, tree: &syn::UseTree) {
        match tree {
            syn::UseTree::Path(p) => {
                prefix.push(p.ident.to_string());
                self.use_tree(prefix, &p.tree);
                prefix.pop();
            }
            syn::UseTree::Name(n) => self.with(prefix, n.ident.to_string()),
            syn::UseTree::Rename(r) => self.with(prefix, r.ident.to_string()),
            syn::UseTree::Glob(_) => {
                let path = prefix.clone();
                self.add(&path);
            }
            syn::UseTree::Group(g) => g.items.iter().for_each(|t| self.use_tree(prefix, t)),
        }
    }

    fn with(&mut self, prefix: &[String], last: String) {
        let mut path = prefix.to_vec();
        // `use crate::ui::text::{self, lang}`: `self` is the folder itself.
        if last != "self" {
            path.push(last);
        }
        self.add(&path);
    }

    /// Paths inside a macro's tokens: `crate :: ui :: a :: b`, `super :: a`.
    fn tokens(&mut self, tokens: TokenStream) {
        let list: Vec<TokenTree> = tokens.into_iter().collect();
        let mut i = 0;
        while i < list.len() {
            match &list[i] {
                TokenTree::Group(g) => self.tokens(g.stream()),
                TokenTree::Ident(first) => {
                    let mut path = vec![first.to_string()];
                    let mut j = i + 1;
                    while j + 2 < list.len() + 1 {
                        let sep = matches!((&list.get(j), &list.get(j + 1)), (Some(TokenTree::Punct(a)), Some(TokenTree::Punct(b))) if a.as_char() == ':' && b.as_char() == ':');
                        match (sep, list.get(j + 2)) {
                            (true, Some(TokenTree::Ident(next))) => {
                                path.push(next.to_string());
                                j += 3;
                            }
                            _ => break,
                        }
                    }
                    if path.len() > 1 {
                        self.add(&path);
                    }
                    i = j.max(i + 1);
                    continue;
                }
                _ => {}
            }
            i += 1;
        }
    }
}

/// Test code (`#[cfg(test)]`, `#[cfg(all(test, …))]`) may reach anywhere: it is not the app.
fn is_test(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|a| {
        a.path().is_ident("cfg")
            && a.meta.require_list().is_ok_and(|list| {
                list.tokens
                    .to_string()
                    .split(|c: char| !c.is_alphanumeric() && c != '_')
                    .any(|w| w == "test")
            })
    })
}

impl<'ast> Visit<'ast> for Paths<'_> {
    fn visit_item_mod(&mut self, item: &'ast syn::ItemMod) {
        if !is_test(&item.attrs) {
            syn::visit::visit_item_mod(self, item);
        }
    }

    fn visit_item_use(&mut self, item: &'ast syn::ItemUse) {
        self.use_tree(&mut Vec::new(), &item.tree);
    }

    fn visit_path(&mut self, path: &'ast syn::Path) {
        let parts: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
        self.add(&parts);
        syn::visit::visit_path(self, path);
    }

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        self.visit_path(&mac.path);
        self.tokens(mac.tokens.clone());
    }
}

/// The module paths below `ui` a file names.
fn uses_of(module: &[String], text: &str) -> BTreeSet<Vec<String>> {
    let file = syn::parse_file(text).expect("a Rust file syn can read");
    let mut paths = Paths {
        module,
        found: BTreeSet::new(),
    };
    paths.visit_file(&file);
    paths.found
}

/// Every file of the UI (as its module path) with the modules of the UI it names, each cut to
/// the longest prefix that is a module (a file or folder) of the UI.
fn graph() -> BTreeMap<Vec<String>, BTreeSet<Vec<String>>> {
    let ui = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui");
    let mut files = Vec::new();
    rust_files(&ui, &mut files);
    let modules: BTreeSet<Vec<String>> = files.iter().map(|f| module_of(&ui, f)).collect();
    let mut graph = BTreeMap::new();
    for file in &files {
        let module = module_of(&ui, file);
        // A module's tests in a file of their own (`tests.rs`) are test code too.
        if module.last().is_some_and(|m| m == "tests") {
            continue;
        }
        let text = std::fs::read_to_string(file).expect("a readable file");
        let named = uses_of(&module, &text)
            .into_iter()
            .filter_map(|path| {
                (1..=path.len())
                    .rev()
                    .map(|n| path[..n].to_vec())
                    .find(|prefix| modules.contains(prefix))
            })
            .filter(|used| used != &module)
            .collect();
        graph.insert(module, named);
    }
    graph
}

#[test]
fn ui_imports_run_one_way() {
    let allowed: BTreeMap<&str, &[&str]> = LAYERS.into_iter().collect();
    let mut wrong = Vec::new();
    for (module, named) in graph() {
        let Some(from) = module.first() else {
            continue; // src/ui/mod.rs only declares the layers and re-exports them.
        };
        let may = allowed.get(from.as_str()).copied().unwrap_or_else(|| {
            panic!("src/ui/{from} is not a layer: add it to LAYERS with its rule")
        });
        for used in named {
            let to = used.first().map(String::as_str).unwrap_or_default();
            if to != from && !may.contains(&to) {
                wrong.push(format!(
                    "{} uses {}: {from} may use only {may:?}",
                    module.join("::"),
                    used.join("::")
                ));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports that run back up:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn ui_files_import_each_other_without_a_cycle() {
    let graph = graph();
    // A module's own parts (its children) are its inside, not an import of another file; and
    // src/ui/mod.rs, which only declares and re-exports, is left out.
    let edges: BTreeMap<&Vec<String>, Vec<&Vec<String>>> = graph
        .iter()
        .filter(|(module, _)| !module.is_empty())
        .map(|(module, named)| {
            let others = named.iter().filter(|u| !u.starts_with(module)).collect();
            (module, others)
        })
        .collect();
    fn visit<'a>(
        at: &'a Vec<String>,
        edges: &BTreeMap<&'a Vec<String>, Vec<&'a Vec<String>>>,
        path: &mut Vec<&'a Vec<String>>,
        done: &mut BTreeSet<&'a Vec<String>>,
    ) {
        if let Some(start) = path.iter().position(|m| *m == at) {
            let cycle: Vec<String> = path[start..].iter().map(|m| m.join("::")).collect();
            panic!(
                "an import cycle: {} -> {}",
                cycle.join(" -> "),
                at.join("::")
            );
        }
        if !done.insert(at) {
            return;
        }
        path.push(at);
        for next in edges.get(at).into_iter().flatten() {
            // A folder named as a whole (`views::assess`) stands for its `mod.rs`.
            visit(next, edges, path, done);
        }
        path.pop();
    }
    let mut done = BTreeSet::new();
    for module in edges.keys() {
        visit(module, &edges, &mut Vec::new(), &mut done);
    }
}

#[test]
fn the_platform_edge_never_reaches_into_the_ui() {
    let platform = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/platform");
    let mut files = Vec::new();
    rust_files(&platform, &mut files);
    for file in files {
        let text = std::fs::read_to_string(&file).expect("a readable file");
        let found = uses_of(&["platform".to_string()], &text);
        let ui: Vec<_> = found
            .iter()
            .filter(|p| p.first().is_some_and(|f| f != "platform"))
            .collect();
        assert!(ui.is_empty(), "{} uses the UI: {ui:?}", file.display());
    }
}

#[test]
fn paths_are_read_from_uses_code_and_macros() {
    let module = ["app".to_string(), "router".to_string()];
    let text = r#"
        use crate::ui::state::{Navigator, Store};
        use crate::ui::{text::{self, lang}, views::how};
        use super::takeover::Later;
        // crate::ui::widgets::charts in a comment is not a use
        fn f() { crate::ui::views::results::Results(); view! { <p>{crate::ui::text::bank::x()}</p> } }
    "#;
    let found: Vec<String> = uses_of(&module, text)
        .into_iter()
        .map(|p| p.join("::"))
        .collect();
    assert_eq!(
        found,
        [
            "app::takeover::Later",
            "state::Navigator",
            "state::Store",
            "text",
            "text::bank::x",
            "text::lang",
            "views::how",
            "views::results::Results"
        ]
    );
}
