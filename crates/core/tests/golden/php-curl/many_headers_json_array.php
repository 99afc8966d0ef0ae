<?php

$ch = curl_init();
curl_setopt_array($ch, [
    CURLOPT_URL => 'http://localhost:8080/anything?page=2&per_page=50',
    CURLOPT_RETURNTRANSFER => true,
    CURLOPT_HTTPHEADER => [
        'Accept: application/json',
        'Accept-Language: en-US,en;q=0.9',
        'Cache-Control: no-cache',
        'X-Request-Id: 7f3a-11',
        'Content-Type: application/json',
    ],
    CURLOPT_POSTFIELDS => '[1, 2.5, null, "x"]',
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
