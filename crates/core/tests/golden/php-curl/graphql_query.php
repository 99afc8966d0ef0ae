<?php

$ch = curl_init();
curl_setopt_array($ch, [
    CURLOPT_URL => 'http://localhost:8080/anything/graphql',
    CURLOPT_RETURNTRANSFER => true,
    CURLOPT_HTTPHEADER => [
        'X-Request-Id: hero-1',
        'Content-Type: application/json',
    ],
    CURLOPT_POSTFIELDS => '{"query": "query HeroWithFriends($episode: Episode, $first: Int = 2) {\\n  hero(episode: $episode) {\\n    name\\n    friends(first: $first) {\\n      name\\n    }\\n  }\\n}", "operationName": "HeroWithFriends", "variables": {"episode": "JEDI", "first": 3}}',
    CURLOPT_FOLLOWLOCATION => true,
]);

$response = curl_exec($ch);
if ($response === false) {
    fwrite(STDERR, curl_error($ch) . "\n");
    exit(1);
}
echo curl_getinfo($ch, CURLINFO_RESPONSE_CODE), "\n";
echo $response, "\n";
curl_close($ch);
