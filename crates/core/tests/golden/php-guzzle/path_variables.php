<?php

require 'vendor/autoload.php';

use GuzzleHttp\Client;

$client = new Client();
$response = $client->request('DELETE', 'http://localhost:8080/anything/users/42/posts/a%20b%2Fc', [
    'http_errors' => false,
]);

echo $response->getStatusCode(), ' ', $response->getReasonPhrase(), "\n";
echo $response->getBody(), "\n";
