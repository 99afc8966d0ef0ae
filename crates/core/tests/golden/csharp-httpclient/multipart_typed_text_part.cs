using System;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;

var handler = new HttpClientHandler();
using var client = new HttpClient(handler);
using var request = new HttpRequestMessage(HttpMethod.Post, "http://localhost:8080/anything");
var form = new MultipartFormDataContent();
{
    var part = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"k\": \"v; \\\"q\\\"\", \"n\": \"café\"}"));
    part.Headers.TryAddWithoutValidation("Content-Type", "application/json");
    form.Add(part, "meta");
}
form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes("plain; field")), "title");
{
    var file = new ByteArrayContent(File.ReadAllBytes("hello.txt"));
    file.Headers.ContentType = MediaTypeHeaderValue.Parse("text/markdown");
    form.Add(file, "notes", "hello.txt");
}
request.Content = form;

using var response = await client.SendAsync(request);
Console.WriteLine($"{(int)response.StatusCode} {response.ReasonPhrase}");
Console.WriteLine(await response.Content.ReadAsStringAsync());
