// @ts-check
// The size budget of the .wasm, which `make pkg` (scripts/build-pkg.mjs)
// enforces and `make bench` (bench/run.mjs) reports against.

/** Size budget for the gzipped .wasm, in bytes: issue 5's 40 KB target. */
export const GZIP_BUDGET = 40_000;
