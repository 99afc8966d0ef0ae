import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

var request = URLRequest(url: URL(string: "http://localhost:8080/anything/aws?b=2&a=1")!)
request.httpMethod = "POST"
request.addValue("application/json", forHTTPHeaderField: "Content-Type")
request.addValue("t-1", forHTTPHeaderField: "X-Trace")
request.addValue("20150830T123600Z", forHTTPHeaderField: "X-Amz-Date")
request.addValue("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/eu-west-1/execute-api/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-trace, Signature=6ba879c2fa64457f1440fe43df8bc26fe89d548f912f12e04a25c2d5a3dbb7c2", forHTTPHeaderField: "Authorization")
request.httpBody = Data("{\"name\": \"o'neil\"}".utf8)

let session = URLSession.shared
let done = DispatchSemaphore(value: 0)
session.dataTask(with: request) { data, response, error in
    if let error = error {
        print(error)
    } else if let response = response as? HTTPURLResponse {
        print(response.statusCode)
        print(String(decoding: data ?? Data(), as: UTF8.self))
    }
    done.signal()
}.resume()
done.wait()
