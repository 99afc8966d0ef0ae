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
        .addFormDataPart("data", "my file's data.csv", RequestBody.create(MediaType.parse("text/csv"), File("my file's data.csv")))
        .addFormDataPart("comment", "it's \"fine\" \$(id) `x` <x;y>")
        .build()

    val request = Request.Builder()
        .url("http://localhost:8080/anything/upload")
        .put(body)
        .build()

    client.newCall(request).execute().use { response ->
        println("${response.code()} ${response.message()}")
        println(response.body()?.string())
    }
}
