import okhttp3.MediaType
import okhttp3.OkHttpClient
import okhttp3.Request
import okhttp3.RequestBody

fun main() {
    val client = OkHttpClient()

    val body = RequestBody.create(MediaType.parse("application/json"), "{\"query\": \"query HeroWithFriends(\$episode: Episode, \$first: Int = 2) {\\n  hero(episode: \$episode) {\\n    name\\n    friends(first: \$first) {\\n      name\\n    }\\n  }\\n}\", \"operationName\": \"HeroWithFriends\", \"variables\": {\"episode\": \"JEDI\", \"first\": 3}}".toByteArray())

    val request = Request.Builder()
        .url("http://localhost:8080/anything/graphql")
        .post(body)
        .addHeader("X-Request-Id", "hero-1")
        .build()

    client.newCall(request).execute().use { response ->
        println("${response.code()} ${response.message()}")
        println(response.body()?.string())
    }
}
