#!/usr/bin/env bash
# The GitHub Action's steps (action.yml), one subcommand each, so that a test can run them as the
# runner does: inputs arrive as INPUT_* variables, paths as GITHUB_* variables, and nothing of
# the caller's environment (PATH, Node version) is changed.
#
#   run.sh check     Node 20 or later on the runner, and the cache key of this install
#   run.sh install   install crisislint's runtime dependencies and build it, unless the cache
#                    restored an install of these very sources
#   run.sh lint      lint INPUT_PATHS once: annotations on stdout, SARIF to INPUT_SARIF_FILE
set -euo pipefail

action_path="${GITHUB_ACTION_PATH:?GITHUB_ACTION_PATH is not set: run this from action.yml}"

node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

case "${1:-}" in
  check)
    major="$(node_major)"
    if [ "${major}" -lt 20 ]; then
      echo "::error title=crisislint::crisislint needs Node.js 20 or later on the runner (found $(node --version 2>/dev/null || echo none)). Add actions/setup-node with node-version 20 before this step."
      exit 2
    fi
    # Dependencies and the build depend on the lock file, the sources and the Node version.
    key="crisislint-${RUNNER_OS:-os}-${RUNNER_ARCH:-arch}-$(cd "${action_path}" && node --input-type=module -e '
      import { createHash } from "node:crypto";
      import { readFileSync } from "node:fs";
      import { sourceStamp } from "./scripts/source-stamp.mjs";
      console.log(createHash("sha256").update(sourceStamp(".")).update(readFileSync("package-lock.json")).digest("hex").slice(0, 32));
    ')"
    echo "cache-key=${key}" >> "${GITHUB_OUTPUT:?}"
    echo "version=$(node -p 'require(process.argv[1]).version' "${action_path}/package.json")" >> "${GITHUB_OUTPUT}"
    ;;

  install)
    cd "${action_path}"
    if [ -d node_modules ] && node scripts/install.mjs --check 2>/dev/null; then
      echo "crisislint: using the cached install"
      exit 0
    fi
    # Runtime dependencies only (esbuild builds dist/ in the install script); no dev tools.
    npm ci --omit=dev --no-audit --no-fund --loglevel=error
    ;;

  lint)
    set -f # no shell globbing: crisislint expands globs itself
    # Paths: separated by spaces or new lines.
    read -r -a paths <<< "$(printf '%s' "${INPUT_PATHS:-.}" | tr '\n' ' ')"
    read -r -a extra <<< "${INPUT_ARGS:-}"
    args=()
    if [ -n "${INPUT_CONFIG:-}" ]; then args+=(--config "${INPUT_CONFIG}"); fi
    if [ -n "${INPUT_MIN_SCORE:-}" ]; then args+=(--min-score "${INPUT_MIN_SCORE}"); fi
    if [ -n "${INPUT_MAX_WARNINGS:-}" ]; then args+=(--max-warnings "${INPUT_MAX_WARNINGS}"); fi
    # One run writes both: the annotations and, with sarif-file, the SARIF report.
    if [ -n "${INPUT_SARIF_FILE:-}" ]; then args+=(--report "sarif=${INPUT_SARIF_FILE}"); fi
    node "${action_path}/bin/crisislint.cjs" --version | sed 's/^/crisislint /'
    node "${action_path}/bin/crisislint.cjs" "${paths[@]}" "${args[@]}" "${extra[@]}" --format github
    ;;

  *)
    echo "usage: run.sh check|install|lint" >&2
    exit 2
    ;;
esac
