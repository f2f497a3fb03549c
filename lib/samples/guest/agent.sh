#!/bin/sh
# The sample live ISO's discovery agent, in busybox sh: what assisted-installer-agent does on a
# CoreOS discovery ISO, reduced to discovery. It reads the config the discovery Ignition wrote
# (/etc/assisted/agent.conf: service_url, infra_env_id; /etc/assisted/agent-token), registers the
# host (POST .../infra-envs/{id}/hosts), then polls GET .../hosts/{host_id}/instructions every
# next_instruction_seconds and answers each inventory step with the hardware inventory read from
# uname, /proc and /sys. While the console cannot be reached it keeps retrying. HTTP/1.0 goes
# through busybox nc: the initrd's busybox wget has no --header or --post-data.
set -u
export LC_ALL=C # ${#var} counts bytes, as Content-Length must
VERSION=archway-sample-agent/1
CONF=/etc/assisted/agent.conf
TOKEN_FILE=/etc/assisted/agent-token
STATE=/var/lib/archway
RETRY_SECONDS=5
mkdir -p "$STATE" /run/agent

log() {
  read -r up _ < /proc/uptime
  echo "ARCHWAY-AGENT: [$up] $*"
}
flat() { awk -f /usr/lib/archway/json-flat.awk "$@"; }
# The value at JSON path $1 in the flattened document $2 (in the shell: every process started is
# slow under emulation).
TAB=$(printf '\t')
jget() {
  while IFS= read -r line; do
    case "$line" in "$1$TAB"*) printf '%s' "${line#*"$TAB"}"; return 0 ;; esac
  done < "$2"
  return 1
}

# The console's address and this infra-env, from what the discovery Ignition wrote.
load_config() {
  flat "$CONF" > /run/agent/conf.flat || { log "cannot read $CONF"; exit 1; }
  SERVICE_URL=$(jget service_url /run/agent/conf.flat) || { log "$CONF has no service_url"; exit 1; }
  INFRA_ENV_ID=$(jget infra_env_id /run/agent/conf.flat) || { log "$CONF has no infra_env_id"; exit 1; }
  TOKEN=$(cat "$TOKEN_FILE") || { log "no agent token in $TOKEN_FILE"; exit 1; }

  case "$SERVICE_URL" in
    http://*) ;;
    *) log "service_url $SERVICE_URL: the sample agent speaks plain http:// only"; exit 1 ;;
  esac
  rest=${SERVICE_URL#http://}
  HOSTPORT=${rest%%/*}
  PREFIX=""
  [ "$rest" != "$HOSTPORT" ] && PREFIX="/${rest#*/}"
  PREFIX=${PREFIX%/}
  HOST=${HOSTPORT%:*}
  PORT=${HOSTPORT##*:}
  [ "$HOST" = "$HOSTPORT" ] && PORT=80
  BASE="$PREFIX/api/assisted-install/v2/infra-envs/$INFRA_ENV_ID/hosts"
}

# http METHOD PATH [BODY]: sets STATUS, leaves the response body in /run/agent/body. HTTP/1.0, so
# the console closes the connection after its answer; a console that hangs is given up after 60 s.
export HTTP_REQUEST=/run/agent/request HTTP_RESPONSE=/run/agent/raw
http() {
  STATUS=""
  {
    printf '%s %s HTTP/1.0\r\nHost: %s\r\nX-Secret-Key: %s\r\nAccept: application/json\r\nUser-Agent: %s\r\n' \
      "$1" "$2" "$HOSTPORT" "$TOKEN" "$VERSION"
    if [ $# -ge 3 ]; then
      printf 'Content-Type: application/json\r\nContent-Length: %s\r\n\r\n%s' "${#3}" "$3"
    else
      printf '\r\n'
    fi
  } > "$HTTP_REQUEST"
  : > "$HTTP_RESPONSE"
  nc -w 15 "$HOST" "$PORT" -e /usr/lib/archway/http-exchange 2>/dev/null &
  exchange=$!
  (sleep 60 && kill "$exchange" 2>/dev/null) &
  watchdog=$!
  wait "$exchange"
  kill "$watchdog" 2>/dev/null
  read -r _ STATUS _ < "$HTTP_RESPONSE"
  awk 'body { print; next } /^\r?$/ { body = 1 }' "$HTTP_RESPONSE" > /run/agent/body
  [ -n "$STATUS" ]
}

# A JSON string of $1: backslashes and quotes escaped, control characters dropped. Plain text needs
# no other process (every fork is slow under emulation).
js() {
  case "$1" in
    *[\\\"]* | *[[:cntrl:]]*) printf '"%s"' "$(printf '%s' "$1" | tr -d '\000-\037' | sed 's/\\/\\\\/g; s/"/\\"/g')" ;;
    *) printf '"%s"' "$1" ;;
  esac
}
# A JSON array of strings from whitespace-separated words.
jwords() {
  printf '[%s]' "$(printf '%s' "$1" | awk '{ for (i = 1; i <= NF; i++) { gsub(/[\\"]/, "", $i); printf "%s\"%s\"", (n++ ? "," : ""), $i } }')"
}
# The first line of a sysfs/proc file, without surrounding blanks ("" when unreadable).
readf() {
  line=""
  [ -r "$1" ] && { IFS= read -r line < "$1" || true; } 2>/dev/null
  line=${line#"${line%%[! ]*}"}
  printf '%s' "${line%"${line##*[! ]}"}"
}
num() { case "$1" in '' | *[!0-9]*) return 1 ;; *) return 0 ;; esac; }

