using System;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;

var handler = new HttpClientHandler();
using var client = new HttpClient(handler);
using var request = new HttpRequestMessage(HttpMethod.Post, "http://localhost:8080/anything/bin");
request.Content = new ByteArrayContent(File.ReadAllBytes("bytes.bin"));
request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/octet-stream");

using var response = await client.SendAsync(request);
Console.WriteLine($"{(int)response.StatusCode} {response.ReasonPhrase}");
Console.WriteLine(await response.Content.ReadAsStringAsync());
