#!/usr/bin/env bash
# run.sh — the offline real-VS-Code test run (what `npm run test:e2e` and CI run).
#
#  1. scripts/e2e/setup.sh (cached install: Node 24, code-server 4.139.1 = VS Code 1.139.1, chromium)
#  2. builds the extension and the in-host tests (node scripts/build.mjs -> dist/, out/test/integration/)
#  3. starts code-server on a free 127.0.0.1 port in a fresh temp dir (user data, extensions dir,
#     two copies of test/e2e/fixtures/workspace, the second one in a two-folder .code-workspace with
#     test/e2e/fixtures/second-folder, HOME/XDG/TMPDIR), with no network beyond loopback
#  4. test/e2e/ui/driver.mjs: browser checks (playwright-core + Debian chromium, screenshots in
#     .artifacts/screenshots/), then the mocha suite test/integration/*.test.ts inside the extension host
#  5. stops the whole server process group and removes the temp dir
#
# Last line of output: "N passed, N failed" (each in-host mocha test + each browser check).
# Exit status non-zero if anything failed or nothing ran.
# Knobs: ARTICLE_LENS_E2E_CACHE (install cache; with CI=true a fresh, empty folder is made inside it, or inside
#        $TMPDIR when unset, and removed at the end, so every CI run proves the cold install), E2E_KEEP_RUN=1 (keep the temp dir and server log),
#        E2E_ONLY=ui|tests, E2E_GREP=<regexp> (in-host tests to run), E2E_TESTS_TIMEOUT_S (default 600),
#        E2E_SKIP_BUILD=1, E2E_SCREENSHOTS_DIR (default .artifacts/screenshots; it is emptied of *.png first),
#        ARTICLE_LENS_E2E_EXTENSION=<dir> (another extension folder; harness development only).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
FRESH_CACHE=""
if [ "${CI:-}" = true ] || [ "${CI:-}" = 1 ]; then
  base="${ARTICLE_LENS_E2E_CACHE:-${TMPDIR:-/tmp}}"
  mkdir -p "$base"
  FRESH_CACHE="$(mktemp -d "$base/article-lens-e2e-ci.XXXXXX")"
  export ARTICLE_LENS_E2E_CACHE="$FRESH_CACHE"
fi
CACHE="${ARTICLE_LENS_E2E_CACHE:-$HOME/.cache/article-lens-e2e}"
NODE_HOME="$CACHE/node-v24.21.0"
CS_ENTRY="$CACHE/code-server-4.139.1/node_modules/code-server/out/node/entry.js"
EXTENSION="${ARTICLE_LENS_E2E_EXTENSION:-$ROOT}"
SHOTS="${E2E_SCREENSHOTS_DIR:-$ROOT/.artifacts/screenshots}"
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"

t_start=$(date +%s%N)
ts() { local d=$(( ($(date +%s%N) - t_start) / 1000000 )); printf '%d.%02ds' $((d / 1000)) $(((d % 1000) / 10)); }
say() { echo "[e2e $(ts)] $*"; }

