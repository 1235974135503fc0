// The part of node:assert/strict that the shared cases use, for browsers.

export class AssertionError extends Error {
  name = "AssertionError";
}

function fail(message) {
  throw new AssertionError(message);
}

const show = (value) => {
  try {
    const text = JSON.stringify(value, (_, v) => (typeof v === "bigint" ? `${v}n` : v));
    return text === undefined ? String(value) : text.length > 200 ? `${text.slice(0, 200)}…` : text;
  } catch {
    return String(value);
  }
};

/** Strict structural equality: same prototypes, same own enumerable keys. */
function same(a, b) {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => Object.hasOwn(b, k) && same(a[k], b[k]));
}

export function equal(actual, expected, message) {
  if (!Object.is(actual, expected)) fail(message ?? `expected ${show(expected)}, found ${show(actual)}`);
}

export function notEqual(actual, expected, message) {
  if (Object.is(actual, expected)) fail(message ?? `expected anything but ${show(expected)}`);
}

export function deepEqual(actual, expected, message) {
  if (!same(actual, expected)) fail(`${message ? `${message}: ` : ""}expected ${show(expected)}, found ${show(actual)}`);
}

export function ok(value, message) {
  if (!value) fail(message ?? `expected a truthy value, found ${show(value)}`);
}

export function match(text, pattern, message) {
  if (!pattern.test(text)) fail(message ?? `expected ${show(text)} to match ${pattern}`);
}

export function throws(fn, expected, message) {
  try {
    fn();
  } catch (error) {
    if (expected === undefined) return;
    if (typeof expected === "object") {
      // As node:assert: each property of `expected` equals the error's.
      const differs = Object.keys(expected).find((key) => error?.[key] !== expected[key]);
      if (differs === undefined) return;
      fail(message ?? `the error's ${differs} is ${JSON.stringify(error?.[differs])}, expected ${JSON.stringify(expected[differs])}`);
    }
    const isClass = expected === Error || expected.prototype instanceof Error;
    if (isClass ? error instanceof expected : expected(error) === true) return;
    fail(message ?? `the error did not match: ${error?.name}: ${error?.message}`);
  }
  fail(message ?? "expected the function to throw");
}

export function doesNotThrow(fn, message) {
  try {
    fn();
  } catch (error) {
    fail(message ?? `expected no error, found ${error?.name}: ${error?.message}`);
  }
}
