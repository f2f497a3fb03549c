#!/bin/sh
# Run by busybox nc -e with the TCP connection as stdin and stdout: sends the request, then keeps
# the whole answer (busybox nc on its own quits once its input ends, often before the answer comes).
cat "$HTTP_REQUEST"
exec cat > "$HTTP_RESPONSE"
