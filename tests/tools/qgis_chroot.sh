#!/usr/bin/env bash
# Run a make target of this repository inside a Debian chroot with that release's QGIS.
#
#   tests/tools/qgis_chroot.sh SUITE [MAKE ARGUMENTS...]     (default: test)
#   tests/tools/qgis_chroot.sh trixie                 # Debian 13, QGIS 3.40: make test
#   tests/tools/qgis_chroot.sh sid test PYTEST_ARGS=-x   # Debian sid, QGIS 3.44
#   tests/tools/qgis_chroot.sh trixie demo
#
# The chroot is built with debootstrap (installed when missing) from the Debian
# archive this machine's own apt sources name (/etc/apt/sources.list.d/*.sources
# or /etc/apt/sources.list, read now; CQ_DEBIAN_MIRROR overrides), then `make`
# and the Makefile's Debian packages are installed in it. It is kept under
# $CQ_CHROOT_DIR (default /var/cache/cq_urban_plugin/chroots)/SUITE; a stamp
# file marks a complete build, so a half-built chroot is removed and built
# again, and a complete one is reused: a second run only runs the tests.
# CQ_CHROOT_REBUILD=1 forces a fresh build.
#
# The repository and ../shared are bind-mounted into the chroot at the same
# paths as here (the repository beside shared), and make runs there with
# VENV=.venv-SUITE, BUILD=build-SUITE, DIST=dist-SUITE (and its own pytest cache;
# the panel's screenshots go to build-SUITE/screenshots), so
# nothing clashes with the host's .venv (another Python), build/ and dist/.
# proc, sys and dev are mounted for the run and unmounted when it ends.
# Needs root (re-runs itself with sudo otherwise). Exit status: make's.
set -euo pipefail

SUITE=${1:?usage: $0 SUITE [make arguments...]  (SUITE: trixie, sid, ...)}
shift
[ $# -gt 0 ] || set -- test

if [ "$(id -u)" != 0 ]; then
    exec sudo --preserve-env=CI,CQ_CHROOT_DIR,CQ_DEBIAN_MIRROR,CQ_CHROOT_REBUILD "$0" "$SUITE" "$@"
fi

REPO=$(cd "$(dirname "$0")/../.." && pwd -P)
SHARED=$(cd "$REPO/.." && pwd -P)/shared
CHROOTS=${CQ_CHROOT_DIR:-/var/cache/cq_urban_plugin/chroots}
ROOT=$CHROOTS/$SUITE
STAMP=$ROOT/.cq_urban_chroot_complete
LOCK=$CHROOTS/$SUITE.lock

say() { echo "== [$SUITE chroot] $*"; }
die() { echo "qgis_chroot.sh: $*" >&2; exit 2; }
now() { date +%s; }

# --- the archive, from this machine's own apt sources ----------------------
debian_mirror() {
    if [ -n "${CQ_DEBIAN_MIRROR:-}" ]; then echo "$CQ_DEBIAN_MIRROR"; return; fi
    local file uri
    # deb822 sources: the first URIs of a stanza that is not the security archive.
    for file in /etc/apt/sources.list.d/*.sources; do
        [ -f "$file" ] || continue
        uri=$(awk 'BEGIN{RS=""; FS="\n"} {
                u=""; s="";
                for (i=1;i<=NF;i++) { if ($i ~ /^URIs:/) u=$i; if ($i ~ /^Suites:/) s=$i }
                if (u != "" && s !~ /-security/ && u !~ /security/) { sub(/^URIs:[ \t]*/, "", u); split(u, a, /[ \t]+/); print a[1]; exit }
              }' "$file")
        if [ -n "$uri" ]; then echo "$uri"; return; fi
    done
    for file in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
        [ -f "$file" ] || continue
        uri=$(awk '$1=="deb" { for (i=2;i<=NF;i++) if ($i ~ /^[a-z+]+:\/\//) { if ($i !~ /security/ && $(i+1) !~ /-security/) { print $i; exit } break } }' "$file")
        if [ -n "$uri" ]; then echo "$uri"; return; fi
    done
    die "no Debian archive found in /etc/apt/sources.list.d/*.sources or /etc/apt/sources.list (set CQ_DEBIAN_MIRROR)"
}

