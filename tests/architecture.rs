//! The shape of the code, checked: no two modules import each other (directly or round a
//! loop), the functional core (`model`, `io`, `timeline`) never touches egui, and the
//! README's key table is the command table's. See docs/architecture.md.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

type Module = Vec<String>;

/// Every module of the library (`src/` less `main.rs`), by path, with its source.
fn modules() -> BTreeMap<Module, String> {
    fn walk(dir: &Path, out: &mut BTreeMap<Module, String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let rel = path
                    .strip_prefix(concat!(env!("CARGO_MANIFEST_DIR"), "/src"))
                    .unwrap();
                let mut m: Module = rel
                    .with_extension("")
                    .iter()
                    .map(|s| s.to_string_lossy().into_owned())
                    .collect();
                if m.last().is_some_and(|l| l == "mod" || l == "lib") {
                    m.pop();
                }
                if m == ["main"] {
                    continue;
                }
                out.insert(m, std::fs::read_to_string(&path).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")),
        &mut out,
    );
    out
}

/// The source without comments, so prose naming a module is not an import.
fn code(text: &str) -> String {
    text.lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every path written after `crate::` or `super::`, with brace groups expanded one level:
/// `crate::a::{b, c::d}` gives `a::b` and `a::c::d`, each starting from the module given.
fn paths(from: &Module, text: &str) -> Vec<Module> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let found = ["crate::", "super::"].iter().flat_map(|w| {
        text.match_indices(w)
            .map(move |(i, _)| (i, *w == "crate::"))
    });
    for (start, from_crate) in found {
        if start > 0 && (bytes[start - 1].is_ascii_alphanumeric() || bytes[start - 1] == b'_') {
            continue;
        }
        let mut base: Module = if from_crate { Vec::new() } else { parent(from) };
        // Both prefixes are seven characters long.
        let mut i = start + 7;
        let mut segs = Vec::new();
        loop {
            let rest = &text[i..];
            let len = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            let seg = &rest[..len];
            if seg == "super" {
                base = parent(&base);
            } else if !seg.is_empty() {
                segs.push(seg.to_owned());
            }
            i += len;
            if text[i..].starts_with("::{") {
                let close = text[i..].find('}').map_or(text.len(), |c| i + c);
                for item in text[i + 3..close].split(',') {
                    let first = item.trim().split("::").next().unwrap_or("").trim();
                    if !first.is_empty() && first != "self" {
                        let mut p = base.clone();
                        p.extend(segs.iter().cloned());
                        p.push(first.to_owned());
                        out.push(p);
                    }
                }
                segs.clear();
                break;
            } else if text[i..].starts_with("::") {
                i += 2;
            } else {
                break;
            }
        }
        if !segs.is_empty() {
            base.extend(segs);
            out.push(base);
        }
    }
    out
}

fn parent(m: &Module) -> Module {
    m[..m.len().saturating_sub(1)].to_vec()
}

/// The module a path lands in: the longest known prefix, following one `pub use` of a
/// module's item to where the item lives.
fn resolve(
    path: &Module,
    all: &BTreeMap<Module, String>,
    reexports: &BTreeMap<(Module, String), Module>,
) -> Option<Module> {
    let n = (0..=path.len())
        .rev()
        .find(|&n| all.contains_key(&path[..n]))?;
    let m = path[..n].to_vec();
    if let Some(next) = path.get(n)
        && let Some(target) = reexports.get(&(m.clone(), next.clone()))
    {
        return Some(target.clone());
    }
    Some(m)
}

/// Module to module edges, lifted to the children of their deepest common ancestor: a file
/// in `app/` using `export::x` is `app -> export`; a module using its own parent is no edge.
fn edges() -> BTreeMap<(Module, Module), BTreeSet<String>> {
    let all = modules();
    let mut reexports = BTreeMap::new();
    for (m, text) in &all {
        for line in code(text).lines() {
            let line = line.trim();
            if let Some(rest) = line.strip_prefix("pub use ") {
                // `pub use a::b::{C, D};` or `pub use a::b::C;`, relative to this module.
                let body = rest.trim_end_matches(';');
                let rel: Vec<&str> = body.split("::{").collect();
                let (prefix, names): (&str, Vec<&str>) = if rel.len() == 2 {
                    (rel[0], rel[1].trim_end_matches('}').split(',').collect())
                } else {
                    let (a, b) = body.rsplit_once("::").unwrap_or(("", body));
                    (a, vec![b])
                };
                let mut target: Module = if prefix.starts_with("crate::") {
                    prefix
                        .trim_start_matches("crate::")
                        .split("::")
                        .map(str::to_owned)
                        .collect()
                } else {
                    let mut t = m.clone();
                    t.extend(
                        prefix
                            .split("::")
                            .filter(|s| !s.is_empty())
                            .map(str::to_owned),
                    );
                    t
                };
                if target.first().is_some_and(|s| s == "crate") {
                    target.remove(0);
                }
                for name in names {
                    let name = name.trim().split(" as ").last().unwrap_or("").trim();
                    if !name.is_empty() && all.contains_key(&target) {
                        reexports.insert((m.clone(), name.to_owned()), target.clone());
                    }
                }
            }
        }
    }
    let mut out: BTreeMap<(Module, Module), BTreeSet<String>> = BTreeMap::new();
    for (m, text) in &all {
        for p in paths(m, &code(text)) {
            let Some(to) = resolve(&p, &all, &reexports) else {
                continue;
            };
            let common = m.iter().zip(&to).take_while(|(a, b)| a == b).count();
            if common == m.len() || common == to.len() {
                continue;
            }
            let (a, b) = (m[..=common].to_vec(), to[..=common].to_vec());
            out.entry((a, b))
                .or_default()
                .insert(format!("{} -> {}", m.join("/"), to.join("/")));
        }
    }
    out
}

#[test]
fn no_two_modules_import_each_other() {
    let edges = edges();
    let mut graph: BTreeMap<&Module, Vec<&Module>> = BTreeMap::new();
    for (a, b) in edges.keys() {
        graph.entry(a).or_default().push(b);
    }
    // A cycle is an edge a -> b with a path back from b to a.
    let reaches = |from: &Module, to: &Module| {
        let mut seen = BTreeSet::new();
        let mut stack = vec![from];
        while let Some(m) = stack.pop() {
            if m == to {
                return true;
            }
            if seen.insert(m) {
                stack.extend(graph.get(m).into_iter().flatten().copied());
            }
        }
        false
    };
    let cycles: Vec<String> = edges
        .iter()
        .filter(|((a, b), _)| reaches(b, a))
        .map(|((a, b), why)| {
            format!(
                "{} -> {} ({})",
                a.join("/"),
                b.join("/"),
                why.iter().take(3).cloned().collect::<Vec<_>>().join(", ")
            )
        })
        .collect();
    assert!(cycles.is_empty(), "import cycles:\n{}", cycles.join("\n"));
    // The checker sees real imports: the app does use the model.
    assert!(edges.contains_key(&(vec!["app".to_owned()], vec!["model".to_owned()])));
}

#[test]
fn the_functional_core_knows_nothing_of_egui() {
    for (m, text) in modules() {
        if !m
            .first()
            .is_some_and(|top| ["model", "io", "timeline"].contains(&top.as_str()))
        {
            continue;
        }
        let text = code(&text);
        for shell in [
            "egui",
            "eframe",
            "walkers",
            "crate::ui",
            "crate::map",
            "crate::app",
        ] {
            assert!(
                !text.contains(&format!("{shell}::")),
                "{} uses {shell}",
                m.join("/")
            );
        }
    }
}

#[test]
fn the_readme_key_table_is_the_command_table() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let expected: String = iskp_atlas::commands::help_rows()
        .iter()
        .map(|(keys, what)| format!("| {keys} | {what} |\n"))
        .collect();
    let start = readme
        .find("| key | action |\n|---|---|\n")
        .expect("README has a key table");
    let table = &readme[start..];
    let body = &table["| key | action |\n|---|---|\n".len()..];
    let end = body.find("\n\n").map_or(body.len(), |e| e + 1);
    assert_eq!(
        &body[..end],
        expected,
        "the README's key table differs from the command table; it should read:\n{expected}"
    );
}
