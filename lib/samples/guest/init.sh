#!/bin/sh
# /init of the sample live ISOs: what a CoreOS live ISO's initramfs and first boot do with the
# Ignition config embedded in it, on busybox. It reports what it booted with (the QEMU harness,
# lib/samples/boot-log.ts, reads the ARCHWAY-* lines off the serial console); with no Ignition
# config it powers off. Otherwise it applies the config's files, and when they include the
# discovery agent's config it loads the NIC and disk drivers, brings networking up with DHCP, fetches
# the live rootfs when booted from a minimal ISO (coreos.live.rootfs_url) and runs the agent.
export PATH=/bin:/sbin:/usr/bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2>/dev/null
mkdir -p /run /tmp /var/lib
echo "ARCHWAY-INIT: arch=$(uname -m) kernel=$(uname -r) uptime=$(cat /proc/uptime)"
echo "ARCHWAY-CMDLINE: $(cat /proc/cmdline)"

stop() {
  sync
  poweroff -f
}

if [ ! -f /config.ign ]; then
  echo "ARCHWAY-NO-IGNITION"
  stop
fi
echo "ARCHWAY-IGNITION-BEGIN"; cat /config.ign; echo; echo "ARCHWAY-IGNITION-END"
sh /usr/lib/archway/ignition-files.sh /config.ign
[ -s /etc/hostname ] && hostname "$(head -n 1 /etc/hostname)"
if [ ! -f /etc/assisted/agent.conf ]; then
  echo "ARCHWAY-NO-AGENT: the Ignition config has no /etc/assisted/agent.conf"
  stop
fi

# Drivers from Debian's netboot initrd, dependencies first (the lists are made when the ISO is
# built): the NICs', then the disks' in the background, which the agent waits for before its
# first inventory.
KERNEL_MODULES=/lib/modules/$(uname -r)
load_drivers() {
  while read -r module params; do
    # shellcheck disable=SC2086 # params are separate words
    insmod "$KERNEL_MODULES/$module" $params 2>/dev/null
  done < "/etc/archway/modules.$1"
  read -r up _ < /proc/uptime
  echo "ARCHWAY-MODULES: [$up] $1 drivers loaded"
}
load_drivers network
mkdir -p /run/archway
(load_drivers storage && touch /run/archway/storage-drivers-loaded) &

ip link set lo up
for dev in /sys/class/net/*; do
  nic=${dev##*/}
  [ "$nic" = lo ] && continue
  ip link set "$nic" up
  udhcpc -i "$nic" -s /usr/share/udhcpc/default.script -b -t 5 -T 2 -A 3 -p "/run/udhcpc.$nic.pid"
done
# udhcpc returns once it has a lease (or goes on trying in the background): wait a little for one.
for _ in $(seq 20); do ip -o -4 addr show | grep -qv ' lo ' && break; sleep 1; done
echo "ARCHWAY-NET: [$(cut -d ' ' -f 1 /proc/uptime)] $(ip -o -4 addr show | awk '$2 != "lo" { printf "%s %s ", $2, $4 }')"

# A minimal ISO has no rootfs on it: like CoreOS, fetch it from the console and refuse one that does
# not match this initrd. (The initrd carries the same live root itself, since Debian's netboot
# initrd has no ISO 9660 or CD drivers to read a full ISO's copy with.)
rootfs_url=$(sed -n 's/.*coreos\.live\.rootfs_url=\([^ ]*\).*/\1/p' /proc/cmdline)
if [ -n "$rootfs_url" ]; then
  want=$(cat /etc/archway/rootfs.sha256)
  until wget -q -O /run/rootfs.img "$rootfs_url" && [ "$(sha256sum /run/rootfs.img | cut -d ' ' -f 1)" = "$want" ]; do
    echo "ARCHWAY-ROOTFS: no rootfs with sha256 $want at $rootfs_url yet; retrying in 5s"
    sleep 5
  done
  echo "ARCHWAY-ROOTFS: fetched $rootfs_url ($(wc -c < /run/rootfs.img) bytes, sha256 matches)"
  rm -f /run/rootfs.img
fi

# As systemd's Restart=always does for the agent unit on CoreOS.
while :; do
  /usr/bin/archway-agent
  echo "ARCHWAY-AGENT: exited with status $?; restarting in 10s"
  sleep 10
done
