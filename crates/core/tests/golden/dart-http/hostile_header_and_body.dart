import 'dart:convert';
import 'package:http/http.dart' as http;

Future<void> main() async {
    final request = http.Request("POST", Uri.parse("http://localhost:8080/anything"));
    request.bodyBytes = utf8.encode("line one\nit's \"two\" \\ `uname` \$(id) \${HOME} !! {a,b}\n\ttab'end'");
    request.headers["X-Hostile"] = "it's \"quoted\" \\ `uname` \$(id) \${HOME} !! {a,b} ; | & > <";
    request.headers["Content-Type"] = "text/plain;charset=UTF-8";

    final streamed = await request.send();
    final response = await http.Response.fromStream(streamed);
    print('${response.statusCode} ${response.reasonPhrase}');
    print(response.body);
}
