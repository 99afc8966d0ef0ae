import 'dart:convert';
import 'package:http/http.dart' as http;

Future<void> main() async {
    final request = http.Request("PUT", Uri.parse("http://localhost:8080/anything/basic"));
    request.bodyBytes = utf8.encode("{\"ok\": true}");
    request.headers["Authorization"] = 'Basic ' + base64Encode(utf8.encode("peter:s3cr3t: 'quoted' ü"));
    request.headers["Content-Type"] = "application/json";

    final streamed = await request.send();
    final response = await http.Response.fromStream(streamed);
    print('${response.statusCode} ${response.reasonPhrase}');
    print(response.body);
}
