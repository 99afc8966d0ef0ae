import 'dart:convert';
import 'package:http/http.dart' as http;

Future<void> main() async {
    final request = http.Request("PUT", Uri.parse("http://localhost:8080/anything/bucket/notes%20v1.txt"));
    request.bodyBytes = utf8.encode("line one\nline two: 'quoted' \$HOME\n");
    request.headers["Content-Type"] = "text/plain";
    request.headers["X-Amz-Date"] = "20150830T123600Z";
    request.headers["X-Amz-Content-Sha256"] = "dac834b7181407676acbb4defc0f60848ad3b913cb0c1c077d087180cbff31d3";
    request.headers["Authorization"] = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/s3/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date, Signature=3ac5b5a834088eef56ad043cfe62ffd37646b8c034f884d177fdff965b2be185";

    final streamed = await request.send();
    final response = await http.Response.fromStream(streamed);
    print('${response.statusCode} ${response.reasonPhrase}');
    print(response.body);
}
