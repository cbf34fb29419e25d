#!/usr/bin/env bash
# psql-equivalence corpus runner (issue 13): bench/corpus.sh <corpus folder holding MANIFEST.md> [--only <word>] [--pg 13,18 | --sqlite [--rows]] [--out <file.md>]
# --sqlite: the SQLite rows instead, sqlite3 vs Strata, .dump compared (docs/corpus.md, "SQLite"); --rows: the same rows
# inserted into every table after each migration on both sides, so data a migration loses shows in the dumps.
# For each PostgreSQL migration folder listed in MANIFEST.md, applies it with psql and with Strata (as found,
# layout detected) on fresh databases of a throwaway cluster, compares pg_dump --schema-only, rolls back where
# downs exist and compares again. Prints the table (docs/corpus.md keeps the latest one).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dotnet build "$here/Strata.Corpus" -c Release -v q -nologo >&2
exec dotnet "$here/Strata.Corpus/bin/Release/net10.0/Strata.Corpus.dll" "$@"