# The host's id: the DMI product UUID as assisted-installer-agent uses it when it is a real one,
# else a random one kept for this boot.
host_id() {
  id=$(readf /sys/class/dmi/id/product_uuid | tr 'A-F' 'a-f')
  if echo "$id" | grep -Eq '^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$'; then
    echo "$id"
    return
  fi
  [ -s "$STATE/host-id" ] || cat /proc/sys/kernel/random/uuid > "$STATE/host-id"
  cat "$STATE/host-id"
}

# Each inventory part reads its files with shell builtins and at most one awk: every process
# started costs under emulation.
cpu_json() {
  awk -F ': *' '
    /^processor/ { n++ }
    /^model name/ && model == "" { model = $2 }
    /^CPU part/ && part == "" { part = $2 }
    /^(flags|Features)/ && flags == "" { flags = $2 }
    /^cpu MHz/ && mhz == "" { mhz = int($2) }
    END { print n + 0; print model; print part; print mhz; print flags }' /proc/cpuinfo > /run/agent/cpu
  { read -r count; read -r model; read -r part; read -r mhz; read -r CPU_FLAGS; } < /run/agent/cpu
  if [ -z "$model" ]; then
    case "$part" in
      0xd03) model="ARM Cortex-A53" ;; 0xd07) model="ARM Cortex-A57" ;; 0xd08) model="ARM Cortex-A72" ;;
      0xd0c) model="ARM Neoverse-N1" ;; 0xd40) model="ARM Neoverse-V1" ;; 0xd49) model="ARM Neoverse-N2" ;;
      "") model=$MACHINE ;; *) model="ARM (part $part)" ;;
    esac
  fi
  printf '{"architecture":%s,"count":%s,"model_name":%s,"flags":%s%s}' \
    "$(js "$MACHINE")" "$count" "$(js "$model")" "$(jwords "$CPU_FLAGS")" "${mhz:+,\"frequency\":$mhz}"
}

