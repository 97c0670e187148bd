#!/usr/bin/env bash
# Rebuild the kernel image `npm run test:kernel` boots (docs/kernel.md): Linux 6.12 from Debian's
# linux-source-6.12 package, configured with scripts/kernel/kernel.config (a tinyconfig plus
# serial console, initramfs, tracefs and CONFIG_USER_EVENTS=y; no modules, no ACPI).
#
#   scripts/kernel/build-kernel.sh [--config-only] [--out DIR]
#
#   --config-only  stop after applying and checking the configuration (about a minute)
#   --out DIR      where bzImage goes (default: ./kernel-build); then run the check with
#                  UE_LINT_KERNEL=DIR/bzImage npm run test:kernel
#
# Environment: LINUX_SOURCE_VERSION (default: the newest 6.12.117-1* in the apt sources, the
# version the prebuilt image was built from; `any` takes apt's candidate), WORK (scratch
# directory, default /tmp/ue-lint-kernel-build; about 1.5 GB), JOBS (default: nproc),
# SKIP_APT=1 (the packages are already installed; apt needs root).
# A full build takes about 12 minutes on 2 cores.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
config="$here/kernel.config"
out="$PWD/kernel-build"
config_only=0
while [ $# -gt 0 ]; do
	case "$1" in
	--config-only) config_only=1 ;;
	--out) out="$2"; shift ;;
	-h | --help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
	*) echo "build-kernel.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
	esac
	shift
done
work="${WORK:-/tmp/ue-lint-kernel-build}"
jobs="${JOBS:-$(nproc)}"

# 1. The source package and the build dependencies.
version="${LINUX_SOURCE_VERSION:-}"
if [ -z "$version" ]; then
	version="$(apt-cache madison linux-source-6.12 | awk '{print $3}' | grep -m1 '^6\.12\.117-1' || true)"
	if [ -z "$version" ]; then
		echo "build-kernel.sh: no linux-source-6.12 6.12.117-1* in the apt sources (apt-get update?); set LINUX_SOURCE_VERSION=any to take apt's candidate" >&2
		exit 2
	fi
fi
pkg="linux-source-6.12"
[ "$version" = any ] || pkg="linux-source-6.12=$version"
if [ "${SKIP_APT:-0}" != 1 ]; then
	echo "build-kernel.sh: installing $pkg and the build dependencies"
	apt-get install -y --no-install-recommends "$pkg" gcc make bc flex bison libelf-dev libc6-dev cpio xz-utils
fi
tarball="$(ls /usr/src/linux-source-6.12.tar.* 2>/dev/null | head -1)"
if [ -z "$tarball" ]; then
	echo "build-kernel.sh: /usr/src/linux-source-6.12.tar.* is missing: is $pkg installed?" >&2
	exit 2
fi

# 2. A fresh source tree.
rm -rf "$work"
mkdir -p "$work"
echo "build-kernel.sh: unpacking $tarball into $work"
tar -xf "$tarball" -C "$work"
src="$(find "$work" -mindepth 1 -maxdepth 1 -type d -name 'linux-source-*' | head -1)"

# 3. The recorded configuration. olddefconfig fills in what this compiler detects; anything else
# that changes means the source or the config is not the recorded one.
cp "$config" "$src/.config"
make -C "$src" -s olddefconfig
toolchain='^(# )?CONFIG_(CC_|GCC|CLANG|AS_|LD_|RUST|PAHOLE|TOOLCHAIN|BINDGEN|TOOLS_SUPPORT)'
options() { grep -E '^(# )?CONFIG_' "$1" | grep -Ev "$toolchain" | sort; }
if ! diff <(options "$config") <(options "$src/.config") >"$work/config.diff"; then
	echo "build-kernel.sh: make olddefconfig changed the recorded configuration:" >&2
	cat "$work/config.diff" >&2
	exit 1
fi
grep -qx 'CONFIG_USER_EVENTS=y' "$src/.config" || { echo "build-kernel.sh: CONFIG_USER_EVENTS is not set" >&2; exit 1; }
echo "build-kernel.sh: configuration applied unchanged ($(grep -c '^CONFIG_' "$src/.config") options set; toolchain-detected ones may differ)"
if [ "$config_only" = 1 ]; then
	exit 0
fi

# 4. The image. Fixed user, host and time keep the version string independent of this machine.
export KBUILD_BUILD_USER=ue-lint KBUILD_BUILD_HOST=kernel-test KBUILD_BUILD_TIMESTAMP="1970-01-01 00:00:00 UTC"
echo "build-kernel.sh: make -j$jobs bzImage (about 12 minutes on 2 cores)"
make -C "$src" -s -j"$jobs" bzImage
mkdir -p "$out"
cp "$src/arch/x86/boot/bzImage" "$out/bzImage"
echo "build-kernel.sh: $out/bzImage ($(stat -c %s "$out/bzImage") bytes, sha256 $(sha256sum "$out/bzImage" | cut -d' ' -f1))"
echo "build-kernel.sh: run the check with: UE_LINT_KERNEL=$out/bzImage npm run test:kernel"
