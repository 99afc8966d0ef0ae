using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;

// Header values outside ASCII are refused unless an encoding is chosen: UTF-8, as curl sends them.
var handler = new SocketsHttpHandler { RequestHeaderEncodingSelector = (_, _) => Encoding.UTF8 };
using var client = new HttpClient(handler);
using var request = new HttpRequestMessage(HttpMethod.Get, "http://localhost:8080/anything");
request.Headers.TryAddWithoutValidation("X-Note", "café ✓");
request.Headers.TryAddWithoutValidation("X-Latin", "naïve");
request.Headers.TryAddWithoutValidation("Accept", "application/json");

using var response = await client.SendAsync(request);
Console.WriteLine($"{(int)response.StatusCode} {response.ReasonPhrase}");
Console.WriteLine(await response.Content.ReadAsStringAsync());
