<?php

$ch = curl_init();
curl_setopt_array($ch, [
    CURLOPT_URL => 'http://localhost:8080/anything',
    CURLOPT_RETURNTRANSFER => true,
    CURLOPT_HTTPHEADER => [
        'Content-Type: multipart/form-data; boundary=reqlab-boundary-7MA4YWxkTrZu0gW',
    ],
    // CURLFile always writes a filename, which a typed text part must not have: the body is written out.
    CURLOPT_POSTFIELDS => implode("\r\n", [
        '--reqlab-boundary-7MA4YWxkTrZu0gW',
        'Content-Disposition: form-data; name="meta"',
        'Content-Type: application/json',
        '',
        '{"k": "v; \\"q\\"", "n": "café"}',
        '--reqlab-boundary-7MA4YWxkTrZu0gW',
        'Content-Disposition: form-data; name="title"',
        '',
        'plain; field',
        '--reqlab-boundary-7MA4YWxkTrZu0gW',
        'Content-Disposition: form-data; name="notes"; filename="hello.txt"',
        'Content-Type: text/markdown',
        '',
        file_get_contents('hello.txt'),
        '--reqlab-boundary-7MA4YWxkTrZu0gW--',
        '',
    ]),
    CURLOPT_FOLLOWLOCATION => true,
]);

$response = curl_exec($ch);
if ($response === false) {
    fwrite(STDERR, curl_error($ch) . "\n");
    exit(1);
}
echo curl_getinfo($ch, CURLINFO_RESPONSE_CODE), "\n";
echo $response, "\n";
curl_close($ch);
