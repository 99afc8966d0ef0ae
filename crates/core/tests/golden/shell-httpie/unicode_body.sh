http --ignore-stdin \
    --raw='héllo ✓ 日本語 🦀 ‮ hidden  bell' \
    --follow \
    'http://localhost:8080/anything' \
    'Content-Type:text/plain; charset=utf-8'
