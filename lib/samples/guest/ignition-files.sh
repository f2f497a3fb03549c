#!/bin/sh
# Applies the storage section of an Ignition config (/config.ign, which the kernel unpacked from the
# ISO's embed area) the way Ignition's files stage does on CoreOS: directories, then files, then
# links. File contents come from data: URLs (base64 or percent-encoded), http:// URLs or are empty;
# gzip compression and decimal modes are honoured. The sample has no systemd, so units and users
# are left to the CoreOS images; /init starts the discovery agent itself.
set -u
CONFIG=${1:-/config.ign}
FLAT=/run/ignition.flat
awk -f /usr/lib/archway/json-flat.awk "$CONFIG" > "$FLAT" || { echo "ignition: $CONFIG is not valid JSON"; exit 1; }

get() { awk -F '\t' -v k="$1" '$1 == k { print substr($0, length(k) + 2); found = 1; exit } END { exit !found }' "$FLAT"; }

# %XX escapes of a data: URL's text, decoded.
percent_decode() {
  awk '{
    out = ""; s = $0
    while (match(s, /%[0-9A-Fa-f][0-9A-Fa-f]/)) {
      h = tolower(substr(s, RSTART + 1, 2))
      v = (index("0123456789abcdef", substr(h, 1, 1)) - 1) * 16 + index("0123456789abcdef", substr(h, 2, 1)) - 1
      out = out substr(s, 1, RSTART - 1) sprintf("%c", v); s = substr(s, RSTART + 3)
    }
    printf "%s", out s
  }'
}

# Writes the contents named by source URL $1 to stdout.
fetch_source() {
  case "$1" in
    "") ;;
    data:*)
      header=${1%%,*}; data=${1#*,}
      case "$header" in
        *";base64") printf '%s' "$data" | base64 -d ;;
        *) printf '%s' "$data" | percent_decode ;;
      esac ;;
    http://*) wget -q -O - "$1" ;;
    *) echo "ignition: cannot fetch $1 (only data: and http:// sources)" >&2; return 1 ;;
  esac
}

mode_of() { m=$(get "$1.mode") && printf '%o' "$m"; }

i=0
while p=$(get "storage.directories.$i.path"); do
  mkdir -p "$p" && { m=$(mode_of "storage.directories.$i") && chmod "$m" "$p"; true; }
  i=$((i + 1))
done

i=0; written=0
while p=$(get "storage.files.$i.path"); do
  f="storage.files.$i"
  mkdir -p "$(dirname "$p")"
  src=$(get "$f.contents.source" || true)
  if [ "$(get "$f.contents.compression" || true)" = gzip ]; then
    fetch_source "$src" | gunzip > "$p.ign-tmp"
  else
    fetch_source "$src" > "$p.ign-tmp"
  fi && mv "$p.ign-tmp" "$p" && written=$((written + 1)) || { echo "ignition: could not write $p"; rm -f "$p.ign-tmp"; }
  m=$(mode_of "$f") && chmod "$m" "$p"
  i=$((i + 1))
done

i=0
while p=$(get "storage.links.$i.path"); do
  mkdir -p "$(dirname "$p")" && ln -sfn "$(get "storage.links.$i.target")" "$p"
  i=$((i + 1))
done
echo "ARCHWAY-IGNITION-APPLIED: $written files"
