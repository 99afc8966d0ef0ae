"""The requests of the Python requests tutorial seed, sent to a reqlab-echo instead of httpbin.org.

Usage: python3 seed_requests.py BASE_URL WORK_DIR
Prints one JSON object: for each seed example, what the script would have printed, as data.
"""

import hashlib
import json
import os
import sys

import requests as req
from requests.auth import HTTPDigestAuth

base = sys.argv[1].rstrip("/")
work = sys.argv[2]
out = {}

# mget.py: a query string written into the URL.
resp = req.get(base + "/get?name=Peter")
out["mget"] = {"status": resp.status_code, "body": resp.json()}

# mget2.py: the same through params=.
payload = {"name": "Peter", "age": 23}
resp = req.get(base + "/get", params=payload)
out["mget2"] = {"url": resp.url, "body": resp.json()}

# redirect.py: followed by default, the 302 kept in history.
resp = req.get(base + "/redirect-to?url=/")
out["redirect"] = {
    "status": resp.status_code,
    "history": [r.status_code for r in resp.history],
    "url": resp.url,
}

# redirect2.py: not followed.
resp = req.get(base + "/redirect-to?url=/", allow_redirects=False)
out["redirect2"] = {"status": resp.status_code, "url": resp.url}

# user_agent.py: a custom user agent, echoed back.
resp = req.get(base + "/user-agent", headers={"user-agent": "Python script"})
out["user_agent"] = resp.json()

# post_value.py: a form post.
resp = req.post(base + "/post", {"name": "Peter"})
out["post_value"] = resp.json()

# send_json.py: a JSON post.
resp = req.post(base + "/post", json={"name": "Jane", "age": 17})
out["send_json"] = resp.json()

# read_json.py: a JSON document read with resp.json().
out["read_json"] = req.get(base + "/json").json()

# get_status.py: a good and a missing page.
out["get_status"] = [req.get(base + "/status/200").status_code, req.get(base + "/news").status_code]

# head_request.py: headers only.
resp = req.head(base + "/get")
out["head_request"] = {
    "status": resp.status_code,
    "content_type": resp.headers.get("content-type"),
    "body": resp.text,
}

# upload_file.py: a file upload, to httpbin's /post and to /upload.
image = os.path.join(work, "sid.jpg")
data = bytes(range(256)) * 40
with open(image, "wb") as f:
    f.write(data)
with open(image, "rb") as f:
    resp = req.post(base + "/post", files={"image": f})
out["upload_post"] = resp.json()
with open(image, "rb") as f:
    resp = req.post(base + "/upload", files={"image": f})
out["upload"] = {"body": resp.json(), "expected_sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}

# streaming.py: a body read in 1 KB chunks with stream=True, and JSON lines.
resp = req.get(base + "/stream-bytes/50000?seed=3", stream=True)
total = 0
chunks = 0
for chunk in resp.iter_content(chunk_size=1024):
    total += len(chunk)
    chunks += 1
resp = req.get(base + "/stream/5", stream=True)
lines = [json.loads(line) for line in resp.iter_lines() if line]
out["streaming"] = {"bytes": total, "chunks": chunks, "line_ids": [l["id"] for l in lines]}

# credentials.py: Basic auth, plus Digest, which requests also speaks.
resp = req.get(base + "/basic-auth/user7/7user", auth=("user7", "7user"))
wrong = req.get(base + "/basic-auth/user7/7user", auth=("user7", "wrong"))
digest = req.get(base + "/digest-auth/auth/user7/7user", auth=HTTPDigestAuth("user7", "7user"))
digest256 = req.get(base + "/digest-auth/auth/user7/7user/SHA-256", auth=HTTPDigestAuth("user7", "7user"))
out["credentials"] = {
    "basic": resp.json(),
    "wrong_status": wrong.status_code,
    "digest_status": digest.status_code,
    "digest256_status": digest256.status_code,
}

print(json.dumps(out))