memory_json() {
  while read -r key kib _; do [ "$key" = MemTotal: ] && break; done < /proc/meminfo
  usable=$((kib * 1024))
  # The RAM the kernel found at boot ("Memory: 975000K/1048056K available"), as ghw reads it for
  # assisted-installer-agent; MemTotal leaves out what the kernel reserved for itself.
  total=$(dmesg | sed -n 's|.*Memory: [0-9]*K/\([0-9]*\)K available.*|\1|p' | head -n 1)
  physical=$usable
  num "$total" && physical=$((total * 1024))
  printf '{"physical_bytes":%s,"usable_bytes":%s}' "$physical" "$usable"
}

MACHINE=$(uname -m)
LIVE_LABEL=$(sed -n 's/.*coreos\.liveiso=\([^ ]*\).*/\1/p' /proc/cmdline)

# True when block device $1 holds this live ISO (a USB stick written with it): its ISO 9660 volume label.
is_boot_media() {
  [ -n "$LIVE_LABEL" ] || return 1
  # The primary volume descriptor's volume identifier: bytes 32808-32839 (4 reads, not 32808).
  label=$(dd if="/dev/$1" bs=8 skip=4101 count=4 2>/dev/null | tr -d ' \000')
  [ "$label" = "$LIVE_LABEL" ]
}

disks_json() {
  out=""
  for b in /sys/block/*; do
    name=${b##*/}
    case "$name" in loop* | ram* | zram* | fd*) continue ;; esac
    sectors=$(readf "$b/size"); num "$sectors" || continue
    removable=false; [ "$(readf "$b/removable")" = 1 ] && removable=true
    ro=false; [ "$(readf "$b/ro")" = 1 ] && ro=true
    case "$name" in
      sr*) type=ODD ;;
      *) if [ "$(readf "$b/queue/rotational")" = 1 ]; then type=HDD; else type=SSD; fi ;;
    esac
    media=false; is_boot_media "$name" && media=true
    disk=$(printf '{"name":%s,"path":%s,"drive_type":"%s","size_bytes":%s,"removable":%s,"read_only":%s,"is_installation_media":%s' \
      "$(js "$name")" "$(js "/dev/$name")" "$type" "$((sectors * 512))" "$removable" "$ro" "$media")
    for field in model vendor serial; do
      v=$(readf "$b/device/$field"); [ -n "$v" ] && disk="$disk,\"$field\":$(js "$v")"
    done
    out="$out${out:+,}$disk}"
  done
  printf '[%s]' "$out"
}

interfaces_json() {
  out=""
  for d in /sys/class/net/*; do
    name=${d##*/}
    [ "$name" = lo ] && continue
    ip -o addr show dev "$name" 2>/dev/null |
      awk '$3 == "inet" { v4 = v4 " " $4 } $3 == "inet6" { v6 = v6 " " $4 } END { print v4; print v6 }' > /run/agent/addr
    { read -r v4; read -r v6; } < /run/agent/addr
    carrier=false; [ "$(readf "$d/carrier")" = 1 ] && carrier=true
    nic=$(printf '{"name":%s,"mac_address":%s,"mtu":%s,"has_carrier":%s,"ipv4_addresses":%s,"ipv6_addresses":%s' \
      "$(js "$name")" "$(js "$(readf "$d/address")")" "$(readf "$d/mtu")" "$carrier" "$(jwords "$v4")" "$(jwords "$v6")")
    speed=$(readf "$d/speed"); num "$speed" && nic="$nic,\"speed_mbps\":$speed"
    for field in vendor:vendor device:product; do
      v=$(readf "$d/device/${field%%:*}"); [ -n "$v" ] && nic="$nic,\"${field#*:}\":$(js "$v")"
    done
    out="$out${out:+,}$nic}"
  done
  printf '[%s]' "$out"
}

vendor_json() {
  maker=$(readf /sys/class/dmi/id/sys_vendor)
  product=$(readf /sys/class/dmi/id/product_name)
  serial=$(readf /sys/class/dmi/id/product_serial)
  virtual=false
  case "$maker $product" in
    *QEMU* | *KVM* | *VMware* | *VirtualBox* | *innotek* | *Xen* | *Bochs* | *"Virtual Machine"* | *"Amazon EC2"* | *Google*) virtual=true ;;
  esac
  case " $CPU_FLAGS " in *" hypervisor "*) virtual=true ;; esac
  printf '{"manufacturer":%s,"product_name":%s,"serial_number":%s,"virtual":%s}' \
    "$(js "$maker")" "$(js "$product")" "$(js "$serial")" "$virtual"
}

