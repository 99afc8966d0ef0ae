import 'dart:convert';
import 'package:http/http.dart' as http;

Future<void> main() async {
    final request = http.Request("POST", Uri.parse("http://localhost:8080/anything"));
    // Encoded as browsers encode forms.
    request.bodyBytes = utf8.encode("glob=*.txt&home=%7E%2Fdocs");
    request.headers["Content-Type"] = "application/x-www-form-urlencoded";

    final streamed = await request.send();
    final response = await http.Response.fromStream(streamed);
    print('${response.statusCode} ${response.reasonPhrase}');
    print(response.body);
}
