#![no_main]
//! `cargo +nightly fuzz run differential` (or `make fuzz`): the validator's
//! own JSON reader against the serde_json reference in src/oracle.rs, on any
//! UTF-8 text: the same verdict, issues, messages and positions. And on any
//! bytes, the fast lane (src/fast.rs) against the validator: it may say
//! valid only where the validator does.

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    connect_webview_events::oracle::fast_lane(data);
    if let Ok(text) = std::str::from_utf8(data) {
        connect_webview_events::oracle::differential(text);
    }
});
