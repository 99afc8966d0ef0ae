using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;

var handler = new HttpClientHandler();
using var client = new HttpClient(handler);
using var request = new HttpRequestMessage(HttpMethod.Post, "http://localhost:8080/anything/aws?b=2&a=1");
request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"name\": \"o'neil\"}"));
request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
request.Headers.TryAddWithoutValidation("X-Trace", "t-1");
request.Headers.TryAddWithoutValidation("X-Amz-Date", "20150830T123600Z");
request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/eu-west-1/execute-api/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-trace, Signature=6ba879c2fa64457f1440fe43df8bc26fe89d548f912f12e04a25c2d5a3dbb7c2");

using var response = await client.SendAsync(request);
Console.WriteLine($"{(int)response.StatusCode} {response.ReasonPhrase}");
Console.WriteLine(await response.Content.ReadAsStringAsync());
