#!/bin/sh
# busybox udhcpc's event script (it has no built-in one): configures the interface, the default
# route, DNS and, when the DHCP server names the host and Ignition did not, the host name.
case "$1" in
  deconfig)
    ip -4 addr flush dev "$interface" 2>/dev/null
    ip link set "$interface" up
    ;;
  bound | renew)
    if ! ip -4 addr show dev "$interface" | grep -q "inet $ip/"; then
      ip -4 addr flush dev "$interface"
      ip addr add "$ip/${mask:-24}" dev "$interface"
    fi
    for r in $router; do ip route replace default via "$r" dev "$interface" && break; done
    if [ -n "${dns:-}" ]; then
      { [ -n "${domain:-}" ] && echo "search $domain"; for d in $dns; do echo "nameserver $d"; done; } > /etc/resolv.conf
    fi
    if [ -n "${hostname:-}" ] && [ ! -s /etc/hostname ]; then hostname "$hostname"; fi
    [ "$1" = bound ] && echo "ARCHWAY-DHCP: $interface $ip/${mask:-24} router ${router:-none}"
    ;;
esac
exit 0
