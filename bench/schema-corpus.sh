#!/usr/bin/env bash
# Round trip of real projects' schemas: bench/schema-corpus.sh [--only word] [--set name=folder[:layout]]… (default:
# every PostgreSQL project of /work/corpus/MANIFEST.md, or --corpus <dir>). Needs a PostgreSQL server whose role may
# create databases: --server <connection string> or STRATA_CORPUS_SERVER. For each project: its migrations applied with
# psql to an empty database; strata pull; push into an empty database; generate, migrate and rollback on another;
# pg_dump --schema-only of each copy compared with the original's object by object. Prints one Markdown row per
# project (docs/schema.md keeps the table); the differences go to bench/results/tmp/schema-corpus/ (gitignored: they
# hold the projects' SQL). Exits 3 when a project whose migrations apply does not come back identical.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build src/Strata.Cli -c Release --nologo -v quiet -clp:ErrorsOnly >&2
dotnet build bench/Strata.SchemaCorpus -c Release --nologo -v quiet -clp:ErrorsOnly >&2
strata="$root/src/Strata.Cli/bin/Release/net10.0/strata"
exec dotnet bench/Strata.SchemaCorpus/bin/Release/net10.0/Strata.SchemaCorpus.dll --strata "$strata" "$@"
