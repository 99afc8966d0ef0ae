import okhttp3.MediaType
import okhttp3.MultipartBody
import okhttp3.OkHttpClient
import okhttp3.Request
import okhttp3.RequestBody
import java.io.File

fun main() {
    val client = OkHttpClient()

    val body = MultipartBody.Builder()
        .setType(MultipartBody.FORM)
        .addFormDataPart("meta", null, RequestBody.create(MediaType.parse("application/json"), "{\"k\": \"v; \\\"q\\\"\", \"n\": \"café\"}".toByteArray()))
        .addFormDataPart("title", "plain; field")
        .addFormDataPart("notes", "hello.txt", RequestBody.create(MediaType.parse("text/markdown"), File("hello.txt")))
        .build()

    val request = Request.Builder()
        .url("http://localhost:8080/anything")
        .post(body)
        .build()

    client.newCall(request).execute().use { response ->
        println("${response.code()} ${response.message()}")
        println(response.body()?.string())
    }
}
