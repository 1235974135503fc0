//! Times the validation steps natively: `cargo run --release --example profile_validate`.
use std::time::Instant;

use connect_webview_events::DecodeOptions;

const PAYLOAD: &str = r#"{"event_id":"4d5c8e2a-1b7f-4c3e-9a6d-2f8b0e1c7a95","event_type":"connect_webview.login_succeeded","workspace_id":"9b2e7f4c-3a1d-4e8b-b5c6-0d7a2f9e1c34","connect_webview_id":"c3f1a9e7-5b2d-4f6a-8e0c-1d9b7a3e5f21","connected_account_id":"7e9a2c4f-6d1b-4a8e-9f3c-5b0d2e7a1c68","created_at":"2025-06-14T09:21:37.482Z","occurred_at":"2025-06-14T09:21:36.915Z","connected_account_custom_metadata":{"tenant":"acme-hotels","vip":true},"customer_key":"customer_8f3a","event_description":"An end user connected their account."}"#;

fn time(name: &str, f: impl Fn()) {
    for _ in 0..10_000 {
        f();
    }
    let n = 200_000;
    let start = Instant::now();
    for _ in 0..n {
        f();
    }
    println!("{name}: {:.0} ns", start.elapsed().as_nanos() as f64 / n as f64);
}

fn main() {
    let options = DecodeOptions::new();
    if std::env::args().any(|a| a == "--validate-only") {
        for _ in 0..50_000 {
            std::hint::black_box(options.validate(std::hint::black_box(PAYLOAD)).unwrap());
        }
        return;
    }
    time("serde_json IgnoredAny", || {
        std::hint::black_box(serde_json::from_str::<serde::de::IgnoredAny>(std::hint::black_box(PAYLOAD)).unwrap());
    });
    time("serde_json Value", || {
        std::hint::black_box(serde_json::from_str::<serde_json::Value>(std::hint::black_box(PAYLOAD)).unwrap());
    });
    time("validate", || {
        std::hint::black_box(options.validate(std::hint::black_box(PAYLOAD)).unwrap());
    });
    time("decode", || {
        std::hint::black_box(options.decode(std::hint::black_box(PAYLOAD)).unwrap());
    });
}
