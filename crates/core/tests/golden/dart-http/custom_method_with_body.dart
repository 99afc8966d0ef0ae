import 'dart:convert';
import 'package:http/http.dart' as http;

Future<void> main() async {
    final request = http.Request("PROPFIND", Uri.parse("http://localhost:8080/anything/dav"));
    request.bodyBytes = utf8.encode("<?xml version=\"1.0\"?><propfind xmlns=\"DAV:\"><allprop/></propfind>");
    request.headers["Depth"] = "1";
    request.headers["Content-Type"] = "application/xml";

    final streamed = await request.send();
    final response = await http.Response.fromStream(streamed);
    print('${response.statusCode} ${response.reasonPhrase}');
    print(response.body);
}
