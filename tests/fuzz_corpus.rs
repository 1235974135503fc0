//! Replays the fuzz corpus (fuzz/corpus/<target>/) and every saved crash
//! (fuzz/regressions/<target>/) through the same checks as the fuzz targets,
//! on stable Rust, so that `make test` keeps them passing.
#![cfg(not(target_arch = "wasm32"))] // reads files; the wasm tests are tests/node.rs and tests/web.rs

#[path = "../fuzz/checks.rs"]
mod checks;

use std::fs;
use std::path::Path;

fn replay(target: &str, check: fn(&[u8])) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut count = 0;
    for dir in [root.join("corpus").join(target), root.join("regressions").join(target)] {
        let Ok(entries) = fs::read_dir(&dir) else { continue };
        for entry in entries {
            let path = entry.unwrap().path();
            let data = fs::read(&path).unwrap();
            let outcome = std::panic::catch_unwind(|| check(&data));
            assert!(outcome.is_ok(), "{} failed its checks", path.display());
            count += 1;
        }
    }
    assert!(count > 0, "no corpus for {target}");
}

#[test]
fn the_decode_corpus_passes_its_checks() {
    replay("decode", checks::decode);
}

#[test]
fn the_decode_batch_corpus_passes_its_checks() {
    replay("decode_batch", checks::decode_batch);
}

#[test]
fn the_verify_corpus_passes_its_checks() {
    replay("verify", checks::verify);
}
