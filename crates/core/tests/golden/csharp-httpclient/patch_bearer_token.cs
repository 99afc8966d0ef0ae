using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;

var handler = new HttpClientHandler();
using var client = new HttpClient(handler);
using var request = new HttpRequestMessage(HttpMethod.Patch, "http://localhost:8080/anything");
request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"done\":true}"));
request.Headers.TryAddWithoutValidation("Authorization", "Bearer eyJhbGciOi.abc-123_x");
request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");

using var response = await client.SendAsync(request);
Console.WriteLine($"{(int)response.StatusCode} {response.ReasonPhrase}");
Console.WriteLine(await response.Content.ReadAsStringAsync());
