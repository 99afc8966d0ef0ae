#include <stdio.h>
#include <curl/curl.h>

int main(void)
{
    CURL *curl;
    CURLcode res;
    long status = 0;
    struct curl_slist *headers = NULL;

    curl_global_init(CURL_GLOBAL_DEFAULT);
    curl = curl_easy_init();
    if (!curl)
        return 1;
    curl_easy_setopt(curl, CURLOPT_URL, "http://localhost:8080/anything/bucket/notes%20v1.txt");
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, "PUT");
    curl_easy_setopt(curl, CURLOPT_AWS_SIGV4, "aws:amz:us-east-1:s3");
    curl_easy_setopt(curl, CURLOPT_USERNAME, "AKIDEXAMPLE");
    curl_easy_setopt(curl, CURLOPT_PASSWORD, "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    headers = curl_slist_append(headers, "Content-Type: text/plain");
    headers = curl_slist_append(headers, "X-Amz-Content-Sha256: dac834b7181407676acbb4defc0f60848ad3b913cb0c1c077d087180cbff31d3");
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    static const char data[] = "line one\nline two: 'quoted' $HOME\n";
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, data);
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, (long)(sizeof data - 1));
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);

    /* The response body goes to stdout. */
    res = curl_easy_perform(curl);
    if (res == CURLE_OK) {
        curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
        printf("\n%ld\n", status);
    } else {
        fprintf(stderr, "request failed: %s\n", curl_easy_strerror(res));
    }

    curl_slist_free_all(headers);
    curl_easy_cleanup(curl);
    curl_global_cleanup();
    return res == CURLE_OK ? 0 : 1;
}
