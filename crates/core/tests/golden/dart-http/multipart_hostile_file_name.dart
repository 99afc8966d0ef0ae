import 'package:http/http.dart' as http;
import 'package:http_parser/http_parser.dart';

Future<void> main() async {
    final request = http.MultipartRequest("PUT", Uri.parse("http://localhost:8080/anything/upload"));
    request.files.add(await http.MultipartFile.fromPath("data", "my file's data.csv",
            contentType: MediaType.parse("text/csv")));
    request.fields["comment"] = "it's \"fine\" \$(id) `x` <x;y>";

    final streamed = await request.send();
    final response = await http.Response.fromStream(streamed);
    print('${response.statusCode} ${response.reasonPhrase}');
    print(response.body);
}
