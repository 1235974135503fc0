// The command-line tool, pkg/dist/cli.mjs, run as a child process exactly as
// the `bin` entry runs it: exit codes for every path, stdout and stderr
// contents, stdin, --json, verify against the package's own `sign` and
// against svix, batch summaries, the chunked (progress bar) path, and a
// pseudo-terminal when `script` (util-linux) is there.
//
// Needs pkg/ built (`make test-package` or `node scripts/build-pkg.mjs`).
// Run: node --test tests/cli/
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { accessSync, constants, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Webhook as SvixWebhook } from "svix";

const root = fileURLToPath(new URL("../..", import.meta.url));
const CLI = join(root, "pkg/dist/cli.mjs");
const FIXTURES = join(root, "tests/fixtures");
if (!existsSync(CLI)) throw new Error(`${CLI} is missing: build pkg/ first (node scripts/build-pkg.mjs)`);
const { sign, decodeBatch, safeDecode } = await import(pathToFileURL(join(root, "pkg/dist/node.mjs")).href);

const SUCCEEDED = join(FIXTURES, "login_succeeded.json");
const FAILED = join(FIXTURES, "login_failed.json");
const WITH_METADATA = join(FIXTURES, "login_succeeded_with_metadata.json");
const fixture = (/** @type {string} */ path) => readFileSync(path);
const oneLine = (/** @type {string} */ path) => JSON.stringify(JSON.parse(readFileSync(path, "utf8")));

/** An event whose type is outside the catalogue (device.connected was, before issue 16). */
const UNKNOWN_TYPE = '{"event_type": "device.teleported"}';

/** Valid payloads of every event type: catalogue/examples.json's `minimal`, `full`, ... */
const { examples: EXAMPLES } = JSON.parse(readFileSync(join(root, "catalogue/examples.json"), "utf8"));
/** A copy of one example, to change. @param {string} type @param {string} [kind] */
const example = (type, kind = "full") => structuredClone(EXAMPLES[type][kind]);

const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const SECRET_KEY = SECRET.slice("whsec_".length);

const scratch = mkdtempSync(join(tmpdir(), "cwe-cli-"));
after(() => {
  rmSync(scratch, { recursive: true, force: true });
  console.log(`# ${runs} runs of the CLI`);
});
let files = 0;
/** A scratch file with these contents. @param {string | Buffer} contents */
function temp(contents, name = `input-${files++}`) {
  const path = join(scratch, name);
  writeFileSync(path, contents);
  return path;
}

/** Every output of every run, to check that the secret never appears. */
const outputs = [];
let runs = 0;

/** A clean environment: no secret, no colour or progress settings. */
function cleanEnv(/** @type {Record<string, string>} */ extra = {}) {
  const env = { ...process.env };
  for (const name of ["SEAM_WEBHOOK_SECRET", "NO_COLOR", "FORCE_COLOR", "CONNECT_WEBVIEW_EVENTS_PROGRESS"]) delete env[name];
  return { ...env, ...extra };
}

/**
 * Runs the CLI with pipes (never a terminal), so no output may hold an
 * escape sequence.
 * @param {string[]} args @param {{ input?: string | Buffer, env?: Record<string, string> }} [options]
 */
