import okhttp3.OkHttpClient
import okhttp3.Request
import java.util.concurrent.TimeUnit

fun main() {
    val client = OkHttpClient.Builder()
        .followRedirects(false)
        .callTimeout(2500, TimeUnit.MILLISECONDS)
        .build()

    val request = Request.Builder()
        .url("http://localhost:8080/anything")
        .build()

    client.newCall(request).execute().use { response ->
        println("${response.code()} ${response.message()}")
        println(response.body()?.string())
    }
}
