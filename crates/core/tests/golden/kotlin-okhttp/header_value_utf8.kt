import okhttp3.OkHttpClient
import okhttp3.Request

fun main() {
    val client = OkHttpClient()

    val request = Request.Builder()
        .url("http://localhost:8080/anything")
        .addHeader("X-Note", "café ✓")
        .addHeader("X-Latin", "naïve")
        .addHeader("Accept", "application/json")
        .build()

    client.newCall(request).execute().use { response ->
        println("${response.code()} ${response.message()}")
        println(response.body()?.string())
    }
}
