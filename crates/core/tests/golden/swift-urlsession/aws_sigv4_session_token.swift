import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

var request = URLRequest(url: URL(string: "http://localhost:8080/anything/sts?Action=GetCallerIdentity&Version=2011-06-15")!)
request.httpMethod = "GET"
request.addValue("IQoJb3JpZ2luX2VjE'$x\"/+==", forHTTPHeaderField: "X-Amz-Security-Token")
request.addValue("20150830T123600Z", forHTTPHeaderField: "X-Amz-Date")
request.addValue("AWS4-HMAC-SHA256 Credential=ASIAEXAMPLE/20150830/us-east-1/sts/aws4_request, SignedHeaders=host;x-amz-date;x-amz-security-token, Signature=d0e0859353e0f3d50d862148284d465a4ece8330a696b32aeb368b11abc58673", forHTTPHeaderField: "Authorization")

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
