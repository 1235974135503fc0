//! The native validator held to the reference: every case of the oracle
//! (tests/oracle/: the valid examples of all catalogue event types and the
//! single-point mutations at every path of them, each with the verdict of
//! @seamapi/types' own zod `seam_event`, its issues mapped to our codes) is
//! run through `DecodeOptions::validate`, and the verdict and the set of
//! (code, path) of its issues must be zod's.
//!
//! The cases come from `node tests/oracle/emit.mjs`, so this test needs Node
//! and the repository's node_modules (`make setup` installs both); it fails,
//! rather than skips, without them.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::Command;

use connect_webview_events::DecodeOptions;
use serde_json::Value;

/// The (code, path) pairs of a list of issues, as one set of `"code path"`.
type IssueSet = BTreeSet<String>;

/// One line of emit.mjs.
struct Case {
    name: String,
    event_type: String,
    text: String,
    ok: bool,
    issues: IssueSet,
}

fn cases() -> Vec<Case> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    assert!(
        root.join("node_modules/@seamapi/types").is_dir(),
        "node_modules/@seamapi/types is missing: run `make setup` (the oracle needs the reference's zod schemas)"
    );
    let output = Command::new("node")
        .arg("tests/oracle/emit.mjs")
        .current_dir(root)
        .output()
        .unwrap_or_else(|err| panic!("cannot run `node tests/oracle/emit.mjs` ({err}): run `make setup`"));
    assert!(
        output.status.success(),
        "node tests/oracle/emit.mjs failed ({}); run `make setup` if node_modules is incomplete:\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8(output.stdout).expect("emit.mjs writes UTF-8");
    stdout.lines().map(parse).collect()
}

fn parse(line: &str) -> Case {
    let value: Value = serde_json::from_str(line).expect("emit.mjs writes JSON lines");
    let text = |key: &str| value[key].as_str().unwrap_or_default().to_owned();
    let issues = value["issues"].as_array().expect("issues").iter();
    Case {
        name: text("name"),
        event_type: text("eventType"),
        text: text("text"),
        ok: value["ok"].as_bool().expect("ok"),
        issues: issues.map(|i| format!("{} {}", i["code"].as_str().unwrap(), i["path"].as_str().unwrap())).collect(),
    }
}

/// Our verdict on `text`, in the oracle's terms.
fn ours(text: &str) -> (bool, IssueSet) {
    match DecodeOptions::new().validate(text) {
        Ok(_) => (true, IssueSet::new()),
        Err(err) => (false, err.issues().iter().map(|i| format!("{} {}", i.code.as_str(), i.path)).collect()),
    }
}

#[test]
fn every_oracle_case_has_zods_verdict_paths_and_codes() {
    let cases = cases();
    assert!(cases.len() > 10_000, "only {} oracle cases", cases.len());
    let mut disagreements = Vec::new();
    let mut by_event_type = BTreeMap::<&str, usize>::new();
    for case in &cases {
        let (ok, issues) = ours(&case.text);
        if ok != case.ok || issues != case.issues {
            *by_event_type.entry(case.event_type.as_str()).or_default() += 1;
            disagreements.push(format!(
                "{} {}\n    zod:  {:?}\n    ours: {:?}\n    text: {}",
                case.event_type, case.name, case.issues, issues, case.text
            ));
        }
    }
    let valid = cases.iter().filter(|c| c.ok).count();
    println!("{} oracle cases ({valid} valid for zod), {} disagreements", cases.len(), disagreements.len());
    assert!(
        disagreements.is_empty(),
        "{} of {} oracle cases disagree with zod, in {} event types ({by_event_type:?}); the first 20:\n{}",
        disagreements.len(),
        cases.len(),
        by_event_type.len(),
        disagreements.iter().take(20).cloned().collect::<Vec<_>>().join("\n")
    );
}
