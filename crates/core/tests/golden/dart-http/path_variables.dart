import 'package:http/http.dart' as http;

Future<void> main() async {
    final request = http.Request("DELETE", Uri.parse("http://localhost:8080/anything/users/42/posts/a%20b%2Fc"));

    final streamed = await request.send();
    final response = await http.Response.fromStream(streamed);
    print('${response.statusCode} ${response.reasonPhrase}');
    print(response.body);
}
