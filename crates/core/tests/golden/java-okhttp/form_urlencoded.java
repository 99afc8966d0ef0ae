import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

public class Main {
    public static void main(String[] args) throws Exception {
        OkHttpClient client = new OkHttpClient();

        FormBody body = new FormBody.Builder()
                .addEncoded("name", "Peter+Parker")
                .addEncoded("city", "New+York+%26+Co")
                .addEncoded("tag", "a")
                .addEncoded("tag", "b%3Dc")
                .addEncoded("note", "%C3%A9+%E2%9C%93+100%25")
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
