// @ts-check
// The catalogue table of `make bench` (issue 16), shared by Node
// (bench/run.mjs) and the browser page (bench/browser.mjs): for every event
// type of catalogue/examples.json, its `full` example (every field) as a
// JSON string, decoded by ours (`decode(string)`) and by three peers:
// JSON.parse alone, JSON.parse + ajv compiled from the reference's OpenAPI
// `event` schema, and JSON.parse + zod `seam_event.parse`. Paired ratios
// (bench/paired.mjs) per event type, after one warm-up over every type; the
// geometric mean over the types and the worst type, per peer.
import { pairedRatio } from "./paired.mjs";
import { checkedBy, compileReferenceAjv, zodSeamEvent } from "./peers.mjs";

/** The peers, by the name the tables use. */
export const PEERS = ["JSON.parse", "JSON.parse + ajv", "JSON.parse + zod"];

/**
 * Issue 16's targets, all ours / peer: the geometric mean over every event
 * type ("geomean") or the worst event type ("worst").
 * @type {{ peer: string, of: "geomean" | "worst", limit: number }[]}
 */
export const TARGETS = [
  { peer: "JSON.parse", of: "geomean", limit: 1.8 },
  { peer: "JSON.parse", of: "worst", limit: 2.5 },
  { peer: "JSON.parse + ajv", of: "geomean", limit: 0.4 },
  { peer: "JSON.parse + zod", of: "geomean", limit: 0.15 },
];

/**
 * A ratio as the tables show it; "-" when there is none (--check, or no
 * type measured; NaN, or null in JSON from a page).
 * @param {number | null | undefined} ratio
 */
export function times(ratio) {
  return typeof ratio === "number" && Number.isFinite(ratio) ? `${ratio.toFixed(2)} x` : "-";
}

/**
 * @typedef {{ ratio: number, low: number, high: number }} Paired
 * @typedef {{ type: string, bytes: number, ours: () => unknown, peers: Record<string, () => unknown>, text: string }} Case
 * @typedef {{ type: string, reason: string }} Refusal
 * @typedef {{ type: string, bytes: number, ratios: Record<string, Paired> }} Row
 * @typedef {{ types: number, rows: Row[], refused: Refusal[], rounds: number, pairs: number, batchMs: number, check: boolean }} Result
 */

/**
 * One case per event type, in the catalogue's order.
 * @param {{ decode: (payload: string) => unknown }} api
 * @param {Record<string, { full: unknown }>} examples catalogue/examples.json's `examples`
 * @returns {Case[]}
 */
export function catalogueCases(api, examples) {
  const ajv = checkedBy(compileReferenceAjv());
  return Object.entries(examples).map(([type, { full }]) => {
    const text = JSON.stringify(full);
    return {
      type,
      bytes: text.length,
      text,
      ours: () => api.decode(text),
      peers: {
        "JSON.parse": () => JSON.parse(text),
        "JSON.parse + ajv": () => ajv(JSON.parse(text)),
        "JSON.parse + zod": () => zodSeamEvent.parse(JSON.parse(text)),
      },
    };
  });
}

/**
 * Whether two JSON values are the same: the same types and prototypes, the
 * same keys in the same order, the same values. (What `decode` must return:
 * what JSON.parse does, unknown fields and key order included.)
 * @param {unknown} a @param {unknown} b
 * @returns {boolean}
 */
export function sameJson(a, b) {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b) || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const keys = Object.keys(a);
  const other = Object.keys(b);
  return keys.length === other.length && keys.every((key, i) => key === other[i] && sameJson(/** @type {any} */ (a)[key], /** @type {any} */ (b)[key]));
}

/** @param {unknown} error */
function reasonOf(error) {
  const issue = /** @type {any} */ (error)?.issues?.[0];
  const text = issue ? `${issue.code} ${issue.path || "(root)"}: ${issue.message}` : String(/** @type {any} */ (error)?.message ?? error);
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}

/**
 * Runs every case once: all four must take the payload as valid, and ours
 * must return what JSON.parse returns (sameJson). Returns the event types
 * where they do not, each with what went wrong first.
 * @param {Case[]} cases
 * @returns {Refusal[]}
 */
export function checkCatalogue(cases) {
  /** @type {Refusal[]} */
  const refused = [];
  for (const { type, text, ours, peers } of cases) {
    try {
      let value;
      try {
        value = ours();
      } catch (error) {
        throw new Error(`ours refused it: ${reasonOf(error)}`);
      }
      if (!sameJson(value, JSON.parse(text))) throw new Error("ours returned something other than what JSON.parse returns");
      for (const [name, peer] of Object.entries(peers)) {
        try {
          peer();
        } catch (error) {
          throw new Error(`${name} refused it: ${reasonOf(error)}`);
        }
      }
    } catch (error) {
      refused.push({ type, reason: /** @type {Error} */ (error).message });
    }
  }
  return refused;
}

