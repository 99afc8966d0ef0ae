import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

var request = URLRequest(url: URL(string: "http://localhost:8080/anything/dav")!)
request.httpMethod = "PROPFIND"
request.addValue("1", forHTTPHeaderField: "Depth")
request.addValue("application/xml", forHTTPHeaderField: "Content-Type")
request.httpBody = Data("<?xml version=\"1.0\"?><propfind xmlns=\"DAV:\"><allprop/></propfind>".utf8)

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
