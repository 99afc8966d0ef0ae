import 'dart:convert';
import 'package:http/http.dart' as http;

Future<void> main() async {
    final request = http.Request("PUT", Uri.parse("http://localhost:8080/anything/items/1"));
    request.bodyBytes = utf8.encode("hello");
    request.headers["Content-Type"] = "text/plain;charset=UTF-8";

    final streamed = await request.send();
    final response = await http.Response.fromStream(streamed);
    print('${response.statusCode} ${response.reasonPhrase}');
    print(response.body);
}
