import 'package:http/http.dart' as http;

Future<void> main() async {
    final request = http.Request("GET", Uri.parse("http://localhost:8080/anything"));
    // Left out: dart:io refuses header values outside ASCII (FormatException).
    // request.headers["X-Note"] = "café ✓";
    // request.headers["X-Latin"] = "naïve";
    request.headers["Accept"] = "application/json";

    final streamed = await request.send();
    final response = await http.Response.fromStream(streamed);
    print('${response.statusCode} ${response.reasonPhrase}');
    print(response.body);
}
