<?php

require 'vendor/autoload.php';

use GuzzleHttp\Client;

$client = new Client();
$response = $client->request('PUT', 'http://localhost:8080/anything/upload', [
    'multipart' => [
        [
            'name' => 'data',
            'contents' => fopen('my file\'s data.csv', 'rb'),
            'filename' => 'my file\'s data.csv',
            'headers' => ['Content-Type' => 'text/csv'],
        ],
        ['name' => 'comment', 'contents' => 'it\'s "fine" $(id) `x` <x;y>'],
    ],
    'http_errors' => false,
]);

echo $response->getStatusCode(), ' ', $response->getReasonPhrase(), "\n";
echo $response->getBody(), "\n";
