using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;

var handler = new HttpClientHandler();
using var client = new HttpClient(handler);
using var request = new HttpRequestMessage(HttpMethod.Put, "http://localhost:8080/anything/items/1");
request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes("hello"));
request.Content.Headers.TryAddWithoutValidation("Content-Type", "text/plain;charset=UTF-8");

using var response = await client.SendAsync(request);
Console.WriteLine($"{(int)response.StatusCode} {response.ReasonPhrase}");
Console.WriteLine(await response.Content.ReadAsStringAsync());
