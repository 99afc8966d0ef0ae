<?php

require 'vendor/autoload.php';

use GuzzleHttp\Client;

$client = new Client();
$response = $client->request('POST', 'http://localhost:8080/anything', [
    'headers' => [
        'X-Hostile' => 'it\'s "quoted" \\ `uname` $(id) ${HOME} !! {a,b} ; | & > <',
        'Content-Type' => 'text/plain;charset=UTF-8',
    ],
    'body' => "line one\nit's \"two\" \\ `uname` \$(id) \${HOME} !! {a,b}\n\ttab'end'",
    'http_errors' => false,
]);

echo $response->getStatusCode(), ' ', $response->getReasonPhrase(), "\n";
echo $response->getBody(), "\n";
