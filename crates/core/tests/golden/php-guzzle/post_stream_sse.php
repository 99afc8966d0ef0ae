<?php

require 'vendor/autoload.php';

use GuzzleHttp\Client;

$client = new Client();
$response = $client->request('POST', 'http://localhost:8080/sse/chat', [
    'headers' => [
        'Content-Type' => 'application/json',
        'Accept' => 'text/event-stream',
    ],
    'body' => "{\n  \"model\": \"echo-1\",\n  \"stream\": true,\n  \"messages\": [{\"role\": \"user\", \"content\": \"Hello\"}]\n}",
    'http_errors' => false,
]);

echo $response->getStatusCode(), ' ', $response->getReasonPhrase(), "\n";
echo $response->getBody(), "\n";
