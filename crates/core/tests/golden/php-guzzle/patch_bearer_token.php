<?php

require 'vendor/autoload.php';

use GuzzleHttp\Client;

$client = new Client();
$response = $client->request('PATCH', 'http://localhost:8080/anything', [
    'headers' => [
        'Authorization' => 'Bearer eyJhbGciOi.abc-123_x',
        'Content-Type' => 'application/json',
    ],
    'body' => '{"done":true}',
    'http_errors' => false,
]);

echo $response->getStatusCode(), ' ', $response->getReasonPhrase(), "\n";
echo $response->getBody(), "\n";
