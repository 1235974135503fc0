#!/usr/bin/env node
// @ts-check
// connect-webview-events: the package's command-line tool (package.json `bin`).
// Copied to dist/cli.mjs by scripts/build-pkg.mjs; uses only Node built-ins
// and the package's own Node entry.
//
//   decode [FILE|-]   one event: a readable summary, or --json
//   verify [FILE|-]   the webhook signature over the exact bytes, then the event
//   batch  [FILE|-]   NDJSON or a JSON array: counts by type and issue code
//
// Exit status: 0 valid (and authentic), 1 invalid or not authentic, 2 usage
// error, unreadable input or unwritable output.
import { createReadStream, fstatSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { parseArgs } from "node:util";

const NAME = "connect-webview-events";

/**
 * The package, through its own Node entry (dist/node.cjs, the instance that
 * dist/node.mjs re-exports), loaded once the arguments are known to be good:
 * --help, --version and usage errors do not wait for the WebAssembly module.
 * `require`, not `import "./node.mjs"`: importing CommonJS from ESM makes
 * Node scan node.cjs for its export names first, which doubles the start-up
 * time of every command.
 * @type {typeof import("./node.mjs")}
 */
let api;
function loadApi() {
  api ??= createRequire(import.meta.url)("./node.cjs");
  return api;
}

/** NDJSON lines per decodeBatch call in batch. */
const CHUNK_LINES = 5000;

/** `CONNECT_WEBVIEW_EVENTS_PROGRESS`: `1` always draws the bar (on stderr), `0` never; unset: when stderr is a terminal. */
const PROGRESS_ENV = "CONNECT_WEBVIEW_EVENTS_PROGRESS";

/** The environment variable read when `verify` has no `--secret`. */
const SECRET_ENV = "SEAM_WEBHOOK_SECRET";

const EXIT_VALID = 0;
const EXIT_INVALID = 1;
const EXIT_USAGE = 2;

// ---------------------------------------------------------------------------
// Help texts

const MAIN_HELP = `Usage: ${NAME} <command> [options] [FILE|-]

Decode, validate and authenticate Seam webhook events, of every event type:
device.connected, lock.locked, access_code.created, connect_webview.*, ...
FILE is read as raw bytes; without FILE, or with -, standard input is read.

Commands:
  decode [FILE|-]   check one event and print its fields
  verify [FILE|-]   check a webhook's signature over the exact bytes, then the event
  batch  [FILE|-]   check NDJSON or a JSON array of events and print a summary
  help [COMMAND]    show this help, or a command's

Options:
  -h, --help        show this help
  -v, --version     print the version

Exit status: 0 valid (and authentic), 1 invalid or not authentic,
2 usage error, unreadable input or unwritable output.

Run '${NAME} <command> --help' for a command's options.
`;

const DECODE_HELP = `Usage: ${NAME} decode [options] [FILE|-]

Checks one event, of any Seam event type. Valid: its type and each
top-level field as "name: value" on stdout, objects and arrays as one line of
JSON (fields outside the schema are marked as kept, with their paths when
they are inside a field). Invalid: every issue on stderr as
"code path: message", with line:column for invalid_json and invalid_utf8.

Options:
  --json            print the event as JSON; when invalid, {"issues": [...]}
  --strict          report fields outside the schema (unknown_field)
  --max-bytes N     refuse a payload over N bytes (default 1048576, 1 MiB)
  -h, --help        show this help

Exit status: 0 valid, 1 invalid, 2 usage error, unreadable input or
unwritable output.

Examples:
  ${NAME} decode event.json
  pbpaste | ${NAME} decode --json
`;

const VERIFY_HELP = `Usage: ${NAME} verify [--secret S] --header NAME:VALUE ... [options] [FILE|-]
       ${NAME} verify [--secret S] --request F [options]

Checks the Standard Webhooks (Svix) signature over the exact bytes of FILE or
standard input, then checks the event. The secret is never printed.

Options:
  --secret S            the whsec_... secret; default: $${SECRET_ENV}
                        (the variable keeps it out of shell history and ps)
  --header NAME:VALUE   a request header, repeatable; NAME=VALUE works too:
                        webhook-id, webhook-timestamp, webhook-signature
                        (or svix-id, svix-timestamp, svix-signature)
  --headers-file F      headers from a file: "name: value" lines (blank lines,
                        # comments and an HTTP request line are skipped),
                        or a JSON object
  --request F           a whole raw HTTP request, as a capture shows it (a
                        request line, headers, a blank line, the body): the
                        headers and the body from one file, so no FILE
  --tolerance SECONDS   how far the timestamp may be from now (default 300)
  --now UNIX_SECONDS    check the timestamp against this time, not the clock
                        (to replay a webhook from an old log)
  --json                print the event as JSON; when invalid, {"issues": [...]};
                        when not authentic, {"name", "code", "message"}
  --strict              report fields outside the schema (unknown_field)
  --max-bytes N         refuse a body over N bytes (default 1048576, 1 MiB)
  -h, --help            show this help

Exit status: 0 authentic and valid, 1 not authentic or invalid,
2 usage error, unreadable input or unwritable output.

Examples:
  export ${SECRET_ENV}=whsec_...
  ${NAME} verify body.json --header 'webhook-id: msg_2KWP...' \\
    --header 'webhook-timestamp: 1718356897' --header 'webhook-signature: v1,K5oZ...' \\
    --now 1718356897
  ${NAME} verify --request captured.http --now 1718356897
`;

const BATCH_HELP = `Usage: ${NAME} batch [options] [FILE|-]

Checks every event of NDJSON (one event a line; blank lines are skipped) or of
a JSON array, events of any types mixed, and prints a summary: how many
events, valid and invalid; valid events by type; issues by code; then the
failing lines as "line N: code path: message". An input of any size is read:
NDJSON as it comes, in chunks of lines, a JSON array whole. On a large NDJSON
input a progress bar is drawn on stderr when stderr is a terminal.

Options:
  --json              print the summary as one JSON object
  --max-failures N    list at most N failing events (default 20; 0: none)
  --strict            report fields outside the schema (unknown_field)
  --max-bytes N       refuse an event over N bytes (default 1048576, 1 MiB)
  --no-progress       never draw the progress bar
  -h, --help          show this help

Environment:
  NO_COLOR=1          no colours (there are none unless the output is a terminal)
  ${PROGRESS_ENV}=1
                      draw the bar on stderr even when it is not a terminal (=0: never)

Exit status: 0 every event valid, 1 any invalid (or the input as a whole
unreadable: not UTF-8, a broken JSON array), 2 usage error, unreadable file
or unwritable output.

Example:
  ${NAME} batch webhooks.ndjson --max-failures 5
`;

/** @type {Record<string, string>} */
const HELP = { decode: DECODE_HELP, verify: VERIFY_HELP, batch: BATCH_HELP };

// ---------------------------------------------------------------------------
// Output

/** A usage error: message on stderr with a hint, exit 2. */
class UsageError extends Error {
  /** @param {string} message @param {string} [command] */
  constructor(message, command) {
    super(message);
    this.command = command;
  }
}

/** Input that could not be read: exit 2. */
class InputError extends Error {}

/** Strings that must not reach any output (the webhook secret). */
const redactions = new Set();

/** @param {string} text */
function redact(text) {
  let out = text;
  for (const secret of redactions) out = out.split(secret).join("[secret]");
  return out;
}

/** @param {string} text */
function writeOut(text) {
  process.stdout.write(redact(text));
}

/** @param {string} text */
function writeErr(text) {
  process.stderr.write(redact(text));
}

/**
 * Colours only on a terminal, and never with NO_COLOR (https://no-color.org)
 * or TERM=dumb.
 * @param {NodeJS.WriteStream} stream
 */
function colorsFor(stream) {
  const on = stream.isTTY === true && !process.env.NO_COLOR && process.env.TERM !== "dumb";
  /** @param {number} code */
  const style = (code) => (/** @type {string} */ text) => (on ? `\x1b[${code}m${text}\x1b[0m` : text);
  return { bold: style(1), dim: style(2), red: style(31), green: style(32), yellow: style(33), cyan: style(36) };
}

/**
 * Control, format (bidi overrides, zero-width) and line-separator characters
 * as \uXXXX, so that data from a payload cannot move the cursor, recolour the
 * terminal or reorder what is shown.
 * @param {string} text
 */
function escapeUnsafe(text) {
  return text.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, (c) => {
    let out = "";
    for (let i = 0; i < c.length; i++) out += `\\u${c.charCodeAt(i).toString(16).padStart(4, "0")}`;
    return out;
  });
}

