http --ignore-stdin -a 'peter:s3cr3t: '\''quoted'\'' ü' --raw='{"ok": true}' -F PUT 'http://localhost:8080/anything/basic' 'Content-Type:application/json'
