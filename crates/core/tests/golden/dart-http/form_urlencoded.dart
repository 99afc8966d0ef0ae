import 'dart:convert';
import 'package:http/http.dart' as http;

Future<void> main() async {
    final request = http.Request("POST", Uri.parse("http://localhost:8080/anything"));
    // Encoded as browsers encode forms.
    request.bodyBytes = utf8.encode("name=Peter+Parker&city=New+York+%26+Co&tag=a&tag=b%3Dc&note=%C3%A9+%E2%9C%93+100%25");
    request.headers["Content-Type"] = "application/x-www-form-urlencoded";

    final streamed = await request.send();
    final response = await http.Response.fromStream(streamed);
    print('${response.statusCode} ${response.reasonPhrase}');
    print(response.body);
}
