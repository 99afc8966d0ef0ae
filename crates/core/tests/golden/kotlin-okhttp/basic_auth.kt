import okhttp3.Credentials
import okhttp3.MediaType
import okhttp3.OkHttpClient
import okhttp3.Request
import okhttp3.RequestBody

fun main() {
    val client = OkHttpClient()

    val body = RequestBody.create(MediaType.parse("application/json"), "{\"ok\": true}".toByteArray())

    val request = Request.Builder()
        .url("http://localhost:8080/anything/basic")
        .put(body)
        .addHeader("Authorization", Credentials.basic("peter", "s3cr3t: 'quoted' ü", Charsets.UTF_8))
        .build()

    client.newCall(request).execute().use { response ->
        println("${response.code()} ${response.message()}")
        println(response.body()?.string())
    }
}