/** Strings that read the same unquoted: not empty, no edge spaces, not JSON-like. */
const PLAIN_STRING = /^[^\s"{[][^\p{Cc}\p{Cf}\p{Zl}\p{Zp}]*(?<!\s)$/u;
const JSON_LITERAL = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)$/;

/** A field value for the readable output. @param {unknown} value */
function showValue(value) {
  if (typeof value === "string" && PLAIN_STRING.test(value) && !JSON_LITERAL.test(value) && !/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u.test(value)) {
    return value;
  }
  return escapeUnsafe(JSON.stringify(value));
}

/**
 * `code path: message`, with ` line:column` after the path when known; the
 * root's path (`""`) shows as `(root)`.
 * @param {{ code: string, path: string, message: string, line?: number, column?: number }} issue
 * @param {ReturnType<typeof colorsFor>} c
 */
function issueLine(issue, c) {
  const path = issue.path === "" ? "(root)" : escapeUnsafe(issue.path);
  const where = issue.line !== undefined ? `${path} ${issue.line}:${issue.column ?? 1}` : path;
  return `${c.red(issue.code)} ${where}: ${escapeUnsafe(issue.message)}`;
}

/** @param {unknown} value */
function json(value) {
  return `${JSON.stringify(value, null, 2)}\n`;
}

// ---------------------------------------------------------------------------
// Arguments and input

/**
 * parseArgs with usage errors that name the command.
 * @param {string} command @param {string[]} args @param {import("node:util").ParseArgsConfig["options"]} options
 */
function parse(command, args, options) {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { ...options, help: { type: "boolean", short: "h" } }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(/** @type {Error} */ (error).message, command);
  }
  const { values, positionals } = parsed;
  if (positionals.length > 1) {
    throw new UsageError(`expected at most one FILE, found ${positionals.length}: ${positionals.map((p) => `'${p}'`).join(" ")}`, command);
  }
  return { values: /** @type {Record<string, any>} */ (values), file: positionals[0] };
}

/**
 * A non-negative integer option, or its default.
 * @param {string | undefined} text @param {string} name @param {string} command @param {number | undefined} fallback
 */
function integerOption(text, name, command, fallback) {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value)) {
    throw new UsageError(`--${name}: expected a non-negative integer, found '${text}'`, command);
  }
  return value;
}

/** How many bytes of a file are read at a time. */
const READ_BYTES = 1 << 20;

/** How much of a batch's input its hints look at (a pretty-printed event, the first line). */
const HEAD_BYTES = 16 << 20;

/**
 * FILE, or standard input for `-` or no FILE, as the pieces of bytes it is
 * read in, and its size when that is known before it is read (a regular
 * file), for the progress bar. A file that cannot be read is an InputError,
 * when it is opened or at the piece where reading fails.
 * @param {string | undefined} file
 * @returns {{ pieces: AsyncIterable<Buffer>, size: number | undefined }}
 */
function openInput(file) {
  const stdin = file === undefined || file === "-";
  const stats = statsOf(() => (stdin ? fstatSync(0) : statSync(file)));
  const size = stats?.isFile() ? stats.size : undefined;
  if (!stdin) return { pieces: readOrSay(createReadStream(file, { highWaterMark: READ_BYTES }), file), size };
  // Node reads a directory on standard input as no bytes at all.
  if (stats?.isDirectory()) throw new InputError("cannot read standard input: is a directory");
  if (file === undefined && process.stdin.isTTY) {
    writeErr(`${NAME}: reading standard input (end with Ctrl-D; --help for usage)\n`);
  }
  return { pieces: readOrSay(process.stdin, "standard input"), size };
}

/** What `stat` says, or undefined when it cannot say (reading will then say why). @param {() => import("node:fs").Stats} stat */
function statsOf(stat) {
  try {
    return stat();
  } catch {
    return undefined;
  }
}

/**
 * The pieces of `stream`, with a failure to read it as an InputError naming
 * `what`.
 * @param {AsyncIterable<Buffer>} stream @param {string} what
 */