function run(args, { input, env } = {}) {
  const child = spawnSync(process.execPath, [CLI, ...args], {
    input: input ?? "",
    env: cleanEnv(env),
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.error) throw child.error;
  runs++;
  const result = { status: child.status, stdout: child.stdout, stderr: child.stderr };
  outputs.push(result.stdout, result.stderr);
  assert.doesNotMatch(result.stdout + result.stderr, /\x1b/, "no escape sequence when the output is not a terminal");
  return result;
}

/** A usage error: exit 2, message on stderr with a hint, nothing on stdout. @param {ReturnType<typeof run>} r @param {RegExp} message */
function assertUsage(r, message) {
  assert.equal(r.status, 2, r.stderr);
  assert.equal(r.stdout, "");
  assert.match(r.stderr, message);
  assert.match(r.stderr, /\nUsage: connect-webview-events /);
  assert.match(r.stderr, /--help' for more\.\n$/);
}

describe("package wiring, help and version", () => {
  test("pkg/package.json names dist/cli.mjs as the bin; it is executable with a node shebang", () => {
    const manifest = JSON.parse(readFileSync(join(root, "pkg/package.json"), "utf8"));
    assert.deepEqual(manifest.bin, { "connect-webview-events": "./dist/cli.mjs" });
    accessSync(CLI, constants.X_OK);
    assert.equal(readFileSync(CLI, "utf8").split("\n")[0], "#!/usr/bin/env node");
    const r = spawnSync(CLI, ["--version"], { encoding: "utf8", env: cleanEnv() });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, `${manifest.version}\n`);
  });

  test("--version and -v print the package's version, exit 0", () => {
    const { version } = JSON.parse(readFileSync(join(root, "pkg/package.json"), "utf8"));
    for (const flag of ["--version", "-v"]) {
      assert.deepEqual(run([flag]), { status: 0, stdout: `${version}\n`, stderr: "" });
    }
  });

  test("--help, -h and `help` for the tool and for each command: stdout, exit 0", () => {
    for (const args of [["--help"], ["help"]]) {
      const r = run(args);
      assert.equal(r.status, 0);
      assert.equal(r.stderr, "");
      assert.match(r.stdout, /^Usage: connect-webview-events <command> \[options\] \[FILE\|-\]\n/);
      for (const command of ["decode", "verify", "batch"]) assert.match(r.stdout, new RegExp(`\\n  ${command} `));
      assert.match(r.stdout, /Exit status: 0 valid/);
    }
    for (const [args, command, mentions] of [
      [["decode", "--help"], "decode", /--max-bytes N/],
      [["verify", "--json", "-h"], "verify", /SEAM_WEBHOOK_SECRET/],
      [["help", "batch"], "batch", /--max-failures N/],
    ]) {
      const r = run(args);
      assert.equal(r.status, 0, `${args.join(" ")}: ${r.stderr}`);
      assert.equal(r.stderr, "");
      assert.match(r.stdout, new RegExp(`^Usage: connect-webview-events ${command} `));
      assert.match(r.stdout, mentions);
    }
  });
});

describe("usage errors: exit 2, stderr, a usage hint", () => {
  test("no command, an unknown command, an unknown option before the command", () => {
    assertUsage(run([]), /^connect-webview-events: no command given/);
    assertUsage(run(["frob"]), /^connect-webview-events: unknown command 'frob'\n/);
    assertUsage(run(["--frob"]), /^connect-webview-events: unknown option '--frob'\n/);
    assertUsage(run(["help", "frob"]), /unknown command 'frob'/);
  });

  test("unknown options, missing values, bad numbers, two FILEs: the command's usage line", () => {
    assertUsage(run(["decode", "--frob", FAILED]), /Unknown option '--frob'/);
    assertUsage(run(["decode", FAILED, "--max-bytes"]), /--max-bytes/);
    assertUsage(run(["decode", "--max-bytes", "ten", FAILED]), /--max-bytes: expected a non-negative integer, found 'ten'/);
    assertUsage(run(["decode", "--json=yes", FAILED]), /'--json' does not take an argument/);
    assertUsage(run(["decode", FAILED, SUCCEEDED]), /expected at most one FILE, found 2/);
    const batch = run(["batch", "--max-failures=-1", FAILED]);
    assertUsage(batch, /--max-failures: expected a non-negative integer, found '-1'/);
    assert.match(batch.stderr, /\nUsage: connect-webview-events batch \[options\] \[FILE\|-\]\nRun 'connect-webview-events batch --help' for more\.\n$/);
    assertUsage(run(["verify", "--secret", SECRET, "--tolerance", "5m", FAILED]), /--tolerance: expected a non-negative integer/);
    assertUsage(run(["verify", "--secret", SECRET, "--now", "yesterday", FAILED]), /--now: expected a non-negative integer/);
    assertUsage(run(["verify", "--secret", SECRET, "--header", "no-separator", FAILED]), /--header: expected NAME:VALUE or NAME=VALUE/);
  });

  test("a file that cannot be read: stderr, exit 2, for every command", () => {
    const missing = join(scratch, "no-such-file.json");
    for (const command of [["decode"], ["verify", "--secret", SECRET, "--header", "webhook-id: msg_1"]]) {
      const r = run([...command, missing]);
      assert.deepEqual(r, { status: 2, stdout: "", stderr: `connect-webview-events: cannot read ${missing}: no such file\n` });
    }
    const directory = run(["batch", scratch]);
    assert.deepEqual(directory, { status: 2, stdout: "", stderr: `connect-webview-events: cannot read ${scratch}: is a directory\n` });
    const stdinDirectory = spawnSync(process.execPath, [CLI, "batch"], { stdio: [openSync(scratch, "r"), "pipe", "pipe"], encoding: "utf8", env: cleanEnv() });
    assert.deepEqual(
      [stdinDirectory.status, stdinDirectory.stdout, stdinDirectory.stderr],
      [2, "", "connect-webview-events: cannot read standard input: is a directory\n"],
      "not 'events: 0', which Node's read of a directory would give",
    );
    const headers = run(["verify", "--secret", SECRET, "--headers-file", missing, FAILED]);
    assert.equal(headers.status, 2);
    assert.match(headers.stderr, /cannot read .*no-such-file\.json: no such file/);
  });
});

describe("output that cannot be written", { skip: existsSync("/dev/full") ? false : "needs /dev/full" }, () => {
  test("a full disk is exit 2 with the reason, not 1 (invalid) with a stack trace, for a valid event too", () => {
    for (const args of [["decode", SUCCEEDED], ["decode", "--json", FAILED], ["batch", temp(`${oneLine(SUCCEEDED)}\n`)]]) {
      const r = spawnSync(process.execPath, [CLI, ...args], { stdio: ["pipe", openSync("/dev/full", "w"), "pipe"], encoding: "utf8", env: cleanEnv() });
      assert.deepEqual([r.status, r.stderr], [2, "connect-webview-events: cannot write standard output: ENOSPC: no space left on device, write\n"], args.join(" "));
    }
  });
});

describe("decode", () => {
  const FAILED_SUMMARY = [
    "valid connect_webview.login_failed event",
    "  connect_webview_id: 00000000-0000-0000-0000-000000000000",
    "  created_at: 2025-01-01T00:00:00.000Z",
    "  event_id: 00000000-0000-0000-0000-000000000000",
    "  event_type: connect_webview.login_failed",
    "  occurred_at: 2025-01-01T00:00:00.000Z",
    "  workspace_id: 00000000-0000-0000-0000-000000000000",
    "",
  ].join("\n");

  test("a valid event: type and each field on stdout, exit 0; from FILE, from -, from stdin with no FILE", () => {
    assert.deepEqual(run(["decode", FAILED]), { status: 0, stdout: FAILED_SUMMARY, stderr: "" });
    assert.deepEqual(run(["decode", "-"], { input: fixture(FAILED) }), { status: 0, stdout: FAILED_SUMMARY, stderr: "" });
    assert.deepEqual(run(["decode"], { input: fixture(FAILED) }), { status: 0, stdout: FAILED_SUMMARY, stderr: "" });
  });

  test("fields outside the schema are marked as kept; strings that would read ambiguously are quoted", () => {
    const r = run(["decode", WITH_METADATA]);
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.split("\n");
    assert.equal(lines[0], "valid connect_webview.login_succeeded event");
    assert.ok(lines.includes('  connected_account_custom_metadata: {"tenant":"acme-hotels","vip":true,"__proto__":"data"}'));
    assert.ok(lines.includes("  customer_key: customer_8f3a"));
    assert.ok(lines.includes("  event_description: An end user connected their August account."));
    assert.ok(lines.includes('  hint: {"added_by_seam_later":[1,2.5,null]}  (unknown field, kept)'));
    assert.equal(lines.filter((l) => l.includes("(unknown field, kept)")).length, 1);
    assert.equal(lines.filter((l) => l.startsWith("  ")).length, Object.keys(JSON.parse(fixture(WITH_METADATA).toString())).length);
    assert.ok(run(["decode", SUCCEEDED]).stdout.split("\n").includes('  customer_key: ""'));
  });

  test("payload text cannot drive the terminal: control and bidi characters are escaped", () => {
    const event = JSON.parse(fixture(FAILED).toString());
    event.event_description = "red \u001b[31m text \u202e";
    const r = run(["decode"], { input: JSON.stringify(event) });
    assert.equal(r.status, 0);
    assert.ok(r.stdout.includes('  event_description: "red \\u001b[31m text \\u202e"\n'), r.stdout);
  });

  test("--json: the event as JSON, equal to JSON.parse of the fixture", () => {
    for (const path of [SUCCEEDED, FAILED, WITH_METADATA]) {
      const r = run(["decode", "--json", path]);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stderr, "");
      assert.deepEqual(JSON.parse(r.stdout), JSON.parse(readFileSync(path, "utf8")));
    }
    const fromStdin = run(["decode", "--json"], { input: fixture(WITH_METADATA) });
    assert.deepEqual(JSON.parse(fromStdin.stdout), JSON.parse(fixture(WITH_METADATA).toString()));
    assert.ok(Object.hasOwn(JSON.parse(fromStdin.stdout).connected_account_custom_metadata, "__proto__"));
  });

  test("an invalid event: every issue on stderr as `code path: message`, exit 1", () => {
    const r = run(["decode"], { input: '{"event_type": "connect_webview.login_failed", "event_id": "x", "workspace_id": 7}' });
    assert.equal(r.status, 1);
    assert.equal(r.stdout, "");
    const lines = r.stderr.trimEnd().split("\n");
    assert.deepEqual(
      lines.map((l) => l.split(":")[0]),
      ["invalid_uuid /event_id", "invalid_type /workspace_id", "missing_field /connect_webview_id", "missing_field /created_at", "missing_field /occurred_at"],
    );
    assert.equal(lines[0], 'invalid_uuid /event_id: expected a UUID like 00000000-0000-0000-0000-000000000000, found "x": it has 1 characters, not 36');
  });

  test("invalid_json and invalid_utf8 give line:column; the root path shows as (root)", () => {
    const json = run(["decode", temp('{\n  "event_type": }')]);
    assert.equal(json.status, 1);
    assert.match(json.stderr, /^invalid_json \(root\) 2:17: not valid JSON at line 2, column 17: /);
    const utf8 = run(["decode", "-"], { input: Buffer.from([0x7b, 0x0a, 0x20, 0xff, 0x7d]) });
    assert.equal(utf8.status, 1);
    assert.match(utf8.stderr, /^invalid_utf8 \(root\) 2:2: expected UTF-8 text, found byte 0xff/);
    const array = run(["decode"], { input: `[${fixture(FAILED)}]` });
    assert.equal(array.status, 1);
    assert.match(array.stderr, /^invalid_type \(root\): expected a JSON object, found an array\n\(a JSON array of events\? try 'connect-webview-events batch'\)\n$/);
  });

  test("the exact bytes are decoded: a byte-order mark is refused, as the package refuses it", () => {
    const withMark = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), fixture(FAILED)]);
    const r = run(["decode", "--json", temp(withMark)]);
    assert.equal(r.status, 1);
    assert.deepEqual(JSON.parse(r.stdout), { issues: safeDecode(withMark).error.issues });
    // Readable: the issue, then a hint that names the mark and where it came from.
    const text = run(["decode"], { input: withMark });
    assert.equal(text.status, 1);
    assert.match(text.stderr, /^invalid_json \(root\) 1:1: [^\n]*'\\u\{feff\}'\n\(the input starts with a UTF-8 byte order mark, which an editor adds when saving a file and a webhook body does not have: save it without one\)\n$/);
    // Not for other invalid JSON at 1:1.
    assert.equal(run(["decode"], { input: "x" }).stderr.split("\n").length, 2);
  });

  test("more than one event (NDJSON, or pretty-printed events one after another): a hint to use batch", () => {
    const hint = "(more than one event? try 'connect-webview-events batch')\n";
    const ndjson = run(["decode"], { input: `${oneLine(SUCCEEDED)}\r\n${oneLine(FAILED)}\r\n` });
    assert.equal(ndjson.status, 1);
    assert.equal(ndjson.stderr, `invalid_json (root) 2:1: not valid JSON at line 2, column 1: trailing characters, found '{'\n${hint}`);
    // Back to back, the second on the first's last line; a column counts characters.
    const pretty = readFileSync(FAILED, "utf8").trimEnd();
    const lines = pretty.split("\n").length;
    const glued = run(["decode"], { input: `${pretty}${pretty}` });
    assert.match(glued.stderr, new RegExp(`^invalid_json \\(root\\) ${lines}:2: [^\\n]*\\n${hint.replace(/[()?]/g, "\\$&")}$`));
    const wide = run(["decode"], { input: '{"a": "\u00e9\u{1f600}"}{"b": 1}' });
    assert.equal(wide.stderr, `invalid_json (root) 1:12: not valid JSON at line 1, column 12: trailing characters, found '{'\n${hint}`);
    // Not for what follows a value but is no object, nor for a value that does not end.
    for (const input of ['{"a": 1} x', '"x" {', '{"a": 1\n{"b": 2}']) {
      assert.equal(run(["decode"], { input }).stderr.split("\n").length, 2, input);
    }
  });

  test("--json when invalid: {\"issues\": [...]} on stdout, nothing on stderr, exit 1", () => {
    const input = UNKNOWN_TYPE;
    const r = run(["decode", "--json"], { input });
    assert.equal(r.status, 1);
    assert.equal(r.stderr, "");
    assert.deepEqual(JSON.parse(r.stdout), { issues: safeDecode(input).error.issues });
    assert.deepEqual(JSON.parse(r.stdout).issues.map((i) => [i.code, i.path]), [["unknown_event_type", "/event_type"]]);
  });

  test("--strict and --max-bytes pass through", () => {
    const strict = run(["decode", "--strict", WITH_METADATA]);
    assert.deepEqual(strict, { status: 1, stdout: "", stderr: 'unknown_field /hint: expected only the fields of connect_webview.login_succeeded events, found "hint"\n' });
    const size = fixture(FAILED).length;
    const small = run(["decode", "--max-bytes", String(size - 1), FAILED]);
    assert.equal(small.status, 1);
    assert.match(small.stderr, /^payload_too_large \(root\): /);
    assert.equal(run(["decode", "--max-bytes", String(size), FAILED]).status, 0);
  });
});

