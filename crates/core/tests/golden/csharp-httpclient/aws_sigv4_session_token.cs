using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;

var handler = new HttpClientHandler();
using var client = new HttpClient(handler);
using var request = new HttpRequestMessage(HttpMethod.Get, "http://localhost:8080/anything/sts?Action=GetCallerIdentity&Version=2011-06-15");
request.Headers.TryAddWithoutValidation("X-Amz-Security-Token", "IQoJb3JpZ2luX2VjE'$x\"/+==");
request.Headers.TryAddWithoutValidation("X-Amz-Date", "20150830T123600Z");
request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=ASIAEXAMPLE/20150830/us-east-1/sts/aws4_request, SignedHeaders=host;x-amz-date;x-amz-security-token, Signature=d0e0859353e0f3d50d862148284d465a4ece8330a696b32aeb368b11abc58673");

using var response = await client.SendAsync(request);
Console.WriteLine($"{(int)response.StatusCode} {response.ReasonPhrase}");
Console.WriteLine(await response.Content.ReadAsStringAsync());
