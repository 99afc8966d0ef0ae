import okhttp3.Headers;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

public class Main {
    public static void main(String[] args) throws Exception {
        OkHttpClient client = new OkHttpClient();

        // add() refuses header values outside ASCII; addUnsafeNonAscii() sends their UTF-8 bytes.
        Headers headers = new Headers.Builder()
                .addUnsafeNonAscii("X-Note", "caf\u00e9 \u2713")
                .addUnsafeNonAscii("X-Latin", "na\u00efve")
                .add("Accept", "application/json")
                .build();

        Request request = new Request.Builder()
                .url("http://localhost:8080/anything")
                .headers(headers)
                .build();

        try (Response response = client.newCall(request).execute()) {
            System.out.println(response.code() + " " + response.message());
            System.out.println(response.body().string());
        }
    }
}