async function* readOrSay(stream, what) {
  try {
    for await (const piece of stream) yield piece;
  } catch (error) {
    const { code, message } = /** @type {NodeJS.ErrnoException} */ (error);
    const reason =
      code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : code === "EACCES" ? "permission denied" : message;
    throw new InputError(`cannot read ${what}: ${reason}`);
  }
}

/**
 * The raw bytes of FILE, or of standard input for `-` or no FILE, whole.
 * @param {string | undefined} file
 */
async function readInput(file) {
  /** @type {Buffer[]} */
  const pieces = [];
  for await (const piece of openInput(file).pieces) pieces.push(piece);
  return Buffer.concat(pieces);
}

// ---------------------------------------------------------------------------
// decode

/** Paths of unknown fields inside one top-level field listed in full; past it, a count. */
const UNKNOWN_PATHS_SHOWN = 3;

/**
 * The mark after a top-level field that is, or holds, a field outside the
 * schema; "" for none.
 * @param {string[] | undefined} paths the unknown fields' JSON Pointers at or under it
 * @param {ReturnType<typeof colorsFor>} c
 */
function unknownMark(paths, c) {
  if (paths === undefined) return "";
  if (paths.some((path) => path.indexOf("/", 1) === -1)) return `  ${c.dim("(unknown field, kept)")}`;
  const shown = paths.slice(0, UNKNOWN_PATHS_SHOWN).map(escapeUnsafe).join(", ");
  const more = paths.length > UNKNOWN_PATHS_SHOWN ? ` and ${paths.length - UNKNOWN_PATHS_SHOWN} more` : "";
  return `  ${c.dim(`(unknown ${paths.length === 1 ? "field" : "fields"} inside, kept: ${shown}${more})`)}`;
}

/**
 * The readable form of a valid event: its type, then each top-level field in
 * the payload's order; fields outside the schema are marked, at any depth.
 * @param {Record<string, unknown>} event @param {Map<string, string[]>} unknown @param {ReturnType<typeof colorsFor>} c
 */
function describeEvent(event, unknown, c) {
  let out = `${c.green("valid")} ${c.bold(escapeUnsafe(String(event.event_type)))} event\n`;
  for (const [name, value] of Object.entries(event)) {
    out += `  ${c.cyan(escapeUnsafe(name))}: ${showValue(value)}${unknownMark(unknown.get(name), c)}\n`;
  }
  return out;
}

/** JSON Pointer token to key (RFC 6901). @param {string} token */
function unescapePointer(token) {
  return token.replace(/~1/g, "/").replace(/~0/g, "~");
}

/**
 * Fields outside the schema, as the core sees them: the `unknown_field`
 * issues of a strict check of the same bytes (at any depth: `/hint`,
 * `/errors/0/zz`), by the top-level field they are or are inside.
 * @param {Buffer} bytes @param {number} maxBytes
 * @returns {Map<string, string[]>} top-level name to the unknown fields' paths
 */
function unknownFields(bytes, maxBytes) {
  const strict = api.safeDecode(bytes, { strict: true, maxBytes });
  /** @type {Map<string, string[]>} */
  const fields = new Map();
  if (!strict.success) {
    for (const { code, path } of strict.error.issues) {
      if (code !== "unknown_field" || !path.startsWith("/")) continue;
      const end = path.indexOf("/", 1);
      const name = unescapePointer(path.slice(1, end === -1 ? undefined : end));
      const paths = fields.get(name);
      if (paths === undefined) fields.set(name, [path]);
      else paths.push(path);
    }
  }
  return fields;
}

/** The UTF-8 byte order mark, U+FEFF. */
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * The hint for an input that starts with a byte order mark, for decode and
 * batch. The exact bytes are checked, as the package checks them, so the
 * mark is refused; but it comes from an editor that saved the log, not from
 * Seam.
 */
const BOM_HINT = "(the input starts with a UTF-8 byte order mark, which an editor adds when saving a file and a webhook body does not have: save it without one)";

/** @param {Buffer} bytes */
const startsWithBom = (bytes) => bytes.subarray(0, 3).equals(BOM);

/** The first line of `bytes` that is not blank (`firstNonBlank`), as text, without its line break. @param {Buffer} bytes */
function firstLine(bytes) {
  const start = firstNonBlank(bytes, 0);
  if (start === -1) return "";
  const end = bytes.indexOf(0x0a, start);
  return bytes.subarray(start, end === -1 ? undefined : end).toString("utf8").trimEnd();
}

/** Whether `text` is one whole JSON value (duplicate keys and all). @param {string} text */
function isJsonValue(text) {
  return jsonValue(text) !== undefined;
}

