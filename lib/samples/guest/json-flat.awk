# Flattens a JSON document into one line per scalar: its path, a tab, its value. Paths join object
# keys and array indices with dots ("storage.files.0.path"); strings are unescaped except \n, \r
# and \t, which stay escaped so every value fits on its line. Busybox awk, no other tool needed:
# the sample initrd has no JSON parser, and the Ignition config, the agent config and the
# console's answers are all JSON.
function fail(why) { printf "json-flat: %s at byte %d\n", why, pos > "/dev/stderr"; bad = 1; exit 1 }
function ws() { while (pos <= n && index(" \t\r\n", substr(s, pos, 1))) pos++ }
function hexval(h,   i, v) {
  v = 0; h = tolower(h)
  for (i = 1; i <= length(h); i++) v = v * 16 + index("0123456789abcdef", substr(h, i, 1)) - 1
  return v
}
function str(   out, c, chunk) {
  pos++ # opening quote
  out = ""
  while (pos <= n) {
    if (match(substr(s, pos), /^[^"\\]+/)) { out = out substr(s, pos, RLENGTH); pos += RLENGTH; continue }
    c = substr(s, pos, 1)
    if (c == "\"") { pos++; return out }
    c = substr(s, pos + 1, 1); pos += 2
    if (c == "n") out = out "\\n"
    else if (c == "r") out = out "\\r"
    else if (c == "t") out = out "\\t"
    else if (c == "b" || c == "f") out = out " "
    else if (c == "u") {
      chunk = hexval(substr(s, pos, 4)); pos += 4
      out = out (chunk >= 32 && chunk < 127 ? sprintf("%c", chunk) : "?")
    } else out = out c
  }
  fail("unterminated string")
}
function join(path, key) { return path == "" ? key : path "." key }
function value(path,   c, i, key) {
  ws(); c = substr(s, pos, 1)
  if (c == "{") {
    pos++; ws()
    if (substr(s, pos, 1) == "}") { pos++; return }
    while (1) {
      ws(); if (substr(s, pos, 1) != "\"") fail("expected a key")
      key = str(); ws()
      if (substr(s, pos, 1) != ":") fail("expected :")
      pos++; value(join(path, key)); ws()
      c = substr(s, pos++, 1)
      if (c == "}") return
      if (c != ",") fail("expected , or }")
    }
  }
  if (c == "[") {
    pos++; ws()
    if (substr(s, pos, 1) == "]") { pos++; return }
    for (i = 0; ; i++) {
      value(join(path, i)); ws()
      c = substr(s, pos++, 1)
      if (c == "]") return
      if (c != ",") fail("expected , or ]")
    }
  }
  if (c == "\"") { print path "\t" str(); return }
  if (match(substr(s, pos), /^(-?[0-9][0-9.eE+-]*|true|false|null)/)) {
    print path "\t" substr(s, pos, RLENGTH); pos += RLENGTH; return
  }
  fail("unexpected character")
}
{ s = s $0 "\n" }
END {
  if (bad) exit 1
  n = length(s); pos = 1
  value("")
  ws(); if (pos <= n) fail("trailing data")
}