# --- mounts -----------------------------------------------------------------
MOUNTED=()
HAVE_LOCK=0
mount_into() {  # mount_into TARGET mount-arguments...
    local target=$1; shift
    mkdir -p "$target"
    mount "$@" "$target"
    MOUNTED+=("$target")
}
mounts_under_root() { awk -v r="$ROOT" '$2 == r || index($2, r "/") == 1 {print $2}' /proc/self/mounts; }
unmount_all() {
    local i
    for ((i=${#MOUNTED[@]}-1; i>=0; i--)); do
        umount "${MOUNTED[i]}" 2>/dev/null || umount -l "${MOUNTED[i]}" 2>/dev/null || true
    done
    MOUNTED=()
    # Anything left over from an earlier run that was killed: only while this run holds
    # the chroot's lock (a run waiting for it must not touch the mounts of the one using it).
    [ "$HAVE_LOCK" = 1 ] || return 0
    local left
    for left in $(mounts_under_root | sort -r); do umount -l "$left" 2>/dev/null || true; done
}
trap unmount_all EXIT
trap 'exit 130' INT TERM

mount_system() {
    mount_into "$ROOT/proc" -t proc proc
    mount_into "$ROOT/sys" -t sysfs sysfs
    mount_into "$ROOT/dev" --bind /dev
    mount_into "$ROOT/dev/pts" --bind /dev/pts
    # /dev/shm: Qt and PostgreSQL use shared memory.
    [ -d /dev/shm ] && mount_into "$ROOT/dev/shm" --bind /dev/shm
    return 0
}

# The host's network and package configuration, copied in at every run.
copy_host_config() {
    rm -f "$ROOT/etc/resolv.conf"
    cp -L /etc/resolv.conf "$ROOT/etc/resolv.conf"
    # The host's CA certificates (pip and apt inside trust what the host trusts,
    # a local proxy's CA included), replacing the chroot's own at every run.
    mkdir -p "$ROOT/etc/ssl"
    rm -rf "$ROOT/etc/ssl/certs"
    cp -rL /etc/ssl/certs "$ROOT/etc/ssl/certs" 2>/dev/null || true
    # This machine's pip configuration (index, caches of wheels), and the local
    # folders it names, read-only.
    [ -f /etc/pip.conf ] && cp /etc/pip.conf "$ROOT/etc/pip.conf"
    if [ -d /etc/xdg/pip ]; then mkdir -p "$ROOT/etc/xdg" && rm -rf "$ROOT/etc/xdg/pip" && cp -r /etc/xdg/pip "$ROOT/etc/xdg/pip"; fi
}

mount_pip_folders() {
    local dir
    for dir in $(cat /etc/pip.conf /etc/xdg/pip/pip.conf 2>/dev/null | grep -oE '(file://)?/[^ ]+' | sed 's|^file://||' | sed 's|/simple/*$||' | sort -u); do
        [ -d "$dir" ] || continue
        case "$dir" in /proc*|/sys*|/dev*|"$ROOT"*) continue ;; esac
        mount_into "$ROOT$dir" --bind "$dir" && mount -o remount,bind,ro "$ROOT$dir" || true
    done
    if [ -n "${PIP_FIND_LINKS:-}" ] && [ -d "$PIP_FIND_LINKS" ] && ! mountpoint -q "$ROOT$PIP_FIND_LINKS"; then
        mount_into "$ROOT$PIP_FIND_LINKS" --bind "$PIP_FIND_LINKS" && mount -o remount,bind,ro "$ROOT$PIP_FIND_LINKS" || true
    fi
}

in_chroot() {  # a clean environment: nothing of the host's PATH (pyenv) or Python leaks in
    chroot "$ROOT" /usr/bin/env -i HOME=/root USER=root LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=dumb \
        PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
        DEBIAN_FRONTEND=noninteractive CI="${CI:-}" \
        ${PIP_FIND_LINKS:+PIP_FIND_LINKS="$PIP_FIND_LINKS"} ${PIP_DEFAULT_TIMEOUT:+PIP_DEFAULT_TIMEOUT="$PIP_DEFAULT_TIMEOUT"} \
        PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_CERT=/etc/ssl/certs/ca-certificates.crt \
        "$@"
}

APT_OPTIONS=(-o Acquire::Retries=5)

# --- build ------------------------------------------------------------------
build_chroot() {
    local mirror start
    mirror=$(debian_mirror)
    start=$(now)
    say "building a fresh $SUITE chroot in $ROOT from $mirror"
    if ! command -v debootstrap >/dev/null; then
        say "installing debootstrap"
        apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends debootstrap
    fi
    remove_chroot
    mkdir -p "$ROOT"
    debootstrap --variant=minbase --include=ca-certificates "$SUITE" "$ROOT" "$mirror"
    say "debootstrap done in $(( $(now) - start )) s"
    # Unstable's index can be past its Valid-Until date on a mirror snapshot.
    cat > "$ROOT/etc/apt/apt.conf.d/99cq-urban" <<EOF
Acquire::Check-Valid-Until "false";
Acquire::Retries "5";
APT::Install-Recommends "false";
EOF
    # No services started inside the chroot by the packages' scripts.
    printf '#!/bin/sh\nexit 101\n' > "$ROOT/usr/sbin/policy-rc.d" && chmod +x "$ROOT/usr/sbin/policy-rc.d"
    copy_host_config
    mount_system
    in_chroot apt-get "${APT_OPTIONS[@]}" update -q
    in_chroot apt-get "${APT_OPTIONS[@]}" install -y -q make
    say "installing the Makefile's Debian packages (make debian-packages)"
    mount_into "$ROOT$REPO" --bind "$REPO"
    in_chroot make -C "$REPO" debian-packages
    in_chroot apt-get clean
    unmount_all
    {
        echo "suite=$SUITE"
        echo "built=$(date -u +%FT%TZ)"
        echo "seconds=$(( $(now) - start ))"
        echo "qgis=$(chroot "$ROOT" dpkg-query -W -f='${Version}' qgis 2>/dev/null || true)"
    } > "$STAMP"
    say "chroot built in $(( $(now) - start )) s (QGIS $(sed -n 's/^qgis=//p' "$STAMP"))"
}

remove_chroot() {
    [ -e "$ROOT" ] || return 0
    unmount_all
    # Never remove through a bind mount (the repository is bind-mounted in during runs).
    if [ -n "$(mounts_under_root)" ]; then die "$ROOT still has mounts: $(mounts_under_root | tr '\n' ' ')"; fi
    say "removing the incomplete or outdated chroot $ROOT"
    rm -rf --one-file-system "$ROOT"
}

mkdir -p "$CHROOTS"
exec 9>"$LOCK"
if ! flock -n 9; then
    say "waiting for another run using this chroot to end ($LOCK)"
    flock 9 || die "cannot lock $LOCK"
fi
HAVE_LOCK=1
# A run killed outright (SIGKILL at a session's end) leaves its mounts behind, and mounting
# sysfs again on them fails ("already mounted"): clear them while holding the lock.
if [ -n "$(mounts_under_root)" ]; then
    say "unmounting what an earlier, killed run left mounted: $(mounts_under_root | tr '\n' ' ')"
    unmount_all
fi

if [ "${CQ_CHROOT_REBUILD:-}" = 1 ] || [ ! -f "$STAMP" ]; then
    build_chroot
else
    say "reusing $ROOT (built $(sed -n 's/^built=//p' "$STAMP"), QGIS $(sed -n 's/^qgis=//p' "$STAMP"))"
fi

# --- run --------------------------------------------------------------------
[ -d "$SHARED" ] || die "$SHARED is missing (../shared beside the repository)"
copy_host_config
mount_system
mount_into "$ROOT$REPO" --bind "$REPO"
mount_into "$ROOT$SHARED" --bind "$SHARED"
mount_pip_folders
say "make $* in $REPO (QGIS $(chroot "$ROOT" dpkg-query -W -f='${Version}' qgis 2>/dev/null))"
status=0
in_chroot QT_QPA_PLATFORM=offscreen CQ_URBAN_SCREENSHOTS="$REPO/build-$SUITE/screenshots" /bin/bash -c 'cd "$0" && exec make "$@"' "$REPO" \
    VENV=".venv-$SUITE" BUILD="build-$SUITE" DIST="dist-$SUITE" \
    PYTEST_CACHE=".pytest_cache-$SUITE" "$@" || status=$?
unmount_all
exit "$status"
