using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;

var handler = new HttpClientHandler();
using var client = new HttpClient(handler);
using var request = new HttpRequestMessage(HttpMethod.Get, "http://localhost:8080/anything/graphql?query=query%20HeroWithFriends($episode:%20Episode,%20$first:%20Int%20=%202)%20%7B%0A%20%20hero(episode:%20$episode)%20%7B%0A%20%20%20%20name%0A%20%20%20%20friends(first:%20$first)%20%7B%0A%20%20%20%20%20%20name%0A%20%20%20%20%7D%0A%20%20%7D%0A%7D&operationName=HeroWithFriends&variables=%7B%22episode%22:%20%22JEDI%22,%20%22first%22:%203%7D");
request.Headers.TryAddWithoutValidation("X-Request-Id", "hero-1");

using var response = await client.SendAsync(request);
Console.WriteLine($"{(int)response.StatusCode} {response.ReasonPhrase}");
Console.WriteLine(await response.Content.ReadAsStringAsync());
