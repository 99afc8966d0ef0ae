import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

var request = URLRequest(url: URL(string: "http://localhost:8080/anything/digest")!)
request.httpMethod = "GET"

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
