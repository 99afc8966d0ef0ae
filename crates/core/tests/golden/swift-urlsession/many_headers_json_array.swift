import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

var request = URLRequest(url: URL(string: "http://localhost:8080/anything?page=2&per_page=50")!)
request.httpMethod = "POST"
request.addValue("application/json", forHTTPHeaderField: "Accept")
request.addValue("en-US,en;q=0.9", forHTTPHeaderField: "Accept-Language")
request.addValue("no-cache", forHTTPHeaderField: "Cache-Control")
request.addValue("7f3a-11", forHTTPHeaderField: "X-Request-Id")
request.addValue("application/json", forHTTPHeaderField: "Content-Type")
request.httpBody = Data("[1, 2.5, null, \"x\"]".utf8)

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