/** The error of a --check run where some cases disagree. @param {Refusal[]} refused @param {number} types */
export function refusedError(refused, types) {
  const lines = refused.map(({ type, reason }) => `  ${type}: ${reason}`);
  return new Error(`catalogue: ${refused.length} of ${types} event types do not decode alike in all four:\n${lines.join("\n")}`);
}

/** The ratios of a --check run, which times nothing. */
const UNTIMED = { ratio: NaN, low: NaN, high: NaN };

/**
 * The table's measurements: each case checked once (checkCatalogue), every
 * accepted case run in turn until `warmUpMs` have passed (so that each
 * decoder is optimised before any ratio is taken, not only the first
 * type's), then a paired ratio of ours against each peer, per event type:
 * in `rounds` passes over every type, each with `pairs` pairs, and the
 * median of a type's round medians kept (its low and high alike), so that a
 * burst of load from another process (this machine has 2 shared cores)
 * skews a few pairs of many types rather than all pairs of one, which would
 * then read as the worst type. With `check`, a case that disagrees throws (refusedError), and nothing is
 * timed (every ratio is NaN); without, a case that disagrees is left out of
 * the ratios and listed as refused.
 * @param {Case[]} cases
 * @param {{ check: boolean, rounds: number, pairs: number, batchMs: number, warmUpMs: number, now?: () => number, log?: (line: string) => void }} options
 * @returns {Result}
 */
export function measureCatalogue(cases, { check, rounds, pairs, batchMs, warmUpMs, now = () => performance.now(), log = () => {} }) {
  const refused = checkCatalogue(cases);
  if (check && refused.length > 0) throw refusedError(refused, cases.length);
  const skip = new Set(refused.map(({ type }) => type));
  const accepted = cases.filter(({ type }) => !skip.has(type));
  for (const start = now(); !check && now() - start < warmUpMs; ) {
    for (const { ours, peers } of accepted) {
      ours();
      for (const peer of Object.values(peers)) peer();
    }
  }
  /** Per type, per peer, one Paired a round. @type {Paired[][][]} */
  const measured = accepted.map(() => PEERS.map(() => []));
  for (let round = 0; round < (check ? 1 : rounds); round++) {
    accepted.forEach(({ type, bytes, ours, peers }, i) => {
      const line = PEERS.map((name, p) => {
        const paired = check ? UNTIMED : pairedRatio(ours, peers[name], { batchMs, pairs, now });
        measured[i][p].push(paired);
        return `${times(paired.ratio)} ${name}`;
      });
      log(`  ${rounds > 1 ? `round ${round + 1}: ` : ""}${type} (${bytes} bytes): ${line.join(", ")}`);
    });
  }
  const median = (/** @type {number[]} */ values) => values.sort((a, b) => a - b)[values.length >> 1];
  const rows = accepted.map(({ type, bytes }, i) => {
    /** @type {Record<string, Paired>} */
    const ratios = {};
    PEERS.forEach((name, p) => {
      const all = measured[i][p];
      ratios[name] = { ratio: median(all.map((r) => r.ratio)), low: median(all.map((r) => r.low)), high: median(all.map((r) => r.high)) };
    });
    return { type, bytes, ratios };
  });
  return { types: cases.length, rows, refused, rounds, pairs, batchMs, check };
}

/**
 * Per peer: the geometric mean of the ratios over the measured types, and
 * the worst type (the highest ratio); NaN and undefined when none is timed.
 * @param {Result} result
 */
export function summarizeCatalogue(result) {
  return Object.fromEntries(
    PEERS.map((name) => {
      // JSON from a page turns NaN into null: both are "not timed".
      const timed = result.rows.filter((row) => Number.isFinite(row.ratios[name].ratio));
      const ratios = timed.map((row) => row.ratios[name].ratio);
      const geomean = ratios.length === 0 ? NaN : Math.exp(ratios.reduce((sum, r) => sum + Math.log(r), 0) / ratios.length);
      const worst = timed.reduce((/** @type {Row | undefined} */ w, row) => (w === undefined || row.ratios[name].ratio > w.ratios[name].ratio ? row : w), undefined);
      return [name, { geomean, worst: worst && { type: worst.type, ...worst.ratios[name] } }];
    }),
  );
}

