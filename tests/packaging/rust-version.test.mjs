// @ts-check
// The crate's `rust-version` in Cargo.toml is no older than what its
// dependencies, as Cargo.lock pins them, need: Cargo reads each package's own
// `rust-version`, and one newer than ours would make ours a promise that
// `cargo build` breaks (it said 1.80 while uuid 1.29 needs 1.89).
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { root } from "./harness.mjs";

/** "1.89" or "1.89.0" as [1, 89, 0]. @param {string} version */
const parts = (version) => [...version.split(".").map(Number), 0, 0].slice(0, 3);
/** @param {string} a @param {string} b */
const compare = (a, b) => {
  const [x, y] = [parts(a), parts(b)];
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
};

test("rust-version in Cargo.toml is at least every locked dependency's, dev-dependencies aside", () => {
  const declared = readFileSync(`${root}Cargo.toml`, "utf8").match(/^rust-version = "([\d.]+)"$/m)?.[1];
  assert.ok(declared, "Cargo.toml has a rust-version");
  const metadata = JSON.parse(
    execFileSync("cargo", ["metadata", "--format-version", "1", "--locked", "--manifest-path", `${root}Cargo.toml`], {
      encoding: "utf8",
      maxBuffer: 64 << 20,
    }),
  );
  const packages = new Map(metadata.packages.map((/** @type {any} */ p) => [p.id, p]));
  const nodes = new Map(metadata.resolve.nodes.map((/** @type {any} */ n) => [n.id, n]));
  // Everything the library needs to build, for any target: normal and build
  // dependencies, all the way down.
  const needed = new Set([metadata.resolve.root]);
  for (const id of needed) {
    for (const dep of nodes.get(id).deps) {
      if (dep.dep_kinds.some((/** @type {any} */ kind) => kind.kind !== "dev")) needed.add(dep.pkg);
    }
  }
  const versions = [...needed].map((id) => packages.get(id)).filter((p) => p.rust_version);
  assert.ok(versions.some((p) => p.name === "uuid"), "the walk reaches the dependencies");
  const newest = versions.reduce((a, b) => (compare(a.rust_version, b.rust_version) >= 0 ? a : b));
  assert.ok(
    compare(declared, newest.rust_version) >= 0,
    `rust-version is ${declared}, but ${newest.name} ${newest.version} needs ${newest.rust_version}`,
  );
});
