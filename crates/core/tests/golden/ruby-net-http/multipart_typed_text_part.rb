require "net/http"
require "uri"

uri = URI("http://localhost:8080/anything")
request = Net::HTTP::Post.new(uri)
# set_form types only parts with a filename: the body is written out as browsers write it.
request.body = [
    "--reqlab-boundary-7MA4YWxkTrZu0gW",
    "Content-Disposition: form-data; name=\"meta\"",
    "Content-Type: application/json",
    "",
    "{\"k\": \"v; \\\"q\\\"\", \"n\": \"café\"}",
    "--reqlab-boundary-7MA4YWxkTrZu0gW",
    "Content-Disposition: form-data; name=\"title\"",
    "",
    "plain; field",
    "--reqlab-boundary-7MA4YWxkTrZu0gW",
    "Content-Disposition: form-data; name=\"notes\"; filename=\"hello.txt\"",
    "Content-Type: text/markdown",
    "",
    File.binread("hello.txt"),
    "--reqlab-boundary-7MA4YWxkTrZu0gW--",
    "",
].map(&:b).join("\r\n")
request["Content-Type"] = "multipart/form-data; boundary=reqlab-boundary-7MA4YWxkTrZu0gW"

response = Net::HTTP.start(uri.hostname, uri.port, use_ssl: uri.scheme == "https") do |http|
    http.request(request)
end

puts "#{response.code} #{response.message}"
puts response.body
