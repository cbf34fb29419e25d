#!/usr/bin/env bash
# The one command that runs Strata's whole test suite on a fresh Debian machine.
# PostgreSQL tests need a real server: either STRATA_TEST_POSTGRES (a connection string whose role has
# CREATEDB and CREATEROLE) or the server programs, which the tests start on a free loopback port themselves.
# Extra arguments go to `dotnet test` (e.g. ./test.sh --filter FullyQualifiedName~Lock); a first argument that is a
# test project folder or .csproj runs only that project (e.g. ./test.sh tests/Strata.Reliability.Tests).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

has_postgres_server() {
    local dir
    for dir in /usr/lib/postgresql/*/bin; do
        if [[ -x "$dir/initdb" && -x "$dir/pg_ctl" && -x "$dir/postgres" ]]; then
            return 0
        fi
    done
    command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1 && command -v postgres >/dev/null 2>&1
}

# Installs Debian packages as root (directly, or through sudo without waiting on a prompt when there is no terminal).
apt_updated=""
install_packages() {
    local sudo=()
    if [[ "$(id -u)" -ne 0 ]]; then
        if ! command -v sudo >/dev/null 2>&1; then
            echo "test.sh: missing Debian package(s) $* and no sudo; install them as root: apt-get install -y --no-install-recommends $*" >&2
            exit 1
        fi
        # Without a terminal (CI), fail fast instead of waiting for a password prompt nobody can answer.
        if [[ -t 0 ]]; then sudo=(sudo); else sudo=(sudo -n); fi
    fi
    run() { echo "+ $*"; "$@"; }
    if [[ -z "$apt_updated" ]]; then
        run "${sudo[@]}" apt-get update
        apt_updated=1
    fi
    run "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@"
}

if [[ -z "${STRATA_TEST_POSTGRES:-}" ]] && ! has_postgres_server; then
    echo "test.sh: no PostgreSQL server programs found and STRATA_TEST_POSTGRES is unset; installing the Debian package 'postgresql'"
    install_packages postgresql
fi

# The network reliability scenarios build their own setups: PgBouncer (R07), network namespaces with nftables
# rules (R04, R24) and openssl certificates (R24). They need root; as root, install whatever tool is missing.
if [[ "$(id -u)" -eq 0 ]]; then
    missing=()
    for tool in pgbouncer:pgbouncer nft:nftables ip:iproute2 openssl:openssl setpriv:util-linux psql:postgresql-client; do
        if ! command -v "${tool%%:*}" >/dev/null 2>&1 && [[ ! -x "/usr/sbin/${tool%%:*}" ]]; then
            missing+=("${tool##*:}")
        fi
    done
    if (( ${#missing[@]} > 0 )); then
        echo "test.sh: installing the tools of the network reliability scenarios: ${missing[*]}"
        install_packages "${missing[@]}"
    fi
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
target=Strata.slnx
if [[ $# -gt 0 && ( -d "$1" || "$1" == *.csproj ) ]]; then
    target="$1"
    shift
fi
dotnet test "$target" "$@" 2>&1 | tee "$log" || status=$?

# One plain closing line over every test assembly (dotnet test prints one summary per assembly).
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{ s += $2 } END { print s + 0 }')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{ s += $2 } END { print s + 0 }')
echo "tests: $passed passed, $failed failed"
exit "$status"
