//! Times the validation steps natively: `cargo run --release --example profile_validate`.
//!
//! With `--catalogue`, every event type's `full` example (catalogue/examples.json,
//! as `make bench` decodes it) is validated, and timed against serde_json
//! reading the same text without building anything (`IgnoredAny`, a syntax
//! check only) and building a `serde_json::Value`: paired ratios per type
//! (short batches of each side back to back, alternating which goes first,
//! the median of the pairs), then the geometric mean over the types and the
//! extremes. How close the full check is to a bare syntax check says how
//! much faster any validator of ours could be.
use std::time::{Duration, Instant};

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

/// The median of `pairs` ratios of `ours` / `peer`, each of a batch of
/// calls about `batch` long, timed back to back.
fn paired(ours: &dyn Fn(), peer: &dyn Fn(), batch: Duration, pairs: usize) -> f64 {
    let run = |f: &dyn Fn(), calls: u32| {
        let start = Instant::now();
        for _ in 0..calls {
            f();
        }
        start.elapsed().as_secs_f64()
    };
    let mut calls = 1;
    while run(ours, calls) < batch.as_secs_f64() {
        calls *= 2;
    }
    let mut ratios: Vec<f64> = (0..pairs)
        .map(|pair| {
            if pair % 2 == 0 {
                let a = run(ours, calls);
                a / run(peer, calls)
            } else {
                let b = run(peer, calls);
                run(ours, calls) / b
            }
        })
        .collect();
    ratios.sort_by(f64::total_cmp);
    ratios[ratios.len() / 2]
}

fn catalogue(options: &DecodeOptions) {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/catalogue/examples.json");
    let file: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let examples = file["examples"].as_object().unwrap();
    let mut rows = Vec::new();
    for (event_type, example) in examples {
        let text = serde_json::to_string(&example["full"]).unwrap();
        options.validate(&text).unwrap();
        let validate = || {
            std::hint::black_box(options.validate(std::hint::black_box(&text)).unwrap());
        };
        let skip = || {
            std::hint::black_box(serde_json::from_str::<serde::de::IgnoredAny>(std::hint::black_box(&text)).unwrap());
        };
        let tree = || {
            std::hint::black_box(serde_json::from_str::<serde_json::Value>(std::hint::black_box(&text)).unwrap());
        };
        let batch = Duration::from_micros(500);
        rows.push((event_type.clone(), paired(&validate, &skip, batch, 21), paired(&validate, &tree, batch, 21)));
    }
    let geomean =
        |of: fn(&(String, f64, f64)) -> f64| (rows.iter().map(|r| of(r).ln()).sum::<f64>() / rows.len() as f64).exp();
    let extremes = |of: fn(&(String, f64, f64)) -> f64| {
        let by = |a: &&(String, f64, f64), b: &&(String, f64, f64)| of(a).total_cmp(&of(b));
        let (low, high) = (rows.iter().min_by(by).unwrap(), rows.iter().max_by(by).unwrap());
        format!("lowest {} {:.2} x, highest {} {:.2} x", low.0, of(low), high.0, of(high))
    };
    println!("{} event types, each its full example validated, paired ratios:", rows.len());
    println!(
        "  validate / serde_json IgnoredAny (syntax only): geometric mean {:.2} x; {}",
        geomean(|r| r.1),
        extremes(|r| r.1)
    );
    println!(
        "  validate / serde_json Value (a tree):           geometric mean {:.2} x; {}",
        geomean(|r| r.2),
        extremes(|r| r.2)
    );
}

fn main() {
    let options = DecodeOptions::new();
    if std::env::args().any(|a| a == "--catalogue") {
        return catalogue(&options);
    }
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
