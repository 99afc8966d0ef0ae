import 'dart:convert';
import 'package:http/http.dart' as http;

Future<void> main() async {
    final request = http.Request("POST", Uri.parse("http://localhost:8080/anything/aws?b=2&a=1"));
    request.bodyBytes = utf8.encode("{\"name\": \"o'neil\"}");
    request.headers["Content-Type"] = "application/json";
    request.headers["X-Trace"] = "t-1";
    request.headers["X-Amz-Date"] = "20150830T123600Z";
    request.headers["Authorization"] = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/eu-west-1/execute-api/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-trace, Signature=6ba879c2fa64457f1440fe43df8bc26fe89d548f912f12e04a25c2d5a3dbb7c2";

    final streamed = await request.send();
    final response = await http.Response.fromStream(streamed);
    print('${response.statusCode} ${response.reasonPhrase}');
    print(response.body);
}
