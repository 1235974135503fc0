#!/usr/bin/env bash
# Packs pkg/ with `npm pack`, installs the tarball into an empty scratch
# project, and runs the node:test suite there through `import` and `require`.
set -euo pipefail
cd "$(dirname "$0")/.."

consumer=target/npm-consumer
rm -rf "$consumer" && mkdir -p "$consumer"
tarball=$(npm pack ./pkg --pack-destination target --silent | tail -n1)
echo "packed target/$tarball"

cd "$consumer"
printf '{ "name": "consumer", "private": true, "type": "module" }\n' > package.json
npm install --no-audit --no-fund --no-package-lock --loglevel=error "../$tarball"
cp ../../tests/js/*.mjs ../../tests/js/*.cjs .
cp -r ../../tests/fixtures fixtures
node --test --test-reporter=spec ./*.test.mjs ./*.test.cjs
