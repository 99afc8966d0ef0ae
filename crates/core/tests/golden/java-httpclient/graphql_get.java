import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

public class Main {
    public static void main(String[] args) throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();

        HttpRequest request = HttpRequest.newBuilder()
                .uri(URI.create("http://localhost:8080/anything/graphql?query=query%20HeroWithFriends($episode:%20Episode,%20$first:%20Int%20=%202)%20%7B%0A%20%20hero(episode:%20$episode)%20%7B%0A%20%20%20%20name%0A%20%20%20%20friends(first:%20$first)%20%7B%0A%20%20%20%20%20%20name%0A%20%20%20%20%7D%0A%20%20%7D%0A%7D&operationName=HeroWithFriends&variables=%7B%22episode%22:%20%22JEDI%22,%20%22first%22:%203%7D"))
                .GET()
                .header("X-Request-Id", "hero-1")
                .build();

        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        System.out.println(response.statusCode());
        System.out.println(response.body());
    }
}
