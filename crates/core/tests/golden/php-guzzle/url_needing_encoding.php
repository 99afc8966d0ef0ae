<?php

require 'vendor/autoload.php';

use GuzzleHttp\Client;

$client = new Client();
$response = $client->request('GET', 'http://localhost:8080/anything/a%20b/%5Bx%5D?q=a%20b&tag=%7Bx%7D&it%27s=%C3%BC&pct=100%25', [
    'http_errors' => false,
]);

echo $response->getStatusCode(), ' ', $response->getReasonPhrase(), "\n";
echo $response->getBody(), "\n";
