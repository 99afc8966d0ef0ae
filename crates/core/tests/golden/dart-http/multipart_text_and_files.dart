import 'package:http/http.dart' as http;
import 'package:http_parser/http_parser.dart';

Future<void> main() async {
    final request = http.MultipartRequest("POST", Uri.parse("http://localhost:8080/anything"));
    request.fields["title"] = "Holiday photos";
    request.files.add(await http.MultipartFile.fromPath("photo", "pixel.png",
            contentType: MediaType.parse("image/png")));
    request.files.add(await http.MultipartFile.fromPath("notes", "hello.txt",
            contentType: MediaType.parse("text/plain")));
    request.fields["at"] = "@hello.txt";

    final streamed = await request.send();
    final response = await http.Response.fromStream(streamed);
    print('${response.statusCode} ${response.reasonPhrase}');
    print(response.body);
}
