import 'dart:convert';
import 'package:http/http.dart' as http;

Future<void> main() async {
    final request = http.Request("POST", Uri.parse("http://localhost:8080/anything/graphql"));
    request.bodyBytes = utf8.encode("{\"query\": \"query HeroWithFriends(\$episode: Episode, \$first: Int = 2) {\\n  hero(episode: \$episode) {\\n    name\\n    friends(first: \$first) {\\n      name\\n    }\\n  }\\n}\", \"operationName\": \"HeroWithFriends\", \"variables\": {\"episode\": \"JEDI\", \"first\": 3}}");
    request.headers["X-Request-Id"] = "hero-1";
    request.headers["Content-Type"] = "application/json";

    final streamed = await request.send();
    final response = await http.Response.fromStream(streamed);
    print('${response.statusCode} ${response.reasonPhrase}');
    print(response.body);
}
