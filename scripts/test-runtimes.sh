#!/usr/bin/env bash
# The packed package under the runtimes users have beside the system Node,
# which scripts/test-package.sh runs (Node 20): Node 22, 24 and 26 and Bun,
# from tools/runtimes/ (scripts/setup.sh installs them; none is on PATH).
#
# Each runs every file of tests/js/ (the contract, signatures cross-checked
# with svix 1 and, in svix2.test.mjs, svix 2, hostile input; through `import`
# and `require`) in a consumer project made from pkg/ as test-package.sh makes
# its own (`--prepare`: the tarball installed, tests/js/ and the fixtures
# copied), in target/runtimes-consumer/, which a test-package run at the same
# time does not remove. Node runs them with `node --test`; Bun with `bun test`,
# whose runner runs node:test files (as plain scripts, `bun x.test.mjs`, they
# stop at the first test: "Cannot use test outside of the test runner").
# Then tests/cli/ on Node 24. Each runtime's binary directory comes first on
# PATH for its own run only. Every runtime runs even when one fails; the run
# fails if any did, and ends with the counts of each.
#
# Every file on every runtime: the whole of tests/js/ takes 3.5-5.5 s per
# runtime here, the import entry alone (import.test.mjs, commonjs.test.cjs,
# svix2.test.mjs) 2 s, and require.test.mjs is what checks that `require`
# and `import` share one instance, which Node 22's require(esm) could change.
set -euo pipefail
cd "$(dirname "$0")/.."

runtimes=tools/runtimes/node_modules
consumer=target/runtimes-consumer
logs=target/runtimes
for bin in node-22/bin/node node-24/bin/node node-26/bin/node bun/bin/bun; do
  [ -x "$runtimes/$bin" ] || { echo "$runtimes/$bin is missing: run scripts/setup.sh (or make setup)" >&2; exit 1; }
done

scripts/test-package.sh --prepare "$consumer"
rm -rf "$logs" && mkdir -p "$logs"

summary=()
failed=()
# run WHAT DIR BINARY ARGS...: BINARY ARGS in DIR, with BINARY's directory
# first on PATH; the output is also kept in $logs/ for the counts.
run() {
  local what=$1 dir=$2 bin=$3
  shift 2
  local runtime log counts status=0
  if [[ $bin == */bun ]]; then runtime="Bun $("$bin" --version)"; else runtime="Node $("$bin" --version | tr -d v)"; fi
  log="$logs/$(echo "$runtime $what" | tr -cs 'A-Za-z0-9.' '-' | sed 's/-$//').log"
  printf '\n\033[1m== %s: %s\033[0m\n' "$runtime" "$what"
  (cd "$dir" && PATH="$(dirname "$bin"):$PATH" "$@") 2>&1 | tee "$log" || status=$?
  # node:test's spec reporter ends with "ℹ tests 126", "ℹ pass 126", ...;
  # bun test with " 126 pass", " 0 fail", "Ran 126 tests across 6 files."
  counts=$(awk '/^ℹ (tests|pass|fail|skipped) [0-9]+$/ { n[$2] = $3 }
    /^ *[0-9]+ (pass|fail|skip)$/ { n[$2 == "skip" ? "skipped" : $2] = $1 }
    /^ *[0-9]+ errors?$/ { n["errors"] = $1 }
    /^Ran [0-9]+ tests? across/ { n["tests"] = $2 }
    END { if ("tests" in n) printf "tests %d, pass %d, fail %d, skipped %d%s", n["tests"], n["pass"], n["fail"], n["skipped"],
      n["errors"] ? ", errors between tests " n["errors"] : "" }' "$log")
  summary+=("$(printf '%-14s %-10s %s' "$runtime" "$what" "${counts:-no counts}")")
  [ "$status" = 0 ] || failed+=("$runtime $what")
}

mapfile -t tests_js < <(cd "$consumer" && printf '%s\n' ./*.test.mjs ./*.test.cjs)
for version in 22 24 26; do
  run tests/js "$consumer" "$PWD/$runtimes/node-$version/bin/node" --test --test-reporter=spec "${tests_js[@]}"
done
run tests/js "$consumer" "$PWD/$runtimes/bun/bin/bun" test "${tests_js[@]}"
# Files, not the directory: Node 22 and 24 take `node --test DIR` for a file
# and fail (Cannot find module); Node 20 and 26 look inside.
run tests/cli . "$PWD/$runtimes/node-24/bin/node" --test --test-reporter=spec tests/cli/*.test.mjs

printf '\n\033[1m== runtimes\033[0m\n'
printf '%s\n' "${summary[@]}"
if [ ${#failed[@]} -gt 0 ]; then
  printf 'FAILED: %s (logs in %s/)\n' "$(printf '%s; ' "${failed[@]}" | sed 's/; $//')" "$logs" >&2
  exit 1
fi
