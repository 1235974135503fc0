//! The shared WebAssembly test body in browsers:
//! `wasm-pack test --headless --chrome` and `--firefox`.
#![cfg(target_arch = "wasm32")]

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

mod common;
