<?php

require 'vendor/autoload.php';

use GuzzleHttp\Client;

$client = new Client();
$response = $client->request('POST', 'http://localhost:8080/anything/graphql', [
    'headers' => [
        'X-Request-Id' => 'hero-1',
        'Content-Type' => 'application/json',
    ],
    'body' => '{"query": "query HeroWithFriends($episode: Episode, $first: Int = 2) {\\n  hero(episode: $episode) {\\n    name\\n    friends(first: $first) {\\n      name\\n    }\\n  }\\n}", "operationName": "HeroWithFriends", "variables": {"episode": "JEDI", "first": 3}}',
    'http_errors' => false,
]);

echo $response->getStatusCode(), ' ', $response->getReasonPhrase(), "\n";
echo $response->getBody(), "\n";
