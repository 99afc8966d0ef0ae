import 'package:http/http.dart' as http;

Future<void> main() async {
    final request = http.Request("GET", Uri.parse("http://localhost:8080/anything/a%20b/%5Bx%5D?q=a%20b&tag=%7Bx%7D&it%27s=%C3%BC&pct=100%25"));

    final streamed = await request.send();
    final response = await http.Response.fromStream(streamed);
    print('${response.statusCode} ${response.reasonPhrase}');
    print(response.body);
}
