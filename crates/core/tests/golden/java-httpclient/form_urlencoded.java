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

        // Encoded as browsers encode forms.
        String form = "name=Peter+Parker&city=New+York+%26+Co&tag=a&tag=b%3Dc&note=%C3%A9+%E2%9C%93+100%25";
        HttpRequest request = HttpRequest.newBuilder()
                .uri(URI.create("http://localhost:8080/anything"))
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .build();

        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        System.out.println(response.statusCode());
        System.out.println(response.body());
    }
}
