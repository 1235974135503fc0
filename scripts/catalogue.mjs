// @ts-check
// The catalogue generator (issue 16): reads the reference, the pinned
// `@seamapi/types` with its zod, and writes the checked-in description of
// every Seam event type.
//
//   node scripts/catalogue.mjs          write catalogue/events.json, summary.md and examples.json
//   node scripts/catalogue.mjs --check  write nothing; exit 1 if the checked-in files differ
//
// 1. Structure from `openapi.components.schemas.event` (scripts/catalogue/openapi.mjs).
// 2. The same from the zod schemas `schemas.seam_event` (scripts/catalogue/zod.mjs),
//    which decide the formats; the two must agree exactly (compare.mjs).
// 3. Render, event types sorted, fields in the OpenAPI's order (render.mjs),
//    and valid example payloads of every type (examples.mjs).
// Anything in the reference the generator does not understand fails, with its path.
//
// Bumping the reference: bump the pins of `@seamapi/types` (and `zod` if its
// peer range moved) in package.json, `npm install`, `make catalogue`, review the diff.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { normalizeOpenApi } from "./catalogue/openapi.mjs";
import { normalizeZod } from "./catalogue/zod.mjs";
import { compareCatalogues } from "./catalogue/compare.mjs";
import { marker, renderEventsJson, renderSummary, sortCatalogue } from "./catalogue/render.mjs";
import { renderExamplesJson } from "./catalogue/examples.mjs";
import { renderRustTables } from "./catalogue/rust.mjs";
import { renderRustTypes } from "./catalogue/rust-types.mjs";
import { renderDemoModule } from "./catalogue/demo.mjs";
import { renderTypeScript } from "./catalogue/typescript.mjs";

export { CatalogueError, parseDescription } from "./catalogue/model.mjs";
export { normalizeOpenApi, normalizeOpenApiVariant, normalizeOpenApiType } from "./catalogue/openapi.mjs";
export { normalizeZod, normalizeZodVariant } from "./catalogue/zod.mjs";
export { compareCatalogues, catalogueDiffs } from "./catalogue/compare.mjs";
export { computeStats, featureRows, parseFeatureTable, renderEventsJson, renderSummary, sortCatalogue } from "./catalogue/render.mjs";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const OUTPUTS = ["catalogue/events.json", "catalogue/summary.md", "catalogue/examples.json", "src/catalogue.rs", "src/seam_event.rs", "pkg-template/events.d.ts", "www/catalogue.js"];

/** The installed versions of the reference, held to the pins of package.json. */
export function referenceVersions(root = ROOT) {
  const json = (/** @type {string} */ p) => {
    try {
      return JSON.parse(readFileSync(join(root, p), "utf8"));
    } catch (e) {
      throw new Error(`cannot read ${p} (${/** @type {Error} */ (e).message}): run npm ci (make setup)`);
    }
  };
  const pins = json("package.json").devDependencies;
  const types = json("node_modules/@seamapi/types/package.json").version;
  const zod = json("node_modules/zod/package.json").version;
  for (const [name, installed] of [["@seamapi/types", types], ["zod", zod]]) {
    if (pins[name] !== installed) throw new Error(`${name} ${installed} is installed but package.json pins ${pins[name]}: run npm ci`);
  }
  return { types, zod };
}

/**
 * Reads the reference and renders every output file, path to text.
 * @returns {Promise<Record<string, string>>}
 */
export async function generate(root = ROOT) {
  const versions = referenceVersions(root);
  const { openapi, schemas } = await import("@seamapi/types/connect");
  const fromOpenApi = normalizeOpenApi(/** @type {any} */ (openapi).components.schemas.event);
  const fromZod = normalizeZod(schemas.seam_event);
  compareCatalogues(fromOpenApi, fromZod);
  const catalogue = sortCatalogue(fromOpenApi);
  return {
    "catalogue/events.json": renderEventsJson(catalogue, versions),
    "catalogue/summary.md": renderSummary(catalogue, versions),
    "catalogue/examples.json": renderExamplesJson(catalogue, marker(versions)),
    "src/catalogue.rs": renderRustTables(catalogue, marker(versions)),
    "src/seam_event.rs": renderRustTypes(catalogue, marker(versions), root),
    "pkg-template/events.d.ts": renderTypeScript(catalogue, versions),
    "www/catalogue.js": renderDemoModule(catalogue, marker(versions)),
  };
}

/**
 * A short diff-like message for one file, or "" when equal: the differing
 * stretch between the common first and last lines, at most `max` lines a side.
 * @param {string} name
 * @param {string | undefined} checkedIn
 * @param {string} generated
 */
export function diffText(name, checkedIn, generated, max = 12) {
  if (checkedIn === generated) return "";
  if (checkedIn === undefined) return `${name}: missing; run \`make catalogue\``;
  const a = checkedIn.split("\n");
  const b = generated.split("\n");
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) endA--, endB--;
  const out = [`--- ${name} (checked in)`, `+++ ${name} (generated now)`, `@@ from line ${start + 1} @@`];
  for (const [lines, end, sign] of /** @type {const} */ ([[a, endA, "-"], [b, endB, "+"]])) {
    for (let i = start; i < Math.min(end, start + max); i++) out.push(`${sign}${lines[i]}`);
    if (end - start > max) out.push(`${sign}... ${end - start - max} more line(s)`);
  }
  return out.join("\n");
}

/**
 * The differences between the files under `root` and `files`, one message each.
 * @param {Record<string, string>} files
 */
export function checkFiles(files, root = ROOT) {
  return Object.entries(files)
    .map(([path, text]) => {
      let current;
      try {
        current = readFileSync(join(root, path), "utf8");
      } catch {
        current = undefined;
      }
      return diffText(path, current, text);
    })
    .filter((m) => m !== "");
}

async function main(/** @type {string[]} */ args) {
  if (args.some((a) => a !== "--check")) {
    console.error("usage: node scripts/catalogue.mjs [--check]");
    return 2;
  }
  const files = await generate();
  if (args.includes("--check")) {
    const diffs = checkFiles(files);
    if (diffs.length === 0) {
      console.log(`catalogue: ${OUTPUTS.join(", ")} are up to date`);
      return 0;
    }
    console.error(`catalogue: the checked-in files differ from what the generator writes; run \`make catalogue\` and review\n${diffs.join("\n")}`);
    return 1;
  }
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(ROOT, path)), { recursive: true });
    writeFileSync(join(ROOT, path), text);
    console.log(`catalogue: wrote ${path} (${text.length} bytes)`);
  }
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await main(process.argv.slice(2));
}
