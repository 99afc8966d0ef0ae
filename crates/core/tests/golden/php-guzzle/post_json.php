<?php

require 'vendor/autoload.php';

use GuzzleHttp\Client;

$client = new Client();
$response = $client->request('POST', 'http://localhost:8080/anything', [
    'headers' => [
        'Content-Type' => 'application/json',
    ],
    'body' => "{\n  \"name\": \"Peter\",\n  \"tags\": [\"a\", \"b\"]\n}",
    'http_errors' => false,
]);

echo $response->getStatusCode(), ' ', $response->getReasonPhrase(), "\n";
echo $response->getBody(), "\n";
