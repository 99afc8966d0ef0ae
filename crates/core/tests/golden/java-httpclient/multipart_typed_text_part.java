import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

public class Main {
    public static void main(String[] args) throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();

        String boundary = "----ReqlabBoundary" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream form = new ByteArrayOutputStream();
        part(form, boundary, "meta", null, "application/json", "{\"k\": \"v; \\\"q\\\"\", \"n\": \"caf\u00e9\"}".getBytes(StandardCharsets.UTF_8));
        part(form, boundary, "title", null, null, "plain; field".getBytes(StandardCharsets.UTF_8));
        part(form, boundary, "notes", "hello.txt", "text/markdown", Files.readAllBytes(Path.of("hello.txt")));
        form.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder()
                .uri(URI.create("http://localhost:8080/anything"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.toByteArray()))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .build();

        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        System.out.println(response.statusCode());
        System.out.println(response.body());
    }

    private static void part(ByteArrayOutputStream form, String boundary, String name,
            String fileName, String contentType, byte[] content) throws IOException {
        StringBuilder head = new StringBuilder("--").append(boundary).append("\r\n");
        head.append("Content-Disposition: form-data; name=\"").append(escape(name)).append('"');
        if (fileName != null) {
            head.append("; filename=\"").append(escape(fileName)).append('"');
        }
        head.append("\r\n");
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        head.append("\r\n");
        form.write(head.toString().getBytes(StandardCharsets.UTF_8));
        form.write(content);
        form.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }

    private static String escape(String text) {
        return text.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }
}
