#include <stdio.h>
#include <curl/curl.h>

int main(void)
{
    CURL *curl;
    CURLcode res;
    long status = 0;
    struct curl_slist *headers = NULL;
    FILE *body;
    long size;

    curl_global_init(CURL_GLOBAL_DEFAULT);
    curl = curl_easy_init();
    if (!curl)
        return 1;
    curl_easy_setopt(curl, CURLOPT_URL, "http://localhost:8080/anything/bin");
    headers = curl_slist_append(headers, "Content-Type: application/octet-stream");
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    body = fopen("bytes.bin", "rb");
    if (!body) {
        perror("bytes.bin");
        return 1;
    }
    fseek(body, 0, SEEK_END);
    size = ftell(body);
    rewind(body);
    curl_easy_setopt(curl, CURLOPT_POST, 1L);
    curl_easy_setopt(curl, CURLOPT_READDATA, body);
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, size);
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);

    /* The response body goes to stdout. */
    res = curl_easy_perform(curl);
    if (res == CURLE_OK) {
        curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
        printf("\n%ld\n", status);
    } else {
        fprintf(stderr, "request failed: %s\n", curl_easy_strerror(res));
    }

    fclose(body);
    curl_slist_free_all(headers);
    curl_easy_cleanup(curl);
    curl_global_cleanup();
    return res == CURLE_OK ? 0 : 1;
}
