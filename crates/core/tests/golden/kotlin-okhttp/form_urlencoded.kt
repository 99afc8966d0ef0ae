import okhttp3.FormBody
import okhttp3.OkHttpClient
import okhttp3.Request

fun main() {
    val client = OkHttpClient()

    val body = FormBody.Builder()
        .addEncoded("name", "Peter+Parker")
        .addEncoded("city", "New+York+%26+Co")
        .addEncoded("tag", "a")
        .addEncoded("tag", "b%3Dc")
        .addEncoded("note", "%C3%A9+%E2%9C%93+100%25")
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
