<?php

require 'vendor/autoload.php';

use GuzzleHttp\Client;

$client = new Client();
$response = $client->request('POST', 'http://localhost:8080/anything?page=2&per_page=50', [
    'headers' => [
        'Accept' => 'application/json',
        'Accept-Language' => 'en-US,en;q=0.9',
        'Cache-Control' => 'no-cache',
        'X-Request-Id' => '7f3a-11',
        'Content-Type' => 'application/json',
    ],
    'body' => '[1, 2.5, null, "x"]',
    'http_errors' => false,
]);

echo $response->getStatusCode(), ' ', $response->getReasonPhrase(), "\n";
echo $response->getBody(), "\n";
