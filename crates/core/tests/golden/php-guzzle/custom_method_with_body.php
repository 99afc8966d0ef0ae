<?php

require 'vendor/autoload.php';

use GuzzleHttp\Client;

$client = new Client();
$response = $client->request('PROPFIND', 'http://localhost:8080/anything/dav', [
    'headers' => [
        'Depth' => '1',
        'Content-Type' => 'application/xml',
    ],
    'body' => '<?xml version="1.0"?><propfind xmlns="DAV:"><allprop/></propfind>',
    'http_errors' => false,
]);

echo $response->getStatusCode(), ' ', $response->getReasonPhrase(), "\n";
echo $response->getBody(), "\n";
