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
    curl_easy_setopt(curl, CURLOPT_URL, "http://localhost:8080/anything/sts?Action=GetCallerIdentity&Version=2011-06-15");
    curl_easy_setopt(curl, CURLOPT_AWS_SIGV4, "aws:amz:us-east-1:sts");
    curl_easy_setopt(curl, CURLOPT_USERNAME, "ASIAEXAMPLE");
    curl_easy_setopt(curl, CURLOPT_PASSWORD, "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    headers = curl_slist_append(headers, "X-Amz-Security-Token: IQoJb3JpZ2luX2VjE'$x\"/+==");
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
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
