// @ts-check
// Every oracle case with the reference's verdict, one JSON line each:
// `{ "eventType", "name", "text", "ok", "issues": [{ "code", "path" }] }`,
// the valid examples first, then the mutations, then the root cases, then
// the seeded near-misses and combined mutations. For
// tests/zod_oracle.rs (cargo test), which runs `node tests/oracle/emit.mjs`
// from the crate root and holds DecodeOptions::validate to each line.
import { catalogueCases, loadCatalogue, randomCases, rootCases } from "./mutations.mjs";
import { zodVerdict } from "./zod.mjs";

const catalogue = loadCatalogue(new URL("../../catalogue/", import.meta.url));
const lines = [];
for (const { valid, mutations } of catalogueCases(catalogue)) {
  for (const c of [...valid, ...mutations]) lines.push(line(c));
}
for (const c of rootCases(catalogue)) lines.push(line(c));
// More of them, or others, for a longer run: ORACLE_SEED=2 ORACLE_PER_TYPE=500.
const { ORACLE_SEED = "1", ORACLE_PER_TYPE = "20" } = process.env;
for (const c of randomCases(catalogue, { seed: Number(ORACLE_SEED), perType: Number(ORACLE_PER_TYPE) })) lines.push(line(c));
process.stdout.write(`${lines.join("\n")}\n`);

/** @param {import("./mutations.mjs").Case} c */
function line({ eventType, name, payload, text }) {
  return JSON.stringify({ eventType, name, text: text ?? JSON.stringify(payload), ...zodVerdict(payload) });
}
