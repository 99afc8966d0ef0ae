<?php

require 'vendor/autoload.php';

use GuzzleHttp\Client;

$client = new Client();
$response = $client->request('GET', 'http://localhost:8080/anything/oauth', [
    'headers' => [
        'Accept' => 'application/json',
        'Authorization' => 'Bearer YOUR_ACCESS_TOKEN',
    ],
    'http_errors' => false,
]);

echo $response->getStatusCode(), ' ', $response->getReasonPhrase(), "\n";
echo $response->getBody(), "\n";