SERVER_PID=""
RUN=""
FINAL=""
cleanup() {
  local rc=$?
  if [ -n "$SERVER_PID" ]; then
    # setsid made the server a process-group leader: signal the whole group (file watcher,
    # extension host...), not just the PID, so nothing is left behind.
    kill -TERM -- "-$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 40); do ps -eo pgid= | grep -qw "$SERVER_PID" || break; sleep 0.25; done
    kill -KILL -- "-$SERVER_PID" 2>/dev/null || true
  fi
  if [ -n "$RUN" ]; then
    if [ "${E2E_KEEP_RUN:-0}" = 1 ]; then echo "[e2e] run dir kept: $RUN"; else rm -rf "$RUN"; fi
  fi
  if [ -n "$FRESH_CACHE" ] && [ "${E2E_KEEP_RUN:-0}" != 1 ]; then rm -rf "$FRESH_CACHE"; fi
  [ -n "$FINAL" ] || FINAL="0 passed, 1 failed"
  echo "$FINAL"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

[ -z "$FRESH_CACHE" ] || say "CI=true: installing into a fresh, empty cache ($FRESH_CACHE)"
bash "$ROOT/scripts/e2e/setup.sh"
if [ "${E2E_SKIP_BUILD:-0}" != 1 ]; then
  say "building (node scripts/build.mjs)"
  (cd "$ROOT" && node scripts/build.mjs)
fi
[ -f "$ROOT/out/test/integration/index.js" ] || { say "out/test/integration/index.js missing (build failed?)"; exit 1; }

RUN="$(mktemp -d "${TMPDIR:-/tmp}/article-lens-e2e.XXXXXX")"
mkdir -p "$RUN/data/User" "$RUN/exts" "$RUN/xdg" "$RUN/tmp" "$SHOTS"
rm -f "$SHOTS"/*.png "$SHOTS"/page-errors.txt
cp -r "$ROOT/test/e2e/fixtures/workspace" "$RUN/ws-ui"
cp -r "$ROOT/test/e2e/fixtures/workspace" "$RUN/ws-tests"
# The in-host suite runs in a two-folder workspace (links across workspace folders); the fixture workspace stays
# the first folder, so `workspaceFolders[0]` is what every test uses.
cp -r "$ROOT/test/e2e/fixtures/second-folder" "$RUN/ws-tests-2"
printf '{ "folders": [ { "path": "ws-tests" }, { "path": "ws-tests-2", "name": "Wire desk" } ] }\n' > "$RUN/tests.code-workspace"
cat > "$RUN/data/User/settings.json" <<'JSON'
{
  "workbench.startupEditor": "none",
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "workbench.enableExperiments": false,
  "security.workspace.trust.enabled": false,
  "chat.disableAIFeatures": true,
  "workbench.tips.enabled": false,
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "extensions.ignoreRecommendations": true,
  "git.enabled": false,
  "editor.wordWrap": "on",
  "editor.minimap.enabled": false
}
JSON
PORT="$("$NODE_HOME/bin/node" -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
printf 'bind-addr: 127.0.0.1:%s\nauth: none\ncert: false\n' "$PORT" > "$RUN/config.yaml"

# Outbound HTTP from the server goes to a dead loopback proxy; EXTENSIONS_GALLERY={} disables the
# gallery; TMPDIR keeps the server's socket files in the run dir; enable-smoke-test-driver makes the
# workbench honour the payload extensionDevelopmentPath/extensionTestsPath (and hides toasts).
say "starting code-server on 127.0.0.1:$PORT (run dir $RUN)"
env -i PATH="$NODE_HOME/bin:/usr/bin:/bin" HOME="$RUN" LANG=C.UTF-8 TMPDIR="$RUN/tmp" \
  XDG_CONFIG_HOME="$RUN/xdg/config" XDG_DATA_HOME="$RUN/xdg/data" XDG_CACHE_HOME="$RUN/xdg/cache" \
  http_proxy=http://127.0.0.1:9 https_proxy=http://127.0.0.1:9 HTTP_PROXY=http://127.0.0.1:9 HTTPS_PROXY=http://127.0.0.1:9 \
  no_proxy=127.0.0.1,localhost NO_PROXY=127.0.0.1,localhost \
  EXTENSIONS_GALLERY='{}' E2E_RESULTS_FILE="$RUN/in-host-results.json" E2E_GREP="${E2E_GREP:-}" \
  setsid "$NODE_HOME/bin/node" "$CS_ENTRY" --config "$RUN/config.yaml" \
    --auth none --bind-addr "127.0.0.1:$PORT" \
    --user-data-dir "$RUN/data" --extensions-dir "$RUN/exts" \
    --disable-telemetry --disable-update-check --disable-workspace-trust \
    --disable-getting-started-override --ignore-last-opened \
    --vscode-option enable-smoke-test-driver \
    > "$RUN/server.log" 2>&1 < /dev/null &
SERVER_PID=$!
healthy=0
for _ in $(seq 1 240); do
  if curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/healthz" 2>/dev/null | grep -q 200; then healthy=1; break; fi
  kill -0 "$SERVER_PID" 2>/dev/null || break
  sleep 0.25
done
if [ "$healthy" != 1 ]; then tail -40 "$RUN/server.log"; say "code-server did not become healthy"; exit 1; fi
say "server healthy (pid/pgid $SERVER_PID)"

rc=0
# Chromium's crash database and caches go to the run dir too, not to $HOME.
(cd "$ROOT" && CHROMIUM_PATH="$CHROMIUM" XDG_CONFIG_HOME="$RUN/xdg/browser-config" XDG_CACHE_HOME="$RUN/xdg/browser-cache" \
    timeout 1200 node test/e2e/ui/driver.mjs \
    --url "http://127.0.0.1:$PORT" --extension "$EXTENSION" --tests "$ROOT/out/test/integration" \
    --results "$RUN/in-host-results.json" --ws-ui "$RUN/ws-ui" --ws-tests "$RUN/tests.code-workspace" \
    --shots "$SHOTS" --summary "$RUN/summary.json" ${E2E_ONLY:+--only "$E2E_ONLY"}) || rc=$?
cp "$RUN/server.log" "$SHOTS/server.log" 2>/dev/null || true
[ -f "$RUN/in-host-results.json" ] && cp "$RUN/in-host-results.json" "$SHOTS/in-host-results.json"
[ -f "$RUN/summary.json" ] && cp "$RUN/summary.json" "$SHOTS/summary.json"

counts="$(node -e 'try{const s=require(process.argv[1]);console.log(s.passed+" "+s.failed)}catch{console.log("0 0")}' "$RUN/summary.json")"
passed="${counts% *}"; failed="${counts#* }"
if [ "$rc" != 0 ] && [ "$failed" = 0 ]; then failed=1; fi   # driver crashed or timed out
say "done (driver exit $rc); screenshots and logs in $SHOTS/"
FINAL="$passed passed, $failed failed"
if [ "$failed" != 0 ] || [ "$passed" = 0 ]; then exit 1; fi
