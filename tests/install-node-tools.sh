#!/usr/bin/env bash
# Installs the other migration tools whose real history tables the adopt tests (strata adopt, issue 14) are written by:
# Knex, node-pg-migrate, dbmate and Drizzle (drizzle-orm's migrator), from npm, pinned, into a cache folder reused by
# later runs: STRATA_TEST_NODE_TOOLS, else /var/cache/strata/node-tools as root, else ~/.cache/strata/node-tools.
# Installs Debian's nodejs and npm first when node is missing (as root). tests/Strata.TestSupport (NodeTools.cs) reads
# the same place.
set -euo pipefail
packages=(knex@3.3.0 pg@8.23.1 node-pg-migrate@9.0.0 dbmate@2.36.0 drizzle-orm@0.45.4)

if [[ -n "${STRATA_TEST_NODE_TOOLS:-}" ]]; then
    dir="$STRATA_TEST_NODE_TOOLS"
elif [[ "$(id -u)" -eq 0 ]]; then
    dir=/var/cache/strata/node-tools
else
    dir="${XDG_CACHE_HOME:-$HOME/.cache}/strata/node-tools"
fi

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    if [[ "$(id -u)" -ne 0 ]]; then
        echo "install-node-tools: node and npm are missing; install them (apt-get install nodejs npm)" >&2
        exit 1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nodejs npm >&2
fi

stamp="$dir/.installed"
if [[ -f "$stamp" && "$(cat "$stamp")" == "${packages[*]}" ]]; then
    exit 0
fi
mkdir -p "$dir"
echo '{"name":"strata-test-node-tools","version":"1.0.0","private":true}' > "$dir/package.json"
echo "install-node-tools: npm install ${packages[*]} into $dir" >&2
(cd "$dir" && npm install --no-audit --no-fund --silent "${packages[@]}" >&2)
echo "${packages[*]}" > "$stamp"
