import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

public class Main {
    public static void main(String[] args) throws Exception {
        OkHttpClient client = new OkHttpClient();

        Request request = new Request.Builder()
                .url("http://localhost:8080/anything/digest")
                .build();

        try (Response response = client.newCall(request).execute()) {
            System.out.println(response.code() + " " + response.message());
            System.out.println(response.body().string());
        }
    }
}