/**
 * The verdict when the ratios cannot say it: "not timed" in --check, or
 * "missed" while some types do not decode; undefined when they can.
 * @param {Result} result
 */
function verdictOverride(result) {
  if (result.check) return "not timed (--check)";
  if (result.refused.length > 0) return `missed (${result.refused.length} of ${result.types} types not decoded)`;
  return undefined;
}

/**
 * The targets as rows for bench/run.mjs's targets table: [label, paired
 * ratio (the middle half only for a single type's), limit, the verdict when
 * the ratio cannot say it (verdictOverride)].
 * @param {Result} result @param {string} [prefix] e.g. "Chromium: "
 * @returns {[string, { ratio: number, low?: number, high?: number }, number, string | undefined][]}
 */
export function catalogueTargets(result, prefix = "") {
  const summary = summarizeCatalogue(result);
  const override = verdictOverride(result);
  return TARGETS.map(({ peer, of, limit }) => {
    const { geomean, worst } = summary[peer];
    const label = of === "geomean" ? `geometric mean of ${result.rows.length} types` : `worst type, ${worst?.type ?? "none"}`;
    const paired = of === "geomean" ? { ratio: geomean } : (worst ?? { ratio: NaN });
    return [`${prefix}catalogue: decode(string) / ${peer === "JSON.parse" ? "JSON.parse alone" : peer}, ${label}`, paired, limit, override];
  });
}

/**
 * The catalogue section of bench/results.md: the summary first, the rows per
 * event type in a collapsed details block.
 * @param {Result} result @param {string} where "Node", "headless Chromium", ...
 * @param {{ verdict: (value: number, limit: number) => string }} helpers
 */
export function catalogueMarkdown(result, where, { verdict }) {
  const summary = summarizeCatalogue(result);
  const sizes = result.rows.map((row) => row.bytes);
  const override = verdictOverride(result);
  const targetsOf = (/** @type {string} */ peer) =>
    TARGETS.filter((t) => t.peer === peer)
      .map(({ of, limit }) => {
        const value = of === "geomean" ? summary[peer].geomean : (summary[peer].worst?.ratio ?? NaN);
        const met = override ?? (Number.isFinite(value) ? verdict(value, limit) : "not measured");
        return `${of} ≤ ${limit} x: ${met}`;
      })
      .join("; ");
  const lines = [
    `## Catalogue: every event type's \`full\` example (${where})`,
    "",
    `${result.rows.length} of ${result.types} event types ${result.check ? "checked" : "measured"}, each its \`full\` example from catalogue/examples.json (every field) as a JSON string` +
      (sizes.length ? ` of ${Math.min(...sizes)} to ${Math.max(...sizes)} bytes` : "") +
      `, passed to \`decode\`; ajv is compiled from the reference's OpenAPI \`event\` schema (bench/peers.mjs, openapiToJsonSchema), zod is \`seam_event.parse\`.` +
      (result.check
        ? " --check: each case run once and checked, nothing timed."
        : ` Paired ratios ours / peer per event type, after a warm-up over every type: ${result.rounds === 1 ? "one pass" : `${result.rounds} passes`} over every type with ${result.pairs} pairs of ${result.batchMs} ms batches per ratio${result.rounds === 1 ? "" : ", the median of the passes' medians kept"}.`),
    "",
    "| ours / peer | geometric mean | worst event type | targets |",
    "|---|---:|---|---|",
    ...PEERS.map((peer) => {
      const { geomean, worst } = summary[peer];
      return `| ${peer} | ${times(geomean)} | ${worst ? `${worst.type} ${times(worst.ratio)}` : "-"} | ${targetsOf(peer)} |`;
    }),
    "",
  ];
  if (result.refused.length > 0) {
    lines.push(`<details><summary>Not decoded alike by all four, so not measured: ${result.refused.length} event types</summary>`, "");
    for (const { type, reason } of result.refused) lines.push(`- \`${type}\`: ${reason}`);
    lines.push("", "</details>", "");
  }
  lines.push(
    `<details><summary>Per event type (${result.rows.length} rows)</summary>`,
    "",
    `| event type | bytes | ${PEERS.map((peer) => `/ ${peer}`).join(" | ")} |`,
    `|---|---:|${PEERS.map(() => "---:").join("|")}|`,
    ...result.rows.map((row) => `| ${row.type} | ${row.bytes} | ${PEERS.map((peer) => times(row.ratios[peer].ratio)).join(" | ")} |`),
    "",
    "</details>",
    "",
  );
  return lines.join("\n");
}
