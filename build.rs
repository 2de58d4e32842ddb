//! Build script: a fingerprint of everything the analysis depends on (the NLP
//! code and the data it embeds), so that the analysis cache
//! (`store::ANALYSIS_VERSION`) is keyed by it and a new build never reuses
//! analyses that an older pipeline made. Any change there, even a comment,
//! changes the fingerprint: at worst the cache is recomputed once.

use std::hash::Hasher;
use std::path::{Path, PathBuf};

/// What `nlp::analyze` reads: its code and its embedded tables and model.
const INPUTS: [&str; 4] = ["src/nlp.rs", "src/nlp", "assets/gazetteer", "assets/model"];

fn main() {
    let mut files = Vec::new();
    for input in INPUTS {
        println!("cargo:rerun-if-changed={input}");
        collect(Path::new(input), &mut files);
    }
    files.sort();
    // SipHash with fixed keys: the same inputs give the same fingerprint.
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    for file in &files {
        hasher.write(file.to_string_lossy().as_bytes());
        if let Ok(bytes) = std::fs::read(file) {
            hasher.write(&bytes);
        }
    }
    println!(
        "cargo:rustc-env=READOUT_NLP_FINGERPRINT={:016x}",
        hasher.finish()
    );
}

/// Every file at or under `path`.
fn collect(path: &Path, files: &mut Vec<PathBuf>) {
    if path.is_file() {
        files.push(path.to_path_buf());
    } else if let Ok(entries) = std::fs::read_dir(path) {
        for entry in entries.flatten() {
            collect(&entry.path(), files);
        }
    }
}
