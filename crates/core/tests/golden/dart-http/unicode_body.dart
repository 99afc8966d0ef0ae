import 'dart:convert';
import 'package:http/http.dart' as http;

Future<void> main() async {
    final request = http.Request("POST", Uri.parse("http://localhost:8080/anything"));
    request.bodyBytes = utf8.encode("héllo ✓ 日本語 🦀 \u{202e} hidden \x07 bell");
    request.headers["Content-Type"] = "text/plain; charset=utf-8";

    final streamed = await request.send();
    final response = await http.Response.fromStream(streamed);
    print('${response.statusCode} ${response.reasonPhrase}');
    print(response.body);
}
