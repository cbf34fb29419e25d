#!/usr/bin/env bash
# Strata's performance harness, end to end: bench/run.sh [--sizes 100,1000] [--runs 5] [--peers] [--large-file-mb 300]
# Builds the harness and two strata executables (native AOT, the shipped one, and the framework-dependent JIT build),
# with --peers installs dbmate, node-pg-migrate and squawk (npm, into bench/.tools) and sqitch (Debian, as root),
# then starts a throwaway PostgreSQL (fsync on), measures, stops it, and writes bench/results/<date>-<host>.md and
# bench/results/latest.md. Needs the .NET 10 SDK, psql and the PostgreSQL server programs (./test.sh installs them).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools="$root/bench/.tools"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

peers=""
for arg in "$@"; do [[ "$arg" == "--peers" ]] && peers=1; done
mkdir -p "$tools"

quiet() { # runs a build step, shows its output only when it fails
    local log; log="$(mktemp)"
    if ! "$@" >"$log" 2>&1; then cat "$log" >&2; rm -f "$log"; return 1; fi
    rm -f "$log"
}

echo "bench: building the harness and the strata executables"
quiet dotnet build bench/Strata.Bench -c Release
# JIT: the framework-dependent build, what `dotnet tool install Strata.Cli` runs off linux-x64 (Strata.Cli.any).
quiet dotnet publish src/Strata.Cli -c Release -p:PublishAot=false -o "$tools/strata-jit"

# Native AOT, the shipped executable: the README's command. It takes minutes, so it is skipped while the last
# executable is newer than every source file; a failure is recorded in the table, not fatal.
aot="$tools/strata-aot/strata"
newer_source=""
if [[ -x "$aot" ]]; then
    newer_source="$(find src Directory.Build.props Directory.Packages.props \( -name bin -o -name obj \) -prune -o -type f -newer "$aot" -print -quit)"
fi
if [[ -x "$aot" && -z "$newer_source" ]]; then
    echo "bench: native AOT build is up to date"
else
    echo "bench: publishing the native AOT strata (dotnet publish src/Strata.Cli -c Release)"
    rm -rf "$tools/strata-aot" "$tools/strata-aot.failed"
    if ! dotnet publish src/Strata.Cli -c Release -o "$tools/strata-aot" >"$tools/aot.log" 2>&1; then
        { grep -m1 -E 'error [A-Z]+[0-9]+' "$tools/aot.log" | sed -E 's/^[^:]*: //; s/ \[[^]]*\]$//' || echo "dotnet publish failed (see bench/.tools/aot.log)"; } >"$tools/strata-aot.failed"
        echo "bench: native AOT did not build: $(cat "$tools/strata-aot.failed")"
    fi
fi
if [[ ! -x /usr/bin/time ]]; then
    if [[ "$(id -u)" -eq 0 ]]; then
        { quiet apt-get update && quiet env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends time; } \
            || echo "bench: could not install GNU time; the peak memory rows will say why they are missing"
    else
        echo "bench: GNU time is not installed (peak memory rows need it): sudo apt-get install time"
    fi
fi

if [[ -n "$peers" ]]; then
    echo "bench: installing the peers"
    mkdir -p "$tools/npm"
    [[ -f "$tools/npm/package.json" ]] || echo '{ "name": "strata-bench-peers", "private": true }' >"$tools/npm/package.json"
    quiet npm install --prefix "$tools/npm" --no-audit --no-fund dbmate@2.36.0 node-pg-migrate@9.0.0 pg@8.23.1 squawk-cli@2.66.0
    if ! command -v sqitch >/dev/null 2>&1; then
        if [[ "$(id -u)" -eq 0 ]]; then
            quiet apt-get update
            quiet env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends sqitch libdbd-pg-perl
        else
            echo "bench: sqitch is not installed and this is not root; install it: sudo apt-get install sqitch libdbd-pg-perl"
        fi
    fi
    export PATH="$tools/npm/node_modules/.bin:$PATH"
fi

exec dotnet bench/Strata.Bench/bin/Release/net10.0/Strata.Bench.dll "$@"
