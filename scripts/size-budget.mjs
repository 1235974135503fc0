// @ts-check
// The size budget of the .wasm, which `make pkg` (scripts/build-pkg.mjs)
// enforces and `make bench` (bench/run.mjs) reports against.

/** Size budget for the gzipped .wasm, in bytes: issue 16's 45,000 for the whole catalogue (issue 5's was 40 KB for two events). */
export const GZIP_BUDGET = 45_000;
