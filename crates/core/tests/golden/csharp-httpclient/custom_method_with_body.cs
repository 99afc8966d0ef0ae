using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;

var handler = new HttpClientHandler();
using var client = new HttpClient(handler);
using var request = new HttpRequestMessage(new HttpMethod("PROPFIND"), "http://localhost:8080/anything/dav");
request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><propfind xmlns=\"DAV:\"><allprop/></propfind>"));
request.Headers.TryAddWithoutValidation("Depth", "1");
request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/xml");

using var response = await client.SendAsync(request);
Console.WriteLine($"{(int)response.StatusCode} {response.ReasonPhrase}");
Console.WriteLine(await response.Content.ReadAsStringAsync());
