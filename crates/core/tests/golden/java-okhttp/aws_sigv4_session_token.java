import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

public class Main {
    public static void main(String[] args) throws Exception {
        OkHttpClient client = new OkHttpClient();

        Request request = new Request.Builder()
                .url("http://localhost:8080/anything/sts?Action=GetCallerIdentity&Version=2011-06-15")
                .addHeader("X-Amz-Security-Token", "IQoJb3JpZ2luX2VjE'$x\"/+==")
                .addHeader("X-Amz-Date", "20150830T123600Z")
                .addHeader("Authorization", "AWS4-HMAC-SHA256 Credential=ASIAEXAMPLE/20150830/us-east-1/sts/aws4_request, SignedHeaders=host;x-amz-date;x-amz-security-token, Signature=d0e0859353e0f3d50d862148284d465a4ece8330a696b32aeb368b11abc58673")
                .build();

        try (Response response = client.newCall(request).execute()) {
            System.out.println(response.code() + " " + response.message());
            System.out.println(response.body().string());
        }
    }
}
