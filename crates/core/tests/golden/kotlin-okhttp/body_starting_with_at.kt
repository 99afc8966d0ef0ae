import okhttp3.MediaType
import okhttp3.OkHttpClient
import okhttp3.Request
import okhttp3.RequestBody

fun main() {
    val client = OkHttpClient()

    val body = RequestBody.create(MediaType.parse("text/plain"), "@/etc/passwd".toByteArray())

    val request = Request.Builder()
        .url("http://localhost:8080/anything")
        .post(body)
        .build()

    client.newCall(request).execute().use { response ->
        println("${response.code()} ${response.message()}")
        println(response.body()?.string())
    }
}
