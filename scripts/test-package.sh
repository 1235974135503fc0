#!/usr/bin/env bash
# Packs pkg/ with `npm pack`, installs the tarball into an empty scratch
# project, copies tests/js/ into it (with tests/fixtures/ as fixtures/, and
# tests/oracle/ and catalogue/*.json as oracle/ and catalogue/), and runs the
# node:test suite there through `import` and `require`, on the system Node
# (20). `--prepare DIR` only makes the consumer project, in DIR (a folder of
# target/), which scripts/test-runtimes.sh runs under Node 22, 24, 26 and Bun.
set -euo pipefail
cd "$(dirname "$0")/.."

consumer=target/npm-consumer
[ "${1:-}" = --prepare ] && consumer=target/$(basename "${2:?--prepare DIR}")
rm -rf "$consumer" && mkdir -p "$consumer"
tarball=$(npm pack ./pkg --pack-destination target --silent | tail -n1)
echo "packed target/$tarball"

cd "$consumer"
printf '{ "name": "consumer", "private": true, "type": "module" }\n' > package.json
npm install --no-audit --no-fund --no-package-lock --loglevel=error "../$tarball"
cp ../../tests/js/*.mjs ../../tests/js/*.cjs ../../tests/js/*.ts .
cp -r ../../tests/fixtures fixtures
# The oracle of catalogue-oracle.test.mjs, and the catalogue it reads.
cp -r ../../tests/oracle oracle
mkdir catalogue && cp ../../catalogue/*.json catalogue/
[ "${1:-}" = --prepare ] && exit 0
echo "== Node $(node --version) (the system node), every file of tests/js/"
node --test --test-reporter=spec ./*.test.mjs ./*.test.cjs
