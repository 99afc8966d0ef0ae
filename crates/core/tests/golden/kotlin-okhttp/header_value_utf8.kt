import okhttp3.Headers
import okhttp3.OkHttpClient
import okhttp3.Request

fun main() {
    val client = OkHttpClient()

    // add() refuses header values outside ASCII; addUnsafeNonAscii() sends their UTF-8 bytes.
    val headers = Headers.Builder()
        .addUnsafeNonAscii("X-Note", "café ✓")
        .addUnsafeNonAscii("X-Latin", "naïve")
        .add("Accept", "application/json")
        .build()

    val request = Request.Builder()
        .url("http://localhost:8080/anything")
        .headers(headers)
        .build()

    client.newCall(request).execute().use { response ->
        println("${response.code()} ${response.message()}")
        println(response.body()?.string())
    }
}
