<?php

require 'vendor/autoload.php';

use GuzzleHttp\Client;

$client = new Client();
$response = $client->request('POST', 'http://localhost:8080/anything', [
    'multipart' => [
        ['name' => 'title', 'contents' => 'Holiday photos'],
        [
            'name' => 'photo',
            'contents' => fopen('pixel.png', 'rb'),
            'filename' => 'pixel.png',
            'headers' => ['Content-Type' => 'image/png'],
        ],
        [
            'name' => 'notes',
            'contents' => fopen('hello.txt', 'rb'),
            'filename' => 'hello.txt',
            'headers' => ['Content-Type' => 'text/plain'],
        ],
        ['name' => 'at', 'contents' => '@hello.txt'],
    ],
    'http_errors' => false,
]);

echo $response->getStatusCode(), ' ', $response->getReasonPhrase(), "\n";
echo $response->getBody(), "\n";
