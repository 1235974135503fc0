// Where in the payload text an issue is: a small, tolerant JSON scanner that
// maps JSON Pointers to [start, end) offsets of the text (UTF-16 code units,
// as `textarea.setSelectionRange` takes them). It never throws: broken input
// gives the ranges it could find, and the caller falls back to a parent.

/** @typedef {{ start: number, end: number, keyStart?: number, keyEnd?: number }} Range */
/** @typedef {{ code: string, path: string, line?: number, column?: number }} IssueLike */

/** Deeper than this (the decoder refuses past 128) the scanner stops descending. */
const MAX_DEPTH = 512;

const ESCAPES = /** @type {Record<string, string>} */ ({ '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" });

/** @param {string} c */
const isSpace = (c) => c === " " || c === "\t" || c === "\n" || c === "\r";

/** Ends a bare token (a number, literal, or garbage). @param {string} c */
const endsToken = (c) => isSpace(c) || ',:[]{}"'.includes(c);

/** One reference token of a JSON Pointer (RFC 6901). @param {string} key */
export function escapeToken(key) {
  return key.replaceAll("~", "~0").replaceAll("/", "~1");
}

/** The pointer of the enclosing value: "/a/b" -> "/a", "/a" -> "". @param {string} pointer */
export function parentPointer(pointer) {
  return pointer.slice(0, Math.max(0, pointer.lastIndexOf("/")));
}

/**
 * Every value the scanner finds, by JSON Pointer. An object member's range
 * also has the offsets of its key. For a key given twice, the last one wins,
 * as the decoder's `duplicate_field` reports the last occurrence.
 * @param {string} text
 * @returns {Map<string, Range>}
 */
export function valueRanges(text) {
  /** @type {Map<string, Range>} */
  const ranges = new Map();
  const n = text.length;
  let i = 0;

  const skipSpace = () => {
    while (i < n && isSpace(text[i])) i++;
  };

  // At a '"': reads a string, unescaped. An unterminated one ends at the
  // line's end (JSON strings hold no raw line break).
  const readString = () => {
    let out = "";
    i++;
    while (i < n) {
      const c = text[i];
      if (c === '"') {
        i++;
        return out;
      }
      if (c === "\n") return out;
      if (c === "\\") {
        const e = text[i + 1] ?? "";
        const hex = text.slice(i + 2, i + 6);
        if (e === "u" && /^[0-9a-fA-F]{4}$/.test(hex)) {
          out += String.fromCharCode(parseInt(hex, 16));
          i += 6;
        } else {
          out += ESCAPES[e] ?? e;
          i += e ? 2 : 1;
        }
        continue;
      }
      out += c;
      i++;
    }
    return out;
  };

  /**
   * Scans one value at `i`; returns its range, or null where there is none
   * (the end, or a closing bracket or comma in its place).
   * @param {string} pointer
   * @param {number} depth
   * @returns {Range | null}
   */
  const value = (pointer, depth) => {
    skipSpace();
    if (i >= n || ",]}".includes(text[i])) return null;
    const start = i;
    const c = text[i];
    if (depth > MAX_DEPTH) {
      i++; // too deep to matter: step over one character, without recursing
      return null;
    }
    if (c === "{") object(pointer, depth);
    else if (c === "[") array(pointer, depth);
    else if (c === '"') readString();
    else {
      while (i < n && !endsToken(text[i])) i++;
      if (i === start) i++; // a stray ':'
    }
    const range = { start, end: i };
    ranges.set(pointer, range);
    return range;
  };

  /** @param {string} pointer @param {number} depth */
  const object = (pointer, depth) => {
    i++;
    for (;;) {
      skipSpace();
      if (i >= n) return;
      const c = text[i];
      if (c === "}") {
        i++;
        return;
      }
      if (c === "]") return; // a mismatched bracket: leave it to the parent
      if (c === ",") {
        i++;
        continue;
      }
      const keyStart = i;
      let key;
      if (c === '"') key = readString();
      else {
        while (i < n && !endsToken(text[i])) i++;
        if (i === keyStart) {
          i++;
          continue;
        }
        key = text.slice(keyStart, i);
      }
      const keyEnd = i;
      skipSpace();
      if (text[i] === ":") i++;
      const child = `${pointer}/${escapeToken(key)}`;
      const found = value(child, depth + 1);
      if (depth < MAX_DEPTH) {
        const at = found ?? { start: i, end: i };
        ranges.set(child, { start: at.start, end: at.end, keyStart, keyEnd });
      }
    }
  };

  /** @param {string} pointer @param {number} depth */
  const array = (pointer, depth) => {
    i++;
    let index = 0;
    for (;;) {
      skipSpace();
      if (i >= n) return;
      const c = text[i];
      if (c === "]") {
        i++;
        return;
      }
      if (c === "}") return;
      if (c === ",") {
        i++;
        index++;
        continue;
      }
      value(`${pointer}/${index}`, depth + 1);
    }
  };

  value("", 0);
  return ranges;
}

/** UTF-16 length of the character at `at`; 0 at a line break or the end. @param {string} text @param {number} at */
function charLength(text, at) {
  if (at >= text.length || text[at] === "\n") return 0;
  const code = text.charCodeAt(at);
  const next = text.charCodeAt(at + 1);
  return code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
}

/**
 * The offset of a 1-based line and a 1-based column counted in characters
 * (code points), as the decoder reports them; clamped to the line's end.
 * @param {string} text
 * @param {number} line
 * @param {number} column
 */
export function offsetAt(text, line, column) {
  let at = 0;
  for (let l = 1; l < line; l++) {
    const newline = text.indexOf("\n", at);
    if (newline < 0) return text.length;
    at = newline + 1;
  }
  for (let c = 1; c < column; c++) {
    const step = charLength(text, at);
    if (step === 0) break;
    at += step;
  }
  return at;
}

/**
 * The [start, end) range of the text an issue is about:
 * - with a line and column (`invalid_json`, `invalid_utf8`): the character
 *   there, or an empty range at a line's end or the text's end;
 * - `missing_field`: the object that lacks the field;
 * - `duplicate_field` and `unknown_field`: the member, key and value, of the
 *   key's last occurrence;
 * - path "": the whole text;
 * - otherwise the value at the path, or its nearest ancestor found.
 * @param {string} text
 * @param {IssueLike} issue
 * @param {Map<string, Range>} [ranges] from valueRanges(text), to reuse
 * @returns {{ start: number, end: number }}
 */
export function locateIssue(text, issue, ranges) {
  if (typeof issue.line === "number" && typeof issue.column === "number") {
    const start = offsetAt(text, issue.line, issue.column);
    return { start, end: start + charLength(text, start) };
  }
  const whole = { start: 0, end: text.length };
  if (issue.path === "") return whole;
  const found = ranges ?? valueRanges(text);
  let pointer = issue.code === "missing_field" ? parentPointer(issue.path) : issue.path;
  const exact = found.get(pointer);
  if (exact && exact.keyStart !== undefined && (issue.code === "duplicate_field" || issue.code === "unknown_field")) {
    return { start: exact.keyStart, end: exact.end };
  }
  for (;;) {
    const range = found.get(pointer);
    if (range) return { start: range.start, end: range.end };
    if (pointer === "") return whole;
    pointer = parentPointer(pointer);
  }
}
