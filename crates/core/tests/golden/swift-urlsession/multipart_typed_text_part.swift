import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

func appendPart(_ form: inout Data, boundary: String, name: String,
                fileName: String? = nil, contentType: String? = nil, content: Data) {
    func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\"", with: "%22")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }
    var head = "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(escape(name))\""
    if let fileName = fileName {
        head += "; filename=\"\(escape(fileName))\""
    }
    head += "\r\n"
    if let contentType = contentType {
        head += "Content-Type: \(contentType)\r\n"
    }
    head += "\r\n"
    form.append(Data(head.utf8))
    form.append(content)
    form.append(Data("\r\n".utf8))
}

var request = URLRequest(url: URL(string: "http://localhost:8080/anything")!)
request.httpMethod = "POST"
let boundary = "----ReqlabBoundary\(UUID().uuidString)"
var form = Data()
appendPart(&form, boundary: boundary, name: "meta", contentType: "application/json", content: Data("{\"k\": \"v; \\\"q\\\"\", \"n\": \"café\"}".utf8))
appendPart(&form, boundary: boundary, name: "title", content: Data("plain; field".utf8))
appendPart(&form, boundary: boundary, name: "notes", fileName: "hello.txt", contentType: "text/markdown",
        content: try! Data(contentsOf: URL(fileURLWithPath: "hello.txt")))
form.append(Data("--\(boundary)--\r\n".utf8))
request.setValue("multipart/form-data; boundary=\(boundary)", forHTTPHeaderField: "Content-Type")
request.httpBody = form

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
