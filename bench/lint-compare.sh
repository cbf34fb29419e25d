#!/usr/bin/env bash
# Compares strata lint with squawk over folders of real projects' migrations: bench/lint-compare.sh [--only word]
# [--style] [--set name=folder[:layout]]… (default: every PostgreSQL project of /work/corpus/MANIFEST.md, or
# --corpus <dir>). Builds the strata CLI (Release) and the harness, installs squawk-cli 2.66.0 from npm into
# bench/.tools/npm when missing, converts each project's up scripts into Strata files under
# bench/results/tmp/lint-compare/ (gitignored: they hold the projects' SQL), runs both linters and prints the
# per-project and per-concept agreement; every disagreement goes to bench/results/tmp/lint-compare/disagreements.tsv.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools="$root/bench/.tools"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
squawk="$tools/npm/node_modules/.bin/squawk"
if [[ ! -x "$squawk" ]]; then
    echo "lint-compare: installing squawk-cli 2.66.0 into bench/.tools/npm" >&2
    mkdir -p "$tools/npm"
    npm install --prefix "$tools/npm" --no-save --silent squawk-cli@2.66.0 >&2
fi
dotnet build src/Strata.Cli -c Release --nologo -v quiet -clp:ErrorsOnly >&2
dotnet build bench/Strata.LintCompare -c Release --nologo -v quiet -clp:ErrorsOnly >&2
strata="$root/src/Strata.Cli/bin/Release/net10.0/strata"
exec dotnet bench/Strata.LintCompare/bin/Release/net10.0/Strata.LintCompare.dll --strata "$strata" --squawk "$squawk" "$@"
