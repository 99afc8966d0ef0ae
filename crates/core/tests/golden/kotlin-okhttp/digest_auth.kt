import okhttp3.OkHttpClient
import okhttp3.Request

fun main() {
    val client = OkHttpClient()

    val request = Request.Builder()
        .url("http://localhost:8080/anything/digest")
        .build()

    client.newCall(request).execute().use { response ->
        println("${response.code()} ${response.message()}")
        println(response.body()?.string())
    }
}
