using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;

var handler = new HttpClientHandler { Credentials = new NetworkCredential("o'neil \"q\" $USER", "p'\"$HOME\\`id` ü") };
using var client = new HttpClient(handler);
using var request = new HttpRequestMessage(HttpMethod.Get, "http://localhost:8080/anything/digest");

using var response = await client.SendAsync(request);
Console.WriteLine($"{(int)response.StatusCode} {response.ReasonPhrase}");
Console.WriteLine(await response.Content.ReadAsStringAsync());
