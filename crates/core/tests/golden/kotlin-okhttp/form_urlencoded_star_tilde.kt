import okhttp3.FormBody
import okhttp3.OkHttpClient
import okhttp3.Request

fun main() {
    val client = OkHttpClient()

    val body = FormBody.Builder()
        .addEncoded("glob", "*.txt")
        .addEncoded("home", "%7E%2Fdocs")
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
