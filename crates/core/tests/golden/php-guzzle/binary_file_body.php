<?php

require 'vendor/autoload.php';

use GuzzleHttp\Client;

$client = new Client();
$response = $client->request('POST', 'http://localhost:8080/anything/bin', [
    'headers' => [
        'Content-Type' => 'application/octet-stream',
    ],
    'body' => fopen('bytes.bin', 'rb'),
    'http_errors' => false,
]);

echo $response->getStatusCode(), ' ', $response->getReasonPhrase(), "\n";
echo $response->getBody(), "\n";
