#!/usr/bin/env bash
# Installs the Debian packages Archway's tests and sample images need, when they are missing:
# Chromium (browser tests), PostgreSQL (the second database the suite runs on), xorriso and the
# Debian netboot kernels (per-architecture live ISOs and the ISO reader's cross-checks).
set -euo pipefail

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
if ! id postgres >/dev/null 2>&1 || ! { command -v initdb >/dev/null || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; }; then
  need+=(postgresql)
fi
for pkg in xorriso debian-installer-12-netboot-amd64 debian-installer-12-netboot-arm64; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
# Building the sample live ISOs (lib/os-images/sample-iso.ts) and booting them under QEMU (qemu-boot.ts).
for pkg in cpio xz-utils mtools dosfstools isolinux syslinux-common syslinux-utils grub-efi-amd64-bin grub-common qemu-system-x86 qemu-system-arm ovmf qemu-efi-aarch64 squashfs-tools qemu-user-static; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
# Fonts so screenshots and layout are stable in headless Chromium.
dpkg -s fonts-dejavu-core >/dev/null 2>&1 || need+=(fonts-dejavu-core)

if [ ${#need[@]} -eq 0 ]; then
  echo "system packages: all present"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "missing Debian packages: ${need[*]} — run: sudo apt-get install ${need[*]}" >&2
  exit 1
fi
echo "installing Debian packages: ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
