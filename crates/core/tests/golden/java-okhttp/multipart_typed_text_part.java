import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import java.io.File;
import java.nio.charset.StandardCharsets;

public class Main {
    public static void main(String[] args) throws Exception {
        OkHttpClient client = new OkHttpClient();

        MultipartBody body = new MultipartBody.Builder()
                .setType(MultipartBody.FORM)
                .addFormDataPart("meta", null, RequestBody.create(MediaType.parse("application/json"), "{\"k\": \"v; \\\"q\\\"\", \"n\": \"caf\u00e9\"}".getBytes(StandardCharsets.UTF_8)))
                .addFormDataPart("title", "plain; field")
                .addFormDataPart("notes", "hello.txt", RequestBody.create(MediaType.parse("text/markdown"), new File("hello.txt")))
                .build();

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
