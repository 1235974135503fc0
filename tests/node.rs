//! The shared WebAssembly test body in Node: `wasm-pack test --node`.
#![cfg(target_arch = "wasm32")]

mod common;
