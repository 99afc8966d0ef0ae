import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Stream;

public class Main {
    public static void main(String[] args) throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();

        HttpRequest request = HttpRequest.newBuilder()
                .uri(URI.create("http://localhost:8080/sse/chat"))
                .POST(HttpRequest.BodyPublishers.ofString("{\n  \"model\": \"echo-1\",\n  \"stream\": true,\n  \"messages\": [{\"role\": \"user\", \"content\": \"Hello\"}]\n}"))
                .header("Content-Type", "application/json")
                .header("Accept", "text/event-stream")
                .build();

        HttpResponse<Stream<String>> response = client.send(request, HttpResponse.BodyHandlers.ofLines());
        System.out.println(response.statusCode());
        response.body().forEach(System.out::println);
    }
}
