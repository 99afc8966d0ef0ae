<?php

require 'vendor/autoload.php';

use GuzzleHttp\Client;

$client = new Client();
$response = $client->request('POST', 'http://localhost:8080/anything', [
    'headers' => [
        'Content-Type' => 'application/x-www-form-urlencoded',
    ],
    'body' => 'name=Peter+Parker&city=New+York+%26+Co&tag=a&tag=b%3Dc&note=%C3%A9+%E2%9C%93+100%25', // encoded as browsers encode forms
    'http_errors' => false,
]);

echo $response->getStatusCode(), ' ', $response->getReasonPhrase(), "\n";
echo $response->getBody(), "\n";
