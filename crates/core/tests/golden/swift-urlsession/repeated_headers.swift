import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

var request = URLRequest(url: URL(string: "http://localhost:8080/anything")!)
request.httpMethod = "GET"
request.addValue("a", forHTTPHeaderField: "X-Tag")
request.addValue("1", forHTTPHeaderField: "X-Other")
request.addValue("b", forHTTPHeaderField: "X-Tag")
request.addValue("c", forHTTPHeaderField: "x-tag")

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
