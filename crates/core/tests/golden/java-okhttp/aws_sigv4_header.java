import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import java.nio.charset.StandardCharsets;

public class Main {
    public static void main(String[] args) throws Exception {
        OkHttpClient client = new OkHttpClient();

        RequestBody body = RequestBody.create(MediaType.parse("application/json"), "{\"name\": \"o'neil\"}".getBytes(StandardCharsets.UTF_8));

        Request request = new Request.Builder()
                .url("http://localhost:8080/anything/aws?b=2&a=1")
                .post(body)
                .addHeader("X-Trace", "t-1")
                .addHeader("X-Amz-Date", "20150830T123600Z")
                .addHeader("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/eu-west-1/execute-api/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-trace, Signature=6ba879c2fa64457f1440fe43df8bc26fe89d548f912f12e04a25c2d5a3dbb7c2")
                .build();

        try (Response response = client.newCall(request).execute()) {
            System.out.println(response.code() + " " + response.message());
            System.out.println(response.body().string());
        }
    }
}
