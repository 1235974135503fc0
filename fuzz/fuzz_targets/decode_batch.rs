#![no_main]
//! `cargo +nightly fuzz run decode_batch` (or `make fuzz`): see ../checks.rs.

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::decode_batch(data));
