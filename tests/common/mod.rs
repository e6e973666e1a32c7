//! Helpers shared by the integration tests (each test file includes this module).
#![allow(dead_code)]

use std::path::PathBuf;

/// Path of the seed whose file name starts with `prefix` ("000", "003_").
pub fn seed_path(prefix: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds");
    std::fs::read_dir(&dir)
        .expect("seeds/ exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.file_name().and_then(|f| f.to_str()).is_some_and(|f| f.starts_with(prefix)))
        .unwrap_or_else(|| panic!("no seed {prefix}"))
}

/// Text of the seed whose file name starts with `prefix`.
pub fn seed(prefix: &str) -> String {
    std::fs::read_to_string(seed_path(prefix)).expect("seed is UTF-8")
}
