// Request headers as a person pastes them into the demo's signature panel:
// `name: value` lines copied from a log (or `curl -v`, or a browser's raw
// view), or a JSON object of headers. No DOM here, so that Node tests it too.

/** @typedef {{ name: string, value: string }} Header */
/**
 * @typedef {{ ok: true, headers: Map<string, string>, signature: string[], others: number,
 *   duplicates: string[], skipped: number[] } | { ok: false, error: string }} ParsedHeaders
 * `headers` holds each name once (the first occurrence, compared in any
 * case, as the verifier takes the first); `signature` names the
 * `webhook-*`/`svix-*` headers found, as written; `others` counts the other
 * headers; `duplicates` names headers given more than once; `skipped` holds
 * the 1-based numbers of the lines that are not headers.
 */

/** The names the verifier reads, in any case. */
export const SIGNATURE_HEADER = /^(svix|webhook)-(id|timestamp|signature)$/i;

/** An HTTP field name (RFC 9110 token). */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * One line: `name: value`, with an optional `> ` or `< ` in front (curl -v),
 * or `"name": "value",` as in a JSON or JavaScript object printed one member
 * a line. Returns null for anything else (a request line, a blank line).
 * @param {string} line
 * @returns {Header | null}
 */
export function parseLine(line) {
  const quoted = /^\s*(["'])([^"']+)\1\s*:\s*(.*?)\s*,?\s*$/.exec(line);
  if (quoted) {
    const [, , name, raw] = quoted;
    let value = raw;
    if (raw.startsWith('"')) {
      try {
        value = String(JSON.parse(raw));
      } catch {
        return null;
      }
    } else if (/^'.*'$/.test(raw)) value = raw.slice(1, -1);
    return TOKEN.test(name) ? { name, value } : null;
  }
  const plain = /^\s*(?:[<>]\s+)?([^:\s]+)\s*:(.*)$/.exec(line);
  if (!plain || !TOKEN.test(plain[1])) return null;
  // HTTP trims the whitespace around a field value.
  return { name: plain[1], value: plain[2].trim() };
}

/**
 * Reads pasted headers.
 * @param {string} text
 * @returns {ParsedHeaders}
 */
export function parseHeaders(text) {
  /** @type {Header[]} */
  const pairs = [];
  /** @type {number[]} */
  const skipped = [];
  const trimmed = text.trim();
  /** @type {string | undefined} why the text, which looks like JSON, is not */
  let jsonError;
  if (trimmed.startsWith("{")) {
    let parsed;
    try {
      parsed = JSON.parse(trimmed);
    } catch (error) {
      jsonError = `the headers look like JSON but are not: ${error instanceof Error ? error.message : error}`;
    }
    if (jsonError === undefined) {
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
        return { ok: false, error: "the headers look like JSON but are not an object of names and values" };
      }
      for (const [name, value] of Object.entries(parsed)) {
        // Node's req.headers may hold an array; the verifier joins those with spaces.
        const text =
          typeof value === "string" ? value
          : typeof value === "number" && Number.isFinite(value) ? String(value)
          : Array.isArray(value) && value.every((v) => typeof v === "string") ? value.join(" ")
          : undefined;
        if (text !== undefined) pairs.push({ name, value: text });
        else if (SIGNATURE_HEADER.test(name)) {
          return { ok: false, error: `header ${JSON.stringify(name)}: expected a string, found ${JSON.stringify(value)}` };
        }
      }
    }
  }
  if (!trimmed.startsWith("{") || jsonError !== undefined) {
    // Lines; braces alone on a line (an object printed one member a line,
    // as Node's console.log does) are not counted as skipped.
    text.split(/\r\n|\n|\r/).forEach((line, i) => {
      if (/^\s*[{}]?\s*$/.test(line)) return;
      const header = parseLine(line);
      if (header) pairs.push(header);
      else skipped.push(i + 1);
    });
    if (jsonError !== undefined && !pairs.some(({ name }) => SIGNATURE_HEADER.test(name))) return { ok: false, error: jsonError };
  }

  /** @type {Map<string, string>} */
  const headers = new Map();
  /** @type {Map<string, string>} the first spelling of each lower-case name */
  const seen = new Map();
  /** @type {string[]} */
  const signature = [];
  /** @type {string[]} */
  const duplicates = [];
  let others = 0;
  for (const { name, value } of pairs) {
    const key = name.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) {
      if (!duplicates.includes(first)) duplicates.push(first);
      continue;
    }
    seen.set(key, name);
    headers.set(name, value);
    if (SIGNATURE_HEADER.test(name)) signature.push(name);
    else others++;
  }
  return { ok: true, headers, signature, others, duplicates, skipped };
}

/**
 * The time a timestamp header names, if it is integer Unix seconds that a
 * Date can hold; undefined otherwise (the verifier then reports it).
 * @param {string | undefined} value
 */
export function timestampDate(value) {
  if (value === undefined || !/^\d{1,15}$/.test(value)) return undefined;
  const date = new Date(Number(value) * 1000);
  return Number.isFinite(date.getTime()) ? date : undefined;
}

/** `2021-02-25T15:02:10Z`. @param {Date} date */
export const isoSeconds = (date) => date.toISOString().replace(/\.\d+Z$/, "Z");

/**
 * Headers as `name: value` lines, as a log shows them.
 * @param {Record<string, string>} headers
 */
export const formatHeaders = (headers) =>
  Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join("\n");

/**
 * A new random secret in the form the dashboard shows: `whsec_` and the
 * base64 of 24 random bytes.
 * @param {Crypto} [random] the Web Crypto object (Node and browsers have one)
 */
export function demoSecret(random = globalThis.crypto) {
  const bytes = random.getRandomValues(new Uint8Array(24));
  return `whsec_${btoa(String.fromCharCode(...bytes))}`;
}
