import 'package:http/http.dart' as http;

Future<void> main() async {
    final request = http.Request("GET", Uri.parse("http://localhost:8080/anything/sts?Action=GetCallerIdentity&Version=2011-06-15"));
    request.headers["X-Amz-Security-Token"] = "IQoJb3JpZ2luX2VjE'\$x\"/+==";
    request.headers["X-Amz-Date"] = "20150830T123600Z";
    request.headers["Authorization"] = "AWS4-HMAC-SHA256 Credential=ASIAEXAMPLE/20150830/us-east-1/sts/aws4_request, SignedHeaders=host;x-amz-date;x-amz-security-token, Signature=d0e0859353e0f3d50d862148284d465a4ece8330a696b32aeb368b11abc58673";

    final streamed = await request.send();
    final response = await http.Response.fromStream(streamed);
    print('${response.statusCode} ${response.reasonPhrase}');
    print(response.body);
}
