<?php

require 'vendor/autoload.php';

use GuzzleHttp\Client;

$client = new Client();
$response = $client->request('GET', 'http://localhost:8080/anything/digest', [
    'auth' => ['o\'neil "q" $USER', 'p\'"$HOME\\`id` ü', 'digest'],
    'http_errors' => false,
]);

echo $response->getStatusCode(), ' ', $response->getReasonPhrase(), "\n";
echo $response->getBody(), "\n";
