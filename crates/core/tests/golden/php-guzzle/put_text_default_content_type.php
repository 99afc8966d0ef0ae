<?php

require 'vendor/autoload.php';

use GuzzleHttp\Client;

$client = new Client();
$response = $client->request('PUT', 'http://localhost:8080/anything/items/1', [
    'headers' => [
        'Content-Type' => 'text/plain;charset=UTF-8',
    ],
    'body' => 'hello',
    'http_errors' => false,
]);

echo $response->getStatusCode(), ' ', $response->getReasonPhrase(), "\n";
echo $response->getBody(), "\n";
