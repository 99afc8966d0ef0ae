using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;

var handler = new HttpClientHandler();
using var client = new HttpClient(handler);
using var request = new HttpRequestMessage(HttpMethod.Put, "http://localhost:8080/anything/bucket/notes%20v1.txt");
request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes("line one\nline two: 'quoted' $HOME\n"));
request.Content.Headers.TryAddWithoutValidation("Content-Type", "text/plain");
request.Headers.TryAddWithoutValidation("X-Amz-Date", "20150830T123600Z");
request.Headers.TryAddWithoutValidation("X-Amz-Content-Sha256", "dac834b7181407676acbb4defc0f60848ad3b913cb0c1c077d087180cbff31d3");
request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/s3/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date, Signature=3ac5b5a834088eef56ad043cfe62ffd37646b8c034f884d177fdff965b2be185");

using var response = await client.SendAsync(request);
Console.WriteLine($"{(int)response.StatusCode} {response.ReasonPhrase}");
Console.WriteLine(await response.Content.ReadAsStringAsync());
