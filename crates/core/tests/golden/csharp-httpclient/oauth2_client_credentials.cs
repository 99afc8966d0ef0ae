using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;

var handler = new HttpClientHandler();
using var client = new HttpClient(handler);
using var request = new HttpRequestMessage(HttpMethod.Get, "http://localhost:8080/anything/oauth");
request.Headers.TryAddWithoutValidation("Accept", "application/json");
request.Headers.TryAddWithoutValidation("Authorization", "Bearer YOUR_ACCESS_TOKEN");

using var response = await client.SendAsync(request);
Console.WriteLine($"{(int)response.StatusCode} {response.ReasonPhrase}");
Console.WriteLine(await response.Content.ReadAsStringAsync());
