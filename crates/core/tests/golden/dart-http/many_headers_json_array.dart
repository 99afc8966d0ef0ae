import 'dart:convert';
import 'package:http/http.dart' as http;

Future<void> main() async {
    final request = http.Request("POST", Uri.parse("http://localhost:8080/anything?page=2&per_page=50"));
    request.bodyBytes = utf8.encode("[1, 2.5, null, \"x\"]");
    request.headers["Accept"] = "application/json";
    request.headers["Accept-Language"] = "en-US,en;q=0.9";
    request.headers["Cache-Control"] = "no-cache";
    request.headers["X-Request-Id"] = "7f3a-11";
    request.headers["Content-Type"] = "application/json";

    final streamed = await request.send();
    final response = await http.Response.fromStream(streamed);
    print('${response.statusCode} ${response.reasonPhrase}');
    print(response.body);
}
