<?php

require 'vendor/autoload.php';

use GuzzleHttp\Client;

$client = new Client();
$response = $client->request('POST', 'http://localhost:8080/anything', [
    'headers' => [
        'Content-Type' => 'text/plain; charset=utf-8',
    ],
    'body' => "héllo ✓ 日本語 🦀 \u{202e} hidden \x07 bell",
    'http_errors' => false,
]);

echo $response->getStatusCode(), ' ', $response->getReasonPhrase(), "\n";
echo $response->getBody(), "\n";
