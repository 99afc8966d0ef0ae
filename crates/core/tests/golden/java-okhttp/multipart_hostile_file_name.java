import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import java.io.File;

public class Main {
    public static void main(String[] args) throws Exception {
        OkHttpClient client = new OkHttpClient();

        MultipartBody body = new MultipartBody.Builder()
                .setType(MultipartBody.FORM)
                .addFormDataPart("data", "my file's data.csv", RequestBody.create(MediaType.parse("text/csv"), new File("my file's data.csv")))
                .addFormDataPart("comment", "it's \"fine\" $(id) `x` <x;y>")
                .build();

        Request request = new Request.Builder()
                .url("http://localhost:8080/anything/upload")
                .put(body)
                .build();

        try (Response response = client.newCall(request).execute()) {
            System.out.println(response.code() + " " + response.message());
            System.out.println(response.body().string());
        }
    }
}
