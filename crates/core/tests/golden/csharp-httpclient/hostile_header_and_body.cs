using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;

var handler = new HttpClientHandler();
using var client = new HttpClient(handler);
using var request = new HttpRequestMessage(HttpMethod.Post, "http://localhost:8080/anything");
request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes("line one\nit's \"two\" \\ `uname` $(id) ${HOME} !! {a,b}\n\ttab'end'"));
request.Headers.TryAddWithoutValidation("X-Hostile", "it's \"quoted\" \\ `uname` $(id) ${HOME} !! {a,b} ; | & > <");
request.Content.Headers.TryAddWithoutValidation("Content-Type", "text/plain;charset=UTF-8");

using var response = await client.SendAsync(request);
Console.WriteLine($"{(int)response.StatusCode} {response.ReasonPhrase}");
Console.WriteLine(await response.Content.ReadAsStringAsync());
