import okhttp3.MediaType
import okhttp3.OkHttpClient
import okhttp3.Request
import okhttp3.RequestBody

fun main() {
    val client = OkHttpClient()

    val body = RequestBody.create(MediaType.parse("application/xml"), "<?xml version=\"1.0\"?><propfind xmlns=\"DAV:\"><allprop/></propfind>".toByteArray())

    val request = Request.Builder()
        .url("http://localhost:8080/anything/dav")
        .method("PROPFIND", body)
        .addHeader("Depth", "1")
        .build()

    client.newCall(request).execute().use { response ->
        println("${response.code()} ${response.message()}")
        println(response.body()?.string())
    }
}
