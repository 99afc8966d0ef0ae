<?php

require 'vendor/autoload.php';

use GuzzleHttp\Client;

$client = new Client();
$response = $client->request('POST', 'http://localhost:8080/anything', [
    'multipart' => [
        [
            'name' => 'meta',
            'contents' => '{"k": "v; \\"q\\"", "n": "café"}',
            'headers' => ['Content-Type' => 'application/json'],
        ],
        ['name' => 'title', 'contents' => 'plain; field'],
        [
            'name' => 'notes',
            'contents' => fopen('hello.txt', 'rb'),
            'filename' => 'hello.txt',
            'headers' => ['Content-Type' => 'text/markdown'],
        ],
    ],
    'http_errors' => false,
]);

echo $response->getStatusCode(), ' ', $response->getReasonPhrase(), "\n";
echo $response->getBody(), "\n";
