<?php

require 'vendor/autoload.php';

use GuzzleHttp\Client;

$client = new Client();
$response = $client->request('PUT', 'http://localhost:8080/anything/basic', [
    'headers' => [
        'Content-Type' => 'application/json',
    ],
    'auth' => ['peter', 's3cr3t: \'quoted\' ü'],
    'body' => '{"ok": true}',
    'http_errors' => false,
]);

echo $response->getStatusCode(), ' ', $response->getReasonPhrase(), "\n";
echo $response->getBody(), "\n";