describe("verify", () => {
  const body = fixture(WITH_METADATA);
  const now = () => Math.floor(Date.now() / 1000);
  /** `--header name: value` for each header. @param {Record<string, string>} headers */
  const headerArgs = (headers, separator = ": ") => Object.entries(headers).flatMap(([name, value]) => ["--header", `${name}${separator}${value}`]);

  test("signed by the package's own sign: exit 0, `authentic` and the event on stdout", () => {
    const headers = sign({ payload: body, secret: SECRET, id: "msg_cli_1" });
    const r = run(["verify", "--secret", SECRET, ...headerArgs(headers), WITH_METADATA]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, "");
    const signedAt = new Date(Number(headers["webhook-timestamp"]) * 1000).toISOString().replace(".000Z", "Z");
    assert.ok(r.stdout.startsWith(`authentic: id msg_cli_1, signed ${signedAt}\nvalid connect_webview.login_succeeded event\n`), r.stdout);
    assert.ok(r.stdout.includes("  hint: "));
  });

  test("NAME=VALUE headers, the body from stdin, the secret from SEAM_WEBHOOK_SECRET, --json", () => {
    const headers = sign({ payload: body, secret: SECRET });
    const r = run(["verify", "--json", ...headerArgs(headers, "=")], { input: body, env: { SEAM_WEBHOOK_SECRET: SECRET } });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), JSON.parse(body.toString()));
  });

  test("--headers-file: `name: value` lines (with a request line and a comment), or a JSON object", () => {
    const headers = sign({ payload: body, secret: SECRET });
    const lines = ["POST /webhooks/seam HTTP/1.1", "# from the access log", "Content-Type: application/json", ...Object.entries(headers).map(([n, v]) => `${n.toUpperCase()}: ${v}`), ""];
    for (const file of [temp(lines.join("\r\n")), temp(JSON.stringify(headers))]) {
      const r = run(["verify", "--secret", SECRET, "--headers-file", file, WITH_METADATA]);
      assert.equal(r.status, 0, r.stderr);
    }
    // The request line after comments and blank lines; not after a header.
    const commented = ["# captured by the tunnel", "", ...lines.filter((line) => !line.startsWith("#"))];
    assert.equal(run(["verify", "--secret", SECRET, "--headers-file", temp(commented.join("\n")), WITH_METADATA]).status, 0);
    const late = [lines[2], lines[0], ...lines.slice(3)];
    assertUsage(run(["verify", "--secret", SECRET, "--headers-file", temp(late.join("\n")), WITH_METADATA]), /line 2: expected NAME:VALUE or NAME=VALUE, found 'POST \/webhooks\/seam HTTP\/1\.1'/);
    const bad = run(["verify", "--secret", SECRET, "--headers-file", temp("webhook-id msg_1\n"), WITH_METADATA]);
    assertUsage(bad, /--headers-file .* line 1: expected NAME:VALUE or NAME=VALUE/);
  });

  describe("--request: a whole raw HTTP request, signed by the svix package", () => {
    const id = "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W";
    const text = oneLine(WITH_METADATA);
    const date = new Date();
    const head = [
      "POST /webhooks/seam HTTP/1.1",
      "Host: example.com",
      "Content-Type: application/json",
      `Svix-Id: ${id}`,
      `Svix-Timestamp: ${Math.floor(date.getTime() / 1000)}`,
      `Svix-Signature: ${new SvixWebhook(SECRET).sign(id, date, text)}`,
    ];
    /** The request: `head` and `extra` header lines, a blank line, `body`. */
    const request = (/** @type {string[]} */ extra = [], body = text, eol = "\r\n") => [...head, ...extra, "", body].join(eol);
    const verifyRequest = (/** @type {string} */ input, /** @type {string[]} */ args = []) =>
      run(["verify", "--secret", SECRET, "--request", temp(input), ...args]);

    test("headers and body from one file, CRLF or LF; from stdin with --request -", () => {
      for (const input of [request(), request([], text, "\n")]) {
        const r = verifyRequest(input);
        assert.equal(r.status, 0, r.stderr);
        assert.match(r.stdout, new RegExp(`^authentic: id ${id}, signed [^\\n]*\\nvalid connect_webview.login_succeeded event\\n`));
      }
      const stdin = run(["verify", "--secret", SECRET, "--request", "-", "--json"], { input: request() });
      assert.equal(stdin.status, 0, stdin.stderr);
      assert.deepEqual(JSON.parse(stdin.stdout), JSON.parse(text));
    });

    test("the exact bytes: Content-Length bounds the body, so an editor's final line break is not signed; without it, it is", () => {
      const length = `Content-Length: ${Buffer.byteLength(text)}`;
      assert.equal(verifyRequest(`${request([length])}\n`).status, 0);
      const unbounded = verifyRequest(`${request()}\n`);
      assert.equal(unbounded.status, 1);
      assert.match(unbounded.stderr, /^not authentic: invalid_signature: /);
    });

    test("what cannot be read as a request is a usage error that says why", () => {
      const size = Buffer.byteLength(text);
      assertUsage(verifyRequest(request([`Content-Length: ${size + 5}`])), new RegExp(`: the body has ${size} bytes, but Content-Length says ${size + 5}: the capture is cut short\n`));
      assertUsage(verifyRequest(`${request([`Content-Length: ${size}`])}{}`), new RegExp(`more than the ${size} bytes that Content-Length says follows the body\n`));
      assertUsage(verifyRequest(request(["Content-Length: 12 bytes"])), /: Content-Length: expected a number of bytes, found '12 bytes'\n/);
      assertUsage(verifyRequest(request(["Transfer-Encoding: chunked"])), /: the body is sent in chunks \(Transfer-Encoding: 'chunked'\): save the body itself as FILE/);
      assertUsage(verifyRequest(head.join("\r\n")), /: found no blank line after the headers: expected a request line, header lines, a blank line, then the body\n/);
      assertUsage(verifyRequest(request().slice(head[0].length + 2)), /--request \S+ line 1: expected a request line such as 'POST \/webhooks\/seam HTTP\/1.1', found 'Host: example.com'\n/);
      assertUsage(verifyRequest(request(["not a header"])), /--request \S+ line 7: expected NAME:VALUE or NAME=VALUE, found 'not a header'\n/);
      assertUsage(verifyRequest(request(), [WITH_METADATA]), /--request \S+ holds the body: expected no FILE, found '/);
      assertUsage(run(["verify", "--secret", SECRET, "--request", "-", "--headers-file", "-"]), /--headers-file - and --request - both read standard input/);
    });

    test("--headers-file of a whole request: pointed to --request, the body line cut short", () => {
      const file = temp(request());
      const r = run(["verify", "--secret", SECRET, "--headers-file", file, WITH_METADATA]);
      assertUsage(r, new RegExp(`line 8: found '\\{[^']{59}\\.\\.\\.' \\(${[...text].length} characters\\) after the blank line that ends an HTTP request's headers: for a whole request, headers then body, use --request `));
    });
  });

  test("svix-style headers, signed by the svix package", () => {
    const id = "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W";
    const date = new Date();
    const signature = new SvixWebhook(SECRET).sign(id, date, body.toString());
    const headers = { "svix-id": id, "svix-timestamp": String(Math.floor(date.getTime() / 1000)), "svix-signature": signature };
    const r = run(["verify", "--secret", SECRET, ...headerArgs(headers), WITH_METADATA]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, new RegExp(`^authentic: id ${id}, signed `));
  });

  test("reads the signature headers as the library does: the shared table, svix-* before webhook-*", () => {
    const { cases } = JSON.parse(readFileSync(join(FIXTURES, "signature_headers.json"), "utf8"));
    let checked = 0;
    for (const { name, headers, picks } of cases) {
      // The command line reads HTTP header lines: names in any case are one
      // header, and space around a name is trimmed, as HTTP does.
      const names = headers.map(([header]) => header.toLowerCase());
      if (new Set(names).size !== names.length || names.some((header) => header.includes(" "))) continue;
      if (picks.id === null || picks.timestamp === null || picks.signature === null) continue;
      // Only the picked id, time and signature make a good signature.
      const date = new Date(Number(picks.timestamp) * 1000);
      const signature = new SvixWebhook(SECRET).sign(picks.id, date, body.toString());
      const args = headers.flatMap(([header, text]) => ["--header", `${header}: ${text === picks.signature ? signature : text}`]);
      const r = run(["verify", "--secret", SECRET, "--now", picks.timestamp, ...args, WITH_METADATA]);
      assert.equal(r.status, 0, `${name}: ${r.stderr}`);
      assert.match(r.stdout, new RegExp(`^authentic: id ${picks.id}, signed ${date.toISOString().replace(".000Z", "Z")}\n`), name);
      checked++;
    }
    assert.ok(checked >= 4, `${checked} cases`);
  });

  test("a tampered body: exit 1, `not authentic: invalid_signature: ...`; --json gives the error", () => {
    const headers = sign({ payload: body, secret: SECRET });
    const tampered = Buffer.from(body.toString().replace("acme-hotels", "evil-hotels"));
    const r = run(["verify", "--secret", SECRET, ...headerArgs(headers)], { input: tampered });
    assert.equal(r.status, 1);
    assert.equal(r.stdout, "");
    assert.match(r.stderr, /^not authentic: invalid_signature: .+\n$/);
    const asJson = run(["verify", "--json", "--secret", SECRET, ...headerArgs(headers)], { input: tampered });
    assert.equal(asJson.status, 1);
    assert.equal(asJson.stderr, "");
    assert.deepEqual(Object.keys(JSON.parse(asJson.stdout)), ["name", "code", "message"]);
    assert.equal(JSON.parse(asJson.stdout).code, "invalid_signature");
    // One byte added at the end (a trailing newline) is another body.
    const newline = run(["verify", "--secret", SECRET, ...headerArgs(headers)], { input: Buffer.concat([body, Buffer.from("\n")]) });
    assert.match(newline.stderr, /^not authentic: invalid_signature: /);
  });

  test("a missing header: exit 1, missing_header", () => {
    const { "webhook-signature": _, ...headers } = sign({ payload: body, secret: SECRET });
    const r = run(["verify", "--secret", SECRET, ...headerArgs(headers), WITH_METADATA]);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /^not authentic: missing_header: missing header webhook-signature/);
    const none = run(["verify", "--secret", SECRET, WITH_METADATA]);
    assert.match(none.stderr, /^not authentic: missing_header: /);
    assert.equal(none.status, 1);
  });

  test("an old timestamp: refused by default, accepted with --now, --tolerance widens the window", () => {
    const headers = sign({ payload: body, secret: SECRET, timestamp: 1_700_000_000 });
    const args = ["verify", "--secret", SECRET, ...headerArgs(headers), WITH_METADATA];
    const late = run(args);
    assert.equal(late.status, 1);
    assert.match(late.stderr, /^not authentic: timestamp_too_old: /);
    assert.equal(run([...args, "--now", "1700000060"]).status, 0);
    assert.match(run([...args, "--now", "1700000301"]).stderr, /^not authentic: timestamp_too_old: /);
    assert.match(run([...args, "--now", "1699999000"]).stderr, /^not authentic: timestamp_too_new: /);
    assert.equal(run([...args, "--now", "1700000301", "--tolerance", "400"]).status, 0);
    assert.match(run([...args, "--now", "1700000002", "--tolerance", "1"]).stderr, /^not authentic: timestamp_too_old: /);
  });

  test("authentic but not a valid event: the issues, exit 1; --strict and --max-bytes pass through", () => {
    const invalid = Buffer.from(UNKNOWN_TYPE);
    const headers = sign({ payload: invalid, secret: SECRET });
    const r = run(["verify", "--secret", SECRET, ...headerArgs(headers)], { input: invalid });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /^authentic, but not a valid event:\nunknown_event_type \/event_type: /);
    const asJson = run(["verify", "--json", "--secret", SECRET, ...headerArgs(headers)], { input: invalid });
    assert.deepEqual(JSON.parse(asJson.stdout).issues.map((i) => [i.code, i.path]), [["unknown_event_type", "/event_type"]]);
    const signed = sign({ payload: body, secret: SECRET });
    const strict = run(["verify", "--strict", "--secret", SECRET, ...headerArgs(signed), WITH_METADATA]);
    assert.equal(strict.status, 1);
    assert.match(strict.stderr, /\nunknown_field \/hint: /);
    const small = run(["verify", "--max-bytes", "100", "--secret", SECRET, ...headerArgs(signed), WITH_METADATA]);
    assert.equal(small.status, 1);
    assert.match(small.stderr, /payload_too_large \(root\): /);
  });

  test("no secret is a usage error; a malformed secret is not authentic (invalid_secret)", () => {
    const headers = sign({ payload: body, secret: SECRET });
    assertUsage(run(["verify", ...headerArgs(headers), WITH_METADATA]), /no secret: pass --secret whsec_\.\.\. or set SEAM_WEBHOOK_SECRET/);
    const bad = run(["verify", "--secret", "whsec_not base64!", ...headerArgs(headers), WITH_METADATA]);
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /^not authentic: invalid_secret: /);
  });

  test("another secret: invalid_signature", () => {
    const headers = sign({ payload: body, secret: SECRET });
    const r = run(["verify", "--secret", "whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", ...headerArgs(headers), WITH_METADATA]);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /^not authentic: invalid_signature: /);
  });

  test("the secret never appears in any output, usage errors included", () => {
    const headers = sign({ payload: body, secret: SECRET });
    run(["verify", "--secret", SECRET, "--frob", SECRET, WITH_METADATA]);
    run(["verify", `--secret=${SECRET}`, "--header", SECRET, WITH_METADATA]);
    run(["verify", "--secret", SECRET, ...headerArgs(headers), WITH_METADATA, SECRET]);
    run(["verify", ...headerArgs(headers), "--header", `webhook-id: ${SECRET}`], { input: body, env: { SEAM_WEBHOOK_SECRET: SECRET } });
    run(["verify", "--secret", SECRET, ...headerArgs(headers), "--json", SECRET]);
    assert.ok(outputs.length > 40);
    for (const output of outputs) {
      assert.ok(!output.includes(SECRET_KEY), `the secret was printed: ${output.slice(0, 300)}`);
    }
  });
});

