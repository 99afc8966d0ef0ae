#include <stdio.h>
#include <curl/curl.h>

int main(void)
{
    CURL *curl;
    CURLcode res;
    long status = 0;
    struct curl_slist *headers = NULL;
    curl_mime *form;
    curl_mimepart *part;

    curl_global_init(CURL_GLOBAL_DEFAULT);
    curl = curl_easy_init();
    if (!curl)
        return 1;
    curl_easy_setopt(curl, CURLOPT_URL, "http://localhost:8080/anything");
    form = curl_mime_init(curl);
    part = curl_mime_addpart(form);
    curl_mime_name(part, "meta");
    curl_mime_data(part, "{\"k\": \"v; \\\"q\\\"\", \"n\": \"café\"}", CURL_ZERO_TERMINATED);
    curl_mime_type(part, "application/json");
    part = curl_mime_addpart(form);
    curl_mime_name(part, "title");
    curl_mime_data(part, "plain; field", CURL_ZERO_TERMINATED);
    part = curl_mime_addpart(form);
    curl_mime_name(part, "notes");
    curl_mime_filedata(part, "hello.txt");
    curl_mime_type(part, "text/markdown");
    curl_easy_setopt(curl, CURLOPT_MIMEPOST, form);
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);

    /* The response body goes to stdout. */
    res = curl_easy_perform(curl);
    if (res == CURLE_OK) {
        curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
        printf("\n%ld\n", status);
    } else {
        fprintf(stderr, "request failed: %s\n", curl_easy_strerror(res));
    }

    curl_mime_free(form);
    curl_slist_free_all(headers);
    curl_easy_cleanup(curl);
    curl_global_cleanup();
    return res == CURLE_OK ? 0 : 1;
}
