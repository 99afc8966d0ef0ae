<?php

$ch = curl_init();
curl_setopt_array($ch, [
    CURLOPT_URL => 'http://localhost:8080/anything/aws?b=2&a=1',
    CURLOPT_RETURNTRANSFER => true,
    CURLOPT_HTTPHEADER => [
        'Content-Type: application/json',
        'X-Trace: t-1',
        'X-Amz-Date: 20150830T123600Z',
        'Authorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/eu-west-1/execute-api/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-trace, Signature=6ba879c2fa64457f1440fe43df8bc26fe89d548f912f12e04a25c2d5a3dbb7c2',
    ],
    CURLOPT_POSTFIELDS => '{"name": "o\'neil"}',
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