/** Whether `text` is one whole JSON object (duplicate keys and all). @param {string} text */
function isJsonObject(text) {
  const value = jsonValue(text);
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `JSON.parse(text)`, or undefined when it is not JSON. @param {string} text */
function jsonValue(text) {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Whether a decode's only issue is an object after a whole JSON object:
 * more than one event (NDJSON, or pretty-printed events one after
 * another), which is for batch.
 * @param {{ code: string, line?: number, column?: number }[]} issues @param {Buffer} bytes
 */
function looksLikeMany(issues, bytes) {
  const [first] = issues;
  if (issues.length !== 1 || first.code !== "invalid_json" || first.line === undefined || first.column === undefined) return false;
  const lines = bytes.toString("utf8").split("\n");
  // The column counts characters, not UTF-16 code units.
  const line = [...(lines[first.line - 1] ?? "")];
  if (line[first.column - 1] !== "{") return false;
  return isJsonObject([...lines.slice(0, first.line - 1), line.slice(0, first.column - 1).join("")].join("\n"));
}

/**
 * Issues on stderr, one a line, with a hint when the input looks like a batch
 * (a JSON array, or NDJSON) or starts with a byte order mark.
 * @param {{ code: string, path: string, message: string, line?: number, column?: number }[]} issues @param {Buffer} [bytes]
 */
function reportIssues(issues, bytes) {
  const c = colorsFor(process.stderr);
  let out = "";
  for (const issue of issues) out += `${issueLine(issue, c)}\n`;
  if (bytes && issues.length === 1 && issues[0].code === "invalid_type" && issues[0].path === "" && mayBeJsonArray(bytes)) {
    out += `${c.dim(`(a JSON array of events? try '${NAME} batch')`)}\n`;
  }
  if (bytes && looksLikeMany(issues, bytes)) out += `${c.dim(`(more than one event? try '${NAME} batch')`)}\n`;
  if (bytes && issues[0]?.code === "invalid_json" && startsWithBom(bytes)) out += `${c.dim(BOM_HINT)}\n`;
  writeErr(out);
}

/** @param {string[]} args */
async function runDecode(args) {
  const { values, file } = parse("decode", args, {
    json: { type: "boolean" },
    strict: { type: "boolean" },
    "max-bytes": { type: "string" },
  });
  if (values.help) return writeOut(DECODE_HELP), EXIT_VALID;
  const strict = values.strict === true;
  const maxBytes = integerOption(values["max-bytes"], "max-bytes", "decode", undefined);
  const bytes = await readInput(file);
  loadApi();
  const result = api.safeDecode(bytes, { strict, maxBytes });
  if (!result.success) {
    if (values.json) writeOut(json({ issues: result.error.issues }));
    else reportIssues(result.error.issues, bytes);
    return EXIT_INVALID;
  }
  if (values.json) writeOut(json(result.data));
  else writeOut(describeEvent(result.data, strict ? new Map() : unknownFields(bytes, maxBytes), colorsFor(process.stdout)));
  return EXIT_VALID;
}

// ---------------------------------------------------------------------------
// verify

/**
 * `name: value` or `name=value`, or undefined for neither: split at whichever
 * comes first (header names contain neither; base64 signatures end in `=`).
 * @param {string} text
 */
function headerOf(text) {
  const match = /^([^:=]*)[:=](.*)$/s.exec(text);
  const name = match?.[1].trim() ?? "";
  if (!match || !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) return undefined;
  return { name: name.toLowerCase(), value: match[2].trim() };
}

/** `headerOf`, or a usage error that says where. @param {string} text @param {string} where */
function splitHeader(text, where) {
  const header = headerOf(text);
  if (header === undefined) throw new UsageError(`${where}: expected NAME:VALUE or NAME=VALUE, found ${quoted(text)}`, "verify");
  return header;
}

/** Text for a message, quoted, and cut short when long (a line of a body). @param {string} text */
function quoted(text) {
  const chars = [...text];
  return chars.length <= 80 ? `'${escapeUnsafe(text)}'` : `'${escapeUnsafe(chars.slice(0, 60).join(""))}...' (${chars.length} characters)`;
}

/** An HTTP/1.x request line, `POST /webhooks/seam HTTP/1.1`. */
const REQUEST_LINE = /^[A-Z]+ \S+ HTTP\/\d(\.\d)?$/;

/**
 * Headers from a file: a JSON object, or `name: value` lines.
 * @param {string} file @param {Buffer} text
 */
function parseHeadersFile(file, text) {
  const source = text.toString("utf8");
  /** @type {{ name: string, value: string }[]} */
  const headers = [];
  if (/^\s*\{/.test(source)) {
    let object;
    try {
      object = JSON.parse(source);
    } catch (error) {
      throw new UsageError(`--headers-file ${file}: not a JSON object: ${/** @type {Error} */ (error).message}`, "verify");
    }
    for (const [name, value] of Object.entries(object)) {
      for (const v of Array.isArray(value) ? value : [value]) {
        if (typeof v !== "string") throw new UsageError(`--headers-file ${file}: header ${name}: expected a string value`, "verify");
        headers.push({ name: name.toLowerCase(), value: v.trim() });
      }
    }
    return headers;
  }
  const lines = source.split(/\r?\n/);
  // The request line, if any, comes before the headers: the first line that
  // is neither blank nor a comment.
  const first = lines.findIndex((line) => line.trim() !== "" && !line.trimStart().startsWith("#"));
  const request = first !== -1 && REQUEST_LINE.test(lines[first].trim());
  let blank = false;
  lines.forEach((line, i) => {
    if (line.trim() === "") return void (blank = i > first);
    if ((i === first && request) || line.trimStart().startsWith("#")) return;
    if (request && blank && headerOf(line) === undefined) {
      throw new UsageError(
        `--headers-file ${file} line ${i + 1}: found ${quoted(line)} after the blank line that ends an HTTP request's headers: for a whole request, headers then body, use --request ${file}`,
        "verify",
      );
    }
    headers.push(splitHeader(line, `--headers-file ${file} line ${i + 1}`));
  });
  return headers;
}

/**
 * A whole raw HTTP/1.x request, as a capture shows it (a tunnel's inspector,
 * a proxy's log, `nc -l`): a request line, header lines, a blank line, then
 * the body, whose exact bytes were signed. The head may end its lines with
 * CRLF or, saved by an editor, LF. With Content-Length, the body is that many
 * bytes, and only line breaks and spaces may follow (an editor adds a final
 * line break; it is not the body's).
 * @param {string} file @param {Buffer} bytes
 */
function parseRequest(file, bytes) {
  const where = `--request ${file}`;
  let end = -1;
  let start = -1;
  for (let i = bytes.indexOf(0x0a); i !== -1 && end === -1; i = bytes.indexOf(0x0a, i + 1)) {
    const next = bytes[i + 1] === 0x0d ? i + 2 : i + 1;
    if (bytes[next] === 0x0a) [end, start] = [i, next + 1];
  }
  if (end === -1) {
    throw new UsageError(`${where}: found no blank line after the headers: expected a request line, header lines, a blank line, then the body`, "verify");
  }
  // `end` is the last header line's LF: a CR before it is the line break's too.
  const [first, ...lines] = bytes.subarray(0, end).toString("utf8").replace(/\r$/, "").split(/\r?\n/);
  if (!REQUEST_LINE.test(first.trim())) {
    throw new UsageError(`${where} line 1: expected a request line such as 'POST /webhooks/seam HTTP/1.1', found ${quoted(first)}`, "verify");
  }
  const headers = lines.map((line, i) => splitHeader(line, `${where} line ${i + 2}`));
  const value = (/** @type {string} */ name) => headers.find((h) => h.name === name)?.value;
  const encoding = value("transfer-encoding");
  if (encoding !== undefined) {
    throw new UsageError(`${where}: the body is sent in chunks (Transfer-Encoding: ${quoted(encoding)}): save the body itself as FILE, and the headers with --headers-file`, "verify");
  }
  const rest = bytes.subarray(start);
  const length = value("content-length");
  if (length === undefined) return { headers, body: rest };
  if (!/^\d+$/.test(length)) throw new UsageError(`${where}: Content-Length: expected a number of bytes, found ${quoted(length)}`, "verify");
  const size = Number(length);
  if (rest.length < size) {
    throw new UsageError(`${where}: the body has ${rest.length} bytes, but Content-Length says ${size}: the capture is cut short`, "verify");
  }
  if (!/^[ \t\r\n]*$/.test(rest.subarray(size).toString("latin1"))) {
    throw new UsageError(`${where}: more than the ${size} bytes that Content-Length says follows the body`, "verify");
  }
  return { headers, body: rest.subarray(0, size) };
}

/** @param {string[]} args */
async function runVerify(args) {
  const { values, file } = parse("verify", args, {
    secret: { type: "string" },
    header: { type: "string", multiple: true },
    "headers-file": { type: "string" },
    request: { type: "string" },
    tolerance: { type: "string" },
    now: { type: "string" },
    json: { type: "boolean" },
    strict: { type: "boolean" },
    "max-bytes": { type: "string" },
  });
  if (values.help) return writeOut(VERIFY_HELP), EXIT_VALID;
  const secret = values.secret ?? process.env[SECRET_ENV];
  if (secret === undefined || secret === "") {
    throw new UsageError(`no secret: pass --secret whsec_... or set ${SECRET_ENV}`, "verify");
  }
  const toleranceSeconds = integerOption(values.tolerance, "tolerance", "verify", 300);
  const maxBytes = integerOption(values["max-bytes"], "max-bytes", "verify", undefined);
  const nowSeconds = integerOption(values.now, "now", "verify", -1);
  const now = nowSeconds === -1 ? undefined : new Date(nowSeconds * 1000);
  if (now && !Number.isFinite(now.getTime())) throw new UsageError(`--now: ${values.now} is out of range`, "verify");

  /** @type {{ name: string, value: string }[]} */
  const pairs = [];
  const headersFile = values["headers-file"];
  /** @type {string | undefined} */
  const requestFile = values.request;
  if (requestFile !== undefined && file !== undefined) {
    throw new UsageError(`--request ${requestFile} holds the body: expected no FILE, found '${file}'`, "verify");
  }
  if (headersFile === "-" && requestFile === "-") throw new UsageError("--headers-file - and --request - both read standard input", "verify");
  if (headersFile !== undefined) {
    if (headersFile === "-" && requestFile === undefined && (file === undefined || file === "-")) {
      throw new UsageError("--headers-file - reads standard input, so the body must come from a FILE", "verify");
    }
    pairs.push(...parseHeadersFile(headersFile, await readInput(headersFile)));
  }
  /** @type {Buffer | undefined} */
  let body;
  if (requestFile !== undefined) {
    const request = parseRequest(requestFile, await readInput(requestFile));
    pairs.push(...request.headers);
    body = request.body;
  }
  for (const text of values.header ?? []) pairs.push(splitHeader(text, "--header"));
  /** @type {Record<string, string[]>} */
  const headers = Object.create(null);
  for (const { name, value } of pairs) (headers[name] ??= []).push(value);

  body ??= await readInput(file);
  loadApi();
  let event;
  try {
    event = api.verify(body, { ...headers }, secret, { toleranceSeconds, now, strict: values.strict === true, maxBytes });
  } catch (error) {
    if (error instanceof api.WebhookVerificationError) {
      if (values.json) writeOut(json(error));
      else writeErr(`${colorsFor(process.stderr).red("not authentic")}: ${error.code}: ${escapeUnsafe(error.message)}\n`);
      return EXIT_INVALID;
    }
    if (error instanceof api.DecodeError) {
      if (values.json) writeOut(json({ issues: error.issues }));
      else {
        writeErr(`${colorsFor(process.stderr).yellow("authentic, but not a valid event")}:\n`);
        reportIssues(error.issues, body);
      }
      return EXIT_INVALID;
    }
    throw error;
  }
  if (values.json) {
    writeOut(json(event));
    return EXIT_VALID;
  }
  const c = colorsFor(process.stdout);
  // What verify read: the package's own rule for which header wins.
  const signed = api.signatureHeaders(headers);
  const id = signed.id ?? "";
  const timestamp = Number(signed.timestamp);
  const signedAt = Number.isSafeInteger(timestamp) ? new Date(timestamp * 1000).toISOString().replace(".000Z", "Z") : "?";
  let out = `${c.green("authentic")}: id ${escapeUnsafe(id)}, signed ${signedAt}\n`;
  out += describeEvent(event, values.strict ? new Map() : unknownFields(body, maxBytes), c);
  writeOut(out);
  return EXIT_VALID;
}

// ---------------------------------------------------------------------------
// batch

/**
 * @typedef {{ code: string, path: string, message: string, line?: number, column?: number }} Issue
 * @typedef {{ success: true, data: any, index: number, line: number } | { success: false, error: { issues: Issue[] }, index: number, line: number }} BatchResult
 */

/** JSON whitespace, as the core skips it before telling NDJSON from an array. @param {number} byte */
function isBlank(byte) {
  return byte === 0x20 || byte === 0x09 || byte === 0x0d || byte === 0x0a;
}

/** The first non-blank byte at or after `from`, or -1. @param {Buffer} bytes @param {number} from */
function firstNonBlank(bytes, from) {
  for (let i = from; i < bytes.length; i++) if (!isBlank(bytes[i])) return i;
  return -1;
}

/**
 * Whether decodeBatch may read these bytes as a JSON array: their first
 * non-blank byte is `[`. The core then decides (src/batch.rs), in one call.
 * @param {Buffer} bytes
 */
function mayBeJsonArray(bytes) {
  const first = firstNonBlank(bytes, 0);
  return first !== -1 && bytes[first] === 0x5b;
}

/**
 * An input as it is read: the bytes read and not yet handed on, in the
 * pieces they came in (joined only when they are looked at), with how many
 * line breaks they hold.
 */
class Reader {
  /** @param {AsyncIterable<Buffer>} pieces */
  constructor(pieces) {
    this.iterator = pieces[Symbol.asyncIterator]();
    /** @type {Buffer[]} */
    this.pieces = [];
    /** Line breaks in `pieces`. */
    this.newlines = 0;
    /** Bytes read so far; bytes and line breaks handed on. */
    this.read = 0;
    this.taken = 0;
    this.takenLines = 0;
    this.ended = false;
    /** @type {Buffer[]} the pieces that begin within the first HEAD_BYTES bytes, for `head` */
    this.headPieces = [];
  }

  /**
   * The first HEAD_BYTES bytes read (or fewer, all the input), and whether
   * they are all of it: what the hints after a batch look at.
   */
  get head() {
    const bytes = Buffer.concat(this.headPieces).subarray(0, HEAD_BYTES);
    return { bytes, whole: this.ended && bytes.length === this.read };
  }

  /** Reads one more piece; false at the end of the input. */
  async more() {
    if (this.ended) return false;
    const { value, done } = await this.iterator.next();
    if (done) {
      this.ended = true;
      return false;
    }
    this.pieces.push(value);
    if (this.read < HEAD_BYTES) this.headPieces.push(value);
    this.read += value.length;
    this.newlines += newlinesIn(value);
    return true;
  }

  /** Reads until `enough()` or the end of the input. @param {() => boolean} enough */
  async readUntil(enough) {
    while (!enough() && (await this.more()));
  }

  /** The bytes read and not yet handed on, as one buffer. */
  get pending() {
    if (this.pieces.length > 1) this.pieces = [Buffer.concat(this.pieces)];
    return this.pieces[0] ?? Buffer.alloc(0);
  }

  /** Hands on the first `end` bytes of `pending`. @param {number} end */
  take(end) {
    const pending = this.pending;
    const taken = pending.subarray(0, end);
    const lines = newlinesIn(taken);
    this.pieces = end === pending.length ? [] : [pending.subarray(end)];
    this.newlines -= lines;
    this.taken += end;
    this.takenLines += lines;
    return taken;
  }

  /** Reads the rest of the input and hands on all of it. */
  async rest() {
    await this.readUntil(() => false);
    return this.take(this.pending.length);
  }
}

/** @param {Buffer} bytes */
function newlinesIn(bytes) {
  let count = 0;
  for (let i = bytes.indexOf(0x0a); i !== -1; i = bytes.indexOf(0x0a, i + 1)) count++;
  return count;
}

/**
 * The end of the next chunk of NDJSON in `reader`: past its first
 * CHUNK_LINES lines (or all that is left), and past every line after them
 * whose first non-blank byte is `[`, since decodeBatch might read a chunk
 * that starts so as a JSON array.
 * @param {Reader} reader
 */
async function nextChunk(reader) {
  await reader.readUntil(() => reader.newlines >= CHUNK_LINES);
  let bytes = reader.pending;
  let end = 0;
  for (let lines = 0; lines < CHUNK_LINES && end < bytes.length; lines++) {
    const newline = bytes.indexOf(0x0a, end);
    end = newline === -1 ? bytes.length : newline + 1;
  }
  for (;;) {
    const next = firstNonBlank(bytes, end);
    const newline = next === -1 ? -1 : bytes.indexOf(0x0a, next);
    // Only blanks after `end`, or a line that starts with `[` and has not
    // ended yet: what is read next decides, and at the end, all of it.
    if (next === -1 || (bytes[next] === 0x5b && newline === -1)) {
      if (!(await reader.more())) return reader.take(bytes.length);
      bytes = reader.pending;
    } else if (bytes[next] === 0x5b) end = newline + 1;
    else return reader.take(end);
  }
}

/**
 * decodeBatch over an input as it is read, with the same results as one call
 * over all of it: what may be a JSON array (its first non-blank byte is `[`)
 * in one call, since the core decides (src/batch.rs); NDJSON in chunks of
 * about CHUNK_LINES lines, with indexes and places (the line of each result
 * and issue, and the line and byte offset an issue's message names) moved to
 * the whole input. Each result goes to `onResult`, none is kept, so that a
 * log of any size is read.
 * @param {Reader} reader @param {{ strict: boolean, maxBytes: number }} options
 * @param {(result: BatchResult) => void} onResult
 * @param {(done: number, events: number, more: boolean) => void} onProgress
 */
async function decodeBatchStream(reader, options, onResult, onProgress) {
  await reader.readUntil(() => firstNonBlank(reader.pending, 0) !== -1);
  if (mayBeJsonArray(reader.pending)) {
    for (const result of /** @type {BatchResult[]} */ (api.decodeBatch(await reader.rest(), options))) onResult(result);
    return;
  }
  let events = 0;
  while (!reader.ended || reader.pending.length > 0) {
    const at = { events, lines: reader.takenLines, bytes: reader.taken };
    events += decodeChunk(await nextChunk(reader), at, options, onResult);
    await reader.readUntil(() => reader.pending.length > 0);
    onProgress(reader.taken, events, reader.pending.length > 0);
  }
}

/**
 * decodeBatch of one chunk of NDJSON found `at` so many events, lines and
 * bytes into the input, with its results moved there and handed to
 * `onResult`; returns how many there were. A chunk whose results are more
 * than one call returns (payload_too_large: millions of issues) is decoded
 * in two halves.
 * @param {Buffer} chunk @param {{ events: number, lines: number, bytes: number }} at
 * @param {{ strict: boolean, maxBytes: number }} options @param {(result: BatchResult) => void} onResult
 * @returns {number}
 */
function decodeChunk(chunk, at, options, onResult) {
  let part;
  try {
    part = /** @type {BatchResult[]} */ (api.decodeBatch(chunk, options));
  } catch (error) {
    if (!(error instanceof api.DecodeError)) throw error;
    const half = error.issues[0]?.code === "payload_too_large" ? halfway(chunk) : -1;
    if (half === -1) {
      for (const issue of error.issues) moveIssue(issue, at.lines, at.bytes);
      throw error;
    }
    const first = decodeChunk(chunk.subarray(0, half), at, options, onResult);
    const rest = { events: at.events + first, lines: at.lines + newlinesIn(chunk.subarray(0, half)), bytes: at.bytes + half };
    return first + decodeChunk(chunk.subarray(half), rest, options, onResult);
  }
  for (const result of part) {
    result.index += at.events;
    result.line += at.lines;
    if (!result.success) for (const issue of result.error.issues) moveIssue(issue, at.lines, at.bytes);
    onResult(result);
  }
  return part.length;
}

/**
 * Where to cut a chunk in two: the first line end past its middle after
 * which some line follows that does not start with `[`; -1 if there is none.
 * @param {Buffer} chunk
 */
function halfway(chunk) {
  for (let end = chunk.indexOf(0x0a, chunk.length >> 1); end !== -1; end = chunk.indexOf(0x0a, end + 1)) {
    const next = firstNonBlank(chunk, end + 1);
    if (next !== -1 && chunk[next] !== 0x5b) return end + 1;
  }
  return -1;
}

/**
 * Moves an issue of a chunk `lines` lines and `bytes` bytes down, to its
 * place in the whole input: its line, and the place its message names ("at
 * line N, column M" as an invalid_json message has it, "at byte offset B
 * (line N, column M)" as an invalid_utf8 one does).
 * @param {{ line?: number, column?: number, message: string }} issue @param {number} lines @param {number} bytes
 */
function moveIssue(issue, lines, bytes) {
  if (issue.line === undefined || (lines === 0 && bytes === 0)) return;
  const at = `line ${issue.line}, column ${issue.column}`;
  const offset = /byte offset (\d+) \(/.exec(issue.message);
  issue.line += lines;
  issue.message = issue.message.replace(at, `line ${issue.line}, column ${issue.column}`);
  if (offset) issue.message = issue.message.replace(offset[0], `byte offset ${Number(offset[1]) + bytes} (`);
}

/**
 * A progress bar on stderr, redrawn in place with `\r` (no escape sequences),
 * cleared when done.
 */
function progressBar() {
  let drawn = 0;
  return {
    /**
     * `total` is the input's size, undefined when it is not known before the
     * end (a pipe): then the bytes read are shown instead of a bar.
     * @param {number} done @param {number | undefined} total @param {number} events
     */
    update(done, total, events) {
      const count = `${events.toLocaleString("en-US")} events`;
      let text;
      if (total === undefined) text = `${(done / 1e6).toFixed(1)} MB read  ${count}`;
      else {
        const width = Math.max(10, Math.min(40, (process.stderr.columns || 80) - 40));
        const ratio = total === 0 ? 1 : Math.min(1, done / total);
        const filled = Math.round(ratio * width);
        text = `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${String(Math.floor(ratio * 100)).padStart(3)}%  ${count}`;
      }
      process.stderr.write(`\r${text}${" ".repeat(Math.max(0, drawn - text.length))}`);
      drawn = text.length;
    },
    get shown() {
      return drawn > 0;
    },
    clear() {
      if (drawn > 0) process.stderr.write(`\r${" ".repeat(drawn)}\r`);
    },
  };
}

/** Whether to draw the bar: `CONNECT_WEBVIEW_EVENTS_PROGRESS`, else stderr is a terminal. @param {boolean} off */
function progressWanted(off) {
  if (off) return { on: false, forced: false };
  const env = process.env[PROGRESS_ENV];
  if (env === "1") return { on: true, forced: true };
  if (env === "0") return { on: false, forced: false };
  return { on: process.stderr.isTTY === true, forced: false };
}

/**
 * Counts, sorted by count (most first), then name.
 * @param {Map<string, number>} counts
 */
function sortedCounts(counts) {
  return Object.fromEntries([...counts].sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * The summary of a batch, added to a result at a time: counts, and the first
 * `maxFailures` failures.
 * @param {number} maxFailures
 */
function tally(maxFailures) {
  const types = new Map();
  const codes = new Map();
  /** @type {{ index: number, line: number, issues: Issue[] }[]} */
  const failures = [];
  let total = 0;
  let invalid = 0;
  return {
    get total() {
      return total;
    },
    /** @param {BatchResult} result */
    add(result) {
      total++;
      if (result.success) {
        const type = String(result.data.event_type);
        types.set(type, (types.get(type) ?? 0) + 1);
        return;
      }
      invalid++;
      for (const issue of result.error.issues) codes.set(issue.code, (codes.get(issue.code) ?? 0) + 1);
      if (failures.length < maxFailures) failures.push({ index: result.index, line: result.line, issues: result.error.issues });
    },
    summary() {
      return {
        total,
        valid: total - invalid,
        invalid,
        event_types: sortedCounts(types),
        issue_codes: sortedCounts(codes),
        failures,
        failures_not_listed: invalid - failures.length,
      };
    },
  };
}

/** @param {ReturnType<ReturnType<typeof tally>["summary"]>} summary */
function describeSummary(summary) {
  const c = colorsFor(process.stdout);
  const count = (/** @type {number} */ n) => n.toLocaleString("en-US");
  /** @param {Record<string, number>} counts */
  const table = (counts) => {
    const entries = Object.entries(counts);
    if (entries.length === 0) return "  (none)\n";
    const width = Math.max(...entries.map(([name]) => escapeUnsafe(name).length));
    const digits = Math.max(...entries.map(([, n]) => count(n).length));
    return entries.map(([name, n]) => `  ${escapeUnsafe(name).padEnd(width)}  ${count(n).padStart(digits)}\n`).join("");
  };
  const issues = Object.values(summary.issue_codes).reduce((a, b) => a + b, 0);
  let out = `events:  ${count(summary.total)}\n`;
  out += `valid:   ${summary.valid === summary.total ? c.green(count(summary.valid)) : count(summary.valid)}\n`;
  out += `invalid: ${summary.invalid > 0 ? c.red(count(summary.invalid)) : count(summary.invalid)}\n`;
  out += `\n${c.bold("valid events by type")}:\n${table(summary.event_types)}`;
  out += `\n${c.bold("issues by code")} (${count(issues)} in ${count(summary.invalid)} events):\n${table(summary.issue_codes)}`;
  if (summary.invalid > 0) {
    const listed = summary.failures.length;
    const heading = listed === summary.invalid ? "failing lines" : `failing lines (first ${count(listed)} of ${count(summary.invalid)})`;
    out += `\n${c.bold(heading)}:\n`;
    for (const { line, issues: list } of summary.failures) {
      for (const issue of list) out += `line ${line}: ${issueLine(issue, c)}\n`;
    }
    if (summary.failures_not_listed > 0) {
      out += `${c.dim(`... and ${count(summary.failures_not_listed)} more (--max-failures N to list more)`)}\n`;
    }
  }
  return out;
}

/**
 * Hints after a batch's summary, on stderr: for an input that starts with a
 * byte order mark, and for one whose events each take several lines (one
 * pretty-printed event, or many), which is neither NDJSON nor an array. They
 * look at the input's head (`Reader.head`), and call it one event only when
 * it is the whole input.
 * @param {{ total: number, valid: number }} summary @param {{ bytes: Buffer, whole: boolean }} head
 */
function batchHints(summary, { bytes, whole }) {
  const c = colorsFor(process.stderr);
  let out = startsWithBom(bytes) ? `${c.dim(BOM_HINT)}\n` : "";
  if (summary.total > 1 && summary.valid === 0 && !mayBeJsonArray(bytes)) {
    const first = firstLine(bytes);
    if (whole && isJsonValue(bytes.toString("utf8"))) out += `${c.dim(`(one event over several lines? try '${NAME} decode')`)}\n`;
    else if (first.startsWith("{") && !isJsonValue(first)) {
      out += `${c.dim(`(events over several lines each? batch reads one event a line, or a JSON array: try 'jq -c . FILE | ${NAME} batch')`)}\n`;
    }
  }
  return out;
}

/** @param {string[]} args */
async function runBatch(args) {
  const { values, file } = parse("batch", args, {
    json: { type: "boolean" },
    strict: { type: "boolean" },
    "max-bytes": { type: "string" },
    "max-failures": { type: "string" },
    "no-progress": { type: "boolean" },
  });
  if (values.help) return writeOut(BATCH_HELP), EXIT_VALID;
  const options = {
    strict: values.strict === true,
    maxBytes: integerOption(values["max-bytes"], "max-bytes", "batch", undefined),
    // A log on disk is the user's own: no limit on the whole (NDJSON is read
    // in chunks as it comes; a JSON array in one call).
    maxBatchBytes: Infinity,
  };
  const maxFailures = integerOption(values["max-failures"], "max-failures", "batch", 20);
  const input = openInput(file);
  const reader = new Reader(input.pieces);
  // A usage error or an unreadable file is said before the WebAssembly loads.
  await reader.more();
  loadApi();
  const progress = progressWanted(values["no-progress"] === true);

  const counts = tally(maxFailures);
  try {
    const bar = progressBar();
    try {
      await decodeBatchStream(reader, options, counts.add, (done, events, more) => {
        // On a terminal, only inputs of more than one chunk get a bar.
        if (progress.on && (progress.forced || more || bar.shown)) bar.update(done, input.size, events);
      });
    } finally {
      bar.clear();
    }
  } catch (error) {
    if (!(error instanceof api.DecodeError)) throw error;
    if (values.json) writeOut(json({ issues: error.issues }));
    else {
      writeErr(`${colorsFor(process.stderr).red("cannot read the batch as a whole")}:\n`);
      reportIssues(error.issues);
    }
    return EXIT_INVALID;
  }

  const summary = counts.summary();
  writeOut(values.json ? json(summary) : describeSummary(summary));
  if (!values.json) writeErr(batchHints(summary, reader.head));
  return summary.invalid === 0 ? EXIT_VALID : EXIT_INVALID;
}

// ---------------------------------------------------------------------------
// Main

function version() {
  const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
  return String(manifest.version);
}

/** @type {Record<string, (args: string[]) => Promise<number>>} */
const COMMANDS = { decode: runDecode, verify: runVerify, batch: runBatch };

/** @param {string[]} argv */
async function main(argv) {
  const [command, ...args] = argv;
  if (command === undefined) throw new UsageError("no command given (decode, verify or batch)");
  if (command === "-h" || command === "--help") return writeOut(MAIN_HELP), EXIT_VALID;
  if (command === "-v" || command === "--version") return writeOut(`${version()}\n`), EXIT_VALID;
  if (command === "help") {
    const topic = args[0];
    if (topic === undefined) return writeOut(MAIN_HELP), EXIT_VALID;
    if (!Object.hasOwn(HELP, topic)) throw new UsageError(`unknown command '${escapeUnsafe(topic)}'`);
    return writeOut(HELP[topic]), EXIT_VALID;
  }
  if (!Object.hasOwn(COMMANDS, command)) {
    throw new UsageError(command.startsWith("-") ? `unknown option '${escapeUnsafe(command)}'` : `unknown command '${escapeUnsafe(command)}'`);
  }
  return COMMANDS[command](args);
}

/**
 * The secret may sit in argv (`--secret S`, `--secret=S`) or the environment;
 * it is cut from every output, error messages included.
 * @param {string[]} argv
 */
function collectSecrets(argv) {
  const add = (/** @type {string | undefined} */ s) => {
    if (s && s.length >= 6) redactions.add(s);
  };
  add(process.env[SECRET_ENV]);
  argv.forEach((arg, i) => {
    if (arg === "--secret") add(argv[i + 1]);
    else if (arg.startsWith("--secret=")) add(arg.slice("--secret=".length));
  });
}

process.stdout.on("error", (error) => {
  // `| head`: the reader left; nothing more to say.
  if (/** @type {NodeJS.ErrnoException} */ (error).code === "EPIPE") process.exit(process.exitCode ?? EXIT_VALID);
  // A full disk, a closed descriptor: the verdict did not reach its reader,
  // which is not "invalid" (1), whatever the input was.
  writeErr(`${NAME}: cannot write standard output: ${error.message}\n`);
  process.exit(EXIT_USAGE);
});

const argv = process.argv.slice(2);
collectSecrets(argv);
try {
  process.exitCode = await main(argv);
} catch (error) {
  if (error instanceof UsageError) {
    const usage = error.command ? HELP[error.command].split("\n")[0] : `Usage: ${NAME} <decode|verify|batch> [options] [FILE|-]`;
    const help = error.command ? `${NAME} ${error.command} --help` : `${NAME} --help`;
    writeErr(`${NAME}: ${error.message}\n${usage}\nRun '${help}' for more.\n`);
    process.exitCode = EXIT_USAGE;
  } else if (error instanceof InputError) {
    writeErr(`${NAME}: ${error.message}\n`);
    process.exitCode = EXIT_USAGE;
  } else {
    writeErr(`${NAME}: unexpected error: ${/** @type {Error} */ (error)?.stack ?? error}\n`);
    process.exitCode = EXIT_USAGE;
  }
}
