import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

var request = URLRequest(url: URL(string: "http://localhost:8080/anything/bucket/notes%20v1.txt")!)
request.httpMethod = "PUT"
request.addValue("text/plain", forHTTPHeaderField: "Content-Type")
request.addValue("20150830T123600Z", forHTTPHeaderField: "X-Amz-Date")
request.addValue("dac834b7181407676acbb4defc0f60848ad3b913cb0c1c077d087180cbff31d3", forHTTPHeaderField: "X-Amz-Content-Sha256")
request.addValue("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/s3/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date, Signature=3ac5b5a834088eef56ad043cfe62ffd37646b8c034f884d177fdff965b2be185", forHTTPHeaderField: "Authorization")
request.httpBody = Data("line one\nline two: 'quoted' $HOME\n".utf8)

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
