import 'dart:convert';
import 'package:http/http.dart' as http;
import 'package:http_parser/http_parser.dart';

Future<void> main() async {
    final request = http.MultipartRequest("POST", Uri.parse("http://localhost:8080/anything"));
    request.files.add(http.MultipartFile.fromBytes("meta", utf8.encode("{\"k\": \"v; \\\"q\\\"\", \"n\": \"café\"}"),
            contentType: MediaType.parse("application/json")));
    request.fields["title"] = "plain; field";
    request.files.add(await http.MultipartFile.fromPath("notes", "hello.txt",
            contentType: MediaType.parse("text/markdown")));

    final streamed = await request.send();
    final response = await http.Response.fromStream(streamed);
    print('${response.statusCode} ${response.reasonPhrase}');
    print(response.body);
}
