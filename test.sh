#!/usr/bin/env bash
# The one command that runs Strata's whole test suite on a fresh Debian machine.
# PostgreSQL tests need a real server: either STRATA_TEST_POSTGRES (a connection string whose role has
# CREATEDB and CREATEROLE) or the server programs, which the tests start on a free loopback port themselves.
# Extra arguments go to `dotnet test` (e.g. ./test.sh --filter FullyQualifiedName~Lock); a first argument that is a
# test project folder or .csproj runs only that project (e.g. ./test.sh tests/Strata.Reliability.Tests).
# The tests marked [PostgresMatrix] then run once more on each other PostgreSQL major of STRATA_TEST_PG_MAJORS (13 to 18
# by default, e.g. STRATA_TEST_PG_MAJORS=13,16), whose server programs tests/install-postgres.sh installs into a cache
# first (docs/testing.md, "PostgreSQL versions"). On CI (CI=true) every supported major is required.
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

# The codegen tests type-check generated TypeScript with tsc; they install the npm packages into a cache themselves.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "test.sh: installing node and npm (the codegen tests run tsc on generated TypeScript)"
    install_packages nodejs npm
fi

# The studio's browser tests (tests/Strata.Studio.Tests/Browser) drive Debian's chromium through Playwright; Playwright's
# own browser download is not used. STRATA_TEST_CHROMIUM names another Chromium executable.
if [[ -z "${STRATA_TEST_CHROMIUM:-}" ]] && ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1; then
    echo "test.sh: installing chromium (the studio's browser tests)"
    install_packages chromium
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

supported_majors="13 14 15 16 17 18"
majors="$(echo "${STRATA_TEST_PG_MAJORS:-$supported_majors}" | tr ',' ' ' | xargs -n1 | sort -nu | xargs)"
if [[ "${CI:-}" == "true" && "$majors" != "$supported_majors" ]]; then
    echo "test.sh: CI tests every supported PostgreSQL major ($supported_majors), but STRATA_TEST_PG_MAJORS='${STRATA_TEST_PG_MAJORS:-}' leaves some out; unset it" >&2
    exit 1
fi

target=Strata.slnx
if [[ $# -gt 0 && ( -d "$1" || "$1" == *.csproj ) ]]; then
    target="$1"
    shift
fi

# The test projects with [PostgresMatrix] tests that this run covers.
matrix_projects=()
for project in $(grep -rlE --include=*.cs '^\s*\[PostgresMatrix' tests | cut -d/ -f2 | sort -u); do
    if [[ "$target" == Strata.slnx || "$(realpath "$target")" == "$(realpath "tests/$project")"* ]]; then
        matrix_projects+=("tests/$project")
    fi
done

# The major of the default server (every test runs on it): STRATA_TEST_PG_MAJOR, else Debian's newest; the matrix runs
# the other majors. A configured server (STRATA_TEST_POSTGRES) is of unknown version, so the matrix runs them all.
default_major="${STRATA_TEST_PG_MAJOR:-}"
if [[ -z "$default_major" && -z "${STRATA_TEST_POSTGRES:-}" ]]; then
    for dir in /usr/lib/postgresql/*/bin; do
        major="$(basename "$(dirname "$dir")")"
        if [[ "$major" =~ ^[0-9]+$ && -x "$dir/postgres" ]] && (( major > ${default_major:-0} )); then
            default_major="$major"
        fi
    done
fi
matrix_majors=()
if (( ${#matrix_projects[@]} > 0 )); then
    for major in $majors; do
        [[ "$major" == "$default_major" ]] || matrix_majors+=("$major")
    done
    tests/install-postgres.sh $majors
fi

# The arguments the matrix runs share with the main run: the filter (combined with the matrix trait) and the configuration.
matrix_filter="Category=PostgresMatrix"
user_filter=""
matrix_args=()
args=("$@")
for (( i = 0; i < ${#args[@]}; i++ )); do
    case "${args[$i]}" in
        --filter) user_filter="${args[$((i + 1))]:-}"; i=$((i + 1)) ;;
        --filter=*) user_filter="${args[$i]#--filter=}" ;;
        -c|--configuration) matrix_args+=("${args[$i]}" "${args[$((i + 1))]:-}"); i=$((i + 1)) ;;
    esac
done
[[ -z "$user_filter" ]] || matrix_filter="($user_filter)&$matrix_filter"

# The adopt tests let the real Knex, node-pg-migrate, dbmate and Drizzle write the history tables Strata adopts.
tests/install-node-tools.sh

logs="$(mktemp -d)"
trap 'rm -rf "$logs"' EXIT
status=0
dotnet test "$target" "$@" 2>&1 | tee "$logs/main.log" || status=$?

# The matrix: each (major, project) in its own test process whose shared server is that major, all at once (they mostly
# wait on their servers). A configured server is not theirs: each starts its own from the cache.
if (( ${#matrix_majors[@]} > 0 )); then
    echo "test.sh: running the [PostgresMatrix] tests on PostgreSQL ${matrix_majors[*]} (the default server ran them on ${default_major:-the configured server})"
    pids=()
    for major in "${matrix_majors[@]}"; do
        for project in "${matrix_projects[@]}"; do
            log="$logs/pg$major-$(basename "$project").log"
            ( STRATA_TEST_POSTGRES="" STRATA_TEST_PG_MAJOR="$major" \
                dotnet test "$project" --no-build "${matrix_args[@]}" --filter "$matrix_filter" > "$log" 2>&1 ) &
            pids+=("$!:$major:$project:$log")
        done
    done
    for entry in "${pids[@]}"; do
        IFS=: read -r pid major project log <<< "$entry"
        run_status=0
        wait "$pid" || run_status=$?
        ran=$(grep -oE 'Total: +[0-9]+' "$log" | awk '{ s += $2 } END { print s + 0 }')
        if (( run_status != 0 )) || { [[ -z "$user_filter" ]] && (( ran == 0 )); }; then
            status=1
            echo "test.sh: PostgreSQL $major, $project: FAILED (exit $run_status, $ran tests); its output:"
            sed 's/^/    /' "$log"
        else
            echo "test.sh: PostgreSQL $major, $project: $(grep -E '^(Passed|Failed)!' "$log" | tail -n1 || echo "no matching test")"
        fi
    done
fi

# One plain closing line over every test assembly and major (dotnet test prints one summary per assembly).
passed=$(cat "$logs"/*.log | grep -oE 'Passed: +[0-9]+' | awk '{ s += $2 } END { print s + 0 }')
failed=$(cat "$logs"/*.log | grep -oE 'Failed: +[0-9]+' | awk '{ s += $2 } END { print s + 0 }')
echo "tests: $passed passed, $failed failed"
exit "$status"
