import okhttp3.MediaType
import okhttp3.OkHttpClient
import okhttp3.Request
import okhttp3.RequestBody

fun main() {
    val client = OkHttpClient()

    val body = RequestBody.create(MediaType.parse("application/json"), "{\"done\":true}".toByteArray())

    val request = Request.Builder()
        .url("http://localhost:8080/anything")
        .patch(body)
        .addHeader("Authorization", "Bearer eyJhbGciOi.abc-123_x")
        .build()

    client.newCall(request).execute().use { response ->
        println("${response.code()} ${response.message()}")
        println(response.body()?.string())
    }
}
