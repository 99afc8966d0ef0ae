import 'dart:io';
import 'package:http/http.dart' as http;

Future<void> main() async {
    final request = http.Request("POST", Uri.parse("http://localhost:8080/anything/bin"));
    request.bodyBytes = await File("bytes.bin").readAsBytes();
    request.headers["Content-Type"] = "application/octet-stream";

    final streamed = await request.send();
    final response = await http.Response.fromStream(streamed);
    print('${response.statusCode} ${response.reasonPhrase}');
    print(response.body);
}
