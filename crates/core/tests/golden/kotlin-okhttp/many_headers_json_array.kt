import okhttp3.MediaType
import okhttp3.OkHttpClient
import okhttp3.Request
import okhttp3.RequestBody

fun main() {
    val client = OkHttpClient()

    val body = RequestBody.create(MediaType.parse("application/json"), "[1, 2.5, null, \"x\"]".toByteArray())

    val request = Request.Builder()
        .url("http://localhost:8080/anything?page=2&per_page=50")
        .post(body)
        .addHeader("Accept", "application/json")
        .addHeader("Accept-Language", "en-US,en;q=0.9")
        .addHeader("Cache-Control", "no-cache")
        .addHeader("X-Request-Id", "7f3a-11")
        .build()

    client.newCall(request).execute().use { response ->
        println("${response.code()} ${response.message()}")
        println(response.body()?.string())
    }
}
