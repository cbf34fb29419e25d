#!/usr/bin/env bash
# Installs the other migration tools whose real history tables the adopt tests (strata adopt, issue 14) are written by:
# Knex, node-pg-migrate, dbmate and Drizzle (drizzle-orm's migrator), from npm, pinned, into a cache folder reused by
# later runs: STRATA_TEST_NODE_TOOLS, else /var/cache/strata/node-tools as root, else ~/.cache/strata/node-tools.
# better-sqlite3, the driver Knex and Drizzle write their SQLite histories through, goes into a folder of its own beside
# it ("<folder>-sqlite"; its install script builds it from source when no prebuilt binary downloads: ~3 minutes once),
# so an older copy of this script reinstalling the first folder never removes it.
# Installs Debian's nodejs and npm first when node is missing (as root). tests/Strata.TestSupport (NodeTools.cs) reads
# the same places.
set -euo pipefail
packages=(knex@3.3.0 pg@8.23.1 node-pg-migrate@9.0.0 dbmate@2.36.0 drizzle-orm@0.45.4)
sqlite_packages=(better-sqlite3@11.10.0)

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

# install <folder> <package>...: npm install into the folder unless its stamp already lists exactly these packages.
install() {
    local into="$1"; shift
    local stamp="$into/.installed"
    if [[ -f "$stamp" && "$(cat "$stamp")" == "$*" ]]; then
        return 0
    fi
    mkdir -p "$into"
    echo '{"name":"strata-test-node-tools","version":"1.0.0","private":true}' > "$into/package.json"
    echo "install-node-tools: npm install $* into $into" >&2
    (cd "$into" && npm install --no-audit --no-fund --silent "$@" >&2)
    echo "$*" > "$stamp"
}

install "$dir" "${packages[@]}"
install "$dir-sqlite" "${sqlite_packages[@]}"
