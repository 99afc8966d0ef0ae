using System;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;

var handler = new HttpClientHandler();
using var client = new HttpClient(handler);
using var request = new HttpRequestMessage(HttpMethod.Put, "http://localhost:8080/anything/upload");
var form = new MultipartFormDataContent();
{
    var file = new ByteArrayContent(File.ReadAllBytes("my file's data.csv"));
    file.Headers.ContentType = MediaTypeHeaderValue.Parse("text/csv");
    form.Add(file, "data", "my file's data.csv");
}
form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes("it's \"fine\" $(id) `x` <x;y>")), "comment");
request.Content = form;

using var response = await client.SendAsync(request);
Console.WriteLine($"{(int)response.StatusCode} {response.ReasonPhrase}");
Console.WriteLine(await response.Content.ReadAsStringAsync());
