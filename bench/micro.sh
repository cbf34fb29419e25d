#!/usr/bin/env bash
# BenchmarkDotNet micro-benchmarks of Strata's lexer, splitter and checksum (MB/s):
# bench/micro.sh [BenchmarkDotNet options, e.g. --filter '*Lexer*']. Writes bench/results/micro-latest.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
log="$(mktemp)"
if ! dotnet build bench/Strata.Bench.Micro -c Release >"$log" 2>&1; then cat "$log" >&2; rm -f "$log"; exit 1; fi
rm -f "$log"
exec dotnet bench/Strata.Bench.Micro/bin/Release/net10.0/Strata.Bench.Micro.dll "$@"
