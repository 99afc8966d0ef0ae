<?php

$ch = curl_init();
curl_setopt_array($ch, [
    CURLOPT_URL => 'http://localhost:8080/anything',
    CURLOPT_RETURNTRANSFER => true,
    CURLOPT_HTTPHEADER => [
        'X-Hostile: it\'s "quoted" \\ `uname` $(id) ${HOME} !! {a,b} ; | & > <',
        'Content-Type: text/plain;charset=UTF-8',
    ],
    CURLOPT_POSTFIELDS => "line one\nit's \"two\" \\ `uname` \$(id) \${HOME} !! {a,b}\n\ttab'end'",
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