describe("batch", () => {
  const S = oneLine(SUCCEEDED);
  const F = oneLine(FAILED);
  const M = oneLine(WITH_METADATA);
  const bad = S.replace('"event_id":"00000000-0000-0000-0000-000000000000"', '"event_id":"x"');
  // line: 1 S, 2 F, 3 blank, 4 spaces, 5 syntax error, 6 unknown type,
  // 7 bad UUID, 8 five missing fields, 9 M, 10 F with CRLF, 11 S.
  const NDJSON = [S, F, "", "   ", '{"a": }', UNKNOWN_TYPE, bad, '{"event_type":"connect_webview.login_failed"}', M, `${F}\r`, S, ""].join("\n");
  const EXPECTED = {
    total: 9,
    valid: 5,
    invalid: 4,
    event_types: { "connect_webview.login_succeeded": 3, "connect_webview.login_failed": 2 },
    issue_codes: { missing_field: 5, invalid_json: 1, invalid_uuid: 1, unknown_event_type: 1 },
  };

  test("NDJSON: counts by type and by issue code, the failing lines, exit 1", () => {
    const r = run(["batch", temp(NDJSON)]);
    assert.equal(r.status, 1);
    assert.equal(r.stderr, "");
    const text = r.stdout;
    assert.ok(text.startsWith("events:  9\nvalid:   5\ninvalid: 4\n\n"), text);
    assert.ok(text.includes("\nvalid events by type:\n  connect_webview.login_succeeded  3\n  connect_webview.login_failed     2\n"), text);
    assert.ok(text.includes("\nissues by code (8 in 4 events):\n  missing_field       5\n  invalid_json        1\n  invalid_uuid        1\n  unknown_event_type  1\n"), text);
    const failing = text.slice(text.indexOf("\nfailing lines:\n") + "\nfailing lines:\n".length).trimEnd().split("\n");
    // Sorted: within a line, the issues come in the package's order, which is its to choose.
    assert.deepEqual(
      failing.map((l) => l.split(": ")[0] + ":" + l.split(": ")[1].split(":")[0]).sort(),
      [
        "line 5:invalid_json (root) 5",
        "line 6:unknown_event_type /event_type",
        "line 7:invalid_uuid /event_id",
        "line 8:missing_field /connect_webview_id",
        "line 8:missing_field /created_at",
        "line 8:missing_field /event_id",
        "line 8:missing_field /occurred_at",
        "line 8:missing_field /workspace_id",
      ],
    );
    assert.match(failing[0], /^line 5: invalid_json \(root\) 5:7: not valid JSON at line 5, column 7: /);
  });

  test("--json: one summary object; from stdin", () => {
    const r = run(["batch", "--json"], { input: NDJSON });
    assert.equal(r.status, 1);
    const summary = JSON.parse(r.stdout);
    assert.deepEqual({ ...summary, failures: undefined, failures_not_listed: undefined }, { ...EXPECTED, failures: undefined, failures_not_listed: undefined });
    assert.deepEqual(Object.keys(summary.issue_codes), Object.keys(EXPECTED.issue_codes), "most frequent first, then by name");
    assert.equal(summary.failures_not_listed, 0);
    assert.deepEqual(
      summary.failures.map((f) => [f.index, f.line, f.issues.map((i) => i.code).join(",")]),
      [[2, 5, "invalid_json"], [3, 6, "unknown_event_type"], [4, 7, "invalid_uuid"], [5, 8, "missing_field,missing_field,missing_field,missing_field,missing_field"]],
    );
    assert.deepEqual(summary.failures[0].issues[0], { ...summary.failures[0].issues[0], code: "invalid_json", path: "", line: 5, column: 7 });
    assert.deepEqual(run(["batch", "--json", "-"], { input: NDJSON }).stdout, r.stdout);
  });

  test("--max-failures limits the listing, not the counts", () => {
    const two = run(["batch", "--max-failures", "2"], { input: NDJSON });
    assert.equal(two.status, 1);
    assert.ok(two.stdout.includes("\nfailing lines (first 2 of 4):\nline 5: invalid_json (root) 5:7: "), two.stdout);
    assert.ok(two.stdout.includes("\nline 6: unknown_event_type /event_type: "));
    assert.ok(!two.stdout.includes("line 7:"));
    assert.ok(two.stdout.endsWith("\n... and 2 more (--max-failures N to list more)\n"), two.stdout);
    assert.ok(two.stdout.startsWith("events:  9\nvalid:   5\ninvalid: 4\n"));
    const none = JSON.parse(run(["batch", "--json", "--max-failures", "0"], { input: NDJSON }).stdout);
    assert.deepEqual([none.failures, none.failures_not_listed, none.invalid], [[], 4, 4]);
    const one = JSON.parse(run(["batch", "--json", "--max-failures=1"], { input: NDJSON }).stdout);
    assert.deepEqual([one.failures.map((f) => f.line), one.failures_not_listed], [[5], 3]);
  });

  test("--strict and --max-bytes apply to each event", () => {
    const strict = JSON.parse(run(["batch", "--json", "--strict"], { input: NDJSON }).stdout);
    assert.equal(strict.issue_codes.unknown_field, 1);
    assert.deepEqual(strict.failures.find((f) => f.line === 9).issues.map((i) => [i.code, i.path]), [["unknown_field", "/hint"]]);
    const small = JSON.parse(run(["batch", "--json", "--max-bytes", String(F.length)], { input: NDJSON }).stdout);
    // Line 10 is F and the \r of a CRLF line end, which is not the event's.
    assert.equal(small.issue_codes.payload_too_large, 4, "lines 1, 7, 9 and 11 are longer than F");
    assert.deepEqual(small.failures.filter((f) => f.issues[0].code === "payload_too_large").map((f) => f.line), [1, 7, 9, 11]);
  });

  test("every event valid: exit 0; an empty input is zero events, exit 0", () => {
    const r = run(["batch"], { input: `${S}\n${F}\n\n${M}\n` });
    assert.equal(r.status, 0, r.stdout);
    assert.ok(r.stdout.startsWith("events:  3\nvalid:   3\ninvalid: 0\n"));
    assert.ok(!r.stdout.includes("failing lines"));
    assert.deepEqual(JSON.parse(run(["batch", "--json"], { input: "\n\n" }).stdout), {
      total: 0, valid: 0, invalid: 0, event_types: {}, issue_codes: {}, failures: [], failures_not_listed: 0,
    });
    assert.equal(run(["batch"], { input: "" }).status, 0);
  });

  test("a JSON array: element lines, the same counts", () => {
    const array = `[\n${readFileSync(SUCCEEDED, "utf8").trim()},\n${F},\n7, ${UNKNOWN_TYPE},\n${M}\n]\n`;
    const r = run(["batch", "--json", temp(array)]);
    assert.equal(r.status, 1);
    const summary = JSON.parse(r.stdout);
    // `[`, the pretty event, then F on its own line: 7 and the next element share the line after.
    const elementLine = 3 + readFileSync(SUCCEEDED, "utf8").trim().split("\n").length;
    assert.deepEqual(
      { total: summary.total, valid: summary.valid, types: summary.event_types, codes: summary.issue_codes },
      { total: 5, valid: 3, types: { "connect_webview.login_succeeded": 2, "connect_webview.login_failed": 1 }, codes: { invalid_type: 1, unknown_event_type: 1 } },
    );
    assert.deepEqual(summary.failures.map((f) => [f.index, f.line, f.issues[0].code, f.issues[0].path]), [
      [2, elementLine, "invalid_type", ""],
      [3, elementLine, "unknown_event_type", "/event_type"],
    ]);
    const text = run(["batch", temp(array)]).stdout;
    assert.ok(text.includes(`\nline ${elementLine}: invalid_type (root): expected a JSON object, found a number\n`), text);
  });

  test("NDJSON whose first line is a whole array: that line is one failure, the others count", () => {
    const summary = JSON.parse(run(["batch", "--json"], { input: `[${F}]\n${S}\n${F}\n` }).stdout);
    assert.deepEqual(
      { total: summary.total, valid: summary.valid, types: summary.event_types, codes: summary.issue_codes },
      { total: 3, valid: 2, types: { "connect_webview.login_succeeded": 1, "connect_webview.login_failed": 1 }, codes: { invalid_type: 1 } },
    );
    assert.deepEqual(summary.failures.map((f) => [f.index, f.line, f.issues[0].code, f.issues[0].path]), [[0, 1, "invalid_type", ""]]);
  });

  test("an input that cannot be read as a whole (a broken array, not UTF-8): its issues, exit 1", () => {
    const broken = run(["batch"], { input: "[\n{},\n" });
    assert.equal(broken.status, 1);
    assert.equal(broken.stdout, "");
    assert.match(broken.stderr, /^cannot read the batch as a whole:\ninvalid_json \(root\) 3:1: /);
    const utf8 = run(["batch", "--json"], { input: Buffer.concat([Buffer.from(`${S}\n${F}\n{"a": "`), Buffer.from([0xff]), Buffer.from('"}\n')]) });
    assert.equal(utf8.status, 1);
    assert.deepEqual(JSON.parse(utf8.stdout).issues.map((i) => [i.code, i.line, i.column]), [["invalid_utf8", 3, 8]]);
  });

  test("one event over several lines: a hint to use decode, whether or not the event is valid", () => {
    const hint = "(one event over several lines? try 'connect-webview-events decode')\n";
    const r = run(["batch", FAILED]);
    assert.equal(r.status, 1);
    assert.equal(r.stderr, hint);
    const invalid = run(["batch"], { input: JSON.stringify({ event_type: "connect_webview.login_failed" }, null, 2) });
    assert.equal(invalid.stderr, hint);
    // Not with --json, nor for NDJSON with some valid events.
    assert.equal(run(["batch", "--json", FAILED]).stderr, "");
    assert.equal(run(["batch"], { input: `${S}\n{\n` }).stderr, "");
  });

  test("events over several lines each: a hint to make them NDJSON with jq", () => {
    const pretty = readFileSync(FAILED, "utf8");
    const r = run(["batch"], { input: `\n${pretty}${pretty}` });
    assert.equal(r.status, 1);
    assert.match(r.stdout, /^events: {2}\d+\nvalid: {3}0\n/);
    assert.equal(r.stderr, "(events over several lines each? batch reads one event a line, or a JSON array: try 'jq -c . FILE | connect-webview-events batch')\n");
    // Not when the first line is an event, nor when it starts no object.
    assert.equal(run(["batch"], { input: `${F}\n{\n}\n` }).stderr, "");
    assert.equal(run(["batch"], { input: 'x\n{\n"a": 1}\n' }).stderr, "");
  });

  test("a byte-order mark: line 1 fails, with the hint that decode gives", () => {
    const r = run(["batch"], { input: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${S}\n${F}\n`)]) });
    assert.equal(r.status, 1);
    assert.match(r.stdout, /^events: {2}2\nvalid: {3}1\n[^]*\nline 1: invalid_json \(root\) 1:1: [^\n]*'\\u\{feff\}'\n$/);
    assert.equal(r.stderr, "(the input starts with a UTF-8 byte order mark, which an editor adds when saving a file and a webhook body does not have: save it without one)\n");
  });
});

describe("events of every family (the catalogue's examples)", () => {
  test("decode of a lock.locked event: its type, then every field in the payload's order, exit 0; --json gives it back", () => {
    const event = example("lock.locked");
    const r = run(["decode"], { input: JSON.stringify(event, null, 2) });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, "");
    const lines = r.stdout.trimEnd().split("\n");
    assert.equal(lines[0], "valid lock.locked event");
    assert.deepEqual(lines.slice(1).map((line) => line.slice(2, line.indexOf(": "))), Object.keys(event));
    for (const line of [
      "  event_type: lock.locked",
      `  method: ${event.method}`,
      "  code: code text",
      "  is_via_bluetooth: true",
      `  device_id: ${event.device_id}`,
      `  occurred_at: ${event.occurred_at}`,
      '  device_custom_metadata: {"tenant":"acme","vip":true}',
    ]) {
      assert.ok(lines.includes(line), `${line}\n${r.stdout}`);
    }
    assert.ok(!r.stdout.includes("unknown field"));
    const json = run(["decode", "--json", temp(JSON.stringify(event))]);
    assert.equal(json.status, 0, json.stderr);
    assert.deepEqual(JSON.parse(json.stdout), event);
  });

  test("thousands of fields outside the schema inside one field: the first three paths and a count of the rest", () => {
    // Each top-level field's list of paths grows by a push: a copy of the
    // list per path made 80,000 of them take 44 s.
    const event = example("access_code.delay_in_setting_on_device");
    for (let i = 0; i < 30_000; i++) event.device_errors[0][`x${i}`] = i;
    const r = run(["decode", temp(JSON.stringify(event))]);
    assert.equal(r.status, 0, r.stderr);
    const line = r.stdout.split("\n").find((l) => l.startsWith("  device_errors: "));
    assert.ok(line.endsWith("  (unknown fields inside, kept: /device_errors/0/x0, /device_errors/0/x1, /device_errors/0/x2 and 29997 more)"), line.slice(-200));
  });

  test("a field outside the schema inside an array of objects is marked with its path; --strict reports it there", () => {
    const event = example("access_code.delay_in_setting_on_device");
    event.access_code_errors[1].added_later = "kept";
    Object.assign(event.device_errors[0], { x1: 1, x2: 2, x3: 3, x4: 4 });
    event.hint = 1;
    const input = temp(JSON.stringify(event));
    const r = run(["decode", input]);
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.split("\n");
    assert.equal(lines[0], "valid access_code.delay_in_setting_on_device event");
    assert.ok(lines.includes(`  access_code_errors: ${JSON.stringify(event.access_code_errors)}  (unknown field inside, kept: /access_code_errors/1/added_later)`), r.stdout);
    assert.ok(lines.includes("  hint: 1  (unknown field, kept)"), r.stdout);
    const deviceErrors = lines.find((line) => line.startsWith("  device_errors: "));
    assert.match(deviceErrors, /  \(unknown fields inside, kept: (\/device_errors\/0\/x[1-4], ){2}\/device_errors\/0\/x[1-4] and 1 more\)$/);
    assert.equal(lines.filter((line) => line.includes(", kept")).length, 3);
    const strict = run(["decode", "--strict", input]);
    assert.equal(strict.status, 1);
    assert.equal(strict.stdout, "");
    assert.deepEqual(strict.stderr.trimEnd().split("\n").map((line) => line.split(":")[0]).sort(), [
      "unknown_field /access_code_errors/1/added_later",
      ...[1, 2, 3, 4].map((n) => `unknown_field /device_errors/0/x${n}`),
      "unknown_field /hint",
    ]);
  });

  test("verify of a device.connected event: authentic, then the event", () => {
    const body = JSON.stringify(example("device.connected"));
    const headers = sign({ payload: body, secret: SECRET, id: "msg_device_1" });
    const r = run(["verify", "--secret", SECRET, ...Object.entries(headers).flatMap(([name, value]) => ["--header", `${name}: ${value}`])], { input: body });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^authentic: id msg_device_1, signed [^\n]+\nvalid device\.connected event\n/);
  });

  // NDJSON of several families, valid and broken: one issue each, of every code
  // the catalogue adds and the older ones.
  const lockLocked = example("lock.locked");
  const solar = { ...example("lock.locked"), method: "solar" };
  const overCharged = { ...example("device.low_battery"), battery_level: 1.5 };
  const badUrl = { ...example("camera.activated"), image_url: "http://" };
  const { access_code_id: _, ...noAccessCode } = example("access_code.created");
  const badUuid = { ...example("device.connected", "minimal"), device_id: "x" };
  const spaced = { ...example("acs_user.deleted", "minimal"), occurred_at: "2025-01-01 00:00:00Z" };
  const FAMILIES = [
    lockLocked, // 1
    example("device.connected", "minimal"),
    example("access_code.created"),
    example("acs_user.deleted"),
    JSON.parse(oneLine(SUCCEEDED)), // 5
    "",
    solar,
    overCharged,
    badUrl,
    noAccessCode, // 10
    badUuid,
    UNKNOWN_TYPE,
    '{"a": }',
    example("device.connected"),
    spaced, // 15
    example("lock.unlocked"),
    example("device.low_battery", "minimal"),
  ].map((line) => (typeof line === "string" ? line : JSON.stringify(line))).join("\n");

  test("batch across families: counts by event type and by issue code, the failing lines with their paths", () => {
    const r = run(["batch", "--json", temp(FAMILIES)]);
    assert.equal(r.status, 1, r.stdout);
    const summary = JSON.parse(r.stdout);
    assert.deepEqual([summary.total, summary.valid, summary.invalid], [16, 8, 8]);
    const types = {
      "device.connected": 2,
      "access_code.created": 1,
      "acs_user.deleted": 1,
      "connect_webview.login_succeeded": 1,
      "device.low_battery": 1,
      "lock.locked": 1,
      "lock.unlocked": 1,
    };
    assert.deepEqual(summary.event_types, types);
    assert.deepEqual(Object.keys(summary.event_types), Object.keys(types), "most frequent first, then by name");
    const codes = ["invalid_datetime", "invalid_enum", "invalid_json", "invalid_url", "invalid_uuid", "missing_field", "out_of_range", "unknown_event_type"];
    assert.deepEqual(summary.issue_codes, Object.fromEntries(codes.map((code) => [code, 1])));
    assert.deepEqual(Object.keys(summary.issue_codes), codes);
    assert.deepEqual(
      summary.failures.map((/** @type {any} */ f) => [f.line, ...f.issues.map((/** @type {any} */ i) => `${i.code} ${i.path}`)]),
      [
        [7, "invalid_enum /method"],
        [8, "out_of_range /battery_level"],
        [9, "invalid_url /image_url"],
        [10, "missing_field /access_code_id"],
        [11, "invalid_uuid /device_id"],
        [12, "unknown_event_type /event_type"],
        [13, "invalid_json "],
        [15, "invalid_datetime /occurred_at"],
      ],
    );
    const unknown = summary.failures.find((/** @type {any} */ f) => f.line === 12).issues[0];
    assert.match(unknown.message, /device\.teleported/, "unknown_event_type names the type");
    const enumIssue = summary.failures.find((/** @type {any} */ f) => f.line === 7).issues[0];
    assert.match(enumIssue.message, /"solar"/, "invalid_enum names what was found");
  });

  test("batch across families, readable: the types and codes tables, the failing lines", () => {
    const r = run(["batch", temp(FAMILIES)]);
    assert.equal(r.status, 1);
    assert.equal(r.stderr, "");
    const text = r.stdout;
    assert.ok(text.startsWith("events:  16\nvalid:   8\ninvalid: 8\n\nvalid events by type:\n  device.connected  "), text);
    for (const type of ["access_code.created", "acs_user.deleted", "connect_webview.login_succeeded", "device.low_battery", "lock.locked", "lock.unlocked"]) {
      assert.match(text, new RegExp(`\n  ${type.replace(/\./g, "\\.")} +1\n`), type);
    }
    assert.ok(text.includes("\nissues by code (8 in 8 events):\n  invalid_datetime    1\n"), text);
    assert.ok(text.includes("\nline 7: invalid_enum /method: "), text);
    assert.ok(text.includes("\nline 12: unknown_event_type /event_type: "), text);
  });

  test("batch of every example of every catalogue type, as a JSON array: all valid, each type counted", () => {
    const all = Object.values(EXAMPLES).flatMap((kinds) => Object.values(kinds));
    const r = run(["batch", "--json", temp(JSON.stringify(all))]);
    const summary = JSON.parse(r.stdout);
    const expected = Object.fromEntries(Object.entries(EXAMPLES).map(([type, kinds]) => [type, Object.keys(kinds).length]));
    const { events } = JSON.parse(readFileSync(join(root, "catalogue/events.json"), "utf8"));
    assert.deepEqual(Object.keys(expected), events.map((/** @type {any} */ e) => e.event_type));
    assert.deepEqual(summary.failures.map((/** @type {any} */ f) => `${all[f.index].event_type}: ${f.issues[0].code} ${f.issues[0].path}`), []);
    assert.deepEqual(summary.event_types, expected);
    assert.deepEqual([summary.total, summary.valid, summary.invalid, r.status], [all.length, all.length, 0, 0]);
  });
});

describe("batch in chunks, as with a progress bar", () => {
  // More than two chunks of 5,000 lines, failures on both sides of each chunk
  // boundary, blank lines, a CRLF line, and lines starting with `[` (which a
  // chunk must not start with, or decodeBatch would read it as an array).
  const S = oneLine(SUCCEEDED);
  const F = oneLine(FAILED);
  const lines = [];
  for (let i = 1; i <= 12_345; i++) {
    if (i % 1000 === 0 || i === 5001 || i === 10_002) lines.push(i % 2 ? "  [1, 2]" : "[");
    else if (i % 777 === 0) lines.push("");
    else if (i % 613 === 0 || i === 4999 || i === 5000) lines.push('{"a": }');
    else if (i % 501 === 0) lines.push(UNKNOWN_TYPE);
    else if (i % 97 === 0) lines.push(`${F}\r`);
    else lines.push(i % 3 ? S : F);
  }
  const input = temp(`${lines.join("\n")}\n`, "large.ndjson");

  test("the same summary, line numbers included, as one decodeBatch call; the bar is on stderr", () => {
    const args = ["batch", "--json", "--max-failures", "100000", input];
    const oneCall = run(args, { env: { CONNECT_WEBVIEW_EVENTS_PROGRESS: "0" } });
    const chunked = run(args, { env: { CONNECT_WEBVIEW_EVENTS_PROGRESS: "1" } });
    assert.equal(oneCall.status, 1);
    assert.equal(oneCall.stderr, "", "no bar when stderr is not a terminal");
    assert.equal(chunked.status, 1);
    assert.equal(chunked.stdout, oneCall.stdout);
    assert.match(chunked.stderr, /^\r\[#*\.*\] +\d+%  [\d,]+ events/);
    assert.match(chunked.stderr, /\r\[#+\] 100%  [\d,]+ events/);
    assert.match(chunked.stderr, /\r +\r$/, "the bar is cleared");
    assert.ok(chunked.stderr.split("\r").length >= 4, "drawn once per chunk");

    // Against the package itself, in this process.
    const summary = JSON.parse(chunked.stdout);
    const results = decodeBatch(readFileSync(input));
    const failed = results.filter((r) => !r.success);
    assert.equal(summary.total, results.length);
    assert.equal(summary.invalid, failed.length);
    assert.deepEqual(
      summary.failures.map((f) => [f.index, f.line, f.issues]),
      failed.map((r) => [r.index, r.line, JSON.parse(JSON.stringify(r.error.issues))]),
    );
    assert.deepEqual(summary.failures.filter((f) => [4999, 5000, 5001, 10_002].includes(f.line)).map((f) => [f.line, f.issues[0].code]), [
      [4999, "invalid_json"], [5000, "invalid_json"], [5001, "invalid_type"], [10_002, "invalid_json"],
    ]);
    const at5000 = summary.failures.find((f) => f.line === 5000).issues[0];
    assert.equal(at5000.line, 5000);
    // The message names the same place, in the whole input, across chunks.
    assert.ok(at5000.message.startsWith(`not valid JSON at line 5000, column ${at5000.column}: `), at5000.message);
    const at10002 = summary.failures.find((f) => f.line === 10_002).issues[0];
    assert.ok(at10002.message.startsWith(`not valid JSON at line 10002, column ${at10002.column}: `), at10002.message);
  });

  test("the readable summary is the same too; --no-progress draws nothing", () => {
    const oneCall = run(["batch", input], { env: { CONNECT_WEBVIEW_EVENTS_PROGRESS: "0" } });
    const chunked = run(["batch", input], { env: { CONNECT_WEBVIEW_EVENTS_PROGRESS: "1" } });
    assert.equal(chunked.stdout, oneCall.stdout);
    const quiet = run(["batch", "--no-progress", input], { env: { CONNECT_WEBVIEW_EVENTS_PROGRESS: "1" } });
    assert.deepEqual(quiet, { ...oneCall, stderr: "" });
  });

  test("on standard input (a pipe, of no size known before its end), the same summary; the bar counts what is read", () => {
    const args = ["batch", "--json", "--max-failures", "100000"];
    const fromFile = run([...args, input]);
    const piped = run(args, { input: readFileSync(input), env: { CONNECT_WEBVIEW_EVENTS_PROGRESS: "1" } });
    assert.equal(piped.status, 1);
    assert.equal(piped.stdout, fromFile.stdout);
    assert.match(piped.stderr, /^\r\d+\.\d MB read  4,995 events/);
    assert.match(piped.stderr, /\r +\r$/, "cleared");
  });

  test("NDJSON is decoded as it is read, not once all of it is in", { timeout: 60_000 }, async () => {
    // The first 6,000 lines, then nothing more until the bar has shown the
    // first chunk's events: a CLI that read all its input first would never
    // draw it, and the test would time out.
    const child = spawn(process.execPath, [CLI, "batch", "--json", "--max-failures", "100000"], { env: cleanEnv({ CONNECT_WEBVIEW_EVENTS_PROGRESS: "1" }) });
    try {
      let stdout = "";
      let stderr = "";
      child.stdout.setEncoding("utf8").on("data", (text) => (stdout += text));
      const exited = new Promise((resolve) => child.on("close", resolve));
      const text = readFileSync(input, "utf8");
      const cut = text.split("\n", 6000).join("\n").length + 1;
      child.stdin.write(text.slice(0, cut));
      await new Promise((resolve) => {
        child.stderr.setEncoding("utf8").on("data", (chunk) => {
          stderr += chunk;
          if (/ events/.test(stderr)) resolve(undefined);
        });
      });
      assert.match(stderr, /^\r\d+\.\d MB read  4,995 events/);
      child.stdin.end(text.slice(cut));
      assert.equal(await exited, 1);
      assert.equal(stdout, run(["batch", "--json", "--max-failures", "100000", input]).stdout);
    } finally {
      child.kill();
    }
  });

  test("bytes that are not UTF-8 in a later chunk: the issue one call over the whole input gives, its byte offset too", () => {
    const whole = Buffer.concat([readFileSync(input), Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d, 0x0a]), readFileSync(input)]);
    assert.ok(whole.indexOf(0xc3) > 2 * 5000 * 100, "past the first chunks");
    const r = run(["batch", "--json", temp(whole)]);
    assert.equal(r.status, 1);
    let expected;
    try {
      decodeBatch(whole);
    } catch (error) {
      expected = JSON.parse(JSON.stringify(error.issues));
    }
    assert.equal(expected?.[0]?.code, "invalid_utf8");
    assert.deepEqual(JSON.parse(r.stdout), { issues: expected });
    assert.ok(expected[0].message.includes(`at byte offset ${whole.indexOf(0xc3)} (line 12346, column 3)`), expected[0].message);
  });

  test("a chunk whose results are more than one call returns is decoded in halves, with the same results", () => {
    // 5,000 lines of 150 duplicate keys each: 745,000 issues, more than the
    // 64 MiB of results one decodeBatch call returns.
    const line = `{"event_type":"lock.locked"${',"a":1'.repeat(150)}}`;
    const heavy = Buffer.from(`${line}\n`.repeat(4999) + `\n${line}\n`);
    assert.throws(() => decodeBatch(heavy), (error) => error.issues[0].code === "payload_too_large");
    const r = run(["batch", "--json", "--max-failures", "3", temp(heavy)]);
    assert.equal(r.status, 1, r.stderr);
    const summary = JSON.parse(r.stdout);
    const one = decodeBatch(Buffer.from(line))[0].error.issues;
    const counts = Object.fromEntries([...new Set(one.map((i) => i.code))].map((code) => [code, 5000 * one.filter((i) => i.code === code).length]));
    assert.deepEqual([summary.total, summary.invalid, summary.issue_codes], [5000, 5000, counts]);
    assert.deepEqual(summary.failures.map((f) => [f.index, f.line]), [[0, 1], [1, 2], [2, 3]]);
    assert.deepEqual(summary.failures[0].issues, JSON.parse(JSON.stringify(one)));
  });

  test("a JSON array is decoded in one call, even with the bar asked for", () => {
    const array = temp(`[${lines.filter((l) => l === S || l === F).slice(0, 6000).join(",\n")}]`);
    const r = run(["batch", "--json", array], { env: { CONNECT_WEBVIEW_EVENTS_PROGRESS: "1" } });
    assert.equal(r.stderr, "");
    assert.equal(JSON.parse(r.stdout).total, 6000);
  });
});

// A real terminal, through util-linux `script`: colours and the bar appear
// only there, and NO_COLOR removes the colours.
const hasScript = process.platform === "linux" && spawnSync("script", ["--version"], { encoding: "utf8" }).stdout?.includes("util-linux");
describe("in a pseudo-terminal", { skip: hasScript ? false : "needs util-linux script" }, () => {
  /** @param {string} command @param {Record<string, string>} [env] */
  function inTerminal(command, env = {}) {
    const r = spawnSync("script", ["-qfec", command, "/dev/null"], { encoding: "utf8", env: cleanEnv({ TERM: "xterm", ...env }), input: "" });
    return { status: r.status, output: r.stdout };
  }
  const quote = (/** @type {string} */ s) => `'${s.replace(/'/g, "'\\''")}'`;
  const cli = `${quote(process.execPath)} ${quote(CLI)}`;

  test("colours on a terminal, none with NO_COLOR", () => {
    const coloured = inTerminal(`${cli} batch ${quote(temp('{"a": }\n'))}`);
    assert.equal(coloured.status, 1);
    assert.match(coloured.output, /\x1b\[31minvalid_json\x1b\[0m/);
    const plain = inTerminal(`${cli} batch ${quote(temp('{"a": }\n'))}`, { NO_COLOR: "1" });
    assert.equal(plain.status, 1);
    assert.doesNotMatch(plain.output, /\x1b/);
    assert.match(plain.output, /line 1: invalid_json \(root\) 1:7: /);
  });

  test("the progress bar is drawn for a large NDJSON input, not for a small one", () => {
    const S = oneLine(SUCCEEDED);
    const large = temp(`${Array.from({ length: 11_000 }, () => S).join("\n")}\n`);
    const r = inTerminal(`${cli} batch --max-failures 0 ${quote(large)}`, { NO_COLOR: "1" });
    assert.equal(r.status, 0, r.output);
    assert.match(r.output, /\r\[#+\] 100%  11,000 events/);
    assert.match(r.output, /events:  11,000/);
    const small = inTerminal(`${cli} batch ${quote(temp(`${S}\n`))}`, { NO_COLOR: "1" });
    assert.doesNotMatch(small.output, /%/);
  });
});
