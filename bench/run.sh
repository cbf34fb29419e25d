#!/usr/bin/env bash
# Strata's performance harness, end to end: bench/run.sh [--sizes 100,1000] [--runs 5] [--peers]
# Builds the harness and three strata executables (JIT, ReadyToRun on net10.0, native AOT on net9.0 when it
# builds), with --peers installs dbmate and node-pg-migrate (npm, into bench/.tools) and sqitch (Debian, as root),
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
quiet dotnet publish src/Strata.Cli -c Release -o "$tools/strata-jit"
quiet dotnet publish src/Strata.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$tools/strata-r2r"

# Native AOT: the package mirror has the AOT compiler for net9.0 only, so a copy of src/ is retargeted to net9.0
# and published there (the real build stays on net10.0). A failure is recorded, not fatal. It takes minutes, so
# it is skipped while the last AOT executable is newer than every source file.
aot="$tools/strata-aot/strata"
newer_source=""
if [[ -x "$aot" ]]; then
    newer_source="$(find src Directory.Build.props Directory.Packages.props \( -name bin -o -name obj \) -prune -o -type f -newer "$aot" -print -quit)"
fi
if [[ -x "$aot" && -z "$newer_source" ]]; then
    echo "bench: native AOT build is up to date"
else
    echo "bench: trying a native AOT build of strata for net9.0"
    rm -rf "$tools/aot-src" "$tools/strata-aot" "$tools/strata-aot.failed"
    mkdir -p "$tools/aot-src"
    cp -r src Directory.Build.props Directory.Packages.props global.json .editorconfig "$tools/aot-src/"
    rm -rf "$tools"/aot-src/src/*/bin "$tools"/aot-src/src/*/obj
    sed -i 's#<TargetFramework>net10.0</TargetFramework>#<TargetFramework>net9.0</TargetFramework>#' "$tools/aot-src/Directory.Build.props"
    # Trim/AOT warnings stay visible in bench/.tools/aot.log (and are counted in the ADR) but do not fail this bench-only build.
    if ! (cd "$tools/aot-src" && dotnet publish src/Strata.Cli -c Release -r linux-x64 -p:PublishAot=true -p:TreatWarningsAsErrors=false -o "$tools/strata-aot" >"$tools/aot.log" 2>&1); then
        { grep -m1 -E 'error [A-Z]+[0-9]+' "$tools/aot.log" | sed -E 's/^[^:]*: //; s/ \[[^]]*\]$//' || echo "dotnet publish failed (see bench/.tools/aot.log)"; } >"$tools/strata-aot.failed"
        echo "bench: native AOT did not build: $(cat "$tools/strata-aot.failed")"
    elif [[ -x "$tools/strata-aot/Strata.Cli" ]]; then
        mv "$tools/strata-aot/Strata.Cli" "$aot" # the native executable keeps the assembly's name
    fi
fi

if [[ -n "$peers" ]]; then
    echo "bench: installing the peers"
    mkdir -p "$tools/npm"
    [[ -f "$tools/npm/package.json" ]] || echo '{ "name": "strata-bench-peers", "private": true }' >"$tools/npm/package.json"
    quiet npm install --prefix "$tools/npm" --no-audit --no-fund dbmate@2.36.0 node-pg-migrate@9.0.0 pg@8.23.1
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
