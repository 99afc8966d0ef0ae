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
                .uri(URI.create("http://localhost:8080/anything/bucket/notes%20v1.txt"))
                .PUT(HttpRequest.BodyPublishers.ofString("line one\nline two: 'quoted' $HOME\n"))
                .header("Content-Type", "text/plain")
                .header("X-Amz-Date", "20150830T123600Z")
                .header("X-Amz-Content-Sha256", "dac834b7181407676acbb4defc0f60848ad3b913cb0c1c077d087180cbff31d3")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/s3/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date, Signature=3ac5b5a834088eef56ad043cfe62ffd37646b8c034f884d177fdff965b2be185")
                .build();

        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        System.out.println(response.statusCode());
        System.out.println(response.body());
    }
}
