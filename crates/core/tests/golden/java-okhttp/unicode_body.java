import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import java.nio.charset.StandardCharsets;

public class Main {
    public static void main(String[] args) throws Exception {
        OkHttpClient client = new OkHttpClient();

        RequestBody body = RequestBody.create(MediaType.parse("text/plain; charset=utf-8"), "h\u00e9llo \u2713 \u65e5\u672c\u8a9e \ud83e\udd80 \u202e hidden \007 bell".getBytes(StandardCharsets.UTF_8));

        Request request = new Request.Builder()
                .url("http://localhost:8080/anything")
                .post(body)
                .build();

        try (Response response = client.newCall(request).execute()) {
            System.out.println(response.code() + " " + response.message());
            System.out.println(response.body().string());
        }
    }
}
