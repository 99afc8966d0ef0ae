using System;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;

var handler = new HttpClientHandler();
using var client = new HttpClient(handler);
using var request = new HttpRequestMessage(HttpMethod.Post, "http://localhost:8080/anything");
var form = new MultipartFormDataContent();
form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes("Holiday photos")), "title");
{
    var file = new ByteArrayContent(File.ReadAllBytes("pixel.png"));
    file.Headers.ContentType = MediaTypeHeaderValue.Parse("image/png");
    form.Add(file, "photo", "pixel.png");
}
{
    var file = new ByteArrayContent(File.ReadAllBytes("hello.txt"));
    file.Headers.ContentType = MediaTypeHeaderValue.Parse("text/plain");
    form.Add(file, "notes", "hello.txt");
}
form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes("@hello.txt")), "at");
request.Content = form;

using var response = await client.SendAsync(request);
Console.WriteLine($"{(int)response.StatusCode} {response.ReasonPhrase}");
Console.WriteLine(await response.Content.ReadAsStringAsync());