inventory_json() {
  # /init loads the disk drivers while the agent starts; an inventory without them would lack disks.
  for _ in $(seq 60); do [ -e /run/archway/storage-drivers-loaded ] && break; sleep 1; done
  mode=bios; [ -d /sys/firmware/efi ] && mode=uefi
  cpu=$(cpu_json)
  CPU_FLAGS=$(awk -F ': *' '/^(flags|Features)/ { print $2; exit }' /proc/cpuinfo)
  printf '{"hostname":%s,"cpu":%s,"memory":%s,"disks":%s,"interfaces":%s,"system_vendor":%s,"boot":{"current_boot_mode":"%s"},"timestamp":%s}' \
    "$(js "$(readf /proc/sys/kernel/hostname)")" "$cpu" "$(memory_json)" "$(disks_json)" "$(interfaces_json)" \
    "$(vendor_json)" "$mode" "$(date +%s)"
}

# reply STEP_TYPE STEP_ID EXIT_CODE OUTPUT [ERROR]: output goes as JSON text, as assisted-service expects.
reply() {
  body=$(printf '{"step_type":%s,"step_id":%s,"exit_code":%s,"output":%s%s}' \
    "$(js "$1")" "$(js "$2")" "$3" "$(js "$4")" "${5:+,\"error\":$(js "$5")}")
  if http POST "$BASE/$HOST_ID/instructions" "$body" && [ "$STATUS" -lt 300 ]; then
    log "replied to $1 step $2 ($STATUS)"
  else
    log "reply to $1 step $2 failed (${STATUS:-no answer}): $(head -c 300 /run/agent/body)"
  fi
}

register() {
  until http POST "$BASE" "{\"host_id\":\"$HOST_ID\",\"discovery_agent_version\":\"$VERSION\"}" &&
    { [ "$STATUS" = 201 ] || [ "$STATUS" = 200 ]; }; do
    log "cannot register with $SERVICE_URL yet (${STATUS:-unreachable}); retrying in ${RETRY_SECONDS}s"
    sleep "$RETRY_SECONDS"
  done
  log "registered host $HOST_ID with infra-env $INFRA_ENV_ID at $SERVICE_URL"
}

# `archway-agent inventory` prints the inventory and exits (for a look at what the console gets).
if [ "${1:-}" = inventory ]; then inventory_json; echo; exit 0; fi
load_config
HOST_ID=$(host_id)
register
while :; do
  next=$RETRY_SECONDS
  if http GET "$BASE/$HOST_ID/instructions"; then
    case "$STATUS" in
      200)
        flat /run/agent/body > /run/agent/steps.flat
        n=$(jget next_instruction_seconds /run/agent/steps.flat) && num "$n" && next=$n
        i=0
        while type=$(jget "instructions.$i.step_type" /run/agent/steps.flat); do
          id=$(jget "instructions.$i.step_id" /run/agent/steps.flat || echo "$type")
          case "$type" in
            inventory)
              inventory=$(inventory_json)
              log "inventory of ${#inventory} bytes ready"
              reply inventory "$id" 0 "$inventory"
              ;;
            *) reply "$type" "$id" 1 "" "the Archway sample agent does not run $type steps" ;;
          esac
          i=$((i + 1))
        done
        ;;
      404) log "the console does not know this host any more; registering again"; register ;;
      *) log "instructions: HTTP $STATUS: $(head -c 300 /run/agent/body)" ;;
    esac
  else
    log "cannot reach $SERVICE_URL; retrying in ${RETRY_SECONDS}s"
  fi
  sleep "$next"
done
