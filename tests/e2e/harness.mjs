// Shared set-up of the browser tests of the demo page: the demo server on a
// free port of 127.0.0.1, headless Chromium (/usr/bin/chromium) through
// playwright-core, and a record of every request, console error and page
// error, which each suite checks at its end. Not a test file itself.
import { mkdirSync } from "node:fs";
import { chromium } from "playwright-core";
import { startDemoServer } from "../../scripts/serve-demo.mjs";

/** Where screenshots go: target/, ignored by git. */
export const shots = new URL("../../target/", import.meta.url);

/** A screenshot's path in target/. @param {string} name */
export const shot = (name) => new URL(name, shots).pathname;

/**
 * Serves the demo, opens it in a new Chromium, and records what it does.
 * @param {{ viewport?: { width: number, height: number } }} [options]
 */
export async function openDemo({ viewport = { width: 1280, height: 900 } } = {}) {
  mkdirSync(shots, { recursive: true });
  const demo = await startDemoServer({ port: 0 });
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"],
  });
  const context = await browser.newContext({ viewport, colorScheme: "light" });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(demo.url).origin });
  /** @type {string[]} every URL the page asked for */
  const requests = [];
  /** @type {string[]} failed requests, HTTP errors, console errors and page errors */
  const problems = [];
  context.on("request", (request) => requests.push(request.url()));
  context.on("requestfailed", (request) => problems.push(`request failed: ${request.url()} ${request.failure()?.errorText}`));
  context.on("response", (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  const page = await context.newPage();
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  await page.goto(demo.url);
  return {
    demo,
    browser,
    page,
    requests,
    problems,
    /** Requests that went anywhere but the demo server. */
    offMachine: () => requests.filter((url) => !url.startsWith(demo.url)),
    async close() {
      await browser.close();
      await demo.close();
    },
  };
}

/** Whether the page scrolls sideways. @param {import("playwright-core").Page} page */
export function scrollsSideways(page) {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}
