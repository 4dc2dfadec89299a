//! Embeds every page in `assets/samples/` (`.txt` files, in name order) into the binary,
//! and names the loader's version for the corpus cache (`DATELINE_LOADER_VERSION`).

use std::fmt::Write as _;
use std::hash::Hasher as _;
use std::path::Path;

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".txt") && !n.starts_with('.'))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let mut code = String::from("&[\n");
    for name in &names {
        let path = dir.join(name);
        println!("cargo:rerun-if-changed={}", path.display());
        writeln!(
            code,
            "    ({:?}, include_str!({:?})),",
            format!("samples/{name}"),
            path.display().to_string()
        )
        .unwrap();
    }
    code.push(']');
    let out = Path::new(&std::env::var("OUT_DIR").unwrap()).join("samples.rs");
    std::fs::write(out, code).unwrap();
    loader_version();
}

/// A hash of every source file whose change can change what loading gives (the model,
/// the loader, the quote finder and the cache's encoding) and of the package version:
/// the corpus cache (`src/cache/`) is thrown away when it differs, so no one has to
/// remember to bump a number when the loader's output changes.
fn loader_version() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for part in ["src/model", "src/ingest", "src/quotes", "src/cache"] {
        let path = root.join(part);
        println!("cargo:rerun-if-changed={}", path.display());
        collect(&path, &mut files);
    }
    files.sort();
    let mut hash = std::hash::DefaultHasher::new();
    hash.write(env!("CARGO_PKG_VERSION").as_bytes());
    for file in files {
        hash.write(
            file.strip_prefix(root)
                .unwrap_or(&file)
                .to_string_lossy()
                .as_bytes(),
        );
        hash.write(&std::fs::read(&file).unwrap_or_default());
    }
    println!(
        "cargo:rustc-env=DATELINE_LOADER_VERSION={}-{:016x}",
        env!("CARGO_PKG_VERSION"),
        hash.finish()
    );
}

/// Every `.rs` file under `path` (or `path` itself).
fn collect(path: &Path, files: &mut Vec<std::path::PathBuf>) {
    if path.is_dir() {
        for entry in std::fs::read_dir(path).into_iter().flatten().flatten() {
            collect(&entry.path(), files);
        }
    } else if path.extension().is_some_and(|e| e == "rs") {
        files.push(path.to_path_buf());
    }
}
